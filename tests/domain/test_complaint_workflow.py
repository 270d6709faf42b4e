"""The complaint workflow and due-date rules (pure): every allowed and every refused pair."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from hqdesk.domain.complaints import (
    ALLOWED_COMPLAINT_TRANSITIONS,
    DEFAULT_SLA,
    ComplaintStatus,
    Severity,
    SlaTimes,
    due_dates,
    intake_problems,
    is_overdue,
    next_deadline,
    sla_problems,
    transition_problems,
)

S = ComplaintStatus
ALLOWED = {
    (S.NEW, S.ASSIGNED),
    (S.ASSIGNED, S.IN_PROGRESS),
    (S.IN_PROGRESS, S.RESOLVED),
    (S.RESOLVED, S.CLOSED),
    (S.RESOLVED, S.REOPENED),
    (S.CLOSED, S.REOPENED),
    (S.REOPENED, S.ASSIGNED),
    (S.REOPENED, S.IN_PROGRESS),
}
FULL = {
    "comment": "再次投诉",
    "resolution": "换货",
    "root_cause": "电镀层过薄",
    "corrective_action": "供应商加厚镀层",
    "satisfaction": 4,
    "assignee_id": 7,
}


def test_the_table_is_exactly_the_workflow():
    assert {(a, b) for a, targets in ALLOWED_COMPLAINT_TRANSITIONS.items() for b in targets} == ALLOWED


@pytest.mark.parametrize("old,new", list(itertools.product(ComplaintStatus, repeat=2)))
def test_every_pair_is_allowed_or_refused_in_words(old, new):
    problems = transition_problems(old, new, **FULL)
    if (old, new) in ALLOWED:
        assert problems == []
    else:
        assert [p.field for p in problems] == ["status"]
        assert "cannot go from" in problems[0].english()


def test_each_transition_asks_for_what_it_needs():
    assert [p.field for p in transition_problems(S.NEW, S.ASSIGNED)] == ["assignee"]
    assert [p.field for p in transition_problems(S.IN_PROGRESS, S.RESOLVED, resolution=" ")] == [
        "resolution",
        "root_cause",
        "corrective_action",
    ]
    assert [p.field for p in transition_problems(S.RESOLVED, S.CLOSED)] == ["satisfaction"]
    assert [p.field for p in transition_problems(S.RESOLVED, S.CLOSED, satisfaction=6)] == ["satisfaction"]
    assert transition_problems(S.RESOLVED, S.CLOSED, satisfaction=1) == []
    assert [p.field for p in transition_problems(S.CLOSED, S.REOPENED)] == ["comment"]
    assert [p.field for p in transition_problems(S.CLOSED, S.REOPENED, comment="a\x00b")] == ["comment"]


def test_default_times_and_due_dates():
    assert DEFAULT_SLA[Severity.CRITICAL] == SlaTimes(4, 48)
    assert DEFAULT_SLA[Severity.LOW] == SlaTimes(120, 480)
    t0 = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    due = due_dates(t0, DEFAULT_SLA[Severity.HIGH])
    assert due.response_due == t0 + timedelta(days=1) and due.resolution_due == t0 + timedelta(days=5)


def test_the_deadline_that_matters_and_overdue():
    t0 = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    response, resolution = t0 + timedelta(hours=4), t0 + timedelta(hours=48)
    assert next_deadline(S.NEW, False, response, resolution) == response
    assert next_deadline(S.ASSIGNED, False, response, resolution) == response
    assert next_deadline(S.IN_PROGRESS, True, response, resolution) == resolution
    assert next_deadline(S.RESOLVED, True, response, resolution) is None
    assert next_deadline(S.CLOSED, True, response, resolution) is None
    assert not is_overdue(response, response - timedelta(seconds=1))
    assert is_overdue(response, response + timedelta(seconds=1))
    assert not is_overdue(None, t0)


def test_severity_is_named_not_numbered_in_english():
    assert str(Severity.HIGH) == "high" and f"{Severity.CRITICAL}" == "critical"
    errors = sla_problems({Severity.HIGH: SlaTimes(48, 24), Severity.LOW: SlaTimes(0, 24)})
    assert [e.english() for e in errors] == [
        "high: the resolution time cannot be shorter than the response time.",
        "low: times are from 1 hour to 365 days.",
    ]


def test_intake_refuses_in_words():
    now = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    errors = intake_problems(
        franchisee_id=None,
        category_id=None,
        description=" ",
        references="x" * 501,
        received_at=now + timedelta(days=1),
        now=now,
    )
    assert [e.field for e in errors] == ["franchisee", "category", "description", "references", "received_at"]
    assert (
        intake_problems(
            franchisee_id=1, category_id=2, description="戒指掉石", references="", received_at=now, now=now
        )
        == []
    )
