"""Signing in, and creating the first administrator of an empty database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.errors import HqdeskError, ValidationError
from hqdesk.domain.roles import Actor
from hqdesk.services.users import UserService
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import tr_error
from hqdesk.ui.settings import LAST_USERNAME
from hqdesk.ui.tasks import TaskRunner
from hqdesk.ui.widgets import Form


class _AccountDialog(QDialog):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.actor: Actor | None = None
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.layout_.addWidget(self.intro)
        self.form = Form(QFormLayout())
        self.layout_.addLayout(self.form.layout)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        self.layout_.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def _busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.WaitCursor if busy else Qt.CursorShape.ArrowCursor)

    def _done(self, actor: Actor) -> None:
        self._busy(False)
        self.actor = actor
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, ValidationError):
            rest = self.form.show_errors(exc.errors)
            self.message.setText("\n".join(tr_error(ValidationError([e])) for e in rest))
        elif isinstance(exc, HqdeskError):
            self.message.setText(tr_error(exc))
        else:
            show_error(self, exc)

    def _submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class SignInDialog(_AccountDialog):
    def __init__(
        self,
        users: UserService,
        runner: TaskRunner,
        settings,
        database_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.users, self.settings = users, settings
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in to hqdesk"))
        heading = QLabel(self.tr("hqdesk · franchisees and credit"), self)
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.layout_.insertWidget(0, heading)
        self.intro.setText(self.tr("Database: {db}").format(db=database_label))
        self.intro.setStyleSheet("color: #7f8c8d;")
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 26)
        self.username = self.form.add("username", self.tr("User name"), QLineEdit())
        self.password = self.form.add("password", self.tr("Password"), QLineEdit())
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username.setText(LAST_USERNAME.get(settings))
        (self.password if self.username.text() else self.username).setFocus()

    def _submit(self) -> None:
        self.message.clear()
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.message.setText(self.tr("Enter your user name and password."))
            return
        self._busy(True)

        def done(actor: Actor) -> None:
            LAST_USERNAME.set(self.settings, username)
            self._done(actor)

        def failed(exc: BaseException) -> None:
            self.password.clear()
            self.password.setFocus()
            self._failed(exc)

        self.runner.submit(self.users.sign_in, username, password, on_done=done, on_error=failed)


class FirstAdminDialog(_AccountDialog):
    """A fresh, empty database asks for its first administrator."""

    def __init__(self, users: UserService, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.users = users
        self.setObjectName("firstAdminDialog")
        self.setWindowTitle(self.tr("Create the first administrator"))
        self.intro.setText(
            self.tr(
                "This database has no users yet. Create the administrator account; the administrator then adds "
                "the other users and their roles."
            )
        )
        self.username = self.form.add("username", self.tr("User name"), QLineEdit())
        self.display_name = self.form.add("display_name", self.tr("Full name"), QLineEdit())
        self.password = self.form.add("password", self.tr("Password"), QLineEdit())
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = self.form.add("repeat", self.tr("Repeat password"), QLineEdit())
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)

    def _submit(self) -> None:
        self.message.clear()
        self.form.clear_errors()
        if self.password.text() != self.repeat.text():
            self.form.errors["repeat"].setText(self.tr("The passwords do not match."))
            self.form.errors["repeat"].show()
            return
        self._busy(True)
        self.runner.submit(
            self.users.create_first_admin,
            self.username.text().strip(),
            self.display_name.text().strip(),
            self.password.text(),
            write=True,
            on_done=self._done,
            on_error=self._failed,
        )
