"""Settings › Database: this computer's SQLite file or a shared PostgreSQL server; testing the connection.

A SQLite file that does not exist is reported as missing, by "Test connection" and by OK, and nothing is
created, not even its folder (a mistyped path must not become a new, empty database); creating a new database
is the explicit choice "Create a new database in this file". The password goes to the OS keyring, never to the
settings.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.errors import HqdeskError, NetworkShareRefused
from hqdesk.resources import default_database_url
from hqdesk.services import bootstrap
from hqdesk.services.errors import DatabaseMissing
from hqdesk.ui.context import UiContext
from hqdesk.ui.dialogs.settings.common import (
    ERROR_STYLE,
    NOTE_STYLE,
    OK_STYLE,
    Done,
    SettingsPage,
    attach_beside,
    note,
    show_field_text,
)
from hqdesk.ui.errors import show_error, user_message
from hqdesk.ui.settings import DATABASE_URL
from hqdesk.ui.widgets import Form

log = logging.getLogger(__name__)


def _is_unc(path: str) -> bool:
    return path.startswith(("\\\\", "//"))


def check_sqlite_target(url: str, create: bool) -> bool:
    """Runs in a worker when OK saves a SQLite choice: refuse a network share; a missing file is refused
    (DatabaseMissing) unless ``create``, in which case the new database is created and upgraded now. True if a
    database was created."""
    bootstrap.refuse_network_share(url)
    if bootstrap.missing_sqlite_file(url) is None:
        return False
    if not create:
        bootstrap.require_database(url)
    bootstrap.open_services(url).close()
    return True


class DatabasePage(SettingsPage):
    attention = Signal()  # the page has a message the user must see: show it

    def __init__(self, ctx: UiContext | None, settings, submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.settings, self._submit = ctx, settings, submit
        self.setObjectName("databasePage")
        self._test_task = None
        self._pg_options: tuple[tuple[str, str], ...] = ()
        self._default_sqlite_path = ""
        self._build()
        self.load()

    def title(self) -> str:
        return self.tr("Database")

    def _build(self) -> None:
        v = QVBoxLayout(self)
        v.addWidget(note(self.tr("Where hqdesk keeps its data.")))
        if self.ctx is not None:
            current = note(
                self.tr("Currently open: {database}").format(database=self.ctx.services.database_label)
            )
            current.setObjectName("currentDatabase")
            current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            v.addWidget(current)

        self.sqlite_radio = QRadioButton(self.tr("This computer (SQLite file)"))
        self.sqlite_radio.setObjectName("sqliteRadio")
        self.pg_radio = QRadioButton(self.tr("Shared server (PostgreSQL)"))
        self.pg_radio.setObjectName("postgresqlRadio")
        group = QButtonGroup(self)
        group.addButton(self.sqlite_radio)
        group.addButton(self.pg_radio)

        v.addWidget(self.sqlite_radio)
        self.sqlite_box = QWidget()
        self.sqlite_form = Form(QFormLayout(self.sqlite_box))
        self.sqlite_form.layout.setContentsMargins(24, 0, 0, 6)
        self.path_edit = self.sqlite_form.add("path", self.tr("File"), QLineEdit())
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.setObjectName("browseButton")
        self.browse_button.clicked.connect(self._browse)
        attach_beside(self.path_edit, self.browse_button)
        self.create_check = QCheckBox(self.tr("Create a new, empty database in this file if there is none"))
        self.create_check.setObjectName("createCheck")
        self.sqlite_form.layout.addRow("", self.create_check)
        self.sqlite_form.layout.addRow(
            "", note(self.tr("For one user. The file must be on this computer, not on a network share."))
        )
        v.addWidget(self.sqlite_box)

        v.addWidget(self.pg_radio)
        self.pg_box = QWidget()
        self.pg_form = Form(QFormLayout(self.pg_box))
        self.pg_form.layout.setContentsMargins(24, 0, 0, 6)
        self.host_edit = self.pg_form.add("host", self.tr("Server"), QLineEdit())
        self.host_edit.setPlaceholderText(self.tr("name or address, e.g. db.hq.local"))
        self.port_spin = self.pg_form.add("port", self.tr("Port"), QSpinBox())
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(5432)
        self.port_spin.setMaximumWidth(100)
        self.database_edit = self.pg_form.add("database", self.tr("Database name"), QLineEdit())
        self.username_edit = self.pg_form.add("username", self.tr("User name"), QLineEdit())
        self.password_edit = self.pg_form.add("password", self.tr("Password"), QLineEdit())
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("leave empty to keep the saved password"))
        v.addWidget(self.pg_box)

        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testButton")
        self.test_button.clicked.connect(self.test_connection)
        self.test_busy = QProgressBar()
        self.test_busy.setObjectName("testBusy")
        self.test_busy.setRange(0, 0)  # an indeterminate "busy" bar
        self.test_busy.setMaximumWidth(120)
        self.test_busy.setTextVisible(False)
        self.test_busy.hide()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_busy)
        test_row.addStretch(1)
        v.addLayout(test_row)
        self.test_result = note()
        self.test_result.setObjectName("testResult")
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.test_result)
        v.addStretch(1)
        if self.ctx is None:
            applies = self.tr("hqdesk opens the chosen database when you press OK.")
        else:
            applies = self.tr("A new database choice takes effect the next time hqdesk starts.")
        self.database_note = note(applies)
        self.database_note.setObjectName("databaseNote")
        v.addWidget(self.database_note)

        self.sqlite_radio.toggled.connect(self._kind_changed)
        self.path_edit.textChanged.connect(self.test_result.clear)

    def _kind_changed(self) -> None:
        sqlite = self.sqlite_radio.isChecked()
        self.sqlite_box.setEnabled(sqlite)
        self.pg_box.setEnabled(not sqlite)
        self.test_result.clear()

    def load(self) -> None:
        self._initial_url = DATABASE_URL.get(self.settings) or default_database_url()
        default = self._parse(default_database_url())
        if default is not None and default.kind == "sqlite":
            self._default_sqlite_path = QDir.toNativeSeparators(default.path)
            self.path_edit.setText(self._default_sqlite_path)
        location = self._parse(self._initial_url) or default
        if location is not None and location.kind == "postgresql":
            self._pg_options = location.options
            self.host_edit.setText(location.host)
            self.port_spin.setValue(location.port)
            self.database_edit.setText(location.database)
            self.username_edit.setText(location.username)
            self.pg_radio.setChecked(True)
        else:
            if location is not None:
                self.path_edit.setText(QDir.toNativeSeparators(location.path))
            self.sqlite_radio.setChecked(True)
        self._kind_changed()

    @staticmethod
    def _parse(url: str) -> bootstrap.DatabaseLocation | None:
        try:
            return bootstrap.parse_database_url(url)
        except HqdeskError as exc:
            log.warning("database setting not understood: %s", exc)
            return None

    def _browse(self) -> None:
        current = self.path_edit.text().strip() or self._default_sqlite_path or QDir.homePath()
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            current,
            self.tr("SQLite databases (*.sqlite3 *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.path_edit.setText(QDir.toNativeSeparators(path))

    def database_url(self) -> str:
        """The URL the page describes now: never with a password."""
        if self.sqlite_radio.isChecked():
            path = QDir.fromNativeSeparators(self.path_edit.text().strip())
            return bootstrap.database_url(bootstrap.DatabaseLocation("sqlite", path=path))
        return bootstrap.database_url(
            bootstrap.DatabaseLocation(
                "postgresql",
                host=self.host_edit.text().strip(),
                port=self.port_spin.value(),
                database=self.database_edit.text().strip(),
                username=self.username_edit.text().strip(),
                options=self._pg_options,
            )
        )

    def network_share_text(self, path: str) -> str:
        """The refusal of a file on a network share, worded for this page (the user is already in the
        database settings: point at the choice just above, not at a menu)."""
        return self.tr(
            "{path} is on a network share. SQLite cannot lock files safely over a network, so several "
            "users would damage it. Keep the file on this computer, or choose “Shared server "
            "(PostgreSQL)” above."
        ).format(path=path)

    def missing_text(self, path: str) -> str:
        return self.tr(
            "There is no database at {path}. Check the path, or tick “Create a new, empty database in this "
            "file” to start a new one there."
        ).format(path=path)

    def validate(self) -> bool:
        """Messages beside the empty or refused fields; True if the page can be used."""
        self.sqlite_form.clear_errors()
        self.pg_form.clear_errors()
        if self.sqlite_radio.isChecked():
            path = self.path_edit.text().strip()
            if not path:
                show_field_text(self.sqlite_form, "path", self.tr("Enter the path of the database file."))
            elif _is_unc(path):
                show_field_text(self.sqlite_form, "path", self.network_share_text(path))
            elif not Path(QDir.fromNativeSeparators(path)).is_absolute():
                show_field_text(
                    self.sqlite_form,
                    "path",
                    self.tr(
                        "Enter the full path of the file, starting with the drive (e.g. D:\\hqdesk\\hqdesk.sqlite3)."
                    ),
                )
            return not self.sqlite_form.errors["path"].text()
        ok = True
        if not self.host_edit.text().strip():
            show_field_text(self.pg_form, "host", self.tr("Enter the server's name or address."))
            ok = False
        if not self.database_edit.text().strip():
            show_field_text(self.pg_form, "database", self.tr("Enter the name of the database."), focus=ok)
            ok = False
        return ok

    def changed(self) -> bool:
        return self.database_url() != self._initial_url or bool(self.password())

    def password(self) -> str | None:
        if self.pg_radio.isChecked() and self.password_edit.text():
            return self.password_edit.text()
        return None

    # ----- Test connection ----------------------------------------------------------------------------
    def test_connection(self) -> None:
        self.test_result.clear()
        if not self.validate():
            self.attention.emit()
            return
        if self._test_task is not None:
            self._test_task.cancel()
        self.test_button.setEnabled(False)
        self.test_busy.show()
        self.test_result.setStyleSheet(NOTE_STYLE)
        self.test_result.setText(self.tr("Connecting…"))
        if self.sqlite_radio.isChecked() and self.create_check.isChecked():
            self._test_task = self._submit(
                bootstrap.missing_sqlite_file,
                self.database_url(),
                on_done=self._test_create_checked,
                on_error=self._test_failed,
            )
            return
        self._test_task = self._submit(
            bootstrap.check_connection,
            self.database_url(),
            self.password(),
            on_done=self._test_done,
            on_error=self._test_failed,
        )

    def _test_create_checked(self, missing: str | None) -> None:
        if missing is None:  # there is a file: test it as it is
            self._test_task = self._submit(
                bootstrap.check_connection,
                self.database_url(),
                on_done=self._test_done,
                on_error=self._test_failed,
            )
            return
        self._test_finished()
        self.test_result.setStyleSheet(NOTE_STYLE)
        self.test_result.setText(
            self.tr("There is no database there yet: hqdesk creates a new, empty one when you press OK.")
        )

    def _test_finished(self) -> None:
        self._test_task = None
        self.test_button.setEnabled(True)
        self.test_busy.hide()

    def _test_done(self, version: str) -> None:
        self._test_finished()
        self.test_result.setStyleSheet(OK_STYLE)
        self.test_result.setText(self.tr("Connected: {version}").format(version=version))

    def _test_failed(self, exc: BaseException) -> None:
        self._test_finished()
        if isinstance(exc, NetworkShareRefused):
            self.test_result.clear()
            show_field_text(self.sqlite_form, "path", self.network_share_text(exc.params.get("path", "")))
            return
        if isinstance(exc, DatabaseMissing):
            self.test_result.setStyleSheet(ERROR_STYLE)
            self.test_result.setText(self.missing_text(exc.params.get("path", "")))
            return
        self.test_result.setStyleSheet(ERROR_STYLE)
        self.test_result.setText(user_message(exc)[0])

    # ----- OK ---------------------------------------------------------------------------------------------
    def apply(self, done: Done, failed: Done) -> None:
        """A changed SQLite choice: the network-share and missing-file checks (and the new database, when
        asked for) in the background."""
        if not (self.changed() and self.sqlite_radio.isChecked()):
            done()
            return

        def refused(exc: BaseException) -> None:
            self.attention.emit()
            if isinstance(exc, NetworkShareRefused):
                show_field_text(self.sqlite_form, "path", self.network_share_text(exc.params.get("path", "")))
            elif isinstance(exc, DatabaseMissing):
                show_field_text(self.sqlite_form, "path", self.missing_text(exc.params.get("path", "")))
            else:
                show_error(self, exc)
            failed()

        self._submit(
            check_sqlite_target,
            self.database_url(),
            self.create_check.isChecked(),
            write=True,
            on_done=lambda _created: done(),
            on_error=refused,
        )

    def store(self, settings) -> None:
        if self.changed():
            url = self.database_url()
            if url != self._initial_url:  # an untouched default stays "", following the user's data folder
                DATABASE_URL.set(settings, url)
