"""Complaints: intake, the workflow with its timeline, the queue, the category tree and the severity times.

Rules (``hqdesk.domain.complaints`` has the workflow and the due dates):

- Anyone who may log complaints (administrators, account managers, credit managers) logs one for *any*
  franchisee: a complaint can come in through anyone. Whoever logs it may name the assignee at once.
- The assignee or an administrator moves it on. An unassigned new complaint may also be taken by anyone who
  may handle complaints, for themselves. Only an administrator hands a complaint to another person.
- Closed complaints are read only except "reopen". Comments may be added by anyone who may log complaints,
  while the complaint is not closed.
- Every transition, reassignment, edit and comment is a line of the timeline (who, when, comment).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import func, literal_column, or_, select, text, tuple_
from sqlalchemy.orm import Session

from hqdesk.domain.complaints import (
    ALLOWED_COMPLAINT_TRANSITIONS,
    DEFAULT_SLA,
    OPEN_STATUSES,
    REASSIGNABLE,
    Channel,
    ComplaintStatus,
    EventKind,
    Severity,
    SlaTimes,
    category_name_problems,
    comment_problems,
    complaint_number,
    due_dates,
    intake_problems,
    next_deadline,
    sla_problems,
    transition_problems,
)
from hqdesk.domain.errors import FieldError, HqdeskError, NotFound
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor, Role
from hqdesk.persistence.models import Contact, Franchisee, User
from hqdesk.persistence.models_complaints import Complaint, ComplaintCategory, ComplaintEvent, ComplaintSla
from hqdesk.persistence.types import utcnow
from hqdesk.services.base import Service, conflict_error, raise_if_invalid

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
FEW_MATCHES = 3000
"""Below this many matches a page is found through the filters and sorted; above, along the sort's index."""


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


class ComplaintService(Service):
    clock: Callable[[], datetime] = staticmethod(utcnow)

    # ----- settings: categories and times ------------------------------------------------------------------
    def categories(self, include_inactive: bool = True) -> list[CategoryDTO]:
        with self.db.read() as s:
            return [c for c in _categories(s, usage=True) if include_inactive or c.active]

    def add_category(self, actor: Actor, parent_id: int | None, name: str) -> CategoryDTO:
        name = name.strip()
        raise_if_invalid(category_name_problems(name))
        with self.db.write(actor.username) as s:
            self.require(actor, Action.CONFIGURE_COMPLAINTS, s=s)
            if parent_id is not None and s.get(ComplaintCategory, parent_id) is None:
                raise NotFound()
            self._unique_name(s, parent_id, name, None)
            last = s.scalar(select(func.max(ComplaintCategory.sort_order)).where(_same_parent(parent_id)))
            row = ComplaintCategory(
                parent_id=parent_id,
                name=name,
                active=True,
                sort_order=(last if last is not None else -1) + 1,
                updated_by=actor.username,
            )
            s.add(row)
            s.flush()
            new_id = row.id
            s.commit()
        return next(c for c in self.categories() if c.id == new_id)

    def rename_category(self, actor: Actor, category_id: int, version: int, name: str) -> None:
        name = name.strip()
        raise_if_invalid(category_name_problems(name))
        with self.db.write(actor.username) as s:
            self.require(actor, Action.CONFIGURE_COMPLAINTS, s=s)
            row = self._category(s, category_id, version)
            self._unique_name(s, row.parent_id, name, row.id)
            row.name = name
            row.updated_by = actor.username
            self.flush_or_conflict(
                s, lambda fresh: conflict_error(None, {}, fresh.get(ComplaintCategory, category_id))
            )
            s.commit()

    def set_category_active(self, actor: Actor, category_id: int, version: int, active: bool) -> None:
        """Deactivate (no new complaints under it or its sub-categories; old ones keep it) or activate again.
        Categories are never deleted."""
        with self.db.write(actor.username) as s:
            self.require(actor, Action.CONFIGURE_COMPLAINTS, s=s)
            row = self._category(s, category_id, version)
            row.active = active
            row.updated_by = actor.username
            self.flush_or_conflict(
                s, lambda fresh: conflict_error(None, {}, fresh.get(ComplaintCategory, category_id))
            )
            s.commit()

    def sla(self) -> list[SlaDTO]:
        with self.db.read() as s:
            return _sla(s)

    def set_sla(self, actor: Actor, times: dict[Severity, SlaTimes], versions: dict[Severity, int]) -> None:
        """New response/resolution times; they apply to complaints logged from now on."""
        raise_if_invalid(sla_problems(times))
        with self.db.write(actor.username) as s:
            self.require(actor, Action.CONFIGURE_COMPLAINTS, s=s)
            rows = {r.severity: r for r in s.scalars(select(ComplaintSla))}
            for severity, t in times.items():
                row = rows.get(int(severity))
                if row is None:
                    row = ComplaintSla(severity=int(severity), response_hours=0, resolution_hours=0)
                    s.add(row)
                elif severity in versions and row.version != versions[severity]:
                    raise conflict_error(None, {}, row)
                if (row.response_hours, row.resolution_hours) != (t.response_hours, t.resolution_hours):
                    row.response_hours, row.resolution_hours = t.response_hours, t.resolution_hours
                    row.updated_by = actor.username
            self.flush_or_conflict(
                s,
                lambda fresh: conflict_error(
                    None,
                    {},
                    fresh.scalars(select(ComplaintSla).order_by(ComplaintSla.updated_at.desc())).first(),
                ),
            )
            s.commit()

    # ----- the form's choices ------------------------------------------------------------------------------
    def choices(self, actor: Actor) -> ComplaintChoices:
        with self.db.read() as s:
            now = self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            return ComplaintChoices(
                categories=tuple(c for c in _categories(s) if c.active),
                assignees=tuple(_assignees(s)),
                sla=tuple(_sla(s)),
                may_log=now.can(Action.LOG_COMPLAINT),
                may_assign_others=now.can(Action.HANDLE_COMPLAINT),
                me=now.user_id,
            )

    def franchisee_choices(
        self, actor: Actor, franchisee_id: int | None = None
    ) -> list[tuple[int, str, str]]:
        """(id, code, legal name) of every franchisee that is not archived, by code: the form's picker; with
        ``franchisee_id`` that one only (archived or not)."""
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            q = select(Franchisee.id, Franchisee.code, Franchisee.legal_name).order_by(Franchisee.code)
            if franchisee_id is None:
                q = q.where(Franchisee.archived.is_(False))
            else:
                q = q.where(Franchisee.id == franchisee_id)
            return [tuple(r) for r in s.execute(q)]

    def contacts_of(self, actor: Actor, franchisee_id: int) -> list[tuple[int, str]]:
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            return [
                tuple(r)
                for r in s.execute(
                    select(Contact.id, Contact.name)
                    .where(Contact.franchisee_id == franchisee_id)
                    .order_by(Contact.is_primary.desc(), Contact.id)
                )
            ]

    # ----- intake ------------------------------------------------------------------------------------------
    def log(self, actor: Actor, intake: ComplaintIntake, assignee_id: int | None = None) -> ComplaintDetail:
        """Log a complaint (status new); with ``assignee_id`` it is assigned at once (a second timeline line)."""
        now = self.clock()
        raise_if_invalid(_intake_problems(intake, now))
        with self.db.write(actor.username) as s:
            me = self.require(actor, Action.LOG_COMPLAINT, s=s)
            self._check_refs(s, intake, new_category=True)
            if assignee_id is not None:
                self._check_assignee(s, assignee_id)
            times = _sla_times(s, intake.severity)
            due = due_dates(intake.received_at, times)
            c = Complaint(
                franchisee_id=intake.franchisee_id,
                contact_id=intake.contact_id,
                received_at=intake.received_at,
                channel=intake.channel.value,
                category_id=intake.category_id,
                severity=int(intake.severity),
                description=intake.description.strip(),
                references=intake.references.strip(),
                # assigned at intake: written so in the one INSERT (on PostgreSQL a personal login may not
                # UPDATE a complaint into someone else's hands; the timeline still shows both steps)
                status=(ComplaintStatus.NEW if assignee_id is None else ComplaintStatus.ASSIGNED).value,
                assignee_id=assignee_id,
                logged_by_id=me.user_id or None,
                response_due=due.response_due,
                resolution_due=due.resolution_due,
                due_at=next_deadline(ComplaintStatus.NEW, False, due.response_due, due.resolution_due),
                updated_by=me.username,
            )
            s.add(c)
            s.flush()
            self._event(s, c, me, EventKind.LOGGED, None, ComplaintStatus.NEW, now=now)
            if assignee_id is not None:
                self._event(
                    s,
                    c,
                    me,
                    EventKind.TRANSITION,
                    ComplaintStatus.NEW,
                    ComplaintStatus.ASSIGNED,
                    assignee_id=assignee_id,
                    now=now,
                )
            s.flush()
            cid = c.id
            s.commit()
        return self.get(actor, cid)

    def edit(self, actor: Actor, complaint_id: int, version: int, intake: ComplaintIntake) -> ComplaintDetail:
        """Correct the intake details (the assignee or an administrator; not once closed). A new severity or
        receipt time computes the due dates again."""
        now = self.clock()
        raise_if_invalid(_intake_problems(intake, now))
        with self.db.write(actor.username) as s:
            c = self._complaint(s, complaint_id, version)
            me = self._may_handle(s, actor, c)
            if c.status == ComplaintStatus.CLOSED:
                raise ComplaintClosed()
            if intake.franchisee_id != c.franchisee_id:
                raise_if_invalid(
                    [
                        FieldError(
                            "franchisee",
                            QT_TRANSLATE_NOOP(
                                "Validation", "A logged complaint stays with its franchisee; log a new one."
                            ),
                        )
                    ]
                )
            self._check_refs(s, intake, new_category=intake.category_id != c.category_id)
            changed = []
            for attr, value in (
                ("contact_id", intake.contact_id),
                ("received_at", intake.received_at),
                ("channel", intake.channel.value),
                ("category_id", intake.category_id),
                ("severity", int(intake.severity)),
                ("description", intake.description.strip()),
                ("references", intake.references.strip()),
            ):
                if getattr(c, attr) != value:
                    setattr(c, attr, value)
                    changed.append(attr)
            if not changed:
                return self._detail(s, c, me, now)
            if {"severity", "received_at"} & set(changed):
                due = due_dates(intake.received_at, _sla_times(s, intake.severity))
                c.response_due = due.response_due
                if c.status != ComplaintStatus.REOPENED:
                    c.resolution_due = due.resolution_due
                _set_due(c)
            c.updated_by = me.username
            self._event(s, c, me, EventKind.EDITED, None, None, comment=", ".join(changed), now=now)
            self.flush_or_conflict(
                s, lambda fresh: conflict_error(None, {}, fresh.get(Complaint, complaint_id))
            )
            s.commit()
        return self.get(actor, complaint_id)

    # ----- the workflow ------------------------------------------------------------------------------------
    def transition(
        self, actor: Actor, complaint_id: int, version: int, change: ChangeRequest
    ) -> ComplaintDetail:
        now = self.clock()
        with self.db.write(actor.username) as s:
            c = self._complaint(s, complaint_id, version)
            old = ComplaintStatus(c.status)
            me = self.current(actor, s)
            if change.to is ComplaintStatus.ASSIGNED and old is ComplaintStatus.NEW and c.assignee_id is None:
                target = change.assignee_id
                if (
                    target is not None
                    and target == me.user_id
                    and me.can(Action.HANDLE_COMPLAINT, me.user_id)
                ):
                    pass  # taking an unassigned complaint for oneself
                else:
                    me = self.require(actor, Action.HANDLE_COMPLAINT, s=s)  # naming someone else: an admin
            else:
                me = self._may_handle(s, actor, c)
            if old is ComplaintStatus.CLOSED and change.to is not ComplaintStatus.REOPENED:
                raise ComplaintClosed()
            assignee = change.assignee_id
            if change.to is ComplaintStatus.ASSIGNED and old is ComplaintStatus.REOPENED and assignee is None:
                assignee = c.assignee_id
            raise_if_invalid(
                transition_problems(
                    old,
                    change.to,
                    comment=change.comment,
                    resolution=change.resolution,
                    root_cause=change.root_cause,
                    corrective_action=change.corrective_action,
                    satisfaction=change.satisfaction,
                    assignee_id=assignee,
                )
            )
            if (
                change.to is ComplaintStatus.ASSIGNED
                and assignee != c.assignee_id
                and c.assignee_id is not None
            ):
                self.require(actor, Action.HANDLE_COMPLAINT, s=s)  # handing it to someone else: an admin
            self._apply(s, c, me, _with(change, assignee_id=assignee), now)
            self.flush_or_conflict(
                s, lambda fresh: conflict_error(None, {}, fresh.get(Complaint, complaint_id))
            )
            s.commit()
        return self.get(actor, complaint_id)

    def reassign(
        self, actor: Actor, complaint_id: int, version: int, assignee_id: int, comment: str = ""
    ) -> ComplaintDetail:
        """Hand the complaint to another person, its status unchanged (administrators)."""
        now = self.clock()
        with self.db.write(actor.username) as s:
            c = self._complaint(s, complaint_id, version)
            me = self.require(actor, Action.HANDLE_COMPLAINT, s=s)
            if c.status == ComplaintStatus.CLOSED:
                raise ComplaintClosed()
            if ComplaintStatus(c.status) not in REASSIGNABLE:
                raise_if_invalid(
                    [
                        FieldError(
                            "assignee",
                            QT_TRANSLATE_NOOP(
                                "Validation",
                                "Only an assigned, in-progress or reopened complaint is reassigned.",
                            ),
                        )
                    ]
                )
            raise_if_invalid(comment_problems(comment) if comment else [])
            self._check_assignee(s, assignee_id)
            if assignee_id == c.assignee_id:
                return self._detail(s, c, me, now)
            c.assignee_id = assignee_id
            c.updated_by = me.username
            self._event(
                s,
                c,
                me,
                EventKind.REASSIGNED,
                None,
                None,
                comment=comment.strip(),
                assignee_id=assignee_id,
                now=now,
            )
            self.flush_or_conflict(
                s, lambda fresh: conflict_error(None, {}, fresh.get(Complaint, complaint_id))
            )
            s.commit()
        return self.get(actor, complaint_id)

    def comment(self, actor: Actor, complaint_id: int, comment: str) -> ComplaintDetail:
        """A note on the timeline (anyone who may log complaints; not on a closed complaint)."""
        now = self.clock()
        raise_if_invalid(comment_problems(comment))
        with self.db.write(actor.username) as s:
            me = self.require(actor, Action.LOG_COMPLAINT, s=s)
            c = s.get(Complaint, complaint_id)
            if c is None:
                raise NotFound()
            if c.status == ComplaintStatus.CLOSED:
                raise ComplaintClosed()
            self._event(s, c, me, EventKind.COMMENT, None, None, comment=comment.strip(), now=now)
            s.commit()
        return self.get(actor, complaint_id)

    # ----- reading -----------------------------------------------------------------------------------------
    def get(self, actor: Actor, complaint_id: int) -> ComplaintDetail:
        with self.db.read() as s:
            me = self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            c = s.get(Complaint, complaint_id)
            if c is None:
                raise NotFound()
            return self._detail(s, c, me, self.clock())

    def queue(
        self,
        actor: Actor,
        filters: QueueFilter = QueueFilter(),
        sort: str = "received_at",
        descending: bool = True,
        after: tuple | None = None,
        limit: int = PAGE_SIZE,
    ) -> QueuePage:
        """One page of the complaint queue, keyset-paged by (sort key, id); ``total`` on the first page.

        How the rows are found depends on how many match (counted on the first page, carried in the key): many
        matches are found by walking the sort order's index and filtering (a page is near); few are found by
        the filters' indexes and sorted (they are few). SQLite is told which (its planner often walks the
        wrong one); PostgreSQL's planner decides with its statistics."""
        if sort not in SORT_KEYS:
            raise ValueError(sort)
        now = self.clock()
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            conditions = self._conditions(s, filters, now)
            if after is None:
                total = s.scalar(select(func.count()).select_from(Complaint).where(*conditions)) or 0
            else:
                total = after[2] if len(after) > 2 else -1
            key = getattr(Complaint, sort)
            few = 0 <= total < FEW_MATCHES
            sqlite = s.get_bind().dialect.name == "sqlite"
            page = list(conditions) if few or not sqlite else self._conditions(s, filters, now, walk=True)
            if after is not None:
                pair = tuple_(key, Complaint.id)
                page.append(pair < tuple_(*after[:2]) if descending else pair > tuple_(*after[:2]))
            query = select_rows().where(*page).limit(limit + 1)
            direction = "DESC" if descending else "ASC"
            if sqlite and conditions and few:
                # few matches: the filters' indexes find them; "+" keeps SQLite off the sort order's index
                query = query.order_by(text(f"+complaints.{sort} {direction}, +complaints.id {direction}"))
            else:
                query = query.order_by(
                    *((key.desc(), Complaint.id.desc()) if descending else (key, Complaint.id))
                )
            rows = _rows(s, query, now)
            more = len(rows) > limit
            rows = rows[:limit]
            next_key = None
            if more and rows:
                last = rows[-1]
                value = {"received_at": last.received_at, "due_at": last.due_at, "id": last.id}.get(sort)
                if sort == "severity":
                    value = int(last.severity)
                elif sort == "status":
                    value = last.status.value
                next_key = (value, last.id, total)
            return QueuePage(tuple(rows), total if after is None else -1, next_key)

    def for_franchisee(self, actor: Actor, franchisee_id: int) -> list[ComplaintRow]:
        """The franchisee's complaints, newest first (the profile's Complaints tab)."""
        now = self.clock()
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            q = (
                select_rows()
                .where(Complaint.franchisee_id == franchisee_id)
                .order_by(Complaint.received_at.desc(), Complaint.id.desc())
            )
            return _rows(s, q, now)

    def overdue_for(self, actor: Actor, user_id: int | None = None) -> list[ComplaintRow]:
        """Overdue complaints assigned to ``user_id`` (default: the actor), most overdue first: for the start
        screen."""
        now = self.clock()
        with self.db.read() as s:
            me = self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            uid = me.user_id if user_id is None else user_id
            q = (
                select_rows()
                .where(
                    Complaint.assignee_id == uid,
                    Complaint.status.in_([st.value for st in OPEN_STATUSES]),
                    Complaint.due_at < now,
                )
                .order_by(Complaint.due_at, Complaint.id)
            )
            return _rows(s, q, now)

    # ----- helpers -----------------------------------------------------------------------------------------
    def _conditions(self, s: Session, f: QueueFilter, now: datetime, walk: bool = False) -> list:
        """The filter's WHERE terms. ``walk``: on SQLite, written so that no index serves them ("+column"),
        which leaves SQLite one plan: walk the sort order's index and test each row."""

        def c(column):
            if walk and s.get_bind().dialect.name == "sqlite":
                return literal_column(f"+complaints.{column.key}", column.type)
            return column

        conditions = []
        if f.statuses:
            conditions.append(c(Complaint.status).in_(sorted(st.value for st in f.statuses)))
        if f.category_id is not None:
            ids = _subtree(s, f.category_id)
            conditions.append(c(Complaint.category_id).in_(ids))
        if f.severity is not None:
            conditions.append(c(Complaint.severity) == int(f.severity))
        if f.assignee_id == UNASSIGNED:
            conditions.append(c(Complaint.assignee_id).is_(None))
        elif f.assignee_id is not None:
            conditions.append(c(Complaint.assignee_id) == f.assignee_id)
        if f.overdue:
            conditions.append(c(Complaint.status).in_(sorted(st.value for st in OPEN_STATUSES)))
            conditions.append(c(Complaint.due_at) < now)
        if f.franchisee_id is not None:
            conditions.append(c(Complaint.franchisee_id) == f.franchisee_id)
        text_ = f.text.strip()
        if text_:
            digits = text_.upper().removeprefix("TS").lstrip("0")
            like = f"%{text_.lower()}%"
            named = select(Franchisee.id).where(
                or_(func.lower(Franchisee.code).like(like), Franchisee.legal_name.like(f"%{text_}%"))
            )
            matches = [c(Complaint.franchisee_id).in_(named)]
            if digits.isdigit():
                matches.append(Complaint.id == int(digits))
            conditions.append(or_(*matches))
        return conditions

    def _complaint(self, s: Session, complaint_id: int, version: int) -> Complaint:
        c = s.get(Complaint, complaint_id)
        if c is None:
            raise NotFound()
        if c.version != version:
            raise conflict_error(None, {}, c)
        return c

    def _may_handle(self, s: Session, actor: Actor, c: Complaint) -> Actor:
        return self.require(actor, Action.HANDLE_COMPLAINT, owner_id=c.assignee_id, s=s)

    def _category(self, s: Session, category_id: int, version: int) -> ComplaintCategory:
        row = s.get(ComplaintCategory, category_id)
        if row is None:
            raise NotFound()
        if row.version != version:
            raise conflict_error(None, {}, row)
        return row

    @staticmethod
    def _unique_name(s: Session, parent_id: int | None, name: str, own_id: int | None) -> None:
        clash = s.scalar(
            select(ComplaintCategory.id).where(
                _same_parent(parent_id),
                func.lower(ComplaintCategory.name) == name.lower(),
                ComplaintCategory.id != (own_id or 0),
            )
        )
        if clash is not None:
            raise_if_invalid(
                [
                    FieldError(
                        "name",
                        QT_TRANSLATE_NOOP("Validation", "There is a category {name} here already."),
                        {"name": name},
                    )
                ]
            )

    @staticmethod
    def _check_refs(s: Session, intake: ComplaintIntake, new_category: bool) -> None:
        errors = []
        if s.get(Franchisee, intake.franchisee_id) is None:
            raise NotFound()
        cat = s.get(ComplaintCategory, intake.category_id)
        if cat is None:
            errors.append(FieldError("category", QT_TRANSLATE_NOOP("Validation", "Choose a category.")))
        elif new_category and not _active_path(s, cat):
            errors.append(
                FieldError(
                    "category",
                    QT_TRANSLATE_NOOP(
                        "Validation", "The category {name} is no longer in use; choose another."
                    ),
                    {"name": cat.name},
                )
            )
        if intake.contact_id is not None:
            contact = s.get(Contact, intake.contact_id)
            if contact is None or contact.franchisee_id != intake.franchisee_id:
                errors.append(
                    FieldError(
                        "contact", QT_TRANSLATE_NOOP("Validation", "Choose a contact of this franchisee.")
                    )
                )
        raise_if_invalid(errors)

    @staticmethod
    def _check_assignee(s: Session, assignee_id: int) -> None:
        user = s.get(User, assignee_id)
        if user is None or not user.active or Role(user.role) not in HANDLER_ROLES:
            raise_if_invalid(
                [
                    FieldError(
                        "assignee",
                        QT_TRANSLATE_NOOP(
                            "Validation",
                            "Choose an active administrator, account manager or credit manager to handle it.",
                        ),
                    )
                ]
            )

    def _apply(self, s: Session, c: Complaint, me: Actor, change: ChangeRequest, now: datetime) -> None:
        old = ComplaintStatus(c.status)
        new = change.to
        if new is ComplaintStatus.ASSIGNED:
            self._check_assignee(s, change.assignee_id)
            c.assignee_id = change.assignee_id
        elif new is ComplaintStatus.IN_PROGRESS:
            if c.responded_at is None:
                c.responded_at = now
        elif new is ComplaintStatus.RESOLVED:
            c.resolution = change.resolution.strip()
            c.root_cause = change.root_cause.strip()
            c.corrective_action = change.corrective_action.strip()
            c.resolved_at = now
        elif new is ComplaintStatus.CLOSED:
            c.satisfaction = change.satisfaction
            c.closed_at = now
        elif new is ComplaintStatus.REOPENED:
            # a fresh resolution time from the reopening (the response was given already)
            times = _sla_times(s, Severity(c.severity))
            c.resolution_due = now + timedelta(hours=times.resolution_hours)
            c.closed_at = None
            c.satisfaction = None
        c.status = new.value
        _set_due(c)
        c.updated_by = me.username
        self._event(
            s,
            c,
            me,
            EventKind.TRANSITION,
            old,
            new,
            comment=change.comment.strip(),
            assignee_id=c.assignee_id if new is ComplaintStatus.ASSIGNED else None,
            now=now,
        )

    @staticmethod
    def _event(
        s: Session,
        c: Complaint,
        me: Actor,
        kind: EventKind,
        old: ComplaintStatus | None,
        new: ComplaintStatus | None,
        comment: str = "",
        assignee_id: int | None = None,
        now: datetime | None = None,
    ) -> None:
        s.add(
            ComplaintEvent(
                complaint_id=c.id,
                franchisee_id=c.franchisee_id,
                kind=kind.value,
                from_status=old.value if old else None,
                to_status=new.value if new else None,
                assignee_id=assignee_id,
                comment=comment,
                user_id=me.user_id or None,
                username=me.username,
                occurred_at=now or utcnow(),
            )
        )

    def _detail(self, s: Session, c: Complaint, me: Actor, now: datetime) -> ComplaintDetail:
        people = {p.id: p for p in _people(s)}
        cats = {x.id: x for x in _categories(s)}
        f = s.get(Franchisee, c.franchisee_id)
        contact = s.get(Contact, c.contact_id) if c.contact_id else None
        status = ComplaintStatus(c.status)
        handle = me.can(Action.HANDLE_COMPLAINT, owner_id=c.assignee_id)
        admin = me.can(Action.HANDLE_COMPLAINT)
        take = (
            status is ComplaintStatus.NEW
            and c.assignee_id is None
            and me.can(Action.HANDLE_COMPLAINT, owner_id=me.user_id)
        )
        if status is ComplaintStatus.CLOSED:
            moves = (ComplaintStatus.REOPENED,) if handle else ()
        elif handle or take:
            moves = tuple(sorted(ALLOWED_COMPLAINT_TRANSITIONS[status], key=list(ComplaintStatus).index))
        else:
            moves = ()
        rights = ComplaintRights(
            handle=handle,
            take=take,
            assign_others=admin,
            comment=me.can(Action.LOG_COMPLAINT) and status is not ComplaintStatus.CLOSED,
            edit=handle and status is not ComplaintStatus.CLOSED,
            transitions=moves,
        )
        events = tuple(
            ComplaintEventDTO(
                e.id,
                EventKind(e.kind),
                ComplaintStatus(e.from_status) if e.from_status else None,
                ComplaintStatus(e.to_status) if e.to_status else None,
                people[e.assignee_id].name if e.assignee_id in people else "",
                e.comment,
                people[e.user_id].name if e.user_id in people else e.username,
                e.occurred_at,
            )
            for e in s.scalars(
                select(ComplaintEvent).where(ComplaintEvent.complaint_id == c.id).order_by(ComplaintEvent.id)
            )
        )
        return ComplaintDetail(
            id=c.id,
            number=complaint_number(c.id),
            intake=ComplaintIntake(
                franchisee_id=c.franchisee_id,
                received_at=c.received_at,
                channel=Channel(c.channel),
                category_id=c.category_id,
                severity=Severity(c.severity),
                description=c.description,
                contact_id=c.contact_id,
                references=c.references,
            ),
            franchisee_code=f.code if f else "",
            franchisee_name=f.legal_name if f else "",
            contact_name=contact.name if contact else "",
            category=cats[c.category_id].path if c.category_id in cats else "",
            status=status,
            assignee_id=c.assignee_id,
            assignee=people[c.assignee_id].name if c.assignee_id in people else "",
            logged_by=people[c.logged_by_id].name if c.logged_by_id in people else "",
            response_due=c.response_due,
            resolution_due=c.resolution_due,
            due_at=c.due_at,
            overdue=status in OPEN_STATUSES and c.due_at < now,
            responded_at=c.responded_at,
            resolved_at=c.resolved_at,
            closed_at=c.closed_at,
            resolution=c.resolution,
            root_cause=c.root_cause,
            corrective_action=c.corrective_action,
            satisfaction=c.satisfaction,
            version=c.version,
            events=events,
            rights=rights,
        )


# ----- module helpers ---------------------------------------------------------------------------------------


def _with(change: ChangeRequest, **values) -> ChangeRequest:
    return replace(change, **values)


def _intake_problems(intake: ComplaintIntake, now: datetime) -> list[FieldError]:
    return intake_problems(
        franchisee_id=intake.franchisee_id,
        category_id=intake.category_id,
        description=intake.description,
        references=intake.references,
        received_at=intake.received_at,
        now=now,
    )


def _set_due(c: Complaint) -> None:
    due = next_deadline(
        ComplaintStatus(c.status), c.responded_at is not None, c.response_due, c.resolution_due
    )
    c.due_at = due if due is not None else c.resolution_due


def _same_parent(parent_id: int | None):
    return (
        ComplaintCategory.parent_id.is_(None)
        if parent_id is None
        else ComplaintCategory.parent_id == parent_id
    )


def _categories(s: Session, usage: bool = False) -> list[CategoryDTO]:
    """Every category in tree order (parents before their children, siblings by sort order); ``usage``: with
    the number of complaints filed under each (a GROUP BY over all complaints: the settings page only)."""
    rows = list(
        s.scalars(select(ComplaintCategory).order_by(ComplaintCategory.sort_order, ComplaintCategory.id))
    )
    used = (
        dict(s.execute(select(Complaint.category_id, func.count()).group_by(Complaint.category_id)).all())
        if usage
        else {}
    )
    children: dict[int | None, list[ComplaintCategory]] = {}
    for r in rows:
        children.setdefault(r.parent_id, []).append(r)
    out: list[CategoryDTO] = []

    def walk(parent: int | None, prefix: str, active: bool) -> None:
        for r in children.get(parent, []):
            path = f"{prefix} › {r.name}" if prefix else r.name
            out.append(
                CategoryDTO(
                    r.id,
                    r.parent_id,
                    r.name,
                    r.active and active,
                    r.sort_order,
                    r.version,
                    path,
                    used.get(r.id, 0),
                )
            )
            walk(r.id, path, r.active and active)

    walk(None, "", True)
    return out


def _subtree(s: Session, category_id: int) -> list[int]:
    cats = _categories(s)
    ids, frontier = {category_id}, {category_id}
    while frontier:
        frontier = {c.id for c in cats if c.parent_id in frontier} - ids
        ids |= frontier
    return sorted(ids)


def _active_path(s: Session, cat: ComplaintCategory) -> bool:
    while cat is not None:
        if not cat.active:
            return False
        cat = s.get(ComplaintCategory, cat.parent_id) if cat.parent_id else None
    return True


def _sla(s: Session) -> list[SlaDTO]:
    rows = {r.severity: r for r in s.scalars(select(ComplaintSla))}
    out = []
    for sev in Severity:
        r = rows.get(int(sev))
        t = DEFAULT_SLA[sev]
        out.append(
            SlaDTO(sev, r.response_hours, r.resolution_hours, r.version)
            if r
            else SlaDTO(sev, t.response_hours, t.resolution_hours, 0)
        )
    return out


def _sla_times(s: Session, severity: Severity) -> SlaTimes:
    r = s.scalar(select(ComplaintSla).where(ComplaintSla.severity == int(severity)))
    return SlaTimes(r.response_hours, r.resolution_hours) if r else DEFAULT_SLA[Severity(severity)]


def _people(s: Session) -> Iterable[Person]:
    return [Person(*r) for r in s.execute(select(User.id, User.username, User.display_name))]


def _assignees(s: Session) -> list[Person]:
    return [
        Person(*r)
        for r in s.execute(
            select(User.id, User.username, User.display_name)
            .where(User.active.is_(True), User.role.in_([r.value for r in HANDLER_ROLES]))
            .order_by(User.username)
        )
    ]


def select_rows():
    return select(
        Complaint.id,
        Complaint.franchisee_id,
        Franchisee.code,
        Franchisee.legal_name,
        Complaint.received_at,
        Complaint.channel,
        Complaint.category_id,
        Complaint.severity,
        Complaint.status,
        Complaint.assignee_id,
        Complaint.due_at,
        func.substr(Complaint.description, 1, 80),
        Complaint.version,
    ).join(Franchisee, Franchisee.id == Complaint.franchisee_id)


def _rows(s: Session, query, now: datetime) -> list[ComplaintRow]:
    result = s.execute(query).all()
    if not result:
        return []
    cats = {c.id: c.path for c in _categories(s)}
    people = {p.id: p.name for p in _people(s)}
    out = []
    for r in result:
        status = ComplaintStatus(r[8])
        out.append(
            ComplaintRow(
                id=r[0],
                number=complaint_number(r[0]),
                franchisee_id=r[1],
                franchisee_code=r[2],
                franchisee_name=r[3],
                received_at=r[4],
                channel=Channel(r[5]),
                category_id=r[6],
                category=cats.get(r[6], ""),
                severity=Severity(r[7]),
                status=status,
                assignee_id=r[9],
                assignee=people.get(r[9], "") if r[9] else "",
                due_at=r[10],
                overdue=status in OPEN_STATUSES and r[10] < now,
                summary=(r[11] or "").replace("\n", " "),
                version=r[12],
            )
        )
    return out


__all__ = [
    "ComplaintService",
    "ComplaintClosed",
    "CategoryDTO",
    "SlaDTO",
    "Person",
    "ComplaintRow",
    "ComplaintEventDTO",
    "ComplaintIntake",
    "ComplaintRights",
    "ComplaintDetail",
    "ComplaintChoices",
    "QueueFilter",
    "QueuePage",
    "ChangeRequest",
    "UNASSIGNED",
    "SORT_KEYS",
    "HANDLER_ROLES",
]
