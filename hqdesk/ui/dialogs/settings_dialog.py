"""Settings: where the database is, the interface language, and the company's letterhead.

The database URL goes to QSettings without a password; the password goes to the OS keyring. Testing the
connection, checking for network shares, reading the logo file, saving the letterhead and talking to the
keyring all run through the task runner, so the dialog never freezes. OK saves every tab that changed, in
this order: network-share check, letterhead (it can meet a conflict), then the local settings and the keyring.
Cancel discards everything.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QDir, QIODevice, QSettings, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.errors import ConflictError, HqdeskError, NetworkShareRefused, ValidationError
from hqdesk.domain.roles import Action
from hqdesk.resources import default_database_url
from hqdesk.services import bootstrap
from hqdesk.services.dto import CompanyProfileDTO
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error, user_message
from hqdesk.ui.i18n import LANGUAGES, system_language, tr_error
from hqdesk.ui.settings import DATABASE_URL, LANGUAGE
from hqdesk.ui.tasks import Task, TaskRunner
from hqdesk.ui.widgets import Form

log = logging.getLogger(__name__)

LOGO_MAX_WIDTH = 600
PREVIEW_SIZE = (220, 80)
ERROR_STYLE = "color: #c0392b;"
OK_STYLE = "color: #1e8449;"
NOTE_STYLE = "color: #555;"


class UnreadableImage(Exception):
    """The chosen logo file is not an image Qt can read."""


def logo_png_from_file(path: str, max_width: int = LOGO_MAX_WIDTH) -> bytes:
    """PNG bytes of the image at ``path``, scaled down to ``max_width`` pixels (runs in a worker: QImage, not
    QPixmap, is safe outside the UI thread)."""
    image = QImage(path)
    if image.isNull():
        raise UnreadableImage(path)
    if image.width() > max_width:
        image = image.scaledToWidth(max_width, Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def _is_unc(path: str) -> bool:
    return path.startswith(("\\\\", "//"))


def _attach_beside(widget: QWidget, *extras: QWidget, grow: bool = True) -> None:
    """Put ``extras`` (a Browse… button) on the same line as a field Form.add placed, above its error label.

    ``grow``: the field takes the spare width; otherwise the line ends with empty space.
    """
    box_layout = widget.parentWidget().layout()
    index = box_layout.indexOf(widget)
    box_layout.removeWidget(widget)
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(widget, 1 if grow else 0)
    for extra in extras:
        row.addWidget(extra)
    if not grow:
        row.addStretch(1)
    box_layout.insertLayout(index, row)


def _show_field_text(form: Form, name: str, text: str, focus: bool = True) -> None:
    """A message beside one field that is not a service FieldError (already translated)."""
    label = form.errors[name]
    label.setText((label.text() + "\n" + text) if label.text() else text)
    label.show()
    form.fields[name].setStyleSheet("border: 1px solid #c0392b;")
    if focus:
        form.fields[name].setFocus()


def _note(text: str = "", style: str = NOTE_STYLE) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


class SettingsDialog(QDialog):
    DATABASE_TAB, LANGUAGE_TAB, LETTERHEAD_TAB = range(3)

    def __init__(
        self, ctx: UiContext | None, settings: QSettings, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.settings, self.runner = ctx, settings, runner
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        # on the dialog: Form replaces a field's own style sheet when it marks or clears an error
        self.setStyleSheet(
            'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"] { background: #f2f2f2; }'
        )
        self._tasks: list[Task] = []
        self._test_task: Task | None = None
        self._company: CompanyProfileDTO | None = None
        self._logo: bytes | None = None
        self._saving = False
        self._pg_options: tuple[tuple[str, str], ...] = ()
        self._default_sqlite_path = ""

        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self.tabs.addTab(self._build_database_tab(), self.tr("Database"))
        self.tabs.addTab(self._build_language_tab(), self.tr("Language"))
        self.tabs.addTab(self._build_letterhead_tab(), self.tr("Letterhead"))
        self.tiers_editor = None
        if ctx is not None and ctx.can(Action.CONFIGURE_TIERS):
            from hqdesk.ui.dialogs.tiers_editor import TiersEditor

            self.tiers_editor = TiersEditor(ctx)
            self.tabs.addTab(self.tiers_editor, self.tr("Tiers"))
        self.message = _note(style=ERROR_STYLE)
        self.message.setObjectName("message")
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._load_database_settings()
        self._load_language_setting()
        if ctx is None:
            self.tabs.setTabEnabled(self.LETTERHEAD_TAB, False)
            self.tabs.setTabToolTip(self.LETTERHEAD_TAB, self.tr("Sign in to see the letterhead."))
        else:
            self._load_letterhead()

    # ----- Database tab -------------------------------------------------------------------------------
    def _build_database_tab(self) -> QWidget:
        page = QWidget()
        page.setObjectName("databasePage")
        v = QVBoxLayout(page)
        intro = _note(self.tr("Where hqdesk keeps its data."))
        v.addWidget(intro)
        if self.ctx is not None:
            current = _note(
                self.tr("Currently open: {database}").format(database=self.ctx.services.database_label)
            )
            current.setObjectName("currentDatabase")
            current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            v.addWidget(current)

        self.sqlite_radio = QRadioButton(self.tr("This computer (SQLite file)"))
        self.sqlite_radio.setObjectName("sqliteRadio")
        self.pg_radio = QRadioButton(self.tr("Shared server (PostgreSQL)"))
        self.pg_radio.setObjectName("postgresqlRadio")
        group = QButtonGroup(page)
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
        _attach_beside(self.path_edit, self.browse_button)
        self.sqlite_form.layout.addRow(
            "", _note(self.tr("For one user. The file must be on this computer, not on a network share."))
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
        self.test_result = _note()
        self.test_result.setObjectName("testResult")
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.test_result)
        v.addStretch(1)
        if self.ctx is None:
            applies = self.tr("hqdesk opens the chosen database when you press OK.")
        else:
            applies = self.tr("A new database choice takes effect the next time hqdesk starts.")
        self.database_note = _note(applies)
        self.database_note.setObjectName("databaseNote")
        v.addWidget(self.database_note)

        self.sqlite_radio.toggled.connect(self._kind_changed)
        return page

    def _kind_changed(self) -> None:
        sqlite = self.sqlite_radio.isChecked()
        self.sqlite_box.setEnabled(sqlite)
        self.pg_box.setEnabled(not sqlite)
        self.test_result.clear()

    def _load_database_settings(self) -> None:
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
        """The URL the Database tab describes now: never with a password."""
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
        """The refusal of a file on a network share, worded for this tab (the user is already in the
        database settings: point at the choice just above, not at a menu)."""
        return self.tr(
            "{path} is on a network share. SQLite cannot lock files safely over a network, so several "
            "users would damage it. Keep the file on this computer, or choose “Shared server "
            "(PostgreSQL)” above."
        ).format(path=path)

    def _validate_database(self) -> bool:
        """Messages beside the empty or refused fields; True if the tab can be used."""
        self.sqlite_form.clear_errors()
        self.pg_form.clear_errors()
        if self.sqlite_radio.isChecked():
            path = self.path_edit.text().strip()
            if not path:
                _show_field_text(self.sqlite_form, "path", self.tr("Enter the path of the database file."))
            elif _is_unc(path):
                _show_field_text(self.sqlite_form, "path", self.network_share_text(path))
            elif not Path(QDir.fromNativeSeparators(path)).is_absolute():
                _show_field_text(
                    self.sqlite_form,
                    "path",
                    self.tr(
                        "Enter the full path of the file, starting with the drive (e.g. D:\\hqdesk\\hqdesk.sqlite3)."
                    ),
                )
            return not self.sqlite_form.errors["path"].text()
        ok = True
        if not self.host_edit.text().strip():
            _show_field_text(self.pg_form, "host", self.tr("Enter the server's name or address."))
            ok = False
        if not self.database_edit.text().strip():
            _show_field_text(self.pg_form, "database", self.tr("Enter the name of the database."), focus=ok)
            ok = False
        return ok

    def _database_changed(self) -> bool:
        return self.database_url() != self._initial_url or bool(self._password())

    def _password(self) -> str | None:
        if self.pg_radio.isChecked() and self.password_edit.text():
            return self.password_edit.text()
        return None

    def test_connection(self) -> None:
        self.test_result.clear()
        if not self._validate_database():
            self.tabs.setCurrentIndex(self.DATABASE_TAB)
            return
        if self._test_task is not None:
            self._test_task.cancel()
        self.test_button.setEnabled(False)
        self.test_busy.show()
        self.test_result.setStyleSheet(NOTE_STYLE)
        self.test_result.setText(self.tr("Connecting…"))
        self._test_task = self._submit(
            bootstrap.check_connection,
            self.database_url(),
            self._password(),
            on_done=self._test_done,
            on_error=self._test_failed,
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
            _show_field_text(self.sqlite_form, "path", self.network_share_text(exc.params.get("path", "")))
            return
        self.test_result.setStyleSheet(ERROR_STYLE)
        self.test_result.setText(user_message(exc)[0])

    # ----- Language tab -------------------------------------------------------------------------------
    def _build_language_tab(self) -> QWidget:
        page = QWidget()
        page.setObjectName("languagePage")
        v = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)  # each language in its own words: not translated
        form.addRow(self.tr("Language of the user interface"), self.language_combo)
        v.addLayout(form)
        v.addWidget(_note(self.tr("The new language is used the next time hqdesk starts.")))
        v.addStretch(1)
        return page

    def _load_language_setting(self) -> None:
        self._initial_language = LANGUAGE.get(self.settings)
        current = self._initial_language if self._initial_language in LANGUAGES else system_language()
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(current), 0))
        self._shown_language = current

    def _language_changed(self) -> bool:
        return self.language_combo.currentData() != self._shown_language

    # ----- Letterhead tab -----------------------------------------------------------------------------
    def _build_letterhead_tab(self) -> QWidget:
        page = QWidget()
        page.setObjectName("letterheadPage")
        # on the page, not the preview: Form replaces a field's own style sheet to mark errors
        page.setStyleSheet("QLabel#logo { border: 1px solid #ccc; background: white; color: #888; }")
        v = QVBoxLayout(page)
        v.addWidget(
            _note(
                self.tr(
                    "The company's details at the top of letters. They are shared by every user "
                    "of this database."
                )
            )
        )
        self.letterhead_note = _note()
        self.letterhead_note.setObjectName("letterheadNote")
        self.letterhead_note.hide()
        v.addWidget(self.letterhead_note)
        self.letterhead_form = Form(QFormLayout())
        self.name_edit = self.letterhead_form.add("name", self.tr("Company name"), QLineEdit())
        self.name_edit.setMaxLength(200)
        self.address_edit = self.letterhead_form.add("address", self.tr("Address"), QPlainTextEdit())
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(self.address_edit.fontMetrics().lineSpacing() * 3 + 14)
        self.phone_edit = self.letterhead_form.add("phone", self.tr("Phone"), QLineEdit())
        self.logo_preview = self.letterhead_form.add("logo", self.tr("Logo"), QLabel())
        self.logo_preview.setFixedSize(*PREVIEW_SIZE)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_logo_button = QPushButton(self.tr("Choose…"))
        self.choose_logo_button.setObjectName("chooseLogoButton")
        self.choose_logo_button.clicked.connect(self._choose_logo)
        self.remove_logo_button = QPushButton(self.tr("Remove logo"))
        self.remove_logo_button.setObjectName("removeLogoButton")
        self.remove_logo_button.clicked.connect(lambda: self._set_logo(None))
        logo_buttons = QWidget()
        h = QVBoxLayout(logo_buttons)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.choose_logo_button)
        h.addWidget(self.remove_logo_button)
        h.addStretch(1)
        _attach_beside(self.logo_preview, logo_buttons, grow=False)
        self.letterhead_form.layout.addRow(
            "", _note(self.tr("PNG or JPG; wide logos are scaled to 600 pixels."))
        )
        v.addLayout(self.letterhead_form.layout)
        v.addStretch(1)
        self._set_logo(None)
        self._set_letterhead_editable(False)
        return page

    def _letterhead_allowed(self) -> bool:
        return self.ctx is not None and self.ctx.can(Action.EDIT_COMPANY_SETTINGS)

    def _set_letterhead_editable(self, editable: bool) -> None:
        for edit in (self.name_edit, self.address_edit, self.phone_edit):
            edit.setReadOnly(not editable)
        self.choose_logo_button.setVisible(editable)
        self.remove_logo_button.setVisible(editable)
        self.remove_logo_button.setEnabled(editable and self._logo is not None)

    def _load_letterhead(self) -> None:
        self._show_letterhead_note(self.tr("Loading…"), NOTE_STYLE)
        self._submit(
            self.ctx.services.company.get, on_done=self._letterhead_loaded, on_error=self._load_failed
        )

    def _load_failed(self, exc: BaseException) -> None:
        self._show_letterhead_note("", NOTE_STYLE)
        show_error(self, exc)

    def _letterhead_loaded(self, company: CompanyProfileDTO, note: str = "", style: str = NOTE_STYLE) -> None:
        self._company = company
        self.letterhead_form.clear_errors()
        self.name_edit.setText(company.name)
        self.address_edit.setPlainText(company.address)
        self.phone_edit.setText(company.phone)
        self._set_logo(company.logo_png)
        allowed = self._letterhead_allowed()
        self._set_letterhead_editable(allowed)
        if not allowed:
            note = (note + "\n" if note else "") + self.tr("Only an administrator can change the letterhead.")
        self._show_letterhead_note(note, style)

    def _show_letterhead_note(self, text: str, style: str) -> None:
        self.letterhead_note.setStyleSheet(style)
        self.letterhead_note.setText(text)
        self.letterhead_note.setVisible(bool(text))

    def _set_logo(self, png: bytes | None) -> None:
        self._logo = png
        pixmap = QPixmap()
        if png and pixmap.loadFromData(png):
            w, h = PREVIEW_SIZE
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    w - 8,
                    h - 8,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("No logo"))
        self.remove_logo_button.setEnabled(png is not None and self._letterhead_allowed())

    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Logo"), QDir.homePath(), self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.load_logo_file(path)

    def load_logo_file(self, path: str) -> None:
        """Read, scale and convert the logo in the background; the preview shows it when done."""
        self.letterhead_form.clear_errors()
        self.choose_logo_button.setEnabled(False)

        def done(png: bytes) -> None:
            self.choose_logo_button.setEnabled(True)
            self._set_logo(png)

        def failed(exc: BaseException) -> None:
            self.choose_logo_button.setEnabled(True)
            if isinstance(exc, UnreadableImage):
                _show_field_text(
                    self.letterhead_form,
                    "logo",
                    self.tr("hqdesk cannot read this file as an image. Choose a PNG or JPG file."),
                )
            else:
                show_error(self, exc)

        self._submit(logo_png_from_file, path, on_done=done, on_error=failed)

    def _letterhead_values(self) -> tuple[str, str, str, bytes | None]:
        return (
            self.name_edit.text().strip(),
            self.address_edit.toPlainText().strip(),
            self.phone_edit.text().strip(),
            self._logo,
        )

    def _letterhead_changed(self) -> bool:
        c = self._company
        if c is None or not self._letterhead_allowed():
            return False
        return self._letterhead_values() != (c.name.strip(), c.address.strip(), c.phone.strip(), c.logo_png)

    # ----- OK -----------------------------------------------------------------------------------------
    def save(self) -> None:
        """OK: save every tab that changed; the dialog closes when all of it is saved."""
        if self._saving:
            return
        self.message.hide()
        if self._database_changed() and not self._validate_database():
            self.tabs.setCurrentIndex(self.DATABASE_TAB)
            return
        self._set_saving(True)
        if self._database_changed() and self.sqlite_radio.isChecked():
            self._submit(
                bootstrap.refuse_network_share,
                self.database_url(),
                on_done=lambda _: self._save_letterhead(),
                on_error=self._database_refused,
            )
        else:
            self._save_letterhead()

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not saving)
        self.tabs.setEnabled(not saving)
        self.setCursor(Qt.CursorShape.WaitCursor if saving else Qt.CursorShape.ArrowCursor)

    def _database_refused(self, exc: BaseException) -> None:
        self._set_saving(False)
        self.tabs.setCurrentIndex(self.DATABASE_TAB)
        if isinstance(exc, NetworkShareRefused):
            _show_field_text(self.sqlite_form, "path", self.network_share_text(exc.params.get("path", "")))
        else:
            show_error(self, exc)

    def _save_letterhead(self) -> None:
        if not self._letterhead_changed():
            self._save_local()
            return
        name, address, phone, logo = self._letterhead_values()
        self._submit(
            self.ctx.services.company.update,
            self.ctx.actor,
            self._company.version,
            name,
            address,
            phone,
            logo,
            write=True,
            on_done=self._letterhead_saved,
            on_error=self._letterhead_failed,
        )

    def _letterhead_saved(self, company: CompanyProfileDTO) -> None:
        self._company = company
        self.ctx.bus.notify(Changes.of(Entity.COMPANY, origin=self))
        self._save_local()

    def _letterhead_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        self.tabs.setCurrentIndex(self.LETTERHEAD_TAB)
        if isinstance(exc, ValidationError):
            rest = self.letterhead_form.show_errors(exc.errors)
            if rest:
                self._show_letterhead_note(tr_error(ValidationError(rest)), ERROR_STYLE)
        elif isinstance(exc, ConflictError):
            note = (
                tr_error(exc)
                + "\n"
                + self.tr(
                    "The letterhead below is now the saved one; make your changes "
                    "again if they are still needed, then press OK."
                )
            )
            self._letterhead_loaded(exc.current, note, ERROR_STYLE)
        else:
            show_error(self, exc)

    def _save_local(self) -> None:
        """Write the database choice and language to the settings; keep the password in the keyring."""
        password = None
        if self._database_changed():
            url = self.database_url()
            if url != self._initial_url:  # an untouched default stays "", following the user's data folder
                DATABASE_URL.set(self.settings, url)
            password = self._password()
        if self._language_changed():
            LANGUAGE.set(self.settings, self.language_combo.currentData())
        self.settings.sync()
        if password:
            self._submit(
                bootstrap.remember_password,
                self.database_url(),
                password,
                on_done=lambda _: self._finish(),
                on_error=self._password_not_stored,
            )
        else:
            self._finish()

    def _password_not_stored(self, exc: BaseException) -> None:
        """The settings are saved; say that the password will be asked at each start, then close."""
        self._set_saving(False)
        show_error(self, exc)
        boxes = self.findChildren(QMessageBox, "errorBox")
        if boxes:
            boxes[-1].finished.connect(self.accept)
        else:
            self.accept()

    def _finish(self) -> None:
        self._set_saving(False)
        self.accept()

    # ----- background tasks -----------------------------------------------------------------------------
    def _submit(self, fn, *args, **kwargs) -> Task:
        task = self.runner.submit(fn, *args, **kwargs)
        self._tasks.append(task)
        return task

    def done(self, result: int) -> None:
        """Closing (OK, Cancel, Esc): drop the callbacks of unfinished tasks, their widgets are going away.

        (Task.cancel only sets flags, so it is safe on tasks the runner has finished and deleted.)
        """
        for task in self._tasks:
            task.cancel()
        self._tasks.clear()
        super().done(result)
