"""Helpers shared by the services: permission checks and conflict detection."""

from __future__ import annotations

from dataclasses import fields, replace

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from hqdesk.domain.errors import ConflictError, HqdeskError, PermissionDenied, ValidationError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor, Role
from hqdesk.persistence.database import Database
from hqdesk.persistence.models import User


class AccountDisabled(HqdeskError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Your account has been disabled or removed by an administrator. Nothing was changed.")


def require(actor: Actor, action: Action, owner_id: int | None = None) -> None:
    """The rule alone, for the actor as given (Service.require checks the user's rights as they are now)."""
    if not actor.can(action, owner_id):
        raise PermissionDenied(role=actor.role.value, action=action.value)


def raise_if_invalid(errors) -> None:
    if errors:
        raise ValidationError(errors)


def diff(base, current, mine) -> dict[str, tuple[object, object]]:
    """Fields of two dataclass values that differ: field -> (their value, your value).

    With ``base`` (what the user started from) only the fields the other user changed and that
    the user's own version does not already agree with; without it every field that differs.
    """
    changes = {}
    for f in fields(current):
        theirs, yours = getattr(current, f.name), getattr(mine, f.name)
        if theirs == yours:
            continue
        if base is not None and getattr(base, f.name) == theirs:
            continue  # the other user did not touch it; only you changed it
        changes[f.name] = (theirs, yours)
    return changes


class Service:
    def __init__(self, db: Database) -> None:
        self.db = db

    def require(self, actor: Actor, action: Action, owner_id: int | None = None) -> Actor:
        """Refuse unless the user may take ``action`` with the rights they have now: an administrator may
        have changed their role or disabled them since they signed in (one lookup by primary key).
        Returns the actor as it is now. The command line's SYSTEM_ACTOR (user id 0) is not a user."""
        if actor.user_id:
            with self.db.read() as s:
                row = s.execute(select(User.role, User.active).where(User.id == actor.user_id)).first()
            if row is None or not row.active:
                raise AccountDisabled()
            if row.role != actor.role.value:
                actor = replace(actor, role=Role(row.role))
        require(actor, action, owner_id)
        return actor


__all__ = ["require", "AccountDisabled", "raise_if_invalid", "diff", "Service", "StaleDataError", "ConflictError"]
