"""The complaints' DTOs, the queue filter and the change request (see ``hqdesk.services.complaints``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hqdesk.domain.complaints import (
    Channel,
    ComplaintStatus,
    EventKind,
    Severity,
)
from hqdesk.domain.errors import HqdeskError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Role

HANDLER_ROLES = (Role.ADMIN, Role.ACCOUNT_MANAGER, Role.CREDIT_MANAGER)
"""Who can be an assignee: the roles that may handle the complaints assigned to them."""
PAGE_SIZE = 100


class ComplaintClosed(HqdeskError):
    exit_code = 2
    message = QT_TRANSLATE_NOOP(
        "Errors", "This complaint is closed, so it is read only. Reopen it first. Nothing was saved."
    )


# ----- DTOs -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryDTO:
    id: int
    parent_id: int | None
    name: str
    active: bool
    sort_order: int
    version: int
    path: str  # "产品质量 › 电镀/镀层"
    used: int  # complaints filed under it


@dataclass(frozen=True)
class SlaDTO:
    severity: Severity
    response_hours: int
    resolution_hours: int
    version: int


@dataclass(frozen=True)
class Person:
    id: int
    username: str
    display_name: str

    @property
    def name(self) -> str:
        return self.display_name or self.username


@dataclass(frozen=True)
class ComplaintRow:
    """One line of the queue or of the franchisee's Complaints tab."""

    id: int
    number: str
    franchisee_id: int
    franchisee_code: str
    franchisee_name: str
    received_at: datetime
    channel: Channel
    category_id: int
    category: str
    severity: Severity
    status: ComplaintStatus
    assignee_id: int | None
    assignee: str
    due_at: datetime
    overdue: bool
    summary: str
    version: int


@dataclass(frozen=True)
class ComplaintEventDTO:
    id: int
    kind: EventKind
    from_status: ComplaintStatus | None
    to_status: ComplaintStatus | None
    assignee: str
    comment: str
    by: str
    occurred_at: datetime


@dataclass(frozen=True)
class ComplaintIntake:
    """What is entered when a complaint is logged (and edited later)."""

    franchisee_id: int | None
    received_at: datetime | None
    channel: Channel
    category_id: int | None
    severity: Severity
    description: str
    contact_id: int | None = None
    references: str = ""


@dataclass(frozen=True)
class ComplaintRights:
    handle: bool  # move it on (the assignee or an administrator)
    take: bool  # take the unassigned new complaint for oneself
    assign_others: bool  # an administrator
    comment: bool
    edit: bool
    transitions: tuple[ComplaintStatus, ...]  # what this user may move it to now


@dataclass(frozen=True)
class ComplaintDetail:
    id: int
    number: str
    intake: ComplaintIntake
    franchisee_code: str
    franchisee_name: str
    contact_name: str
    category: str
    status: ComplaintStatus
    assignee_id: int | None
    assignee: str
    logged_by: str
    response_due: datetime
    resolution_due: datetime
    due_at: datetime
    overdue: bool
    responded_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    resolution: str
    root_cause: str
    corrective_action: str
    satisfaction: int | None
    version: int
    events: tuple[ComplaintEventDTO, ...]
    rights: ComplaintRights


@dataclass(frozen=True)
class ComplaintChoices:
    """What the complaint form offers."""

    categories: tuple[CategoryDTO, ...]  # active ones, in tree order
    assignees: tuple[Person, ...]
    sla: tuple[SlaDTO, ...]
    may_log: bool
    may_assign_others: bool
    me: int


@dataclass(frozen=True)
class QueueFilter:
    statuses: frozenset[ComplaintStatus] = frozenset()  # empty: any
    category_id: int | None = None  # with its sub-categories
    severity: Severity | None = None
    assignee_id: int | None = None  # UNASSIGNED for none
    overdue: bool = False
    franchisee_id: int | None = None
    text: str = ""  # number or franchisee code/name


UNASSIGNED = -1
SORT_KEYS = ("received_at", "due_at", "severity", "status", "id")


@dataclass(frozen=True)
class QueuePage:
    rows: tuple[ComplaintRow, ...]
    total: int  # matches of the filter (first page only; -1 on the following pages)
    next_key: tuple | None  # pass as ``after`` for the next page; None: no more rows


@dataclass(frozen=True)
class ChangeRequest:
    """A transition and what it needs (domain.complaints.transition_problems)."""

    to: ComplaintStatus
    comment: str = ""
    assignee_id: int | None = None
    resolution: str = ""
    root_cause: str = ""
    corrective_action: str = ""
    satisfaction: int | None = None


# ----- the service ------------------------------------------------------------------------------------------
