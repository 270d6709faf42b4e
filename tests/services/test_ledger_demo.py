"""The demo ledger: a credit profile and 3-5 years of documents for every franchisee that bought, with late
payers, write-offs, unapplied payments and credit notes; allocations as the app's own recomputation gives."""

from __future__ import annotations

import time
from datetime import date

from sqlalchemy import func, select

from hqdesk.domain.credit import DocumentKind
from hqdesk.persistence.ledger_write import recompute
from hqdesk.persistence.models import Franchisee
from hqdesk.persistence.models_credit import Allocation, CreditProfile, LedgerDocument
from hqdesk.services.demo import generate_demo

TODAY = date(2026, 11, 23)


def test_demo_ledger_is_complete_and_consistent(services):
    started = time.perf_counter()
    generate_demo(services.db, franchisees=80, seed=5, today=TODAY)
    elapsed = time.perf_counter() - started
    print(f"\n{services.dialect}: 80 franchisees with their ledger in {elapsed:.2f} s")
    with services.db.read() as s:
        buyers = set(s.scalars(select(Franchisee.id).where(Franchisee.status != "prospect")))
        assert set(s.scalars(select(CreditProfile.franchisee_id))) == buyers
        assert len(set(s.scalars(select(CreditProfile.term_kind)))) >= 5  # a mix of terms
        kinds = dict(s.execute(select(LedgerDocument.kind, func.count()).group_by(LedgerDocument.kind)).all())
        assert kinds[DocumentKind.INVOICE] > 80 * 20 and kinds[DocumentKind.PAYMENT] > 80 * 15
        assert kinds[DocumentKind.CREDIT_NOTE] > 0 and kinds[DocumentKind.WRITE_OFF] > 0
        with_invoices = set(
            s.scalars(select(LedgerDocument.franchisee_id).where(LedgerDocument.kind == "invoice").distinct())
        )
        assert with_invoices == buyers
        first = s.scalar(select(func.min(LedgerDocument.doc_date)))
        assert (TODAY - first).days > 3 * 365
        # unapplied payments and overdue invoices exist
        unsettled = dict(
            s.execute(
                select(LedgerDocument.kind, func.count())
                .where(LedgerDocument.settled_on.is_(None))
                .group_by(LedgerDocument.kind)
            ).all()
        )
        assert unsettled.get("payment", 0) > 0 and unsettled.get("invoice", 0) > 0
        overdue = s.scalar(
            select(func.count()).where(
                LedgerDocument.kind == "invoice",
                LedgerDocument.settled_on.is_(None),
                LedgerDocument.due_date < date(2026, 8, 1),
            )
        )
        assert overdue > 0
        before = sorted(
            s.execute(
                select(Allocation.credit_id, Allocation.invoice_id, Allocation.amount, Allocation.applied_on)
            )
        )
        settled = sorted(s.execute(select(LedgerDocument.id, LedgerDocument.settled_on)))
    # the app's own recomputation changes nothing: the demo holds exactly what the rules give
    with services.db.write("t") as s:
        assert recompute(s, buyers) == 0
        s.rollback()
    assert len(before) > 0 and len(settled) > 0
