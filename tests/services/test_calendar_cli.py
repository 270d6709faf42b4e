"""``hqdesk-admin calendar``: the contract other tools rely on (JSON fields, CSV columns, order, titles in the
chosen language, exit code 2 with one clear line for bad input), on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from hqdesk.domain.contact import ContactData, StoreData
from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus
from tests.test_cli import cli

FIELDS = ["date", "kind", "key", "title", "franchisee", "contact", "years"]


@pytest.fixture
def calendar_db(services, users, migrated_db_url, monkeypatch):
    monkeypatch.delenv("HQDESK_LANG", raising=False)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    admin, am = users["admin"], users["am"]
    for code, born, opened in (
        ("JX0002", date(1980, 2, 17), date(2021, 2, 17)),
        ("JX0001", date(1975, 2, 17), None),
    ):
        f = services.franchisees.create(
            admin,
            FranchiseeData(
                code=code, legal_name=f"{code}珠宝", city="杭州", tier="A", account_manager_id=am.user_id
            ),
            status=LifecycleStatus.ACTIVE,
            today=date(2025, 1, 2),
        )
        services.contacts.add(admin, f.id, ContactData(name=f"{code}老板", birthday=born))
        if opened:
            services.stores.add(
                admin, f.id, StoreData(name="一号店", opened_on=opened), today=date(2025, 1, 2)
            )
    return migrated_db_url


def test_json_contract_and_order(capsys, calendar_db):
    code, out, err = cli(
        capsys,
        "calendar",
        "--from",
        "2026-02-16",
        "--to",
        "2026-02-17",
        "--format",
        "json",
        "--db",
        calendar_db,
    )
    assert code == 0, err
    rows = json.loads(out)
    assert [list(r) for r in rows] == [FIELDS] * len(rows)
    assert [(r["date"], r["kind"], r["key"], r["franchisee"], r["contact"], r["years"]) for r in rows] == [
        ("2026-02-16", "festival", "new_years_eve", None, None, None),
        ("2026-02-17", "festival", "spring_festival", None, None, None),
        ("2026-02-17", "birthday", "gregorian", "JX0001", "JX0001老板", None),  # sorted by franchisee code
        ("2026-02-17", "birthday", "gregorian", "JX0002", "JX0002老板", None),
        ("2026-02-17", "store_anniversary", None, "JX0002", None, 5),
    ]
    assert rows[1]["title"] == "Spring Festival"
    assert rows[4]["title"] == "一号店: 5 years since opening"


def test_csv_has_the_same_columns(capsys, calendar_db):
    code, out, err = cli(
        capsys,
        "calendar",
        "--from",
        "2026-02-17",
        "--to",
        "2026-02-17",
        "--kind",
        "festival",
        "--kind",
        "store_anniversary",
        "--format",
        "csv",
        "--db",
        calendar_db,
    )
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows == [
        FIELDS,
        ["2026-02-17", "festival", "spring_festival", "Spring Festival", "", "", ""],
        ["2026-02-17", "store_anniversary", "", "一号店: 5 years since opening", "JX0002", "", "5"],
    ]


@pytest.mark.parametrize("variable", ["HQDESK_LANG", "LANG"])
def test_titles_in_chinese(capsys, calendar_db, monkeypatch, variable):
    monkeypatch.setenv(variable, "zh_CN.UTF-8" if variable == "LANG" else "zh_CN")
    code, out, err = cli(
        capsys,
        "calendar",
        "--from",
        "2026-02-17",
        "--to",
        "2026-02-17",
        "--format",
        "json",
        "--db",
        calendar_db,
    )
    assert code == 0, err
    titles = [r["title"] for r in json.loads(out)]
    assert titles == ["春节", "JX0001老板生日", "JX0002老板生日", "一号店开业5周年"]


def test_hqdesk_lang_wins_over_the_locale(capsys, calendar_db, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.setenv("HQDESK_LANG", "en")
    code, out, _ = cli(
        capsys,
        "calendar",
        "--from",
        "2026-02-17",
        "--to",
        "2026-02-17",
        "--kind",
        "festival",
        "--db",
        calendar_db,
    )
    assert code == 0 and json.loads(out)[0]["title"] == "Spring Festival"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-02-30", "--to", "2026-03-01"], "not a date in the form YYYY-MM-DD: '2026-02-30'"),
        (["--from", "2026/02/01", "--to", "2026-03-01"], "not a date in the form YYYY-MM-DD"),
        (["--from", "2026-03-02", "--to", "2026-03-01"], "The end date is before the start date."),
        (["--from", "2026-01-01", "--to", "2029-12-31"], "The calendar lists at most three years at once."),
        (["--from", "2026-01-01", "--to", "2026-01-31", "--kind", "party"], "invalid choice: 'party'"),
        (["--from", "2026-01-01", "--to", "2026-01-31", "--format", "xml"], "invalid choice: 'xml'"),
        (["--to", "2026-01-31"], "--from"),
        (["--from", "2026-01-01", "--to", "2026-01-31", "--mine"], "--mine needs a user"),
    ],
)
def test_bad_input_is_refused_with_exit_code_2(capsys, calendar_db, args, message):
    code, out, err = cli(capsys, "calendar", *args, "--db", calendar_db)
    assert code == 2
    assert out == ""
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_as_a_user_with_mine(capsys, calendar_db):
    code, out, err = cli(
        capsys,
        "calendar",
        "--from",
        "2026-02-17",
        "--to",
        "2026-02-17",
        "--as",
        "am2",
        "--mine",
        "--db",
        calendar_db,
    )
    assert code == 0, err
    assert [r["kind"] for r in json.loads(out)] == ["festival"]  # am2 looks after none of them
    code, out, err = cli(
        capsys,
        "calendar",
        "--from",
        "2026-02-17",
        "--to",
        "2026-02-17",
        "--as",
        "am",
        "--mine",
        "--db",
        calendar_db,
    )
    assert len(json.loads(out)) == 4
