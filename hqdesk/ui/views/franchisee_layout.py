"""The franchisee list's remembered layout: the splitter between list and profile, and the list's columns.

A mixin of ``FranchiseesView`` (which owns ``ctx``, ``splitter``, ``table``, ``model``, ``editor`` and
``default_column_widths``). A default split is fitted to the window at every start; a split the user set is
remembered. Column widths are kept per language (``hqdesk.ui.settings`` forgets them when the language changes).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QHeaderView

from hqdesk.services.dto import LIST_COLUMNS

SETTINGS_SPLITTER = "franchisees/splitter"
SETTINGS_HEADER = "franchisees/header"

# The profile editor beside the list needs about 520 px (at 12 px per Chinese character); by default the list gets
# the width its columns need (all of them in view at 1440 px, in both languages) and the editor the rest.
EDITOR_CHARS = 43


class RememberedLayout:
    # ----- remembered layout ---------------------------------------------------------------------
    def _restore_state(self) -> None:
        settings = self.ctx.settings
        splitter = settings.value(SETTINGS_SPLITTER)
        if not (
            isinstance(splitter, QByteArray)
            and not splitter.isEmpty()
            and self.splitter.restoreState(splitter)
        ):
            self._default_split = []
            self._apply_default_split()
        header = settings.value(SETTINGS_HEADER)
        if isinstance(header, QByteArray) and not header.isEmpty():
            if self.table.horizontalHeader().restoreState(header):
                self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
                section = self.table.horizontalHeader().sortIndicatorSection()
                if 0 <= section < len(LIST_COLUMNS):
                    order = self.table.horizontalHeader().sortIndicatorOrder()
                    self.model.sort_column = LIST_COLUMNS[section]
                    self.model.descending = order == Qt.SortOrder.DescendingOrder
        self.table.horizontalHeader().setSortIndicator(*self.model.sort_section())
        self.table.setSortingEnabled(True)  # asks the model to sort as the header says: already so, no query

    def default_split(self) -> list[int] | None:
        """The list as wide as its columns need, the editor the rest but at least ``EDITOR_CHARS`` wide (on a narrow
        screen the list gives way, down to half); None before the splitter has a width."""
        total = self.splitter.width() - self.splitter.handleWidth()
        if total <= 0:
            return None
        header = self.table.horizontalHeader()
        last = header.logicalIndex(
            header.count() - 1
        )  # stretched to the edge: count what it needs, not its size
        columns = sum(
            header.sectionSize(i)
            for i in range(header.count())
            if i != last and not header.isSectionHidden(i)
        )
        needs = (
            columns
            + self.default_column_widths[last]
            + 2 * self.table.frameWidth()
            + self.table.verticalScrollBar().sizeHint().width()
        )
        editor = max(
            self.splitter.widget(1).minimumSizeHint().width(),
            EDITOR_CHARS * self.fontMetrics().horizontalAdvance("中"),
        )
        width = max(min(needs, total - editor), total // 2)
        return [width, total - width]

    def _apply_default_split(self) -> None:
        if self._default_split is None:
            return  # the user's own split (moved, or remembered)
        sizes = self.default_split()
        if sizes:
            self.splitter.setSizes(sizes)
            self._default_split = self.splitter.sizes()

    def _splitter_moved(self) -> None:
        self._default_split = None

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._apply_default_split()  # the layout has sized the splitter already

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._apply_default_split()

    def save_state(self) -> None:
        self._save_timer.stop()
        # A default split is not remembered: the next start fits it to that window. One set otherwise is.
        if self._default_split is None or (
            self._default_split and self.splitter.sizes() != self._default_split
        ):
            self.ctx.settings.setValue(SETTINGS_SPLITTER, self.splitter.saveState())
        self.ctx.settings.setValue(SETTINGS_HEADER, self.table.horizontalHeader().saveState())

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.save_state()
        super().hideEvent(event)
