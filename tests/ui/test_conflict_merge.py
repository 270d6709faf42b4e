"""Keeping both users' changes when they edited different fields of one record."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hqdesk.domain.errors import ConflictError
from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.ui.dialogs.conflict_dialog import ConflictDialog, merge_plan

BASE = FranchiseeData(
    code="JX0001",
    legal_name="杭州金辉珠宝有限公司",
    city="杭州",
    tier="A",
    registered_capital=Decimal("1000000.00"),
    tags=("新店",),
    notes="",
)


def test_different_fields_merge_onto_their_version():
    theirs = replace(BASE, tags=("VIP",))
    mine = replace(BASE, address="延安路1号", notes="回访")
    yours, merged = merge_plan(BASE, theirs, mine)
    assert yours == {"address", "notes"}
    assert merged == replace(BASE, tags=("VIP",), address="延安路1号", notes="回访")


def test_the_same_field_changed_two_ways_cannot_merge():
    yours, merged = merge_plan(BASE, replace(BASE, city="宁波"), replace(BASE, city="温州", notes="x"))
    assert yours == {"city", "notes"} and merged is None


def test_the_same_change_on_both_sides_is_no_clash():
    yours, merged = merge_plan(BASE, replace(BASE, city="宁波"), replace(BASE, city="宁波", notes="x"))
    assert merged == replace(BASE, city="宁波", notes="x")


def test_dialog_offers_keeping_both_and_names_untouched_fields(qtbot):
    exc = ConflictError(None, {"tags": (("VIP",), ("新店",))}, "wang", "2026-11-23 09:30 UTC")
    dialog = ConflictDialog(exc, "franchisees", False, None, None, yours_changed={"address"}, can_merge=True)
    qtbot.addWidget(dialog)
    assert dialog.merge_button is not None and dialog.merge_button.isDefault()
    assert dialog.model.index(0, 2).data() == "(you did not change it)"
    dialog.merge_button.click()
    assert dialog.choice == ConflictDialog.MERGE

    plain = ConflictDialog(exc, "franchisees", False, None, None)
    qtbot.addWidget(plain)
    assert plain.merge_button is None
    assert plain.model.index(0, 2).data() != "(you did not change it)"


def test_profile_editor_keeps_both_changes(qtbot, make_ctx, ui_users, ui_services, sample_franchisees):
    """The admin changes the tags; the account manager, unaware, changes the address and saves:
    "Keep both changes" saves their version with the address on top; nothing is lost, no retyping."""
    from hqdesk.ui.views.profile import ProfileEditor

    f = sample_franchisees[0]
    editor = ProfileEditor(make_ctx(ui_users["zhang"]))
    qtbot.addWidget(editor)
    editor.load(f.id)
    current = ui_services.franchisees.get(ui_users["admin"], f.id)
    ui_services.franchisees.update(
        ui_users["admin"], f.id, current.version, replace(current.data, tags=("VIP",)), base=current.data
    )
    editor.address.setText("延安路1号")
    editor.save()
    dialog = editor.current_dialog()
    assert isinstance(dialog, ConflictDialog) and dialog.merge_button is not None
    rows = [[dialog.model.index(r, c).data() for c in range(3)] for r in range(dialog.model.rowCount())]
    assert rows == [["Tags", "VIP", "(you did not change it)"]]
    dialog.merge_button.click()
    saved = ui_services.franchisees.get(ui_users["admin"], f.id)
    assert (saved.data.tags, saved.data.address) == (("VIP",), "延安路1号")
    assert not editor.has_unsaved_changes() and editor.address.text() == "延安路1号"


def test_profile_editor_offers_no_merge_when_both_changed_one_field(
    qtbot, make_ctx, ui_users, ui_services, sample_franchisees
):
    from hqdesk.ui.views.profile import ProfileEditor

    f = sample_franchisees[0]
    editor = ProfileEditor(make_ctx(ui_users["zhang"]))
    qtbot.addWidget(editor)
    editor.load(f.id)
    current = ui_services.franchisees.get(ui_users["admin"], f.id)
    ui_services.franchisees.update(
        ui_users["admin"], f.id, current.version, replace(current.data, city="温州"), base=current.data
    )
    editor.city.setText("宁波")
    editor.save()
    assert editor.current_dialog().merge_button is None


def test_contact_dialog_keeps_both_changes(qtbot, make_ctx, ui_users, ui_services, sample_franchisees):
    from hqdesk.ui.dialogs.contact_dialog import ContactDialog

    f = sample_franchisees[0]
    contact = ui_services.contacts.list(ui_users["zhang"], f.id)[0]
    dialog = ContactDialog(make_ctx(ui_users["zhang"]), f.id, contact)
    qtbot.addWidget(dialog)
    dialog.show()
    ui_services.contacts.update(
        ui_users["admin"],
        contact.id,
        contact.version,
        replace(contact.data, mobile="13600001111"),
        base=contact.data,
    )
    dialog.wechat_id.setText("wangfang88")
    dialog.save_button.click()
    conflict = dialog.conflict_dialog
    assert conflict is not None and conflict.merge_button is not None
    conflict.merge_button.click()
    assert not dialog.isVisible()
    now = ui_services.contacts.list(ui_users["admin"], f.id)[0]
    assert (now.data.mobile, now.data.wechat_id) == ("13600001111", "wangfang88")
