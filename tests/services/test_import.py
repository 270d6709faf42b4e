"""The franchisee importer (hqdesk.services.imports) on SQLite and PostgreSQL.

Files are built in each test: CSV as UTF-8 with BOM and as GBK (what Chinese Excel writes), XLSX with
openpyxl, including the cells Excel produces when a column is not formatted as text.
"""

from __future__ import annotations

import csv
import io
import json
import time
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from hqdesk.domain import uscc as uscc_rules
from hqdesk.domain.contact import ContactData
from hqdesk.domain.errors import PermissionDenied
from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus
from hqdesk.domain.roles import SYSTEM_ACTOR
from hqdesk.persistence.models import AuditEntry, Contact, Franchisee, StatusChangeRecord
from hqdesk.services.dto import SearchCriteria
from hqdesk.services.imports import FranchiseeImporter

TODAY = date(2026, 11, 23)


def make_uscc(n: int) -> str:
    first17 = f"91310115{n:09d}"
    return first17 + uscc_rules.check_character(first17)


def bad_check(code: str) -> str:
    """The same code with a wrong check character (a typo)."""
    last = uscc_rules.CHARSET[(uscc_rules.CHARSET.index(code[-1]) + 1) % 31]
    return code[:-1] + last


def write_csv(path, rows, encoding="utf-8-sig"):
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path, rows):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def counts(services):
    with services.db.read() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m)) for m in (Franchisee, StatusChangeRecord, Contact)
        )


def run(services, path, **kw):
    return FranchiseeImporter(services.db).import_file(SYSTEM_ACTOR, path, today=TODAY, **kw)


def lines(result):
    return [p.line() for p in result.errors]


HEADER = [
    "code",
    "legal_name",
    "city",
    "tier",
    "uscc",
    "registered_capital",
    "join_date",
    "contract_start",
    "contract_end",
    "account_manager",
    "tags",
    "status",
    "contact_name",
    "contact_mobile",
    "contact_role",
]


def good_rows(n=3, start=1):
    return [
        [
            f"F{start + i:04d}",
            f"上海测试餐饮有限公司{start + i}",
            "上海",
            "A",
            make_uscc(start + i),
            "1,000,000.50",
            "2024-03-05",
            "2024/3/5",
            "2027-03-04",
            "am",
            "旗舰, 华东",
            "active",
            f"王{start + i}",
            f"1381234{start + i:04d}",
            "owner",
        ]
        for i in range(n)
    ]


# ----- happy paths -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
def test_csv_imports_every_row_with_status_record_contact_and_search_text(
    services, users, tmp_path, encoding
):
    rows = good_rows(3)
    rows[0][1] = "上海珺喆餐饮有限公司"  # 珺 and 喆 are in GBK but not in GB2312
    path = write_csv(tmp_path / "f.csv", [HEADER, *rows], encoding)

    result = run(services, path)

    assert result.ok and result.imported == 3 and result.rows == 3
    assert counts(services) == (3, 3, 3)
    found = services.franchisees.search(users["admin"], SearchCriteria(text="珺喆"))
    assert len(found.ids) == 1
    detail = services.franchisees.get(users["admin"], found.ids[0])
    assert detail.data.code == "F0001" and detail.data.uscc == make_uscc(1)
    assert detail.data.registered_capital == Decimal("1000000.50")
    assert detail.data.join_date == date(2024, 3, 5) and detail.data.contract_start == date(2024, 3, 5)
    assert detail.data.account_manager_id == users["am"].user_id
    assert detail.data.tags == ("旗舰", "华东")
    assert detail.status.value == "active" and detail.status_changed_on == TODAY
    history = services.franchisees.status_history(users["admin"], detail.id)
    assert [(h.from_status, h.to_status.value, h.changed_by) for h in history] == [(None, "active", "system")]
    contacts = services.contacts.list(users["admin"], detail.id)
    assert [(c.data.name, c.data.mobile, c.data.is_primary) for c in contacts] == [
        ("王1", "13812340001", True)
    ]
    # search-as-you-type finds the contact's phone, as for franchisees created in the app
    assert services.franchisees.search(users["admin"], SearchCriteria(text="13812340002")).ids


def test_columns_in_any_order_with_chinese_headers_and_defaults(services, users, tmp_path):
    header = [
        "  等级 ",
        "城市",
        "公司名称",
        "统一社会信用代码",
        "编码",
        "客户经理",
        "联系人",
        "手机",
        "状态",
        "备注",
    ]
    rows = [
        [
            "b",
            "杭州",
            "杭州甲公司",
            "",
            "H001",
            "AM2",
            "",
            "",
            "",
            "第一家",
        ],  # tier in lower case, user name in caps
        ["C", "宁波", "宁波乙公司", make_uscc(7), "H002", "AM2", "李四", "138 1234 5678", "合作中", ""],
    ]
    path = write_csv(tmp_path / "中文.csv", [header, *rows])

    result = run(services, path)

    assert result.ok, lines(result)
    found = services.franchisees.search(users["admin"], SearchCriteria(text="h00"), sort_column="code")
    first, second = services.franchisees.rows(users["admin"], found.ids)
    assert (first.code, first.tier, first.status.value, first.primary_contact) == (
        "H001",
        "B",
        "prospect",
        "",
    )
    assert (second.tier, second.status.value, second.primary_contact, second.primary_phone) == (
        "C",
        "active",
        "李四",
        "13812345678",
    )
    assert first.account_manager == "AM2"


def test_xlsx_with_date_cells_numbers_and_only_required_columns(services, users, tmp_path):
    path = write_xlsx(
        tmp_path / "f.xlsx",
        [
            [
                "Tier",
                "Code",
                "Legal Name",
                "City",
                "Join Date",
                "Registered Capital",
                "contact_mobile",
                "contact_name",
            ],
            ["A", "X-1", "甲公司", "北京", datetime(2023, 1, 2), 500000, 13812345678, "赵"],
            [],  # a blank row in the middle is skipped
            ["B", "X-2", "乙公司", "天津", "2023/12/31", 1234.5, None, None],
            [None, None, None, None],  # trailing blank rows too
        ],
    )

    result = run(services, path)

    assert result.ok, lines(result)
    assert result.imported == 2
    found = services.franchisees.search(users["admin"], SearchCriteria(text="x-"), sort_column="code")
    one, two = (services.franchisees.get(users["admin"], i) for i in found.ids)
    assert one.data.join_date == date(2023, 1, 2) and one.data.registered_capital == Decimal("500000")
    assert two.data.join_date == date(2023, 12, 31) and two.data.registered_capital == Decimal("1234.5")
    assert services.contacts.list(users["admin"], one.id)[0].data.mobile == "13812345678"
    assert services.contacts.list(users["admin"], two.id) == []


def test_dry_run_checks_everything_and_writes_nothing(services, users, tmp_path):
    path = write_csv(tmp_path / "f.csv", [HEADER, *good_rows(4)])

    result = run(services, path, dry_run=True)

    assert result.ok and result.dry_run and result.rows == 4 and result.imported == 0
    assert counts(services) == (0, 0, 0)
    bad = write_csv(tmp_path / "bad.csv", [HEADER, *good_rows(1), [*good_rows(1)[0]]])
    assert lines(run(services, bad, dry_run=True)) == [
        "row 3, column code: The code F0001 is also on row 2.",
        f"row 3, column uscc: The unified social credit code {make_uscc(1)} is also on row 2.",
    ]


def test_only_an_administrator_may_import(services, users, tmp_path):
    path = write_csv(tmp_path / "f.csv", [HEADER, *good_rows(1)])
    with pytest.raises(PermissionDenied):
        FranchiseeImporter(services.db).import_file(users["am"], path)
    assert counts(services) == (0, 0, 0)


def test_audit_trail_names_the_importing_user(services, users, tmp_path):
    path = write_csv(tmp_path / "f.csv", [HEADER, *good_rows(2)])
    assert FranchiseeImporter(services.db).import_file(users["admin"], path).imported == 2
    with services.db.read() as s:
        rows = s.execute(
            select(AuditEntry.table_name, AuditEntry.username).where(
                AuditEntry.table_name.in_(["franchisees", "contacts", "franchisee_status_changes"])
            )
        ).all()
    assert sorted(rows) == sorted(
        [(t, "admin") for t in ("franchisees", "contacts", "franchisee_status_changes")] * 2
    )


# ----- refusals --------------------------------------------------------------------------------------------


def test_every_bad_row_and_column_is_named_and_nothing_is_written(services, users, tmp_path):
    services.franchisees.create(
        users["admin"],
        FranchiseeData(code="OLD1", legal_name="已有公司", city="上海", tier="A", uscc=make_uscc(900)),
    )
    rows = good_rows(12)
    rows[0][4] = bad_check(make_uscc(1))  # row 2: typo in the unified social credit code
    rows[1][0] = "old1"  # row 3: code taken (case-insensitively)
    rows[2][4] = make_uscc(900)  # row 4: unified social credit code taken
    rows[3][0] = rows[4][0]  # row 5 = row 6's code
    rows[5][9] = "nobody"  # row 7: unknown account manager
    rows[5][6] = "2024-02-30"  # row 7: no such date
    rows[6][5] = "一百万"  # row 8: not an amount
    rows[6][7] = "05/03/2024"  # row 8: not a date format we accept
    rows[7][3] = "Z"  # row 9: unknown tier
    rows[7][11] = "closed"  # row 9: unknown status
    rows[8][1] = ""  # row 10: missing legal name
    rows[8][13] = "12345"  # row 10: bad mobile
    rows[9][9] = "viewer"  # row 11: a viewer cannot hold franchisees
    rows[10][8] = "2020-01-01"  # row 12: contract ends before it starts
    rows[11][12], rows[11][14] = "", "店长"  # row 13: contact columns without a name
    path = write_csv(tmp_path / "f.csv", [HEADER, *rows])

    result = run(services, path)

    assert not result.ok and result.imported == 0
    assert counts(services) == (1, 1, 0)
    assert lines(result) == [
        "row 2, column uscc: The check character does not match: the code has a typo.",
        "row 3, column code: Another franchisee already has the code old1.",
        "row 4, column uscc: Franchisee OLD1 already has this unified social credit code.",
        "row 6, column code: The code F0005 is also on row 5.",
        "row 7, column join_date: Not a date: 2024-02-30. Write dates as YYYY-MM-DD or YYYY/MM/DD, or use an "
        "Excel date cell.",
        "row 7, column account_manager: No user has the user name or display name nobody.",
        "row 8, column registered_capital: Not an amount: 一百万. Write the amount in yuan, such as 1000000 or "
        "1,000,000.00.",
        "row 8, column contract_start: Not a date: 05/03/2024. Write dates as YYYY-MM-DD or YYYY/MM/DD, or use "
        "an Excel date cell.",
        "row 9, column tier: Unknown tier Z; known tiers: A, B, C.",
        "row 9, column status: Unknown status closed; use prospect, active, suspended or terminated.",
        "row 10, column legal_name: Enter the company's legal name.",
        "row 10, column contact_mobile: A mainland mobile number has 11 digits and starts with 13-19.",
        "row 11, column account_manager: viewer cannot be given franchisees: only active account managers and "
        "administrators can.",
        "row 12, column contract_end: The contract cannot end before it starts.",
        "row 13, column contact_name: Enter the contact's name.",
    ]
    assert result.bad_rows == 11


def test_unknown_missing_and_doubled_columns_are_refused_before_any_row(services, users, tmp_path):
    path = write_csv(
        tmp_path / "f.csv",
        [
            ["code", "Legal Name", "tier", "城市", "fax", "编码", "", "remarks"],
            ["A1", "x", "A", "上海", "1", "A1", "", "n"],
        ],
    )
    result = run(services, path)
    assert lines(result) == [
        'row 1, column fax: Unknown column "fax": rename it to a column of the import template or delete it.',
        'row 1, column code: Two columns mean code: "code" and "编码"; keep one.',
        'row 1, column remarks: Unknown column "remarks": rename it to a column of the import template or '
        "delete it.",
    ]
    missing = write_csv(tmp_path / "m.csv", [["code", "legal_name"], ["A1", "x"]])
    assert lines(run(services, missing)) == [
        "row 1, column city: The file has no city column; it is required.",
        "row 1, column tier: The file has no tier column; it is required.",
    ]
    unnamed = write_csv(
        tmp_path / "u.csv", [["code", "legal_name", "city", "tier", ""], ["A1", "x", "上海", "A", "?"]]
    )
    assert lines(run(services, unnamed)) == [
        "row 1, column E: Column E has values but no name in the header row."
    ]
    longer = write_csv(
        tmp_path / "l.csv", [["code", "legal_name", "city", "tier"], ["A1", "x", "上海", "A", "", "?"]]
    )
    assert lines(run(services, longer)) == [
        "row 1, column F: Column F has values but no name in the header row."
    ]
    assert counts(services) == (0, 0, 0)


def test_excel_number_cells_in_code_and_credit_code_are_refused_with_a_hint(services, users, tmp_path):
    path = write_xlsx(
        tmp_path / "f.xlsx",
        [
            ["code", "legal_name", "city", "tier", "uscc", "contract_end", "legal_representative"],
            [
                "A1",
                "甲",
                "上海",
                "A",
                913101150000000000,
                None,
                None,
            ],  # the unified social credit code typed as a number
            [2, "乙", "上海", "A", None, None, None],  # 002 typed as a number
            ["A3", "丙", "上海", "A", "#N/A", 45356, None],  # an error value; a date cell without date format
            ["A4", "=B1&B2", "上海", "A", None, None, "=C2"],  # formulas never calculated by Excel
        ],
    )

    result = run(services, path)

    assert lines(result) == [
        "row 2, column uscc: The unified social credit code arrived as a number (913101150000000000): Excel keeps only 15 digits "
        "of a number, so digits are already lost. Format the uscc column as Text in Excel, type the codes again "
        "and save.",
        "row 3, column code: The code arrived as a number (2), so Excel may have dropped leading zeros (002 "
        "becomes 2). Format the code column as Text in Excel, type the codes again and save.",
        "row 4, column uscc: The cell shows the Excel error #N/A: correct the formula or type the value.",
        "row 4, column contract_end: A number (45356) where a date belongs: format the cell as a date in Excel, "
        "or write the date as YYYY-MM-DD.",
        "row 5, column legal_name: The cell holds a formula without a saved result (the file was not saved by "
        "Excel). Open the file in Excel, save it and import again.",
        "row 5, column legal_representative: The cell holds a formula without a saved result (the file was not "
        "saved by Excel). Open the file in Excel, save it and import again.",
    ]
    assert counts(services) == (0, 0, 0)


def test_credit_code_that_went_through_excel_as_a_number_in_csv(services, users, tmp_path):
    """Excel writes a numeric cell into CSV as shown: 9.13101E+17, or with the last digits zeroed."""
    path = write_csv(
        tmp_path / "f.csv",
        [
            ["code", "legal_name", "city", "tier", "uscc"],
            ["A1", "甲", "上海", "A", "9.13101E+17"],
            ["A2", "乙", "上海", "A", "913101150000012000"],
        ],
    )
    result = run(services, path)
    assert [(p.row, p.column) for p in result.errors] == [(2, "uscc"), (3, "uscc")]
    assert "Excel keeps only 15 digits" in result.errors[0].english()
    assert "kept only 15 digits" in result.errors[1].english()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("f.csv", b"code,legal_name\n\xff\xfe\xff,x\n", "f.csv is neither UTF-8 nor GBK/GB18030 text."),
        ("f.csv", b"", "The file is empty: its first row must hold the column names."),
        ("f.xlsx", b"not a zip", "f.xlsx is not a workbook that can be read"),
        ("f.xls", b"\xd0\xcf\x11\xe0", "Only .csv, .xlsx and .xlsm files can be imported"),
    ],
)
def test_unreadable_files_are_refused(services, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    result = run(services, path)
    assert len(result.errors) == 1 and result.errors[0].row is None
    assert result.errors[0].english().startswith(message)


def test_a_missing_file_is_refused(services, tmp_path):
    result = run(services, tmp_path / "nope.csv")
    assert lines(result) == [f"There is no file {tmp_path / 'nope.csv'}."]


def test_decimals_beyond_the_fen_are_refused(services, users, tmp_path):
    path = write_csv(
        tmp_path / "f.csv",
        [
            ["code", "legal_name", "city", "tier", "registered_capital"],
            ["A1", "甲", "上海", "A", "¥1,000.005"],
            ["A2", "乙", "上海", "A", "-5"],
            ["A3", "丙", "上海", "A", "100.500"],
        ],
    )
    assert lines(run(services, path)) == [
        "row 2, column registered_capital: At most 2 decimal places (fen).",
        "row 3, column registered_capital: Registered capital cannot be negative.",
    ]


def test_misplaced_commas_are_no_amount(services, users, tmp_path):
    """ "1,2,3.4" is not read as 123.4: commas only between groups of three digits (domain.money)."""
    path = write_csv(
        tmp_path / "f.csv",
        [
            ["code", "legal_name", "city", "tier", "registered_capital"],
            ["A1", "甲", "上海", "A", "1,2,3.4"],
            ["A2", "乙", "上海", "A", "1,234,567.80"],
        ],
    )
    assert lines(run(services, path)) == [
        "row 2, column registered_capital: Not an amount: 1,2,3.4. Write the amount in yuan, such as 1000000 or "
        "1,000,000.00."
    ]


# ----- all or nothing, speed -------------------------------------------------------------------------------


def test_a_failure_in_the_middle_of_the_write_leaves_nothing(services, users, tmp_path, monkeypatch):
    """The franchisees are already inserted (same transaction) when writing the status records fails."""
    import hqdesk.services.imports.franchisees as importer

    real = importer._insert
    seen = []

    def failing(s, model, rows, actor):
        if model is StatusChangeRecord:
            seen.append(s.scalar(select(func.count()).select_from(Franchisee)))
            raise RuntimeError("disk full")
        return real(s, model, rows, actor)

    monkeypatch.setattr(importer, "_insert", failing)
    path = write_csv(tmp_path / "f.csv", [HEADER, *good_rows(5)])

    with pytest.raises(RuntimeError, match="disk full"):
        run(services, path)

    assert seen == [5]  # the failure came after the franchisees were written
    assert counts(services) == (0, 0, 0)
    with services.db.read() as s:
        assert (
            s.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.table_name.in_(["franchisees", "contacts", "franchisee_status_changes"]))
            )
            == 0
        )
    monkeypatch.setattr(importer, "_insert", real)
    assert run(services, path).imported == 5  # and the same file imports cleanly afterwards
    assert counts(services) == (5, 5, 5)


def test_imported_rows_are_audited_like_rows_created_in_the_app(services, users, tmp_path):
    """Bulk inserts pass by the app's SQLite audit writer: the importer writes the same trail itself."""
    data = FranchiseeData(
        code="S1",
        legal_name="同一家",
        city="上海",
        tier="A",
        registered_capital=Decimal("12.50"),
        join_date=date(2024, 1, 2),
        tags=("甲", "乙"),
        account_manager_id=users["am"].user_id,
    )
    created = services.franchisees.create(users["admin"], data, status=LifecycleStatus.ACTIVE, today=TODAY)
    services.contacts.add(users["admin"], created.id, ContactData(name="王五", mobile="13812345678"))
    path = write_csv(
        tmp_path / "f.csv",
        [
            [
                "code",
                "legal_name",
                "city",
                "tier",
                "registered_capital",
                "join_date",
                "tags",
                "account_manager",
                "status",
                "contact_name",
                "contact_mobile",
            ],
            [
                "S2",
                "同一家",
                "上海",
                "A",
                "12.50",
                "2024-01-02",
                "甲,乙",
                "am",
                "active",
                "王五",
                "13812345678",
            ],
        ],
    )
    assert FranchiseeImporter(services.db).import_file(users["admin"], path, today=TODAY).imported == 1
    imported = services.franchisees.search(users["admin"], SearchCriteria(text="s2")).ids[0]

    def trail(franchisee_id):
        with services.db.read() as s:
            rows = (
                s.execute(
                    select(AuditEntry)
                    .where(AuditEntry.franchisee_id == franchisee_id, AuditEntry.action == "insert")
                    .order_by(AuditEntry.table_name)
                )
                .scalars()
                .all()
            )
            out = {}
            for r in rows:
                new = json.loads(r.new_values)
                for key in ("id", "code", "franchisee_id", "contact_id", "reason", "recorded_at", "uscc"):
                    new.pop(key, None)
                out[r.table_name] = (r.username, r.source, r.row_id.isdigit(), new)
            return out

    assert trail(imported) == trail(created.id)
    assert set(trail(imported)) == {"franchisees", "franchisee_status_changes", "contacts"}


def test_five_thousand_rows_in_a_few_seconds(services, users, tmp_path):
    path = write_csv(tmp_path / "big.csv", [HEADER, *good_rows(5000)])
    started = time.perf_counter()
    result = run(services, path)
    elapsed = time.perf_counter() - started
    assert result.ok and result.imported == 5000
    assert counts(services) == (5000, 5000, 5000)
    print(f"5000 rows imported in {elapsed:.2f} s on {services.dialect}")
    assert elapsed < 15


# ----- texts the database would refuse, cells Excel changed ------------------------------------------------


def test_tags_longer_than_the_column_name_row_and_column_on_both_databases(services, users, tmp_path):
    """Each tag is short enough; together they do not fit the tags column (PostgreSQL raised DataError)."""
    many = "，".join(f"{i:02d}" + "标" * 28 for i in range(17))  # 17 * 30 + 16 commas = 526 characters
    rows = good_rows(2)
    rows[1][10] = many
    path = write_csv(tmp_path / "f.csv", [HEADER, *rows])

    for dry_run in (True, False):
        result = run(services, path, dry_run=dry_run)
        assert lines(result) == [
            "row 3, column tags: The tags together have at most 500 characters, counting a "
            "comma between two tags."
        ]
    assert counts(services) == (0, 0, 0)


def test_a_nul_character_in_a_cell_is_refused_by_the_dry_run_too(services, users, tmp_path):
    rows = good_rows(3)
    rows[0][1] = "上海\x00餐饮有限公司"  # legal_name
    rows[1][12] = "王\x00五"  # contact_name
    rows[2][11] = "active\x00"  # status
    path = write_csv(tmp_path / "f.csv", [HEADER, *rows])
    nul = (
        "The text contains a NUL character (an invisible control character, code 0), which cannot be stored. "
        "Remove it."
    )

    for dry_run in (True, False):
        result = run(services, path, dry_run=dry_run)
        assert lines(result) == [
            f"row 2, column legal_name: {nul}",
            f"row 3, column contact_name: {nul}",
            f"row 4, column status: {nul}",
        ]
        assert {p.context for p in result.errors} == {"Validation"}
    assert counts(services) == (0, 0, 0)


def test_excel_date_cells_in_text_columns_are_refused(services, users, tmp_path):
    """Typed into a General cell, 3-5 becomes 5 March and 2024-03 becomes 1 March 2024."""
    from datetime import time, timedelta

    path = write_xlsx(
        tmp_path / "f.xlsx",
        [
            ["code", "legal_name", "city", "tier", "tags", "contact_name", "contact_mobile"],
            [datetime(2024, 3, 5), "甲", "上海", "A", None, None, None],
            ["A2", datetime(2024, 3, 1, 12, 0), "上海", "A", None, None, None],
            ["A3", "丙", "上海", "A", time(10, 30), "王五", None],
            ["A4", "丁", "上海", "A", None, "赵六", timedelta(days=2)],
            ["A5", 2024, 12345, "A", 13, "钱七", 13812345678],  # whole numbers in text columns are fine
        ],
    )

    result = run(services, path)

    hint = (
        "Excel turned what was typed into a date. Format the {} column as Text in Excel, type the values "
        "again and save."
    )
    assert lines(result) == [
        "row 2, column code: A date or time (2024-03-05) where text belongs: " + hint.format("code"),
        "row 3, column legal_name: A date or time (2024-03-01 12:00:00) where text belongs: "
        + hint.format("legal_name"),
        "row 4, column tags: A date or time (10:30:00) where text belongs: " + hint.format("tags"),
        "row 5, column contact_mobile: A date or time (2 days, 0:00:00) where text belongs: "
        + hint.format("contact_mobile"),
    ]
    assert counts(services) == (0, 0, 0)


def test_a_date_with_a_time_of_day_is_refused_in_xlsx_as_in_csv(services, users, tmp_path):
    header = ["code", "legal_name", "city", "tier", "join_date", "contract_start"]
    xlsx = write_xlsx(
        tmp_path / "f.xlsx",
        [
            header,
            [
                "A1",
                "甲",
                "上海",
                "A",
                datetime(2024, 3, 5, 10, 30),
                datetime(2024, 3, 5),
            ],  # midnight is a date
            ["A2", "乙", "上海", "A", datetime(2024, 3, 5, 0, 0, 1), None],
        ],
    )
    csv_file = write_csv(
        tmp_path / "f.csv",
        [
            header,
            ["A1", "甲", "上海", "A", "2024-03-05 10:30:00", "2024-03-05 00:00"],
            ["A2", "乙", "上海", "A", "2024-03-05T00:00:01", "2024/3/5 0:00:00.000"],
        ],
    )
    message = (
        "A date with a time of day ({}): a date column takes the day only. Format the cell as a date without "
        "time in Excel, or write the date as YYYY-MM-DD."
    )

    assert lines(run(services, xlsx)) == [
        f"row 2, column join_date: {message.format('2024-03-05 10:30:00')}",
        f"row 3, column join_date: {message.format('2024-03-05 00:00:01')}",
    ]
    assert lines(run(services, csv_file)) == [
        f"row 2, column join_date: {message.format('2024-03-05 10:30:00')}",
        f"row 3, column join_date: {message.format('2024-03-05T00:00:01')}",
    ]
    assert counts(services) == (0, 0, 0)
    # a time that is not one: still "not a date"
    bad = write_csv(tmp_path / "bad.csv", [header, ["A1", "甲", "上海", "A", "2024-03-05 25:00", None]])
    assert lines(run(services, bad)) == [
        "row 2, column join_date: Not a date: 2024-03-05 25:00. Write dates as "
        "YYYY-MM-DD or YYYY/MM/DD, or use an Excel date cell."
    ]
