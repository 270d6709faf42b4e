"""Gregorian and lunar (农历) dates for birthdays and anniversaries, via lunar_python."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class LunarDate:
    year: int
    month: int  # 1..12
    day: int
    leap: bool
    text: str  # e.g. 八月十五 / 闰四月初一

    def __str__(self) -> str:
        return self.text


def to_lunar(day: date) -> LunarDate:
    from lunar_python import Solar

    lunar = Solar.fromYmd(day.year, day.month, day.day).getLunar()
    month = lunar.getMonth()
    # getMonthInChinese() already starts with 闰 for a leap month
    text = f"{lunar.getMonthInChinese()}月{lunar.getDayInChinese()}"
    return LunarDate(lunar.getYear(), abs(month), lunar.getDay(), month < 0, text)


def lunar_anniversary(birth: date, year: int) -> date:
    """The Gregorian date of the lunar-calendar anniversary of ``birth`` in lunar year ``year``.

    ``year`` is the lunar year: a birthday late in the 11th or 12th lunar month falls in January or
    February of the next Gregorian year (and a Gregorian year can hold two of them), so callers that
    want "the next celebration" use ``next_birthday``. A leap-month birthday is celebrated in the
    ordinary month of that number; the 30th falls back to the 29th in a short month.
    """
    from lunar_python import Lunar, LunarMonth

    born = to_lunar(birth)
    last_day = LunarMonth.fromYm(year, born.month).getDayCount()
    return _to_date(Lunar.fromYmd(year, born.month, min(born.day, last_day)).getSolar())


def next_birthday(birth: date, lunar: bool, today: date) -> date:
    """The next celebration of a birthday on or after ``today``."""
    for year in (today.year - 1, today.year, today.year + 1):
        if lunar:
            candidate = lunar_anniversary(birth, year)
        else:
            try:
                candidate = birth.replace(year=year)
            except ValueError:  # 29 February in a common year
                candidate = date(year, 2, 28)
        if candidate >= today:
            return candidate
    raise AssertionError("unreachable")


def _to_date(solar) -> date:
    return date(solar.getYear(), solar.getMonth(), solar.getDay())
