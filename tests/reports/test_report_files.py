"""reports/files.py without a database: the sales matrix's months and totals, bucket headers, and a
formula-like franchisee name written as text (never a formula) to XLSX and CSV."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from hqdesk.reports.files import bucket_header, months_between, sales_matrix_table, write_report


@dataclass(frozen=True)
class Row:  # the shape of services.analytics_dto.SalesRow
    key: str
    label: str
    amount: Decimal
    month: date


def test_months_cross_a_year():
    assert months_between(date(2025, 11, 15), date(2026, 2, 1)) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]


def test_bucket_headers():
    assert bucket_header("not_due", "en") == "Not due"
    assert bucket_header("1-30", "zh_CN") == "1-30天"
    assert bucket_header(">365", "en") == "Over 365 days"
    assert bucket_header(">365", "zh_CN") == "365天以上"


EVIL = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(A1:A2)", "-1+1"]


def test_formula_like_names_are_text(tmp_path):
    rows = [Row(f"C{i}/2026-01", name, Decimal("-5.00"), date(2026, 1, 1)) for i, name in enumerate(EVIL)]
    table = sales_matrix_table(date(2026, 1, 1), date(2026, 1, 31), rows)
    path = tmp_path / "m.xlsx"
    assert write_report(table, path) == len(EVIL) + 1
    sheet = load_workbook(path).worksheets[0]
    names = [sheet.cell(row=r, column=2) for r in range(2, 2 + len(EVIL))]
    assert [c.value for c in names] == EVIL
    assert all(c.data_type == "s" for c in names)
    assert sheet.cell(row=2, column=3).value == -5  # a negative amount stays a number
    csv_path = tmp_path / "m.csv"
    write_report(table, csv_path)
    text = csv_path.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'@SUM" in text and "'-1+1" in text and ",-5.00," in text
