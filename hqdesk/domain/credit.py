"""The vocabulary of credit management: settlement terms, ledger documents, dunning actions, decisions.

Pure: no Qt, no SQLAlchemy. Labels are English sources for Qt translation (context "Enums").
Rules built on this vocabulary (due dates, allocation, aging, the credit check) live in their own modules.
"""

from __future__ import annotations

from enum import StrEnum

from hqdesk.domain.i18n import QT_TRANSLATE_NOOP


class TermKind(StrEnum):
    """A settlement term (结算方式). ``term_days`` says N for NET and the grace days for the period ends."""

    ADVANCE = "advance"  # paid before shipping: nothing is ever due on credit
    COD = "cod"  # cash on delivery: due on the invoice date
    NET = "net"  # due N days after the invoice date
    MONTHLY = "monthly"  # due at the end of the invoice's calendar month (+ grace days)
    QUARTERLY = "quarterly"  # ... calendar quarter
    HALF_YEARLY = "half_yearly"  # ... calendar half-year
    YEARLY = "yearly"  # ... calendar year

    @property
    def label(self) -> str:
        return TERM_LABELS[self]

    @property
    def period_end(self) -> bool:
        return self in (TermKind.MONTHLY, TermKind.QUARTERLY, TermKind.HALF_YEARLY, TermKind.YEARLY)


TERM_LABELS = {
    TermKind.ADVANCE: QT_TRANSLATE_NOOP("Enums", "Advance payment"),
    TermKind.COD: QT_TRANSLATE_NOOP("Enums", "Cash on delivery"),
    TermKind.NET: QT_TRANSLATE_NOOP("Enums", "Net days"),
    TermKind.MONTHLY: QT_TRANSLATE_NOOP("Enums", "Monthly settlement"),
    TermKind.QUARTERLY: QT_TRANSLATE_NOOP("Enums", "Quarterly settlement"),
    TermKind.HALF_YEARLY: QT_TRANSLATE_NOOP("Enums", "Half-yearly settlement"),
    TermKind.YEARLY: QT_TRANSLATE_NOOP("Enums", "Yearly settlement"),
}


class DocumentKind(StrEnum):
    """A ledger document. Invoices are debits; the other three are credit documents that are allocated to
    invoices (an allocation row says how much of which credit document settles which invoice)."""

    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"
    PAYMENT = "payment"
    WRITE_OFF = "write_off"  # bad debt: needs a credit manager, counts in the bad-debt loss rate

    @property
    def label(self) -> str:
        return DOCUMENT_LABELS[self]

    @property
    def is_credit(self) -> bool:
        return self is not DocumentKind.INVOICE


DOCUMENT_LABELS = {
    DocumentKind.INVOICE: QT_TRANSLATE_NOOP("Enums", "Invoice"),
    DocumentKind.CREDIT_NOTE: QT_TRANSLATE_NOOP("Enums", "Credit note"),
    DocumentKind.PAYMENT: QT_TRANSLATE_NOOP("Enums", "Payment"),
    DocumentKind.WRITE_OFF: QT_TRANSLATE_NOOP("Enums", "Write-off"),
}


class DunningAction(StrEnum):
    REMINDER_LETTER = "reminder_letter"
    PHONE_CALL = "phone_call"
    VISIT = "visit"
    CREDIT_HOLD = "credit_hold"
    FINAL_DEMAND = "final_demand"
    LEGAL_REVIEW = "legal_review"

    @property
    def label(self) -> str:
        return DUNNING_ACTION_LABELS[self]


DUNNING_ACTION_LABELS = {
    DunningAction.REMINDER_LETTER: QT_TRANSLATE_NOOP("Enums", "Reminder letter"),
    DunningAction.PHONE_CALL: QT_TRANSLATE_NOOP("Enums", "Phone call task"),
    DunningAction.VISIT: QT_TRANSLATE_NOOP("Enums", "Visit task"),
    DunningAction.CREDIT_HOLD: QT_TRANSLATE_NOOP("Enums", "Credit hold"),
    DunningAction.FINAL_DEMAND: QT_TRANSLATE_NOOP("Enums", "Final demand letter"),
    DunningAction.LEGAL_REVIEW: QT_TRANSLATE_NOOP("Enums", "Legal review"),
}


class Decision(StrEnum):
    """The outcome of a credit check of a proposed order (the CLI prints these values)."""

    APPROVE = "approve"
    WARN = "warn"
    BLOCK = "block"

    @property
    def label(self) -> str:
        return DECISION_LABELS[self]


DECISION_LABELS = {
    Decision.APPROVE: QT_TRANSLATE_NOOP("Enums", "Approve"),
    Decision.WARN: QT_TRANSLATE_NOOP("Enums", "Warn"),
    Decision.BLOCK: QT_TRANSLATE_NOOP("Enums", "Block"),
}


class ProposalStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return PROPOSAL_LABELS[self]


PROPOSAL_LABELS = {
    ProposalStatus.PENDING: QT_TRANSLATE_NOOP("Enums", "Pending"),
    ProposalStatus.APPROVED: QT_TRANSLATE_NOOP("Enums", "Approved"),
    ProposalStatus.REJECTED: QT_TRANSLATE_NOOP("Enums", "Rejected"),
    ProposalStatus.WITHDRAWN: QT_TRANSLATE_NOOP("Enums", "Withdrawn"),
}

DEFAULT_AGING_BOUNDS = (30, 60, 90, 180, 365)
"""Days-overdue bounds of the aging buckets: 1-30, 31-60, 61-90, 91-180, 181-365, >365 (and not_due)."""


def bucket_labels(bounds: tuple[int, ...] = DEFAULT_AGING_BOUNDS) -> list[str]:
    """The aging bucket labels in order, starting with ``not_due`` (the CLI's JSON keys)."""
    labels = ["not_due"]
    low = 1
    for high in bounds:
        labels.append(f"{low}-{high}")
        low = high + 1
    labels.append(f">{bounds[-1]}")
    return labels


def parse_bounds(text: str) -> tuple[int, ...]:
    """``"30,60,90"`` -> (30, 60, 90); strictly increasing positive whole days, at least one.

    Raises ValueError with an English message (the caller words it for the user).
    """
    parts = [p.strip() for p in text.split(",")]
    if not parts or any(not p.isdigit() for p in parts):
        raise ValueError("bucket bounds must be whole numbers of days separated by commas")
    bounds = tuple(int(p) for p in parts)
    if bounds[0] < 1 or any(b <= a for a, b in zip(bounds, bounds[1:], strict=False)):
        raise ValueError("bucket bounds must be positive and strictly increasing")
    if bounds[-1] > 36500:
        raise ValueError("bucket bounds must be at most 36500 days")
    return bounds
