"""The credit policy page: rates as percentages, bounds, collection policies and the advice."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hqdesk.ui.views.credit_policy import CollectionPolicyDialog, CreditPolicyView
from hqdesk.ui.widgets import set_combo_data


@pytest.fixture
def open_view(qtbot, make_ctx):
    def make(actor) -> CreditPolicyView:
        view = CreditPolicyView(make_ctx(actor))
        qtbot.addWidget(view)
        view.show()
        qtbot.waitUntil(lambda: view.policy is not None)
        return view

    return make


def test_shows_rates_as_percentages_and_the_advice(open_view, ui_users):
    view = open_view(ui_users["credit"])
    assert view.normal.text() == "2" and view.standard.text() == "5"
    assert view.bounds.text() == "30,60,90,180,365"
    assert view.default_policy.currentText() == "Standard"
    assert view.model.rowCount() == 3 and view.model.text(0, 1) == "Strict"
    assert "No credit sales" in view.advice.text()


def test_save_stores_fractions_and_refuses_bad_bounds(open_view, ui_users, ui_services, qtbot):
    view = open_view(ui_users["credit"])
    view.normal.setText("2.5")
    view.bounds.setText("60,30")
    view.save()
    assert view.form.error_text("aging_bounds")
    assert ui_services.credit_policy.get().normal_loss_rate == Decimal("0.02")
    view.bounds.setText("30,60,120")
    view.save()
    qtbot.waitUntil(lambda: view.message.text() == "Saved.")
    saved = ui_services.credit_policy.get()
    assert saved.normal_loss_rate == Decimal("0.025") and saved.aging_bounds == (30, 60, 120)


def test_read_only_for_account_managers(open_view, ui_users):
    view = open_view(ui_users["zhang"])
    assert not view.save_button.isVisibleTo(view) and view.normal.isReadOnly()
    assert not view.new_button.isVisibleTo(view)


def test_new_collection_policy_with_levels(open_view, ui_users, ui_services, qtbot):
    view = open_view(ui_users["credit"])
    view.new_button.click()
    dialog = view._dialog
    assert isinstance(dialog, CollectionPolicyDialog)
    dialog.code.setText("vip")
    dialog.name_.setText("VIP")
    dialog.rows[0].days.setValue(20)
    second = dialog.add_level(None)
    second.days.setValue(10)  # not increasing: refused in words
    dialog.submit()
    assert (
        dialog.isVisible()
        and "Level 2: days overdue must be more than the level before" in dialog.message.text()
    )
    second.days.setValue(40)
    set_combo_data(second.action, "credit_hold")
    assert second.template.text() == ""
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)
    added = ui_services.credit_policy.get().collection_policies[-1]
    assert added.code == "vip" and [
        (lv.days_overdue, lv.action.value, lv.letter_template) for lv in added.levels
    ] == [
        (20, "reminder_letter", "dunning_reminder"),
        (40, "credit_hold", ""),
    ]
