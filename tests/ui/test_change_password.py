"""File › Change my password…: the current password first, then the new one twice."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from hqdesk.ui.dialogs.change_password import ChangePasswordDialog


def _dialog(qtbot, ctx) -> ChangePasswordDialog:
    dialog = ChangePasswordDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_user_changes_their_own_password(qtbot, make_ctx, ui_users, ui_services):
    dialog = _dialog(qtbot, make_ctx(ui_users["zhang"]))
    dialog.current.setText("wrong-password")
    dialog.password.setText("zhang-new-pass-1")
    dialog.repeat.setText("zhang-new-pass-2")
    dialog.submit()
    assert "do not match" in dialog.message.text()
    dialog.repeat.setText("zhang-new-pass-1")
    dialog.submit()
    assert "not your current password" in dialog.form.error_text("current")
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.current.setText("password-1")
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.changed
    assert ui_services.users.sign_in("zhang", "zhang-new-pass-1").username == "zhang"


def test_the_main_window_offers_it_to_every_user(qtbot, make_ctx, ui_users):
    from hqdesk.ui.main_window import MainWindow

    window = MainWindow(make_ctx(ui_users["viewer"]))
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert "Change my &password…" in [a.text() for a in file_menu.actions()]
