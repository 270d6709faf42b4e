"""The complaint service on SQLite and PostgreSQL: intake, the workflow with who/when, permissions, due dates and
overdue, the queue (filters, sort, keyset paging), categories and severity times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hqdesk.domain.complaints import Channel, ComplaintStatus, EventKind, Severity, SlaTimes
from hqdesk.domain.contact import ContactData
from hqdesk.domain.errors import ConflictError, PermissionDenied, ValidationError
from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.services.complaints import (
    UNASSIGNED,
    ChangeRequest,
    ComplaintClosed,
    ComplaintIntake,
    QueueFilter,
)

S = ComplaintStatus
T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def world(services, users):
    sv = services
    sv.complaints.clock = lambda: T0 + timedelta(hours=1)
    f1 = sv.franchisees.create(
        users["am"], FranchiseeData(code="F1", legal_name="甲珠宝", city="上海", tier="A")
    )
    f2 = sv.franchisees.create(
        users["am2"], FranchiseeData(code="F2", legal_name="乙珠宝", city="杭州", tier="B")
    )
    cats = {c.path: c for c in sv.complaints.categories()}
    return {
        "sv": sv,
        "f1": f1.id,
        "f2": f2.id,
        "plating": cats["产品质量 › 电镀/镀层"].id,
        "cats": cats,
        **users,
    }


def intake(w, severity=Severity.HIGH, franchisee="f1", received=T0, **kw):
    return ComplaintIntake(
        franchisee_id=w[franchisee],
        received_at=received,
        channel=Channel.WECHAT,
        category_id=w["plating"],
        severity=severity,
        description="足金手镯表面镀层脱落",
        references=kw.pop("references", "INV-2026-001"),
        **kw,
    )


def test_log_assign_and_walk_the_whole_workflow_with_who_and_when(world):
    sv, am, am2 = world["sv"], world["am"], world["am2"]
    # am2 logs a complaint about am's franchisee (any franchisee) and names am at once
    d = sv.complaints.log(am2, intake(world), assignee_id=am.user_id)
    assert d.status is S.ASSIGNED and d.assignee == "AM" and d.number == f"TS{d.id:06d}"
    assert d.response_due == T0 + timedelta(hours=24) and d.resolution_due == T0 + timedelta(days=5)
    assert d.due_at == d.response_due and not d.overdue
    assert [(e.kind, e.from_status, e.to_status, e.by) for e in d.events] == [
        (EventKind.LOGGED, None, S.NEW, "AM2"),
        (EventKind.TRANSITION, S.NEW, S.ASSIGNED, "AM2"),
    ]
    # the logger is not the assignee: they may comment, not move it on
    with pytest.raises(PermissionDenied):
        sv.complaints.transition(am2, d.id, d.version, ChangeRequest(S.IN_PROGRESS))
    d = sv.complaints.comment(am2, d.id, "门店已拍照")
    d = sv.complaints.transition(am, d.id, d.version, ChangeRequest(S.IN_PROGRESS, comment="已联系门店"))
    assert d.responded_at == T0 + timedelta(hours=1) and d.due_at == d.resolution_due
    with pytest.raises(ValidationError) as err:
        sv.complaints.transition(am, d.id, d.version, ChangeRequest(S.RESOLVED, resolution="换货"))
    assert {e.field for e in err.value.errors} == {"root_cause", "corrective_action"}
    d = sv.complaints.transition(
        am,
        d.id,
        d.version,
        ChangeRequest(S.RESOLVED, resolution="换货", root_cause="镀层过薄", corrective_action="加厚镀层"),
    )
    assert d.rights.transitions == (S.CLOSED, S.REOPENED)
    with pytest.raises(ValidationError):
        sv.complaints.transition(am, d.id, d.version, ChangeRequest(S.CLOSED))
    d = sv.complaints.transition(am, d.id, d.version, ChangeRequest(S.CLOSED, satisfaction=4))
    assert d.status is S.CLOSED and d.satisfaction == 4 and d.closed_at is not None
    assert [e.to_status for e in d.events if e.kind is EventKind.TRANSITION] == [
        S.ASSIGNED,
        S.IN_PROGRESS,
        S.RESOLVED,
        S.CLOSED,
    ]
    assert [e.comment for e in d.events if e.kind is EventKind.COMMENT] == ["门店已拍照"]


def test_closed_is_read_only_except_reopen_and_a_reopen_restarts_the_resolution_time(world):
    sv, am, admin = world["sv"], world["am"], world["admin"]
    d = sv.complaints.log(am, intake(world), assignee_id=am.user_id)
    for change in (
        ChangeRequest(S.IN_PROGRESS),
        ChangeRequest(S.RESOLVED, resolution="r", root_cause="c", corrective_action="a"),
        ChangeRequest(S.CLOSED, satisfaction=2),
    ):
        d = sv.complaints.transition(am, d.id, d.version, change)
    with pytest.raises(ComplaintClosed):
        sv.complaints.comment(am, d.id, "还有问题")
    with pytest.raises(ComplaintClosed):
        sv.complaints.edit(am, d.id, d.version, intake(world, severity=Severity.LOW))
    with pytest.raises(ComplaintClosed):
        sv.complaints.reassign(admin, d.id, d.version, admin.user_id)
    with pytest.raises(ValidationError):  # a reopen needs its reason
        sv.complaints.transition(am, d.id, d.version, ChangeRequest(S.REOPENED))
    later = T0 + timedelta(days=30)
    sv.complaints.clock = lambda: later
    d = sv.complaints.transition(am, d.id, d.version, ChangeRequest(S.REOPENED, comment="又掉色了"))
    assert d.status is S.REOPENED and d.satisfaction is None and d.closed_at is None
    assert d.resolution_due == later + timedelta(days=5) and not d.overdue
    d = sv.complaints.transition(am, d.id, d.version, ChangeRequest(S.IN_PROGRESS))
    assert d.status is S.IN_PROGRESS


def test_who_may_move_a_complaint_on(world):
    sv, am, am2, cm, viewer, admin = (world[k] for k in ("sv", "am", "am2", "cm", "viewer", "admin"))
    with pytest.raises(PermissionDenied):
        sv.complaints.log(viewer, intake(world))
    d = sv.complaints.log(cm, intake(world, franchisee="f2"))  # a credit manager logs a billing matter
    assert d.status is S.NEW and d.rights.take is True
    # naming someone else is an administrator's; taking it for oneself is anyone's who handles complaints
    with pytest.raises(PermissionDenied):
        sv.complaints.transition(am, d.id, d.version, ChangeRequest(S.ASSIGNED, assignee_id=am2.user_id))
    with pytest.raises(PermissionDenied):
        sv.complaints.transition(
            viewer, d.id, d.version, ChangeRequest(S.ASSIGNED, assignee_id=viewer.user_id)
        )
    d = sv.complaints.transition(am, d.id, d.version, ChangeRequest(S.ASSIGNED, assignee_id=am.user_id))
    assert d.assignee == "AM"
    # am2 cannot take it over; the administrator hands it over, and then am may not move it any more
    with pytest.raises(PermissionDenied):
        sv.complaints.reassign(am, d.id, d.version, am2.user_id)
    with pytest.raises(PermissionDenied):
        sv.complaints.transition(am2, d.id, d.version, ChangeRequest(S.IN_PROGRESS))
    with pytest.raises(ValidationError):  # a viewer cannot be an assignee
        sv.complaints.reassign(admin, d.id, d.version, viewer.user_id)
    d = sv.complaints.reassign(admin, d.id, d.version, am2.user_id, "乙负责杭州")
    assert d.events[-1].kind is EventKind.REASSIGNED and d.events[-1].assignee == "AM2"
    with pytest.raises(PermissionDenied):
        sv.complaints.transition(am, d.id, d.version, ChangeRequest(S.IN_PROGRESS))
    d = sv.complaints.transition(admin, d.id, d.version, ChangeRequest(S.IN_PROGRESS))
    assert d.status is S.IN_PROGRESS
    # a stale version is a conflict, not an overwrite
    with pytest.raises(ConflictError):
        sv.complaints.transition(am2, d.id, d.version - 1, ChangeRequest(S.RESOLVED))
    # refused pairs are refused by the service too
    with pytest.raises(ValidationError):
        sv.complaints.transition(am2, d.id, d.version, ChangeRequest(S.CLOSED, satisfaction=5))


def test_overdue_follows_the_severity_times_and_stands_in_the_queue(world):
    sv, am, admin = world["sv"], world["am"], world["admin"]
    crit = sv.complaints.log(am, intake(world, Severity.CRITICAL), assignee_id=am.user_id)
    low = sv.complaints.log(am, intake(world, Severity.LOW), assignee_id=am.user_id)
    sv.complaints.clock = lambda: T0 + timedelta(hours=5)  # the critical one's 4 h response has passed
    assert [r.id for r in sv.complaints.overdue_for(am)] == [crit.id]
    assert sv.complaints.overdue_for(admin) == []
    assert [r.id for r in sv.complaints.overdue_for(admin, user_id=am.user_id)] == [crit.id]
    page = sv.complaints.queue(admin, QueueFilter(overdue=True))
    assert [r.id for r in page.rows] == [crit.id] and page.rows[0].overdue and page.total == 1
    # acting on it answers the response; the resolution (2 days) is not due yet
    d = sv.complaints.get(am, crit.id)
    sv.complaints.transition(am, d.id, d.version, ChangeRequest(S.IN_PROGRESS))
    assert sv.complaints.queue(admin, QueueFilter(overdue=True)).rows == ()
    sv.complaints.clock = lambda: T0 + timedelta(days=3)
    assert [r.id for r in sv.complaints.overdue_for(am)] == [crit.id]
    sv.complaints.clock = lambda: T0 + timedelta(days=30)
    assert {r.id for r in sv.complaints.overdue_for(am)} == {crit.id, low.id}


def test_times_are_configurable_and_apply_to_new_complaints(world):
    sv, am, admin = world["sv"], world["am"], world["admin"]
    old = sv.complaints.log(am, intake(world, Severity.MEDIUM))
    sla = {x.severity: x for x in sv.complaints.sla()}
    with pytest.raises(PermissionDenied):
        sv.complaints.set_sla(am, {Severity.MEDIUM: SlaTimes(8, 72)}, {})
    with pytest.raises(ValidationError):
        sv.complaints.set_sla(admin, {Severity.MEDIUM: SlaTimes(80, 72)}, {})
    sv.complaints.set_sla(
        admin, {Severity.MEDIUM: SlaTimes(8, 72)}, {Severity.MEDIUM: sla[Severity.MEDIUM].version}
    )
    new = sv.complaints.log(am, intake(world, Severity.MEDIUM))
    assert new.response_due == T0 + timedelta(hours=8) and new.resolution_due == T0 + timedelta(hours=72)
    assert sv.complaints.get(am, old.id).response_due == T0 + timedelta(days=2)  # logged before: unchanged
    with pytest.raises(ConflictError):
        sv.complaints.set_sla(
            admin, {Severity.MEDIUM: SlaTimes(9, 72)}, {Severity.MEDIUM: sla[Severity.MEDIUM].version}
        )


def test_the_category_tree_is_edited_by_admins_and_a_used_category_is_kept(world):
    sv, am, admin = world["sv"], world["am"], world["admin"]
    paths = [c.path for c in sv.complaints.categories()]
    assert paths[:3] == ["产品质量", "产品质量 › 电镀/镀层", "产品质量 › 镶嵌/掉石"]
    assert {"物流配送", "账务结算", "服务", "市场支持"} <= set(paths)
    quality = world["cats"]["产品质量"]
    with pytest.raises(PermissionDenied):
        sv.complaints.add_category(am, quality.id, "链扣")
    new = sv.complaints.add_category(admin, quality.id, "链扣/搭扣")
    assert new.path == "产品质量 › 链扣/搭扣"
    with pytest.raises(ValidationError):
        sv.complaints.add_category(admin, quality.id, "链扣/搭扣")
    sv.complaints.rename_category(admin, new.id, new.version, "链扣")
    d = sv.complaints.log(am, intake(world))
    plating = next(c for c in sv.complaints.categories() if c.id == world["plating"])
    sv.complaints.set_category_active(admin, plating.id, plating.version, False)
    with pytest.raises(ValidationError) as err:
        sv.complaints.log(am, intake(world))
    assert "no longer in use" in err.value.english()
    # the old complaint keeps its category; the deactivated one is listed (used once) but not offered
    assert sv.complaints.get(am, d.id).category == "产品质量 › 电镀/镀层"
    assert next(c for c in sv.complaints.categories() if c.id == plating.id).used == 1
    assert plating.id not in {c.id for c in sv.complaints.choices(am).categories}
    # deactivating the parent takes its children out of use too
    sv.complaints.set_category_active(admin, quality.id, quality.version, False)
    assert not any(c.path.startswith("产品质量") for c in sv.complaints.choices(am).categories)


def test_the_queue_filters_sorts_and_pages_by_key(world):
    sv, am, am2, admin = world["sv"], world["am"], world["am2"], world["admin"]
    made = []
    for i in range(25):
        sev = list(Severity)[i % 4]
        d = sv.complaints.log(
            am,
            intake(world, sev, franchisee="f1" if i % 2 else "f2", received=T0 - timedelta(hours=i)),
            assignee_id=(am.user_id if i % 3 == 0 else None),
        )
        made.append(d)
    everything = []
    page = sv.complaints.queue(admin, limit=10)
    assert page.total == 25
    while True:
        everything += page.rows
        if page.next_key is None:
            break
        page = sv.complaints.queue(admin, after=page.next_key, limit=10)
        assert page.total == -1
    assert [r.id for r in everything] == [d.id for d in made]  # newest receipt first
    # by severity, most severe first, paging across equal keys
    rows, key = [], None
    while True:
        page = sv.complaints.queue(admin, sort="severity", descending=False, after=key, limit=4)
        rows += page.rows
        key = page.next_key
        if key is None:
            break
    assert [r.severity for r in rows] == sorted(r.severity for r in rows) and len(rows) == 25
    assert len({r.id for r in rows}) == 25
    mine = sv.complaints.queue(admin, QueueFilter(assignee_id=am.user_id))
    assert mine.total == 9 and {r.status for r in mine.rows} == {S.ASSIGNED}
    assert sv.complaints.queue(admin, QueueFilter(assignee_id=UNASSIGNED)).total == 16
    assert sv.complaints.queue(admin, QueueFilter(statuses=frozenset({S.NEW}))).total == 16
    assert sv.complaints.queue(admin, QueueFilter(severity=Severity.CRITICAL)).total == 7
    assert sv.complaints.queue(admin, QueueFilter(franchisee_id=world["f1"])).total == 12
    quality = world["cats"]["产品质量"].id
    assert sv.complaints.queue(admin, QueueFilter(category_id=quality)).total == 25  # with sub-categories
    assert sv.complaints.queue(admin, QueueFilter(category_id=world["cats"]["物流配送"].id)).total == 0
    assert sv.complaints.queue(admin, QueueFilter(text="乙珠宝")).total == 13
    assert [r.id for r in sv.complaints.queue(admin, QueueFilter(text=made[3].number)).rows] == [made[3].id]
    assert len(sv.complaints.for_franchisee(am2, world["f2"])) == 13


def test_intake_is_validated_in_words(world):
    sv, am = world["sv"], world["am"]
    with pytest.raises(ValidationError) as err:
        sv.complaints.log(
            am, ComplaintIntake(None, None, Channel.PHONE, None, Severity.LOW, " ", references="x" * 600)
        )
    assert {e.field for e in err.value.errors} == {
        "franchisee",
        "received_at",
        "category",
        "description",
        "references",
    }
    c2 = sv.contacts.add(world["am2"], world["f2"], ContactData(name="王五"))
    with pytest.raises(ValidationError) as err:
        sv.complaints.log(am, intake(world, contact_id=c2.id))  # f2's contact on f1's complaint
    assert [e.field for e in err.value.errors] == ["contact"]
    d = sv.complaints.log(am, intake(world, franchisee="f2", contact_id=c2.id))
    assert d.contact_name == "王五"


def test_the_demo_has_complaints_in_every_state_that_follow_the_workflow(services):
    from datetime import date

    from hqdesk.demo import generate_demo
    from hqdesk.domain.complaints import ALLOWED_COMPLAINT_TRANSITIONS

    counts = generate_demo(services.db, franchisees=60, seed=4, today=date(2026, 11, 20))
    admin = services.users.sign_in("admin", "demo-admin")
    sv = services.complaints
    sv.clock = lambda: datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    rows = []
    page = sv.queue(admin, limit=500)
    rows += page.rows
    assert counts["complaints"] == len(rows) >= 20
    assert {r.status for r in rows} == set(ComplaintStatus)
    assert any(r.overdue for r in rows) and not all(r.overdue for r in rows)
    assert len({r.category for r in rows}) >= 5
    for r in rows:
        d = sv.get(admin, r.id)
        moves = [(e.from_status, e.to_status) for e in d.events if e.kind is EventKind.TRANSITION]
        assert all(new in ALLOWED_COMPLAINT_TRANSITIONS[old] for old, new in moves), moves
        assert (moves[-1][1] if moves else S.NEW) is d.status
        assert [e.occurred_at for e in d.events] == sorted(e.occurred_at for e in d.events)
        if d.status is S.CLOSED:
            assert d.satisfaction in range(1, 6) and d.root_cause and d.corrective_action
    # the demo's rows are the app's: a demo complaint moves on like any other
    new = next(r for r in rows if r.status is S.NEW)
    sv.transition(admin, new.id, new.version, ChangeRequest(S.ASSIGNED, assignee_id=admin.user_id))
    assert sv.log(admin, intake_for(sv, admin, new.franchisee_id)).id > max(r.id for r in rows)


def intake_for(sv, actor, franchisee_id):
    category = next(c.id for c in sv.choices(actor).categories if c.parent_id is not None)
    return ComplaintIntake(franchisee_id, sv.clock(), Channel.PHONE, category, Severity.LOW, "演示后新登记")


def test_both_ways_of_finding_a_page_give_the_same_rows(world, monkeypatch):
    """Few matches are found through the filters and sorted, many along the sort's index: same answers."""
    import hqdesk.services.complaints_queue as module

    sv, am, admin = world["sv"], world["am"], world["admin"]
    for i in range(12):
        sv.complaints.log(
            am,
            intake(
                world,
                list(Severity)[i % 4],
                franchisee="f1" if i % 3 else "f2",
                received=T0 - timedelta(hours=i),
            ),
            assignee_id=am.user_id if i % 2 else None,
        )
    filters = [
        QueueFilter(),
        QueueFilter(statuses=frozenset({S.NEW})),
        QueueFilter(severity=Severity.HIGH, franchisee_id=world["f1"]),
        QueueFilter(assignee_id=am.user_id, text="甲"),
        QueueFilter(overdue=True),
    ]

    def walk(f, sort, descending):
        rows, key = [], None
        while True:
            page = sv.complaints.queue(admin, f, sort=sort, descending=descending, after=key, limit=3)
            rows += [r.id for r in page.rows]
            key = page.next_key
            if key is None:
                return rows

    sv.complaints.clock = lambda: T0 + timedelta(days=3)
    answers = {}
    for few in (0, 10**9):
        monkeypatch.setattr(module, "FEW_MATCHES", few)
        answers[few] = [walk(f, sort, d) for f in filters for sort in module.SORT_KEYS for d in (False, True)]
    assert answers[0] == answers[10**9]
    assert any(answers[0]) and all(len(set(ids)) == len(ids) for ids in answers[0])
