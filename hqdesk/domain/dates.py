"""The range of business dates, the same for every date field (contract, join, opening, status, birthday).

A date outside 1900-01-01..2100-12-31 is a typing slip (2999 for 2029, 1026 for 2026), not business.
Status changes are dated when they happened: never in the future (the window after today is zero days:
a status is changed when it takes effect, not scheduled), and never before the current status began,
so a franchisee's timeline never runs backwards.
"""

from __future__ import annotations

from datetime import date, timedelta

from hqdesk.domain.errors import FieldError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP

EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)
STATUS_DATE_LEAD = timedelta(days=0)
"""How far after today a status change may be dated: not at all."""

OUT_OF_RANGE = QT_TRANSLATE_NOOP("Validation", "Enter a date between {earliest} and {latest}.")


def iso(day: date) -> str:
    return day.strftime("%Y-%m-%d") if day.year >= 1000 else day.isoformat()


def out_of_range(day: date | None, earliest: date = EARLIEST, latest: date = LATEST) -> bool:
    return day is not None and not (earliest <= day <= latest)


def range_error(name: str, earliest: date = EARLIEST, latest: date = LATEST) -> FieldError:
    return FieldError(name, OUT_OF_RANGE, {"earliest": iso(earliest), "latest": iso(latest)})


def range_problems(data, names) -> list[FieldError]:
    """One error per date field of ``data`` among ``names`` that lies outside the business range."""
    return [range_error(name) for name in names if out_of_range(getattr(data, name))]


__all__ = [
    "EARLIEST",
    "LATEST",
    "STATUS_DATE_LEAD",
    "OUT_OF_RANGE",
    "iso",
    "out_of_range",
    "range_error",
    "range_problems",
]
