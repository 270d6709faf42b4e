"""Receivables KPIs of a period on SQLite and PostgreSQL, every figure computed by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hqdesk.services.receivables import PeriodRefused, ReceivablesService, countback_dso, countback_months
from tests.receivables_ledger import LedgerWriter, add_franchisee

D = Decimal
START, END = date(2026, 4, 1), date(2026, 6, 30)


@pytest.fixture
def ledger(services, admin):
    k1 = add_franchisee(services, admin, "K001")
    k2 = add_franchisee(services, admin, "K002")
    w = LedgerWriter()
    h1 = w.invoice(k1, "H1", date(2026, 3, 10), "1000.00", date(2026, 4, 9))  # before the period
    p0 = w.payment(k1, "P0", date(2026, 4, 20), "1000.00")
    w.allocate(p0, h1)
    j1 = w.invoice(k1, "J1", date(2026, 4, 15), "3000.00", date(2026, 5, 15))
    j2 = w.invoice(k1, "J2", date(2026, 5, 20), "2000.00", date(2026, 6, 19))
    w.invoice(k1, "J3", date(2026, 6, 10), "4000.00", date(2026, 7, 10))
    cn = w.credit_note(k1, "CN1", date(2026, 5, 25), "500.00")
    w.allocate(cn, j2)
    p1 = w.payment(k1, "P1", date(2026, 6, 1), "2500.00")
    w.allocate(p1, j1)
    wo = w.write_off(k1, "W1", date(2026, 6, 28), "300.00")
    w.allocate(wo, j1)
    w.payment(k1, "P9", date(2026, 7, 2), "100.00")  # after the period: counts nowhere
    w.invoice(k2, "K2-1", date(2026, 5, 1), "700.00", date(2026, 5, 31))
    w.commit(services)
    return services, k1


def test_one_franchisee(ledger, admin):
    services, k1 = ledger
    kpis = ReceivablesService(services.db).kpis(admin, START, END, k1)
    assert kpis.countback_months_read == 3  # June to April cover the balance: no older month is read
    assert kpis.json() == {
        "from": "2026-04-01",
        "to": "2026-06-30",
        "franchisee": "K001",
        "days": 91,
        "credit_sales": "8500.00",  # 3,000 + 2,000 + 4,000 invoiced - 500 credited
        "collections": "3500.00",  # payments dated in the period: 1,000 + 2,500
        "write_offs": "300.00",
        "opening_receivables": "1000.00",  # H1, as of 31 March
        "closing_receivables": "5700.00",  # J1 200 + J2 1,500 + J3 4,000
        "overdue": "1700.00",  # J1 and J2
        "overdue_share": "0.2982",  # 1,700 / 5,700
        "dso_average_balance": "35.9",  # (1,000 + 5,700) / 2 / 8,500 x 91 = 35.86
        # 5,700 - June's 4,000 (30 days) = 1,700; - May's 1,500 (31 days) = 200; 200 / April's 3,000 x 30 = 2
        "dso_countback": "63.0",
        "bad_debt_loss_rate": "0.0353",  # 300 / 8,500
    }


def test_everyone(ledger, admin):
    services, _ = ledger
    out = ReceivablesService(services.db).kpis(admin, START, END).json()
    assert out["franchisee"] is None
    assert out["credit_sales"] == "9200.00" and out["closing_receivables"] == "6400.00"
    assert out["overdue"] == "2400.00" and out["overdue_share"] == "0.3750"
    assert out["dso_average_balance"] == "36.6"  # 3,700 / 9,200 x 91 = 36.598
    assert out["dso_countback"] == "63.0"  # 6,400 - 4,000 - 2,200 = 200 of April's 3,000
    assert out["bad_debt_loss_rate"] == "0.0326"


def test_no_credit_sales_gives_null_ratios(ledger, admin):
    services, k1 = ledger
    out = ReceivablesService(services.db).kpis(admin, date(2026, 7, 1), date(2026, 7, 31), k1).json()
    assert out["credit_sales"] == "0.00" and out["collections"] == "100.00"
    assert out["dso_average_balance"] is None and out["bad_debt_loss_rate"] is None
    assert out["closing_receivables"] == "5600.00" and out["overdue_share"] is not None


def test_a_viewer_may_read_kpis_and_a_reversed_period_is_refused(ledger, users):
    services, _ = ledger
    svc = ReceivablesService(services.db)
    assert svc.kpis(users["viewer"], START, END).json()["days"] == 91
    with pytest.raises(PeriodRefused):
        svc.kpis(users["viewer"], END, START)


def test_countback_by_hand():
    months = countback_months(date(2026, 3, 15), 3)
    assert months == [
        (date(2026, 3, 1), date(2026, 3, 15)),
        (date(2026, 2, 1), date(2026, 2, 28)),
        (date(2026, 1, 1), date(2026, 1, 31)),
    ]
    # 1,000 left: March's 600 (15 days), February's 300 (28 days), then 100 of January's 400: 31/4 = 7.75 days
    assert countback_dso(D("1000"), months, [D("600"), D("300"), D("400")]) == D("50.75")
    assert countback_dso(D("0"), months, [D("1"), D("1"), D("1")]) is None
    # a month without sales counts whole; a balance older than the months counted gives all their days
    assert countback_dso(D("10"), months, [D("0"), D("5"), D("1")]) == D("74")
