"""Contacts and stores of a franchisee: the primary contact rule, anniversaries, search text, stores CRUD."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hqdesk.domain.contact import Anniversary, ContactData, ContactRole, Gender, StoreData, StoreStatus
from hqdesk.domain.errors import ConflictError, NotFound, ValidationError
from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.services.dto import SearchCriteria

TODAY = date(2026, 11, 23)


@pytest.fixture
def fid(services, admin) -> int:
    return services.franchisees.create(
        admin, FranchiseeData(code="HZ-1", legal_name="杭州味道", city="杭州")
    ).id


def primaries(services, admin, fid) -> list[str]:
    return [c.data.name for c in services.contacts.list(admin, fid) if c.data.is_primary]


def by_name(services, admin, fid) -> dict:
    return {c.data.name: c for c in services.contacts.list(admin, fid)}


# ----- the primary contact -------------------------------------------------------------------------------


def test_first_contact_becomes_primary_the_next_does_not(services, admin, fid):
    first = services.contacts.add(admin, fid, ContactData(name="王芳"))
    second = services.contacts.add(admin, fid, ContactData(name="李雷"))
    assert first.data.is_primary and not second.data.is_primary
    assert primaries(services, admin, fid) == ["王芳"]
    assert [c.data.name for c in services.contacts.list(admin, fid)] == ["王芳", "李雷"]  # primary first


def test_adding_a_new_primary_demotes_the_old_one(services, admin, fid):
    services.contacts.add(admin, fid, ContactData(name="王芳"))
    services.contacts.add(admin, fid, ContactData(name="李雷", is_primary=True))
    assert primaries(services, admin, fid) == ["李雷"]
    row = services.franchisees.rows(admin, [fid])[0]
    assert row.primary_contact == "李雷"


def test_making_another_contact_primary_demotes_the_old_one(services, admin, fid):
    services.contacts.add(admin, fid, ContactData(name="王芳"))
    li = services.contacts.add(admin, fid, ContactData(name="李雷", mobile="13912345678"))
    promoted = services.contacts.update(
        admin, li.id, li.version, ContactData(name="李雷", mobile="13912345678", is_primary=True)
    )
    assert promoted.data.is_primary
    assert primaries(services, admin, fid) == ["李雷"]
    assert services.franchisees.rows(admin, [fid])[0].primary_phone == "13912345678"

    wang = by_name(services, admin, fid)["王芳"]
    services.contacts.make_primary(admin, wang.id)
    assert primaries(services, admin, fid) == ["王芳"]


def test_unticking_primary_on_the_only_primary_keeps_it_primary(services, admin, fid):
    wang = services.contacts.add(admin, fid, ContactData(name="王芳"))
    saved = services.contacts.update(admin, wang.id, wang.version, ContactData(name="王芳", is_primary=False))
    assert saved.data.is_primary
    assert primaries(services, admin, fid) == ["王芳"]


def test_deleting_the_primary_promotes_the_oldest_remaining_contact(services, admin, fid):
    wang = services.contacts.add(admin, fid, ContactData(name="王芳"))
    services.contacts.add(admin, fid, ContactData(name="李雷"))
    services.contacts.add(admin, fid, ContactData(name="韩梅梅"))
    services.contacts.delete(admin, wang.id, wang.version)
    assert primaries(services, admin, fid) == ["李雷"]
    assert set(by_name(services, admin, fid)) == {"李雷", "韩梅梅"}

    li = by_name(services, admin, fid)["李雷"]
    services.contacts.delete(admin, li.id, li.version)
    assert primaries(services, admin, fid) == ["韩梅梅"]
    mei = by_name(services, admin, fid)["韩梅梅"]
    services.contacts.delete(admin, mei.id, mei.version)
    assert services.contacts.list(admin, fid) == []
    assert services.franchisees.rows(admin, [fid])[0].primary_contact == ""


# ----- contact data ----------------------------------------------------------------------------------------


def test_contact_with_anniversaries_round_trips(services, admin, fid):
    data = ContactData(
        name="王芳",
        gender=Gender.FEMALE,
        honorific="女士",
        role=ContactRole.FINANCE,
        mobile="138 0013 8000",
        phone="0571-88886666",
        email="Wang.Fang@Example.cn",
        wechat_id="wf_1980",
        birthday=date(1988, 9, 25),
        birthday_lunar=True,
        anniversaries=(
            Anniversary("结婚纪念日", date(2012, 5, 20)),
            Anniversary("公司成立", date(2015, 3, 8), lunar=True),
        ),
        hobbies="茶",
        preferences="不喝酒",
        notes="周末不打电话",
    )
    added = services.contacts.add(admin, fid, data, today=TODAY)
    (listed,) = services.contacts.list(admin, fid)
    assert listed == added
    assert listed.data.mobile == "13800138000"
    assert listed.data.email == "wang.fang@example.cn"
    assert listed.data.birthday == date(1988, 9, 25) and listed.data.birthday_lunar
    assert listed.data.anniversaries == data.anniversaries
    assert (listed.data.gender, listed.data.role, listed.data.honorific) == (
        Gender.FEMALE,
        ContactRole.FINANCE,
        "女士",
    )

    fewer = ContactData(
        **{**listed.data.__dict__, "anniversaries": (Anniversary("结婚纪念日", date(2012, 5, 20)),)}
    )
    services.contacts.update(admin, listed.id, listed.version, fewer, today=TODAY)
    (listed,) = services.contacts.list(admin, fid)
    assert listed.data.anniversaries == (Anniversary("结婚纪念日", date(2012, 5, 20)),)


def test_invalid_contact_is_refused_and_nothing_saved(services, admin, fid):
    with pytest.raises(ValidationError) as err:
        services.contacts.add(
            admin, fid, ContactData(name="王芳", mobile="12345", birthday=date(2030, 1, 1)), today=TODAY
        )
    assert {e.field for e in err.value.errors} == {"mobile", "birthday"}
    assert services.contacts.list(admin, fid) == []


def test_contact_of_an_unknown_franchisee_or_an_unknown_contact(services, admin):
    with pytest.raises(NotFound):
        services.contacts.add(admin, 424242, ContactData(name="王芳"))
    with pytest.raises(NotFound):
        services.contacts.update(admin, 424242, 1, ContactData(name="王芳"))
    with pytest.raises(NotFound):
        services.contacts.delete(admin, 424242, 1)


def test_adding_a_contact_does_not_bump_the_franchisee_but_makes_it_findable(services, admin, fid):
    before = services.franchisees.get(admin, fid)
    services.contacts.add(admin, fid, ContactData(name="Chen Jing", mobile="13912345678"))

    after = services.franchisees.get(admin, fid)
    assert after.version == before.version
    assert after.updated_at == before.updated_at  # the profile itself was not changed
    found = services.franchisees.search(admin, SearchCriteria(text="chen")).ids
    assert found == (fid,)
    assert services.franchisees.search(admin, SearchCriteria(text="13912345678")).ids == (fid,)
    # a colleague adding a contact is no conflict with an open edit of the profile
    saved = services.franchisees.update(
        admin, fid, before.version, FranchiseeData(code="HZ-1", legal_name="杭州味道", city="宁波")
    )
    assert saved.data.city == "宁波"
    assert services.franchisees.search(admin, SearchCriteria(text="chen 宁波")).ids == (fid,)


def test_deleting_a_contact_with_an_old_version_is_a_conflict(services, admin, fid):
    wang = services.contacts.add(admin, fid, ContactData(name="王芳"))
    services.contacts.update(admin, wang.id, wang.version, ContactData(name="王芳", mobile="13800138000"))
    with pytest.raises(ConflictError):
        services.contacts.delete(admin, wang.id, wang.version)
    assert set(by_name(services, admin, fid)) == {"王芳"}


# ----- stores ------------------------------------------------------------------------------------------


def test_store_crud(services, admin, fid):
    data = StoreData(
        name=" 西湖店 ",
        address="杭州市西湖区南山路1号",
        city="杭州",
        opened_on=date(2024, 5, 1),
        status=StoreStatus.OPEN,
        floor_area=Decimal("120.50"),
    )
    added = services.stores.add(admin, fid, data, today=TODAY)
    assert added.data.name == "西湖店"
    assert services.stores.list(admin, fid) == [added]

    second = services.stores.add(
        admin,
        fid,
        StoreData(name="滨江店", status=StoreStatus.PLANNED, opened_on=date(2027, 1, 1)),
        today=TODAY,
    )
    assert [s.data.name for s in services.stores.list(admin, fid)] == ["西湖店", "滨江店"]

    changed = StoreData(
        **{**added.data.__dict__, "status": StoreStatus.RENOVATING, "floor_area": Decimal("98.00")}
    )
    saved = services.stores.update(admin, added.id, added.version, changed, today=TODAY)
    assert saved.version == added.version + 1
    got = services.stores.list(admin, fid)[0]
    assert (got.data.status, got.data.floor_area) == (StoreStatus.RENOVATING, Decimal("98.00"))

    services.stores.delete(admin, second.id, second.version)
    assert [s.data.name for s in services.stores.list(admin, fid)] == ["西湖店"]


def test_invalid_store_is_refused(services, admin, fid):
    with pytest.raises(ValidationError) as err:
        services.stores.add(admin, fid, StoreData(name="", floor_area=Decimal("0")), today=TODAY)
    assert {e.field for e in err.value.errors} == {"name", "floor_area"}
    assert services.stores.list(admin, fid) == []


def test_store_save_or_delete_with_an_old_version_is_a_conflict(services, admin, fid):
    store = services.stores.add(admin, fid, StoreData(name="西湖店"), today=TODAY)
    services.stores.update(admin, store.id, store.version, StoreData(name="西湖旗舰店"), today=TODAY)
    with pytest.raises(ConflictError):
        services.stores.update(admin, store.id, store.version, StoreData(name="湖滨店"), today=TODAY)
    with pytest.raises(ConflictError):
        services.stores.delete(admin, store.id, store.version)
    assert [s.data.name for s in services.stores.list(admin, fid)] == ["西湖旗舰店"]


def test_unknown_store(services, admin):
    with pytest.raises(NotFound):
        services.stores.update(admin, 424242, 1, StoreData(name="x"))
    with pytest.raises(NotFound):
        services.stores.delete(admin, 424242, 1)


def test_archiving_a_franchisee_keeps_its_contacts_and_stores(services, admin, fid):
    services.contacts.add(admin, fid, ContactData(name="王芳"))
    services.stores.add(admin, fid, StoreData(name="西湖店"))
    f = services.franchisees.get(admin, fid)
    services.franchisees.set_archived(admin, fid, f.version, True)
    assert [c.data.name for c in services.contacts.list(admin, fid)] == ["王芳"]
    assert [s.data.name for s in services.stores.list(admin, fid)] == ["西湖店"]
