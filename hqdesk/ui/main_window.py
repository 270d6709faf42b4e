"""The thin shell: navigation bar, pages, menus, status bar. Features live in ui/views."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from hqdesk import __version__
from hqdesk.domain.roles import ROLE_LABELS
from hqdesk.ui.context import UiContext
from hqdesk.ui.i18n import tr_enum
from hqdesk.ui.settings import restore_geometry, save_geometry
from hqdesk.ui.tasks import show_write_waits


class MainWindow(QMainWindow):
    settings_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("hqdesk – franchisee relationships and credit"))
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget(central)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setStyleSheet(
            "QListWidget#navigation { background: #2c3e50; color: #ecf0f1; border: none; font-size: 14px; }"
            "QListWidget#navigation::item { padding: 10px 12px; }"
            "QListWidget#navigation::item:selected { background: #b8860b; color: white; }"
        )
        self.pages = QStackedWidget(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self._keys: list[str] = []
        self._build_menus()
        user = QLabel(
            self.tr("Signed in as {name} ({role})").format(
                name=ctx.actor.display_name, role=tr_enum(ROLE_LABELS[ctx.actor.role])
            )
        )
        user.setObjectName("signedInLabel")
        db = QLabel(ctx.services.database_label)
        db.setObjectName("databaseLabel")
        self.statusBar().addWidget(user)
        self.statusBar().addPermanentWidget(db)
        show_write_waits(ctx.runner, self.statusBar())
        if not restore_geometry(ctx.settings, "main", self):
            self.resize(1280, 800)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        settings = QAction(self.tr("&Settings…"), self)
        settings.setShortcut(QKeySequence("Ctrl+,"))  # Windows has no standard Preferences key
        settings.triggered.connect(self.settings_requested)
        file_menu.addAction(settings)
        sign_out = QAction(self.tr("Sign &out"), self)
        sign_out.triggered.connect(self.sign_out_requested)
        file_menu.addAction(sign_out)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # Windows has no standard Quit key either
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About hqdesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def add_page(self, key: str, title: str, widget: QWidget) -> None:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.addItem(item)
        self.pages.addWidget(widget)
        self._keys.append(key)
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def show_page(self, key: str) -> QWidget:
        index = self._keys.index(key)
        self.nav.setCurrentRow(index)
        return self.pages.widget(index)

    def page(self, key: str) -> QWidget:
        return self.pages.widget(self._keys.index(key))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About hqdesk"),
            self.tr(
                "hqdesk {version}\nFranchisee relationships and credit management for headquarters."
            ).format(version=__version__),
        )

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        for i in range(self.pages.count()):
            page = self.pages.widget(i)
            confirm = getattr(page, "confirm_close", None)
            if confirm is not None and not confirm():
                event.ignore()
                return
        save_geometry(self.ctx.settings, "main", self)
        super().closeEvent(event)
