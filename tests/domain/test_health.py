"""The franchisee health score, the at-risk signals and ABC classes on constructed cases (domain/health.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hqdesk.domain.health import (
    AT_RISK,
    HEALTHY,
    WATCH,
    HealthInputs,
    abc_classes,
    health_score,
    no_visit,
    overdue_rising,
    sales_falling,
)

D = Decimal


def inputs(recent="100", year_ago="100", previous="100", overdue=0, complaints=0, visit=30) -> HealthInputs:
    return HealthInputs(D(recent), D(year_ago), D(previous), overdue, complaints, visit)


def test_a_thriving_franchisee_scores_100():
    s = health_score(inputs(recent="120"))
    assert (s.score, s.band, s.sales, s.payment, s.complaints, s.contact) == (
        100,
        HEALTHY,
        100,
        100,
        100,
        100,
    )


def test_each_part_and_its_weight():
    # flat sales (ratio 1.0): (1.0 - 0.5) / 0.6 = 83.3 -> 40 x 0.833 = 33.3; the rest full: 30 + 15 + 15
    s = health_score(inputs())
    assert (s.sales, s.score) == (83, 93)
    # 45 days overdue: payment 50 -> 15 of 30
    assert health_score(inputs(recent="120", overdue=45)).score == 85
    # one open complaint: 60 -> 9 of 15; two: 30 -> 4.5; three: 0
    assert [health_score(inputs(recent="120", complaints=n)).score for n in (1, 2, 3, 7)] == [94, 90, 85, 85]
    # last visit 227.5 days ago would be half; 365 days or never: 0
    assert health_score(inputs(recent="120", visit=365)).score == 85
    assert health_score(inputs(recent="120", visit=None)).score == 85
    assert health_score(inputs(recent="120", visit=90)).score == 100


def test_sales_trend_falls_back_to_the_previous_months_then_to_selling_at_all():
    assert health_score(inputs(recent="50", year_ago="0", previous="100")).sales == 0  # halved
    assert health_score(inputs(recent="80", year_ago="0", previous="100")).sales == 50
    assert health_score(inputs(recent="10", year_ago="0", previous="0")).sales == 100  # new and buying
    assert health_score(inputs(recent="0", year_ago="0", previous="0")).sales == 0


def test_a_franchisee_slipping_on_every_count_is_at_risk():
    s = health_score(inputs(recent="40", overdue=120, complaints=3, visit=None))
    assert (s.score, s.band) == (0, AT_RISK)
    s = health_score(inputs(recent="80", overdue=30, complaints=1, visit=200))
    # sales 50 x 0.4 = 20; payment 66.7 x 0.3 = 20; complaints 60 x 0.15 = 9; contact (365-200)/275 = 60 -> 9
    assert (s.score, s.band) == (58, WATCH)


@pytest.mark.parametrize(
    ("monthly", "months", "expected"),
    [
        (["100", "90", "80", "70"], 3, True),
        (["100", "90", "90", "70"], 3, False),  # flat once
        (["90", "80", "70"], 3, False),  # too short to tell
        (["100", "120", "80", "70"], 2, True),
    ],
)
def test_sales_falling(monthly, months, expected):
    assert sales_falling([D(x) for x in monthly], months) is expected


def test_overdue_rising_and_no_visit():
    assert overdue_rising([D("0"), D("10"), D("20")])
    assert not overdue_rising([D("10"), D("10"), D("20")])
    assert not overdue_rising([D("0")])
    assert no_visit(None) and no_visit(90) and not no_visit(89)
    assert no_visit(40, days=30)


def test_abc_by_cumulative_share():
    # total 1,000: A while the sales before are below 80 %, B below 95 %, C after and without sales
    sales = [D(x) for x in ("500", "200", "100", "100", "60", "40", "0")]
    assert abc_classes(sales) == ["A", "A", "A", "B", "B", "C", "C"]
    assert abc_classes([D("0"), D("0")]) == ["C", "C"]
