"""The festivals of the relationship calendar: seven on the lunar calendar, two on the Gregorian.

除夕 (New Year's Eve) is the day before the first day of the first lunar month: the 30th of the 12th month in
some years, the 29th in others (2025-2029 have no 年三十). Lunar festivals fall on the ordinary month,
never a leap month of the same number (2025 has a leap 6th month, 2028 a leap 5th, 2033 a leap 11th).
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from hqdesk.domain.calendar import lunar_day
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP


class Festival(StrEnum):
    """The festival keys of the calendar (the ``key`` of a festival event)."""

    NEW_YEARS_EVE = "new_years_eve"  # 除夕
    SPRING_FESTIVAL = "spring_festival"  # 春节, 正月初一
    LANTERN = "lantern"  # 元宵, 正月十五
    DRAGON_BOAT = "dragon_boat"  # 端午, 五月初五
    QIXI = "qixi"  # 七夕, 七月初七
    MID_AUTUMN = "mid_autumn"  # 中秋, 八月十五
    DOUBLE_NINTH = "double_ninth"  # 重阳, 九月初九
    NEW_YEAR = "new_year"  # 元旦, 1 January
    NATIONAL_DAY = "national_day"  # 国庆, 1 October

    @property
    def label(self) -> str:
        return FESTIVAL_LABELS[self]


FESTIVAL_LABELS = {
    Festival.NEW_YEARS_EVE: QT_TRANSLATE_NOOP("Enums", "Chinese New Year's Eve"),
    Festival.SPRING_FESTIVAL: QT_TRANSLATE_NOOP("Enums", "Spring Festival"),
    Festival.LANTERN: QT_TRANSLATE_NOOP("Enums", "Lantern Festival"),
    Festival.DRAGON_BOAT: QT_TRANSLATE_NOOP("Enums", "Dragon Boat Festival"),
    Festival.QIXI: QT_TRANSLATE_NOOP("Enums", "Qixi Festival"),
    Festival.MID_AUTUMN: QT_TRANSLATE_NOOP("Enums", "Mid-Autumn Festival"),
    Festival.DOUBLE_NINTH: QT_TRANSLATE_NOOP("Enums", "Double Ninth Festival"),
    Festival.NEW_YEAR: QT_TRANSLATE_NOOP("Enums", "New Year's Day"),
    Festival.NATIONAL_DAY: QT_TRANSLATE_NOOP("Enums", "National Day"),
}

_LUNAR = (
    (Festival.SPRING_FESTIVAL, 1, 1),
    (Festival.LANTERN, 1, 15),
    (Festival.DRAGON_BOAT, 5, 5),
    (Festival.QIXI, 7, 7),
    (Festival.MID_AUTUMN, 8, 15),
    (Festival.DOUBLE_NINTH, 9, 9),
)


def festivals_of_lunar_year(year: int) -> list[tuple[date, Festival]]:
    """The lunar festivals of lunar year ``year``, and the eve of the next one (the last day of ``year``)."""
    out = [(lunar_day(year, month, day), f) for f, month, day in _LUNAR]
    out.append((lunar_day(year + 1, 1, 1) - timedelta(days=1), Festival.NEW_YEARS_EVE))
    return out


def festivals_between(start: date, end: date) -> list[tuple[date, Festival]]:
    """Every festival from ``start`` to ``end`` inclusive, by date."""
    found: list[tuple[date, Festival]] = []
    for year in range(start.year - 1, end.year + 1):
        found.extend(festivals_of_lunar_year(year))
    for year in range(start.year, end.year + 1):
        found.append((date(year, 1, 1), Festival.NEW_YEAR))
        found.append((date(year, 10, 1), Festival.NATIONAL_DAY))
    order = {f: i for i, f in enumerate(Festival)}
    return sorted(((d, f) for d, f in found if start <= d <= end), key=lambda x: (x[0], order[x[1]]))


def festival_on(year: int, festival: Festival) -> date:
    """The date of ``festival`` in Gregorian year ``year``."""
    hits = [d for d, f in festivals_between(date(year, 1, 1), date(year, 12, 31)) if f == festival]
    if len(hits) != 1:  # a Gregorian year holds each festival once (除夕 included, 1900-2100)
        raise ValueError(f"{festival} falls {len(hits)} times in {year}")
    return hits[0]


def next_year_of(festival: Festival, today: date) -> int:
    """The Gregorian year of ``festival``'s next day on or after ``today`` (in December, Spring Festival's is next
    year's): what a greeting written today is for."""
    return today.year if festival_on(today.year, festival) >= today else today.year + 1


def next_festival(today: date) -> tuple[date, Festival]:
    """The first festival on or after ``today``."""
    return festivals_between(today, date(today.year + 1, 12, 31))[0]


__all__ = [
    "Festival",
    "FESTIVAL_LABELS",
    "festivals_between",
    "festivals_of_lunar_year",
    "festival_on",
    "next_year_of",
    "next_festival",
]
