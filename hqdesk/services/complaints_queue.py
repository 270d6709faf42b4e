"""The complaint queue: filtered, keyset-paged lists (see ``hqdesk.services.complaints``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, literal_column, or_, select, text, tuple_
from sqlalchemy.orm import Session

from hqdesk.domain.complaints import (
    OPEN_STATUSES,
    Channel,
    ComplaintStatus,
    Severity,
    complaint_number,
)
from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.models import Franchisee
from hqdesk.persistence.models_complaints import Complaint
from hqdesk.services.base import Service
from hqdesk.services.complaints_dto import (
    PAGE_SIZE,
    SORT_KEYS,
    UNASSIGNED,
    ComplaintRow,
    QueueFilter,
    QueuePage,
)
from hqdesk.services.complaints_settings import (
    _categories,
    _people,
    _subtree,
)

FEW_MATCHES = 3000
"""Below this many matches a page is found through the filters and sorted; above, along the sort's index."""


class ComplaintQueue(Service):
    """ComplaintService's queue: the filtered, keyset-paged lists."""

    # ----- the queue -----------------------------------------------------------------------------------
    def queue(
        self,
        actor: Actor,
        filters: QueueFilter = QueueFilter(),  # noqa: B008 (frozen: immutable)
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
