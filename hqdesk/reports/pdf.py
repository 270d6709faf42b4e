"""Report tables to PDF (ReportLab): A4, landscape when the table has more than six columns; on every page a
header with the company's name, the report's title and its as-of line, and a footer with who generated it and
when, and "Page n of m" (第 n 页 共 m 页); the table's header row repeats on each page and rows never split
across pages. Money with thousands separators and two decimals, percentages with one decimal, dates as
YYYY-MM-DD, numbers right-aligned.

Fonts: the letters' (``letters.fonts``): the same embedded TrueType body font (the bundled WenQuanYi Micro Hei,
Microsoft YaHei or SimSun on Windows) and fallbacks, registered once per process, and the same glyph check:
a character that no font can draw refuses the PDF (``MissingGlyphs``, naming the characters) rather than print
a name with a hole in it; XLSX and CSV still hold it. Written to a temporary file and renamed over the target,
so a failed or cancelled PDF leaves nothing behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from hqdesk.domain.errors import EXIT_REFUSED, HqdeskError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.reports.files import word
from hqdesk.reports.tabular import Cancelled

_LANDSCAPE_FROM = 7  # columns
_TICK = 500  # rows between two progress reports / cancel checks
_SMALL_FROM = 11  # columns: from here the table's text is 7 points instead of 8
PADDING = 3  # points left and right of a cell's text


class MissingGlyphs(HqdeskError):
    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The PDF cannot show {characters} (no font on this computer has them): nothing was written. "
        "Excel and CSV files hold them.",
    )


def cell_text(value: Any, fmt: str | None) -> str:
    """One value as the PDF shows it."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value)
    if fmt == "money" and isinstance(value, Decimal | int | float):
        return f"{Decimal(value):,.2f}"
    if fmt == "percent" and isinstance(value, Decimal | int | float):
        return f"{Decimal(value) * 100:.1f}%"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def write_pdf(
    table,
    path: str | Path,
    company: str,
    as_of: str,
    *,
    language: str = "en",
    generated_by: str = "",
    generated_on: datetime | None = None,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """``table`` (a ``reports.files.ReportTable``) to ``path``; the number of data rows. ``language`` words
    the footer; ``generated_by`` (a user's display name) and ``generated_on`` (default now) go in it.
    ``progress(rows)`` is called as rows are laid out and ``cancelled()`` asked as often and on every page:
    when it says yes, ``Cancelled`` is raised and nothing is left at ``path``."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, TableStyle

    from hqdesk.letters.fonts import mark_fallbacks, missing_glyphs, paragraph_style, register_fonts

    fonts = register_fonts()
    stamp = (generated_on or datetime.now()).strftime("%Y-%m-%d %H:%M")
    footer_left = word("generated", language).format(generated_by or "—", stamp)
    wide = len(table.headers) >= _LANDSCAPE_FROM
    font_size = 7 if len(table.headers) >= _SMALL_FROM else 8
    leading = font_size + 2
    size = landscape(A4) if wide else A4
    cell = paragraph_style("cell", size=font_size, leading=leading, chinese=False)
    cjk = paragraph_style(
        "cjk", size=font_size, leading=leading, chinese=True
    )  # Chinese breaks between characters
    right = paragraph_style("right", size=font_size, leading=leading, chinese=False, alignment=2)
    head = paragraph_style(
        "head", size=font_size, leading=leading, bold=True, chinese=False, textColor=colors.white
    )
    head_right = paragraph_style(
        "head_right",
        size=font_size,
        leading=leading,
        bold=True,
        chinese=False,
        textColor=colors.white,
        alignment=2,
    )
    head_cjk = paragraph_style(
        "head_cjk", size=font_size, leading=leading, bold=True, chinese=True, textColor=colors.white
    )
    numeric = [fmt in ("money", "percent", "int") for fmt in table.formats]
    missing: list[str] = []

    def check(text: str) -> None:
        if text.isascii():
            return
        for ch in missing_glyphs(text):
            if ch not in missing:
                missing.append(ch)

    def para(text: str, style, chinese) -> Paragraph:
        check(text)
        if any(ord(ch) > 0x2E80 for ch in text):  # English words are never broken inside
            style = chinese
        return Paragraph(mark_fallbacks(text), style)

    def is_number(value) -> bool:
        return isinstance(value, Decimal | int | float) and not isinstance(value, bool)

    for text in (company, table.title, as_of, footer_left):
        check(text)
    texts: list[list[str]] = []
    data = [[para(str(h), head_right if numeric[i] else head, head_cjk) for i, h in enumerate(table.headers)]]
    for row in table.rows:
        line = [cell_text(v, fmt) for v, fmt in zip(row, table.formats, strict=False)]
        texts.append(line)
        data.append(
            [
                para(t, right, right) if is_number(v) else para(t, cell, cjk)
                for t, v in zip(line, row, strict=False)
            ]
        )
        if len(texts) % _TICK == 0:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(len(texts))
    if missing:
        raise MissingGlyphs(characters=" ".join(missing))
    count = len(texts)
    margin = 12 * mm
    width = size[0] - 2 * margin
    widths = column_widths(
        [str(h) for h in table.headers], texts, table.formats, width, fonts.body, font_size, PADDING
    )
    grid = LongTable(data, colWidths=widths, repeatRows=1, splitByRow=True)
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.body),  # the cells' default would name Helvetica
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#5b4a2f")),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#b8b0a0")),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f6f3ee")]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    body_font = fonts.body

    class Numbered(Canvas):
        """Keeps each page until the end, so the footer can say "Page n of m"; stops at Cancel."""

        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = body_font  # not Helvetica: a font the PDF would name but not embed
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - ReportLab's name
            if cancelled is not None and cancelled():
                raise Cancelled()
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(body_font, 8)
                self.setFillColor(colors.HexColor("#555555"))
                self.drawString(margin, 8 * mm, footer_left)
                self.drawRightString(size[0] - margin, 8 * mm, word("page", language).format(number, total))
                super().showPage()
            super().save()

    def decorate(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFont(fonts.body, 9)
        canvas.drawString(margin, size[1] - 9 * mm, company)
        canvas.setFont(fonts.bold, 13)
        canvas.drawString(margin, size[1] - 16 * mm, table.title)
        canvas.setFont(fonts.body, 8)
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
    if progress is not None:
        progress(count)
    return count


def column_widths(
    headers: list[str], texts: list[list[str]], formats, width: float, font: str, size: float, padding: float
) -> list[float]:
    """Each column's width in points. Numbers, dates and the first column (the code) never wrap: they get
    their longest text (among the first 500 rows) and their header's longest word. The other columns share
    what is left, in proportion to their longest text, each at least as wide as its header's longest word;
    when everything fits, the text columns get the room to spare."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def measure(text: str) -> float:
        return stringWidth(text, font, size) + 2 * padding + 1

    sample = texts[:500]
    natural, floor = [], []
    for i, header in enumerate(headers):
        words = max((measure(w) for w in header.split()), default=measure(""))
        longest = max([measure(r[i]) for r in sample if i < len(r)] + [measure(header)])
        natural.append(max(longest, words))
        floor.append(words)
    fixed = [i == 0 or formats[i] in ("money", "percent", "int", "date") for i in range(len(headers))]
    out = [natural[i] if fixed[i] else 0.0 for i in range(len(headers))]
    free = [i for i in range(len(headers)) if not fixed[i]]
    left = width - sum(out)
    if not free:
        return [w * width / sum(out) for w in out] if sum(out) > width else out
    wanted = sum(natural[i] for i in free)
    if wanted <= left:  # everything fits on one line: the text columns take the rest
        for i in free:
            out[i] = natural[i] + (left - wanted) * natural[i] / wanted
        return out
    if left >= sum(floor[i] for i in free):
        # the text columns wrap: a share of what is left by their length (capped, so one long text does not
        # squeeze the rest), never below their header's longest word
        capped = {i: min(natural[i], width / 3) for i in free}
        total = sum(capped.values())
        for i in free:
            out[i] = max(floor[i], left * capped[i] / total)
        over = sum(out) - width
        if over > 0:  # the floors took more than their share: take it back from the widest text column
            widest = max(free, key=lambda i: out[i])
            out[widest] -= over
        return out
    # too many columns for the page even so: every column in proportion (numbers may wrap)
    return [w * width / sum(natural) for w in natural]


__all__ = ["write_pdf", "cell_text", "MissingGlyphs"]
