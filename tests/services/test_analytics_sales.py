"""The analytics' sales series and start-screen figures on SQLite and PostgreSQL: every number worked out by
hand on the ledger of ``analytics_ledger`` and checked against direct SQL over the raw documents."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text

from hqdesk.domain.errors import HqdeskError
from hqdesk.services.analytics import GroupingRefused
from hqdesk.services.analytics_dto import AnalyticsFilter
from hqdesk.services.receivables import PeriodRefused, ReceivablesService
from tests.services.analytics_ledger import build

D = Decimal


@pytest.fixture
def ledger(services, users):
    ids = build(services, users["admin"], users["am"].user_id)
    return services, ids


def direct_sales(services, start: date, end: date) -> Decimal:
    """Invoices - credit notes dated in [start, end], straight from ledger_documents (cents)."""
    with services.db.read() as s:
        cents = s.execute(
            text(
                "SELECT COALESCE(SUM(CASE kind WHEN 'invoice' THEN amount ELSE -amount END), 0) "
                "FROM ledger_documents WHERE kind IN ('invoice', 'credit_note') AND doc_date BETWEEN :a AND :b"
            ),
            {"a": start, "b": end},
        ).scalar()
    return D(int(cents)) / 100


def test_sales_by_month_every_month_and_equal_to_direct_sql(ledger, users):
    services, _ = ledger
    rows = services.analytics.sales(users["viewer"], date(2026, 8, 1), date(2026, 11, 30), "month")
    assert [(r.key, r.amount) for r in rows] == [
        ("2026-08", D("0.00")),  # months without sales are there, with 0.00
        ("2026-09", D("0.00")),
        ("2026-10", D("3300.00")),  # 3,000 + 500 - 200 credited
        ("2026-11", D("3200.00")),  # 2,000 + 1,200
    ]
    for r in rows:
        assert r.amount == direct_sales(services, r.month, _end(r.month))


def _end(month: date) -> date:
    import calendar

    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def test_a_period_cutting_months_counts_the_days_inside_only(ledger, admin):
    services, _ = ledger
    start, end = date(2026, 10, 15), date(2026, 11, 14)
    rows = services.analytics.sales(admin, start, end, "month")
    # October: I3 500 - CN1 200 (I2 on the 5th is before); November: J2 1,200 (I4 on the 15th is after)
    assert [(r.key, r.amount) for r in rows] == [("2026-10", D("300.00")), ("2026-11", D("1200.00"))]
    assert sum(r.amount for r in rows) == direct_sales(services, start, end)


def test_sales_by_franchisee_region_and_franchisee_month(ledger, admin):
    services, ids = ledger
    a = services.analytics
    start, end = date(2026, 10, 1), date(2026, 11, 30)
    assert [(r.key, r.label, r.amount) for r in a.sales(admin, start, end, "franchisee")] == [
        ("F1", "F1珠宝有限公司", D("5300.00")),
        ("F2", "F2珠宝有限公司", D("1200.00")),
    ]
    assert [(r.key, r.amount) for r in a.sales(admin, start, end, "region")] == [
        ("华东", D("5300.00")),
        ("华南", D("1200.00")),
    ]
    assert [(r.key, r.amount) for r in a.sales(admin, start, end, "franchisee_month")] == [
        ("F1/2026-10", D("3300.00")),
        ("F1/2026-11", D("2000.00")),
        ("F2/2026-11", D("1200.00")),
    ]
    one = a.sales(admin, start, end, "month", franchisee_id=ids["f2"])
    assert [(r.key, r.amount) for r in one] == [("2026-10", D("0.00")), ("2026-11", D("1200.00"))]


def test_filters_region_tier_manager(ledger, users):
    services, _ = ledger
    a = services.analytics
    start, end = date(2026, 10, 1), date(2026, 11, 30)

    def total(**f):
        return sum(
            r.amount for r in a.sales(users["admin"], start, end, "month", filters=AnalyticsFilter(**f))
        )

    assert total(region="华南") == D("1200.00")
    assert total(tier="A") == D("5300.00")
    assert total(account_manager_id=users["am"].user_id) == D("5300.00")
    assert total(account_manager_id=users["am2"].user_id) == D("0.00")
    assert total(region="华东", tier="B") == D("0.00")


def test_a_back_dated_document_changes_its_month_at_once(ledger, admin):
    services, ids = ledger
    services.ledger.record(
        admin, ids["f2"], "invoice", "J0", date(2026, 10, 2), D("100.00"), date(2026, 11, 1)
    )
    rows = services.analytics.sales(admin, date(2026, 10, 1), date(2026, 10, 31), "month")
    assert rows[0].amount == D("3400.00") == direct_sales(services, date(2026, 10, 1), date(2026, 10, 31))
    doc = next(x for x in services.ledger.documents(admin, ids["f2"]) if x.number == "J0")
    services.ledger.delete(admin, doc.id)
    rows = services.analytics.sales(admin, date(2026, 10, 1), date(2026, 10, 31), "month")
    assert rows[0].amount == D("3300.00")


def test_monthly_sales_with_last_year(ledger, admin):
    services, _ = ledger
    series = services.analytics.monthly_sales(admin, date(2026, 10, 1), date(2026, 11, 1))
    assert [(p.key, p.amount, p.last_year) for p in series.points] == [
        ("2026-10", D("3300.00"), D("800.00")),  # October 2025: J1
        ("2026-11", D("3200.00"), D("1000.00")),  # November 2025: I1
    ]
    assert (series.total, series.total_last_year) == (D("6500.00"), D("1800.00"))


def test_top_franchisees_pareto(ledger, admin):
    services, _ = ledger
    p = services.analytics.top_franchisees(admin, date(2026, 10, 1), date(2026, 11, 30))
    assert [(r.rank, r.code, r.amount) for r in p.rows] == [(1, "F1", D("5300.00")), (2, "F2", D("1200.00"))]
    assert p.rows[0].cumulative_share == D("5300") / D("6500")
    assert p.rows[1].cumulative_share == 1
    assert p.franchisees == 2 and p.total == D("6500.00")
    assert p.top20_share == D("5300") / D("6500")  # the top 20 % of 2 franchisees: ceil(0.4) = 1


def test_breakdown_largest_first(ledger, users):
    services, _ = ledger
    a = services.analytics
    rows = a.sales_breakdown(users["admin"], date(2026, 10, 1), date(2026, 11, 30), "account_manager")
    assert [(r.key, r.label, r.amount) for r in rows] == [
        (str(users["am"].user_id), "AM", D("5300.00")),
        ("", "", D("1200.00")),
    ]
    rows = a.sales_breakdown(users["admin"], date(2026, 10, 1), date(2026, 11, 30), "tier")
    assert [(r.key, r.amount) for r in rows] == [("A", D("5300.00")), ("B", D("1200.00"))]


def test_dashboard_figures(ledger, users):
    services, _ = ledger
    today = date(2026, 11, 25)
    figures = services.analytics.dashboard_figures(users["viewer"], today)
    f = {x.key: x for x in figures.figures}
    assert (f["sales_month"].value, f["sales_month"].previous) == (D("3200.00"), D("1000.00"))
    assert (f["sales_ytd"].value, f["sales_ytd"].previous) == (D("6500.00"), D("1800.00"))
    # F1: I1 1,000 + I2 1,800 + I3 500 + I4 2,000; F2: J1 700 + J2 1,200
    assert f["receivables"].value == D("7200.00")
    assert f["overdue_share"].value == D("3500") / D("7200")  # I1, I2, J1
    # the same definitions as the receivables reports
    aging = ReceivablesService(services.db).aging(users["admin"], today)
    assert aging.totals.total == f["receivables"].value
    kpis = ReceivablesService(services.db).kpis(users["admin"], date(2026, 11, 1), today)
    assert f["dso"].value == kpis.dso_countback.quantize(D("0.1"))
    assert f["overdue_share"].value == kpis.overdue_share
    # rolling 12 months: 100 written off / 6,500 credit sales; against the policy's normal rate
    assert f["bad_debt_loss_rate"].value == D("100") / D("6500")
    assert f["bad_debt_loss_rate"].target == D("0.02")
    assert f["sales_month"].click.view == "sales"
    assert (f["sales_month"].click.start, f["sales_month"].click.end) == (date(2026, 11, 1), today)
    assert f["overdue_share"].click.view == "overdue" and f["overdue_share"].click.as_of == today


def test_dashboard_figures_of_one_manager(ledger, users):
    services, _ = ledger
    mine = AnalyticsFilter(account_manager_id=users["am"].user_id)
    figures = services.analytics.dashboard_figures(users["am"], date(2026, 11, 25), mine)
    assert figures.figure("receivables").value == D("5300.00")  # F1 only
    assert figures.figure("sales_month").value == D("2000.00")
    assert figures.figure("bad_debt_loss_rate").value == 0


def test_bad_input_refused(ledger, admin):
    services, _ = ledger
    a = services.analytics
    with pytest.raises(PeriodRefused):
        a.sales(admin, date(2026, 11, 1), date(2026, 10, 1), "month")
    with pytest.raises(GroupingRefused):
        a.sales(admin, date(2026, 10, 1), date(2026, 11, 1), "week")
    with pytest.raises(PeriodRefused):
        a.monthly_sales(admin, date(2026, 11, 1), date(2026, 10, 1))


def test_every_role_may_read(ledger, users):
    services, _ = ledger
    for actor in users.values():
        figures = services.analytics.dashboard_figures(actor, date(2026, 11, 25))
        assert figures.figure("sales_ytd").value == D("6500.00")


def test_a_disabled_user_may_not(ledger, users):
    services, _ = ledger
    viewer = users["viewer"]
    dto = next(u for u in services.users.list_users(users["admin"]) if u.username == "viewer")
    services.users.update_user(
        users["admin"], dto.id, dto.version, display_name=dto.display_name, role=dto.role, active=False
    )
    with pytest.raises(HqdeskError):
        services.analytics.sales(viewer, date(2026, 10, 1), date(2026, 11, 1), "month")
