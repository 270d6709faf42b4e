"""Tables to files: CSV (UTF-8 with a BOM, so Excel opens Chinese text correctly) or XLSX, by the file's extension.

``write_table(path, headers, rows, formats)`` streams the rows (an iterator of any length is fine: nothing is
kept in memory but the current row) into a temporary file beside ``path`` and renames it over ``path`` at the
end, so a failed or cancelled export never leaves a half-written file.

Formula injection: a **text** value that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
would be run as a formula by Excel (``=HYPERLINK(...)``, ``+cmd|...``, ``@SUM(...)``). Such text is written as
text: in CSV with a leading apostrophe (``'=HYPERLINK(...)``, the OWASP advice; Excel shows it without the
apostrophe and does not evaluate it), in XLSX as a string cell (never a formula cell). Numbers are numbers: a
negative amount is written as the number -12.50, not as text.

``formats`` names each column's kind, so XLSX cells carry a number format: ``"money"`` (#,##0.00), ``"int"``,
``"percent"`` (0.00%), ``"date"`` (yyyy-mm-dd) or ``None`` (as it comes). CSV writes dates as YYYY-MM-DD and
money with two decimals, without grouping, so it reads back exactly.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(FORMULA_START)
FORMATS = ("money", "int", "percent", "date", None)
NUMBER_FORMATS = {"money": "#,##0.00", "int": "0", "percent": "0.00%", "date": "yyyy-mm-dd"}
# characters XLSX (XML 1.0) cannot hold; openpyxl raises on them: dropped from XLSX cells only
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MAX_XLSX_WIDTH = 60
_SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


class UnknownFileType(ValueError):
    """The file name ends neither in .csv nor in .xlsx."""


def kind_of(path: str | Path) -> str:
    """``"csv"`` or ``"xlsx"`` from the file name; UnknownFileType otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise UnknownFileType(str(path))
    return suffix[1:]


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_text(value: Any, fmt: str | None = None) -> str:
    """One value as the CSV writes it."""
    if type(value) is str:  # most cells: the fast path
        return "'" + value if value[:1] in _FORMULA_FIRST else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}" if fmt == "money" else format(value, "f")
    if isinstance(value, float):
        return f"{value:.2f}" if fmt == "money" else repr(value)
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return "'" + text if is_formula_like(text) else text


def write_table(
    path: str | Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    formats: Sequence[str | None] | None = None,
    *,
    sheet_title: str = "Sheet1",
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write ``headers`` and ``rows`` to ``path`` (CSV or XLSX by its extension); the number of data rows.

    ``progress(rows written)`` is called every 1,000 rows; ``cancelled()`` is asked as often, and when it says
    yes the temporary file is removed, ``path`` is left as it was and ``Cancelled`` is raised."""
    kind = kind_of(path)
    target = Path(path)
    formats = list(formats) if formats is not None else [None] * len(headers)
    if len(formats) != len(headers):
        raise ValueError("one format per column")
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"unknown column format {fmt!r}")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".~" + target.name + ".", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        writer = _write_csv if kind == "csv" else _write_xlsx
        count = writer(tmp, list(headers), rows, formats, sheet_title, progress, cancelled)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count


class Cancelled(Exception):
    """The export was cancelled; nothing was written."""


def _tick(count: int, progress, cancelled) -> None:
    if count % 1000 == 0:
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(count)


def _write_csv(tmp: Path, headers, rows, formats, _title, progress, cancelled) -> int:
    count = 0
    with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f, lineterminator="\r\n")  # Excel's own line end
        out.writerow([csv_text(h) for h in headers])
        for row in rows:
            out.writerow([csv_text(v, fmt) for v, fmt in zip(row, formats, strict=False)])
            count += 1
            _tick(count, progress, cancelled)
    return count


def _write_xlsx(tmp: Path, headers, rows, formats, title, progress, cancelled) -> int:
    from hqdesk.reports.xlsx_stream import write_xlsx

    widths = [min(max(8, _display_width(str(h)) + 2), _MAX_XLSX_WIDTH) for h in headers]
    return write_xlsx(
        tmp,
        headers,
        rows,
        formats,
        # a sheet's name: at most 31 characters, none of []:*?/\\
        sheet_title=title.translate(_SHEET_NAME_FORBIDDEN)[:31].strip() or "Sheet1",
        widths=widths,
        clean=lambda text: _ILLEGAL_XML.sub("", text),
        tick=lambda count: _tick(count, progress, cancelled),
    )


def _display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: a Chinese character counts two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


__all__ = [
    "write_table",
    "kind_of",
    "csv_text",
    "is_formula_like",
    "Cancelled",
    "UnknownFileType",
    "FORMULA_START",
]
