"""The main window: pages built when first shown, the window sized to the screen, the language switched
without a restart, and a mistyped database path that is not turned into a new database."""

from __future__ import annotations

import argparse
import sys

import pytest
from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QStatusBar

from hqdesk.ui.main_window import PAGES, MainWindow
from hqdesk.ui.settings import (
    FRAME_ALLOWANCE,
    LANGUAGE_DEPENDENT_KEYS,
    choose_geometry,
    first_geometry,
    fits_a_screen,
    place_window,
)


def _window(qtbot, ctx, **kwargs) -> MainWindow:
    window = MainWindow(ctx, **kwargs)
    qtbot.addWidget(window)
    return window


# ----- pages built lazily ----------------------------------------------------------------------------------
def test_users_page_is_not_built_until_shown(qtbot, make_ctx, ui_users):
    """Before, every page was built with the window (the users view, and later charts, at start-up)."""
    from hqdesk.ui.views.users import UsersView

    window = _window(qtbot, make_ctx(ui_users["admin"]))
    assert window.page_keys() == [
        "franchisees",
        "home",
        "agenda",
        "visits",
        "complaints",
        "aging",
        "dunning",
        "credit_policy",
        "simulator",
        "users",
        "sales_analytics",
        "receivables_analytics",
        "relationship_analytics",
        "health_analytics",
        "letters",
        "reports",
    ]
    assert window.is_built("franchisees") and not any(window.is_built(k) for k in window.page_keys()[1:])
    assert window.findChildren(UsersView) == []


def test_a_page_is_built_on_first_show_and_only_once(qtbot, make_ctx, ui_users):
    from hqdesk.ui.main_window import PageSpec

    built = []

    def factory(ctx):
        built.append(ctx)
        return QLabel("charts")

    pages = (PAGES[0], PageSpec("charts", "Charts", factory))
    window = _window(qtbot, make_ctx(ui_users["admin"]), pages=pages)
    announced = []
    window.page_built.connect(lambda key, widget: announced.append(key))
    assert built == [] and not window.is_built("charts")
    window.nav.setCurrentRow(1)
    assert len(built) == 1 and announced == ["charts"]
    assert window.pages.currentWidget().text() == "charts"
    window.nav.setCurrentRow(0)
    window.show_page("charts")
    assert len(built) == 1


def test_pages_follow_the_role(qtbot, make_ctx, ui_users):
    keys = _window(qtbot, make_ctx(ui_users["zhang"])).page_keys()
    # an account manager: no administrators' pages; dunning for their own franchisees' calls and visits
    assert keys == [
        "franchisees",
        "home",
        "agenda",
        "visits",
        "complaints",
        "aging",
        "dunning",
        "credit_policy",
        "simulator",
        "sales_analytics",
        "receivables_analytics",
        "relationship_analytics",
        "health_analytics",
        "letters",
        "reports",
    ]


def test_page_registry_factories_import_their_modules_themselves():
    """A page's module is imported by its factory, not by hqdesk.ui.main_window."""
    import importlib
    import subprocess

    code = (
        "import sys, hqdesk.ui.main_window as m; "
        "print(any(v in sys.modules for v in ('hqdesk.ui.views.users', 'hqdesk.ui.views.visits', "
        "'hqdesk.ui.views.complaints', 'hqdesk.ui.views.aging', 'hqdesk.ui.views.simulator', 'pyqtgraph', "
        "'hqdesk.ui.views.reports')), "
        "[p.key for p in m.PAGES])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == (
        "False ['franchisees', 'home', 'agenda', 'visits', 'complaints', 'aging', 'dunning', 'credit_policy', "
        "'simulator', 'users', 'sales_analytics', 'receivables_analytics', 'relationship_analytics', "
        "'health_analytics', 'letters', 'reports']"
    )
    assert importlib.import_module("hqdesk.ui.main_window").PAGES is PAGES


# ----- the window and the screen ---------------------------------------------------------------------------
SCREENS = {
    "1280x720": QRect(0, 0, 1280, 720),
    "1366x768 with a 40 px taskbar": QRect(0, 0, 1366, 728),
    "1920x1080 at 150 % (logical)": QRect(0, 0, 1280, 680),
    "1440x900": QRect(0, 0, 1440, 860),
}


@pytest.mark.parametrize("name", list(SCREENS))
def test_first_window_fits_the_available_screen(name):
    available = SCREENS[name]
    rect = first_geometry(available)
    assert available.contains(rect.marginsAdded(FRAME_ALLOWANCE)), (name, rect)
    assert rect.width() >= 1100 and rect.height() >= 600  # uses the room there is


def test_first_window_on_a_big_screen_is_centred_at_its_preferred_size():
    rect = first_geometry(QRect(0, 0, 2560, 1400))
    assert (rect.width(), rect.height()) == (1440, 900)
    assert rect.center().x() in range(1275, 1285)


def test_saved_geometry_from_a_monitor_that_is_gone_is_not_restored():
    big = QRect(1960, 40, 1900, 1150)  # on a second monitor, since unplugged
    laptop = QRect(0, 0, 1366, 728)
    assert fits_a_screen(big, [laptop, QRect(1920, 0, 2560, 1400)])
    rect, restored = choose_geometry(big, [laptop], laptop)
    assert not restored and laptop.contains(rect.marginsAdded(FRAME_ALLOWANCE))
    too_tall = QRect(10, 10, 1300, 1000)  # from a bigger screen at the same place
    assert choose_geometry(too_tall, [laptop], laptop)[1] is False
    fits = QRect(100, 80, 1000, 560)
    assert choose_geometry(fits, [laptop], laptop) == (fits, True)


@pytest.mark.parametrize(
    "name", ["1280x720", "1366x768 with a 40 px taskbar", "1920x1080 at 150 % (logical)"]
)
def test_main_window_with_its_status_bar_fits_a_small_screen(
    qtbot, make_ctx, ui_users, sample_franchisees, name
):
    """Before, the window asked for 1280x800 whatever the screen: on 1280x720 the status bar was off-screen."""
    available = SCREENS[name]
    ctx = make_ctx(ui_users["admin"])
    window = _window(qtbot, ctx, place=False)
    place_window(ctx.settings, "main", window, [available], available)
    window.show()
    qtbot.waitExposed(window)
    outer = window.geometry().marginsAdded(FRAME_ALLOWANCE)
    assert available.contains(outer), (window.geometry(), available)
    assert window.minimumSizeHint().height() <= window.height()  # the layout does not push it bigger
    status = window.findChild(QStatusBar)
    bottom = status.mapTo(window, status.rect().bottomLeft()).y()
    assert status.isVisible() and bottom <= window.height()


def test_saved_geometry_is_restored_when_it_fits(qtbot, make_ctx, ui_users):
    ctx = make_ctx(ui_users["admin"])
    screen = QRect(0, 0, 1920, 1040)
    window = _window(qtbot, ctx, place=False)
    window.setGeometry(QRect(200, 150, 1100, 700))
    window.close()  # saves
    again = _window(qtbot, ctx, place=False)
    assert place_window(ctx.settings, "main", again, [screen], screen)
    assert again.geometry() == QRect(200, 150, 1100, 700)
    assert not place_window(ctx.settings, "main", again, [QRect(0, 0, 1024, 700)], QRect(0, 0, 1024, 700))


# ----- language --------------------------------------------------------------------------------------------
@pytest.fixture
def controller(qapp, ui_services):
    from hqdesk.ui.settings import open_settings
    from hqdesk.ui.startup import AppController
    from hqdesk.ui.tasks import InlineTaskRunner

    args = argparse.Namespace(demo=False, db=None, lang=None)
    ctl = AppController(qapp, open_settings(), args, 0.0)
    ctl.runner = InlineTaskRunner()
    ctl.services = ui_services
    yield ctl
    if ctl.window is not None:
        ctl.window.close()
        ctl.window.deleteLater()
    _delete_now(qapp)
    qapp.setQuitOnLastWindowClosed(False)


def _delete_now(qapp) -> None:
    """Windows the controller replaced or closed go now, while the controller and the services are alive."""
    from PySide6.QtCore import QEvent

    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_language_is_applied_without_a_restart(qtbot, controller, ui_users, sample_franchisees):
    """Before, the new language waited for the next start, and the list then kept column widths measured for
    the other language."""
    from hqdesk.ui.settings import LAYOUT_LANGUAGE

    LAYOUT_LANGUAGE.set(controller.settings, "en")
    controller._signed_in(ui_users["admin"])
    old = controller.window
    qtbot.waitUntil(lambda: old.page("franchisees").model.rowCount() == 3)
    assert old.menuBar().actions()[0].text() == "&File"
    controller.settings.setValue("franchisees/header", QByteArray(b"widths for English"))
    assert controller.apply_language("zh_CN")
    new = controller.window
    assert new is not old
    assert new.menuBar().actions()[0].text() != "&File"  # 文件
    assert new.nav.item(0).text() == "加盟商"
    assert not new.findChild(QLabel, "signedInLabel").text().startswith("Signed in as")
    header = new.page("franchisees").table.model().headerData(1, Qt.Orientation.Horizontal)
    assert header and not header.isascii()  # the list's columns in Chinese
    saved = controller.settings.value(LANGUAGE_DEPENDENT_KEYS[0])
    assert saved is None or saved != QByteArray(b"widths for English")


def test_layout_measured_in_another_language_is_forgotten_at_start(qapp):
    """``--lang`` for one run, or a language set while hqdesk was closed: the widths were measured in the other."""
    from hqdesk.ui.settings import layout_for_language, open_settings

    settings = open_settings()
    assert not layout_for_language(settings, "en")
    settings.setValue(LANGUAGE_DEPENDENT_KEYS[0], QByteArray(b"English widths"))
    assert not layout_for_language(settings, "en")
    assert settings.value(LANGUAGE_DEPENDENT_KEYS[0]) == QByteArray(b"English widths")
    assert layout_for_language(settings, "zh_CN")
    assert settings.value(LANGUAGE_DEPENDENT_KEYS[0]) is None


def test_language_switch_keeps_the_window_when_the_user_keeps_unsaved_edits(
    qtbot, controller, ui_users, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    controller._signed_in(ui_users["admin"])
    old = controller.window
    monkeypatch.setattr(old, "confirm_close", lambda: False)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: shown.append(a[2])))
    assert not controller.apply_language("zh_CN")
    assert controller.window is old and old.isVisible()
    assert len(shown) == 1 and "重新启动 hqdesk" in shown[0]  # in the language just chosen


# ----- a mistyped --db path ----------------------------------------------------------------------------------
def test_mistyped_db_path_is_not_created_and_the_user_is_asked(qtbot, qapp, tmp_path, monkeypatch):
    """Before, ``hqdesk --db sqlite:///mistyped/path.sqlite3`` created the folder and a new, empty database."""
    from hqdesk.ui.settings import open_settings
    from hqdesk.ui.startup import AppController
    from hqdesk.ui.tasks import InlineTaskRunner

    folder = tmp_path / "mistyped"
    url = "sqlite:///" + (folder / "path.sqlite3").as_posix()
    ctl = AppController(qapp, open_settings(), argparse.Namespace(demo=False, db=url, lang=None), 0.0)
    ctl.runner = InlineTaskRunner()
    asked = []
    quits = []
    monkeypatch.setattr(ctl, "ask_create_missing", lambda text: asked.append(text) or "quit")
    monkeypatch.setattr(qapp, "quit", lambda: quits.append(1))
    ctl.start()
    assert len(asked) == 1 and "There is no database file at" in asked[0] and str(folder) in asked[0]
    assert quits == [1]
    assert not folder.exists()
    # choosing "Create" creates it and goes on to the first administrator
    first_admin = []
    monkeypatch.setattr(ctl, "ask_create_missing", lambda text: "create")
    monkeypatch.setattr(ctl, "_first_admin", lambda: first_admin.append(1))
    ctl.start()
    assert (folder / "path.sqlite3").exists() and first_admin == [1]
    _delete_now(qapp)
    ctl.shutdown()


def test_default_first_run_database_is_still_created(qtbot, qapp, monkeypatch):
    from hqdesk.resources import user_data_dir
    from hqdesk.ui.settings import open_settings
    from hqdesk.ui.startup import AppController
    from hqdesk.ui.tasks import InlineTaskRunner

    ctl = AppController(qapp, open_settings(), argparse.Namespace(demo=False, db=None, lang=None), 0.0)
    ctl.runner = InlineTaskRunner()
    monkeypatch.setattr(ctl, "ask_create_missing", lambda text: pytest.fail("asked for the default database"))
    first_admin = []
    monkeypatch.setattr(ctl, "_first_admin", lambda: first_admin.append(1))
    monkeypatch.delenv("HQDESK_DB", raising=False)
    ctl.start()
    assert (user_data_dir() / "hqdesk.sqlite3").exists() and first_admin == [1]
    _delete_now(qapp)
    ctl.shutdown()
    assert QApplication.instance() is qapp


def test_database_chosen_in_settings_replaces_a_mistyped_db_argument(
    qtbot, qapp, tmp_path, monkeypatch, ui_services
):
    """After "Database settings…" the database chosen there is opened, not the --db that was missing."""
    import hqdesk.ui.dialogs.settings as settings_package
    from hqdesk.ui.settings import DATABASE_URL, open_settings
    from hqdesk.ui.startup import AppController
    from hqdesk.ui.tasks import InlineTaskRunner

    existing = "sqlite:///" + (tmp_path / "ui.sqlite3").as_posix()  # ui_services' database
    mistyped = "sqlite:///" + (tmp_path / "mistyped" / "x.sqlite3").as_posix()

    class ChoosingDialog:
        def __init__(self, ctx, settings, runner, parent):
            self.settings = settings
            self.database = self

        def exec(self):
            DATABASE_URL.set(self.settings, existing)
            return 1

        def changed(self):
            return True

        def language_changed(self):
            return False

    monkeypatch.setattr(settings_package, "SettingsDialog", ChoosingDialog)
    ctl = AppController(qapp, open_settings(), argparse.Namespace(demo=False, db=mistyped, lang=None), 0.0)
    ctl.runner = InlineTaskRunner()
    monkeypatch.setattr(ctl, "ask_create_missing", lambda text: "settings")
    first_admin = []
    monkeypatch.setattr(ctl, "_first_admin", lambda: first_admin.append(ctl.url()))
    ctl.start()
    assert first_admin == [existing]
    assert not (tmp_path / "mistyped").exists()
    _delete_now(qapp)
    ctl.shutdown()
