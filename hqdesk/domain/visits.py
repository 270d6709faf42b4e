"""Visits to franchisees: kinds, purposes, the suggestions heard, the cadence plans and when a visit is due.

The rules (pure; the services compute the same in SQL for thousands of franchisees at once):

- **Cadence**: every tier has a cadence in months (defaults A = 1, B = 3, C = 6); a tier without one uses
  ``FALLBACK_CADENCE_MONTHS`` (3, a quarter). A franchisee may override it: a number of months, or
  ``NO_REGULAR_VISITS`` (0): it then has no visit due.
- **Next visit due** = the last visit's date + the cadence, month arithmetic clamped to the month's end
  (31 Jan + 1 month = 28/29 Feb). A franchisee never visited counts from its contract start, else its join
  date, else the day it was entered. If the last visit set a "next follow-up" date that falls before the
  cadence date, the follow-up date wins.
- **Who has a visit due**: active franchisees that are not archived (prospects, suspended and terminated
  franchisees have none). **Overdue**: due before today.
- A visit is logged after it happened: its date is not after today (and within the business range).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from hqdesk.domain.dates import range_problems
from hqdesk.domain.errors import FieldError
from hqdesk.domain.franchisee import LifecycleStatus
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.text import nul_problems, text_problem, too_long


class VisitKind(StrEnum):
    ON_SITE = "on_site"
    PHONE = "phone"
    VIDEO = "video"


KIND_LABELS = {
    VisitKind.ON_SITE: QT_TRANSLATE_NOOP("Enums", "On site"),
    VisitKind.PHONE: QT_TRANSLATE_NOOP("Enums", "Phone"),
    VisitKind.VIDEO: QT_TRANSLATE_NOOP("Enums", "Video"),
}


class VisitPurpose(StrEnum):
    RETURN_VISIT = "return_visit"
    MARKET_SURVEY = "market_survey"
    PRODUCT_PROMOTION = "product_promotion"
    SUGGESTION_COLLECTION = "suggestion_collection"
    TRAINING = "training"
    COMPLAINT_FOLLOW_UP = "complaint_follow_up"
    OTHER = "other"


PURPOSE_LABELS = {
    VisitPurpose.RETURN_VISIT: QT_TRANSLATE_NOOP("Enums", "Return visit"),
    VisitPurpose.MARKET_SURVEY: QT_TRANSLATE_NOOP("Enums", "Market survey"),
    VisitPurpose.PRODUCT_PROMOTION: QT_TRANSLATE_NOOP("Enums", "New-product promotion"),
    VisitPurpose.SUGGESTION_COLLECTION: QT_TRANSLATE_NOOP("Enums", "Suggestion collection"),
    VisitPurpose.TRAINING: QT_TRANSLATE_NOOP("Enums", "Training"),
    VisitPurpose.COMPLAINT_FOLLOW_UP: QT_TRANSLATE_NOOP("Enums", "Complaint follow-up"),
    VisitPurpose.OTHER: QT_TRANSLATE_NOOP("Enums", "Other"),
}


class SuggestionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DECLINED = "declined"


SUGGESTION_STATUS_LABELS = {
    SuggestionStatus.OPEN: QT_TRANSLATE_NOOP("Enums", "Open"),
    SuggestionStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Enums", "In progress"),
    SuggestionStatus.DONE: QT_TRANSLATE_NOOP("Enums", "Done"),
    SuggestionStatus.DECLINED: QT_TRANSLATE_NOOP("Enums", "Declined"),
}
FOLLOWED_UP = frozenset({SuggestionStatus.DONE, SuggestionStatus.DECLINED})
"""A suggestion in one of these states needs nothing more."""

# ----- cadence ---------------------------------------------------------------------------------------------
DEFAULT_CADENCES = {"A": 1, "B": 3, "C": 6}
"""Months between visits per tier in a new database (every month, every quarter, twice a year)."""
FALLBACK_CADENCE_MONTHS = 3
"""A tier without a cadence of its own (added later, or its cadence removed) is visited every quarter."""
NO_REGULAR_VISITS = 0
"""A franchisee override of 0 months: no regular visits (nothing is ever due)."""
MIN_CADENCE_MONTHS, MAX_CADENCE_MONTHS = 1, 24

CADENCE_RANGE = QT_TRANSLATE_NOOP("Validation", "A cadence is between {low} and {high} months.")


def cadence_problem(months: int | None, allow_none: bool = False) -> FieldError | None:
    """Why ``months`` is no cadence (``allow_none``: 0 = no regular visits is allowed, a franchisee's
    override)."""
    if months is None:
        return FieldError("months", CADENCE_RANGE, {"low": MIN_CADENCE_MONTHS, "high": MAX_CADENCE_MONTHS})
    if allow_none and months == NO_REGULAR_VISITS:
        return None
    if not MIN_CADENCE_MONTHS <= months <= MAX_CADENCE_MONTHS:
        return FieldError("months", CADENCE_RANGE, {"low": MIN_CADENCE_MONTHS, "high": MAX_CADENCE_MONTHS})
    return None


def effective_cadence(tier_months: int | None, override: int | None) -> int:
    """The months between visits of one franchisee: its override, else its tier's cadence, else the fallback.
    0 means no regular visits."""
    if override is not None:
        return override
    return tier_months if tier_months is not None else FALLBACK_CADENCE_MONTHS


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_months(day: date, months: int) -> date:
    """``day`` + ``months`` calendar months, clamped to the end of the month (31 Jan + 1 = 28/29 Feb)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = 29 if month == 1 and calendar.isleap(year) else _MONTH_DAYS[month]
    return date(year, month + 1, day.day if day.day <= last else last)


def visits_due_for(status: LifecycleStatus | str, archived: bool) -> bool:
    """Does a franchisee in this state get regular visits at all? Only active, unarchived ones."""
    return not archived and LifecycleStatus(status) == LifecycleStatus.ACTIVE


def next_visit_due(
    cadence_months: int,
    last_visit_on: date | None,
    follow_up_on: date | None = None,
    contract_start: date | None = None,
    join_date: date | None = None,
    entered_on: date | None = None,
) -> date | None:
    """When the next visit is due (None: no regular visits, or no date to count from).

    ``follow_up_on``: the next follow-up date the last visit set; it wins when earlier than the cadence date.
    """
    if cadence_months == NO_REGULAR_VISITS:
        return None
    start = last_visit_on or contract_start or join_date or entered_on
    if start is None:
        return follow_up_on
    due = add_months(start, cadence_months)
    if follow_up_on is not None and follow_up_on < due:
        return follow_up_on
    return due


def is_overdue(due: date | None, today: date) -> bool:
    return due is not None and due < today


# ----- a visit ---------------------------------------------------------------------------------------------
VISIT_MAX_LENGTHS = {"met_with": 200, "hq_others": 200, "outcome": 2000, "notes": 4000}
SUGGESTION_MAX_LENGTH = 1000
RESPONSE_MAX_LENGTH = 1000


@dataclass(frozen=True)
class SuggestionData:
    """One suggestion the franchisee made during a visit, followed up on its own."""

    text: str = ""
    status: SuggestionStatus = SuggestionStatus.OPEN
    response: str = ""  # what HQ did or answered
    id: int | None = None  # an existing suggestion (None: new)


@dataclass(frozen=True)
class VisitData:
    visited_on: date | None = None
    kind: VisitKind = VisitKind.ON_SITE
    purpose: VisitPurpose = VisitPurpose.RETURN_VISIT
    hq_user_id: int | None = None  # who from HQ went (a user); None: the one who logs it
    hq_others: str = ""  # colleagues who went along
    met_with: str = ""  # whom they met at the franchisee
    notes: str = ""
    outcome: str = ""
    next_follow_up_on: date | None = None
    suggestions: tuple[SuggestionData, ...] = ()


def clean_visit(data: VisitData) -> VisitData:
    """Texts trimmed; suggestions left empty dropped."""
    suggestions = tuple(
        replace(s, text=s.text.strip(), response=s.response.strip())
        for s in data.suggestions
        if s.text.strip()
    )
    return replace(
        data,
        hq_others=data.hq_others.strip(),
        met_with=data.met_with.strip(),
        notes=data.notes.strip(),
        outcome=data.outcome.strip(),
        suggestions=suggestions,
    )


def validate_visit(data: VisitData, today: date) -> list[FieldError]:
    errors: list[FieldError] = []
    if data.visited_on is None:
        errors.append(
            FieldError("visited_on", QT_TRANSLATE_NOOP("Validation", "Give the date of the visit."))
        )
    elif data.visited_on > today:
        errors.append(
            FieldError(
                "visited_on",
                QT_TRANSLATE_NOOP(
                    "Validation", "A visit is logged once it has happened: its date cannot be in the future."
                ),
            )
        )
    if (
        data.next_follow_up_on is not None
        and data.visited_on is not None
        and data.next_follow_up_on <= data.visited_on
    ):
        errors.append(
            FieldError(
                "next_follow_up_on",
                QT_TRANSLATE_NOOP("Validation", "The next follow-up comes after the visit."),
            )
        )
    for name, limit in VISIT_MAX_LENGTHS.items():
        if len(getattr(data, name)) > limit:
            errors.append(too_long(name, limit))
    errors.extend(range_problems(data, ("visited_on", "next_follow_up_on")))
    errors.extend(nul_problems(data))
    for s in data.suggestions:
        if len(s.text) > SUGGESTION_MAX_LENGTH:
            errors.append(too_long("suggestions", SUGGESTION_MAX_LENGTH))
            break
        if len(s.response) > RESPONSE_MAX_LENGTH:
            errors.append(too_long("suggestions", RESPONSE_MAX_LENGTH))
            break
        if problem := text_problem(s.text) or text_problem(s.response):
            errors.append(FieldError("suggestions", problem))
            break
    return errors


def validate_response(response: str) -> list[FieldError]:
    if len(response) > RESPONSE_MAX_LENGTH:
        return [too_long("response", RESPONSE_MAX_LENGTH)]
    if problem := text_problem(response):
        return [FieldError("response", problem)]
    return []


__all__ = [
    "VisitKind",
    "KIND_LABELS",
    "VisitPurpose",
    "PURPOSE_LABELS",
    "SuggestionStatus",
    "SUGGESTION_STATUS_LABELS",
    "FOLLOWED_UP",
    "DEFAULT_CADENCES",
    "FALLBACK_CADENCE_MONTHS",
    "NO_REGULAR_VISITS",
    "MIN_CADENCE_MONTHS",
    "MAX_CADENCE_MONTHS",
    "cadence_problem",
    "effective_cadence",
    "add_months",
    "visits_due_for",
    "next_visit_due",
    "is_overdue",
    "VISIT_MAX_LENGTHS",
    "SUGGESTION_MAX_LENGTH",
    "RESPONSE_MAX_LENGTH",
    "SuggestionData",
    "VisitData",
    "clean_visit",
    "validate_visit",
    "validate_response",
]
