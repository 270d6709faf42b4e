"""Complaints as tables: the queue (pages appended as the user scrolls), a franchisee's complaints, a timeline.

Overdue complaints stand out by more than colour: a warning icon and the word "overdue" in the Due column,
in red and bold.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from hqdesk.domain.complaints import (
    CHANNEL_LABELS,
    COMPLAINT_STATUS_LABELS,
    SEVERITY_LABELS,
    ComplaintStatus,
    EventKind,
    Severity,
)
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.ui.i18n import fmt_datetime, tr_enum
from hqdesk.ui.models.base import ROOT, RowsModel

if TYPE_CHECKING:  # only types: the profile's tab imports this module while the app starts (no SQLAlchemy)
    from hqdesk.services.complaints import ComplaintEventDTO, ComplaintRow

OVERDUE_COLOR = "#c0392b"
SEVERITY_COLORS = {Severity.CRITICAL: "#c0392b", Severity.HIGH: "#d35400"}
CLOSED_COLOR = "#7f8c8d"


def due_text(row) -> str:
    if row.status in (ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED):
        return "—"
    text = fmt_datetime(row.due_at)
    if row.overdue:
        return QCoreApplication.translate("ComplaintsModel", "{when} (overdue)").format(when=text)
    return text


_ICONS: dict = {}


def warning_icon():
    """The overdue mark beside the colour (one icon for every cell)."""
    if "warning" not in _ICONS:
        _ICONS["warning"] = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    return _ICONS["warning"]


class ComplaintsModel(RowsModel["ComplaintRow"]):
    """The rows of the queue (and of a franchisee's tab). ``fetch_more_wanted`` asks the page for the next
    page when the view scrolls to the end (``canFetchMore``/``fetchMore``)."""

    CONTEXT = "ComplaintsModel"
    NUMBER, RECEIVED, FRANCHISEE, CATEGORY, SEVERITY, STATUS, ASSIGNEE, DUE, SUMMARY = range(9)
    HEADERS = (
        QT_TRANSLATE_NOOP("ComplaintsModel", "No."),
        QT_TRANSLATE_NOOP("ComplaintsModel", "Received"),
        QT_TRANSLATE_NOOP("ComplaintsModel", "Franchisee"),
        QT_TRANSLATE_NOOP("ComplaintsModel", "Category"),
        QT_TRANSLATE_NOOP("ComplaintsModel", "Severity"),
        QT_TRANSLATE_NOOP("ComplaintsModel", "Status"),
        QT_TRANSLATE_NOOP("ComplaintsModel", "Assignee"),
        QT_TRANSLATE_NOOP("ComplaintsModel", "Due"),
        QT_TRANSLATE_NOOP("ComplaintsModel", "Complaint"),
    )
    SORT_KEYS = {NUMBER: "id", RECEIVED: "received_at", SEVERITY: "severity", STATUS: "status", DUE: "due_at"}
    fetch_more_wanted = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.more = False  # the page has more rows to fetch
        self.fetching = False

    def cells(self, r: ComplaintRow) -> tuple[str, ...]:
        return (
            r.number,
            fmt_datetime(r.received_at),
            f"{r.franchisee_code} {r.franchisee_name}",
            r.category,
            tr_enum(SEVERITY_LABELS[r.severity]),
            tr_enum(COMPLAINT_STATUS_LABELS[r.status]),
            r.assignee or QCoreApplication.translate("ComplaintsModel", "(unassigned)"),
            due_text(r),
            r.summary,
        )

    def append_rows(self, records) -> None:
        records = list(records)
        if not records:
            return
        first = len(self._rows)
        self.beginInsertRows(ROOT, first, first + len(records) - 1)
        self._rows += records
        self._cells += [self.cells(r) for r in records]
        self.endInsertRows()

    def role_data(self, row: int, column: int, role: int):
        r = self._rows[row]
        if column == self.DUE and r.overdue:
            if role == Qt.ItemDataRole.DecorationRole:
                return warning_icon()
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(OVERDUE_COLOR)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("ComplaintsModel", "Overdue: the due time has passed.")
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.SEVERITY and r.severity in SEVERITY_COLORS:
                return QColor(SEVERITY_COLORS[r.severity])
            if r.status is ComplaintStatus.CLOSED:
                return QColor(CLOSED_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.SUMMARY, self.CATEGORY, self.FRANCHISEE):
            return self._cells[row][column]
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.DUE and r.overdue:
            return self._cells[row][column]
        return None

    def header_role_data(self, section: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole and section in self.SORT_KEYS:
            return QCoreApplication.translate("ComplaintsModel", "Click to sort")
        return None

    # ----- paging --------------------------------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex = ROOT) -> bool:  # noqa: N802 - Qt override
        return not parent.isValid() and self.more and not self.fetching

    def fetchMore(self, parent: QModelIndex = ROOT) -> None:  # noqa: N802 - Qt override
        if self.canFetchMore(parent):
            self.fetching = True
            self.fetch_more_wanted.emit()


# The franchisee's History shows the complaints' audit trail: their entries and fields in words (the
# Complaints tab registers them with the history model); the timeline names corrected fields with them too.
HISTORY_WHAT = {
    ("complaints", "insert"): QT_TRANSLATE_NOOP("History", "Complaint logged"),
    ("complaints", "update"): QT_TRANSLATE_NOOP("History", "Complaint changed"),
    ("complaint_events", "insert"): QT_TRANSLATE_NOOP("History", "Complaint timeline"),
}
HISTORY_FIELDS = {
    "complaints": {
        "received_at": QT_TRANSLATE_NOOP("Fields", "Received"),
        "contact_id": QT_TRANSLATE_NOOP("Fields", "Contact"),
        "channel": QT_TRANSLATE_NOOP("Fields", "Channel"),
        "category_id": QT_TRANSLATE_NOOP("Fields", "Category"),
        "severity": QT_TRANSLATE_NOOP("Fields", "Severity"),
        "description": QT_TRANSLATE_NOOP("Fields", "Description"),
        "references": QT_TRANSLATE_NOOP("Fields", "Products or invoices"),
        "status": QT_TRANSLATE_NOOP("Fields", "Status"),
        "assignee_id": QT_TRANSLATE_NOOP("Fields", "Assignee"),
        "logged_by_id": QT_TRANSLATE_NOOP("Fields", "Logged by"),
        "response_due": QT_TRANSLATE_NOOP("Fields", "Response due"),
        "resolution_due": QT_TRANSLATE_NOOP("Fields", "Resolution due"),
        "due_at": QT_TRANSLATE_NOOP("Fields", "Due"),
        "responded_at": QT_TRANSLATE_NOOP("Fields", "Responded"),
        "resolved_at": QT_TRANSLATE_NOOP("Fields", "Resolved"),
        "closed_at": QT_TRANSLATE_NOOP("Fields", "Closed"),
        "resolution": QT_TRANSLATE_NOOP("Fields", "Resolution"),
        "root_cause": QT_TRANSLATE_NOOP("Fields", "Root cause"),
        "corrective_action": QT_TRANSLATE_NOOP("Fields", "Corrective action"),
        "satisfaction": QT_TRANSLATE_NOOP("Fields", "Satisfaction"),
    },
    "complaint_events": {
        "complaint_id": QT_TRANSLATE_NOOP("Fields", "Complaint"),
        "kind": QT_TRANSLATE_NOOP("Fields", "Entry"),
        "from_status": QT_TRANSLATE_NOOP("Fields", "From"),
        "to_status": QT_TRANSLATE_NOOP("Fields", "To"),
        "assignee_id": QT_TRANSLATE_NOOP("Fields", "Assignee"),
        "comment": QT_TRANSLATE_NOOP("Fields", "Comment"),
        "user_id": QT_TRANSLATE_NOOP("Fields", "By"),
        "username": QT_TRANSLATE_NOOP("Fields", "User"),
        "occurred_at": QT_TRANSLATE_NOOP("Fields", "When"),
    },
}


EVENT_TEXTS = {
    EventKind.LOGGED: QT_TRANSLATE_NOOP("ComplaintTimeline", "Logged"),
    EventKind.REASSIGNED: QT_TRANSLATE_NOOP("ComplaintTimeline", "Reassigned to {name}"),
    EventKind.EDITED: QT_TRANSLATE_NOOP("ComplaintTimeline", "Details corrected"),
    EventKind.COMMENT: QT_TRANSLATE_NOOP("ComplaintTimeline", "Comment"),
}


def event_text(e: ComplaintEventDTO) -> str:
    if e.kind is EventKind.TRANSITION and e.from_status and e.to_status:
        text = QCoreApplication.translate("ComplaintTimeline", "{old} → {new}").format(
            old=tr_enum(COMPLAINT_STATUS_LABELS[e.from_status]),
            new=tr_enum(COMPLAINT_STATUS_LABELS[e.to_status]),
        )
        if e.assignee:
            text += " · " + e.assignee
        return text
    return QCoreApplication.translate("ComplaintTimeline", EVENT_TEXTS[e.kind]).format(name=e.assignee)


class TimelineModel(RowsModel["ComplaintEventDTO"]):
    CONTEXT = "ComplaintTimeline"
    WHEN, WHO, WHAT, COMMENT = range(4)
    HEADERS = (
        QT_TRANSLATE_NOOP("ComplaintTimeline", "When"),
        QT_TRANSLATE_NOOP("ComplaintTimeline", "Who"),
        QT_TRANSLATE_NOOP("ComplaintTimeline", "What"),
        QT_TRANSLATE_NOOP("ComplaintTimeline", "Comment"),
    )

    def cells(self, e: ComplaintEventDTO) -> tuple[str, ...]:
        comment = e.comment
        if e.kind is EventKind.EDITED:  # the names of the corrected fields
            labels = HISTORY_FIELDS["complaints"]
            comment = ", ".join(
                QCoreApplication.translate("Fields", labels[k]) if k in labels else k
                for k in comment.split(", ")
            )
        return fmt_datetime(e.occurred_at), e.by, event_text(e), comment.replace("\n", " ")

    def role_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COMMENT:
            return self._rows[row].comment or None
        return None


def channel_text(channel) -> str:
    return tr_enum(CHANNEL_LABELS[channel])


__all__ = ["ComplaintsModel", "TimelineModel", "event_text", "due_text"]
