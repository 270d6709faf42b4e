"""The franchisee profile as the editor shows it, read in one go.

``ProfileService.load(actor, franchisee_id) -> ProfileBundle``: the record, its contacts, stores, status
changes and audit trail, the choices of the form (tiers; account managers with their active flag) and what
the user may do with it now, all from ONE read-only session with ONE lookup of the user's current rights
(an administrator may have changed the role or disabled the account since sign-in).

Why the profile may be read only, and how that is said, is decided here (``read_only_reason``), not in the
widgets: the same rules hold for the profile's tabs that later capabilities add (visits, complaints, ledger).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select

from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import ROLE_LABELS, Action, Actor, Role
from hqdesk.persistence.models import Contact, Store, Tier, User
from hqdesk.services.base import Service
from hqdesk.services.contacts import contact_dto, store_dto
from hqdesk.services.dto import (
    ContactDTO,
    FranchiseeDetail,
    HistoryEntry,
    StatusChangeDTO,
    StoreDTO,
    UserName,
)
from hqdesk.services.franchisees import FranchiseeService, read_history, read_status_history
from hqdesk.services.visits import VisitDTO, read_visits

CONTEXT = "Profile"  # translation context of the notices below


@dataclass(frozen=True)
class Notice:
    """A sentence for the user: an English template (context ``Profile``) and its parameters.

    ``role`` parameters hold the role's English label (context ``Enums``): the UI translates both."""

    template: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.template)


@dataclass(frozen=True)
class ManagerChoice:
    """Someone the account manager field can show: active users can be chosen, an inactive one is only
    shown (as such) on the franchisees still assigned to them."""

    id: int
    name: str
    active: bool


@dataclass(frozen=True)
class ProfileChoices:
    tiers: tuple[str, ...]
    managers: tuple[ManagerChoice, ...]


@dataclass(frozen=True)
class ProfileRights:
    """What the user may do with this franchisee now (their current role, its account manager, archived)."""

    role: Role
    edit: bool = False  # the profile, its contacts and stores
    change_status: bool = False
    archive: bool = False  # archive it, or restore it from the archive
    assign_manager: bool = False
    overwrite: bool = False  # save over another user's change
    view_history: bool = False
    read_only_reason: Notice = Notice()


@dataclass(frozen=True)
class ProfileBundle:
    """Everything the profile editor shows about one franchisee."""

    detail: FranchiseeDetail
    contacts: tuple[ContactDTO, ...]
    stores: tuple[StoreDTO, ...]
    statuses: tuple[StatusChangeDTO, ...]
    history: tuple[HistoryEntry, ...]
    choices: ProfileChoices
    names: tuple[UserName, ...]
    rights: ProfileRights
    visits: tuple[VisitDTO, ...] = ()  # newest first


@dataclass(frozen=True)
class NewProfile:
    """What a new franchisee's form needs: its choices, who is who, and the user's current rights."""

    choices: ProfileChoices
    names: tuple[UserName, ...]
    rights: ProfileRights


# ----- the rules -------------------------------------------------------------------------------------------
ARCHIVED_ADMIN = QT_TRANSLATE_NOOP(
    "Profile", "Archived: read only. Restore it from the archive to change it."
)
ARCHIVED = QT_TRANSLATE_NOOP(
    "Profile", "Archived: read only. An administrator can restore it from the archive."
)
ROLE_READ_ONLY = QT_TRANSLATE_NOOP(
    "Profile", "Read only: your role ({role}) can view franchisees but not change them."
)
NO_MANAGER = QT_TRANSLATE_NOOP(
    "Profile",
    "Read only: this franchisee has no account manager yet. An administrator can assign it to you.",
)
OTHER_MANAGER = QT_TRANSLATE_NOOP(
    "Profile",
    "Read only: {manager} looks after this franchisee; only they or an administrator can change it.",
)
ANOTHER_USER = QT_TRANSLATE_NOOP("Profile", "another user")
CANNOT_CREATE = QT_TRANSLATE_NOOP("Profile", "Your role ({role}) cannot add franchisees.")


def cannot_create_reason(role: Role) -> Notice:
    """Why a user of ``role`` is offered no blank profile for a new franchisee."""
    return Notice(CANNOT_CREATE, {"role": ROLE_LABELS[role]})


def rights_for(actor: Actor, detail: FranchiseeDetail) -> ProfileRights:
    """The rights of ``actor`` (as they are now) on the franchisee ``detail``."""
    owner = detail.data.account_manager_id
    edit = actor.can(Action.EDIT_FRANCHISEE, owner)
    return ProfileRights(
        role=actor.role,
        edit=edit and not detail.archived,
        change_status=actor.can(Action.CHANGE_STATUS, owner) and not detail.archived,
        archive=actor.can(Action.ARCHIVE_FRANCHISEE),
        assign_manager=actor.can(Action.ASSIGN_ACCOUNT_MANAGER) and not detail.archived,
        overwrite=actor.can(Action.OVERWRITE_CONFLICT),
        view_history=actor.can(Action.VIEW_HISTORY),
        read_only_reason=read_only_reason(actor, detail, edit),
    )


def read_only_reason(actor: Actor, detail: FranchiseeDetail, may_edit: bool | None = None) -> Notice:
    """Why ``actor`` cannot change ``detail`` (an empty Notice when they can)."""
    if may_edit is None:
        may_edit = actor.can(Action.EDIT_FRANCHISEE, detail.data.account_manager_id)
    if detail.archived:
        return Notice(ARCHIVED_ADMIN if actor.can(Action.ARCHIVE_FRANCHISEE) else ARCHIVED)
    if may_edit:
        return Notice()
    if actor.role != Role.ACCOUNT_MANAGER:
        return Notice(ROLE_READ_ONLY, {"role": ROLE_LABELS[actor.role]})
    if detail.data.account_manager_id is None:
        return Notice(NO_MANAGER)
    return Notice(OTHER_MANAGER, {"manager": detail.account_manager_name or ANOTHER_USER})


# ----- the read --------------------------------------------------------------------------------------------
class ProfileService(Service):
    def load(self, actor: Actor, franchisee_id: int) -> ProfileBundle:
        """The bundle for ``franchisee_id`` (NotFound if it is gone; AccountDisabled if the user is)."""
        with self.db.read() as s:
            now = self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            detail = FranchiseeService._detail(s, FranchiseeService._load(s, franchisee_id))
            rights = rights_for(now, detail)
            contacts = tuple(
                contact_dto(c)
                for c in s.scalars(
                    select(Contact)
                    .where(Contact.franchisee_id == franchisee_id)
                    .order_by(Contact.is_primary.desc(), Contact.id)
                )
            )
            stores = tuple(
                store_dto(st)
                for st in s.scalars(
                    select(Store).where(Store.franchisee_id == franchisee_id).order_by(Store.id)
                )
            )
            statuses: tuple[StatusChangeDTO, ...] = ()
            history: tuple[HistoryEntry, ...] = ()
            if rights.view_history:
                statuses = tuple(read_status_history(s, franchisee_id))
                history = tuple(read_history(s, franchisee_id))
            choices = self._choices(s, detail.data.account_manager_id)
            names = tuple(
                UserName(*row)
                for row in s.execute(
                    select(User.id, User.username, User.display_name).order_by(User.username)
                )
            )
            visits = tuple(read_visits(s, franchisee_id))
            return ProfileBundle(detail, contacts, stores, statuses, history, choices, names, rights, visits)

    def choices(self, actor: Actor) -> NewProfile:
        """What a new franchisee's form offers, who is who, and the user's current rights (one session)."""
        with self.db.read() as s:
            now = self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            names = tuple(
                UserName(*row)
                for row in s.execute(
                    select(User.id, User.username, User.display_name).order_by(User.username)
                )
            )
            rights = ProfileRights(
                role=now.role,
                edit=now.can(Action.CREATE_FRANCHISEE),
                assign_manager=now.can(Action.ASSIGN_ACCOUNT_MANAGER),
                overwrite=now.can(Action.OVERWRITE_CONFLICT),
                view_history=now.can(Action.VIEW_HISTORY),
            )
            return NewProfile(self._choices(s, None), names, rights)

    @staticmethod
    def _choices(s, manager_id: int | None) -> ProfileChoices:
        tiers = tuple(s.scalars(select(Tier.code).order_by(Tier.sort_order, Tier.code)))
        assignable = User.role.in_([Role.ACCOUNT_MANAGER.value, Role.ADMIN.value])
        shown = (
            User.active.is_(True) if manager_id is None else or_(User.active.is_(True), User.id == manager_id)
        )
        managers = tuple(
            ManagerChoice(u.id, u.display_name or u.username, u.active)
            for u in s.scalars(
                select(User)
                .where(or_(assignable, User.id == (manager_id or 0)), shown)
                .order_by(User.display_name, User.username)
            )
        )
        return ProfileChoices(tiers, managers)


__all__ = [
    "ProfileService",
    "ProfileBundle",
    "NewProfile",
    "ProfileChoices",
    "ProfileRights",
    "ManagerChoice",
    "Notice",
    "rights_for",
    "read_only_reason",
    "cannot_create_reason",
]
