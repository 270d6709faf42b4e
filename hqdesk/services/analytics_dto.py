"""What the analytics service hands out: frozen dataclasses, money as ``Decimal`` with two places, ratios as
``Decimal`` fractions (0.25 = 25 %), months as the month's first day (``date``) plus a ``YYYY-MM`` key.

Every series is computed in SQL by ``services.analytics.AnalyticsService``; the UI only draws them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from hqdesk.domain.i18n import QT_TRANSLATE_NOOP

BY_MONTH = "month"
BY_FRANCHISEE = "franchisee"
BY_REGION = "region"
BY_TIER = "tier"
BY_ACCOUNT_MANAGER = "account_manager"
BY_FRANCHISEE_MONTH = "franchisee_month"
SALES_REPORT_BY = (BY_MONTH, BY_FRANCHISEE, BY_REGION, BY_FRANCHISEE_MONTH)
"""What ``AnalyticsService.sales`` groups by."""
BREAKDOWN_BY = (BY_FRANCHISEE, BY_REGION, BY_TIER, BY_ACCOUNT_MANAGER)
"""What ``AnalyticsService.sales_breakdown`` groups by."""


@dataclass(frozen=True)
class AnalyticsFilter:
    """Which franchisees a series covers: every given criterion must hold (None: any). Archived franchisees
    count (their history is history). ``franchisee_id`` alone gives one franchisee's series."""

    region: str | None = None
    tier: str | None = None
    account_manager_id: int | None = None
    franchisee_id: int | None = None

    @property
    def empty(self) -> bool:
        return self == AnalyticsFilter()


EVERYONE = AnalyticsFilter()


@dataclass(frozen=True)
class SalesRow:
    """One row of ``AnalyticsService.sales`` (the ``report sales`` rows): ``key`` is ``YYYY-MM`` (by month),
    the franchisee's code (by franchisee), the region's name (by region; "" for franchisees without one) or
    ``CODE/YYYY-MM`` (by franchisee and month); ``label`` is what a person reads (the franchisee's legal name,
    the month, the region); ``amount`` = invoices - credit notes."""

    key: str
    label: str
    amount: Decimal
    franchisee_id: int | None = None  # by franchisee / franchisee and month
    month: date | None = None  # by month / franchisee and month: the month's first day


@dataclass(frozen=True)
class MonthPoint:
    """One month of a monthly series with the same month a year earlier (``last_year``)."""

    month: date  # first day
    key: str  # YYYY-MM
    amount: Decimal
    last_year: Decimal


@dataclass(frozen=True)
class MonthlySales:
    first: date  # first month (its first day)
    last: date  # last month (its first day)
    filters: AnalyticsFilter
    points: tuple[MonthPoint, ...]  # every month from first to last, in order (0.00 without sales)

    @property
    def total(self) -> Decimal:
        return sum((p.amount for p in self.points), Decimal("0.00"))

    @property
    def total_last_year(self) -> Decimal:
        return sum((p.last_year for p in self.points), Decimal("0.00"))


@dataclass(frozen=True)
class ParetoRow:
    """A franchisee in the top-franchisees chart, by sales descending: ``rank`` from 1, ``cumulative_share``
    = sales of ranks 1..rank / sales of all franchisees with positive sales."""

    rank: int
    franchisee_id: int
    code: str
    name: str
    amount: Decimal
    cumulative_share: Decimal


@dataclass(frozen=True)
class Pareto:
    """Top franchisees by sales in [start, end]. ``franchisees``: how many had positive sales;
    ``total``: their sales; ``top20_share``: the share of ``total`` brought by the top 20 % of them
    (ceil(20 % x franchisees) franchisees), None when nobody sold anything."""

    start: date
    end: date
    filters: AnalyticsFilter
    rows: tuple[ParetoRow, ...]  # the first ``limit`` ranks
    franchisees: int
    total: Decimal
    top20_share: Decimal | None


@dataclass(frozen=True)
class ClickThrough:
    """What a figure or a bar opens: ``view`` names the list behind it ("sales" the monthly sales chart and
    its documents, "aging" the receivables aging, "overdue" the overdue open invoices, "dso" the DSO chart,
    "loss_rate" the bad-debt loss-rate chart, "franchisee" one franchisee's profile), with the period or date
    and the franchisees it covers."""

    view: str
    start: date | None = None
    end: date | None = None
    as_of: date | None = None
    filters: AnalyticsFilter = field(default_factory=AnalyticsFilter)


MONEY = "money"
RATIO = "ratio"
DAYS = "days"


FIGURE_LABELS = {
    "sales_month": QT_TRANSLATE_NOOP("Analytics", "Sales this month"),
    "sales_ytd": QT_TRANSLATE_NOOP("Analytics", "Sales year to date"),
    "receivables": QT_TRANSLATE_NOOP("Analytics", "Receivables"),
    "overdue_share": QT_TRANSLATE_NOOP("Analytics", "Overdue share"),
    "dso": QT_TRANSLATE_NOOP("Analytics", "DSO (days)"),
    "bad_debt_loss_rate": QT_TRANSLATE_NOOP("Analytics", "Bad-debt loss rate (12 months)"),
}
"""The start screen's figures' display names (translation context "Analytics"), by ``Figure.key``."""
COMPARISON_LABELS = {
    "previous": QT_TRANSLATE_NOOP("Analytics", "Same period last year"),
    "target": QT_TRANSLATE_NOOP("Analytics", "Normal rate"),
}


@dataclass(frozen=True)
class Figure:
    """A key figure of the start screen: ``value`` (None: no divisor, e.g. no sales), with the comparison that
    gives it meaning: ``previous`` (the same period last year) and/or ``target`` (e.g. the policy's normal
    bad-debt loss rate). ``unit``: "money", "ratio" (a fraction) or "days"."""

    key: str  # sales_month, sales_ytd, receivables, overdue_share, dso, loss_rate
    value: Decimal | None
    unit: str
    previous: Decimal | None = None
    target: Decimal | None = None
    click: ClickThrough | None = None

    @property
    def change(self) -> Decimal | None:
        """value / previous - 1 (None without a positive previous value)."""
        if self.value is None or self.previous is None or self.previous <= 0:
            return None
        return self.value / self.previous - 1


@dataclass(frozen=True)
class DashboardFigures:
    """The start screen's key figures as of ``today`` (see ``AnalyticsService.dashboard_figures``)."""

    today: date
    filters: AnalyticsFilter
    figures: tuple[Figure, ...]

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)


@dataclass(frozen=True)
class ReceivablesPoint:
    """Receivables as of one date (a month end, or ``as_of`` for the month not yet over): ``buckets`` in the
    order of ``ReceivablesSeries.labels`` (open invoice amounts by days overdue), ``unapplied`` (negative or
    zero), ``total`` = buckets + unapplied; ``overdue`` = the buckets past due; ``overdue_share`` = overdue /
    total (None if total <= 0); ``credit_sales``: the month's invoices - credit notes (to ``as_of`` for the
    last point); ``dso``: days sales outstanding by the countback method as of that date (None: nothing
    receivable)."""

    as_of: date
    key: str  # YYYY-MM of the month
    buckets: tuple[Decimal, ...]
    unapplied: Decimal
    total: Decimal
    overdue: Decimal
    overdue_share: Decimal | None
    credit_sales: Decimal
    dso: Decimal | None


@dataclass(frozen=True)
class ReceivablesSeries:
    """Aging by bucket, overdue and DSO at each of the last ``count`` month ends (the stacked aging chart,
    the overdue chart and the DSO chart)."""

    filters: AnalyticsFilter
    bounds: tuple[int, ...]
    labels: tuple[str, ...]  # not_due, 1-30, ...: the bucket labels in order
    points: tuple[ReceivablesPoint, ...]  # oldest first


@dataclass(frozen=True)
class FranchiseeReceivables:
    """One franchisee's receivables as of a month end (a bar's click-through): ``buckets`` in the order of the
    series' labels, ``unapplied`` (negative or zero), ``total``, ``overdue`` (the buckets past due)."""

    franchisee_id: int
    code: str
    name: str
    buckets: tuple[Decimal, ...]
    unapplied: Decimal
    total: Decimal
    overdue: Decimal


@dataclass(frozen=True)
class LossRatePoint:
    """The bad-debt loss rate of the 12 months ending with ``month`` (rolling): write-offs / credit sales
    (invoices - credit notes) of those months; None when they had no credit sales."""

    month: date
    key: str
    write_offs: Decimal
    credit_sales: Decimal
    rate: Decimal | None


@dataclass(frozen=True)
class LossRateSeries:
    filters: AnalyticsFilter
    normal_rate: Decimal  # the credit policy's normal loss rate: the reference line
    points: tuple[LossRatePoint, ...]  # oldest first


LIMIT_BANDS = ("0-50%", "50-80%", "80-100%", ">100%")
"""Credit-limit use bands: below 50 %, 50 % to below 80 %, 80 % to 100 % included, over 100 %."""


@dataclass(frozen=True)
class LimitUseRow:
    """A franchisee with a credit limit: its receivables as of the date ÷ its credit limit."""

    franchisee_id: int
    code: str
    name: str
    balance: Decimal
    credit_limit: Decimal
    use: Decimal  # balance / credit limit (may exceed 1, or be negative with unapplied credit)
    band: str  # one of LIMIT_BANDS


@dataclass(frozen=True)
class LimitUse:
    """Credit-limit use across franchisees as of ``as_of``: every franchisee with a positive credit limit,
    highest use first; ``bands``: how many fall in each of ``LIMIT_BANDS``; ``without_limit``: franchisees
    owing money with no credit limit (none or 0)."""

    as_of: date
    filters: AnalyticsFilter
    rows: tuple[LimitUseRow, ...]
    bands: tuple[tuple[str, int], ...]
    without_limit: int


@dataclass(frozen=True)
class FranchiseeHealth:
    """One active franchisee's health (``domain.health``): the score, its band and parts, the inputs behind
    them, and the reasons it is at risk of leaving (``sales_falling``, ``overdue_rising``, ``no_visit``;
    empty: not at risk)."""

    franchisee_id: int
    code: str
    name: str
    account_manager_id: int | None
    score: int
    band: str  # healthy, watch, at_risk
    sales_part: int
    payment_part: int
    complaints_part: int
    contact_part: int
    recent_sales: Decimal  # the last 3 whole months
    year_ago_sales: Decimal
    max_days_overdue: int
    open_complaints: int
    days_since_visit: int | None
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class HealthReport:
    """Every active, unarchived franchisee's health as of ``as_of`` (lowest score first, then code), with the
    at-risk parameters used."""

    as_of: date
    filters: AnalyticsFilter
    falling_months: int
    no_visit_days: int
    overdue_points: int
    rows: tuple[FranchiseeHealth, ...]

    @property
    def at_risk(self) -> tuple[FranchiseeHealth, ...]:
        """The franchisees at risk of leaving: those with at least one reason, lowest score first."""
        return tuple(r for r in self.rows if r.reasons)


@dataclass(frozen=True)
class SegmentRow:
    """A franchisee's value segments over the period: ABC by sales, and RFM quintile scores 1-5 (5 best;
    0 for a franchisee that never invoiced)."""

    franchisee_id: int
    code: str
    name: str
    sales: Decimal
    abc: str  # A, B, C
    last_invoice: date | None
    recency_days: int | None  # days from the last invoice to the period's end
    frequency: int  # invoices in the period
    r: int
    f: int
    m: int

    @property
    def rfm(self) -> str:
        """E.g. "545"."""
        return f"{self.r}{self.f}{self.m}"


@dataclass(frozen=True)
class Segments:
    """ABC and RFM of the active franchisees over the whole months [first, last] (by sales descending)."""

    first: date
    last: date  # the last month's first day
    filters: AnalyticsFilter
    rows: tuple[SegmentRow, ...]

    def abc_counts(self) -> dict[str, int]:
        return {c: sum(1 for r in self.rows if r.abc == c) for c in "ABC"}

    def abc_sales(self) -> dict[str, Decimal]:
        return {c: sum((r.sales for r in self.rows if r.abc == c), Decimal("0.00")) for c in "ABC"}


@dataclass(frozen=True)
class CountRow:
    """A count in a chart: complaints of a category (``key`` its id as text, ``label`` its name), with the
    Pareto line's cumulative share; or complaints of a month (``key`` YYYY-MM)."""

    key: str
    label: str
    count: int
    cumulative_share: Decimal | None = None


@dataclass(frozen=True)
class VisitsAgainstPlan:
    """An account manager's visits in [start, end] against the plan (``key`` the user id as text, "" for
    franchisees without a manager): ``franchisees`` with regular visits, ``planned`` = sum over them of the
    period's months / their cadence in months, ``made`` visits to them, ``visited`` how many of them were
    visited at least once, ``overdue`` how many are past their next visit date at ``end``."""

    key: str
    label: str
    franchisees: int
    planned: Decimal
    made: int
    visited: int
    overdue: int

    @property
    def achieved(self) -> Decimal | None:
        return None if self.planned <= 0 else Decimal(self.made) / self.planned


__all__ = [
    "BREAKDOWN_BY",
    "BY_ACCOUNT_MANAGER",
    "BY_FRANCHISEE",
    "BY_FRANCHISEE_MONTH",
    "BY_MONTH",
    "BY_REGION",
    "BY_TIER",
    "COMPARISON_LABELS",
    "DAYS",
    "LIMIT_BANDS",
    "EVERYONE",
    "FIGURE_LABELS",
    "MONEY",
    "RATIO",
    "SALES_REPORT_BY",
    "AnalyticsFilter",
    "ClickThrough",
    "DashboardFigures",
    "CountRow",
    "Figure",
    "FranchiseeHealth",
    "FranchiseeReceivables",
    "HealthReport",
    "LimitUse",
    "LimitUseRow",
    "LossRatePoint",
    "LossRateSeries",
    "MonthPoint",
    "MonthlySales",
    "Pareto",
    "ParetoRow",
    "ReceivablesPoint",
    "ReceivablesSeries",
    "SalesRow",
    "SegmentRow",
    "Segments",
    "VisitsAgainstPlan",
]
