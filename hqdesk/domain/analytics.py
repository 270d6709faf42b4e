"""Calendar months for the analytics (pure): a month is named by its first day."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def month_first(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, months: int) -> date:
    """The first day of the month ``months`` after (or before, if negative) ``month``'s month."""
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_end(day: date) -> date:
    """The last day of ``day``'s month."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def months(first: date, last: date) -> list[date]:
    """The first days of every month from ``first``'s month to ``last``'s, in order (empty if reversed)."""
    out, m, end = [], month_first(first), month_first(last)
    while m <= end:
        out.append(m)
        m = add_months(m, 1)
    return out


def month_key(month: date) -> str:
    """``YYYY-MM``."""
    return f"{month.year:04d}-{month.month:02d}"


def same_day_last_year(day: date) -> date:
    """The same day a year earlier (29 February: the 28th)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def full_months(start: date, end: date) -> list[date]:
    """The months lying wholly inside [start, end] (both days included)."""
    return [m for m in months(start, end) if m >= start and month_end(m) <= end]


def day_before(day: date) -> date:
    return day - timedelta(days=1)


__all__ = [
    "add_months",
    "day_before",
    "full_months",
    "month_end",
    "month_first",
    "month_key",
    "months",
    "same_day_last_year",
]
