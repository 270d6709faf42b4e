"""Random input at the reader, at each layout recogniser and at the importer of a recognised file: never a
traceback, problems in words, and nothing half written."""

from __future__ import annotations

import csv
import io
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from hqdesk.domain.roles import SYSTEM_ACTOR
from hqdesk.persistence.models import AuditEntry, Contact, Franchisee
from hqdesk.services.imports import FranchiseeImporter, layouts_erpnext, layouts_odoo
from hqdesk.services.imports.layouts import recognise_layout
from hqdesk.services.imports.problems import Refused
from hqdesk.services.imports.reader import Table, read_table

TODAY = date(2025, 6, 1)
HEADERS = sorted(
    {name for names in layouts_odoo.HEADERS.values() for name in names}
    | set(layouts_erpnext.LABELS)
    | {"Sales Person (Sales Team)", "ID (Sales Team)", "Column Name:", "DocType:", "Customer", "~", "name"}
    | {"customer_name", layouts_erpnext.DATA_START, "ID", "NAME", "BILLINGCITY"}
)
CELLS = st.one_of(
    st.none(),
    st.sampled_from(HEADERS),
    st.text(max_size=8),
    st.sampled_from(["True", "False", "1", "0", "是", "杭州", "A, B", "__export__.res_partner_1_ab", ""]),
    st.integers(-5, 10**6),
    st.floats(allow_nan=True),
    st.booleans(),
    st.dates(),
)
TABLES = st.lists(st.lists(CELLS, max_size=10), max_size=10)


def ok_message(problem) -> bool:
    return bool(problem.english()) and "Traceback" not in problem.english()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_random_bytes_are_read_or_refused_in_words(tmp_path, raw, suffix):
    path = tmp_path / f"random{suffix}"
    path.write_bytes(raw)
    try:
        table = read_table(path)
    except Refused as refused:
        assert all(ok_message(p) for p in refused.problems)
    else:
        assert all(isinstance(n, int) for n, _cells in table.rows)


@settings(max_examples=400, deadline=None)
@given(rows=TABLES)
def test_random_tables_never_break_a_recogniser(rows):
    table = Table("random.csv", [(n, cells) for n, cells in enumerate(rows, start=1)])
    found = recognise_layout(table, "A")
    assert found.name in ("", "Salesforce Account export", "Odoo contacts export", "ERPNext Customer export")
    assert all(ok_message(p) for p in found.problems)
    if found.contacts is not None:  # every person names a franchisee of the same file
        codes = {cells[0] for _n, cells in found.franchisees.rows[1:]}
        assert {cells[0] for _n, cells in found.contacts.rows[1:]} <= codes


ODOO_HEADER = [
    "id",
    "name",
    "is_company",
    "parent_id/id",
    "city",
    "vat",
    "ref",
    "mobile",
    "email",
    "function",
]
ODOO_ROWS = st.lists(
    st.tuples(
        st.sampled_from(["__export__.res_partner_1_aa", "__export__.res_partner_2_bb", "7", "", "x y"]),
        st.sampled_from(["杭州金缘珠宝有限公司", "张伟", "", "=1+1", "A" * 210]),
        st.sampled_from(["True", "False", "1", "", "maybe"]),
        st.sampled_from(["", "__export__.res_partner_1_aa", "__export__.res_partner_9_zz"]),
        st.sampled_from(["杭州", "", "苏州"]),
        st.sampled_from(["", "91330106MA2B3C4D5D", "VAT-1"]),
        st.sampled_from(["", "HZ-1", "HZ-1 ", "坏代码"]),
        st.sampled_from(["", "13800138001", "12", "abc"]),
        st.sampled_from(["", "a@b.cn", "not-an-email"]),
        st.sampled_from(["", "采购", "CEO"]),
    ),
    max_size=8,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=ODOO_ROWS, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_random_odoo_rows_import_whole_or_not_at_all(services, users, tmp_path, rows, encoding):
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([ODOO_HEADER, *rows])
    path = tmp_path / "odoo.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))

    def counts():
        with services.db.read() as s:
            return [s.scalar(select(func.count()).select_from(m)) for m in (Franchisee, Contact, AuditEntry)]

    before = counts()
    result = FranchiseeImporter(services.db).import_file(SYSTEM_ACTOR, path, today=TODAY)
    after = counts()
    if result.errors:
        assert result.imported == 0 and after == before  # nothing half written
        assert all(ok_message(p) for p in result.errors)
    else:
        assert after[0] - before[0] == result.imported == result.rows
