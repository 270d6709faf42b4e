"""Receivables reports: aging as of a date and the KPIs of a period, computed in SQL.

Both build on ``persistence.ledger_sql`` (the one definition of what is open as of a date): as of D only
documents dated on or before D and allocations applied on or before D count.

Aging as of D: each open invoice falls in a bucket by its days overdue (D - due date; 0 or less is
``not_due``; bounds 30, 60, 90, 180, 365 give ``1-30``, ``31-60``, ``61-90``, ``91-180``, ``181-365``,
``>365``); each franchisee's unapplied credit (payments and credit notes not yet allocated) is its own negative
column; ``total`` = the buckets + unapplied. One GROUP BY over the open invoices and the unapplied credits,
never a loop over invoices in Python.

KPIs of a period [start, end] (both days included; ``days`` = end - start + 1):
- ``credit_sales``: invoices minus credit notes dated in the period; ``collections``: payments dated in the
  period; ``write_offs``: write-offs dated in the period.
- ``opening_receivables``: the aging total as of the day before ``start``; ``closing_receivables``: as of
  ``end``; ``overdue``: open invoice amounts more than 0 days overdue as of ``end``;
  ``overdue_share`` = overdue / closing receivables.
- ``dso_average_balance`` = (opening + closing) / 2 / credit sales x days.
- ``dso_countback``: the closing receivables counted back through each calendar month's credit sales, most
  recent first (``end``'s month counts from its 1st to ``end``): while the balance left exceeds a month's credit
  sales, subtract them and add the month's days; then add the fraction balance left / that month's credit
  sales of its days. At most ``COUNTBACK_MONTHS`` months are counted (a balance older than that gives the
  days counted so far). Months before ``start`` count too: countback looks at the sales that built the balance.
- ``bad_debt_loss_rate`` = write-offs / credit sales.
A ratio or DSO whose divisor is zero or negative (no credit sales, nothing receivable) is None.

Rights: every role may read these reports (``Action.VIEW_FRANCHISEES``); nothing here writes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from sqlalchemy import (
    Date,
    Integer,
    Select,
    and_,
    bindparam,
    case,
    func,
    literal,
    null,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from hqdesk.domain.credit import DEFAULT_AGING_BOUNDS, bucket_labels, parse_bounds
from hqdesk.domain.errors import EXIT_REFUSED, HqdeskError, NotFound
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.ledger_sql import (
    as_date,
    days_between,
    days_overdue,
    open_invoices,
    unapplied_credits,
)
from hqdesk.persistence.models import Franchisee
from hqdesk.persistence.models_credit import CreditPolicy, LedgerDocument
from hqdesk.persistence.types import Cents
from hqdesk.services.base import Service

log = logging.getLogger(__name__)

ZERO = Decimal("0.00")
COUNTBACK_MONTHS = 24
UNAPPLIED = "unapplied"
TOTAL = "total"


class PeriodRefused(HqdeskError):
    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP("Errors", "The period ends ({end}) before it starts ({start}).")


class FranchiseeCodeUnknown(HqdeskError):
    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP("Errors", "There is no franchisee with the code {code}.")


# ----- DTOs ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AgingRow:
    """One franchisee's line (or the totals: ``franchisee_id`` None): ``buckets`` in the order of the
    report's ``labels``; ``unapplied`` is negative (or zero); ``total`` = sum of buckets + unapplied."""

    franchisee_id: int | None
    code: str
    name: str  # the franchisee's legal name
    buckets: tuple[Decimal, ...]
    unapplied: Decimal
    total: Decimal

    def value(self, column: str, labels: list[str]) -> Decimal:
        if column == UNAPPLIED:
            return self.unapplied
        if column == TOTAL:
            return self.total
        return self.buckets[labels.index(column)]


@dataclass(frozen=True)
class AgingReport:
    as_of: date
    bounds: tuple[int, ...]
    labels: list[str]  # "not_due", "1-30", ...: the bucket labels in order
    rows: tuple[AgingRow, ...]  # sorted by franchisee code
    totals: AgingRow

    @property
    def columns(self) -> list[str]:
        """Every money column in order: the buckets, then unapplied and total."""
        return [*self.labels, UNAPPLIED, TOTAL]


@dataclass(frozen=True)
class AgingItem:
    """A document behind an aging cell: an open invoice (``open_amount`` > 0) or an unapplied credit
    document (``open_amount`` < 0: what is not yet allocated, as a negative amount)."""

    document_id: int
    kind: str  # DocumentKind value
    number: str
    doc_date: date
    due_date: date | None
    amount: Decimal
    open_amount: Decimal
    days_overdue: int | None  # invoices only
    bucket: str  # a bucket label, or "unapplied"


@dataclass(frozen=True)
class Kpis:
    start: date
    end: date
    franchisee_code: str | None
    days: int
    credit_sales: Decimal
    collections: Decimal
    write_offs: Decimal
    opening_receivables: Decimal
    closing_receivables: Decimal
    overdue: Decimal
    overdue_share: Decimal | None  # exact; json() rounds
    dso_average_balance: Decimal | None
    dso_countback: Decimal | None
    bad_debt_loss_rate: Decimal | None
    countback_months_read: int = 0  # months of credit sales the countback read (not in the JSON)

    def json(self) -> dict:
        """``hqdesk-admin report kpi``'s object: money as strings with two decimals, ratios with four, DSO
        with one; None (null) where the divisor is zero or negative."""

        def fixed(value: Decimal | None, places: str) -> str | None:
            return None if value is None else str(value.quantize(Decimal(places), rounding=ROUND_HALF_UP))

        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "franchisee": self.franchisee_code,
            "days": self.days,
            "credit_sales": fixed(self.credit_sales, "0.01"),
            "collections": fixed(self.collections, "0.01"),
            "write_offs": fixed(self.write_offs, "0.01"),
            "opening_receivables": fixed(self.opening_receivables, "0.01"),
            "closing_receivables": fixed(self.closing_receivables, "0.01"),
            "overdue": fixed(self.overdue, "0.01"),
            "overdue_share": fixed(self.overdue_share, "0.0001"),
            "dso_average_balance": fixed(self.dso_average_balance, "0.1"),
            "dso_countback": fixed(self.dso_countback, "0.1"),
            "bad_debt_loss_rate": fixed(self.bad_debt_loss_rate, "0.0001"),
        }


def money_text(value: Decimal) -> str:
    """Two decimals, a minus sign for negatives, no grouping: the reports' machine format."""
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def aging_json(report: AgingReport) -> dict:
    """``hqdesk-admin report aging --format json``'s object."""

    def row(r: AgingRow, with_names: bool) -> dict:
        out = {"franchisee": r.code, "name": r.name} if with_names else {}
        out.update({label: money_text(v) for label, v in zip(report.labels, r.buckets, strict=True)})
        out[UNAPPLIED] = money_text(r.unapplied)
        out[TOTAL] = money_text(r.total)
        return out

    return {
        "as_of": report.as_of.isoformat(),
        "buckets": list(report.labels),
        "rows": [row(r, True) for r in report.rows],
        "totals": row(report.totals, False),
    }


TOTALS_MARK = "TOTAL"
"""The CSV's last row: ``franchisee`` empty (a franchisee code never is) and ``name`` = TOTAL."""


def aging_csv_rows(report: AgingReport) -> list[list[str]]:
    """Header, a row per franchisee, then the totals row (franchisee empty, name ``TOTAL``)."""
    out = [["franchisee", "name", *report.labels, UNAPPLIED, TOTAL]]
    for r in [*report.rows, report.totals]:
        code, name = (r.code, r.name) if r.franchisee_id is not None else ("", TOTALS_MARK)
        out.append(
            [code, name, *(money_text(v) for v in r.buckets), money_text(r.unapplied), money_text(r.total)]
        )
    return out


# ----- the SQL ---------------------------------------------------------------------------------------------
def _bucket_conditions(days, bounds: tuple[int, ...]) -> list:
    conditions = [days <= 0]
    low = 1
    for high in bounds:
        conditions.append(and_(days >= low, days <= high))
        low = high + 1
    conditions.append(days > bounds[-1])
    return conditions


def _bucket_of(days: int | None, bounds: tuple[int, ...], labels: list[str]) -> str:
    if days is None:
        return UNAPPLIED
    if days <= 0:
        return labels[0]
    for i, high in enumerate(bounds):
        if days <= high:
            return labels[i + 1]
    return labels[-1]


AS_OF = bindparam("as_of", type_=Date())
FRANCHISEE = bindparam("franchisee_id", type_=Integer())
"""The parameters of the prepared statements: built once, run with ``{"as_of": D, "franchisee_id": id}``.
Building a statement this size costs 10-30 ms of Python; running it for one franchisee well under 1 ms."""


def _open_lines(as_of, franchisee_id):
    """Open invoices (amount > 0, with their days overdue) and unapplied credits (amount < 0, days NULL) as
    one subquery: ``franchisee_id, days, open_amount, credit``. ``as_of`` and ``franchisee_id`` are values or
    the bind parameters ``AS_OF`` / ``FRANCHISEE``."""
    oi = open_invoices(as_of, franchisee_id).subquery("oi")
    uc = unapplied_credits(as_of, franchisee_id).subquery("uc")
    as_of_expr = as_of if isinstance(as_of, BindParameter) else as_date(as_of)
    invoices = select(
        oi.c.franchisee_id,
        days_between(as_of_expr, oi.c.due_date).label("days"),
        oi.c.open_amount.label("open_amount"),
        type_coerce(literal(0), Cents()).label("credit"),
    )
    credits = select(
        uc.c.franchisee_id,
        type_coerce(null(), Integer()).label("days"),
        type_coerce(literal(0), Cents()).label("open_amount"),
        uc.c.unapplied.label("credit"),
    )
    return union_all(invoices, credits).subquery("lines")


def aging_statement(as_of: date, bounds: tuple[int, ...], franchisee_id: int | None = None) -> Select:
    """The aging query with its values bound: per franchisee with anything open, ``id, code, legal_name,
    franchisee_id, b0..bN`` (the buckets' open amounts in order) and ``unapplied`` (positive), by code."""
    values = {"as_of": as_of} if franchisee_id is None else {"as_of": as_of, "franchisee_id": franchisee_id}
    return _prepared_aging(bounds, franchisee_id is not None).params(values)


@lru_cache(maxsize=32)
def _prepared_aging(bounds: tuple[int, ...], one: bool) -> Select:
    """The aging statement for ``bounds`` (everyone, or ``one`` franchisee), with ``AS_OF`` / ``FRANCHISEE``."""
    lines = _open_lines(AS_OF, FRANCHISEE if one else None)
    zero = type_coerce(literal(0), Cents())
    bucket_sums = [
        type_coerce(func.sum(case((cond, lines.c.open_amount), else_=zero)), Cents()).label(f"b{i}")
        for i, cond in enumerate(_bucket_conditions(lines.c.days, bounds))
    ]
    per_franchisee = (
        select(
            lines.c.franchisee_id,
            *bucket_sums,
            type_coerce(func.sum(lines.c.credit), Cents()).label("unapplied"),
        )
        .group_by(lines.c.franchisee_id)
        .subquery("per_franchisee")
    )

    # code and name looked up per group (5,000 primary-key lookups): PostgreSQL estimated 200 groups and joined
    # the franchisees to them in a nested loop of 25,000,000 comparisons (+0.9 s)
    def of_franchisee(column):
        return select(column).where(Franchisee.id == per_franchisee.c.franchisee_id).scalar_subquery()

    code = of_franchisee(Franchisee.code).label("code")
    return select(
        per_franchisee.c.franchisee_id.label("id"),
        code,
        of_franchisee(Franchisee.legal_name).label("legal_name"),
        per_franchisee,
    ).order_by(code)


def _aging_rows(
    s: Session, as_of: date, bounds: tuple[int, ...], franchisee_id: int | None
) -> list[AgingRow]:
    rows = []
    n = len(bounds) + 2
    values = {"as_of": as_of} if franchisee_id is None else {"as_of": as_of, "franchisee_id": franchisee_id}
    for r in s.execute(_prepared_aging(bounds, franchisee_id is not None), values):
        buckets = tuple(getattr(r, f"b{i}") or ZERO for i in range(n))
        unapplied = -(r.unapplied or ZERO)
        rows.append(AgingRow(r.id, r.code, r.legal_name, buckets, unapplied, sum(buckets, ZERO) + unapplied))
    return rows


def _totals(rows: list[AgingRow], n: int) -> AgingRow:
    buckets = tuple(sum((r.buckets[i] for r in rows), ZERO) for i in range(n))
    unapplied = sum((r.unapplied for r in rows), ZERO)
    return AgingRow(None, "", "", buckets, unapplied, sum(buckets, ZERO) + unapplied)


def receivables_statement(as_of: date, franchisee_id: int | None = None) -> Select:
    """One row: open invoice amounts, unapplied credit (positive), overdue open amounts as of ``as_of``."""
    lines = _open_lines(as_of, franchisee_id)
    zero = type_coerce(literal(0), Cents())
    return select(
        type_coerce(func.sum(lines.c.open_amount), Cents()),
        type_coerce(func.sum(lines.c.credit), Cents()),
        type_coerce(func.sum(case((lines.c.days > 0, lines.c.open_amount), else_=zero)), Cents()),
    )


def _receivables(s: Session, as_of: date, franchisee_id: int | None) -> tuple[Decimal, Decimal]:
    """(the aging total, the overdue open amount) as of ``as_of``, for one franchisee or everyone."""
    invoices, credits, overdue = s.execute(receivables_statement(as_of, franchisee_id)).one()
    return (invoices or ZERO) - (credits or ZERO), overdue or ZERO


def sums_statement(start: date, end: date, franchisee_id: int | None = None) -> Select:
    """Per document kind, the amounts dated in [start, end]."""
    Doc = LedgerDocument
    q = (
        select(Doc.kind, type_coerce(func.sum(Doc.amount), Cents()))
        .where(Doc.doc_date >= as_date(start), Doc.doc_date <= as_date(end))
        .group_by(Doc.kind)
    )
    if franchisee_id is not None:
        q = q.where(Doc.franchisee_id == franchisee_id)
    return q


def _sums_by_kind(s: Session, start: date, end: date, franchisee_id: int | None) -> dict[str, Decimal]:
    return {kind: amount or ZERO for kind, amount in s.execute(sums_statement(start, end, franchisee_id))}


def _month_start(day: date) -> date:
    return day.replace(day=1)


def countback_months(end: date, count: int = COUNTBACK_MONTHS) -> list[tuple[date, date]]:
    """The calendar months counted back from ``end``, most recent first: ``end``'s month from its 1st to
    ``end``, then whole months."""
    months = [(_month_start(end), end)]
    while len(months) < count:
        first = months[-1][0]
        last = first - timedelta(days=1)
        months.append((_month_start(last), last))
    return months


def monthly_sales_statement(months: list[tuple[date, date]], franchisee_id: int | None = None) -> Select:
    """Invoices minus credit notes in each month: one query, one CASE column per month over the date range."""
    Doc = LedgerDocument
    signed = case((Doc.kind == "invoice", Doc.amount), else_=-Doc.amount)
    zero = type_coerce(literal(0), Cents())
    columns = [
        type_coerce(
            func.sum(
                case((and_(Doc.doc_date >= as_date(a), Doc.doc_date <= as_date(b)), signed), else_=zero)
            ),
            Cents(),
        )
        for a, b in months
    ]
    q = select(*columns).where(
        Doc.kind.in_(("invoice", "credit_note")),
        Doc.doc_date >= as_date(months[-1][0]),
        Doc.doc_date <= as_date(months[0][1]),
    )
    if franchisee_id is not None:
        q = q.where(Doc.franchisee_id == franchisee_id)
    return q


COUNTBACK_CHUNK = 3
"""Months of credit sales read at a time for the countback: most balances are used up within a few months, so
reading all 24 at once would scan years of invoices for nothing."""


def _chunks(months: list[tuple[date, date]], count: int) -> list[list[tuple[date, date]]]:
    months = months[:count]
    return [months[i : i + COUNTBACK_CHUNK] for i in range(0, len(months), COUNTBACK_CHUNK)]


def kpi_statements(
    start: date, end: date, franchisee_id: int | None = None, countback_read: int = COUNTBACK_MONTHS
) -> list[Select]:
    """Every query the KPIs run, in order (the benchmark replays them bare); ``countback_read``: the months
    of credit sales the countback read (``Kpis.countback_months_read``)."""
    return [
        sums_statement(start, end, franchisee_id),
        receivables_statement(start - timedelta(days=1), franchisee_id),
        receivables_statement(end, franchisee_id),
        *(monthly_sales_statement(c, franchisee_id) for c in _chunks(countback_months(end), countback_read)),
    ]


def _countback_sales(
    s: Session, balance: Decimal, months: list[tuple[date, date]], franchisee_id: int | None
) -> list[Decimal]:
    """The months' credit sales, read a few months at a time until they cover ``balance`` (or all are read)."""
    sales: list[Decimal] = []
    for chunk in _chunks(months, len(months)):
        if balance <= 0 or sum((x for x in sales if x > 0), ZERO) >= balance:
            break
        sales += _monthly_credit_sales(s, chunk, franchisee_id)
    return sales


def _monthly_credit_sales(
    s: Session, months: list[tuple[date, date]], franchisee_id: int | None
) -> list[Decimal]:
    return [v or ZERO for v in s.execute(monthly_sales_statement(months, franchisee_id)).one()]


def countback_dso(balance: Decimal, months: list[tuple[date, date]], sales: list[Decimal]) -> Decimal | None:
    """Days of sales in ``balance``, counted back month by month (see the module docstring); ``sales`` may
    stop before ``months`` do once they cover the balance (months without sales count their days whole)."""
    if balance <= 0:
        return None
    left, days = balance, Decimal(0)
    for (a, b), month_sales in zip(months, sales + [ZERO] * (len(months) - len(sales)), strict=True):
        month_days = Decimal((b - a).days + 1)
        if month_sales > 0 and left <= month_sales:
            return days + left / month_sales * month_days
        days += month_days
        if month_sales > 0:
            left -= month_sales
    return days


def _ratio(numerator: Decimal, divisor: Decimal) -> Decimal | None:
    return None if divisor <= 0 else numerator / divisor


# ----- the service -----------------------------------------------------------------------------------------
def _kpis(start, end, code, sums, opening, closing, overdue, months, monthly) -> Kpis:
    """The figures of one franchisee (or the whole book) from its sums by document kind, its receivables at
    the start and end, and its monthly credit sales for the countback DSO."""
    credit_sales = sums.get("invoice", ZERO) - sums.get("credit_note", ZERO)
    write_offs = sums.get("write_off", ZERO)
    days = (end - start).days + 1
    average = _ratio((opening + closing) / 2, credit_sales)
    return Kpis(
        start=start,
        end=end,
        franchisee_code=code,
        days=days,
        credit_sales=credit_sales,
        collections=sums.get("payment", ZERO),
        write_offs=write_offs,
        opening_receivables=opening,
        closing_receivables=closing,
        overdue=overdue,
        overdue_share=_ratio(overdue, closing),
        dso_average_balance=None if average is None else average * days,
        dso_countback=countback_dso(closing, months, monthly),
        bad_debt_loss_rate=_ratio(write_offs, credit_sales),
        countback_months_read=len(monthly),
    )


class ReceivablesService(Service):
    def aging_bounds(self) -> tuple[int, ...]:
        """The company's aging bucket bounds (``credit_policy.aging_bounds``; the defaults if unreadable)."""
        with self.db.read() as s:
            text = s.scalar(select(CreditPolicy.aging_bounds).where(CreditPolicy.id == 1))
        try:
            return parse_bounds(text) if text else DEFAULT_AGING_BOUNDS
        except ValueError:
            log.warning("credit_policy.aging_bounds %r is not valid; using the defaults", text)
            return DEFAULT_AGING_BOUNDS

    def franchisee_id(self, code: str) -> int:
        """The id of the franchisee with ``code`` (FranchiseeCodeUnknown if none)."""
        with self.db.read() as s:
            fid = s.scalar(select(Franchisee.id).where(Franchisee.code == code))
        if fid is None:
            raise FranchiseeCodeUnknown(code=code)
        return fid

    def aging(
        self,
        actor: Actor,
        as_of: date,
        bounds: tuple[int, ...] | None = None,
        franchisee_id: int | None = None,
    ) -> AgingReport:
        """Aging as of ``as_of`` for everyone (or one franchisee): a row per franchisee with anything open
        (open invoices or unapplied credit), sorted by code, and the totals. ``bounds`` None: the company's."""
        bounds = bounds or self.aging_bounds()
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            rows = _aging_rows(s, as_of, bounds, franchisee_id)
        labels = bucket_labels(bounds)
        return AgingReport(as_of, bounds, labels, tuple(rows), _totals(rows, len(labels)))

    def aging_items(
        self,
        actor: Actor,
        as_of: date,
        franchisee_id: int,
        column: str = TOTAL,
        bounds: tuple[int, ...] | None = None,
    ) -> list[AgingItem]:
        """The documents behind one aging cell of one franchisee: ``column`` a bucket label (its open
        invoices), ``unapplied`` (its unapplied credit documents) or ``total`` (both); oldest due date first."""
        bounds = bounds or self.aging_bounds()
        labels = bucket_labels(bounds)
        if column not in (*labels, UNAPPLIED, TOTAL):
            raise ValueError(f"not an aging column: {column!r}")
        items: list[AgingItem] = []
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            if column != UNAPPLIED:
                oi = open_invoices(as_of, franchisee_id).subquery("oi")
                days = days_overdue(as_of, oi.c.due_date)
                q = select(oi, days.label("days")).order_by(oi.c.due_date, oi.c.doc_date, oi.c.number)
                if column != TOTAL:
                    q = q.where(_bucket_conditions(days, bounds)[labels.index(column)])
                for r in s.execute(q):
                    items.append(
                        AgingItem(
                            r.id,
                            "invoice",
                            r.number,
                            r.doc_date,
                            r.due_date,
                            r.amount,
                            r.open_amount,
                            r.days,
                            _bucket_of(r.days, bounds, labels),
                        )
                    )
            if column in (UNAPPLIED, TOTAL):
                uc = unapplied_credits(as_of, franchisee_id).subquery("uc")
                for r in s.execute(select(uc).order_by(uc.c.doc_date, uc.c.number)):
                    items.append(
                        AgingItem(
                            r.id, r.kind, r.number, r.doc_date, None, r.amount, -r.unapplied, None, UNAPPLIED
                        )
                    )
        return items

    def kpis(self, actor: Actor, start: date, end: date, franchisee_id: int | None = None) -> Kpis:
        """The receivables KPIs of the period [start, end] for everyone or one franchisee (module docstring)."""
        if end < start:
            raise PeriodRefused(start=start.isoformat(), end=end.isoformat())
        months = countback_months(end)
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            code = None
            if franchisee_id is not None:
                code = s.scalar(select(Franchisee.code).where(Franchisee.id == franchisee_id))
                if code is None:
                    raise NotFound()
            sums = _sums_by_kind(s, start, end, franchisee_id)
            opening, _ = _receivables(s, start - timedelta(days=1), franchisee_id)
            closing, overdue = _receivables(s, end, franchisee_id)
            monthly = _countback_sales(s, closing, months, franchisee_id)
        return _kpis(start, end, code, sums, opening, closing, overdue, months, monthly)

    def kpis_by_franchisee(self, actor: Actor, start: date, end: date) -> dict[int, Kpis]:
        """``kpis`` for every franchisee at once (archived ones too), keyed by id: the same figures as one
        ``kpis(actor, start, end, id)`` call each, in a handful of grouped queries instead of a query set per
        franchisee (``report kpi-by-franchisee`` on 5,000 franchisees ran 5,000 sets). A franchisee without
        any document gets zeros and None ratios, as ``kpis`` gives it."""
        if end < start:
            raise PeriodRefused(start=start.isoformat(), end=end.isoformat())
        months = countback_months(end)
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            codes = dict(s.execute(select(Franchisee.id, Franchisee.code)).all())
            sums: dict[int, dict[str, Decimal]] = {}
            for fid, kind, amount in s.execute(_grouped_sums_statement(start, end)):
                sums.setdefault(fid, {})[kind] = amount or ZERO
            opening = _grouped_receivables(s, start - timedelta(days=1))
            closing = _grouped_receivables(s, end)
            # the countback: a few months at a time, only for the franchisees whose balance is not covered yet
            monthly: dict[int, list[Decimal]] = {fid: [] for fid in codes}
            waiting = {fid for fid, (balance, _) in closing.items() if balance > 0}
            for chunk in _chunks(months, len(months)):
                if not waiting:
                    break
                read = dict.fromkeys(waiting, None)
                for *values, fid in s.execute(_grouped_monthly_sales_statement(chunk)):
                    if fid in read:
                        read[fid] = [v or ZERO for v in values]
                for fid in waiting:
                    monthly[fid] += read[fid] or [ZERO] * len(chunk)
                waiting = {
                    fid for fid in waiting if sum((x for x in monthly[fid] if x > 0), ZERO) < closing[fid][0]
                }
        out: dict[int, Kpis] = {}
        for fid, code in codes.items():
            opening_balance = opening.get(fid, (ZERO, ZERO))[0]
            closing_balance, overdue = closing.get(fid, (ZERO, ZERO))
            out[fid] = _kpis(
                start,
                end,
                code,
                sums.get(fid, {}),
                opening_balance,
                closing_balance,
                overdue,
                months,
                monthly[fid],
            )
        return out


def _grouped_sums_statement(start: date, end: date) -> Select:
    """Per franchisee and document kind, the amounts dated in [start, end]."""
    Doc = LedgerDocument
    return (
        select(Doc.franchisee_id, Doc.kind, type_coerce(func.sum(Doc.amount), Cents()))
        .where(Doc.doc_date >= as_date(start), Doc.doc_date <= as_date(end))
        .group_by(Doc.franchisee_id, Doc.kind)
    )


def _grouped_receivables(s: Session, as_of: date) -> dict[int, tuple[Decimal, Decimal]]:
    """Per franchisee with anything open: (the aging total, the overdue open amount) as of ``as_of``."""
    lines = _open_lines(as_of, None)
    zero = type_coerce(literal(0), Cents())
    q = select(
        lines.c.franchisee_id,
        type_coerce(func.sum(lines.c.open_amount), Cents()),
        type_coerce(func.sum(lines.c.credit), Cents()),
        type_coerce(func.sum(case((lines.c.days > 0, lines.c.open_amount), else_=zero)), Cents()),
    ).group_by(lines.c.franchisee_id)
    return {
        fid: ((invoices or ZERO) - (credits or ZERO), overdue or ZERO)
        for fid, invoices, credits, overdue in s.execute(q)
    }


def _grouped_monthly_sales_statement(months: list[tuple[date, date]]) -> Select:
    """``monthly_sales_statement`` per franchisee: a column per month, then ``franchisee_id``."""
    q = monthly_sales_statement(months)
    return q.add_columns(LedgerDocument.franchisee_id).group_by(LedgerDocument.franchisee_id)
