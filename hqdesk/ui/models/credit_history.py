"""The credit tables in the franchisee's History: their entries and fields in words, their enums translated,
ledger money from cents and rates as percentages. Registered into ``ui/models/history.py``'s registries when
the profile's credit tabs are built (as the complaints tab does for complaints)."""

from __future__ import annotations

from hqdesk.domain.credit import (
    DOCUMENT_LABELS,
    DUNNING_ACTION_LABELS,
    PROPOSAL_LABELS,
    TERM_LABELS,
    DocumentKind,
    DunningAction,
    ProposalStatus,
    TermKind,
)
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP

FIELDS = {
    "credit_profiles": {
        "term_kind": QT_TRANSLATE_NOOP("Fields", "Settlement term"),
        "term_days": QT_TRANSLATE_NOOP("Fields", "Days (net or grace)"),
        "credit_limit": QT_TRANSLATE_NOOP("Fields", "Credit limit"),
        "collection_policy_id": QT_TRANSLATE_NOOP("Fields", "Collection policy"),
        "expected_loss_rate": QT_TRANSLATE_NOOP("Fields", "Expected bad-debt loss rate"),
        "loss_rate_derived": QT_TRANSLATE_NOOP("Fields", "Loss rate from payment history"),
        "on_hold": QT_TRANSLATE_NOOP("Fields", "Credit hold"),
        "hold_reason": QT_TRANSLATE_NOOP("Fields", "Hold reason"),
        "next_review_on": QT_TRANSLATE_NOOP("Fields", "Next review"),
    },
    "credit_proposals": {
        "changes": QT_TRANSLATE_NOOP("Fields", "Proposed changes"),
        "reason": QT_TRANSLATE_NOOP("Fields", "Reason"),
        "status": QT_TRANSLATE_NOOP("Fields", "Status"),
        "proposed_by": QT_TRANSLATE_NOOP("Fields", "Proposed by"),
        "decided_by": QT_TRANSLATE_NOOP("Fields", "Decided by"),
        "decision_note": QT_TRANSLATE_NOOP("Fields", "Decision note"),
    },
    "ledger_documents": {
        "kind": QT_TRANSLATE_NOOP("Fields", "Document"),
        "number": QT_TRANSLATE_NOOP("Fields", "Number"),
        "doc_date": QT_TRANSLATE_NOOP("Fields", "Date"),
        "amount": QT_TRANSLATE_NOOP("Fields", "Amount"),
        "due_date": QT_TRANSLATE_NOOP("Fields", "Due date"),
        "applies_to": QT_TRANSLATE_NOOP("Fields", "Applies to invoice"),
        "note": QT_TRANSLATE_NOOP("Fields", "Note"),
        "settled_on": QT_TRANSLATE_NOOP("Fields", "Settled on"),
    },
    "dunning_tasks": {
        "run_date": QT_TRANSLATE_NOOP("Fields", "Dunning run"),
        "level": QT_TRANSLATE_NOOP("Fields", "Dunning level"),
        "action": QT_TRANSLATE_NOOP("Fields", "Action"),
        "days_overdue": QT_TRANSLATE_NOOP("Fields", "Days overdue"),
        "amount_overdue": QT_TRANSLATE_NOOP("Fields", "Overdue amount"),
        "status": QT_TRANSLATE_NOOP("Fields", "Status"),
        "done_by": QT_TRANSLATE_NOOP("Fields", "Done by"),
        "note": QT_TRANSLATE_NOOP("Fields", "Note"),
    },
}
WHAT = {
    ("credit_profiles", "insert"): QT_TRANSLATE_NOOP("History", "Credit profile set"),
    ("credit_profiles", "update"): QT_TRANSLATE_NOOP("History", "Credit profile changed"),
    ("credit_proposals", "insert"): QT_TRANSLATE_NOOP("History", "Credit change proposed"),
    ("credit_proposals", "update"): QT_TRANSLATE_NOOP("History", "Credit proposal decided"),
    ("ledger_documents", "insert"): QT_TRANSLATE_NOOP("History", "Ledger document recorded"),
    ("ledger_documents", "update"): QT_TRANSLATE_NOOP("History", "Ledger document changed"),
    ("ledger_documents", "delete"): QT_TRANSLATE_NOOP("History", "Ledger document deleted"),
    ("dunning_tasks", "insert"): QT_TRANSLATE_NOOP("History", "Dunning action due"),
    ("dunning_tasks", "update"): QT_TRANSLATE_NOOP("History", "Dunning action worked"),
    ("dunning_tasks", "delete"): QT_TRANSLATE_NOOP("History", "Dunning action removed"),
}
ENUMS = {
    ("credit_profiles", "term_kind"): (TERM_LABELS, TermKind),
    ("credit_proposals", "status"): (PROPOSAL_LABELS, ProposalStatus),
    ("ledger_documents", "kind"): (DOCUMENT_LABELS, DocumentKind),
    ("dunning_tasks", "action"): (DUNNING_ACTION_LABELS, DunningAction),
}
CENTS = {
    ("credit_profiles", "credit_limit"),
    ("ledger_documents", "amount"),
    ("dunning_tasks", "amount_overdue"),
}
RATES = {("credit_profiles", "expected_loss_rate")}
DATES = {"next_review_on", "doc_date", "due_date", "settled_on", "run_date"}
BOOLS = {"loss_rate_derived", "on_hold"}


def register_history_labels() -> None:
    from hqdesk.ui.models import history

    history.WHAT.update(WHAT)
    for table, labels in FIELDS.items():
        history.FIELD_LABELS.setdefault(table, {}).update(labels)
    history.ENUM_FIELDS.update(ENUMS)
    history.CENTS_FIELDS.update(CENTS)
    history.RATE_FIELDS.update(RATES)
    history.DATE_FIELDS = history.DATE_FIELDS | DATES
    history.BOOL_FIELDS = history.BOOL_FIELDS | BOOLS
