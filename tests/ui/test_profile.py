"""The franchisee profile editor on real widgets over a real SQLite database (inline task runner)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.franchisee import LifecycleStatus
from hqdesk.ui.dialogs.conflict_dialog import ConflictDialog
from hqdesk.ui.dialogs.contact_dialog import ContactDialog
from hqdesk.ui.dialogs.status_dialog import StatusDialog
from hqdesk.ui.dialogs.store_dialog import StoreDialog
from hqdesk.ui.views.profile import ProfileEditor
from tests.ui.conftest import type_text


@pytest.fixture
def open_editor(qtbot, make_ctx):
    """open_editor(actor, franchisee_id=None) -> a shown, active ProfileEditor (loaded if an id is given)."""

    def make(actor, franchisee_id: int | None = None) -> ProfileEditor:
        editor = ProfileEditor(make_ctx(actor))
        qtbot.addWidget(editor)
        editor.resize(1100, 760)
        with qtbot.waitActive(editor):  # shortcuts (Ctrl+S, Esc) need an active window
            editor.show()
            editor.activateWindow()
        if franchisee_id is not None:
            editor.load(franchisee_id)
        return editor

    return make


def answer_message_box(button: QMessageBox.StandardButton) -> list[str]:
    """Click ``button`` on the next message box (they block in exec()); returns the texts seen."""
    seen: list[str] = []

    def attempt(tries: int = 200) -> None:
        box = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None
        )
        if box is None:
            if tries:
                QTimer.singleShot(10, lambda: attempt(tries - 1))
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, attempt)
    return seen


def replace_text(widget, text: str) -> None:
    """Select everything in a line edit and type over it (Chinese through the input method path)."""
    widget.setFocus()
    widget.selectAll()
    type_text(widget, text)


def column(model, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


# ----- loading and showing -----------------------------------------------------------------------------------
def test_empty_state_before_anything_is_loaded(open_editor, ui_users):
    editor = open_editor(ui_users["admin"])
    assert editor.stack.currentWidget() is editor.empty_label
    assert "Ctrl+N" in editor.empty_label.text()
    assert not editor.has_unsaved_changes()


def test_load_shows_the_profile_and_its_contacts(open_editor, ui_users, sample_franchisees):
    f = sample_franchisees[0]
    editor = open_editor(ui_users["zhang"], f.id)
    assert editor.title.text() == "杭州金辉珠宝有限公司"
    assert editor.code_label.text() == "JX0001"
    assert editor.legal_name.text() == "杭州金辉珠宝有限公司"
    assert editor.city.text() == "杭州"
    assert editor.registered_capital.text() == "1,000,000.00"
    assert editor.account_manager.currentText() == "张伟"
    assert editor.status_badge.text() == "Prospect"
    assert editor.status_line.text().startswith("Status: Prospect since ")
    assert editor.tabs.tabText(editor.tabs.indexOf(editor.contacts_tab)) == "Contacts (1)"
    assert column(editor.contacts_model, editor.contacts_model.NAME) == ["王芳"]
    assert column(editor.contacts_model, editor.contacts_model.MOBILE) == ["13812345678"]
    assert column(editor.contacts_model, editor.contacts_model.PRIMARY) == ["★"]
    assert not editor.has_unsaved_changes()
    assert not editor.save_button.isEnabled() and not editor.unsaved_label.isVisible()


# ----- editing and saving ------------------------------------------------------------------------------------
def test_editing_the_city_and_ctrl_s_saves(qtbot, open_editor, ui_users, ui_services, sample_franchisees):
    f = sample_franchisees[0]
    editor = open_editor(ui_users["zhang"], f.id)
    replace_text(editor.city, "宁波")
    assert editor.has_unsaved_changes()
    assert editor.unsaved_label.isVisible() and editor.save_button.isEnabled()
    with qtbot.waitSignal(editor.saved) as saved, qtbot.waitSignal(editor.ctx.bus.changed) as changed:
        qtbot.keyClick(editor.city, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [f.id]
    (changes,) = changed.args
    assert changes.entities == {Entity.FRANCHISEE} and changes.ids == {f.id}
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.city == "宁波"
    assert not editor.has_unsaved_changes() and not editor.unsaved_label.isVisible()
    # the History tab tells who changed what
    assert "Profile changed" in column(editor.history_model, editor.history_model.WHAT)
    assert "City: 杭州 → 宁波" in column(editor.history_model, editor.history_model.CHANGES)
    assert "张伟" in column(editor.history_model, editor.history_model.WHO)


def test_invalid_uscc_is_shown_under_the_field_and_nothing_is_saved(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    editor = open_editor(ui_users["zhang"], f.id)
    editor.tabs.setCurrentWidget(editor.contacts_tab)
    editor.uscc.setText("91330100MA2B3C4D5X")  # wrong check character
    editor.city.setText("宁波")
    with qtbot.assertNotEmitted(editor.saved):
        editor.save()
    assert editor.form.error_text("uscc") == "The check character does not match: the code has a typo."
    assert editor.form.errors["uscc"].isVisible()
    assert editor.tabs.currentWidget() is editor.profile_tab  # brought back to the field
    assert QApplication.focusWidget() is editor.uscc
    after = ui_services.franchisees.get(ui_users["admin"], f.id)
    assert after.version == f.version and after.data.city == "杭州"
    assert editor.has_unsaved_changes()  # the edits stay for the user to correct


def test_a_required_field_left_empty_is_shown_under_it(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[1]
    editor = open_editor(ui_users["zhang"], f.id)
    editor.legal_name.clear()
    with qtbot.assertNotEmitted(editor.saved):
        editor.save()
    assert editor.form.error_text("legal_name") == "Enter the company's legal name."
    assert editor.form.error_text("city") == ""
    assert (
        ui_services.franchisees.get(ui_users["admin"], f.id).data.legal_name == "成都福满堂黄金首饰有限公司"
    )
    # correcting it clears the message on the next save
    replace_text(editor.legal_name, "成都福满堂珠宝有限公司")
    editor.save()
    assert editor.form.error_text("legal_name") == ""
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.legal_name == "成都福满堂珠宝有限公司"


def test_an_unreadable_amount_is_caught_before_the_service(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    editor = open_editor(ui_users["zhang"], f.id)
    editor.registered_capital.setText("1.000.000")  # pasted with dots as thousands separators
    editor.legal_name.clear()
    editor.save()
    assert editor.form.error_text("registered_capital") == "Enter an amount in yuan, e.g. 1000000.00."
    assert editor.form.error_text("legal_name") == "Enter the company's legal name."  # shown at the same time
    assert ui_services.franchisees.get(ui_users["admin"], f.id).version == f.version


def test_escape_reverts_unsaved_edits(qtbot, open_editor, ui_users, sample_franchisees):
    editor = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    replace_text(editor.city, "宁波")
    editor.tags.setText("重点, 新店")
    editor.notes.setPlainText("周末来访")
    assert editor.has_unsaved_changes()
    seen = answer_message_box(
        QMessageBox.StandardButton.Discard
    )  # Esc asks first (see the tests further down)
    qtbot.keyClick(editor.tags, Qt.Key.Key_Escape)
    assert seen == ["Discard your unsaved changes to 杭州金辉珠宝有限公司?"]
    assert editor.city.text() == "杭州"
    assert editor.tags.text() == "" and editor.notes.toPlainText() == ""
    assert not editor.has_unsaved_changes() and not editor.unsaved_label.isVisible()


def test_editing_back_to_the_original_is_not_unsaved(open_editor, ui_users, sample_franchisees):
    editor = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    editor.city.setText("宁波")
    assert editor.has_unsaved_changes()
    editor.city.setText("杭州")
    assert not editor.has_unsaved_changes()


def test_creating_a_new_franchisee(qtbot, open_editor, ui_users, ui_services):
    editor = open_editor(ui_users["zhang"])
    editor.new()
    assert editor.title.text() == "New franchisee"
    assert not editor.tabs.isTabEnabled(editor.tabs.indexOf(editor.contacts_tab))
    assert editor.account_manager.currentText() == "张伟" and not editor.account_manager.isEnabled()
    assert not editor.status_button.isVisible() and not editor.archive_button.isVisible()
    editor.code.setText("JX0100")
    replace_text(editor.legal_name, "温州金鼎珠宝有限公司")
    replace_text(editor.city, "温州")
    editor.registered_capital.setText("500000")
    editor.join_date.set_date_value(__import__("datetime").date(2024, 3, 1))
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save()
    detail = ui_services.franchisees.get(ui_users["admin"], saved.args[0])
    assert detail.data.legal_name == "温州金鼎珠宝有限公司" and detail.data.city == "温州"
    assert detail.data.account_manager_id == ui_users["zhang"].user_id
    assert str(detail.data.registered_capital) == "500000.00"
    assert detail.status == LifecycleStatus.PROSPECT
    assert editor.title.text() == "温州金鼎珠宝有限公司"
    assert editor.tabs.isTabEnabled(editor.tabs.indexOf(editor.contacts_tab))
    assert editor.status_button.isVisible()
    assert not editor.has_unsaved_changes()


def test_a_new_franchisee_with_a_taken_code_is_refused_beside_the_code(
    open_editor, ui_users, ui_services, sample_franchisees
):
    editor = open_editor(ui_users["admin"])
    editor.new()
    editor.code.setText("jx0001")
    editor.legal_name.setText("重复")
    editor.city.setText("杭州")
    editor.save()
    assert editor.form.error_text("code") == "Another franchisee already has the code jx0001."
    assert editor.title.text() == "New franchisee"


# ----- permissions -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("who", ["viewer", "credit"])
def test_viewers_and_credit_managers_see_a_read_only_profile(open_editor, ui_users, sample_franchisees, who):
    editor = open_editor(ui_users[who], sample_franchisees[0].id)
    assert editor.legal_name.text() == "杭州金辉珠宝有限公司"
    assert editor.legal_name.isReadOnly() and editor.notes.isReadOnly() and not editor.tier.isEnabled()
    for button in (
        editor.save_button,
        editor.cancel_button,
        editor.status_button,
        editor.archive_button,
        editor.add_contact_button,
        editor.delete_contact_button,
        editor.add_store_button,
    ):
        assert not button.isVisible(), button.text()
    assert editor.read_only_note.isVisible()
    assert "can view franchisees but not change them" in editor.read_only_note.text()
    editor.city.setText("宁波")  # even a programmatic change is no unsaved edit
    assert not editor.has_unsaved_changes()


def test_an_account_manager_edits_own_franchisees_only(open_editor, ui_users, sample_franchisees):
    zhang = ui_users["zhang"]
    editor = open_editor(zhang, sample_franchisees[0].id)  # zhang's own
    assert not editor.legal_name.isReadOnly()
    assert editor.save_button.isVisible() and editor.status_button.isVisible()
    assert not editor.archive_button.isVisible()  # archiving is for administrators
    assert not editor.account_manager.isEnabled()  # reassigning too
    assert not editor.read_only_note.isVisible()

    editor.load(sample_franchisees[2].id)  # li's
    assert editor.title.text() == "佛山市顺德区金凤银楼"
    assert editor.legal_name.isReadOnly()
    assert not editor.save_button.isVisible() and not editor.status_button.isVisible()
    assert not editor.add_contact_button.isVisible()
    assert "李娜 looks after this franchisee" in editor.read_only_note.text()
    assert editor.edit_contact_button.text() == "View…"


def test_an_admin_may_reassign_and_archive(qtbot, open_editor, ui_users, ui_services, sample_franchisees):
    f = sample_franchisees[0]
    editor = open_editor(ui_users["admin"], f.id)
    assert editor.account_manager.isEnabled()
    editor.account_manager.setCurrentIndex(editor.account_manager.findText("李娜"))
    editor.save()
    assert (
        ui_services.franchisees.get(ui_users["admin"], f.id).data.account_manager_id == ui_users["li"].user_id
    )

    seen = answer_message_box(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(editor.saved):
        editor.archive_button.click()
    assert "Archive 杭州金辉珠宝有限公司?" in seen[0]
    assert ui_services.franchisees.get(ui_users["admin"], f.id).archived
    assert editor.archived_badge.isVisible() and editor.archive_button.text() == "Restore"
    editor.archive_button.click()  # restoring needs no confirmation
    assert not ui_services.franchisees.get(ui_users["admin"], f.id).archived
    assert "Restored from the archive" in column(editor.history_model, editor.history_model.WHAT)


# ----- conflicts ---------------------------------------------------------------------------------------------
def _change_city_behind_the_editor(ui_services, actor, franchisee_id: int, city: str) -> None:
    current = ui_services.franchisees.get(actor, franchisee_id)
    ui_services.franchisees.update(
        actor, franchisee_id, current.version, replace(current.data, city=city), base=current.data
    )


def test_a_two_user_conflict_shows_both_values_and_reload_shows_theirs(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    editor = open_editor(ui_users["zhang"], f.id)
    _change_city_behind_the_editor(ui_services, ui_users["admin"], f.id, "温州")
    replace_text(editor.city, "宁波")
    with qtbot.assertNotEmitted(editor.saved):
        editor.save()
    dialog = editor.current_dialog()
    assert isinstance(dialog, ConflictDialog) and dialog.isVisible()
    assert "管理员 changed this record at" in dialog.message.text()
    assert "Nothing was saved." in dialog.message.text()
    rows = [[dialog.model.index(r, c).data() for c in range(3)] for r in range(dialog.model.rowCount())]
    assert rows == [["City", "温州", "宁波"]]
    assert dialog.overwrite_button is None  # an account manager may not overwrite
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.city == "温州"

    dialog.reload_button.click()
    assert editor.city.text() == "温州"
    assert not editor.has_unsaved_changes()
    assert editor.current_dialog() is None
    replace_text(editor.city, "宁波")  # saving on the reloaded version works
    editor.save()
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.city == "宁波"


def test_keep_editing_keeps_the_edits_and_saving_conflicts_again(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    editor = open_editor(ui_users["zhang"], f.id)
    _change_city_behind_the_editor(ui_services, ui_users["admin"], f.id, "温州")
    replace_text(editor.city, "宁波")
    editor.save()
    editor.current_dialog().keep_button.click()
    assert editor.city.text() == "宁波" and editor.has_unsaved_changes()
    assert "Not saved" in editor.message.text()
    editor.save()
    assert isinstance(editor.current_dialog(), ConflictDialog)
    editor.current_dialog().reject()  # Esc: keep editing too
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.city == "温州"


def test_an_admin_may_overwrite_with_their_version(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    editor = open_editor(ui_users["admin"], f.id)
    _change_city_behind_the_editor(ui_services, ui_users["zhang"], f.id, "温州")
    replace_text(editor.city, "宁波")
    editor.save()
    dialog = editor.current_dialog()
    assert "张伟 changed this record" in dialog.message.text()
    with qtbot.waitSignal(editor.saved):
        dialog.overwrite_button.click()
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.city == "宁波"
    assert editor.city.text() == "宁波" and not editor.has_unsaved_changes()


def test_a_change_by_another_user_to_other_fields_is_listed_too(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    """Saving over a colleague's change of the address would undo it: the dialog lists it."""
    f = sample_franchisees[0]
    editor = open_editor(ui_users["zhang"], f.id)
    current = ui_services.franchisees.get(ui_users["admin"], f.id)
    ui_services.franchisees.update(
        ui_users["admin"],
        f.id,
        current.version,
        replace(current.data, address="延安路1号"),
        base=current.data,
    )
    replace_text(editor.city, "宁波")
    editor.save()
    model = editor.current_dialog().model
    assert [model.index(0, c).data() for c in range(3)] == ["Address", "延安路1号", "(you did not change it)"]


# ----- unsaved changes ---------------------------------------------------------------------------------------
def test_confirm_discard_cancel_keeps_the_edits(open_editor, ui_users, sample_franchisees):
    editor = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    assert editor.confirm_discard()  # nothing to lose: no question
    editor.city.setText("宁波")
    seen = answer_message_box(QMessageBox.StandardButton.Cancel)
    assert not editor.confirm_discard()
    assert seen == ["Save your changes to 杭州金辉珠宝有限公司?"]
    assert editor.city.text() == "宁波" and editor.has_unsaved_changes()


def test_confirm_discard_discard_reverts(open_editor, ui_users, sample_franchisees):
    editor = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    editor.city.setText("宁波")
    answer_message_box(QMessageBox.StandardButton.Discard)
    assert editor.confirm_discard()
    assert editor.city.text() == "杭州" and not editor.has_unsaved_changes()


def test_confirm_discard_save_saves_or_stays(open_editor, ui_users, ui_services, sample_franchisees):
    f = sample_franchisees[0]
    editor = open_editor(ui_users["zhang"], f.id)
    editor.city.setText("宁波")
    answer_message_box(QMessageBox.StandardButton.Save)
    assert editor.confirm_discard()
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.city == "宁波"
    editor.city.clear()  # invalid: the save fails, the caller must not move on
    answer_message_box(QMessageBox.StandardButton.Save)
    assert not editor.confirm_discard()
    assert editor.form.error_text("city") == "Enter the city."


# ----- status, contacts, stores ------------------------------------------------------------------------------
def test_a_status_change_is_recorded_in_the_history_tab(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    editor = open_editor(ui_users["zhang"], f.id)
    editor.status_button.click()
    dialog = editor.current_dialog()
    assert isinstance(dialog, StatusDialog)
    assert [dialog.status.itemText(i) for i in range(dialog.status.count())] == ["Active", "Terminated"]
    dialog.status.setCurrentIndex(dialog.status.findText("Active"))
    dialog.reason.setFocus()
    type_text(dialog.reason, "合同已签署")
    with qtbot.waitSignal(editor.saved):
        dialog.save_button.click()
    assert not dialog.isVisible()
    assert ui_services.franchisees.get(ui_users["admin"], f.id).status == LifecycleStatus.ACTIVE
    assert editor.status_badge.text() == "Active"
    model = editor.status_history_model
    assert model.index(0, model.CHANGE).data() == "Prospect → Active"
    assert model.index(0, model.REASON).data() == "合同已签署"
    assert model.index(0, model.WHO).data() == "张伟"
    assert "Status changed" in column(editor.history_model, editor.history_model.WHAT)
    # the profile is still saveable afterwards (the status change moved the record's version on)
    editor.city.setText("宁波")
    editor.save()
    assert editor.current_dialog() is None
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.city == "宁波"


def test_adding_a_contact_shows_it_in_the_contacts_tab(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    editor = open_editor(ui_users["zhang"], f.id)
    editor.tabs.setCurrentWidget(editor.contacts_tab)
    editor.add_contact_button.click()
    dialog = editor.current_dialog()
    assert isinstance(dialog, ContactDialog)
    dialog.name.setFocus()
    type_text(dialog.name, "赵强")
    dialog.honorific.setCurrentText("总")
    dialog.mobile.setText("139 0000 2222")
    with qtbot.waitSignal(editor.ctx.bus.changed) as changed:
        dialog.save_button.click()
    assert changed.args[0].entities == {Entity.CONTACT}
    assert not dialog.isVisible()
    assert column(editor.contacts_model, editor.contacts_model.NAME) == ["王芳", "赵强 总"]
    assert column(editor.contacts_model, editor.contacts_model.MOBILE)[1] == "13900002222"
    assert editor.tabs.tabText(editor.tabs.indexOf(editor.contacts_tab)) == "Contacts (2)"
    assert [c.data.name for c in ui_services.contacts.list(ui_users["admin"], f.id)] == ["王芳", "赵强"]


def test_double_click_edits_and_make_primary_and_delete(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    from hqdesk.domain.contact import ContactData

    f = sample_franchisees[0]
    ui_services.contacts.add(ui_users["admin"], f.id, ContactData(name="赵强", mobile="13900002222"))
    editor = open_editor(ui_users["zhang"], f.id)
    editor.tabs.setCurrentWidget(editor.contacts_tab)
    view = editor.contacts_view
    view.selectRow(1)
    assert editor.primary_button.isEnabled()
    editor.primary_button.click()
    assert column(editor.contacts_model, editor.contacts_model.NAME)[0] == "赵强"  # primary first
    assert column(editor.contacts_model, editor.contacts_model.PRIMARY) == ["★", ""]

    rect = view.visualRect(editor.contacts_model.index(1, editor.contacts_model.NAME))
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )  # the view wants a press first
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = editor.current_dialog()
    assert isinstance(dialog, ContactDialog) and dialog.name.text() == "王芳"
    dialog.wechat_id.setText("wangfang88")
    dialog.save_button.click()
    assert column(editor.contacts_model, editor.contacts_model.WECHAT)[1] == "wangfang88"

    view.selectRow(1)
    seen = answer_message_box(QMessageBox.StandardButton.Yes)
    editor.delete_contact_button.click()
    assert seen == ["Delete the contact 王芳?"]
    assert column(editor.contacts_model, editor.contacts_model.NAME) == ["赵强"]
    assert "Contact deleted: 王芳" in column(editor.history_model, editor.history_model.WHAT)


def test_adding_a_store_shows_it_in_the_stores_tab(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    editor = open_editor(ui_users["zhang"], f.id)
    editor.tabs.setCurrentWidget(editor.stores_tab)
    editor.add_store_button.click()
    dialog = editor.current_dialog()
    assert isinstance(dialog, StoreDialog)
    assert dialog.city.text() == "杭州"  # the franchisee's city to start with
    dialog.name.setFocus()
    type_text(dialog.name, "金辉珠宝湖滨店")
    dialog.floor_area.setText("86.5")
    dialog.save_button.click()
    model = editor.stores_model
    assert column(model, model.NAME) == ["金辉珠宝湖滨店"]
    assert column(model, model.STATUS) == ["Open"]
    assert model.index(0, model.AREA).data() == "86.50"
    assert editor.tabs.tabText(editor.tabs.indexOf(editor.stores_tab)) == "Stores (1)"
    assert ui_services.stores.list(ui_users["admin"], f.id)[0].data.floor_area is not None


def test_a_change_elsewhere_reloads_a_clean_editor_but_not_a_dirty_one(
    open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    editor = open_editor(ui_users["zhang"], f.id)
    _change_city_behind_the_editor(ui_services, ui_users["admin"], f.id, "温州")
    editor.ctx.bus.notify(Changes.of(Entity.FRANCHISEE, [f.id]))  # as the list view would after its own write
    assert editor.city.text() == "温州"
    editor.notes.setPlainText("我的笔记")
    _change_city_behind_the_editor(ui_services, ui_users["admin"], f.id, "台州")
    editor.ctx.bus.notify(Changes.of(Entity.FRANCHISEE, [f.id]))
    assert editor.city.text() == "温州" and editor.notes.toPlainText() == "我的笔记"
    assert "管理员 changed this franchisee after you opened it" in editor.message.text()


# ----- with the real, threaded runner ------------------------------------------------------------------------
def test_the_threaded_runner_drops_stale_loads_and_confirm_discard_waits_for_the_save(
    qtbot, ui_services, ui_users, sample_franchisees
):
    from hqdesk.ui.context import ChangeBus, UiContext
    from hqdesk.ui.settings import open_settings
    from hqdesk.ui.tasks import TaskRunner

    runner = TaskRunner()
    ctx = UiContext(ui_services, ui_users["zhang"], runner, ChangeBus(), open_settings())
    editor = ProfileEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    try:
        editor.load(sample_franchisees[0].id)
        editor.load(sample_franchisees[1].id)  # clicked on before the first one arrived
        qtbot.waitUntil(lambda: editor.title.text() == "成都福满堂黄金首饰有限公司")
        qtbot.wait(100)  # the first load may finish later: it must not replace the second
        assert editor.title.text() == "成都福满堂黄金首饰有限公司"
        editor.city.setText("绵阳")
        answer_message_box(QMessageBox.StandardButton.Save)
        assert editor.confirm_discard()  # returns after the background save succeeded
        assert ui_services.franchisees.get(ui_users["admin"], sample_franchisees[1].id).data.city == "绵阳"
    finally:
        runner.wait()


# ----- dates typed into the profile --------------------------------------------------------------------------
def test_a_date_typed_into_an_empty_date_field_is_saved(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    from datetime import date

    f = sample_franchisees[0]
    editor = open_editor(ui_users["zhang"], f.id)
    assert editor.join_date.text() == ""
    editor.join_date.setFocus()
    qtbot.keyClicks(editor.join_date, "2024-3-1")
    assert editor.has_unsaved_changes()
    editor.contract_end.setFocus()
    qtbot.keyClicks(editor.contract_end, "20290228")
    assert editor.join_date.text() == "2024-03-01"  # tidied on leaving the field
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(editor.contract_end, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    data = ui_services.franchisees.get(ui_users["admin"], f.id).data
    assert data.join_date == date(2024, 3, 1) and data.contract_end == date(2029, 2, 28)
    assert editor.contract_end.text() == "2029-02-28"


def test_a_date_that_cannot_be_read_is_refused_beside_its_field_not_dropped(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    editor = open_editor(ui_users["zhang"], f.id)
    editor.contract_start.setFocus()
    qtbot.keyClicks(editor.contract_start, "2024-02-30")
    assert editor.has_unsaved_changes()  # text that is no date is an edit too: Ctrl+S must not ignore it
    with qtbot.assertNotEmitted(editor.saved):
        qtbot.keyClick(editor.contract_start, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.form.error_text("contract_start") == "Enter a date as yyyy-mm-dd, or leave the field empty."
    assert editor.contract_start.text() == "2024-02-30"
    assert ui_services.franchisees.get(ui_users["admin"], f.id).version == f.version


# ----- Esc ---------------------------------------------------------------------------------------------------
def test_escape_asks_before_dropping_edits_and_cancel_keeps_them(
    qtbot, open_editor, ui_users, sample_franchisees
):
    editor = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    replace_text(editor.city, "宁波")
    seen = answer_message_box(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(editor.city, Qt.Key.Key_Escape)
    assert seen == ["Discard your unsaved changes to 杭州金辉珠宝有限公司?"]
    assert editor.city.text() == "宁波" and editor.has_unsaved_changes()


def test_escape_without_edits_asks_nothing(qtbot, open_editor, ui_users, sample_franchisees, monkeypatch):
    def no_question(*_args, **_kwargs):
        raise AssertionError("nothing was edited: no question")

    monkeypatch.setattr(QMessageBox, "exec", no_question)
    editor = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    qtbot.keyClick(editor.city, Qt.Key.Key_Escape)
    assert editor.title.text() == "杭州金辉珠宝有限公司" and editor.city.text() == "杭州"
    editor.new()
    assert editor.cancel_button.isEnabled()  # a new form can always be left
    qtbot.keyClick(editor.code, Qt.Key.Key_Escape)
    assert editor.stack.currentWidget() is not editor.empty_label
    assert editor.title.text() == "杭州金辉珠宝有限公司"  # back to the franchisee shown before


def test_escape_in_a_new_franchisee_goes_back_to_the_one_shown_before(
    qtbot, open_editor, ui_users, sample_franchisees
):
    editor = open_editor(ui_users["zhang"], sample_franchisees[1].id)
    editor.new()
    replace_text(editor.legal_name, "温州金鼎珠宝有限公司")
    seen = answer_message_box(QMessageBox.StandardButton.Discard)
    qtbot.keyClick(editor.legal_name, Qt.Key.Key_Escape)
    assert seen == ["Discard your unsaved changes to 温州金鼎珠宝有限公司?"]
    assert editor.title.text() == "成都福满堂黄金首饰有限公司"
    assert editor.legal_name.text() == "成都福满堂黄金首饰有限公司" and not editor.has_unsaved_changes()
    assert editor.tabs.isTabEnabled(editor.tabs.indexOf(editor.contacts_tab))


def test_escape_in_a_new_franchisee_with_nothing_before_shows_the_empty_state(qtbot, open_editor, ui_users):
    editor = open_editor(ui_users["zhang"])
    editor.new()
    editor.code.setFocus()
    qtbot.keyClicks(editor.code, "JX0100")
    answer_message_box(QMessageBox.StandardButton.Discard)
    editor.cancel_button.click()
    assert editor.stack.currentWidget() is editor.empty_label
    assert "Ctrl+N" in editor.empty_label.text()
    assert not editor.has_unsaved_changes()
    editor.new()  # and a new form starts blank again
    assert editor.code.text() == ""


# ----- required fields, stale messages, "Saved" --------------------------------------------------------------
def test_required_fields_are_marked_and_the_mark_explained(open_editor, ui_users, sample_franchisees):
    editor = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    starred = {name for name, label in editor.form.labels.items() if "*" in label.text()}
    assert starred == {"code", "legal_name", "city", "tier"}
    note = editor.findChild(QLabel, "requiredNote")
    assert note.isVisible() and "required" in note.text()
    other = open_editor(ui_users["zhang"], sample_franchisees[2].id)  # li's: read only for zhang
    assert not any("*" in label.text() for label in other.form.labels.values())
    assert not other.findChild(QLabel, "requiredNote").isVisible()


def test_a_field_message_goes_when_the_field_is_edited(qtbot, open_editor, ui_users, sample_franchisees):
    editor = open_editor(ui_users["admin"])
    editor.new()
    editor.code.setFocus()
    qtbot.keyClicks(editor.code, "JX0001")
    replace_text(editor.legal_name, "杭州金福珠宝有限公司")
    replace_text(editor.city, "杭州")
    editor.save()
    assert editor.form.error_text("code") == "Another franchisee already has the code JX0001."
    assert "border" in editor.code.styleSheet()
    assert editor.message.text() == "Nothing was saved: correct the fields marked in red."
    qtbot.keyClick(editor.code, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor.code, "9")
    assert editor.form.error_text("code") == "" and not editor.form.errors["code"].isVisible()
    assert editor.code.styleSheet() == ""
    assert not editor.message.isVisible()  # no field is marked any more
    with qtbot.waitSignal(editor.saved):
        editor.save()


def test_ctrl_s_says_saved_until_the_next_edit(qtbot, open_editor, ui_users, sample_franchisees, monkeypatch):
    monkeypatch.setattr(ProfileEditor, "SAVED_MESSAGE_MS", 1000)
    editor = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    assert not editor.message.isVisible()
    replace_text(editor.city, "宁波")
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(editor.city, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.message.isVisible() and editor.message.text() == "✓ Saved"
    assert "#1e8449" in editor.message.styleSheet()  # green, not an error's red
    type_text(editor.city, "市")
    assert not editor.message.isVisible()
    with qtbot.waitSignal(editor.saved):
        editor.save()
    assert editor.message.text() == "✓ Saved"
    qtbot.waitUntil(lambda: not editor.message.isVisible(), timeout=3000)  # and goes by itself


# ----- contacts and stores: selection and keys ----------------------------------------------------------------
def _selected_name(editor, view, model, column_index) -> str | None:
    rows = view.selectionModel().selectedRows()
    return model.index(rows[0].row(), column_index).data() if rows else None


def test_a_new_contact_is_selected_and_make_primary_keeps_the_row_selected(
    qtbot, open_editor, ui_users, sample_franchisees
):
    editor = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    editor.tabs.setCurrentWidget(editor.contacts_tab)
    model, view = editor.contacts_model, editor.contacts_view
    editor.add_contact_button.click()
    dialog = editor.current_dialog()
    dialog.name.setFocus()
    type_text(dialog.name, "赵强")
    dialog.save_button.click()
    assert _selected_name(editor, view, model, model.NAME) == "赵强"
    assert editor.primary_button.isEnabled()
    editor.primary_button.click()
    assert column(model, model.NAME) == ["赵强", "王芳"]  # re-sorted, primary first
    assert _selected_name(editor, view, model, model.NAME) == "赵强"
    view.selectRow(1)
    editor.edit_contact_button.click()
    dialog = editor.current_dialog()
    dialog.wechat_id.setText("wangfang88")
    dialog.save_button.click()
    assert _selected_name(editor, view, model, model.NAME) == "王芳"


def test_enter_opens_the_selected_contact_and_delete_asks_to_delete_it(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    editor = open_editor(ui_users["zhang"], f.id)
    editor.tabs.setCurrentWidget(editor.contacts_tab)
    view = editor.contacts_view
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = editor.current_dialog()
    assert isinstance(dialog, ContactDialog) and dialog.name.text() == "王芳" and not dialog.read_only
    dialog.reject()
    seen = answer_message_box(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert seen == ["Delete the contact 王芳?"]
    assert column(editor.contacts_model, editor.contacts_model.NAME) == ["王芳"]
    seen = answer_message_box(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert seen == ["Delete the contact 王芳?"]
    assert column(editor.contacts_model, editor.contacts_model.NAME) == []
    assert ui_services.contacts.list(ui_users["admin"], f.id) == []


def test_a_viewer_opens_a_contact_with_enter_but_delete_does_nothing(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees, monkeypatch
):
    monkeypatch.setattr(QMessageBox, "exec", lambda *_a: pytest.fail("a viewer is never asked to delete"))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: pytest.fail("a viewer is never asked to delete"))
    f = sample_franchisees[0]
    editor = open_editor(ui_users["viewer"], f.id)
    editor.tabs.setCurrentWidget(editor.contacts_tab)
    view = editor.contacts_view
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert len(ui_services.contacts.list(ui_users["admin"], f.id)) == 1
    qtbot.keyClick(view, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    dialog = editor.current_dialog()
    assert isinstance(dialog, ContactDialog) and dialog.read_only


def test_stores_a_new_store_is_selected_and_enter_and_delete_work(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    editor = open_editor(ui_users["zhang"], f.id)
    editor.tabs.setCurrentWidget(editor.stores_tab)
    model, view = editor.stores_model, editor.stores_view
    for name in ("湖滨店", "西湖店"):
        editor.add_store_button.click()
        dialog = editor.current_dialog()
        dialog.name.setFocus()
        type_text(dialog.name, name)
        dialog.save_button.click()
        assert _selected_name(editor, view, model, model.NAME) == name
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = editor.current_dialog()
    assert isinstance(dialog, StoreDialog) and dialog.name.text() == "西湖店"
    dialog.floor_area.setText("90")
    dialog.save_button.click()
    assert _selected_name(editor, view, model, model.NAME) == "西湖店"
    seen = answer_message_box(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert seen == ["Delete the store 西湖店?"]
    assert [s.data.name for s in ui_services.stores.list(ui_users["admin"], f.id)] == ["湖滨店"]


def test_escape_in_a_date_fields_calendar_closes_only_the_calendar(
    qtbot, open_editor, ui_users, sample_franchisees, monkeypatch
):
    from PySide6.QtWidgets import QTableView

    monkeypatch.setattr(
        QMessageBox, "exec", lambda *_a: pytest.fail("Esc in the calendar is not Esc in the form")
    )
    editor = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    replace_text(editor.city, "宁波")
    editor.join_date.setFocus()
    qtbot.keyClick(editor.join_date, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = QApplication.activePopupWidget()
    assert popup is editor.join_date.popup()
    qtbot.keyClick(popup.calendar.findChild(QTableView), Qt.Key.Key_Escape)
    assert QApplication.activePopupWidget() is None and editor.join_date.popup() is None
    assert editor.city.text() == "宁波" and editor.join_date.text() == ""
    assert QApplication.focusWidget() is editor.join_date
