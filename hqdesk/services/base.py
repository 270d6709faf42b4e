"""Helpers shared by the services: permission checks and conflict detection."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy.orm.exc import StaleDataError

from hqdesk.domain.errors import ConflictError, PermissionDenied, ValidationError
from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.database import Database


def require(actor: Actor, action: Action, owner_id: int | None = None) -> None:
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


__all__ = ["require", "raise_if_invalid", "diff", "Service", "StaleDataError", "ConflictError"]
