"""Bulk actions on the franchisee list's selection (administrators): reassign, tags, status."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from hqdesk.domain.changes import Entity
from hqdesk.domain.franchisee import LifecycleStatus
from hqdesk.ui.views.bulk_actions import selected_ids

LEFT = Qt.MouseButton.LeftButton


def make_view(qtbot, ctx):
    from hqdesk.ui.views.franchisees import FranchiseesView

    view = FranchiseesView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 700)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    return view


def select_all(qtbot, view) -> None:
    view.table.setFocus()
    view.table.selectAll()
    qtbot.waitUntil(lambda: len(selected_ids(view)) == 3)


def test_only_administrators_get_the_bulk_menu(qtbot, make_ctx, ui_users, sample_franchisees):
    zhang = make_view(qtbot, make_ctx(ui_users["zhang"]))
    assert getattr(zhang, "bulk_actions", None) is None
    admin = make_view(qtbot, make_ctx(ui_users["admin"]))
    assert admin.bulk_actions.button.isVisibleTo(admin)


def test_reassign_the_selection_to_another_manager(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees
):
    ctx = make_ctx(ui_users["admin"])
    view = make_view(qtbot, ctx)
    select_all(qtbot, view)
    dialog = view.bulk_actions.reassign()
    assert "3 selected franchisees" in dialog.findChild(type(dialog.message), "bulkIntro").text()
    combo = dialog.form.fields["account_manager_id"]
    combo.setCurrentIndex(combo.findData(ui_users["li"].user_id))
    with qtbot.waitSignal(ctx.bus.changed) as changed:
        dialog.ok_button.click()
    assert changed.args[0].touches(Entity.FRANCHISEE)
    assert changed.args[0].franchisee_ids == {f.id for f in sample_franchisees}
    admin = ui_users["admin"]
    managers = {ui_services.franchisees.get(admin, f.id).data.account_manager_id for f in sample_franchisees}
    assert managers == {ui_users["li"].user_id}


def test_tags_and_a_refused_status_change(qtbot, make_ctx, ui_users, ui_services, sample_franchisees):
    ctx = make_ctx(ui_users["admin"])
    view = make_view(qtbot, ctx)
    select_all(qtbot, view)
    dialog = view.bulk_actions.tag()
    dialog.form.fields["add"].setText("重点, VIP")
    with qtbot.waitSignal(ctx.bus.changed):
        dialog.ok_button.click()
    admin = ui_users["admin"]
    assert {ui_services.franchisees.get(admin, f.id).data.tags for f in sample_franchisees} == {
        ("重点", "VIP")
    }
    # prospects cannot be suspended: refused for all, said in words, nothing changed
    dialog = view.bulk_actions.change_status()
    status = dialog.form.fields["status"]
    status.setCurrentIndex(status.findData(LifecycleStatus.SUSPENDED))
    dialog.form.fields["changed_on"].set_date_value(date.today())
    dialog.form.fields["reason"].setPlainText("欠款")
    dialog.ok_button.click()
    assert dialog.isVisible()
    text = dialog.form.error_text("status") + dialog.message.text()
    assert "A franchisee cannot go from prospect to suspended." in text
    assert "Franchisee JX0001 cannot be changed this way" in dialog.message.text()
    assert {ui_services.franchisees.get(admin, f.id).status for f in sample_franchisees} == {
        LifecycleStatus.PROSPECT
    }
