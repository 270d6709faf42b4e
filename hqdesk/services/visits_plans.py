"""Visit plans: the tiers' cadences, each franchisee's own, and which franchisees are due a visit
(``due_visits``, also the relationship calendar's source); see ``hqdesk.services.visits``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from hqdesk.domain.errors import ArchivedReadOnly, NotFound
from hqdesk.domain.franchisee import LifecycleStatus
from hqdesk.domain.roles import Action, Actor
from hqdesk.domain.visits import (
    NO_REGULAR_VISITS,
    cadence_problem,
    effective_cadence,
    next_visit_due,
)
from hqdesk.persistence.models import Franchisee, Tier
from hqdesk.persistence.models_visits import Visit, VisitCadence, VisitOverride, VisitSummary
from hqdesk.services.base import Service, conflict_error, raise_if_invalid


@dataclass(frozen=True)
class VisitDue:
    """A franchisee's next visit (the calendar's ``visit_due`` events are made of these)."""

    franchisee_id: int
    franchisee_code: str
    franchisee_name: str
    account_manager_id: int | None
    due_date: date
    last_visit_on: date | None
    overdue: bool
    tier: str = ""
    cadence_months: int = 0
    follow_up: bool = False  # the date is the follow-up date the last visit set (earlier than the cadence)


@dataclass(frozen=True)
class TierCadence:
    tier: str
    tier_name: str
    months: int | None  # None: the tier has none of its own and uses FALLBACK_CADENCE_MONTHS
    version: int | None  # of its row (None: no row)


@dataclass(frozen=True)
class VisitPlan:
    """One franchisee's visit plan as its profile shows it."""

    franchisee_id: int
    tier: str
    tier_months: int | None  # the tier's cadence (None: the fallback applies)
    override: int | None  # the franchisee's own (0: no regular visits)
    override_version: int | None
    cadence_months: int  # what applies
    last_visit_on: date | None
    due_date: date | None  # None: no visit due (not active, archived, or no regular visits)
    overdue: bool


def refresh_summaries(s: Session, franchisee_ids: Iterable[int] | None = None) -> None:
    """Bring ``visit_summaries`` in step with the visits of ``franchisee_ids`` (None: every franchisee; the demo
    builder and benchmarks seed visits in bulk and call this once)."""
    latest = select(
        Visit.franchisee_id,
        Visit.visited_on,
        Visit.next_follow_up_on,
        func.row_number()
        .over(partition_by=Visit.franchisee_id, order_by=(Visit.visited_on.desc(), Visit.id.desc()))
        .label("n"),
    )
    ids = None if franchisee_ids is None else sorted(set(franchisee_ids))
    if ids is not None:
        latest = latest.where(Visit.franchisee_id.in_(ids))
    sub = latest.subquery()
    found = {
        r.franchisee_id: (r.visited_on, r.next_follow_up_on)
        for r in s.execute(
            select(sub.c.franchisee_id, sub.c.visited_on, sub.c.next_follow_up_on).where(sub.c.n == 1)
        )
    }
    existing_q = select(VisitSummary)
    if ids is not None:
        existing_q = existing_q.where(VisitSummary.franchisee_id.in_(ids))
    existing = {row.franchisee_id: row for row in s.scalars(existing_q)}
    for fid, row in existing.items():
        if fid not in found:
            s.delete(row)
    for fid, (last, follow_up) in found.items():
        row = existing.get(fid)
        if row is None:
            s.add(VisitSummary(franchisee_id=fid, last_visit_on=last, last_follow_up_on=follow_up))
        elif (row.last_visit_on, row.last_follow_up_on) != (last, follow_up):
            row.last_visit_on, row.last_follow_up_on = last, follow_up
    s.flush()


def _due_rows(s: Session, manager_id: int | None = None, franchisee_ids: Iterable[int] | None = None):
    """Every active, unarchived franchisee with what its due date needs, as plain tuples: ONE query.

    (id, code, name, manager, tier, start, entered, tier months, override, last visit, last follow-up); ``start``
    is the contract start, else the join date; ``entered`` (when it was entered) only where both are missing.
    """
    start = func.coalesce(Franchisee.contract_start, Franchisee.join_date)
    q = (
        select(
            Franchisee.id,
            Franchisee.code,
            Franchisee.legal_name,
            Franchisee.account_manager_id,
            Franchisee.tier,
            start,
            case((start.is_(None), Franchisee.created_at)),
            VisitCadence.months,
            VisitOverride.months,
            VisitSummary.last_visit_on,
            VisitSummary.last_follow_up_on,
        )
        .outerjoin(VisitCadence, VisitCadence.tier == Franchisee.tier)
        .outerjoin(VisitOverride, VisitOverride.franchisee_id == Franchisee.id)
        .outerjoin(VisitSummary, VisitSummary.franchisee_id == Franchisee.id)
        .where(Franchisee.status == LifecycleStatus.ACTIVE.value, Franchisee.archived.is_(False))
        .where(or_(VisitOverride.months.is_(None), VisitOverride.months != NO_REGULAR_VISITS))
    )
    if manager_id is not None:
        q = q.where(Franchisee.account_manager_id == manager_id)
    if franchisee_ids is not None:
        q = q.where(Franchisee.id.in_(list(franchisee_ids)))
    return s.execute(q)


def _with_due(rows):
    """(row, cadence, due date) for each row that has a due date (the domain's rule, once per franchisee)."""
    for r in rows:
        cadence = effective_cadence(r[7], r[8])
        entered = r[6]
        due = next_visit_due(
            cadence, r[9], r[10], r[5], None, entered.date() if entered is not None else None
        )
        if due is not None:
            yield r, cadence, due


def _visit_due(r, cadence: int, due: date, today: date) -> VisitDue:
    return VisitDue(
        franchisee_id=r[0],
        franchisee_code=r[1],
        franchisee_name=r[2],
        account_manager_id=r[3],
        due_date=due,
        last_visit_on=r[9],
        overdue=due < today,
        tier=r[4],
        cadence_months=cadence,
        follow_up=r[10] is not None and due == r[10],
    )


def overdue_ids(s: Session, today: date, manager_id: int | None = None) -> list[int]:
    """The franchisees whose next visit is overdue."""
    return [r[0] for r, _cadence, due in _with_due(_due_rows(s, manager_id)) if due < today]


class VisitPlans(Service):
    """VisitService's plans and due visits."""

    def _franchisee(self, s: Session, actor: Actor, franchisee_id: int, action: Action = Action.LOG_VISIT):
        """The franchisee written, locked for the transaction; the right checked against its manager now."""
        f = s.get(Franchisee, franchisee_id, with_for_update=True)
        if f is None:
            raise NotFound()
        self.require(actor, action, f.account_manager_id, s)
        if f.archived:
            raise ArchivedReadOnly()
        return f

    # ----- due visits -------------------------------------------------------------------------------------
    def due_visits(
        self,
        actor: Actor,
        start: date,
        end: date,
        manager_id: int | None = None,
        today: date | None = None,
    ) -> list[VisitDue]:
        """Each franchisee whose next visit falls in [start, end], and, when ``start`` is not after today, the
        overdue ones due before ``start`` too (flagged ``overdue``); sorted by due date, then code."""
        today = today or date.today()
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            overdue_too = start <= today
            out = [
                _visit_due(r, cadence, due, today)
                for r, cadence, due in _with_due(_due_rows(s, manager_id))
                if start <= due <= end or (overdue_too and due < start)
            ]
            out.sort(key=lambda d: (d.due_date, d.franchisee_code))
            return out

    # ----- plans ------------------------------------------------------------------------------------------
    def cadences(self, actor: Actor) -> list[TierCadence]:
        """Every tier with its cadence (None: it uses the fallback), in the tiers' order."""
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            rows = s.execute(
                select(Tier.code, Tier.name, VisitCadence.months, VisitCadence.version)
                .outerjoin(VisitCadence, VisitCadence.tier == Tier.code)
                .order_by(Tier.sort_order, Tier.code)
            )
            return [TierCadence(code, name, months, version) for code, name, months, version in rows]

    def set_cadences(
        self,
        actor: Actor,
        months: Mapping[str, int | None],
        versions: Mapping[str, int | None] | None = None,
    ) -> list[TierCadence]:
        """Set the cadence of each tier given (None: remove it, the fallback applies), all or nothing.
        ``versions``: the row versions the editor showed (None: it showed no row); a change made meanwhile by
        another administrator is a conflict."""
        errors = []
        for tier, value in months.items():
            if value is not None and (problem := cadence_problem(value)):
                errors.append(replace(problem, field=f"months:{tier}"))
        raise_if_invalid(errors)
        with self.db.write(actor.username) as s:
            self.require(actor, Action.CONFIGURE_VISIT_CADENCES, s=s)
            known = set(s.scalars(select(Tier.code)))
            rows = {r.tier: r for r in s.scalars(select(VisitCadence))}
            for tier, value in months.items():
                if tier not in known:
                    raise NotFound()
                row = rows.get(tier)
                if versions is not None and tier in versions:
                    shown = versions[tier]
                    if (row.version if row is not None else None) != shown:
                        current = TierCadence(
                            tier, tier, row.months if row else None, row.version if row else None
                        )
                        raise conflict_error(
                            current, {"months": (current.months, value)}, row or _Stamp(actor.username)
                        )
                if value is None:
                    if row is not None:
                        s.delete(row)
                elif row is None:
                    s.add(VisitCadence(tier=tier, months=value, updated_by=actor.username))
                elif row.months != value:
                    row.months = value
                    row.updated_by = actor.username
            s.flush()
            s.commit()
        return self.cadences(actor)

    def plan(self, actor: Actor, franchisee_id: int, today: date | None = None) -> VisitPlan:
        today = today or date.today()
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            return _plan(s, franchisee_id, today)

    def set_override(
        self,
        actor: Actor,
        franchisee_id: int,
        months: int | None,
        version: int | None,
        today: date | None = None,
    ) -> VisitPlan:
        """The franchisee's own cadence: months, 0 = no regular visits, None = follow its tier again.
        ``version``: of the override the user saw (None: there was none)."""
        if months is not None and (problem := cadence_problem(months, allow_none=True)):
            raise_if_invalid([problem])
        with self.db.write(actor.username) as s:
            self._franchisee(s, actor, franchisee_id, Action.PLAN_VISITS)
            row = s.scalar(select(VisitOverride).where(VisitOverride.franchisee_id == franchisee_id))
            if (row.version if row is not None else None) != version:
                current = _plan(s, franchisee_id, today or date.today())
                raise conflict_error(
                    current, {"override": (current.override, months)}, row or _Stamp(actor.username)
                )
            if months is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(VisitOverride(franchisee_id=franchisee_id, months=months, updated_by=actor.username))
            elif row.months != months:
                row.months = months
                row.updated_by = actor.username
            s.flush()
            plan = _plan(s, franchisee_id, today or date.today())
            s.commit()
        return plan


class _Stamp:
    """Who and when for a conflict over a row that another user removed (there is no row to ask)."""

    def __init__(self, who: str) -> None:
        from hqdesk.persistence.types import utcnow

        self.updated_by, self.updated_at = who, utcnow()


def _plan(s: Session, franchisee_id: int, today: date) -> VisitPlan:
    f = s.get(Franchisee, franchisee_id)
    if f is None:
        raise NotFound()
    tier_months = s.scalar(select(VisitCadence.months).where(VisitCadence.tier == f.tier))
    override = s.scalar(select(VisitOverride).where(VisitOverride.franchisee_id == franchisee_id))
    summary = s.get(VisitSummary, franchisee_id)
    last = summary.last_visit_on if summary else None
    cadence = effective_cadence(tier_months, override.months if override else None)
    due = next((d for _r, _c, d in _with_due(_due_rows(s, franchisee_ids=[franchisee_id]))), None)
    return VisitPlan(
        franchisee_id=franchisee_id,
        tier=f.tier,
        tier_months=tier_months,
        override=override.months if override else None,
        override_version=override.version if override else None,
        cadence_months=cadence,
        last_visit_on=last,
        due_date=due,
        overdue=due is not None and due < today,
    )
