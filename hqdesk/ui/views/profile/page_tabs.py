"""The franchisee profile's tabs after the form, in order: one place where a capability adds its tab."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from hqdesk.ui.views.profile.tabs import HistoryTab, ProfileTab, RowListTab, contacts_spec, stores_spec


def build_page_tabs(editor: QWidget) -> dict[str, ProfileTab]:
    """Each tab by its name, in the order they are shown (the history last)."""
    from hqdesk.ui.views.complaints_tab import ComplaintsTab
    from hqdesk.ui.views.profile.analytics_tab import AnalyticsTab
    from hqdesk.ui.views.profile.credit_tab import CreditTab
    from hqdesk.ui.views.profile.ledger_tab import LedgerTab
    from hqdesk.ui.views.profile.letters_tab import LettersTab
    from hqdesk.ui.views.visits_tab import visits_tab

    return {
        "contacts": RowListTab(contacts_spec(), editor),
        "stores": RowListTab(stores_spec(), editor),
        "visits": visits_tab(editor),
        "complaints": ComplaintsTab(editor),
        "credit": CreditTab(editor),
        "ledger": LedgerTab(editor),
        "analytics": AnalyticsTab(editor),
        "letters": LettersTab(editor),
        "history": HistoryTab(),
    }


def _register_history_labels() -> None:
    from hqdesk.ui.models.credit_history import register_history_labels

    register_history_labels()


_register_history_labels()
