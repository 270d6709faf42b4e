"""Visits: logging them with the suggestions heard, the visit list, the suggestions to follow up, the cadence
plans, and which franchisees are due a visit (``due_visits``, also the relationship calendar's source).

Rights: the franchisee's account manager and administrators log, edit and delete its visits and follow up
its suggestions (``Action.LOG_VISIT``), and change its own cadence (``Action.PLAN_VISITS``); administrators
set the cadence of each tier (``Action.CONFIGURE_VISIT_CADENCES``); everyone who may view franchisees reads.
An archived franchisee is read only. The due rules are ``hqdesk.domain.visits``'; ``due_visits`` reads every
franchisee it needs in ONE query (the per-franchisee summary of the last visit is kept in step with the
visits in the same transaction) and applies the month arithmetic to those rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from hqdesk.domain.errors import ConflictError, FieldError, NotFound
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor, Role
from hqdesk.domain.visits import (
    DEFAULT_CADENCES,
    FALLBACK_CADENCE_MONTHS,
    SuggestionStatus,
    VisitData,
    VisitKind,
    VisitPurpose,
    clean_visit,
    validate_response,
    validate_visit,
)
from hqdesk.persistence.mappers_visits import VisitMapper
from hqdesk.persistence.models import Contact, Franchisee, User
from hqdesk.persistence.models_visits import Visit, VisitSuggestion
from hqdesk.services.base import Service, conflict_error, diff, raise_if_invalid
from hqdesk.services.dto import UserName
from hqdesk.services.visits_plans import (  # noqa: F401 (re-exported)
    TierCadence,
    VisitDue,
    VisitPlan,
    VisitPlans,
    _due_rows,
    _plan,
    _Stamp,
    _visit_due,
    _with_due,
    overdue_ids,
    refresh_summaries,
)

UNKNOWN_USER = QT_TRANSLATE_NOOP("Validation", "Choose who from HQ made the visit.")


# ----- DTOs ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class VisitDTO:
    id: int
    franchisee_id: int
    version: int
    data: VisitData
    updated_by: str = ""


@dataclass(frozen=True)
class VisitRow:
    """One line of the visit list (with its franchisee and who from HQ went)."""

    id: int
    version: int
    franchisee_id: int
    franchisee_code: str
    franchisee_name: str
    account_manager_id: int | None
    visited_on: date
    kind: VisitKind
    purpose: VisitPurpose
    hq_user_id: int | None
    hq_user_name: str
    met_with: str
    outcome: str
    next_follow_up_on: date | None
    suggestions: int  # how many were made
    open_suggestions: int  # how many still need following up (open or in progress)


@dataclass(frozen=True)
class VisitFilter:
    """What the visit list shows. ``manager_id``: the franchisees' account manager. ``overdue``: only the
    visits of franchisees whose next visit is overdue."""

    manager_id: int | None = None
    kind: VisitKind | None = None
    purpose: VisitPurpose | None = None
    date_from: date | None = None
    date_to: date | None = None
    overdue: bool = False
    franchisee_id: int | None = None


VisitKey = tuple[date, int]  # (visited_on, id) of the last row of a page


@dataclass(frozen=True)
class VisitPage:
    rows: tuple[VisitRow, ...]
    next_key: VisitKey | None  # None: this was the last page
    total: int | None = None  # the number of matches (on the first page only)


@dataclass(frozen=True)
class SuggestionRow:
    """A suggestion as the follow-up list shows it."""

    id: int
    version: int
    visit_id: int
    franchisee_id: int
    franchisee_code: str
    franchisee_name: str
    account_manager_id: int | None
    visited_on: date
    text: str
    status: SuggestionStatus
    response: str
    updated_by: str


@dataclass(frozen=True)
class SuggestionPage:
    rows: tuple[SuggestionRow, ...]
    total: int  # how many match in all (rows holds at most the limit asked for)


def visit_dto(v: Visit) -> VisitDTO:
    return VisitDTO(v.id, v.franchisee_id, v.version, VisitMapper.data(v), v.updated_by)


def read_visits(s: Session, franchisee_id: int) -> list[VisitDTO]:
    """A franchisee's visits, newest first (the profile's Visits tab; one query plus one for suggestions)."""
    rows = s.scalars(
        select(Visit)
        .where(Visit.franchisee_id == franchisee_id)
        .order_by(Visit.visited_on.desc(), Visit.id.desc())
    )
    return [visit_dto(v) for v in rows]


@dataclass(frozen=True)
class VisitChoices:
    """What the visit pages' filters and forms offer: every user by name, and the account managers."""

    names: tuple[UserName, ...]
    managers: tuple[UserName, ...]  # users who look after franchisees, or may (account managers, admins)


class VisitService(VisitPlans, Service):
    """Logging visits, the visit list and the suggestions; the plans and due visits come from
    ``visits_plans.VisitPlans``."""

    def choices(self, actor: Actor) -> VisitChoices:
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            users = s.execute(
                select(User.id, User.username, User.display_name, User.role, User.active).order_by(
                    User.display_name, User.username
                )
            ).all()
            managing = set(s.scalars(select(Franchisee.account_manager_id).distinct()))
            names = tuple(UserName(u.id, u.username, u.display_name) for u in users)
            managers = tuple(
                UserName(u.id, u.username, u.display_name)
                for u in users
                if u.id in managing or (u.active and u.role in (Role.ACCOUNT_MANAGER.value, Role.ADMIN.value))
            )
            return VisitChoices(names, managers)

    # ----- one franchisee's visits ------------------------------------------------------------------------
    def _visit(self, s: Session, actor: Actor, visit_id: int) -> Visit:
        v = s.get(Visit, visit_id)
        if v is None:
            raise NotFound()
        self._franchisee(s, actor, v.franchisee_id)
        v = s.get(Visit, visit_id, populate_existing=True)  # as it is once the franchisee is locked
        if v is None:
            raise NotFound()
        return v

    @staticmethod
    def _check_user(s: Session, data: VisitData) -> None:
        if data.hq_user_id is not None and s.get(User, data.hq_user_id) is None:
            raise_if_invalid([FieldError("hq_user_id", UNKNOWN_USER)])

    @staticmethod
    def _conflict_as_now(visit_id: int, base: VisitData | None, mine: VisitData):
        def conflict(s) -> ConflictError:
            v = s.get(Visit, visit_id)
            if v is None:
                raise NotFound()
            dto = visit_dto(v)
            return conflict_error(dto, diff(base, dto.data, mine), v)

        return conflict

    def list(self, actor: Actor, franchisee_id: int) -> list[VisitDTO]:
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            return read_visits(s, franchisee_id)

    def get(self, actor: Actor, visit_id: int) -> VisitDTO:
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            v = s.get(Visit, visit_id)
            if v is None:
                raise NotFound()
            return visit_dto(v)

    def contact_names(self, actor: Actor, franchisee_id: int) -> tuple[str, ...]:
        """Whom a visit may have met: the franchisee's contacts, primary first (the form's "Met with")."""
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            return tuple(
                s.scalars(
                    select(Contact.name)
                    .where(Contact.franchisee_id == franchisee_id)
                    .order_by(Contact.is_primary.desc(), Contact.id)
                )
            )

    def log(self, actor: Actor, franchisee_id: int, data: VisitData, today: date | None = None) -> VisitDTO:
        """Log a visit that happened (with its suggestions). Who from HQ defaults to the user logging it."""
        data = clean_visit(data)
        if data.hq_user_id is None and actor.user_id:
            data = replace(data, hq_user_id=actor.user_id)
        data = replace(data, suggestions=tuple(replace(x, id=None) for x in data.suggestions))
        raise_if_invalid(validate_visit(data, today or date.today()))
        with self.db.write(actor.username) as s:
            self._franchisee(s, actor, franchisee_id)
            self._check_user(s, data)
            v = Visit(franchisee_id=franchisee_id, updated_by=actor.username, **VisitMapper.values(data))
            s.add(v)
            VisitMapper.apply(v, data, actor.username)
            s.flush()
            refresh_summaries(s, [franchisee_id])
            dto = visit_dto(v)
            s.commit()
        return dto

    def update(
        self,
        actor: Actor,
        visit_id: int,
        version: int,
        data: VisitData,
        base: VisitData | None = None,
        overwrite: bool = False,
        today: date | None = None,
    ) -> VisitDTO:
        data = clean_visit(data)
        raise_if_invalid(validate_visit(data, today or date.today()))
        with self.db.write(actor.username) as s:
            v = self._visit(s, actor, visit_id)
            dto = visit_dto(v)
            if overwrite:
                self.require(actor, Action.OVERWRITE_CONFLICT, s=s)
            elif v.version != version:
                raise conflict_error(dto, diff(base, dto.data, data), v)
            self._check_user(s, data)
            VisitMapper.apply(v, data, actor.username)
            v.updated_by = actor.username
            flag_modified(v, "updated_by")  # a change of its suggestions alone moves the visit's version too
            self.flush_or_conflict(s, self._conflict_as_now(visit_id, base, data))
            refresh_summaries(s, [v.franchisee_id])
            saved = visit_dto(v)
            s.commit()
        return saved

    def delete(self, actor: Actor, visit_id: int, version: int) -> None:
        with self.db.write(actor.username) as s:
            v = self._visit(s, actor, visit_id)
            if v.version != version:
                dto = visit_dto(v)
                raise conflict_error(dto, diff(None, dto.data, dto.data), v)
            fid, as_loaded = v.franchisee_id, VisitMapper.data(v)
            s.delete(v)
            self.flush_or_conflict(s, self._conflict_as_now(visit_id, None, as_loaded))
            refresh_summaries(s, [fid])
            s.commit()

    # ----- the visit list ---------------------------------------------------------------------------------
    def page(
        self,
        actor: Actor,
        flt: VisitFilter = VisitFilter(),
        after: VisitKey | None = None,
        limit: int = 200,
        today: date | None = None,
    ) -> VisitPage:
        """Visits newest first, ``limit`` at a time after the key of the previous page's last row."""
        today = today or date.today()
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            conditions = []
            if flt.manager_id is not None:
                conditions.append(Franchisee.account_manager_id == flt.manager_id)
            if flt.kind is not None:
                conditions.append(Visit.kind == VisitKind(flt.kind).value)
            if flt.purpose is not None:
                conditions.append(Visit.purpose == VisitPurpose(flt.purpose).value)
            if flt.date_from is not None:
                conditions.append(Visit.visited_on >= flt.date_from)
            if flt.date_to is not None:
                conditions.append(Visit.visited_on <= flt.date_to)
            if flt.franchisee_id is not None:
                conditions.append(Visit.franchisee_id == flt.franchisee_id)
            if flt.overdue:
                ids = overdue_ids(s, today, flt.manager_id)
                if not ids:
                    return VisitPage((), None, 0 if after is None else None)
                conditions.append(Visit.franchisee_id.in_(ids))
            total = None
            if after is None:
                total = s.scalar(
                    select(func.count())
                    .select_from(Visit)
                    .join(Franchisee, Franchisee.id == Visit.franchisee_id)
                    .where(*conditions)
                )
            counts = (
                select(
                    VisitSuggestion.visit_id,
                    func.count().label("n"),
                    func.sum(
                        case(
                            (
                                VisitSuggestion.status.in_(
                                    [SuggestionStatus.OPEN.value, SuggestionStatus.IN_PROGRESS.value]
                                ),
                                1,
                            ),
                            else_=0,
                        )
                    ).label("open"),
                )
                .group_by(VisitSuggestion.visit_id)
                .subquery()
            )
            q = (
                select(
                    Visit,
                    Franchisee.code,
                    Franchisee.legal_name,
                    Franchisee.account_manager_id,
                    func.coalesce(func.nullif(User.display_name, ""), User.username).label("hq_name"),
                )
                .join(Franchisee, Franchisee.id == Visit.franchisee_id)
                .outerjoin(User, User.id == Visit.hq_user_id)
                .where(*conditions)
            )
            if after is not None:
                q = q.where(
                    or_(Visit.visited_on < after[0], and_(Visit.visited_on == after[0], Visit.id < after[1]))
                )
            q = q.order_by(Visit.visited_on.desc(), Visit.id.desc()).limit(limit + 1)
            found = s.execute(q.execution_options(populate_existing=False)).all()
            more = len(found) > limit
            found = found[:limit]
            stats = {}
            if found:
                ids = [r[0].id for r in found]
                stats = {
                    r.visit_id: (r.n, r.open or 0)
                    for r in s.execute(select(counts).where(counts.c.visit_id.in_(ids)))
                }
            rows = tuple(
                VisitRow(
                    id=v.id,
                    version=v.version,
                    franchisee_id=v.franchisee_id,
                    franchisee_code=code,
                    franchisee_name=name,
                    account_manager_id=manager,
                    visited_on=v.visited_on,
                    kind=VisitKind(v.kind),
                    purpose=VisitPurpose(v.purpose),
                    hq_user_id=v.hq_user_id,
                    hq_user_name=hq_name or "",
                    met_with=v.met_with,
                    outcome=v.outcome,
                    next_follow_up_on=v.next_follow_up_on,
                    suggestions=stats.get(v.id, (0, 0))[0],
                    open_suggestions=stats.get(v.id, (0, 0))[1],
                )
                for v, code, name, manager, hq_name in found
            )
            next_key = (rows[-1].visited_on, rows[-1].id) if more and rows else None
            return VisitPage(rows, next_key, total)

    # ----- suggestions ------------------------------------------------------------------------------------
    def suggestions(
        self,
        actor: Actor,
        statuses: Iterable[SuggestionStatus] | None = None,
        manager_id: int | None = None,
        franchisee_id: int | None = None,
        limit: int = 1000,
    ) -> list[SuggestionRow]:
        """Suggestions, those of the latest visits first, at most ``limit``."""
        return list(self.suggestion_page(actor, statuses, manager_id, franchisee_id, limit).rows)

    def suggestion_page(
        self,
        actor: Actor,
        statuses: Iterable[SuggestionStatus] | None = None,
        manager_id: int | None = None,
        franchisee_id: int | None = None,
        limit: int = 1000,
    ) -> SuggestionPage:
        """The suggestions that match, those of the latest visits first, at most ``limit``, and how many match
        in all (the list says when it shows only the newest)."""
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            conditions = []
            if statuses is not None:
                conditions.append(VisitSuggestion.status.in_([SuggestionStatus(x).value for x in statuses]))
            if manager_id is not None:
                conditions.append(Franchisee.account_manager_id == manager_id)
            if franchisee_id is not None:
                conditions.append(VisitSuggestion.franchisee_id == franchisee_id)
            total = s.scalar(
                select(func.count())
                .select_from(VisitSuggestion)
                .join(Franchisee, Franchisee.id == VisitSuggestion.franchisee_id)
                .where(*conditions)
            )
            q = (
                select(
                    VisitSuggestion,
                    Visit.visited_on,
                    Franchisee.code,
                    Franchisee.legal_name,
                    Franchisee.account_manager_id,
                )
                .join(Visit, Visit.id == VisitSuggestion.visit_id)
                .join(Franchisee, Franchisee.id == VisitSuggestion.franchisee_id)
                .where(*conditions)
                .order_by(Visit.visited_on.desc(), VisitSuggestion.id.desc())
                .limit(limit)
            )
            rows = tuple(
                _suggestion_row(sg, visited_on, code, name, manager)
                for sg, visited_on, code, name, manager in s.execute(q)
            )
            return SuggestionPage(rows, total or 0)

    def set_suggestion_status(
        self, actor: Actor, suggestion_id: int, version: int, status: SuggestionStatus, response: str
    ) -> SuggestionRow:
        """Follow a suggestion up: its status and HQ's response. Its visit's version moves too, so a visit
        form open elsewhere cannot put the old status back without a conflict."""
        response = response.strip()
        raise_if_invalid(validate_response(response))
        with self.db.write(actor.username) as s:
            sg = s.get(VisitSuggestion, suggestion_id)
            if sg is None:
                raise NotFound()
            f = self._franchisee(s, actor, sg.franchisee_id)
            sg = s.get(VisitSuggestion, suggestion_id, populate_existing=True)
            if sg is None:
                raise NotFound()
            v = s.get(Visit, sg.visit_id)
            if sg.version != version:
                current = _suggestion_row(sg, v.visited_on, f.code, f.legal_name, f.account_manager_id)
                mine = replace(current, status=SuggestionStatus(status), response=response)
                raise conflict_error(current, diff(None, current, mine), sg)
            sg.status = SuggestionStatus(status).value
            sg.response = response
            sg.updated_by = actor.username
            v.updated_by = actor.username
            flag_modified(v, "updated_by")
            s.flush()
            row = _suggestion_row(sg, v.visited_on, f.code, f.legal_name, f.account_manager_id)
            s.commit()
        return row


def _suggestion_row(sg: VisitSuggestion, visited_on, code, name, manager) -> SuggestionRow:
    return SuggestionRow(
        id=sg.id,
        version=sg.version,
        visit_id=sg.visit_id,
        franchisee_id=sg.franchisee_id,
        franchisee_code=code,
        franchisee_name=name,
        account_manager_id=manager,
        visited_on=visited_on,
        text=sg.text,
        status=SuggestionStatus(sg.status),
        response=sg.response,
        updated_by=sg.updated_by,
    )


__all__ = [
    "VisitService",
    "VisitDTO",
    "VisitRow",
    "VisitFilter",
    "VisitKey",
    "VisitPage",
    "SuggestionRow",
    "SuggestionPage",
    "VisitDue",
    "TierCadence",
    "VisitPlan",
    "VisitChoices",
    "VisitMapper",
    "visit_dto",
    "read_visits",
    "refresh_summaries",
    "overdue_ids",
    "DEFAULT_CADENCES",
    "FALLBACK_CADENCE_MONTHS",
]
