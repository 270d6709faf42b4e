"""``pg_rights.plan()`` without a database: what one TableRule line gives each group, for the tables later
issues add (keyed by franchisee_id), including one that only credit managers and administrators write."""

from __future__ import annotations

import pytest

from hqdesk.domain import roles
from hqdesk.domain.roles import Action, Role
from hqdesk.persistence import pg_rights
from hqdesk.persistence.pg_rights import TableRule, plan

COLUMNS = ["id", "franchisee_id", "limit_amount", "version", "updated_by"]
# a stand-in for a future credit action: an action no account manager or viewer has (the test gives it to
# credit managers as the credit issue's own action would be)
EDIT_CREDIT = Action.OVERWRITE_CONFLICT


@pytest.fixture
def credit_action(monkeypatch):
    any_ = dict(roles._ANY)
    any_[Role.CREDIT_MANAGER] = any_[Role.CREDIT_MANAGER] | {EDIT_CREDIT}
    monkeypatch.setattr(roles, "_ANY", any_)
    assert roles._OWN.get(Role.ACCOUNT_MANAGER, frozenset()).isdisjoint({EDIT_CREDIT})
    return EDIT_CREDIT


def test_a_table_only_credit_managers_and_administrators_write(credit_action):
    rule = TableRule("credit_profiles", credit_action, credit_action, None, franchisee="franchisee_id")
    writable = "(s.hqdesk_franchisee_writable(franchisee_id))"
    for role in (Role.ADMIN, Role.CREDIT_MANAGER):
        p = plan(rule, role, COLUMNS, "s")
        group = pg_rights.GROUP_ROLES[role]
        assert p.write == {"INSERT": None, "UPDATE": None}, role
        assert p.policies == [
            f"CREATE POLICY hqdesk_{role.value}_insert ON s.credit_profiles FOR INSERT TO {group} "
            f"WITH CHECK ({writable})",
            f"CREATE POLICY hqdesk_{role.value}_update ON s.credit_profiles FOR UPDATE TO {group} "
            f"USING ({writable}) WITH CHECK ({writable})",
        ]
    for role in (Role.ACCOUNT_MANAGER, Role.VIEWER):
        p = plan(rule, role, COLUMNS, "s")
        assert p.write == {} and p.policies == [] and p.select_columns is None, role


def test_a_table_account_managers_write_for_their_own_franchisees():
    rule = TableRule(
        "visits",
        Action.EDIT_FRANCHISEE,
        Action.EDIT_FRANCHISEE,
        Action.EDIT_FRANCHISEE,
        franchisee="franchisee_id",
    )
    p = plan(rule, Role.ACCOUNT_MANAGER, COLUMNS, "s")
    both = "(s.hqdesk_owns_franchisee(franchisee_id)) AND (s.hqdesk_franchisee_writable(franchisee_id))"
    assert set(p.write) == {"INSERT", "UPDATE", "DELETE"}
    assert p.policies == [
        f"CREATE POLICY hqdesk_account_manager_insert ON s.visits FOR INSERT TO hqdesk_account_manager WITH CHECK ({both})",
        f"CREATE POLICY hqdesk_account_manager_update ON s.visits FOR UPDATE TO hqdesk_account_manager "
        f"USING ({both}) WITH CHECK ({both})",
        f"CREATE POLICY hqdesk_account_manager_delete ON s.visits FOR DELETE TO hqdesk_account_manager USING ({both})",
    ]
    assert plan(rule, Role.CREDIT_MANAGER, COLUMNS, "s").write == {}


def test_every_franchisee_table_of_the_rules_is_read_only_while_archived():
    """Each rule whose rows belong to a franchisee names it, so none can forget the archived check."""
    for table in ("franchisees", "contacts", "contact_anniversaries", "stores", "franchisee_status_changes"):
        rule = pg_rights.RULES_BY_TABLE[table]
        assert rule.franchisee is not None, table
        for role in Role:
            for policy in plan(rule, role, COLUMNS + ["archived", "account_manager_id"], "s").policies:
                assert "hqdesk_franchisee_writable(" in policy, policy


def test_an_own_rows_rule_without_a_franchisee_or_owner_is_refused():
    rule = TableRule("notes", Action.EDIT_FRANCHISEE, None, None)
    with pytest.raises(ValueError):
        plan(rule, Role.ACCOUNT_MANAGER, COLUMNS, "s")
