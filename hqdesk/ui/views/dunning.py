"""The dunning page: run dunning as of a date (credit managers) and work through the to-do list: letters to print,
calls and visits to make, holds to set. Mark a task done or skip it with a note; "done" on a credit-hold task puts
the franchisee on credit hold. Account managers see their own franchisees' call and visit tasks."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.credit import DUNNING_ACTION_LABELS
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action
from hqdesk.services.dunning import TASK_STATUS_LABELS, DunningTaskDTO, TaskStatus
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error
from hqdesk.ui.export import TableExport
from hqdesk.ui.i18n import fmt_date, fmt_money, tr_enum
from hqdesk.ui.models.base import RowsModel
from hqdesk.ui.views.profile.tabs import table_view
from hqdesk.ui.widgets import OptionalDateEdit

CONTEXT = "DunningView"


class TaskRows(RowsModel[DunningTaskDTO]):
    CONTEXT = CONTEXT
    HEADERS = (
        QT_TRANSLATE_NOOP("DunningView", "Run date"),
        QT_TRANSLATE_NOOP("DunningView", "Code"),
        QT_TRANSLATE_NOOP("DunningView", "Franchisee"),
        QT_TRANSLATE_NOOP("DunningView", "Account manager"),
        QT_TRANSLATE_NOOP("DunningView", "Level"),
        QT_TRANSLATE_NOOP("DunningView", "Action"),
        QT_TRANSLATE_NOOP("DunningView", "Letter template"),
        QT_TRANSLATE_NOOP("DunningView", "Days overdue"),
        QT_TRANSLATE_NOOP("DunningView", "Amount overdue"),
        QT_TRANSLATE_NOOP("DunningView", "Status"),
        QT_TRANSLATE_NOOP("DunningView", "Note"),
    )

    def cells(self, t: DunningTaskDTO) -> tuple[str, ...]:
        return (
            fmt_date(t.run_date),
            t.franchisee_code,
            t.franchisee_name,
            t.account_manager,
            str(t.level),
            tr_enum(DUNNING_ACTION_LABELS[t.action]),
            t.letter_template,
            str(t.days_overdue),
            fmt_money(t.amount_overdue),
            tr_enum(TASK_STATUS_LABELS[t.status]),
            t.note,
        )

    def role_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (4, 7, 8):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TaskNoteDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("taskNoteDialog")
        self.setMinimumWidth(420)
        layout = QFormLayout(self)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setMaxLength(1000)
        layout.addRow(QCoreApplication.translate(CONTEXT, "Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)


class DunningView(QWidget):
    reload_on = frozenset({Entity.DUNNING, Entity.LEDGER, Entity.CREDIT_POLICY})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dunningView")
        self._dialog = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.as_of = OptionalDateEdit()
        self.as_of.setObjectName("asOf")
        self.as_of.set_date_value(date.today())
        self.run_button = QPushButton(self.tr("Run dunning"))
        self.run_button.setObjectName("runDunning")
        self.run_button.clicked.connect(self.run)
        self.run_button.setVisible(ctx.can(Action.RUN_DUNNING))
        self.as_of.setVisible(ctx.can(Action.RUN_DUNNING))
        if ctx.can(Action.RUN_DUNNING):
            top.addWidget(QLabel(self.tr("As of")))
        top.addWidget(self.as_of)
        top.addWidget(self.run_button)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Show")))
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("Open tasks"), TaskStatus.OPEN)
        self.status.addItem(self.tr("Done"), TaskStatus.DONE)
        self.status.addItem(self.tr("Skipped"), TaskStatus.SKIPPED)
        self.status.addItem(self.tr("All"), "")
        self.status.currentIndexChanged.connect(self.reload)
        top.addWidget(self.status)
        layout.addLayout(top)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.model = TaskRows(self)
        self.view = table_view(self)
        TableExport(self.view, "dunning")
        self.view.setObjectName("tasks")
        self.view.setModel(self.model)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.done_button = QPushButton(self.tr("Mark done…"))
        self.done_button.setObjectName("markDone")
        self.skip_button = QPushButton(self.tr("Skip…"))
        self.skip_button.setObjectName("skip")
        self.done_button.clicked.connect(lambda: self.work(TaskStatus.DONE))
        self.skip_button.clicked.connect(lambda: self.work(TaskStatus.SKIPPED))
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.skip_button)
        layout.addLayout(buttons)
        ctx.bus.changed.connect(self._on_changed)
        self._update_buttons()
        self.reload()

    def reload(self, *_args) -> None:
        self.ctx.runner.submit(
            self.ctx.services.dunning.tasks,
            self.ctx.actor,
            self.status.currentData() or None,
            on_done=self._loaded,
            on_error=lambda exc: show_error(self, exc),
        )

    def _loaded(self, tasks: list[DunningTaskDTO]) -> None:
        self.model.set_rows(tasks)
        self._update_buttons()

    def _on_changed(self, changes: Changes) -> None:
        if changes.origin is not self and changes.touches(*self.reload_on):
            self.reload()

    def selected(self) -> DunningTaskDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_buttons(self, *_args) -> None:
        t = self.selected()
        open_ = t is not None and t.status == TaskStatus.OPEN
        self.done_button.setEnabled(open_)
        self.skip_button.setEnabled(open_)

    def run(self) -> None:
        as_of = self.as_of.date_value()
        if as_of is None:
            self.message.setText(self.tr("Enter the date to run dunning as of."))
            return
        self.run_button.setEnabled(False)
        self.ctx.runner.submit(
            self.ctx.services.dunning.run,
            self.ctx.actor,
            as_of,
            write=True,
            on_done=self._ran,
            on_error=self._failed,
        )

    def _ran(self, result) -> None:
        self.run_button.setEnabled(True)
        self.message.setText(
            self.tr(
                "Dunning as of {date}: {overdue} franchisees with overdue invoices, {new} new tasks."
            ).format(date=fmt_date(result.as_of), overdue=result.franchisees_overdue, new=len(result.created))
        )
        self.ctx.bus.notify(Changes.of(Entity.DUNNING, origin=self))
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        show_error(self, exc)
        self.reload()

    def work(self, status: str) -> None:
        t = self.selected()
        if t is None:
            return
        title = self.tr("Mark the task done") if status == TaskStatus.DONE else self.tr("Skip the task")
        dialog = TaskNoteDialog(title, self)
        dialog.accepted.connect(lambda: self._work(t, status, dialog.note.text()))
        self._dialog = dialog
        dialog.open()

    def _work(self, t: DunningTaskDTO, status: str, note: str) -> None:
        self.ctx.runner.submit(
            self.ctx.services.dunning.work,
            self.ctx.actor,
            t.id,
            t.version,
            status,
            note,
            write=True,
            on_done=lambda _dto: self._worked(t),
            on_error=self._failed,
        )

    def _worked(self, t: DunningTaskDTO) -> None:
        kinds = [Entity.DUNNING, Entity.CREDIT_PROFILE]
        self.ctx.bus.notify(Changes.of(kinds, [t.id], [t.franchisee_id], origin=self))
        self.reload()


__all__ = ["DunningView", "TaskRows"]
