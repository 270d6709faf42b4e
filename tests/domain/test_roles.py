"""The permission matrix as the UI asks it (services enforce the same answers)."""

from __future__ import annotations

import pytest

from hqdesk.domain.roles import SYSTEM_ACTOR, Action, Actor, Role

ME = 7
SOMEONE_ELSE = 8

# For each role: the actions allowed on any franchisee, and the extra ones on its own franchisees.
EXPECTED_ANY = {
    Role.ADMIN: set(Action),
    Role.CREDIT_MANAGER: {
        Action.VIEW_FRANCHISEES,
        Action.VIEW_HISTORY,
        Action.EDIT_CREDIT_PROFILE,
        Action.PROPOSE_CREDIT_CHANGE,
        Action.DECIDE_CREDIT_PROPOSAL,
        Action.CONFIGURE_CREDIT_POLICY,
        Action.RECORD_LEDGER,
        Action.WRITE_OFF,
        Action.OVERRIDE_CREDIT_BLOCK,
        Action.RUN_DUNNING,
        Action.WORK_DUNNING,
    },
    Role.ACCOUNT_MANAGER: {Action.VIEW_FRANCHISEES, Action.VIEW_HISTORY, Action.CREATE_FRANCHISEE},
    Role.VIEWER: {Action.VIEW_FRANCHISEES, Action.VIEW_HISTORY},
}
EXPECTED_OWN_EXTRA = {
    Role.ACCOUNT_MANAGER: {
        Action.EDIT_FRANCHISEE,
        Action.CHANGE_STATUS,
        Action.PROPOSE_CREDIT_CHANGE,
        Action.WORK_DUNNING,
        Action.LOG_VISIT,
        Action.PLAN_VISITS,
    },
}
# letters: credit managers write them to anyone, account managers to their own franchisees
EXPECTED_ANY[Role.CREDIT_MANAGER] = EXPECTED_ANY[Role.CREDIT_MANAGER] | {Action.GENERATE_LETTERS}
EXPECTED_OWN_EXTRA[Role.ACCOUNT_MANAGER] = EXPECTED_OWN_EXTRA[Role.ACCOUNT_MANAGER] | {
    Action.GENERATE_LETTERS
}
# complaints: anyone but a viewer logs one; "own" for handling is the complaints assigned to the user
for _role in (Role.CREDIT_MANAGER, Role.ACCOUNT_MANAGER):
    EXPECTED_ANY[_role] = EXPECTED_ANY[_role] | {Action.LOG_COMPLAINT}
    EXPECTED_OWN_EXTRA[_role] = EXPECTED_OWN_EXTRA.get(_role, set()) | {Action.HANDLE_COMPLAINT}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_matrix(role, action):
    actor = Actor(ME, "u", "U", role)
    on_any = action in EXPECTED_ANY[role]
    on_own = on_any or action in EXPECTED_OWN_EXTRA.get(role, set())
    assert actor.can(action) is on_any
    assert actor.can(action, owner_id=SOMEONE_ELSE) is on_any
    assert actor.can(action, owner_id=ME) is on_own


def test_account_manager_may_not_overwrite_or_reassign_even_on_own_franchisee():
    am = Actor(ME, "am", "AM", Role.ACCOUNT_MANAGER)
    assert not am.can(Action.OVERWRITE_CONFLICT, owner_id=ME)
    assert not am.can(Action.ASSIGN_ACCOUNT_MANAGER, owner_id=ME)
    assert not am.can(Action.ARCHIVE_FRANCHISEE, owner_id=ME)


def test_unassigned_franchisee_belongs_to_nobody():
    am = Actor(ME, "am", "AM", Role.ACCOUNT_MANAGER)
    assert not am.can(Action.EDIT_FRANCHISEE, owner_id=None)


def test_system_actor_is_an_admin():
    assert all(SYSTEM_ACTOR.can(a) for a in Action)
