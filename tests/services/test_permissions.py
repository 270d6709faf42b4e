"""The permission matrix, enforced by the services themselves (the UI hiding a button is not enough).

For each role, every write action is tried on a fresh franchisee owned by the account manager "am".
Allowed actions must change something; refused ones must raise PermissionDenied and change nothing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from argon2 import PasswordHasher

from hqdesk.domain.contact import ContactData, StoreData
from hqdesk.domain.errors import PermissionDenied
from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus, StatusChange
from hqdesk.domain.roles import Role
from hqdesk.services.dto import SearchCriteria

TODAY = date(2026, 11, 23)
CREATED = date(2026, 1, 2)  # when the test profiles were entered: before their status changes


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    monkeypatch.setattr(
        "hqdesk.services.users._hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


WRITE_ACTIONS = (
    "create",
    "update",
    "change_status",
    "set_archived",
    "add_contact",
    "update_contact",
    "delete_contact",
    "add_store",
    "update_store",
    "delete_store",
    "reassign_account_manager",
    "manage_users",
    "edit_company_letterhead",
    "overwrite_conflict",
)

OWN_FRANCHISEE_WORK = {
    "update",
    "change_status",
    "add_contact",
    "update_contact",
    "delete_contact",
    "add_store",
    "update_store",
    "delete_store",
}

ALLOWED = {
    "admin": set(WRITE_ACTIONS),
    "credit_manager": set(),
    "account_manager_own": {"create"} | OWN_FRANCHISEE_WORK,
    "account_manager_other": {"create"},
    "viewer": set(),
}
ACTOR_OF_ROLE = {
    "admin": "admin",
    "credit_manager": "cm",
    "account_manager_own": "am",
    "account_manager_other": "am2",
    "viewer": "viewer",
}


class Attempt:
    """One fresh franchisee (owned by "am", with one contact and one store) to try an action on."""

    def __init__(self, services, users, n: int) -> None:
        self.sv, self.users = services, users
        admin = users["admin"]
        self.fid = services.franchisees.create(
            admin,
            FranchiseeData(
                code=f"P{n}", legal_name=f"P{n} 餐饮", city="杭州", account_manager_id=users["am"].user_id
            ),
            today=CREATED,
        ).id
        self.contact = services.contacts.add(admin, self.fid, ContactData(name="王芳"))
        self.store = services.stores.add(admin, self.fid, StoreData(name="西湖店"))

    def state(self):
        sv, admin = self.sv, self.users["admin"]
        f = sv.franchisees.get(admin, self.fid)
        return (
            f.version,
            f.data,
            f.status,
            f.archived,
            [(c.id, c.version) for c in sv.contacts.list(admin, self.fid)],
            [(s.id, s.version) for s in sv.stores.list(admin, self.fid)],
            len(sv.franchisees.search(admin, SearchCriteria(include_archived=True)).ids),
            len(sv.users.list_users(admin)),
            sv.company.get().version,
        )

    def run(self, action: str, actor) -> None:
        sv, fid = self.sv, self.fid
        detail = sv.franchisees.get(actor, fid)
        if action == "create":
            sv.franchisees.create(
                actor, FranchiseeData(code=f"NEW-{actor.username}", legal_name="新店", city="杭州")
            )
        elif action == "update":
            sv.franchisees.update(actor, fid, detail.version, replace(detail.data, notes="edited"))
        elif action == "change_status":
            sv.franchisees.change_status(
                actor, fid, detail.version, StatusChange(LifecycleStatus.ACTIVE, TODAY, "签约"), today=TODAY
            )
        elif action == "set_archived":
            sv.franchisees.set_archived(actor, fid, detail.version, True)
        elif action == "add_contact":
            sv.contacts.add(actor, fid, ContactData(name="李雷"))
        elif action == "update_contact":
            sv.contacts.update(
                actor, self.contact.id, self.contact.version, replace(self.contact.data, mobile="13900000000")
            )
        elif action == "delete_contact":
            sv.contacts.delete(actor, self.contact.id, self.contact.version)
        elif action == "add_store":
            sv.stores.add(actor, fid, StoreData(name="滨江店"))
        elif action == "update_store":
            sv.stores.update(actor, self.store.id, self.store.version, replace(self.store.data, city="杭州"))
        elif action == "delete_store":
            sv.stores.delete(actor, self.store.id, self.store.version)
        elif action == "reassign_account_manager":
            sv.franchisees.update(
                actor, fid, detail.version, replace(detail.data, account_manager_id=self.users["am2"].user_id)
            )
        elif action == "manage_users":
            sv.users.create_user(actor, f"new-{actor.username}", "新用户", Role.VIEWER, "password-1")
        elif action == "edit_company_letterhead":
            sv.company.update(actor, sv.company.get().version, "总部", "杭州", "0571-88886666", None)
        elif action == "overwrite_conflict":
            admin = self.users["admin"]
            sv.franchisees.update(admin, fid, detail.version, replace(detail.data, notes="admin was first"))
            sv.franchisees.update(
                actor, fid, detail.version, replace(detail.data, notes="mine"), overwrite=True
            )
        else:
            raise AssertionError(action)


def test_permission_matrix(services, users):
    """Role x write action -> "allowed" / "denied"; a failure shows exactly which cells differ."""
    outcome, unchanged_after_refusal, changed_after_success = {}, {}, {}
    n = 0
    for role, username in ACTOR_OF_ROLE.items():
        actor = users[username]
        for action in WRITE_ACTIONS:
            n += 1
            attempt = Attempt(services, users, n)
            before = (
                None if action == "overwrite_conflict" else attempt.state()
            )  # the admin's first save is set-up
            try:
                attempt.run(action, actor)
            except PermissionDenied as exc:
                outcome[role, action] = "denied"
                unchanged_after_refusal[role, action] = actor.role.value in str(exc) and (
                    before is None or attempt.state() == before
                )
            else:
                outcome[role, action] = "allowed"
                changed_after_success[role, action] = before is None or attempt.state() != before
    expected = {
        (role, a): "allowed" if a in ALLOWED[role] else "denied" for role in ALLOWED for a in WRITE_ACTIONS
    }
    assert outcome == expected
    assert [cell for cell, ok in unchanged_after_refusal.items() if not ok] == []
    assert [cell for cell, ok in changed_after_success.items() if not ok] == []


def test_every_role_may_look(services, users):
    fid = Attempt(services, users, 0).fid
    for who in ("admin", "cm", "am", "am2", "viewer"):
        actor = users[who]
        assert services.franchisees.search(actor, SearchCriteria()).ids == (fid,)
        assert services.franchisees.get(actor, fid).data.code == "P0"
        assert [c.data.name for c in services.contacts.list(actor, fid)] == ["王芳"]
        assert [s.data.name for s in services.stores.list(actor, fid)] == ["西湖店"]
        assert len(services.franchisees.status_history(actor, fid)) == 1
        assert services.franchisees.history(actor, fid)


def test_account_manager_creating_a_franchisee_gets_it_assigned(services, users):
    am, am2 = users["am"], users["am2"]
    created = services.franchisees.create(
        am, FranchiseeData(code="AM-1", legal_name="新店", city="杭州", account_manager_id=am2.user_id)
    )
    assert created.data.account_manager_id == am.user_id
    assert created.account_manager_name == "AM"
    saved = services.franchisees.update(am, created.id, created.version, replace(created.data, notes="mine"))
    assert saved.data.notes == "mine"
    with pytest.raises(PermissionDenied):
        services.franchisees.update(am2, saved.id, saved.version, replace(saved.data, notes="not yours"))


def test_account_manager_loses_a_franchisee_that_is_reassigned(services, users):
    admin, am, am2 = users["admin"], users["am"], users["am2"]
    f = Attempt(services, users, 0)
    detail = services.franchisees.get(admin, f.fid)
    moved = services.franchisees.update(
        admin, f.fid, detail.version, replace(detail.data, account_manager_id=am2.user_id)
    )
    with pytest.raises(PermissionDenied):
        services.franchisees.update(am, f.fid, moved.version, replace(moved.data, notes="still mine?"))
    with pytest.raises(PermissionDenied):
        services.contacts.add(am, f.fid, ContactData(name="李雷"))
    assert services.contacts.add(am2, f.fid, ContactData(name="李雷")).data.name == "李雷"


def test_only_user_managers_see_the_accounts_but_everyone_sees_names(services, users):
    """Roles, e-mails and disabled accounts are the admins' business; who is who (for history and the
    account manager field) is everyone's."""
    everyone = sorted(u.username for u in services.users.list_users(users["admin"]))
    for who in ("cm", "am", "viewer"):
        with pytest.raises(PermissionDenied):
            services.users.list_users(users[who])
    names = services.users.names()
    assert [n.username for n in names] == everyone
    assert {n.username: n.display_name for n in names}["am"] == "AM"
    assert not hasattr(names[0], "email") and not hasattr(names[0], "role")


def test_rights_are_the_users_rights_now_not_at_sign_in(services, users):
    """An administrator demotes or disables a user who is still signed in: their next action is judged by
    their rights as they are now, not as they were at sign-in."""
    from hqdesk.services.base import AccountDisabled

    admin, am = users["admin"], users["am"]
    second_admin = services.users.create_user(admin, "boss2", "副总", Role.ADMIN, "password-1")
    boss2 = services.users.actor("boss2")  # signed in as an admin
    services.users.create_user(boss2, "temp1", "临时", Role.VIEWER, "password-1")  # allowed, for now

    services.users.update_user(
        admin, second_admin.id, second_admin.version, display_name="副总", role=Role.VIEWER, active=True
    )
    with pytest.raises(PermissionDenied) as err:
        services.users.create_user(boss2, "temp2", "临时", Role.ADMIN, "password-1")
    assert "viewer" in str(err.value.params)
    assert services.franchisees.search(boss2, SearchCriteria()).ids == ()  # a viewer may still look

    fid = Attempt(services, users, 1).fid
    am_row = next(u for u in services.users.list_users(admin) if u.username == "am")
    services.users.update_user(
        admin,
        am_row.id,
        am_row.version,
        display_name=am_row.display_name,
        role=Role.ACCOUNT_MANAGER,
        active=False,
    )
    detail = services.franchisees.get(admin, fid)
    with pytest.raises(AccountDisabled):
        services.franchisees.update(am, fid, detail.version, replace(detail.data, notes="after leaving"))
    with pytest.raises(AccountDisabled):
        services.franchisees.search(am, SearchCriteria())
    assert services.franchisees.get(admin, fid).data.notes == ""
    assert "temp2" not in [u.username for u in services.users.list_users(admin)]
