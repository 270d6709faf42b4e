"""Franchisees: search-as-you-type list on the left, the profile editor on the right.

Every query runs through the task runner; results carry a generation number so an older search that
finishes after a newer one is dropped. The list model loads rows page by page as the user scrolls.
"""

from __future__ import annotations

import logging
import weakref
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.franchisee import STATUS_LABELS, LifecycleStatus
from hqdesk.domain.roles import Action
from hqdesk.services.dto import LIST_COLUMNS, FilterOptions, ListPage, ListResult, PageKey, SearchCriteria
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error
from hqdesk.ui.export import TableExport
from hqdesk.ui.i18n import fmt_date, tr_enum
from hqdesk.ui.models.franchisee_list import PAGE_SIZE, FranchiseeListModel, all_rows
from hqdesk.ui.views.bulk_actions import install_bulk_actions
from hqdesk.ui.views.franchisee_filters import FranchiseeFilterBar
from hqdesk.ui.views.franchisee_layout import (
    RememberedLayout,
)

if TYPE_CHECKING:
    from hqdesk.ui.views.profile import ProfileEditor

log = logging.getLogger(__name__)

# search-as-you-type: wait for a pause in typing. Part of what the user feels from the last key to the rows
# (target < 150 ms at 5,000 franchisees, tests/perf/bench_franchisee_list.py), so short: a search typed faster
# than this is one search; a slower typist gets a search per key, each one dropping the one before.
SEARCH_DELAY_MS = 50
BUSY_DELAY_MS = 250  # say "Loading…" only for searches slow enough to notice (no flicker while typing)
# bus changes that can change what the list shows ...
LIST_KINDS = (Entity.FRANCHISEE, Entity.STATUS, Entity.CONTACT, Entity.USER)
# ... and what its filter boxes offer (tiers and account managers added or renamed in Settings or Users)
FILTER_KINDS = (Entity.FRANCHISEE, Entity.USER, Entity.TIER)


# Default column widths: room for what a column usually shows, or for its title if that is wider. Names in widths
# of one Chinese character; codes, statuses, phone numbers and dates measured (they differ between languages).
COLUMN_CHARS = {"legal_name": 12, "city": 4, "account_manager": 3, "primary_contact": 4}  # 乌鲁木齐, 欧阳明月
COLUMN_SAMPLES = {"code": "JX0000", "tier": "A", "primary_phone": "13800000000"}
CELL_PADDING = 12  # the cell's margins on both sides
HEADER_PADDING = (
    16  # the same for a title (sorting by a narrow column may shorten its title: the arrow shows it)
)


def _weakly(method, *first):
    """A task callback that does not keep the view alive: ``method(*first, result)`` if the view still exists.

    A finished task keeps its callbacks until Qt deletes it; a strong reference from there to the view (and
    through it the context and runner) would let the runner be freed inside the task's own destructor.
    """
    ref = weakref.WeakMethod(method)

    def call(result):
        bound = ref()
        if bound is not None and isValid(bound.__self__):
            bound(*first, result)

    return call


class FranchiseesView(RememberedLayout, QWidget):
    """The franchisee list and profile editor. ``loaded(count)`` is emitted whenever a search result is shown."""

    loaded = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("franchiseesView")
        self._generation = 0  # of the newest search; older results are dropped
        self._requested: SearchCriteria | None = None
        self._shown: ListResult | None = None
        self._current_id: int | None = None  # the franchisee the editor shows
        self._pending_select: int | None = None  # to select once its page is loaded
        self._syncing = False  # selection changed by code, not by the user
        self._refresh_options = False

        self._build_filter_bar()
        self._build_list()
        # The profile editor (its form and every profile tab: a sixth of the start-up) is built in the first idle
        # moment after the list shows its first rows, or at once when something needs it (``editor``); until
        # then its place shows what the editor itself shows when no franchisee is selected.
        self._editor: ProfileEditor | None = None
        self.editor_placeholder = QLabel(
            QCoreApplication.translate("ProfileEditor", "Select a franchisee, or press Ctrl+N to add one"),
            self,
        )
        self.editor_placeholder.setObjectName("editorPlaceholder")
        self.editor_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editor_placeholder.setWordWrap(True)
        self.editor_placeholder.setStyleSheet("color: #7f8c8d; font-size: 15px;")  # the editor's empty state
        self.editor_slot = QStackedWidget(self)  # the placeholder, then the editor (nothing is reparented)
        self.editor_slot.setObjectName("editorSlot")
        self.editor_slot.addWidget(self.editor_placeholder)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("franchiseesSplitter")
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.editor_slot)
        self.splitter.setCollapsible(0, False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self._default_split: list[int] | None = (
            None  # the sizes set by default, until the user moves the splitter
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.splitter, 1)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._search_if_changed)
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)  # one refresh for a burst of changes
        self._refresh_timer.timeout.connect(self._refresh)
        self._save_timer = QTimer(self, singleShot=True, interval=500)
        self._save_timer.timeout.connect(self.save_state)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)
        if ctx.can(Action.CREATE_FRANCHISEE):
            new = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
            new.activated.connect(self.new_franchisee)

        self._restore_state()
        self._connect()
        self.search_now()
        self._load_filter_options()
        install_bulk_actions(self)  # administrators: reassign, tag, change status of the selection

    # ----- building ------------------------------------------------------------------------------
    @property
    def editor(self) -> ProfileEditor:
        """The profile editor beside the list, built now if it was not yet."""
        if self._editor is None:
            from hqdesk.ui.views.profile import ProfileEditor

            editor = ProfileEditor(self.ctx, self.editor_slot)
            editor.saved.connect(self._editor_saved)
            self.editor_slot.addWidget(editor)
            self.editor_slot.setCurrentWidget(editor)
            self.editor_slot.removeWidget(self.editor_placeholder)
            self.editor_placeholder.deleteLater()
            self.editor_placeholder = None
            self._editor = editor
            self._apply_default_split()  # a default split is fitted to the editor's own minimum width
        return self._editor

    def editor_built(self) -> bool:
        return self._editor is not None

    def _build_editor_when_idle(self) -> None:
        if self._editor is None and isValid(self):
            _ = self.editor

    def _build_filter_bar(self) -> None:
        self.filters = FranchiseeFilterBar(self.ctx, self)
        bar = self.filters  # its boxes, by the names the tests and benchmarks use
        self.search_box, self.tier_combo, self.tag_combo = bar.search_box, bar.tier_combo, bar.tag_combo
        self.region_combo, self.manager_combo, self.archived_check = (
            bar.region_combo,
            bar.manager_combo,
            bar.archived_check,
        )
        self.status_button, self.status_actions, self.status_all_action = (
            bar.status_button,
            bar.status_actions,
            bar.status_all_action,
        )
        self.search_box.installEventFilter(self)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setMinimumWidth(  # no jumping filters when the count changes
            self.fontMetrics().horizontalAdvance(self.tr("%n franchisee(s)", "", 8888))
        )
        self.new_button = QPushButton(self.tr("New franchisee"), self)
        self.new_button.setObjectName("newFranchisee")
        self.new_button.setToolTip(
            self.tr("New franchisee ({key})").format(
                key=QKeySequence(QKeySequence.StandardKey.New).toString(
                    QKeySequence.SequenceFormat.NativeText
                )
            )
        )
        self.new_button.setVisible(self.ctx.can(Action.CREATE_FRANCHISEE))

        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.filters, 1)
        bar.addSpacing(8)
        bar.addWidget(self.count_label)
        bar.addWidget(self.new_button)
        self.filter_bar = bar

    def open_import(self):
        """The import wizard (its module is imported only now); the list reloads through the change bus."""
        from hqdesk.ui.views.import_wizard import open_import_wizard

        return open_import_wizard(self.ctx, self.window())

    def _build_list(self) -> None:
        self.model = FranchiseeListModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("franchiseeTable")
        self.table.setModel(self.model)
        shown = lambda: all_rows(self.ctx.services, self.ctx.actor, self._shown)  # noqa: E731 - every match
        TableExport(self.table, "franchisees", self.ctx, all_rows=shown)
        if self.ctx.can(
            Action.IMPORT_FRANCHISEES
        ):  # in the list's menu beside Export; the importers check again
            self.import_action = QAction(self.tr("Import franchisees, contacts or stores…"), self.table)
            self.import_action.setObjectName("importFranchisees")
            self.import_action.triggered.connect(self.open_import)
            self.table.addAction(self.import_action)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # several rows at once for the administrators' bulk actions (views/bulk_actions.py); the editor shows one
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setTabKeyNavigation(False)
        self.table.setShowGrid(False)
        self.table.setCornerButtonEnabled(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # also keeps a long list fast
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.default_column_widths = self._default_column_widths()
        for column, width in enumerate(self.default_column_widths):
            header.resizeSection(column, width)

        self.message_title = QLabel(self)
        self.message_title.setObjectName("messageTitle")
        self.message_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_title.setWordWrap(True)
        font = self.message_title.font()
        if font.pointSizeF() > 0:  # -1 when the font is sized in pixels
            font.setPointSizeF(font.pointSizeF() * 1.2)
            self.message_title.setFont(font)
        self.message_hint = QLabel(self)
        self.message_hint.setObjectName("messageHint")
        self.message_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_hint.setWordWrap(True)
        self.message_hint.setStyleSheet("color: palette(placeholder-text);")
        self.clear_filters_button = QPushButton(self.tr("Clear search and filters"), self)
        self.clear_filters_button.setObjectName("clearFilters")
        self.message_page = QFrame(self)  # framed and on the base colour, like the table it stands in for
        self.message_page.setObjectName("messagePage")
        self.message_page.setFrameShape(QFrame.Shape.StyledPanel)
        self.message_page.setBackgroundRole(QPalette.ColorRole.Base)
        self.message_page.setAutoFillBackground(True)
        page = QVBoxLayout(self.message_page)
        page.addStretch(1)
        page.addWidget(self.message_title)
        page.addWidget(self.message_hint)
        page.addWidget(self.clear_filters_button, 0, Qt.AlignmentFlag.AlignHCenter)
        page.addStretch(2)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.message_page)

    def _default_column_widths(self) -> list[int]:
        """Each column's width when nothing is remembered, in the language and font in use."""
        cells, titles = self.table.fontMetrics(), self.table.horizontalHeader().fontMetrics()
        char = cells.horizontalAdvance("中")
        content = {name: int(chars * char) for name, chars in COLUMN_CHARS.items()}
        content.update({name: cells.horizontalAdvance(text) for name, text in COLUMN_SAMPLES.items()})
        content["status"] = max(cells.horizontalAdvance(tr_enum(label)) for label in STATUS_LABELS.values())
        content["contract_end"] = max(
            cells.horizontalAdvance(fmt_date(date(2026, month, 28))) for month in range(1, 13)
        )
        return [
            max(
                content[name] + CELL_PADDING,
                titles.horizontalAdvance(self.model.headerData(column, Qt.Orientation.Horizontal))
                + HEADER_PADDING,
            )
            for column, name in enumerate(LIST_COLUMNS)
        ]

    def _connect(self) -> None:
        self.filters.typed.connect(lambda: self._debounce.start())
        self.filters.changed.connect(self.search_now)
        self.search_box.returnPressed.connect(self.search_now)
        self.new_button.clicked.connect(self.new_franchisee)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.model.fetch_requested.connect(self._fetch_rows)
        self.model.sort_requested.connect(self._sort_changed)
        self.model.rowsInserted.connect(self._rows_arrived)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.ctx.bus.changed.connect(self._bus_changed)
        header = self.table.horizontalHeader()
        for signal in (
            header.sectionResized,
            header.sectionMoved,
            header.sortIndicatorChanged,
            self.splitter.splitterMoved,
        ):
            signal.connect(lambda *_: self._save_timer.start())  # not start(msec) with the signal's ints
        self.splitter.splitterMoved.connect(self._splitter_moved)

    # ----- searching -----------------------------------------------------------------------------
    def criteria(self) -> SearchCriteria:
        """What the search box and filters ask for."""
        return self.filters.criteria()

    def statuses(self) -> tuple[LifecycleStatus, ...]:
        """The statuses ticked in the status filter (none: all)."""
        return self.filters.statuses()

    def set_statuses(self, statuses) -> None:
        """Tick exactly ``statuses`` in the status filter (one search)."""
        self.filters.set_statuses(statuses)

    def editor_franchisee_id(self) -> int | None:
        """The franchisee the editor shows (None: a new one, or none)."""
        return self._current_id

    def selected_ids(self) -> list[int]:
        """The franchisees of the selected rows, top to bottom (for bulk actions)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [fid for fid in (self.model.franchisee_id(r) for r in rows) if fid is not None]

    def search_now(self) -> None:
        """Search at once with the current text and filters (the debounce timer's job, without waiting)."""
        self._debounce.stop()
        self._search()

    def _search_if_changed(self) -> None:
        if self.criteria() != self._requested:
            self._search()

    def _search(self, scroll: bool = False) -> None:
        """Search with what the boxes say; the result keeps the editor's franchisee selected (``scroll``:
        and scrolled to, loading pages until it is there)."""
        criteria = self.criteria()
        self._requested = criteria
        self._generation += 1
        generation = self._generation
        self._set_busy(True)
        self.ctx.runner.submit(
            self.ctx.services.franchisees.list_first,
            self.ctx.actor,
            criteria,
            self.model.sort_column,
            self.model.descending,
            page_size=PAGE_SIZE,
            on_done=_weakly(self._show_result, generation, scroll),
            on_error=_weakly(self._search_failed, generation),
        )

    def _show_result(self, generation: int, scroll: bool, result: ListResult) -> None:
        if generation != self._generation:
            return  # a newer search is under way: this one is stale
        self._set_busy(False)
        self._shown = result
        self._pending_select = None
        self._syncing = True
        try:
            self.model.set_result(result)
            self.table.horizontalHeader().setSortIndicator(*self.model.sort_section())
        finally:
            self._syncing = False
        self.count_label.setText(self.tr("%n franchisee(s)", "", result.total))
        self._show_page()
        if not self._select(self._current_id, scroll) or not scroll:
            self.table.scrollToTop()
        self.loaded.emit(result.total)
        if self._editor is None:  # once these rows are painted
            QTimer.singleShot(0, self._build_editor_when_idle)

    def _search_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self.count_label.clear()
        if self._shown is None:
            self._show_message(self.tr("The franchisees could not be loaded."), "", clear=False)
        show_error(self, exc)

    def _sort_changed(self, _column: str, _descending: bool) -> None:
        self._debounce.stop()
        self._search(scroll=True)

    def _set_busy(self, busy: bool) -> None:
        if busy:
            if self._shown is None:
                self._show_message(self.tr("Loading…"), "", clear=False)
                self._show_busy()
            else:
                self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.table.viewport().unsetCursor()

    def _show_busy(self) -> None:
        self.count_label.setText(self.tr("Loading…"))
        self.table.viewport().setCursor(Qt.CursorShape.BusyCursor)

    def _show_page(self) -> None:
        result = self._shown
        if result is None or result.first.rows:
            self.stack.setCurrentWidget(self.table)
            return
        criteria = result.criteria
        filtered = criteria != SearchCriteria(include_archived=criteria.include_archived)
        hints = []
        if not filtered:
            title = self.tr("There are no franchisees yet.")
            if self.ctx.can(Action.CREATE_FRANCHISEE):
                hints.append(self.tr("Click “New franchisee” to add the first one."))
        elif not criteria.text:  # only filters: there is nothing to spell
            title = self.tr("No franchisee matches these filters.")
            hints.append(self.tr("Set some of the filters back to “All”."))
        else:
            title = self.tr("No franchisee matches “{text}”.").format(text=criteria.text)
            with_filters = criteria != SearchCriteria(
                text=criteria.text, include_archived=criteria.include_archived
            )
            hints.append(
                self.tr("Check the spelling, or clear the search and set the filters to “All”.")
                if with_filters
                else self.tr("Check the spelling, or search for a shorter part of the name.")
            )
        if not criteria.include_archived:
            hints.append(self.tr("Archived franchisees are hidden: tick “Show archived” to include them."))
        self._show_message(title, "\n".join(hints), clear=filtered)

    def _show_message(self, title: str, hint: str, clear: bool) -> None:
        self.message_title.setText(title)
        self.message_hint.setText(hint)
        self.message_hint.setVisible(bool(hint))
        self.clear_filters_button.setVisible(clear)
        self.stack.setCurrentWidget(self.message_page)

    def clear_filters(self) -> None:
        """Empty the search box and set every filter back to All (one search, not one per box)."""
        self.filters.clear()
        self.search_now()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Down in the search box goes to the list, so a search can be followed by the keyboard alone.
        if (
            watched is self.search_box
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    # ----- pages of rows -------------------------------------------------------------------------
    def _fetch_rows(self, generation: int, after: PageKey, count: int) -> None:
        shown = self._shown
        if shown is None:
            return
        self.ctx.runner.submit(
            self.ctx.services.franchisees.list_page,
            self.ctx.actor,
            shown.criteria,
            shown.sort_column,
            shown.descending,
            after,
            count,
            on_done=_weakly(self._page_arrived, generation, after),
            on_error=_weakly(self._fetch_failed, generation),
        )

    def _page_arrived(self, generation: int, after: PageKey, page: ListPage) -> None:
        self.model.append_page(generation, after, page)

    def _fetch_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self.model.generation:
            return
        self.model.fetch_failed(generation)
        self._pending_select = None
        show_error(self, exc)

    def _rows_arrived(self) -> None:
        if self._pending_select is not None and self.model.row_of(self._pending_select) >= 0:
            self._select(self._pending_select, scroll=True)

    # ----- selection and the editor --------------------------------------------------------------
    def _select(self, franchisee_id: int | None, scroll: bool) -> bool:
        """Select ``franchisee_id``'s row without reloading the editor; True if it is on screen.

        With ``scroll``, a row that is further down than the pages loaded so far gets loaded first.
        """
        row = self.model.row_of(franchisee_id)
        selection = self.table.selectionModel()
        self._syncing = True
        try:
            if row < 0:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                self._pending_select = None
                index = self.model.index(row, 0)
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                if scroll:
                    self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._syncing = False
        if row < 0 and scroll and franchisee_id is not None and self._shown is not None:
            # further down than the pages loaded so far: ask where it stands, then load through there
            self._pending_select = franchisee_id
            shown = self._shown
            self.ctx.runner.submit(
                self.ctx.services.franchisees.list_position,
                self.ctx.actor,
                shown.criteria,
                shown.sort_column,
                shown.descending,
                franchisee_id,
                on_done=_weakly(self._position_found, self.model.generation, franchisee_id),
                on_error=_weakly(self._fetch_failed, self.model.generation),
            )
            return True
        return row >= 0

    def _position_found(self, generation: int, franchisee_id: int, position: int) -> None:
        if generation != self.model.generation or self._pending_select != franchisee_id:
            return
        if position < 0:  # it does not match the search (any more)
            self._pending_select = None
            return
        self.model.fetch_through(position)
        if self.model.row_of(franchisee_id) >= 0:
            self._select(franchisee_id, scroll=True)

    def _selection_changed(self) -> None:
        if self._syncing:
            return
        selection = self.table.selectionModel()
        rows = selection.selectedRows()
        if len(rows) != 1:
            return  # several rows chosen for a bulk action (or none): the editor stays on what it shows
        franchisee_id = self.model.franchisee_id(rows[0].row())
        if franchisee_id is None or franchisee_id == self._current_id:
            return
        if not self._may_discard():
            self._select(self._current_id, scroll=False)  # stay on the record being edited
            return
        self._current_id = franchisee_id
        self.editor.load(franchisee_id)

    def open_franchisee(self, franchisee_id: int) -> None:
        """Show ``franchisee_id``'s profile (other pages' "Open profile"): asks before dropping unsaved edits;
        selects its row when the list shows it."""
        if franchisee_id != self._current_id:
            if not self._may_discard():
                return
            self._current_id = franchisee_id
            self.editor.load(franchisee_id)
        self._select(franchisee_id, scroll=True)
        self.editor.tabs.setCurrentWidget(self.editor.form)

    def _may_discard(self) -> bool:
        if self._editor is None:
            return True  # nothing was edited before the editor existed
        return not self.editor.has_unsaved_changes() or self.editor.confirm_discard()

    def new_franchisee(self) -> None:
        """A blank profile in the editor (Ctrl+N)."""
        if not self.ctx.can(Action.CREATE_FRANCHISEE) or not self._may_discard():
            return
        self._current_id = None
        self._select(None, scroll=False)
        self.editor.new()

    def confirm_close(self) -> bool:
        """Asked by the main window before it closes: False keeps it open (unsaved edits kept)."""
        return self._may_discard()

    # ----- changes made elsewhere ----------------------------------------------------------------
    def _editor_saved(self, franchisee_id: int) -> None:
        if self._current_id is None:  # a new franchisee: now it has an id to select
            self._current_id = franchisee_id
        self._refresh_options = True
        self._refresh_timer.start()

    def _bus_changed(self, changes: Changes) -> None:
        # The selection stays on what the editor shows: a change made elsewhere does not move the user.
        if changes.touches(*FILTER_KINDS):
            self._refresh_options = True
            self._refresh_timer.start()
        if changes.touches(*LIST_KINDS):
            self._refresh_timer.start()

    def refresh(self) -> None:
        """Search again with the same text, filters and order, keeping the selection (scrolled to)."""
        self._refresh_timer.stop()
        self._search(scroll=True)

    def _refresh(self) -> None:
        if self._refresh_options:
            self._refresh_options = False
            self._load_filter_options()
        self.refresh()

    # ----- filter boxes --------------------------------------------------------------------------
    def _load_filter_options(self) -> None:
        # A failure here comes with the search's own failure and message; one dialog is enough.
        self.ctx.runner.submit(
            self.ctx.services.franchisees.filter_options,
            self.ctx.actor,
            on_done=_weakly(self._set_filter_options),
            on_error=lambda exc: log.warning("filter options not loaded: %s", exc),
        )

    def _set_filter_options(self, options: FilterOptions) -> None:
        if self.filters.set_options(options):  # a chosen value went away (a region emptied)
            self.search_now()
