"""The agenda's table model, and copying and exporting its events (see ``hqdesk.ui.views.agenda``)."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor, QFont
from shiboken6 import isValid

from hqdesk.domain.calendar import EVENT_KIND_LABELS, EventKind
from hqdesk.domain.changes import Entity
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.calendar import CalendarEvent
from hqdesk.ui.i18n import fmt_date, tr_enum, translate
from hqdesk.ui.models.base import RowsModel

RELOAD_ON = frozenset(
    {
        Entity.FRANCHISEE,
        Entity.STATUS,
        Entity.CONTACT,
        Entity.STORE,
        Entity.VISIT,
        Entity.VISIT_PLAN,
        Entity.TIER,
    }
)
"""The kinds of change that move events (a visit module adds its own kind when it lands)."""

KIND_COLORS = {
    EventKind.FESTIVAL: "#b8860b",
    EventKind.BIRTHDAY: "#c0392b",
    EventKind.STORE_ANNIVERSARY: "#8e44ad",
    EventKind.CONTRACT_RENEWAL: "#2471a3",
    EventKind.VISIT_DUE: "#117a65",
}


def weakly(method, *first):
    """A task callback that does not keep the view alive: ``method(*first, result)`` if the view still exists.

    A finished task keeps its callbacks until Qt deletes it; a strong reference from there to the view (and
    through it the context and runner) would let the runner be freed inside the task's own destructor (the
    franchisee list's ``_weakly``; without it a test run crashed deleting a page after its runner).
    """
    ref = weakref.WeakMethod(method)

    def call(result):
        bound = ref()
        if bound is not None and isValid(bound.__self__):
            bound(*first, result)

    return call


def weekday_text(day: date) -> str:
    """周五 / Fri."""
    from PySide6.QtCore import QLocale

    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd")


def day_text(day: date, today: date) -> str:
    """The date with its weekday; today and tomorrow say so."""
    text = f"{fmt_date(day)} {weekday_text(day)}"
    if day == today:
        return QCoreApplication.translate("AgendaModel", "Today") + " · " + text
    if day == today + timedelta(days=1):
        return QCoreApplication.translate("AgendaModel", "Tomorrow") + " · " + text
    return text


class AgendaModel(RowsModel[CalendarEvent]):
    """The events as a table. A year for everyone is 25,000 events: the texts of a row are made the first
    time the row is painted (and kept), not for every row when the events arrive; a date's text once per date."""

    CONTEXT = "AgendaModel"
    DATE, KIND, EVENT, FRANCHISEE, WHO = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("AgendaModel", "Date"),
        QT_TRANSLATE_NOOP("AgendaModel", "Kind"),
        QT_TRANSLATE_NOOP("AgendaModel", "Event"),
        QT_TRANSLATE_NOOP("AgendaModel", "Franchisee"),
        QT_TRANSLATE_NOOP("AgendaModel", "Contact / store"),
    )

    def __init__(self, parent=None, today: Callable[[], date] = date.today) -> None:
        self._today_fn = today
        self._today = today()
        self._days: dict[date, str] = {}
        self._kinds: dict[EventKind, str] = {}
        self._lazy: list[tuple[str, ...] | None] = []
        super().__init__(parent)

    def set_events(self, events: list[CalendarEvent]) -> None:
        self.set_rows(events)

    def set_rows(self, records) -> None:
        self.beginResetModel()
        self._today = self._today_fn()
        self._days = {}
        self._kinds = {k: tr_enum(EVENT_KIND_LABELS[k]) for k in EventKind}
        self._rows = list(records)
        self._lazy = [None] * len(self._rows)
        self.endResetModel()

    def text(self, row: int, column: int) -> str:
        cells = self._lazy[row]
        if cells is None:
            cells = self._lazy[row] = self.cells(self._rows[row])
        return cells[column]

    def cells(self, e: CalendarEvent) -> tuple[str, ...]:
        franchisee = f"{e.franchisee_code} {e.franchisee_name}" if e.franchisee_code else ""
        who = e.contact_name or e.store_name or ""
        day = self._days.get(e.date)
        if day is None:
            day = self._days[e.date] = day_text(e.date, self._today)
        return (day, self._kinds[e.kind], e.title(translate), franchisee, who)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        return self.role_data(index.row(), index.column(), role)

    def role_data(self, row: int, column: int, role: int):
        e = self._rows[row]
        if role == Qt.ItemDataRole.ForegroundRole:
            if e.key == "overdue":
                return QColor("#c0392b")
            if column == self.KIND:
                return QColor(KIND_COLORS[e.kind])
            if e.date < self._today:
                return QColor("#7f8c8d")
        if role == Qt.ItemDataRole.FontRole and e.date == self._today:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.FRANCHISEE and e.franchisee_id:
                return QCoreApplication.translate(
                    "AgendaModel", "Double-click to open the franchisee's profile"
                )
            if column == self.WHO and e.contact_honorific:
                return QCoreApplication.translate("AgendaModel", "Addressed as {honorific}").format(
                    honorific=e.contact_honorific
                )
            if column == self.EVENT:
                return self.text(row, column)  # long titles are cut in the column
        return None

    def event_at(self, row: int) -> CalendarEvent:
        return self._rows[row]


# ----- copying and exporting ----------------------------------------------------------------------------------

EXPORT_HEADERS = (
    QT_TRANSLATE_NOOP("AgendaExport", "Date"),
    QT_TRANSLATE_NOOP("AgendaExport", "Kind"),
    QT_TRANSLATE_NOOP("AgendaExport", "Event"),
    QT_TRANSLATE_NOOP("AgendaExport", "Franchisee code"),
    QT_TRANSLATE_NOOP("AgendaExport", "Franchisee"),
    QT_TRANSLATE_NOOP("AgendaExport", "Contact"),
    QT_TRANSLATE_NOOP("AgendaExport", "Honorific"),
    QT_TRANSLATE_NOOP("AgendaExport", "Store"),
    QT_TRANSLATE_NOOP("AgendaExport", "Years"),
)


def export_rows(events: list[CalendarEvent]) -> list[list[str]]:
    """The header and one row per event, in the UI's language (computed on the UI thread: translations)."""
    rows = [[QCoreApplication.translate("AgendaExport", h) for h in EXPORT_HEADERS]]
    for e in events:
        rows.append(
            [
                e.date.isoformat(),
                tr_enum(EVENT_KIND_LABELS[e.kind]),
                e.title(translate),
                e.franchisee_code or "",
                e.franchisee_name or "",
                e.contact_name or "",
                e.contact_honorific,
                e.store_name or "",
                "" if e.years is None else str(e.years),
            ]
        )
    return rows


def _as_text_cell(value: str) -> str:
    """A cell Excel shows as typed: text starting with = + - @ would otherwise become a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def write_csv(path: str, rows: list[list[str]]) -> int:
    """Write ``rows`` as CSV in UTF-8 with a BOM (what Chinese Excel opens correctly); returns the event count.
    Runs in the background (disk)."""
    import csv

    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(rows[0])
        writer.writerows([_as_text_cell(c) for c in row] for row in rows[1:])
    return len(rows) - 1


def clipboard_text(rows: list[list[str]]) -> str:
    """Tab-separated lines (pasted into Excel, one cell each; into a message, a readable list)."""
    return "\n".join("\t".join(c.replace("\t", " ").replace("\n", " ") for c in row) for row in rows)


# ----- opening a franchisee's profile -------------------------------------------------------------------------
