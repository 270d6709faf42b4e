"""The analytics' queries (SQLAlchemy ``Select``s), apart from the service so the benchmark can time them
bare.

Ledger amounts by month come from the summary table ``ledger_months`` for the months lying wholly inside the
period and from ``ledger_documents`` for the days of a month cut by the period's start or end (the summary
has no days): ``ledger_lines(start, end, members)`` is that union, one row per (franchisee, month, kind).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Select, case, func, literal, select, type_coerce, union_all

from hqdesk.domain.analytics import add_months, day_before, full_months, month_end
from hqdesk.persistence.analytics_sql import month_start
from hqdesk.persistence.ledger_sql import as_date, days_overdue, open_invoices, unapplied_credits
from hqdesk.persistence.models import Franchisee, User
from hqdesk.persistence.models_analytics import LedgerMonth, ReceivableMove, ReceivableOpen
from hqdesk.persistence.models_credit import CreditProfile, LedgerDocument
from hqdesk.persistence.types import Cents

SALES_KINDS = ("invoice", "credit_note")


def _member(column, members: Select | None, franchisee_id: int | None):
    if franchisee_id is not None:
        return column == franchisee_id
    if members is not None:
        return column.in_(members)
    return None


def ledger_lines(
    start: date,
    end: date,
    members: Select | None = None,
    franchisee_id: int | None = None,
    kinds: tuple[str, ...] = SALES_KINDS,
):
    """Subquery ``franchisee_id, month, kind, amount``: the documents of ``kinds`` dated in [start, end],
    summed per franchisee, month and kind; only franchisees in ``members`` (a SELECT of ids) or the one
    ``franchisee_id``, if given."""
    parts = []
    whole = full_months(start, end)
    raw_ranges: list[tuple[date, date]] = []
    if whole:
        if start < whole[0]:
            raw_ranges.append((start, day_before(whole[0])))
        if month_end(whole[-1]) < end:
            raw_ranges.append((add_months(whole[-1], 1), end))
        lm = LedgerMonth
        q = select(
            lm.franchisee_id.label("franchisee_id"),
            type_coerce(lm.month, Date()).label("month"),
            lm.kind.label("kind"),
            lm.amount.label("amount"),
        ).where(lm.month >= as_date(whole[0]), lm.month <= as_date(whole[-1]), lm.kind.in_(kinds))
        condition = _member(lm.franchisee_id, members, franchisee_id)
        parts.append(q if condition is None else q.where(condition))
    else:
        raw_ranges.append((start, end))
    Doc = LedgerDocument
    for a, b in raw_ranges:
        q = (
            select(
                Doc.franchisee_id.label("franchisee_id"),
                type_coerce(month_start(Doc.doc_date), Date()).label("month"),
                Doc.kind.label("kind"),
                type_coerce(func.sum(Doc.amount), Cents()).label("amount"),
            )
            .where(Doc.kind.in_(kinds), Doc.doc_date >= as_date(a), Doc.doc_date <= as_date(b))
            .group_by(Doc.franchisee_id, month_start(Doc.doc_date), Doc.kind)
        )
        condition = _member(Doc.franchisee_id, members, franchisee_id)
        parts.append(q if condition is None else q.where(condition))
    if len(parts) == 1:
        return parts[0].subquery("lines")
    return union_all(*parts).subquery("lines")


def signed_sales(lines):
    """Invoices count +, credit notes -: the SQL expression of one line's sales."""
    return case((lines.c.kind == "invoice", lines.c.amount), (lines.c.kind == "credit_note", -lines.c.amount))


def _sum(expr):
    return type_coerce(func.coalesce(func.sum(expr), 0), Cents())


def sales_by_month(start: date, end: date, members=None, franchisee_id=None) -> Select:
    """``month, amount``: sales per month with any sales document in [start, end], by month."""
    lines = ledger_lines(start, end, members, franchisee_id)
    return (
        select(lines.c.month, _sum(signed_sales(lines)).label("amount"))
        .group_by(lines.c.month)
        .order_by(lines.c.month)
    )


def sales_by_franchisee(start: date, end: date, members=None, franchisee_id=None) -> Select:
    """``franchisee_id, code, name, amount``: sales per franchisee with any sales document in [start, end]."""
    lines = ledger_lines(start, end, members, franchisee_id)
    per = (
        select(lines.c.franchisee_id, _sum(signed_sales(lines)).label("amount"))
        .group_by(lines.c.franchisee_id)
        .subquery("per")
    )
    return (
        select(per.c.franchisee_id, Franchisee.code, Franchisee.legal_name.label("name"), per.c.amount)
        .join(Franchisee, Franchisee.id == per.c.franchisee_id)
        .order_by(Franchisee.code)
    )


def sales_by_franchisee_month(start: date, end: date, members=None, franchisee_id=None) -> Select:
    """``franchisee_id, code, name, month, amount``, by code and month."""
    lines = ledger_lines(start, end, members, franchisee_id)
    per = (
        select(lines.c.franchisee_id, lines.c.month, _sum(signed_sales(lines)).label("amount"))
        .group_by(lines.c.franchisee_id, lines.c.month)
        .subquery("per")
    )
    return (
        select(
            per.c.franchisee_id,
            Franchisee.code,
            Franchisee.legal_name.label("name"),
            per.c.month,
            per.c.amount,
        )
        .join(Franchisee, Franchisee.id == per.c.franchisee_id)
        .order_by(Franchisee.code, per.c.month)
    )


def sales_by_attribute(start: date, end: date, column, members=None, franchisee_id=None) -> Select:
    """``key, amount``: sales per value of a franchisee ``column`` (region, tier, account_manager_id)."""
    lines = ledger_lines(start, end, members, franchisee_id)
    return (
        select(column.label("key"), _sum(signed_sales(lines)).label("amount"))
        .select_from(lines)
        .join(Franchisee, Franchisee.id == lines.c.franchisee_id)
        .group_by(column)
        .order_by(column)
    )


def account_manager_names() -> Select:
    return select(User.id, User.display_name)


def pareto_statement(start: date, end: date, limit: int, members=None, franchisee_id=None) -> Select:
    """The top ``limit`` franchisees by sales (positive only) with rank and cumulative sales, plus on every row
    ``franchisees`` (how many sold), ``total`` and ``top20`` (the sales of the first ceil(n / 5))."""
    lines = ledger_lines(start, end, members, franchisee_id)
    amount = func.sum(signed_sales(lines))
    per = (
        select(lines.c.franchisee_id, amount.label("amount"))
        .group_by(lines.c.franchisee_id)
        .having(amount > 0)
        .subquery("per")
    )
    order = (per.c.amount.desc(), per.c.franchisee_id)
    ranked = select(
        per.c.franchisee_id,
        per.c.amount,
        func.row_number().over(order_by=order).label("rank"),
        func.sum(per.c.amount).over(order_by=order, rows=(None, 0)).label("cumulative"),
        func.count().over().label("n"),
        func.sum(per.c.amount).over().label("total"),
    ).subquery("ranked")
    top20 = (
        select(func.sum(ranked.c.amount))
        .where(ranked.c.rank * 5 <= ranked.c.n + 4)
        .scalar_subquery()
        .label("top20")
    )
    return (
        select(
            ranked.c.rank,
            ranked.c.franchisee_id,
            Franchisee.code,
            Franchisee.legal_name.label("name"),
            type_coerce(ranked.c.amount, Cents()).label("amount"),
            type_coerce(ranked.c.cumulative, Cents()).label("cumulative"),
            ranked.c.n,
            type_coerce(ranked.c.total, Cents()).label("total"),
            type_coerce(top20, Cents()).label("top20"),
        )
        .join(Franchisee, Franchisee.id == ranked.c.franchisee_id)
        .where(ranked.c.rank <= limit)
        .order_by(ranked.c.rank)
    )


def receivables_as_of(as_of: date, members=None, franchisee_id=None) -> Select:
    """One row ``invoices, credits, overdue`` as of ``as_of``: open invoice amounts, unapplied credit
    (positive), open amounts more than 0 days overdue: the definitions of ``persistence.ledger_sql`` (the same
    as ``services.receivables``), with the franchisee filter. Receivables = invoices - credits."""
    oi = open_invoices(as_of, franchisee_id).subquery("oi")
    uc = unapplied_credits(as_of, franchisee_id).subquery("uc")
    inv = select(
        _sum(oi.c.open_amount).label("invoices"),
        _sum(case((days_overdue(as_of, oi.c.due_date) > 0, oi.c.open_amount))).label("overdue"),
    )
    cred = select(_sum(uc.c.unapplied).label("credits"))
    if members is not None and franchisee_id is None:
        inv = inv.where(oi.c.franchisee_id.in_(members))
        cred = cred.where(uc.c.franchisee_id.in_(members))
    inv_s = inv.subquery("inv")
    return select(inv_s.c.invoices, cred.scalar_subquery().label("credits"), inv_s.c.overdue)


def open_by_franchisee_due(members=None, franchisee_id=None) -> Select:
    """``franchisee_id, due_date, amount``: ``receivable_open`` rows."""
    ro = ReceivableOpen
    q = select(ro.franchisee_id, ro.due_date, ro.amount)
    condition = _member(ro.franchisee_id, members, franchisee_id)
    return q if condition is None else q.where(condition)


def moves_after_by_franchisee(month: date, members=None, franchisee_id=None) -> Select:
    """``franchisee_id, due_date, amount``: the moves of the months after ``month`` per franchisee and due
    date."""
    rm = ReceivableMove
    q = (
        select(rm.franchisee_id, rm.due_date, _sum(rm.amount).label("amount"))
        .where(rm.month > as_date(month))
        .group_by(rm.franchisee_id, rm.due_date)
    )
    condition = _member(rm.franchisee_id, members, franchisee_id)
    return q if condition is None else q.where(condition)


def franchisee_names(members=None, franchisee_id=None) -> Select:
    q = select(Franchisee.id, Franchisee.code, Franchisee.legal_name)
    condition = _member(Franchisee.id, members, franchisee_id)
    return q if condition is None else q.where(condition)


def receivables_now(as_of: date, members=None, franchisee_id=None) -> Select:
    """One row ``receivables, overdue`` as of ``as_of`` from the summaries (what the start screen reads):
    receivables = invoices - credit documents dated on or before ``as_of`` (the aging total); overdue = the
    open amounts due before ``as_of`` after every allocation recorded (``receivable_open``) less the moves of
    the months after ``as_of``'s (the aging report's overdue, unless a payment is recorded with a later date in
    ``as_of``'s own month)."""
    lines = ledger_lines(
        date(1900, 1, 1), as_of, members, franchisee_id, ("invoice", "credit_note", "payment", "write_off")
    )
    signed = case((lines.c.kind == "invoice", lines.c.amount), else_=-lines.c.amount)
    ro, rm = ReceivableOpen, ReceivableMove
    open_due = select(_sum(ro.amount)).where(ro.due_date < as_date(as_of))
    later = select(_sum(rm.amount)).where(
        rm.due_date < as_date(as_of), rm.month > as_date(as_of.replace(day=1))
    )
    for column, part in ((ro.franchisee_id, "open_due"), (rm.franchisee_id, "later")):
        condition = _member(column, members, franchisee_id)
        if condition is not None:
            if part == "open_due":
                open_due = open_due.where(condition)
            else:
                later = later.where(condition)
    return select(
        select(_sum(signed)).scalar_subquery().label("receivables"),
        type_coerce(open_due.scalar_subquery() - later.scalar_subquery(), Cents()).label("overdue"),
    )


def ledger_totals(start: date, end: date, kinds: tuple[str, ...], members=None, franchisee_id=None) -> Select:
    """``kind, amount``: the documents of ``kinds`` dated in [start, end], summed per kind."""
    lines = ledger_lines(start, end, members, franchisee_id, kinds)
    return select(lines.c.kind, _sum(lines.c.amount).label("amount")).group_by(lines.c.kind)


def open_by_due_date(members=None, franchisee_id=None) -> Select:
    """``due_date, amount``: the open invoice amounts after every allocation recorded (``receivable_open``),
    per due date."""
    ro = ReceivableOpen
    q = select(ro.due_date, _sum(ro.amount).label("amount")).group_by(ro.due_date)
    condition = _member(ro.franchisee_id, members, franchisee_id)
    return q if condition is None else q.where(condition)


def moves_after(month: date, members=None, franchisee_id=None) -> Select:
    """``due_date, month, amount``: the changes of the open invoice amounts (``receivable_moves``) in the
    months after ``month``, per due date and month."""
    rm = ReceivableMove
    q = (
        select(rm.due_date, rm.month, _sum(rm.amount).label("amount"))
        .where(rm.month > as_date(month))
        .group_by(rm.due_date, rm.month)
    )
    condition = _member(rm.franchisee_id, members, franchisee_id)
    return q if condition is None else q.where(condition)


def months_by_kind(
    last_month: date, members=None, franchisee_id=None, first_month: date | None = None
) -> Select:
    """``month, kind, amount``: the ledger's documents per month and kind (``ledger_months``) up to
    ``last_month`` (from ``first_month``, if given)."""
    lm = LedgerMonth
    q = (
        select(lm.month, lm.kind, _sum(lm.amount).label("amount"))
        .where(lm.month <= as_date(last_month), lm.month >= as_date(first_month or date(1900, 1, 1)))
        .group_by(lm.month, lm.kind)
        .order_by(lm.month)
    )
    condition = _member(lm.franchisee_id, members, franchisee_id)
    return q if condition is None else q.where(condition)


def balances(as_of: date, members=None, franchisee_id=None) -> Select:
    """``franchisee_id, balance``: each franchisee's receivables as of ``as_of`` (invoices - credit documents
    dated on or before it: the aging total), for franchisees with any document."""
    lines = ledger_lines(
        date(1900, 1, 1), as_of, members, franchisee_id, ("invoice", "credit_note", "payment", "write_off")
    )
    signed = case((lines.c.kind == "invoice", lines.c.amount), else_=-lines.c.amount)
    return select(lines.c.franchisee_id, _sum(signed).label("balance")).group_by(lines.c.franchisee_id)


def credit_limits(members=None, franchisee_id=None) -> Select:
    """``franchisee_id, code, name, credit_limit`` of franchisees with a credit profile."""
    q = select(
        CreditProfile.franchisee_id,
        Franchisee.code,
        Franchisee.legal_name.label("name"),
        CreditProfile.credit_limit,
    ).join(Franchisee, Franchisee.id == CreditProfile.franchisee_id)
    condition = _member(CreditProfile.franchisee_id, members, franchisee_id)
    return q if condition is None else q.where(condition)


def literal_zero():
    return type_coerce(literal(0), Cents())


__all__ = [
    "account_manager_names",
    "balances",
    "credit_limits",
    "months_by_kind",
    "franchisee_names",
    "moves_after",
    "moves_after_by_franchisee",
    "open_by_franchisee_due",
    "open_by_due_date",
    "ledger_lines",
    "ledger_totals",
    "pareto_statement",
    "receivables_as_of",
    "receivables_now",
    "sales_by_attribute",
    "sales_by_franchisee",
    "sales_by_franchisee_month",
    "sales_by_month",
    "signed_sales",
]
