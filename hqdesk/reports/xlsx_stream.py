"""A streaming XLSX writer for big tables: one sheet, rows written straight into the zip as they come.

Why not openpyxl here: openpyxl builds a cell object per value and writes about 4,000 rows of 13 columns a second
on this machine (``tests/perf/bench_export.py``); the exports' target is 20,000 rows a second. A table export
needs a small part of the format (SpreadsheetML, ECMA-376): text as inline strings, numbers, dates as serial
numbers with a date format, a bold header row, frozen under the header, column widths. Each row is one string
of XML, deflated into the file as it is written, so memory stays flat however many rows come.

Reading, and everything richer (formulas, charts, several sheets), stays with openpyxl; the tests read these
files back with it.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

# cell styles (the index of each in cellXfs below): 0 plain, 1 header, 2 money, 3 int, 4 percent, 5 date, 6 time
_STYLE = {None: 0, "money": 2, "int": 3, "percent": 4, "date": 5}
_EPOCH = date(1899, 12, 30)  # Excel's day 0 (1900 date system, past the 1900 leap-year bug)

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="6">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _text_cell(text: str, style: int = 0) -> str:
    s = f' s="{style}"' if style else ""
    return f'<c t="inlineStr"{s}><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def _cell(value: Any, style: int, clean: Callable[[str], str]) -> str:
    if value is None:
        return "<c/>"
    if isinstance(value, str):
        return _text_cell(clean(value))  # text is text: never a formula, whatever it begins with
    if isinstance(value, bool):
        return f'<c t="b"><v>{int(value)}</v></c>'
    if isinstance(value, datetime):
        value = value.replace(tzinfo=None)
        days = (value - datetime(1899, 12, 30)).total_seconds() / 86400
        return f'<c s="5"><v>{days!r}</v></c>'
    if isinstance(value, date):
        return f'<c s="5"><v>{(value - _EPOCH).days}</v></c>'
    if isinstance(value, Decimal | int | float):
        s = f' s="{style}"' if style else ""
        return f"<c{s}><v>{format(value, 'f') if isinstance(value, Decimal) else repr(value)}</v></c>"
    return _text_cell(clean(str(value)))


def write_xlsx(
    path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    formats: Sequence[str | None],
    *,
    sheet_title: str,
    widths: Sequence[float],
    clean: Callable[[str], str],
    tick: Callable[[int], None],
) -> int:
    """Write one sheet to ``path``; the number of data rows. ``clean`` drops characters XML cannot hold; ``tick``
    is called after each row with the count (it may raise to stop)."""
    styles = [_STYLE.get(f, 0) for f in formats]
    cols = "".join(
        f'<col min="{i}" max="{i}" width="{w:.1f}" customWidth="1"/>' for i, w in enumerate(widths, start=1)
    )
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
        'state="frozen"/></sheetView></sheetViews>'
        f"<cols>{cols}</cols><sheetData>"
    )
    count = 0
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _ROOT_RELS)
        book.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{escape(sheet_title, {chr(34): "&quot;"})}" sheetId="1" r:id="rId1"/></sheets>'
            "</workbook>",
        )
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        book.writestr("xl/styles.xml", _STYLES)
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(head.encode())
            header_cells = "".join(_text_cell(clean(str(h)), 1) for h in headers)
            sheet.write(f"<row>{header_cells}</row>".encode())
            buffer: list[str] = []
            for row in rows:
                buffer.append(
                    "<row>" + "".join(_cell(v, st, clean) for v, st in zip(row, styles, strict=False))
                )
                buffer.append("</row>")
                count += 1
                if len(buffer) >= 2000:
                    sheet.write("".join(buffer).encode())
                    buffer.clear()
                tick(count)
            sheet.write("".join(buffer).encode())
            sheet.write(b"</sheetData></worksheet>")
    return count


__all__ = ["write_xlsx"]
