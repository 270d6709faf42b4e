"""Receivables aging: a row per franchisee with anything open as of a date, its money in aging buckets, the
unapplied credit and the total; the totals as the last row. Double-click (or Enter on) a money cell to see the
documents behind it; export the report as CSV.

Everything is read through the task runner (the report is one SQL query, ``ReceivablesService.aging``); the
page reloads when the ledger or the credit policy changes. Sorting happens in the model (a list sort, the
totals row stays last).
"""

from __future__ import annotations

import csv
import weakref
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.credit import DOCUMENT_LABELS, DocumentKind, parse_bounds
from hqdesk.domain.errors import HqdeskError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.receivables import TOTAL, UNAPPLIED, AgingItem, AgingReport, AgingRow, aging_csv_rows
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error
from hqdesk.ui.export import TableExport
from hqdesk.ui.i18n import fmt_date, fmt_decimal, tr_enum
from hqdesk.ui.models.base import ROOT, RowsModel
from hqdesk.ui.widgets import OptionalDateEdit

CONTEXT = "AgingView"
RELOAD_ON = (Entity.LEDGER, Entity.CREDIT_POLICY, Entity.FRANCHISEE)
NEGATIVE = QColor("#c0392b")
FIXED_COLUMNS = 2  # code, name


def column_title(column: str) -> str:
    """A money column's title in the user's language: "Not due", "1-30 days", "Over 365 days"..."""
    if column == "not_due":
        return QCoreApplication.translate("AgingView", "Not due")
    if column == UNAPPLIED:
        return QCoreApplication.translate("AgingView", "Unapplied credit")
    if column == TOTAL:
        return QCoreApplication.translate("AgingView", "Total")
    if column.startswith(">"):
        return QCoreApplication.translate("AgingView", "Over {days} days").format(days=column[1:])
    low, high = column.split("-")
    return QCoreApplication.translate("AgingView", "{low}-{high} days").format(low=low, high=high)


class ExportFailed(HqdeskError):
    message = QT_TRANSLATE_NOOP("Errors", "The report could not be written to {path}: {reason}")


class AgingModel(QAbstractTableModel):
    """The aging report: franchisee rows, then the totals row (bold); money right-aligned, negatives red."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.report: AgingReport | None = None
        self._rows: list[AgingRow] = []
        self._cells: list[tuple[str, ...] | None] = []

    def set_report(self, report: AgingReport | None) -> None:
        self.beginResetModel()
        self.report = report
        self._rows = [] if report is None else [*report.rows, report.totals]
        self._cells = [None] * len(self._rows)  # formatted when first shown: 5,000 rows cost nothing up front
        self.endResetModel()

    def _row_cells(self, r: AgingRow) -> tuple[str, ...]:
        first = (
            (r.code, r.name)
            if r.franchisee_id is not None
            else (QCoreApplication.translate("AgingView", "Total"), "")
        )
        return (*first, *(fmt_decimal(v) for v in (*r.buckets, r.unapplied, r.total)))

    def columns(self) -> list[str]:
        return [] if self.report is None else self.report.columns

    def row_record(self, row: int) -> AgingRow:
        return self._rows[row]

    def column_key(self, column: int) -> str | None:
        """The money column (a bucket label, ``unapplied``, ``total``) of a view column; None for code/name."""
        return None if column < FIXED_COLUMNS else self.columns()[column - FIXED_COLUMNS]

    def text(self, row: int, column: int) -> str:
        cells = self._cells[row]
        if cells is None:
            cells = self._cells[row] = self._row_cells(self._rows[row])
        return cells[column]

    # ----- Qt's model interface ---------------------------------------------------------------------------
    def rowCount(self, parent=ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() or self.report is None else FIXED_COLUMNS + len(self.columns())

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        record = self._rows[row]
        if role == Qt.ItemDataRole.FontRole and record.franchisee_id is None:
            font = QFont()
            font.setBold(True)
            return font
        key = self.column_key(column)
        if key is None:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and record.value(key, self.report.labels) < 0:
            return QBrush(NEGATIVE)
        if role == Qt.ItemDataRole.ToolTipRole and record.franchisee_id is not None:
            return QCoreApplication.translate(
                "AgingView", "Double-click to see the documents behind this amount."
            )
        return None

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return QCoreApplication.translate("AgingView", "Code")
        if section == 1:
            return QCoreApplication.translate("AgingView", "Franchisee")
        key = self.column_key(section)
        return None if key is None else column_title(key)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the franchisee rows in the model (the totals row stays last)."""
        if self.report is None:
            return
        key = self.column_key(column)
        labels = self.report.labels
        if key is None:

            def by(r: AgingRow):
                return r.code if column == 0 else r.name
        else:

            def by(r: AgingRow):
                return r.value(key, labels)

        self.layoutAboutToBeChanged.emit()
        rows = sorted(self._rows[:-1], key=by, reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [*rows, self._rows[-1]]
        self._cells = [None] * len(self._rows)
        self.layoutChanged.emit()


class AgingItemsModel(RowsModel[AgingItem]):
    """The documents behind one aging cell."""

    CONTEXT = "AgingItemsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("AgingItemsModel", "Document"),
        QT_TRANSLATE_NOOP("AgingItemsModel", "Kind"),
        QT_TRANSLATE_NOOP("AgingItemsModel", "Date"),
        QT_TRANSLATE_NOOP("AgingItemsModel", "Due date"),
        QT_TRANSLATE_NOOP("AgingItemsModel", "Amount"),
        QT_TRANSLATE_NOOP("AgingItemsModel", "Open amount"),
        QT_TRANSLATE_NOOP("AgingItemsModel", "Days overdue"),
        QT_TRANSLATE_NOOP("AgingItemsModel", "Bucket"),
    )

    def cells(self, item: AgingItem) -> tuple[str, ...]:
        return (
            item.number,
            tr_enum(DOCUMENT_LABELS[DocumentKind(item.kind)]),
            fmt_date(item.doc_date),
            fmt_date(item.due_date),
            fmt_decimal(item.amount),
            fmt_decimal(item.open_amount),
            "" if item.days_overdue is None else str(item.days_overdue),
            column_title(item.bucket),
        )

    def role_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 4 and column != 7:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and self.row(row).open_amount < 0:
            return QBrush(NEGATIVE)
        return None


def excel_safe(text: str) -> str:
    """A text cell Excel would read as a formula (=, +, -, @ first) written as text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def write_csv(report: AgingReport, path: str) -> str:
    """The report as CSV for Excel (UTF-8 with BOM; codes and names that look like formulas kept as text);
    the same columns and totals row as ``hqdesk-admin report aging --format csv``. Runs in the background."""
    rows = aging_csv_rows(report)
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(rows[0])
            for row in rows[1:]:
                writer.writerow([excel_safe(row[0]), excel_safe(row[1]), *row[2:]])
    except OSError as exc:
        raise ExportFailed(path=path, reason=exc.strerror or str(exc)) from exc
    return path


class AgingView(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("agingView")
        self._generation = 0
        self._detail_generation = 0
        self._bounds_loaded = False

        self.as_of = OptionalDateEdit()
        self.as_of.setObjectName("asOf")
        self.as_of.set_date_value(date.today())
        self.as_of.setClearButtonEnabled(False)
        self.bounds = QLineEdit()
        self.bounds.setObjectName("bounds")
        self.bounds.setPlaceholderText("30,60,90,180,365")
        self.bounds.setToolTip(
            self.tr("Days overdue at which each bucket ends, in increasing order, separated by commas.")
        )
        self.refresh_button = QPushButton(self.tr("Show"))
        self.refresh_button.setObjectName("refresh")
        self.refresh_button.setDefault(True)
        self.refresh_button.clicked.connect(self.refresh)
        self.as_of.returnPressed.connect(self.refresh)
        self.bounds.returnPressed.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("export")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._choose_export_file)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("As of")))
        bar.addWidget(self.as_of)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Bucket bounds (days)")))
        bar.addWidget(self.bounds)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.status = QLabel()
        self.status.setObjectName("status")

        self.model = AgingModel(self)
        self.table = QTableView()
        TableExport(self.table, "aging")
        self.table.setObjectName("agingTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self.table.verticalHeader().hide()
        self.table.activated.connect(self.open_cell)  # double-click or Enter

        self.detail_title = QLabel(self.tr("Double-click an amount to see its documents."))
        self.detail_title.setObjectName("detailTitle")
        self.items = AgingItemsModel(self)
        self.detail = QTableView()
        TableExport(self.detail, "aging invoices")
        self.detail.setObjectName("detailTable")
        self.detail.setModel(self.items)
        self.detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.detail.verticalHeader().hide()
        self.detail.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail_title)
        lower_layout.addWidget(self.detail)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        ctx.bus.changed.connect(self._on_changed)
        self.refresh()

    # ----- loading ----------------------------------------------------------------------------------------
    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _request(self) -> tuple[date, tuple[int, ...] | None] | None:
        as_of = self.as_of.date_value()
        if as_of is None:
            self._show_message(self.tr("Enter the date of the report as yyyy-mm-dd."))
            self.as_of.setFocus()
            return None
        text = self.bounds.text().strip()
        bounds = None
        if text or self._bounds_loaded:
            try:
                bounds = parse_bounds(text)
            except ValueError:
                self._show_message(
                    self.tr(
                        "Enter the bucket bounds as whole numbers of days in increasing order, separated by "
                        "commas, e.g. 30,60,90,180,365."
                    )
                )
                self.bounds.setFocus()
                return None
        self._show_message("")
        return as_of, bounds

    def refresh(self) -> None:
        request = self._request()
        if request is None:
            return
        as_of, bounds = request
        self._generation += 1
        generation = self._generation
        self.status.setText(self.tr("Loading…"))
        self.refresh_button.setEnabled(False)
        ref = weakref.ref(self)

        def done(report):
            view = ref()
            if view is not None and isValid(view) and generation == view._generation:
                view._loaded(report)

        def failed(exc):
            view = ref()
            if view is not None and isValid(view) and generation == view._generation:
                view.refresh_button.setEnabled(True)
                view.status.setText("")
                show_error(view, exc)

        self.ctx.runner.submit(
            self.ctx.services.receivables.aging, self.ctx.actor, as_of, bounds, on_done=done, on_error=failed
        )

    def _loaded(self, report: AgingReport) -> None:
        self.refresh_button.setEnabled(True)
        if not self._bounds_loaded:
            self._bounds_loaded = True
            self.bounds.setText(",".join(str(b) for b in report.bounds))
        self.model.set_report(report)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(1, max(self.table.columnWidth(1), 240))
        self.export_button.setEnabled(True)
        self.items.set_rows([])
        self.detail_title.setText(self.tr("Double-click an amount to see its documents."))
        count = len(report.rows)  # lupdate reads a plain name as the count, not a call
        self.status.setText(
            self.tr("%n franchisee(s) with money open as of {date}.", "", count).format(
                date=fmt_date(report.as_of)
            )
        )

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*RELOAD_ON):
            self.refresh()

    # ----- drill-down -------------------------------------------------------------------------------------
    def open_cell(self, index: QModelIndex) -> None:
        """Show the documents behind a money cell of a franchisee row (its name or code: all of them)."""
        report = self.model.report
        if report is None or not index.isValid():
            return
        record = self.model.row_record(index.row())
        if record.franchisee_id is None:
            return
        column = self.model.column_key(index.column()) or TOTAL
        self._detail_generation += 1
        generation = self._detail_generation
        title = QCoreApplication.translate("AgingView", "{code} {name}: {column} as of {date}").format(
            code=record.code, name=record.name, column=column_title(column), date=fmt_date(report.as_of)
        )
        self.detail_title.setText(title + " — " + self.tr("loading…"))
        ref = weakref.ref(self)

        def done(items):
            view = ref()
            if view is not None and isValid(view) and generation == view._detail_generation:
                view._items_loaded(title, items)

        def failed(exc):
            view = ref()
            if view is not None and isValid(view):
                show_error(view, exc)

        self.ctx.runner.submit(
            self.ctx.services.receivables.aging_items,
            self.ctx.actor,
            report.as_of,
            record.franchisee_id,
            column,
            report.bounds,
            on_done=done,
            on_error=failed,
        )

    def _items_loaded(self, title: str, items: list[AgingItem]) -> None:
        self.items.set_rows(items)
        count = len(items)
        amount = fmt_decimal(sum((i.open_amount for i in items), Decimal(0)))
        self.detail_title.setText(
            title + " — " + self.tr("%n document(s), {amount} in all", "", count).format(amount=amount)
        )

    # ----- export -----------------------------------------------------------------------------------------
    def _choose_export_file(self) -> None:
        report = self.model.report
        if report is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the aging report"),
            self.tr("aging-{date}.csv").format(date=report.as_of.isoformat()),
            self.tr("CSV files (*.csv)"),
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the report shown to ``path`` in the background; the status bar says when it is done."""
        report = self.model.report
        if report is None:
            return
        ref = weakref.ref(self)

        def done(written):
            view = ref()
            if view is not None and isValid(view):
                view.status.setText(
                    QCoreApplication.translate("AgingView", "Exported to {path}.").format(path=written)
                )

        def failed(exc):
            view = ref()
            if view is not None and isValid(view):
                show_error(view, exc)

        self.ctx.runner.submit(write_csv, report, path, on_done=done, on_error=failed)
