"""A save waiting for SQLite's write lock (another desk holds a write transaction on the same file) says so in
the status bar with a Cancel button. Cancel abandons the save: nothing is written, the edits stay in the form.
When the wait gives up, the message names the cause in words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QPushButton

from hqdesk.persistence.database import Database
from hqdesk.persistence.models import CompanyProfile
from hqdesk.ui.context import ChangeBus, UiContext
from hqdesk.ui.settings import open_settings
from hqdesk.ui.tasks import TaskRunner, show_write_waits
from hqdesk.ui.views.profile import ProfileEditor
from tests.ui.pages import ProfilePage


@pytest.fixture
def desk(qtbot, ui_services, ui_users, sample_franchisees):
    """A window with the status bar's wait notice and a profile editor on a threaded runner, and a second
    connection to the same SQLite file (another user's desk)."""
    window = QMainWindow()
    qtbot.addWidget(window)
    runner = TaskRunner(parent=window)
    runner.WRITE_WAIT_NOTICE_MS = 200
    show_write_waits(runner, window.statusBar())
    ctx = UiContext(ui_services, ui_users["zhang"], runner, ChangeBus(), open_settings())
    editor = ProfileEditor(ctx)
    window.setCentralWidget(editor)
    window.resize(1100, 760)
    window.show()
    f = sample_franchisees[0]
    editor.load(f.id)
    page = ProfilePage(editor, qtbot)
    qtbot.waitUntil(lambda: page.code() == f.data.code and not page.is_read_only(), timeout=5000)
    other = Database.open(ui_services.db.engine.url.render_as_string(hide_password=False))
    yield window, runner, page, f, other
    runner.wait(10000)
    other.close()


def _cancel_button(window) -> QPushButton:
    return window.statusBar().findChild(QPushButton, "cancelWaitingSave")


def test_cancel_abandons_a_save_that_waits_for_another_users_change(qtbot, desk, ui_services, ui_users):
    window, runner, page, f, other = desk
    page.fill("city", "宁波")
    with other.write("li") as held:
        held.get(CompanyProfile, 1).name = "another desk's long change"
        held.flush()  # BEGIN IMMEDIATE: the file's write lock is the other desk's until it commits
        page.save()
        qtbot.waitUntil(lambda: _cancel_button(window).isVisible(), timeout=5000)
        assert "waiting for another user's change" in window.statusBar().currentMessage()
        qtbot.mouseClick(_cancel_button(window), Qt.MouseButton.LeftButton)
        # the save stops waiting at once, well before the busy timeout (10 s), with the other lock still held
        qtbot.waitUntil(lambda: "cancelled" in page.message(), timeout=3000)
        assert not _cancel_button(window).isVisible() and window.statusBar().currentMessage() == ""
        held.commit()
    assert "Nothing was saved" in page.message()
    assert page.is_dirty() and page.text("city") == "宁波"  # the edits stay in the form
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.city != "宁波"  # nothing half written
    # saved again once the other desk is done: it goes through
    with qtbot.waitSignal(page.editor.saved, timeout=5000):
        page.save()
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.city == "宁波"


@pytest.fixture
def short_busy(monkeypatch):
    monkeypatch.setenv("HQDESK_DB_BUSY_TIMEOUT", "1")


def test_a_save_that_waits_too_long_names_the_other_users_change(
    qtbot, short_busy, desk, ui_services, ui_users, monkeypatch
):
    window, runner, page, f, other = desk
    shown = []
    monkeypatch.setattr("hqdesk.ui.views.profile.editor.show_error", lambda parent, exc: shown.append(exc))
    page.fill("city", "宁波")
    with other.write("li") as held:
        held.get(CompanyProfile, 1).name = "another desk's long change"
        held.flush()
        page.save()
        qtbot.waitUntil(lambda: shown != [], timeout=20000)
        held.commit()
    text = shown[0].english()
    assert "Another user is writing to the database" in text and "Nothing was saved" in text
    assert page.is_dirty() and page.text("city") == "宁波"
