"""ProfileService.load: the profile editor's data in ONE read session with ONE rights lookup."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from hqdesk.domain.contact import ContactData, StoreData
from hqdesk.domain.errors import NotFound
from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus, StatusChange
from hqdesk.domain.roles import Role
from hqdesk.services.base import AccountDisabled


@pytest.fixture
def franchisee(services, users):
    admin, am = users["admin"], users["am"]
    d = services.franchisees.create(
        admin,
        FranchiseeData(
            code="HZ-1", legal_name="杭州金辉", city="杭州", tier="A", account_manager_id=am.user_id
        ),
    )
    services.contacts.add(admin, d.id, ContactData(name="王芳", mobile="13812345678"))
    services.stores.add(admin, d.id, StoreData(name="湖滨店"))
    services.franchisees.change_status(
        admin, d.id, d.version, StatusChange(LifecycleStatus.ACTIVE, date.today(), "签约")
    )
    return d


class Counter:
    """Counts the transactions the engine begins and the statements it runs."""

    def __init__(self, engine) -> None:
        self.begins = self.statements = 0
        self.engine = engine
        event.listen(engine, "begin", self._begin)
        event.listen(engine, "before_cursor_execute", self._statement)

    def _begin(self, _conn) -> None:
        self.begins += 1

    def _statement(self, *_args) -> None:
        self.statements += 1

    def stop(self) -> None:
        event.remove(self.engine, "begin", self._begin)
        event.remove(self.engine, "before_cursor_execute", self._statement)


def test_load_reads_everything_in_one_session(services, users, franchisee):
    counter = Counter(services.db.engine)
    try:
        bundle = services.profile.load(users["am"], franchisee.id)
    finally:
        counter.stop()
    assert counter.begins == 1  # the editor used to open 5-7 sessions, each with its own rights lookup
    user_lookups = counter.statements  # not many statements either: no query per row
    assert user_lookups <= 14  # 12, and the visits with their suggestions (one query each)
    assert bundle.detail.data.code == "HZ-1" and bundle.detail.status == LifecycleStatus.ACTIVE
    assert [c.data.name for c in bundle.contacts] == ["王芳"]
    assert [s.data.name for s in bundle.stores] == ["湖滨店"]
    assert [c.to_status for c in bundle.statuses] == [LifecycleStatus.ACTIVE, LifecycleStatus.PROSPECT]
    assert bundle.history and bundle.history[0].table_name
    assert bundle.choices.tiers[:3] == ("A", "B", "C")
    assert {m.name for m in bundle.choices.managers} >= {"AM", "AM2", "管理员"}
    assert {n.username for n in bundle.names} >= {"admin", "am", "viewer"}
    rights = bundle.rights
    assert rights.edit and rights.change_status and not rights.archive and not rights.assign_manager
    assert not rights.read_only_reason


def test_rights_are_the_current_ones_not_those_of_the_sign_in(services, users, franchisee):
    admin, am = users["admin"], users["am"]
    dto = next(u for u in services.users.list_users(admin) if u.username == "am")
    services.users.update_user(
        admin, dto.id, dto.version, display_name=dto.display_name, role=Role.VIEWER, active=True
    )
    bundle = services.profile.load(am, franchisee.id)  # the actor still says account manager
    assert bundle.rights.role == Role.VIEWER and not bundle.rights.edit
    assert bundle.rights.read_only_reason.params == {"role": "Viewer"}


def test_someone_elses_franchisee_is_read_only_with_the_reason(services, users, franchisee):
    bundle = services.profile.load(users["am2"], franchisee.id)
    assert not bundle.rights.edit and not bundle.rights.change_status
    assert bundle.rights.read_only_reason.params == {"manager": "AM"}


def test_an_archived_franchisee_is_read_only_but_may_be_restored(services, users, franchisee):
    admin = users["admin"]
    current = services.franchisees.get(admin, franchisee.id)
    services.franchisees.set_archived(admin, franchisee.id, current.version, True, **_confirm(services))
    bundle = services.profile.load(admin, franchisee.id)
    assert bundle.detail.archived
    assert not bundle.rights.edit and not bundle.rights.change_status and bundle.rights.archive
    assert "Restore it from the archive" in bundle.rights.read_only_reason.template
    assert not services.profile.load(users["am"], franchisee.id).rights.edit


def _confirm(services) -> dict:
    """``confirm_open_business=True`` where the service has it (the archive question for open business)."""
    import inspect

    params = inspect.signature(services.franchisees.set_archived).parameters
    return {"confirm_open_business": True} if "confirm_open_business" in params else {}


def test_an_inactive_account_manager_stays_in_the_choices_of_their_franchisees(services, users, franchisee):
    admin = users["admin"]
    dto = next(u for u in services.users.list_users(admin) if u.username == "am")
    services.users.update_user(
        admin, dto.id, dto.version, display_name=dto.display_name, role=dto.role, active=False
    )
    bundle = services.profile.load(admin, franchisee.id)
    am = next(m for m in bundle.choices.managers if m.id == users["am"].user_id)
    assert am.active is False and am.name == "AM"
    other = services.franchisees.create(
        admin, FranchiseeData(code="HZ-2", legal_name="别家", city="杭州", tier="A")
    )
    assert users["am"].user_id not in {m.id for m in services.profile.load(admin, other.id).choices.managers}


def test_a_disabled_user_and_a_missing_franchisee_are_refused(services, users, franchisee):
    admin = users["admin"]
    with pytest.raises(NotFound):
        services.profile.load(admin, 424242)
    dto = next(u for u in services.users.list_users(admin) if u.username == "viewer")
    services.users.update_user(
        admin, dto.id, dto.version, display_name=dto.display_name, role=dto.role, active=False
    )
    with pytest.raises(AccountDisabled):
        services.profile.load(users["viewer"], franchisee.id)


def test_choices_for_a_new_franchisee(services, users):
    services.tiers.add(users["admin"], "S", "Strategic")
    new = services.profile.choices(users["am"])
    assert "S" in new.choices.tiers and all(m.active for m in new.choices.managers)
    assert new.rights.edit and not new.rights.assign_manager and new.rights.role == Role.ACCOUNT_MANAGER
    assert {n.username for n in new.names} >= {"admin", "am"}
