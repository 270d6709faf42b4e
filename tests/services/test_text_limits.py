"""Texts the database columns cannot hold are field errors on SQLite and PostgreSQL alike.

Before the domain checked them, PostgreSQL raised a raw DataError (value too long for type character varying,
or text fields cannot contain NUL) while SQLite silently stored the text.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from hqdesk.domain.contact import Anniversary, ContactData, StoreData
from hqdesk.domain.errors import ValidationError
from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus, StatusChange
from hqdesk.services.dto import SearchCriteria

TODAY = date(2026, 11, 23)
CREATED = date(2026, 1, 2)  # when the test profiles were entered: before their status changes
TAGS_526 = tuple(f"{i:02d}" + "标" * 28 for i in range(17))  # 17 tags of 30 characters, 16 commas


@pytest.fixture
def fid(services, admin) -> int:
    return services.franchisees.create(
        admin, FranchiseeData(code="HZ-1", legal_name="杭州味道", city="杭州", tier="A"), today=CREATED
    ).id


def refused(call) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        call()
    return [(e.field, e.english()) for e in info.value.errors]


def test_franchisee_tags_and_nul_characters(services, admin, fid):
    assert refused(
        lambda: services.franchisees.create(
            admin, FranchiseeData(code="HZ-2", legal_name="杭州二", city="杭州", tier="A", tags=TAGS_526)
        )
    ) == [("tags", "The tags together have at most 500 characters, counting a comma between two tags.")]
    current = services.franchisees.get(admin, fid)
    edited = FranchiseeData(**{**current.data.__dict__, "address": "西湖区\x00文三路"})
    assert [
        f for f, _m in refused(lambda: services.franchisees.update(admin, fid, current.version, edited))
    ] == ["address"]
    # a reason holding NUL would fail on PostgreSQL's Text column as well
    change = StatusChange(LifecycleStatus.ACTIVE, TODAY, "签约\x00")
    assert [
        f
        for f, _m in refused(
            lambda: services.franchisees.change_status(admin, fid, current.version, change, today=TODAY)
        )
    ] == ["reason"]
    # what fits is stored whole, on both databases
    fits = TAGS_526[:16] + ("标签四个",)
    saved = services.franchisees.update(
        admin, fid, current.version, FranchiseeData(**{**current.data.__dict__, "tags": fits})
    )
    assert services.franchisees.get(admin, fid).data.tags == fits == saved.data.tags
    assert list(services.franchisees.search(admin, SearchCriteria(text="杭州味道")).ids) == [fid]


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("honorific", "总" * 21, "At most 20 characters."),
        ("email", "w" * 193 + "@mail.cn", "At most 200 characters."),
        (
            "anniversaries",
            (Anniversary("纪" * 51, date(2010, 5, 20)),),
            "The name of an anniversary has at most 50 characters.",
        ),
        (
            "hobbies",
            "喝茶\x00",
            "The text contains a NUL character (an invisible control character, code 0), which "
            "cannot be stored. Remove it.",
        ),
    ],
)
def test_contact_texts_the_database_cannot_hold(services, admin, fid, field, value, message):
    assert refused(
        lambda: services.contacts.add(admin, fid, ContactData(name="王芳", **{field: value}), today=TODAY)
    ) == [(field, message)]
    assert services.contacts.list(admin, fid) == []


def test_contact_texts_at_their_limits_are_stored(services, admin, fid):
    data = ContactData(
        name="王" * 50,
        honorific="总" * 20,
        email="w" * 192 + "@mail.cn",
        anniversaries=(Anniversary("纪" * 50, date(2010, 5, 20)),),
        is_primary=True,
    )
    added = services.contacts.add(admin, fid, data, today=TODAY)
    assert services.contacts.list(admin, fid)[0].data == added.data == data


@pytest.mark.parametrize("field, limit", [("name", 200), ("address", 300), ("city", 40)])
def test_store_texts_the_database_cannot_hold(services, admin, fid, field, limit):
    data = {"name": "西湖店", field: "店" * (limit + 1)}
    assert refused(lambda: services.stores.add(admin, fid, StoreData(**data), today=TODAY)) == [
        (field, f"At most {limit} characters.")
    ]
    stored = services.stores.add(admin, fid, StoreData(**{**data, field: "店" * limit}), today=TODAY)
    assert getattr(services.stores.list(admin, fid)[0].data, field) == getattr(stored.data, field)


FORMULAS = ('=HYPERLINK("http://x","点我")', "+cmd|' /C calc'!A0", "@SUM(A1:A9)", "-2+3")


def test_formula_like_text_is_stored_exactly_as_typed(services, admin, fid):
    current = services.franchisees.get(admin, fid)
    for text in FORMULAS:
        current = services.franchisees.update(admin, fid, current.version, replace(current.data, notes=text))
        assert services.franchisees.get(admin, fid).data.notes == text


def test_a_lone_surrogate_is_a_field_error_not_an_encoding_crash(services, admin, fid):
    current = services.franchisees.get(admin, fid)
    edited = replace(current.data, address="西湖区\ud800文三路")
    assert [
        f for f, _m in refused(lambda: services.franchisees.update(admin, fid, current.version, edited))
    ] == ["address"]
    assert [
        f for f, _m in refused(lambda: services.contacts.add(admin, fid, ContactData(name="王\udc00")))
    ] == ["name"]
    assert services.franchisees.get(admin, fid).data.address == current.data.address
