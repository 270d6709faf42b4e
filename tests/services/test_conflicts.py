"""Two users, two real sessions on one database: nothing is silently overwritten.

Each user has their own ``open_services`` (their own engine and connections), as two copies of the app
on two desks would. Alice (account manager, owns the franchisee) and Bob (administrator) load the same
record; whoever saves second gets a ConflictError that names the first and lists what they changed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from argon2 import PasswordHasher
from sqlalchemy.orm.attributes import set_committed_value

from hqdesk.domain.contact import Anniversary, ContactData, StoreData, StoreStatus
from hqdesk.domain.errors import ConflictError, PermissionDenied, ValidationError
from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus, StatusChange
from hqdesk.domain.roles import Role
from hqdesk.persistence.models import Contact, Franchisee, Store
from hqdesk.services.bootstrap import open_services
from hqdesk.services.contacts import ContactService, StoreService
from hqdesk.services.dto import SearchCriteria
from hqdesk.services.franchisees import FranchiseeService

TODAY = date(2026, 11, 23)
CREATED = date(2026, 1, 2)  # when the test profiles were entered: before their status changes


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    monkeypatch.setattr(
        "hqdesk.services.users._hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


class Office:
    """Alice's and Bob's copies of the app, and one franchisee with a contact and a store."""

    def __init__(self, url: str) -> None:
        self.one = open_services(url)  # Alice's desk
        admin = self.one.users.create_first_admin("admin", "管理员", "admin-pass-1")
        self.one.users.create_user(admin, "alice", "Alice", Role.ACCOUNT_MANAGER, "password-1")
        self.one.users.create_user(admin, "bob", "Bob", Role.ADMIN, "password-1")
        self.two = open_services(url)  # Bob's desk
        self.alice = self.one.users.sign_in("alice", "password-1")
        self.bob = self.two.users.sign_in("bob", "password-1")
        self.fid = self.one.franchisees.create(
            admin,
            FranchiseeData(
                code="HZ-1", legal_name="杭州味道餐饮", city="杭州", account_manager_id=self.alice.user_id
            ),
            today=CREATED,
        ).id
        self.contact_id = self.one.contacts.add(
            admin, self.fid, ContactData(name="王芳", mobile="13800138000")
        ).id
        self.store_id = self.one.stores.add(admin, self.fid, StoreData(name="西湖店", city="杭州")).id

    def close(self) -> None:
        self.one.close()
        self.two.close()


@pytest.fixture
def office(db_url):
    o = Office(db_url)
    yield o
    o.close()


def rewind_version(session, model, row_id: int, version: int) -> None:
    """Make the loaded row look as it did when the user opened it: the version check passes, but the
    database has moved on, so the UPDATE ... WHERE version = ? matches nothing (StaleDataError)."""
    for obj in list(session.identity_map.values()):
        if isinstance(obj, model) and obj.id == row_id:
            set_committed_value(obj, "version", version)


# ----- franchisee profile ----------------------------------------------------------------------------------


def test_second_save_is_refused_naming_the_first_user_and_what_they_changed(office):
    one, two = office.one, office.two
    alice_view = one.franchisees.get(office.alice, office.fid)
    bob_view = two.franchisees.get(office.bob, office.fid)

    alice_saved = one.franchisees.update(
        office.alice,
        office.fid,
        alice_view.version,
        replace(alice_view.data, city="宁波", address="中山路1号"),
    )
    bobs = replace(bob_view.data, notes="Bob's note", address="解放路2号")
    with pytest.raises(ConflictError) as err:
        two.franchisees.update(office.bob, office.fid, bob_view.version, bobs, base=bob_view.data)

    conflict = err.value
    assert conflict.params["user"] == "alice"
    assert str(conflict).startswith("alice changed this record at ")
    assert "Nothing was saved" in str(conflict)
    # field -> (Alice's value, Bob's value): what Alice changed that Bob's form does not agree with
    assert conflict.changes == {"city": ("宁波", "杭州"), "address": ("中山路1号", "解放路2号")}
    assert conflict.current.version == alice_saved.version
    assert conflict.current.data.city == "宁波"
    # nothing silently overwritten: Alice's values are kept and Bob's note was not saved
    for desk in (one, two):
        now = desk.franchisees.get(office.bob, office.fid)
        assert (now.data.city, now.data.address, now.data.notes) == ("宁波", "中山路1号", "")
        assert now.updated_by == "alice"


def test_without_a_base_every_differing_field_is_listed(office):
    one, two = office.one, office.two
    view = two.franchisees.get(office.bob, office.fid)
    one.franchisees.update(office.alice, office.fid, view.version, replace(view.data, city="宁波"))
    with pytest.raises(ConflictError) as err:
        two.franchisees.update(office.bob, office.fid, view.version, replace(view.data, notes="x"))
    assert err.value.changes == {"city": ("宁波", "杭州"), "notes": ("", "x")}


def test_admin_may_overwrite_and_the_version_moves_on(office):
    one, two = office.one, office.two
    view = two.franchisees.get(office.bob, office.fid)
    alice_saved = one.franchisees.update(
        office.alice, office.fid, view.version, replace(view.data, city="宁波")
    )
    bobs = replace(view.data, notes="Bob's note")
    with pytest.raises(ConflictError):
        two.franchisees.update(office.bob, office.fid, view.version, bobs, base=view.data)

    saved = two.franchisees.update(office.bob, office.fid, view.version, bobs, base=view.data, overwrite=True)

    assert saved.version == alice_saved.version + 1
    now = one.franchisees.get(office.alice, office.fid)
    assert (now.data.city, now.data.notes, now.updated_by) == ("杭州", "Bob's note", "bob")


def test_account_manager_may_not_overwrite(office):
    one, two = office.one, office.two
    view = one.franchisees.get(office.alice, office.fid)
    two.franchisees.update(office.bob, office.fid, view.version, replace(view.data, notes="Bob's note"))
    mine = replace(view.data, city="宁波")
    with pytest.raises(ConflictError) as err:
        one.franchisees.update(office.alice, office.fid, view.version, mine, base=view.data)
    assert err.value.params["user"] == "bob"
    with pytest.raises(PermissionDenied):
        one.franchisees.update(office.alice, office.fid, view.version, mine, base=view.data, overwrite=True)
    now = two.franchisees.get(office.bob, office.fid)
    assert (now.data.city, now.data.notes) == ("杭州", "Bob's note")


def test_status_change_and_archive_from_an_old_version_are_conflicts(office):
    one, two = office.one, office.two
    view = two.franchisees.get(office.bob, office.fid)
    one.franchisees.update(office.alice, office.fid, view.version, replace(view.data, city="宁波"))
    with pytest.raises(ConflictError) as err:
        two.franchisees.change_status(
            office.bob,
            office.fid,
            view.version,
            StatusChange(LifecycleStatus.ACTIVE, TODAY, "签约"),
            today=TODAY,
        )
    assert err.value.params["user"] == "alice"
    with pytest.raises(ConflictError):
        two.franchisees.set_archived(office.bob, office.fid, view.version, True)
    now = one.franchisees.get(office.alice, office.fid)
    assert (now.status, now.archived) == (LifecycleStatus.PROSPECT, False)


def test_race_between_version_check_and_save_is_a_conflict_too(office, monkeypatch):
    """Bob's transaction read the row just before Alice's save committed."""
    one, two = office.one, office.two
    view = two.franchisees.get(office.bob, office.fid)
    one.franchisees.update(office.alice, office.fid, view.version, replace(view.data, city="宁波"))

    real_load = FranchiseeService._load

    def stale_load(s, franchisee_id):
        row = real_load(s, franchisee_id)
        set_committed_value(row, "version", view.version)
        return row

    monkeypatch.setattr(FranchiseeService, "_load", staticmethod(stale_load))
    with pytest.raises(ConflictError) as err:
        two.franchisees.update(
            office.bob, office.fid, view.version, replace(view.data, notes="Bob"), base=view.data
        )
    monkeypatch.undo()
    assert err.value.params["user"] == "alice"
    assert err.value.changes == {"city": ("宁波", "杭州")}
    now = one.franchisees.get(office.alice, office.fid)
    assert (now.data.city, now.data.notes) == ("宁波", "")


def test_status_change_and_archive_racing_a_save_are_conflicts(office, monkeypatch):
    one, two = office.one, office.two
    view = two.franchisees.get(office.bob, office.fid)
    one.franchisees.update(office.alice, office.fid, view.version, replace(view.data, city="宁波"))
    real_load = FranchiseeService._load

    def stale_load(s, franchisee_id):
        row = real_load(s, franchisee_id)
        set_committed_value(row, "version", view.version)
        return row

    monkeypatch.setattr(FranchiseeService, "_load", staticmethod(stale_load))
    with pytest.raises(ConflictError) as status_err:
        two.franchisees.change_status(
            office.bob,
            office.fid,
            view.version,
            StatusChange(LifecycleStatus.ACTIVE, TODAY, "签约"),
            today=TODAY,
        )
    with pytest.raises(ConflictError) as archive_err:
        two.franchisees.set_archived(office.bob, office.fid, view.version, True)
    monkeypatch.undo()
    assert status_err.value.params["user"] == archive_err.value.params["user"] == "alice"
    now = one.franchisees.get(office.alice, office.fid)
    assert (now.status, now.archived, now.data.city) == (LifecycleStatus.PROSPECT, False, "宁波")
    assert len(one.franchisees.status_history(office.alice, office.fid)) == 1


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_real_concurrent_save_on_postgresql(office, monkeypatch):
    """PostgreSQL: Alice commits from her own connection after Bob's transaction loaded the row and
    before it writes (SQLite cannot interleave so: a writer holds the database lock from its first read)."""
    one, two = office.one, office.two
    view = two.franchisees.get(office.bob, office.fid)
    real_validate = FranchiseeService._validate
    fired = []

    def validate_then_alice_saves(self, s, data, exclude_id, manager_changed=True):
        real_validate(self, s, data, exclude_id, manager_changed)
        if not fired:
            fired.append(True)
            one.franchisees.update(office.alice, office.fid, view.version, replace(view.data, city="宁波"))

    monkeypatch.setattr(FranchiseeService, "_validate", validate_then_alice_saves)
    with pytest.raises(ConflictError) as err:
        two.franchisees.update(
            office.bob, office.fid, view.version, replace(view.data, notes="Bob"), base=view.data
        )
    assert fired
    assert err.value.params["user"] == "alice"
    assert err.value.changes == {"city": ("宁波", "杭州")}
    now = two.franchisees.get(office.bob, office.fid)
    assert (now.data.city, now.data.notes, now.version) == ("宁波", "", view.version + 1)


# ----- contacts --------------------------------------------------------------------------------------------


def contact(desk, actor, office):
    return next(c for c in desk.contacts.list(actor, office.fid) if c.id == office.contact_id)


def test_changing_only_a_contacts_anniversaries_is_a_change_of_the_contact(office):
    """Anniversaries live in their own table; editing only them still moves the contact's version, so a
    second desk saving from the old version is refused instead of silently dropping them."""
    one, two = office.one, office.two
    alice_view = one.contacts.add(office.alice, office.fid, ContactData(name="李雷"))  # hers: same updated_by
    bob_view = next(c for c in two.contacts.list(office.bob, office.fid) if c.id == alice_view.id)
    wedding = (Anniversary("结婚纪念日", date(2010, 5, 1), False),)
    saved = one.contacts.update(
        office.alice, alice_view.id, alice_view.version, replace(alice_view.data, anniversaries=wedding)
    )
    assert saved.version == alice_view.version + 1
    with pytest.raises(ConflictError) as err:
        two.contacts.update(
            office.bob,
            bob_view.id,
            bob_view.version,
            replace(bob_view.data, notes="爱喝茶"),
            base=bob_view.data,
        )
    assert err.value.params["user"] == "alice"
    now = next(c for c in two.contacts.list(office.bob, office.fid) if c.id == alice_view.id)
    assert now.data.anniversaries == wedding


def test_contact_conflict_names_the_first_user_and_admin_may_overwrite(office):
    one, two = office.one, office.two
    alice_view, bob_view = contact(one, office.alice, office), contact(two, office.bob, office)
    alice_saved = one.contacts.update(
        office.alice, office.contact_id, alice_view.version, replace(alice_view.data, mobile="13900139000")
    )
    bobs = replace(bob_view.data, email="wang@example.cn")
    with pytest.raises(ConflictError) as err:
        two.contacts.update(office.bob, office.contact_id, bob_view.version, bobs, base=bob_view.data)
    assert err.value.params["user"] == "alice"
    assert err.value.changes == {"mobile": ("13900139000", "13800138000")}
    now = contact(two, office.bob, office)
    assert (now.data.mobile, now.data.email) == ("13900139000", "")

    saved = two.contacts.update(office.bob, office.contact_id, bob_view.version, bobs, overwrite=True)
    assert saved.version == alice_saved.version + 1
    now = contact(one, office.alice, office)
    assert (now.data.mobile, now.data.email) == ("13800138000", "wang@example.cn")


def test_account_manager_may_not_overwrite_a_contact(office):
    one, two = office.one, office.two
    view = contact(one, office.alice, office)
    two.contacts.update(office.bob, office.contact_id, view.version, replace(view.data, notes="Bob"))
    mine = replace(view.data, mobile="13900139000")
    with pytest.raises(ConflictError) as err:
        one.contacts.update(office.alice, office.contact_id, view.version, mine)
    assert err.value.params["user"] == "bob"
    with pytest.raises(PermissionDenied):
        one.contacts.update(office.alice, office.contact_id, view.version, mine, overwrite=True)
    assert contact(two, office.bob, office).data.mobile == "13800138000"


def test_contact_race_between_version_check_and_save(office, monkeypatch):
    one, two = office.one, office.two
    view = contact(two, office.bob, office)
    one.contacts.update(
        office.alice, office.contact_id, view.version, replace(view.data, mobile="13900139000")
    )
    real = ContactService._franchisee

    def franchisee_then_rewind(self, s, actor, franchisee_id):
        rewind_version(s, Contact, office.contact_id, view.version)
        return real(self, s, actor, franchisee_id)

    monkeypatch.setattr(ContactService, "_franchisee", franchisee_then_rewind)
    with pytest.raises(ConflictError) as err:
        two.contacts.update(
            office.bob, office.contact_id, view.version, replace(view.data, notes="Bob"), base=view.data
        )
    monkeypatch.undo()
    assert err.value.params["user"] == "alice"
    assert err.value.changes == {"mobile": ("13900139000", "13800138000")}
    now = contact(one, office.alice, office)
    assert (now.data.mobile, now.data.notes) == ("13900139000", "")


# ----- stores ----------------------------------------------------------------------------------------------


def store(desk, actor, office):
    return next(s for s in desk.stores.list(actor, office.fid) if s.id == office.store_id)


def test_store_conflict_names_the_first_user_and_admin_may_overwrite(office):
    one, two = office.one, office.two
    alice_view, bob_view = store(one, office.alice, office), store(two, office.bob, office)
    alice_saved = one.stores.update(
        office.alice,
        office.store_id,
        alice_view.version,
        replace(alice_view.data, status=StoreStatus.RENOVATING),
        today=TODAY,
    )
    bobs = replace(bob_view.data, address="南山路1号")
    with pytest.raises(ConflictError) as err:
        two.stores.update(
            office.bob, office.store_id, bob_view.version, bobs, base=bob_view.data, today=TODAY
        )
    assert err.value.params["user"] == "alice"
    assert err.value.changes == {"status": (StoreStatus.RENOVATING, StoreStatus.OPEN)}
    assert store(two, office.bob, office).data.status == StoreStatus.RENOVATING

    saved = two.stores.update(
        office.bob, office.store_id, bob_view.version, bobs, overwrite=True, today=TODAY
    )
    assert saved.version == alice_saved.version + 1
    now = store(one, office.alice, office)
    assert (now.data.status, now.data.address) == (StoreStatus.OPEN, "南山路1号")


def test_account_manager_may_not_overwrite_a_store(office):
    one, two = office.one, office.two
    view = store(one, office.alice, office)
    two.stores.update(
        office.bob, office.store_id, view.version, replace(view.data, name="西湖旗舰店"), today=TODAY
    )
    with pytest.raises(ConflictError):
        one.stores.update(
            office.alice, office.store_id, view.version, replace(view.data, city="宁波"), today=TODAY
        )
    with pytest.raises(PermissionDenied):
        one.stores.update(
            office.alice,
            office.store_id,
            view.version,
            replace(view.data, city="宁波"),
            overwrite=True,
            today=TODAY,
        )
    assert (store(two, office.bob, office).data.name, store(two, office.bob, office).data.city) == (
        "西湖旗舰店",
        "杭州",
    )


def test_store_race_between_version_check_and_save(office, monkeypatch):
    one, two = office.one, office.two
    view = store(two, office.bob, office)
    one.stores.update(
        office.alice, office.store_id, view.version, replace(view.data, name="西湖旗舰店"), today=TODAY
    )
    real = StoreService._franchisee

    def franchisee_then_rewind(self, s, actor, franchisee_id):
        rewind_version(s, Store, office.store_id, view.version)
        return real(self, s, actor, franchisee_id)

    monkeypatch.setattr(StoreService, "_franchisee", franchisee_then_rewind)
    with pytest.raises(ConflictError) as err:
        two.stores.update(
            office.bob,
            office.store_id,
            view.version,
            replace(view.data, city="宁波"),
            base=view.data,
            today=TODAY,
        )
    monkeypatch.undo()
    assert err.value.params["user"] == "alice"
    assert err.value.changes == {"name": ("西湖旗舰店", "西湖店")}
    assert (store(one, office.alice, office).data.name, store(one, office.alice, office).data.city) == (
        "西湖旗舰店",
        "杭州",
    )


def test_deleting_a_contact_or_store_another_user_just_changed_is_a_conflict(office):
    one, two = office.one, office.two
    c, st = contact(two, office.bob, office), store(two, office.bob, office)
    one.contacts.update(office.alice, c.id, c.version, replace(c.data, notes="called today"))
    one.stores.update(office.alice, st.id, st.version, replace(st.data, name="西湖旗舰店"), today=TODAY)
    with pytest.raises(ConflictError) as err:
        two.contacts.delete(office.bob, c.id, c.version)
    assert err.value.params["user"] == "alice"
    with pytest.raises(ConflictError):
        two.stores.delete(office.bob, st.id, st.version)
    assert [x.id for x in one.contacts.list(office.alice, office.fid)] == [c.id]
    assert [x.id for x in one.stores.list(office.alice, office.fid)] == [st.id]


def test_franchisee_model_is_the_one_with_the_version_column():
    # the race tests above rewind ``version``; make sure that is the optimistic-locking column
    for model in (Franchisee, Contact, Store):
        assert model.__mapper__.version_id_col.name == "version"


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_two_users_taking_the_same_code_at_once_get_a_field_error_on_postgresql(office, monkeypatch):
    """Both pass the duplicate check before either has saved; the database's unique index decides, and
    the loser sees the same "already taken" message as always, not a database error."""
    one, two = office.one, office.two
    real_validate = FranchiseeService._validate
    alice_creates = []  # what Alice saves right after Bob's duplicate check passed

    def validate_then_alice_creates(self, s, data, exclude_id, manager_changed=True):
        real_validate(self, s, data, exclude_id, manager_changed)
        if alice_creates:
            one.franchisees.create(office.alice, alice_creates.pop())

    monkeypatch.setattr(FranchiseeService, "_validate", validate_then_alice_creates)
    alice_creates.append(FranchiseeData(code="HZ-2", legal_name="Alice's", city="杭州"))
    with pytest.raises(ValidationError) as err:
        two.franchisees.create(office.bob, FranchiseeData(code="HZ-2", legal_name="Bob's", city="宁波"))
    assert not alice_creates
    assert [e.field for e in err.value.errors] == ["code"]

    view = two.franchisees.get(office.bob, office.fid)
    alice_creates.append(
        FranchiseeData(code="HZ-3", legal_name="Alice's", city="杭州", uscc="91330100716105852F")
    )
    with pytest.raises(
        ValidationError
    ) as err:  # an edit taking a unified social credit code someone just saved
        two.franchisees.update(
            office.bob, office.fid, view.version, replace(view.data, uscc="91330100716105852F")
        )
    monkeypatch.undo()
    assert not alice_creates
    assert [(e.field, e.english()) for e in err.value.errors] == [
        ("uscc", "Franchisee HZ-3 already has this unified social credit code.")
    ]
    assert two.franchisees.get(office.bob, office.fid).data.uscc == ""
    assert [
        r.legal_name
        for r in two.franchisees.rows(
            office.bob, two.franchisees.search(office.bob, SearchCriteria(text="hz-2")).ids
        )
    ] == ["Alice's"]


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_two_desks_making_different_contacts_primary_at_once_leave_one_primary(office, monkeypatch):
    """PostgreSQL lets two writers run side by side: Alice's desk has demoted the old primary contact but not
    committed when Bob's desk makes a third contact primary. Bob's write waits for hers (the franchisee row
    is locked first), then sees her primary and demotes it: one primary, no error, no lost write."""
    import threading

    one, two = office.one, office.two
    second = one.contacts.add(office.bob, office.fid, ContactData(name="李雷")).id
    third = one.contacts.add(office.bob, office.fid, ContactData(name="韩梅梅")).id
    real_clear = ContactService._clear_primary
    alice_inside, let_alice_finish = threading.Event(), threading.Event()

    def clear_then_wait(s, franchisee_id, keep_id):
        real_clear(s, franchisee_id, keep_id)
        if threading.current_thread().name == "alice":
            alice_inside.set()
            let_alice_finish.wait(10)

    monkeypatch.setattr(ContactService, "_clear_primary", staticmethod(clear_then_wait))
    errors = []

    def run(desk, actor, contact_id):
        try:
            desk.contacts.make_primary(actor, contact_id)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    alice = threading.Thread(target=run, args=(one, office.alice, second), name="alice")
    alice.start()
    assert alice_inside.wait(10)
    bob = threading.Thread(target=run, args=(two, office.bob, third), name="bob")
    bob.start()
    bob.join(0.5)
    assert bob.is_alive()  # waiting for Alice's transaction
    let_alice_finish.set()
    alice.join(10)
    bob.join(10)
    assert errors == []
    primaries = [c.id for c in two.contacts.list(office.bob, office.fid) if c.data.is_primary]
    assert primaries == [third]
