"""Due dates of invoices under a settlement term (结算方式).

- advance payment: due on the invoice date (the goods should have been paid for before they shipped, so an
  unpaid advance-payment invoice is overdue from the day after its date);
- cash on delivery: due on the invoice date;
- net N days: the invoice date plus N days;
- period-end settlement (monthly, quarterly, half-yearly, yearly): the last day of the calendar period that
  contains the invoice date, plus the grace days (``credit_profiles.term_days``).

A franchisee without a credit profile settles on the company default, net 30 days (``DEFAULT_TERM``).
Examples: quarterly + 15: 2026-02-10 -> 2026-04-15; monthly + 0: 2024-02-10 -> 2024-02-29;
yearly + 30: 2026-03-01 -> 2027-01-30; net 30: 2026-12-15 -> 2027-01-14.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hqdesk.domain.credit import TermKind

DEFAULT_TERM: tuple[TermKind, int] = (TermKind.NET, 30)
"""The term of a franchisee without a credit profile: net 30 days."""

_PERIOD_MONTHS = {TermKind.MONTHLY: 1, TermKind.QUARTERLY: 3, TermKind.HALF_YEARLY: 6, TermKind.YEARLY: 12}


def period_end(term_kind: TermKind, day: date) -> date:
    """The last day of the calendar month / quarter / half-year / year that contains ``day``."""
    months = _PERIOD_MONTHS[TermKind(term_kind)]
    last_month = ((day.month - 1) // months + 1) * months
    return date(day.year, last_month, calendar.monthrange(day.year, last_month)[1])


def due_date(term_kind: TermKind, term_days: int, invoice_date: date) -> date:
    """The due date of an invoice dated ``invoice_date`` under the term (see the module docstring)."""
    kind = TermKind(term_kind)
    if term_days < 0:
        raise ValueError("term days cannot be negative")
    if kind in (TermKind.ADVANCE, TermKind.COD):
        return invoice_date
    if kind is TermKind.NET:
        return invoice_date + timedelta(days=term_days)
    return period_end(kind, invoice_date) + timedelta(days=term_days)


__all__ = ["DEFAULT_TERM", "due_date", "period_end"]
