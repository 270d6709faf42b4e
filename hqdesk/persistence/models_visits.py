"""Visits: the cadence plans (per tier, per franchisee), the visits logged, the suggestions heard, and a
per-franchisee summary of the last visit that makes "which visits are due" one query over franchisees.

``visit_summaries`` is derived data (the latest visit's date and next follow-up date of each franchisee),
kept up to date by the visit service in the same transaction as the visits: it is not audited.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hqdesk.persistence.models import Base, Versioned


class VisitCadence(Versioned, Base):
    """Months between visits for the franchisees of one tier (editable by administrators)."""

    __tablename__ = "visit_cadences"

    id: Mapped[int] = mapped_column(primary_key=True)  # the audit trail names rows by id
    tier: Mapped[str] = mapped_column(
        ForeignKey("tiers.code", ondelete="CASCADE", onupdate="CASCADE"), unique=True, nullable=False
    )
    months: Mapped[int] = mapped_column(Integer, nullable=False)

    __table_args__ = (CheckConstraint("months BETWEEN 1 AND 24", name="months"),)


class VisitOverride(Versioned, Base):
    """One franchisee's own cadence: months, or 0 = no regular visits."""

    __tablename__ = "visit_overrides"

    id: Mapped[int] = mapped_column(primary_key=True)
    franchisee_id: Mapped[int] = mapped_column(
        ForeignKey("franchisees.id", ondelete="CASCADE"), unique=True, nullable=False
    )
    months: Mapped[int] = mapped_column(Integer, nullable=False)

    __table_args__ = (CheckConstraint("months BETWEEN 0 AND 24", name="months"),)


class Visit(Versioned, Base):
    __tablename__ = "visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    franchisee_id: Mapped[int] = mapped_column(
        ForeignKey("franchisees.id", ondelete="CASCADE"), nullable=False
    )
    visited_on: Mapped[date] = mapped_column(Date, nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    purpose: Mapped[str] = mapped_column(String(30), nullable=False)
    hq_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    hq_others: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    met_with: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    outcome: Mapped[str] = mapped_column(Text, nullable=False, default="")
    next_follow_up_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    suggestions: Mapped[list[VisitSuggestion]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", lazy="selectin", order_by="VisitSuggestion.id"
    )

    __table_args__ = (
        # the list pages by (date, id), newest first, and by each filter with the date
        Index("ix_visits_sort_date", "visited_on", "id"),
        Index("ix_visits_franchisee", "franchisee_id", "visited_on", "id"),
        Index("ix_visits_hq_user", "hq_user_id", "visited_on", "id"),
        Index("ix_visits_kind", "kind", "visited_on", "id"),
        Index("ix_visits_purpose", "purpose", "visited_on", "id"),
    )


class VisitSuggestion(Versioned, Base):
    """A suggestion a franchisee made during a visit, followed up on its own (open → in progress → done or
    declined)."""

    __tablename__ = "visit_suggestions"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visits.id", ondelete="CASCADE"), nullable=False, index=True
    )
    # the visit's franchisee, kept here so rights, the audit trail and the list key on it directly
    franchisee_id: Mapped[int] = mapped_column(
        ForeignKey("franchisees.id", ondelete="CASCADE"), nullable=False
    )
    text: Mapped[str] = mapped_column(Text, nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="open")
    response: Mapped[str] = mapped_column(Text, nullable=False, default="")

    visit: Mapped[Visit] = relationship(back_populates="suggestions", lazy="raise")

    __table_args__ = (
        Index("ix_visit_suggestions_status", "status", "id"),
        Index("ix_visit_suggestions_franchisee", "franchisee_id", "id"),
    )


class VisitSummary(Base):
    """Derived: each franchisee's latest visit date and the next follow-up date that visit set."""

    __tablename__ = "visit_summaries"

    franchisee_id: Mapped[int] = mapped_column(
        ForeignKey("franchisees.id", ondelete="CASCADE"), primary_key=True
    )
    last_visit_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    last_follow_up_on: Mapped[date | None] = mapped_column(Date, nullable=True)


__all__ = ["VisitCadence", "VisitOverride", "Visit", "VisitSuggestion", "VisitSummary"]
