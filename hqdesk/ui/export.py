"""Every list exports what it shows: "Export to Excel or CSV…" in a table's context menu (and Ctrl+E on it).

``TableExport(view, ctx, name)`` gives a ``QTableView`` the action. What is written is what the list shows: the
visible columns in their on-screen order with their headers, the rows in the current sort and filter, the text
of each cell as displayed. A list that loads in pages (the franchisee list) passes ``all_rows``: a function, run
in the background, that yields every matching row (each a tuple over all the model's columns) through the
service with the same search and order, so the file holds every match, not just the rows scrolled into view.

The file is XLSX or CSV (UTF-8 with a BOM) by the chosen name, written by ``hqdesk.reports.tabular``: text that
Excel would run as a formula is written as text; the file appears whole or not at all. Writing runs in the
background with a progress dialog and Cancel.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QTableView

from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error

AllRows = Callable[[], Iterable[Sequence[Any]]]


def visible_columns(view: QTableView) -> list[int]:
    """The model's columns the view shows, in the order they appear on screen."""
    header = view.horizontalHeader()
    model = view.model()
    columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    return sorted(columns, key=header.visualIndex)


def shown_rows(view: QTableView, columns: Sequence[int]) -> list[list[Any]]:
    """The rows the view's model holds now, as displayed (on the UI thread: models are UI objects)."""
    model = view.model()
    rows = []
    for r in range(model.rowCount()):
        if view.isRowHidden(r):
            continue
        rows.append([model.index(r, c).data(Qt.ItemDataRole.DisplayRole) for c in columns])
    return rows


class TableExport(QObject):
    """The export action of one table view."""

    def __init__(
        self, view: QTableView, name: str, ctx: UiContext | None = None, all_rows: AllRows | None = None
    ) -> None:
        """``name``: the file's default name and the sheet's; ``ctx``: whose task runner writes the file (by
        default the first parent widget that has a ``ctx``)."""
        super().__init__(view)
        self.view, self._ctx, self.name, self.all_rows = view, ctx, name, all_rows
        self.action = QAction(QCoreApplication.translate("Export", "Export to Excel or CSV…"), view)
        self.action.setObjectName("exportAction")
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action.triggered.connect(lambda: self.export())
        view.addAction(self.action)
        if view.contextMenuPolicy() in (
            Qt.ContextMenuPolicy.DefaultContextMenu,
            Qt.ContextMenuPolicy.NoContextMenu,
        ):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.task = None

    def _context(self) -> UiContext:
        """The given ctx, else the first parent widget's (looked up each time: not kept here)."""
        if self._ctx is not None:
            return self._ctx
        widget = self.view.parentWidget()
        while widget is not None and getattr(widget, "ctx", None) is None:
            widget = widget.parentWidget()
        if widget is None:
            raise LookupError("TableExport: no parent widget has a ctx; pass ctx")
        return widget.ctx

    def ask_path(self) -> Path | None:
        default = str(Path.home() / f"{self.name}.xlsx")
        name, chosen = QFileDialog.getSaveFileName(
            self.view.window(),
            QCoreApplication.translate("Export", "Export to Excel or CSV"),
            default,
            QCoreApplication.translate("Export", "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
        return path

    def export(self, path: Path | None = None) -> None:
        """Ask for a file (unless ``path`` is given) and write the list to it in the background."""
        path = path or self.ask_path()
        if path is None:
            return
        model = self.view.model()
        columns = visible_columns(self.view)
        headers = [
            str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)) for c in columns
        ]
        if self.all_rows is not None:
            source = self.all_rows

            def rows():
                for row in source():
                    yield [row[c] for c in columns]

        else:
            taken = shown_rows(self.view, columns)

            def rows():
                return iter(taken)

        progress = QProgressDialog(
            QCoreApplication.translate("Export", "Writing {file}…").format(file=path.name),
            QCoreApplication.translate("Export", "Cancel"),
            0,
            0,
            self.view.window(),
        )
        progress.setWindowTitle(QCoreApplication.translate("Export", "Export"))
        progress.setMinimumDuration(400)
        progress.setWindowModality(Qt.WindowModality.WindowModal)

        name = self.name
        window = self.view.window()
        holder = weakref.ref(
            self
        )  # the task's callbacks must not keep this object (nor, through it, the runner)

        def write(context):
            from hqdesk.reports.tabular import write_table

            return write_table(
                path,
                headers,
                rows(),
                None,
                sheet_title=name,
                progress=lambda done: context.progress(done, 0),
                cancelled=lambda: context.cancelled,
            )

        finished = []

        def finish() -> None:
            finished.append(True)
            if (owner := holder()) is not None:
                owner.task = None
            progress.close()
            progress.deleteLater()

        def done(count: int) -> None:
            finish()
            text = QCoreApplication.translate("Export", "%n row(s) written to {file}", "", count).format(
                file=str(path)
            )
            bar = getattr(window, "statusBar", None)
            if callable(bar):
                bar().showMessage(text, 10000)
            if (owner := holder()) is not None:
                owner.done_text = text

        def failed(exc: BaseException) -> None:
            finish()
            from hqdesk.reports.tabular import Cancelled

            if not isinstance(exc, Cancelled):
                show_error(window, exc)

        task = self._context().runner.submit(write, on_done=done, on_error=failed, with_context=True)
        if not finished:  # still running (a test's inline runner has finished already)
            self.task = task
            progress.canceled.connect(task.cancel)


__all__ = ["TableExport", "visible_columns", "shown_rows"]
