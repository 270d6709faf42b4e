"""Credit and receivables tables: settlement terms and credit profiles, the company credit policy with its
collection policies and dunning levels, the ledger (documents and allocations), credit-check overrides and the
dunning to-do list; plus the company's key/value settings.

Ledger money is ``Cents`` (whole cents in a BIGINT, ``Decimal`` in Python): sums in SQL are exact on SQLite too.
Rates are fractions (0.02 = 2 %) in NUMERIC(9,6).

How the ledger hangs together (the rules themselves live in ``domain/``; this is only their storage):
- ``ledger_documents``: invoices (debits) and credit documents (credit notes, payments, write-offs), every
  amount positive; ``kind`` says which. ``applies_to`` keeps the invoice number as entered or imported (a
  credit note's ``applies_to``, a payment's ``invoice_number``, a write-off's invoice); ``invoice_id`` is that
  invoice once it exists (a payment may be imported before the invoice it names).
- ``settled_on``: when a document's amount was fully allocated (None: still open); lets as-of queries skip the
  long settled history.
- ``allocations``: how much of which credit document settles which invoice, and from which date
  (``applied_on`` = the later of the two documents' dates). An invoice's open amount as of D is its amount less
  its allocations applied on or before D; a credit document's unapplied amount as of D is its amount (if dated
  on or before D) less its allocations applied on or before D. Automatic allocations are recomputed per
  franchisee from the documents (so the result does not depend on import order); ``manual`` ones are the
  user's own and are kept.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from hqdesk.persistence.models import Base, Versioned
from hqdesk.persistence.types import Cents, UtcDateTime, utcnow


def Rate() -> Numeric:  # noqa: N802 - reads like a type in column declarations
    """A fraction such as a bad-debt loss rate: 0.020000 is 2 %."""
    return Numeric(9, 6, asdecimal=True)


class CompanySetting(Versioned, Base):
    """Company-wide settings shared by every user (e.g. ``calendar.renewal_lead_days``), as text."""

    __tablename__ = "company_settings"

    id: Mapped[int] = mapped_column(primary_key=True)  # the audit trail names rows by id
    key: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    value: Mapped[str] = mapped_column(Text, nullable=False, default="")


class CreditPolicy(Versioned, Base):
    """The company credit policy: one row, id 1 (created by the migration)."""

    __tablename__ = "credit_policy"

    id: Mapped[int] = mapped_column(primary_key=True)
    normal_loss_rate: Mapped[Decimal] = mapped_column(Rate(), nullable=False, default=Decimal("0.02"))
    # the credit standard: the highest expected bad-debt loss rate at which a franchisee may buy on credit
    credit_standard: Mapped[Decimal] = mapped_column(Rate(), nullable=False, default=Decimal("0.05"))
    aging_bounds: Mapped[str] = mapped_column(String(100), nullable=False, default="30,60,90,180,365")
    default_collection_policy_id: Mapped[int | None] = mapped_column(
        ForeignKey("collection_policies.id"), nullable=True
    )


class CollectionPolicy(Versioned, Base):
    """A collection policy (strict / standard / lenient presets, editable): how hard overdue money is chased."""

    __tablename__ = "collection_policies"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)  # strict first
    # days overdue the credit check tolerates before it blocks an order
    tolerance_days: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    preset: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class DunningLevel(Versioned, Base):
    """One step of a collection policy: from ``days_overdue`` on, take ``action`` (``DunningAction``)."""

    __tablename__ = "dunning_levels"

    id: Mapped[int] = mapped_column(primary_key=True)
    policy_id: Mapped[int] = mapped_column(
        ForeignKey("collection_policies.id", ondelete="CASCADE"), nullable=False
    )
    level: Mapped[int] = mapped_column(Integer, nullable=False)  # 1, 2, 3... in order of days_overdue
    days_overdue: Mapped[int] = mapped_column(Integer, nullable=False)
    action: Mapped[str] = mapped_column(String(20), nullable=False)
    letter_template: Mapped[str] = mapped_column(String(50), nullable=False, default="")  # a template key

    __table_args__ = (
        UniqueConstraint("policy_id", "level", name="uq_dunning_levels_policy_level"),
        CheckConstraint("days_overdue >= 0", name="days_nonnegative"),
    )


class CreditProfile(Versioned, Base):
    """A franchisee's credit profile. No row: no credit profile yet (the service shows the defaults)."""

    __tablename__ = "credit_profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    franchisee_id: Mapped[int] = mapped_column(
        ForeignKey("franchisees.id", ondelete="RESTRICT"), unique=True, nullable=False
    )
    term_kind: Mapped[str] = mapped_column(String(20), nullable=False, default="net")  # TermKind
    # NET: N days after the invoice date; period-end terms: grace days after the period's end; else 0
    term_days: Mapped[int] = mapped_column(Integer, nullable=False, default=30)
    credit_limit: Mapped[Decimal | None] = mapped_column(Cents(), nullable=True)  # None: no credit
    collection_policy_id: Mapped[int | None] = mapped_column(
        ForeignKey("collection_policies.id"), nullable=True
    )
    expected_loss_rate: Mapped[Decimal | None] = mapped_column(Rate(), nullable=True)
    loss_rate_derived: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    on_hold: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    hold_reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    next_review_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    __table_args__ = (
        CheckConstraint("term_days >= 0 AND term_days <= 3650", name="term_days_range"),
        CheckConstraint("credit_limit IS NULL OR credit_limit >= 0", name="limit_nonnegative"),
    )


class CreditProfileChange(Base):
    """Append-only history of a credit profile: who, when, old and new values (JSON objects), and why."""

    __tablename__ = "credit_profile_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    franchisee_id: Mapped[int] = mapped_column(ForeignKey("franchisees.id"), nullable=False)
    changed_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(64), nullable=False)
    old_values: Mapped[str] = mapped_column(Text, nullable=False, default="{}")
    new_values: Mapped[str] = mapped_column(Text, nullable=False, default="{}")
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    proposal_id: Mapped[int | None] = mapped_column(ForeignKey("credit_proposals.id"), nullable=True)

    __table_args__ = (Index("ix_credit_profile_changes_franchisee", "franchisee_id", "changed_at"),)


class CreditProposal(Versioned, Base):
    """An account manager's proposed credit-profile change, approved or rejected by a credit manager."""

    __tablename__ = "credit_proposals"

    id: Mapped[int] = mapped_column(primary_key=True)
    franchisee_id: Mapped[int] = mapped_column(ForeignKey("franchisees.id"), nullable=False)
    proposed_by: Mapped[str] = mapped_column(String(64), nullable=False)
    proposed_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    changes: Mapped[str] = mapped_column(Text, nullable=False)  # JSON object: field -> proposed value
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    status: Mapped[str] = mapped_column(String(12), nullable=False, default="pending")  # ProposalStatus
    decided_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    decision_note: Mapped[str] = mapped_column(Text, nullable=False, default="")

    __table_args__ = (Index("ix_credit_proposals_status", "status", "proposed_at"),)


class LedgerDocument(Versioned, Base):
    """An invoice, credit note, payment or write-off (``DocumentKind``); see the module docstring."""

    __tablename__ = "ledger_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    franchisee_id: Mapped[int] = mapped_column(
        ForeignKey("franchisees.id", ondelete="RESTRICT"), nullable=False
    )
    kind: Mapped[str] = mapped_column(String(12), nullable=False)
    number: Mapped[str] = mapped_column(String(50), nullable=False)  # invoice number / payment reference
    doc_date: Mapped[date] = mapped_column(Date, nullable=False)
    amount: Mapped[Decimal] = mapped_column(Cents(), nullable=False)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)  # invoices only
    applies_to: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_documents.id"), nullable=True)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    source: Mapped[str] = mapped_column(String(10), nullable=False, default="manual")  # manual/import/demo
    # the date this document's amount was fully allocated (an invoice paid, credited or written off in full; a
    # credit document used up), None while anything is open: kept by the allocation, so that "open as of D"
    # reads only documents with ``settled_on IS NULL OR settled_on > D``
    settled_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    __table_args__ = (
        UniqueConstraint("kind", "number", name="uq_ledger_documents_kind_number"),
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("kind IN ('invoice', 'credit_note', 'payment', 'write_off')", name="kind_known"),
        CheckConstraint("kind <> 'invoice' OR due_date IS NOT NULL", name="invoice_due"),
        Index("ix_ledger_documents_franchisee", "franchisee_id", "kind", "doc_date"),
        Index("ix_ledger_documents_kind_date", "kind", "doc_date"),
        Index("ix_ledger_documents_due", "kind", "due_date"),
        Index("ix_ledger_documents_invoice", "invoice_id"),
        Index("ix_ledger_documents_open", "kind", "settled_on", "franchisee_id"),
    )


class Allocation(Base):
    """``amount`` of credit document ``credit_id`` settles invoice ``invoice_id`` from ``applied_on``."""

    __tablename__ = "allocations"

    id: Mapped[int] = mapped_column(primary_key=True)
    franchisee_id: Mapped[int] = mapped_column(ForeignKey("franchisees.id"), nullable=False)
    credit_id: Mapped[int] = mapped_column(
        ForeignKey("ledger_documents.id", ondelete="CASCADE"), nullable=False
    )
    invoice_id: Mapped[int] = mapped_column(
        ForeignKey("ledger_documents.id", ondelete="CASCADE"), nullable=False
    )
    amount: Mapped[Decimal] = mapped_column(Cents(), nullable=False)
    applied_on: Mapped[date] = mapped_column(Date, nullable=False)
    manual: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")

    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        Index("ix_allocations_invoice", "invoice_id", "applied_on"),
        Index("ix_allocations_credit", "credit_id", "applied_on"),
        Index("ix_allocations_franchisee", "franchisee_id"),
    )


class CreditCheckOverride(Base):
    """A credit manager's override of a blocked credit check, with the reason (append-only)."""

    __tablename__ = "credit_check_overrides"

    id: Mapped[int] = mapped_column(primary_key=True)
    franchisee_id: Mapped[int] = mapped_column(ForeignKey("franchisees.id"), nullable=False)
    order_date: Mapped[date] = mapped_column(Date, nullable=False)
    amount: Mapped[Decimal] = mapped_column(Cents(), nullable=False)
    decision: Mapped[str] = mapped_column(String(10), nullable=False)  # what the check said (Decision)
    reasons: Mapped[str] = mapped_column(Text, nullable=False, default="[]")  # JSON list of English texts
    override_reason: Mapped[str] = mapped_column(Text, nullable=False)
    overridden_by: Mapped[str] = mapped_column(String(64), nullable=False)
    overridden_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)


class DunningTask(Versioned, Base):
    """One action of a dunning run to work through (a letter to print, a call, a visit, a hold)."""

    __tablename__ = "dunning_tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    franchisee_id: Mapped[int] = mapped_column(ForeignKey("franchisees.id"), nullable=False)
    run_date: Mapped[date] = mapped_column(Date, nullable=False)
    level: Mapped[int] = mapped_column(Integer, nullable=False)
    action: Mapped[str] = mapped_column(String(20), nullable=False)  # DunningAction
    letter_template: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    days_overdue: Mapped[int] = mapped_column(Integer, nullable=False)
    amount_overdue: Mapped[Decimal] = mapped_column(Cents(), nullable=False)
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="open")  # open / done / skipped
    done_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")

    __table_args__ = (
        UniqueConstraint("franchisee_id", "run_date", "level", "action", name="uq_dunning_tasks_run"),
        Index("ix_dunning_tasks_status", "status", "run_date"),
    )


AUDITED = (
    "company_settings",
    "credit_policy",
    "collection_policies",
    "dunning_levels",
    "credit_profiles",
    "credit_proposals",
    "ledger_documents",
    "dunning_tasks",
)
"""Credit tables in the audit trail (allocations are derived; the change and override tables are trails)."""


from hqdesk.persistence import models_ledger  # noqa: E402,F401  (the ledger part's index, migration 0008)
