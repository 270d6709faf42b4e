"""Report tables to PDF (ReportLab): A4, landscape when the table has more than six columns; on every page a
header with the company's name, the report's title and its as-of line, and a footer "page x of y"; the table's
header row repeats on each page and rows never split across pages. Money with thousands separators and two
decimals, percentages with one decimal, dates as YYYY-MM-DD, numbers right-aligned.

Font: the bundled WQY Micro Hei (``resources/fonts/wqy-microhei.ttc``, the letters' body font), embedded as a
subset, so every reader shows the Chinese text (a non-embedded CID font such as ``STSong-Light`` needs the
reader's Asian font pack: poppler without it renders nothing). Written to a temporary file and renamed over
the target.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

FONT = "HQReport"
_LANDSCAPE_FROM = 7  # columns


def cell_text(value: Any, fmt: str | None) -> str:
    """One value as the PDF shows it."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if fmt == "money" and isinstance(value, Decimal | int | float):
        return f"{Decimal(value):,.2f}"
    if fmt == "percent" and isinstance(value, Decimal | int | float):
        return f"{Decimal(value) * 100:.1f}%"
    return str(value)


def write_pdf(table, path: str | Path, company: str, as_of: str) -> int:
    """``table`` (a ``reports.files.ReportTable``) to ``path``; the number of data rows."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, TableStyle

    from hqdesk.resources import resource_path

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "wqy-microhei.ttc")), subfontIndex=0))
    wide = len(table.headers) >= _LANDSCAPE_FROM
    size = landscape(A4) if wide else A4
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10)
    cjk = ParagraphStyle("cjk", parent=cell, wordWrap="CJK")  # Chinese breaks between characters
    right = ParagraphStyle("right", parent=cell, alignment=2)
    head = ParagraphStyle("head", parent=cell, textColor=colors.white)
    head_cjk = ParagraphStyle("head_cjk", parent=head, wordWrap="CJK")

    def para(text: str, style, chinese) -> Paragraph:
        if any(ord(ch) > 0x2E80 for ch in text):  # English words are never broken inside
            style = chinese
        return Paragraph(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), style)

    def is_number(value) -> bool:
        return isinstance(value, Decimal | int | float) and not isinstance(value, bool)

    texts: list[list[str]] = []
    data = [[para(str(h), head, head_cjk) for h in table.headers]]
    for row in table.rows:
        line = [cell_text(v, fmt) for v, fmt in zip(row, table.formats, strict=False)]
        texts.append(line)
        data.append(
            [
                para(t, right, right) if is_number(v) else para(t, cell, cjk)
                for t, v in zip(line, row, strict=False)
            ]
        )
    count = len(texts)
    margin = 12 * mm
    width = size[0] - 2 * margin
    weights = _weights([str(h) for h in table.headers], texts)
    widths = [width * w / sum(weights) for w in weights]
    grid = LongTable(data, colWidths=widths, repeatRows=1, splitByRow=True)
    grid.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#5b4a2f")),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#b8b0a0")),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f6f3ee")]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )

    class Numbered(Canvas):
        """Keeps each page until the end, so the footer can say 'page x of y'."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(FONT, 8)
                self.drawRightString(size[0] - margin, 8 * mm, f"{number} / {total}")
                super().showPage()
            super().save()

    def decorate(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 9)
        canvas.drawString(margin, size[1] - 9 * mm, company)
        canvas.setFont(FONT, 13)
        canvas.drawString(margin, size[1] - 16 * mm, table.title)
        canvas.setFont(FONT, 8)
        canvas.drawRightString(size[0] - margin, size[1] - 16 * mm, as_of)
        canvas.restoreState()

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".~" + target.name + ".", suffix=".part", dir=target.parent)
    os.close(fd)
    try:
        doc = SimpleDocTemplate(
            tmp_name,
            pagesize=size,
            leftMargin=margin,
            rightMargin=margin,
            topMargin=22 * mm,
            bottomMargin=14 * mm,
            title=table.title,
            author=company,
        )
        doc.build([grid], onFirstPage=decorate, onLaterPages=decorate, canvasmaker=Numbered)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return count


def _weights(headers: list[str], texts: list[list[str]]) -> list[float]:
    """Each column's share of the width: its longest text (a Chinese character counts two) among the header's
    words and the first 500 rows, between 4 and 30, plus two for the padding."""

    def width(text: str) -> int:
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)

    out = []
    for i, header in enumerate(headers):
        longest = max([width(w) for w in header.split()] + [width(r[i]) for r in texts[:500] if i < len(r)])
        out.append(float(min(max(longest, 4), 30) + 2))  # + the cell's padding
    return out


__all__ = ["write_pdf", "cell_text", "FONT"]
