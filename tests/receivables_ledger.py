"""A test ledger written straight into the tables (the reports read ``ledger_documents`` and ``allocations``
as they are; until the ledger service exists, tests state the allocations themselves).

``LedgerWriter`` adds documents and allocations (``applied_on`` = the later of the two documents' dates, as
the schema says) and, on ``commit()``, sets every document's ``settled_on`` consistently: the ``applied_on``
of the allocation that completes its amount, None while anything is open.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.persistence.models_credit import Allocation, LedgerDocument


def add_franchisee(services, admin, code: str, name: str | None = None) -> int:
    return services.franchisees.create(
        admin, FranchiseeData(code=code, legal_name=name or f"{code}珠宝有限公司", city="上海", tier="A")
    ).id


class LedgerWriter:
    def __init__(self) -> None:
        self.docs: list[LedgerDocument] = []
        self.allocations: list[tuple[LedgerDocument, LedgerDocument, Decimal, date | None]] = []

    def _doc(self, fid, kind, number, on, amount, due=None) -> LedgerDocument:
        doc = LedgerDocument(
            franchisee_id=fid,
            kind=kind,
            number=number,
            doc_date=on,
            amount=Decimal(amount),
            due_date=due,
            source="manual",
        )
        self.docs.append(doc)
        return doc

    def invoice(self, fid: int, number: str, on: date, amount: str, due: date) -> LedgerDocument:
        return self._doc(fid, "invoice", number, on, amount, due)

    def payment(self, fid: int, number: str, on: date, amount: str) -> LedgerDocument:
        return self._doc(fid, "payment", number, on, amount)

    def credit_note(self, fid: int, number: str, on: date, amount: str) -> LedgerDocument:
        return self._doc(fid, "credit_note", number, on, amount)

    def write_off(self, fid: int, number: str, on: date, amount: str) -> LedgerDocument:
        return self._doc(fid, "write_off", number, on, amount)

    def allocate(self, credit: LedgerDocument, invoice: LedgerDocument, amount: str | None = None) -> None:
        """``amount`` of ``credit`` settles ``invoice`` (default: the whole credit document)."""
        self.allocations.append((credit, invoice, Decimal(amount or credit.amount), None))

    def commit(self, services, user: str = "test") -> None:
        with services.db.write(user) as s:
            s.add_all(self.docs)
            s.flush()
            used: dict[int, list[tuple[date, Decimal]]] = defaultdict(list)
            for credit, invoice, amount, _ in self.allocations:
                applied_on = max(credit.doc_date, invoice.doc_date)
                s.add(
                    Allocation(
                        franchisee_id=invoice.franchisee_id,
                        credit_id=credit.id,
                        invoice_id=invoice.id,
                        amount=amount,
                        applied_on=applied_on,
                    )
                )
                used[credit.id].append((applied_on, amount))
                used[invoice.id].append((applied_on, amount))
            for doc in self.docs:
                total = Decimal(0)
                for on, amount in sorted(used[doc.id], key=lambda x: x[0]):
                    total += amount
                    if total >= doc.amount:
                        doc.settled_on = on
                        break
            s.commit()
        self.docs, self.allocations = [], []
