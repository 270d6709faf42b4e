"""Settings › Letters (administrators): what letters print besides the letterhead of Settings › Company.

- the English letterhead: the company's name and address on letters in English (empty: the Chinese ones);
- the remittance details on account statements and dunning letters: bank, account number, account holder
  (empty holder: the company's name).

Shared by every user of the database (``company_settings``, keys ``letters.*``). Written only when OK is
pressed, in one transaction, each field over the version read: another administrator's change in between is
reloaded and said, never overwritten.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from hqdesk.domain.errors import ConflictError, ValidationError
from hqdesk.domain.letters import LETTER_SETTING_LIMITS
from hqdesk.domain.roles import Action
from hqdesk.ui.context import UiContext
from hqdesk.ui.dialogs.settings.common import ERROR_STYLE, NOTE_STYLE, Done, SettingsPage, note
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import tr_error
from hqdesk.ui.widgets import Form


def letters_page_allowed(ctx: UiContext | None) -> bool:
    return ctx is not None and ctx.can(Action.EDIT_COMPANY_SETTINGS)


class LetterSettingsPage(SettingsPage):
    attention = Signal()

    def __init__(self, ctx: UiContext, submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterSettingsPage")
        self.ctx, self._submit = ctx, submit
        self._shown: dict[str, tuple[str, int | None]] | None = None
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)

        english = QGroupBox(self.tr("Letterhead in English"))
        v.addWidget(english)
        box = QVBoxLayout(english)
        box.addWidget(
            note(
                self.tr(
                    "Printed at the top of letters in English. Left empty, English letters show the Chinese "
                    "name and address of Settings › Company."
                )
            )
        )
        self.form = Form(QFormLayout())
        self.name_en = self.form.add("name_en", self.tr("Company name"), QLineEdit())
        self.name_en.setPlaceholderText(self.tr("e.g. Jinhui Jewellery Group HQ"))
        self.address_en = self.form.add("address_en", self.tr("Address"), QPlainTextEdit())
        self.address_en.setTabChangesFocus(True)
        self.address_en.setFixedHeight(self.address_en.fontMetrics().lineSpacing() * 2 + 14)
        box.addLayout(self.form.layout)

        remittance = QGroupBox(self.tr("Remittance details"))
        v.addWidget(remittance)
        box = QVBoxLayout(remittance)
        box.addWidget(
            note(
                self.tr(
                    "Printed on account statements and dunning letters: where the franchisee pays. Check "
                    "the account number twice."
                )
            )
        )
        self.bank_form = Form(QFormLayout())
        self.bank_name = self.bank_form.add("bank_name", self.tr("Bank"), QLineEdit())
        self.bank_name.setPlaceholderText(self.tr("e.g. ICBC Changsha Branch"))
        self.bank_account = self.bank_form.add("bank_account", self.tr("Account number"), QLineEdit())
        self.bank_holder = self.bank_form.add("bank_holder", self.tr("Account holder"), QLineEdit())
        self.bank_holder.setPlaceholderText(self.tr("Empty: the company's name"))
        box.addLayout(self.bank_form.layout)
        for name, edit in self._edits().items():
            if isinstance(edit, QLineEdit):
                edit.setMaxLength(LETTER_SETTING_LIMITS[name])

        self.message = note()
        self.message.setObjectName("letterSettingsMessage")
        self.message.hide()
        v.addWidget(self.message)
        v.addStretch(1)
        self._set_editable(False)
        self.load()

    def title(self) -> str:
        return self.tr("Letters")

    def _edits(self) -> dict[str, QLineEdit | QPlainTextEdit]:
        return {
            "name_en": self.name_en,
            "address_en": self.address_en,
            "bank_name": self.bank_name,
            "bank_account": self.bank_account,
            "bank_holder": self.bank_holder,
        }

    def _set_editable(self, editable: bool) -> None:
        for edit in self._edits().values():
            edit.setReadOnly(not editable)
            edit.style().unpolish(edit)
            edit.style().polish(edit)

    def load(self, text: str = "", style: str = NOTE_STYLE) -> None:
        self._say(self.tr("Loading…"), NOTE_STYLE)
        self._submit(
            self.ctx.services.letters.letter_settings,
            on_done=lambda values: self._loaded(values, text, style),
            on_error=self._load_failed,
        )

    def _load_failed(self, exc: BaseException) -> None:
        self._say("", NOTE_STYLE)
        show_error(self, exc)

    def _loaded(
        self, values: dict[str, tuple[str, int | None]], text: str = "", style: str = NOTE_STYLE
    ) -> None:
        self._shown = values
        self.form.clear_errors()
        self.bank_form.clear_errors()
        for name, edit in self._edits().items():
            value = values[name][0]
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(value)
            else:
                edit.setText(value)
        self._set_editable(True)
        self._say(text, style)

    def _say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def values(self) -> dict[str, str]:
        return {
            name: (edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()).strip()
            for name, edit in self._edits().items()
        }

    def _changes(self) -> dict[str, str]:
        if self._shown is None:
            return {}
        return {k: v for k, v in self.values().items() if v != self._shown[k][0].strip()}

    def changed(self) -> bool:
        return bool(self._changes())

    def apply(self, done: Done, failed: Done) -> None:
        changes = self._changes()
        if not changes:
            done()
            return
        versions = {k: self._shown[k][1] for k in changes}

        def saved(values) -> None:
            self._loaded(values)
            done()

        def refused(exc: BaseException) -> None:
            self.attention.emit()
            if isinstance(exc, ValidationError):
                rest = self.form.show_errors(exc.errors)
                rest = self.bank_form.show_errors(rest) if rest else rest
                if rest:
                    self._say(tr_error(ValidationError(rest)), ERROR_STYLE)
            elif isinstance(exc, ConflictError):
                self.load(
                    tr_error(exc)
                    + "\n"
                    + self.tr(
                        "The details below are the saved ones now; make your changes again if still needed."
                    ),
                    ERROR_STYLE,
                )
            else:
                show_error(self, exc)
            failed()

        self._submit(
            self.ctx.services.letters.save_letter_settings,
            self.ctx.actor,
            changes,
            versions,
            write=True,
            on_done=saved,
            on_error=refused,
        )


__all__ = ["LetterSettingsPage", "letters_page_allowed"]
