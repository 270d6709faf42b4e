"""The relationship calendar's date rules: lunar birthdays (leap months, day 30, the 12th month in January),
29 February, store anniversaries, the contract-renewal window, the longest range."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from lunar_python import Lunar, Solar

from hqdesk.domain.calendar import (
    DEFAULT_RENEWAL_LEAD_DAYS,
    MAX_RANGE_DAYS,
    anniversaries_between,
    lunar_day,
    lunar_text,
    range_problem,
    renewal_shown,
    to_lunar,
)


def lunar_python_solar(year: int, month: int, day: int) -> date:
    s = Lunar.fromYmd(year, month, day).getSolar()
    return date(s.getYear(), s.getMonth(), s.getDay())


def years_of(first, lunar, start, end):
    return list(anniversaries_between(first, lunar, start, end))


def test_fast_conversion_agrees_with_lunar_python_day_by_day():
    """The month table gives lunar_python's own answer (every 11th day 1950-2050, text included)."""
    day = date(1950, 1, 1)
    while day < date(2050, 1, 1):
        expected = Solar.fromYmd(day.year, day.month, day.day).getLunar()
        mine = to_lunar(day)
        assert (mine.year, -mine.month if mine.leap else mine.month, mine.day) == (
            expected.getYear(),
            expected.getMonth(),
            expected.getDay(),
        ), day
        assert mine.text == f"{expected.getMonthInChinese()}月{expected.getDayInChinese()}", day
        day += timedelta(days=11)


def test_lunar_text():
    assert lunar_text(8, 15) == "八月十五"
    assert lunar_text(4, 10, leap=True) == "闰四月初十"
    assert lunar_text(12, 20) == "腊月二十"
    assert lunar_text(11, 25) == "冬月廿五"
    assert lunar_text(1, 30) == "正月三十"
    assert lunar_text(1, 1) == "正月初一"


def test_lunar_birthday_moves_each_year_with_the_years_counted():
    born = date(1988, 9, 25)  # 八月十五
    assert years_of(born, True, date(2025, 1, 1), date(2027, 12, 31)) == [
        (date(2025, 10, 6), 37),
        (date(2026, 9, 25), 38),
        (date(2027, 9, 15), 39),
    ]


def test_leap_month_birthday_is_celebrated_once_a_year_in_the_ordinary_month():
    born = date(2025, 8, 1)  # 闰六月初八 2025
    assert to_lunar(born).text == "闰六月初八"
    found = years_of(born, True, date(2026, 1, 1), date(2035, 12, 31))
    assert len(found) == 10  # once per year
    for day, _years in found:
        lunar = to_lunar(day)
        assert (lunar.month, lunar.day, lunar.leap) == (6, 8, False)
    assert found[0] == (lunar_python_solar(2026, 6, 8), 1)


def test_ordinary_month_birthday_not_repeated_in_a_leap_month_of_the_same_number():
    born = date(1990, 5, 4)  # 四月初十 1990; 2020 has a 闰四月 as well
    assert to_lunar(born).text == "四月初十"
    assert years_of(born, True, date(2020, 1, 1), date(2020, 12, 31)) == [(date(2020, 5, 2), 30)]


def test_thirtieth_falls_back_to_the_29th_of_a_short_month():
    born = date(1985, 2, 19)  # 腊月三十 1984
    assert to_lunar(born).text == "腊月三十"
    # lunar 2024's 腊月 has 29 days (no 年三十 in 2025): the 29th, 28 January 2025
    assert lunar_day(2024, 12, 30) == date(2025, 1, 28)
    assert years_of(born, True, date(2025, 1, 1), date(2025, 12, 31)) == [(date(2025, 1, 28), 40)]
    # lunar 2023's 腊月 has 30: 9 February 2024
    assert years_of(born, True, date(2024, 1, 1), date(2024, 12, 31)) == [(date(2024, 2, 9), 39)]


def test_twelfth_and_eleventh_month_birthdays_cross_the_gregorian_new_year():
    born = date(1985, 1, 15)  # 冬月廿五 1984
    assert to_lunar(born).text == "冬月廿五"
    # Gregorian 2024 holds two of them (lunar 2023's in January, lunar 2024's in December), 2025 none
    assert years_of(born, True, date(2024, 1, 1), date(2024, 12, 31)) == [
        (date(2024, 1, 6), 39),
        (date(2024, 12, 25), 40),
    ]
    assert years_of(born, True, date(2025, 1, 1), date(2025, 12, 31)) == []
    assert years_of(born, True, date(2026, 1, 1), date(2026, 1, 31)) == [(date(2026, 1, 13), 41)]


def test_gregorian_29_february_is_the_28th_in_common_years():
    born = date(2000, 2, 29)
    assert years_of(born, False, date(2026, 2, 1), date(2026, 3, 31)) == [(date(2026, 2, 28), 26)]
    assert years_of(born, False, date(2028, 2, 1), date(2028, 3, 31)) == [(date(2028, 2, 29), 28)]


def test_the_day_itself_is_no_anniversary_and_ranges_are_inclusive():
    opened = date(2026, 3, 1)
    assert years_of(opened, False, date(2026, 1, 1), date(2026, 12, 31)) == []
    assert years_of(opened, False, date(2027, 3, 1), date(2027, 3, 1)) == [(date(2027, 3, 1), 1)]
    assert years_of(opened, False, date(2027, 3, 2), date(2028, 2, 29)) == []


def test_contract_renewal_window():
    end = date(2026, 9, 30)
    lead = DEFAULT_RENEWAL_LEAD_DAYS  # shown from 1 August
    assert renewal_shown(end, lead, date(2026, 8, 1), date(2026, 8, 1))
    assert not renewal_shown(end, lead, date(2026, 7, 1), date(2026, 7, 31))
    assert renewal_shown(end, lead, date(2026, 9, 30), date(2026, 10, 30))
    assert not renewal_shown(end, lead, date(2026, 10, 1), date(2026, 10, 30))  # ended: the list's business
    assert renewal_shown(end, 0, date(2026, 9, 30), date(2026, 9, 30))


def test_range_problems():
    assert range_problem(date(2026, 1, 2), date(2026, 1, 1)) == "The end date is before the start date."
    assert range_problem(date(2026, 1, 1), date(2026, 1, 1)) is None
    assert range_problem(date(2026, 1, 1), date(2026, 1, 1) + timedelta(days=MAX_RANGE_DAYS - 1)) is None
    assert range_problem(date(2026, 1, 1), date(2026, 1, 1) + timedelta(days=MAX_RANGE_DAYS)) is not None
    assert (
        range_problem(date(1899, 12, 31), date(1900, 1, 5)) == "The calendar covers 1900-01-01 to 2100-12-31."
    )
    assert range_problem(date(2100, 12, 1), date(2100, 12, 31)) is None


@pytest.mark.parametrize("year", range(2024, 2036))
def test_lunar_day_agrees_with_lunar_python(year):
    for month, day in ((1, 1), (5, 5), (8, 15), (12, 1)):
        assert lunar_day(year, month, day) == lunar_python_solar(year, month, day)
