"""The dunning run as of a date and its to-do list.

A run (``Action.RUN_DUNNING``, credit managers) takes every franchisee with an overdue open invoice as of the
date (``persistence.ledger_sql``, one grouped query), finds its level under its collection policy (the highest
level whose days overdue is at most the franchisee's largest days overdue; ``domain.dunning``) and adds the level's
action as a ``dunning_tasks`` row: a letter to print (its ``letter_template`` kept for the letters issue), a call
or a visit to make, a hold to set, a final demand, a legal review. Running the same date again adds nothing; a
later run adds a level's action only once per overdue episode.

Working the list: mark a task done or skip it (a note is required to skip). Account managers see and work the call
and visit tasks of their own franchisees (``Action.WORK_DUNNING`` own); credit managers and administrators all of
them. Marking a "credit hold" task done puts the franchisee on credit hold through the credit-profile service (with
a history row).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select, type_coerce
from sqlalchemy.orm import Session

from hqdesk.domain.credit import DunningAction
from hqdesk.domain.credit_check import money
from hqdesk.domain.dunning import EarlierTask, task_due
from hqdesk.domain.errors import CONFLICT_TIME_FORMAT, ConflictError, FieldError, NotFound
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor
from hqdesk.domain.text import text_problem
from hqdesk.persistence.ledger_sql import days_overdue, open_invoices
from hqdesk.persistence.models import Franchisee, User
from hqdesk.persistence.models_credit import CreditPolicy, CreditProfile, DunningTask
from hqdesk.persistence.types import Cents, utcnow
from hqdesk.services.base import Service, raise_if_invalid
from hqdesk.services.credit_policy import levels_of
from hqdesk.services.credit_profiles import MAX_TEXT, CreditProfileService

OWN_ACTIONS = frozenset({DunningAction.PHONE_CALL, DunningAction.VISIT})
"""The tasks an account manager works for their own franchisees."""


class TaskStatus:
    OPEN = "open"
    DONE = "done"
    SKIPPED = "skipped"


TASK_STATUS_LABELS = {
    TaskStatus.OPEN: QT_TRANSLATE_NOOP("Enums", "Open"),
    TaskStatus.DONE: QT_TRANSLATE_NOOP("Enums", "Done"),
    TaskStatus.SKIPPED: QT_TRANSLATE_NOOP("Enums", "Skipped"),
}


@dataclass(frozen=True)
class DunningTaskDTO:
    id: int
    franchisee_id: int
    franchisee_code: str
    franchisee_name: str
    account_manager: str
    run_date: date
    level: int
    action: DunningAction
    letter_template: str
    days_overdue: int
    amount_overdue: Decimal
    status: str
    done_by: str
    done_at: datetime | None
    note: str
    version: int


@dataclass(frozen=True)
class RunResult:
    as_of: date
    franchisees_overdue: int  # franchisees with something overdue as of the date
    created: tuple[DunningTaskDTO, ...]  # the tasks this run added


def overdue_by_franchisee(s: Session, as_of: date) -> list[tuple[int, int, Decimal, date]]:
    """(franchisee id, largest days overdue, amount overdue, oldest overdue due date) for every franchisee with
    an overdue open invoice as of the date."""
    inv = open_invoices(as_of).subquery()
    late = days_overdue(as_of, inv.c.due_date)
    rows = s.execute(
        select(
            inv.c.franchisee_id,
            func.max(late),
            type_coerce(func.sum(inv.c.open_amount), Cents()),
            func.min(inv.c.due_date),
        )
        .where(inv.c.due_date < as_of)
        .group_by(inv.c.franchisee_id)
    ).all()
    out = []
    for fid, days, amount, oldest in rows:
        if isinstance(oldest, str):
            oldest = date.fromisoformat(oldest)
        out.append((fid, int(days), amount, oldest))
    return out


class DunningService(Service):
    def __init__(self, db, profiles: CreditProfileService | None = None) -> None:
        super().__init__(db)
        self.profiles = profiles or CreditProfileService(db)

    def run(self, actor: Actor, as_of: date) -> RunResult:
        with self.db.write(actor.username) as s:
            self.require(actor, Action.RUN_DUNNING, s=s)
            overdue = overdue_by_franchisee(s, as_of)
            default = s.get(CreditPolicy, 1).default_collection_policy_id
            chosen = dict(
                s.execute(select(CreditProfile.franchisee_id, CreditProfile.collection_policy_id)).all()
            )
            levels: dict[int, tuple] = {}
            earlier: dict[int, list[EarlierTask]] = {}
            for t in s.scalars(select(DunningTask).where(DunningTask.run_date <= as_of)):
                earlier.setdefault(t.franchisee_id, []).append(
                    EarlierTask(t.level, DunningAction(t.action), t.run_date)
                )
            added: list[DunningTask] = []
            for fid, days, amount, oldest in overdue:
                policy_id = chosen.get(fid) or default
                if policy_id is None:
                    continue
                if policy_id not in levels:
                    levels[policy_id] = levels_of(s, policy_id)
                due = task_due(levels[policy_id], days, oldest, earlier.get(fid, ()))
                if due is None:
                    continue
                task = DunningTask(
                    franchisee_id=fid,
                    run_date=as_of,
                    level=due.level,
                    action=due.action.value,
                    letter_template=due.letter_template,
                    days_overdue=days,
                    amount_overdue=amount,
                    updated_by=actor.username,
                )
                s.add(task)
                added.append(task)
            s.flush()
            ids = [t.id for t in added]
            s.commit()
        created = tuple(self._list(actor, ids=ids)) if ids else ()
        return RunResult(as_of, len(overdue), created)

    def tasks(
        self, actor: Actor, status: str | None = TaskStatus.OPEN, run_date: date | None = None
    ) -> list[DunningTaskDTO]:
        """The to-do list (newest run first, then most overdue); an account manager's own call and visit tasks
        only, unless they may work every franchisee's."""
        return self._list(actor, status=status, run_date=run_date)

    def _list(
        self,
        actor: Actor,
        status: str | None = None,
        run_date: date | None = None,
        ids: list[int] | None = None,
    ) -> list[DunningTaskDTO]:
        with self.db.read() as s:
            now = self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            q = (
                select(DunningTask, Franchisee.code, Franchisee.legal_name, User.display_name, User.username)
                .join(Franchisee, Franchisee.id == DunningTask.franchisee_id)
                .outerjoin(User, User.id == Franchisee.account_manager_id)
            )
            if status:
                q = q.where(DunningTask.status == status)
            if run_date is not None:
                q = q.where(DunningTask.run_date == run_date)
            if ids is not None:
                q = q.where(DunningTask.id.in_(ids))
            if not now.can(Action.WORK_DUNNING) and now.can(Action.WORK_DUNNING, now.user_id):
                q = q.where(
                    Franchisee.account_manager_id == now.user_id,
                    DunningTask.action.in_([a.value for a in OWN_ACTIONS]),
                )
            q = q.order_by(DunningTask.run_date.desc(), DunningTask.days_overdue.desc(), Franchisee.code)
            return [
                DunningTaskDTO(
                    t.id,
                    t.franchisee_id,
                    code,
                    name,
                    manager or username or "",
                    t.run_date,
                    t.level,
                    DunningAction(t.action),
                    t.letter_template,
                    t.days_overdue,
                    t.amount_overdue,
                    t.status,
                    t.done_by,
                    t.done_at,
                    t.note,
                    t.version,
                )
                for t, code, name, manager, username in s.execute(q)
            ]

    def work(
        self, actor: Actor, task_id: int, version: int, status: str, note: str = ""
    ) -> DunningTaskDTO | None:
        """Mark a task done or skipped (skipping needs a note). Done on a credit-hold task sets the hold."""
        errors = []
        if status not in (TaskStatus.DONE, TaskStatus.SKIPPED):
            errors.append(FieldError("status", QT_TRANSLATE_NOOP("Validation", "This value is not valid.")))
        if status == TaskStatus.SKIPPED and not note.strip():
            errors.append(FieldError("note", QT_TRANSLATE_NOOP("Validation", "Say why the task is skipped.")))
        if len(note) > MAX_TEXT:
            errors.append(
                FieldError(
                    "note",
                    QT_TRANSLATE_NOOP("Validation", "At most {limit} characters."),
                    {"limit": MAX_TEXT},
                )
            )
        if problem := text_problem(note):
            errors.append(FieldError("note", problem))
        raise_if_invalid(errors)
        with self.db.write(actor.username) as s:
            t = s.get(DunningTask, task_id)
            if t is None:
                raise NotFound()
            f = s.get(Franchisee, t.franchisee_id)
            now = self.require(actor, Action.WORK_DUNNING, f.account_manager_id, s=s)
            if not now.can(Action.WORK_DUNNING) and DunningAction(t.action) not in OWN_ACTIONS:
                self.require(actor, Action.RUN_DUNNING, s=s)  # letters and holds are the credit managers'
            if t.version != version or t.status != TaskStatus.OPEN:
                raise ConflictError(None, {}, t.updated_by, t.updated_at.strftime(CONFLICT_TIME_FORMAT))
            if status == TaskStatus.DONE and t.action == DunningAction.CREDIT_HOLD.value:
                reason = QT_TRANSLATE_NOOP(
                    "CreditCheck", "Dunning level {level}: {days} days overdue ({amount}) as of {date}."
                ).format(
                    level=t.level,
                    days=t.days_overdue,
                    amount=money(t.amount_overdue),
                    date=t.run_date.isoformat(),
                )
                if note.strip():
                    reason = f"{reason} {note.strip()}"
                self.profiles.set_hold(s, actor, t.franchisee_id, reason)
            t.status = status
            t.note = note.strip()
            t.done_by = actor.username
            t.done_at = utcnow()
            t.updated_by = actor.username
            self.flush_or_conflict(
                s, lambda fresh: ConflictError(None, {}, fresh.get(DunningTask, task_id).updated_by, "")
            )
            s.commit()
        rows = self._list(actor, ids=[task_id])
        return rows[0] if rows else None


__all__ = [
    "DunningService",
    "DunningTaskDTO",
    "RunResult",
    "TaskStatus",
    "TASK_STATUS_LABELS",
    "OWN_ACTIONS",
    "overdue_by_franchisee",
]
