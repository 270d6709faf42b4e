"""One letter: ``LetterData`` -> PDF bytes (A4, letterhead, window-envelope address block, tables, page numbers).

Deterministic: the same ``LetterData`` gives the same bytes (ReportLab's ``invariant`` mode: no creation time,
fixed document id), so a letter's PDF kept in the history is exactly what was printed.

Page layout (mm from the page's top-left corner; A4 210 x 297):
- letterhead: logo (at most 16 mm high) and company name at the top, address and phone under it, a rule at 36 mm;
- address block: the recipient's lines in the box x 25-105, y 50-85, inside the window of a DL or C5 window
  envelope per DIN 680 / DIN 5008 form B (window 90 x 45 mm, 20 mm from the left edge and 45 mm from the top of
  the letter folded in three); ``ADDRESS_BOX`` / ``ENVELOPE_WINDOW`` below, pinned by a test;
- reference block to the right (date, our reference, account manager); the text from 98 mm on page 1, 25 mm on
  the following pages; page numbers "第 1 页 / 共 3 页" / "Page 1 of 3" at the foot of letters of two pages or more.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal

from hqdesk.domain.errors import EXIT_REFUSED, HqdeskError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.letter_templates import (
    LetterTemplateError,
    TemplateProblem,
    blocks,
    render_letter_text,
)
from hqdesk.domain.letters import ZH, long_date, money_figures
from hqdesk.letters.fonts import body_covers, mark_fallbacks, missing_glyphs, paragraph_style, register_fonts
from hqdesk.services.letter_dto import LetterData

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
LEFT, RIGHT = 25 * MM, 20 * MM
# (x0, y0, x1, y1) in mm from the top-left corner
ENVELOPE_WINDOW = (20.0, 45.0, 110.0, 90.0)
ADDRESS_BOX = (25.0, 50.0, 105.0, 85.0)
BODY_TOP_FIRST = 98 * MM
BODY_TOP_NEXT = 25 * MM
BOTTOM = 22 * MM


class MissingGlyph(HqdeskError):
    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The letter to {franchisee} cannot be printed: no font has the character {char} ({where}). "
        "Nothing was printed.",
    )


# the labels printed on the letter (the letter's language, not the user's)
TEXT = {
    ZH: {
        "date": "日期",
        "ref": "编号",
        "manager": "客户经理",
        "page": "第 {page} 页 / 共 {pages} 页",
        "tel": "电话",
        "cols_ledger": ("日期", "单据", "单据编号", "到期日", "借方（应收）", "贷方（已收/冲减）", "余额"),
        "opening": "期初余额",
        "closing": "期末余额",
        "cols_overdue": ("发票编号", "开票日期", "到期日", "逾期天数", "未付金额"),
        "aging_title": "截至{day}未清款项账龄（按逾期天数，人民币元）",
        "bank": "开户银行",
        "holder": "户名",
        "account": "账号",
        "remit_title": "汇款信息",
        "kinds": {"invoice": "发票", "credit_note": "红字发票", "payment": "收款", "write_off": "坏账核销"},
        "buckets": {"not_due": "未到期", "unapplied": "未核销款项", "total": "合计"},
        "bucket_days": "{range}天",
        "over": "{n}天以上",
    },
    "en": {
        "date": "Date",
        "ref": "Our ref.",
        "manager": "Account manager",
        "page": "Page {page} of {pages}",
        "tel": "Tel.",
        "cols_ledger": ("Date", "Document", "Number", "Due", "Debit", "Credit", "Balance"),
        "opening": "Opening balance",
        "closing": "Closing balance",
        "cols_overdue": ("Invoice", "Date", "Due", "Days overdue", "Open amount"),
        "aging_title": "Aging of open items as of {day} (days overdue, CNY)",
        "bank": "Bank",
        "holder": "Account holder",
        "account": "Account number",
        "remit_title": "Remittance details",
        "kinds": {
            "invoice": "Invoice",
            "credit_note": "Credit note",
            "payment": "Payment",
            "write_off": "Write-off",
        },
        "buckets": {"not_due": "Not due", "unapplied": "Unapplied", "total": "Total"},
        "bucket_days": "{range} days",
        "over": "over {n} days",
    },
}


def _t(language: str) -> dict:
    return TEXT[ZH if language == ZH else "en"]


def bucket_caption(label: str, language: str) -> str:
    t = _t(language)
    if label in t["buckets"]:
        return t["buckets"][label]
    if label.startswith(">"):
        return t["over"].format(n=label[1:])
    return t["bucket_days"].format(range=label)


@dataclass
class _Styles:
    body: object
    body_en: object
    small: object
    small_right: object
    cell: object
    cell_right: object
    head: object
    subject: object
    address: object
    letterhead_name: object
    signature: object


_styles: dict[str, _Styles] = {}


def styles(language: str) -> _Styles:
    if language not in _styles:
        from reportlab.lib import colors
        from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT

        zh = language == ZH
        body = paragraph_style(
            "body",
            10.5,
            17,
            chinese=zh,
            firstLineIndent=21 if zh else 0,
            alignment=TA_JUSTIFY,
            spaceAfter=4 if zh else 7,
            allowWidows=0,  # no paragraph leaves its last line alone at the top of a page
            allowOrphans=0,
        )
        _styles[language] = _Styles(
            body=body,
            body_en=paragraph_style("body_plain", 10.5, 17, chinese=zh, spaceAfter=4 if zh else 7),
            small=paragraph_style("small", 8.5, 12, chinese=zh, textColor=colors.HexColor("#555555")),
            small_right=paragraph_style(
                "small_r", 8.5, 12, chinese=zh, alignment=TA_RIGHT, textColor=colors.HexColor("#555555")
            ),
            cell=paragraph_style("cell", 8.5, 11, chinese=zh),
            cell_right=paragraph_style("cell_r", 8.5, 11, chinese=zh, alignment=TA_RIGHT),
            head=paragraph_style("head", 8.5, 11, bold=True, chinese=zh, alignment=TA_CENTER),
            subject=paragraph_style("subject", 13, 19, bold=True, chinese=zh, spaceAfter=10),
            address=paragraph_style("address", 10.5, 15, chinese=zh),
            letterhead_name=paragraph_style("lh", 15, 19, bold=True, chinese=zh),
            # a Chinese letter signs at the right, an English one under "Yours sincerely," at the left
            signature=paragraph_style("sig", 10.5, 16, chinese=zh, alignment=TA_RIGHT if zh else TA_LEFT),
        )
    return _styles[language]


def _para(text: str, style):
    from reportlab.platypus import Paragraph

    return Paragraph(mark_fallbacks(text).replace("\n", "<br/>"), style)


CELL_PADDING = 6.0  # points: the ledger table's left + right padding (3 + 3)


def _cell(text: str, style, width: float, padding: float = CELL_PADDING):
    """A table cell: ``text`` itself when it fits one line of its column in the body font (the table draws it as
    a string: a Paragraph in every cell was 60 % of a statement's time), else a Paragraph that wraps (and
    takes fallback fonts). The table's style sets the cells' font, size and alignment to match ``style``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if (
        "\n" not in text
        and body_covers(text)
        and stringWidth(text, style.fontName, style.fontSize) <= width - padding
    ):
        return text
    return _para(text, style)


def _cell_style(st: _Styles, right: tuple[int, ...]) -> list:
    """TableStyle commands that draw plain-string cells as ``st.cell`` / ``st.cell_right`` would."""
    cell = st.cell
    commands = [
        ("FONTNAME", (0, 1), (-1, -1), cell.fontName),
        ("FONTSIZE", (0, 1), (-1, -1), cell.fontSize),
        ("LEADING", (0, 1), (-1, -1), cell.leading),
        ("TEXTCOLOR", (0, 1), (-1, -1), cell.textColor),
    ]
    commands += [("ALIGN", (c, 1), (c, -1), "RIGHT") for c in right]
    return commands


def _address_paragraphs(lines, style, width: float) -> list:
    """One paragraph per address line; a line a little too long for the window is set up to 2 points smaller so
    that it stays on one line (a street address broken before its last character, "…910" / "室", reads badly);
    a line longer than that wraps."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out = []
    for line in lines:
        size = style.fontSize
        while size > style.fontSize - 2 and stringWidth(line, style.fontName, size) > width:
            size -= 0.5
        fitted = style
        if size != style.fontSize and stringWidth(line, style.fontName, size) <= width:
            fitted = ParagraphStyle(
                f"{style.name}-{size}", parent=style, fontSize=size, leading=style.leading
            )
        out.append(_para(line, fitted))
    return out


def _flat(prefix: str, value, out: list[tuple[str, str]]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flat(f"{prefix}.{k}" if prefix else k, v, out)
    elif isinstance(value, str):
        out.append((prefix, value))


def check_glyphs(letter: LetterData, texts: list[tuple[str, str]]) -> None:
    """MissingGlyph for the first character of a merge value, the address or the rendered text that no
    embedded font has (a letter is refused rather than printed with a hole in a name)."""
    values: list[tuple[str, str]] = []
    _flat("", letter.merge, values)
    values += [("address", line) for line in letter.address_lines] + list(texts)
    for where, text in values:
        missing = missing_glyphs(text)
        if missing:
            raise MissingGlyph(franchisee=letter.franchisee_code, char=missing[0], where=where)


def printable(letters) -> tuple[list[LetterData], list[tuple[LetterData, MissingGlyph]]]:
    """The letters every character of whose names and address a font has, and the others with the character
    and where it is: checked before a batch, so that one rare character in one name leaves that letter out,
    said, instead of stopping the batch (or printing a hole in a name)."""
    ok, refused = [], []
    for letter in letters:
        try:
            check_glyphs(letter, [])
        except MissingGlyph as exc:
            refused.append((letter, exc))
        else:
            ok.append(letter)
    return ok, refused


def _money(value: Decimal, language: str) -> str:
    return money_figures(value, language)


def _ledger_table(letter: LetterData, st: _Styles, width: float):
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, TableStyle

    t = _t(letter.language)
    lang = letter.language
    fmt_date = (lambda d: d.strftime("%Y-%m-%d")) if lang == ZH else (lambda d: d.strftime("%d %b %Y"))
    head = [_para(c, st.head) for c in t["cols_ledger"]]
    rows = [head]
    start = letter.period_from or letter.as_of
    fractions = (0.13, 0.11, 0.17, 0.13, 0.15, 0.16, 0.15)
    widths = [width * f for f in fractions]
    left, right = st.cell, st.cell_right
    rows.append(
        [
            _cell(fmt_date(start), left, widths[0]),
            _cell(t["opening"], left, sum(widths[1:6])),
            "",
            "",
            "",
            "",
            _cell(_money(letter.opening_balance or Decimal(0), lang), right, widths[6]),
        ]
    )
    for line in letter.ledger:
        rows.append(
            [
                _cell(fmt_date(line.doc_date), left, widths[0]),
                _cell(t["kinds"].get(line.kind, line.kind), left, widths[1]),
                _cell(line.number, left, widths[2]),
                _cell(fmt_date(line.due_date) if line.due_date else "", left, widths[3]),
                _cell(_money(line.debit, lang) if line.debit else "", right, widths[4]),
                _cell(_money(line.credit, lang) if line.credit else "", right, widths[5]),
                _cell(_money(line.balance, lang), right, widths[6]),
            ]
        )
    rows.append(
        [
            _cell(fmt_date(letter.as_of), left, widths[0]),
            _cell(t["closing"], left, sum(widths[1:6])),
            "",
            "",
            "",
            "",
            _cell(_money(letter.closing_balance or Decimal(0), lang), right, widths[6]),
        ]
    )
    table = LongTable(rows, colWidths=widths, repeatRows=1, splitByRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register_fonts().body),
                *_cell_style(st, right=(4, 5, 6)),
                # "Opening balance" / "Closing balance" run over the empty columns instead of wrapping
                ("SPAN", (1, 1), (5, 1)),
                ("SPAN", (1, -1), (5, -1)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EDE7DA")),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#8A6D3B")),
                ("LINEBELOW", (0, 1), (-1, -2), 0.25, colors.HexColor("#DDDDDD")),
                ("LINEABOVE", (0, -1), (-1, -1), 0.6, colors.HexColor("#8A6D3B")),
                ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F6F2EA")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _aging_table(letter: LetterData, st: _Styles, width: float):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    lang = letter.language
    heads = [_para(bucket_caption(a.label, lang), st.head) for a in letter.aging]
    # figures without the currency (named in the title): nine columns leave no room for "CNY"
    n = max(len(heads), 1)
    values = [_cell(f"{a.amount:,.2f}", st.cell_right, width / n, 5) for a in letter.aging]
    table = Table([heads, values], colWidths=[width / n] * n)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register_fonts().body),
                *_cell_style(st, right=tuple(range(n))),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EDE7DA")),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#8A6D3B")),
                ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#CCCCCC")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _overdue_table(letter: LetterData, st: _Styles, width: float):
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, TableStyle

    t = _t(letter.language)
    lang = letter.language
    rows = [[_para(c, st.head) for c in t["cols_overdue"]]]
    widths = [width * f for f in (0.24, 0.2, 0.2, 0.14, 0.22)]
    for o in letter.overdue:
        rows.append(
            [
                _cell(o.number, st.cell, widths[0], 12),
                _cell(long_date(o.doc_date, lang), st.cell, widths[1], 12),
                _cell(long_date(o.due_date, lang), st.cell, widths[2], 12),
                _cell(str(o.days_overdue), st.cell_right, widths[3], 12),
                _cell(_money(o.open_amount, lang), st.cell_right, widths[4], 12),
            ]
        )
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register_fonts().body),
                *_cell_style(st, right=(3, 4)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EDE7DA")),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#CCCCCC")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _remittance(letter: LetterData, st: _Styles, width: float):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    t = _t(letter.language)
    head = letter.letterhead
    rows = [
        [_para(t["remit_title"], st.head), ""],
        [_para(t["holder"], st.cell), _para(head.bank_holder or head.name, st.cell)],
        [_para(t["bank"], st.cell), _para(head.bank_name, st.cell)],
        [_para(t["account"], st.cell), _para(head.bank_account, st.cell)],
    ]
    table = Table(rows, colWidths=[width * 0.25, width * 0.75])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register_fonts().body),
                ("SPAN", (0, 0), (-1, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EDE7DA")),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#8A6D3B")),
            ]
        )
    )
    return table


def _fit(text: str, width: float, size: float) -> str:
    """``text`` cut (with …) to fit ``width`` points in the body font at ``size``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = register_fonts().body
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip(" ·,，") + "…"


def _canvas_maker(letter: LetterData):
    """A canvas that knows the page count when each page is finished (for "Page 1 of 3")."""
    from reportlab.pdfgen.canvas import Canvas

    label = _t(letter.language)["page"]
    font = register_fonts().body

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kw):
            # else Helvetica, not embedded, is named in every page's resources
            kw["initialFontName"] = kw.get("initialFontName") or font
            super().__init__(*args, **kw)
            self._saved_pages: list[dict] = []

        def showPage(self):  # noqa: N802 - ReportLab's name
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                if total > 1:
                    self.setFont(font, 8)
                    self.setFillGray(0.4)
                    self.drawCentredString(
                        PAGE_W / 2, 12 * MM, label.format(page=self._pageNumber, pages=total)
                    )
                super().showPage()
            super().save()

    return NumberedCanvas


def _first_page(letter: LetterData, st: _Styles):
    from reportlab.lib import colors
    from reportlab.platypus import Frame

    head = letter.letterhead
    lang = letter.language
    t = _t(lang)
    name = (head.name_en or head.name) if lang != ZH else head.name
    address = (head.address_en or head.address) if lang != ZH else head.address

    def draw(canvas, doc):
        canvas.saveState()
        x = LEFT
        top = PAGE_H - 14 * MM
        if head.logo_png:
            try:
                from reportlab.lib.utils import ImageReader

                img = ImageReader(io.BytesIO(head.logo_png))
                w, h = img.getSize()
                height = 16 * MM
                width = min(w * height / h, 45 * MM)
                canvas.drawImage(img, x, top - height, width, height, mask="auto", preserveAspectRatio=True)
                x += width + 5 * MM
            except Exception:  # a logo that cannot be read is left out, not the letter
                pass
        Frame(x, top - 22 * MM, PAGE_W - RIGHT - x, 22 * MM, 0, 0, 0, 0).addFromList(
            [
                _para(name, st.letterhead_name),
                _para(address, st.small),
                _para(f"{t['tel']} {head.phone}" if head.phone else "", st.small),
            ],
            canvas,
        )
        canvas.setStrokeColor(colors.HexColor("#8A6D3B"))
        canvas.setLineWidth(0.8)
        canvas.line(LEFT, PAGE_H - 36 * MM, PAGE_W - RIGHT, PAGE_H - 36 * MM)
        # return address line at the top of the window, then the recipient
        x0, y0, x1, y1 = ADDRESS_BOX
        canvas.setFillGray(0.35)
        canvas.setFont(register_fonts().body, 6.5)
        canvas.drawString(
            x0 * MM,
            PAGE_H - (y0 - 1.5) * MM,
            _fit(" · ".join(p for p in (name, address) if p), (x1 - x0) * MM, 6.5),
        )
        canvas.setFillGray(0)
        Frame(x0 * MM, PAGE_H - y1 * MM, (x1 - x0) * MM, (y1 - y0 - 1) * MM, 0, 0, 0, 0).addFromList(
            _address_paragraphs(letter.address_lines, st.address, (x1 - x0) * MM), canvas
        )
        ref = [
            f"{t['date']}: {long_date(letter.as_of, lang)}",
            f"{t['ref']}: {letter.franchisee_code}-{letter.template_key}-{letter.as_of:%Y%m%d}",
        ]
        manager = letter.merge.get("manager", {}).get("name", "")
        if manager:
            ref.append(f"{t['manager']}: {manager}")
        Frame(120 * MM, PAGE_H - 85 * MM, PAGE_W - RIGHT - 120 * MM, 35 * MM, 0, 0, 0, 0).addFromList(
            [_para("\n".join(ref), st.small)], canvas
        )
        canvas.restoreState()

    return draw


def build_story(letter: LetterData, subject: str, body: str, width: float) -> list:
    from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

    st = styles(letter.language)
    story: list = [_para(subject, st.subject)]
    first = True
    for kind, value in blocks(body):
        if kind == "paragraph":
            # the salutation line and short closing lines are not indented
            lines = value.split("\n")
            if letter.language == ZH and lines[0].strip() == "此致" and len(lines) == 2:
                # the Chinese closing: 此致 indented two characters, 敬礼！ on the next line at the margin
                story.append(_para("此致", st.body))
                story.append(_para(lines[1].strip(), st.body_en))
                continue
            style = st.body_en if (first or len(value) < 12 or len(lines) > 1) else st.body
            story.append(_para(value, style))
            first = False
        elif kind == "table":
            story.append(Spacer(1, 3))
            if value == "ledger":
                story.append(_ledger_table(letter, st, width))
            elif value == "aging" and letter.aging:
                day = long_date(letter.as_of, letter.language)
                story.append(
                    KeepTogether(
                        [
                            _para(_t(letter.language)["aging_title"].format(day=day), st.body_en),
                            _aging_table(letter, st, width),
                        ]
                    )
                )
            elif value == "overdue" and letter.overdue:
                story.append(_overdue_table(letter, st, width))
            story.append(Spacer(1, 6))
        elif kind == "remittance":
            story.append(CondPageBreak(30 * MM))
            story.append(KeepTogether([Spacer(1, 3), _remittance(letter, st, width), Spacer(1, 6)]))
    head = letter.letterhead
    name = (head.name_en or head.name) if letter.language != ZH else head.name
    sign = [name, *letter.signature, long_date(letter.as_of, letter.language)]
    story.append(KeepTogether([Spacer(1, 10), _para("\n".join(s for s in sign if s), st.signature)]))
    return story


@dataclass(frozen=True)
class RenderedLetter:
    pdf: bytes
    pages: int
    subject: str  # as rendered (the history lists it)


def render_letter(letter: LetterData) -> RenderedLetter:
    """The letter's PDF, its page count and subject. LetterTemplateError for a broken template, MissingGlyph
    for a character no font has; nothing is returned then."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate

    try:
        text = render_letter_text(letter.subject_source, letter.body_source, letter.merge)
    except TemplateProblem as problem:
        raise LetterTemplateError.of(f"{letter.template_key} ({letter.language})", problem) from None
    check_glyphs(letter, [("subject", text.subject), ("body", text.body)])
    st = styles(letter.language)
    width = PAGE_W - LEFT - RIGHT
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=BODY_TOP_NEXT,
        bottomMargin=BOTTOM,
        title=text.subject,
        author=letter.letterhead.name,
        creator="hqdesk",
        invariant=1,
        initialFontName=register_fonts().body,
    )
    first = Frame(LEFT, BOTTOM, width, PAGE_H - BODY_TOP_FIRST - BOTTOM, 0, 0, 0, 0, id="first")
    later = Frame(LEFT, BOTTOM, width, PAGE_H - BODY_TOP_NEXT - BOTTOM, 0, 0, 0, 0, id="later")
    doc.addPageTemplates(
        [
            PageTemplate("first", [first], onPage=_first_page(letter, st), autoNextPageTemplate="later"),
            PageTemplate("later", [later]),
        ]
    )
    story = [NextPageTemplate("later"), *build_story(letter, text.subject, text.body, width)]
    doc.build(story, canvasmaker=_canvas_maker(letter))
    return RenderedLetter(buf.getvalue(), doc.page, text.subject)


__all__ = [
    "render_letter",
    "RenderedLetter",
    "MissingGlyph",
    "ADDRESS_BOX",
    "ENVELOPE_WINDOW",
    "bucket_caption",
    "check_glyphs",
    "printable",
]
