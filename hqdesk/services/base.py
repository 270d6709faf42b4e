"""Helpers shared by the services: permission checks and conflict detection."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from hqdesk.domain.errors import (
    CONFLICT_TIME_FORMAT,
    ConflictError,
    PermissionDenied,
    ValidationError,
)
from hqdesk.domain.roles import Action, Actor, Role
from hqdesk.persistence.database import Database
from hqdesk.persistence.models import User
from hqdesk.services.errors import AccountDisabled  # moved there; still importable from here


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


def conflict_error(current, changes: dict, row) -> ConflictError:
    """The ConflictError for a row another user saved first: who and when from its updated_by/updated_at."""
    return ConflictError(current, changes, row.updated_by, row.updated_at.strftime(CONFLICT_TIME_FORMAT))


class Service:
    def __init__(self, db: Database) -> None:
        self.db = db

    def require(
        self, actor: Actor, action: Action, owner_id: int | None = None, s: Session | None = None
    ) -> Actor:
        """Refuse unless the user may take ``action`` with the rights they have now: an administrator may
        have changed their role or disabled them since they signed in (one lookup by primary key).
        Returns the actor as it is now. The command line's SYSTEM_ACTOR (user id 0) is not a user.

        ``s``: the transaction the check belongs to; the lookup runs in it, once, however many rights the
        use case checks (without it, a read session of its own)."""
        now = self.current(actor, s)
        require(now, action, owner_id)
        return now

    def current(self, actor: Actor, s: Session | None = None) -> Actor:
        if not actor.user_id:
            return actor
        if s is not None:
            seen = s.info.setdefault("hqdesk_actors", {})
            if actor.user_id not in seen:
                seen[actor.user_id] = self._look_up(s, actor)
            return seen[actor.user_id]
        with self.db.read() as fresh:
            return self._look_up(fresh, actor)

    @staticmethod
    def _look_up(s: Session, actor: Actor) -> Actor:
        row = s.execute(select(User.role, User.active).where(User.id == actor.user_id)).first()
        if row is None or not row.active:
            raise AccountDisabled()
        return actor if row.role == actor.role.value else replace(actor, role=Role(row.role))

    def flush_or_conflict(self, s: Session, conflict_now: Callable[[Session], ConflictError]) -> None:
        """Write now; another user's save between our version check and our write (PostgreSQL lets both
        check before either writes) becomes ``conflict_now(a fresh session)``, not a crash."""
        try:
            s.flush()
        except StaleDataError:
            s.rollback()
            with self.db.read() as fresh:
                raise conflict_now(fresh) from None


__all__ = [
    "require",
    "conflict_error",
    "AccountDisabled",
    "raise_if_invalid",
    "diff",
    "Service",
    "StaleDataError",
    "ConflictError",
]
