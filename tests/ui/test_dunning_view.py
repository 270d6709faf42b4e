"""The dunning page: run as of a date, work through the list."""

from __future__ import annotations

from datetime import date

import pytest

from tests import ledger_rows as L


@pytest.fixture
def overdue(ui_services, sample_franchisees):
    fid = sample_franchisees[0].id  # zhang's
    L.invoice(ui_services, fid, date(2026, 1, 1), "1000.00", due=date(2026, 1, 31))
    return fid


@pytest.fixture
def open_view(qtbot, make_ctx):
    from hqdesk.ui.views.dunning import DunningView

    def make(actor):
        view = DunningView(make_ctx(actor))
        qtbot.addWidget(view)
        view.show()
        return view

    return make


def test_run_and_work_a_call(open_view, ui_users, overdue, qtbot):
    view = open_view(ui_users["credit"])
    view.as_of.set_date_value(date(2026, 3, 4))
    view.run()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert "1 franchisees with overdue invoices, 1 new tasks" in view.message.text()
    assert view.model.text(0, 5) == "Phone call task" and view.model.text(0, 7) == "32"
    am = open_view(ui_users["zhang"])
    assert not am.run_button.isVisibleTo(am)
    qtbot.waitUntil(lambda: am.model.rowCount() == 1)
    am.view.selectRow(0)
    am.skip_button.click()
    dialog = am._dialog
    dialog.note.setText("")
    dialog.accept()  # skipping needs a note: refused, the task stays open
    qtbot.waitUntil(lambda: am.model.rowCount() == 1)
    am.view.selectRow(0)
    am.done_button.click()
    am._dialog.note.setText("答应月底付款")
    am._dialog.accept()
    qtbot.waitUntil(lambda: am.model.rowCount() == 0)
