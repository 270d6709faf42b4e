"""The users page on real widgets: list, create, edit, reset password, messages beside the fields."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.errors import AuthenticationFailed
from hqdesk.domain.roles import Role
from hqdesk.ui.models.users import UsersModel
from hqdesk.ui.views.users import ResetPasswordDialog, UserDialog, UsersView
from tests.ui.conftest import type_text

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def admin_ctx(make_ctx, ui_users):
    return make_ctx(ui_users["admin"])


@pytest.fixture
def view(qtbot, admin_ctx):
    view = UsersView(admin_ctx)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    return view


def _rows(view) -> list[list[str]]:
    m = view.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def _row(view, username: str) -> list[str]:
    return next(r for r in _rows(view) if r[0] == username)


def _select(qtbot, view, username: str) -> None:
    row = view.model.row_of(
        next(
            u.id
            for u in (view.model.user_at(i) for i in range(view.model.rowCount()))
            if u.username == username
        )
    )
    rect = view.table.visualRect(view.model.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), LEFT, pos=rect.center())
    assert view.selected_user().username == username


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)


def _fill_new(
    dialog: UserDialog, username: str, name: str, role: Role, password: str, repeat: str | None = None
):
    dialog.username.setText(username)
    type_text(dialog.display_name, name)
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    dialog.email.setText(f"{username}@jinhui.example")
    dialog.password.setText(password)
    dialog.repeat.setText(password if repeat is None else repeat)


def test_lists_users_with_translated_roles(view):
    rows = _rows(view)
    assert [r[0] for r in rows] == ["admin", "credit", "li", "viewer", "zhang"]
    assert _row(view, "zhang") == ["zhang", "张伟", "Account manager", "", "Yes"]
    assert _row(view, "admin")[2] == "Administrator"
    assert _row(view, "credit")[2] == "Credit manager"
    assert "5 users" in view.status.text()
    assert not view.edit_button.isEnabled() and not view.reset_button.isEnabled()  # nothing selected yet


def test_create_a_user_through_the_dialog(qtbot, view, admin_ctx, ui_services):
    qtbot.mouseClick(view.new_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, UserDialog) and dialog.isVisible()
    assert not dialog.username.isReadOnly() and dialog.active.isChecked()
    _fill_new(dialog, "wang.fang", "王芳", Role.CREDIT_MANAGER, "new-user-pass-1")
    with qtbot.waitSignal(admin_ctx.bus.changed) as changed:
        _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _row(view, "wang.fang") == [
        "wang.fang",
        "王芳",
        "Credit manager",
        "wang.fang@jinhui.example",
        "Yes",
    ]
    assert view.selected_user().username == "wang.fang"  # the new user is selected
    actor = ui_services.users.sign_in("wang.fang", "new-user-pass-1")
    assert actor.role == Role.CREDIT_MANAGER and actor.display_name == "王芳"
    assert changed.args[0].entities == {Entity.USER} and changed.args[0].ids == {actor.user_id}


def test_duplicate_username_is_shown_beside_the_field(qtbot, view, ui_services):
    dialog = view.new_user()
    _fill_new(dialog, "zhang", "另一个张伟", Role.VIEWER, "new-user-pass-1")
    _ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.form.error_text("username") == "The user name zhang is taken."
    assert dialog.form.errors["username"].isVisible()
    assert len([r for r in _rows(view) if r[0] == "zhang"]) == 1


def test_short_password_and_bad_username_are_shown_beside_the_fields(qtbot, view, ui_services):
    dialog = view.new_user()
    _fill_new(dialog, "a b", "", Role.VIEWER, "short")
    dialog.email.clear()
    _ok(qtbot, dialog)
    assert "at least 8 characters" in dialog.form.error_text("password")
    assert "2 to 64 letters" in dialog.form.error_text("username")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert len(ui_services.users.list_users(view.ctx.actor)) == 5


def test_passwords_must_match(qtbot, view, ui_services):
    dialog = view.new_user()
    _fill_new(dialog, "wang.fang", "王芳", Role.VIEWER, "new-user-pass-1", repeat="new-user-pass-2")
    _ok(qtbot, dialog)
    assert "do not match" in dialog.form.error_text("repeat")
    assert dialog.result() != QDialog.DialogCode.Accepted
    with pytest.raises(AuthenticationFailed):
        ui_services.users.sign_in("wang.fang", "new-user-pass-1")


def test_bad_email_is_shown_beside_the_field(qtbot, view):
    dialog = view.new_user()
    _fill_new(dialog, "wang.fang", "王芳", Role.VIEWER, "new-user-pass-1")
    dialog.email.setText("wang.fang at jinhui")
    _ok(qtbot, dialog)
    assert "e-mail address" in dialog.form.error_text("email")
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_edit_role_and_deactivate(qtbot, view, admin_ctx, ui_services):
    _select(qtbot, view, "zhang")
    assert view.edit_button.isEnabled()
    qtbot.mouseClick(view.edit_button, LEFT)
    dialog = view.dialog
    assert dialog.username.text() == "zhang" and dialog.username.isReadOnly()
    assert dialog.role.currentData() == Role.ACCOUNT_MANAGER
    assert not hasattr(dialog, "password")  # passwords are reset separately
    dialog.role.setCurrentIndex(dialog.role.findData(Role.VIEWER))
    dialog.active.setChecked(False)
    with qtbot.waitSignal(admin_ctx.bus.changed) as changed:
        _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _row(view, "zhang")[2:] == ["Viewer", "", "No"]
    zhang = next(u for u in ui_services.users.list_users(admin_ctx.actor) if u.username == "zhang")
    assert zhang.role == Role.VIEWER and not zhang.active
    assert changed.args[0].entities == {Entity.USER} and changed.args[0].ids == {zhang.id}
    with pytest.raises(AuthenticationFailed):
        ui_services.users.sign_in("zhang", "password-1")


def test_double_click_opens_the_editor(qtbot, view):
    row = view.model.row_of(
        next(
            view.model.user_at(i).id
            for i in range(view.model.rowCount())
            if view.model.user_at(i).username == "li"
        )
    )
    rect = view.table.visualRect(view.model.index(row, 1))
    qtbot.mouseClick(view.table.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), LEFT, pos=rect.center())
    assert isinstance(view.dialog, UserDialog) and view.dialog.isVisible()
    assert view.dialog.display_name.text() == "李娜"


def test_an_admin_cannot_remove_own_admin_rights(qtbot, view, ui_services):
    _select(qtbot, view, "admin")
    dialog = view.edit_user()
    dialog.role.setCurrentIndex(dialog.role.findData(Role.VIEWER))
    _ok(qtbot, dialog)
    assert "own administrator rights" in dialog.form.error_text("role")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert ui_services.users.actor("admin").role == Role.ADMIN


def test_edit_conflict_shows_the_message_and_reloads(qtbot, view, ui_services, ui_users):
    _select(qtbot, view, "li")
    dialog = view.edit_user()
    li = dialog.user
    ui_services.users.update_user(
        ui_users["admin"],
        li.id,
        li.version,
        display_name="李娜（华南）",
        role=Role.ACCOUNT_MANAGER,
        active=True,
        email="li@jinhui.example",
    )
    dialog.display_name.setText("李娜娜")
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "changed this record" in dialog.message.text() and dialog.message.isVisible()
    assert dialog.display_name.text() == "李娜（华南）" and dialog.email.text() == "li@jinhui.example"
    dialog.display_name.setText("李娜娜")
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _row(view, "li")[1] == "李娜娜"


def test_reset_password(qtbot, view, admin_ctx, ui_services):
    _select(qtbot, view, "li")
    qtbot.mouseClick(view.reset_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, ResetPasswordDialog)
    dialog.password.setText("short")
    dialog.repeat.setText("short")
    _ok(qtbot, dialog)
    assert "at least 8 characters" in dialog.form.error_text("password")
    dialog.password.setText("a-new-password-9")
    dialog.repeat.setText("a-new-password-9")
    with qtbot.waitSignal(admin_ctx.bus.changed):
        _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert ui_services.users.sign_in("li", "a-new-password-9").username == "li"
    with pytest.raises(AuthenticationFailed):
        ui_services.users.sign_in("li", "password-1")
    assert "password of li was changed" in view.status.text()


def test_reloads_when_another_view_changes_users(view, admin_ctx, ui_services, ui_users):
    ui_services.users.create_user(ui_users["admin"], "sun", "孙丽", Role.VIEWER, "password-1")
    assert "sun" not in [r[0] for r in _rows(view)]
    admin_ctx.bus.notify(Changes.of(Entity.USER))
    assert "sun" in [r[0] for r in _rows(view)]


def test_sorting_by_a_column_keeps_the_selection(qtbot, view):
    _select(qtbot, view, "viewer")
    view.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # full name
    assert view.selected_user().username == "viewer"
    names = [r[1] for r in _rows(view)]
    assert names == sorted(names, key=str.lower, reverse=True)


def test_users_model_passes_qtmodeltester(qtmodeltester, ui_services, ui_users):
    users = ui_services.users.list_users(ui_users["admin"])
    model = UsersModel()
    model.set_users(users)
    qtmodeltester.check(model, force_py=True)
    # the tester stays connected: it checks the signals of each change below as well
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 2).data() == "Viewer"
    model.set_users([])
    assert model.rowCount() == 0
    model.set_users(users[:2])
    assert model.rowCount() == 2
    model.sort(4)


def test_deactivating_an_account_manager_offers_to_hand_their_franchisees_over(
    qtbot, view, admin_ctx, ui_services, ui_users, sample_franchisees
):
    _select(qtbot, view, "zhang")
    qtbot.mouseClick(view.edit_button, LEFT)
    dialog = view.dialog
    assert not dialog.hand_over_offered()  # still active: nothing to hand over
    dialog.active.setChecked(False)
    assert dialog.hand_over_offered() and dialog.hand_over.isVisibleTo(dialog)
    assert dialog.form.labels["hand_over_to"].text() == "Hand their 2 franchisees over to"
    choices = [dialog.hand_over.itemData(i) for i in range(dialog.hand_over.count())]
    assert (
        choices[0] is None and ui_users["li"].user_id in choices and ui_users["zhang"].user_id not in choices
    )
    dialog.hand_over.setCurrentIndex(dialog.hand_over.findData(ui_users["li"].user_id))
    with qtbot.waitSignal(admin_ctx.bus.changed) as changed:
        _ok(qtbot, dialog)
    assert Entity.FRANCHISEE in changed.args[0].entities
    admin = ui_users["admin"]
    managers = {ui_services.franchisees.get(admin, f.id).data.account_manager_id for f in sample_franchisees}
    assert managers == {ui_users["li"].user_id}


def test_deactivating_without_a_hand_over_keeps_the_franchisees_editable(
    qtbot, view, admin_ctx, ui_services, ui_users, sample_franchisees
):
    _select(qtbot, view, "zhang")
    qtbot.mouseClick(view.edit_button, LEFT)
    dialog = view.dialog
    dialog.active.setChecked(False)
    with qtbot.waitSignal(admin_ctx.bus.changed):
        _ok(qtbot, dialog)
    admin, first = ui_users["admin"], sample_franchisees[0]
    shown = ui_services.franchisees.get(admin, first.id)
    assert shown.data.account_manager_id == ui_users["zhang"].user_id and not shown.account_manager_active
    saved = ui_services.franchisees.update(admin, first.id, shown.version, replace(shown.data, notes="备注"))
    assert saved.data.notes == "备注"
