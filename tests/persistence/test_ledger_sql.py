"""What is open as of a date: documents and allocations dated after it do not count."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.persistence.ledger_sql import days_overdue, open_invoices, unapplied_credits
from hqdesk.persistence.models_credit import Allocation, LedgerDocument

D = Decimal


@pytest.fixture
def ledger(services, admin):
    fid = services.franchisees.create(
        admin, FranchiseeData(code="L1", legal_name="甲公司", city="上海", tier="A")
    ).id
    other = services.franchisees.create(
        admin, FranchiseeData(code="L2", legal_name="乙公司", city="上海", tier="A")
    ).id
    with services.db.write("t") as s:
        inv1 = LedgerDocument(
            franchisee_id=fid,
            kind="invoice",
            number="I1",
            doc_date=date(2026, 1, 10),
            amount=D("1000.00"),
            due_date=date(2026, 2, 9),
        )
        inv2 = LedgerDocument(
            franchisee_id=fid,
            kind="invoice",
            number="I2",
            doc_date=date(2026, 3, 1),
            amount=D("500.00"),
            due_date=date(2026, 3, 31),
            settled_on=date(2026, 3, 20),
        )
        pay = LedgerDocument(
            franchisee_id=fid,
            kind="payment",
            number="P1",
            doc_date=date(2026, 3, 20),
            amount=D("800.00"),
            settled_on=None,
        )
        theirs = LedgerDocument(
            franchisee_id=other,
            kind="invoice",
            number="X1",
            doc_date=date(2026, 1, 1),
            amount=D("7.00"),
            due_date=date(2026, 1, 1),
        )
        s.add_all([inv1, inv2, pay, theirs])
        s.flush()
        # the payment settles I2 in full and 300.00 of I1, both from 20 March
        s.add_all(
            [
                Allocation(
                    franchisee_id=fid,
                    credit_id=pay.id,
                    invoice_id=inv2.id,
                    amount=D("500.00"),
                    applied_on=date(2026, 3, 20),
                ),
                Allocation(
                    franchisee_id=fid,
                    credit_id=pay.id,
                    invoice_id=inv1.id,
                    amount=D("300.00"),
                    applied_on=date(2026, 3, 20),
                ),
            ]
        )
        s.commit()
    return services, fid


def _open(services, as_of, fid=None):
    with services.db.read() as s:
        q = open_invoices(as_of, fid)
        rows = s.execute(q.order_by(q.selected_columns.number)).all()
    return {r.number: r.open_amount for r in rows}


def test_open_amounts_move_with_the_as_of_date(ledger):
    services, fid = ledger
    assert _open(services, date(2026, 1, 9), fid) == {}  # nothing dated yet
    assert _open(services, date(2026, 3, 19), fid) == {"I1": D("1000.00"), "I2": D("500.00")}
    assert _open(services, date(2026, 3, 20), fid) == {"I1": D("700.00")}  # I2 settled that day
    assert _open(services, date(2026, 12, 31)) == {"I1": D("700.00"), "X1": D("7.00")}


def test_unapplied_credit_as_of_a_date(ledger):
    services, fid = ledger
    with services.db.read() as s:
        before = s.execute(unapplied_credits(date(2026, 3, 19), fid)).all()
        after = s.execute(unapplied_credits(date(2026, 3, 20), fid)).all()
    assert before == []  # not paid yet
    assert after == []  # fully applied the day it arrived


def test_days_overdue_on_both_databases(ledger):
    services, fid = ledger
    with services.db.read() as s:
        q = open_invoices(date(2026, 3, 11), fid).subquery()
        rows = s.execute(select(q.c.number, days_overdue(date(2026, 3, 11), q.c.due_date))).all()
    assert dict(rows) == {"I1": 30, "I2": -20}
