"""Business date range, unstorable characters, the conflict merge plan and the history echo window: rules that
live in domain, not in the UI."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from hqdesk.domain.contact import ContactData, validate_contact
from hqdesk.domain.franchisee import (
    DEFAULT_TIERS,
    FranchiseeData,
    LifecycleStatus,
    open_business_reasons,
    transition_problem,
    validate_franchisee,
)
from hqdesk.domain.history import STATUS_ECHO_WINDOW, without_status_echoes
from hqdesk.domain.merge import merge_plan
from hqdesk.domain.text import HAS_NUL, HAS_SURROGATE
from hqdesk.services.dto import FieldChange, HistoryEntry

TODAY = date(2026, 11, 23)
VALID = FranchiseeData(code="HZ-1", legal_name="杭州味道", city="杭州", tier="A")


def fields_of(errors):
    return {e.field: e.message for e in errors}


def test_1899_is_refused_for_its_range_not_its_format():
    errors = transition_problem(
        LifecycleStatus.PROSPECT, LifecycleStatus.ACTIVE, "签约", date(1899, 1, 1), TODAY, date(1899, 1, 1)
    )
    assert [(e.field, e.english()) for e in errors] == [
        ("changed_on", "Enter a date between 1900-01-01 and 2026-11-23.")
    ]


def test_a_status_change_never_runs_the_timeline_backwards():
    ok = transition_problem(LifecycleStatus.ACTIVE, LifecycleStatus.SUSPENDED, "欠款", TODAY, TODAY, TODAY)
    assert ok == []
    back = transition_problem(
        LifecycleStatus.ACTIVE, LifecycleStatus.SUSPENDED, "欠款", date(2026, 1, 1), TODAY, date(2026, 3, 1)
    )
    assert [e.field for e in back] == ["changed_on"] and back[0].params == {"since": "2026-03-01"}
    future = transition_problem(
        LifecycleStatus.ACTIVE, LifecycleStatus.SUSPENDED, "欠款", date(2999, 1, 1), TODAY
    )
    assert [e.english() for e in future] == ["The date cannot be in the future."]


def test_profile_dates_stay_in_the_business_range():
    data = replace(VALID, join_date=date(2999, 1, 1), contract_start=date(1899, 12, 31))
    assert set(fields_of(validate_franchisee(data, DEFAULT_TIERS))) == {"join_date", "contract_start"}
    edge = replace(VALID, join_date=date(1900, 1, 1), contract_end=date(2100, 12, 31))
    assert validate_franchisee(edge, DEFAULT_TIERS) == []


@pytest.mark.parametrize("field", ["legal_name", "address", "notes"])
def test_a_lone_surrogate_is_refused_in_words(field):
    data = replace(VALID, **{field: "杭州\ud800味道"})
    assert fields_of(validate_franchisee(data, DEFAULT_TIERS)) == {field: HAS_SURROGATE}
    tagged = replace(VALID, tags=("ok", "坏\udfff"))
    assert fields_of(validate_franchisee(tagged, DEFAULT_TIERS)) == {"tags": HAS_SURROGATE}
    assert fields_of(validate_contact(ContactData(name="王\ud800"), TODAY)) == {"name": HAS_SURROGATE}
    reason = transition_problem(LifecycleStatus.PROSPECT, LifecycleStatus.ACTIVE, "\ud800", TODAY, TODAY)
    assert fields_of(reason) == {"reason": HAS_SURROGATE}
    nul = transition_problem(LifecycleStatus.PROSPECT, LifecycleStatus.ACTIVE, "a\x00", TODAY, TODAY)
    assert fields_of(nul) == {"reason": HAS_NUL}


def test_open_business_reasons():
    assert open_business_reasons(LifecycleStatus.TERMINATED, date(2030, 1, 1), TODAY) == ()
    assert open_business_reasons(LifecycleStatus.PROSPECT, None, TODAY) == ()
    assert len(open_business_reasons(LifecycleStatus.ACTIVE, None, TODAY)) == 1
    assert len(open_business_reasons(LifecycleStatus.SUSPENDED, date(2027, 1, 1), TODAY)) == 2


def test_merge_plan_keeps_both_when_fields_differ_and_refuses_a_clash():
    theirs, mine = replace(VALID, tags=("VIP",)), replace(VALID, notes="回访")
    assert merge_plan(VALID, theirs, mine) == ({"notes"}, replace(VALID, tags=("VIP",), notes="回访"))
    assert merge_plan(VALID, replace(VALID, city="宁波"), replace(VALID, city="温州"))[1] is None
    assert merge_plan(VALID, replace(VALID, city="宁波"), replace(VALID, city="宁波"))[1] == replace(
        VALID, city="宁波"
    )


def _entry(table, action, when, fields, user="li"):
    return HistoryEntry(when, user, "app", action, table, "1", tuple(FieldChange(f, None, 1) for f in fields))


def test_a_status_change_reads_once_within_the_echo_window():
    at = datetime(2026, 11, 23, 9, tzinfo=UTC)
    record = _entry("franchisee_status_changes", "insert", at, ["to_status"])
    echo = _entry("franchisees", "update", at + timedelta(seconds=1), ["status", "status_changed_on"])
    late = _entry("franchisees", "update", at + STATUS_ECHO_WINDOW, ["status"])
    other_user = _entry("franchisees", "update", at, ["status"], user="wang")
    edit = _entry("franchisees", "update", at, ["status", "notes"])
    assert without_status_echoes([record, echo, late, other_user, edit]) == [record, late, other_user, edit]
