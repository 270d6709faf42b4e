"""File › Back up the database… copies the SQLite database in the background and says where it went."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QMessageBox

from hqdesk.ui.backup import back_up_now
from hqdesk.ui.main_window import MainWindow


def test_the_menu_has_the_backup_on_sqlite(qtbot, make_ctx, ui_users):
    window = MainWindow(make_ctx(ui_users["admin"]))
    qtbot.addWidget(window)
    assert window.findChild(type(window.menuBar().actions()[0]), "backupAction") is not None


def test_back_up_now_writes_a_checked_copy_and_tells_where(qtbot, make_ctx, ui_users, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, title, text: shown.append(text))
    target = tmp_path / "copy.sqlite3"
    back_up_now(make_ctx(ui_users["admin"]), None, target)
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert str(target) in shown[0]
    with sqlite3.connect(target) as conn:
        assert {r[0] for r in conn.execute("SELECT username FROM users")} >= {"admin", "zhang"}
