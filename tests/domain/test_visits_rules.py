"""The visit rules: cadence, month arithmetic clamped to the month's end, due and overdue, validation."""

from __future__ import annotations

from datetime import date

import pytest

from hqdesk.domain.franchisee import LifecycleStatus
from hqdesk.domain.visits import (
    FALLBACK_CADENCE_MONTHS,
    NO_REGULAR_VISITS,
    SuggestionData,
    VisitData,
    add_months,
    cadence_problem,
    clean_visit,
    effective_cadence,
    is_overdue,
    next_visit_due,
    validate_visit,
    visits_due_for,
)

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),
        (date(2026, 12, 1), 1, date(2027, 1, 1)),
        (date(2026, 5, 31), 24, date(2028, 5, 31)),
    ],
)
def test_months_are_added_and_clamped_to_the_end_of_the_month(day, months, expected):
    assert add_months(day, months) == expected


def test_the_override_wins_then_the_tier_then_the_fallback():
    assert effective_cadence(1, None) == 1
    assert effective_cadence(1, 4) == 4
    assert effective_cadence(1, NO_REGULAR_VISITS) == 0
    assert effective_cadence(None, None) == FALLBACK_CADENCE_MONTHS == 3


def test_next_visit_counts_from_the_last_visit():
    assert next_visit_due(3, date(2026, 8, 31)) == date(2026, 11, 30)


def test_never_visited_counts_from_contract_start_then_join_date_then_entry():
    assert next_visit_due(1, None, None, date(2026, 1, 31), date(2025, 1, 1), date(2024, 1, 1)) == date(
        2026, 2, 28
    )
    assert next_visit_due(1, None, None, None, date(2025, 1, 10), date(2024, 1, 1)) == date(2025, 2, 10)
    assert next_visit_due(1, None, None, None, None, date(2024, 1, 1)) == date(2024, 2, 1)


def test_an_earlier_follow_up_date_wins_a_later_one_does_not():
    last = date(2026, 9, 1)
    assert next_visit_due(6, last, date(2026, 10, 15)) == date(2026, 10, 15)
    assert next_visit_due(1, last, date(2026, 12, 15)) == date(2026, 10, 1)


def test_no_regular_visits_means_nothing_is_due():
    assert next_visit_due(NO_REGULAR_VISITS, date(2026, 1, 1), date(2026, 2, 1)) is None


def test_overdue_is_due_before_today():
    assert is_overdue(date(2026, 11, 22), TODAY)
    assert not is_overdue(TODAY, TODAY)
    assert not is_overdue(None, TODAY)


def test_only_active_unarchived_franchisees_get_visits():
    assert visits_due_for(LifecycleStatus.ACTIVE, False)
    assert not visits_due_for(LifecycleStatus.ACTIVE, True)
    for status in (LifecycleStatus.PROSPECT, LifecycleStatus.SUSPENDED, LifecycleStatus.TERMINATED):
        assert not visits_due_for(status, False)


def test_cadence_range():
    assert cadence_problem(1) is None and cadence_problem(24) is None
    assert cadence_problem(0) is not None and cadence_problem(25) is not None
    assert cadence_problem(0, allow_none=True) is None
    assert cadence_problem(None) is not None


def fields(errors) -> set[str]:
    return {e.field for e in errors}


def test_a_visit_needs_a_date_not_in_the_future_and_a_follow_up_after_it():
    assert fields(validate_visit(VisitData(), TODAY)) == {"visited_on"}
    assert fields(validate_visit(VisitData(visited_on=date(2026, 11, 24)), TODAY)) == {"visited_on"}
    assert validate_visit(VisitData(visited_on=TODAY), TODAY) == []
    bad = VisitData(visited_on=TODAY, next_follow_up_on=TODAY)
    assert fields(validate_visit(bad, TODAY)) == {"next_follow_up_on"}


def test_dates_outside_the_business_range_and_long_texts_are_refused_in_words():
    errors = validate_visit(
        VisitData(visited_on=date(1899, 12, 31), next_follow_up_on=date(2101, 1, 1), notes="x" * 4001), TODAY
    )
    assert fields(errors) == {"visited_on", "next_follow_up_on", "notes"}
    assert any(e.english() == "At most 4000 characters." for e in errors)
    long_suggestion = VisitData(visited_on=TODAY, suggestions=(SuggestionData("x" * 1001),))
    assert fields(validate_visit(long_suggestion, TODAY)) == {"suggestions"}
    nul = VisitData(visited_on=TODAY, met_with="王\x00芳")
    assert fields(validate_visit(nul, TODAY)) == {"met_with"}


def test_cleaning_trims_and_drops_empty_suggestions():
    data = clean_visit(
        VisitData(met_with=" 王芳 ", suggestions=(SuggestionData("  "), SuggestionData(" 多备货 ")))
    )
    assert data.met_with == "王芳"
    assert [s.text for s in data.suggestions] == ["多备货"]
