"""When a save was based on an old version: what the other user changed, and the user's choice.

Also RecordDialog, the base of the dialogs that save one record with a version check (contact, store,
status): they call their service through the runner, show validation messages beside the fields without
closing, and route a ConflictError to the ConflictDialog. Nothing is ever overwritten silently.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.errors import CONFLICT_TIME_FORMAT, ConflictError, FieldError, ValidationError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.merge import merge_plan  # the rule lives in domain; re-exported for the views
from hqdesk.domain.roles import Action
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import fmt_datetime, tr_field_error, tr_message
from hqdesk.ui.models.base import RowsModel
from hqdesk.ui.models.history import UserNames, field_label, format_value, shorten
from hqdesk.ui.widgets import Form

_ROOT = QModelIndex()  # the default parent of the Qt overrides: a table has no children


def conflict_message(exc: ConflictError, names: UserNames | None = None) -> str:
    """The translated ConflictError message, with the user's display name and the time in local time."""
    user, when = exc.params.get("user"), exc.params.get("when")
    if not user or user == "?":  # lost a race at the very last moment: who and when are unknown
        return QCoreApplication.translate(
            "Errors", "Another user changed this record while you were editing it. Nothing was saved."
        )
    try:
        when = fmt_datetime(datetime.strptime(str(when), CONFLICT_TIME_FORMAT).replace(tzinfo=UTC))
    except ValueError:
        pass
    return tr_message("Errors", exc.message, {"user": (names or UserNames()).name(user), "when": when})


class ConflictModel(RowsModel[tuple[str, str, str]]):
    """field | their value | your value, for the fields where the other user's save and yours differ."""

    CONTEXT = "ConflictModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ConflictModel", "Field"),
        QT_TRANSLATE_NOOP("ConflictModel", "Their value"),
        QT_TRANSLATE_NOOP("ConflictModel", "Your value"),
    )

    def __init__(
        self,
        table: str,
        changes: dict,
        names: UserNames | None = None,
        parent=None,
        yours_changed: set[str] | None = None,
    ) -> None:
        """``yours_changed``: the fields this user edited, when known; the others read "(you did not
        change it)" instead of showing the old value as if the user were setting it back."""
        super().__init__(parent)
        self.fields = list(changes)
        untouched = QCoreApplication.translate("ConflictModel", "(you did not change it)")

        def yours_text(name, yours):
            if yours_changed is not None and name not in yours_changed:
                return untouched
            return format_value(table, name, yours, names)

        self.set_rows(
            (field_label(table, name), format_value(table, name, theirs, names), yours_text(name, yours))
            for name, (theirs, yours) in changes.items()
        )

    def cells(self, texts: tuple[str, str, str]) -> tuple[str, ...]:
        return tuple(shorten(text, 80) for text in texts)

    def role_data(self, row: int, column: int, role: int):
        return self._rows[row][column] if role == Qt.ItemDataRole.ToolTipRole else None


class ConflictDialog(QDialog):
    """Shows what the other user changed; ``choice`` says what the user wants (the caller acts on it).

    Reload their version (your edits are dropped), Keep editing (nothing saved, your edits stay), and for
    those who may (Action.OVERWRITE_CONFLICT) Overwrite with mine.
    """

    RELOAD, KEEP, OVERWRITE, MERGE = "reload", "keep", "overwrite", "merge"

    def __init__(
        self,
        exc: ConflictError,
        table: str,
        can_overwrite: bool,
        names: UserNames | None = None,
        parent: QWidget | None = None,
        yours_changed: set[str] | None = None,
        can_merge: bool = False,
    ) -> None:
        """``can_merge``: the two users changed different fields, so both changes can be kept: their
        version with this user's edits on top (the caller saves it)."""
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Someone else changed this record"))
        self.exc = exc
        self.choice = self.KEEP
        layout = QVBoxLayout(self)
        self.message = QLabel(conflict_message(exc, names))
        self.message.setObjectName("conflictMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.model = ConflictModel(table, exc.changes, names, self, yours_changed)
        self.table = QTableView(self)
        self.table.setObjectName("conflictTable")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        if exc.changes:
            intro = QLabel(self.tr("What they changed, next to what you were about to save:"))
            layout.addWidget(intro)
            layout.addWidget(self.table)
        else:
            self.table.hide()
            layout.addWidget(
                QLabel(
                    self.tr(
                        "They did not change any field you were editing (they may have changed the status or "
                        "archived the record)."
                    )
                )
            )
        self.buttons = QDialogButtonBox(self)
        self.reload_button = QPushButton(self.tr("Reload their version"))
        self.reload_button.setToolTip(self.tr("Discard your edits and show the record as it is now."))
        self.keep_button = QPushButton(self.tr("Keep editing"))
        self.keep_button.setToolTip(
            self.tr("Close this message. Nothing is saved; your edits stay in the form.")
        )
        self.buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.overwrite_button: QPushButton | None = None
        if can_overwrite:
            self.overwrite_button = QPushButton(self.tr("Overwrite with mine"))
            self.overwrite_button.setToolTip(
                self.tr("Save your version over theirs. Their changes are lost.")
            )
            self.buttons.addButton(self.overwrite_button, QDialogButtonBox.ButtonRole.DestructiveRole)
            self.overwrite_button.clicked.connect(lambda: self._choose(self.OVERWRITE))
        self.reload_button.clicked.connect(lambda: self._choose(self.RELOAD))
        self.keep_button.clicked.connect(lambda: self._choose(self.KEEP))
        self.keep_button.setDefault(True)
        self.merge_button: QPushButton | None = None
        if can_merge:
            self.merge_button = QPushButton(self.tr("Keep both changes"))
            self.merge_button.setToolTip(
                self.tr("You changed other fields than they did: save their version with your edits on top.")
            )
            self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.merge_button.clicked.connect(lambda: self._choose(self.MERGE))
            self.merge_button.setDefault(True)
            self.keep_button.setDefault(False)
        layout.addWidget(self.buttons)
        self.resize(640, 300 if exc.changes else 180)

    def _choose(self, choice: str) -> None:
        """Esc and the window's close button reject without a click: ``choice`` stays KEEP."""
        self.choice = choice
        if choice == self.KEEP:
            self.reject()
        else:
            self.accept()


class RecordDialog(QDialog):
    """Base of the dialogs that save one record through a service (subclasses fill in the abstract parts).

    ``saved(result)`` after a successful save (the bus has been told already); ``reloaded(current)`` when
    the user chose to reload after a conflict.
    """

    saved = Signal(object)
    reloaded = Signal(object)

    table = ""  # for field names in the conflict dialog
    kind = ""  # for the change bus

    def __init__(self, ctx, names: UserNames | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.names = names or UserNames()
        self.result_value = None
        self.conflict_dialog: ConflictDialog | None = None
        self.read_only = False
        self.layout_ = QVBoxLayout(self)
        self.form = Form(QFormLayout())
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.buttons)

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def set_read_only(self, read_only: bool) -> None:
        """Show the record without letting it be changed (a viewer's double-click)."""
        self.read_only = read_only
        self.form.set_read_only(read_only)
        self.buttons.setStandardButtons(
            QDialogButtonBox.StandardButton.Close
            if read_only
            else QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )

    # ----- for subclasses ---------------------------------------------------------------------------------
    def collect(self):  # pragma: no cover - abstract
        """(data, local FieldErrors) from the form."""
        raise NotImplementedError

    def service_call(self, data, overwrite: bool):  # pragma: no cover - abstract
        """(function, args, kwargs) that saves ``data``."""
        raise NotImplementedError

    def apply_current(self, current) -> None:  # pragma: no cover - abstract
        """Show ``current`` (the record as another user left it) and base the next save on it."""
        raise NotImplementedError

    def can_overwrite(self) -> bool:
        return self.ctx.can(Action.OVERWRITE_CONFLICT)

    def base_data(self):
        """The record's data as this dialog loaded it (for keeping both users' changes); None: no merging."""
        return None

    def changed_id(self, result) -> int:
        return getattr(result, "id", 0)

    # ----- the save --------------------------------------------------------------------------------------
    def submit(self) -> None:
        if self.read_only:
            return
        self.show_message("")
        self.form.clear_errors()
        data, errors = self.collect()
        if errors:
            self.show_invalid(errors)
            return
        self._run(data, overwrite=False)

    def _run(self, data, overwrite: bool) -> None:
        fn, args, kwargs = self.service_call(data, overwrite)
        self._busy(True)
        self.ctx.runner.submit(fn, *args, on_done=self._done, on_error=self._failed, write=True, **kwargs)

    def _busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.WaitCursor if busy else Qt.CursorShape.ArrowCursor)

    def _done(self, result) -> None:
        self._busy(False)
        self.result_value = result
        self.ctx.bus.notify(
            Changes.of(
                Entity(self.kind),
                [self.changed_id(result)],
                [
                    getattr(result, "franchisee_id", 0)
                    or (self.changed_id(result) if self.kind == "franchisee" else 0)
                ],
                origin=self,
            )
        )
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, ValidationError):
            self.show_invalid(exc.errors)
        elif isinstance(exc, ConflictError):
            self._conflict(exc)
        else:
            show_error(self, exc)

    def show_invalid(self, errors: list[FieldError]) -> None:
        rest = self.form.show_errors(errors)
        self.show_message("\n".join(tr_field_error(e) for e in rest))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _conflict(self, exc: ConflictError) -> None:
        yours, merged = None, None
        base, theirs = self.base_data(), getattr(exc.current, "data", None)
        mine, errors = self.collect()
        if base is not None and theirs is not None and not errors:
            yours, merged = merge_plan(base, theirs, mine)
        dialog = ConflictDialog(
            exc,
            self.table,
            self.can_overwrite(),
            self.names,
            self,
            yours_changed=yours,
            can_merge=merged is not None,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.conflict_dialog = dialog
        dialog.finished.connect(lambda _result: self._resolve(dialog.choice, exc, merged))
        dialog.open()

    def _resolve(self, choice: str, exc: ConflictError, merged=None) -> None:
        self.conflict_dialog = None
        if choice == ConflictDialog.MERGE and merged is not None:
            self.form.clear_errors()
            self.apply_current(exc.current)  # their version is the base of the save ...
            self._run(merged, overwrite=False)  # ... which carries the user's edits on top
            return
        if choice == ConflictDialog.RELOAD:
            self.form.clear_errors()
            self.apply_current(exc.current)
            self.reloaded.emit(exc.current)
        elif choice == ConflictDialog.OVERWRITE:
            data, errors = self.collect()
            if errors:
                self.show_invalid(errors)
            else:
                self._run(data, overwrite=True)
