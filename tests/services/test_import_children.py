"""Contacts and stores imported from CSV/XLSX files, attached to existing franchisees by code or unified
social credit code: all rows or none, every problem named by row and column (services and
``hqdesk-admin import contacts|stores``)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from hqdesk.cli import main
from hqdesk.domain.errors import PermissionDenied
from hqdesk.domain.roles import SYSTEM_ACTOR
from hqdesk.persistence.models import AuditEntry, Contact, Franchisee, Store
from hqdesk.services.imports import FranchiseeImporter
from hqdesk.services.imports.children import ContactImporter, StoreImporter
from tests.services.test_import import HEADER, good_rows, make_uscc, write_csv, write_xlsx

TODAY = date(2025, 6, 1)


def csv_bytes(rows, encoding="utf-8-sig") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode(encoding)


@pytest.fixture
def franchisees(services, users, tmp_path):
    """F0001..F0003 (with a primary contact each) and F0004 without a contact."""
    rows = good_rows(3)
    rows.append(["F0004", "杭州测试有限公司", "杭州", "A", make_uscc(4), *[""] * (len(HEADER) - 5)])
    path = write_csv(tmp_path / "f.csv", [HEADER, *rows])
    result = FranchiseeImporter(services.db).import_file(SYSTEM_ACTOR, path, today=TODAY)
    assert result.imported == 4, [p.line() for p in result.errors]
    return services


def state(services):
    with services.db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Contact, Store, AuditEntry))


def contacts_of(services, code):
    with services.db.read() as s:
        return s.execute(
            select(Contact.name, Contact.mobile, Contact.role, Contact.birthday, Contact.is_primary)
            .join(Franchisee)
            .where(Franchisee.code == code)
            .order_by(Contact.id)
        ).all()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_contacts_with_chinese_headers_attach_by_code_or_credit_code(franchisees, tmp_path, encoding):
    services = franchisees
    path = tmp_path / "contacts.csv"
    path.write_bytes(
        csv_bytes(
            [
                ["加盟商编号", "统一社会信用代码", "姓名", "职务", "手机", "生日", "微信"],
                ["F0001", "", "李财务", "财务", "13900001111", "1980-02-03", "li_cw"],
                ["", make_uscc(4), "赵老板", "老板", "139 0000 2222", "1975/7/8", ""],
                ["f0004", make_uscc(4), "钱店长", "店长", "", "", ""],
            ],
            encoding,
        )
    )
    result = ContactImporter(services.db).import_file(SYSTEM_ACTOR, path, today=TODAY)
    assert result.errors == ()
    assert (result.rows, result.imported) == (3, 3)
    assert contacts_of(services, "F0001")[-1] == ("李财务", "13900001111", "finance", date(1980, 2, 3), False)
    # F0004 had no contact: the first imported one becomes its primary contact, the next one is not
    assert contacts_of(services, "F0004") == [
        ("赵老板", "13900002222", "owner", date(1975, 7, 8), True),
        ("钱店长", "", "store_manager", None, False),
    ]
    with services.db.read() as s:
        assert "赵老板" in s.scalar(select(Franchisee.search_text).where(Franchisee.code == "F0004"))


def test_stores_from_xlsx_with_date_cells_and_status_words(franchisees, tmp_path):
    services = franchisees
    path = write_xlsx(
        tmp_path / "stores.xlsx",
        [
            ["franchisee_code", "门店名称", "城市", "地址", "开业日期", "状态", "面积"],
            ["F0002", "南京路店", "上海", "南京东路1号", datetime(2023, 5, 1), "营业中", 120.5],
            ["F0002", "淮海路店", "上海", "", "2024-01-02", "装修", ""],
        ],
    )
    result = StoreImporter(services.db).import_file(SYSTEM_ACTOR, path, today=TODAY)
    assert result.errors == () and result.imported == 2
    with services.db.read() as s:
        rows = s.execute(
            select(Store.name, Store.opened_on, Store.status, Store.floor_area).order_by(Store.id)
        )
        assert [tuple(r) for r in rows] == [
            ("南京路店", date(2023, 5, 1), "open", pytest.approx(120.5)),
            ("淮海路店", date(2024, 1, 2), "renovating", None),
        ]


def test_every_bad_row_is_named_and_nothing_is_written(franchisees, tmp_path):
    services = franchisees
    before = state(services)
    path = write_csv(
        tmp_path / "bad.csv",
        [
            ["franchisee_code", "franchisee_uscc", "name", "mobile", "email", "birthday"],
            ["F0001", "", "好人", "13900001111", "", ""],  # good, but the file is refused as a whole
            ["NOPE", "", "张三", "", "", ""],
            ["F0001", make_uscc(2), "李四", "", "", ""],
            ["F0001", "", "", "12345", "not-mail", "2999-01-01"],
            ["", "", "王五", "", "", ""],
        ],
    )
    result = ContactImporter(services.db).import_file(SYSTEM_ACTOR, path, today=TODAY)
    assert result.imported == 0
    lines = [p.line() for p in result.errors]
    assert lines == [
        "row 3, column franchisee_code: No franchisee has the code NOPE.",
        "row 4, column franchisee_uscc: The code F0001 and the credit code "
        f"{make_uscc(2)} belong to different franchisees.",
        "row 5, column name: Enter the contact's name.",
        "row 5, column mobile: A mainland mobile number has 11 digits and starts with 13-19.",
        "row 5, column email: This does not look like an e-mail address.",
        "row 5, column birthday: A birthday cannot be in the future.",
        "row 6, column franchisee_code: Say which franchisee this row belongs to: its code or its credit code.",
    ]
    assert state(services) == before


def test_a_file_without_a_franchisee_column_is_refused(franchisees, tmp_path):
    path = write_csv(tmp_path / "s.csv", [["门店名称", "城市"], ["南京路店", "上海"]])
    result = StoreImporter(franchisees.db).import_file(SYSTEM_ACTOR, path, today=TODAY)
    assert [p.line() for p in result.errors] == [
        "row 1, column franchisee_code: The file has neither a franchisee_code nor a franchisee_uscc column: "
        "each row must say which franchisee it belongs to."
    ]


def test_store_number_code_cell_is_refused_with_the_excel_hint(franchisees, tmp_path):
    path = write_xlsx(tmp_path / "s.xlsx", [["franchisee_code", "name"], [2, "一号店"]])
    result = StoreImporter(franchisees.db).import_file(SYSTEM_ACTOR, path, today=TODAY)
    assert len(result.errors) == 1 and "leading zeros" in result.errors[0].line()
    assert result.errors[0].row == 2 and result.errors[0].column == "franchisee_code"


def test_only_an_administrator_may_import_contacts(franchisees, users, tmp_path):
    path = write_csv(tmp_path / "c.csv", [["franchisee_code", "name"], ["F0001", "甲"]])
    with pytest.raises(PermissionDenied):
        ContactImporter(franchisees.db).import_file(users["am"], path)


# ----- the command ---------------------------------------------------------------------------------------


def run_cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_cli_imports_contacts_and_stores_dry_run_and_refusal(franchisees, migrated_db_url, tmp_path, capsys):
    services = franchisees
    contacts = write_csv(tmp_path / "c.csv", [["franchisee_code", "name"], ["F0001", "甲"], ["F0002", "乙"]])
    stores = write_csv(tmp_path / "s.csv", [["franchisee_code", "name"], ["F0003", "一号店"], ["X", ""]])
    before = state(services)
    assert run_cli(capsys, "import", "contacts", str(contacts), "--dry-run", "--db", migrated_db_url)[:2] == (
        0,
        "dry run: 2 contacts can be imported; nothing was written\n",
    )
    assert state(services) == before
    assert run_cli(capsys, "import", "contacts", str(contacts), "--db", migrated_db_url)[:2] == (
        0,
        "imported 2 contacts\n",
    )
    code, _out, err = run_cli(capsys, "import", "stores", str(stores), "--db", migrated_db_url)
    assert code == 2
    assert "row 3, column franchisee_code: No franchisee has the code X." in err
    assert "row 3, column name: Enter the store's name." in err
    assert "nothing was imported" in err
    assert state(services)[1] == 0


FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(
    what=st.sampled_from(["contacts", "stores"]),
    cells=st.lists(st.lists(st.text(max_size=20), min_size=6, max_size=6), min_size=1, max_size=4),
    raw=st.one_of(st.none(), st.binary(max_size=200)),
)
def test_random_rows_and_bytes_are_imported_or_refused(
    franchisees, migrated_db_url, tmp_path, capsys, what, cells, raw
):
    header = (
        ["franchisee_code", "name", "mobile", "email", "birthday", "role"]
        if what == "contacts"
        else ["franchisee_code", "name", "city", "opened_on", "status", "floor_area"]
    )
    content = raw if raw is not None else csv_bytes([header, *cells])
    path = tmp_path / "fuzz.csv"
    path.write_bytes(content)
    before = state(franchisees)
    code, _out, err = run_cli(capsys, "import", what, str(path), "--db", migrated_db_url)
    assert code in (0, 2), err
    if code == 2:
        assert state(franchisees) == before


# ----- header guessing for the franchisee import ------------------------------------------------------------


def test_common_chinese_headers_are_guessed_for_franchisees(services, users, tmp_path):
    """The issue's names: 加盟商编号, 加盟商名称, 城市, 联系人, 手机, 电话, 签约日期, 生日 (with 等级)."""
    path = tmp_path / "sheet.csv"
    path.write_bytes(
        csv_bytes(
            [
                ["加盟商编号", "加盟商名称", "城市", "等级", "联系人", "手机", "电话", "签约日期", "生日"],
                [
                    "G001",
                    "苏州金店有限公司",
                    "苏州",
                    "A",
                    "周总",
                    "13812345678",
                    "0512-6688 1234",
                    "2023-04-01",
                    "1970-01-02",
                ],
            ],
            "gb18030",
        )
    )
    result = FranchiseeImporter(services.db).import_file(SYSTEM_ACTOR, path, today=TODAY)
    assert result.errors == () and result.imported == 1
    with services.db.read() as s:
        assert s.execute(
            select(Franchisee.legal_name, Franchisee.contract_start).where(Franchisee.code == "G001")
        ).one() == ("苏州金店有限公司", date(2023, 4, 1))
        assert s.execute(select(Contact.name, Contact.mobile, Contact.phone, Contact.birthday)).one() == (
            "周总",
            "13812345678",
            "0512-6688 1234",
            date(1970, 1, 2),
        )


def test_a_bad_contact_phone_in_the_franchisee_import_is_named(services, users, tmp_path):
    path = write_csv(
        tmp_path / "f.csv",
        [["code", "名称", "城市", "等级", "联系人", "电话"], ["G002", "某公司", "苏州", "A", "周总", "abc"]],
    )
    result = FranchiseeImporter(services.db).import_file(SYSTEM_ACTOR, path, today=TODAY)
    assert [p.line() for p in result.errors] == [
        "row 2, column contact_phone: This does not look like a phone number."
    ]


# ----- hqdesk's own template ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_filled_in_template_round_trips_through_the_import(services, users, tmp_path, language):
    from openpyxl import load_workbook

    from hqdesk.services.imports.templates import template_headers, write_template

    made = {}
    for entity in ("franchisees", "contacts", "stores"):
        path = write_template(entity, tmp_path / f"{entity}-{language}.xlsx", language)
        wb = load_workbook(path)
        ws = wb.active
        assert [c.value for c in ws[1]] == template_headers(entity, language)
        assert ws.cell(row=2, column=1).number_format == "@"  # a code typed as 007 stays 007
        made[entity] = (wb, ws, path)
    assert template_headers("franchisees", "zh")[:4] == ["编码*", "公司名称*", "城市*", "等级*"]
    wb, ws, path = made["franchisees"]
    ws.append(["007", "宁波金店有限公司", "宁波", "A"])
    wb.save(path)
    assert FranchiseeImporter(services.db).import_file(SYSTEM_ACTOR, path, today=TODAY).imported == 1
    wb, ws, path = made["contacts"]
    ws.append(["007", "", "孙总", "owner" if language == "en" else "老板"])
    wb.save(path)
    assert ContactImporter(services.db).import_file(SYSTEM_ACTOR, path, today=TODAY).imported == 1
    wb, ws, path = made["stores"]
    ws.append(["007", "", "天一店"])
    wb.save(path)
    assert StoreImporter(services.db).import_file(SYSTEM_ACTOR, path, today=TODAY).imported == 1
    assert contacts_of(services, "007") == [("孙总", "", "owner", None, True)]


def test_the_csv_template_has_a_bom_and_imports_once_filled_in(services, users, tmp_path):
    from hqdesk.services.imports.templates import write_template

    path = write_template("franchisees", tmp_path / "t.csv", "zh")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    path.write_bytes(raw + "F9,某公司,北京,A\r\n".encode() + b"")
    result = FranchiseeImporter(services.db).import_file(SYSTEM_ACTOR, path, today=TODAY)
    assert result.errors == () and result.imported == 1


# ----- other systems' exports ---------------------------------------------------------------------------------

FIXTURES = __import__("pathlib").Path(__file__).parent.parent / "fixtures" / "imports"


def test_a_salesforce_account_export_is_recognised_without_mapping(
    services, users, tmp_path, capsys, migrated_db_url
):
    """Data Loader's Account extract: upper-case API names, every value quoted, a line break inside a quoted
    street; ACCOUNTNUMBER is the code, the record ID when it is blank; the default tier (the first, A)."""
    path = FIXTURES / "salesforce" / "Account_extract.csv"
    code, out, err = run_cli(capsys, "import", "franchisees", str(path), "--db", migrated_db_url)
    assert (code, err) == (0, "")
    assert out == "recognised layout: Salesforce Account export\nimported 2 franchisees\n"
    with services.db.read() as s:
        rows = s.execute(
            select(
                Franchisee.code,
                Franchisee.legal_name,
                Franchisee.city,
                Franchisee.province,
                Franchisee.tier,
                Franchisee.address,
                Franchisee.notes,
            ).order_by(Franchisee.code)
        ).all()
    assert [tuple(r) for r in rows] == [
        ("0015g00000AbCdFAAV", "苏州银河首饰有限公司", "苏州", "江苏", "A", "工业园区星湖街 88 号", ""),
        (
            "HZ-001",
            "杭州金缘珠宝有限公司",
            "杭州",
            "浙江",
            "A",
            "西湖区文三路 100 号 金缘大厦 3 楼",
            '老客户，"金"系列主力',
        ),
    ]


# ----- rows already in hqdesk ----------------------------------------------------------------------------------


def test_on_duplicate_skip_leaves_out_rows_already_in_hqdesk(franchisees, migrated_db_url, tmp_path, capsys):
    """Matched by credit code (row 2, another code), by code (row 3, case aside) and by exact legal name (row
    4); row 5 is new. The default refuses the file; --on-duplicate skip imports the new row only."""
    rows = [
        ["code", "legal_name", "city", "tier", "uscc"],
        ["NEW1", "另一家公司", "上海", "A", make_uscc(1)],
        ["f0002", "又一家公司", "上海", "A", ""],
        ["NEW3", "杭州测试有限公司", "杭州", "A", ""],
        ["NEW4", "全新公司", "杭州", "B", make_uscc(9)],
    ]
    path = write_csv(tmp_path / "dup.csv", rows)
    code, _out, err = run_cli(capsys, "import", "franchisees", str(path), "--db", migrated_db_url)
    assert code == 2 and "row 2, column uscc" in err and "row 3, column code" in err
    code, out, err = run_cli(
        capsys, "import", "franchisees", str(path), "--on-duplicate", "skip", "--db", migrated_db_url
    )
    assert (code, out, err) == (
        0,
        "row 2: matches F0001 上海测试餐饮有限公司1 by uscc: skipped\n"
        "row 3: matches F0002 上海测试餐饮有限公司2 by code: skipped\n"
        "row 4: matches F0004 杭州测试有限公司 by legal_name: skipped\n"
        "imported 1 franchisees; skipped 3 already in hqdesk\n",
        "",
    )
    with franchisees.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Franchisee)) == 5
        assert s.scalar(select(Franchisee.legal_name).where(Franchisee.code == "NEW4")) == "全新公司"


@pytest.mark.parametrize("name", ["franchisees_gbk.csv", "franchisees_utf8.csv", "franchisees_utf8_bom.csv"])
def test_a_chinese_sheet_in_each_encoding_is_guessed_and_imported(services, users, name):
    """Excel's "CSV (逗号分隔)" (GBK), UTF-8 and UTF-8 with BOM: the same rows, never mojibake."""
    result = FranchiseeImporter(services.db).import_file(
        SYSTEM_ACTOR, FIXTURES / "guessed" / name, today=TODAY
    )
    assert result.errors == () and result.imported == 2
    with services.db.read() as s:
        assert s.execute(
            select(Franchisee.legal_name, Franchisee.contract_start).order_by(Franchisee.code)
        ).all() == [("温州金福珠宝有限公司", date(2022, 5, 1)), ("宁波瑞祥首饰有限公司", date(2023, 7, 15))]
    assert contacts_of(services, "ZJ001") == [("陈总", "13905770001", "owner", date(1972, 3, 8), True)]


def test_lunar_birthday_and_primary_flag(franchisees, tmp_path):
    """``birthday_lunar`` and ``is_primary`` (as the contacts export writes them): a contact marked primary
    becomes the primary one of a franchisee without one, even after an unmarked row; an import never moves the
    primary contact away from another person, and marks only one per franchisee."""
    services = franchisees
    header = ["franchisee_code", "name", "birthday", "birthday_lunar", "is_primary"]
    bad = write_csv(
        tmp_path / "bad.csv",
        [
            header,
            ["F0001", "新老板", "", "", "是"],  # F0001 has its primary contact from the franchisee import
            ["F0004", "甲", "", "", "1"],
            ["F0004", "乙", "", "", "yes"],
            ["F0004", "丙", "1970-01-01", "也许", ""],
        ],
    )
    before = state(services)
    result = ContactImporter(services.db).import_file(SYSTEM_ACTOR, bad, today=TODAY)
    assert [(p.row, p.column) for p in result.errors] == [
        (2, "is_primary"),
        (4, "is_primary"),
        (5, "birthday_lunar"),
    ], [p.line() for p in result.errors]
    assert "primary contact of F0001" in result.errors[0].line()
    assert "Row 3" in result.errors[1].line()
    assert state(services) == before

    good = write_csv(
        tmp_path / "good.csv",
        [header, ["F0004", "乙", "1970-08-15", "农历", "0"], ["F0004", "甲", "", "", "1"]],
    )
    result = ContactImporter(services.db).import_file(SYSTEM_ACTOR, good, today=TODAY)
    assert result.errors == () and result.imported == 2
    with services.db.read() as s:
        rows = s.execute(
            select(Contact.name, Contact.birthday_lunar, Contact.is_primary)
            .join(Franchisee)
            .where(Franchisee.code == "F0004")
            .order_by(Contact.id)
        ).all()
    assert rows == [("乙", True, False), ("甲", False, True)]

    # updating a contact: the same flag is fine, another is refused in words
    again = write_csv(tmp_path / "again.csv", [header, ["F0004", "乙", "", "", "yes"]])
    result = ContactImporter(services.db).import_file(SYSTEM_ACTOR, again, today=TODAY, on_duplicate="update")
    assert [(p.row, p.column) for p in result.errors] == [(2, "is_primary")]
    assert "甲 is the primary contact of F0004" in result.errors[0].line()
    same = write_csv(tmp_path / "same.csv", [header, ["F0004", "甲", "1980-02-02", "", "1"]])
    result = ContactImporter(services.db).import_file(SYSTEM_ACTOR, same, today=TODAY, on_duplicate="update")
    assert result.errors == () and result.updated == 1
