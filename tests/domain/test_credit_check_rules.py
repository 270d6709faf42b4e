"""The credit check's decision rules, the derived loss rate and the policy advice (pure)."""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

import pytest

from hqdesk.domain.credit import Decision, DunningAction, TermKind
from hqdesk.domain.credit_check import (
    Advice,
    CreditFacts,
    check_order,
    derived_loss_rate,
    months_before,
    policy_advice,
)
from hqdesk.domain.dunning import LevelRule, numbered

STANDARD = tuple(
    numbered(
        [
            LevelRule(7, DunningAction.REMINDER_LETTER, "dunning_reminder"),
            LevelRule(30, DunningAction.PHONE_CALL),
            LevelRule(45, DunningAction.VISIT),
            LevelRule(60, DunningAction.CREDIT_HOLD),
            LevelRule(90, DunningAction.FINAL_DEMAND, "dunning_final"),
        ]
    )
)
CLEAN = CreditFacts(
    amount=D("10000.00"),
    open_balance=D("50000.00"),
    credit_limit=D("100000.00"),
    term_kind=TermKind.NET,
    max_days_overdue=0,
    amount_overdue=D(0),
    tolerance_days=15,
    levels=STANDARD,
    expected_loss_rate=D("0.02"),
    credit_standard=D("0.05"),
    policy_name="Standard",
)


def codes(result):
    return {r.code: r.decision for r in result.reasons}


def test_a_clean_order_is_approved_with_its_figures_in_words():
    result = check_order(CLEAN)
    assert result.decision is Decision.APPROVE
    assert result.texts()[0] == (
        "Open balance 50,000.00 plus this order 10,000.00 makes 60,000.00: 60.00% of the credit limit 100,000.00."
    )
    assert "Nothing is overdue." in result.texts()


@pytest.mark.parametrize(
    ("amount", "decision", "code"),
    [
        ("40000.00", Decision.APPROVE, "limit_ok"),  # 90 % exactly: not above
        ("40000.01", Decision.WARN, "limit_nearly_used"),
        ("50000.00", Decision.WARN, "limit_nearly_used"),  # the limit exactly: not over
        ("50000.01", Decision.BLOCK, "limit_exceeded"),
    ],
)
def test_limit_bounds(amount, decision, code):
    result = check_order(replace(CLEAN, amount=D(amount)))
    assert result.decision is decision
    assert codes(result)[code] is decision


def test_no_limit_means_no_credit():
    for limit in (None, D(0)):
        result = check_order(replace(CLEAN, credit_limit=limit))
        assert result.decision is Decision.BLOCK
        assert codes(result)["no_limit"] is Decision.BLOCK


def test_overdue_within_tolerance_warns_beyond_blocks():
    within = check_order(replace(CLEAN, max_days_overdue=15, amount_overdue=D("800.00")))
    assert within.decision is Decision.WARN
    assert "800.00 is overdue, the oldest by 15 days: within the 15 days" in within.texts()[0]
    beyond = check_order(replace(CLEAN, max_days_overdue=16, amount_overdue=D("800.00")))
    assert beyond.decision is Decision.BLOCK
    assert codes(beyond)["overdue_beyond_tolerance"] is Decision.BLOCK


def test_dunning_level_at_or_past_a_hold_blocks():
    assert "dunning_hold" not in codes(check_order(replace(CLEAN, max_days_overdue=59, tolerance_days=365)))
    at = check_order(replace(CLEAN, max_days_overdue=60, tolerance_days=365))
    assert codes(at)["dunning_hold"] is Decision.BLOCK
    past = check_order(replace(CLEAN, max_days_overdue=95, tolerance_days=365))
    assert codes(past)["dunning_hold"] is Decision.BLOCK
    assert "Dunning level 5 (Final demand letter) is reached: from 60 days overdue" in past.texts()[0]


def test_hold_flag_and_loss_rate_block():
    held = check_order(replace(CLEAN, on_hold=True, hold_reason="拖欠货款"))
    assert held.decision is Decision.BLOCK and "on credit hold: 拖欠货款" in held.texts()[0]
    risky = check_order(replace(CLEAN, expected_loss_rate=D("0.050001")))
    assert codes(risky)["above_credit_standard"] is Decision.BLOCK
    assert (
        codes(check_order(replace(CLEAN, expected_loss_rate=D("0.05")))).get("above_credit_standard") is None
    )


def test_terms_advance_blocks_cod_says_collect():
    assert codes(check_order(replace(CLEAN, term_kind=TermKind.ADVANCE)))["advance_payment"] is Decision.BLOCK
    cod = check_order(replace(CLEAN, term_kind=TermKind.COD))
    assert cod.decision is Decision.APPROVE and codes(cod)["cash_on_delivery"] is Decision.APPROVE


def test_every_reason_is_kept_blocks_first():
    result = check_order(
        replace(
            CLEAN,
            amount=D("60000.00"),
            on_hold=True,
            hold_reason="x",
            max_days_overdue=5,
            amount_overdue=D(1),
        )
    )
    assert [r.decision for r in result.reasons] == [Decision.BLOCK, Decision.BLOCK, Decision.WARN]


def test_derived_loss_rate_needs_a_year_of_history():
    normal = D("0.02")
    assert derived_loss_rate(D("300"), D("10000"), date(2024, 1, 1), date(2026, 1, 1), normal) == (
        D("0.03"),
        True,
    )
    assert derived_loss_rate(D("300"), D("10000"), date(2025, 6, 1), date(2026, 1, 1), normal) == (
        normal,
        False,
    )
    assert derived_loss_rate(D("0"), D("0"), date(2020, 1, 1), date(2026, 1, 1), normal) == (normal, False)
    assert derived_loss_rate(D("1"), D("1"), None, date(2026, 1, 1), normal) == (normal, False)


def test_months_before_keeps_month_ends():
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 2, 28), 36) == date(2023, 2, 28)
    assert months_before(date(2024, 2, 29), 12) == date(2023, 2, 28)


@pytest.mark.parametrize(
    ("write_offs", "kind"),
    [("2001", Advice.TIGHTEN), ("2000", Advice.KEEP), ("1600", Advice.KEEP), ("1599", Advice.LOOSEN)],
)
def test_policy_advice_band(write_offs, kind):
    advice = policy_advice(D(write_offs), D("100000"), D("0.02"), date(2025, 1, 1), date(2025, 12, 31))
    assert advice.kind == kind


def test_policy_advice_says_the_figures():
    advice = policy_advice(D("3000"), D("100000"), D("0.02"), date(2025, 1, 1), date(2025, 12, 31))
    assert advice.text() == (
        "From 2025-01-01 to 2025-12-31 write-offs of 3,000.00 on credit sales of 100,000.00 make an actual "
        "bad-debt loss rate of 3.00%, above the normal rate 2.00%. Tighten: a stricter credit standard, shorter "
        "settlement terms and a stricter collection policy."
    )
    assert policy_advice(D(0), D(0), D("0.02"), date(2025, 1, 1), date(2025, 12, 31)).kind == Advice.NO_DATA
