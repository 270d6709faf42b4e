"""The analytics' summary tables (ledger_months, receivable_moves, receivable_open) on SQLite and PostgreSQL:
kept right by every ledger write in its own transaction, and filled by migration 0011 from an existing ledger."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import insert, select

from hqdesk.persistence.analytics_sql import rebuild
from hqdesk.persistence.engine import build_engine
from hqdesk.persistence.migrate import alembic_config
from hqdesk.persistence.models_analytics import LedgerMonth, ReceivableMove, ReceivableOpen
from tests.services.analytics_ledger import build

D = Decimal
TABLES = (LedgerMonth.__table__, ReceivableMove.__table__, ReceivableOpen.__table__)


def contents(conn) -> dict[str, list[tuple]]:
    return {t.name: sorted(map(tuple, conn.execute(select(t)))) for t in TABLES}


def rebuilt(engine) -> dict[str, list[tuple]]:
    """What the tables would hold if filled from scratch (rolled back)."""
    with engine.connect() as conn:
        trans = conn.begin()
        rebuild(conn)
        out = contents(conn)
        trans.rollback()
    return out


def test_every_ledger_write_keeps_the_summaries(services, admin):
    ids = build(services, admin)
    ledger = services.ledger
    engine = services.db.engine
    with engine.connect() as conn:
        kept = contents(conn)
    assert kept == rebuilt(engine)
    # F1, October 2026: invoices I2 + I3 (2 documents), the credit note CN1
    assert (ids["f1"], date(2026, 10, 1), "invoice", D("3500.00"), 2) in kept["ledger_months"]
    assert (ids["f1"], date(2026, 10, 1), "credit_note", D("200.00"), 1) in kept["ledger_months"]
    # I2 (due 4 November): +3,000 in October, -200 credited in October, -1,000 paid in November
    assert (ids["f1"], date(2026, 10, 1), date(2026, 11, 4), D("2800.00")) in kept["receivable_moves"]
    assert (ids["f1"], date(2026, 11, 1), date(2026, 11, 4), D("-1000.00")) in kept["receivable_moves"]
    assert (ids["f1"], date(2026, 11, 4), D("1800.00")) in kept["receivable_open"]

    # a back-dated unapplied payment applied by hand, the allocation removed, invoices deleted: each time the
    # same as rebuilt
    pay = ledger.record(admin, ids["f2"], "payment", "P7", date(2026, 3, 1), D("50.00"), applies_to="ZZ")
    j2 = ids["j2"]
    with engine.connect() as conn:
        assert contents(conn) == rebuilt(engine)
    k = ledger.record(admin, ids["f2"], "invoice", "K1", date(2026, 2, 1), D("80.00"), date(2026, 3, 3))
    ledger.apply_credit(admin, pay, k, D("30.00"))
    with engine.connect() as conn:
        assert contents(conn) == rebuilt(engine)
    manual = next(a for a in ledger.allocations(admin, k) if a.manual)
    ledger.remove_manual_allocation(admin, manual.id)
    with engine.connect() as conn:
        assert contents(conn) == rebuilt(engine)
    ledger.delete(admin, k)
    ledger.delete(admin, j2)
    with engine.connect() as conn:
        after = contents(conn)
    assert after == rebuilt(engine)
    assert not [r for r in after["receivable_open"] if r[1] == date(2026, 12, 1)]  # J2 gone


def test_migration_0011_fills_the_summaries_from_an_existing_ledger(db_url):
    from alembic import command

    engine = build_engine(db_url)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0008")
        from hqdesk.persistence.models import Franchisee
        from hqdesk.persistence.models_credit import Allocation, LedgerDocument

        stamp = {"version": 1, "updated_by": "test"}
        with engine.begin() as conn:
            conn.execute(
                insert(Franchisee.__table__).values(id=1, code="M1", legal_name="甲", city="上海", tier="A")
            )
            docs = LedgerDocument.__table__
            for i, (kind, number, on, cents, due) in enumerate(
                (
                    ("invoice", "I1", date(2026, 1, 5), 10000, date(2026, 2, 4)),
                    ("invoice", "I2", date(2026, 1, 20), 5000, date(2026, 2, 19)),
                    ("payment", "P1", date(2026, 2, 10), 12000, None),
                ),
                start=1,
            ):
                conn.execute(
                    insert(docs).values(
                        id=i,
                        franchisee_id=1,
                        kind=kind,
                        number=number,
                        doc_date=on,
                        amount=D(cents) / 100,
                        due_date=due,
                        **stamp,
                    )
                )
            conn.execute(
                insert(Allocation.__table__),
                [
                    {
                        "franchisee_id": 1,
                        "credit_id": 3,
                        "invoice_id": 1,
                        "amount": D("100.00"),
                        "applied_on": date(2026, 2, 10),
                    },
                    {
                        "franchisee_id": 1,
                        "credit_id": 3,
                        "invoice_id": 2,
                        "amount": D("20.00"),
                        "applied_on": date(2026, 2, 10),
                    },
                ],
            )
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "heads")
        with engine.connect() as conn:
            filled = contents(conn)
        assert filled == rebuilt(engine)
        assert filled["ledger_months"] == [
            (1, date(2026, 1, 1), "invoice", D("150.00"), 2),
            (1, date(2026, 2, 1), "payment", D("120.00"), 1),
        ]
        assert filled["receivable_open"] == [
            (1, date(2026, 2, 19), D("30.00"))
        ]  # I1 paid in full, I2 30.00 open
    finally:
        engine.dispose()


def test_the_ledger_import_and_the_demo_keep_the_summaries(services, tmp_path):
    from hqdesk.domain.franchisee import FranchiseeData
    from hqdesk.domain.roles import SYSTEM_ACTOR as admin
    from hqdesk.services.demo import generate_demo
    from hqdesk.services.imports.invoices import InvoiceImporter
    from hqdesk.services.imports.payments import PaymentImporter

    generate_demo(services.db, franchisees=12, seed=3, today=date(2026, 11, 23))
    engine = services.db.engine
    with engine.connect() as conn:
        demo = contents(conn)
    assert demo["ledger_months"] and demo["receivable_open"]
    assert demo == rebuilt(engine)

    services.franchisees.create(admin, FranchiseeData(code="HZ-1", legal_name="杭州金店", city="杭州"))
    invoices = tmp_path / "i.csv"
    invoices.write_text(
        "kind,number,franchisee_code,date,amount,due_date,applies_to\n"
        "invoice,I-1,HZ-1,2026-01-05,1000.00,,\n"
        "invoice,I-2,HZ-1,2026-02-10,500.00,2026-03-01,\n"
        "credit_note,C-1,HZ-1,2026-02-12,100.00,,I-2\n",
        encoding="utf-8",
    )
    payments = tmp_path / "p.csv"
    payments.write_text(
        "franchisee_code,reference,date,amount,invoice_number\nHZ-1,P-1,2026-02-20,1200.00,\n",
        encoding="utf-8",
    )
    assert InvoiceImporter(services.db).import_file(admin, invoices).ok
    assert PaymentImporter(services.db).import_file(admin, payments).ok
    with engine.connect() as conn:
        imported = contents(conn)
    assert imported == rebuilt(engine)
    assert (
        len(imported["ledger_months"]) == len(demo["ledger_months"]) + 4
    )  # Jan and Feb invoices, credit notes, payments
    assert imported != demo
