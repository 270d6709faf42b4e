"""Lunar-calendar birthdays: many franchisee owners celebrate the 农历 date, which moves every year.

Expected dates are from published calendars (Mid-Autumn 2025-10-06, 2026-09-25, 2027-09-15;
Spring Festival 2016-02-08, 2021-02-12, 2022-02-01, 2026-02-17, 2027-02-06).
"""

from __future__ import annotations

from datetime import date

import pytest

from hqdesk.domain.calendar import lunar_anniversary, next_birthday, to_lunar

MID_AUTUMN_BIRTH = date(1988, 9, 25)  # 1988 八月十五
LEAP_BIRTH = date(2020, 6, 1)  # 2020 闰四月初十
THIRTIETH_BIRTH = date(2016, 3, 8)  # 2016 正月三十 (正月 2016 has 30 days)


def test_mid_autumn_2026():
    lunar = to_lunar(date(2026, 9, 25))
    assert str(lunar) == "八月十五"
    assert (lunar.year, lunar.month, lunar.day, lunar.leap) == (2026, 8, 15, False)


def test_leap_month_text_has_one_leap_mark():
    lunar = to_lunar(LEAP_BIRTH)
    assert lunar.text == "闰四月初十"
    assert (lunar.month, lunar.day, lunar.leap) == (4, 10, True)


def test_thirtieth_day_text():
    assert to_lunar(THIRTIETH_BIRTH).text == "正月三十"


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2025, date(2025, 10, 6)),
        (2026, date(2026, 9, 25)),
        (2027, date(2027, 9, 15)),
    ],
)
def test_mid_autumn_birthday_moves_with_the_moon(year, expected):
    assert lunar_anniversary(MID_AUTUMN_BIRTH, year) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 1, 1), date(2026, 9, 25)),
        (date(2026, 9, 25), date(2026, 9, 25)),  # on the day itself
        (date(2026, 9, 26), date(2027, 9, 15)),
        (date(2025, 9, 25), date(2025, 10, 6)),  # the Gregorian birthday has passed, the lunar one has not
    ],
)
def test_next_lunar_birthday(today, expected):
    assert next_birthday(MID_AUTUMN_BIRTH, True, today) == expected


def test_next_gregorian_birthday():
    assert next_birthday(MID_AUTUMN_BIRTH, False, date(2026, 9, 26)) == date(2027, 9, 25)
    assert next_birthday(MID_AUTUMN_BIRTH, False, date(2026, 9, 25)) == date(2026, 9, 25)


def test_29_february_birthday_in_a_common_year_is_the_28th():
    assert next_birthday(date(2000, 2, 29), False, date(2026, 1, 1)) == date(2026, 2, 28)
    assert next_birthday(date(2000, 2, 29), False, date(2027, 3, 1)) == date(2028, 2, 29)


def test_leap_month_birthday_is_celebrated_in_the_ordinary_month():
    # 2026 has no leap month: 四月初十 2026 is 26 May (四月初一 = 17 May)
    assert lunar_anniversary(LEAP_BIRTH, 2026) == date(2026, 5, 26)
    assert next_birthday(LEAP_BIRTH, True, date(2026, 5, 1)) == date(2026, 5, 26)


def test_thirtieth_day_falls_back_to_the_29th_in_a_short_month():
    # 正月 2021 has 29 days: 正月廿九 = 12 Feb + 28 days
    assert lunar_anniversary(THIRTIETH_BIRTH, 2021) == date(2021, 3, 12)
    # 正月 2022 has 30 days again: 1 Feb + 29 days
    assert lunar_anniversary(THIRTIETH_BIRTH, 2022) == date(2022, 3, 2)


def test_twelfth_month_birthday_early_in_the_gregorian_year():
    # 腊月二十 of lunar 2025 is 7 Feb 2026 (腊月初一 = 19 Jan 2026): still ahead on 10 January
    born = date(2000, 1, 26)  # 1999 腊月二十
    assert str(to_lunar(born)) == "腊月二十"
    assert next_birthday(born, True, date(2026, 1, 10)) == date(2026, 2, 7)
    # and once passed, the next one is 腊月二十 of lunar 2026: 27 Jan 2027 (Spring Festival 2027-02-06)
    assert next_birthday(born, True, date(2026, 2, 8)) == date(2027, 1, 27)
