"""Visits as tables: a franchisee's visits (its profile tab), the visit list (loaded a page at a time), the
visits due, the suggestions to follow up, and the suggestions being edited in the visit form."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.visits import (
    FOLLOWED_UP,
    KIND_LABELS,
    PURPOSE_LABELS,
    SUGGESTION_STATUS_LABELS,
    SuggestionData,
    SuggestionStatus,
)
from hqdesk.services.visits import SuggestionRow, VisitDTO, VisitDue, VisitRow
from hqdesk.ui.i18n import fmt_date, tr_enum
from hqdesk.ui.models.base import ROOT, RowsModel
from hqdesk.ui.models.history import UserNames

OVERDUE_COLOR = "#c0392b"
DONE_COLOR = "#7f8c8d"


def one_line(text: str, limit: int = 80) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class VisitsModel(RowsModel[VisitDTO]):
    """One franchisee's visits, newest first (the profile's Visits tab)."""

    CONTEXT = "VisitsModel"
    DATE, KIND, PURPOSE, BY, MET, SUGGESTIONS, OUTCOME, FOLLOW_UP = range(8)
    HEADERS = (
        QT_TRANSLATE_NOOP("VisitsModel", "Date"),
        QT_TRANSLATE_NOOP("VisitsModel", "Kind"),
        QT_TRANSLATE_NOOP("VisitsModel", "Purpose"),
        QT_TRANSLATE_NOOP("VisitsModel", "Visited by"),
        QT_TRANSLATE_NOOP("VisitsModel", "Met with"),
        QT_TRANSLATE_NOOP("VisitsModel", "Suggestions"),
        QT_TRANSLATE_NOOP("VisitsModel", "Outcome"),
        QT_TRANSLATE_NOOP("VisitsModel", "Next follow-up"),
    )

    def __init__(self, parent=None, names: UserNames | None = None) -> None:
        super().__init__(parent)
        self.names = names or UserNames()

    def cells(self, v: VisitDTO) -> tuple[str, ...]:
        d = v.data
        open_count = sum(1 for s in d.suggestions if s.status not in FOLLOWED_UP)
        suggestions = (
            ""
            if not d.suggestions
            else QCoreApplication.translate("VisitsModel", "{total} ({open} open)").format(
                total=len(d.suggestions), open=open_count
            )
        )
        return (
            fmt_date(d.visited_on),
            tr_enum(KIND_LABELS[d.kind]),
            tr_enum(PURPOSE_LABELS[d.purpose]),
            self.names.name_of_id(d.hq_user_id),
            d.met_with,
            suggestions,
            one_line(d.outcome),
            fmt_date(d.next_follow_up_on),
        )

    def role_data(self, row: int, column: int, role: int):
        d = self._rows[row].data
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.OUTCOME and d.outcome:
                return d.outcome
            if column == self.SUGGESTIONS and d.suggestions:
                return "\n".join(
                    f"• {s.text} ({tr_enum(SUGGESTION_STATUS_LABELS[s.status])})" for s in d.suggestions
                )
        return None


class VisitListModel(RowsModel[VisitRow]):
    """The visit list: rows arrive a page at a time. ``more_wanted`` asks the page for the next one when the
    view scrolls to the end (Qt's canFetchMore/fetchMore)."""

    CONTEXT = "VisitListModel"
    DATE, CODE, NAME, KIND, PURPOSE, BY, MET, SUGGESTIONS, OUTCOME, FOLLOW_UP = range(10)
    HEADERS = (
        QT_TRANSLATE_NOOP("VisitListModel", "Date"),
        QT_TRANSLATE_NOOP("VisitListModel", "Code"),
        QT_TRANSLATE_NOOP("VisitListModel", "Franchisee"),
        QT_TRANSLATE_NOOP("VisitListModel", "Kind"),
        QT_TRANSLATE_NOOP("VisitListModel", "Purpose"),
        QT_TRANSLATE_NOOP("VisitListModel", "Visited by"),
        QT_TRANSLATE_NOOP("VisitListModel", "Met with"),
        QT_TRANSLATE_NOOP("VisitListModel", "Open suggestions"),
        QT_TRANSLATE_NOOP("VisitListModel", "Outcome"),
        QT_TRANSLATE_NOOP("VisitListModel", "Next follow-up"),
    )

    more_wanted = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.has_more = False
        self.fetching = False

    def set_page(self, rows, has_more: bool) -> None:
        self.has_more, self.fetching = has_more, False
        self.set_rows(rows)

    def append_page(self, rows, has_more: bool) -> None:
        self.has_more, self.fetching = has_more, False
        rows = list(rows)
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self._cells.extend(self.cells(r) for r in rows)
        self.endInsertRows()

    def canFetchMore(self, parent=ROOT) -> bool:  # noqa: N802 - Qt override
        return not parent.isValid() and self.has_more and not self.fetching

    def fetchMore(self, parent=ROOT) -> None:  # noqa: N802 - Qt override
        if self.canFetchMore(parent):
            self.fetching = True
            self.more_wanted.emit()

    def cells(self, r: VisitRow) -> tuple[str, ...]:
        return (
            fmt_date(r.visited_on),
            r.franchisee_code,
            r.franchisee_name,
            tr_enum(KIND_LABELS[r.kind]),
            tr_enum(PURPOSE_LABELS[r.purpose]),
            r.hq_user_name,
            r.met_with,
            str(r.open_suggestions) if r.suggestions else "",
            one_line(r.outcome),
            fmt_date(r.next_follow_up_on),
        )

    def role_data(self, row: int, column: int, role: int):
        r = self._rows[row]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.OUTCOME and r.outcome:
            return r.outcome
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SUGGESTIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DueVisitsModel(RowsModel[VisitDue]):
    """Franchisees due a visit: overdue ones in red with a "Overdue by N days" note (not colour alone)."""

    CONTEXT = "DueVisitsModel"
    DUE, STATE, CODE, NAME, TIER, LAST, MANAGER = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("DueVisitsModel", "Due"),
        QT_TRANSLATE_NOOP("DueVisitsModel", "State"),
        QT_TRANSLATE_NOOP("DueVisitsModel", "Code"),
        QT_TRANSLATE_NOOP("DueVisitsModel", "Franchisee"),
        QT_TRANSLATE_NOOP("DueVisitsModel", "Tier"),
        QT_TRANSLATE_NOOP("DueVisitsModel", "Last visit"),
        QT_TRANSLATE_NOOP("DueVisitsModel", "Account manager"),
    )

    def __init__(self, parent=None, today: date | None = None, names: UserNames | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self.names = names or UserNames()

    def cells(self, d: VisitDue) -> tuple[str, ...]:
        if d.overdue:
            days = (self.today - d.due_date).days
            state = self.tr("⚠ Overdue by %n day(s)", "", days)
        elif d.due_date == self.today:
            state = QCoreApplication.translate("DueVisitsModel", "Due today")
        else:
            days = (d.due_date - self.today).days
            state = self.tr("In %n day(s)", "", days)
        if d.follow_up:
            state += QCoreApplication.translate("DueVisitsModel", " (follow-up)")
        last = fmt_date(d.last_visit_on) or QCoreApplication.translate("DueVisitsModel", "never")
        return (
            fmt_date(d.due_date),
            state,
            d.franchisee_code,
            d.franchisee_name,
            d.tier,
            last,
            self.names.name_of_id(d.account_manager_id),
        )

    def role_data(self, row: int, column: int, role: int):
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and self._rows[row].overdue
            and column in (self.DUE, self.STATE)
        ):
            return QColor(OVERDUE_COLOR)
        return None


class SuggestionListModel(RowsModel[SuggestionRow]):
    CONTEXT = "SuggestionListModel"
    STATUS, TEXT, CODE, NAME, VISITED, RESPONSE, BY = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("SuggestionListModel", "Status"),
        QT_TRANSLATE_NOOP("SuggestionListModel", "Suggestion"),
        QT_TRANSLATE_NOOP("SuggestionListModel", "Code"),
        QT_TRANSLATE_NOOP("SuggestionListModel", "Franchisee"),
        QT_TRANSLATE_NOOP("SuggestionListModel", "Visit date"),
        QT_TRANSLATE_NOOP("SuggestionListModel", "Response"),
        QT_TRANSLATE_NOOP("SuggestionListModel", "Last changed by"),
    )

    def __init__(self, parent=None, names: UserNames | None = None) -> None:
        super().__init__(parent)
        self.names = names or UserNames()

    def cells(self, r: SuggestionRow) -> tuple[str, ...]:
        return (
            tr_enum(SUGGESTION_STATUS_LABELS[r.status]),
            one_line(r.text),
            r.franchisee_code,
            r.franchisee_name,
            fmt_date(r.visited_on),
            one_line(r.response),
            self.names.name(r.updated_by),
        )

    def role_data(self, row: int, column: int, role: int):
        r = self._rows[row]
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.TEXT, self.RESPONSE):
            return (r.text if column == self.TEXT else r.response) or None
        if role == Qt.ItemDataRole.ForegroundRole and r.status in FOLLOWED_UP:
            return QColor(DONE_COLOR)
        return None


class SuggestionsEditModel(QAbstractTableModel):
    """The suggestions while the visit form edits them: text, follow-up status, response."""

    TEXT, STATUS, RESPONSE = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("SuggestionsEditModel", "Suggestion"),
        QT_TRANSLATE_NOOP("SuggestionsEditModel", "Status"),
        QT_TRANSLATE_NOOP("SuggestionsEditModel", "Response"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[SuggestionData] = []
        self.editable = True

    def set_suggestions(self, items) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def suggestions(self) -> tuple[SuggestionData, ...]:
        return tuple(self._rows)

    def add(self) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(SuggestionData())
        self.endInsertRows()
        return row

    def removeRows(self, row: int, count: int, parent=ROOT) -> bool:  # noqa: N802 - Qt override
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row : row + count]
        self.endRemoveRows()
        return True

    def rowCount(self, parent=ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self.HEADERS):
                return QCoreApplication.translate("SuggestionsEditModel", self.HEADERS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if self.editable else flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s, col = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            if col == self.TEXT:
                return s.text
            if col == self.RESPONSE:
                return s.response
            if col == self.STATUS:
                if role == Qt.ItemDataRole.EditRole:
                    return s.status.value
                return tr_enum(SUGGESTION_STATUS_LABELS[s.status])
        return None

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or not self.editable or role != Qt.ItemDataRole.EditRole:
            return False
        from dataclasses import replace

        s, col = self._rows[index.row()], index.column()
        if col == self.TEXT:
            s = replace(s, text=str(value))
        elif col == self.RESPONSE:
            s = replace(s, response=str(value))
        elif col == self.STATUS:
            try:
                s = replace(s, status=SuggestionStatus(value))
            except ValueError:
                return False
        self._rows[index.row()] = s
        self.dataChanged.emit(index, index)
        return True


__all__ = [
    "VisitsModel",
    "VisitListModel",
    "DueVisitsModel",
    "SuggestionListModel",
    "SuggestionsEditModel",
    "OVERDUE_COLOR",
]
