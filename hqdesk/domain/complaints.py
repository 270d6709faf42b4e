"""Complaints: statuses and the only transitions between them, channels, severities, due dates (pure rules).

The workflow::

    new ──► assigned ──► in progress ──► resolved ──► closed
                ▲             ▲              │           │
                └── reopened ─┴──────────────┘◄──────────┘

- ``new`` → ``assigned``: someone is named to handle it (an administrator names anyone; anyone who may
  handle complaints may take an unassigned one for themselves; the person logging it may name the
  assignee at intake).
- ``assigned`` → ``in progress``: the assignee's first action. This answers the *response* time.
- ``in progress`` → ``resolved``: needs the resolution, the root cause and the corrective action.
- ``resolved`` → ``closed``: needs the franchisee's satisfaction (1–5).
- ``resolved`` or ``closed`` → ``reopened``: needs a reason; the resolution due date starts again.
- ``reopened`` → ``assigned`` (back to someone, perhaps another person) or → ``in progress`` (the assignee
  takes it up again).

Every other pair is refused. Reassigning (another assignee, the status stays) is not a transition.

Due dates are calendar hours after the complaint was received (per severity, configurable): the response is
due ``response_hours`` after receipt (met when it first goes *in progress*), the resolution
``resolution_hours`` after receipt (met when it is *resolved*); after a reopen the resolution is due
``resolution_hours`` after the reopening. The times are fixed when the complaint is logged: changing the
settings later does not move the due dates of complaints already logged (changing a complaint's severity
does: its due dates are computed again from its receipt).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import IntEnum, StrEnum

from hqdesk.domain.errors import FieldError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.text import text_problem


class ComplaintStatus(StrEnum):
    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"
    REOPENED = "reopened"

    @property
    def label(self) -> str:
        return COMPLAINT_STATUS_LABELS[self]


COMPLAINT_STATUS_LABELS = {
    ComplaintStatus.NEW: QT_TRANSLATE_NOOP("Enums", "New"),
    ComplaintStatus.ASSIGNED: QT_TRANSLATE_NOOP("Enums", "Assigned"),
    ComplaintStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Enums", "In progress"),
    ComplaintStatus.RESOLVED: QT_TRANSLATE_NOOP("Enums", "Resolved"),
    ComplaintStatus.CLOSED: QT_TRANSLATE_NOOP("Enums", "Closed"),
    ComplaintStatus.REOPENED: QT_TRANSLATE_NOOP("Enums", "Reopened"),
}

S = ComplaintStatus
ALLOWED_COMPLAINT_TRANSITIONS: dict[ComplaintStatus, frozenset[ComplaintStatus]] = {
    S.NEW: frozenset({S.ASSIGNED}),
    S.ASSIGNED: frozenset({S.IN_PROGRESS}),
    S.IN_PROGRESS: frozenset({S.RESOLVED}),
    S.RESOLVED: frozenset({S.CLOSED, S.REOPENED}),
    S.CLOSED: frozenset({S.REOPENED}),
    S.REOPENED: frozenset({S.ASSIGNED, S.IN_PROGRESS}),
}
OPEN_STATUSES = frozenset({S.NEW, S.ASSIGNED, S.IN_PROGRESS, S.REOPENED})
"""Not yet resolved: the resolution time is running."""
REASSIGNABLE = frozenset({S.ASSIGNED, S.IN_PROGRESS, S.REOPENED})


class Channel(StrEnum):
    PHONE = "phone"
    VISIT = "visit"
    LETTER = "letter"
    WECHAT = "wechat"
    EMAIL = "email"

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


CHANNEL_LABELS = {
    Channel.PHONE: QT_TRANSLATE_NOOP("Enums", "Phone"),
    Channel.VISIT: QT_TRANSLATE_NOOP("Enums", "Visit"),
    Channel.LETTER: QT_TRANSLATE_NOOP("Enums", "Letter"),
    Channel.WECHAT: QT_TRANSLATE_NOOP("Enums", "WeChat"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("Enums", "Email"),
}


class Severity(IntEnum):
    """Stored as this number, so that sorting by severity puts the most severe first."""

    CRITICAL = 1
    HIGH = 2
    MEDIUM = 3
    LOW = 4

    @property
    def label(self) -> str:
        return SEVERITY_LABELS[self]

    def __str__(self) -> str:  # the key in English messages and JSON ("critical"), not the number
        return self.name.lower()

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


SEVERITY_LABELS = {
    Severity.CRITICAL: QT_TRANSLATE_NOOP("Enums", "Critical"),
    Severity.HIGH: QT_TRANSLATE_NOOP("Enums", "High"),
    Severity.MEDIUM: QT_TRANSLATE_NOOP("Enums", "Medium"),
    Severity.LOW: QT_TRANSLATE_NOOP("Enums", "Low"),
}


class EventKind(StrEnum):
    """What a line of a complaint's timeline records."""

    LOGGED = "logged"
    TRANSITION = "transition"
    REASSIGNED = "reassigned"
    EDITED = "edited"
    COMMENT = "comment"


@dataclass(frozen=True)
class SlaTimes:
    """Response and resolution times of one severity, in calendar hours."""

    response_hours: int
    resolution_hours: int


DEFAULT_SLA: dict[Severity, SlaTimes] = {
    Severity.CRITICAL: SlaTimes(4, 2 * 24),
    Severity.HIGH: SlaTimes(24, 5 * 24),
    Severity.MEDIUM: SlaTimes(2 * 24, 10 * 24),
    Severity.LOW: SlaTimes(5 * 24, 20 * 24),
}
MAX_SLA_HOURS = 365 * 24

SATISFACTION_RANGE = range(1, 6)
DESCRIPTION_LIMIT = 4000
REFERENCES_LIMIT = 500
CATEGORY_NAME_LIMIT = 60


@dataclass(frozen=True)
class DueDates:
    response_due: datetime
    resolution_due: datetime


def due_dates(received_at: datetime, times: SlaTimes) -> DueDates:
    return DueDates(
        received_at + timedelta(hours=times.response_hours),
        received_at + timedelta(hours=times.resolution_hours),
    )


def next_deadline(
    status: ComplaintStatus, responded: bool, response_due: datetime, resolution_due: datetime
) -> datetime | None:
    """The deadline that matters now: the response's until someone acts, then the resolution's while the
    complaint is open; None once resolved or closed (nothing is due)."""
    if status not in OPEN_STATUSES:
        return None
    if not responded:
        return min(response_due, resolution_due)
    return resolution_due


def is_overdue(due_at: datetime | None, now: datetime) -> bool:
    return due_at is not None and due_at < now


# ----- validation ------------------------------------------------------------------------------------------


def _required(name: str, value: str, limit: int | None, message: str) -> list[FieldError]:
    if not value.strip():
        return [FieldError(name, message)]
    if problem := text_problem(value):
        return [FieldError(name, problem)]
    if limit is not None and len(value) > limit:
        return [
            FieldError(name, QT_TRANSLATE_NOOP("Validation", "At most {limit} characters."), {"limit": limit})
        ]
    return []


def _optional(name: str, value: str, limit: int | None) -> list[FieldError]:
    if problem := text_problem(value):
        return [FieldError(name, problem)]
    if limit is not None and len(value) > limit:
        return [
            FieldError(name, QT_TRANSLATE_NOOP("Validation", "At most {limit} characters."), {"limit": limit})
        ]
    return []


def intake_problems(
    *,
    franchisee_id: int | None,
    category_id: int | None,
    description: str,
    references: str,
    received_at: datetime | None,
    now: datetime,
) -> list[FieldError]:
    """What is wrong with a complaint's intake (a new one, or its details edited)."""
    errors: list[FieldError] = []
    if not franchisee_id:
        errors.append(
            FieldError("franchisee", QT_TRANSLATE_NOOP("Validation", "Choose the franchisee who complained."))
        )
    if not category_id:
        errors.append(FieldError("category", QT_TRANSLATE_NOOP("Validation", "Choose a category.")))
    errors += _required(
        "description",
        description,
        DESCRIPTION_LIMIT,
        QT_TRANSLATE_NOOP("Validation", "Describe the complaint in the franchisee's words."),
    )
    errors += _optional("references", references, REFERENCES_LIMIT)
    if received_at is None:
        errors.append(
            FieldError("received_at", QT_TRANSLATE_NOOP("Validation", "Enter when it was received."))
        )
    elif received_at > now + timedelta(minutes=5):
        errors.append(
            FieldError(
                "received_at",
                QT_TRANSLATE_NOOP("Validation", "A complaint cannot be received in the future."),
            )
        )
    elif received_at.year < 2000:
        errors.append(
            FieldError("received_at", QT_TRANSLATE_NOOP("Validation", "Enter a date from 2000 on."))
        )
    return errors


def transition_problems(
    old: ComplaintStatus,
    new: ComplaintStatus,
    *,
    comment: str = "",
    resolution: str = "",
    root_cause: str = "",
    corrective_action: str = "",
    satisfaction: int | None = None,
    assignee_id: int | None = None,
) -> list[FieldError]:
    """Every problem with moving a complaint from ``old`` to ``new`` with these details."""
    errors: list[FieldError] = []
    if new not in ALLOWED_COMPLAINT_TRANSITIONS[old]:
        return [
            FieldError(
                "status",
                QT_TRANSLATE_NOOP("Validation", "A complaint cannot go from {old} to {new}."),
                {"old": old, "new": new},
            )
        ]
    errors += _optional("comment", comment, DESCRIPTION_LIMIT)
    if new is S.ASSIGNED and not assignee_id:
        errors.append(
            FieldError("assignee", QT_TRANSLATE_NOOP("Validation", "Choose who handles the complaint."))
        )
    if new is S.RESOLVED:
        errors += _required(
            "resolution",
            resolution,
            DESCRIPTION_LIMIT,
            QT_TRANSLATE_NOOP("Validation", "Say how the complaint was resolved."),
        )
        errors += _required(
            "root_cause",
            root_cause,
            DESCRIPTION_LIMIT,
            QT_TRANSLATE_NOOP("Validation", "Give the root cause."),
        )
        errors += _required(
            "corrective_action",
            corrective_action,
            DESCRIPTION_LIMIT,
            QT_TRANSLATE_NOOP("Validation", "Give the corrective action, so it does not happen again."),
        )
    if new is S.CLOSED and satisfaction not in SATISFACTION_RANGE:
        errors.append(
            FieldError(
                "satisfaction",
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "Give the franchisee's satisfaction, from 1 (very unhappy) to 5 (very happy).",
                ),
            )
        )
    if new is S.REOPENED and not comment.strip():
        errors.append(
            FieldError("comment", QT_TRANSLATE_NOOP("Validation", "Say why the complaint is reopened."))
        )
    return errors


def comment_problems(comment: str) -> list[FieldError]:
    return _required(
        "comment", comment, DESCRIPTION_LIMIT, QT_TRANSLATE_NOOP("Validation", "Write the comment first.")
    )


def category_name_problems(name: str) -> list[FieldError]:
    return _required(
        "name", name, CATEGORY_NAME_LIMIT, QT_TRANSLATE_NOOP("Validation", "Give the category a name.")
    )


def sla_problems(times: dict[Severity, SlaTimes]) -> list[FieldError]:
    errors: list[FieldError] = []
    for severity, t in times.items():
        field = f"sla_{severity.name.lower()}"
        if not (1 <= t.response_hours <= MAX_SLA_HOURS and 1 <= t.resolution_hours <= MAX_SLA_HOURS):
            errors.append(
                FieldError(
                    field,
                    QT_TRANSLATE_NOOP("Validation", "{severity}: times are from 1 hour to 365 days."),
                    {"severity": severity},
                )
            )
        elif t.resolution_hours < t.response_hours:
            errors.append(
                FieldError(
                    field,
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "{severity}: the resolution time cannot be shorter than the response time.",
                    ),
                    {"severity": severity},
                )
            )
    return errors


def complaint_number(complaint_id: int) -> str:
    """How a complaint is named on screen and in letters: TS000123 (投诉)."""
    return f"TS{complaint_id:06d}"


__all__ = [
    "ComplaintStatus",
    "COMPLAINT_STATUS_LABELS",
    "ALLOWED_COMPLAINT_TRANSITIONS",
    "OPEN_STATUSES",
    "REASSIGNABLE",
    "Channel",
    "CHANNEL_LABELS",
    "Severity",
    "SEVERITY_LABELS",
    "EventKind",
    "SlaTimes",
    "DEFAULT_SLA",
    "DueDates",
    "due_dates",
    "next_deadline",
    "is_overdue",
    "intake_problems",
    "transition_problems",
    "comment_problems",
    "category_name_problems",
    "sla_problems",
    "complaint_number",
    "SATISFACTION_RANGE",
]
