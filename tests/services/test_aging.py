"""Aging as of a date, computed in SQL on SQLite and PostgreSQL: bucket boundaries, before and after a
payment, unapplied credit as its own negative column, custom bounds, drill-down, rights."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from hqdesk.services.receivables import ReceivablesService, aging_csv_rows, aging_json
from tests.receivables_ledger import LedgerWriter, add_franchisee

D = Decimal
AS_OF = date(2026, 6, 30)


def _invoice(w, fid, number, amount, due):
    return w.invoice(fid, number, due - timedelta(days=30), amount, due)


@pytest.fixture
def ledger(services, admin):
    """C003 (created first) has only an unapplied credit note; B002 only a paid invoice; A001 an invoice in
    every boundary position, a payment that settles one invoice and leaves 150.00 unapplied, and documents
    dated after 30 June 2026."""
    c = add_franchisee(services, admin, "C003", "丙公司")
    b = add_franchisee(services, admin, "B002", "乙公司")
    a = add_franchisee(services, admin, "A001", "甲公司")
    w = LedgerWriter()
    i0 = _invoice(w, a, "I0", "100.00", AS_OF)  # 0 days: not due
    _invoice(w, a, "I1", "200.00", AS_OF - timedelta(days=1))  # 1 day
    _invoice(w, a, "I30", "300.00", AS_OF - timedelta(days=30))  # 30 days: still 1-30
    i31 = _invoice(w, a, "I31", "400.00", AS_OF - timedelta(days=31))  # 31 days
    _invoice(w, a, "I365", "500.00", AS_OF - timedelta(days=365))  # 365 days: still 181-365
    _invoice(w, a, "I366", "600.00", AS_OF - timedelta(days=366))  # 366 days: >365
    w.invoice(a, "LATER", date(2026, 7, 1), "9999.00", date(2026, 7, 31))  # after the as-of date
    p1 = w.payment(a, "P1", date(2026, 6, 15), "550.00")
    w.allocate(p1, i31, "400.00")  # 150.00 stays unapplied
    p2 = w.payment(a, "P2", date(2026, 7, 5), "100.00")
    w.allocate(p2, i0)  # pays I0 after the as-of date
    paid = w.invoice(b, "B-I1", date(2026, 1, 1), "80.00", date(2026, 1, 31))
    pb = w.payment(b, "B-P1", date(2026, 2, 1), "80.00")
    w.allocate(pb, paid)
    w.credit_note(c, "C-CN1", date(2026, 5, 5), "50.00")
    w.commit(services)
    return services, {"A001": a, "B002": b, "C003": c}


def _json(services, actor, as_of=AS_OF, bounds=None):
    return aging_json(ReceivablesService(services.db).aging(actor, as_of, bounds))


def test_buckets_at_their_boundaries_with_unapplied_credit_and_totals(ledger, admin):
    services, _ = ledger
    out = _json(services, admin)
    assert out["as_of"] == "2026-06-30"
    assert out["buckets"] == ["not_due", "1-30", "31-60", "61-90", "91-180", "181-365", ">365"]
    assert [r["franchisee"] for r in out["rows"]] == ["A001", "C003"]  # by code; B002 has nothing open
    a, c = out["rows"]
    assert a == {
        "franchisee": "A001",
        "name": "甲公司",
        "not_due": "100.00",
        "1-30": "500.00",  # 1 day (200.00) and 30 days (300.00)
        "31-60": "0.00",  # the 31-day invoice was paid on 15 June
        "61-90": "0.00",
        "91-180": "0.00",
        "181-365": "500.00",
        ">365": "600.00",
        "unapplied": "-150.00",
        "total": "1550.00",
    }
    assert c["unapplied"] == "-50.00" and c["total"] == "-50.00" and c["not_due"] == "0.00"
    assert out["totals"] == {
        "not_due": "100.00",
        "1-30": "500.00",
        "31-60": "0.00",
        "61-90": "0.00",
        "91-180": "0.00",
        "181-365": "500.00",
        ">365": "600.00",
        "unapplied": "-200.00",
        "total": "1500.00",
    }


def test_before_the_payment_and_after_later_documents(ledger, admin):
    services, _ = ledger
    before = {r["franchisee"]: r for r in _json(services, admin, date(2026, 6, 14))["rows"]}["A001"]
    # as of 14 June: the 31-day invoice is 15 days overdue and unpaid; the payment is not there yet
    assert before["1-30"] == "700.00" and before["unapplied"] == "0.00" and before["not_due"] == "300.00"
    assert before["181-365"] == "1100.00" and before["total"] == "2100.00"
    later = {r["franchisee"]: r for r in _json(services, admin, date(2026, 7, 5))["rows"]}["A001"]
    # 5 July: I0 paid by P2, and the invoice dated 1 July (due 31 July) counts
    assert later["not_due"] == "9999.00"
    assert later["total"] == str(
        D("9999.00") + D("200.00") + D("300.00") + D("500.00") + D("600.00") - D("150")
    )


def test_custom_bounds(ledger, admin):
    services, _ = ledger
    out = _json(services, admin, bounds=(30, 60, 90, 120))
    assert out["buckets"] == ["not_due", "1-30", "31-60", "61-90", "91-120", ">120"]
    assert out["rows"][0][">120"] == "1100.00"


def test_bounds_come_from_the_credit_policy(ledger, admin):
    services, _ = ledger
    from hqdesk.persistence.models_credit import CreditPolicy

    with services.db.write("t") as s:
        s.get(CreditPolicy, 1).aging_bounds = "10,400"
        s.commit()
    out = _json(services, admin)
    assert out["buckets"] == ["not_due", "1-10", "11-400", ">400"]
    assert out["rows"][0]["1-10"] == "200.00" and out["rows"][0]["11-400"] == "1400.00"


def test_one_franchisee_and_the_csv(ledger, admin):
    services, ids = ledger
    report = ReceivablesService(services.db).aging(admin, AS_OF, franchisee_id=ids["C003"])
    assert [r.code for r in report.rows] == ["C003"]
    rows = aging_csv_rows(ReceivablesService(services.db).aging(admin, AS_OF))
    assert rows[0] == [
        "franchisee",
        "name",
        "not_due",
        "1-30",
        "31-60",
        "61-90",
        "91-180",
        "181-365",
        ">365",
    ] + [
        "unapplied",
        "total",
    ]
    assert rows[1][:2] == ["A001", "甲公司"] and rows[2][0] == "C003"
    assert rows[-1][:2] == ["", "TOTAL"] and rows[-1][-1] == "1500.00" and len(rows) == 4


def test_drill_down_from_a_bucket_to_its_invoices(ledger, admin):
    services, ids = ledger
    svc = ReceivablesService(services.db)
    items = svc.aging_items(admin, AS_OF, ids["A001"], "1-30")
    assert [(i.number, i.days_overdue, i.open_amount) for i in items] == [
        ("I30", 30, D("300.00")),
        ("I1", 1, D("200.00")),
    ]
    unapplied = svc.aging_items(admin, AS_OF, ids["A001"], "unapplied")
    assert [(i.number, i.kind, i.open_amount) for i in unapplied] == [("P1", "payment", D("-150.00"))]
    everything = svc.aging_items(admin, AS_OF, ids["A001"], "total")
    assert sum(i.open_amount for i in everything) == D("1550.00")


def test_every_role_may_read_the_aging(ledger, users):
    services, _ = ledger
    for name in ("viewer", "am", "cm", "admin"):
        assert _json(services, users[name])["totals"]["total"] == "1500.00"


def test_empty_ledger_gives_zero_totals(services, admin):
    out = _json(services, admin)
    assert out["rows"] == [] and out["totals"]["total"] == "0.00"
