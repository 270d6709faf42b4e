"""The settings dialog: a page per topic (Database, Language, and for administrators Company).

Every check and write runs through the task runner, so the dialog never freezes. OK goes through the pages in
order: each validates its fields, then applies what needs the database (the network-share and missing-file
checks, the letterhead with its conflict check, the staged tier changes), then the user's own settings are
stored and the database password goes to the keyring. A page that refuses shows why and OK stops there.
Cancel writes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hqdesk.services import bootstrap
from hqdesk.ui.context import UiContext
from hqdesk.ui.dialogs.settings.common import ERROR_STYLE, SettingsPage, note
from hqdesk.ui.dialogs.settings.company import CompanyPage, company_page_allowed
from hqdesk.ui.dialogs.settings.database import DatabasePage
from hqdesk.ui.dialogs.settings.language import LanguagePage
from hqdesk.ui.errors import show_error
from hqdesk.ui.tasks import Task, TaskRunner


class SettingsDialog(QDialog):
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
        self._saving = False

        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self.database = DatabasePage(ctx, settings, self._submit)
        self.language = LanguagePage(ctx is not None, settings)
        self.pages: list[SettingsPage] = [self.database, self.language]
        self.company: CompanyPage | None = None
        if company_page_allowed(ctx):
            self.company = CompanyPage(ctx, self._submit)
            self.pages.append(self.company)
        from hqdesk.ui.dialogs.settings.letters import LetterSettingsPage, letters_page_allowed

        self.letter_settings: LetterSettingsPage | None = None
        if letters_page_allowed(ctx):
            self.letter_settings = LetterSettingsPage(ctx, self._submit)
            self.pages.append(self.letter_settings)
        from hqdesk.ui.dialogs.settings.visits import VisitCadencePage, visits_page_allowed

        self.visit_cadences: VisitCadencePage | None = None
        if visits_page_allowed(ctx):
            self.visit_cadences = VisitCadencePage(ctx, self._submit)
            self.pages.append(self.visit_cadences)
        from hqdesk.ui.dialogs.settings.complaints import ComplaintSettingsPage, complaint_page_allowed

        self.complaints = ComplaintSettingsPage(ctx) if complaint_page_allowed(ctx) else None
        if self.complaints is not None:
            self.pages.append(self.complaints)
        for page in self.pages:
            # a small screen scrolls a tall page instead of pushing OK below its edge
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(page)
            self.tabs.addTab(scroll, page.title())
            attention = getattr(page, "attention", None)
            if attention is not None:
                attention.connect(lambda p=page: self.show_page(p))
        self.message = note(style=ERROR_STYLE)
        self.message.setObjectName("message")
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """As big as the tallest page wants (the scroll areas would otherwise make it small), but inside the
        screen's available area: a small screen scrolls the page, OK and Cancel stay visible."""
        width = max(page.sizeHint().width() for page in self.pages) + 60
        height = max(page.sizeHint().height() for page in self.pages) + 130
        screen = (self.parentWidget() or self).screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width() - 40)
            height = min(height, available.height() - 60)
        self.resize(max(width, self.minimumWidth()), height)

    @property
    def tiers_editor(self):
        return self.company.tiers_editor if self.company is not None else None

    def page_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def show_page(self, page: SettingsPage) -> None:
        self.tabs.setCurrentIndex(self.pages.index(page))

    def current_page(self) -> SettingsPage:
        return self.pages[self.tabs.currentIndex()]

    def language_changed(self) -> bool:
        """After OK: did the user choose another language (the caller applies it)?"""
        return self.language.changed()

    def chosen_language(self) -> str:
        return self.language.chosen()

    # ----- OK -----------------------------------------------------------------------------------------
    def save(self) -> None:
        """OK: every page that changed validates, applies and stores; the dialog closes when all is saved."""
        if self._saving:
            return
        self.message.hide()
        for page in self.pages:
            if page.changed() and not page.validate():
                self.show_page(page)
                return
        self._set_saving(True)
        self._apply_from(0)

    def _apply_from(self, i: int) -> None:
        if i == len(self.pages):
            self._store()
            return
        self.pages[i].apply(lambda: self._apply_from(i + 1), lambda: self._set_saving(False))

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not saving)
        self.tabs.setEnabled(not saving)
        self.setCursor(Qt.CursorShape.WaitCursor if saving else Qt.CursorShape.ArrowCursor)

    def _store(self) -> None:
        """Write the user's own settings; keep the database password in the keyring."""
        password = self.database.password() if self.database.changed() else None
        for page in self.pages:
            page.store(self.settings)
        self.settings.sync()
        if password:
            self._submit(
                bootstrap.remember_password,
                self.database.database_url(),
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
