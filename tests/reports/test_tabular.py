"""The one table writer: CSV with a BOM, XLSX with number formats, formula-like text kept as text, no half files."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from hqdesk.reports.tabular import Cancelled, UnknownFileType, write_table

HEADERS = ["code", "名称", "amount", "since"]
FORMATS = [None, None, "money", "date"]
DANGEROUS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(A1:A9)", "-1+1", "\tTAB", "\rCR"]


def rows():
    yield ["F001", "周大福珠宝", Decimal("-12.50"), date(2026, 1, 2)]
    for i, text in enumerate(DANGEROUS):
        yield [f"F{i + 2:03d}", text, Decimal("1234567.8"), None]


def test_csv_has_a_bom_and_reads_back(tmp_path):
    path = tmp_path / "out.csv"
    assert write_table(path, HEADERS, rows(), FORMATS) == 1 + len(DANGEROUS)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as f:
        read = list(csv.reader(f))
    assert read[0] == HEADERS
    assert read[1] == ["F001", "周大福珠宝", "-12.50", "2026-01-02"]
    # formula-like text is written with an apostrophe in front; the negative NUMBER stays a number
    assert [r[1] for r in read[2:]] == ["'" + t for t in DANGEROUS]
    assert read[2][2] == "1234567.80"


def test_xlsx_keeps_formula_like_text_as_text_and_numbers_as_numbers(tmp_path):
    path = tmp_path / "out.xlsx"
    write_table(path, HEADERS, rows(), FORMATS)
    sheet = load_workbook(path).active
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == HEADERS
    assert values[1][2] == -12.5 and sheet["C2"].number_format == "#,##0.00"
    assert sheet["D2"].is_date and sheet["D2"].number_format == "yyyy-mm-dd"
    for row_index, text in enumerate(DANGEROUS, start=3):
        cell = sheet.cell(row=row_index, column=2)
        assert cell.data_type == "s", text
        assert cell.value.strip() == text.strip()  # XML turns a leading CR into a line feed


def test_unknown_extension_is_refused_and_writes_nothing(tmp_path):
    with pytest.raises(UnknownFileType):
        write_table(tmp_path / "out.txt", HEADERS, rows(), FORMATS)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["out.csv", "out.xlsx"])
def test_a_failure_halfway_leaves_the_old_file_untouched(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"old")

    def broken():
        yield ["F001", "a", Decimal(1), None]
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        write_table(path, HEADERS, broken(), FORMATS)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_cancel_removes_the_partial_file(tmp_path):
    path = tmp_path / "big.csv"
    many = (["F", "x", Decimal(1), None] for _ in range(5000))
    seen = []
    with pytest.raises(Cancelled):
        write_table(path, HEADERS, many, FORMATS, progress=seen.append, cancelled=lambda: len(seen) >= 2)
    assert seen == [1000, 2000]
    assert list(tmp_path.iterdir()) == []
