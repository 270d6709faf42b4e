"""Franchisee health: a score from 0 (about to leave) to 100 (thriving), the "at risk of leaving" signals, and
value segmentation (ABC, RFM). Pure rules; the inputs are gathered in SQL by ``services.analytics``.

The score is a weighted sum of four parts, each 0-100, rounded to a whole number:

| part | weight | 100 | 0 | in between |
|---|---|---|---|---|
| sales trend | 40 | sales of the last 3 whole months >= 110 % of the same 3 months a year earlier | <= 50 % | linear |
| payment | 30 | nothing overdue | the oldest overdue invoice 90 days or more past due | linear in days |
| complaints | 15 | no open complaint | 3 or more open | 1 open: 60, 2 open: 30 |
| contact | 15 | visited in the last 90 days | no visit for 365 days or more, or never | linear in days |

Sales trend without sales a year earlier compares with the 3 months before the last 3 instead; with neither
it is 100 when the franchisee sells now (new and buying), 0 when it sold nothing in any of those months.
Bands: 70 or more ``healthy``, 40-69 ``watch``, below 40 ``at_risk``.

At risk of leaving (any of these, each a reason): sales falling ``falling_months`` months in a row (each of the
last N whole months below the month before), overdue rising (the overdue amount higher at each of the last
``overdue_points`` dates than at the one before, and positive), no visit for ``no_visit_days`` days (or never).

ABC by sales over a period: franchisees by sales descending; A while the sales before a franchisee are below
80 % of the total (so A brings about the first 80 %), B below 95 %, C the rest and everyone without positive
sales.

RFM: recency (days since the last invoice), frequency (invoices in the period), monetary (sales in the
period), each scored 1-5 by quintile among the franchisees with at least one invoice ever (5: most recent, most
frequent, highest value); the service computes the quintiles in SQL (NTILE(5)).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from hqdesk.domain.i18n import QT_TRANSLATE_NOOP

WEIGHTS = {"sales": 40, "payment": 30, "complaints": 15, "contact": 15}
HEALTHY, WATCH, AT_RISK = "healthy", "watch", "at_risk"
TREND_FULL, TREND_ZERO = Decimal("1.1"), Decimal("0.5")
OVERDUE_ZERO_DAYS = 90
VISIT_FULL_DAYS, VISIT_ZERO_DAYS = 90, 365
COMPLAINT_SCORES = (100, 60, 30)  # 0, 1, 2 open; 3 or more: 0

FALLING_MONTHS = 3
OVERDUE_POINTS = 3
NO_VISIT_DAYS = 90

SALES_FALLING, OVERDUE_RISING, NO_VISIT = "sales_falling", "overdue_rising", "no_visit"
A_SHARE, B_SHARE = Decimal("0.80"), Decimal("0.95")


BAND_LABELS = {
    HEALTHY: QT_TRANSLATE_NOOP("Analytics", "Healthy"),
    WATCH: QT_TRANSLATE_NOOP("Analytics", "Watch"),
    AT_RISK: QT_TRANSLATE_NOOP("Analytics", "At risk"),
}
"""The bands' display names (translation context "Analytics")."""
REASON_LABELS = {
    SALES_FALLING: QT_TRANSLATE_NOOP("Analytics", "Sales falling {n} months in a row"),
    OVERDUE_RISING: QT_TRANSLATE_NOOP("Analytics", "Overdue amount rising"),
    NO_VISIT: QT_TRANSLATE_NOOP("Analytics", "No visit for {n} days"),
}
"""The at-risk reasons' display texts ({n}: the parameter, ``HealthReport.falling_months`` /
``no_visit_days``)."""


@dataclass(frozen=True)
class HealthInputs:
    """What the score reads about one franchisee."""

    recent_sales: Decimal  # the last 3 whole months
    year_ago_sales: Decimal  # the same 3 months a year earlier
    previous_sales: Decimal  # the 3 months before the last 3
    max_days_overdue: int  # of its open invoices (0 or less: nothing overdue)
    open_complaints: int
    days_since_visit: int | None  # None: never visited


@dataclass(frozen=True)
class HealthScore:
    score: int
    band: str
    sales: int  # the parts, each 0-100
    payment: int
    complaints: int
    contact: int


def _linear(value: Decimal, zero: Decimal, full: Decimal) -> Decimal:
    """0 at ``zero``, 100 at ``full`` (either way round), linear between, clamped."""
    if zero == full:
        return Decimal(100)
    part = (value - zero) / (full - zero) * 100
    return max(Decimal(0), min(Decimal(100), part))


def sales_part(recent: Decimal, year_ago: Decimal, previous: Decimal) -> Decimal:
    base = year_ago if year_ago > 0 else previous
    if base <= 0:
        return Decimal(100) if recent > 0 else Decimal(0)
    return _linear(recent / base, TREND_ZERO, TREND_FULL)


def payment_part(max_days_overdue: int) -> Decimal:
    return _linear(Decimal(max(max_days_overdue, 0)), Decimal(OVERDUE_ZERO_DAYS), Decimal(0))


def complaints_part(open_complaints: int) -> Decimal:
    return Decimal(COMPLAINT_SCORES[open_complaints] if open_complaints < len(COMPLAINT_SCORES) else 0)


def contact_part(days_since_visit: int | None) -> Decimal:
    if days_since_visit is None:
        return Decimal(0)
    return _linear(Decimal(days_since_visit), Decimal(VISIT_ZERO_DAYS), Decimal(VISIT_FULL_DAYS))


def _whole(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def band(score: int) -> str:
    return HEALTHY if score >= 70 else WATCH if score >= 40 else AT_RISK


def health_score(x: HealthInputs) -> HealthScore:
    """The score of the module docstring."""
    parts = {
        "sales": sales_part(x.recent_sales, x.year_ago_sales, x.previous_sales),
        "payment": payment_part(x.max_days_overdue),
        "complaints": complaints_part(x.open_complaints),
        "contact": contact_part(x.days_since_visit),
    }
    score = _whole(sum((parts[k] * WEIGHTS[k] for k in WEIGHTS), Decimal(0)) / 100)
    return HealthScore(
        score,
        band(score),
        _whole(parts["sales"]),
        _whole(parts["payment"]),
        _whole(parts["complaints"]),
        _whole(parts["contact"]),
    )


def sales_falling(monthly: list[Decimal], months: int = FALLING_MONTHS) -> bool:
    """``monthly``: whole months' sales, oldest first. True when each of the last ``months`` is below the one
    before it."""
    if months < 1 or len(monthly) < months + 1:
        return False
    tail = monthly[-(months + 1) :]
    return all(b < a for a, b in zip(tail, tail[1:], strict=False))


def overdue_rising(overdue: list[Decimal]) -> bool:
    """``overdue``: the overdue amount at successive dates, oldest first. True when it rose at each step and is
    positive."""
    if len(overdue) < 2:
        return False
    return overdue[-1] > 0 and all(b > a for a, b in zip(overdue, overdue[1:], strict=False))


def no_visit(days_since_visit: int | None, days: int = NO_VISIT_DAYS) -> bool:
    return days_since_visit is None or days_since_visit >= days


def abc_classes(sales: list[Decimal]) -> list[str]:
    """The ABC class of each amount in ``sales``, which must be sorted descending (see the module)."""
    total = sum((s for s in sales if s > 0), Decimal(0))
    out, before = [], Decimal(0)
    for amount in sales:
        if amount <= 0 or total <= 0:
            out.append("C")
            continue
        share_before = before / total
        out.append("A" if share_before < A_SHARE else "B" if share_before < B_SHARE else "C")
        before += amount
    return out


__all__ = [
    "AT_RISK",
    "BAND_LABELS",
    "REASON_LABELS",
    "HEALTHY",
    "NO_VISIT",
    "OVERDUE_RISING",
    "SALES_FALLING",
    "WATCH",
    "WEIGHTS",
    "HealthInputs",
    "HealthScore",
    "abc_classes",
    "band",
    "health_score",
    "no_visit",
    "overdue_rising",
    "sales_falling",
]
