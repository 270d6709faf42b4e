"""Analytics: the series behind the start screen and the chart screens, all computed in SQL, all read only.

Every role may read them (``Action.VIEW_FRANCHISEES``); nothing here writes. Each method opens one read
transaction and returns frozen DTOs (``services.analytics_dto``). Filters (``AnalyticsFilter``: region, tier,
account manager, one franchisee) narrow every series to the matching franchisees; archived franchisees count.

Definitions (the contract):
- **Sales** of a period = invoices minus credit notes dated in it (both days included). Monthly amounts come
  from the summary table ``ledger_months`` (kept in the ledger's own transactions, ``models_analytics``),
  the days of a month cut by the period's ends from the documents themselves.
- **Monthly sales with last year**: every month from the first to the last (0.00 without sales), each with
  the same month a year earlier.
- **Top franchisees (Pareto)**: franchisees with positive sales in the period, by sales descending (then id);
  the cumulative share of each rank; "the top 20 %" = the first ceil(20 % x n) of the n franchisees with
  positive sales, and their share of those franchisees' sales.
- **Receivables as of D** = open invoice amounts - unapplied credit (= invoices - credit documents dated on
  or before D), **overdue** = open amounts more than 0 days overdue: the definitions of
  ``persistence.ledger_sql`` / ``services.receivables``, read from the summaries (tested equal).
- **DSO** on the start screen: the countback method of ``services.receivables`` (receivables as of today
  counted back through each month's sales, today's month from its 1st).
- **Bad-debt loss rate** on the start screen: write-offs / credit sales of the rolling 12 months ending today
  (from the same day a year earlier + 1 day), against the credit policy's ``normal_loss_rate``.

The start screen's lists (today's and the next 14 days' events, overdue complaints, dunning actions due,
franchisees on credit hold) come from their own services (calendar, complaints_queue, dunning,
credit_profiles): the start screen asks them directly; this service gives its key figures only.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from hqdesk.domain.analytics import add_months, month_end, month_first, month_key, months, same_day_last_year
from hqdesk.domain.credit import DEFAULT_AGING_BOUNDS, bucket_labels, parse_bounds
from hqdesk.domain.errors import EXIT_REFUSED, HqdeskError
from hqdesk.domain.health import FALLING_MONTHS, NO_VISIT_DAYS, OVERDUE_POINTS
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.analytics_sql import franchisee_filter
from hqdesk.persistence.models import Franchisee, User
from hqdesk.persistence.models_credit import CreditPolicy
from hqdesk.services import analytics_health
from hqdesk.services import analytics_queries as q
from hqdesk.services.analytics_dto import (
    BY_ACCOUNT_MANAGER,
    BY_FRANCHISEE,
    BY_FRANCHISEE_MONTH,
    BY_MONTH,
    BY_REGION,
    BY_TIER,
    DAYS,
    EVERYONE,
    LIMIT_BANDS,
    MONEY,
    RATIO,
    SALES_REPORT_BY,
    AnalyticsFilter,
    ClickThrough,
    CountRow,
    DashboardFigures,
    Figure,
    FranchiseeReceivables,
    HealthReport,
    LimitUse,
    LimitUseRow,
    LossRatePoint,
    LossRateSeries,
    MonthlySales,
    MonthPoint,
    Pareto,
    ParetoRow,
    ReceivablesPoint,
    ReceivablesSeries,
    SalesRow,
    Segments,
    VisitsAgainstPlan,
)
from hqdesk.services.base import Service
from hqdesk.services.receivables import (
    FranchiseeCodeUnknown,
    PeriodRefused,
    countback_dso,
    countback_months,
)

ZERO = Decimal("0.00")
NORMAL_LOSS_RATE = Decimal("0.02")  # the credit policy's default, if it has no row yet


class GroupingRefused(HqdeskError):
    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP("Errors", "Sales cannot be grouped by {by}.")


def _members(filters: AnalyticsFilter | None):
    """(the SELECT of matching franchisee ids or None, the one franchisee id or None)."""
    f = filters or EVERYONE
    if f.franchisee_id is not None and f == AnalyticsFilter(franchisee_id=f.franchisee_id):
        return None, f.franchisee_id  # one franchisee: read its rows by their key
    return franchisee_filter(f.region, f.tier, f.account_manager_id, f.franchisee_id), None


def _bucket(day: date, due: date, bounds: tuple[int, ...]) -> int:
    """The aging bucket (index into ``bucket_labels(bounds)``) of an amount due on ``due`` as of ``day``."""
    days = (day - due).days
    if days <= 0:
        return 0
    for i, bound in enumerate(bounds):
        if days <= bound:
            return i + 1
    return len(bounds) + 1


def _band(use: Decimal) -> str:
    if use < Decimal("0.5"):
        return LIMIT_BANDS[0]
    if use < Decimal("0.8"):
        return LIMIT_BANDS[1]
    if use <= 1:
        return LIMIT_BANDS[2]
    return LIMIT_BANDS[3]


def _ratio(numerator: Decimal, divisor: Decimal) -> Decimal | None:
    return None if divisor <= 0 else numerator / divisor


def money_text(amount: Decimal) -> str:
    """An amount as the command line writes it: two decimals, no grouping ("12345.67", "-80.00")."""
    return f"{amount:.2f}"


def sales_json(start: date, to: date, by: str, rows: list[SalesRow]) -> dict:
    """``hqdesk-admin report sales --format json``: ``{"from", "to", "by", "rows": [{"key", "amount"}]}``."""
    return {
        "from": start.isoformat(),
        "to": to.isoformat(),
        "by": by,
        "rows": [{"key": r.key, "amount": money_text(r.amount)} for r in rows],
    }


def sales_csv_rows(rows: list[SalesRow]) -> list[list[str]]:
    """``--format csv``: the header ``key,amount``, then one line per row in the same order as the JSON."""
    return [["key", "amount"], *([r.key, money_text(r.amount)] for r in rows)]


class AnalyticsService(Service):
    # ----- sales ---------------------------------------------------------------------------------------
    def sales(
        self,
        actor: Actor,
        start: date,
        to: date,
        by: str,
        franchisee_id: int | None = None,
        filters: AnalyticsFilter | None = None,
    ) -> list[SalesRow]:
        """Sales (invoices - credit notes) dated in [start, to], grouped ``by`` "month" | "franchisee" |
        "region" | "franchisee_month" (``SalesRow`` says the keys): the ``report sales`` rows.

        Rows and order: by month, EVERY month from ``start``'s to ``to``'s in ascending order, 0.00 where
        nothing was sold; by franchisee, each franchisee with at least one invoice or credit note in the
        period, by code; by region, each region of such franchisees, by name ("" = no region); by franchisee
        and month, each (franchisee, month) with a document, by code then month. ``franchisee_id`` (or
        ``filters``) narrows to those franchisees. PeriodRefused if ``to`` < ``start``."""
        if by not in SALES_REPORT_BY:
            raise GroupingRefused(by=by)
        if to < start:
            raise PeriodRefused(start=start.isoformat(), end=to.isoformat())
        if franchisee_id is not None:
            base = filters or EVERYONE
            filters = AnalyticsFilter(base.region, base.tier, base.account_manager_id, franchisee_id)
        members, one = _members(filters)
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            if by == BY_MONTH:
                found = {m: a for m, a in s.execute(q.sales_by_month(start, to, members, one))}
                return [
                    SalesRow(month_key(m), month_key(m), found.get(m, ZERO), month=m)
                    for m in months(start, to)
                ]
            if by == BY_FRANCHISEE:
                return [
                    SalesRow(r.code, r.name, r.amount, franchisee_id=r.franchisee_id)
                    for r in s.execute(q.sales_by_franchisee(start, to, members, one))
                ]
            if by == BY_FRANCHISEE_MONTH:
                return [
                    SalesRow(
                        f"{r.code}/{month_key(r.month)}",
                        r.name,
                        r.amount,
                        franchisee_id=r.franchisee_id,
                        month=r.month,
                    )
                    for r in s.execute(q.sales_by_franchisee_month(start, to, members, one))
                ]
            rows = s.execute(q.sales_by_attribute(start, to, Franchisee.region, members, one))
            return [SalesRow(r.key or "", r.key or "", r.amount) for r in rows]

    def sales_breakdown(
        self, actor: Actor, start: date, to: date, by: str, filters: AnalyticsFilter | None = None
    ) -> list[SalesRow]:
        """Sales in [start, to] by "franchisee" | "region" | "tier" | "account_manager", largest first (then
        by key). Keys: franchisee code, region name, tier code, account manager's user id as text ("" = none);
        labels: legal name, region, tier, the manager's display name ("" = none)."""
        if to < start:
            raise PeriodRefused(start=start.isoformat(), end=to.isoformat())
        members, one = _members(filters)
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            if by == BY_FRANCHISEE:
                rows = [
                    SalesRow(r.code, r.name, r.amount, franchisee_id=r.franchisee_id)
                    for r in s.execute(q.sales_by_franchisee(start, to, members, one))
                ]
            elif by in (BY_REGION, BY_TIER):
                column = Franchisee.region if by == BY_REGION else Franchisee.tier
                rows = [
                    SalesRow(r.key or "", r.key or "", r.amount)
                    for r in s.execute(q.sales_by_attribute(start, to, column, members, one))
                ]
            elif by == BY_ACCOUNT_MANAGER:
                names = dict(s.execute(select(User.id, User.display_name)).all())
                rows = [
                    SalesRow("" if r.key is None else str(r.key), names.get(r.key, ""), r.amount)
                    for r in s.execute(
                        q.sales_by_attribute(start, to, Franchisee.account_manager_id, members, one)
                    )
                ]
            else:
                raise GroupingRefused(by=by)
        return sorted(rows, key=lambda r: (-r.amount, r.key))

    def monthly_sales(
        self, actor: Actor, first: date, last: date, filters: AnalyticsFilter | None = None
    ) -> MonthlySales:
        """Sales of every month from ``first``'s month to ``last``'s (whole months), each with the same month
        a year earlier. ``filters``: region, tier, account manager or one franchisee."""
        first, last = month_first(first), month_first(last)
        if last < first:
            raise PeriodRefused(start=first.isoformat(), end=last.isoformat())
        members, one = _members(filters)
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            found = dict(
                s.execute(q.sales_by_month(add_months(first, -12), month_end(last), members, one)).all()
            )
        points = tuple(
            MonthPoint(m, month_key(m), found.get(m, ZERO), found.get(add_months(m, -12), ZERO))
            for m in months(first, last)
        )
        return MonthlySales(first, last, filters or EVERYONE, points)

    def top_franchisees(
        self, actor: Actor, start: date, to: date, filters: AnalyticsFilter | None = None, limit: int = 20
    ) -> Pareto:
        """The top ``limit`` franchisees by sales in [start, to] with their cumulative share (Pareto line)
        and the share of sales from the top 20 % of franchisees (module docstring)."""
        if to < start:
            raise PeriodRefused(start=start.isoformat(), end=to.isoformat())
        members, one = _members(filters)
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            result = s.execute(q.pareto_statement(start, to, limit, members, one)).all()
        if not result:
            return Pareto(start, to, filters or EVERYONE, (), 0, ZERO, None)
        total = result[0].total
        rows = tuple(
            ParetoRow(r.rank, r.franchisee_id, r.code, r.name, r.amount, r.cumulative / total) for r in result
        )
        return Pareto(start, to, filters or EVERYONE, rows, result[0].n, total, result[0].top20 / total)

    # ----- the start screen ------------------------------------------------------------------------------
    def dashboard_figures(
        self, actor: Actor, today: date, filters: AnalyticsFilter | None = None
    ) -> DashboardFigures:
        """The start screen's key figures as of ``today`` (for an account manager's own franchisees, pass
        ``AnalyticsFilter(account_manager_id=...)``), in this order:

        - ``sales_month``: sales from the 1st of this month to today; ``previous``: the same days last year;
        - ``sales_ytd``: sales from 1 January to today; ``previous``: the same days last year;
        - ``receivables``: receivables as of today (money);
        - ``overdue_share``: overdue / receivables as of today (ratio);
        - ``dso``: days sales outstanding as of today, countback method (days);
        - ``bad_debt_loss_rate``: write-offs / credit sales of the rolling 12 months to today (ratio);
          ``target``: the credit policy's normal loss rate.
        Each carries its ``ClickThrough``: "sales" with the period, "aging" / "overdue" as of today, "dso",
        "loss_rate" with the rolling year; always with ``filters``."""
        filters = filters or EVERYONE
        members, one = _members(filters)
        month_start = month_first(today)
        year_start = today.replace(month=1, day=1)
        ly_today = same_day_last_year(today)
        ly_month, ly_year = month_first(ly_today), ly_today.replace(month=1, day=1)
        rolling_start = ly_today + timedelta(days=1)
        countback = countback_months(today)
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            by_month = dict(s.execute(q.sales_by_month(countback[-1][0], today, members, one)).all())
            sales_month = by_month.get(month_start, ZERO)
            sales_ytd = sum((a for m, a in by_month.items() if m >= year_start), ZERO)
            last_year = dict(s.execute(q.sales_by_month(ly_year, ly_today, members, one)).all())
            ly_sales_month = last_year.get(ly_month, ZERO)
            ly_sales_ytd = sum(last_year.values(), ZERO)
            receivables, overdue = s.execute(q.receivables_now(today, members, one)).one()
            rolling = dict(
                s.execute(
                    q.ledger_totals(
                        rolling_start, today, ("invoice", "credit_note", "write_off"), members, one
                    )
                ).all()
            )
            normal = self._normal_loss_rate(s)
        receivables, overdue = receivables or ZERO, overdue or ZERO
        dso = countback_dso(receivables, countback, [by_month.get(a, ZERO) for a, _ in countback])
        credit_sales = rolling.get("invoice", ZERO) - rolling.get("credit_note", ZERO)
        loss_rate = _ratio(rolling.get("write_off", ZERO), credit_sales)
        return DashboardFigures(
            today,
            filters,
            (
                Figure(
                    "sales_month",
                    sales_month,
                    MONEY,
                    ly_sales_month,
                    None,
                    ClickThrough("sales", month_start, today, None, filters),
                ),
                Figure(
                    "sales_ytd",
                    sales_ytd,
                    MONEY,
                    ly_sales_ytd,
                    None,
                    ClickThrough("sales", year_start, today, None, filters),
                ),
                Figure(
                    "receivables",
                    receivables,
                    MONEY,
                    None,
                    None,
                    ClickThrough("aging", None, None, today, filters),
                ),
                Figure(
                    "overdue_share",
                    _ratio(overdue, receivables),
                    RATIO,
                    None,
                    None,
                    ClickThrough("overdue", None, None, today, filters),
                ),
                Figure(
                    "dso",
                    None if dso is None else dso.quantize(Decimal("0.1")),
                    DAYS,
                    None,
                    None,
                    ClickThrough("dso", None, None, today, filters),
                ),
                Figure(
                    "bad_debt_loss_rate",
                    loss_rate,
                    RATIO,
                    None,
                    normal,
                    ClickThrough("loss_rate", rolling_start, today, None, filters),
                ),
            ),
        )

    # ----- receivables -----------------------------------------------------------------------------------
    def receivables_series(
        self,
        actor: Actor,
        as_of: date,
        count: int = 12,
        filters: AnalyticsFilter | None = None,
        bounds: tuple[int, ...] | None = None,
    ) -> ReceivablesSeries:
        """Aging by bucket, unapplied credit, overdue amount and share, the month's credit sales and DSO
        (countback) at each of the last ``count`` month ends: the month ends of the ``count`` - 1 months
        before ``as_of``'s month, then ``as_of`` itself (the month not yet over; its documents recorded so
        far). ``bounds``: the aging buckets (None: the credit policy's).

        How: the open invoice amounts per due date now (``receivable_open``) less the changes of the months
        after each month end (``receivable_moves``), both summed in SQL per due date (and month); each due
        date's open amount falls in its bucket by the days from the due date to that date. Unapplied credit = credit documents dated so far
        - allocations applied so far (``ledger_months``). The same figures as ``ReceivablesService.aging`` as
        of each date (tested)."""
        if count < 1:
            raise ValueError("count must be 1 or more")
        members, one = _members(filters)
        last_month = month_first(as_of)
        point_months = [add_months(last_month, k - count + 1) for k in range(count)]
        dates = [month_end(m) for m in point_months[:-1]] + [as_of]
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            bounds = bounds or self._aging_bounds(s)
            open_now = dict(s.execute(q.open_by_due_date(members, one)).all())
            later = s.execute(q.moves_after(point_months[0], members, one)).all()
            kinds = s.execute(q.months_by_kind(last_month, members, one)).all()
        n_buckets = len(bounds) + 2
        open_at = [[ZERO] * n_buckets for _ in dates]
        by_due: dict[date, list[tuple[date, Decimal]]] = {}
        for due, month, amount in later:
            by_due.setdefault(due, []).append((month, amount))
        for due in set(open_now) | set(by_due):
            # open as of a month end = open now - the moves of the months after it: walk back from the last
            changes = sorted(by_due.get(due, []), reverse=True)
            running, i = open_now.get(due, ZERO), 0
            for k in range(count - 1, -1, -1):
                while i < len(changes) and changes[i][0] > point_months[k]:
                    running -= changes[i][1]
                    i += 1
                if running:
                    open_at[k][_bucket(dates[k], due, bounds)] += running
        per_month: dict[date, dict[str, Decimal]] = {}
        for month, kind, amount in kinds:
            per_month.setdefault(month, {})[kind] = amount
        ordered = sorted(per_month)
        sales = {
            m: per_month[m].get("invoice", ZERO) - per_month[m].get("credit_note", ZERO) for m in ordered
        }
        points = []
        invoices_cum = credits_cum = ZERO
        j = 0
        for k, (m, day) in enumerate(zip(point_months, dates, strict=True)):
            while j < len(ordered) and ordered[j] <= m:
                x = per_month[ordered[j]]
                invoices_cum += x.get("invoice", ZERO)
                credits_cum += x.get("credit_note", ZERO) + x.get("payment", ZERO) + x.get("write_off", ZERO)
                j += 1
            buckets = tuple(open_at[k])
            open_total = sum(buckets, ZERO)
            allocated = invoices_cum - open_total
            unapplied = -(credits_cum - allocated)
            total = open_total + unapplied
            overdue = sum(buckets[1:], ZERO)
            countback = countback_months(day)
            dso = countback_dso(total, countback, [sales.get(a, ZERO) for a, _ in countback])
            points.append(
                ReceivablesPoint(
                    day,
                    month_key(m),
                    buckets,
                    unapplied,
                    total,
                    overdue,
                    _ratio(overdue, total),
                    sales.get(m, ZERO),
                    None if dso is None else dso.quantize(Decimal("0.1")),
                )
            )
        labels = tuple(bucket_labels(bounds))
        return ReceivablesSeries(filters or EVERYONE, bounds, labels, tuple(points))

    def receivables_by_franchisee(
        self,
        actor: Actor,
        as_of: date,
        filters: AnalyticsFilter | None = None,
        bounds: tuple[int, ...] | None = None,
    ) -> tuple[tuple[str, ...], tuple[FranchiseeReceivables, ...]]:
        """What is behind one point of ``receivables_series``: (the bucket labels, a row per franchisee with
        anything open as of ``as_of``, by code). ``as_of`` is a month end, or today for the month not yet
        over (allocations count by their month: a date inside a past month counts that whole month's
        allocations). The same rows as ``ReceivablesService.aging`` as of a month end (tested)."""
        members, one = _members(filters)
        month = month_first(as_of)
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            bounds = bounds or self._aging_bounds(s)
            open_now = s.execute(q.open_by_franchisee_due(members, one)).all()
            later = s.execute(q.moves_after_by_franchisee(month, members, one)).all()
            balance = dict(s.execute(q.balances(as_of, members, one)).all())
            names = {r[0]: (r[1], r[2]) for r in s.execute(q.franchisee_names(members, one))}
        n_buckets = len(bounds) + 2
        open_at: dict[tuple[int, date], Decimal] = {}
        for fid, due, amount in open_now:
            open_at[(fid, due)] = amount
        for fid, due, amount in later:
            open_at[(fid, due)] = open_at.get((fid, due), ZERO) - amount
        buckets: dict[int, list[Decimal]] = {}
        for (fid, due), amount in open_at.items():
            if amount:
                buckets.setdefault(fid, [ZERO] * n_buckets)[_bucket(as_of, due, bounds)] += amount
        rows = []
        for fid in set(buckets) | {f for f, b in balance.items() if b}:
            b = tuple(buckets.get(fid, [ZERO] * n_buckets))
            total = balance.get(fid, ZERO)
            code, name = names.get(fid, ("", ""))
            rows.append(
                FranchiseeReceivables(fid, code, name, b, total - sum(b, ZERO), total, sum(b[1:], ZERO))
            )
        rows.sort(key=lambda r: r.code)
        return tuple(bucket_labels(bounds)), tuple(rows)

    def loss_rate_series(
        self, actor: Actor, last: date, count: int = 12, filters: AnalyticsFilter | None = None
    ) -> LossRateSeries:
        """The bad-debt loss rate over the rolling 12 months ending with each of the ``count`` months up to
        ``last``'s month (its documents so far), against the credit policy's normal loss rate."""
        members, one = _members(filters)
        last_month = month_first(last)
        point_months = [add_months(last_month, k - count + 1) for k in range(count)]
        first = add_months(point_months[0], -11)
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            rows = s.execute(q.months_by_kind(last_month, members, one, first_month=first)).all()
            normal = self._normal_loss_rate(s)
        per_month: dict[date, dict[str, Decimal]] = {}
        for month, kind, amount in rows:
            per_month.setdefault(month, {})[kind] = amount
        points = []
        for m in point_months:
            window = [per_month.get(add_months(m, -i), {}) for i in range(12)]
            write_offs = sum((x.get("write_off", ZERO) for x in window), ZERO)
            credit_sales = sum((x.get("invoice", ZERO) - x.get("credit_note", ZERO) for x in window), ZERO)
            points.append(
                LossRatePoint(m, month_key(m), write_offs, credit_sales, _ratio(write_offs, credit_sales))
            )
        return LossRateSeries(filters or EVERYONE, normal, tuple(points))

    def credit_limit_use(self, actor: Actor, as_of: date, filters: AnalyticsFilter | None = None) -> LimitUse:
        """Receivables as of ``as_of`` ÷ credit limit for every franchisee with a positive credit limit
        (highest use first, then code), how many fall in each band (``LIMIT_BANDS``), and how many owe money
        without a credit limit."""
        members, one = _members(filters)
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            balance = dict(s.execute(q.balances(as_of, members, one)).all())
            limits = s.execute(q.credit_limits(members, one)).all()
        rows, limited = [], set()
        for fid, code, name, limit in limits:
            if limit is None or limit <= 0:
                continue
            limited.add(fid)
            owed = balance.get(fid, ZERO)
            use = owed / limit
            rows.append(LimitUseRow(fid, code, name, owed, limit, use, _band(use)))
        rows.sort(key=lambda r: (-r.use, r.code))
        bands = tuple((b, sum(1 for r in rows if r.band == b)) for b in LIMIT_BANDS)
        without = sum(1 for fid, owed in balance.items() if owed > 0 and fid not in limited)
        return LimitUse(as_of, filters or EVERYONE, tuple(rows), bands, without)

    # ----- franchisee health, segments, relationship ---------------------------------------------------------
    def franchisee_health(
        self,
        actor: Actor,
        today: date,
        filters: AnalyticsFilter | None = None,
        falling_months: int = FALLING_MONTHS,
        no_visit_days: int = NO_VISIT_DAYS,
        overdue_points: int = OVERDUE_POINTS,
    ) -> HealthReport:
        """Every active, unarchived franchisee's health score as of ``today`` (``domain.health`` says how it
        is made) and the reasons it is at risk of leaving (``HealthReport.at_risk``): sales falling for
        ``falling_months`` whole months in a row, the overdue amount rising over the last ``overdue_points``
        dates (month ends, then today), no visit for ``no_visit_days`` days. Inputs in SQL for everyone at
        once: monthly sales (``ledger_months``), overdue at those dates (``receivable_open`` less the later
        months' ``receivable_moves``), the most days overdue (today - the earliest due date still open after
        every allocation recorded), open complaints, the last visit (``visit_summaries``)."""
        if falling_months < 1 or no_visit_days < 1 or overdue_points < 2:
            raise ValueError("falling_months and no_visit_days must be 1 or more, overdue_points 2 or more")
        members, one = _members(filters)
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            return analytics_health.health(
                s, today, filters or EVERYONE, members, one, falling_months, no_visit_days, overdue_points
            )

    def segments(
        self, actor: Actor, first: date, last: date, filters: AnalyticsFilter | None = None
    ) -> Segments:
        """ABC by sales and RFM quintiles of the active franchisees over the whole months from ``first``'s
        to ``last``'s (``domain.health`` documents both), by sales descending."""
        first, last = month_first(first), month_first(last)
        if last < first:
            raise PeriodRefused(start=first.isoformat(), end=last.isoformat())
        members, one = _members(filters)
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            return analytics_health.segments(s, first, last, filters or EVERYONE, members, one)

    def complaints_by_category(
        self, actor: Actor, start: date, to: date, filters: AnalyticsFilter | None = None
    ) -> tuple[CountRow, ...]:
        """Complaints received in [start, to] per top-level category, most first, with the cumulative share
        (Pareto line)."""
        members, one = _members(filters)
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            return analytics_health.complaints_by_category(s, start, to, members, one)

    def complaints_by_month(
        self, actor: Actor, start: date, to: date, filters: AnalyticsFilter | None = None
    ) -> tuple[CountRow, ...]:
        """Complaints received per month, every month from ``start``'s to ``to``'s (0 without)."""
        members, one = _members(filters)
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            return analytics_health.complaints_by_month(s, start, to, members, one)

    def visits_against_plan(
        self, actor: Actor, start: date, to: date, filters: AnalyticsFilter | None = None
    ) -> tuple[VisitsAgainstPlan, ...]:
        """Visits made in [start, to] against the visit plans, per account manager (``VisitsAgainstPlan``
        says how the plan is counted); managers by name, franchisees without a manager last."""
        members, one = _members(filters)
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            return analytics_health.visits_against_plan(s, start, to, members, one)

    # ----- helpers ---------------------------------------------------------------------------------------
    def franchisee_id(self, code: str) -> int:
        """The id of the franchisee with ``code`` (any case; FranchiseeCodeUnknown if none)."""
        from sqlalchemy import func

        with self.db.read() as s:
            fid = s.scalar(select(Franchisee.id).where(func.lower(Franchisee.code) == code.lower()))
        if fid is None:
            raise FranchiseeCodeUnknown(code=code)
        return fid

    @staticmethod
    def _aging_bounds(s: Session) -> tuple[int, ...]:
        text = s.scalar(select(CreditPolicy.aging_bounds).where(CreditPolicy.id == 1))
        try:
            return parse_bounds(text) if text else DEFAULT_AGING_BOUNDS
        except ValueError:
            return DEFAULT_AGING_BOUNDS

    @staticmethod
    def _normal_loss_rate(s: Session) -> Decimal:
        rate = s.scalar(select(CreditPolicy.normal_loss_rate).where(CreditPolicy.id == 1))
        return NORMAL_LOSS_RATE if rate is None else rate


__all__ = ["AnalyticsService", "GroupingRefused", "BY_TIER", "BY_REGION", "BY_ACCOUNT_MANAGER"]
