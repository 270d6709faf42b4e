"""Franchisee profiles: the editable data, lifecycle rules and validation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from hqdesk.domain import uscc
from hqdesk.domain.dates import EARLIEST, STATUS_DATE_LEAD, iso, out_of_range, range_error, range_problems
from hqdesk.domain.errors import FieldError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.records import field_names
from hqdesk.domain.text import nul_problems, text_problem, too_long

DEFAULT_TIERS = ("A", "B", "C")

REGIONS = ("华北", "东北", "华东", "华中", "华南", "西南", "西北")


class LifecycleStatus(StrEnum):
    PROSPECT = "prospect"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"


STATUS_LABELS = {
    LifecycleStatus.PROSPECT: QT_TRANSLATE_NOOP("Enums", "Prospect"),
    LifecycleStatus.ACTIVE: QT_TRANSLATE_NOOP("Enums", "Active"),
    LifecycleStatus.SUSPENDED: QT_TRANSLATE_NOOP("Enums", "Suspended"),
    LifecycleStatus.TERMINATED: QT_TRANSLATE_NOOP("Enums", "Terminated"),
}

# prospect -> active -> suspended -> terminated; a suspension can be lifted, a prospect can drop out,
# and a terminated franchisee can sign again (back to active) with a reason on record.
ALLOWED_TRANSITIONS: dict[LifecycleStatus, frozenset[LifecycleStatus]] = {
    LifecycleStatus.PROSPECT: frozenset({LifecycleStatus.ACTIVE, LifecycleStatus.TERMINATED}),
    LifecycleStatus.ACTIVE: frozenset({LifecycleStatus.SUSPENDED, LifecycleStatus.TERMINATED}),
    LifecycleStatus.SUSPENDED: frozenset({LifecycleStatus.ACTIVE, LifecycleStatus.TERMINATED}),
    LifecycleStatus.TERMINATED: frozenset({LifecycleStatus.ACTIVE}),
}


def transition_problem(
    old: LifecycleStatus,
    new: LifecycleStatus,
    reason: str,
    on: date | None,
    today: date,
    since: date | None = None,
) -> list[FieldError]:
    """Every problem with changing the status from ``old`` to ``new`` on the date ``on``.

    ``since``: the day the current status began. A change dated before it would run the timeline backwards;
    a change after today (plus STATUS_DATE_LEAD, zero days) has not happened yet; and any date lies in the
    business range (domain.dates).
    """
    errors: list[FieldError] = []
    if new == old:
        errors.append(
            FieldError("status", QT_TRANSLATE_NOOP("Validation", "The franchisee already has this status."))
        )
    elif new not in ALLOWED_TRANSITIONS[old]:
        errors.append(
            FieldError(
                "status",
                QT_TRANSLATE_NOOP("Validation", "A franchisee cannot go from {old} to {new}."),
                {"old": old.value, "new": new.value},
            )
        )
    if not reason.strip():
        errors.append(
            FieldError("reason", QT_TRANSLATE_NOOP("Validation", "Give a reason for the status change."))
        )
    elif problem := text_problem(reason):
        errors.append(FieldError("reason", problem))
    if on is None:
        errors.append(
            FieldError("changed_on", QT_TRANSLATE_NOOP("Validation", "Give the date of the change."))
        )
    elif on > today + STATUS_DATE_LEAD:
        errors.append(
            FieldError("changed_on", QT_TRANSLATE_NOOP("Validation", "The date cannot be in the future."))
        )
    elif out_of_range(on):
        errors.append(range_error("changed_on", EARLIEST, today + STATUS_DATE_LEAD))
    elif since is not None and on < since:
        errors.append(
            FieldError(
                "changed_on",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "The current status began on {since}: a change cannot be dated before that.",
                ),
                {"since": iso(since)},
            )
        )
    return errors


OPEN_BUSINESS_REASONS = {
    LifecycleStatus.ACTIVE: QT_TRANSLATE_NOOP(
        "Errors", "Its status is Active: it still trades under the brand. Terminate it first if it has left."
    ),
    LifecycleStatus.SUSPENDED: QT_TRANSLATE_NOOP(
        "Errors", "Its status is Suspended: the franchise has not been terminated."
    ),
}
CONTRACT_RUNNING = QT_TRANSLATE_NOOP("Errors", "Its contract has not ended yet.")


def open_business_reasons(status: LifecycleStatus, contract_end: date | None, today: date) -> tuple[str, ...]:
    """Why archiving this franchisee deserves a question (empty: nothing is open). An active or suspended
    franchisee still does business with the brand; an archive hides it from the list and freezes it."""
    reasons = []
    if status in OPEN_BUSINESS_REASONS:
        reasons.append(OPEN_BUSINESS_REASONS[status])
        if contract_end is not None and contract_end >= today:
            reasons.append(CONTRACT_RUNNING)
    return tuple(reasons)


@dataclass(frozen=True)
class FranchiseeData:
    """The editable fields of a franchisee profile (status changes go through their own use case)."""

    code: str = ""
    legal_name: str = ""
    store_brand_name: str = ""
    uscc: str = ""
    legal_representative: str = ""
    registered_capital: Decimal | None = None
    business_scope: str = ""
    region: str = ""
    province: str = ""
    city: str = ""
    address: str = ""
    tier: str = "B"
    join_date: date | None = None
    contract_start: date | None = None
    contract_end: date | None = None
    account_manager_id: int | None = None
    tags: tuple[str, ...] = ()
    notes: str = ""

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return field_names(cls)


MAX_LENGTHS = {
    "code": 20,
    "legal_name": 200,
    "store_brand_name": 200,
    "uscc": 18,
    "legal_representative": 50,
    "business_scope": 2000,
    "region": 20,
    "province": 20,
    "city": 40,
    "address": 300,
    "tier": 10,
    "notes": 4000,
}
"""Characters per text field: the database column's width (business scope and notes: a sensible cap)."""
TAG_MAX_LENGTH = 30
TAGS_MAX_LENGTH = 500
"""All tags as stored, joined by commas: the width of the tags column."""

DATE_FIELDS = ("join_date", "contract_start", "contract_end")

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def normalize_tags(tags) -> tuple[str, ...]:
    if isinstance(tags, str):
        tags = re.split(r"[,，;；]", tags)
    seen: list[str] = []
    for t in tags:
        t = t.strip()
        if t and t not in seen:
            seen.append(t)
    return tuple(seen)


def validate_franchisee(data: FranchiseeData, tiers: tuple[str, ...]) -> list[FieldError]:
    """Every problem with ``data``, each naming its field. Empty means valid."""
    errors: list[FieldError] = []
    required = {
        "code": QT_TRANSLATE_NOOP("Validation", "Enter the franchisee code."),
        "legal_name": QT_TRANSLATE_NOOP("Validation", "Enter the company's legal name."),
        "city": QT_TRANSLATE_NOOP("Validation", "Enter the city."),
        "tier": QT_TRANSLATE_NOOP("Validation", "Choose a tier."),
    }
    for name, msg in required.items():
        if not str(getattr(data, name) or "").strip():
            errors.append(FieldError(name, msg))
    for name, limit in MAX_LENGTHS.items():
        value = getattr(data, name) or ""
        if len(str(value)) > limit:
            errors.append(too_long(name, limit))
    if data.code.strip() and not CODE_PATTERN.match(data.code.strip()):
        errors.append(
            FieldError(
                "code",
                QT_TRANSLATE_NOOP(
                    "Validation", "Use letters, digits, '-' and '_' only, starting with a letter or digit."
                ),
            )
        )
    if data.uscc.strip():
        reason = uscc.problem(data.uscc)
        if reason:
            errors.append(FieldError("uscc", reason))
    if data.tier.strip() and data.tier not in tiers:
        errors.append(
            FieldError(
                "tier",
                QT_TRANSLATE_NOOP("Validation", "Unknown tier {tier}; known tiers: {tiers}."),
                {"tier": data.tier, "tiers": ", ".join(tiers)},
            )
        )
    if data.registered_capital is not None:
        if data.registered_capital < 0:
            errors.append(
                FieldError(
                    "registered_capital",
                    QT_TRANSLATE_NOOP("Validation", "Registered capital cannot be negative."),
                )
            )
        elif data.registered_capital >= Decimal("1e13"):  # SQLite keeps 15 significant digits exactly
            errors.append(
                FieldError(
                    "registered_capital", QT_TRANSLATE_NOOP("Validation", "Registered capital is too large.")
                )
            )
    errors.extend(range_problems(data, DATE_FIELDS))
    if data.contract_start and data.contract_end and data.contract_end < data.contract_start:
        errors.append(
            FieldError(
                "contract_end", QT_TRANSLATE_NOOP("Validation", "The contract cannot end before it starts.")
            )
        )
    for tag in data.tags:
        if len(tag) > TAG_MAX_LENGTH:
            errors.append(
                FieldError("tags", QT_TRANSLATE_NOOP("Validation", "A tag has at most 30 characters."))
            )
            break
    else:
        if len(",".join(data.tags)) > TAGS_MAX_LENGTH:
            errors.append(
                FieldError(
                    "tags",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "The tags together have at most {limit} characters, counting a comma between "
                        "two tags.",
                    ),
                    {"limit": TAGS_MAX_LENGTH},
                )
            )
    errors.extend(nul_problems(data, {"tags": data.tags}))
    return errors


def clean_franchisee(data: FranchiseeData) -> FranchiseeData:
    """Trim text, upper-case the USCC, normalise tags: what is stored."""
    return cleaned_franchisee({name: getattr(data, name) for name in field_names(FranchiseeData)})


def cleaned_franchisee(values: dict) -> FranchiseeData:
    """``clean_franchisee(FranchiseeData(**values))`` built once (an import builds one per row); ``values``
    (field name -> value, any subset) is changed in place."""
    for name, value in values.items():
        if type(value) is str:  # noqa: E721 - leave str enums alone
            values[name] = value.strip()
    values["uscc"] = uscc.normalize(values.get("uscc", ""))
    values["tags"] = normalize_tags(values.get("tags", ()))
    return FranchiseeData(**values)


@dataclass(frozen=True)
class StatusChange:
    new_status: LifecycleStatus
    changed_on: date | None
    reason: str
