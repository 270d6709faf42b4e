"""A chart's data to CSV (UTF-8 with a BOM, so Excel opens Chinese correctly) or XLSX. Runs in a worker
(``ChartWidget.export``).

Interim: the shared writer ``hqdesk/reports/tabular.py`` (the exports engineer's) had not landed when the
charts were written; this module is the one place to switch to it. Until then it writes the two formats
itself with the same rules: money as numbers with two decimals, text beginning with = + - @ written as text
(no formula injection in Excel).
"""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal

from hqdesk.ui.charts.chart import ChartTable

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return value.quantize(Decimal("0.01")) if value.as_tuple().exponent >= -2 else value
    if isinstance(value, date):
        return value.isoformat()
    return value


def _text(value) -> str:
    value = _cell(value)
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def save_image(image, path: str) -> str:
    """Write a chart's picture (a QImage grabbed on the UI thread) as PNG."""
    if not image.save(path, "PNG"):
        from PySide6.QtCore import QCoreApplication

        raise OSError(QCoreApplication.translate("Charts", "Could not write {path}.").format(path=path))
    return path


def write_table(table: ChartTable, path: str, fmt: str, title: str = "") -> str:
    if fmt == "csv":
        with open(path, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow([_text(h) for h in table.headers])
            for row in table.rows:
                writer.writerow([_text(v) for v in row])
        return path
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet(
            title=(title or "data")[:31].translate(str.maketrans("[]:*?/\\", "       "))
        )
        sheet.append([str(h) for h in table.headers])
        for row in table.rows:
            cells = []
            for v in row:
                v = _cell(v)
                if isinstance(v, Decimal):
                    cells.append(float(v))
                elif isinstance(v, str):
                    from openpyxl.cell import WriteOnlyCell

                    cell = WriteOnlyCell(sheet, value=v)
                    cell.data_type = "s"  # never a formula, whatever it starts with
                    cells.append(cell)
                else:
                    cells.append(v)
            sheet.append(cells)
        book.save(path)
        return path
    raise ValueError(fmt)


__all__ = ["save_image", "write_table"]
