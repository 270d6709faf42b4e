"""Franchisee profiles through the service: create, edit, search-as-you-type, filters, sorting, status, archive."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from argon2 import PasswordHasher

from hqdesk.domain.contact import ContactData
from hqdesk.domain.errors import ConflictError, NotFound, ValidationError
from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus, StatusChange
from hqdesk.services.dto import LIST_COLUMNS, SearchCriteria

TODAY = date(2026, 11, 23)
CREATED = date(2026, 1, 2)  # when the test profiles were entered: before their status changes


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    """The users fixture hashes five passwords; cheap argon2 parameters keep this module fast."""
    monkeypatch.setattr(
        "hqdesk.services.users._hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def profile(code: str, **kw) -> FranchiseeData:
    values = {"code": code, "legal_name": f"{code} Foods Co., Ltd.", "city": "Hangzhou", "tier": "B"}
    values.update(kw)
    return FranchiseeData(**values)


def field_errors(err: pytest.ExceptionInfo) -> dict[str, str]:
    return {e.field: e.english() for e in err.value.errors}


def codes(services, actor, ids) -> list[str]:
    return [r.code for r in services.franchisees.rows(actor, ids)]


def find(services, actor, text="", **kw) -> list[str]:
    result = services.franchisees.search(actor, SearchCriteria(text=text, **kw), sort_column="code")
    return codes(services, actor, result.ids)


# ----- create / get / update -------------------------------------------------------------------------------


def test_create_and_get(services, admin):
    data = profile(
        " HZ-001 ",
        legal_name="杭州味道餐饮管理有限公司",
        uscc="91330100716105852f",
        registered_capital=Decimal("5000000.00"),
        region="华东",
        province="浙江",
        tier="A",
        contract_start=date(2025, 1, 1),
        contract_end=date(2027, 12, 31),
        tags=("旗舰", "新店"),
    )
    created = services.franchisees.create(admin, data, today=TODAY)

    got = services.franchisees.get(admin, created.id)
    assert got == created
    assert got.version == 1
    assert got.status == LifecycleStatus.PROSPECT
    assert got.status_changed_on == TODAY
    assert got.data.code == "HZ-001"  # trimmed
    assert got.data.uscc == "91330100716105852F"  # upper-cased
    assert got.data.registered_capital == Decimal("5000000.00")
    assert got.data.tags == ("旗舰", "新店")
    assert got.data.contract_end == date(2027, 12, 31)
    assert got.updated_by == "admin"


def test_invalid_profile_is_refused_with_every_field_and_nothing_saved(services, admin):
    with pytest.raises(ValidationError) as err:
        services.franchisees.create(
            admin, profile("bad code", city="", tier="Z", registered_capital=Decimal("-1"))
        )
    assert set(field_errors(err)) == {"code", "city", "tier", "registered_capital"}
    assert find(services, admin, include_archived=True) == []


def test_update_saves_and_bumps_the_version(services, users):
    admin = users["admin"]
    created = services.franchisees.create(admin, profile("HZ-001"))
    changed = profile("HZ-001", city="Ningbo", notes="moved", account_manager_id=users["am"].user_id)

    saved = services.franchisees.update(admin, created.id, created.version, changed)

    assert saved.version == created.version + 1
    got = services.franchisees.get(admin, created.id)
    assert (got.data.city, got.data.notes) == ("Ningbo", "moved")
    assert got.account_manager_name == "AM"
    assert got.version == saved.version


def test_invalid_edit_is_refused_and_nothing_saved(services, admin):
    created = services.franchisees.create(admin, profile("HZ-001", registered_capital=Decimal("100.00")))
    with pytest.raises(ValidationError) as err:
        services.franchisees.update(
            admin,
            created.id,
            created.version,
            profile(
                "HZ-001",
                city=" ",
                registered_capital=Decimal("-100.00"),
                contract_start=date(2026, 1, 1),
                contract_end=date(2025, 1, 1),
            ),
        )
    assert set(field_errors(err)) == {"city", "registered_capital", "contract_end"}
    assert services.franchisees.get(admin, created.id) == created


def test_saving_with_an_old_version_is_a_conflict_and_keeps_the_newer_data(services, admin):
    created = services.franchisees.create(admin, profile("HZ-001"))
    services.franchisees.update(admin, created.id, created.version, profile("HZ-001", city="Ningbo"))
    with pytest.raises(ConflictError):
        services.franchisees.update(admin, created.id, created.version, profile("HZ-001", city="Wenzhou"))
    assert services.franchisees.get(admin, created.id).data.city == "Ningbo"


def test_unknown_franchisee_is_not_found(services, admin):
    with pytest.raises(NotFound):
        services.franchisees.get(admin, 424242)
    with pytest.raises(NotFound):
        services.franchisees.update(admin, 424242, 1, profile("X"))


def test_duplicate_code_is_refused_on_the_code_field_ignoring_case(services, admin):
    services.franchisees.create(admin, profile("HZ-001"))
    with pytest.raises(ValidationError) as err:
        services.franchisees.create(admin, profile("hz-001"))
    assert field_errors(err) == {"code": "Another franchisee already has the code hz-001."}


def test_duplicate_uscc_is_refused_on_the_uscc_field_naming_the_other_franchisee(services, admin):
    services.franchisees.create(admin, profile("HZ-001", uscc="91330100716105852F"))
    with pytest.raises(ValidationError) as err:
        services.franchisees.create(admin, profile("HZ-002", uscc="91330100716105852f"))
    assert field_errors(err) == {"uscc": "Franchisee HZ-001 already has this unified social credit code."}


def test_duplicates_are_refused_on_update_but_keeping_your_own_code_is_fine(services, admin):
    services.franchisees.create(admin, profile("HZ-001", uscc="91330100716105852F"))
    second = services.franchisees.create(admin, profile("HZ-002"))
    saved = services.franchisees.update(admin, second.id, second.version, profile("HZ-002", city="Ningbo"))
    with pytest.raises(ValidationError) as err:
        services.franchisees.update(
            admin, second.id, saved.version, profile("HZ-001", uscc="91330100716105852F")
        )
    assert set(field_errors(err)) == {"code", "uscc"}
    assert services.franchisees.get(admin, second.id).data.code == "HZ-002"


def test_account_manager_must_be_an_active_user(services, users):
    admin = users["admin"]
    am = users["am"]
    dto = next(u for u in services.users.list_users(admin) if u.username == "am")
    services.users.update_user(admin, am.user_id, dto.version, display_name="AM", role=dto.role, active=False)
    with pytest.raises(ValidationError) as err:
        services.franchisees.create(admin, profile("HZ-001", account_manager_id=am.user_id))
    assert list(field_errors(err)) == ["account_manager_id"]


# ----- a small portfolio for search, filters and sorting -------------------------------------------------


@pytest.fixture
def portfolio(services, users):
    """Four franchisees with distinct values in every list column (K1 has no manager and no contact)."""
    admin, am, am2 = users["admin"], users["am"], users["am2"]
    fs = services.franchisees
    specs = [
        (
            "K1",
            "Alpha Foods",
            "Wenzhou",
            "B",
            LifecycleStatus.PROSPECT,
            None,
            None,
            date(2026, 12, 31),
            "华东",
        ),
        (
            "K2",
            "Beta Foods",
            "Ningbo",
            "C",
            LifecycleStatus.ACTIVE,
            am,
            ("Zhang Wei", "13600000002"),
            date(2027, 6, 30),
            "华东",
        ),
        (
            "K3",
            "Gamma Foods",
            "Shaoxing",
            "B",
            LifecycleStatus.SUSPENDED,
            admin,
            ("Wang Fang", "13800000003"),
            date(2026, 6, 30),
            "华南",
        ),
        (
            "K4",
            "Delta Foods",
            "Hangzhou",
            "A",
            LifecycleStatus.TERMINATED,
            am2,
            ("Li Na", "13700000004"),
            None,
            "",
        ),
    ]
    ids = {}
    for code, name, city, tier, status, manager, contact, contract_end, region in specs:
        data = profile(
            code,
            legal_name=name,
            city=city,
            tier=tier,
            contract_end=contract_end,
            region=region,
            account_manager_id=manager.user_id if manager else None,
        )
        ids[code] = fs.create(admin, data, status=status).id
        if contact:
            services.contacts.add(admin, ids[code], ContactData(name=contact[0], mobile=contact[1]))
    return ids


# typed text -> codes found (sorted by code)
SEARCHES = {
    "zhang": ["K2"],  # a contact's name, typed in lower case
    "ZHANG WEI": ["K2"],  # two words, upper case
    "1360000": ["K2"],  # part of a contact's mobile
    "13700000004": ["K4"],  # a whole mobile
    "ningbo": ["K2"],  # city
    "k3": ["K3"],  # code
    "gamma": ["K3"],  # legal name
    "foods": ["K1", "K2", "K3", "K4"],
    "foods hangzhou": ["K4"],  # every word must match
    "  ": ["K1", "K2", "K3", "K4"],
    "%": [],  # LIKE wildcards are taken literally
    "_": [],
    "nobody": [],
}


def test_search_as_you_type(services, users, portfolio):
    found = {text: find(services, users["viewer"], text) for text in SEARCHES}
    assert found == SEARCHES


def test_search_finds_chinese_names(services, admin):
    services.franchisees.create(admin, profile("HZ-9", legal_name="杭州味道餐饮管理有限公司", city="杭州"))
    assert find(services, admin, "味道") == ["HZ-9"]
    assert find(services, admin, "杭州") == ["HZ-9"]


def test_search_follows_edits_of_the_profile_and_its_contacts(services, admin):
    f = services.franchisees.create(admin, profile("HZ-1", city="Ningbo"))
    contact = services.contacts.add(admin, f.id, ContactData(name="Chen Jing", mobile="13912345678"))
    services.franchisees.update(admin, f.id, f.version, profile("HZ-1", city="Xiamen"))
    assert find(services, admin, "ningbo") == []
    assert find(services, admin, "xiamen") == ["HZ-1"]
    services.contacts.update(
        admin, contact.id, contact.version, ContactData(name="Zhou Min", mobile="13987654321")
    )
    assert find(services, admin, "chen") == []
    assert find(services, admin, "13912345678") == []
    assert find(services, admin, "zhou") == ["HZ-1"]
    assert find(services, admin, "13987654321") == ["HZ-1"]
    services.contacts.delete(admin, contact.id, services.contacts.list(admin, f.id)[0].version)
    assert find(services, admin, "zhou") == []


def test_filters(services, users, portfolio):
    viewer = users["viewer"]
    assert find(services, viewer, tiers=("B",)) == ["K1", "K3"]
    assert find(services, viewer, tiers=("A", "C")) == ["K2", "K4"]
    assert find(services, viewer, statuses=(LifecycleStatus.ACTIVE, LifecycleStatus.SUSPENDED)) == [
        "K2",
        "K3",
    ]
    assert find(services, viewer, region="华东") == ["K1", "K2"]
    assert find(services, viewer, account_manager_id=users["am"].user_id) == ["K2"]
    assert find(services, viewer, "foods", tiers=("B",), region="华南") == ["K3"]


def test_archived_franchisees_are_hidden_unless_asked_for(services, users, portfolio):
    admin = users["admin"]
    k4 = services.franchisees.get(admin, portfolio["K4"])
    archived = services.franchisees.set_archived(admin, k4.id, k4.version, True)
    assert archived.archived and archived.version == k4.version + 1
    assert find(services, admin) == ["K1", "K2", "K3"]
    assert find(services, admin, "delta") == []
    assert find(services, admin, include_archived=True) == ["K1", "K2", "K3", "K4"]
    assert services.franchisees.rows(admin, [k4.id])[0].archived is True

    services.franchisees.set_archived(admin, k4.id, archived.version, False)
    assert find(services, admin) == ["K1", "K2", "K3", "K4"]


# Blank values (no account manager, no contact, no contract end) come last in both directions.
SORTED = {
    "code": (["K1", "K2", "K3", "K4"], ["K4", "K3", "K2", "K1"]),
    "legal_name": (["K1", "K2", "K4", "K3"], ["K3", "K4", "K2", "K1"]),
    "city": (["K4", "K2", "K3", "K1"], ["K1", "K3", "K2", "K4"]),
    "tier": (
        ["K4", "K1", "K3", "K2"],
        ["K2", "K3", "K1", "K4"],
    ),  # ties by creation, reversed when descending
    "status": (["K1", "K2", "K3", "K4"], ["K4", "K3", "K2", "K1"]),  # lifecycle order, not alphabetical
    "account_manager": (["K2", "K4", "K3", "K1"], ["K3", "K4", "K2", "K1"]),  # AM, AM2, 管理员
    "primary_contact": (["K4", "K3", "K2", "K1"], ["K2", "K3", "K4", "K1"]),
    "primary_phone": (["K2", "K4", "K3", "K1"], ["K3", "K4", "K2", "K1"]),
    "contract_end": (["K3", "K1", "K2", "K4"], ["K2", "K1", "K3", "K4"]),
}


def test_every_list_column_has_an_expected_order():
    assert set(SORTED) == set(LIST_COLUMNS)


def test_sort_by_each_list_column(services, users, portfolio):
    viewer = users["viewer"]
    seen, seen_first_page = {}, {}
    for column in LIST_COLUMNS:
        for descending in (False, True):
            result = services.franchisees.search(
                viewer, SearchCriteria(), sort_column=column, descending=descending
            )
            seen[column, descending] = codes(services, viewer, result.ids)
            seen_first_page[column, descending] = [r.code for r in result.first_rows]
    expected = {(column, d): SORTED[column][d] for column in LIST_COLUMNS for d in (False, True)}
    assert seen == expected
    assert seen_first_page == expected


def test_rows_come_in_the_order_of_the_ids_asked_for(services, users, portfolio):
    viewer = users["viewer"]
    ids = [portfolio["K3"], portfolio["K1"], portfolio["K4"], portfolio["K2"]]
    rows = services.franchisees.rows(viewer, ids)
    assert [r.code for r in rows] == ["K3", "K1", "K4", "K2"]
    assert services.franchisees.rows(viewer, [portfolio["K2"], 999999]) == rows[3:]  # a deleted id is skipped
    k2 = rows[3]
    assert (k2.legal_name, k2.city, k2.tier, k2.status) == (
        "Beta Foods",
        "Ningbo",
        "C",
        LifecycleStatus.ACTIVE,
    )
    assert (k2.account_manager, k2.primary_contact, k2.primary_phone) == ("AM", "Zhang Wei", "13600000002")
    assert rows[1].account_manager == rows[1].primary_contact == ""


def test_first_page_and_all_ids(services, users, portfolio):
    result = services.franchisees.search(users["viewer"], SearchCriteria(), sort_column="code", page_size=2)
    assert len(result.ids) == 4
    assert [r.code for r in result.first_rows] == ["K1", "K2"]


def test_filter_options(services, users, portfolio):
    options = services.franchisees.filter_options(users["viewer"])
    assert options.tiers == ("A", "B", "C")
    assert options.regions == ("华东", "华南")
    assert {u.username for u in options.account_managers} == {"admin", "am", "am2"}


# ----- lifecycle status --------------------------------------------------------------------------------


def test_status_change_is_recorded_with_date_and_reason(services, users):
    admin, am = users["admin"], users["am"]
    f = services.franchisees.create(
        admin, profile("HZ-1", account_manager_id=am.user_id), today=date(2026, 1, 5)
    )
    active = services.franchisees.change_status(
        am,
        f.id,
        f.version,
        StatusChange(LifecycleStatus.ACTIVE, date(2026, 2, 1), "  签约开业  "),
        today=TODAY,
    )
    assert active.status == LifecycleStatus.ACTIVE
    assert active.status_changed_on == date(2026, 2, 1)
    assert active.version == f.version + 1

    history = services.franchisees.status_history(users["viewer"], f.id)
    assert [(h.from_status, h.to_status, h.changed_on, h.reason, h.changed_by) for h in history] == [
        (LifecycleStatus.PROSPECT, LifecycleStatus.ACTIVE, date(2026, 2, 1), "签约开业", "am"),
        (None, LifecycleStatus.PROSPECT, date(2026, 1, 5), "", "admin"),
    ]


INVALID_CHANGES = {
    "prospect to suspended": (StatusChange(LifecycleStatus.SUSPENDED, TODAY, "overdue"), ["status"]),
    "same status": (StatusChange(LifecycleStatus.PROSPECT, TODAY, "again"), ["status"]),
    "no reason": (StatusChange(LifecycleStatus.ACTIVE, TODAY, " "), ["reason"]),
    "no date": (StatusChange(LifecycleStatus.ACTIVE, None, "signed"), ["changed_on"]),
    "tomorrow": (StatusChange(LifecycleStatus.ACTIVE, date(2026, 11, 24), "signed"), ["changed_on"]),
}


def test_invalid_status_change_is_refused_and_not_recorded(services, admin):
    f = services.franchisees.create(admin, profile("HZ-1"), today=CREATED)
    refused_on = {}
    for name, (change, _fields) in INVALID_CHANGES.items():
        with pytest.raises(ValidationError) as err:
            services.franchisees.change_status(admin, f.id, f.version, change, today=TODAY)
        refused_on[name] = list(field_errors(err))
    assert refused_on == {name: fields for name, (_change, fields) in INVALID_CHANGES.items()}
    got = services.franchisees.get(admin, f.id)
    assert (got.status, got.version) == (LifecycleStatus.PROSPECT, f.version)
    assert len(services.franchisees.status_history(admin, f.id)) == 1


def test_status_change_on_an_old_version_is_a_conflict(services, admin):
    f = services.franchisees.create(admin, profile("HZ-1"))
    services.franchisees.update(admin, f.id, f.version, profile("HZ-1", notes="edited"))
    with pytest.raises(ConflictError):
        services.franchisees.change_status(
            admin, f.id, f.version, StatusChange(LifecycleStatus.ACTIVE, TODAY, "signed"), today=TODAY
        )
    assert services.franchisees.get(admin, f.id).status == LifecycleStatus.PROSPECT


def test_terminated_franchisee_can_sign_again(services, admin):
    f = services.franchisees.create(admin, profile("HZ-1"), status=LifecycleStatus.TERMINATED, today=CREATED)
    again = services.franchisees.change_status(
        admin, f.id, f.version, StatusChange(LifecycleStatus.ACTIVE, TODAY, "re-signed"), today=TODAY
    )
    assert again.status == LifecycleStatus.ACTIVE
