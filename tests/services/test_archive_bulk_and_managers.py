"""Archived franchisees are read-only, archiving open business asks first, a deactivated account manager's
franchisees stay editable and can be handed over, and the list's bulk actions are all or nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from hqdesk.domain.contact import ContactData, StoreData
from hqdesk.domain.errors import ArchivedReadOnly, OpenBusiness, PermissionDenied, ValidationError
from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus, StatusChange
from hqdesk.domain.roles import Role

TODAY = date(2026, 11, 23)
CREATED = date(2026, 1, 2)


def make(services, admin, code, manager=None, status=LifecycleStatus.PROSPECT, **kw):
    data = FranchiseeData(code=code, legal_name=f"{code} 餐饮", city="杭州", account_manager_id=manager, **kw)
    return services.franchisees.create(admin, data, status=status, today=CREATED)


# ----- archive ---------------------------------------------------------------------------------------------


def test_archiving_an_active_franchisee_asks_first(services, admin):
    f = make(services, admin, "HZ-1", status=LifecycleStatus.ACTIVE, contract_end=date(2027, 12, 31))
    with pytest.raises(OpenBusiness) as err:
        services.franchisees.set_archived(admin, f.id, f.version, True, today=TODAY)
    assert len(err.value.reasons) == 2 and "Active" in err.value.reasons[0]
    assert services.franchisees.get(admin, f.id).archived is False  # nothing changed yet
    done = services.franchisees.set_archived(admin, f.id, f.version, True, confirm_open_business=True)
    assert done.archived is True


def test_archiving_a_terminated_franchisee_needs_no_question(services, admin):
    f = make(services, admin, "HZ-1", status=LifecycleStatus.TERMINATED)
    assert services.franchisees.set_archived(admin, f.id, f.version, True, today=TODAY).archived


def test_an_archived_franchisee_is_read_only_until_restored(services, admin):
    f = make(services, admin, "HZ-1")
    contact = services.contacts.add(admin, f.id, ContactData(name="王芳"), today=TODAY)
    store = services.stores.add(admin, f.id, StoreData(name="西湖店"), today=TODAY)
    f = services.franchisees.set_archived(admin, f.id, f.version, True)
    attempts = {
        "profile": lambda: services.franchisees.update(admin, f.id, f.version, replace(f.data, notes="x")),
        "status": lambda: services.franchisees.change_status(
            admin, f.id, f.version, StatusChange(LifecycleStatus.ACTIVE, TODAY, "签约"), today=TODAY
        ),
        "add contact": lambda: services.contacts.add(admin, f.id, ContactData(name="李雷"), today=TODAY),
        "edit contact": lambda: services.contacts.update(
            admin, contact.id, contact.version, replace(contact.data, notes="x"), today=TODAY
        ),
        "delete contact": lambda: services.contacts.delete(admin, contact.id, contact.version),
        "add store": lambda: services.stores.add(admin, f.id, StoreData(name="新店"), today=TODAY),
        "edit store": lambda: services.stores.update(
            admin, store.id, store.version, replace(store.data, city="宁波"), today=TODAY
        ),
        "delete store": lambda: services.stores.delete(admin, store.id, store.version),
        "bulk tag": lambda: services.franchisees.bulk_tag(admin, [f.id], add=("VIP",)),
    }
    refused = []
    for name, attempt in attempts.items():
        with pytest.raises(ArchivedReadOnly):
            attempt()
        refused.append(name)
    assert refused == list(attempts)
    restored = services.franchisees.set_archived(admin, f.id, f.version, False)
    saved = services.franchisees.update(admin, f.id, restored.version, replace(restored.data, notes="回访"))
    assert saved.data.notes == "回访"


# ----- a deactivated account manager -------------------------------------------------------------------------


def _deactivate(services, admin, username, **kw):
    user = next(u for u in services.users.list_users(admin) if u.username == username)
    return services.users.update_user(
        admin, user.id, user.version, display_name=user.display_name, role=user.role, active=False, **kw
    )


def test_a_deactivated_managers_franchisee_stays_editable(services, admin, users):
    f = make(services, admin, "HZ-1", manager=users["am"].user_id)
    _deactivate(services, admin, "am")
    shown = services.franchisees.get(admin, f.id)
    assert shown.account_manager_active is False and shown.account_manager_name == "AM"
    saved = services.franchisees.update(admin, f.id, shown.version, replace(shown.data, notes="只改备注"))
    assert saved.data.notes == "只改备注" and saved.data.account_manager_id == users["am"].user_id
    # choosing the inactive manager anew is still refused
    other = make(services, admin, "HZ-2")
    with pytest.raises(ValidationError) as err:
        services.franchisees.update(
            admin, other.id, other.version, replace(other.data, account_manager_id=users["am"].user_id)
        )
    assert [e.field for e in err.value.errors] == ["account_manager_id"]


def test_deactivating_hands_the_franchisees_over(services, admin, users):
    ids = [make(services, admin, f"HZ-{i}", manager=users["am"].user_id).id for i in range(3)]
    keep = make(services, admin, "NB-1", manager=users["am2"].user_id).id
    user = next(u for u in services.users.list_users(admin) if u.username == "am")
    assert services.users.managed_count(admin, user.id) == 3
    _deactivate(services, admin, "am", hand_over_to=users["am2"].user_id)
    managers = {i: services.franchisees.get(admin, i).data.account_manager_id for i in [*ids, keep]}
    assert set(managers.values()) == {users["am2"].user_id}
    assert services.users.managed_count(admin, user.id) == 0


def test_a_hand_over_to_an_inactive_user_refuses_the_deactivation_too(services, admin, users):
    make(services, admin, "HZ-1", manager=users["am"].user_id)
    _deactivate(services, admin, "am2")
    with pytest.raises(ValidationError):
        _deactivate(services, admin, "am", hand_over_to=users["am2"].user_id)
    am = next(u for u in services.users.list_users(admin) if u.username == "am")
    assert am.active is True  # one transaction: nothing changed


# ----- bulk actions -------------------------------------------------------------------------------------------


def test_bulk_reassign_is_all_or_nothing_and_audited(services, admin, users):
    a = make(services, admin, "HZ-1", manager=users["am"].user_id)
    b = make(services, admin, "HZ-2")
    assert services.franchisees.bulk_reassign(admin, [a.id, b.id], users["am2"].user_id) == 2
    assert services.franchisees.get(admin, a.id).data.account_manager_id == users["am2"].user_id
    assert services.franchisees.get(admin, a.id).version > a.version  # open editors see a conflict
    history = services.franchisees.history(admin, b.id)
    assert any(
        c.field == "account_manager_id" and c.new == users["am2"].user_id for e in history for c in e.changes
    )
    c = make(services, admin, "HZ-3")
    services.franchisees.set_archived(admin, c.id, c.version, True)
    with pytest.raises(ArchivedReadOnly):
        services.franchisees.bulk_reassign(admin, [a.id, c.id], users["am"].user_id)
    assert services.franchisees.get(admin, a.id).data.account_manager_id == users["am2"].user_id
    with pytest.raises(PermissionDenied):
        services.franchisees.bulk_reassign(users["am"], [a.id], users["am"].user_id)
    with pytest.raises(ValidationError):
        services.franchisees.bulk_reassign(admin, [a.id], users["viewer"].user_id)


def test_bulk_tag_adds_and_removes(services, admin):
    a = make(services, admin, "HZ-1", tags=("新店", "重点"))
    b = make(services, admin, "HZ-2")
    assert services.franchisees.bulk_tag(admin, [a.id, b.id], add=("VIP",), remove=("新店",)) == 2
    assert services.franchisees.get(admin, a.id).data.tags == ("重点", "VIP")
    assert services.franchisees.get(admin, b.id).data.tags == ("VIP",)
    with pytest.raises(ValidationError):
        services.franchisees.bulk_tag(admin, [a.id, b.id], add=("x" * 31,))
    assert services.franchisees.get(admin, b.id).data.tags == ("VIP",)


def test_bulk_status_change_refuses_all_when_one_cannot_change(services, admin):
    a = make(services, admin, "HZ-1", status=LifecycleStatus.ACTIVE)
    b = make(services, admin, "HZ-2", status=LifecycleStatus.PROSPECT)  # prospect -> suspended: not allowed
    with pytest.raises(ValidationError) as err:
        services.franchisees.bulk_change_status(
            admin, [a.id, b.id], LifecycleStatus.SUSPENDED, TODAY, "欠款", today=TODAY
        )
    assert err.value.errors[0].params == {"code": "HZ-2"}
    assert services.franchisees.get(admin, a.id).status == LifecycleStatus.ACTIVE
    c = make(services, admin, "HZ-3", status=LifecycleStatus.ACTIVE)
    assert (
        services.franchisees.bulk_change_status(
            admin, [a.id, c.id], LifecycleStatus.SUSPENDED, TODAY, "欠款", today=TODAY
        )
        == 2
    )
    assert {services.franchisees.get(admin, i).status for i in (a.id, c.id)} == {LifecycleStatus.SUSPENDED}
    assert len(services.franchisees.status_history(admin, c.id)) == 2


# ----- status dates -------------------------------------------------------------------------------------------


def test_a_status_change_cannot_be_dated_before_the_current_status_began(services, admin):
    f = make(services, admin, "HZ-1")  # prospect since CREATED
    f = services.franchisees.change_status(
        admin, f.id, f.version, StatusChange(LifecycleStatus.ACTIVE, date(2026, 6, 1), "签约"), today=TODAY
    )
    with pytest.raises(ValidationError) as err:
        services.franchisees.change_status(
            admin,
            f.id,
            f.version,
            StatusChange(LifecycleStatus.SUSPENDED, date(2026, 5, 31), "欠款"),
            today=TODAY,
        )
    assert [(e.field, e.params) for e in err.value.errors] == [("changed_on", {"since": "2026-06-01"})]
    assert services.franchisees.get(admin, f.id).status == LifecycleStatus.ACTIVE


def test_far_dates_are_refused_with_the_range(services, admin):
    with pytest.raises(ValidationError) as err:
        make(services, admin, "HZ-1", contract_start=date(1899, 1, 1), contract_end=date(2999, 1, 1))
    assert {e.field: e.english() for e in err.value.errors} == {
        "contract_start": "Enter a date between 1900-01-01 and 2100-12-31.",
        "contract_end": "Enter a date between 1900-01-01 and 2100-12-31.",
    }
    with pytest.raises(ValidationError):
        services.stores.add(
            admin, make(services, admin, "HZ-2").id, StoreData(name="店", opened_on=date(1899, 1, 1))
        )


def test_a_manager_demoted_to_viewer_is_no_choice(services, admin, users):
    f = make(services, admin, "HZ-1")
    am = next(u for u in services.users.list_users(admin) if u.username == "am")
    services.users.update_user(admin, am.id, am.version, display_name="AM", role=Role.VIEWER, active=True)
    with pytest.raises(ValidationError):
        services.franchisees.update(admin, f.id, f.version, replace(f.data, account_manager_id=am.id))
