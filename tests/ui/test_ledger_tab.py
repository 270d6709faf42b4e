"""The profile's ledger tab with qtbot: documents with the running balance, allocations of the selected
document, and the actions (new documents, write-off, apply credit, delete) as each role sees them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QMessageBox

from hqdesk.domain.credit import DocumentKind
from hqdesk.ui.dialogs.ledger_dialogs import ApplyCreditDialog, DocumentDialog, WriteOffDialog
from hqdesk.ui.views.profile import ProfileEditor
from tests.ui.pages import answer_message_box

D = Decimal


@pytest.fixture
def open_ledger(qtbot, make_ctx):
    def make(actor, franchisee_id):
        editor = ProfileEditor(make_ctx(actor))
        qtbot.addWidget(editor)
        editor.resize(1200, 760)
        editor.show()
        editor.load(franchisee_id)
        tab = editor.ledger_tab
        editor.tabs.setCurrentWidget(tab)
        qtbot.waitUntil(lambda: tab._count is not None)
        return editor, tab

    return make


@pytest.fixture
def ledger(ui_services, ui_users, sample_franchisees):
    sv, cm = ui_services, ui_users["credit"]
    fid = sample_franchisees[0].id
    sv.ledger.record(cm, fid, "invoice", "I-1", date(2026, 1, 5), D("1000.00"))
    sv.ledger.record(cm, fid, "invoice", "I-2", date(2026, 2, 5), D("500.00"))
    sv.ledger.record(cm, fid, "payment", "P-1", date(2026, 2, 20), D("1200.00"))
    sv.ledger.record(cm, fid, "invoice", "I-3", date(2026, 3, 5), D("300.00"))
    return fid


def cells(tab, column):
    return [tab.model.text(r, column) for r in range(tab.model.rowCount())]


def test_documents_running_balance_and_allocations(qtbot, open_ledger, ui_users, ledger):
    editor, tab = open_ledger(ui_users["credit"], ledger)
    assert cells(tab, 2) == ["I-1", "I-2", "P-1", "I-3"]
    assert cells(tab, 8) == ["¥1,000.00", "¥1,500.00", "¥300.00", "¥600.00"]
    assert cells(tab, 7) == ["", "¥300.00", "", "¥300.00"]  # open amounts
    assert "Ledger (4)" in editor.tabs.tabText(editor.tabs.indexOf(tab))
    assert "balance ¥600.00" in tab.summary.text() and "Net days, 30 days" in tab.summary.text()
    tab.view.selectRow(2)  # the payment: what it paid
    qtbot.waitUntil(lambda: tab.allocations.rowCount() == 2)
    assert [tab.allocations.text(r, 2) for r in range(2)] == ["I-1", "I-2"]
    assert [tab.allocations.text(r, 4) for r in range(2)] == ["¥1,000.00", "¥200.00"]


def test_models_pass_the_model_tester(qtmodeltester, open_ledger, ui_users, ledger):
    _editor, tab = open_ledger(ui_users["credit"], ledger)
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.allocations)


def test_account_manager_sees_the_ledger_without_actions(open_ledger, ui_users, ledger):
    _editor, tab = open_ledger(ui_users["zhang"], ledger)
    assert tab.model.rowCount() == 4
    assert not any(b.isVisible() for b in tab.actions())


def test_new_invoice_due_date_from_the_term_and_refusal_keeps_the_input(qtbot, open_ledger, ui_users, ledger):
    editor, tab = open_ledger(ui_users["credit"], ledger)
    assert tab.new_invoice.isVisible() and tab.write_off_button.isVisible()
    tab.new_invoice.click()
    dialog = editor.current_dialog()
    assert isinstance(dialog, DocumentDialog)
    dialog.doc_date.setText("2026-12-15")
    dialog.doc_date.set_date_value(date(2026, 12, 15))
    assert dialog.due_date.date_value() == date(2027, 1, 14)  # net 30
    dialog.number.setText("I-1")  # taken
    dialog.amount.setText("250.5")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.form.error_text("number") != "")
    assert dialog.form.error_text("number") == "There is already a Invoice numbered I-1."
    assert dialog.isVisible() and dialog.amount.text() == "250.5"  # nothing lost
    dialog.number.setText("I-9")
    dialog.submit()
    qtbot.waitUntil(lambda: "I-9" in cells(tab, 2))
    assert tab.selected().number == "I-9" and tab.selected().due_date == date(2027, 1, 14)


def test_write_off_and_apply_credit(qtbot, open_ledger, ui_users, ui_services, ledger):
    editor, tab = open_ledger(ui_users["credit"], ledger)
    tab.view.selectRow(1)  # I-2: 300 open
    assert tab.write_off_button.isEnabled()
    tab.write_off_button.click()
    dialog = editor.current_dialog()
    assert isinstance(dialog, WriteOffDialog) and dialog.amount.text() == "300.00"
    dialog.amount.setText("400")
    dialog.reason.setPlainText("破产清算")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.form.error_text("amount") != "")
    assert "300.00" in dialog.form.error_text("amount")
    dialog.amount.setText("100")
    dialog.submit()
    qtbot.waitUntil(lambda: "WO-I-2" in cells(tab, 2))
    lines = {x.number: x for x in ui_services.ledger.documents(ui_users["credit"], ledger)}
    assert lines["I-2"].open_amount == D("200.00")
    # a payment with unapplied credit, applied by hand to I-3
    ui_services.ledger.record(ui_users["credit"], ledger, "payment", "P-2", date(2026, 3, 1), D("250.00"))
    editor.refresh()
    qtbot.waitUntil(lambda: "P-2" in cells(tab, 2))
    row = cells(tab, 2).index("P-2")
    tab.view.selectRow(row)
    # P-2 (1 March) paid I-2's 200 automatically; 50 is left
    assert tab.selected().open_amount == D("50.00") and tab.apply_button.isEnabled()
    tab.apply_button.click()
    dialog = editor.current_dialog()
    assert isinstance(dialog, ApplyCreditDialog)
    assert dialog.invoice.currentData().number == "I-3" and dialog.amount.text() == "50.00"
    dialog.submit()
    qtbot.waitUntil(lambda: {x.number: x for x in tab.model.rows()}["I-3"].open_amount == D("250.00"))
    # the manual allocation can be undone from the allocations of the payment
    row = cells(tab, 2).index("P-2")
    tab.view.selectRow(row)
    qtbot.waitUntil(lambda: tab.allocations.rowCount() == 2)
    manual = [r for r in range(2) if tab.allocations.row(r).manual]
    tab.allocations_view.selectRow(manual[0])
    assert tab.undo_button.isEnabled()
    tab.undo_allocation()
    qtbot.waitUntil(lambda: {x.number: x for x in tab.model.rows()}["I-3"].open_amount == D("300.00"))


def test_delete_a_hand_entered_document(qtbot, open_ledger, ui_users, ledger):
    _editor, tab = open_ledger(ui_users["credit"], ledger)
    tab.view.selectRow(cells(tab, 2).index("I-3"))
    assert tab.delete_button.isEnabled()
    answer_message_box(QMessageBox.StandardButton.Yes)
    tab.delete()
    qtbot.waitUntil(lambda: "I-3" not in cells(tab, 2))
    assert cells(tab, 8)[-1] == "¥300.00"


def test_kinds_offered(open_ledger, ui_users, ledger):
    editor, tab = open_ledger(ui_users["credit"], ledger)
    tab.new_document(DocumentKind.CREDIT_NOTE)
    dialog = editor.current_dialog()
    assert dialog.applies_to is not None and dialog.due_date is None
    assert [dialog.applies_to.itemText(i) for i in range(dialog.applies_to.count())] == ["", "I-2", "I-3"]
    dialog.reject()
