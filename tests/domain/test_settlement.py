"""Due dates under every settlement term (README examples, month/quarter/half/year ends, leap years)."""

from datetime import date

import pytest

from hqdesk.domain.credit import TermKind
from hqdesk.domain.settlement import DEFAULT_TERM, due_date, period_end


@pytest.mark.parametrize(
    ("kind", "days", "invoice", "due"),
    [
        # the README's examples
        (TermKind.QUARTERLY, 15, date(2026, 2, 10), date(2026, 4, 15)),
        (TermKind.MONTHLY, 0, date(2026, 1, 31), date(2026, 1, 31)),
        (TermKind.MONTHLY, 0, date(2024, 2, 10), date(2024, 2, 29)),
        (TermKind.HALF_YEARLY, 0, date(2026, 7, 1), date(2026, 12, 31)),
        (TermKind.YEARLY, 30, date(2026, 3, 1), date(2027, 1, 30)),
        (TermKind.NET, 30, date(2026, 12, 15), date(2027, 1, 14)),
        # advance payment and cash on delivery: the invoice date, whatever term_days says
        (TermKind.ADVANCE, 0, date(2026, 5, 6), date(2026, 5, 6)),
        (TermKind.ADVANCE, 30, date(2026, 5, 6), date(2026, 5, 6)),
        (TermKind.COD, 0, date(2026, 5, 6), date(2026, 5, 6)),
        (TermKind.COD, 10, date(2026, 5, 6), date(2026, 5, 6)),
        # month ends
        (TermKind.MONTHLY, 0, date(2025, 2, 1), date(2025, 2, 28)),
        (TermKind.MONTHLY, 0, date(2026, 4, 30), date(2026, 4, 30)),
        (TermKind.MONTHLY, 10, date(2026, 12, 25), date(2027, 1, 10)),  # grace days cross the year
        (TermKind.MONTHLY, 1, date(2024, 2, 29), date(2024, 3, 1)),
        # quarter ends
        (TermKind.QUARTERLY, 0, date(2026, 1, 1), date(2026, 3, 31)),
        (TermKind.QUARTERLY, 0, date(2026, 6, 30), date(2026, 6, 30)),
        (TermKind.QUARTERLY, 0, date(2026, 8, 15), date(2026, 9, 30)),
        (TermKind.QUARTERLY, 31, date(2026, 10, 1), date(2027, 1, 31)),
        (TermKind.QUARTERLY, 60, date(2023, 12, 31), date(2024, 2, 29)),  # into a leap February
        # half-year ends
        (TermKind.HALF_YEARLY, 0, date(2026, 6, 30), date(2026, 6, 30)),
        (TermKind.HALF_YEARLY, 0, date(2026, 1, 1), date(2026, 6, 30)),
        (TermKind.HALF_YEARLY, 15, date(2026, 12, 31), date(2027, 1, 15)),
        # year ends
        (TermKind.YEARLY, 0, date(2026, 1, 1), date(2026, 12, 31)),
        (TermKind.YEARLY, 60, date(2027, 6, 1), date(2028, 2, 29)),  # leap day
        (TermKind.YEARLY, 59, date(2026, 6, 1), date(2027, 2, 28)),
        # net days
        (TermKind.NET, 0, date(2026, 3, 1), date(2026, 3, 1)),
        (TermKind.NET, 30, date(2024, 2, 15), date(2024, 3, 16)),  # leap February counted
        (TermKind.NET, 30, date(2025, 2, 15), date(2025, 3, 17)),
        (TermKind.NET, 90, date(2026, 11, 1), date(2027, 1, 30)),
    ],
)
def test_due_date(kind, days, invoice, due):
    assert due_date(kind, days, invoice) == due


def test_the_term_may_be_given_as_its_stored_text():
    assert due_date("quarterly", 15, date(2026, 2, 10)) == date(2026, 4, 15)


def test_company_default_is_net_30():
    assert DEFAULT_TERM == (TermKind.NET, 30)
    assert due_date(*DEFAULT_TERM, date(2026, 1, 15)) == date(2026, 2, 14)


def test_every_period_end_on_every_day_of_a_leap_and_a_common_year():
    for year in (2024, 2025):
        day = date(year, 1, 1)
        while day.year == year:
            for kind in (TermKind.MONTHLY, TermKind.QUARTERLY, TermKind.HALF_YEARLY, TermKind.YEARLY):
                end = period_end(kind, day)
                assert end >= day and end.year == year
                assert (end.toordinal() + 1) and date.fromordinal(end.toordinal() + 1).day == 1
                months = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}[kind.value]
                assert end.month % months == 0 and end.month - day.month < months
            day = date.fromordinal(day.toordinal() + 1)


def test_negative_days_refused():
    with pytest.raises(ValueError):
        due_date(TermKind.NET, -1, date(2026, 1, 1))
