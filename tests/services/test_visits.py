"""Visits through the service on SQLite and PostgreSQL: logging with suggestions, rights, the due rules in
SQL, the visit list's filters and paging, following suggestions up, the cadence plans."""

from __future__ import annotations

from datetime import date

import pytest

from hqdesk.domain.errors import ArchivedReadOnly, ConflictError, PermissionDenied, ValidationError
from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus
from hqdesk.domain.visits import SuggestionData, SuggestionStatus, VisitData, VisitKind, VisitPurpose
from hqdesk.services.visits import VisitFilter

TODAY = date(2026, 11, 23)


def make(services, who, code, tier="A", status=LifecycleStatus.ACTIVE, **kw) -> int:
    data = FranchiseeData(code=code, legal_name=f"{code}公司", city="杭州", tier=tier, **kw)
    return services.franchisees.create(who, data, status=status, today=TODAY).id


def visit(on, **kw) -> VisitData:
    return VisitData(visited_on=on, **kw)


@pytest.fixture
def shop(services, users):
    am, am2 = users["am"], users["am2"]
    return {
        "f1": make(services, am, "F1", account_manager_id=am.user_id, contract_start=date(2026, 1, 31)),
        "f2": make(
            services, am2, "F2", tier="B", account_manager_id=am2.user_id, join_date=date(2026, 5, 10)
        ),
    }


def test_a_visit_is_logged_with_its_suggestions_and_read_back(services, users, shop):
    am = users["am"]
    data = visit(
        date(2026, 11, 20),
        kind=VisitKind.PHONE,
        purpose=VisitPurpose.SUGGESTION_COLLECTION,
        met_with="王芳",
        notes="店面翻新中",
        outcome="同意参加新品发布会",
        next_follow_up_on=date(2026, 12, 5),
        suggestions=(SuggestionData("多备 18K 金"), SuggestionData("  "), SuggestionData("培训导购")),
    )
    dto = services.visits.log(am, shop["f1"], data, today=TODAY)
    assert dto.data.hq_user_id == am.user_id  # who from HQ: the one who logged it
    assert [s.text for s in dto.data.suggestions] == ["多备 18K 金", "培训导购"]
    assert all(s.id for s in dto.data.suggestions)
    again = services.visits.list(users["viewer"], shop["f1"])
    assert [v.id for v in again] == [dto.id] and again[0].data == dto.data
    bundle = services.profile.load(users["cm"], shop["f1"])
    assert [v.id for v in bundle.visits] == [dto.id]


def test_rights_own_manager_and_admin_write_the_others_read(services, users, shop):
    f1 = shop["f1"]
    for who in ("am2", "cm", "viewer"):
        with pytest.raises(PermissionDenied):
            services.visits.log(users[who], f1, visit(TODAY), today=TODAY)
    mine = services.visits.log(users["am"], f1, visit(TODAY), today=TODAY)
    services.visits.log(users["admin"], f1, visit(TODAY), today=TODAY)
    with pytest.raises(PermissionDenied):
        services.visits.update(users["am2"], mine.id, mine.version, visit(TODAY, notes="x"), today=TODAY)
    with pytest.raises(PermissionDenied):
        services.visits.delete(users["viewer"], mine.id, mine.version)
    assert len(services.visits.list(users["viewer"], f1)) == 2


def test_an_archived_franchisee_takes_no_visits(services, users, shop):
    admin = users["admin"]
    detail = services.franchisees.get(admin, shop["f1"])
    services.franchisees.set_archived(admin, shop["f1"], detail.version, True, confirm_open_business=True)
    with pytest.raises(ArchivedReadOnly):
        services.visits.log(admin, shop["f1"], visit(TODAY), today=TODAY)


def test_bad_input_is_refused_in_words_and_nothing_is_saved(services, users, shop):
    with pytest.raises(ValidationError) as caught:
        services.visits.log(users["am"], shop["f1"], visit(date(2026, 11, 24), notes="x" * 5000), today=TODAY)
    assert {e.field for e in caught.value.errors} == {"visited_on", "notes"}
    with pytest.raises(ValidationError):
        services.visits.log(users["am"], shop["f1"], visit(TODAY, hq_user_id=99999), today=TODAY)
    assert services.visits.list(users["am"], shop["f1"]) == []


def test_editing_keeps_changes_and_removes_suggestions_and_detects_conflicts(services, users, shop):
    am = users["am"]
    dto = services.visits.log(
        am, shop["f1"], visit(TODAY, suggestions=(SuggestionData("甲"), SuggestionData("乙"))), today=TODAY
    )
    first, second = dto.data.suggestions
    edited = visit(TODAY, notes="补记", suggestions=(first, SuggestionData("丙")))
    saved = services.visits.update(am, dto.id, dto.version, edited, base=dto.data, today=TODAY)
    assert [s.text for s in saved.data.suggestions] == ["甲", "丙"] and saved.data.notes == "补记"
    assert saved.version > dto.version
    with pytest.raises(ConflictError):
        services.visits.update(am, dto.id, dto.version, visit(TODAY, notes="旧"), base=dto.data, today=TODAY)


def test_a_suggestion_followed_up_moves_its_visit_version(services, users, shop):
    am = users["am"]
    dto = services.visits.log(am, shop["f1"], visit(TODAY, suggestions=(SuggestionData("甲"),)), today=TODAY)
    rows = services.visits.suggestions(users["viewer"], statuses=[SuggestionStatus.OPEN])
    assert [r.text for r in rows] == ["甲"] and rows[0].franchisee_code == "F1"
    row = services.visits.set_suggestion_status(
        am, rows[0].id, rows[0].version, SuggestionStatus.DONE, "已补货"
    )
    assert row.status == SuggestionStatus.DONE and row.response == "已补货"
    assert services.visits.suggestions(am, statuses=[SuggestionStatus.OPEN]) == []
    assert [r.id for r in services.visits.suggestions(am, statuses=[SuggestionStatus.DONE])] == [row.id]
    # the visit form still showing "open" cannot put it back without a conflict
    with pytest.raises(ConflictError):
        services.visits.update(am, dto.id, dto.version, dto.data, base=dto.data, today=TODAY)
    with pytest.raises(PermissionDenied):
        services.visits.set_suggestion_status(users["am2"], row.id, row.version, SuggestionStatus.OPEN, "")
    with pytest.raises(ConflictError):
        services.visits.set_suggestion_status(am, row.id, rows[0].version, SuggestionStatus.OPEN, "")


# ----- due visits -------------------------------------------------------------------------------------------


def due_map(services, actor, start, end, **kw):
    return {d.franchisee_code: d for d in services.visits.due_visits(actor, start, end, today=TODAY, **kw)}


def test_due_dates_follow_cadence_last_visit_and_start_dates(services, users, shop):
    am, viewer = users["am"], users["viewer"]
    year = due_map(services, viewer, date(2026, 1, 1), date(2027, 12, 31))
    # F1 (tier A, monthly), never visited: contract start 31 Jan + 1 month = 28 Feb, long overdue
    assert (
        year["F1"].due_date == date(2026, 2, 28) and year["F1"].overdue and year["F1"].last_visit_on is None
    )
    # F2 (tier B, quarterly) from its join date 10 May -> 10 Aug
    assert year["F2"].due_date == date(2026, 8, 10) and year["F2"].overdue
    services.visits.log(am, shop["f1"], visit(date(2026, 10, 31)), today=TODAY)
    after = due_map(services, viewer, TODAY, date(2027, 1, 31))
    assert after["F1"].due_date == date(2026, 11, 30) and not after["F1"].overdue
    assert after["F1"].last_visit_on == date(2026, 10, 31)
    assert after["F2"].overdue  # due before the range's start, which is today: listed, flagged overdue


def test_follow_up_date_wins_when_earlier(services, users, shop):
    services.visits.log(
        users["am2"], shop["f2"], visit(date(2026, 11, 1), next_follow_up_on=date(2026, 11, 10)), today=TODAY
    )
    due = due_map(services, users["am2"], date(2026, 11, 1), date(2026, 12, 31))["F2"]
    assert due.due_date == date(2026, 11, 10) and due.overdue and due.follow_up


def test_a_range_in_the_future_lists_only_what_falls_in_it(services, users, shop):
    services.visits.log(users["am"], shop["f1"], visit(date(2026, 11, 20)), today=TODAY)
    later = due_map(services, users["am"], date(2027, 1, 1), date(2027, 1, 31))
    assert later == {}  # F2's overdue visit is not repeated in a future range; F1 is due 20 Dec
    dec = due_map(services, users["am"], date(2026, 12, 1), date(2026, 12, 31))
    assert set(dec) == {"F1"}


def test_only_active_unarchived_franchisees_and_the_manager_filter(services, users, shop):
    admin, am = users["admin"], users["am"]
    make(services, admin, "P1", status=LifecycleStatus.PROSPECT)
    make(services, admin, "S1", status=LifecycleStatus.SUSPENDED)
    archived = make(services, admin, "X1")
    services.franchisees.set_archived(
        admin, archived, services.franchisees.get(admin, archived).version, True, confirm_open_business=True
    )
    everything = due_map(services, admin, date(1900, 1, 1), date(2100, 12, 31))
    assert set(everything) == {"F1", "F2"}
    assert set(due_map(services, admin, date(1900, 1, 1), date(2100, 12, 31), manager_id=am.user_id)) == {
        "F1"
    }


def test_cadences_and_overrides(services, users, shop):
    admin, am = users["admin"], users["am"]
    cadences = {c.tier: c for c in services.visits.cadences(am)}
    assert {t: c.months for t, c in cadences.items()} == {"A": 1, "B": 3, "C": 6}
    with pytest.raises(PermissionDenied):
        services.visits.set_cadences(am, {"A": 2})
    with pytest.raises(ValidationError):
        services.visits.set_cadences(admin, {"A": 0})
    versions = {t: c.version for t, c in cadences.items()}
    services.visits.set_cadences(admin, {"A": 2, "C": None}, versions)
    assert {c.tier: c.months for c in services.visits.cadences(am)} == {"A": 2, "B": 3, "C": None}
    with pytest.raises(ConflictError):  # what the first editor saw is stale now
        services.visits.set_cadences(admin, {"A": 5}, versions)
    assert due_map(services, am, date(2026, 1, 1), date(2026, 12, 31))["F1"].due_date == date(2026, 3, 31)

    with pytest.raises(PermissionDenied):
        services.visits.set_override(am, shop["f2"], 1, None)
    plan = services.visits.set_override(am, shop["f1"], 0, None, today=TODAY)
    assert plan.override == 0 and plan.due_date is None
    assert "F1" not in due_map(services, am, date(1900, 1, 1), date(2100, 12, 31))
    plan = services.visits.set_override(am, shop["f1"], 6, plan.override_version, today=TODAY)
    assert plan.cadence_months == 6 and plan.due_date == date(2026, 7, 31) and plan.overdue
    plan = services.visits.set_override(am, shop["f1"], None, plan.override_version, today=TODAY)
    assert plan.override is None and plan.cadence_months == 2


# ----- the visit list ----------------------------------------------------------------------------------------


def test_the_visit_list_filters_and_pages_by_keyset(services, users, shop):
    am, am2 = users["am"], users["am2"]
    for day in range(1, 21):
        kind = VisitKind.PHONE if day % 2 else VisitKind.ON_SITE
        services.visits.log(am, shop["f1"], visit(date(2026, 10, day), kind=kind), today=TODAY)
    services.visits.log(
        am2,
        shop["f2"],
        visit(date(2026, 10, 5), purpose=VisitPurpose.TRAINING, suggestions=(SuggestionData("x"),)),
        today=TODAY,
    )
    first = services.visits.page(users["viewer"], VisitFilter(), limit=8, today=TODAY)
    assert first.total == 21 and len(first.rows) == 8 and first.next_key is not None
    seen = list(first.rows)
    key = first.next_key
    while key is not None:
        page = services.visits.page(users["viewer"], VisitFilter(), after=key, limit=8, today=TODAY)
        seen.extend(page.rows)
        key = page.next_key
    assert len(seen) == 21 and len({r.id for r in seen}) == 21
    assert [r.visited_on for r in seen] == sorted((r.visited_on for r in seen), reverse=True)

    def count(**kw):
        return services.visits.page(am, VisitFilter(**kw), today=TODAY).total

    assert count(manager_id=am2.user_id) == 1
    assert count(kind=VisitKind.PHONE) == 10
    assert count(purpose=VisitPurpose.TRAINING) == 1
    assert count(date_from=date(2026, 10, 18)) == 3
    assert count(date_from=date(2026, 10, 4), date_to=date(2026, 10, 5)) == 3
    # F1 was visited 20 Oct (monthly: due 20 Nov, overdue on 23 Nov); F2 5 Oct (quarterly: due 5 Jan)
    assert count(overdue=True) == 20
    training = services.visits.page(am, VisitFilter(purpose=VisitPurpose.TRAINING), today=TODAY).rows[0]
    assert (training.franchisee_code, training.suggestions, training.open_suggestions) == ("F2", 1, 1)
    assert training.hq_user_name == "AM2"


def test_deleting_the_last_visit_moves_the_due_date_back(services, users, shop):
    am = users["am"]
    services.visits.log(am, shop["f1"], visit(date(2026, 9, 30)), today=TODAY)
    last = services.visits.log(am, shop["f1"], visit(date(2026, 11, 20)), today=TODAY)
    assert due_map(services, am, TODAY, date(2027, 12, 31))["F1"].due_date == date(2026, 12, 20)
    services.visits.delete(am, last.id, last.version)
    assert due_map(services, am, TODAY, date(2027, 12, 31))["F1"].due_date == date(2026, 10, 30)


def test_the_calendar_lists_the_visits_due_from_the_real_plans(services, users, shop):
    """The integration the calendar relies on: its visit_due events are VisitService.due_visits' answers."""
    from hqdesk.services.calendar import EventKind

    services.visits.log(users["am"], shop["f1"], visit(date(2026, 10, 31)), today=TODAY)
    events = services.calendar.events(
        users["viewer"], TODAY, date(2026, 12, 31), kinds=[EventKind.VISIT_DUE], today=TODAY
    )
    by_code = {e.franchisee_code: e for e in events}
    assert by_code["F1"].date == date(2026, 11, 30) and by_code["F1"].key == "due"
    assert by_code["F2"].key == "overdue"  # due 10 Aug, before the range: listed while the range covers today
