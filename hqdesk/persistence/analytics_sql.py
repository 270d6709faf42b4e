"""The analytics' SQL building blocks: the month of a date, keeping the summary tables
(``models_analytics``) up to date, and filtering franchisees by region, tier and account manager.

``refresh(s, franchisee_ids)`` replaces the franchisees' rows in ``ledger_months``, ``receivable_moves`` and
``receivable_open``
from their documents and allocations; ``ledger_write.recompute`` calls it in the writer's transaction.
``rebuild(conn)`` refills the tables for everyone (the benchmark seed and tests that write the ledger
tables directly; migration 0011 does the same with its own frozen SQL).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, Date, Select, delete, func, insert, select, type_coerce, union_all
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import GenericFunction

from hqdesk.persistence.models import Franchisee
from hqdesk.persistence.models_analytics import LedgerMonth, ReceivableMove, ReceivableOpen
from hqdesk.persistence.models_credit import Allocation, LedgerDocument
from hqdesk.persistence.types import Cents

BATCH = 500


class month_start(GenericFunction):  # noqa: N801 - a SQL function name
    """``month_start(day)``: the first day of the day's month, as a DATE."""

    type = Date()
    inherit_cache = True


@compiles(month_start, "sqlite")
def _month_start_sqlite(element, compiler, **kw):
    return f"date({compiler.process(list(element.clauses)[0], **kw)}, 'start of month')"


@compiles(month_start, "postgresql")
def _month_start_pg(element, compiler, **kw):
    return f"CAST(date_trunc('month', {compiler.process(list(element.clauses)[0], **kw)}) AS DATE)"


def _ledger_months_rows(franchisee_ids: list[int] | None) -> Select:
    Doc = LedgerDocument
    month = month_start(Doc.doc_date)
    q = select(
        Doc.franchisee_id, month, Doc.kind, type_coerce(func.sum(Doc.amount), Cents()), func.count()
    ).group_by(Doc.franchisee_id, month, Doc.kind)
    if franchisee_ids is not None:
        q = q.where(Doc.franchisee_id.in_(franchisee_ids))
    return q


def _moves_rows(franchisee_ids: list[int] | None) -> Select:
    Doc = LedgerDocument
    invoices = select(
        Doc.franchisee_id.label("franchisee_id"),
        month_start(Doc.doc_date).label("month"),
        Doc.due_date.label("due_date"),
        Doc.amount.label("amount"),
    ).where(Doc.kind == "invoice")
    allocated = (
        select(
            Doc.franchisee_id.label("franchisee_id"),
            month_start(Allocation.applied_on).label("month"),
            Doc.due_date.label("due_date"),
            (-Allocation.amount).label("amount"),
        )
        .select_from(Allocation)
        .join(Doc, Doc.id == Allocation.invoice_id)
    )
    if franchisee_ids is not None:
        invoices = invoices.where(Doc.franchisee_id.in_(franchisee_ids))
        allocated = allocated.where(Allocation.franchisee_id.in_(franchisee_ids))
    moves = union_all(invoices, allocated).subquery("moves")
    total = type_coerce(func.sum(moves.c.amount), Cents())
    return (
        select(moves.c.franchisee_id, moves.c.month, moves.c.due_date, total)
        .group_by(moves.c.franchisee_id, moves.c.month, moves.c.due_date)
        .having(func.sum(moves.c.amount) != 0)
    )


def _open_rows(franchisee_ids: list[int] | None) -> Select:
    rm = ReceivableMove
    total = type_coerce(func.sum(rm.amount), Cents())
    q = (
        select(rm.franchisee_id, rm.due_date, total)
        .group_by(rm.franchisee_id, rm.due_date)
        .having(func.sum(rm.amount) != 0)
    )
    return q if franchisee_ids is None else q.where(rm.franchisee_id.in_(franchisee_ids))


def _fill(conn: Connection, franchisee_ids: list[int] | None) -> None:
    lm, rm, ro = LedgerMonth.__table__, ReceivableMove.__table__, ReceivableOpen.__table__
    for table in (lm, rm, ro):
        if franchisee_ids is None:
            conn.execute(delete(table))
        else:
            conn.execute(delete(table).where(table.c.franchisee_id.in_(franchisee_ids)))
    conn.execute(
        insert(lm).from_select(
            ["franchisee_id", "month", "kind", "amount", "documents"], _ledger_months_rows(franchisee_ids)
        )
    )
    conn.execute(
        insert(rm).from_select(["franchisee_id", "month", "due_date", "amount"], _moves_rows(franchisee_ids))
    )
    conn.execute(insert(ro).from_select(["franchisee_id", "due_date", "amount"], _open_rows(franchisee_ids)))


def refresh(s: Session, franchisee_ids: Iterable[int]) -> None:
    """Replace these franchisees' summary rows from their ledger, in the session's transaction."""
    ids = sorted(set(franchisee_ids))
    conn = s.connection()
    for i in range(0, len(ids), BATCH):
        _fill(conn, ids[i : i + BATCH])


def rebuild(conn: Connection) -> None:
    """Refill both summary tables for every franchisee (in the connection's transaction)."""
    _fill(conn, None)


def franchisee_filter(
    region: str | None = None,
    tier: str | None = None,
    account_manager_id: int | None = None,
    franchisee_id: int | None = None,
) -> Select | None:
    """``SELECT franchisees.id`` of the franchisees matching every given criterion (None: no criterion)."""
    conditions = []
    if region is not None:
        conditions.append(Franchisee.region == region)
    if tier is not None:
        conditions.append(Franchisee.tier == tier)
    if account_manager_id is not None:
        conditions.append(Franchisee.account_manager_id == account_manager_id)
    if franchisee_id is not None:
        conditions.append(Franchisee.id == franchisee_id)
    if not conditions:
        return None
    return select(Franchisee.id).where(*conditions)


__all__ = ["franchisee_filter", "month_start", "rebuild", "refresh"]
