"""The settings dialog on real widgets: database choice, language, letterhead."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from hqdesk.domain.changes import Entity
from hqdesk.domain.errors import NetworkShareRefused
from hqdesk.services import bootstrap
from hqdesk.ui.dialogs.settings_dialog import SettingsDialog
from hqdesk.ui.i18n import system_language, tr_error
from hqdesk.ui.settings import DATABASE_URL, LANGUAGE, open_settings
from hqdesk.ui.tasks import InlineTaskRunner, TaskRunner
from tests.ui.conftest import type_text

PASSWORD = "Zx9-very-secret-pw"
LEFT = Qt.MouseButton.LeftButton


def _dialog(qtbot, ctx=None, runner=None):
    settings = ctx.settings if ctx is not None else open_settings()
    dialog = SettingsDialog(ctx, settings, runner or (ctx.runner if ctx else InlineTaskRunner()))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)


def _settings_text() -> str:
    settings = open_settings()
    settings.sync()
    return Path(settings.fileName()).read_text(encoding="utf-8")


@pytest.fixture
def recorded_passwords(monkeypatch):
    calls = []
    monkeypatch.setattr(bootstrap, "remember_password", lambda url, password: calls.append((url, password)))
    return calls


# ----- Database ---------------------------------------------------------------------------------------------
def test_saves_a_sqlite_path(qtbot, tmp_path, recorded_passwords):
    dialog = _dialog(qtbot)
    assert dialog.sqlite_radio.isChecked()
    assert dialog.path_edit.text().endswith("hqdesk.sqlite3")  # the user's own file by default
    target = tmp_path / "shop data" / "总部.sqlite3"
    dialog.path_edit.setText(str(target))
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert DATABASE_URL.get(open_settings()) == "sqlite:///" + target.as_posix()
    assert recorded_passwords == []


def test_untouched_default_keeps_the_setting_empty(qtbot):
    dialog = _dialog(qtbot)
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert DATABASE_URL.get(open_settings()) == ""


def test_postgresql_url_is_saved_without_password_and_password_goes_to_keyring(qtbot, recorded_passwords):
    dialog = _dialog(qtbot)
    dialog.pg_radio.setChecked(True)
    assert dialog.pg_box.isEnabled() and not dialog.sqlite_box.isEnabled()
    dialog.host_edit.setText("db.hq.local")
    dialog.port_spin.setValue(5433)
    dialog.database_edit.setText("hqdesk")
    dialog.username_edit.setText("hq_app")
    dialog.password_edit.setText(PASSWORD)
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    url = "postgresql+psycopg://hq_app@db.hq.local:5433/hqdesk"
    assert DATABASE_URL.get(open_settings()) == url
    assert PASSWORD not in _settings_text()
    assert "db.hq.local" in _settings_text()
    assert recorded_passwords == [(url, PASSWORD)]


def test_saved_postgresql_settings_are_shown_again(qtbot, recorded_passwords):
    DATABASE_URL.set(open_settings(), "postgresql+psycopg://hq_app@db.hq.local:5433/hqdesk?sslmode=require")
    dialog = _dialog(qtbot)
    assert dialog.pg_radio.isChecked()
    assert (
        dialog.host_edit.text(),
        dialog.port_spin.value(),
        dialog.database_edit.text(),
        dialog.username_edit.text(),
        dialog.password_edit.text(),
    ) == ("db.hq.local", 5433, "hqdesk", "hq_app", "")
    dialog.password_edit.setText(PASSWORD)  # only the password changes: the URL stays, the keyring gets it
    _ok(qtbot, dialog)
    assert (
        DATABASE_URL.get(open_settings())
        == "postgresql+psycopg://hq_app@db.hq.local:5433/hqdesk?sslmode=require"
    )
    assert recorded_passwords == [
        ("postgresql+psycopg://hq_app@db.hq.local:5433/hqdesk?sslmode=require", PASSWORD)
    ]


def test_no_keyring_warns_that_the_password_will_be_asked(qtbot):
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        dialog = _dialog(qtbot)
        dialog.pg_radio.setChecked(True)
        dialog.host_edit.setText("db.hq.local")
        dialog.database_edit.setText("hqdesk")
        dialog.username_edit.setText("hq_app")
        dialog.password_edit.setText(PASSWORD)
        _ok(qtbot, dialog)
    finally:
        keyring.set_keyring(previous)
    box = dialog.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    assert "ask for the password each time" in box.text()
    assert PASSWORD not in box.text()
    assert DATABASE_URL.get(open_settings()) == "postgresql+psycopg://hq_app@db.hq.local:5432/hqdesk"
    assert dialog.result() != QDialog.DialogCode.Accepted  # still open while the warning is read
    box.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_empty_fields_are_refused_beside_the_field(qtbot, recorded_passwords):
    dialog = _dialog(qtbot)
    dialog.path_edit.clear()
    _ok(qtbot, dialog)
    assert "path" in dialog.sqlite_form.error_text("path")
    dialog.pg_radio.setChecked(True)
    _ok(qtbot, dialog)
    assert "server" in dialog.pg_form.error_text("host")
    assert "database" in dialog.pg_form.error_text("database")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert DATABASE_URL.get(open_settings()) == "" and recorded_passwords == []


@pytest.mark.parametrize("unc", ["\\\\fileserver\\hq\\hqdesk.sqlite3", "//fileserver/hq/hqdesk.sqlite3"])
def test_sqlite_on_a_network_share_is_refused_beside_the_path(qtbot, unc):
    dialog = _dialog(qtbot)
    dialog.path_edit.setText(unc)
    _ok(qtbot, dialog)
    message = dialog.sqlite_form.error_text("path")
    assert message == dialog.network_share_text(unc)
    assert unc in message and "network share" in message and "“Shared server (PostgreSQL)” above" in message
    assert message != tr_error(
        NetworkShareRefused(path=unc)
    )  # worded for this tab, not "Settings > Database"
    assert dialog.sqlite_form.errors["path"].isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert DATABASE_URL.get(open_settings()) == ""
    dialog.test_button.click()  # the connection test refuses it the same way
    assert dialog.sqlite_form.error_text("path") == message
    assert dialog.test_result.text() == ""


def test_test_connection_to_a_real_sqlite_file(qtbot, make_ctx, ui_users, tmp_path):
    ctx = make_ctx(ui_users["admin"])
    dialog = _dialog(qtbot, ctx)
    assert "ui.sqlite3" in dialog.findChild(type(dialog.test_result), "currentDatabase").text()
    dialog.path_edit.setText(str(tmp_path / "ui.sqlite3"))
    qtbot.mouseClick(dialog.test_button, LEFT)
    assert dialog.test_result.text().startswith("Connected: SQLite 3.")
    assert dialog.test_button.isEnabled() and not dialog.test_busy.isVisible()


def test_test_connection_failure_keeps_the_dialog_responsive(qtbot, monkeypatch):
    real_check = bootstrap.check_connection
    answer = threading.Event()  # the server answers once the test has seen the dialog waiting for it

    def slow_check(url, password=None):
        answer.wait(15)  # a server that takes its time to answer
        return real_check(url, password)

    monkeypatch.setattr(bootstrap, "check_connection", slow_check)
    runner = TaskRunner()
    dialog = _dialog(qtbot, runner=runner)
    dialog.pg_radio.setChecked(True)
    dialog.host_edit.setText("/nonexistent")  # a socket folder that does not exist
    dialog.database_edit.setText("hqdesk")
    dialog.username_edit.setText("hq_app")
    started = time.perf_counter()
    qtbot.mouseClick(dialog.test_button, LEFT)
    assert time.perf_counter() - started < 0.5  # the click returned at once
    assert dialog.test_busy.isVisible() and not dialog.test_button.isEnabled()
    ticked = []

    def tick() -> None:  # the event loop keeps running while the check is out
        ticked.append(dialog.test_busy.isVisible() and not dialog.test_button.isEnabled())
        answer.set()

    QTimer.singleShot(100, tick)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=15000)
    assert ticked == [True]
    assert not dialog.test_busy.isVisible()
    assert "could not be opened" in dialog.test_result.text()
    assert "/nonexistent" in dialog.test_result.text()
    assert not dialog.test_result.text().startswith("Connected")
    runner.wait()


def test_cancel_discards(qtbot, tmp_path):
    dialog = _dialog(qtbot)
    dialog.path_edit.setText(str(tmp_path / "other.sqlite3"))
    other = "en" if system_language() == "zh_CN" else "zh_CN"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(other))
    dialog.reject()
    assert DATABASE_URL.get(open_settings()) == "" and LANGUAGE.get(open_settings()) == ""


# ----- Language ---------------------------------------------------------------------------------------------
def test_language_choice_is_saved(qtbot):
    dialog = _dialog(qtbot)
    assert dialog.language_combo.currentData() == system_language()
    assert [dialog.language_combo.itemText(i) for i in range(2)] == ["简体中文", "English"]
    other = "en" if system_language() == "zh_CN" else "zh_CN"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(other))
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert LANGUAGE.get(open_settings()) == other
    again = _dialog(qtbot)
    assert again.language_combo.currentData() == other


# ----- Letterhead -------------------------------------------------------------------------------------------
def _jpg(path: Path, width: int, height: int) -> str:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#b8860b"))
    assert image.save(str(path), "JPG")
    return str(path)


def test_letterhead_is_saved_by_an_admin(qtbot, make_ctx, ui_services, ui_users, tmp_path):
    ctx = make_ctx(ui_users["admin"])
    before = ui_services.company.get()
    dialog = _dialog(qtbot, ctx)
    assert dialog.tabs.isTabEnabled(dialog.LETTERHEAD_TAB)
    assert dialog.name_edit.text() == before.name and not dialog.name_edit.isReadOnly()
    dialog.name_edit.clear()
    type_text(dialog.name_edit, "金辉珠宝集团总部")
    dialog.address_edit.setPlainText("浙江省杭州市西湖区文三路 100 号")
    dialog.phone_edit.setText("0571-88886666")
    dialog.load_logo_file(_jpg(tmp_path / "logo.jpg", 1200, 300))
    assert not dialog.logo_preview.pixmap().isNull()
    assert dialog.remove_logo_button.isEnabled()
    with qtbot.waitSignal(ctx.bus.changed) as changed:
        _ok(qtbot, dialog)
    assert changed.args[0].entities == {Entity.COMPANY}
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = ui_services.company.get()
    assert (saved.name, saved.address, saved.phone) == (
        "金辉珠宝集团总部",
        "浙江省杭州市西湖区文三路 100 号",
        "0571-88886666",
    )
    assert saved.version == before.version + 1
    assert saved.logo_png.startswith(b"\x89PNG")
    logo = QImage.fromData(saved.logo_png)
    assert (logo.width(), logo.height()) == (600, 150)


def test_logo_can_be_removed_and_bad_files_are_refused(qtbot, make_ctx, ui_services, ui_users, tmp_path):
    ctx = make_ctx(ui_users["admin"])
    current = ui_services.company.get()
    ui_services.company.update(
        ui_users["admin"], current.version, current.name, current.address, current.phone, _png_bytes()
    )
    dialog = _dialog(qtbot, ctx)
    assert not dialog.logo_preview.pixmap().isNull()
    not_an_image = tmp_path / "logo.jpg"
    not_an_image.write_text("hello", encoding="utf-8")
    dialog.load_logo_file(str(not_an_image))
    assert "PNG or JPG" in dialog.letterhead_form.error_text("logo")
    qtbot.mouseClick(dialog.remove_logo_button, LEFT)
    assert dialog.logo_preview.text() == "No logo"
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ui_services.company.get().logo_png is None


def _png_bytes() -> bytes:
    image = QImage(100, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#2c3e50"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def test_letterhead_is_read_only_for_an_account_manager(qtbot, make_ctx, ui_services, ui_users):
    ctx = make_ctx(ui_users["zhang"])
    before = ui_services.company.get()
    dialog = _dialog(qtbot, ctx)
    dialog.tabs.setCurrentIndex(dialog.LETTERHEAD_TAB)
    assert (
        dialog.name_edit.isReadOnly() and dialog.address_edit.isReadOnly() and dialog.phone_edit.isReadOnly()
    )
    assert not dialog.choose_logo_button.isVisible() and not dialog.remove_logo_button.isVisible()
    assert "Only an administrator" in dialog.letterhead_note.text() and dialog.letterhead_note.isVisible()
    dialog.name_edit.setText("changed anyway")  # even if a field changed programmatically, nothing is written
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ui_services.company.get() == before


def test_letterhead_conflict_shows_the_message_and_reloads(qtbot, make_ctx, ui_services, ui_users):
    admin = ui_users["admin"]
    ctx = make_ctx(admin)
    dialog = _dialog(qtbot, ctx)
    loaded = ui_services.company.get()
    ui_services.company.update(
        ui_users["admin"], loaded.version, "另一位管理员改的名称", loaded.address, "010-12345678", None
    )
    dialog.tabs.setCurrentIndex(dialog.DATABASE_TAB)
    dialog.name_edit.setText("我的名称")
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.tabs.currentIndex() == dialog.LETTERHEAD_TAB
    note = dialog.letterhead_note.text()
    assert "changed this record" in note and "Nothing was saved" in note and "admin" in note
    assert dialog.name_edit.text() == "另一位管理员改的名称"  # reloaded
    assert dialog.phone_edit.text() == "010-12345678"
    assert ui_services.company.get().name == "另一位管理员改的名称"
    dialog.name_edit.setText("我的名称")  # on the fresh version the save goes through
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ui_services.company.get().name == "我的名称"


def test_before_sign_in_only_database_and_language(qtbot):
    dialog = _dialog(qtbot)
    assert dialog.tabs.isTabEnabled(dialog.DATABASE_TAB) and dialog.tabs.isTabEnabled(dialog.LANGUAGE_TAB)
    assert not dialog.tabs.isTabEnabled(dialog.LETTERHEAD_TAB)
    assert "when you press OK" in dialog.database_note.text()


def test_admin_configures_tiers_in_settings(qtbot, make_ctx, ui_users, ui_services, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from hqdesk.ui.dialogs.settings_dialog import SettingsDialog

    ctx = make_ctx(ui_users["admin"])
    dialog = SettingsDialog(ctx, ctx.settings, ctx.runner)
    qtbot.addWidget(dialog)
    editor = dialog.tiers_editor
    assert [t.code for t in editor.model.tiers] == ["A", "B", "C"]
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("s", True)))
    editor._add()
    assert [t.code for t in ui_services.tiers.list()] == ["A", "B", "C", "S"]
    assert [t.code for t in editor.model.tiers] == ["A", "B", "C", "S"]
    editor.table.selectRow(3)
    editor._move(-1)
    assert [t.code for t in ui_services.tiers.list()] == ["A", "B", "S", "C"]


def test_tiers_tab_only_for_admins(qtbot, make_ctx, ui_users):
    from hqdesk.ui.dialogs.settings_dialog import SettingsDialog

    ctx = make_ctx(ui_users["zhang"])
    dialog = SettingsDialog(ctx, ctx.settings, ctx.runner)
    qtbot.addWidget(dialog)
    assert dialog.tiers_editor is None
    assert "Tiers" not in [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]


def test_tier_model_passes_qtmodeltester(qtmodeltester, ui_services, ui_users, sample_franchisees):
    from hqdesk.ui.dialogs.tiers_editor import TierModel

    model = TierModel()
    model.set_tiers(ui_services.tiers.list())
    assert [model.index(r, TierModel.FRANCHISEES).data() for r in range(3)] == ["1", "1", "1"]
    assert model.headerData(TierModel.FRANCHISEES, Qt.Orientation.Horizontal) == "Franchisees"
    qtmodeltester.check(model, force_py=True)
