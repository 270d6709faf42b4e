"""The receivables' building blocks in SQL: what is open as of a date, and how many days overdue.

As of a date D only documents dated on or before D and allocations applied on or before D count (the credit
issue's rule). ``settled_on`` lets the queries skip documents fully allocated on or before D, which is most of a
long history, so "everything open as of today" reads the open few rather than millions of settled rows; the
remaining ones subtract their allocations through the (invoice_id, applied_on) / (credit_id, applied_on) indexes.

Aging, KPIs, the credit check, dunning, statements and charts all start here: one definition of "open".
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, Select, and_, func, literal, or_, select, type_coerce
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import GenericFunction

from hqdesk.persistence.models_credit import Allocation, LedgerDocument
from hqdesk.persistence.types import Cents

Doc = LedgerDocument


class days_between(GenericFunction):  # noqa: N801 - a SQL function name
    """``days_between(later, earlier)``: whole days from ``earlier`` to ``later`` (negative if before)."""

    type = Integer()
    inherit_cache = True


@compiles(days_between, "sqlite")
def _days_between_sqlite(element, compiler, **kw):
    later, earlier = list(element.clauses)
    return f"CAST(julianday({compiler.process(later, **kw)}) - julianday({compiler.process(earlier, **kw)}) AS INTEGER)"


@compiles(days_between, "postgresql")
def _days_between_pg(element, compiler, **kw):
    later, earlier = list(element.clauses)
    return (
        f"(CAST({compiler.process(later, **kw)} AS DATE) - CAST({compiler.process(earlier, **kw)} AS DATE))"
    )


def as_date(value: date):
    """A date literal bound as a DATE (so both databases compare and subtract it as one)."""
    return literal(value, Date())


class not_an_index_key(GenericFunction):  # noqa: N801 - a SQL expression
    """``+column`` on SQLite: the same value, but the planner will not pick an index for it. "Dated on or
    before D" matches nearly the whole history; led by it (ix_ledger_documents_kind_date) SQLite read every
    invoice (13 s on 2,000,000) instead of the few still open (ix_ledger_documents_open, 0.16 s)."""

    inherit_cache = True


@compiles(not_an_index_key)
def _not_an_index_key(element, compiler, **kw):
    return compiler.process(list(element.clauses)[0], **kw)


@compiles(not_an_index_key, "sqlite")
def _not_an_index_key_sqlite(element, compiler, **kw):
    return "+" + compiler.process(list(element.clauses)[0], **kw)


def _still_open(as_of: date):
    doc_date = not_an_index_key(Doc.doc_date, type_=Date())
    return and_(doc_date <= as_of, or_(Doc.settled_on.is_(None), Doc.settled_on > as_of))


def open_invoices(as_of: date, franchisee_id: int | None = None) -> Select:
    """Invoices with something open as of ``as_of``: columns ``id, franchisee_id, number, doc_date, due_date,
    amount, open_amount`` (``Decimal``), only rows with ``open_amount > 0``; ``.subquery()`` it to join or
    aggregate."""
    settled = (
        select(func.coalesce(func.sum(Allocation.amount), 0))
        .where(Allocation.invoice_id == Doc.id, Allocation.applied_on <= as_of)
        .scalar_subquery()
    )
    q = select(
        Doc.id,
        Doc.franchisee_id,
        Doc.number,
        Doc.doc_date,
        Doc.due_date,
        Doc.amount,
        type_coerce(Doc.amount - settled, Cents()).label("open_amount"),
    ).where(Doc.kind == "invoice", _still_open(as_of))
    if franchisee_id is not None:
        q = q.where(Doc.franchisee_id == franchisee_id)
    inner = q.subquery("open_candidates")
    return select(inner).where(inner.c.open_amount > 0)


def unapplied_credits(as_of: date, franchisee_id: int | None = None) -> Select:
    """Credit documents (payments, credit notes) with something not yet allocated as of ``as_of``: columns
    ``id, franchisee_id, kind, number, doc_date, amount, unapplied`` (``Decimal``), only ``unapplied > 0``."""
    used = (
        select(func.coalesce(func.sum(Allocation.amount), 0))
        .where(Allocation.credit_id == Doc.id, Allocation.applied_on <= as_of)
        .scalar_subquery()
    )
    q = select(
        Doc.id,
        Doc.franchisee_id,
        Doc.kind,
        Doc.number,
        Doc.doc_date,
        Doc.amount,
        type_coerce(Doc.amount - used, Cents()).label("unapplied"),
    ).where(Doc.kind != "invoice", _still_open(as_of))
    if franchisee_id is not None:
        q = q.where(Doc.franchisee_id == franchisee_id)
    inner = q.subquery("credit_candidates")
    return select(inner).where(inner.c.unapplied > 0)


def days_overdue(as_of: date, due_date_column):
    """Days overdue as of ``as_of`` (0 or less: not due)."""
    return days_between(as_date(as_of), due_date_column)
