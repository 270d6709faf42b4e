"""Settings › Company (administrators): the letterhead on the company's letters and the list of tiers.

Both are shared by every user of the database; both are written only when OK is pressed (Cancel writes
nothing): the letterhead with a version check (a conflict reloads it and says who changed it), the tiers as
the changes staged in the tier editor.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QDir, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.errors import ConflictError, ValidationError
from hqdesk.domain.roles import Action
from hqdesk.services.dto import CompanyProfileDTO
from hqdesk.ui.context import UiContext
from hqdesk.ui.dialogs.settings.common import (
    ERROR_STYLE,
    NOTE_STYLE,
    Done,
    SettingsPage,
    attach_beside,
    note,
    show_field_text,
)
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import tr_error
from hqdesk.ui.widgets import Form

LOGO_MAX_WIDTH = 600
PREVIEW_SIZE = (220, 80)


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


def company_page_allowed(ctx: UiContext | None) -> bool:
    return ctx is not None and (ctx.can(Action.EDIT_COMPANY_SETTINGS) or ctx.can(Action.CONFIGURE_TIERS))


class CompanyPage(SettingsPage):
    attention = Signal()

    def __init__(self, ctx: UiContext, submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self._submit = ctx, submit
        self.setObjectName("companyPage")
        self._company: CompanyProfileDTO | None = None
        self._logo: bytes | None = None
        # on the page, not the preview: Form replaces a field's own style sheet to mark errors
        self.setStyleSheet("QLabel#logo { border: 1px solid #ccc; background: white; color: #888; }")
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        self.letterhead_box = QGroupBox(self.tr("Letterhead"))
        v.addWidget(self.letterhead_box)
        self._build_letterhead(QVBoxLayout(self.letterhead_box))
        self.tiers_editor = None
        if ctx.can(Action.CONFIGURE_TIERS):
            from hqdesk.ui.dialogs.tiers_editor import TiersEditor

            self.tiers_box = QGroupBox(self.tr("Tiers"))
            box = QVBoxLayout(self.tiers_box)
            self.tiers_editor = TiersEditor(ctx)
            box.addWidget(self.tiers_editor)
            v.addWidget(self.tiers_box, 1)
        else:
            v.addStretch(1)
        self._load_letterhead()

    def title(self) -> str:
        return self.tr("Company")

    # ----- letterhead -----------------------------------------------------------------------------------
    def _build_letterhead(self, v: QVBoxLayout) -> None:
        v.addWidget(
            note(
                self.tr(
                    "The company's details at the top of letters. They are shared by every user "
                    "of this database."
                )
            )
        )
        self.letterhead_note = note()
        self.letterhead_note.setObjectName("letterheadNote")
        self.letterhead_note.hide()
        v.addWidget(self.letterhead_note)
        self.letterhead_form = Form(QFormLayout())
        self.name_edit = self.letterhead_form.add("name", self.tr("Company name"), QLineEdit())
        self.name_edit.setMaxLength(200)
        self.address_edit = self.letterhead_form.add("address", self.tr("Address"), QPlainTextEdit())
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(self.address_edit.fontMetrics().lineSpacing() * 2 + 14)
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
        attach_beside(self.logo_preview, logo_buttons, grow=False)
        self.letterhead_form.layout.addRow(
            "", note(self.tr("PNG or JPG; wide logos are scaled to 600 pixels."))
        )
        v.addLayout(self.letterhead_form.layout)
        self._set_logo(None)
        self._set_letterhead_editable(False)

    def _letterhead_allowed(self) -> bool:
        return self.ctx.can(Action.EDIT_COMPANY_SETTINGS)

    def _set_letterhead_editable(self, editable: bool) -> None:
        for edit in (self.name_edit, self.address_edit, self.phone_edit):
            edit.setReadOnly(not editable)
            # the dialog's style sheet greys read-only fields: re-polish, a property change alone does not
            edit.style().unpolish(edit)
            edit.style().polish(edit)
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

    def _letterhead_loaded(self, company: CompanyProfileDTO, text: str = "", style: str = NOTE_STYLE) -> None:
        self._company = company
        self.letterhead_form.clear_errors()
        self.name_edit.setText(company.name)
        self.address_edit.setPlainText(company.address)
        self.phone_edit.setText(company.phone)
        self._set_logo(company.logo_png)
        allowed = self._letterhead_allowed()
        self._set_letterhead_editable(allowed)
        if not allowed:
            text = (text + "\n" if text else "") + self.tr("Only an administrator can change the letterhead.")
        self._show_letterhead_note(text, style)

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
                show_field_text(
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

    def letterhead_changed(self) -> bool:
        c = self._company
        if c is None or not self._letterhead_allowed():
            return False
        return self._letterhead_values() != (c.name.strip(), c.address.strip(), c.phone.strip(), c.logo_png)

    # ----- OK ---------------------------------------------------------------------------------------------
    def changed(self) -> bool:
        return self.letterhead_changed() or (
            self.tiers_editor is not None and self.tiers_editor.has_changes()
        )

    def apply(self, done: Done, failed: Done) -> None:
        """The letterhead (if changed), then the staged tier changes."""

        def tiers() -> None:
            if self.tiers_editor is None:
                done()
                return

            def tiers_failed() -> None:
                self.attention.emit()
                failed()

            self.tiers_editor.apply(done, tiers_failed)

        if not self.letterhead_changed():
            tiers()
            return
        name, address, phone, logo = self._letterhead_values()

        def saved(company: CompanyProfileDTO) -> None:
            self._company = company
            self.ctx.bus.notify(Changes.of(Entity.COMPANY, origin=self))
            tiers()

        def refused(exc: BaseException) -> None:
            self.attention.emit()
            if isinstance(exc, ValidationError):
                rest = self.letterhead_form.show_errors(exc.errors)
                if rest:
                    self._show_letterhead_note(tr_error(ValidationError(rest)), ERROR_STYLE)
            elif isinstance(exc, ConflictError):
                text = (
                    tr_error(exc)
                    + "\n"
                    + self.tr(
                        "The letterhead below is now the saved one; make your changes "
                        "again if they are still needed, then press OK."
                    )
                )
                self._letterhead_loaded(exc.current, text, ERROR_STYLE)
            else:
                show_error(self, exc)
            failed()

        self._submit(
            self.ctx.services.company.update,
            self.ctx.actor,
            self._company.version,
            name,
            address,
            phone,
            logo,
            write=True,
            on_done=saved,
            on_error=refused,
        )
