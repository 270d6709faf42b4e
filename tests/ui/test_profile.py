"""The franchisee profile editor on real widgets over a real SQLite database (inline task runner).

Everything goes through the page objects of tests/ui/pages.py: what a user sees and does, not where the
widgets live.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.franchisee import LifecycleStatus, StatusChange
from hqdesk.domain.roles import Role
from hqdesk.ui.dialogs.conflict_dialog import ConflictDialog
from hqdesk.ui.dialogs.contact_dialog import ContactDialog
from hqdesk.ui.dialogs.status_dialog import StatusDialog
from hqdesk.ui.dialogs.store_dialog import StoreDialog
from hqdesk.ui.views.profile import ProfileEditor
from tests.ui.conftest import type_text
from tests.ui.pages import DialogPage, ProfilePage, answer_message_box


@pytest.fixture
def open_editor(qtbot, make_ctx):
    """open_editor(actor, franchisee_id=None) -> the ProfilePage of a shown, active ProfileEditor."""

    def make(actor, franchisee_id: int | None = None) -> ProfilePage:
        editor = ProfileEditor(make_ctx(actor))
        qtbot.addWidget(editor)
        editor.resize(1100, 760)
        with qtbot.waitActive(editor):  # shortcuts (Ctrl+S, Esc) need an active window
            editor.show()
            editor.activateWindow()
        if franchisee_id is not None:
            editor.load(franchisee_id)
        return ProfilePage(editor, qtbot)

    return make


# ----- loading and showing -----------------------------------------------------------------------------------
def test_empty_state_before_anything_is_loaded(open_editor, ui_users):
    page = open_editor(ui_users["admin"])
    assert page.is_empty() and "Ctrl+N" in page.empty_text()
    assert not page.is_dirty()


def test_load_shows_the_profile_and_its_contacts(open_editor, ui_users, sample_franchisees):
    page = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    assert page.title() == "杭州金辉珠宝有限公司" and page.code() == "JX0001"
    assert page.text("legal_name") == "杭州金辉珠宝有限公司"
    assert page.text("city") == "杭州"
    assert page.text("registered_capital") == "1,000,000.00"
    assert page.text("account_manager_id") == "张伟"
    assert page.badge("status") == "Prospect"
    assert page.status_text().startswith("Status: Prospect since ")
    assert page.tab_title("contacts") == "Contacts (1)"
    assert page.rows("contacts", "NAME") == ["王芳"]
    assert page.rows("contacts", "MOBILE") == ["13812345678"]
    assert page.rows("contacts", "PRIMARY") == ["★"]
    assert not page.is_dirty()
    assert not page.button("save").isEnabled() and not page.unsaved_shown()


# ----- editing and saving ------------------------------------------------------------------------------------
def test_editing_the_city_and_ctrl_s_saves(qtbot, open_editor, ui_users, ui_services, sample_franchisees):
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    page.fill("city", "宁波")
    assert page.is_dirty() and page.unsaved_shown() and page.button("save").isEnabled()
    with (
        qtbot.waitSignal(page.editor.saved) as saved,
        qtbot.waitSignal(page.editor.ctx.bus.changed) as changed,
    ):
        page.ctrl_s("city")
    assert saved.args == [f.id]
    (changes,) = changed.args
    assert changes.entities == {Entity.FRANCHISEE} and changes.ids == {f.id}
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.city == "宁波"
    assert not page.is_dirty() and not page.unsaved_shown()
    # the History tab tells who changed what
    assert "Profile changed" in page.rows("history", "WHAT")
    assert "City: 杭州 → 宁波" in page.rows("history", "CHANGES")
    assert "张伟" in page.rows("history", "WHO")


def test_invalid_uscc_is_shown_under_the_field_and_nothing_is_saved(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    page.tab("contacts")
    page.set("uscc", "91330100MA2B3C4D5X")  # wrong check character
    page.set("city", "宁波")
    with qtbot.assertNotEmitted(page.editor.saved):
        page.save()
    assert page.error("uscc") == "The check character does not match: the code has a typo."
    assert page.error_shown("uscc")
    assert page.current_tab() == "profile"  # brought back to the field
    assert page.focused() is page.field("uscc")
    after = ui_services.franchisees.get(ui_users["admin"], f.id)
    assert after.version == f.version and after.data.city == "杭州"
    assert page.is_dirty()  # the edits stay for the user to correct


def test_a_required_field_left_empty_is_shown_under_it(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[1]
    page = open_editor(ui_users["zhang"], f.id)
    page.set("legal_name", "")
    with qtbot.assertNotEmitted(page.editor.saved):
        page.save()
    assert page.error("legal_name") == "Enter the company's legal name."
    assert page.error("city") == ""
    assert (
        ui_services.franchisees.get(ui_users["admin"], f.id).data.legal_name == "成都福满堂黄金首饰有限公司"
    )
    # correcting it clears the message on the next save
    page.fill("legal_name", "成都福满堂珠宝有限公司")
    page.save()
    assert page.error("legal_name") == ""
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.legal_name == "成都福满堂珠宝有限公司"


def test_an_unreadable_amount_is_caught_before_the_service(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    page.set("registered_capital", "1.000.000")  # pasted with dots as thousands separators
    page.set("legal_name", "")
    page.save()
    assert page.error("registered_capital") == "Enter an amount in yuan, e.g. 1000000.00."
    assert page.error("legal_name") == "Enter the company's legal name."  # shown at the same time
    assert ui_services.franchisees.get(ui_users["admin"], f.id).version == f.version


def test_escape_reverts_unsaved_edits(qtbot, open_editor, ui_users, sample_franchisees):
    page = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    page.fill("city", "宁波")
    page.set("tags", "重点, 新店")
    page.set("notes", "周末来访")
    assert page.is_dirty()
    seen = answer_message_box(QMessageBox.StandardButton.Discard)  # Esc asks first (see the tests below)
    page.escape("tags")
    assert seen == ["Discard your unsaved changes to 杭州金辉珠宝有限公司?"]
    assert page.text("city") == "杭州"
    assert page.text("tags") == "" and page.text("notes") == ""
    assert not page.is_dirty() and not page.unsaved_shown()


def test_editing_back_to_the_original_is_not_unsaved(open_editor, ui_users, sample_franchisees):
    page = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    page.set("city", "宁波")
    assert page.is_dirty()
    page.set("city", "杭州")
    assert not page.is_dirty()


def test_creating_a_new_franchisee(qtbot, open_editor, ui_users, ui_services):
    page = open_editor(ui_users["zhang"])
    page.editor.new()
    assert page.title() == "New franchisee"
    assert not page.tab_enabled("contacts")
    assert page.text("account_manager_id") == "张伟" and not page.enabled("account_manager_id")
    assert not page.shown("status") and not page.shown("archive")
    page.set("code", "JX0100")
    page.fill("legal_name", "温州金鼎珠宝有限公司")
    page.fill("city", "温州")
    page.set("registered_capital", "500000")
    page.set("join_date", date(2024, 3, 1))
    with qtbot.waitSignal(page.editor.saved) as saved:
        page.save()
    detail = ui_services.franchisees.get(ui_users["admin"], saved.args[0])
    assert detail.data.legal_name == "温州金鼎珠宝有限公司" and detail.data.city == "温州"
    assert detail.data.account_manager_id == ui_users["zhang"].user_id
    assert str(detail.data.registered_capital) == "500000.00"
    assert detail.status == LifecycleStatus.PROSPECT
    assert page.title() == "温州金鼎珠宝有限公司"
    assert page.tab_enabled("contacts")
    assert page.shown("status")
    assert not page.is_dirty()


def test_a_new_franchisee_with_a_taken_code_is_refused_beside_the_code(
    open_editor, ui_users, ui_services, sample_franchisees
):
    page = open_editor(ui_users["admin"])
    page.editor.new()
    page.set("code", "jx0001")
    page.set("legal_name", "重复")
    page.set("city", "杭州")
    page.save()
    assert page.error("code") == "Another franchisee already has the code jx0001."
    assert page.title() == "New franchisee"


# ----- permissions -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("who", ["viewer", "credit"])
def test_viewers_and_credit_managers_see_a_read_only_profile(open_editor, ui_users, sample_franchisees, who):
    page = open_editor(ui_users[who], sample_franchisees[0].id)
    assert page.text("legal_name") == "杭州金辉珠宝有限公司"
    assert page.is_read_only() and not page.enabled("tier")
    for button in ("save", "cancel", "status", "archive", "contacts.add", "contacts.delete", "stores.add"):
        assert not page.shown(button), button
    assert "can view franchisees but not change them" in page.note()
    page.set("city", "宁波")  # even a programmatic change is no unsaved edit
    assert not page.is_dirty()


def test_an_account_manager_edits_own_franchisees_only(open_editor, ui_users, sample_franchisees):
    page = open_editor(ui_users["zhang"], sample_franchisees[0].id)  # zhang's own
    assert not page.is_read_only()
    assert page.shown("save") and page.shown("status")
    assert not page.shown("archive")  # archiving is for administrators
    assert not page.enabled("account_manager_id")  # reassigning too
    assert page.note() == ""

    page.editor.load(sample_franchisees[2].id)  # li's
    assert page.title() == "佛山市顺德区金凤银楼"
    assert page.is_read_only()
    assert not page.shown("save") and not page.shown("status")
    assert not page.shown("contacts.add")
    assert "李娜 looks after this franchisee" in page.note()
    assert page.button("contacts.edit").text() == "View…"


def test_an_admin_may_reassign_and_archive(qtbot, open_editor, ui_users, ui_services, sample_franchisees):
    f = sample_franchisees[0]
    page = open_editor(ui_users["admin"], f.id)
    assert page.enabled("account_manager_id")
    page.set("account_manager_id", "李娜")
    page.save()
    assert (
        ui_services.franchisees.get(ui_users["admin"], f.id).data.account_manager_id == ui_users["li"].user_id
    )

    seen = answer_message_box(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.editor.saved):
        page.click("archive")
    assert "Archive 杭州金辉珠宝有限公司?" in seen[0]
    assert ui_services.franchisees.get(ui_users["admin"], f.id).archived
    assert page.badge("archived") == "Archived" and page.button("archive").text() == "Restore from archive"
    page.click("archive")  # restoring needs no confirmation
    assert not ui_services.franchisees.get(ui_users["admin"], f.id).archived
    assert "Restored from the archive" in page.rows("history", "WHAT")


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
    page = open_editor(ui_users["zhang"], f.id)
    _change_city_behind_the_editor(ui_services, ui_users["admin"], f.id, "温州")
    page.fill("city", "宁波")
    with qtbot.assertNotEmitted(page.editor.saved):
        page.save()
    dialog = page.dialog()
    assert isinstance(dialog, ConflictDialog) and dialog.isVisible()
    assert "管理员 changed this record at" in dialog.message.text()
    assert "Nothing was saved." in dialog.message.text()
    rows = [[dialog.model.index(r, c).data() for c in range(3)] for r in range(dialog.model.rowCount())]
    assert rows == [["City", "温州", "宁波"]]
    assert dialog.overwrite_button is None  # an account manager may not overwrite
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.city == "温州"

    dialog.reload_button.click()
    assert page.text("city") == "温州"
    assert not page.is_dirty()
    assert page.dialog() is None
    page.fill("city", "宁波")  # saving on the reloaded version works
    page.save()
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.city == "宁波"


def test_keep_editing_keeps_the_edits_and_saving_conflicts_again(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    _change_city_behind_the_editor(ui_services, ui_users["admin"], f.id, "温州")
    page.fill("city", "宁波")
    page.save()
    page.dialog().keep_button.click()
    assert page.text("city") == "宁波" and page.is_dirty()
    assert "Not saved" in page.message()
    page.save()
    assert isinstance(page.dialog(), ConflictDialog)
    page.dialog().reject()  # Esc: keep editing too
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.city == "温州"


def test_an_admin_may_overwrite_with_their_version(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    page = open_editor(ui_users["admin"], f.id)
    _change_city_behind_the_editor(ui_services, ui_users["zhang"], f.id, "温州")
    page.fill("city", "宁波")
    page.save()
    dialog = page.dialog()
    assert "张伟 changed this record" in dialog.message.text()
    with qtbot.waitSignal(page.editor.saved):
        dialog.overwrite_button.click()
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.city == "宁波"
    assert page.text("city") == "宁波" and not page.is_dirty()


def test_a_change_by_another_user_to_other_fields_is_listed_too(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    """Saving over a colleague's change of the address would undo it: the dialog lists it."""
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    current = ui_services.franchisees.get(ui_users["admin"], f.id)
    ui_services.franchisees.update(
        ui_users["admin"],
        f.id,
        current.version,
        replace(current.data, address="延安路1号"),
        base=current.data,
    )
    page.fill("city", "宁波")
    page.save()
    model = page.dialog().model
    assert [model.index(0, c).data() for c in range(3)] == ["Address", "延安路1号", "(you did not change it)"]


# ----- unsaved changes ---------------------------------------------------------------------------------------
def test_confirm_discard_cancel_keeps_the_edits(open_editor, ui_users, sample_franchisees):
    page = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    assert page.editor.confirm_discard()  # nothing to lose: no question
    page.set("city", "宁波")
    seen = answer_message_box(QMessageBox.StandardButton.Cancel)
    assert not page.editor.confirm_discard()
    assert seen == ["Save your changes to 杭州金辉珠宝有限公司?"]
    assert page.text("city") == "宁波" and page.is_dirty()


def test_confirm_discard_discard_reverts(open_editor, ui_users, sample_franchisees):
    page = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    page.set("city", "宁波")
    answer_message_box(QMessageBox.StandardButton.Discard)
    assert page.editor.confirm_discard()
    assert page.text("city") == "杭州" and not page.is_dirty()


def test_confirm_discard_save_saves_or_stays(open_editor, ui_users, ui_services, sample_franchisees):
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    page.set("city", "宁波")
    answer_message_box(QMessageBox.StandardButton.Save)
    assert page.editor.confirm_discard()
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.city == "宁波"
    page.set("city", "")  # invalid: the save fails, the caller must not move on
    answer_message_box(QMessageBox.StandardButton.Save)
    assert not page.editor.confirm_discard()
    assert page.error("city") == "Enter the city."


# ----- status, contacts, stores ------------------------------------------------------------------------------
def test_a_status_change_is_recorded_in_the_history_tab(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    page.click("status")
    dialog = page.dialog()
    assert isinstance(dialog, StatusDialog)
    assert [dialog.status.itemText(i) for i in range(dialog.status.count())] == ["Active", "Terminated"]
    status = DialogPage(dialog, qtbot)
    status.set("status", "Active")
    status.fill("reason", "合同已签署")
    with qtbot.waitSignal(page.editor.saved):
        status.save()
    assert not status.is_open()
    assert ui_services.franchisees.get(ui_users["admin"], f.id).status == LifecycleStatus.ACTIVE
    assert page.badge("status") == "Active"
    assert page.rows("history", "CHANGE", part="status")[0] == "Prospect → Active"
    assert page.rows("history", "REASON", part="status")[0] == "合同已签署"
    assert page.rows("history", "WHO", part="status")[0] == "张伟"
    assert "Status changed" in page.rows("history", "WHAT")
    # the profile is still saveable afterwards (the status change moved the record's version on)
    page.set("city", "宁波")
    page.save()
    assert page.dialog() is None
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.city == "宁波"


def test_adding_a_contact_shows_it_in_the_contacts_tab(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    page.tab("contacts")
    page.click("contacts.add")
    assert isinstance(page.dialog(), ContactDialog)
    contact = DialogPage(page.dialog(), qtbot)
    contact.fill("name", "赵强")
    contact.set("honorific", "总")
    contact.set("mobile", "139 0000 2222")
    with qtbot.waitSignal(page.editor.ctx.bus.changed) as changed:
        contact.save()
    assert changed.args[0].entities == {Entity.CONTACT}
    assert not contact.is_open()
    assert page.rows("contacts", "NAME") == ["王芳", "赵强 总"]
    assert page.rows("contacts", "MOBILE")[1] == "13900002222"
    assert page.tab_title("contacts") == "Contacts (2)"
    assert [c.data.name for c in ui_services.contacts.list(ui_users["admin"], f.id)] == ["王芳", "赵强"]


def test_double_click_edits_and_make_primary_and_delete(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    from hqdesk.domain.contact import ContactData

    f = sample_franchisees[0]
    ui_services.contacts.add(ui_users["admin"], f.id, ContactData(name="赵强", mobile="13900002222"))
    page = open_editor(ui_users["zhang"], f.id)
    page.tab("contacts")
    page.select_row("contacts", 1)
    assert page.button("contacts.make_primary").isEnabled()
    page.click("contacts.make_primary")
    assert page.rows("contacts", "NAME")[0] == "赵强"  # primary first
    assert page.rows("contacts", "PRIMARY") == ["★", ""]

    page.double_click_row("contacts", 1)
    dialog = page.dialog()
    assert isinstance(dialog, ContactDialog) and dialog.name.text() == "王芳"
    DialogPage(dialog).set("wechat_id", "wangfang88")
    DialogPage(dialog).save()
    assert page.rows("contacts", "WECHAT")[1] == "wangfang88"

    page.select_row("contacts", 1)
    seen = answer_message_box(QMessageBox.StandardButton.Yes)
    page.click("contacts.delete")
    assert seen == ["Delete the contact 王芳?"]
    assert page.rows("contacts", "NAME") == ["赵强"]
    assert "Contact deleted: 王芳" in page.rows("history", "WHAT")


def test_adding_a_store_shows_it_in_the_stores_tab(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    page.tab("stores")
    page.click("stores.add")
    assert isinstance(page.dialog(), StoreDialog)
    store = DialogPage(page.dialog(), qtbot)
    assert store.text("city") == "杭州"  # the franchisee's city to start with
    store.fill("name", "金辉珠宝湖滨店")
    store.set("floor_area", "86.5")
    store.save()
    assert page.rows("stores", "NAME") == ["金辉珠宝湖滨店"]
    assert page.rows("stores", "STATUS") == ["Open"]
    assert page.rows("stores", "AREA") == ["86.50"]
    assert page.tab_title("stores") == "Stores (1)"
    assert ui_services.stores.list(ui_users["admin"], f.id)[0].data.floor_area is not None


def test_a_change_elsewhere_reloads_a_clean_editor_but_not_a_dirty_one(
    open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    _change_city_behind_the_editor(ui_services, ui_users["admin"], f.id, "温州")
    page.editor.ctx.bus.notify(
        Changes.of(Entity.FRANCHISEE, [f.id])
    )  # as the list view would after its write
    assert page.text("city") == "温州"
    page.set("notes", "我的笔记")
    _change_city_behind_the_editor(ui_services, ui_users["admin"], f.id, "台州")
    page.editor.ctx.bus.notify(Changes.of(Entity.FRANCHISEE, [f.id]))
    assert page.text("city") == "温州" and page.text("notes") == "我的笔记"
    assert "管理员 changed this franchisee after you opened it" in page.message()


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
    page = ProfilePage(editor, qtbot)
    try:
        editor.load(sample_franchisees[0].id)
        editor.load(sample_franchisees[1].id)  # clicked on before the first one arrived
        # both loads have come back (the first one possibly after the second): the second one is shown
        qtbot.waitUntil(lambda: not runner.busy)
        assert page.title() == "成都福满堂黄金首饰有限公司"
        page.set("city", "绵阳")
        answer_message_box(QMessageBox.StandardButton.Save)
        assert editor.confirm_discard()  # returns after the background save succeeded
        assert ui_services.franchisees.get(ui_users["admin"], sample_franchisees[1].id).data.city == "绵阳"
    finally:
        runner.wait()


# ----- dates typed into the profile --------------------------------------------------------------------------
def test_a_date_typed_into_an_empty_date_field_is_saved(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    assert page.text("join_date") == ""
    page.keys("join_date", "2024-3-1")
    assert page.is_dirty()
    page.keys("contract_end", "20290228")
    assert page.text("join_date") == "2024-03-01"  # tidied on leaving the field
    with qtbot.waitSignal(page.editor.saved):
        page.ctrl_s("contract_end")
    data = ui_services.franchisees.get(ui_users["admin"], f.id).data
    assert data.join_date == date(2024, 3, 1) and data.contract_end == date(2029, 2, 28)
    assert page.text("contract_end") == "2029-02-28"


def test_a_date_that_cannot_be_read_is_refused_beside_its_field_not_dropped(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    page.keys("contract_start", "2024-02-30")
    assert page.is_dirty()  # text that is no date is an edit too: Ctrl+S must not ignore it
    with qtbot.assertNotEmitted(page.editor.saved):
        page.ctrl_s("contract_start")
    assert page.error("contract_start") == "Enter a date as yyyy-mm-dd, or leave the field empty."
    assert page.text("contract_start") == "2024-02-30"
    assert ui_services.franchisees.get(ui_users["admin"], f.id).version == f.version


# ----- Esc ---------------------------------------------------------------------------------------------------
def test_escape_asks_before_dropping_edits_and_cancel_keeps_them(
    qtbot, open_editor, ui_users, sample_franchisees
):
    page = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    page.fill("city", "宁波")
    seen = answer_message_box(QMessageBox.StandardButton.Cancel)
    page.escape("city")
    assert seen == ["Discard your unsaved changes to 杭州金辉珠宝有限公司?"]
    assert page.text("city") == "宁波" and page.is_dirty()


def test_escape_without_edits_asks_nothing(qtbot, open_editor, ui_users, sample_franchisees, monkeypatch):
    def no_question(*_args, **_kwargs):
        raise AssertionError("nothing was edited: no question")

    monkeypatch.setattr(QMessageBox, "exec", no_question)
    page = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    page.escape("city")
    assert page.title() == "杭州金辉珠宝有限公司" and page.text("city") == "杭州"
    page.editor.new()
    assert page.button("cancel").isEnabled()  # a new form can always be left
    page.escape("code")
    assert not page.is_empty()
    assert page.title() == "杭州金辉珠宝有限公司"  # back to the franchisee shown before


def test_escape_in_a_new_franchisee_goes_back_to_the_one_shown_before(
    qtbot, open_editor, ui_users, sample_franchisees
):
    page = open_editor(ui_users["zhang"], sample_franchisees[1].id)
    page.editor.new()
    page.fill("legal_name", "温州金鼎珠宝有限公司")
    seen = answer_message_box(QMessageBox.StandardButton.Discard)
    page.escape("legal_name")
    assert seen == ["Discard your unsaved changes to 温州金鼎珠宝有限公司?"]
    assert page.title() == "成都福满堂黄金首饰有限公司"
    assert page.text("legal_name") == "成都福满堂黄金首饰有限公司" and not page.is_dirty()
    assert page.tab_enabled("contacts")


def test_escape_in_a_new_franchisee_with_nothing_before_shows_the_empty_state(qtbot, open_editor, ui_users):
    page = open_editor(ui_users["zhang"])
    page.editor.new()
    page.keys("code", "JX0100")
    answer_message_box(QMessageBox.StandardButton.Discard)
    page.click("cancel")
    assert page.is_empty() and "Ctrl+N" in page.empty_text()
    assert not page.is_dirty()
    page.editor.new()  # and a new form starts blank again
    assert page.text("code") == ""


# ----- required fields, stale messages, "Saved" --------------------------------------------------------------
def test_required_fields_are_marked_and_the_mark_explained(open_editor, ui_users, sample_franchisees):
    page = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    assert page.starred() == {"code", "legal_name", "city", "tier"}
    assert page.required_note_shown()
    other = open_editor(ui_users["zhang"], sample_franchisees[2].id)  # li's: read only for zhang
    assert other.starred() == set() and not other.required_note_shown()


def test_a_field_message_goes_when_the_field_is_edited(qtbot, open_editor, ui_users, sample_franchisees):
    page = open_editor(ui_users["admin"])
    page.editor.new()
    page.keys("code", "JX0001")
    page.fill("legal_name", "杭州金福珠宝有限公司")
    page.fill("city", "杭州")
    page.save()
    assert page.error("code") == "Another franchisee already has the code JX0001."
    assert "border" in page.field("code").styleSheet()
    assert page.message() == "Nothing was saved: correct the fields marked in red."
    page.press("code", Qt.Key.Key_Backspace)
    qtbot.keyClicks(page.field("code"), "9")
    assert page.error("code") == "" and not page.error_shown("code")
    assert page.field("code").styleSheet() == ""
    assert page.message() == ""  # no field is marked any more
    with qtbot.waitSignal(page.editor.saved):
        page.save()


def test_ctrl_s_says_saved_until_the_next_edit(qtbot, open_editor, ui_users, sample_franchisees, monkeypatch):
    monkeypatch.setattr(ProfileEditor, "SAVED_MESSAGE_MS", 1000)
    page = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    assert page.message() == ""
    page.fill("city", "宁波")
    with qtbot.waitSignal(page.editor.saved):
        page.ctrl_s("city")
    assert page.message() == "✓ Saved"
    assert "#1e8449" in page.message_style()  # green, not an error's red
    type_text(page.field("city"), "市")
    assert page.message() == ""
    with qtbot.waitSignal(page.editor.saved):
        page.save()
    assert page.message() == "✓ Saved"
    qtbot.waitUntil(lambda: page.message() == "", timeout=3000)  # and goes by itself


# ----- contacts and stores: selection and keys ----------------------------------------------------------------
def test_a_new_contact_is_selected_and_make_primary_keeps_the_row_selected(
    qtbot, open_editor, ui_users, sample_franchisees
):
    page = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    page.tab("contacts")
    page.click("contacts.add")
    contact = DialogPage(page.dialog(), qtbot)
    contact.fill("name", "赵强")
    contact.save()
    assert page.selected("contacts") == "赵强"
    assert page.button("contacts.make_primary").isEnabled()
    page.click("contacts.make_primary")
    assert page.rows("contacts", "NAME") == ["赵强", "王芳"]  # re-sorted, primary first
    assert page.selected("contacts") == "赵强"
    page.select_row("contacts", 1)
    page.click("contacts.edit")
    contact = DialogPage(page.dialog(), qtbot)
    contact.set("wechat_id", "wangfang88")
    contact.save()
    assert page.selected("contacts") == "王芳"


def test_enter_opens_the_selected_contact_and_delete_asks_to_delete_it(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    page.tab("contacts")
    page.select_row("contacts", 0)
    page.press_in_list("contacts", Qt.Key.Key_Return)
    dialog = page.dialog()
    assert isinstance(dialog, ContactDialog) and dialog.name.text() == "王芳" and not dialog.read_only
    dialog.reject()
    seen = answer_message_box(QMessageBox.StandardButton.Cancel)
    page.press_in_list("contacts", Qt.Key.Key_Delete)
    assert seen == ["Delete the contact 王芳?"]
    assert page.rows("contacts", "NAME") == ["王芳"]
    seen = answer_message_box(QMessageBox.StandardButton.Yes)
    page.press_in_list("contacts", Qt.Key.Key_Delete)
    assert seen == ["Delete the contact 王芳?"]
    assert page.rows("contacts", "NAME") == []
    assert ui_services.contacts.list(ui_users["admin"], f.id) == []


def test_a_viewer_opens_a_contact_with_enter_but_delete_does_nothing(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees, monkeypatch
):
    monkeypatch.setattr(QMessageBox, "exec", lambda *_a: pytest.fail("a viewer is never asked to delete"))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: pytest.fail("a viewer is never asked to delete"))
    f = sample_franchisees[0]
    page = open_editor(ui_users["viewer"], f.id)
    page.tab("contacts")
    page.select_row("contacts", 0)
    page.press_in_list("contacts", Qt.Key.Key_Delete)
    assert len(ui_services.contacts.list(ui_users["admin"], f.id)) == 1
    page.press_in_list("contacts", Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    dialog = page.dialog()
    assert isinstance(dialog, ContactDialog) and dialog.read_only


def test_stores_a_new_store_is_selected_and_enter_and_delete_work(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    page.tab("stores")
    for name in ("湖滨店", "西湖店"):
        page.click("stores.add")
        store = DialogPage(page.dialog(), qtbot)
        store.fill("name", name)
        store.save()
        assert page.selected("stores") == name
    page.press_in_list("stores", Qt.Key.Key_Return)
    dialog = page.dialog()
    assert isinstance(dialog, StoreDialog) and dialog.name.text() == "西湖店"
    DialogPage(dialog).set("floor_area", "90")
    DialogPage(dialog).save()
    assert page.selected("stores") == "西湖店"
    seen = answer_message_box(QMessageBox.StandardButton.Yes)
    page.press_in_list("stores", Qt.Key.Key_Delete)
    assert seen == ["Delete the store 西湖店?"]
    assert [s.data.name for s in ui_services.stores.list(ui_users["admin"], f.id)] == ["湖滨店"]


def test_escape_in_a_date_fields_calendar_closes_only_the_calendar(
    qtbot, open_editor, ui_users, sample_franchisees, monkeypatch
):
    from PySide6.QtWidgets import QTableView

    monkeypatch.setattr(
        QMessageBox, "exec", lambda *_a: pytest.fail("Esc in the calendar is not Esc in the form")
    )
    page = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    page.fill("city", "宁波")
    join_date = page.field("join_date")
    join_date.setFocus()
    qtbot.keyClick(join_date, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = QApplication.activePopupWidget()
    assert popup is join_date.popup()
    qtbot.keyClick(popup.calendar.findChild(QTableView), Qt.Key.Key_Escape)
    assert QApplication.activePopupWidget() is None and join_date.popup() is None
    assert page.text("city") == "宁波" and page.text("join_date") == ""
    assert page.focused() is join_date


# ----- the split: tabs that declare what they show --------------------------------------------------------------
def test_every_tab_follows_the_tab_protocol_and_contacts_and_stores_are_one_generic_tab(
    open_editor, ui_users, sample_franchisees
):
    from hqdesk.ui.views.profile import ProfileTab, RowListTab

    page = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    tabs = page.editor.page_tabs
    assert all(isinstance(tab, ProfileTab) for tab in tabs)
    assert [tab.name for tab in tabs] == [
        "contacts",
        "stores",
        "visits",
        "complaints",
        "credit",
        "ledger",
        "analytics",
        "letters",
        "history",
    ]
    assert type(page.tab_widget("contacts")) is RowListTab and type(page.tab_widget("stores")) is RowListTab
    assert Entity.CONTACT in page.tab_widget("contacts").reload_on
    assert Entity.STORE in page.tab_widget("stores").reload_on
    assert [page.tab_title(t.name) for t in tabs] == [t.title() for t in tabs]
    assert [t.title() for t in tabs][:4] == ["Contacts (1)", "Stores (0)", "Visits (0)", "Complaints (0)"]
    assert page.tab_title("ledger") == "Ledger (0)"


def test_the_editor_reloads_only_on_the_changes_its_tabs_declare(
    open_editor, ui_users, ui_services, sample_franchisees, monkeypatch
):
    f, other = sample_franchisees[0], sample_franchisees[2]
    page = open_editor(ui_users["zhang"], f.id)
    loads = []
    real = ui_services.profile.load
    monkeypatch.setattr(ui_services.profile, "load", lambda *a: loads.append(a[1]) or real(*a))
    bus = page.editor.ctx.bus
    bus.notify(Changes.of(Entity.COMPANY))  # the letterhead: nothing the profile shows
    bus.notify(Changes.of(Entity.STORE, [99], [other.id]))  # another franchisee's store
    assert loads == []
    bus.notify(Changes.of(Entity.STORE, [99], [f.id]))
    assert loads == [f.id]


def test_no_module_of_the_profile_editor_is_over_600_lines():
    from pathlib import Path

    import hqdesk.ui.views.profile as package

    folder = Path(package.__file__).parent
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in folder.glob("*.py")}
    assert {"editor.py", "header.py", "form.py", "tabs.py"} <= set(sizes)
    assert max(sizes.values()) <= 600, sizes


def test_a_tier_added_elsewhere_is_offered_by_the_open_profile(
    open_editor, ui_users, ui_services, sample_franchisees
):
    page = open_editor(ui_users["admin"], sample_franchisees[0].id)
    assert "S" not in page.choices("tier")
    ui_services.tiers.add(ui_users["admin"], "S", "Strategic")
    page.editor.ctx.bus.notify(Changes.of(Entity.TIER))  # as the settings dialog does after its write
    assert "S" in page.choices("tier")
    assert page.text("tier") == "A" and not page.is_dirty()


def test_a_user_added_elsewhere_is_offered_as_account_manager(
    open_editor, ui_users, ui_services, sample_franchisees
):
    page = open_editor(ui_users["admin"], sample_franchisees[0].id)
    ui_services.users.create_user(ui_users["admin"], "wang", "王磊", Role.ACCOUNT_MANAGER, "password-1")
    page.editor.ctx.bus.notify(Changes.of(Entity.USER))
    assert "王磊" in page.choices("account_manager_id")


# ----- refusals after the rights changed ------------------------------------------------------------------------
def _set_user(ui_services, admin, username: str, **changes) -> None:
    dto = next(u for u in ui_services.users.list_users(admin) if u.username == username)
    fields = {"display_name": dto.display_name, "role": dto.role, "active": dto.active, "email": dto.email}
    ui_services.users.update_user(admin, dto.id, dto.version, **(fields | changes))


def _reassign(ui_services, admin, franchisee_id: int, manager_id: int) -> None:
    current = ui_services.franchisees.get(admin, franchisee_id)
    ui_services.franchisees.update(
        admin,
        franchisee_id,
        current.version,
        replace(current.data, account_manager_id=manager_id),
        base=current.data,
    )


def test_a_save_refused_after_a_reassignment_turns_the_form_read_only_and_says_why(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees, monkeypatch
):
    monkeypatch.setattr(
        QMessageBox, "open", lambda *_a: pytest.fail("a refusal is said on the form, not in a box")
    )
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    _reassign(ui_services, ui_users["admin"], f.id, ui_users["li"].user_id)
    page.fill("city", "宁波")
    with qtbot.assertNotEmitted(page.editor.saved):
        page.save()
    assert page.is_read_only() and not page.shown("status") and not page.shown("contacts.add")
    assert "Nothing was saved: your rights to this franchisee have changed." in page.note()
    assert "李娜 looks after this franchisee" in page.note()
    assert page.text("city") == "宁波"  # what was typed stays to be copied, but cannot be saved
    assert ui_services.franchisees.get(ui_users["admin"], f.id).data.city == "杭州"


def test_a_save_refused_after_a_demotion_names_the_new_role(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    _set_user(ui_services, ui_users["admin"], "zhang", role=Role.VIEWER)
    page.fill("city", "宁波")
    page.save()
    assert page.is_read_only()
    assert "your role (Viewer) can view franchisees but not change them" in page.note()


def test_a_save_refused_because_the_account_was_disabled_locks_the_form(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    _set_user(ui_services, ui_users["admin"], "zhang", active=False)
    page.fill("city", "宁波")
    page.save()
    assert page.is_read_only() and not page.shown("status")
    assert "Your account has been disabled" in page.note()


def test_the_refusal_note_is_translated(qtbot, qapp, open_editor, ui_users, ui_services, sample_franchisees):
    from hqdesk.ui.i18n import install_translators

    install_translators(qapp, "zh_CN")
    f = sample_franchisees[0]
    page = open_editor(ui_users["zhang"], f.id)
    _reassign(ui_services, ui_users["admin"], f.id, ui_users["li"].user_id)
    page.fill("city", "宁波")
    page.save()
    note = page.note()
    assert "李娜" in note and "Nothing was saved" not in note and "looks after" not in note


# ----- archived franchisees -------------------------------------------------------------------------------------
def _archive(ui_services, admin, franchisee_id: int) -> None:
    current = ui_services.franchisees.get(admin, franchisee_id)
    import inspect

    confirm = "confirm_open_business" in inspect.signature(ui_services.franchisees.set_archived).parameters
    kwargs = {"confirm_open_business": True} if confirm else {}
    ui_services.franchisees.set_archived(admin, franchisee_id, current.version, True, **kwargs)


def test_an_archived_franchisee_is_read_only_and_only_restoring_is_offered(
    open_editor, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    _archive(ui_services, ui_users["admin"], f.id)
    page = open_editor(ui_users["admin"], f.id)
    assert page.is_read_only() and not page.enabled("account_manager_id")
    assert not page.shown("status") and not page.shown("contacts.add") and not page.shown("stores.add")
    assert page.shown("archive") and page.button("archive").text() == "Restore from archive"
    assert "Archived: read only" in page.note()
    page.click("archive")
    assert not ui_services.franchisees.get(ui_users["admin"], f.id).archived
    assert not page.is_read_only() and page.note() == ""
    zhang = open_editor(ui_users["zhang"], sample_franchisees[1].id)
    _archive(ui_services, ui_users["admin"], sample_franchisees[1].id)
    zhang.editor.ctx.bus.notify(Changes.of(Entity.FRANCHISEE, [sample_franchisees[1].id]))
    assert zhang.is_read_only() and not zhang.shown("archive")
    assert "An administrator can restore it" in zhang.note()


def test_archiving_a_franchisee_with_open_business_asks_again(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees, monkeypatch
):
    f = sample_franchisees[0]
    admin = ui_users["admin"]
    ui_services.franchisees.change_status(
        admin, f.id, f.version, StatusChange(LifecycleStatus.ACTIVE, date.today(), "签约")
    )
    real, calls = ui_services.franchisees.set_archived, []

    def set_archived(actor, franchisee_id, version, archived, confirm_open_business=False):
        """The real service (an active franchisee is archived only when the user confirmed), calls recorded."""
        calls.append(confirm_open_business)
        return real(actor, franchisee_id, version, archived, confirm_open_business=confirm_open_business)

    monkeypatch.setattr(ui_services.franchisees, "set_archived", set_archived)
    page = open_editor(admin, f.id)
    answer_message_box(QMessageBox.StandardButton.Yes)  # "Archive …?"
    seen = answer_message_box(QMessageBox.StandardButton.Cancel)  # "… still does business"
    page.click("archive")
    assert calls == [False] and seen == [
        "杭州金辉珠宝有限公司 still does business with you. Archive it anyway?"
    ]
    assert not ui_services.franchisees.get(admin, f.id).archived

    answer_message_box(QMessageBox.StandardButton.Yes)
    answer_message_box("Archive anyway")
    with qtbot.waitSignal(page.editor.saved):
        page.click("archive")
    assert calls == [False, False, True]
    assert ui_services.franchisees.get(admin, f.id).archived and page.is_read_only()


# ----- an inactive account manager ------------------------------------------------------------------------------
def test_an_inactive_account_manager_is_shown_as_such_and_kept_when_saving_other_fields(
    qtbot, open_editor, ui_users, ui_services, sample_franchisees, monkeypatch
):
    f = sample_franchisees[0]
    _set_user(ui_services, ui_users["admin"], "zhang", active=False)
    page = open_editor(ui_users["admin"], f.id)
    assert page.text("account_manager_id") == "张伟 (inactive)"
    assert "张伟" not in page.choices("account_manager_id")  # not offered for new assignments
    sent = []
    real = ui_services.franchisees.update
    monkeypatch.setattr(ui_services.franchisees, "update", lambda *a, **k: sent.append(a[3]) or real(*a, **k))
    page.fill("notes", "只改备注")
    page.save()
    assert sent and sent[0].account_manager_id == ui_users["zhang"].user_id
    assert sent[0].notes == "只改备注"


# ----- Ctrl+S from anywhere in the window -----------------------------------------------------------------------
@pytest.mark.parametrize("focus", ["list", "search"])
def test_ctrl_s_saves_the_form_when_the_focus_is_in_the_list_or_the_search_box(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees, focus
):
    from hqdesk.ui.views.franchisees import FranchiseesView
    from tests.ui.pages import ListPage

    view = FranchiseesView(make_ctx(ui_users["zhang"]))
    qtbot.addWidget(view)
    view.resize(1300, 760)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    listing = ListPage(view, qtbot)
    qtbot.waitUntil(lambda: "JX0001" in listing.codes())
    listing.open_code("JX0001")
    qtbot.waitUntil(lambda: listing.profile.title() == "杭州金辉珠宝有限公司")
    listing.profile.set("city", "宁波")
    listing.focus_list() if focus == "list" else listing.focus_search()
    with qtbot.waitSignal(view.editor.saved):
        listing.ctrl_s()
    assert ui_services.franchisees.get(ui_users["admin"], sample_franchisees[0].id).data.city == "宁波"


def test_the_editor_loads_a_franchisee_with_the_one_profile_read(
    open_editor, ui_users, ui_services, sample_franchisees, monkeypatch
):
    """Not the five to seven reads of before (detail, contacts, stores, history, statuses, choices), each with its
    own session and rights lookup."""
    for service, name in (
        (ui_services.franchisees, "get"),
        (ui_services.franchisees, "history"),
        (ui_services.franchisees, "status_history"),
        (ui_services.franchisees, "tiers"),
        (ui_services.contacts, "list"),
        (ui_services.stores, "list"),
        (ui_services.users, "account_managers"),
        (ui_services.users, "names"),
    ):
        monkeypatch.setattr(
            service, name, lambda *_a, n=name, **_k: pytest.fail(f"{n}: read outside the bundle")
        )
    page = open_editor(ui_users["zhang"], sample_franchisees[0].id)
    assert page.title() == "杭州金辉珠宝有限公司" and page.rows("contacts", "NAME") == ["王芳"]
    assert "B" in page.choices("tier") and "李娜" in page.choices("account_manager_id")
    assert page.rows("history", "WHAT")
