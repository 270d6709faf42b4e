"""The ledger of a franchisee: invoices, credit notes, payments and write-offs, their allocations and the
running balance.

Use cases (each one unit of work; every write recomputes the franchisee's allocations and ``settled_on`` in the
same transaction, ``persistence/ledger_write.py``):

- ``documents``: the franchisee's documents in date order with each one's open amount and the running balance
  (invoices add, credit documents subtract), computed in SQL;
- ``record``: an invoice, credit note or payment entered by hand (needs RECORD_LEDGER); an invoice without a
  due date gets the one its franchisee's settlement term gives (``domain/settlement.py``);
- ``write_off``: bad debt on one invoice (needs WRITE_OFF: credit managers and administrators), at most its
  open amount;
- ``apply_credit``: unapplied credit of a payment or credit note applied to an invoice by hand (a manual
  allocation, applied before the automatic ones);
- ``delete``: a hand-entered document that nothing depends on (no document names it, no manual allocation
  uses it). Documents are deleted, not voided: the audit trail keeps the deleted row, and imported documents
  (the ERP's) cannot be deleted here: the ERP corrects them with a credit note.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import BigInteger, and_, case, func, or_, select, type_coerce
from sqlalchemy.orm import Session, aliased

from hqdesk.domain.allocation import validate_document
from hqdesk.domain.changes import Entity
from hqdesk.domain.credit import DocumentKind, TermKind
from hqdesk.domain.errors import EXIT_REFUSED, ArchivedReadOnly, FieldError, HqdeskError, NotFound
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor
from hqdesk.domain.settlement import due_date as settlement_due_date
from hqdesk.persistence.ledger_write import recompute, terms
from hqdesk.persistence.models import Franchisee
from hqdesk.persistence.models_credit import Allocation, LedgerDocument
from hqdesk.persistence.types import Cents
from hqdesk.services.base import Service, raise_if_invalid

LEDGER = Entity.LEDGER
ZERO = Decimal("0.00")


# ----- DTOs --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerLine:
    """One document of a franchisee's ledger. ``open_amount``: what is not allocated yet (an invoice's unpaid
    part, a credit document's unapplied credit); ``balance``: the running balance after this document
    (what the franchisee owes: invoices less credit documents, in the order shown)."""

    id: int
    franchisee_id: int
    kind: DocumentKind
    number: str
    doc_date: date
    amount: Decimal
    due_date: date | None
    applies_to: str
    invoice_id: int | None
    note: str
    source: str
    settled_on: date | None
    open_amount: Decimal
    balance: Decimal
    manual_allocations: int  # manual allocations that use this document
    named_by: int  # credit documents that name this invoice

    @property
    def signed_amount(self) -> Decimal:
        return self.amount if self.kind is DocumentKind.INVOICE else -self.amount

    @property
    def deletable(self) -> bool:
        """A hand-entered document nothing depends on (see ``LedgerService.delete``)."""
        return self.source == "manual" and not self.manual_allocations and not self.named_by

    def overdue_days(self, today: date) -> int:
        if self.kind is not DocumentKind.INVOICE or self.open_amount <= 0 or self.due_date is None:
            return 0
        return max(0, (today - self.due_date).days)


@dataclass(frozen=True)
class AllocationLine:
    """An allocation seen from one document: the other document, the amount, from when, by hand or not."""

    id: int
    other_id: int
    other_kind: DocumentKind
    other_number: str
    other_date: date
    amount: Decimal
    applied_on: date
    manual: bool


@dataclass(frozen=True)
class LedgerSummary:
    """A franchisee's ledger in figures as of ``as_of`` (computed in SQL)."""

    as_of: date
    term_kind: TermKind
    term_days: int
    open_invoices: Decimal  # open amount of its invoices
    overdue: Decimal  # of which past due
    unapplied: Decimal  # unapplied credit
    balance: Decimal  # open_invoices - unapplied


# ----- errors ------------------------------------------------------------------------------------------------


class LedgerRefused(HqdeskError):
    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP("Errors", "The ledger cannot take this document.")


class DocumentInUse(LedgerRefused):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "{number} cannot be deleted: other documents depend on it (a payment, credit note or write-off names "
        "it, or credit was applied to it by hand). Nothing was deleted.",
    )


class ImportedDocument(LedgerRefused):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "{number} came from the ERP import and cannot be deleted here. Correct it in the ERP (for example with "
        "a credit note) and import that.",
    )


UNKNOWN_INVOICE = QT_TRANSLATE_NOOP("Validation", "This franchisee has no invoice {number}.")
OTHER_FRANCHISEE = QT_TRANSLATE_NOOP("Validation", "Invoice {number} belongs to another franchisee ({code}).")
NUMBER_TAKEN = QT_TRANSLATE_NOOP("Validation", "There is already a {kind} numbered {number}.")
WRITE_OFF_TOO_BIG = QT_TRANSLATE_NOOP(
    "Validation", "A write-off may not exceed the invoice's open amount ({open} yuan)."
)
NOTHING_OPEN = QT_TRANSLATE_NOOP("Validation", "Invoice {number} has nothing open to write off.")
REASON_MISSING = QT_TRANSLATE_NOOP("Validation", "Enter the reason.")
CREDIT_TOO_BIG = QT_TRANSLATE_NOOP(
    "Validation", "At most {max} yuan: the credit's unapplied amount and the invoice's open amount limit it."
)
NOT_A_CREDIT = QT_TRANSLATE_NOOP(
    "Validation", "Only a payment's or a credit note's unapplied credit can be applied."
)
NOT_AN_INVOICE = QT_TRANSLATE_NOOP("Validation", "Credit can only be applied to an invoice.")
SAME_FRANCHISEE = QT_TRANSLATE_NOOP(
    "Validation", "The credit and the invoice belong to different franchisees."
)
WRONG_KIND = QT_TRANSLATE_NOOP("Validation", "Record write-offs with Write off.")


# ----- SQL ---------------------------------------------------------------------------------------------------


def yuan(expression):
    """A SQL sum of ``Cents`` columns read back as yuan (the databases return whole cents, typed anyhow)."""
    return type_coerce(expression, Cents())


def _allocated(doc_id_column):
    """SUM of the allocations of a document (as credit or as invoice), as a correlated subquery."""
    a = Allocation.__table__.c
    return (
        select(yuan(func.coalesce(func.sum(a.amount), 0)))
        .where(or_(a.invoice_id == doc_id_column, a.credit_id == doc_id_column))
        .scalar_subquery()
    )


def open_amounts(s: Session, doc_ids: list[int]) -> dict[int, Decimal]:
    """The open (unallocated) amount of each document, in SQL."""
    d = LedgerDocument.__table__.c
    rows = s.execute(select(d.id, d.amount, _allocated(d.id).label("used")).where(d.id.in_(doc_ids)))
    return {r.id: r.amount - _cents(r.used) for r in rows}


def _cents(value) -> Decimal:
    """A sum typed ``yuan()`` as a Decimal with two places (0 when there is nothing)."""
    return ZERO if value is None else Decimal(value).quantize(Decimal("0.01"))


def _other_franchisee_code(s: Session, fid: int) -> str:
    return s.scalar(select(Franchisee.code).where(Franchisee.id == fid)) or ""


# ----- the service -------------------------------------------------------------------------------------------


class LedgerService(Service):
    """See the module docstring. Exposed names (used by the other credit screens): ``documents``, ``record``,
    ``write_off``, ``apply_credit``."""

    # --- reads ---

    def documents(self, actor: Actor, franchisee_id: int) -> list[LedgerLine]:
        """The franchisee's documents, oldest first (date, invoices before credit documents, number), each with
        its open amount and the running balance, computed in SQL."""
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            d = LedgerDocument.__table__.c
            a = Allocation.__table__.c
            named = aliased(LedgerDocument)
            signed = case((d.kind == DocumentKind.INVOICE.value, d.amount), else_=-d.amount)
            kind_order = case((d.kind == DocumentKind.INVOICE.value, 0), else_=1)
            order = (d.doc_date, kind_order, d.number, d.id)
            query = (
                select(
                    d.id,
                    d.franchisee_id,
                    d.kind,
                    d.number,
                    d.doc_date,
                    d.amount,
                    d.due_date,
                    d.applies_to,
                    d.invoice_id,
                    d.note,
                    d.source,
                    d.settled_on,
                    _allocated(d.id).label("used"),
                    yuan(func.sum(signed).over(order_by=order)).label("balance"),
                    select(func.count())
                    .where(a.manual.is_(True), or_(a.invoice_id == d.id, a.credit_id == d.id))
                    .scalar_subquery()
                    .label("manual_count"),
                    select(func.count())
                    .select_from(named)
                    .where(named.invoice_id == d.id, named.id != d.id)
                    .scalar_subquery()
                    .label("named_count"),
                )
                .where(d.franchisee_id == franchisee_id)
                .order_by(*order)
            )
            lines = []
            for r in s.execute(query):
                lines.append(
                    LedgerLine(
                        r.id,
                        r.franchisee_id,
                        DocumentKind(r.kind),
                        r.number,
                        r.doc_date,
                        r.amount,
                        r.due_date,
                        r.applies_to,
                        r.invoice_id,
                        r.note,
                        r.source,
                        r.settled_on,
                        r.amount - _cents(r.used),
                        _cents(r.balance),
                        r.manual_count,
                        r.named_count,
                    )
                )
            return lines

    def allocations(self, actor: Actor, document_id: int) -> list[AllocationLine]:
        """The allocations of one document, with the document on the other side."""
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            a = Allocation.__table__.c
            other = LedgerDocument.__table__.c
            other_id = case((a.invoice_id == document_id, a.credit_id), else_=a.invoice_id)
            rows = s.execute(
                select(
                    a.id,
                    other.id.label("other_id"),
                    other.kind,
                    other.number,
                    other.doc_date,
                    a.amount,
                    a.applied_on,
                    a.manual,
                )
                .join_from(Allocation.__table__, LedgerDocument.__table__, other.id == other_id)
                .where(or_(a.invoice_id == document_id, a.credit_id == document_id))
                .order_by(a.applied_on, other.doc_date, other.number, a.id)
            )
            return [
                AllocationLine(
                    r.id,
                    r.other_id,
                    DocumentKind(r.kind),
                    r.number,
                    r.doc_date,
                    r.amount,
                    r.applied_on,
                    r.manual,
                )
                for r in rows
            ]

    def summary(self, actor: Actor, franchisee_id: int, as_of: date | None = None) -> LedgerSummary:
        """Open invoices, overdue, unapplied credit and balance as of ``as_of`` (today): only documents and
        allocations dated on or before it count."""
        as_of = as_of or date.today()
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            d = LedgerDocument.__table__.c
            a = Allocation.__table__.c
            used = (
                select(type_coerce(func.coalesce(func.sum(a.amount), 0), BigInteger))
                .where(or_(a.invoice_id == d.id, a.credit_id == d.id), a.applied_on <= as_of)
                .scalar_subquery()
            )
            open_ = type_coerce(d.amount, BigInteger) - used
            is_invoice = d.kind == DocumentKind.INVOICE.value
            row = s.execute(
                select(
                    yuan(func.coalesce(func.sum(case((is_invoice, open_), else_=0)), 0)).label(
                        "open_invoices"
                    ),
                    yuan(
                        func.coalesce(
                            func.sum(case((and_(is_invoice, d.due_date < as_of), open_), else_=0)), 0
                        )
                    ).label("overdue"),
                    yuan(func.coalesce(func.sum(case((is_invoice, 0), else_=open_)), 0)).label("unapplied"),
                ).where(
                    d.franchisee_id == franchisee_id,
                    d.doc_date <= as_of,
                    or_(d.settled_on.is_(None), d.settled_on > as_of),
                )
            ).one()
            kind, days = terms(s, [franchisee_id])[franchisee_id]
            open_invoices, unapplied = _cents(row.open_invoices), _cents(row.unapplied)
            return LedgerSummary(
                as_of, kind, days, open_invoices, _cents(row.overdue), unapplied, open_invoices - unapplied
            )

    def term(self, actor: Actor, franchisee_id: int) -> tuple[TermKind, int]:
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            return terms(s, [franchisee_id])[franchisee_id]

    def due_date(self, actor: Actor, franchisee_id: int, invoice_date: date) -> date:
        """The due date an invoice of this franchisee dated ``invoice_date`` gets from its settlement term."""
        kind, days = self.term(actor, franchisee_id)
        return settlement_due_date(kind, days, invoice_date)

    # --- writes ---

    def _franchisee(self, s: Session, actor: Actor, franchisee_id: int, action: Action) -> Franchisee:
        """The franchisee whose ledger is written, locked for the transaction (two desks recording for it take
        turns, so each recomputation sees the other's documents)."""
        f = s.get(Franchisee, franchisee_id, with_for_update=True)
        if f is None:
            raise NotFound()
        self.require(actor, action, s=s)
        if f.archived:
            raise ArchivedReadOnly()
        return f

    def record(
        self,
        actor: Actor,
        franchisee_id: int,
        kind: DocumentKind | str,
        number: str,
        doc_date: date,
        amount: Decimal,
        due_date: date | None = None,
        applies_to: str = "",
        note: str = "",
    ) -> int:
        """Record an invoice, credit note or payment by hand; returns its id. ``applies_to``: the invoice a
        credit note reduces (it must exist for this franchisee) or the invoice a payment pays (it may be
        entered later, but not be another franchisee's)."""
        kind = DocumentKind(kind)
        number, applies_to, note = number.strip(), applies_to.strip(), note.strip()
        if kind is DocumentKind.WRITE_OFF:
            raise_if_invalid([FieldError("kind", WRONG_KIND)])
        if kind is DocumentKind.INVOICE:
            applies_to = ""
        raise_if_invalid(validate_document(kind, number, doc_date, amount, due_date, applies_to))
        with self.db.write(actor.username) as s:
            self._franchisee(s, actor, franchisee_id, Action.RECORD_LEDGER)
            errors = []
            if s.scalar(
                select(LedgerDocument.id).where(
                    LedgerDocument.kind == kind.value, LedgerDocument.number == number
                )
            ):
                errors.append(FieldError("number", NUMBER_TAKEN, {"kind": kind.label, "number": number}))
            invoice_id = None
            if applies_to:
                target = s.execute(
                    select(LedgerDocument.id, LedgerDocument.franchisee_id).where(
                        LedgerDocument.kind == DocumentKind.INVOICE.value, LedgerDocument.number == applies_to
                    )
                ).first()
                if target is not None and target.franchisee_id != franchisee_id:
                    errors.append(
                        FieldError(
                            "applies_to",
                            OTHER_FRANCHISEE,
                            {"number": applies_to, "code": _other_franchisee_code(s, target.franchisee_id)},
                        )
                    )
                elif target is None and kind is DocumentKind.CREDIT_NOTE:
                    errors.append(FieldError("applies_to", UNKNOWN_INVOICE, {"number": applies_to}))
                elif target is not None:
                    invoice_id = target.id
            raise_if_invalid(errors)
            if kind is DocumentKind.INVOICE and due_date is None:
                term_kind, days = terms(s, [franchisee_id])[franchisee_id]
                due_date = settlement_due_date(term_kind, days, doc_date)
            doc = LedgerDocument(
                franchisee_id=franchisee_id,
                kind=kind.value,
                number=number,
                doc_date=doc_date,
                amount=amount,
                due_date=due_date if kind is DocumentKind.INVOICE else None,
                applies_to=applies_to,
                invoice_id=invoice_id,
                note=note,
                source="manual",
                updated_by=actor.username,
            )
            s.add(doc)
            s.flush()
            recompute(s, [franchisee_id], actor.username)
            doc_id = doc.id
            s.commit()
        return doc_id

    def write_off(self, actor: Actor, invoice_id: int, amount: Decimal, doc_date: date, reason: str) -> int:
        """Write off bad debt on one invoice (at most its open amount); returns the write-off's id. It reduces
        the invoice's open amount from ``doc_date`` and counts in the bad-debt loss rate."""
        reason = reason.strip()
        with self.db.write(actor.username) as s:
            invoice = s.get(LedgerDocument, invoice_id)
            if invoice is None or invoice.kind != DocumentKind.INVOICE.value:
                raise NotFound()
            self._franchisee(s, actor, invoice.franchisee_id, Action.WRITE_OFF)
            self.require(actor, Action.RECORD_LEDGER, s=s)
            number = self._write_off_number(s, invoice.number)
            errors = validate_document(DocumentKind.WRITE_OFF, number, doc_date, amount)
            if not reason:
                errors.append(FieldError("note", REASON_MISSING))
            open_now = open_amounts(s, [invoice_id])[invoice_id]
            if open_now <= 0:
                errors.append(FieldError("amount", NOTHING_OPEN, {"number": invoice.number}))
            elif amount is not None and amount > open_now:
                errors.append(FieldError("amount", WRITE_OFF_TOO_BIG, {"open": f"{open_now:,.2f}"}))
            raise_if_invalid(errors)
            doc = LedgerDocument(
                franchisee_id=invoice.franchisee_id,
                kind=DocumentKind.WRITE_OFF.value,
                number=number,
                doc_date=doc_date,
                amount=amount,
                applies_to=invoice.number,
                invoice_id=invoice.id,
                note=reason,
                source="manual",
                updated_by=actor.username,
            )
            s.add(doc)
            s.flush()
            recompute(s, [invoice.franchisee_id], actor.username)
            doc_id = doc.id
            s.commit()
        return doc_id

    @staticmethod
    def _write_off_number(s: Session, invoice_number: str) -> str:
        base = f"WO-{invoice_number}"[:45]
        taken = set(
            s.scalars(
                select(LedgerDocument.number).where(
                    LedgerDocument.kind == DocumentKind.WRITE_OFF.value,
                    LedgerDocument.number.like(base + "%"),
                )
            )
        )
        if base not in taken:
            return base
        n = 2
        while f"{base}-{n}" in taken:
            n += 1
        return f"{base}-{n}"

    def apply_credit(self, actor: Actor, credit_id: int, invoice_id: int, amount: Decimal) -> None:
        """Apply ``amount`` of a payment's or credit note's unapplied credit to an invoice of the same
        franchisee, by hand (at most the credit's unapplied amount and the invoice's open amount)."""
        with self.db.write(actor.username) as s:
            credit = s.get(LedgerDocument, credit_id)
            invoice = s.get(LedgerDocument, invoice_id)
            if credit is None or invoice is None:
                raise NotFound()
            self._franchisee(s, actor, credit.franchisee_id, Action.RECORD_LEDGER)
            errors = []
            if credit.kind not in (DocumentKind.PAYMENT.value, DocumentKind.CREDIT_NOTE.value):
                errors.append(FieldError("credit", NOT_A_CREDIT))
            if invoice.kind != DocumentKind.INVOICE.value:
                errors.append(FieldError("invoice", NOT_AN_INVOICE))
            if credit.franchisee_id != invoice.franchisee_id:
                errors.append(FieldError("invoice", SAME_FRANCHISEE))
            raise_if_invalid(errors)
            left = open_amounts(s, [credit_id, invoice_id])
            most = min(left[credit_id], left[invoice_id])
            if amount is None or not amount.is_finite() or amount <= 0:
                errors.append(
                    FieldError(
                        "amount", QT_TRANSLATE_NOOP("Validation", "Enter an amount greater than zero.")
                    )
                )
            elif amount != amount.quantize(Decimal("0.01")):
                errors.append(
                    FieldError("amount", QT_TRANSLATE_NOOP("Validation", "At most 2 decimal places (fen)."))
                )
            elif amount > most:
                errors.append(FieldError("amount", CREDIT_TOO_BIG, {"max": f"{max(most, ZERO):,.2f}"}))
            raise_if_invalid(errors)
            s.add(
                Allocation(
                    franchisee_id=credit.franchisee_id,
                    credit_id=credit_id,
                    invoice_id=invoice_id,
                    amount=amount,
                    applied_on=max(credit.doc_date, invoice.doc_date),
                    manual=True,
                    created_by=actor.username,
                )
            )
            s.flush()
            recompute(s, [credit.franchisee_id], actor.username)
            s.commit()

    def remove_manual_allocation(self, actor: Actor, allocation_id: int) -> None:
        """Undo a manual allocation (the credit goes back to the automatic rules)."""
        with self.db.write(actor.username) as s:
            row = s.get(Allocation, allocation_id)
            if row is None or not row.manual:
                raise NotFound()
            self._franchisee(s, actor, row.franchisee_id, Action.RECORD_LEDGER)
            fid = row.franchisee_id
            s.delete(row)
            s.flush()
            recompute(s, [fid], actor.username)
            s.commit()

    def delete(self, actor: Actor, document_id: int) -> None:
        """Delete a hand-entered document that nothing depends on; see the module docstring."""
        with self.db.write(actor.username) as s:
            doc = s.get(LedgerDocument, document_id)
            if doc is None:
                raise NotFound()
            action = Action.WRITE_OFF if doc.kind == DocumentKind.WRITE_OFF.value else Action.RECORD_LEDGER
            self._franchisee(s, actor, doc.franchisee_id, action)
            self.require(actor, Action.RECORD_LEDGER, s=s)
            if doc.source != "manual":
                raise ImportedDocument(number=doc.number)
            a = Allocation.__table__.c
            in_use = s.scalar(
                select(func.count())
                .select_from(Allocation.__table__)
                .where(a.manual.is_(True), or_(a.invoice_id == doc.id, a.credit_id == doc.id))
            ) or s.scalar(
                select(func.count()).where(LedgerDocument.invoice_id == doc.id, LedgerDocument.id != doc.id)
            )
            if in_use:
                raise DocumentInUse(number=doc.number)
            fid = doc.franchisee_id
            s.delete(doc)
            s.flush()
            recompute(s, [fid], actor.username)
            s.commit()


__all__ = [
    "LedgerService",
    "LedgerLine",
    "AllocationLine",
    "LedgerSummary",
    "LedgerRefused",
    "DocumentInUse",
    "ImportedDocument",
    "open_amounts",
]
