"""A letter's PDF: merge fields, Chinese text and amounts in its text, the font embedded, the address inside
the envelope window, Chinese line breaking, page numbers, missing glyphs refused."""

import dataclasses
import io
import re
import subprocess
from datetime import date, timedelta
from decimal import Decimal

import pytest
from pypdf import PdfReader

from hqdesk.domain.letter_fields import LetterKind, example_data
from hqdesk.domain.letter_templates import LetterTemplateError
from hqdesk.letters.fonts import CJK_CANNOT_START, missing_glyphs, register_fonts
from hqdesk.letters.render import ADDRESS_BOX, ENVELOPE_WINDOW, MissingGlyph, render_letter
from hqdesk.services.letter_dto import LedgerLine, LetterData, Letterhead
from hqdesk.services.letters import shipped_template

HEAD = Letterhead(
    "金辉珠宝集团总部",
    "湖南省长沙市芙蓉区五一大道1号",
    "0731-88886666",
    None,
    "Jinhui Jewellery HQ",
    "1 Wuyi Avenue, Changsha",
    "中国工商银行长沙分行",
    "1901 0000 0000 0000 888",
    "金辉珠宝集团有限公司",
)


def letter(key="festival", language="zh_CN", kind=None, **kw) -> LetterData:
    kind = kind or LetterKind(key if key in {k.value for k in LetterKind} else "dunning")
    subject, body = shipped_template(key, language)
    defaults = dict(
        kind=kind,
        template_key=key,
        language=language,
        template_id=1,
        template_version=1,
        subject_source=subject,
        body_source=body,
        franchisee_id=1,
        franchisee_code="F0001",
        contact_id=1,
        as_of=date(2026, 11, 23),
        period_from=None,
        merge=example_data(kind, language),
        address_lines=("长沙金辉珠宝有限公司", "王建国 先生", "湖南省长沙市芙蓉区五一大道100号"),
        letterhead=HEAD,
        signature=("张敏",),
    )
    defaults.update(kw)
    return LetterData(**defaults)


def text_of(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_a_chinese_festival_letter_has_its_merge_fields_and_the_font_embedded(tmp_path):
    pdf = render_letter(letter()).pdf
    text = text_of(pdf)
    assert "尊敬的王先生" in text and "春节" in text and "金辉珠宝五一广场店" in text and "张敏" in text
    assert "2026年11月23日" in text
    path = tmp_path / "a.pdf"
    path.write_bytes(pdf)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows and all(r[-5] == "yes" for r in rows), fonts  # emb column
    assert "STSong" not in fonts


def test_rendering_is_byte_for_byte_repeatable():
    assert render_letter(letter("statement")).pdf == render_letter(letter("statement")).pdf


def test_the_address_box_lies_inside_the_dl_c5_window():
    x0, y0, x1, y1 = ADDRESS_BOX
    wx0, wy0, wx1, wy1 = ENVELOPE_WINDOW
    assert wx0 <= x0 < x1 <= wx1 and wy0 <= y0 < y1 <= wy1
    # and the address really prints there (pypdf reports where each line's text starts)
    pdf = render_letter(letter()).pdf
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    found = []

    def visit(text, cm, tm, font, size):
        if "王建国" in text or "五一大道100号" in text:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((x / 72 * 25.4, 297 - y / 72 * 25.4))

    page.extract_text(visitor_text=visit)
    assert found
    for x, y in found:
        assert wx0 <= x <= wx1 and wy0 <= y <= wy1, (x, y)


def test_no_line_starts_with_closing_punctuation():
    body = "{{ contact.greeting }}：\n\n" + "感谢您，一直以来的支持：我们（总部）很感激！“谢谢”。" * 40
    pdf = render_letter(letter(body_source=body)).pdf
    lines = [line.strip() for line in text_of(pdf).splitlines() if line.strip()]
    bad = [line for line in lines if line[0] in CJK_CANNOT_START]
    assert len(lines) > 10 and not bad, bad


def test_mixed_chinese_and_english_keeps_english_words_whole():
    body = "{{ contact.greeting }}：\n\n" + "欢迎参加 Annual Dealer Gala 活动，Celebration 之夜。" * 12
    pdf = render_letter(letter(body_source=body)).pdf
    words = {"Annual", "Dealer", "Gala", "Celebration"}
    body_lines = [line for line in text_of(pdf).splitlines() if re.search("欢迎|活动|之夜", line)]
    assert len(body_lines) > 5
    for line in body_lines:
        for token in re.findall(r"[A-Za-z]+", line):
            assert token in words, line


def test_a_character_no_font_has_refuses_the_letter():
    register_fonts()
    assert missing_glyphs("王𠮷䶮") == ["𠮷", "䶮"]
    data = example_data(LetterKind.FESTIVAL, "zh_CN")
    data["contact"]["greeting"] = "尊敬的𠮷先生"
    with pytest.raises(MissingGlyph) as info:
        render_letter(letter(merge=data))
    assert "𠮷" in info.value.english() and "F0001" in info.value.english()
    with pytest.raises(MissingGlyph):
        render_letter(letter(address_lines=("䶮总",)))


def test_a_broken_template_prints_nothing():
    with pytest.raises(LetterTemplateError) as info:
        render_letter(letter(body_source="第一行\n{{ contact.nobody }}"))
    assert info.value.params["line"] == 2


def test_a_long_statement_breaks_across_pages_with_headers_and_page_numbers():
    start = date(2026, 1, 1)
    lines, balance = [], Decimal("1000.00")
    for i in range(90):
        balance += Decimal("100.00")
        lines.append(
            LedgerLine(
                start + timedelta(days=i),
                "invoice",
                f"INV{i:05d}",
                start,
                Decimal("100.00"),
                Decimal("0"),
                balance,
            )
        )
    data = example_data(LetterKind.STATEMENT, "zh_CN")
    rendered = render_letter(
        letter(
            "statement",
            ledger=tuple(lines),
            opening_balance=Decimal("1000.00"),
            closing_balance=balance,
            merge=data,
            period_from=start,
        )
    )
    assert rendered.pages >= 3
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(rendered.pdf)).pages]
    assert f"第 1 页 / 共 {rendered.pages} 页" in pages[0]
    assert all("余额" in p for p in pages[:-1])  # the header row repeats
    assert "INV00089" in "".join(pages) and "¥10,000.00" in "".join(pages)


@pytest.mark.parametrize(
    "key",
    [
        "festival",
        "birthday",
        "store_anniversary",
        "invitation",
        "credit_change",
        "statement",
        "dunning_reminder",
        "dunning_final",
    ],
)
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_kind_renders_in_both_languages(key, language):
    rendered = render_letter(letter(key, language))
    text = " ".join(text_of(rendered.pdf).split())  # a line break reads as a space
    merge = letter(key, language).merge
    assert merge["contact"]["greeting"] in text
    if language == "zh_CN":
        assert re.search(r"[\u4e00-\u9fff]{4}", text)
    if key == "statement":
        assert merge["statement"]["closing"] in text
        if language == "zh_CN":
            assert merge["statement"]["closing_words"] in text.replace(" ", "")
    if key.startswith("dunning"):
        assert merge["dunning"]["overdue"] in text
        if language == "zh_CN":
            assert merge["dunning"]["overdue_words"] in text.replace(" ", "")


def test_letterdata_stays_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        letter().language = "en"  # type: ignore[misc]


def test_a_street_address_a_little_too_long_stays_on_one_line():
    """Seen on the demo: "…世纪大厦910" / "室" broke before its last character; now set slightly smaller."""
    street = "辽宁省大连市甘井子区商业街78号世纪大厦910室"
    pdf = render_letter(letter(address_lines=("大连荣华珠宝贸易有限公司", "宋怡 女士", street))).pdf
    lines = text_of(pdf).splitlines()
    assert street in lines


@pytest.mark.parametrize(
    "years, words", [("1", "Over our first year together"), ("6", "Over our 6 years together")]
)
def test_english_greetings_count_years_in_words_that_fit(years, words):
    merge = example_data(LetterKind("festival"), "en")
    merge = {**merge, "franchisee": {**merge["franchisee"], "years": years}}
    text = " ".join(text_of(render_letter(letter(language="en", merge=merge)).pdf).split())
    assert words in text and "1 years" not in text


def test_pdf_streams_are_compressed_at_the_fast_level():
    """ReportLab's fixed zlib level 6 took a fifth of a greeting's time; level 1 (files about 4 % larger)."""
    import zlib

    from reportlab.pdfbase import pdfdoc

    register_fonts()
    data = "尊敬的王先生：中秋快乐。".encode() * 500
    assert pdfdoc.PDFZCompress.encode(data) == zlib.compress(data, 1)
    assert zlib.decompress(pdfdoc.PDFZCompress.encode(data)) == data


def test_statement_cells_that_fit_are_drawn_as_strings_and_long_ones_wrap_whole():
    """Short cells go into the table as plain strings (fast); a document number too long for its column, or a
    character only a fallback font has, becomes a Paragraph: wrapped, nothing cut, in the PDF's text."""
    from reportlab.platypus import Paragraph

    from hqdesk.letters.render import _cell, styles

    st = styles("zh_CN")
    assert _cell("INV00001", st.cell, 80) == "INV00001"
    assert _cell("¥1,234.56", st.cell_right, 80) == "¥1,234.56"
    long_number = "INV-2026-11-HUNAN-CHANGSHA-WUYI-000123"
    assert isinstance(_cell(long_number, st.cell, 80), Paragraph)
    start = date(2026, 11, 1)
    line = LedgerLine(start, "invoice", long_number, start, Decimal("10.00"), Decimal("0"), Decimal("10.00"))
    rendered = render_letter(
        letter(
            "statement",
            ledger=(line,),
            opening_balance=Decimal("0"),
            closing_balance=Decimal("10.00"),
            merge=example_data(LetterKind.STATEMENT, "zh_CN"),
            period_from=start,
        )
    )
    assert long_number in "".join(text_of(rendered.pdf).split())  # wrapped over lines, every character there
