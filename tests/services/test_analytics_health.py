"""Franchisee health, at-risk reasons, ABC/RFM segments, complaints and visits against plan, on SQLite and
PostgreSQL, on the ledger of ``analytics_ledger`` plus visits and complaints, every figure worked by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import update

from hqdesk.domain.complaints import Channel, Severity
from hqdesk.domain.visits import VisitData
from hqdesk.persistence.models import Franchisee
from hqdesk.services.analytics_dto import AnalyticsFilter
from hqdesk.services.complaints_dto import ComplaintIntake
from hqdesk.services.receivables import ReceivablesService
from tests.services.analytics_ledger import build

D = Decimal
TODAY = date(2026, 11, 25)


@pytest.fixture
def world(services, users):
    admin = users["admin"]
    ids = build(services, admin, users["am"].user_id)
    with services.db.write("test") as s:
        s.execute(update(Franchisee).values(status="active"))
        s.commit()
    services.visits.log(admin, ids["f1"], VisitData(visited_on=date(2026, 10, 1)), today=TODAY)
    cats = {c.path: c.id for c in services.complaints.categories()}

    def complain(fid, path, day):
        received = datetime(day.year, day.month, day.day, 2, 0, tzinfo=UTC)
        services.complaints.log(
            admin, ComplaintIntake(fid, received, Channel.PHONE, cats[path], Severity.MEDIUM, "镀层脱落")
        )

    complain(ids["f1"], "物流配送 › 延迟到货", date(2026, 10, 10))
    complain(ids["f1"], "产品质量 › 电镀/镀层", date(2026, 11, 5))
    complain(ids["f2"], "产品质量 › 镶嵌/掉石", date(2026, 11, 3))
    return services, ids, users


def test_health_scores_worked_by_hand(world):
    services, ids, users = world
    report = services.analytics.franchisee_health(users["viewer"], TODAY)
    by_code = {r.code: r for r in report.rows}
    f1, f2 = by_code["F1"], by_code["F2"]
    # F1: sells now and sold nothing in either base period -> sales 100 (x 0.4 = 40); I1 350 days overdue ->
    # payment 0; 2 open complaints -> 30 (x 0.15 = 4.5); visited 55 days ago -> 100 (x 0.15 = 15): 59.5 -> 60
    assert (f1.score, f1.band, f1.sales_part, f1.payment_part, f1.complaints_part, f1.contact_part) == (
        60,
        "watch",
        100,
        0,
        30,
        100,
    )
    assert (f1.recent_sales, f1.max_days_overdue, f1.open_complaints, f1.days_since_visit) == (
        D("3300.00"),
        350,
        2,
        55,
    )
    # F2: nothing in Aug-Oct 2026 against 800 a year earlier -> 0; J1 360 days overdue -> 0; 1 complaint -> 60
    # (x 0.15 = 9); never visited -> 0
    assert (f2.score, f2.band, f2.year_ago_sales, f2.days_since_visit) == (9, "at_risk", D("800.00"), None)
    assert [r.code for r in report.rows] == ["F2", "F1"]  # lowest score first
    assert [(r.code, r.reasons) for r in report.at_risk] == [("F2", ("no_visit",))]


def test_at_risk_parameters(world):
    services, ids, users = world
    a = services.analytics
    # overdue of F1 at 31 October and today: 1,000 (I1) then 2,800 (I2 fell due on 4 November): rising
    report = a.franchisee_health(users["admin"], TODAY, overdue_points=2, no_visit_days=30)
    reasons = {r.code: r.reasons for r in report.rows}
    assert reasons["F1"] == ("overdue_rising", "no_visit")
    # over three dates (30 September too) it did not rise at every step
    assert "overdue_rising" not in {
        x for r in a.franchisee_health(users["admin"], TODAY).rows for x in r.reasons
    }
    receivables = ReceivablesService(services.db)
    for day, amount in ((date(2026, 10, 31), D("1000.00")), (TODAY, D("2800.00"))):
        assert receivables.kpis(users["admin"], day, day, ids["f1"]).overdue == amount
    # sales falling: F1 sold 3,300 in October, then add a smaller November... months are whole months before
    # today's, so compare October against September (0): not falling
    assert "sales_falling" not in reasons["F1"]
    with pytest.raises(ValueError):
        a.franchisee_health(users["admin"], TODAY, overdue_points=1)
    mine = a.franchisee_health(users["am"], TODAY, AnalyticsFilter(account_manager_id=users["am"].user_id))
    assert [r.code for r in mine.rows] == ["F1"]


def test_sales_falling_months_in_a_row(world):
    services, ids, users = world
    admin = users["admin"]
    for number, day, amount in (("K1", date(2026, 7, 3), "900.00"), ("K2", date(2026, 8, 3), "600.00")):
        services.ledger.record(admin, ids["f2"], "invoice", number, day, D(amount), date(2026, 12, 31))
    services.ledger.record(
        admin, ids["f2"], "invoice", "K3", date(2026, 9, 3), D("300.00"), date(2026, 12, 31)
    )
    # F2 by month: June 0, July 900, Aug 600, Sept 300, Oct 0: falling the last 3 months (Aug, Sept, Oct)
    report = services.analytics.franchisee_health(admin, TODAY)
    assert "sales_falling" in {r.code: r.reasons for r in report.rows}["F2"]
    report = services.analytics.franchisee_health(admin, TODAY, falling_months=4)  # June -> July rose
    assert "sales_falling" not in {r.code: r.reasons for r in report.rows}["F2"]


def test_segments_abc_and_rfm(world):
    services, _, users = world
    seg = services.analytics.segments(users["viewer"], date(2025, 12, 1), date(2026, 11, 1))
    rows = [(r.code, r.sales, r.abc, r.frequency, r.last_invoice, r.rfm) for r in seg.rows]
    assert rows == [
        # F1: 3,300 + 2,000 = 5,300, the first 81.5 % -> A; I2, I3, I4 in the period; last invoice 15 Nov
        ("F1", D("5300.00"), "A", 3, date(2026, 11, 15), "222"),
        # F2: 1,200; the sales before it are 81.5 % of the total -> B
        ("F2", D("1200.00"), "B", 1, date(2026, 11, 1), "111"),
    ]
    assert seg.rows[0].recency_days == 15  # to 30 November
    assert seg.abc_counts() == {"A": 1, "B": 1, "C": 0}


def test_complaints_by_category_and_month(world):
    services, ids, users = world
    a = services.analytics
    rows = a.complaints_by_category(users["viewer"], date(2026, 10, 1), date(2026, 11, 30))
    assert [(r.label, r.count, r.cumulative_share) for r in rows] == [
        ("产品质量", 2, D(2) / D(3)),
        ("物流配送", 1, D(1)),
    ]
    months = a.complaints_by_month(users["viewer"], date(2026, 9, 1), date(2026, 11, 30))
    assert [(r.key, r.count) for r in months] == [("2026-09", 0), ("2026-10", 1), ("2026-11", 2)]
    one = a.complaints_by_month(
        users["viewer"], date(2026, 9, 1), date(2026, 11, 30), AnalyticsFilter(franchisee_id=ids["f2"])
    )
    assert [r.count for r in one] == [0, 0, 1]


def test_visits_against_plan(world):
    services, ids, users = world
    admin = users["admin"]
    rows = services.analytics.visits_against_plan(users["viewer"], date(2026, 9, 1), TODAY)
    plan_f1 = services.visits.plan(admin, ids["f1"]).cadence_months
    plan_f2 = services.visits.plan(admin, ids["f2"]).cadence_months
    due = {d.franchisee_code: d.overdue for d in services.visits.due_visits(admin, TODAY, TODAY, today=TODAY)}
    am, nobody = rows
    assert (am.key, am.label, am.franchisees, am.made, am.visited) == (
        str(users["am"].user_id),
        "AM",
        1,
        1,
        1,
    )
    assert am.planned == (D(3) / plan_f1).quantize(D("0.1"))
    assert am.overdue == (1 if due.get("F1") else 0)
    assert (nobody.key, nobody.franchisees, nobody.made, nobody.visited) == ("", 1, 0, 0)
    assert nobody.planned == (D(3) / plan_f2).quantize(D("0.1"))
    assert nobody.overdue == (1 if due.get("F2") else 0)
