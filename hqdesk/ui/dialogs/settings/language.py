"""Settings › Language: the user interface language, applied when OK is pressed (no restart)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from hqdesk.ui.dialogs.settings.common import SettingsPage, note
from hqdesk.ui.i18n import LANGUAGES, system_language
from hqdesk.ui.settings import LANGUAGE


class LanguagePage(SettingsPage):
    def __init__(self, signed_in: bool, settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languagePage")
        self.settings = settings
        v = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)  # each language in its own words: not translated
        form.addRow(self.tr("Language of the user interface"), self.language_combo)
        v.addLayout(form)
        if signed_in:
            text = self.tr(
                "The new language is applied when you press OK: the main window opens again in it "
                "(column widths are fitted to the new language). Unsaved changes are asked about first."
            )
        else:
            text = self.tr("The new language is applied when you press OK.")
        self.language_note = note(text)
        self.language_note.setObjectName("languageNote")
        v.addWidget(self.language_note)
        v.addStretch(1)
        self.load()

    def title(self) -> str:
        return self.tr("Language")

    def load(self) -> None:
        initial = LANGUAGE.get(self.settings)
        current = initial if initial in LANGUAGES else system_language()
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(current), 0))
        self._shown_language = current

    def chosen(self) -> str:
        return self.language_combo.currentData()

    def changed(self) -> bool:
        return self.chosen() != self._shown_language

    def store(self, settings) -> None:
        if self.changed():
            LANGUAGE.set(settings, self.chosen())
