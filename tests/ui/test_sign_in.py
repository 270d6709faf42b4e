"""Signing in and creating the first administrator, on real dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from hqdesk.ui.dialogs.sign_in import FirstAdminDialog, SignInDialog
from hqdesk.ui.settings import LAST_USERNAME, open_settings
from hqdesk.ui.tasks import InlineTaskRunner


def test_first_admin_is_created_and_signed_in(qtbot, ui_services):
    assert not ui_services.users.has_users()
    dialog = FirstAdminDialog(ui_services.users, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.username.setText("boss")
    dialog.display_name.setText("周总")
    dialog.password.setText("long-enough-1")
    dialog.repeat.setText("long-enough-1")
    dialog._submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor.username == "boss" and dialog.actor.role == "admin"
    assert ui_services.users.sign_in("boss", "long-enough-1").display_name == "周总"


def test_first_admin_refuses_mismatch_and_short_password(qtbot, ui_services):
    dialog = FirstAdminDialog(ui_services.users, InlineTaskRunner())
    qtbot.addWidget(dialog)
    dialog.username.setText("boss")
    dialog.password.setText("short")
    dialog.repeat.setText("other")
    dialog._submit()
    assert "match" in dialog.form.error_text("repeat")
    dialog.repeat.setText("short")
    dialog._submit()
    assert "8" in dialog.form.error_text("password")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not ui_services.users.has_users()


def test_sign_in_wrong_then_right_password(qtbot, ui_services, ui_users):
    settings = open_settings()
    dialog = SignInDialog(ui_services.users, InlineTaskRunner(), settings, "test.sqlite3")
    qtbot.addWidget(dialog)
    dialog.username.setText("zhang")
    dialog.password.setText("wrong-password")
    dialog._submit()
    assert "Wrong user name or password" in dialog.message.text()
    assert dialog.password.text() == ""  # cleared for the next try
    dialog.password.setText("password-1")
    dialog._submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor.username == "zhang"
    assert LAST_USERNAME.get(settings) == "zhang"
    again = SignInDialog(ui_services.users, InlineTaskRunner(), settings, "test.sqlite3")
    qtbot.addWidget(again)
    assert again.username.text() == "zhang"


def test_sign_in_needs_both_fields(qtbot, ui_services, ui_users):
    dialog = SignInDialog(ui_services.users, InlineTaskRunner(), open_settings(), "x")
    qtbot.addWidget(dialog)
    dialog._submit()
    assert dialog.message.text() == "Enter your user name and password."


def test_start_up_asks_for_the_database_password_when_the_server_wants_one(qapp, monkeypatch):
    """PasswordRefused from opening the database: ask for the password and try again with it; any other
    failure: the error box with "Database settings…" and "Quit", no password question."""
    import argparse
    import time

    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from hqdesk.domain.errors import DatabaseError
    from hqdesk.services.bootstrap import PasswordRefused
    from hqdesk.ui.startup import AppController

    args = argparse.Namespace(demo=False, db="postgresql+psycopg://anna@db.example.cn/hq", lang=None)
    controller = AppController(qapp, open_settings(), args, time.perf_counter())
    starts, asked, boxes = [], [], []
    monkeypatch.setattr(controller, "start", lambda: starts.append(controller.password))
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **k: (asked.append(a[2]), ("s3cret", True))[1])
    )
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append((box.text(), box.detailedText())) or 0)
    monkeypatch.setattr(qapp, "quit", lambda: None)

    controller._open_failed(PasswordRefused(user="anna"))
    assert starts == ["s3cret"]
    assert "postgresql+psycopg://anna@db.example.cn/hq" in asked[0] and boxes == []

    controller._open_failed(DatabaseError(detail="connection refused"))
    assert starts == ["s3cret"] and len(asked) == 1  # not asked again
    # the reason in words; the driver's own words under "Details"
    assert boxes and "server does not answer" in boxes[0][0] and "connection refused" in boxes[0][1]
    controller.runner.wait(1000)
