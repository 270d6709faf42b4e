"""``hqdesk-admin import franchisees|contacts|stores FILE [--mapping NAME] [--dry-run]``: saved mappings by name,
what an incomplete or ambiguous guess says (and how to map), duplicates printed and in --json, credit columns.
SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, select

from hqdesk.cli import main
from hqdesk.domain.roles import SYSTEM_ACTOR
from hqdesk.persistence.models import Contact, Franchisee
from hqdesk.persistence.models_credit import CreditProfile
from tests.services.test_import import make_uscc, write_csv

TODAY = date(2026, 11, 23)


def run_cli(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def count(services, model):
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_a_saved_mapping_by_name(services, migrated_db_url, tmp_path, capsys):
    services.imports.mappings.save(
        SYSTEM_ACTOR,
        "老ERP",
        "franchisees",
        {"客户": "code", "全称": "legal_name", "地区": "city", "级": "tier", "传真": ""},
    )
    path = write_csv(
        tmp_path / "erp.csv", [["客户", "全称", "地区", "级", "传真"], ["K1", "甲公司", "杭州", "A", "0571"]]
    )
    assert run_cli(
        capsys, "import", "franchisees", path, "--mapping", "老ERP", "--dry-run", "--db", migrated_db_url
    ) == (
        0,
        "mapping: 老ERP\ndry run: 1 franchisees can be imported; nothing was written\n",
        "",
    )
    assert count(services, Franchisee) == 0
    code, out, err = run_cli(
        capsys, "import", "franchisees", path, "--mapping", "老ERP", "--json", "--db", migrated_db_url
    )
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "imported": 1,
        "rows": 1,
        "dry_run": False,
        "errors": [],
        "updated": 0,
        "skipped": 0,
        "duplicates": [],
        "mapping": "老ERP",
    }
    assert count(services, Franchisee) == 1


def test_an_unknown_mapping_exits_2_naming_the_saved_ones(services, migrated_db_url, tmp_path, capsys):
    services.imports.mappings.save(SYSTEM_ACTOR, "B", "contacts", {"x": "name"})
    services.imports.mappings.save(SYSTEM_ACTOR, "A", "contacts", {"x": "name"})
    services.imports.mappings.save(SYSTEM_ACTOR, "F", "franchisees", {"x": "code"})
    path = write_csv(tmp_path / "c.csv", [["franchisee_code", "name"], ["K1", "王"]])
    assert run_cli(capsys, "import", "contacts", path, "--mapping", "Z", "--db", migrated_db_url) == (
        2,
        "",
        "hqdesk-admin: There is no saved mapping Z for contacts. Saved: A, B.\n"
        f"hqdesk-admin: refused: 1 problem(s) in {path}; nothing was imported\n",
    )


def test_an_incomplete_or_ambiguous_guess_says_what_to_map_and_how(
    services, migrated_db_url, tmp_path, capsys
):
    services.imports.mappings.save(SYSTEM_ACTOR, "门店系统", "franchisees", {"x": "code"})
    path = write_csv(tmp_path / "f.csv", [["编号", "名称", "负责人", "城市"], ["K1", "甲公司", "王", "杭州"]])
    assert run_cli(capsys, "import", "franchisees", path, "--db", migrated_db_url) == (
        2,
        "",
        'row 1, column 负责人: Column "负责人" could mean account_manager / contact_name: map it to one of them (or '
        "to none).\n"
        "row 1, column tier: The file has no tier column; it is required.\n"
        "hqdesk-admin: map the columns in the import wizard and save the mapping there, then run again with "
        "--mapping NAME (saved mappings for franchisees: 门店系统)\n"
        f"hqdesk-admin: refused: 2 problem(s) in {path}; nothing was imported\n",
    )
    assert count(services, Franchisee) == 0


def test_chinese_headers_guessed_with_credit_columns(services, migrated_db_url, tmp_path, capsys):
    header = [
        "加盟商编号",
        "加盟商名称",
        "城市",
        "等级",
        "联系人",
        "手机",
        "签约日期",
        "信用额度",
        "结算周期",
    ]
    rows = [["K1", "甲珠宝", "杭州", "A", "王总", "13900001111", "2024-01-01", "200000", "月结30天"]]
    path = write_csv(tmp_path / "f.csv", [header, *rows], encoding="gb18030")
    assert run_cli(capsys, "import", "franchisees", path, "--db", migrated_db_url) == (
        0,
        "imported 1 franchisees\n",
        "",
    )
    with services.db.read() as s:
        assert s.execute(
            select(CreditProfile.term_kind, CreditProfile.term_days, CreditProfile.credit_limit)
        ).one() == (
            "monthly",
            30,
            200000,
        )


def test_duplicates_are_printed_and_in_json(services, migrated_db_url, tmp_path, capsys):
    seed = write_csv(
        tmp_path / "seed.csv",
        [
            ["code", "legal_name", "city", "tier", "uscc"],
            ["K1", "甲公司", "杭州", "A", make_uscc(1)],
            ["K2", "乙公司", "宁波", "A", ""],
        ],
    )
    assert run_cli(capsys, "import", "franchisees", seed, "--db", migrated_db_url)[0] == 0
    path = write_csv(
        tmp_path / "f.csv",
        [
            ["uscc", "code", "legal_name", "city", "tier"],
            [make_uscc(1), "K1", "甲公司", "上海", ""],
            ["", "K9", "乙公司", "苏州", "B"],
        ],
    )
    assert run_cli(
        capsys,
        "import",
        "franchisees",
        path,
        "--on-duplicate",
        "update",
        "--dry-run",
        "--db",
        migrated_db_url,
    ) == (
        0,
        "row 2: matches K1 甲公司 by uscc: would be updated\n"
        "row 3: matches K2 乙公司 by legal_name: would be updated\n"
        "dry run: 2 franchisees can be imported; nothing was written\n",
        "",
    )
    code, out, err = run_cli(
        capsys, "import", "franchisees", path, "--on-duplicate", "skip", "--json", "--db", migrated_db_url
    )
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["imported"], data["updated"], data["skipped"]) == (0, 0, 2)
    assert data["duplicates"] == [
        {
            "row": 2,
            "matched_by": "uscc",
            "existing_id": 1,
            "existing_code": "K1",
            "existing_name": "甲公司",
            "action": "skip",
        },
        {
            "row": 3,
            "matched_by": "legal_name",
            "existing_id": 2,
            "existing_code": "K2",
            "existing_name": "乙公司",
            "action": "skip",
        },
    ]
    code, out, err = run_cli(
        capsys, "import", "franchisees", path, "--on-duplicate", "update", "--db", migrated_db_url
    )
    assert (code, out.splitlines()[-1], err) == (0, "imported 0 franchisees; updated 2", "")
    with services.db.read() as s:
        assert s.execute(select(Franchisee.code, Franchisee.city).order_by(Franchisee.id)).all() == [
            ("K1", "上海"),
            ("K9", "苏州"),
        ]


def test_contacts_on_duplicate_and_exit_code(services, migrated_db_url, tmp_path, capsys):
    seed = write_csv(
        tmp_path / "seed.csv", [["code", "legal_name", "city", "tier"], ["K1", "甲公司", "杭州", "A"]]
    )
    assert run_cli(capsys, "import", "franchisees", seed, "--db", migrated_db_url)[0] == 0
    path = write_csv(tmp_path / "c.csv", [["加盟商编号", "姓名", "手机"], ["K1", "王总", "13900001111"]])
    assert run_cli(capsys, "import", "contacts", path, "--db", migrated_db_url) == (
        0,
        "imported 1 contacts\n",
        "",
    )
    code, out, err = run_cli(capsys, "import", "contacts", path, "--db", migrated_db_url)
    assert code == 2 and out == ""
    assert err.startswith("row 2, column name: Franchisee K1 already has a contact 王总 (same name)")
    assert run_cli(capsys, "import", "contacts", path, "--on-duplicate", "skip", "--db", migrated_db_url) == (
        0,
        "row 2: matches K1 王总 by name: skipped\nimported 0 contacts; skipped 1 already in hqdesk\n",
        "",
    )
    assert count(services, Contact) == 1
