"""The tier editor writes the admin's staged changes on OK in one transaction: when another admin changed one
of the tiers since, none of the changes is written and the dialog says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QMessageBox

from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.ui.dialogs.settings import SettingsDialog


def _dialog(qtbot, ctx):
    dialog = SettingsDialog(ctx, ctx.settings, ctx.runner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _stage_remove_rename_add(editor, monkeypatch) -> None:
    answers = ["Gold", "S", "Strategic"]
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (answers.pop(0), True)))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    editor.table.selectRow(2)
    editor._remove()  # C
    editor.table.selectRow(0)
    editor._rename()  # A -> Gold
    editor._add()  # S
    editor.table.selectRow(2)
    editor._rename()  # S -> Strategic
    assert [(t.code, t.name) for t in editor.model.tiers] == [("A", "Gold"), ("B", "B"), ("S", "Strategic")]


def test_a_conflict_on_one_tier_writes_none_of_the_staged_changes(
    qtbot, make_ctx, ui_users, ui_services, monkeypatch
):
    admin = ui_users["admin"]
    ctx = make_ctx(admin)
    dialog = _dialog(qtbot, ctx)
    editor = dialog.tiers_editor
    _stage_remove_rename_add(editor, monkeypatch)
    b = next(t for t in ui_services.tiers.list() if t.code == "B")
    ui_services.tiers.rename(admin, "B", b.version, "Another admin's name")  # a tier the admin did not touch
    before = ui_services.tiers.list()
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "None of your tier changes were saved" in editor.message.text()
    assert ui_services.tiers.list() == before  # not the removal of C, not the rename of A, not S
    qtbot.waitUntil(lambda: [t.name for t in editor.model.tiers] == ["A", "Another admin's name", "C"])


def test_a_refused_tier_writes_none_of_the_staged_changes(
    qtbot, make_ctx, ui_users, ui_services, monkeypatch
):
    """A code the service refuses, staged last: before, the removal of C and the rename of A staged with it were
    written first, one transaction each."""
    ctx = make_ctx(ui_users["admin"])
    dialog = _dialog(qtbot, ctx)
    editor = dialog.tiers_editor
    answers = ["Gold", "S!"]
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (answers.pop(0), True)))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    editor.table.selectRow(2)
    editor._remove()
    editor.table.selectRow(0)
    editor._rename()
    editor._add()
    before = ui_services.tiers.list()
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "1 to 10 letters or digits" in editor.message.text()
    assert ui_services.tiers.list() == before


def test_a_franchisee_given_a_removed_tier_meanwhile_writes_nothing(
    qtbot, make_ctx, ui_users, ui_services, monkeypatch
):
    admin = ui_users["admin"]
    ctx = make_ctx(admin)
    dialog = _dialog(qtbot, ctx)
    editor = dialog.tiers_editor
    _stage_remove_rename_add(editor, monkeypatch)
    ui_services.franchisees.create(
        admin, FranchiseeData(code="F1", legal_name="甲公司", city="杭州", tier="C")
    )
    before = ui_services.tiers.list()
    _ok(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "give them another tier first" in editor.message.text()
    assert ui_services.tiers.list() == before


def test_the_staged_changes_are_written_together_on_ok(qtbot, make_ctx, ui_users, ui_services, monkeypatch):
    ctx = make_ctx(ui_users["admin"])
    dialog = _dialog(qtbot, ctx)
    _stage_remove_rename_add(dialog.tiers_editor, monkeypatch)
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [(t.code, t.name) for t in ui_services.tiers.list()] == [
        ("A", "Gold"),
        ("B", "B"),
        ("S", "Strategic"),
    ]
