"""The import API the wizard and the CLI share (services.imports): previews, mappings given as a dict or by a
saved mapping's name, guessed headers (English and Chinese) and what an ambiguous or incomplete guess says."""

from __future__ import annotations

from datetime import date

from hqdesk.domain.roles import SYSTEM_ACTOR
from hqdesk.services.imports.plan import FieldChoice, FilePreview
from tests.services.test_import import HEADER, counts, good_rows, lines, make_uscc, write_csv, write_xlsx

TODAY = date(2026, 11, 23)
CHINESE = ["加盟商编号", "加盟商名称", "城市", "等级", "联系人", "手机", "签约日期", "生日", "备注"]


def chinese_rows(n=2):
    return [
        [
            f"F{i:04d}",
            f"杭州测试珠宝有限公司{i}",
            "杭州",
            "A",
            f"李{i}",
            f"1391234{i:04d}",
            "2024-03-05",
            "1980-05-06",
            "",
        ]
        for i in range(1, n + 1)
    ]


def test_preview_of_the_template_reads_without_writing(services, users, tmp_path):
    path = write_xlsx(tmp_path / "f.xlsx", [HEADER, *good_rows(3)])
    preview = services.imports.franchisees.preview(users["admin"], path)
    assert isinstance(preview, FilePreview)
    assert preview.ready and preview.rows == 3 and preview.header_row == 1
    assert [c.field for c in preview.columns] == HEADER
    assert {c.how for c in preview.columns} == {"template"}
    assert preview.sample[0][0] == "F0001" and len(preview.sample) == 3
    assert FieldChoice("code", "Code", True) in preview.fields
    assert preview.missing == () and preview.ambiguous == () and preview.problems == ()
    assert counts(services) == (0, 0, 0)


def test_chinese_headers_are_guessed_and_imported_without_a_mapping(services, users, tmp_path):
    path = write_csv(tmp_path / "f.csv", [CHINESE, *chinese_rows()], encoding="gb18030")
    preview = services.imports.franchisees.preview(users["admin"], path)
    assert [(c.header, c.field) for c in preview.columns] == [
        ("加盟商编号", "code"),
        ("加盟商名称", "legal_name"),
        ("城市", "city"),
        ("等级", "tier"),
        ("联系人", "contact_name"),
        ("手机", "contact_mobile"),
        ("签约日期", "contract_start"),
        ("生日", "contact_birthday"),
        ("备注", "notes"),
    ]
    assert preview.columns[0].how == "guessed" and preview.ready
    result = services.imports.franchisees.import_file(users["admin"], path, today=TODAY)
    assert result.imported == 2, lines(result)


def test_an_ambiguous_or_incomplete_guess_imports_nothing_and_says_what_to_map(services, users, tmp_path):
    header = [
        "编号",
        "名称",
        "负责人",
        "合同日期",
    ]  # no city, no tier; 负责人 and 合同日期 could mean two fields
    path = write_csv(tmp_path / "f.csv", [header, ["F1", "某公司", "王五", "2024-01-01"]])
    preview = services.imports.franchisees.preview(users["admin"], path)
    assert not preview.ready
    assert preview.missing == ("city", "tier")
    assert preview.ambiguous == ("contract_start", "contract_end", "account_manager", "contact_name")
    assert preview.columns[2].field == "" and preview.columns[2].how == ""
    result = services.imports.franchisees.import_file(users["admin"], path, today=TODAY)
    assert result.imported == 0
    assert lines(result) == [
        'row 1, column 负责人: Column "负责人" could mean account_manager / contact_name: map it to one of them '
        "(or to none).",
        'row 1, column 合同日期: Column "合同日期" could mean contract_start / contract_end: map it to one of them '
        "(or to none).",
        "row 1, column city: The file has no city column; it is required.",
        "row 1, column tier: The file has no tier column; it is required.",
    ]
    assert counts(services) == (0, 0, 0)


def test_two_columns_for_one_field_are_ambiguous_in_the_preview(services, users, tmp_path):
    path = write_csv(
        tmp_path / "f.csv", [["code", "编码", "legal_name", "city", "tier"], ["F1", "F1", "x", "y", "A"]]
    )
    preview = services.imports.franchisees.preview(users["admin"], path)
    assert preview.ambiguous == ("code",) and not preview.ready


def test_a_mapping_from_the_wizard_maps_and_leaves_out_columns(services, users, tmp_path):
    header = ["客户", "全称", "地区", "级", "传真", "负责人"]
    rows = [["F1", "甲公司", "杭州", "A", "0571-1", "赵"], ["F2", "乙公司", "宁波", "B", "0574-1", "钱"]]
    path = write_csv(tmp_path / "f.csv", [header, *rows])
    mapping = {
        "客户": "code",
        "全称": "legal_name",
        "地区": "city",
        "级": "tier",
        "传真": "",
        "负责人": "contact_name",
    }
    dry = services.imports.franchisees.import_file(
        users["admin"], path, mapping=mapping, dry_run=True, today=TODAY
    )
    assert dry.ok and dry.rows == 2 and dry.imported == 0
    result = services.imports.franchisees.import_file(users["admin"], path, mapping=mapping, today=TODAY)
    assert result.imported == 2, lines(result)
    assert counts(services) == (2, 2, 2)  # franchisees, status records, contacts (负责人 as the contact)


def test_a_mapping_to_an_unknown_field_or_missing_a_required_one_is_refused(services, users, tmp_path):
    path = write_csv(tmp_path / "f.csv", [["a", "b"], ["F1", "x"]])
    result = services.imports.franchisees.import_file(
        users["admin"], path, mapping={"a": "code", "b": "colour"}, today=TODAY
    )
    assert lines(result) == [
        'row 1, column b: The mapping sends column "b" to colour, which this import does not have.',
        "row 1, column legal_name: The file has no legal_name column; it is required.",
        "row 1, column city: The file has no city column; it is required.",
        "row 1, column tier: The file has no tier column; it is required.",
    ]


def test_a_saved_mapping_by_name_in_preview_and_import(services, users, tmp_path):
    header = ["客户", "全称", "地区", "级"]
    path = write_csv(tmp_path / "f.csv", [header, ["F1", "甲公司", "杭州", "A"]])
    columns = {"客户": "code", "全称": "legal_name", "地区": "city", "级": "tier"}
    services.imports.mappings.save(users["admin"], "老系统", "franchisees", columns)
    preview = services.imports.franchisees.preview(users["admin"], path, mapping="老系统")
    assert preview.ready and preview.mapping_name == "老系统"
    assert {c.how for c in preview.columns} == {"saved"}
    result = services.imports.franchisees.import_file(users["admin"], path, mapping="老系统", today=TODAY)
    assert result.imported == 1 and result.mapping_name == "老系统"


def test_an_unknown_saved_mapping_names_the_saved_ones(services, users, tmp_path):
    services.imports.mappings.save(users["admin"], "ERP", "franchisees", {"a": "code"})
    services.imports.mappings.save(users["admin"], "CRM", "franchisees", {"a": "code"})
    services.imports.mappings.save(users["admin"], "门店表", "stores", {"a": "name"})
    path = write_csv(tmp_path / "f.csv", [HEADER, *good_rows(1)])
    result = services.imports.franchisees.import_file(users["admin"], path, mapping="nope", today=TODAY)
    assert lines(result) == ["There is no saved mapping nope for franchisees. Saved: CRM, ERP."]
    preview = services.imports.franchisees.preview(users["admin"], path, mapping="nope")
    assert preview.problems and not preview.ready
    assert counts(services) == (0, 0, 0)


def test_contacts_and_stores_preview_with_their_fields(services, users, tmp_path):
    path = write_csv(
        tmp_path / "c.csv",
        [["加盟商编号", "姓名", "手机", "生日"], ["F1", "王", "13912345678", "1980-01-02"]],
    )
    preview = services.imports.contacts.preview(users["admin"], path)
    assert [c.field for c in preview.columns] == ["franchisee_code", "name", "mobile", "birthday"]
    assert preview.ready
    path = write_csv(tmp_path / "s.csv", [["店名", "城市"], ["一店", "杭州"]])
    preview = services.imports.stores.preview(users["admin"], path)
    assert preview.missing == ("franchisee_code",) and not preview.ready
    assert {f.key for f in preview.fields} >= {"franchisee_code", "name", "floor_area"}


def test_system_actor_and_uscc_file(services, tmp_path):
    path = write_csv(
        tmp_path / "f.csv",
        [["代码", "公司名称", "城市", "等级", "统一社会信用代码"], ["F9", "x", "y", "A", make_uscc(9)]],
    )
    assert services.imports.franchisees.preview(SYSTEM_ACTOR, path).ready
