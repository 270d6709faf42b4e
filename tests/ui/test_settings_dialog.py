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
from hqdesk.ui.dialogs.settings import SettingsDialog
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
    assert dialog.database.sqlite_radio.isChecked()
    assert dialog.database.path_edit.text().endswith("hqdesk.sqlite3")  # the user's own file by default
    target = tmp_path / "shop data" / "总部.sqlite3"
    dialog.database.path_edit.setText(str(target))
    dialog.database.create_check.setChecked(True)  # a new database there is an explicit choice
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert DATABASE_URL.get(open_settings()) == "sqlite:///" + target.as_posix()
    assert target.exists()  # created (and upgraded) when OK was pressed
    assert recorded_passwords == []


def test_an_existing_sqlite_file_is_saved_without_the_create_choice(qtbot, ui_services, tmp_path):
    dialog = _dialog(qtbot)
    dialog.database.path_edit.setText(str(tmp_path / "ui.sqlite3"))  # ui_services' database
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert DATABASE_URL.get(open_settings()) == "sqlite:///" + (tmp_path / "ui.sqlite3").as_posix()


def test_a_missing_sqlite_file_is_reported_and_nothing_is_created(qtbot, tmp_path):
    """Before, Test connection created the folders and the file and said "Connected", and OK saved the
    mistyped path (the next start then opened a new, empty database)."""
    folder = tmp_path / "mistyped"
    target = folder / "hqdesk.sqlite3"
    dialog = _dialog(qtbot)
    dialog.database.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.database.test_button, LEFT)
    result = dialog.database.test_result.text()
    assert "There is no database at" in result and str(target) in result
    assert not result.startswith("Connected")
    assert not folder.exists()
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "There is no database at" in dialog.database.sqlite_form.error_text("path")
    assert not folder.exists() and DATABASE_URL.get(open_settings()) == ""
    dialog.database.create_check.setChecked(True)  # Test connection still creates nothing
    qtbot.mouseClick(dialog.database.test_button, LEFT)
    assert "creates a new, empty one when you press OK" in dialog.database.test_result.text()
    assert not folder.exists()


def test_untouched_default_keeps_the_setting_empty(qtbot):
    dialog = _dialog(qtbot)
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert DATABASE_URL.get(open_settings()) == ""


def test_postgresql_url_is_saved_without_password_and_password_goes_to_keyring(qtbot, recorded_passwords):
    dialog = _dialog(qtbot)
    dialog.database.pg_radio.setChecked(True)
    assert dialog.database.pg_box.isEnabled() and not dialog.database.sqlite_box.isEnabled()
    dialog.database.host_edit.setText("db.hq.local")
    dialog.database.port_spin.setValue(5433)
    dialog.database.database_edit.setText("hqdesk")
    dialog.database.username_edit.setText("hq_app")
    dialog.database.password_edit.setText(PASSWORD)
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
    assert dialog.database.pg_radio.isChecked()
    assert (
        dialog.database.host_edit.text(),
        dialog.database.port_spin.value(),
        dialog.database.database_edit.text(),
        dialog.database.username_edit.text(),
        dialog.database.password_edit.text(),
    ) == ("db.hq.local", 5433, "hqdesk", "hq_app", "")
    dialog.database.password_edit.setText(
        PASSWORD
    )  # only the password changes: the URL stays, the keyring gets it
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
        dialog.database.pg_radio.setChecked(True)
        dialog.database.host_edit.setText("db.hq.local")
        dialog.database.database_edit.setText("hqdesk")
        dialog.database.username_edit.setText("hq_app")
        dialog.database.password_edit.setText(PASSWORD)
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
    dialog.database.path_edit.clear()
    _ok(qtbot, dialog)
    assert "path" in dialog.database.sqlite_form.error_text("path")
    dialog.database.pg_radio.setChecked(True)
    _ok(qtbot, dialog)
    assert "server" in dialog.database.pg_form.error_text("host")
    assert "database" in dialog.database.pg_form.error_text("database")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert DATABASE_URL.get(open_settings()) == "" and recorded_passwords == []


@pytest.mark.parametrize("unc", ["\\\\fileserver\\hq\\hqdesk.sqlite3", "//fileserver/hq/hqdesk.sqlite3"])
def test_sqlite_on_a_network_share_is_refused_beside_the_path(qtbot, unc):
    dialog = _dialog(qtbot)
    dialog.database.path_edit.setText(unc)
    _ok(qtbot, dialog)
    message = dialog.database.sqlite_form.error_text("path")
    assert message == dialog.database.network_share_text(unc)
    assert unc in message and "network share" in message and "“Shared server (PostgreSQL)” above" in message
    assert message != tr_error(
        NetworkShareRefused(path=unc)
    )  # worded for this tab, not "Settings > Database"
    assert dialog.database.sqlite_form.errors["path"].isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert DATABASE_URL.get(open_settings()) == ""
    dialog.database.test_button.click()  # the connection test refuses it the same way
    assert dialog.database.sqlite_form.error_text("path") == message
    assert dialog.database.test_result.text() == ""


def test_test_connection_to_a_real_sqlite_file(qtbot, make_ctx, ui_users, tmp_path):
    ctx = make_ctx(ui_users["admin"])
    dialog = _dialog(qtbot, ctx)
    assert "ui.sqlite3" in dialog.findChild(type(dialog.database.test_result), "currentDatabase").text()
    dialog.database.path_edit.setText(str(tmp_path / "ui.sqlite3"))
    qtbot.mouseClick(dialog.database.test_button, LEFT)
    assert dialog.database.test_result.text().startswith("Connected: SQLite 3.")
    assert dialog.database.test_button.isEnabled() and not dialog.database.test_busy.isVisible()


def test_test_connection_failure_keeps_the_dialog_responsive(qtbot, monkeypatch):
    real_check = bootstrap.check_connection
    answer = threading.Event()  # the server answers once the test has seen the dialog waiting for it

    def slow_check(url, password=None):
        answer.wait(15)  # a server that takes its time to answer
        return real_check(url, password)

    monkeypatch.setattr(bootstrap, "check_connection", slow_check)
    runner = TaskRunner()
    dialog = _dialog(qtbot, runner=runner)
    dialog.database.pg_radio.setChecked(True)
    dialog.database.host_edit.setText("/nonexistent")  # a socket folder that does not exist
    dialog.database.database_edit.setText("hqdesk")
    dialog.database.username_edit.setText("hq_app")
    started = time.perf_counter()
    qtbot.mouseClick(dialog.database.test_button, LEFT)
    assert time.perf_counter() - started < 0.5  # the click returned at once
    assert dialog.database.test_busy.isVisible() and not dialog.database.test_button.isEnabled()
    ticked = []

    def tick() -> None:  # the event loop keeps running while the check is out
        ticked.append(dialog.database.test_busy.isVisible() and not dialog.database.test_button.isEnabled())
        answer.set()

    QTimer.singleShot(100, tick)
    qtbot.waitUntil(lambda: dialog.database.test_button.isEnabled(), timeout=15000)
    assert ticked == [True]
    assert not dialog.database.test_busy.isVisible()
    assert "could not be opened" in dialog.database.test_result.text()
    assert "/nonexistent" in dialog.database.test_result.text()
    assert not dialog.database.test_result.text().startswith("Connected")
    runner.wait()


def test_cancel_discards(qtbot, tmp_path):
    dialog = _dialog(qtbot)
    dialog.database.path_edit.setText(str(tmp_path / "other.sqlite3"))
    other = "en" if system_language() == "zh_CN" else "zh_CN"
    dialog.language.language_combo.setCurrentIndex(dialog.language.language_combo.findData(other))
    dialog.reject()
    assert DATABASE_URL.get(open_settings()) == "" and LANGUAGE.get(open_settings()) == ""


# ----- Language ---------------------------------------------------------------------------------------------
def test_language_choice_is_saved(qtbot):
    dialog = _dialog(qtbot)
    assert dialog.language.language_combo.currentData() == system_language()
    assert [dialog.language.language_combo.itemText(i) for i in range(2)] == ["简体中文", "English"]
    other = "en" if system_language() == "zh_CN" else "zh_CN"
    dialog.language.language_combo.setCurrentIndex(dialog.language.language_combo.findData(other))
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert LANGUAGE.get(open_settings()) == other
    again = _dialog(qtbot)
    assert again.language.language_combo.currentData() == other


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
    assert dialog.page_titles() == ["Database", "Language", "Company", "Letters", "Visits", "Complaints"]
    assert dialog.company.name_edit.text() == before.name and not dialog.company.name_edit.isReadOnly()
    dialog.company.name_edit.clear()
    type_text(dialog.company.name_edit, "金辉珠宝集团总部")
    dialog.company.address_edit.setPlainText("浙江省杭州市西湖区文三路 100 号")
    dialog.company.phone_edit.setText("0571-88886666")
    dialog.company.load_logo_file(_jpg(tmp_path / "logo.jpg", 1200, 300))
    assert not dialog.company.logo_preview.pixmap().isNull()
    assert dialog.company.remove_logo_button.isEnabled()
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
    assert not dialog.company.logo_preview.pixmap().isNull()
    not_an_image = tmp_path / "logo.jpg"
    not_an_image.write_text("hello", encoding="utf-8")
    dialog.company.load_logo_file(str(not_an_image))
    assert "PNG or JPG" in dialog.company.letterhead_form.error_text("logo")
    qtbot.mouseClick(dialog.company.remove_logo_button, LEFT)
    assert dialog.company.logo_preview.text() == "No logo"
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


def test_company_page_only_for_administrators(qtbot, make_ctx, ui_services, ui_users):
    """The letterhead and the tiers are the administrators' Company page: others see no such page, and their
    OK writes nothing there."""
    before = ui_services.company.get()
    for name in ("zhang", "viewer", "credit"):
        dialog = _dialog(qtbot, make_ctx(ui_users[name]))
        assert dialog.company is None and dialog.tiers_editor is None
        assert dialog.page_titles() == ["Database", "Language"]
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
    dialog.show_page(dialog.database)
    dialog.company.name_edit.setText("我的名称")
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.current_page() is dialog.company
    note = dialog.company.letterhead_note.text()
    assert "changed this record" in note and "Nothing was saved" in note and "admin" in note
    assert dialog.company.name_edit.text() == "另一位管理员改的名称"  # reloaded
    assert dialog.company.phone_edit.text() == "010-12345678"
    assert ui_services.company.get().name == "另一位管理员改的名称"
    dialog.company.name_edit.setText("我的名称")  # on the fresh version the save goes through
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ui_services.company.get().name == "我的名称"


def test_letter_settings_are_saved_by_an_admin_and_printed_on_letters(qtbot, make_ctx, ui_services, ui_users):
    """Settings › Letters: the English letterhead and the remittance details, saved on OK in one go, read by
    the letters (a statement's remittance box, an English letter's letterhead)."""
    ctx = make_ctx(ui_users["admin"])
    dialog = _dialog(qtbot, ctx)
    page = dialog.letter_settings
    qtbot.waitUntil(lambda: not page.name_en.isReadOnly())
    page.name_en.setText("Jinhui Jewellery Group HQ")
    page.address_en.setPlainText("1 Wuyi Avenue, Furong District, Changsha")
    page.bank_name.setText("中国工商银行长沙五一支行")
    page.bank_account.setText("1901  0000 0000 0000 777")
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    saved = ui_services.letters.letter_settings()
    assert saved["name_en"][0] == "Jinhui Jewellery Group HQ"
    assert saved["bank_account"][0] == "1901 0000 0000 0000 777"  # runs of spaces made single
    assert saved["bank_holder"][0] == ""
    with ui_services.db.read() as s:
        head = ui_services.letters._letterhead(s)
    assert (head.name_en, head.bank_name, head.bank_account) == (
        "Jinhui Jewellery Group HQ",
        "中国工商银行长沙五一支行",
        "1901 0000 0000 0000 777",
    )


def test_a_bad_account_number_is_refused_beside_the_field_and_nothing_is_saved(
    qtbot, make_ctx, ui_services, ui_users
):
    ctx = make_ctx(ui_users["admin"])
    before = ui_services.letters.letter_settings()
    dialog = _dialog(qtbot, ctx)
    page = dialog.letter_settings
    qtbot.waitUntil(lambda: not page.bank_account.isReadOnly())
    dialog.show_page(dialog.database)
    page.name_en.setText("Jinhui HQ")
    page.bank_name.setText("中国银行")
    page.bank_account.setText("62-12 ABC")
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.current_page() is page
    assert "8 to 34 digits" in page.bank_form.error_text("bank_account")
    assert ui_services.letters.letter_settings() == before  # the valid English name was not saved either


def test_letter_settings_conflict_reloads_and_never_overwrites(qtbot, make_ctx, ui_services, ui_users):
    admin = ui_users["admin"]
    dialog = _dialog(qtbot, make_ctx(admin))
    page = dialog.letter_settings
    qtbot.waitUntil(lambda: not page.bank_name.isReadOnly())
    shown = ui_services.letters.letter_settings()
    ui_services.letters.save_letter_settings(
        admin,
        {"bank_name": "招商银行", "bank_account": "6225 8801 2345 6789"},
        {"bank_name": shown["bank_name"][1], "bank_account": shown["bank_account"][1]},
    )
    page.bank_name.setText("建设银行")
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: page.bank_name.text() == "招商银行")  # reloaded
    assert "Nothing was saved" in page.message.text()
    assert ui_services.letters.letter_settings()["bank_name"][0] == "招商银行"
    page.bank_name.setText("建设银行")  # on the fresh version the save goes through
    _ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert ui_services.letters.letter_settings()["bank_name"][0] == "建设银行"


def test_before_sign_in_only_database_and_language(qtbot):
    dialog = _dialog(qtbot)
    assert dialog.page_titles() == ["Database", "Language"] and dialog.company is None
    assert "when you press OK" in dialog.database.database_note.text()


def _answers(monkeypatch, *answers):
    """QInputDialog.getText answers these, one per call."""
    from PySide6.QtWidgets import QInputDialog

    queue = list(answers)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (queue.pop(0), True)))


def test_admin_configures_tiers_in_settings_written_on_ok(
    qtbot, make_ctx, ui_users, ui_services, monkeypatch
):
    ctx = make_ctx(ui_users["admin"])
    dialog = _dialog(qtbot, ctx)
    editor = dialog.tiers_editor
    assert [t.code for t in editor.model.tiers] == ["A", "B", "C"]
    _answers(monkeypatch, "s", "Strategic")
    editor._add()
    assert [t.code for t in editor.model.tiers] == ["A", "B", "C", "S"]  # staged, shown
    editor.table.selectRow(3)
    editor._move(-1)
    editor._rename()
    assert [t.code for t in editor.model.tiers] == ["A", "B", "S", "C"]
    assert [t.code for t in ui_services.tiers.list()] == ["A", "B", "C"]  # nothing written before OK
    with qtbot.waitSignal(ctx.bus.changed) as changed:
        _ok(qtbot, dialog)
    assert changed.args[0].entities == {Entity.TIER}
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [(t.code, t.name) for t in ui_services.tiers.list()] == [
        ("A", "A"),
        ("B", "B"),
        ("S", "Strategic"),
        ("C", "C"),
    ]


def test_tier_changes_are_undone_by_cancel(qtbot, make_ctx, ui_users, ui_services, monkeypatch):
    """Before, the editor wrote each change at once: Cancel left a new tier, a rename and a move behind."""
    before = ui_services.tiers.list()
    ctx = make_ctx(ui_users["admin"])
    dialog = _dialog(qtbot, ctx)
    editor = dialog.tiers_editor
    _answers(monkeypatch, "S", "Gold")
    editor._add()
    editor.table.selectRow(0)
    editor._rename()
    editor._move(1)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    editor.table.selectRow(2)
    editor._remove()
    assert editor.has_changes()
    notes = []
    ctx.bus.changed.connect(notes.append)
    dialog.reject()
    assert ui_services.tiers.list() == before
    assert notes == []


def test_tier_with_franchisees_cannot_be_removed(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees, monkeypatch
):
    ctx = make_ctx(ui_users["admin"])
    dialog = _dialog(qtbot, ctx)
    editor = dialog.tiers_editor
    editor.table.selectRow(0)
    editor._remove()
    assert "given to 1 franchisee;" in editor.message.text()
    assert [t.code for t in editor.model.tiers] == ["A", "B", "C"]
    assert not editor.has_changes()


def test_tier_conflict_on_ok_keeps_the_dialog_open(qtbot, make_ctx, ui_users, ui_services, monkeypatch):
    admin = ui_users["admin"]
    ctx = make_ctx(admin)
    dialog = _dialog(qtbot, ctx)
    editor = dialog.tiers_editor
    _answers(monkeypatch, "Gold")
    editor.table.selectRow(0)
    editor._rename()
    a = next(t for t in ui_services.tiers.list() if t.code == "A")
    ui_services.tiers.rename(admin, "A", a.version, "Another admin's name")
    dialog.show_page(dialog.database)
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.current_page() is dialog.company
    assert "changed this record" in editor.message.text()
    assert next(t for t in ui_services.tiers.list() if t.code == "A").name == "Another admin's name"


def test_tier_model_passes_qtmodeltester(qtmodeltester, ui_services, ui_users, sample_franchisees):
    from hqdesk.ui.dialogs.tiers_editor import TierModel

    model = TierModel()
    model.set_tiers(ui_services.tiers.list())
    assert [model.index(r, TierModel.FRANCHISEES).data() for r in range(3)] == ["1", "1", "1"]
    assert model.headerData(TierModel.FRANCHISEES, Qt.Orientation.Horizontal) == "Franchisees"
    qtmodeltester.check(model, force_py=True)


def test_editable_letterhead_is_not_greyed_out(qtbot, make_ctx, ui_users):
    """Before, the fields kept the read-only grey of the loading state after they became editable (the letterhead
    arrives from a worker after the dialog is shown)."""
    runner = TaskRunner()
    ctx = make_ctx(ui_users["admin"])
    dialog = _dialog(qtbot, ctx, runner=runner)
    dialog.show_page(dialog.company)
    edit = dialog.company.name_edit
    qtbot.waitExposed(edit)
    qtbot.waitUntil(lambda: not edit.isReadOnly())
    image = edit.grab().toImage()
    background = image.pixelColor(image.width() // 2, image.height() // 2)
    assert background.lightness() > 0xF5, background.name()  # white, not the read-only #f2f2f2
    runner.wait()
