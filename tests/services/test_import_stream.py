"""The franchisee import reads a file row by row and keeps at most a batch of parsed rows: memory stays
bounded however long the file, and every row is still checked before anything is kept (all rows or none)."""

from __future__ import annotations

import weakref

import pytest
from openpyxl import Workbook

from hqdesk.services.imports import franchisees as importer
from hqdesk.services.imports import reader
from tests.services.test_import import HEADER, counts, good_rows, run, write_csv, write_xlsx


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(importer, "BATCH", 50)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_at_most_two_batches_of_parsed_rows_are_alive(
    services, users, tmp_path, monkeypatch, small_batches, suffix
):
    """1,000 rows in batches of 50: every row is imported, and no more than two batches' rows ever exist at
    once (the old importer held all 1,000, and the file's whole table besides)."""
    made: list[weakref.ref] = []
    most = [0]
    real = importer._parse_rows

    def counting(*args, **kwargs):
        rows = real(*args, **kwargs)
        made.extend(weakref.ref(row) for row in rows)
        most[0] = max(most[0], sum(1 for ref in made if ref() is not None))
        return rows

    monkeypatch.setattr(importer, "_parse_rows", counting)
    monkeypatch.setattr(importer, "read_table", _no_whole_read)  # hqdesk's template is never read whole
    write = write_csv if suffix == ".csv" else write_xlsx
    path = write(tmp_path / f"long{suffix}", [HEADER, *good_rows(1000)])
    result = run(services, path)
    assert result.errors == () and result.imported == 1000
    assert counts(services) == (1000, 1000, 1000)
    assert 50 <= most[0] <= 100


def _no_whole_read(path):
    raise AssertionError(f"{path} was read whole")


def test_the_stream_is_lazy(tmp_path):
    path = write_csv(tmp_path / "f.csv", [HEADER, *good_rows(300)])
    stream = reader.stream_table(path)
    try:
        assert len(stream.head.rows) == reader.HEAD_ROWS
        assert next(stream.rest)[0] == reader.HEAD_ROWS + 1  # the rest is read as it is asked for
    finally:
        stream.close()


def test_a_problem_in_the_last_batch_leaves_nothing_written(services, users, tmp_path, small_batches):
    """The first batches are written (same transaction) before the last one's bad row is found."""
    rows = good_rows(180)
    rows[-1][2] = ""  # no city on the last row
    result = run(services, write_csv(tmp_path / "f.csv", [HEADER, *rows]))
    assert [(p.row, p.column) for p in result.errors] == [(181, "city")]
    assert counts(services) == (0, 0, 0)


def test_a_later_row_taking_an_earlier_code_is_refused_across_batches(
    services, users, tmp_path, small_batches
):
    rows = good_rows(120)
    rows[110][0] = rows[3][0]
    rows[110][4] = ""  # its credit code would be a second problem
    result = run(services, write_csv(tmp_path / "f.csv", [HEADER, *rows]))
    assert [(p.row, p.column, p.params.get("row")) for p in result.errors] == [(112, "code", 5)]
    assert counts(services) == (0, 0, 0)


def test_a_skipped_later_row_does_not_hold_back_the_rows_before(services, users, tmp_path, small_batches):
    """With --on-duplicate skip a problem of a row that then matches hqdesk is dropped with the row: the
    batches before it are still written."""
    assert run(services, write_csv(tmp_path / "old.csv", [HEADER, *good_rows(1, start=500)])).imported == 1
    rows = good_rows(120)
    late = good_rows(1, start=500)[0]
    late[5] = "lots"  # a bad registered capital on a row that is already in hqdesk
    rows.insert(100, late)
    result = run(services, write_csv(tmp_path / "f.csv", [HEADER, *rows]), on_duplicate="skip")
    assert result.errors == () and (result.imported, result.skipped) == (120, 1)
    assert counts(services)[0] == 121


def test_values_under_no_column_name_after_the_first_rows(services, users, tmp_path, small_batches):
    rows = [[*row, ""] for row in good_rows(200)]
    rows[170][-1] = "stray"  # row 172, column P: no header above it
    result = run(services, write_csv(tmp_path / "f.csv", [HEADER, *rows]))
    assert [(p.row, p.column, p.message) for p in result.errors] == [
        (1, "P", "Column {letter} has values but no name in the header row.")
    ]
    assert counts(services) == (0, 0, 0)


def test_a_huge_cell_late_in_the_file_names_its_row_and_column(services, users, tmp_path, small_batches):
    rows = good_rows(200)
    rows[150][1] = "公" * (reader.MAX_CELL_CHARS + 1)
    result = run(services, write_csv(tmp_path / "huge.csv", [HEADER, *rows]))  # (an XLSX cell holds 32,767)
    assert [(p.row, p.column) for p in result.errors] == [(152, "B")]
    assert "131072" in result.errors[0].line()
    assert counts(services) == (0, 0, 0)


def test_a_sheet_the_stream_cannot_read_is_read_whole(services, users, tmp_path, small_batches):
    """A formula far down an XLSX sheet (no saved result: the file was written by a program): the stream gives
    up there, the whole-file reader reads it again and names the cell; nothing is written."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in good_rows(300):
        sheet.append(row)
    sheet["M250"] = '="王"&"五"'
    path = tmp_path / "formula.xlsx"
    workbook.save(path)
    result = run(services, path)
    assert [(p.row, p.column) for p in result.errors] == [(250, "contact_name")]
    assert counts(services) == (0, 0, 0)
    sheet["M250"] = "王五"
    workbook.save(path)
    assert run(services, path).imported == 300
