"""reports/pdf.py: the text of every page read back with pypdf: company, title, as-of, "x / y" on each page,
the header row repeated, Chinese text, money and percent formatting, formula-like text shown as it is."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pypdf import PdfReader

from hqdesk.reports.files import ReportTable
from hqdesk.reports.pdf import cell_text, write_pdf


def test_cell_text():
    assert cell_text(Decimal("1234567.5"), "money") == "1,234,567.50"
    assert cell_text(Decimal("-12"), "money") == "-12.00"
    assert cell_text(Decimal("0.66666"), "percent") == "66.7%"
    assert cell_text(date(2026, 11, 30), "date") == "2026-11-30"
    assert cell_text(None, "money") == ""


def test_pages_headers_and_chinese(tmp_path):
    rows = [
        (f"F{i:03d}", f"杭州第{i}珠宝有限公司", Decimal(i) * 1000, Decimal("0.25")) for i in range(1, 121)
    ]
    rows.append(("X", '=HYPERLINK("x")', Decimal("-5"), None))
    table = ReportTable(
        "账龄 2026-11-30",
        ("加盟商编号", "加盟商名称", "合计", "逾期占比"),
        (None, None, "money", "percent"),
        rows,
    )
    path = tmp_path / "r.pdf"
    assert write_pdf(table, path, "金饰总部有限公司", "截至 2026-11-30") == 121
    pages = [p.extract_text() for p in PdfReader(path).pages]
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert "金饰总部有限公司" in text and "账龄 2026-11-30" in text and "截至 2026-11-30" in text
        assert "加盟商编号" in text  # the header row on every page
        assert f"{number} / {len(pages)}" in text
    everything = "\n".join(pages)
    assert "杭州第1珠宝有限公司" in everything and "120,000.00" in everything and "25.0%" in everything
    assert "=HYPERLINK" in everything and "-5.00" in everything
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left
