"""Summary tables for the analytics (migration 0011): derived from the ledger, never edited by hand.

Monthly totals by a date expression over 2,000,000 documents took 6 s on SQLite; from a summary table 0.03 s
(FIELD-NOTES). So the analytics read two tables kept up to date IN THE SAME TRANSACTION as the ledger, by
``persistence.analytics_sql.refresh`` at the end of ``ledger_write.recompute`` (which every ledger write, the
ledger import and the demo call after touching a franchisee's documents or allocations):

- ``ledger_months``: per franchisee, calendar month (``month`` = its first day) and document kind, the sum of
  the documents' amounts dated in that month and how many there are. Sales of a month = invoice - credit_note.
- ``receivable_moves``: per franchisee, month and invoice due date, how the open invoice amount changed in
  that month: + the invoices dated in the month, - the allocations (payments, credit notes, write-offs)
  applied to those invoices in the month. Rows that net to zero are not kept. The open invoice amount with a
  given due date as of a month end E is the sum of its moves with ``month`` <= E's month, because an invoice
  is open as of D by its amount less its allocations applied on or before D and only if dated on or before D
  (``persistence.ledger_sql``), and an allocation is never applied before its invoice's date. Its bucket as of
  E follows from E - due date, so the aging at every month end comes from this table without reading the
  payments.
- ``receivable_open``: per franchisee and due date, the sum of all its moves: what is open now (after every
  allocation recorded). As of a month end E: ``receivable_open`` less the moves of the months after E's month,
  which for the last 24 month ends reads the open invoices and two years of moves, not five.

A franchisee's rows (in all three) are replaced whole (delete + INSERT ... SELECT ... GROUP BY) whenever its ledger is
recomputed: a back-dated document changes its past months at once. The tables are derived data: not audited,
written under the ledger's rights (``pg_rights.TABLE_RULES``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from hqdesk.persistence.models import Base
from hqdesk.persistence.types import Cents


class LedgerMonth(Base):
    """The amounts of one franchisee's documents of one kind dated in one calendar month."""

    __tablename__ = "ledger_months"

    franchisee_id: Mapped[int] = mapped_column(ForeignKey("franchisees.id"), primary_key=True)
    month: Mapped[date] = mapped_column(Date, primary_key=True)  # the month's first day
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    amount: Mapped[Decimal] = mapped_column(Cents(), nullable=False)
    documents: Mapped[int] = mapped_column(Integer, nullable=False)

    # monthly totals of everyone read this index alone (month, kind, then the amounts)
    __table_args__ = (Index("ix_ledger_months_month", "month", "kind", "franchisee_id", "amount"),)


class ReceivableMove(Base):
    """How one franchisee's open invoice amount with one due date changed in one month (see the module)."""

    __tablename__ = "receivable_moves"

    franchisee_id: Mapped[int] = mapped_column(ForeignKey("franchisees.id"), primary_key=True)
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    due_date: Mapped[date] = mapped_column(Date, primary_key=True)
    amount: Mapped[Decimal] = mapped_column(Cents(), nullable=False)  # may be negative

    # the moves of the last months (everyone) read this index alone
    __table_args__ = (Index("ix_receivable_moves_month", "month", "due_date", "franchisee_id", "amount"),)


class ReceivableOpen(Base):
    """One franchisee's open invoice amount with one due date after every allocation recorded: the sum of its
    ``receivable_moves`` over all months (rows of 0 are not kept). The open amount as of a month end E is this
    less the moves of the months after E's, so the recent month ends read the open invoices and the last
    months' moves, never the whole history."""

    __tablename__ = "receivable_open"

    franchisee_id: Mapped[int] = mapped_column(ForeignKey("franchisees.id"), primary_key=True)
    due_date: Mapped[date] = mapped_column(Date, primary_key=True)
    amount: Mapped[Decimal] = mapped_column(Cents(), nullable=False)


__all__ = ["LedgerMonth", "ReceivableMove", "ReceivableOpen"]
