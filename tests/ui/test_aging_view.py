"""The aging page on real widgets: the report as of a date, custom bounds, drill-down to the invoices,
bad input beside the toolbar, CSV export, reload on a ledger change; a viewer may read it."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from hqdesk.domain.changes import Changes, Entity
from hqdesk.ui.views.aging import AgingView
from tests.receivables_ledger import LedgerWriter


@pytest.fixture
def ledger(ui_services, sample_franchisees):
    a, b, _ = sample_franchisees
    w = LedgerWriter()
    i1 = w.invoice(a.id, "INV-1", date(2026, 1, 1), "1000.00", date(2026, 1, 31))  # 30 days on 2 March
    w.invoice(a.id, "INV-2", date(2026, 2, 1), "250.00", date(2026, 3, 3))  # not due on 2 March
    w.invoice(b.id, "INV-3", date(2025, 1, 1), "400.00", date(2025, 1, 31))  # 395 days
    p = w.payment(a.id, "PAY-1", date(2026, 2, 15), "1200.00")
    w.allocate(p, i1, "700.00")  # 300.00 of INV-1 open, 500.00 of the payment unapplied
    w.commit(ui_services)
    return sample_franchisees


@pytest.fixture
def view(qtbot, make_ctx, ui_users, ledger):
    v = AgingView(make_ctx(ui_users["viewer"]))
    qtbot.addWidget(v)
    v.resize(1100, 600)
    v.show()
    v.as_of.setText("2026-03-02")
    v.refresh()
    return v


def _table(v) -> list[list[str]]:
    m = v.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_report_rows_totals_and_titles(view):
    ModelTester(None).check(view.model)
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.model.columnCount())]
    assert headers[:3] == ["Code", "Franchisee", "Not due"]
    assert headers[3] == "1-30 days" and headers[8] == "Over 365 days"
    assert headers[-2:] == ["Unapplied credit", "Total"]
    rows = _table(view)
    assert rows[0][:3] == ["JX0001", "杭州金辉珠宝有限公司", "250.00"]
    assert rows[0][3] == "300.00" and rows[0][-2:] == ["-500.00", "50.00"]
    assert rows[1][0] == "JX0002" and rows[1][8] == "400.00"
    assert rows[2][0] == "Total" and rows[2][-1] == "450.00"
    assert "2 franchisees" in view.status.text()
    assert view.bounds.text() == "30,60,90,180,365"  # the credit policy's


def test_custom_bounds_and_bad_input(view, qtbot):
    view.bounds.setText("30,400")
    view.refresh()
    assert [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(2, 6)] == [
        "Not due",
        "1-30 days",
        "31-400 days",
        "Over 400 days",
    ]
    assert _table(view)[1][4] == "400.00"
    view.bounds.setText("60,30")
    view.refresh()
    assert view.message.isVisible() and "increasing order" in view.message.text()
    assert _table(view)[1][4] == "400.00"  # the report shown stays
    view.bounds.setText("30,400")
    view.as_of.setText("2026-02-30")
    view.refresh()
    assert "yyyy-mm-dd" in view.message.text()


def test_drill_down_to_the_invoices_of_a_bucket(view):
    view.open_cell(view.model.index(0, 3))  # JX0001, 1-30 days
    items = view.items
    assert [items.text(r, 0) for r in range(items.rowCount())] == ["INV-1"]
    assert items.text(0, 5) == "300.00" and items.text(0, 6) == "30"
    assert "JX0001" in view.detail_title.text() and "1-30 days" in view.detail_title.text()
    view.open_cell(view.model.index(0, view.model.columnCount() - 2))  # unapplied credit
    assert items.text(0, 0) == "PAY-1" and items.text(0, 1) == "Payment" and items.text(0, 5) == "-500.00"
    view.open_cell(view.model.index(0, 1))  # the name: every document of the franchisee
    assert items.rowCount() == 3
    view.open_cell(view.model.index(2, 3))  # the totals row: nothing to drill into
    assert items.rowCount() == 3


def test_export_csv(view, tmp_path):
    path = tmp_path / "aging.csv"
    view.export_to(str(path))
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["franchisee", "name", "not_due"]
    assert rows[1][:2] == ["JX0001", "杭州金辉珠宝有限公司"] and rows[-1][:2] == ["", "TOTAL"]
    assert "Exported to" in view.status.text()


def test_export_to_a_folder_that_does_not_exist_says_so(view, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("hqdesk.ui.views.aging.show_error", lambda parent, exc: shown.append(exc))
    view.export_to(str(tmp_path / "missing" / "aging.csv"))
    assert shown and "could not be written" in shown[0].english()


def test_reloads_when_the_ledger_changes(view, ui_services, ledger):
    w = LedgerWriter()
    w.invoice(ledger[2].id, "INV-9", date(2026, 3, 1), "10.00", date(2026, 3, 31))
    w.commit(ui_services)
    view.ctx.bus.notify(Changes.of(Entity.LEDGER))
    assert [r[0] for r in _table(view)] == ["JX0001", "JX0002", "JX0003", "Total"]


def test_sorting_keeps_the_totals_last(view):
    from PySide6.QtCore import Qt

    view.model.sort(view.model.columnCount() - 1, Qt.SortOrder.DescendingOrder)
    assert [r[0] for r in _table(view)] == ["JX0002", "JX0001", "Total"]
