"""Users and their roles (administrators only): the list, new user, edit, reset password.

Dialogs open window-modal with ``open()`` (the view never blocks in ``exec()``); after each write the view
reloads the list and says so on the change bus (``Changes.of(Entity.USER, [id])``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.errors import ConflictError, ValidationError
from hqdesk.domain.roles import ROLE_LABELS, Action, Role
from hqdesk.services.dto import UserDTO
from hqdesk.services.users import UsernameTaken
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error
from hqdesk.ui.export import TableExport
from hqdesk.ui.i18n import tr_enum, tr_error
from hqdesk.ui.models.users import UsersModel
from hqdesk.ui.widgets import Form, set_combo_data

ERROR_STYLE = "color: #c0392b;"


def _message_label() -> QLabel:
    label = QLabel()
    label.setObjectName("message")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _show_beside(form: Form, name: str, text: str) -> None:
    """A translated message beside one field (for errors that are not service FieldErrors)."""
    label = form.errors[name]
    label.setText((label.text() + "\n" + text) if label.text() else text)
    label.show()
    form.fields[name].setStyleSheet("border: 1px solid #c0392b;")
    form.fields[name].setFocus()


class _WriteDialog(QDialog):
    """A form dialog whose OK runs one service write in the background."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.layout_ = QVBoxLayout(self)
        self.form = Form(QFormLayout())
        self.layout_.addLayout(self.form.layout)
        self.message = _message_label()
        self.layout_.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self._task = None

    def _set_busy(self, busy: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        self.setCursor(Qt.CursorShape.WaitCursor if busy else Qt.CursorShape.ArrowCursor)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _run(self, fn, *args, **kwargs) -> None:
        self.form.clear_errors()
        self._show_message("")
        self._set_busy(True)
        self._task = self.ctx.runner.submit(
            fn, *args, write=True, on_done=self._written, on_error=self._failed, **kwargs
        )

    def _written(self, result) -> None:
        self._set_busy(False)
        self.result_value = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            rest = self.form.show_errors(exc.errors)
            if rest:
                self._show_message(tr_error(ValidationError(rest)))
        else:
            show_error(self, exc)

    def _passwords_match(self, password: QLineEdit, repeat: QLineEdit) -> bool:
        if password.text() == repeat.text():
            return True
        self.form.clear_errors()
        # translate() with a fixed context: self.tr() in a base class would look under the subclass's name
        _show_beside(
            self.form, "repeat", QCoreApplication.translate("UserDialog", "The passwords do not match.")
        )
        return False

    def done(self, result: int) -> None:
        if self._task is not None:
            self._task.cancel()  # only flags: safe after the task finished
            self._task = None
        super().done(result)

    def submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class UserDialog(_WriteDialog):
    """Create a user (``user=None``) or edit one: full name, role, e-mail, active; a password on create."""

    def __init__(self, ctx: UiContext, user: UserDTO | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.user = user
        self.result_value: UserDTO | None = None
        self.setObjectName("userDialog")
        self.setMinimumWidth(440)
        # on the dialog: Form replaces a field's own style sheet when it marks or clears an error
        self.setStyleSheet('QLineEdit[readOnly="true"] { background: #f2f2f2; color: #555; }')
        self.setWindowTitle(
            self.tr("New user")
            if user is None
            else self.tr("Edit user {username}").format(username=user.username)
        )
        f = self.form
        self.username = f.add("username", self.tr("User name"), QLineEdit())
        self.username.setMaxLength(64)
        self.username.setPlaceholderText(self.tr("for signing in, e.g. zhang.wei"))
        self.display_name = f.add("display_name", self.tr("Full name"), QLineEdit())
        self.display_name.setMaxLength(100)
        self.role = f.add("role", self.tr("Role"), QComboBox())
        for role in Role:
            self.role.addItem(tr_enum(ROLE_LABELS[role]), role)
        self.email = f.add("email", self.tr("E-mail"), QLineEdit())
        self.active = f.add("active", self.tr("Active"), QCheckBox(self.tr("May sign in")))
        if user is None:
            self.password = f.add("password", self.tr("Password"), QLineEdit())
            self.password.setEchoMode(QLineEdit.EchoMode.Password)
            self.repeat = f.add("repeat", self.tr("Repeat password"), QLineEdit())
            self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
            set_combo_data(self.role, Role.ACCOUNT_MANAGER)
            self.active.setChecked(True)
            self.active.setEnabled(False)  # a new user is active; deactivate later by editing
        else:
            self.username.setReadOnly(True)
            self.username.setToolTip(self.tr("A user name cannot be changed."))
            self._fill(user)
            self._build_hand_over(user)
        (self.username if user is None else self.display_name).setFocus()

    # ----- handing an account manager's franchisees over ---------------------------------------------------
    def _build_hand_over(self, user: UserDTO) -> None:
        """Deactivating (or demoting) someone who manages franchisees: offer to hand them over to another
        active account manager. Their franchisees stay editable either way."""
        self.managed = 0
        self.hand_over = self.form.add("hand_over_to", self.tr("Hand franchisees over to"), QComboBox())
        self.hand_over.addItem(self.tr("Nobody: they keep this manager, shown as inactive"), None)
        self.hand_over.setToolTip(
            self.tr("The franchisees this user manages go to the chosen account manager when you save.")
        )
        self._show_hand_over()
        self.active.toggled.connect(self._show_hand_over)
        self.role.currentIndexChanged.connect(self._show_hand_over)
        users = self.ctx.services.users

        def look_up(actor, user_id):  # in the background
            return users.managed_count(actor, user_id), users.account_managers()

        self.ctx.runner.submit(
            look_up, self.ctx.actor, user.id, on_done=self._hand_over_loaded, on_error=lambda exc: None
        )

    def _hand_over_loaded(self, found) -> None:
        count, managers = found
        self.managed = count
        for manager in managers:
            if manager.id != self.user.id:
                self.hand_over.addItem(manager.display_name or manager.username, manager.id)
        self.form.labels["hand_over_to"].setText(self.tr("Hand their %n franchisee(s) over to", "", count))
        self._show_hand_over()

    def hand_over_offered(self) -> bool:
        """Whether the dialog offers the hand-over now: the user manages franchisees and will no longer."""
        if self.user is None or not getattr(self, "managed", 0):
            return False
        keeps_managing = self.active.isChecked() and self.role.currentData() in (
            Role.ACCOUNT_MANAGER,
            Role.ADMIN,
        )
        return not keeps_managing

    def _show_hand_over(self, *_args) -> None:
        self.form.layout.setRowVisible(self.form.labels["hand_over_to"], self.hand_over_offered())

    def _fill(self, user: UserDTO) -> None:
        self.user = user
        self.username.setText(user.username)
        self.display_name.setText(user.display_name)
        set_combo_data(self.role, user.role)
        self.email.setText(user.email)
        self.active.setChecked(user.active)

    def submit(self) -> None:
        email = self.email.text().strip()
        if email and ("@" not in email or " " in email):
            self.form.clear_errors()
            _show_beside(
                self.form,
                "email",
                self.tr("Enter an e-mail address like name@example.com, or leave it empty."),
            )
            return
        users, actor = self.ctx.services.users, self.ctx.actor
        role = self.role.currentData()
        if self.user is None:
            if not self._passwords_match(self.password, self.repeat):
                return
            self._run(
                users.create_user,
                actor,
                self.username.text().strip(),
                self.display_name.text().strip(),
                role,
                self.password.text(),
                email,
            )
        else:
            self._run(
                users.update_user,
                actor,
                self.user.id,
                self.user.version,
                display_name=self.display_name.text().strip(),
                role=role,
                active=self.active.isChecked(),
                email=email,
                hand_over_to=self.handed_over_to(),
            )

    def handed_over_to(self) -> int | None:
        """The account manager chosen to take this user's franchisees over (None: nobody)."""
        return self.hand_over.currentData() if self.hand_over_offered() else None

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UsernameTaken):
            self._set_busy(False)
            _show_beside(self.form, "username", tr_error(exc))
        elif isinstance(exc, ConflictError):
            self._set_busy(False)
            self._fill(exc.current)
            self._show_message(
                tr_error(exc)
                + "\n"
                + self.tr(
                    "The form now shows the saved user; make your changes again if they are still needed."
                )
            )
        else:
            super()._failed(exc)


class ResetPasswordDialog(_WriteDialog):
    """An administrator sets a new password for a user (who signs in with it next time)."""

    def __init__(self, ctx: UiContext, user: UserDTO, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.user = user
        self.result_value = None
        self.setObjectName("resetPasswordDialog")
        self.setMinimumWidth(400)
        self.setWindowTitle(self.tr("Reset password"))
        intro = QLabel(
            self.tr("New password for {name} ({username}).").format(
                name=user.display_name or user.username, username=user.username
            )
        )
        intro.setWordWrap(True)
        self.layout_.insertWidget(0, intro)
        self.password = self.form.add("password", self.tr("New password"), QLineEdit())
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = self.form.add("repeat", self.tr("Repeat password"), QLineEdit())
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setFocus()

    def submit(self) -> None:
        if self._passwords_match(self.password, self.repeat):
            self._run(
                self.ctx.services.users.set_password, self.ctx.actor, self.user.id, self.password.text()
            )


class UsersView(QWidget):
    """The "Users" page: who may sign in, with which role."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("usersView")
        self.dialog: QDialog | None = None
        self._loading = None
        self._select_after_load: int | None = None
        self._own_change = False
        self._password_changed_for = ""

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Users"))
        title.setObjectName("title")
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        top.addWidget(title)
        top.addStretch(1)
        self.new_button = QPushButton(self.tr("New user…"))
        self.new_button.setObjectName("newUserButton")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editUserButton")
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.reset_button.setObjectName("resetPasswordButton")
        for button in (self.new_button, self.edit_button, self.reset_button):
            top.addWidget(button)
        layout.addLayout(top)

        self.model = UsersModel(self)
        self.table = QTableView(self)
        TableExport(self.table, "users")
        self.table.setObjectName("usersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few hundred rows at most
        header.setSectionResizeMode(UsersModel.COLUMNS.index("email"), QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(80)
        layout.addWidget(self.table, 1)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        layout.addWidget(self.status)

        allowed = ctx.can(Action.MANAGE_USERS)
        self.new_button.setEnabled(allowed)
        self.new_button.clicked.connect(self.new_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.table.doubleClicked.connect(lambda _index: self.edit_user())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        ctx.bus.changed.connect(self._on_changed)
        self._update_buttons()
        self.reload()

    # ----- loading ----------------------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        current = self.selected_user()
        self._select_after_load = select_id if select_id is not None else (current.id if current else None)
        if self._loading is not None:
            self._loading.cancel()
        self.status.setText(self.tr("Loading…"))
        self._loading = self.ctx.runner.submit(
            self.ctx.services.users.list_users,
            self.ctx.actor,
            on_done=self._loaded,
            on_error=self._load_failed,
        )

    def _loaded(self, users: list[UserDTO]) -> None:
        self._loading = None
        self.model.set_users(users)
        active = sum(1 for u in users if u.active)
        status = self.tr("%n user(s), {active} active", "", len(users)).format(active=active)
        if self._password_changed_for:
            status += " · " + self.tr("The password of {username} was changed.").format(
                username=self._password_changed_for
            )
            self._password_changed_for = ""
        self.status.setText(status)
        if self._select_after_load is not None:
            row = self.model.row_of(self._select_after_load)
            if row >= 0:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
        self._update_buttons()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = None
        self.status.setText("")
        show_error(self, exc)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Entity.USER) and not self._own_change:
            self.reload()

    # ----- actions ----------------------------------------------------------------------------------------
    def selected_user(self) -> UserDTO | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.user_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        has = self.selected_user() is not None and self.ctx.can(Action.MANAGE_USERS)
        self.edit_button.setEnabled(has)
        self.reset_button.setEnabled(has)

    def new_user(self) -> UserDialog:
        return self._open(UserDialog(self.ctx, None, self))

    def edit_user(self) -> UserDialog | None:
        user = self.selected_user()
        if user is None or not self.ctx.can(Action.MANAGE_USERS):
            return None
        return self._open(UserDialog(self.ctx, user, self))

    def reset_password(self) -> ResetPasswordDialog | None:
        user = self.selected_user()
        if user is None or not self.ctx.can(Action.MANAGE_USERS):
            return None
        return self._open(ResetPasswordDialog(self.ctx, user, self))

    def _open(self, dialog: UserDialog | ResetPasswordDialog):
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._written(dialog))
        dialog.open()
        return dialog

    def _written(self, dialog: UserDialog | ResetPasswordDialog) -> None:
        user_id = dialog.result_value.id if isinstance(dialog.result_value, UserDTO) else dialog.user.id
        if isinstance(dialog, ResetPasswordDialog):
            self._password_changed_for = dialog.user.username  # said in the status line after the reload
        self.reload(select_id=user_id)
        self._own_change = True
        try:
            kinds = [Entity.USER]
            if isinstance(dialog, UserDialog) and dialog.user is not None and dialog.handed_over_to():
                kinds.append(Entity.FRANCHISEE)  # their franchisees changed hands
            self.ctx.bus.notify(Changes.of(kinds, [user_id], origin=self))
        finally:
            self._own_change = False


__all__ = ["UsersView", "UserDialog", "ResetPasswordDialog"]
