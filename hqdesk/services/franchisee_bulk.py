"""Bulk actions on a selection of franchisees (the list's "Bulk actions" menu; administrators): reassign to
another account manager, add or remove tags, change the status. Each is all or nothing in one transaction,
and goes through the ORM so that every row's change is versioned and audited like a single edit.

A mixin of FranchiseeService (``services.franchisees.bulk_reassign(...)``); the helpers are shared with the
users' hand-over on deactivation.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hqdesk.domain.errors import ArchivedReadOnly, FieldError, NotFound
from hqdesk.domain.franchisee import (
    FranchiseeData,
    LifecycleStatus,
    StatusChange,
    normalize_tags,
    transition_problem,
    validate_franchisee,
)
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor, Role
from hqdesk.persistence.models import Franchisee, User
from hqdesk.services.base import raise_if_invalid

MANAGER_ROLES = (Role.ACCOUNT_MANAGER.value, Role.ADMIN.value)  # who can be given franchisees


def manager_problem(s: Session, manager_id: int) -> FieldError | None:
    """Why ``manager_id`` cannot be given franchisees now (unknown, deactivated, or not a role that manages
    franchisees), or None."""
    manager = s.get(User, manager_id)
    if manager is None or not manager.active or manager.role not in MANAGER_ROLES:
        return FieldError(
            "account_manager_id",
            QT_TRANSLATE_NOOP("Validation", "Choose an active user as account manager."),
        )
    return None


def reassign_rows(s: Session, rows, manager_id: int, username: str) -> int:
    """Give ``rows`` (Franchisee rows of the transaction ``s``) to ``manager_id`` through the ORM, so each
    change is versioned and audited. Returns how many changed hands."""
    changed = 0
    for row in rows:
        if row.account_manager_id != manager_id:
            row.account_manager_id = manager_id
            row.updated_by = username
            changed += 1
    s.flush()
    return changed


def bulk_refusal(code: str) -> FieldError:
    return FieldError(
        "franchisees",
        QT_TRANSLATE_NOOP("Validation", "Franchisee {code} cannot be changed this way; nothing was changed:"),
        {"code": code},
    )


class FranchiseeBulkActions:
    """The bulk use cases of FranchiseeService (needs its ``db``, ``require`` and ``_set_status``)."""

    # ----- bulk actions (the list's selection) ------------------------------------------------------------
    def _rows_for_bulk(self, s: Session, ids) -> list[Franchisee]:
        """The franchisees ``ids``, locked for this transaction; refused whole if one is gone or archived."""
        ids = list(dict.fromkeys(ids))
        rows = list(
            s.scalars(
                select(Franchisee)
                .where(Franchisee.id.in_(ids))
                .order_by(Franchisee.id)
                .with_for_update()
                .execution_options(populate_existing=True)
            )
        )
        if len(rows) != len(ids):
            raise NotFound()
        archived = [r.code for r in rows if r.archived]
        if archived:
            raise ArchivedReadOnly()
        return rows

    def bulk_reassign(self, actor: Actor, ids, manager_id: int) -> int:
        """Give the franchisees ``ids`` to the account manager ``manager_id``: all or nothing, one transaction,
        each change audited. Returns how many franchisees changed hands."""
        with self.db.write(actor.username) as s:
            self.require(actor, Action.ASSIGN_ACCOUNT_MANAGER, s=s)
            problem = manager_problem(s, manager_id)
            if problem is not None:
                raise_if_invalid([problem])
            changed = reassign_rows(s, self._rows_for_bulk(s, ids), manager_id, actor.username)
            s.commit()
        return changed

    def bulk_tag(self, actor: Actor, ids, add=(), remove=()) -> int:
        """Add the tags ``add`` to and take ``remove`` off the franchisees ``ids``: all or nothing.
        Returns how many franchisees' tags changed."""
        add, remove = normalize_tags(add), set(normalize_tags(remove))
        changed = 0
        with self.db.write(actor.username) as s:
            rows = self._rows_for_bulk(s, ids)
            for row in rows:
                self.require(actor, Action.EDIT_FRANCHISEE, row.account_manager_id, s)
            errors: list[FieldError] = []
            for row in rows:
                before = normalize_tags(row.tags)
                after = tuple(t for t in before if t not in remove) + tuple(
                    t for t in add if t not in before and t not in remove
                )
                if after == before:
                    continue
                problems = [
                    e for e in validate_franchisee(FranchiseeData(tags=after), ()) if e.field == "tags"
                ]
                if problems:
                    errors.append(bulk_refusal(row.code))
                    errors.extend(problems)
                    continue
                row.tags = ",".join(after)
                row.updated_by = actor.username
                changed += 1
            raise_if_invalid(errors)
            s.flush()
            from hqdesk.services.franchisees import refresh_search_text  # that module builds on this one

            for row in rows:
                refresh_search_text(s, row.id)
            s.commit()
        return changed

    def bulk_change_status(
        self,
        actor: Actor,
        ids,
        status: LifecycleStatus,
        effective_date: date,
        reason: str,
        today: date | None = None,
    ) -> int:
        """Move the franchisees ``ids`` to ``status`` on ``effective_date``: each change checked as a single
        one would be; one refusal refuses them all (nothing is changed). Returns how many changed."""
        today = today or date.today()
        change = StatusChange(status, effective_date, reason)
        with self.db.write(actor.username) as s:
            rows = self._rows_for_bulk(s, ids)
            errors: list[FieldError] = []
            for row in rows:
                self.require(actor, Action.CHANGE_STATUS, row.account_manager_id, s)
                problems = transition_problem(
                    LifecycleStatus(row.status), status, reason, effective_date, today, row.status_changed_on
                )
                if problems:
                    errors.append(bulk_refusal(row.code))
                    errors.extend(problems)
            raise_if_invalid(errors)
            for row in rows:
                self._set_status(s, row, change, actor, today)
            s.flush()
            s.commit()
        return len(rows)


__all__ = ["FranchiseeBulkActions", "MANAGER_ROLES", "manager_problem", "reassign_rows", "bulk_refusal"]
