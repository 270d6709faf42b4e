"""The import's fast paths give exactly what the slow ones gave: the XLSX sheet parser against openpyxl's own
parser on random workbooks (shared and inline strings, numbers, dates, booleans, errors, formulas with and
without saved results, blank cells and rows out of order), and the batched write against the row count."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hqdesk.services.imports import reader

CELL_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00")
    | st.sampled_from("\n\t&<>\"'"),
    max_size=12,
)
VALUES = st.one_of(
    st.none(),
    CELL_TEXT,
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31)),
    st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2099, 12, 31)).map(
        lambda d: d.replace(microsecond=0)
    ),
    st.sampled_from(["#N/A", "=1+1", "=A1&B1", "002", "91330106MA2B3C4D5D", "杭州金缘珠宝有限公司"]),
)
SHEETS = st.lists(st.lists(VALUES, max_size=6), min_size=1, max_size=8)


def slow_read(path: Path):
    """The rows and formula cells as the reader found them before the fast parser (openpyxl's parser)."""
    values, _declared, _ = reader._sheet_rows(path, True)
    formulas = set()
    if any(cell is None for cells in values.values() for cell in cells):
        written, _, _ = reader._sheet_rows(path, False)
        for number, cells in written.items():
            have = values.get(number, [])
            for index, cell in enumerate(cells):
                if (
                    isinstance(cell, str)
                    and cell.startswith("=")
                    and (index >= len(have) or have[index] is None)
                ):
                    formulas.add((number, index))
    return sorted(values.items()), formulas


def write_workbook(path: Path, rows, write_only: bool) -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=write_only)
    sheet = workbook.create_sheet() if write_only else workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def expat_only(*_args):
    raise reader._Unsupported("the test reads with expat")


@pytest.mark.parametrize("patterns", [True, False], ids=["patterns-then-expat", "expat"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=SHEETS, write_only=st.booleans())
def test_the_fast_sheet_parser_reads_what_openpyxl_reads(tmp_path, monkeypatch, patterns, rows, write_only):
    """write_only workbooks hold inline strings, the others shared strings; formulas have no saved result."""
    if not patterns:
        monkeypatch.setattr(reader, "_pattern_rows", expat_only)
    path = write_workbook(tmp_path / "random.xlsx", rows, write_only)
    assert reader._sheet_rows(path, True, fast=True)[2] is not None  # the fast parser read it (no fallback)
    table = reader.read_table(path)
    assert (table.rows, table.formulas) == slow_read(path)


def test_a_saved_formula_result_dates_and_times_and_rows_out_of_order(tmp_path):
    """Cached formula values (as Excel saves them), a date-formatted number, a time, and rows stored out of
    order are read as openpyxl's parser reads them."""
    path = write_workbook(
        tmp_path / "x.xlsx",
        [["code", "when", "at", "sum"], ["A1", date(2024, 3, 1), time(8, 30), None], ["B2", 45000, None, 3]],
        write_only=False,
    )
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = sheet.replace('<c r="D3" t="n"><v>3</v></c>', '<c r="D3"><f>1+2</f><v>3</v></c>')
    row3 = sheet[sheet.index('<row r="3"') : sheet.index("</row>", sheet.index('<row r="3"')) + 6]
    row2 = sheet[sheet.index('<row r="2"') : sheet.index("</row>", sheet.index('<row r="2"')) + 6]
    sheet = sheet.replace(row2, "\0").replace(row3, row2).replace("\0", row3)  # row 3 stored before row 2
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    assert reader._sheet_rows(path, True, fast=True)[2] is not None  # the fast parser read it (no fallback)
    table = reader.read_table(path)
    assert (table.rows, table.formulas) == slow_read(path)
    assert table.rows[1][1][1] == datetime(2024, 3, 1) and table.rows[2][1][3] == 3


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from('ab,"\r\n\x1c\u2028杭'), max_size=30))
def test_csv_lines_are_split_as_stringio_splits_them(text):
    """The CSV reader's lazy lines are StringIO's (newline=""), so records and quoted line breaks are kept."""
    import csv
    import io

    assert list(reader._lines(text)) == list(io.StringIO(text, newline=""))
    try:
        expected = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        expected = "error"
    try:
        got = list(csv.reader(reader._lines(text)))
    except csv.Error:
        got = "error"
    assert got == expected


def test_franchisees_written_in_batches_keep_their_own_contacts(services, users, tmp_path, monkeypatch):
    """The write goes BATCH franchisees at a time: across batch boundaries every contact and status record
    belongs to its own franchisee (SQLite gives the ids, PostgreSQL's are looked up per batch)."""
    from sqlalchemy import select

    from hqdesk.domain.roles import SYSTEM_ACTOR
    from hqdesk.persistence.models import Contact, Franchisee, StatusChangeRecord
    from hqdesk.services.imports import FranchiseeImporter, franchisees

    monkeypatch.setattr(franchisees, "BATCH", 3)
    lines = ["code,legal_name,city,tier,contact_name,contact_mobile"]
    lines += [f"B{n:03d},公司{n},杭州,A,联系人{n},1380000{n:04d}" for n in range(1, 11)]
    path = tmp_path / "batches.csv"
    path.write_text("\n".join(lines), "utf-8")
    result = FranchiseeImporter(services.db).import_file(SYSTEM_ACTOR, path)
    assert result.errors == () and result.imported == 10
    with services.db.read() as s:
        pairs = s.execute(select(Franchisee.code, Contact.name, Contact.is_primary).join(Contact)).all()
        statuses = s.execute(select(Franchisee.code).join(StatusChangeRecord)).scalars().all()
    assert sorted(pairs) == [(f"B{n:03d}", f"联系人{n}", True) for n in range(1, 11)]
    assert sorted(statuses) == [f"B{n:03d}" for n in range(1, 11)]


def test_cells_stored_out_of_column_order_are_read_as_expat_reads_them():
    """The pattern parser appends a row's cells in column order; a cell stored after one of a higher column
    (or a column stored twice: the last wins) is placed as the expat parser places it."""
    import io

    head = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main"><sheetData>'
    )
    rows = (
        '<row r="1"><c r="C1" t="inlineStr"><is><t>c</t></is></c><c r="A1" t="inlineStr"><is><t>a</t></is></c>'
        '<c r="E1"><v>5</v></c></row>'
        '<row r="2"><c r="B2"><v>1</v></c><c r="B2"><v>2</v></c><c r="D2"><v>4</v></c><c r="A2"><v>0</v></c>'
        "</row>"
    )
    xml = (head + rows + "</sheetData></worksheet>").encode()
    args = ([], set(), set(), None)
    got = reader._pattern_rows(io.BytesIO(xml), *args)
    assert got == reader._fast_rows(io.BytesIO(xml), *args)
    assert got[0] == {1: ["a", None, "c", None, 5], 2: [0, 2, None, 4]}


def test_the_audit_trail_of_imported_rows_is_json_with_sorted_keys(services, users, tmp_path):
    """The bulk audit rows are encoded without sorting each row's keys again (they are built in order): the
    JSON is what ``json.dumps(..., sort_keys=True, ensure_ascii=False)`` gives, ids and dates included."""
    import json

    from sqlalchemy import select

    from hqdesk.domain.roles import SYSTEM_ACTOR
    from hqdesk.persistence.models import AuditEntry, Franchisee
    from hqdesk.services.imports import FranchiseeImporter

    path = tmp_path / "audit.csv"
    path.write_text(
        "code,legal_name,city,tier,join_date,registered_capital,contact_name\n"
        'AU1,审计公司,杭州,A,2024-03-01,"1,000.50",王五\n',
        "utf-8",
    )
    assert FranchiseeImporter(services.db).import_file(SYSTEM_ACTOR, path).imported == 1
    with services.db.read() as s:
        fid = s.scalar(select(Franchisee.id).where(Franchisee.code == "AU1"))
        trail = s.scalars(select(AuditEntry.new_values).where(AuditEntry.franchisee_id == fid)).all()
    assert len(trail) == 3  # the franchisee, its status record, its contact
    sqlite = services.db.engine.dialect.name == "sqlite"  # PostgreSQL: the audit trigger writes its own JSON
    for text in trail:
        values = json.loads(text)
        assert values["id"] is not None
        if sqlite:
            assert text == json.dumps(values, sort_keys=True, ensure_ascii=False)
    franchisee = next(json.loads(t) for t in trail if json.loads(t).get("code") == "AU1")
    assert franchisee["id"] == fid and franchisee["join_date"] == "2024-03-01"
    if sqlite:
        assert franchisee["registered_capital"] == "1000.50"
