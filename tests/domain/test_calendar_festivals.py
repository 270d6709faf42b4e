"""Festival dates 2024-2035 against the published calendars (Hong Kong Observatory's Gregorian-lunar
conversion tables and the State Council's public holiday notices, which agree for these years).

Leap-month years: 2025 (闰六月), 2028 (闰五月), 2031 (闰三月), 2033 (闰十一月). 除夕 is the day before
正月初一: 腊月三十 in 2024, 腊月廿九 in 2025-2029 (five years without a 年三十).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hqdesk.domain.calendar import lunar_year_months, to_lunar
from hqdesk.domain.festivals import Festival, festival_on, festivals_between

# year: (春节, 端午, 七夕, 中秋, 重阳), as published
PUBLISHED = {
    2024: ("2024-02-10", "2024-06-10", "2024-08-10", "2024-09-17", "2024-10-11"),
    2025: ("2025-01-29", "2025-05-31", "2025-08-29", "2025-10-06", "2025-10-29"),
    2026: ("2026-02-17", "2026-06-19", "2026-08-19", "2026-09-25", "2026-10-18"),
    2027: ("2027-02-06", "2027-06-09", "2027-08-08", "2027-09-15", "2027-10-08"),
    2028: ("2028-01-26", "2028-05-28", "2028-08-26", "2028-10-03", "2028-10-26"),
    2029: ("2029-02-13", "2029-06-16", "2029-08-16", "2029-09-22", "2029-10-16"),
    2030: ("2030-02-03", "2030-06-05", "2030-08-05", "2030-09-12", "2030-10-05"),
    2031: ("2031-01-23", "2031-06-24", "2031-08-24", "2031-10-01", "2031-10-24"),
    2032: ("2032-02-11", "2032-06-12", "2032-08-12", "2032-09-19", "2032-10-12"),
    2033: ("2033-01-31", "2033-06-01", "2033-08-01", "2033-09-08", "2033-10-01"),
    2034: ("2034-02-19", "2034-06-20", "2034-08-20", "2034-09-27", "2034-10-20"),
    2035: ("2035-02-08", "2035-06-10", "2035-08-10", "2035-09-16", "2035-10-09"),
}
# 除夕 and 元宵 as published (the eve of 春节; 正月十五)
EVE_AND_LANTERN = {
    2024: ("2024-02-09", "2024-02-24"),
    2025: ("2025-01-28", "2025-02-12"),
    2026: ("2026-02-16", "2026-03-03"),
    2027: ("2027-02-05", "2027-02-20"),
    2028: ("2028-01-25", "2028-02-09"),
    2029: ("2029-02-12", "2029-02-27"),
    2030: ("2030-02-02", "2030-02-17"),
    2031: ("2031-01-22", "2031-02-06"),
    2032: ("2032-02-10", "2032-02-25"),
    2033: ("2033-01-30", "2033-02-14"),
    2034: ("2034-02-18", "2034-03-05"),
    2035: ("2035-02-07", "2035-02-22"),
}
LEAP_MONTHS = {2025: 6, 2028: 5, 2031: 3, 2033: 11}


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_lunar_festivals_match_the_published_dates(year):
    spring, dragon, qixi, mid_autumn, double_ninth = (date.fromisoformat(d) for d in PUBLISHED[year])
    eve, lantern = (date.fromisoformat(d) for d in EVE_AND_LANTERN[year])
    assert festival_on(year, Festival.SPRING_FESTIVAL) == spring
    assert festival_on(year, Festival.NEW_YEARS_EVE) == eve
    assert festival_on(year, Festival.LANTERN) == lantern
    assert festival_on(year, Festival.DRAGON_BOAT) == dragon
    assert festival_on(year, Festival.QIXI) == qixi
    assert festival_on(year, Festival.MID_AUTUMN) == mid_autumn
    assert festival_on(year, Festival.DOUBLE_NINTH) == double_ninth


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_gregorian_festivals(year):
    assert festival_on(year, Festival.NEW_YEAR) == date(year, 1, 1)
    assert festival_on(year, Festival.NATIONAL_DAY) == date(year, 10, 1)


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_each_year_lists_nine_festivals_in_date_order(year):
    found = festivals_between(date(year, 1, 1), date(year, 12, 31))
    assert sorted(f for _, f in found) == sorted(Festival)
    assert [d for d, _ in found] == sorted(d for d, _ in found)


@pytest.mark.parametrize(("year", "month"), sorted(LEAP_MONTHS.items()))
def test_leap_month_years(year, month):
    """The leap month is where the published calendars put it, and no festival falls in a leap month."""
    leaps = [m.month for m in lunar_year_months(year) if m.leap]
    assert leaps == [month]
    for day, _festival in festivals_between(date(year, 1, 1), date(year, 12, 31)):
        assert not to_lunar(day).leap


def test_2033_mid_autumn_is_in_the_ordinary_eighth_month():
    # the "2033 problem": tables that place the leap month wrongly put 中秋 2033 a month late
    assert to_lunar(date(2033, 9, 8)).text == "八月十五"


@pytest.mark.parametrize(
    ("year", "last_day"),
    [(2024, 30), (2025, 29), (2026, 29), (2027, 29), (2028, 29), (2029, 29), (2030, 30), (2033, 30)],
)
def test_new_years_eve_is_the_day_before_the_first_month_not_always_the_30th(year, last_day):
    eve = festival_on(year, Festival.NEW_YEARS_EVE)
    lunar = to_lunar(eve)
    assert (lunar.month, lunar.day, lunar.leap) == (12, last_day, False)
    assert to_lunar(eve + timedelta(days=1)).text == "正月初一"


def test_range_is_inclusive_at_both_ends():
    assert festivals_between(date(2026, 2, 17), date(2026, 2, 17)) == [
        (date(2026, 2, 17), Festival.SPRING_FESTIVAL)
    ]
    assert festivals_between(date(2026, 2, 16), date(2026, 2, 17)) == [
        (date(2026, 2, 16), Festival.NEW_YEARS_EVE),
        (date(2026, 2, 17), Festival.SPRING_FESTIVAL),
    ]
    assert festivals_between(date(2026, 2, 18), date(2026, 3, 2)) == []


def test_new_years_eve_of_the_next_year_in_a_late_december_range():
    # 2033's 除夕 is 30 January; a range over the Gregorian new year finds 元旦 and nothing lunar
    assert festivals_between(date(2032, 12, 25), date(2033, 1, 5)) == [(date(2033, 1, 1), Festival.NEW_YEAR)]
