"""Contact, store, status and conflict dialogs, and the table models behind the profile editor's tabs."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from hqdesk.domain.changes import Entity
from hqdesk.domain.contact import Anniversary, ContactData, StoreData, StoreStatus
from hqdesk.domain.errors import ConflictError
from hqdesk.domain.franchisee import LifecycleStatus, StatusChange
from hqdesk.ui.dialogs.conflict_dialog import ConflictDialog, ConflictModel
from hqdesk.ui.dialogs.contact_dialog import ContactDialog
from hqdesk.ui.dialogs.status_dialog import StatusDialog
from hqdesk.ui.dialogs.store_dialog import StoreDialog
from hqdesk.ui.i18n import fmt_date, fmt_datetime, fmt_money
from hqdesk.ui.models.contacts import AnniversariesModel, ContactsModel
from hqdesk.ui.models.history import HistoryModel, StatusHistoryModel, UserNames
from hqdesk.ui.models.stores import StoresModel
from tests.ui.conftest import type_text
from tests.ui.pages import DialogPage, answer_message_box

TODAY = date(2026, 3, 1)
NAMES = UserNames({"admin": "管理员", "zhang": "张伟", "li": "李娜"}, {1: "管理员", 2: "张伟", 3: "李娜"})


def _show(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def _contact(ui_services, actor, franchisee_id):
    return ui_services.contacts.list(actor, franchisee_id)[0]


# ----- the conflict dialog -----------------------------------------------------------------------------------
def _conflict(user="li", when="2026-03-01 08:30 UTC") -> ConflictError:
    return ConflictError(
        None,
        {
            "city": ("温州", "宁波"),
            "registered_capital": (Decimal("2000000.00"), Decimal("1000000.00")),
            "contract_end": (date(2027, 1, 31), None),
            "account_manager_id": (3, 2),
        },
        user,
        when,
    )


def test_conflict_dialog_says_who_when_and_what(qtbot):
    dialog = _show(qtbot, ConflictDialog(_conflict(), "franchisees", can_overwrite=False, names=NAMES))
    when = fmt_datetime(datetime(2026, 3, 1, 8, 30, tzinfo=UTC))  # shown in local time
    assert dialog.message.text() == (
        f"李娜 changed this record at {when} while you were editing it. Nothing was saved."
    )
    rows = [[dialog.model.index(r, c).data() for c in range(3)] for r in range(dialog.model.rowCount())]
    assert rows[0] == ["City", "温州", "宁波"]
    assert rows[1] == ["Registered capital", fmt_money(Decimal("2000000")), fmt_money(Decimal("1000000"))]
    assert rows[2][0] == "Contract end" and rows[2][2] == "—"
    assert rows[3] == ["Account manager", "李娜", "张伟"]
    assert dialog.overwrite_button is None
    assert (
        dialog.reload_button.text() == "Reload their version" and dialog.keep_button.text() == "Keep editing"
    )


def test_conflict_dialog_choices(qtbot):
    dialog = _show(qtbot, ConflictDialog(_conflict(), "franchisees", can_overwrite=True, names=NAMES))
    assert dialog.overwrite_button is not None and dialog.overwrite_button.text() == "Overwrite with mine"
    dialog.overwrite_button.click()
    assert dialog.choice == ConflictDialog.OVERWRITE and not dialog.isVisible()
    dialog = _show(qtbot, ConflictDialog(_conflict(), "franchisees", can_overwrite=True, names=NAMES))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice == ConflictDialog.KEEP and not dialog.isVisible()
    dialog = _show(qtbot, ConflictDialog(_conflict(), "franchisees", can_overwrite=False, names=NAMES))
    dialog.reload_button.click()
    assert dialog.choice == ConflictDialog.RELOAD


def test_conflict_dialog_when_the_other_user_is_unknown_or_changed_nothing_visible(qtbot):
    exc = ConflictError(None, {}, "?", "?")
    dialog = _show(qtbot, ConflictDialog(exc, "franchisees", can_overwrite=False))
    assert dialog.message.text() == (
        "Another user changed this record while you were editing it. Nothing was saved."
    )
    assert not dialog.table.isVisible()


# ----- the contact dialog ------------------------------------------------------------------------------------
def test_lunar_birthday_label_shows_the_lunar_date_and_next_celebration(
    qtbot, make_ctx, ui_users, sample_franchisees
):
    ctx = make_ctx(ui_users["zhang"])
    dialog = _show(qtbot, ContactDialog(ctx, sample_franchisees[0].id, today=TODAY))
    assert dialog.lunar_label.text() == ""
    DialogPage(dialog).set("birthday", date(1980, 9, 23))
    dialog.birthday_lunar.setChecked(True)
    text = dialog.lunar_label.text()
    assert "八月十五" in text
    assert f"Next birthday: {fmt_date(date(2026, 9, 25))}, in 208 day" in text  # 八月十五 of 2026
    dialog.birthday_lunar.setChecked(False)
    assert f"Next birthday: {fmt_date(date(2026, 9, 23))}, in 206 day" in dialog.lunar_label.text()


def test_contact_dialog_validation_appears_beside_the_fields_and_keeps_it_open(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    dialog = _show(qtbot, ContactDialog(make_ctx(ui_users["zhang"]), f.id))
    DialogPage(dialog).set("mobile", "1234")
    DialogPage(dialog).set("email", "not-an-address")
    DialogPage(dialog).save()
    assert dialog.isVisible()
    assert DialogPage(dialog).error("name") == "Enter the contact's name."
    assert (
        DialogPage(dialog).error("mobile") == "A mainland mobile number has 11 digits and starts with 13-19."
    )
    assert DialogPage(dialog).error("email") == "This does not look like an e-mail address."
    assert len(ui_services.contacts.list(ui_users["admin"], f.id)) == 1
    dialog.name.setFocus()
    type_text(dialog.name, "赵强")
    DialogPage(dialog).set("mobile", "13900002222")
    dialog.email.clear()
    DialogPage(dialog).save()
    assert not dialog.isVisible()
    assert dialog.result_value.data.name == "赵强"


def test_contact_dialog_saves_every_field_including_anniversaries(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    ctx = make_ctx(ui_users["zhang"])
    dialog = _show(qtbot, ContactDialog(ctx, f.id, today=TODAY))
    DialogPage(dialog).set("name", "陈静")
    dialog.gender.setCurrentIndex(dialog.gender.findText("Female"))
    dialog.honorific.setCurrentText("女士")
    dialog.role.setCurrentIndex(dialog.role.findText("Finance"))
    DialogPage(dialog).set("phone", "0571-88886666")
    DialogPage(dialog).set("wechat_id", "chenjing")
    DialogPage(dialog).set("birthday", date(1985, 5, 4))
    DialogPage(dialog).set("hobbies", "茶道")
    DialogPage(dialog).set("preferences", "不喝酒")
    dialog.is_primary.setChecked(True)
    dialog.add_anniversary_button.click()
    model = dialog.anniversaries_model
    model.setData(model.index(0, model.LABEL), "结婚纪念日")
    model.setData(model.index(0, model.DAY), QDate(2010, 10, 1))
    model.setData(model.index(0, model.LUNAR), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    DialogPage(dialog).save()
    assert not dialog.isVisible()
    saved = next(c for c in ui_services.contacts.list(ui_users["admin"], f.id) if c.data.name == "陈静")
    assert saved.data.gender == "female" and saved.data.role == "finance" and saved.data.honorific == "女士"
    assert saved.data.anniversaries == (Anniversary("结婚纪念日", date(2010, 10, 1), True),)
    assert saved.data.is_primary and saved.data.preferences == "不喝酒"


def test_an_unnamed_anniversary_is_refused_beside_the_list(qtbot, make_ctx, ui_users, sample_franchisees):
    dialog = _show(qtbot, ContactDialog(make_ctx(ui_users["zhang"]), sample_franchisees[0].id, today=TODAY))
    DialogPage(dialog).set("name", "陈静")
    dialog.add_anniversary_button.click()
    DialogPage(dialog).save()
    assert dialog.isVisible()
    assert DialogPage(dialog).error("anniversaries") == "Every anniversary needs a name."
    dialog.anniversaries.selectRow(0)
    dialog.remove_anniversary_button.click()
    assert dialog.anniversaries_model.rowCount() == 0


def test_contact_conflict_reload_shows_their_version(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    contact = _contact(ui_services, ui_users["zhang"], f.id)
    dialog = _show(qtbot, ContactDialog(make_ctx(ui_users["zhang"]), f.id, contact, NAMES))
    ui_services.contacts.update(
        ui_users["admin"],
        contact.id,
        contact.version,
        replace(contact.data, mobile="13600001111"),
        base=contact.data,
    )
    DialogPage(dialog).set("mobile", "13500009999")
    DialogPage(dialog).save()
    conflict = dialog.conflict_dialog
    assert isinstance(conflict, ConflictDialog) and dialog.isVisible()
    assert [conflict.model.index(0, c).data() for c in range(3)] == ["Mobile", "13600001111", "13500009999"]
    assert conflict.overwrite_button is None
    conflict.reload_button.click()
    assert dialog.mobile.text() == "13600001111" and dialog.isVisible()
    dialog.wechat_id.setText("wf")  # a save on the reloaded version goes through
    DialogPage(dialog).save()
    assert not dialog.isVisible()
    assert _contact(ui_services, ui_users["admin"], f.id).data.wechat_id == "wf"


def test_contact_conflict_overwrite_for_an_admin(qtbot, make_ctx, ui_users, ui_services, sample_franchisees):
    f = sample_franchisees[0]
    contact = _contact(ui_services, ui_users["admin"], f.id)
    dialog = _show(qtbot, ContactDialog(make_ctx(ui_users["admin"]), f.id, contact, NAMES))
    ui_services.contacts.update(
        ui_users["zhang"],
        contact.id,
        contact.version,
        replace(contact.data, mobile="13600001111"),
        base=contact.data,
    )
    DialogPage(dialog).set("mobile", "13500009999")
    DialogPage(dialog).save()
    dialog.conflict_dialog.overwrite_button.click()
    assert not dialog.isVisible()
    assert _contact(ui_services, ui_users["admin"], f.id).data.mobile == "13500009999"


def test_a_viewer_sees_a_contact_read_only(qtbot, make_ctx, ui_users, ui_services, sample_franchisees):
    f = sample_franchisees[0]
    contact = _contact(ui_services, ui_users["viewer"], f.id)
    dialog = _show(qtbot, ContactDialog(make_ctx(ui_users["viewer"]), f.id, contact, read_only=True))
    assert dialog.name.text() == "王芳" and dialog.name.isReadOnly()
    assert dialog.save_button is None
    assert not dialog.add_anniversary_button.isVisible()


# ----- the store dialog --------------------------------------------------------------------------------------
def test_store_dialog_validation_beside_the_fields(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    dialog = _show(qtbot, StoreDialog(make_ctx(ui_users["zhang"]), f.id, today=TODAY))
    DialogPage(dialog).set("floor_area", "1..5")
    DialogPage(dialog).save()
    assert DialogPage(dialog).error("floor_area") == "Enter the floor area in square metres, e.g. 120.5."
    DialogPage(dialog).set("floor_area", "0")
    DialogPage(dialog).set("opened_on", date.today() + timedelta(days=30))
    DialogPage(dialog).save()
    assert DialogPage(dialog).error("name") == "Enter the store's name."
    assert (
        DialogPage(dialog).error("floor_area") == "The floor area is in square metres, between 0 and 100,000."
    )
    assert "mark it as planned" in DialogPage(dialog).error("opened_on")
    assert dialog.isVisible() and ui_services.stores.list(ui_users["admin"], f.id) == []
    DialogPage(dialog).set("name", "湖滨店")
    DialogPage(dialog).set("floor_area", "120")
    dialog.status.setCurrentIndex(dialog.status.findData(StoreStatus.PLANNED))
    DialogPage(dialog).save()
    assert not dialog.isVisible()
    assert ui_services.stores.list(ui_users["admin"], f.id)[0].data.status == StoreStatus.PLANNED


# ----- the status dialog -------------------------------------------------------------------------------------
def test_status_dialog_needs_a_reason_and_offers_only_allowed_moves(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    dialog = _show(qtbot, StatusDialog(make_ctx(ui_users["zhang"]), f))
    assert "Current status: Prospect since" in dialog.current.text()
    assert [dialog.status.itemData(i) for i in range(dialog.status.count())] == ["active", "terminated"]
    assert dialog.changed_on.date_value() == date.today()
    DialogPage(dialog).set("changed_on", date.today() + timedelta(days=3))
    assert dialog.changed_on.date_value() == date.today()  # no date in the future to pick
    DialogPage(dialog).save()
    assert dialog.isVisible()
    assert DialogPage(dialog).error("reason") == "Give a reason for the status change."
    assert ui_services.franchisees.get(ui_users["admin"], f.id).status == LifecycleStatus.PROSPECT
    DialogPage(dialog).set("reason", "签约")
    with qtbot.waitSignal(dialog.ctx.bus.changed) as changed:
        DialogPage(dialog).save()
    assert changed.args[0].entities == {Entity.FRANCHISEE} and changed.args[0].ids == {f.id}
    assert dialog.result_value.status == LifecycleStatus.ACTIVE


def test_status_dialog_conflict_offers_reload_but_never_overwrite(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    dialog = _show(qtbot, StatusDialog(make_ctx(ui_users["admin"]), f, NAMES))
    ui_services.franchisees.change_status(
        ui_users["zhang"], f.id, f.version, StatusChange(LifecycleStatus.ACTIVE, date.today(), "签约")
    )
    DialogPage(dialog).set("reason", "放弃")
    DialogPage(dialog).save()
    conflict = dialog.conflict_dialog
    assert "张伟 changed this record" in conflict.message.text()
    assert conflict.overwrite_button is None
    conflict.reload_button.click()
    assert "Current status: Active since" in dialog.current.text()
    assert [dialog.status.itemData(i) for i in range(dialog.status.count())] == ["suspended", "terminated"]


# ----- models ------------------------------------------------------------------------------------------------
@pytest.fixture
def rich_franchisee(ui_services, ui_users, sample_franchisees):
    """JX0001 with a lunar-birthday contact, two stores, a status change and an edit: history of every kind."""
    sv, admin, f = ui_services, ui_users["admin"], sample_franchisees[0]
    sv.contacts.add(
        admin,
        f.id,
        ContactData(
            name="陈静",
            honorific="女士",
            birthday=date(1980, 9, 23),
            birthday_lunar=True,
            anniversaries=(Anniversary("开业纪念日", date(2015, 5, 1)),),
        ),
    )
    sv.stores.add(
        admin,
        f.id,
        StoreData(name="湖滨店", city="杭州", floor_area=Decimal("86.5"), opened_on=date(2020, 1, 1)),
    )
    sv.stores.add(admin, f.id, StoreData(name="新店", status=StoreStatus.PLANNED))
    sv.franchisees.change_status(
        admin, f.id, f.version, StatusChange(LifecycleStatus.ACTIVE, date.today(), "签约")
    )
    current = sv.franchisees.get(admin, f.id)
    sv.franchisees.update(
        admin, f.id, current.version, replace(current.data, city="宁波", tags=("重点",)), base=current.data
    )
    return f


def test_contacts_model(qtmodeltester, ui_services, ui_users, rich_franchisee):
    model = ContactsModel()
    model.set_contacts(ui_services.contacts.list(ui_users["admin"], rich_franchisee.id))
    qtmodeltester.check(model)
    row = model.row_of(model.rows()[1].id)
    assert model.index(row, model.NAME).data() == "陈静 女士"
    assert model.index(row, model.BIRTHDAY).data().endswith("(lunar 八月十五)")
    assert model.index(row, model.BIRTHDAY).data(Qt.ItemDataRole.ToolTipRole).startswith("Next birthday: ")


def test_stores_model(qtmodeltester, ui_services, ui_users, rich_franchisee):
    model = StoresModel()
    model.set_stores(ui_services.stores.list(ui_users["admin"], rich_franchisee.id))
    qtmodeltester.check(model)
    assert [model.index(r, model.STATUS).data() for r in range(2)] == ["Open", "Planned"]
    assert model.index(0, model.AREA).data() == "86.50"


def test_history_models(qtmodeltester, ui_services, ui_users, rich_franchisee):
    sv, admin = ui_services, ui_users["admin"]
    history = HistoryModel()
    history.set_entries(sv.franchisees.history(admin, rich_franchisee.id), NAMES)
    qtmodeltester.check(history)
    what = [history.index(r, history.WHAT).data() for r in range(history.rowCount())]
    assert what[0] == "Profile changed"  # newest first
    assert "Store added: 湖滨店" in what and "Anniversary added for 陈静" in what and "Status changed" in what
    changes = history.index(0, history.CHANGES).data()
    assert changes == "City: 杭州 → 宁波; Tags: — → 重点"
    assert {history.index(r, history.SOURCE).data() for r in range(history.rowCount())} == {
        ""
    }  # the app's own
    assert history.index(0, history.WHO).data() == "管理员"

    statuses = StatusHistoryModel()
    statuses.set_changes(sv.franchisees.status_history(admin, rich_franchisee.id), NAMES)
    qtmodeltester.check(statuses)
    assert [statuses.index(r, statuses.CHANGE).data() for r in range(2)] == ["Prospect → Active", "Prospect"]
    assert statuses.index(0, statuses.REASON).data() == "签约"


def test_anniversaries_model(qtmodeltester):
    model = AnniversariesModel()
    model.set_anniversaries(
        (Anniversary("结婚纪念日", date(2010, 10, 1), True), Anniversary("开业", date(2015, 5, 1)))
    )
    qtmodeltester.check(model)
    assert "(lunar 八月廿四)" in model.index(0, model.DAY).data()
    model.add(TODAY)
    assert model.rowCount() == 3 and model.anniversaries()[2] == Anniversary("", TODAY, False)
    model.editable = False
    assert not model.setData(model.index(0, model.LABEL), "x")


def test_conflict_model(qtmodeltester):
    qtmodeltester.check(ConflictModel("franchisees", _conflict().changes, NAMES))


# ----- what the dialogs show before anything is typed --------------------------------------------------------
def test_examples_in_empty_fields_read_as_examples(qtbot, make_ctx, ui_users, sample_franchisees):
    ctx = make_ctx(ui_users["zhang"])
    contact = _show(qtbot, ContactDialog(ctx, sample_franchisees[0].id, today=TODAY))
    assert contact.mobile.placeholderText() == "e.g. 13812345678"
    assert contact.phone.placeholderText() == "e.g. 0571-88886666"
    store = _show(qtbot, StoreDialog(ctx, sample_franchisees[0].id, today=TODAY))
    assert store.floor_area.placeholderText() == "e.g. 120.5"


def test_required_fields_of_the_dialogs_are_marked(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees
):
    from PySide6.QtWidgets import QLabel

    ctx = make_ctx(ui_users["zhang"])
    f = sample_franchisees[0]
    for dialog, required in (
        (ContactDialog(ctx, f.id, today=TODAY), {"name"}),
        (StoreDialog(ctx, f.id, today=TODAY), {"name"}),
        (
            StatusDialog(ctx, ui_services.franchisees.get(ctx.actor, f.id), NAMES, today=TODAY),
            {"status", "changed_on", "reason"},
        ),
    ):
        _show(qtbot, dialog)
        assert {name for name, label in dialog.form.labels.items() if "*" in label.text()} == required
        assert dialog.findChild(QLabel, "requiredNote").isVisible()
    viewer = _show(
        qtbot,
        ContactDialog(
            make_ctx(ui_users["viewer"]),
            f.id,
            _contact(ui_services, ctx.actor, f.id),
            read_only=True,
            today=TODAY,
        ),
    )
    assert (
        "*" not in viewer.form.labels["name"].text()
        and not viewer.findChild(QLabel, "requiredNote").isVisible()
    )


# ----- dates in the dialogs ----------------------------------------------------------------------------------
def test_a_birthday_typed_into_the_empty_field_shows_its_lunar_date_and_is_saved(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    dialog = _show(qtbot, ContactDialog(make_ctx(ui_users["zhang"]), f.id, today=TODAY))
    DialogPage(dialog).set("name", "陈静")
    dialog.birthday.setFocus()
    qtbot.keyClicks(dialog.birthday, "1980/9/23")
    assert "Lunar calendar:" in dialog.lunar_label.text()
    DialogPage(dialog).save()
    assert not dialog.isVisible()
    assert dialog.result_value.data.birthday == date(1980, 9, 23)


def test_a_typed_date_that_is_no_date_keeps_the_dialog_open(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    dialog = _show(qtbot, StoreDialog(make_ctx(ui_users["zhang"]), f.id, today=TODAY))
    DialogPage(dialog).set("name", "湖滨店")
    dialog.opened_on.setFocus()
    qtbot.keyClicks(dialog.opened_on, "2025-06-31")
    DialogPage(dialog).save()
    assert dialog.isVisible()
    assert DialogPage(dialog).error("opened_on") == "Enter a date as yyyy-mm-dd, or leave the field empty."
    assert dialog.opened_on.text() == "2025-06-31"
    assert ui_services.stores.list(ui_users["admin"], f.id) == []


def test_a_status_change_takes_a_typed_date_and_says_when_one_is_needed(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees
):
    f = sample_franchisees[0]
    dialog = _show(
        qtbot,
        StatusDialog(
            make_ctx(ui_users["zhang"]), ui_services.franchisees.get(ui_users["zhang"], f.id), NAMES
        ),
    )
    with qtbot.waitActive(dialog):  # focus moves (leaving a field) need an active window
        dialog.activateWindow()
    dialog.changed_on.setFocus()
    dialog.changed_on.selectAll()
    qtbot.keyClicks(dialog.changed_on, "2026-2-3x")
    dialog.reason.setFocus()  # leaving the field
    assert DialogPage(dialog).error("changed_on") == "Enter a date as yyyy-mm-dd."
    dialog.changed_on.setFocus()
    qtbot.keyClick(dialog.changed_on, Qt.Key.Key_Backspace)
    assert DialogPage(dialog).error("changed_on") == ""
    DialogPage(dialog).set("reason", "合同已签")
    DialogPage(dialog).save()
    assert not dialog.isVisible()
    assert ui_services.franchisees.get(ui_users["admin"], f.id).status_changed_on == date(2026, 2, 3)


def test_the_anniversary_date_column_is_wide_enough_and_edited_as_yyyy_mm_dd(
    qtbot, make_ctx, ui_users, sample_franchisees
):
    from PySide6.QtWidgets import QDateEdit

    dialog = _show(qtbot, ContactDialog(make_ctx(ui_users["zhang"]), sample_franchisees[0].id, today=TODAY))
    view, model = dialog.anniversaries, dialog.anniversaries_model
    dialog.add_anniversary_button.click()
    model.setData(model.index(0, model.LABEL), "结婚纪念日")
    model.setData(model.index(0, model.DAY), QDate(2010, 12, 28))
    model.setData(model.index(0, model.LUNAR), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    text = model.index(0, model.DAY).data()
    assert text.startswith(fmt_date(date(2010, 12, 28))) and "lunar" in text
    assert view.columnWidth(model.DAY) >= view.fontMetrics().horizontalAdvance(text)
    index = model.index(0, model.DAY)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index) or view.findChild(QDateEdit)
    assert isinstance(editor, QDateEdit)
    assert editor.displayFormat() == "yyyy-MM-dd" and editor.text() == "2010-12-28"
    assert view.columnWidth(model.DAY) >= editor.sizeHint().width()


# ----- typed data is not dropped without a question --------------------------------------------------------
def _dialogs(ctx, ui_services, f):
    return {
        "contact": lambda: ContactDialog(ctx, f.id, today=TODAY),
        "store": lambda: StoreDialog(ctx, f.id, today=TODAY),
        "status": lambda: StatusDialog(ctx, ui_services.franchisees.get(ctx.actor, f.id), NAMES, today=TODAY),
    }


TYPED = {"contact": ("name", "赵强"), "store": ("name", "湖滨店"), "status": ("reason", "合同已签")}


@pytest.mark.parametrize("kind", ["contact", "store", "status"])
@pytest.mark.parametrize("how", ["escape", "cancel", "close"])
def test_a_dialog_asks_before_dropping_what_was_typed(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees, kind, how
):
    dialog = _show(qtbot, _dialogs(make_ctx(ui_users["zhang"]), ui_services, sample_franchisees[0])[kind]())
    page = DialogPage(dialog, qtbot)
    name, text = TYPED[kind]
    page.fill(name, text)
    seen = answer_message_box(QMessageBox.StandardButton.Cancel)
    getattr(page, how)()
    assert seen == [f"Discard what you have typed in {dialog.windowTitle()}?"]
    assert page.is_open() and page.text(name) == text  # kept
    answer_message_box(QMessageBox.StandardButton.Discard)
    getattr(page, how)()
    assert not page.is_open()


@pytest.mark.parametrize("kind", ["contact", "store", "status"])
def test_a_dialog_with_nothing_typed_closes_without_a_question(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees, monkeypatch, kind
):
    monkeypatch.setattr(QMessageBox, "exec", lambda *_a: pytest.fail("nothing was typed: no question"))
    dialog = _show(qtbot, _dialogs(make_ctx(ui_users["zhang"]), ui_services, sample_franchisees[0])[kind]())
    DialogPage(dialog, qtbot).escape()
    assert not dialog.isVisible()


def test_a_contact_reloaded_after_a_conflict_is_not_typed_data(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees, monkeypatch
):
    f = sample_franchisees[0]
    contact = _contact(ui_services, ui_users["zhang"], f.id)
    dialog = _show(qtbot, ContactDialog(make_ctx(ui_users["zhang"]), f.id, contact, NAMES))
    ui_services.contacts.update(
        ui_users["admin"],
        contact.id,
        contact.version,
        replace(contact.data, mobile="13600001111"),
        base=contact.data,
    )
    page = DialogPage(dialog, qtbot)
    page.set("mobile", "13500009999")
    page.save()
    dialog.conflict_dialog.reload_button.click()
    monkeypatch.setattr(
        QMessageBox, "exec", lambda *_a: pytest.fail("their version is nothing the user typed")
    )
    page.cancel()
    assert not page.is_open()


def test_an_anniversary_added_counts_as_typed_and_a_read_only_contact_never_asks(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees, monkeypatch
):
    f = sample_franchisees[0]
    dialog = _show(qtbot, ContactDialog(make_ctx(ui_users["zhang"]), f.id, today=TODAY))
    dialog.add_anniversary_button.click()
    seen = answer_message_box(QMessageBox.StandardButton.Discard)
    DialogPage(dialog, qtbot).cancel()
    assert len(seen) == 1 and not dialog.isVisible()
    monkeypatch.setattr(
        QMessageBox, "exec", lambda *_a: pytest.fail("a read-only contact has nothing to lose")
    )
    viewer = _show(
        qtbot,
        ContactDialog(
            make_ctx(ui_users["viewer"]),
            f.id,
            _contact(ui_services, ui_users["viewer"], f.id),
            read_only=True,
        ),
    )
    viewer.name.setText("改不了")  # even a programmatic change of a read-only field is nothing typed
    DialogPage(viewer, qtbot).close()
    assert not viewer.isVisible()
