"""Contact and store validation."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from hqdesk.domain.contact import (
    Anniversary,
    ContactData,
    StoreData,
    StoreStatus,
    clean_contact,
    validate_contact,
    validate_store,
)

TODAY = date(2026, 11, 23)


def contact_fields(**kw) -> list[str]:
    return [e.field for e in validate_contact(clean_contact(ContactData(name="王芳", **kw)), TODAY)]


def test_a_plain_contact_is_valid():
    assert contact_fields(mobile="13800138000", email="wang@example.cn", birthday=date(1980, 2, 29)) == []


def test_name_is_required():
    (error,) = validate_contact(clean_contact(ContactData(name="   ")), TODAY)
    assert (error.field, error.english()) == ("name", "Enter the contact's name.")


@pytest.mark.parametrize(
    "mobile", ["13800138000", "138 0013 8000", "138-0013-8000", "+8613800138000", "8619912345678"]
)
def test_mainland_mobiles_are_accepted(mobile):
    assert contact_fields(mobile=mobile) == []


@pytest.mark.parametrize(
    "mobile", ["12800138000", "1380013800", "138001380001", "23800138000", "1380013800a", "+4413800138000"]
)
def test_other_mobiles_are_refused(mobile):
    assert contact_fields(mobile=mobile) == ["mobile"]


def test_clean_contact_strips_separators_from_the_mobile_and_lowercases_the_email():
    cleaned = clean_contact(ContactData(name=" 王芳 ", mobile="138-0013 8000", email=" Wang@Example.CN "))
    assert (cleaned.name, cleaned.mobile, cleaned.email) == ("王芳", "13800138000", "wang@example.cn")


@pytest.mark.parametrize("email", ["wang", "wang@", "wang@example", "wang @example.cn", "@example.cn"])
def test_bad_emails_are_refused(email):
    assert contact_fields(email=email) == ["email"]


def test_birthday_cannot_be_in_the_future():
    assert contact_fields(birthday=TODAY + timedelta(days=1)) == ["birthday"]
    assert contact_fields(birthday=TODAY) == []


def test_birthday_before_1900_is_refused():
    assert contact_fields(birthday=date(1899, 12, 31)) == ["birthday"]


def test_every_anniversary_needs_a_label():
    assert contact_fields(
        anniversaries=(Anniversary("结婚纪念日", date(2010, 5, 20)), Anniversary(" ", date(2012, 1, 1)))
    ) == ["anniversaries"]


def test_phone_must_look_like_a_phone_number():
    assert contact_fields(phone="0571-8888 6666") == []
    assert contact_fields(phone="call me") == ["phone"]


def store_fields(**kw) -> list[str]:
    return [e.field for e in validate_store(StoreData(**kw), TODAY)]


def test_a_store_needs_a_name():
    assert store_fields(name="") == ["name"]
    assert store_fields(name="西湖店") == []


@pytest.mark.parametrize("area", [Decimal("0"), Decimal("-5"), Decimal("100000.01")])
def test_floor_area_out_of_range(area):
    assert store_fields(name="西湖店", floor_area=area) == ["floor_area"]


def test_floor_area_in_range():
    assert store_fields(name="西湖店", floor_area=Decimal("85.5")) == []


def test_an_open_store_cannot_open_in_the_future_a_planned_one_can():
    tomorrow = TODAY + timedelta(days=1)
    assert store_fields(name="西湖店", status=StoreStatus.OPEN, opened_on=tomorrow) == ["opened_on"]
    assert store_fields(name="西湖店", status=StoreStatus.PLANNED, opened_on=tomorrow) == []


# ----- what the database columns hold ----------------------------------------------------------------------


@pytest.mark.parametrize("field, limit", [("honorific", 20), ("wechat_id", 50)])
def test_texts_longer_than_their_column_are_refused(field, limit):
    assert contact_fields(**{field: "总" * limit}) == []
    (error,) = validate_contact(clean_contact(ContactData(name="王芳", **{field: "总" * (limit + 1)})), TODAY)
    assert (error.field, error.english()) == (field, f"At most {limit} characters.")


def test_name_longer_than_its_column_is_refused():
    (error,) = validate_contact(clean_contact(ContactData(name="王" * 51)), TODAY)
    assert (error.field, error.english()) == ("name", "At most 50 characters.")


def test_an_email_longer_than_its_column_gets_one_message():
    fits = "w" * 192 + "@mail.cn"  # 200 characters
    assert contact_fields(email=fits) == []
    (error,) = validate_contact(clean_contact(ContactData(name="王芳", email="w" + fits)), TODAY)
    assert (error.field, error.english()) == ("email", "At most 200 characters.")


def test_phone_and_mobile_longer_than_their_column_get_one_message():
    assert contact_fields(phone="0" * 31) == ["phone"]
    assert contact_fields(mobile="1" * 31) == ["mobile"]


def test_an_anniversary_name_longer_than_its_column_is_refused():
    assert contact_fields(anniversaries=(Anniversary("纪" * 50, date(2010, 5, 20)),)) == []
    (error,) = validate_contact(
        clean_contact(ContactData(name="王芳", anniversaries=(Anniversary("纪" * 51, date(2010, 5, 20)),))),
        TODAY,
    )
    assert (error.field, error.english()) == (
        "anniversaries",
        "The name of an anniversary has at most 50 characters.",
    )


@pytest.mark.parametrize(
    "field", ["name", "honorific", "email", "wechat_id", "hobbies", "preferences", "notes"]
)
def test_a_nul_character_is_refused_in_any_contact_text(field):
    value = "王芳" if field == "name" else ("wang@example.cn" if field == "email" else "喝茶")
    errors = validate_contact(
        clean_contact(ContactData(**{"name": "王芳", field: value[:1] + "\x00" + value[1:]})), TODAY
    )
    assert [e.field for e in errors] == [field]
    assert errors[0].english().startswith("The text contains a NUL character")


def test_a_nul_character_in_an_anniversary_name_is_refused():
    assert contact_fields(anniversaries=(Anniversary("结婚\x00纪念日", date(2010, 5, 20)),)) == [
        "anniversaries"
    ]


@pytest.mark.parametrize("field, limit", [("name", 200), ("address", 300), ("city", 40)])
def test_store_texts_longer_than_their_column_are_refused(field, limit):
    data = {"name": "西湖店", field: "店" * limit}
    assert store_fields(**data) == []
    errors = validate_store(StoreData(**{**data, field: "店" * (limit + 1)}), TODAY)
    assert [(e.field, e.english()) for e in errors] == [(field, f"At most {limit} characters.")]


@pytest.mark.parametrize("field", ["name", "address", "city"])
def test_a_nul_character_is_refused_in_any_store_text(field):
    assert store_fields(**{"name": "西湖店", field: "西湖\x00店"}) == [field]


def test_cleaned_contact_is_clean_contact_built_once():
    from hqdesk.domain.contact import ContactData, ContactRole, clean_contact, cleaned_contact

    values = {
        "name": " 王五 ",
        "mobile": " 138-0013 8000 ",
        "email": " Wang@Example.CN ",
        "role": ContactRole.FINANCE,
        "preferred_language": "",
        "notes": " 喜欢茶 ",
    }
    assert cleaned_contact(dict(values)) == clean_contact(ContactData(**values))
