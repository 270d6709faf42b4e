"""Complaints: the category tree, the severity times, complaints and their timeline (migration 0006).

``complaints.due_at`` is the deadline that matters now (the response's until someone acts, then the
resolution's); once a complaint is resolved it keeps its last deadline, so the column is never empty and the
queue can page by it. Overdue is ``status`` open and ``due_at`` in the past (domain.complaints).
``complaint_events`` is append-only: a transition, a reassignment, an edit or a comment, each with who
and when; it carries the franchisee so that the franchisee's History finds it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hqdesk.persistence.models import Base, Versioned
from hqdesk.persistence.types import UtcDateTime, utcnow


class ComplaintCategory(Versioned, Base):
    """A node of the editable category tree (two levels in the defaults; any depth is allowed).
    Never deleted once used: deactivated instead, so old complaints keep their category."""

    __tablename__ = "complaint_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("complaint_categories.id"), nullable=True, index=True
    )
    name: Mapped[str] = mapped_column(String(60), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class ComplaintSla(Versioned, Base):
    """Response and resolution times per severity, in calendar hours (one row per severity)."""

    __tablename__ = "complaint_sla"

    id: Mapped[int] = mapped_column(primary_key=True)
    severity: Mapped[int] = mapped_column(SmallInteger, nullable=False, unique=True)
    response_hours: Mapped[int] = mapped_column(Integer, nullable=False)
    resolution_hours: Mapped[int] = mapped_column(Integer, nullable=False)


class Complaint(Versioned, Base):
    __tablename__ = "complaints"

    id: Mapped[int] = mapped_column(primary_key=True)
    franchisee_id: Mapped[int] = mapped_column(
        ForeignKey("franchisees.id", ondelete="CASCADE"), nullable=False
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), nullable=True, index=True
    )
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    channel: Mapped[str] = mapped_column(String(10), nullable=False)
    category_id: Mapped[int] = mapped_column(ForeignKey("complaint_categories.id"), nullable=False)
    severity: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False)
    references: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    status: Mapped[str] = mapped_column(String(12), nullable=False, default="new")
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    logged_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    response_due: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    resolution_due: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    due_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False)
    responded_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    resolution: Mapped[str] = mapped_column(Text, nullable=False, default="")
    root_cause: Mapped[str] = mapped_column(Text, nullable=False, default="")
    corrective_action: Mapped[str] = mapped_column(Text, nullable=False, default="")
    satisfaction: Mapped[int | None] = mapped_column(SmallInteger, nullable=True)

    __table_args__ = (
        # the queue pages by (sort key, id); each sort order follows an index
        Index("ix_complaints_received", "received_at", "id"),
        Index("ix_complaints_due", "due_at", "id"),
        Index("ix_complaints_severity", "severity", "id"),
        Index("ix_complaints_status", "status", "id"),
        # "overdue": open statuses with due_at in the past
        Index("ix_complaints_status_due", "status", "due_at"),
        Index("ix_complaints_assignee", "assignee_id", "status", "due_at"),
        Index("ix_complaints_category", "category_id", "id"),
        Index("ix_complaints_franchisee", "franchisee_id", "received_at"),
    )


class ComplaintEvent(Base):
    """One line of a complaint's timeline (append-only)."""

    __tablename__ = "complaint_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), nullable=False)
    franchisee_id: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(12), nullable=False)
    from_status: Mapped[str | None] = mapped_column(String(12), nullable=True)
    to_status: Mapped[str | None] = mapped_column(String(12), nullable=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    comment: Mapped[str] = mapped_column(Text, nullable=False, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    username: Mapped[str] = mapped_column(String(64), nullable=False)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)

    __table_args__ = (Index("ix_complaint_events_complaint", "complaint_id", "id"),)
