"""Lifecycle status changes: which transitions exist and what a change must record."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hqdesk.domain.franchisee import LifecycleStatus as S
from hqdesk.domain.franchisee import transition_problem

TODAY = date(2026, 11, 23)

ALLOWED = {
    (S.PROSPECT, S.ACTIVE),
    (S.PROSPECT, S.TERMINATED),
    (S.ACTIVE, S.SUSPENDED),
    (S.ACTIVE, S.TERMINATED),
    (S.SUSPENDED, S.ACTIVE),
    (S.SUSPENDED, S.TERMINATED),
    (S.TERMINATED, S.ACTIVE),
}


@pytest.mark.parametrize("old", list(S))
@pytest.mark.parametrize("new", list(S))
def test_transition_matrix(old, new):
    errors = transition_problem(old, new, "signed the contract", TODAY, TODAY)
    if (old, new) in ALLOWED:
        assert errors == []
    else:
        assert [e.field for e in errors] == ["status"]


def test_refused_transition_names_both_statuses():
    (error,) = transition_problem(S.PROSPECT, S.SUSPENDED, "x", TODAY, TODAY)
    assert error.english() == "A franchisee cannot go from prospect to suspended."


def test_same_status_is_refused():
    (error,) = transition_problem(S.ACTIVE, S.ACTIVE, "x", TODAY, TODAY)
    assert error.english() == "The franchisee already has this status."


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_reason_is_required(reason):
    errors = transition_problem(S.ACTIVE, S.SUSPENDED, reason, TODAY, TODAY)
    assert [e.field for e in errors] == ["reason"]


def test_a_date_is_required():
    errors = transition_problem(S.ACTIVE, S.SUSPENDED, "overdue invoices", None, TODAY)
    assert [(e.field, e.english()) for e in errors] == [("changed_on", "Give the date of the change.")]


def test_the_date_cannot_be_in_the_future_but_today_and_the_past_are_fine():
    tomorrow = TODAY + timedelta(days=1)
    errors = transition_problem(S.ACTIVE, S.SUSPENDED, "overdue", tomorrow, TODAY)
    assert [(e.field, e.english()) for e in errors] == [("changed_on", "The date cannot be in the future.")]
    assert transition_problem(S.ACTIVE, S.SUSPENDED, "overdue", TODAY, TODAY) == []
    assert transition_problem(S.ACTIVE, S.SUSPENDED, "overdue", date(2020, 1, 1), TODAY) == []


def test_every_problem_is_reported_at_once():
    errors = transition_problem(S.PROSPECT, S.SUSPENDED, "", None, TODAY)
    assert sorted(e.field for e in errors) == ["changed_on", "reason", "status"]
