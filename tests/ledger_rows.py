"""Ledger rows for the credit tests, written directly (the ledger service is another capability): invoices,
payments, credit notes and write-offs with their allocations, ``settled_on`` kept as the allocation would."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal

from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.persistence.models_credit import Allocation, LedgerDocument

_numbers = itertools.count(1)


def franchisee(services, admin, code: str, manager_id: int | None = None) -> int:
    data = FranchiseeData(
        code=code, legal_name=f"{code}珠宝有限公司", city="上海", tier="A", account_manager_id=manager_id
    )
    return services.franchisees.create(admin, data).id


def invoice(
    services, fid: int, on: date, amount: str, due: date | None = None, number: str | None = None
) -> int:
    with services.db.write("t") as s:
        doc = LedgerDocument(
            franchisee_id=fid,
            kind="invoice",
            number=number or f"INV{next(_numbers)}",
            doc_date=on,
            amount=Decimal(amount),
            due_date=due or on + timedelta(days=30),
        )
        s.add(doc)
        s.flush()
        s.commit()
        return doc.id


def credit(services, fid: int, kind: str, on: date, amount: str, pays: dict[int, str] | None = None) -> int:
    """A payment, credit note or write-off dated ``on``, allocated to the invoices in ``pays`` (id -> amount)
    from ``on``; an invoice paid in full gets ``settled_on``."""
    with services.db.write("t") as s:
        doc = LedgerDocument(
            franchisee_id=fid,
            kind=kind,
            number=f"{kind[:3].upper()}{next(_numbers)}",
            doc_date=on,
            amount=Decimal(amount),
        )
        s.add(doc)
        s.flush()
        used = Decimal(0)
        for inv_id, part in (pays or {}).items():
            inv = s.get(LedgerDocument, inv_id)
            s.add(
                Allocation(
                    franchisee_id=fid,
                    credit_id=doc.id,
                    invoice_id=inv_id,
                    amount=Decimal(part),
                    applied_on=max(on, inv.doc_date),
                )
            )
            used += Decimal(part)
            s.flush()
            paid = sum(
                (a.amount for a in s.query(Allocation).filter(Allocation.invoice_id == inv_id)), Decimal(0)
            )
            if paid >= inv.amount:
                inv.settled_on = max(on, inv.doc_date)
        if used >= doc.amount:
            doc.settled_on = on
        s.commit()
        return doc.id
