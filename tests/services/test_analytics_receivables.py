"""Receivables over time (aging buckets at month ends, overdue, DSO), the bad-debt loss rate and credit-limit
use, on SQLite and PostgreSQL: each month end equals the receivables reports' own SQL as of that date."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hqdesk.persistence.models_credit import CreditProfile
from hqdesk.services.analytics_dto import AnalyticsFilter
from hqdesk.services.receivables import ReceivablesService
from tests.services.analytics_ledger import build

D = Decimal
AS_OF = date(2026, 11, 25)


@pytest.fixture
def ledger(services, users):
    ids = build(services, users["admin"], users["am"].user_id)
    return services, ids


def assert_equals_the_aging_report(services, admin, series, franchisee_id=None):
    receivables = ReceivablesService(services.db)
    for p in series.points:
        report = receivables.aging(admin, p.as_of, series.bounds, franchisee_id)
        assert p.buckets == report.totals.buckets, p.as_of
        assert p.unapplied == report.totals.unapplied, p.as_of
        assert p.total == report.totals.total, p.as_of
        kpis = receivables.kpis(admin, p.as_of.replace(day=1), p.as_of, franchisee_id)
        assert p.overdue == kpis.overdue, p.as_of
        assert p.dso == (None if kpis.dso_countback is None else kpis.dso_countback.quantize(D("0.1"))), (
            p.as_of
        )


def test_aging_at_each_month_end_equals_the_aging_report(ledger, users):
    services, ids = ledger
    admin = users["admin"]
    series = services.analytics.receivables_series(users["viewer"], AS_OF, 14)
    assert [p.as_of for p in series.points][-3:] == [date(2026, 9, 30), date(2026, 10, 31), AS_OF]
    assert series.points[0].as_of == date(2025, 10, 31)
    assert series.labels == ("not_due", "1-30", "31-60", "61-90", "91-180", "181-365", ">365")
    # worked by hand: 31 October 2026: I1 1,000 (325 days overdue), I2 2,800 and I3 500 not due, J1 800
    # (335 days); 25 November: I1 (350) and J1 700 (360) in 181-365, I2 1,800 (21 days), I3, I4, J2 not due
    october, today = series.points[-2], series.points[-1]
    assert october.buckets == (D("3300.00"), 0, 0, 0, 0, D("1800.00"), 0)
    assert today.buckets == (D("3700.00"), D("1800.00"), 0, 0, 0, D("1700.00"), 0)
    assert (today.total, today.overdue, today.overdue_share) == (
        D("7200.00"),
        D("3500.00"),
        D("3500") / D("7200"),
    )
    assert today.credit_sales == D("3200.00") and october.credit_sales == D("3300.00")
    assert_equals_the_aging_report(services, admin, series)
    one = services.analytics.receivables_series(admin, AS_OF, 14, AnalyticsFilter(franchisee_id=ids["f2"]))
    assert one.points[-1].total == D("1900.00")
    assert_equals_the_aging_report(services, admin, one, ids["f2"])


def test_unapplied_credit_and_back_dated_documents(ledger, users):
    services, ids = ledger
    admin = users["admin"]
    ledger_service = services.ledger
    # an advance payment naming no invoice: F2's oldest open invoice (J1) takes it
    ledger_service.record(admin, ids["f2"], "payment", "P9", date(2026, 9, 15), D("1000.00"))
    # a back-dated invoice in June
    ledger_service.record(admin, ids["f1"], "invoice", "I0", date(2026, 6, 3), D("450.00"), date(2026, 7, 3))
    series = services.analytics.receivables_series(admin, AS_OF, 14)
    assert any(p.unapplied < 0 for p in series.points)  # J1's 700 left open took 700; 300 is unapplied
    assert series.points[-1].unapplied == D("-300.00")
    assert_equals_the_aging_report(services, admin, series)
    bounds = (15, 45)
    custom = services.analytics.receivables_series(admin, AS_OF, 6, bounds=bounds)
    assert custom.labels == ("not_due", "1-15", "16-45", ">45")
    assert_equals_the_aging_report(services, admin, custom)


def test_filters_narrow_the_receivables(ledger, users):
    services, _ = ledger
    mine = AnalyticsFilter(account_manager_id=users["am"].user_id)
    series = services.analytics.receivables_series(users["am"], AS_OF, 3, mine)
    assert series.points[-1].total == D("5300.00")  # F1 only


def test_loss_rate_rolling_twelve_months(ledger, users):
    services, _ = ledger
    series = services.analytics.loss_rate_series(users["viewer"], AS_OF, 3)
    assert [p.key for p in series.points] == ["2026-09", "2026-10", "2026-11"]
    # Oct 2025..Sep 2026: J1 800 + I1 1,000 sold, nothing written off
    assert (series.points[0].credit_sales, series.points[0].write_offs, series.points[0].rate) == (
        D("1800.00"),
        D("0.00"),
        D("0"),
    )
    # Dec 2025..Nov 2026: 3,300 + 3,200 sold, 100 written off
    assert series.points[2].credit_sales == D("6500.00")
    assert series.points[2].rate == D("100") / D("6500")
    assert series.normal_rate == D("0.02")


def test_credit_limit_use(ledger, users):
    services, ids = ledger
    with services.db.write("test") as s:
        s.add(CreditProfile(franchisee_id=ids["f1"], credit_limit=D("5000.00")))
        s.add(CreditProfile(franchisee_id=ids["f2"], credit_limit=None))
        s.commit()
    use = services.analytics.credit_limit_use(users["viewer"], AS_OF)
    assert [(r.code, r.balance, r.credit_limit, r.use, r.band) for r in use.rows] == [
        ("F1", D("5300.00"), D("5000.00"), D("5300") / D("5000"), ">100%")
    ]
    assert dict(use.bands) == {"0-50%": 0, "50-80%": 0, "80-100%": 0, ">100%": 1}
    assert use.without_limit == 1  # F2 owes 1,900 without a limit
    aging = ReceivablesService(services.db).aging(users["admin"], AS_OF)
    assert {r.code: r.total for r in aging.rows}["F1"] == use.rows[0].balance


def test_the_franchisees_behind_a_month_end(ledger, users):
    services, ids = ledger
    admin = users["admin"]
    services.ledger.record(admin, ids["f2"], "payment", "P9", date(2026, 9, 15), D("1000.00"))
    receivables = ReceivablesService(services.db)
    for day in (date(2025, 11, 30), date(2026, 9, 30), date(2026, 10, 31), AS_OF):
        labels, rows = services.analytics.receivables_by_franchisee(users["viewer"], day)
        report = receivables.aging(admin, day)
        assert list(labels) == report.labels
        assert [(r.code, r.buckets, r.unapplied, r.total) for r in rows] == [
            (r.code, r.buckets, r.unapplied, r.total) for r in report.rows
        ], day
    _, rows = services.analytics.receivables_by_franchisee(admin, AS_OF, AnalyticsFilter(region="华东"))
    assert [(r.code, r.total, r.overdue) for r in rows] == [("F1", D("5300.00"), D("2800.00"))]
