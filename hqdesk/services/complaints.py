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

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from hqdesk.domain.complaints import (
    ALLOWED_COMPLAINT_TRANSITIONS,
    OPEN_STATUSES,
    REASSIGNABLE,
    Channel,
    ComplaintStatus,
    EventKind,
    Severity,
    comment_problems,
    complaint_number,
    due_dates,
    intake_problems,
    next_deadline,
    transition_problems,
)
from hqdesk.domain.errors import FieldError, NotFound
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor, Role
from hqdesk.persistence.models import Contact, Franchisee, User
from hqdesk.persistence.models_complaints import Complaint, ComplaintCategory, ComplaintEvent
from hqdesk.persistence.types import utcnow
from hqdesk.services.base import Service, conflict_error, raise_if_invalid
from hqdesk.services.complaints_dto import (
    HANDLER_ROLES,
    PAGE_SIZE,  # noqa: F401 (re-exported)
    SORT_KEYS,
    UNASSIGNED,
    CategoryDTO,
    ChangeRequest,
    ComplaintChoices,
    ComplaintClosed,
    ComplaintDetail,
    ComplaintEventDTO,
    ComplaintIntake,
    ComplaintRights,
    ComplaintRow,
    Person,
    QueueFilter,
    QueuePage,
    SlaDTO,
)
from hqdesk.services.complaints_queue import FEW_MATCHES, ComplaintQueue, select_rows  # noqa: F401 (re-exported)
from hqdesk.services.complaints_settings import (
    ComplaintSettings,
    _active_path,
    _assignees,
    _categories,
    _people,
    _sla,
    _sla_times,
)

# ----- the service ------------------------------------------------------------------------------------------


class ComplaintService(ComplaintQueue, ComplaintSettings, Service):
    """Intake and the workflow with its timeline; the queue (``complaints_queue``) and the settings
    (``complaints_settings``) come from its bases."""

    clock: Callable[[], datetime] = staticmethod(utcnow)

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

    def _complaint(self, s: Session, complaint_id: int, version: int) -> Complaint:
        c = s.get(Complaint, complaint_id)
        if c is None:
            raise NotFound()
        if c.version != version:
            raise conflict_error(None, {}, c)
        return c

    def _may_handle(self, s: Session, actor: Actor, c: Complaint) -> Actor:
        return self.require(actor, Action.HANDLE_COMPLAINT, owner_id=c.assignee_id, s=s)

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
