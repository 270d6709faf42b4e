"""The signed-in user changes their own password (File › Change my password…).

The current password is asked first. With a personal PostgreSQL login the database login's password changes
with it, in the same transaction (one password per person, ``UserService.change_own_password``); the app's
connection keeps working and the next start uses the new password.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from hqdesk.domain.errors import HqdeskError, ValidationError
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import tr_error
from hqdesk.ui.widgets import Form


class ChangePasswordDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.changed = False
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change my password"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your password for hqdesk. On a shared PostgreSQL database where you connect with your own "
                "database login, that login's password changes with it: one password for both."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = Form(QFormLayout())
        layout.addLayout(self.form.layout)
        self.current = self.form.add("current", self.tr("Current password"), QLineEdit())
        self.password = self.form.add("password", self.tr("New password"), QLineEdit())
        self.repeat = self.form.add("repeat", self.tr("Repeat the new password"), QLineEdit())
        for field in (self.current, self.password, self.repeat):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.current.setFocus()

    def _busy(self, busy: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        self.setCursor(Qt.CursorShape.WaitCursor if busy else Qt.CursorShape.ArrowCursor)

    def submit(self) -> None:
        self.form.clear_errors()
        self.message.clear()
        if not self.current.text():
            self.message.setText(self.tr("Enter your current password."))
            return
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The new passwords do not match."))
            return
        self._busy(True)
        self.ctx.runner.submit(
            self.ctx.services.users.change_own_password,
            self.ctx.actor,
            self.current.text(),
            self.password.text(),
            write=True,
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, _result) -> None:
        self._busy(False)
        self.changed = True
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, ValidationError):
            rest = self.form.show_errors(exc.errors)
            self.message.setText(tr_error(ValidationError(rest)) if rest else "")
        elif isinstance(exc, HqdeskError):
            self.message.setText(tr_error(exc))
        else:
            show_error(self, exc)
