"""The credit policy simulator's formulas, against a published textbook case and by hand for every field.

The textbook case (荆新、王化成、刘俊彦《财务管理学》, 信用期间决策): a company selling on 30 days' credit considers
60 days; minimum return on investment 15 %; unit price 5, variable cost 4 (ratio 0.8); 30 days: sales 500,000,
collection cost 3,000, bad debts 5,000; 60 days: sales 600,000, collection cost 4,000, bad debts 9,000; 360-day
year. The book's answer: the interest on receivables rises from 5,000 to 12,000, the margin by 20,000, and
60 days is better by 8,000.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from hqdesk.domain.credit_simulator import (
    SimulatorInputError,
    evaluate,
    parse_input,
    result_json,
)

D = Decimal

TEXTBOOK = {
    "days_in_year": 360,
    "variable_cost_ratio": D("0.8"),
    "capital_cost": D("0.15"),
    "alternatives": [
        {
            "name": "30天",
            "credit_sales": 500000,
            "collection_days": 30,
            "bad_debt_amount": 5000,
            "collection_cost": 3000,
        },
        {
            "name": "60天",
            "credit_sales": 600000,
            "collection_days": 60,
            "bad_debt_amount": 9000,
            "collection_cost": 4000,
        },
        {
            # the same 60 days with a cash discount 0.8/30, N/60 taken by half the customers (by sales);
            # bad debts as a rate (1.2 %), collection cost 3,000
            "name": "0.8/30,N/60",
            "credit_sales": 600000,
            "payment_mix": [
                {"share": D("0.5"), "days": 30, "discount": D("0.008")},
                {"share": D("0.5"), "days": 60},
            ],
            "bad_debt_rate": D("0.012"),
            "collection_cost": 3000,
        },
    ],
}


def _run(data):
    return result_json(evaluate(parse_input(data)))


def test_the_textbook_case_field_by_field():
    out = _run(TEXTBOOK)
    a, b, c = out["alternatives"]
    # 30 days: margin 500,000 x 0.2; receivable 500,000/360 x 30; interest x 0.8 x 15 % = 5,000 (the book's)
    assert a == {
        "name": "30天",
        "contribution_margin": D("100000.00"),
        "collection_days": D("30.00"),
        "average_receivable": D("41666.67"),
        "receivable_opportunity_cost": D("5000.00"),
        "bad_debt_cost": D("5000.00"),
        "discount_cost": D("0.00"),
        "collection_cost": D("3000.00"),
        "other_costs": D("0.00"),
        "net_benefit": D("87000.00"),
    }
    # 60 days: interest 600,000/360 x 60 x 0.8 x 15 % = 12,000 (the book's)
    assert b["contribution_margin"] == D("120000.00") and b["average_receivable"] == D("100000.00")
    assert b["receivable_opportunity_cost"] == D("12000.00") and b["net_benefit"] == D("95000.00")
    # with the discount: 0.5 x 30 + 0.5 x 60 = 45 days; 600,000/360 x 45 = 75,000; x 0.12 = 9,000;
    # discount 600,000 x 0.5 x 0.008 = 2,400; bad debts 600,000 x 1.2 % = 7,200;
    # 120,000 - 9,000 - 7,200 - 2,400 - 3,000 = 98,400
    assert c == {
        "name": "0.8/30,N/60",
        "contribution_margin": D("120000.00"),
        "collection_days": D("45.00"),
        "average_receivable": D("75000.00"),
        "receivable_opportunity_cost": D("9000.00"),
        "bad_debt_cost": D("7200.00"),
        "discount_cost": D("2400.00"),
        "collection_cost": D("3000.00"),
        "other_costs": D("0.00"),
        "net_benefit": D("98400.00"),
    }
    assert out["recommended"] == "0.8/30,N/60"
    # the book: 60 days beats 30 days by 8,000
    assert out["versus_first"] == [
        {"name": "30天", "net_benefit_change": D("0.00")},
        {"name": "60天", "net_benefit_change": D("8000.00")},
        {"name": "0.8/30,N/60", "net_benefit_change": D("11400.00")},
    ]


def test_override_ratio_other_costs_and_default_year():
    out = _run(
        {
            "variable_cost_ratio": D("0.6"),
            "capital_cost": D("0.1"),
            "alternatives": [
                {
                    "name": "A",
                    "credit_sales": 720000,
                    "collection_days": 45,
                    "bad_debt_rate": D("0.02"),
                    "collection_cost": 1000,
                    "other_costs": 500,
                    "variable_cost_ratio": D("0.7"),
                }
            ],
        }
    )
    (a,) = out["alternatives"]
    # 360 days by default; r = 0.7 overrides 0.6: margin 216,000; receivable 720,000/360 x 45 = 90,000;
    # 90,000 x 0.7 x 0.1 = 6,300; bad debts 14,400; 216,000 - 6,300 - 14,400 - 1,000 - 500 = 193,800
    assert a["contribution_margin"] == D("216000.00") and a["average_receivable"] == D("90000.00")
    assert a["receivable_opportunity_cost"] == D("6300.00") and a["bad_debt_cost"] == D("14400.00")
    assert a["other_costs"] == D("500.00") and a["net_benefit"] == D("193800.00")


def test_rounding_is_half_up_at_the_end_only():
    out = _run(
        {
            "days_in_year": 365,
            "variable_cost_ratio": 0,
            "capital_cost": 0,
            "alternatives": [
                # net 1 - 0.015 = 0.985 -> 0.99 (half up; half-even or a float would give 0.98)
                {
                    "name": "x",
                    "credit_sales": 1,
                    "collection_days": 0,
                    "bad_debt_amount": D("0.015"),
                    "collection_cost": 0,
                },
                # 1000/365 x 10 = 27.397... -> 27.40
                {
                    "name": "y",
                    "credit_sales": 1000,
                    "collection_days": 10,
                    "bad_debt_rate": 0,
                    "collection_cost": 0,
                },
            ],
        }
    )
    assert out["alternatives"][0]["net_benefit"] == D("0.99")
    assert out["alternatives"][1]["average_receivable"] == D("27.40")


def _alt(**changes):
    alt = {
        "name": "B",
        "credit_sales": 1000,
        "collection_days": 30,
        "bad_debt_rate": D("0.01"),
        "collection_cost": 0,
    }
    alt.update(changes)
    return {k: v for k, v in alt.items() if v is not None}


def _input(*alternatives, **top):
    data = {"variable_cost_ratio": D("0.7"), "capital_cost": D("0.1"), "alternatives": list(alternatives)}
    data.update(top)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (_input(_alt(credit_sales=-1)), 'alternatives[0] "B".credit_sales: must not be negative'),
        (_input(_alt(credit_sales="1000")), 'alternatives[0] "B".credit_sales: must be a number'),
        (_input(_alt(credit_sales=True)), 'alternatives[0] "B".credit_sales: must be a number'),
        (_input(_alt(credit_sales=None)), 'alternatives[0] "B".credit_sales: missing'),
        (_input(_alt(collection_cost=None)), 'alternatives[0] "B".collection_cost: missing'),
        (_input(_alt(name=None)), "alternatives[0].name: every alternative needs a name"),
        (_input(_alt(), _alt()), 'alternatives[1] "B".name: another alternative already has this name'),
        (
            _input(_alt(collection_days=None)),
            'alternatives[0] "B": give either collection_days or payment_mix',
        ),
        (
            _input(_alt(payment_mix=[{"share": 1, "days": 10}])),
            'alternatives[0] "B": give either collection_days or payment_mix',
        ),
        (
            _input(_alt(bad_debt_amount=5)),
            'alternatives[0] "B": give either bad_debt_rate or bad_debt_amount',
        ),
        (
            _input(_alt(bad_debt_rate=None)),
            'alternatives[0] "B": give either bad_debt_rate or bad_debt_amount',
        ),
        (
            _input(_alt(bad_debt_rate=D("1.5"))),
            'alternatives[0] "B".bad_debt_rate: must be a fraction between 0 and 1',
        ),
        (
            _input(
                _alt(
                    collection_days=None,
                    payment_mix=[{"share": D("0.6"), "days": 10}, {"share": D("0.3"), "days": 30}],
                )
            ),
            'alternatives[0] "B".payment_mix: the shares add up to 0.9; they must add up to 1',
        ),
        (
            _input(_alt(collection_days=None, payment_mix=[{"share": 1, "days": 10, "discount": 2}])),
            'alternatives[0] "B".payment_mix[0].discount: must be a fraction between 0 and 1',
        ),
        (
            _input(_alt(collection_days=None, payment_mix=[{"share": 1}])),
            'alternatives[0] "B".payment_mix[0].days: missing',
        ),
        (
            _input(_alt(collection_days=None, payment_mix=[])),
            'alternatives[0] "B".payment_mix: must be a non-empty list',
        ),
        (_input(_alt(collection_day=30)), 'alternatives[0] "B".collection_day: unknown field'),
        (_input(_alt(), capital_cost=None), "capital_cost: missing"),
        (_input(_alt(), capital_cost=D("-0.1")), "capital_cost: must be a fraction between 0 and 1"),
        (_input(_alt(), variable_cost_ratio=None), 'alternatives[0] "B".variable_cost_ratio: missing'),
        (_input(_alt(), days_in_year=0), "days_in_year: must be greater than zero"),
        (_input(_alt(), extra=1), "extra: unknown field"),
        (_input(), "alternatives: must be a non-empty list"),
        ([], "input: must be a JSON object"),
        (_input("B"), "alternatives[0]: must be a JSON object"),
    ],
)
def test_bad_input_names_the_alternative_and_the_field(data, fragment):
    with pytest.raises(SimulatorInputError) as caught:
        parse_input(data)
    assert fragment in caught.value.english()
    assert caught.value.exit_code == 2


def test_the_variable_cost_ratio_may_come_from_every_alternative_alone():
    out = _run(_input(_alt(variable_cost_ratio=D("0.5")), variable_cost_ratio=None))
    assert out["alternatives"][0]["contribution_margin"] == D("500.00")


def test_textbook_json_round_trip():
    # figures are Decimal: the command writes them as JSON numbers
    text = json.dumps(_run(TEXTBOOK), default=float, ensure_ascii=False)
    assert '"net_benefit": 95000.0' in text and '"average_receivable": 41666.67' in text
