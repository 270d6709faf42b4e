"""The franchisee's Credit tab, the credit-profile dialog and the credit-check dialog on real widgets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QDialog

from hqdesk.domain.credit import Decision
from hqdesk.ui.dialogs.credit_check_dialog import CreditCheckDialog
from hqdesk.ui.dialogs.credit_profile_dialog import CreditProfileDialog
from hqdesk.ui.views.profile import ProfileEditor
from hqdesk.ui.views.profile.credit_tab import CreditTab, NoteDialog
from tests import ledger_rows as L
from tests.ui.conftest import type_text


@pytest.fixture
def open_tab(qtbot, make_ctx):
    def make(actor, franchisee_id: int) -> CreditTab:
        editor = ProfileEditor(make_ctx(actor))
        qtbot.addWidget(editor)
        editor.resize(1100, 760)
        editor.show()
        editor.load(franchisee_id)
        tab = editor.credit_tab
        qtbot.waitUntil(lambda: tab.bundle is not None)
        return tab

    return make


def test_tab_shows_the_defaults_and_the_rights_of_each_role(open_tab, ui_users, sample_franchisees):
    fid = sample_franchisees[0].id
    tab = open_tab(ui_users["zhang"], fid)
    assert "No credit profile yet" in tab.summary.text() and "none (no goods on credit)" in tab.summary.text()
    assert tab.propose_button.isVisibleTo(tab) and not tab.edit_button.isVisibleTo(tab)
    assert not tab.approve_button.isVisibleTo(tab)
    credit = open_tab(ui_users["credit"], fid)
    assert credit.edit_button.isVisibleTo(credit) and credit.approve_button.isVisibleTo(credit)
    viewer = open_tab(ui_users["viewer"], fid)
    assert not viewer.edit_button.isVisibleTo(viewer) and not viewer.propose_button.isVisibleTo(viewer)


def test_change_needs_a_reason_then_shows_in_the_history(open_tab, ui_users, sample_franchisees, qtbot):
    tab = open_tab(ui_users["credit"], sample_franchisees[0].id)
    tab.edit_button.click()
    dialog = tab._dialog
    assert isinstance(dialog, CreditProfileDialog)
    dialog.credit_limit.setText("200000")
    dialog.submit()
    assert dialog.isVisible() and dialog.form.error_text("reason")  # the reason is required: nothing saved
    dialog.reason.setPlainText("年度授信评审")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: tab.history_model.rowCount() == 1)
    assert "¥200,000.00" in tab.summary.text()
    change = tab.history_model.text(0, 2)
    assert change == "Credit limit: no credit → ¥200,000.00"
    assert tab.history_model.text(0, 1) == "钱会计" and tab.history_model.text(0, 3) == "年度授信评审"


def test_loss_rate_is_entered_as_a_percentage(open_tab, ui_users, sample_franchisees, qtbot, ui_services):
    fid = sample_franchisees[0].id
    tab = open_tab(ui_users["credit"], fid)
    tab.edit_button.click()
    dialog = tab._dialog
    dialog.derived.setChecked(False)
    dialog.expected_loss_rate.setText("2.5")
    dialog.reason.setPlainText("评估")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    profile = ui_services.credit_profiles.get(ui_users["credit"], fid)
    assert profile.data.expected_loss_rate == Decimal("0.025")


def test_proposal_flow_from_account_manager_to_credit_manager(open_tab, ui_users, sample_franchisees, qtbot):
    fid = sample_franchisees[0].id
    am = open_tab(ui_users["zhang"], fid)
    am.propose_button.click()
    dialog = am._dialog
    dialog.credit_limit.setText("50000")
    type_text(dialog.reason, "新店开业")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: am.proposals_model.rowCount() == 1)
    assert am.title() == "Credit (1)"
    cm = open_tab(ui_users["credit"], fid)
    cm.proposals_view.selectRow(0)
    assert cm.approve_button.isEnabled()
    cm.approve_button.click()
    qtbot.waitUntil(lambda: cm.history_model.rowCount() == 1)
    assert "(proposal " in cm.history_model.text(0, 1)
    assert "¥50,000.00" in cm.summary.text()
    assert cm.proposals_model.text(0, 4).startswith("Approved")


def test_reject_needs_a_note(open_tab, ui_users, sample_franchisees, qtbot, ui_services):
    fid = sample_franchisees[0].id
    ui_services.credit_profiles.propose(ui_users["zhang"], fid, {"credit_limit": "1.00"}, "r")
    cm = open_tab(ui_users["credit"], fid)
    cm.proposals_view.selectRow(0)
    cm.reject_button.click()
    note = cm._dialog
    assert isinstance(note, NoteDialog)
    note.note.setText("额度过高")
    note.accept()
    qtbot.waitUntil(
        lambda: cm.proposals_model.rowCount() == 1 and cm.proposals_model.text(0, 5) == "额度过高"
    )
    assert cm.proposals_model.text(0, 4).startswith("Rejected")


def test_check_dialog_shows_every_reason_and_lets_a_credit_manager_override(
    open_tab, ui_users, sample_franchisees, qtbot, ui_services
):
    fid = sample_franchisees[0].id
    L.invoice(ui_services, fid, date(2026, 1, 1), "5000.00", due=date(2026, 1, 31))
    tab = open_tab(ui_users["credit"], fid)
    tab.check_button.click()
    dialog = tab._dialog
    assert isinstance(dialog, CreditCheckDialog)
    dialog.amount.setText("1000")
    dialog.on_date.set_date_value(date(2026, 3, 1))
    dialog.run_check()
    qtbot.waitUntil(lambda: dialog.result_value is not None)
    assert dialog.result_value.decision is Decision.BLOCK
    assert "Block" in dialog.decision_label.text()
    assert "no credit limit" in dialog.reasons_label.text() and "29 days" in dialog.reasons_label.text()
    assert dialog.override_box.isVisibleTo(dialog)
    dialog.override_reason.setText("老客户担保")
    dialog.run_override()
    qtbot.waitUntil(lambda: dialog.override_value is not None)
    assert ui_services.credit_check.overrides(ui_users["viewer"], fid)[0].override_reason == "老客户担保"
    dialog.done(QDialog.DialogCode.Rejected)


def test_account_manager_cannot_override(open_tab, ui_users, sample_franchisees, qtbot):
    tab = open_tab(ui_users["zhang"], sample_franchisees[0].id)
    tab.check_button.click()
    dialog = tab._dialog
    dialog.amount.setText("1000")
    dialog.run_check()
    qtbot.waitUntil(lambda: dialog.result_value is not None)
    assert dialog.result_value.decision is Decision.BLOCK and not dialog.override_box.isVisibleTo(dialog)


def test_a_profile_on_the_company_default_policy_stays_on_it(
    open_tab, ui_users, sample_franchisees, qtbot, ui_services
):
    from dataclasses import replace

    from hqdesk.services.credit_profiles import DEFAULTS

    fid = sample_franchisees[0].id
    ui_services.credit_profiles.save(
        ui_users["credit"], fid, 0, replace(DEFAULTS, credit_limit=Decimal(1000)), "a"
    )
    tab = open_tab(ui_users["credit"], fid)
    tab.edit_button.click()
    dialog = tab._dialog
    assert dialog.collection_policy_id.currentText() == "Company default"
    dialog.credit_limit.setText("2000")
    dialog.reason.setPlainText("b")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    newest = ui_services.credit_profiles.bundle(ui_users["credit"], fid).history[0]
    assert newest.new == {"credit_limit": "2000.00"}  # the collection policy was not switched silently
