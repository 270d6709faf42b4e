"""Contacts of a franchisee and its stores: data, choices and validation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from hqdesk.domain.dates import out_of_range, range_error, range_problems
from hqdesk.domain.errors import FieldError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.records import field_names, with_changes
from hqdesk.domain.text import nul_problems, too_long


class Gender(StrEnum):
    UNKNOWN = ""
    MALE = "male"
    FEMALE = "female"


GENDER_LABELS = {
    Gender.UNKNOWN: QT_TRANSLATE_NOOP("Enums", "Not given"),
    Gender.MALE: QT_TRANSLATE_NOOP("Enums", "Male"),
    Gender.FEMALE: QT_TRANSLATE_NOOP("Enums", "Female"),
}


class ContactRole(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    FINANCE = "finance"
    PURCHASING = "purchasing"
    STORE_MANAGER = "store_manager"
    OTHER = "other"


CONTACT_ROLE_LABELS = {
    ContactRole.OWNER: QT_TRANSLATE_NOOP("Enums", "Owner"),
    ContactRole.MANAGER: QT_TRANSLATE_NOOP("Enums", "General manager"),
    ContactRole.FINANCE: QT_TRANSLATE_NOOP("Enums", "Finance"),
    ContactRole.PURCHASING: QT_TRANSLATE_NOOP("Enums", "Purchasing"),
    ContactRole.STORE_MANAGER: QT_TRANSLATE_NOOP("Enums", "Store manager"),
    ContactRole.OTHER: QT_TRANSLATE_NOOP("Enums", "Other"),
}


class StoreStatus(StrEnum):
    PLANNED = "planned"
    OPEN = "open"
    RENOVATING = "renovating"
    CLOSED = "closed"


STORE_STATUS_LABELS = {
    StoreStatus.PLANNED: QT_TRANSLATE_NOOP("Enums", "Planned"),
    StoreStatus.OPEN: QT_TRANSLATE_NOOP("Enums", "Open"),
    StoreStatus.RENOVATING: QT_TRANSLATE_NOOP("Enums", "Renovating"),
    StoreStatus.CLOSED: QT_TRANSLATE_NOOP("Enums", "Closed"),
}


@dataclass(frozen=True)
class Anniversary:
    """A date the contact cares about besides the birthday (wedding, company founding...)."""

    label: str
    day: date
    lunar: bool = False


@dataclass(frozen=True)
class ContactData:
    name: str = ""
    gender: Gender = Gender.UNKNOWN
    honorific: str = ""  # 先生 / 女士 / 总 ... how letters address the person
    role: ContactRole = ContactRole.OWNER
    mobile: str = ""
    phone: str = ""
    email: str = ""
    wechat_id: str = ""
    birthday: date | None = None
    birthday_lunar: bool = False  # the person celebrates the lunar-calendar anniversary of ``birthday``
    anniversaries: tuple[Anniversary, ...] = ()
    hobbies: str = ""
    preferences: str = ""
    notes: str = ""
    is_primary: bool = False
    preferred_language: str | None = None  # the letter language: "zh_CN", "en" or None (Simplified Chinese)


PREFERRED_LANGUAGES = ("zh_CN", "en")
PREFERRED_LANGUAGE_LABELS = {
    None: QT_TRANSLATE_NOOP("Enums", "Not given (Simplified Chinese)"),
    "zh_CN": QT_TRANSLATE_NOOP("Enums", "Simplified Chinese"),
    "en": QT_TRANSLATE_NOOP("Enums", "English"),
}


@dataclass(frozen=True)
class StoreData:
    name: str = ""
    address: str = ""
    city: str = ""
    opened_on: date | None = None
    status: StoreStatus = StoreStatus.OPEN
    floor_area: Decimal | None = None  # square metres


CONTACT_MAX_LENGTHS = {"name": 50, "honorific": 20, "mobile": 30, "phone": 30, "email": 200, "wechat_id": 50}
"""Characters per text field: the database column's width (hobbies, preferences and notes have none)."""
ANNIVERSARY_LABEL_MAX_LENGTH = 50
STORE_MAX_LENGTHS = {"name": 200, "address": 300, "city": 40}

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{5,24}$")
MOBILE_CN = re.compile(r"^(\+?86)?1[3-9][0-9]{9}$")


def _stripped(data) -> dict:
    """The text fields of ``data`` stripped (``type(...) is str``: the str enums are left alone)."""
    return {n: v.strip() for n in field_names(type(data)) if type(v := getattr(data, n)) is str}  # noqa: E721


def _strip(data):
    return with_changes(data, _stripped(data))


def clean_contact(data: ContactData) -> ContactData:
    return cleaned_contact({name: getattr(data, name) for name in field_names(ContactData)})


_SPACES_DASHES = re.compile(r"[\s-]")


def cleaned_contact(values: dict) -> ContactData:
    """``clean_contact(ContactData(**values))`` built once (an import builds one per row); ``values`` (field
    name -> value, any subset) is changed in place."""
    for name, value in values.items():
        if type(value) is str:  # noqa: E721 - leave str enums alone
            values[name] = value.strip()
    values["mobile"] = _SPACES_DASHES.sub("", values.get("mobile", ""))
    values["email"] = values.get("email", "").lower()
    values["preferred_language"] = values.get("preferred_language") or None
    return ContactData(**values)


def validate_contact(data: ContactData, today: date) -> list[FieldError]:
    errors: list[FieldError] = []
    if not data.name:
        errors.append(FieldError("name", QT_TRANSLATE_NOOP("Validation", "Enter the contact's name.")))
    long_fields = [name for name, limit in CONTACT_MAX_LENGTHS.items() if len(getattr(data, name)) > limit]
    errors += [too_long(name, CONTACT_MAX_LENGTHS[name]) for name in long_fields]
    # (a text too long for its column gets that one message, not a second one about its format)
    if data.mobile and "mobile" not in long_fields and not MOBILE_CN.match(data.mobile):
        errors.append(
            FieldError(
                "mobile",
                QT_TRANSLATE_NOOP(
                    "Validation", "A mainland mobile number has 11 digits and starts with 13-19."
                ),
            )
        )
    if data.phone and "phone" not in long_fields and not PHONE.match(data.phone):
        errors.append(
            FieldError("phone", QT_TRANSLATE_NOOP("Validation", "This does not look like a phone number."))
        )
    if data.email and "email" not in long_fields and not EMAIL.match(data.email):
        errors.append(
            FieldError("email", QT_TRANSLATE_NOOP("Validation", "This does not look like an e-mail address."))
        )
    if data.birthday and data.birthday > today:
        errors.append(
            FieldError("birthday", QT_TRANSLATE_NOOP("Validation", "A birthday cannot be in the future."))
        )
    if data.birthday and data.birthday.year < 1900:
        errors.append(FieldError("birthday", QT_TRANSLATE_NOOP("Validation", "Enter a birthday after 1900.")))
    for a in data.anniversaries:
        if not a.label.strip():
            errors.append(
                FieldError(
                    "anniversaries", QT_TRANSLATE_NOOP("Validation", "Every anniversary needs a name.")
                )
            )
            break
    else:
        if any(len(a.label.strip()) > ANNIVERSARY_LABEL_MAX_LENGTH for a in data.anniversaries):
            errors.append(
                FieldError(
                    "anniversaries",
                    QT_TRANSLATE_NOOP(
                        "Validation", "The name of an anniversary has at most {limit} characters."
                    ),
                    {"limit": ANNIVERSARY_LABEL_MAX_LENGTH},
                )
            )
    if data.preferred_language not in (None, *PREFERRED_LANGUAGES):
        errors.append(
            FieldError(
                "preferred_language",
                QT_TRANSLATE_NOOP("Validation", "The letter language is Simplified Chinese or English."),
            )
        )
    if any(out_of_range(a.day) for a in data.anniversaries):
        errors.append(range_error("anniversaries"))
    errors.extend(nul_problems(data, {"anniversaries": [a.label for a in data.anniversaries]}))
    return errors


def clean_store(data: StoreData) -> StoreData:
    return _strip(data)


def validate_store(data: StoreData, today: date) -> list[FieldError]:
    errors: list[FieldError] = []
    if not data.name:
        errors.append(FieldError("name", QT_TRANSLATE_NOOP("Validation", "Enter the store's name.")))
    for name, limit in STORE_MAX_LENGTHS.items():
        if len(getattr(data, name)) > limit:
            errors.append(too_long(name, limit))
    if data.floor_area is not None and (data.floor_area <= 0 or data.floor_area > Decimal("100000")):
        errors.append(
            FieldError(
                "floor_area",
                QT_TRANSLATE_NOOP("Validation", "The floor area is in square metres, between 0 and 100,000."),
            )
        )
    if data.status == StoreStatus.OPEN and data.opened_on and data.opened_on > today:
        errors.append(
            FieldError(
                "opened_on",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "An open store cannot have an opening date in the future; mark it as planned.",
                ),
            )
        )
    errors.extend(range_problems(data, ("opened_on",)))
    errors.extend(nul_problems(data))
    return errors
