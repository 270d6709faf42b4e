"""Bulk actions on the franchisee list's selection, for administrators: reassign to another account manager,
add or remove tags, change the status. Each is one service call (all or nothing, audited) run in the
background; the list learns of it through the change bus.

Installed with one line in FranchiseesView.__init__ (``install_bulk_actions(self)``): a "Bulk actions" button
in the filter bar and the same menu on the list's context menu, acting on ``view.selected_ids()``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.errors import ValidationError
from hqdesk.domain.franchisee import STATUS_LABELS, LifecycleStatus, normalize_tags
from hqdesk.domain.roles import Action
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import tr_enum, tr_error
from hqdesk.ui.widgets import Form, OptionalDateEdit


def selected_ids(view) -> list[int]:
    """The franchisees selected in ``view``'s list, in list order."""
    if hasattr(view, "selected_ids"):
        return list(view.selected_ids())
    rows = sorted(index.row() for index in view.table.selectionModel().selectedRows())
    return [i for i in (view.model.franchisee_id(r) for r in rows) if i is not None]


class BulkDialog(QDialog):
    """The parameters of one bulk action; OK runs it in the background and closes on success."""

    def __init__(self, title: str, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Applies to %n selected franchisee(s). All of them change, or none.", "", count)
        )
        intro.setObjectName("bulkIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = Form(QFormLayout())
        layout.addLayout(self.form.layout)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class BulkActions(QObject):
    """The bulk menu of one FranchiseesView."""

    KINDS = {
        "reassign": (Entity.FRANCHISEE,),
        "tag": (Entity.FRANCHISEE,),
        "status": (Entity.FRANCHISEE, Entity.STATUS),
    }

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.ctx = view.ctx
        self.dialog: BulkDialog | None = None
        self.menu = QMenu(view)
        self.menu.setObjectName("bulkMenu")
        self.reassign_action = QAction(self.tr("Reassign to…"), self.menu)
        self.tag_action = QAction(self.tr("Add or remove tags…"), self.menu)
        self.status_action = QAction(self.tr("Change status…"), self.menu)
        for action, slot in (
            (self.reassign_action, self.reassign),
            (self.tag_action, self.tag),
            (self.status_action, self.change_status),
        ):
            self.menu.addAction(action)
            action.triggered.connect(slot)
        self.button = QPushButton(self.tr("Bulk actions"), view)
        self.button.setObjectName("bulkButton")
        self.button.setToolTip(
            self.tr("Act on all selected franchisees (Ctrl+click or Shift+click to select)")
        )
        self.button.setMenu(self.menu)
        self.menu.aboutToShow.connect(self._update_actions)
        view.filter_bar.addWidget(self.button)
        table = view.table
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)

    def _update_actions(self) -> None:
        some = bool(selected_ids(self.view))
        for action in (self.reassign_action, self.tag_action, self.status_action):
            action.setEnabled(some)

    def _context_menu(self, pos) -> None:
        """The bulk actions, then the table's own actions (Export to Excel or CSV…)."""
        self._update_actions()
        menu = QMenu(self.view.table)
        menu.addActions(self.menu.actions())
        if self.view.table.actions():
            menu.addSeparator()
            menu.addActions(self.view.table.actions())
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.view.table.viewport().mapToGlobal(pos))

    # ----- the three actions -------------------------------------------------------------------------------
    def reassign(self) -> BulkDialog | None:
        ids = selected_ids(self.view)
        if not ids:
            return None
        dialog = BulkDialog(self.tr("Reassign to another account manager"), len(ids), self.view)
        combo = dialog.form.add("account_manager_id", self.tr("New account manager"), QComboBox())

        def choices(users) -> None:
            for user in users:
                combo.addItem(user.display_name or user.username, user.id)

        self.ctx.runner.submit(
            self.ctx.services.users.account_managers,
            on_done=choices,
            on_error=lambda exc: show_error(dialog, exc),
        )

        def run() -> None:
            if combo.currentData() is None:
                return
            self._run(
                dialog, "reassign", ids, self.ctx.services.franchisees.bulk_reassign, ids, combo.currentData()
            )

        return self._open(dialog, run)

    def tag(self) -> BulkDialog | None:
        ids = selected_ids(self.view)
        if not ids:
            return None
        dialog = BulkDialog(self.tr("Add or remove tags"), len(ids), self.view)
        add = dialog.form.add("add", self.tr("Add tags"), QLineEdit())
        add.setPlaceholderText(self.tr("Separated by commas, e.g. 重点, 新店"))
        remove = dialog.form.add("remove", self.tr("Remove tags"), QLineEdit())

        def run() -> None:
            adding, removing = normalize_tags(add.text()), normalize_tags(remove.text())
            if not adding and not removing:
                dialog.show_message(self.tr("Enter the tags to add or to remove."))
                return
            self._run(
                dialog, "tag", ids, self.ctx.services.franchisees.bulk_tag, ids, add=adding, remove=removing
            )

        return self._open(dialog, run)

    def change_status(self) -> BulkDialog | None:
        ids = selected_ids(self.view)
        if not ids:
            return None
        dialog = BulkDialog(self.tr("Change the status"), len(ids), self.view)
        status = dialog.form.add("status", self.tr("New status"), QComboBox(), required=True)
        for value, label in STATUS_LABELS.items():
            status.addItem(tr_enum(label), value)
        on = dialog.form.add("changed_on", self.tr("Effective date"), OptionalDateEdit(), required=True)
        on.set_date_value(date.today())
        reason = dialog.form.add("reason", self.tr("Reason"), QPlainTextEdit(), required=True)
        reason.setMaximumHeight(80)

        def run() -> None:
            self._run(
                dialog,
                "status",
                ids,
                self.ctx.services.franchisees.bulk_change_status,
                ids,
                LifecycleStatus(status.currentData()),
                on.date_value(),
                reason.toPlainText(),
            )

        return self._open(dialog, run)

    # ----- running -----------------------------------------------------------------------------------------
    def _open(self, dialog: BulkDialog, run) -> BulkDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.ok_button.clicked.connect(run)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    def _run(self, dialog: BulkDialog, kind: str, ids: list[int], fn, *args, **kwargs) -> None:
        dialog.show_message("")
        dialog.form.clear_errors()
        dialog.buttons.setEnabled(False)

        def done(count: int) -> None:
            dialog.buttons.setEnabled(True)
            self.ctx.bus.notify(Changes.of(self.KINDS[kind], ids, ids, origin=self))
            dialog.accept()
            window = self.view.window()
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(self.tr("%n franchisee(s) changed.", "", count), 5000)

        def failed(exc: BaseException) -> None:
            dialog.buttons.setEnabled(True)
            if isinstance(exc, ValidationError):
                rest = dialog.form.show_errors(exc.errors)
                if rest:
                    dialog.show_message(tr_error(ValidationError(rest)))
            else:
                show_error(dialog, exc)

        self.ctx.runner.submit(fn, self.ctx.actor, *args, on_done=done, on_error=failed, write=True, **kwargs)


def install_bulk_actions(view) -> BulkActions | None:
    """The bulk menu for administrators (who may reassign account managers); nothing for anyone else."""
    if not view.ctx.can(Action.ASSIGN_ACCOUNT_MANAGER):
        return None
    view.bulk_actions = BulkActions(view)
    return view.bulk_actions


__all__ = ["install_bulk_actions", "BulkActions", "BulkDialog", "selected_ids"]
