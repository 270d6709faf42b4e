"""The thin shell: navigation bar, pages, menus, status bar. Features live in ui/views.

Pages come from a registry (``PAGES``: key, title, icon, who sees it, a factory). Only the first page is built
with the window; every other page is built the first time it is shown, so that a page's heavy imports
(pyqtgraph for charts, ReportLab for letters) cost nothing at start-up. Adding a page is one ``PageSpec``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QWidget,
)

from hqdesk import __version__
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import ROLE_LABELS, Action
from hqdesk.ui.context import UiContext
from hqdesk.ui.i18n import tr_enum
from hqdesk.ui.settings import place_window, save_window
from hqdesk.ui.tasks import show_write_waits

PAGES_CONTEXT = "Pages"


def _franchisees_page(ctx: UiContext) -> QWidget:
    from hqdesk.ui.views.franchisees import FranchiseesView

    return FranchiseesView(ctx)


def _complaints_page(ctx: UiContext) -> QWidget:
    from hqdesk.ui.views.complaints import ComplaintsView

    return ComplaintsView(ctx)


def _users_page(ctx: UiContext) -> QWidget:
    from hqdesk.ui.views.users import UsersView

    return UsersView(ctx)


def _visits_page(ctx: UiContext) -> QWidget:
    from hqdesk.ui.views.visits import VisitsView

    return VisitsView(ctx)


def _agenda_page(ctx: UiContext) -> QWidget:
    from hqdesk.ui.views.agenda import AgendaView

    return AgendaView(ctx)


def _home_page(ctx: UiContext) -> QWidget:
    from hqdesk.ui.views.home import HomeView

    return HomeView(ctx)


def _credit_policy_page(ctx: UiContext) -> QWidget:
    from hqdesk.ui.views.credit_policy import CreditPolicyView

    return CreditPolicyView(ctx)


def _dunning_page(ctx: UiContext) -> QWidget:
    from hqdesk.ui.views.dunning import DunningView

    return DunningView(ctx)


def _aging_page(ctx: UiContext) -> QWidget:
    from hqdesk.ui.views.aging import AgingView

    return AgingView(ctx)


def _simulator_page(ctx: UiContext) -> QWidget:
    from hqdesk.ui.views.simulator import SimulatorView

    return SimulatorView(ctx)


def _sales_analytics_page(ctx: UiContext) -> QWidget:
    from hqdesk.ui.views.analytics_sales import SalesAnalyticsView

    return SalesAnalyticsView(ctx)


def _receivables_analytics_page(ctx: UiContext) -> QWidget:
    from hqdesk.ui.views.analytics_receivables import ReceivablesAnalyticsView

    return ReceivablesAnalyticsView(ctx)


def _relationship_analytics_page(ctx: UiContext) -> QWidget:
    from hqdesk.ui.views.analytics_relationship import RelationshipAnalyticsView

    return RelationshipAnalyticsView(ctx)


def _health_analytics_page(ctx: UiContext) -> QWidget:
    from hqdesk.ui.views.analytics_health import HealthAnalyticsView

    return HealthAnalyticsView(ctx)


def _letters_page(ctx: UiContext) -> QWidget:
    from hqdesk.ui.views.letters import LettersPage

    return LettersPage(ctx)


def _reports_page(ctx: UiContext) -> QWidget:
    from hqdesk.ui.views.reports import ReportsView  # imported when first shown

    return ReportsView(ctx)


@dataclass(frozen=True)
class PageSpec:
    """One page of the main window.

    ``title``: English source, translated in the context "Pages" when shown (QT_TRANSLATE_NOOP it).
    ``factory``: builds the page's widget from the context; it imports the page's module itself, so nothing
    of the page is loaded before it is first shown. ``visible``: who gets the page (None: everybody).
    ``icon``: a QStyle standard pixmap.
    """

    key: str
    title: str
    factory: Callable[[UiContext], QWidget]
    icon: QStyle.StandardPixmap | None = None
    visible: Callable[[UiContext], bool] | None = None


PAGES: tuple[PageSpec, ...] = (
    # the order of the navigation: the franchisee list first (the page shown at start), then the day's work,
    # relationship, credit, and the administrators' pages last
    PageSpec(
        "franchisees",
        QT_TRANSLATE_NOOP("Pages", "Franchisees"),
        _franchisees_page,
        QStyle.StandardPixmap.SP_FileDialogDetailedView,
    ),
    PageSpec("home", QT_TRANSLATE_NOOP("Pages", "Today"), _home_page, QStyle.StandardPixmap.SP_DesktopIcon),
    PageSpec(
        "agenda",
        QT_TRANSLATE_NOOP("Pages", "Agenda"),
        _agenda_page,
        QStyle.StandardPixmap.SP_FileDialogListView,
    ),
    PageSpec(
        "visits",
        QT_TRANSLATE_NOOP("Pages", "Visits"),
        _visits_page,
        QStyle.StandardPixmap.SP_DialogYesButton,
    ),
    PageSpec(
        "complaints",
        QT_TRANSLATE_NOOP("Pages", "Complaints"),
        _complaints_page,
        QStyle.StandardPixmap.SP_MessageBoxWarning,
    ),
    PageSpec(
        "aging", QT_TRANSLATE_NOOP("Pages", "Aging"), _aging_page, QStyle.StandardPixmap.SP_FileDialogListView
    ),
    PageSpec(
        "dunning",
        QT_TRANSLATE_NOOP("Pages", "Dunning"),
        _dunning_page,
        QStyle.StandardPixmap.SP_MessageBoxCritical,
        lambda ctx: ctx.can(Action.RUN_DUNNING) or ctx.can(Action.WORK_DUNNING, ctx.actor.user_id),
    ),
    PageSpec(
        "credit_policy",
        QT_TRANSLATE_NOOP("Pages", "Credit policy"),
        _credit_policy_page,
        QStyle.StandardPixmap.SP_FileDialogInfoView,
    ),
    PageSpec(
        "simulator",
        QT_TRANSLATE_NOOP("Pages", "Credit policy simulator"),
        _simulator_page,
        QStyle.StandardPixmap.SP_FileDialogContentsView,
    ),
    PageSpec(
        "users",
        QT_TRANSLATE_NOOP("Pages", "Users"),
        _users_page,
        QStyle.StandardPixmap.SP_DirHomeIcon,
        lambda ctx: ctx.can(Action.MANAGE_USERS),
    ),
    PageSpec(
        "sales_analytics",
        QT_TRANSLATE_NOOP("Pages", "Sales"),
        _sales_analytics_page,
        QStyle.StandardPixmap.SP_ArrowUp,
    ),
    PageSpec(
        "receivables_analytics",
        QT_TRANSLATE_NOOP("Pages", "Receivables"),
        _receivables_analytics_page,
        QStyle.StandardPixmap.SP_DriveHDIcon,
    ),
    PageSpec(
        "relationship_analytics",
        QT_TRANSLATE_NOOP("Pages", "Relationship"),
        _relationship_analytics_page,
        QStyle.StandardPixmap.SP_DialogHelpButton,
    ),
    PageSpec(
        "health_analytics",
        QT_TRANSLATE_NOOP("Pages", "Health"),
        _health_analytics_page,
        QStyle.StandardPixmap.SP_DialogApplyButton,
    ),
    PageSpec(
        "letters",
        QT_TRANSLATE_NOOP("Pages", "Letters"),
        _letters_page,
        QStyle.StandardPixmap.SP_FileDialogNewFolder,
    ),
    PageSpec(
        "reports",
        QT_TRANSLATE_NOOP("Pages", "Reports"),
        _reports_page,
        QStyle.StandardPixmap.SP_FileDialogDetailedView,
    ),
)


class MainWindow(QMainWindow):
    settings_requested = Signal()
    sign_out_requested = Signal()
    page_built = Signal(str, QWidget)  # key, widget: the first time a page is shown

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        pages: tuple[PageSpec, ...] | None = PAGES,
        place: bool = True,
    ) -> None:
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
        self._keys: list[str] = []
        self._specs: dict[str, PageSpec] = {}
        self._built: dict[str, QWidget] = {}
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
        show_write_waits(ctx.runner, self.statusBar())  # a save waiting for another user's change says so
        for spec in pages or ():
            if spec.visible is None or spec.visible(ctx):
                self.register_page(spec)
        self.nav.currentRowChanged.connect(self._current_changed)
        if self._keys:
            self.nav.setCurrentRow(0)  # builds the first page, only that one
        if place:
            place_window(ctx.settings, "main", self)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        settings = QAction(self.tr("&Settings…"), self)
        settings.setShortcut(QKeySequence("Ctrl+,"))  # Windows has no standard Preferences key
        settings.triggered.connect(self.settings_requested)
        file_menu.addAction(settings)
        password = QAction(self.tr("Change my &password…"), self)
        password.setObjectName("changePasswordAction")
        password.triggered.connect(self._change_password)
        file_menu.addAction(password)
        sign_out = QAction(self.tr("Sign &out"), self)
        sign_out.triggered.connect(self.sign_out_requested)
        file_menu.addAction(sign_out)
        file_menu.addSeparator()
        import_action = QAction(self.tr("&Import franchisees, contacts or stores…"), self)
        import_action.setObjectName("importAction")
        if not self.ctx.can(Action.IMPORT_FRANCHISEES):  # the importers refuse it too
            import_action.setEnabled(False)
            import_action.setToolTip(self.tr("Your role may not import; ask an administrator."))
            import_action.setStatusTip(import_action.toolTip())
        import_action.triggered.connect(self._import)
        file_menu.addAction(import_action)
        file_menu.setToolTipsVisible(True)
        if self.ctx.services.dialect == "sqlite":  # a server's database is backed up on the server (pg_dump)
            backup = QAction(self.tr("&Back up the database…"), self)
            backup.setObjectName("backupAction")
            backup.triggered.connect(self._back_up)
            file_menu.addAction(backup)
            file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # Windows has no standard Quit key either
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About hqdesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _import(self) -> None:
        from hqdesk.ui.views.import_wizard import open_import_wizard

        open_import_wizard(self.ctx, self)

    def _back_up(self) -> None:
        from hqdesk.ui.backup import back_up_now

        back_up_now(self.ctx, self)

    def _change_password(self) -> None:
        from hqdesk.ui.dialogs.change_password import ChangePasswordDialog

        ChangePasswordDialog(self.ctx, self).exec()

    # ----- pages ------------------------------------------------------------------------------------------
    def register_page(self, spec: PageSpec) -> None:
        """Add a navigation entry for ``spec``; its widget is built when the page is first shown."""
        item = QListWidgetItem(QCoreApplication.translate(PAGES_CONTEXT, spec.title))
        item.setData(Qt.ItemDataRole.UserRole, spec.key)
        if spec.icon is not None:
            item.setIcon(self.style().standardIcon(spec.icon))
        self.nav.addItem(item)
        placeholder = QWidget()
        placeholder.setObjectName(f"{spec.key}Placeholder")
        self.pages.addWidget(placeholder)
        self._keys.append(spec.key)
        self._specs[spec.key] = spec

    def add_page(self, key: str, title: str, widget: QWidget) -> None:
        """A page built already (tests, tools); ``title`` is shown as given."""
        self.register_page(PageSpec(key, title, lambda _ctx: widget))
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)

    def _current_changed(self, row: int) -> None:
        if row < 0:
            return
        self._build(self._keys[row])
        self.pages.setCurrentIndex(row)

    def _build(self, key: str) -> QWidget:
        widget = self._built.get(key)
        if widget is not None:
            return widget
        index = self._keys.index(key)
        widget = self._specs[key].factory(self.ctx)
        placeholder = self.pages.widget(index)
        self.pages.insertWidget(index, widget)
        self.pages.removeWidget(placeholder)
        placeholder.deleteLater()
        self._built[key] = widget
        self.page_built.emit(key, widget)
        return widget

    def page_keys(self) -> list[str]:
        return list(self._keys)

    def is_built(self, key: str) -> bool:
        return key in self._built

    def current_page_key(self) -> str | None:
        row = self.nav.currentRow()
        return self._keys[row] if row >= 0 else None

    def show_page(self, key: str) -> QWidget:
        self.nav.setCurrentRow(self._keys.index(key))
        return self._built[key]

    def page(self, key: str) -> QWidget:
        """The page's widget, built now if it was not yet (without showing it)."""
        return self._build(key)

    def built_pages(self) -> list[QWidget]:
        return [self._built[k] for k in self._keys if k in self._built]

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About hqdesk"),
            self.tr(
                "hqdesk {version}\nFranchisee relationships and credit management for headquarters."
            ).format(version=__version__),
        )

    def confirm_close(self) -> bool:
        """Ask each built page whether it may close (unsaved edits); False if one says no."""
        for page in self.built_pages():
            confirm = getattr(page, "confirm_close", None)
            if confirm is not None and not confirm():
                return False
        return True

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not self.confirm_close():
            event.ignore()
            return
        save_window(self.ctx.settings, "main", self)
        super().closeEvent(event)


__all__ = ["MainWindow", "PageSpec", "PAGES"]
