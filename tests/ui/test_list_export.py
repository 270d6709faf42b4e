"""Every list exports what it shows: visible columns in screen order, every matching row in the current order
(also rows not yet scrolled into a paged list), formula-like text as text. (Cancel: tests/reports/test_tabular.py.)"""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView, QWidget

from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.services.dto import LIST_COLUMNS
from hqdesk.ui.export import TableExport
from hqdesk.ui.models.franchisee_list import PAGE_SIZE
from tests.ui.test_franchisee_list import make_view

COL = {name: i for i, name in enumerate(LIST_COLUMNS)}


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_the_franchisee_list_exports_every_match_beyond_the_loaded_page(
    qtbot, make_ctx, ui_services, ui_users, tmp_path
):
    admin = ui_users["admin"]
    for n in range(PAGE_SIZE + 15):
        ui_services.franchisees.create(
            admin, FranchiseeData(code=f"E{n:04d}", legal_name=f"测试珠宝{n:04d}", city="上海", tier="A")
        )
    ui_services.franchisees.create(
        admin, FranchiseeData(code="Z9999", legal_name='=HYPERLINK("http://x","点")', city="上海", tier="B")
    )
    view = make_view(qtbot, make_ctx(admin))
    qtbot.waitUntil(lambda: view.model.rowCount() == PAGE_SIZE)
    view.model.sort(COL["code"], Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: view.model.rowCount() == PAGE_SIZE and view.model.descending)
    view.table.setColumnHidden(COL["city"], True)
    header = view.table.horizontalHeader()
    header.moveSection(header.visualIndex(COL["code"]), 0)  # the code first on screen
    path = tmp_path / "list.csv"
    export = view.table.findChild(TableExport)
    export.export(path)
    qtbot.waitUntil(lambda: path.exists())
    rows = read(path)
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(LIST_COLUMNS))]
    assert rows[0][0] == headers[COL["code"]]
    assert headers[COL["city"]] not in rows[0]
    assert len(rows) == 1 + PAGE_SIZE + 16  # every match, not the 200 loaded
    assert [r[0] for r in rows[1:4]] == ["Z9999", f"E{PAGE_SIZE + 14:04d}", f"E{PAGE_SIZE + 13:04d}"]
    name = rows[0].index(headers[COL["legal_name"]])
    assert rows[1][name] == "'" + '=HYPERLINK("http://x","点")'  # text, never a formula


class Host(QWidget):
    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx = ctx


def test_a_plain_list_exports_its_rows_in_view_order_to_xlsx(qtbot, make_ctx, ui_users, tmp_path):
    from openpyxl import load_workbook

    host = Host(make_ctx(ui_users["admin"]))
    qtbot.addWidget(host)
    view = QTableView(host)
    model = QStandardItemModel(0, 3, view)  # the view's: it must not outlive its model
    model.setHorizontalHeaderLabels(["代码", "名称", "金额"])
    for code, name, amount in (("B", "+cmd|calc", "1,200.00"), ("A", "周大福", "-5.00")):
        model.appendRow([QStandardItem(code), QStandardItem(name), QStandardItem(amount)])
    view.setModel(model)
    model.sort(0)
    export = TableExport(view, "plain")
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert export.action in view.actions()
    path = tmp_path / "plain.xlsx"
    export.export(path)
    qtbot.waitUntil(lambda: path.exists())
    sheet = load_workbook(path).active
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [
        ["代码", "名称", "金额"],
        ["A", "周大福", "-5.00"],
        ["B", "+cmd|calc", "1,200.00"],
    ]
    assert sheet["B3"].data_type == "s"
