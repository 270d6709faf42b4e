"""The franchisee list: a lazy table model over FranchiseeRow DTOs.

A search hands the model the number of matches and the first page of rows; further pages are read on demand
(``canFetchMore``/``fetchMore``, as in Qt's fetchmore example), each one by key: "the rows after the last one
loaded" (services.franchisee_list), never by offset and never by loading every id first. The model never
queries: it emits ``fetch_requested`` and the view loads the page through the task runner, then calls
``append_page``. Sorting is done in SQL too: ``sort()`` emits ``sort_requested`` and the view searches again.

Every search bumps a generation counter, so a page that arrives after a newer search is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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

from hqdesk.domain.contracts import contract_warning
from hqdesk.domain.franchisee import STATUS_LABELS
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.dto import LIST_COLUMNS, FranchiseeRow, ListPage, ListResult, PageKey
from hqdesk.ui.i18n import fmt_date, tr_enum

PAGE_SIZE = 200  # rows per fetch: what a screen shows several times over, one small query
# Scrolling on, each fetch asks for as many rows as are loaded already (up to this many): someone scrolling
# through thousands of rows gets them in a few larger queries, not hundreds of small ones whose per-query
# cost (the worker thread, the session, the rights check, a relayout of the view) would outweigh the database's
# own work. Scrolling to the end of 50,000 on SQLite: 14 fetches of up to 5,000 rows took 0.94 s, 9 of up to
# 20,000 0.78 s (the same queries bare: 0.42 s).
MAX_FETCH = 20000

CONTEXT = "FranchiseeListModel"
# Short titles: all nine columns fit beside the editor at 1440 px, in English too; the tooltip has the full name.
HEADERS = {
    "code": QT_TRANSLATE_NOOP("FranchiseeListModel", "Code"),
    "legal_name": QT_TRANSLATE_NOOP("FranchiseeListModel", "Legal name"),
    "city": QT_TRANSLATE_NOOP("FranchiseeListModel", "City"),
    "tier": QT_TRANSLATE_NOOP("FranchiseeListModel", "Tier"),
    "status": QT_TRANSLATE_NOOP("FranchiseeListModel", "Status"),
    "account_manager": QT_TRANSLATE_NOOP("FranchiseeListModel", "Manager"),
    "primary_contact": QT_TRANSLATE_NOOP("FranchiseeListModel", "Contact"),
    "primary_phone": QT_TRANSLATE_NOOP("FranchiseeListModel", "Mobile"),
    "contract_end": QT_TRANSLATE_NOOP("FranchiseeListModel", "Contract end"),
}
HEADER_TIPS = {
    "account_manager": QT_TRANSLATE_NOOP("FranchiseeListModel", "Account manager"),
    "primary_contact": QT_TRANSLATE_NOOP("FranchiseeListModel", "Primary contact"),
}

ARCHIVED_COLOR = QColor("#9a9a9a")
EXPIRING_FOREGROUND = QColor("#8a5300")
EXPIRING_BACKGROUND = QColor("#fde7b0")
EXPIRED_FOREGROUND = QColor("#9b1c1c")
EXPIRED_BACKGROUND = QColor("#f8d3d0")

# data() runs for every visible cell and role on each repaint: look these up once.
_DISPLAY, _FOREGROUND, _BACKGROUND, _TOOLTIP = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ToolTipRole,
)
_CONTRACT_END = LIST_COLUMNS.index("contract_end")

_Index = QModelIndex | QPersistentModelIndex


class FranchiseeListModel(QAbstractTableModel):
    """Columns are ``LIST_COLUMNS``; ``franchisee_id(row)`` and ``row_of(id)`` map between rows and ids.

    Signals:
    - ``fetch_requested(generation, after, count)``: load ``count`` rows following the page key ``after``
      and hand them to ``append_page(generation, after, page)``, or call ``fetch_failed(generation)``.
    - ``sort_requested(column_name, descending)``: search again in this order.
    """

    fetch_requested = Signal(int, object, int)
    sort_requested = Signal(str, bool)

    def __init__(
        self, parent=None, today: Callable[[], date] = date.today, page_size: int = PAGE_SIZE
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._page_size = page_size
        self._total = 0
        self._next: PageKey | None = None  # where the next page starts; None: everything is loaded
        self._rows: list[FranchiseeRow] = []
        self._cells: list[tuple[str, ...] | None] = []  # display text of each row, made when first shown
        self._warnings: list[int | None] = []  # contract warning of each row (domain.contracts)
        self._row_of: dict[int, int] = {}
        self._generation = 0
        self._in_flight = False
        self._wanted = 0  # load at least this many rows (fetch_through)
        self.sort_column = "legal_name"
        self.descending = False

    # ----- the search result ---------------------------------------------------------------------
    def set_result(self, result: ListResult) -> None:
        self.beginResetModel()
        self._generation += 1
        self._in_flight = False
        self._wanted = 0
        self._total = result.total
        self._next = result.first.next
        self._rows, self._cells, self._warnings, self._row_of = [], [], [], {}
        self.sort_column = result.sort_column
        self.descending = result.descending
        self._take(result.first.rows)
        self.endResetModel()

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def total(self) -> int:
        """How many franchisees the search matched (loaded or not)."""
        return max(self._total, len(self._rows))

    @property
    def fetching(self) -> bool:
        """Whether a page is on its way."""
        return self._in_flight

    def franchisee_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, franchisee_id: int | None) -> int:
        """The loaded row showing ``franchisee_id``, or -1."""
        return self._row_of.get(franchisee_id, -1) if franchisee_id is not None else -1

    # ----- lazy loading --------------------------------------------------------------------------
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt override
        return not parent.isValid() and self._next is not None

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802 - Qt override
        if parent.isValid():
            return
        loaded = len(self._rows)
        self._request(loaded + max(self._page_size, min(loaded, MAX_FETCH)))

    def fetch_through(self, position: int) -> None:
        """Make sure the row at ``position`` of the whole result gets loaded (with all rows before it)."""
        if position < len(self._rows):
            return
        # to the end of that position's page, so the rows below the one the user looks at are there too
        self._request((position // self._page_size + 1) * self._page_size)

    def _request(self, through: int) -> None:
        self._wanted = max(self._wanted, through)
        if self._in_flight or self._next is None or len(self._rows) >= self._wanted:
            return
        self._in_flight = True
        self.fetch_requested.emit(self._generation, self._next, self._wanted - len(self._rows))

    def append_page(self, generation: int, after: PageKey, page: ListPage) -> None:
        """The page a ``fetch_requested`` asked for; ignored if a newer search replaced the result."""
        if generation != self._generation or after != self._next:
            return
        self._in_flight = False
        self._next = page.next
        # a row saved since the search may have moved past the key: show it once, where it was first seen
        rows = [r for r in page.rows if r.id not in self._row_of]
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._take(rows)
            self.endInsertRows()
        if self._next is None:
            self._total = len(self._rows)  # rows deleted or added since the count: the list says what it has
        self._request(self._wanted)  # a fetch_through may want more than one request gave

    def fetch_failed(self, generation: int) -> None:
        if generation == self._generation:
            self._in_flight = False
            self._wanted = len(self._rows)  # the next scroll to the bottom tries again

    def _take(self, rows: Sequence[FranchiseeRow]) -> None:
        start = len(self._rows)
        today = self._today()
        for offset, row in enumerate(rows):
            self._row_of[row.id] = start + offset
            self._warnings.append(contract_warning(row.contract_end, row.status, row.archived, today))
        self._cells.extend([None] * len(rows))
        self._rows.extend(rows)

    # ----- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(LIST_COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt override
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(LIST_COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, HEADERS[LIST_COLUMNS[section]])
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = HEADER_TIPS.get(LIST_COLUMNS[section])
            return QCoreApplication.translate(CONTEXT, tip) if tip else None
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            return Qt.SortOrder.AscendingOrder
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        r = index.row()
        if not index.isValid() or r >= len(self._rows):
            return None
        if role == _DISPLAY:
            cells = self._cells[r]
            if cells is None:
                cells = self._cells[r] = tuple(self._display(self._rows[r], c) for c in LIST_COLUMNS)
            return cells[index.column()]
        if role == _FOREGROUND:
            if self._rows[r].archived:
                return ARCHIVED_COLOR
            days = self._warnings[r] if index.column() == _CONTRACT_END else None
            return None if days is None else EXPIRED_FOREGROUND if days < 0 else EXPIRING_FOREGROUND
        if role == _BACKGROUND:
            days = self._warnings[r] if index.column() == _CONTRACT_END else None
            return None if days is None else EXPIRED_BACKGROUND if days < 0 else EXPIRING_BACKGROUND
        if role == _TOOLTIP:
            return self._tooltip(r, LIST_COLUMNS[index.column()])
        return None

    @staticmethod
    def _display(row: FranchiseeRow, column: str) -> str:
        if column == "status":
            return tr_enum(STATUS_LABELS[row.status])
        if column == "contract_end":
            return fmt_date(row.contract_end)
        return getattr(row, column)

    def _tooltip(self, r: int, column: str) -> str | None:
        row, lines = self._rows[r], []
        if column == "legal_name":
            lines.append(row.legal_name)
            if row.store_brand_name and row.store_brand_name != row.legal_name:
                lines.append(row.store_brand_name)
        elif column == "city" and (row.province or row.region):
            lines.append(" ".join(p for p in (row.region, row.province, row.city) if p))
        elif column == "contract_end":
            days = self._warnings[r]
            if days is not None and days < 0:
                lines.append(
                    self.tr("The contract ended on {date}, %n day(s) ago.", "", -days).format(
                        date=fmt_date(row.contract_end)
                    )
                )
            elif days is not None:
                lines.append(
                    self.tr("The contract ends today.")
                    if days == 0
                    else self.tr("The contract ends in %n day(s).", "", days)
                )
        if row.archived:
            lines.append(self.tr("Archived"))
        return "\n".join(lines) or None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the database's job: ask the view to search again in this order."""
        if not 0 <= column < len(LIST_COLUMNS):
            return
        name, descending = LIST_COLUMNS[column], order == Qt.SortOrder.DescendingOrder
        if (name, descending) == (self.sort_column, self.descending):
            return
        self.sort_column, self.descending = name, descending
        self.sort_requested.emit(name, descending)

    def sort_section(self) -> tuple[int, Qt.SortOrder]:
        """The header section and order that show the current sort."""
        column = LIST_COLUMNS.index(self.sort_column) if self.sort_column in LIST_COLUMNS else 1
        return column, Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder


def all_rows(services, actor, shown: ListResult | None, page_size: int = 1000):
    """Every franchisee of the search ``shown`` (its filters and order), each as the list displays it (a tuple over
    ``LIST_COLUMNS``), fetched page by page through the service: what an export of the list writes. Runs in a
    worker."""
    if shown is None:
        return
    after = None
    while True:
        page = services.franchisees.list_page(
            actor, shown.criteria, shown.sort_column, shown.descending, after, page_size
        )
        for row in page.rows:
            yield tuple(FranchiseeListModel._display(row, column) for column in LIST_COLUMNS)
        if page.next is None:
            return
        after = page.next
