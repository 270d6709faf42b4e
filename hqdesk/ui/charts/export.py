"""A chart's data to CSV (UTF-8 with a BOM, so Excel opens Chinese correctly) or XLSX through the one table writer,
``hqdesk.reports.tabular`` (formula-like text written as text, money as numbers, the file whole or not at all).
Runs in a worker (``ChartWidget.export``).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hqdesk.ui.charts.chart import ChartTable


def _formats(table: ChartTable) -> list[str | None]:
    """Money columns (Decimal values) get the money format; the rest are written as they come."""
    formats: list[str | None] = [None] * len(table.headers)
    for row in table.rows:
        for index, value in enumerate(row):
            if isinstance(value, Decimal):
                formats[index] = "money"
    return formats


def save_image(image, path: str) -> str:
    """Write a chart's picture (a QImage grabbed on the UI thread) as PNG."""
    if not image.save(path, "PNG"):
        from PySide6.QtCore import QCoreApplication

        raise OSError(QCoreApplication.translate("Charts", "Could not write {path}.").format(path=path))
    return path


def write_table(table: ChartTable, path: str, fmt: str, title: str = "") -> str:
    """``fmt``: "csv" or "xlsx" (the path's extension must say the same)."""
    from hqdesk.reports.tabular import write_table as write

    if Path(path).suffix.lower() != "." + fmt:
        raise ValueError(fmt)
    write(path, [str(h) for h in table.headers], table.rows, _formats(table), sheet_title=title or "data")
    return path


__all__ = ["save_image", "write_table"]
