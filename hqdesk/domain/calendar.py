"""Gregorian and lunar (农历) dates for birthdays and anniversaries, and the rules of the relationship calendar.

Lunar conversion comes from lunar_python, which costs about 4 ms per date converted. The agenda converts
tens of thousands of dates, so this module asks lunar_python once per lunar year for the months of that year
(their first day and length, leap months included) and converts every date from that table with a bisect:
about a microsecond each. The table is the library's own answer; only the arithmetic is ours.

Rules (the README's "Relationship calendar" repeats them):

- A contact's ``birthday`` is the Gregorian date of birth; with ``birthday_lunar`` it is celebrated on the
  lunar month and day of that date, converted again for each lunar year.
- A lunar birthday in a leap month (闰月) is celebrated in the ordinary month of that number, once per lunar
  year (the leap month itself, when a later year has one, is not a second birthday).
- Day 30 in a year whose month has 29 days is celebrated on the 29th (the month's last day).
- A lunar birthday late in the 11th or 12th month falls in January or February of the next Gregorian year;
  a Gregorian year can hold two of them, or none.
- A Gregorian birthday or anniversary on 29 February is kept on 28 February in common years.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from hqdesk.domain.dates import EARLIEST, LATEST
from hqdesk.domain.errors import EXIT_REFUSED, HqdeskError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class LunarDate:
    year: int
    month: int  # 1..12
    day: int
    leap: bool
    text: str  # e.g. 八月十五 / 闰四月初一

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class LunarMonth:
    """One month of a lunar year: its number (1..12), whether it is the leap month, its first day, its length."""

    year: int
    month: int
    leap: bool
    first: date
    days: int


_MONTH_NAMES = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
_DAY_TENS = ("初", "十", "廿", "三")
_DIGITS = ("", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


def lunar_text(month: int, day: int, leap: bool = False) -> str:
    """八月十五, 闰四月初十, 腊月二十, 正月三十: the lunar month and day as calendars print them."""
    if day == 10:
        day_text = "初十"
    elif day == 20:
        day_text = "二十"
    elif day == 30:
        day_text = "三十"
    else:
        day_text = _DAY_TENS[day // 10] + _DIGITS[day % 10]
    return ("闰" if leap else "") + _MONTH_NAMES[month - 1] + "月" + day_text


@lru_cache(maxsize=512)
def lunar_year_months(year: int) -> tuple[LunarMonth, ...]:
    """The months of lunar year ``year`` in order (13 in a year with a leap month), from lunar_python."""
    from lunar_python import LunarYear, Solar

    months = []
    for m in LunarYear.fromYear(year).getMonths():
        if m.getYear() != year:
            continue
        s = Solar.fromJulianDay(m.getFirstJulianDay())
        months.append(
            LunarMonth(
                year,
                abs(m.getMonth()),
                m.getMonth() < 0,
                date(s.getYear(), s.getMonth(), s.getDay()),
                m.getDayCount(),
            )
        )
    return tuple(months)


@lru_cache(maxsize=512)
def _months_around(gregorian_year: int) -> tuple[tuple[date, ...], tuple[LunarMonth, ...]]:
    """Every lunar month that may hold a day of ``gregorian_year``, with their first days for bisecting."""
    months = lunar_year_months(gregorian_year - 1) + lunar_year_months(gregorian_year)
    return tuple(m.first for m in months), months


def lunar_of(day: date) -> tuple[LunarMonth, int]:
    """The lunar month holding ``day`` and the day of that month (1..30)."""
    firsts, months = _months_around(day.year)
    month = months[bisect_right(firsts, day) - 1]
    return month, (day - month.first).days + 1


def to_lunar(day: date) -> LunarDate:
    month, d = lunar_of(day)
    return LunarDate(month.year, month.month, d, month.leap, lunar_text(month.month, d, month.leap))


def ordinary_month(year: int, month: int) -> LunarMonth:
    """The ordinary (non-leap) month ``month`` of lunar year ``year``."""
    for m in lunar_year_months(year):
        if m.month == month and not m.leap:
            return m
    raise ValueError(f"lunar year {year} has no month {month}")


def lunar_day(year: int, month: int, day: int) -> date:
    """The Gregorian date of day ``day`` of the ordinary month ``month`` of lunar year ``year``; a day past the
    month's end (the 30th of a 29-day month) is its last day."""
    m = ordinary_month(year, month)
    return m.first + timedelta(days=min(day, m.days) - 1)


def lunar_anniversary(birth: date, year: int) -> date:
    """The Gregorian date of the lunar-calendar anniversary of ``birth`` in lunar year ``year``.

    ``year`` is the lunar year: a birthday late in the 11th or 12th lunar month falls in January or
    February of the next Gregorian year (and a Gregorian year can hold two of them), so callers that
    want "the next celebration" use ``next_birthday``. A leap-month birthday is celebrated in the
    ordinary month of that number; the 30th falls back to the 29th in a short month.
    """
    month, day = lunar_of(birth)
    return lunar_day(year, month.month, day)


def gregorian_anniversary(first: date, year: int) -> date:
    """``first``'s month and day in ``year``; 29 February is 28 February in a common year."""
    try:
        return first.replace(year=year)
    except ValueError:  # 29 February in a common year
        return date(year, 2, 28)


def next_birthday(birth: date, lunar: bool, today: date) -> date:
    """The next celebration of a birthday on or after ``today``."""
    for year in (today.year - 1, today.year, today.year + 1):
        candidate = lunar_anniversary(birth, year) if lunar else gregorian_anniversary(birth, year)
        if candidate >= today:
            return candidate
    raise AssertionError("unreachable")


def anniversaries_between(first: date, lunar: bool, start: date, end: date) -> Iterator[tuple[date, int]]:
    """Each celebration of ``first`` (a birth, an opening) from ``start`` to ``end`` inclusive, with the
    number of years since ``first`` (1 or more: the day itself is not its own anniversary).

    Lunar: the lunar month and day of ``first`` in each lunar year (the rules of the module docstring); the
    year count is then the lunar years since."""
    if end < start:
        return
    if not lunar:
        for year in range(max(start.year, first.year + 1), end.year + 1):
            on = gregorian_anniversary(first, year)
            if start <= on <= end:
                yield on, year - first.year
        return
    month, day = lunar_of(first)
    # lunar year Y's days lie in Gregorian Y or Y+1: the lunar years from start.year - 1 cover the range
    for year in range(max(start.year - 1, month.year + 1), end.year + 1):
        on = lunar_day(year, month.month, day)
        if start <= on <= end:
            yield on, year - month.year


# ----- the relationship calendar's events -----------------------------------------------------------------


class EventKind(StrEnum):
    """What a calendar event is about. The order here is the order of events on the same day."""

    FESTIVAL = "festival"
    BIRTHDAY = "birthday"
    STORE_ANNIVERSARY = "store_anniversary"
    CONTRACT_RENEWAL = "contract_renewal"
    VISIT_DUE = "visit_due"

    @property
    def label(self) -> str:
        return EVENT_KIND_LABELS[self]

    @property
    def rank(self) -> int:
        return _KIND_RANK[self]


EVENT_KIND_LABELS = {
    EventKind.FESTIVAL: QT_TRANSLATE_NOOP("Enums", "Festival"),
    EventKind.BIRTHDAY: QT_TRANSLATE_NOOP("Enums", "Birthday"),
    EventKind.STORE_ANNIVERSARY: QT_TRANSLATE_NOOP("Enums", "Store anniversary"),
    EventKind.CONTRACT_RENEWAL: QT_TRANSLATE_NOOP("Enums", "Contract renewal"),
    EventKind.VISIT_DUE: QT_TRANSLATE_NOOP("Enums", "Visit due"),
}
_KIND_RANK = {kind: i for i, kind in enumerate(EventKind)}

MAX_RANGE_DAYS = 3 * 366
"""The longest range the calendar lists at once (about three years): more is refused, not truncated."""

DEFAULT_RENEWAL_LEAD_DAYS = 60
"""Contract renewals are shown from this many days before the contract ends (a company setting)."""


def renewal_shown(contract_end: date, lead_days: int, start: date, end: date) -> bool:
    """Whether a contract ending on ``contract_end`` belongs in the range ``start``..``end``.

    The renewal event is dated on the contract's end date and is shown from ``lead_days`` before it through
    the end date itself: it belongs in every range that overlaps ``contract_end - lead_days``..``contract_end``.
    """
    return contract_end >= start and contract_end - timedelta(days=lead_days) <= end


def range_problem(start: date, end: date) -> str | None:
    """Why ``start``..``end`` cannot be listed (English source, context "Calendar"), or None."""
    if not (EARLIEST <= start <= LATEST and EARLIEST <= end <= LATEST):
        return QT_TRANSLATE_NOOP("Calendar", "The calendar covers 1900-01-01 to 2100-12-31.")
    if end < start:
        return QT_TRANSLATE_NOOP("Calendar", "The end date is before the start date.")
    if (end - start).days + 1 > MAX_RANGE_DAYS:
        return QT_TRANSLATE_NOOP("Calendar", "The calendar lists at most three years at once.")
    return None


class CalendarRangeRefused(HqdeskError):
    """A date range the calendar will not list: ``message`` is one of ``range_problem``'s."""

    context = "Calendar"
    exit_code = EXIT_REFUSED


def check_range(start: date, end: date) -> None:
    """Raise CalendarRangeRefused unless ``start``..``end`` can be listed."""
    problem = range_problem(start, end)
    if problem is not None:
        raise CalendarRangeRefused(problem)


__all__ = [
    "CalendarRangeRefused",
    "check_range",
    "LunarDate",
    "LunarMonth",
    "lunar_text",
    "lunar_year_months",
    "lunar_of",
    "to_lunar",
    "ordinary_month",
    "lunar_day",
    "lunar_anniversary",
    "gregorian_anniversary",
    "next_birthday",
    "anniversaries_between",
    "EventKind",
    "EVENT_KIND_LABELS",
    "MAX_RANGE_DAYS",
    "DEFAULT_RENEWAL_LEAD_DAYS",
    "renewal_shown",
    "range_problem",
]
