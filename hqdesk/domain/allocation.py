"""How a franchisee's credit documents (payments, credit notes, write-offs) settle its invoices.

Pure: the persistence layer loads a franchisee's documents and manual allocations, calls ``allocate`` and
stores the result (``persistence/ledger_write.py``), after every write that touches the franchisee's ledger,
in the same transaction. The result depends only on the documents, never on the order they were entered or
imported in: ``allocate`` sorts everything by business keys, never by database ids.

The rules, in order:

1. **Manual allocations first.** Each allocation the user made by hand ("apply unapplied credit to an
   invoice") is kept and applied before anything else, in the order (credit date, credit reference, invoice
   due date, invoice number), each up to what is still available of its credit and still open of its
   invoice (a manual allocation never grows; if a document it joins was changed so that it no longer fits,
   the part that does not fit is dropped).
2. **Write-offs next**, each on its invoice, in date order: a write-off was recorded for what was open then
   (at most that), and it closes that much of the invoice whatever payments are entered later (a payment
   dated earlier but entered after the write-off then pays other invoices or stays unapplied credit, instead
   of leaving part of the write-off unused).
3. **Then the other credit documents in date order.** On the same date, the documents that name an invoice
   (a payment with an invoice number, a credit note with ``applies_to``) come before those that do not; then
   by reference (number), then by kind.
4. A credit document that **names an invoice** pays (reduces) that invoice, up to its open amount; any excess
   stays unapplied credit. A named invoice that is not in the ledger (yet) takes nothing: the whole amount
   stays unapplied until the invoice arrives, and the next recomputation applies it.
5. A credit document that names **no invoice** pays the franchisee's open invoices dated on or before its own
   date, oldest due date first (then invoice date, then number); what is left is unapplied credit.
6. ``applied_on`` of an allocation is the later of the credit document's date and the invoice's date; a
   document's ``settled_on`` is the latest ``applied_on`` of its allocations once nothing of it is open
   (None while anything is).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from hqdesk.domain.credit import DocumentKind
from hqdesk.domain.errors import FieldError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Document:
    """A ledger document as the allocation sees it. ``invoice_id``: the invoice a credit document names, once
    it is in the ledger; ``names_invoice``: whether it names one at all (a number not yet imported counts)."""

    id: int
    kind: DocumentKind
    number: str
    doc_date: date
    amount: Decimal
    due_date: date | None = None
    invoice_id: int | None = None
    names_invoice: bool = False

    @property
    def is_credit(self) -> bool:
        return DocumentKind(self.kind).is_credit


@dataclass(frozen=True)
class ManualAllocation:
    credit_id: int
    invoice_id: int
    amount: Decimal


@dataclass(frozen=True)
class Applied:
    """``amount`` of credit document ``credit_id`` settles invoice ``invoice_id`` from ``applied_on``."""

    credit_id: int
    invoice_id: int
    amount: Decimal
    applied_on: date
    manual: bool = False


@dataclass
class Allocation:
    """The result for one franchisee."""

    applied: list[Applied] = field(default_factory=list)
    open: dict[int, Decimal] = field(default_factory=dict)  # document id -> what is left of it
    settled_on: dict[int, date | None] = field(default_factory=dict)  # document id -> date or None

    def automatic(self) -> list[Applied]:
        return [a for a in self.applied if not a.manual]


def credit_order(doc: Document) -> tuple:
    """The order credit documents are applied in (rule 2)."""
    return (doc.doc_date, not doc.names_invoice, doc.number, str(doc.kind))


def invoice_order(doc: Document) -> tuple:
    """The order an unnamed credit pays open invoices in (rule 4)."""
    return (doc.due_date or doc.doc_date, doc.doc_date, doc.number)


def allocate(documents: Iterable[Document], manual: Iterable[ManualAllocation] = ()) -> Allocation:
    """Allocate a franchisee's credit documents to its invoices (see the module docstring)."""
    docs = {d.id: d for d in documents}
    invoices = sorted((d for d in docs.values() if not d.is_credit), key=invoice_order)
    credits = sorted((d for d in docs.values() if d.is_credit), key=credit_order)
    left = {d.id: d.amount for d in docs.values()}
    applied: list[Applied] = []

    def apply(credit: Document, invoice: Document, wanted: Decimal, is_manual: bool) -> None:
        amount = min(wanted, left[credit.id], left[invoice.id])
        if amount <= 0:
            return
        left[credit.id] -= amount
        left[invoice.id] -= amount
        applied.append(
            Applied(credit.id, invoice.id, amount, max(credit.doc_date, invoice.doc_date), is_manual)
        )

    # 1. manual allocations, in business order
    hand = [m for m in manual if m.credit_id in docs and m.invoice_id in docs]
    hand.sort(key=lambda m: (*credit_order(docs[m.credit_id]), *invoice_order(docs[m.invoice_id])))
    for m in hand:
        credit, invoice = docs[m.credit_id], docs[m.invoice_id]
        if credit.is_credit and not invoice.is_credit:
            apply(credit, invoice, m.amount, True)

    # 2. write-offs, then 3.-5. the other credit documents, each in order
    write_offs = [c for c in credits if c.kind is DocumentKind.WRITE_OFF]
    others = [c for c in credits if c.kind is not DocumentKind.WRITE_OFF]
    for credit in write_offs + others:
        if left[credit.id] <= 0:
            continue
        if credit.names_invoice:
            target = docs.get(credit.invoice_id) if credit.invoice_id is not None else None
            if target is not None and not target.is_credit:
                apply(credit, target, left[credit.id], False)
            continue
        for invoice in invoices:
            if invoice.doc_date > credit.doc_date:
                continue
            if left[invoice.id] > 0:
                apply(credit, invoice, left[credit.id], False)
                if left[credit.id] <= 0:
                    break

    latest: dict[int, date] = {}
    for a in applied:
        for doc_id in (a.credit_id, a.invoice_id):
            if doc_id not in latest or latest[doc_id] < a.applied_on:
                latest[doc_id] = a.applied_on
    settled = {doc_id: (latest.get(doc_id) if left[doc_id] <= 0 else None) for doc_id in docs}
    return Allocation(applied, left, settled)


__all__ = [
    "Document",
    "ManualAllocation",
    "Applied",
    "Allocation",
    "allocate",
    "credit_order",
    "invoice_order",
]


# ----- what a ledger document must satisfy (hand entry and import alike) --------------------------------------


NUMBER_MAX = 50
MAX_AMOUNT = Decimal("1000000000000.00")  # a trillion yuan: far above any invoice, far below BIGINT cents
CENT = Decimal("0.01")

NUMBER_MISSING = QT_TRANSLATE_NOOP("Validation", "Enter the document number.")
NUMBER_TOO_LONG = QT_TRANSLATE_NOOP("Validation", "At most {max} characters.")
AMOUNT_MISSING = QT_TRANSLATE_NOOP("Validation", "Enter an amount greater than zero.")
AMOUNT_FEN = QT_TRANSLATE_NOOP("Validation", "At most 2 decimal places (fen).")
AMOUNT_TOO_BIG = QT_TRANSLATE_NOOP("Validation", "The amount cannot be more than {max} yuan.")
DATE_MISSING = QT_TRANSLATE_NOOP("Validation", "Enter the date.")
DUE_BEFORE_DATE = QT_TRANSLATE_NOOP("Validation", "The due date cannot be before the invoice date.")


def validate_document(
    kind: DocumentKind,
    number: str,
    doc_date: date | None,
    amount: Decimal | None,
    due_date: date | None = None,
    applies_to: str = "",
) -> list[FieldError]:
    """Field errors of a ledger document (every amount positive; ``kind`` says what it is)."""
    errors: list[FieldError] = []
    if not number.strip():
        errors.append(FieldError("number", NUMBER_MISSING))
    elif len(number) > NUMBER_MAX:
        errors.append(FieldError("number", NUMBER_TOO_LONG, {"max": NUMBER_MAX}))
    if doc_date is None:
        errors.append(FieldError("doc_date", DATE_MISSING))
    if amount is None or not amount.is_finite() or amount <= 0:
        errors.append(FieldError("amount", AMOUNT_MISSING))
    elif amount != amount.quantize(CENT):
        errors.append(FieldError("amount", AMOUNT_FEN))
    elif amount > MAX_AMOUNT:
        errors.append(FieldError("amount", AMOUNT_TOO_BIG, {"max": "1,000,000,000,000"}))
    if kind is DocumentKind.INVOICE and due_date is not None and doc_date is not None and due_date < doc_date:
        errors.append(FieldError("due_date", DUE_BEFORE_DATE))
    if len(applies_to) > NUMBER_MAX:
        errors.append(FieldError("applies_to", NUMBER_TOO_LONG, {"max": NUMBER_MAX}))
    return errors


__all__ += ["validate_document", "NUMBER_MAX", "MAX_AMOUNT"]
