"""Roles and the permission matrix. Services enforce it; the UI asks it what to show."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from hqdesk.domain.i18n import QT_TRANSLATE_NOOP


class Role(StrEnum):
    ADMIN = "admin"
    CREDIT_MANAGER = "credit_manager"
    ACCOUNT_MANAGER = "account_manager"
    VIEWER = "viewer"

    @property
    def label(self) -> str:
        """The display name (English source, context "Enums"): what a translated message shows."""
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.ADMIN: QT_TRANSLATE_NOOP("Enums", "Administrator"),
    Role.CREDIT_MANAGER: QT_TRANSLATE_NOOP("Enums", "Credit manager"),
    Role.ACCOUNT_MANAGER: QT_TRANSLATE_NOOP("Enums", "Account manager"),
    Role.VIEWER: QT_TRANSLATE_NOOP("Enums", "Viewer"),
}


class Action(StrEnum):
    VIEW_FRANCHISEES = "view franchisees"
    CREATE_FRANCHISEE = "create franchisees"
    EDIT_FRANCHISEE = "edit this franchisee"
    CHANGE_STATUS = "change this franchisee's status"
    ARCHIVE_FRANCHISEE = "archive franchisees"
    ASSIGN_ACCOUNT_MANAGER = "reassign account managers"
    MANAGE_USERS = "manage users"
    EDIT_COMPANY_SETTINGS = "edit the company letterhead"
    IMPORT_FRANCHISEES = "import franchisees"
    VIEW_HISTORY = "view history"
    OVERWRITE_CONFLICT = "overwrite another user's changes"
    CONFIGURE_TIERS = "configure tiers"
    # credit and receivables
    EDIT_CREDIT_PROFILE = "change credit profiles"
    PROPOSE_CREDIT_CHANGE = "propose a credit change"
    DECIDE_CREDIT_PROPOSAL = "approve or reject credit changes"
    CONFIGURE_CREDIT_POLICY = "configure the credit policy"
    RECORD_LEDGER = "record invoices and payments"
    WRITE_OFF = "write off bad debt"
    OVERRIDE_CREDIT_BLOCK = "override a credit block"
    RUN_DUNNING = "run dunning"
    WORK_DUNNING = "work on dunning actions"
    LOG_VISIT = "log visits of this franchisee"
    PLAN_VISITS = "change this franchisee's visit plan"
    CONFIGURE_VISIT_CADENCES = "configure the visit cadence of each tier"
    LOG_COMPLAINT = "log complaints"
    HANDLE_COMPLAINT = "handle this complaint"
    CONFIGURE_COMPLAINTS = "configure complaint categories and times"
    EDIT_LETTER_TEMPLATES = "edit letter templates"
    GENERATE_LETTERS = "generate letters to this franchisee"

    @property
    def label(self) -> str:
        """The display name (English source, context "Enums"): what a translated refusal shows."""
        return ACTION_LABELS[self]


ACTION_LABELS = {
    Action.VIEW_FRANCHISEES: QT_TRANSLATE_NOOP("Enums", "view franchisees"),
    Action.CREATE_FRANCHISEE: QT_TRANSLATE_NOOP("Enums", "create franchisees"),
    Action.EDIT_FRANCHISEE: QT_TRANSLATE_NOOP("Enums", "edit this franchisee"),
    Action.CHANGE_STATUS: QT_TRANSLATE_NOOP("Enums", "change this franchisee's status"),
    Action.ARCHIVE_FRANCHISEE: QT_TRANSLATE_NOOP("Enums", "archive franchisees"),
    Action.ASSIGN_ACCOUNT_MANAGER: QT_TRANSLATE_NOOP("Enums", "reassign account managers"),
    Action.MANAGE_USERS: QT_TRANSLATE_NOOP("Enums", "manage users"),
    Action.EDIT_COMPANY_SETTINGS: QT_TRANSLATE_NOOP("Enums", "edit the company letterhead"),
    Action.IMPORT_FRANCHISEES: QT_TRANSLATE_NOOP("Enums", "import franchisees"),
    Action.VIEW_HISTORY: QT_TRANSLATE_NOOP("Enums", "view history"),
    Action.OVERWRITE_CONFLICT: QT_TRANSLATE_NOOP("Enums", "overwrite another user's changes"),
    Action.CONFIGURE_TIERS: QT_TRANSLATE_NOOP("Enums", "configure tiers"),
    Action.EDIT_CREDIT_PROFILE: QT_TRANSLATE_NOOP("Enums", "change credit profiles"),
    Action.PROPOSE_CREDIT_CHANGE: QT_TRANSLATE_NOOP("Enums", "propose a credit change"),
    Action.DECIDE_CREDIT_PROPOSAL: QT_TRANSLATE_NOOP("Enums", "approve or reject credit changes"),
    Action.CONFIGURE_CREDIT_POLICY: QT_TRANSLATE_NOOP("Enums", "configure the credit policy"),
    Action.RECORD_LEDGER: QT_TRANSLATE_NOOP("Enums", "record invoices and payments"),
    Action.WRITE_OFF: QT_TRANSLATE_NOOP("Enums", "write off bad debt"),
    Action.OVERRIDE_CREDIT_BLOCK: QT_TRANSLATE_NOOP("Enums", "override a credit block"),
    Action.RUN_DUNNING: QT_TRANSLATE_NOOP("Enums", "run dunning"),
    Action.WORK_DUNNING: QT_TRANSLATE_NOOP("Enums", "work on dunning actions"),
    Action.LOG_VISIT: QT_TRANSLATE_NOOP("Enums", "log visits of this franchisee"),
    Action.PLAN_VISITS: QT_TRANSLATE_NOOP("Enums", "change this franchisee's visit plan"),
    Action.CONFIGURE_VISIT_CADENCES: QT_TRANSLATE_NOOP("Enums", "configure the visit cadence of each tier"),
    Action.LOG_COMPLAINT: QT_TRANSLATE_NOOP("Enums", "log complaints"),
    Action.HANDLE_COMPLAINT: QT_TRANSLATE_NOOP("Enums", "handle this complaint"),
    Action.CONFIGURE_COMPLAINTS: QT_TRANSLATE_NOOP("Enums", "configure complaint categories and times"),
    Action.EDIT_LETTER_TEMPLATES: QT_TRANSLATE_NOOP("Enums", "edit letter templates"),
    Action.GENERATE_LETTERS: QT_TRANSLATE_NOOP("Enums", "generate letters to this franchisee"),
}

# Actions each role may take on any franchisee. "Own" actions (below) apply to the franchisees
# assigned to the user as account manager.
_ANY: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.CREDIT_MANAGER: frozenset(
        {
            Action.VIEW_FRANCHISEES,
            Action.VIEW_HISTORY,
            Action.EDIT_CREDIT_PROFILE,
            Action.PROPOSE_CREDIT_CHANGE,
            Action.DECIDE_CREDIT_PROPOSAL,
            Action.CONFIGURE_CREDIT_POLICY,
            Action.RECORD_LEDGER,
            Action.WRITE_OFF,
            Action.OVERRIDE_CREDIT_BLOCK,
            Action.RUN_DUNNING,
            Action.WORK_DUNNING,
            Action.LOG_COMPLAINT,
            Action.GENERATE_LETTERS,
        }
    ),
    Role.ACCOUNT_MANAGER: frozenset(
        {Action.VIEW_FRANCHISEES, Action.VIEW_HISTORY, Action.CREATE_FRANCHISEE, Action.LOG_COMPLAINT}
    ),
    Role.VIEWER: frozenset({Action.VIEW_FRANCHISEES, Action.VIEW_HISTORY}),
}
_OWN: dict[Role, frozenset[Action]] = {
    Role.ACCOUNT_MANAGER: frozenset(
        {
            Action.EDIT_FRANCHISEE,
            Action.CHANGE_STATUS,
            Action.PROPOSE_CREDIT_CHANGE,
            Action.WORK_DUNNING,
            Action.LOG_VISIT,
            Action.PLAN_VISITS,
            Action.HANDLE_COMPLAINT,
            Action.GENERATE_LETTERS,
        }
    ),
    # complaints: "own" is the complaints assigned to the user (owner_id = the assignee)
    Role.CREDIT_MANAGER: frozenset({Action.HANDLE_COMPLAINT}),
}


@dataclass(frozen=True)
class Actor:
    """Who is doing something: the signed-in user as the services see it."""

    user_id: int
    username: str
    display_name: str
    role: Role

    def can(self, action: Action, owner_id: int | None = None) -> bool:
        """May this actor take ``action``; ``owner_id`` is the franchisee's account manager, if any."""
        if action in _ANY.get(self.role, frozenset()):
            return True
        return (
            owner_id is not None and owner_id == self.user_id and action in _OWN.get(self.role, frozenset())
        )


SYSTEM_ACTOR = Actor(user_id=0, username="system", display_name="system", role=Role.ADMIN)
"""Used by the command line's batch jobs (import, demo) that run with the admin's database rights."""
