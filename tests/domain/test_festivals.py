"""The next festival and the year a greeting written today is for."""

from datetime import date

from hqdesk.domain.festivals import Festival, next_festival, next_year_of


def test_the_next_festival_and_its_year_from_december():
    today = date(2026, 12, 4)
    assert next_festival(today) == (date(2027, 1, 1), Festival.NEW_YEAR)
    assert next_year_of(Festival.SPRING_FESTIVAL, today) == 2027  # 2026's was on 17 February
    assert next_year_of(Festival.NEW_YEAR, today) == 2027
    assert next_year_of(Festival.MID_AUTUMN, date(2026, 9, 1)) == 2026
