"""Start-up of the GUI: settings -> database -> services -> sign-in -> MainWindow.

Called by the thin entry point ``hqdesk.app.main`` with its parsed arguments. Nothing happens at import
time. Opening the database (and upgrading it, and creating the demo data) runs in the background; the UI
thread only shows dialogs and windows.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QProgressDialog

from hqdesk import __version__
from hqdesk.resources import default_database_url, demo_database_url, resource_path, user_data_dir
from hqdesk.services.startup import StandInServices, read_start

if TYPE_CHECKING:
    from hqdesk.domain.roles import Actor
    from hqdesk.services.bootstrap import Services

log = logging.getLogger(__name__)

DEMO_FRANCHISEES = 300
DEMO_USER = "admin"
OPEN_BEHIND_LATEST_MS = (
    1500  # the services open behind the first page at the latest this long after the window
)
_started: float | None = None  # perf_counter at the process start (run() sets it): the log's stage times


def log_stage(name: str) -> None:
    """One "start-up: <stage> after <ms> ms" line (tests/perf/bench_launch.py prints their medians)."""
    if _started is not None:
        log.info("start-up: %s after %.0f ms", name, (time.perf_counter() - _started) * 1000)


def open_demo(url: str) -> tuple[Services, Actor]:
    """Open (creating on first use) the demo database, and the demo admin signed in; runs in a worker thread."""
    from hqdesk.services.bootstrap import open_services

    log_stage("database modules imported")
    services = open_services(url)
    log_stage("database schema checked")
    try:
        actor = services.users.actor(DEMO_USER)
        # a count and one row: whether the demo data is there (not every id and a page of rows, as search reads)
        if not services.franchisees.list_first(actor, _all(), page_size=1).total:
            raise LookupError
    except Exception:
        from hqdesk.services.demo import generate_demo

        gc.enable()  # a long job that makes garbage: collect as usual (collect_garbage_again follows)
        generate_demo(services.db, franchisees=DEMO_FRANCHISEES, years=5, seed=1)
        actor = services.users.actor(DEMO_USER)
    return services, actor


def open_normal(url: str, password: str | None, create: bool = False) -> tuple[Services, bool]:
    """Runs in a worker thread: SQLAlchemy and the models are imported there, while the UI thread
    builds the application (start-up budget: 1 s).

    ``create``: a SQLite file that does not exist is created (the default first-run database, or the user
    said so); otherwise it is refused with DatabaseMissing, and nothing is created.
    """
    from hqdesk.services.bootstrap import open_services, require_database

    log_stage("database modules imported")
    if not create:
        require_database(url)
    services = open_services(url, password=password)
    return services, services.users.has_users()


def fast_start_possible(url: str) -> bool:
    """Whether the first-page reader may be tried: the demo's SQLite file exists (the first start creates it
    through the services). Cheap: one stat on the UI thread."""
    path = url.split(":///", 1)[1] if url.startswith("sqlite:///") else ""
    return bool(path) and os.path.isfile(path)


def _all():
    from hqdesk.services.dto import SearchCriteria

    return SearchCriteria(include_archived=True)


def _import_database_modules() -> None:
    try:
        import hqdesk.services.bootstrap  # noqa: F401 - SQLAlchemy, the models, the services
    except Exception:  # the worker that opens the database imports it again and reports the error
        log.debug("prefetching the database modules failed", exc_info=True)


def prefetch_database_modules() -> threading.Thread:
    """Start importing SQLAlchemy, the models and the services in a thread at once, while the UI thread
    creates the application, the translators and the fonts. The worker that opens the database then finds them
    imported. The UI thread itself never imports them (hqdesk.ui.context names Services only for typing), so it
    does not wait on this thread's import locks."""
    global _prefetch
    if _prefetch is None:  # once: the normal path after a fast start that fell back asks again
        _prefetch = threading.Thread(target=_import_database_modules, name="hqdesk-prefetch", daemon=True)
        _prefetch.start()
    return _prefetch


_prefetch: threading.Thread | None = None


def warm_up_ui() -> None:
    """Import the main window's modules while the worker opens the database."""
    import hqdesk.ui.main_window  # noqa: F401
    import hqdesk.ui.views.franchisees  # noqa: F401


def register_fonts(app: QApplication) -> None:
    """Use Windows' Chinese UI font where there is one; elsewhere fall back to the bundled WQY Micro Hei."""
    families = [
        "Segoe UI",
        "Microsoft YaHei UI",
        "Microsoft YaHei",
        "PingFang SC",
        "Noto Sans CJK SC",
        "WenQuanYi Micro Hei",
    ]
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc")))
    font = QFont(app.font())
    font.setFamilies([f for f in families if f in set(QFontDatabase.families())] or [app.font().family()])
    app.setFont(font)


def collect_by_generation() -> int:
    """One check of Python's own collection rule, run on the GUI thread: collect a generation when its count
    has passed its threshold (the older ones only when theirs have too). Returns what was collected."""
    (t0, t1, t2), (c0, c1, c2) = gc.get_threshold(), gc.get_count()
    if c0 <= t0:
        return 0
    if c1 > t1:
        return gc.collect(2 if c2 > t2 else 1)
    return gc.collect(0)


class GuiThreadCollector(QObject):
    """Python's cyclic collector runs in whichever thread happens to allocate when a threshold is passed: in a
    worker of the task runner, a collection that frees a Qt object (a closure's widget, a dialog in a cycle)
    destroys it off the GUI thread and corrupts Qt's widget list (seen as a segmentation fault in
    ``QApplication.allWidgets()`` in a later test). So the GUI process keeps automatic collection off and this
    timer applies the same thresholds on the GUI thread (the scheme Anki's ``GarbageCollector`` uses)."""

    INTERVAL_MS = 1000

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(collect_by_generation)
        self.timer.start(self.INTERVAL_MS)


_collector: GuiThreadCollector | None = None


def collect_garbage_again() -> None:
    """The end of start-up's pause of the cyclic garbage collector (``hqdesk.app.main``): collect once, set the
    objects that survive (modules, classes, the window) aside for good (``gc.freeze``, so later collections
    do not walk them), and from now on collect on the GUI thread only (``GuiThreadCollector``). Idempotent."""
    global _collector
    if _collector is not None:
        return
    gc.disable()  # generating the demo data turned it on in its worker
    gc.collect()
    gc.freeze()
    app = QApplication.instance()
    if app is not None:
        _collector = GuiThreadCollector(app)
    else:  # no GUI (a test calling it directly): nothing can be destroyed on the wrong thread
        gc.enable()


def _without_password(url: str) -> str:
    """The URL as a prompt may show it: a password written in it (the one just refused) masked."""
    scheme, sep, rest = url.partition("://")
    netloc, slash, path = rest.partition("/")
    userinfo, at, host = netloc.rpartition("@")
    if at and ":" in userinfo:
        netloc = userinfo.split(":", 1)[0] + ":***@" + host
    return scheme + sep + netloc + slash + path


class AppController(QObject):
    """Walks the start-up steps and owns the main window. Passed around by nobody: no global app object."""

    def __init__(self, app: QApplication, settings, args: argparse.Namespace, started: float) -> None:
        super().__init__()
        from hqdesk.ui.tasks import TaskRunner

        self.app, self.settings, self.args, self.started = app, settings, args, started
        self.runner = TaskRunner(parent=self)
        self.services: Services | None = None
        self.window = None
        self.password: str | None = None
        self.progress: QProgressDialog | None = None
        self.create_confirmed = False  # the user chose to create the missing database file
        self.bound_login = False  # signed in by a personal PostgreSQL login: signing out ends the app
        # the demo's warm start: its first page read through the DB-API before SQLAlchemy loads (services.startup)
        self.fast_start = bool(args.demo) and fast_start_possible(self.url())
        self._opening_behind = False

    # ----- opening the database ---------------------------------------------------------------------
    def url(self) -> str:
        from hqdesk.ui.settings import DATABASE_URL

        if self.args.demo:
            return demo_database_url()
        return self.args.db or DATABASE_URL.get(self.settings) or default_database_url()

    def may_create(self) -> bool:
        """Create the SQLite file if it is missing? Yes for the default first-run database and once the user
        chose to; a path from ``--db`` or the settings is never created silently (it may be mistyped)."""
        from hqdesk.ui.settings import DATABASE_URL

        return self.create_confirmed or not (self.args.db or DATABASE_URL.get(self.settings))

    def _stage(self, name: str) -> None:
        log_stage(name)

    def start(self) -> None:
        self._stage("event loop running")
        if self.fast_start:
            self.fast_start = False  # once: a fallback or a retry takes the normal path
            self.runner.submit(
                read_start, self.url(), DEMO_USER, on_done=self._started_fast, on_error=self._start_normal
            )
            warm_up_ui()
            self._stage("window modules imported")
            return
        self._start_normal()

    def _started_fast(self, actor: Actor | None) -> None:
        """The demo's user and database as the first-page reader found them: the window at once, on a stand-in
        for the services (opened right after the first rows are painted: ``_first_list``). None: the database
        needs the services first (created, upgraded, demo data to generate)."""
        if actor is None:
            self._start_normal()
            return
        self._stage("first page readable")
        self.services = StandInServices(self.url(), self.password)
        self._signed_in(actor)
        # the services open once the first rows are painted (_first_list); should the first search not show
        # (the reader failed and the search waits for them), they open anyway
        QTimer.singleShot(OPEN_BEHIND_LATEST_MS, self._open_behind)

    def _start_normal(self, _exc: BaseException | None = None) -> None:
        prefetch_database_modules()
        url = self.url()
        self._busy(
            self.tr("Opening the database…")
            if not self.args.demo
            else self.tr("Opening the demo database (created on first use)…")
        )
        if self.args.demo:
            self.runner.submit(open_demo, url, write=True, on_done=self._opened, on_error=self._open_failed)
        else:
            self.runner.submit(
                open_normal,
                url,
                self.password,
                self.may_create(),
                write=True,
                on_done=self._opened,
                on_error=self._open_failed,
            )
        warm_up_ui()
        self._stage("window modules imported")

    def _busy(self, text: str | None) -> None:
        if text is None:
            if self.progress is not None:
                self.progress.close()
                self.progress = None
            return
        # shown only if opening takes longer than half a second (upgrades, first demo run)
        self.progress = QProgressDialog(text, "", 0, 0)
        self.progress.setCancelButton(None)
        self.progress.setWindowTitle("hqdesk")
        self.progress.setMinimumDuration(500)

    def _open_failed(self, exc: BaseException) -> None:
        from hqdesk.ui.errors import describe

        collect_garbage_again()  # start-up now waits for the user
        self._busy(None)
        report = describe(exc)
        from hqdesk.services.bootstrap import PasswordRefused  # loaded by the worker by now: no start-up cost

        if isinstance(exc, PasswordRefused):
            password, ok = QInputDialog.getText(
                None,
                self.tr("Database password"),
                self.tr("The database server asks for a password for {url}").format(
                    url=_without_password(self.url()).split("?")[0]
                ),
                QLineEdit.EchoMode.Password,
            )
            if ok and password:
                self.password = password
                self.start()
                return
        from hqdesk.services.errors import DatabaseMissing

        if isinstance(exc, DatabaseMissing):
            answer = self.ask_create_missing(report.text)
            if answer == "create":
                self.create_confirmed = True
                self.start()
            elif answer == "settings" and self._edit_settings(None):
                self.start()
            else:
                self.app.quit()
            return
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("hqdesk cannot open the database"), report.text)
        box.setDetailedText(report.details)  # the driver's words, behind "Show Details..."
        settings_button = box.addButton(self.tr("Database settings…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is settings_button and self._edit_settings(None):
            self.start()
        else:
            self.app.quit()

    def ask_create_missing(self, text: str) -> str:
        """The database file is missing: "create", "settings" or "quit" (tests replace this question)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("hqdesk cannot open the database"), text)
        box.setObjectName("missingDatabaseBox")
        create = box.addButton(self.tr("Create a new database there"), QMessageBox.ButtonRole.AcceptRole)
        settings_button = box.addButton(self.tr("Database settings…"), QMessageBox.ButtonRole.ActionRole)
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(settings_button)  # a mistyped path is likelier than a wish for an empty database
        box.setEscapeButton(quit_button)
        box.exec()
        return {create: "create", settings_button: "settings"}.get(box.clickedButton(), "quit")

    def _opened(self, result: tuple[Services, bool | Actor]) -> None:
        """``result``: the services, and whether the database has users (the demo: its admin, signed in)."""
        self._stage("database open")
        self._busy(None)
        self.services, has_users = result
        if self.args.demo:
            self._signed_in(has_users)
        elif not has_users:
            collect_garbage_again()  # start-up now waits for the user
            self._first_admin()
        else:
            self._sign_in_by_login()

    def _sign_in_by_login(self) -> None:
        """Connected with a personal PostgreSQL login, the connection has proved who the user is (one password
        per person): signed in as that login's user without asking again. Otherwise the sign-in dialog."""

        def found(actor) -> None:
            self.bound_login = actor is not None
            if actor is None:
                self._sign_in()
            else:
                self._signed_in(actor)

        def failed(exc: BaseException) -> None:
            log.info("no sign-in by the database login: %s", exc)
            self._sign_in()

        self.runner.submit(self.services.users.login_actor, on_done=found, on_error=failed)

    # ----- signing in -----------------------------------------------------------------------------------
    def _first_admin(self) -> None:
        from hqdesk.ui.dialogs.sign_in import FirstAdminDialog

        dialog = FirstAdminDialog(self.services.users, self.runner)
        if dialog.exec() and dialog.actor is not None:
            self._signed_in(dialog.actor)
        else:
            self.app.quit()

    def _sign_in(self) -> None:
        from hqdesk.ui.dialogs.sign_in import SignInDialog

        collect_garbage_again()  # start-up now waits for the user
        dialog = SignInDialog(self.services.users, self.runner, self.settings, self.services.database_label)
        if dialog.exec() and dialog.actor is not None:
            self._signed_in(dialog.actor)
        else:
            self.app.quit()

    def _signed_in(self, actor) -> None:
        from hqdesk.ui.context import ChangeBus, UiContext

        ctx = UiContext(self.services, actor, self.runner, ChangeBus(self), self.settings)
        self._open_window(ctx)
        log.info("signed in as %s (%s)", actor.username, actor.role)

    def _open_window(self, ctx, page: str | None = None) -> None:
        """The main window on ``ctx``; its pages come from the registry in hqdesk.ui.main_window, only the
        first one (the franchisee list) is built now."""
        from hqdesk.ui.main_window import MainWindow

        window = MainWindow(ctx)
        franchisees = window.page("franchisees")
        window.settings_requested.connect(lambda: self._edit_settings(ctx))
        window.sign_out_requested.connect(self._sign_out)
        if os.environ.get("HQDESK_EXIT_WHEN_READY") == "1":
            franchisees.loaded.connect(self._report_ready)
        self.window = window
        if page is not None and page in window.page_keys():
            window.show_page(page)
        window.show()
        self.app.setQuitOnLastWindowClosed(True)
        self._stage("main window shown")
        franchisees.loaded.connect(self._first_list, Qt.ConnectionType.SingleShotConnection)

    def _first_list(self, count: int) -> None:
        self._stage(f"franchisee list ready ({count})")
        QTimer.singleShot(0, collect_garbage_again)  # after the first rows are painted
        if isinstance(self.services, StandInServices) and not self.services.ready:
            QTimer.singleShot(0, self._open_behind)  # SQLAlchemy and the services, once the rows are painted
        if not self.args.demo:  # the demo database is made again on demand: nothing to keep
            QTimer.singleShot(2000, self._daily_backup)  # after start-up, in the background

    def _open_behind(self) -> None:
        """Open the real services behind the window shown on the stand-in; what waits for them goes on."""
        services = self.services
        if not isinstance(services, StandInServices) or services.ready or self._opening_behind:
            return
        self._opening_behind = True

        def opened(_real) -> None:
            self._stage("services open behind the first page")

        def failed(exc: BaseException) -> None:
            from hqdesk.ui.errors import show_error

            log.warning("opening the services behind the first page failed: %s", exc)
            show_error(self.window, exc)

        self.runner.submit(services.open, write=True, on_done=opened, on_error=failed)

    def _daily_backup(self) -> None:
        """Today's automatic backup of a SQLite database (kept BACKUP_KEEP_DAYS days in the data folder's
        backups/); nothing on PostgreSQL. A failure is logged, never shown: the user did not ask for it."""
        from hqdesk.ui.settings import BACKUP_KEEP_DAYS

        services = self.services
        if services is None or services.dialect != "sqlite":
            return
        keep = BACKUP_KEEP_DAYS.get(self.settings)

        def done(result) -> None:
            made, removed = result
            log.info(
                "daily backup: %s; %d old backup(s) removed", made or "already taken today", len(removed)
            )

        self.runner.submit(
            services.daily_backup,
            user_data_dir() / "backups",
            keep,
            on_done=done,
            on_error=lambda exc: log.warning("the daily backup failed: %s", exc),
        )

    def _report_ready(self, _count: int) -> None:
        elapsed = (time.perf_counter() - self.started) * 1000
        print(f"HQDESK_READY {elapsed:.0f}", flush=True)
        QTimer.singleShot(0, self.app.quit)

    def _sign_out(self) -> None:
        if self.window is None:
            return
        self.app.setQuitOnLastWindowClosed(False)
        if not self.window.close():  # unsaved edits and the user chose to stay
            self.app.setQuitOnLastWindowClosed(True)
            return
        self.window.deleteLater()
        self.window = None
        if self.args.demo or self.bound_login:  # the connection can only be this user: nobody else signs in
            self.app.quit()
        else:
            self._sign_in()

    def _edit_settings(self, ctx) -> bool:
        from hqdesk.ui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(ctx, self.settings, self.runner, self.window)
        accepted = bool(dialog.exec())
        if accepted and ctx is None and dialog.database.changed():
            self.args.db = None  # the database just chosen, not the --db that could not be opened
        if accepted and dialog.language_changed():
            self.apply_language(dialog.chosen_language())
        return accepted

    def apply_language(self, language: str) -> bool:
        """Switch the user interface to ``language`` now, without a restart: install its translators, forget the
        column widths measured for the other language, and rebuild the main window (every page is built anew in
        the new language; unsaved edits are asked about first). False if the user kept the window open, in
        which case it changes language at the next start."""
        from hqdesk.ui.i18n import install_translators
        from hqdesk.ui.settings import layout_for_language

        language = install_translators(self.app, language)
        old = self.window
        if old is None:  # before sign-in: the next dialogs are built in the new language
            layout_for_language(self.settings, language)
            return True
        page = old.current_page_key()
        self.app.setQuitOnLastWindowClosed(False)
        if not old.close():  # unsaved edits and the user chose to stay
            self.app.setQuitOnLastWindowClosed(True)
            QMessageBox.information(
                old,
                self.tr("Language"),
                self.tr("The window keeps its language until you open it again or restart hqdesk."),
            )
            return False
        layout_for_language(self.settings, language)  # after the close: the list saves its widths on hide
        self.window = None
        old.deleteLater()
        self._open_window(old.ctx, page)
        log.info("language switched to %s", language)
        return True

    def shutdown(self) -> None:
        self.runner.wait(10000)
        if self.services is not None:
            self.services.close()


def run(args: argparse.Namespace, started: float) -> int:
    """Build the application and run its event loop; the exit code."""
    global _started
    _started = started
    if not (args.demo and fast_start_possible(demo_database_url())):
        # the services are needed before the first screen (sign-in, a new or older database): start at once
        prefetch_database_modules()
    from hqdesk.ui.errors import install_excepthooks, setup_logging
    from hqdesk.ui.i18n import install_translators
    from hqdesk.ui.settings import LANGUAGE, layout_for_language, open_settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("hqdesk")
    app.setOrganizationName("hqdesk")
    app.setApplicationVersion(__version__)
    log_path = setup_logging()
    install_excepthooks()
    settings = open_settings()
    layout_for_language(settings, install_translators(app, args.lang or LANGUAGE.get(settings)))
    register_fonts(app)
    log.info("hqdesk %s starting; log file %s", __version__, log_path)
    log_stage("application, translators and fonts ready")
    controller = AppController(app, settings, args, started)
    # The progress and sign-in dialogs come and go before the main window exists: closing them must not
    # end the program (declining to sign in quits explicitly). From the main window on, closing it quits.
    app.setQuitOnLastWindowClosed(False)
    QTimer.singleShot(0, controller.start)
    try:
        code = app.exec()
    finally:
        collect_garbage_again()  # however start-up ended
    controller.shutdown()
    return code


__all__ = ["run", "AppController", "register_fonts", "DEMO_FRANCHISEES", "DEMO_USER"]
