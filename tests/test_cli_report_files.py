"""``hqdesk-admin report aging --format xlsx --out`` and ``report sales-matrix``: read back with openpyxl
(values, number formats, Chinese headers), CSV by extension, formula-like names written as text, and bad
input (exit 2, no file)."""

from __future__ import annotations

import csv
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from hqdesk.cli import main
from tests.services.analytics_ledger import build


def cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def url(migrated_db_url):
    from hqdesk.services.bootstrap import open_services

    sv = open_services(migrated_db_url)
    try:
        admin = sv.users.create_first_admin("admin", "管理员", "admin-pass-1")
        build(sv, admin)
    finally:
        sv.close()
    return migrated_db_url


def sheet_rows(path):
    book = load_workbook(path)
    sheet = book.worksheets[0]
    return sheet, [[c.value for c in row] for row in sheet.iter_rows()]


def test_aging_xlsx_equals_the_json(capsys, url, tmp_path):
    code, out, err = cli(capsys, "report", "aging", "--as-of", "2026-11-30", "--db", url)
    assert code == 0, err
    data = json.loads(out)
    path = tmp_path / "aging.xlsx"
    code, out, err = cli(
        capsys,
        *("report", "aging", "--as-of", "2026-11-30", "--format", "xlsx", "--out", str(path)),
        "--db",
        url,
    )
    assert code == 0, err
    assert out == f"wrote {len(data['rows']) + 1} rows to {path}\n"
    sheet, rows = sheet_rows(path)
    labels = data["buckets"]
    assert rows[0][:3] == ["Franchisee", "Legal name", "Not due"]
    assert rows[0][-2:] == ["Unapplied", "Total"]
    assert len(rows) == len(data["rows"]) + 2
    for line, row in zip(data["rows"], rows[1:], strict=False):
        assert row[0] == line["franchisee"] and row[1] == line["name"]
        keys = [*labels, "unapplied", "total"]
        assert [Decimal(str(v)).quantize(Decimal("0.01")) for v in row[2:]] == [
            Decimal(line[k]) for k in keys
        ]
    totals = rows[-1]
    assert totals[:2] == [None, "Total"]
    assert Decimal(str(totals[-1])).quantize(Decimal("0.01")) == Decimal(data["totals"]["total"])
    assert sheet.cell(row=2, column=3).number_format == "#,##0.00"
    assert sheet.freeze_panes == "A2"


def test_aging_stdout_formats_are_unchanged_and_out_needs_xlsx(capsys, url, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    code, out, err = cli(capsys, "report", "aging", "--as-of", "2026-11-30", "--format", "csv", "--db", url)
    assert code == 0, err
    assert out.startswith("franchisee,name,not_due,")
    code, out, err = cli(
        capsys, *("report", "aging", "--as-of", "2026-11-30", "--out", str(tmp_path / "a.xlsx")), "--db", url
    )
    assert code == 2 and "--out" in err and out == ""
    code, out, err = cli(capsys, "report", "aging", "--as-of", "2026-11-30", "--format", "xlsx", "--db", url)
    assert code == 2 and "--out" in err and out == ""
    assert list(tmp_path.iterdir()) == []


def test_sales_matrix_xlsx_in_chinese(capsys, url, tmp_path):
    path = tmp_path / "sales.xlsx"
    code, out, err = cli(
        capsys,
        *("report", "sales-matrix", "--from", "2026-09-01", "--to", "2026-11-30", "--out", str(path)),
        *("--language", "zh_CN", "--db", url),
    )
    assert code == 0, err
    sheet, rows = sheet_rows(path)
    assert rows[0] == ["加盟商编号", "加盟商名称", "2026-09", "2026-10", "2026-11", "合计"]
    # F1: Oct 3,000 - 200 + 500, Nov 2,000; F2: Nov 1,200; every month a column, 0 where nothing was sold
    assert rows[1] == ["F1", "F1珠宝有限公司", 0, 3300, 2000, 5300]
    assert rows[2] == ["F2", "F2珠宝有限公司", 0, 0, 1200, 1200]
    assert rows[3] == [None, "合计", 0, 3300, 3200, 6500]
    assert len(rows) == 4
    assert sheet.title == "销售额 2026-09-01 至 2026-11-30"[:31]


def test_sales_matrix_csv_one_franchisee(capsys, url, tmp_path):
    path = tmp_path / "f2.csv"
    code, out, err = cli(
        capsys,
        *("report", "sales-matrix", "--from", "2026-10-01", "--to", "2026-11-30", "--franchisee", "F2"),
        *("--out", str(path), "--db", url),
    )
    assert code == 0, err
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows == [
        ["Franchisee", "Legal name", "2026-10", "2026-11", "Total"],
        ["F2", "F2珠宝有限公司", "0.00", "1200.00", "1200.00"],
        ["", "Total", "0.00", "1200.00", "1200.00"],
    ]


@pytest.mark.parametrize(
    "extra, fragment",
    [
        (("--out", "sales.txt"), ".xlsx, .csv or .pdf"),
        (("--out", "sales.xlsx", "--to", "2026-01-01"), "before"),
    ],
)
def test_sales_matrix_refuses(capsys, url, tmp_path, monkeypatch, extra, fragment):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(
        capsys, "report", "sales-matrix", "--from", "2026-10-01", "--to", "2026-11-30", *extra, "--db", url
    )
    assert code == 2 and fragment in err and out == ""
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def visits_url(migrated_db_url):
    from datetime import date

    from hqdesk.domain.visits import VisitData, VisitKind, VisitPurpose
    from hqdesk.services.bootstrap import open_services

    sv = open_services(migrated_db_url)
    try:
        admin = sv.users.create_first_admin("admin", "管理员", "admin-pass-1")
        ids = build(sv, admin)
        today = date(2026, 12, 1)
        sv.visits.log(admin, ids["f1"], VisitData(visited_on=date(2026, 10, 3), met_with="王店长"), today)
        sv.visits.log(
            admin,
            ids["f2"],
            VisitData(
                visited_on=date(2026, 11, 20),
                kind=VisitKind.PHONE,
                purpose=VisitPurpose.TRAINING,
                outcome='=HYPERLINK("http://x","y")',
                next_follow_up_on=date(2026, 12, 20),
            ),
            today,
        )
        sv.visits.log(admin, ids["f1"], VisitData(visited_on=date(2026, 9, 30)), today)  # before the period
    finally:
        sv.close()
    return migrated_db_url


def test_visit_log_xlsx_in_chinese(capsys, visits_url, tmp_path, monkeypatch):
    from datetime import datetime

    from hqdesk.cli import report_files

    monkeypatch.setattr(report_files, "PAGE", 1)  # a page per visit: every page is read

    path = tmp_path / "visits.xlsx"
    code, out, err = cli(
        capsys,
        *("report", "visits", "--from", "2026-10-01", "--to", "2026-11-30", "--out", str(path)),
        *("--language", "zh_CN", "--db", visits_url),
    )
    assert code == 0, err
    assert out == f"wrote 2 rows to {path}\n"
    sheet, rows = sheet_rows(path)
    assert rows[0][:5] == ["拜访日期", "加盟商编号", "加盟商名称", "方式", "目的"]
    newest, oldest = rows[1], rows[2]
    assert newest[:3] == [datetime(2026, 11, 20), "F2", "F2珠宝有限公司"]
    assert newest[3:5] == ["电话", "培训"]
    assert newest[7] == '=HYPERLINK("http://x","y")'
    assert sheet.cell(row=2, column=8).data_type == "s"  # text, not a formula
    assert newest[8] == datetime(2026, 12, 20)
    assert sheet.cell(row=2, column=1).number_format == "yyyy-mm-dd"
    assert oldest[:2] == [datetime(2026, 10, 3), "F1"] and oldest[6] == "王店长"
    assert len(rows) == 3


def test_visit_log_csv_one_franchisee(capsys, visits_url, tmp_path):
    path = tmp_path / "v.csv"
    code, out, err = cli(
        capsys,
        *("report", "visits", "--from", "2026-09-01", "--to", "2026-11-30", "--franchisee", "f1"),
        *("--out", str(path), "--db", visits_url),
    )
    assert code == 0, err
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:5] == ["Date", "Franchisee", "Legal name", "Kind", "Purpose"]
    assert [r[:5] for r in rows[1:]] == [
        ["2026-10-03", "F1", "F1珠宝有限公司", "On site", "Return visit"],
        ["2026-09-30", "F1", "F1珠宝有限公司", "On site", "Return visit"],
    ]


def test_kpi_by_franchisee_equals_report_kpi(capsys, url, tmp_path, monkeypatch):
    from hqdesk.cli import report_files

    monkeypatch.setattr(report_files, "PAGE", 1)  # a page per franchisee: every page is read
    expected = {}
    for code in ("F1", "F2", None):
        extra = ("--franchisee", code) if code else ()
        rc, out, err = cli(
            capsys, "report", "kpi", "--from", "2026-10-01", "--to", "2026-11-30", *extra, "--db", url
        )
        assert rc == 0, err
        expected[code] = json.loads(out)
    path = tmp_path / "kpi.xlsx"
    code, out, err = cli(
        capsys,
        *("report", "kpi-by-franchisee", "--from", "2026-10-01", "--to", "2026-11-30", "--out", str(path)),
        "--db",
        url,
    )
    assert code == 0, err
    sheet, rows = sheet_rows(path)
    assert rows[0][:4] == ["Franchisee", "Legal name", "Credit sales", "Collections"]
    assert [r[0] for r in rows[1:]] == ["F1", "F2", None]
    fields = [
        "credit_sales",
        "collections",
        "write_offs",
        "opening_receivables",
        "closing_receivables",
        "overdue",
    ]
    for row, key in zip(rows[1:], ("F1", "F2", None), strict=True):
        got = [Decimal(str(v)).quantize(Decimal("0.01")) for v in row[2:8]]
        assert got == [Decimal(expected[key][f]) for f in fields], key
        share = expected[key]["overdue_share"]
        assert (row[8] is None) if share is None else round(row[8], 4) == float(share)
    assert rows[-1][1] == "All franchisees"
    shares = [sheet.cell(row=r, column=9) for r in range(2, 5)]
    assert all(c.number_format == "0.00%" for c in shares if c.value is not None)
    assert any(c.value is not None for c in shares)


@pytest.fixture
def complaints_url(migrated_db_url):
    from datetime import UTC, date, datetime

    from hqdesk.domain.complaints import Channel, Severity
    from hqdesk.services.bootstrap import open_services
    from hqdesk.services.complaints_dto import ComplaintIntake

    sv = open_services(migrated_db_url)
    try:
        admin = sv.users.create_first_admin("admin", "管理员", "admin-pass-1")
        ids = build(sv, admin)
        cats = {c.path: c.id for c in sv.complaints.categories()}

        def complain(fid, path, day):
            received = datetime(day.year, day.month, day.day, 2, 0, tzinfo=UTC)
            sv.complaints.log(
                admin, ComplaintIntake(fid, received, Channel.PHONE, cats[path], Severity.MEDIUM, "镀层脱落")
            )

        complain(ids["f1"], "物流配送 › 延迟到货", date(2026, 10, 10))
        complain(ids["f1"], "产品质量 › 电镀/镀层", date(2026, 11, 5))
        complain(ids["f2"], "产品质量 › 镶嵌/掉石", date(2026, 11, 3))
        complain(ids["f2"], "产品质量 › 镶嵌/掉石", date(2026, 9, 3))  # before the period
    finally:
        sv.close()
    return migrated_db_url


def test_complaint_summary_xlsx(capsys, complaints_url, tmp_path):
    path = tmp_path / "c.xlsx"
    code, out, err = cli(
        capsys,
        *("report", "complaints", "--from", "2026-10-01", "--to", "2026-11-30", "--out", str(path)),
        *("--language", "zh_CN", "--db", complaints_url),
    )
    assert code == 0, err
    sheet, rows = sheet_rows(path)
    assert rows[0] == ["投诉类别", "投诉数", "占比", "累计占比"]
    assert [r[:2] for r in rows[1:]] == [["产品质量", 2], ["物流配送", 1], ["合计", 3]]
    assert round(rows[1][2], 6) == round(2 / 3, 6) and rows[2][3] == 1
    assert sheet.cell(row=2, column=3).number_format == "0.00%"


def test_complaint_summary_csv_one_franchisee(capsys, complaints_url, tmp_path):
    path = tmp_path / "c.csv"
    code, out, err = cli(
        capsys,
        *("report", "complaints", "--from", "2026-10-01", "--to", "2026-11-30", "--franchisee", "F2"),
        *("--out", str(path), "--db", complaints_url),
    )
    assert code == 0, err
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows == [
        ["Category", "Complaints", "Share", "Cumulative share"],
        ["产品质量", "1", "1", "1"],
        ["Total", "1", "1", ""],
    ]


def test_directory_every_page_in_chinese(capsys, migrated_db_url, tmp_path, monkeypatch):
    from hqdesk.cli import report_files
    from hqdesk.domain.franchisee import FranchiseeData
    from hqdesk.services.bootstrap import open_services

    monkeypatch.setattr(report_files, "PAGE", 2)  # five franchisees: three pages
    sv = open_services(migrated_db_url)
    try:
        admin = sv.users.create_first_admin("admin", "管理员", "admin-pass-1")
        for code, name in [
            ("B2", "乙珠宝"),
            ("A1", '=HYPERLINK("x")'),
            ("C3", "丙"),
            ("E5", "戊"),
            ("D4", "丁"),
        ]:
            sv.franchisees.create(admin, FranchiseeData(code=code, legal_name=name, city="杭州", tier="A"))
    finally:
        sv.close()
    path = tmp_path / "dir.xlsx"
    code, out, err = cli(
        capsys, "report", "directory", "--out", str(path), "--language", "zh_CN", "--db", migrated_db_url
    )
    assert code == 0, err
    sheet, rows = sheet_rows(path)
    assert rows[0][:8] == ["加盟商编号", "加盟商名称", "门店品牌", "大区", "省份", "城市", "等级", "状态"]
    assert [r[0] for r in rows[1:]] == ["A1", "B2", "C3", "D4", "E5"]
    assert rows[1][1] == '=HYPERLINK("x")' and sheet.cell(row=2, column=2).data_type == "s"
    assert (
        rows[1][5] == "杭州"
        and rows[1][7] in ("潜在", "意向", "潜在客户", "筹备中")
        or rows[1][7] != "prospect"
    )


@pytest.mark.parametrize(
    "argv, expected",
    [
        (
            ("aging", "--as-of", "2026-11-30", "--format", "pdf"),
            ["Franchisee", "Not due", "As of 2026-11-30"],
        ),
        (("sales-matrix", "--from", "2026-10-01", "--to", "2026-11-30"), ["2026-10", "3,300.00", "6,500.00"]),
        (
            ("kpi-by-franchisee", "--from", "2026-10-01", "--to", "2026-11-30"),
            ["Credit sales", "All franchisees"],
        ),
        (("complaints", "--from", "2026-10-01", "--to", "2026-11-30"), ["Category", "Total"]),
        (("visits", "--from", "2026-10-01", "--to", "2026-11-30"), ["Met with", "Next follow-up"]),
        (("directory",), ["F1珠宝有限公司", "Prospect", "Account manager", "As of"]),
    ],
)
def test_every_report_to_pdf(capsys, url, tmp_path, argv, expected):
    from pypdf import PdfReader

    path = tmp_path / "report.pdf"
    code, out, err = cli(capsys, "report", *argv, "--out", str(path), "--db", url)
    assert code == 0, err
    reader = PdfReader(path)
    text = "\n".join(p.extract_text() for p in reader.pages)
    flat = "".join(text.split())  # cells wrap inside narrow columns
    for fragment in expected:
        assert "".join(fragment.split()) in flat, fragment
    assert f"Page 1 of {len(reader.pages)}" in text


def test_aging_pdf_refuses_an_xlsx_name(capsys, url, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    path = out_dir / "a.xlsx"
    code, out, err = cli(
        capsys,
        *("report", "aging", "--as-of", "2026-11-30", "--format", "pdf", "--out", str(path)),
        "--db",
        url,
    )
    assert code == 2 and "FILE.pdf" in err and list(out_dir.iterdir()) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "sales-matrix", "--from", "0001-01-01", "--to", "9999-12-31", "--out", "{tmp}/s.csv"],
        ["report", "visits", "--from", "2026-01-01", "--to", "9999-12-31", "--out", "{tmp}/v.xlsx"],
        ["report", "aging", "--as-of", "1899-12-31", "--format", "xlsx", "--out", "{tmp}/a.xlsx"],
        ["report", "kpi", "--from", "2026-01-01", "--to", "2101-01-01", "--format", "json"],
        ["calendar", "--from", "0001-01-01", "--to", "2026-01-01", "--format", "json"],
        ["credit-check", "F1", "100", "--date", "9999-01-01", "--format", "json"],
    ],
)
def test_absurd_dates_are_refused_in_one_line_and_write_nothing(capsys, url, tmp_path, argv):
    """Dates outside 1900-01-01..2100-12-31 (9999-12-31 ran the sales matrix's month arithmetic past year
    9999: a traceback) are refused by every command: exit 2, a message, no file."""
    folder = tmp_path / "out"
    folder.mkdir()
    code, out, err = cli(capsys, *[a.format(tmp=folder) for a in argv], "--db", url)
    assert code == 2 and "Traceback" not in err
    assert "outside the dates hqdesk works with" in err
    assert list(folder.iterdir()) == []
