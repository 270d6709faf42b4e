"""hqdesk-admin, run in-process through ``hqdesk.cli.main`` on SQLite and PostgreSQL.

Checks the contract other tools rely on: output lines, JSON fields, exit codes (0 ok, 1 operational,
2 refused), one-line errors on stderr, no password in any output.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import sys
import types
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from hqdesk.cli import main
from hqdesk.persistence.migrate import SCHEMA_HEAD


def cli(capsys, *argv, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def raw_engine(url: str):
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://"))


def table_names(url: str) -> list[str]:
    engine = raw_engine(url)
    try:
        return sorted(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def add_admin(capsys, monkeypatch, url, name="admin"):
    code, out, err = cli(
        capsys,
        "user",
        "add",
        name,
        "--role",
        "admin",
        "--password-stdin",
        "--db",
        url,
        stdin="admin-pass-1\n",
        monkeypatch=monkeypatch,
    )
    assert code == 0, err


# ----- db upgrade / current --------------------------------------------------------------------------------


def test_db_current_and_upgrade_on_an_empty_database(capsys, db_url):
    assert cli(capsys, "db", "current", "--db", db_url) == (0, "none (empty database: run db upgrade)\n", "")
    if db_url.startswith("sqlite"):
        assert not Path(db_url.removeprefix("sqlite:///")).exists()  # looking changed nothing
    else:
        assert table_names(db_url) == []

    code, out, err = cli(capsys, "db", "upgrade", "--db", db_url)
    # (on PostgreSQL a second line follows when another database on the server created the group roles)
    assert (code, out.splitlines()[0], err) == (
        0,
        f"database at revision {SCHEMA_HEAD} (upgraded from none)",
        "",
    )
    assert "franchisees" in table_names(db_url)
    assert cli(capsys, "db", "current", "--db", db_url) == (0, f"{SCHEMA_HEAD} (head)\n", "")
    assert cli(capsys, "db", "upgrade", "--db", db_url) == (0, f"database at revision {SCHEMA_HEAD}\n", "")


def test_a_database_from_a_newer_app_is_refused_and_left_alone(capsys, db_url):
    engine = raw_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("create table alembic_version (version_num varchar(32) not null primary key)"))
        conn.execute(text("insert into alembic_version values ('9999')"))
    engine.dispose()

    code, out, err = cli(capsys, "db", "upgrade", "--db", db_url)

    assert code == 1 and out == ""
    assert err == (
        "hqdesk-admin: This database was written by a newer version of hqdesk (schema 9999). "
        "Nothing was changed. Install the newer hqdesk to open it.\n"
    )
    assert table_names(db_url) == ["alembic_version"]
    assert cli(capsys, "db", "current", "--db", db_url) == (0, "9999 (newer than this app)\n", "")
    # every other command that opens the database refuses it the same way
    code, out, err = cli(capsys, "user", "list", "--db", db_url)
    assert code == 1 and "newer version of hqdesk" in err
    assert table_names(db_url) == ["alembic_version"]


def test_db_current_says_when_the_database_is_older(capsys, tmp_path, monkeypatch):
    url = "sqlite:///" + (tmp_path / "old.sqlite3").as_posix()
    assert cli(capsys, "db", "upgrade", "--db", url)[0] == 0
    import hqdesk.services.dbadmin as dbadmin

    monkeypatch.setattr(dbadmin, "script_revisions", lambda: ({SCHEMA_HEAD, "9000"}, {"9000"}))
    assert cli(capsys, "db", "current", "--db", url) == (
        0,
        f"{SCHEMA_HEAD} (older than this app: run db upgrade)\n",
        "",
    )


def test_db_option_before_between_and_after_the_command_words_and_the_defaults(capsys, tmp_path, monkeypatch):
    for i, argv in enumerate(
        (["--db", "{u}", "db", "upgrade"], ["db", "--db", "{u}", "upgrade"], ["db", "upgrade", "--db", "{u}"])
    ):
        url = "sqlite:///" + (tmp_path / f"o{i}.sqlite3").as_posix()
        code, out, _err = cli(capsys, *[a.format(u=url) for a in argv])
        assert code == 0 and out.startswith("database at revision")
        assert (tmp_path / f"o{i}.sqlite3").exists()
    # HQDESK_DB, else the user's own SQLite file in the data folder
    env_url = "sqlite:///" + (tmp_path / "env.sqlite3").as_posix()
    monkeypatch.setenv("HQDESK_DB", env_url)
    assert cli(capsys, "db", "upgrade")[0] == 0 and (tmp_path / "env.sqlite3").exists()
    monkeypatch.delenv("HQDESK_DB")
    assert cli(capsys, "db", "upgrade")[0] == 0
    assert (tmp_path / "data" / "hqdesk.sqlite3").exists()


def test_cannot_connect_is_exit_1_in_one_line_without_the_password(capsys, tmp_path):
    url = f"postgresql+psycopg://hq:s3cret-pw@/hqdesk?host={tmp_path}/no-server"
    for argv in (["db", "upgrade"], ["db", "current"], ["user", "list"]):
        code, out, err = cli(capsys, *argv, "--db", url)
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and "s3cret-pw" not in err and "Traceback" not in err
        assert err.startswith("hqdesk-admin: database error on postgresql+psycopg://hq:***@")


def test_bad_arguments_are_exit_2_in_one_line(capsys):
    code, out, err = cli(capsys, "db", "upgrade", "--bogus")
    assert code == 2 and out == "" and err.count("\n") == 1 and "--bogus" in err
    code, _out, err = cli(capsys, "user", "add", "x", "--role", "boss")
    assert code == 2 and "invalid choice" in err and err.count("\n") == 1
    assert cli(capsys)[0] == 2  # no command: the help goes to stderr
    code, _out, err = cli(capsys, "db")
    assert code == 2 and "create-roles" in err
    assert cli(capsys, "--help")[0] == 0


def test_create_roles_needs_postgresql(capsys, tmp_path):
    url = "sqlite:///" + (tmp_path / "r.sqlite3").as_posix()
    for argv in (["db", "create-roles"], ["db", "create-login", "anna", "--role", "viewer", "--no-password"]):
        code, out, err = cli(capsys, *argv, "--db", url)
        assert code == 2 and out == ""
        assert err.startswith("hqdesk-admin: create-") and "needs a PostgreSQL database" in err


# ----- users -----------------------------------------------------------------------------------------------


def test_user_add_and_list(capsys, monkeypatch, db_url):
    code, out, err = cli(
        capsys,
        "user",
        "add",
        "zhang",
        "--role",
        "account_manager",
        "--password-stdin",
        "--db",
        db_url,
        stdin="password-1\n",
        monkeypatch=monkeypatch,
    )
    assert code == 2 and "first user must be an administrator" in err

    code, out, err = cli(
        capsys,
        "user",
        "add",
        "boss",
        "--role",
        "admin",
        "--display-name",
        "老板",
        "--email",
        "Boss@Example.cn",
        "--password-stdin",
        "--db",
        db_url,
        stdin="admin-pass-1\n",
        monkeypatch=monkeypatch,
    )
    assert (code, out, err) == (0, "created the first administrator boss\n", "")
    code, out, err = cli(
        capsys,
        "--db",
        db_url,
        "user",
        "add",
        "zhang",
        "--role",
        "account_manager",
        "--display-name",
        "张伟",
        "--password-stdin",
        stdin="password-1\n",
        monkeypatch=monkeypatch,
    )
    assert (code, out, err) == (0, "created user zhang (account_manager)\n", "")

    code, out, err = cli(capsys, "user", "list", "--json", "--db", db_url)
    assert code == 0 and err == ""
    assert json.loads(out) == [
        {"id": 1, "username": "boss", "display_name": "老板", "role": "admin", "active": True},
        {"id": 2, "username": "zhang", "display_name": "张伟", "role": "account_manager", "active": True},
    ]
    code, out, _err = cli(capsys, "user", "list", "--db", db_url)
    assert out.splitlines() == [
        "id  username  display name  role             active",
        "1   boss      老板          admin            yes",
        "2   zhang     张伟          account_manager  yes",
    ]

    from hqdesk.services.bootstrap import open_services

    sv = open_services(db_url)
    try:
        assert sv.users.sign_in("zhang", "password-1").display_name == "张伟"
        assert [u.email for u in sv.users.list_users(sv.users.actor("boss"))] == ["boss@example.cn", ""]
    finally:
        sv.close()


def test_user_add_refusals(capsys, monkeypatch, db_url):
    add_admin(capsys, monkeypatch, db_url)
    cases = [
        (
            ["x1", "--role", "viewer", "--password-stdin"],
            "short\n",
            "hqdesk-admin: password: A password has at least 8 characters.\n",
        ),
        (
            ["x2", "--role", "viewer"],
            "",  # stdin is not a terminal and --password-stdin is missing
            "hqdesk-admin: no password: pipe it in with --password-stdin, or run in a terminal to be asked\n",
        ),
        (
            ["admin", "--role", "viewer", "--password-stdin"],
            "password-1\n",
            "hqdesk-admin: The user name admin is taken.\n",
        ),
        (
            ["bad name", "--role", "viewer", "--password-stdin"],
            "password-1\n",
            "hqdesk-admin: username: 2 to 64 letters, digits, '.', '-' or '_'.\n",
        ),
        (
            ["x3", "--role", "viewer", "--email", "nope", "--password-stdin"],
            "password-1\n",
            "hqdesk-admin: --email: 'nope' does not look like an e-mail address\n",
        ),
    ]
    for argv, stdin, message in cases:
        assert cli(capsys, "user", "add", *argv, "--db", db_url, stdin=stdin, monkeypatch=monkeypatch) == (
            2,
            "",
            message,
        )
    code, out, _err = cli(capsys, "user", "list", "--json", "--db", db_url)
    assert [u["username"] for u in json.loads(out)] == ["admin"]


def test_the_password_is_asked_on_a_terminal(capsys, monkeypatch, tmp_path):
    url = "sqlite:///" + (tmp_path / "t.sqlite3").as_posix()
    answers = iter(["admin-pass-1", "admin-pass-1", "password-1", "password-2"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(isatty=lambda: True))
    assert cli(capsys, "user", "add", "root", "--role", "admin", "--db", url)[0] == 0
    assert cli(capsys, "user", "add", "v", "--role", "viewer", "--db", url) == (
        2,
        "",
        "hqdesk-admin: the two passwords differ; nothing was changed\n",
    )


# ----- import ----------------------------------------------------------------------------------------------


def _csv(path: Path, text_: str) -> str:
    path.write_bytes(text_.encode("utf-8-sig"))
    return str(path)


def test_import_franchisees(capsys, monkeypatch, db_url, tmp_path):
    add_admin(capsys, monkeypatch, db_url)
    good = _csv(tmp_path / "good.csv", "编码,公司名称,城市,等级\nA001,甲公司,上海,A\nA002,乙公司,杭州,B\n")

    assert cli(capsys, "import", "franchisees", good, "--dry-run", "--db", db_url) == (
        0,
        "dry run: 2 franchisees can be imported; nothing was written\n",
        "",
    )
    assert cli(capsys, "import", "franchisees", good, "--db", db_url) == (0, "imported 2 franchisees\n", "")

    again = cli(capsys, "import", "franchisees", good, "--db", db_url, "--json")
    assert again[0] == 2
    assert json.loads(again[1]) == {
        "imported": 0,
        "rows": 2,
        "dry_run": False,
        "errors": [
            {"row": 2, "column": "code", "message": "Another franchisee already has the code A001."},
            {"row": 3, "column": "code", "message": "Another franchisee already has the code A002."},
        ],
        "updated": 0,
        "skipped": 0,
        "duplicates": [],
    }
    assert again[2] == f"hqdesk-admin: refused: 2 problem(s) in {good}; nothing was imported\n"

    bad = _csv(tmp_path / "bad.csv", "code,legal_name,city,tier,uscc,fax\nB1,x,y,A,1,2\n")
    assert cli(capsys, "import", "franchisees", bad, "--db", db_url) == (
        2,
        "",
        (
            'row 1, column fax: Unknown column "fax": rename it to a column of the import template or delete it.\n'
            "hqdesk-admin: map the columns in the import wizard and save the mapping there, then run again with "
            "--mapping NAME (saved mappings for franchisees: none)\n"
            f"hqdesk-admin: refused: 1 problem(s) in {bad}; nothing was imported\n"
        ),
    )
    bad = _csv(tmp_path / "bad2.csv", "code,legal_name,city,tier,uscc\nB1,x,y,A,1\nB2,,y,A,\n")
    assert cli(capsys, "import", "franchisees", bad, "--db", db_url) == (
        2,
        "",
        (
            "row 2, column uscc: A unified social credit code has 18 characters.\n"
            "row 3, column legal_name: Enter the company's legal name.\n"
            f"hqdesk-admin: refused: 2 problem(s) in {bad}; nothing was imported\n"
        ),
    )

    ok_json = _csv(tmp_path / "ok.csv", "code,legal_name,city,tier\nC1,丙,上海,C\n")
    code, out, err = cli(capsys, "import", "franchisees", ok_json, "--json", "--db", db_url)
    assert (code, json.loads(out), err) == (
        0,
        {
            "imported": 1,
            "rows": 1,
            "dry_run": False,
            "errors": [],
            "updated": 0,
            "skipped": 0,
            "duplicates": [],
        },
        "",
    )

    missing = str(tmp_path / "missing.xlsx")
    code, out, err = cli(capsys, "import", "franchisees", missing, "--db", db_url)
    assert code == 2 and err.splitlines()[0] == f"hqdesk-admin: There is no file {missing}."

    code, out, err = cli(capsys, "import", "franchisees", ok_json, "--as", "ghost", "--db", db_url)
    assert (code, out) == (2, "") and err == "hqdesk-admin: --as: there is no active user ghost\n"


def test_import_as_a_user_who_may_not_import_is_refused(capsys, monkeypatch, tmp_path):
    url = "sqlite:///" + (tmp_path / "i.sqlite3").as_posix()
    add_admin(capsys, monkeypatch, url)
    assert (
        cli(
            capsys,
            "user",
            "add",
            "am",
            "--role",
            "account_manager",
            "--password-stdin",
            "--db",
            url,
            stdin="password-1\n",
            monkeypatch=monkeypatch,
        )[0]
        == 0
    )
    path = _csv(tmp_path / "f.csv", "code,legal_name,city,tier\nA1,x,y,A\n")
    assert cli(capsys, "import", "franchisees", path, "--as", "am", "--db", url) == (
        2,
        "",
        "hqdesk-admin: Your role (account_manager) may not import franchisees.\n",
    )
    assert cli(capsys, "import", "franchisees", path, "--as", "admin", "--db", url) == (
        0,
        "imported 1 franchisees\n",
        "",
    )


def test_import_problems_with_the_file_as_a_whole_read_like_the_other_errors(capsys, monkeypatch, tmp_path):
    url = "sqlite:///" + (tmp_path / "i.sqlite3").as_posix()
    add_admin(capsys, monkeypatch, url)
    missing = str(tmp_path / "missing.csv")
    assert cli(capsys, "import", "franchisees", missing, "--db", url) == (
        2,
        "",
        (
            f"hqdesk-admin: There is no file {missing}.\n"
            f"hqdesk-admin: refused: 1 problem(s) in {missing}; nothing was imported\n"
        ),
    )
    empty = _csv(tmp_path / "empty.csv", "\n\n")
    assert cli(capsys, "import", "franchisees", empty, "--dry-run", "--db", url) == (
        2,
        "",
        (
            "hqdesk-admin: The file is empty: its first row must hold the column names.\n"
            f"hqdesk-admin: refused: 1 problem(s) in {empty}; nothing was imported\n"
        ),
    )
    code, out, err = cli(capsys, "import", "franchisees", empty, "--json", "--db", url)
    assert (code, json.loads(out)["errors"]) == (
        2,
        [
            {
                "row": None,
                "column": None,
                "message": "The file is empty: its first row must hold the column names.",
            }
        ],
    )
    assert err == f"hqdesk-admin: refused: 1 problem(s) in {empty}; nothing was imported\n"


def test_import_of_texts_the_database_cannot_hold_is_refused_not_failed(
    capsys, monkeypatch, db_url, tmp_path
):
    """Over-long tags and a NUL character: exit 2 naming row and column (PostgreSQL gave exit 1, database error)."""
    add_admin(capsys, monkeypatch, db_url)
    tags = ";".join(f"{i:02d}" + "x" * 28 for i in range(17))
    path = _csv(
        tmp_path / "f.csv", f"code,legal_name,city,tier,tags\nA1,甲,上海,A,{tags}\nA2,乙\x00,上海,A,\n"
    )
    expected = (
        2,
        "",
        (
            "row 2, column tags: The tags together have at most 500 characters, counting a comma between two tags.\n"
            "row 3, column legal_name: The text contains a NUL character (an invisible control character, code 0), "
            "which cannot be stored. Remove it.\n"
            f"hqdesk-admin: refused: 2 problem(s) in {path}; nothing was imported\n"
        ),
    )
    assert cli(capsys, "import", "franchisees", path, "--dry-run", "--db", db_url) == expected
    assert cli(capsys, "import", "franchisees", path, "--db", db_url) == expected


# ----- demo ------------------------------------------------------------------------------------------------

DEMO_DAY = "2026-06-15"
_fresh_databases = itertools.count()


@pytest.fixture
def fake_demo(monkeypatch):
    """Stands in for hqdesk.services.demo: records the call, adds one franchisee, returns a summary."""
    calls = []

    def generate_demo(db, **options):
        from hqdesk.domain.franchisee import FranchiseeData
        from hqdesk.domain.roles import SYSTEM_ACTOR
        from hqdesk.services.franchisees import FranchiseeService

        calls.append(options)
        FranchiseeService(db).create(
            SYSTEM_ACTOR, FranchiseeData(code="D1", legal_name="演示", city="上海", tier="A")
        )
        return {"franchisees": 1, "users": 0}

    module = types.ModuleType("hqdesk.services.demo")
    module.generate_demo = generate_demo
    module.DemoRefused = type("DemoRefused", (Exception,), {})
    module.DemoOptionError = type("DemoOptionError", (ValueError,), {})
    monkeypatch.setitem(sys.modules, "hqdesk.services.demo", module)
    return calls


@pytest.fixture
def fresh_url(db_url, request, tmp_path):
    """Makes more empty databases on the same backend as ``db_url``."""

    def make() -> str:
        number = next(_fresh_databases)
        if db_url.startswith("sqlite"):
            return "sqlite:///" + (tmp_path / f"fresh{number}.sqlite3").as_posix()
        return request.getfixturevalue("pg_server").create_database(f"clidemo{os.getpid()}_{number}")

    return make


def demo_tables(url: str) -> dict[str, list[dict]]:
    """Every row the generator writes, in id order, without what differs from run to run by design: the
    creation/update timestamps and the (salted) password hashes."""
    from sqlalchemy import select

    from hqdesk.persistence import models

    skip = {"created_at", "updated_at", "recorded_at", "password_hash"}
    engine = raw_engine(url)
    try:
        with engine.connect() as conn:
            out = {}
            for model in (
                models.Franchisee,
                models.Contact,
                models.Store,
                models.StatusChangeRecord,
                models.ContactAnniversary,
                models.User,
            ):
                table = model.__table__
                columns = [c for c in table.columns if c.name not in skip]
                out[table.name] = [r._asdict() for r in conn.execute(select(*columns).order_by(table.c.id))]
            return out
    finally:
        engine.dispose()


def test_demo_fills_an_empty_database_only(capsys, db_url, fake_demo):
    assert cli(capsys, "demo", "--franchisees", "40", "--years", "2", "--seed", "7", "--db", db_url) == (
        0,
        "franchisees: 1\nusers: 0\n",
        "",
    )
    assert fake_demo == [{"franchisees": 40, "years": 2, "seed": 7}]  # no --today: the generator's own today
    assert cli(capsys, "demo", "--db", db_url) == (
        2,
        "",
        "hqdesk-admin: the database already has 1 franchisees; demo data goes into an empty database only\n",
    )
    assert len(fake_demo) == 1
    assert cli(capsys, "demo", "--franchisees", "-3", "--db", db_url)[0] == 2


def test_demo_passes_today_on(capsys, db_url, fake_demo):
    assert cli(capsys, "demo", "--seed", "7", "--today", DEMO_DAY, "--db", db_url)[0] == 0
    assert fake_demo == [{"seed": 7, "today": date(2026, 6, 15)}]


def test_demo_refuses_a_day_not_written_yyyy_mm_dd(capsys, db_url, fake_demo):
    for text_ in ("2026-13-01", "2026-02-30", "20260615", "2026-6-15", "15.06.2026", "today", ""):
        code, out, err = cli(capsys, "demo", "--today", text_, "--db", db_url)
        assert (code, out) == (2, "") and err.count("\n") == 1, text_
        assert f"argument --today: not a date in the form YYYY-MM-DD: {text_!r}" in err
    assert fake_demo == []


def test_demo_refuses_a_database_that_has_users(capsys, monkeypatch, db_url):
    """The README's PostgreSQL set-up adds users before the import: a `demo` typed there must not plant
    accounts whose passwords the README publishes."""
    add_admin(capsys, monkeypatch, db_url, name="boss")

    assert cli(capsys, "demo", "--franchisees", "5", "--db", db_url) == (
        2,
        "",
        "hqdesk-admin: the database already has 1 users; demo data goes into an empty database only "
        "(no franchisees, no users), because the demo accounts' passwords are published in the README\n",
    )

    code, out, _err = cli(capsys, "user", "list", "--json", "--db", db_url)
    assert [u["username"] for u in json.loads(out)] == ["boss"]
    tables = demo_tables(db_url)
    assert tables["franchisees"] == [] and tables["contacts"] == [] and tables["stores"] == []


def test_demo_with_the_real_generator(capsys, db_url):
    code, out, err = cli(capsys, "demo", "--franchisees", "6", "--years", "1", "--seed", "3", "--db", db_url)
    assert (code, err) == (0, "")
    summary = dict(line.split(": ") for line in out.splitlines())
    assert summary["franchisees"] == "6" and int(summary["users"]) > 0
    code, out, err = cli(capsys, "user", "list", "--json", "--db", db_url)
    assert len(json.loads(out)) == int(summary["users"])
    code, out, err = cli(capsys, "demo", "--seed", "3", "--db", db_url)
    assert (code, out) == (2, "") and "already has 6 franchisees" in err
    assert cli(capsys, "demo", "--years", "0", "--db", db_url)[0] == 2


def test_demo_dates_outside_the_calendar_are_refused_in_one_line(capsys, db_url):
    for argv in (["--today", "0001-06-01"], ["--today", "9999-06-01"], ["--years", "3000"]):
        code, out, err = cli(capsys, "demo", "--franchisees", "3", *argv, "--db", db_url)
        assert (code, out) == (2, "") and err.count("\n") == 1 and "Traceback" not in err, argv
        assert err.startswith("hqdesk-admin: today ") and err.endswith(
            "put demo dates outside the calendar\n"
        )
    assert demo_tables(db_url)["users"] == []


def test_demo_same_seed_and_today_give_the_same_data_another_today_moves_the_dates(capsys, db_url, fresh_url):
    recipe = ("demo", "--franchisees", "25", "--years", "3", "--seed", "5")
    again, later = fresh_url(), fresh_url()
    assert cli(capsys, *recipe, "--today", DEMO_DAY, "--db", db_url)[0] == 0
    assert cli(capsys, *recipe, "--today", DEMO_DAY, "--db", again)[0] == 0
    assert cli(capsys, *recipe, "--today", "2027-06-15", "--db", later)[0] == 0

    first, second, next_year = demo_tables(db_url), demo_tables(again), demo_tables(later)

    assert len(first["franchisees"]) == 25 and first["contacts"] and first["stores"]
    for table in first:  # row by row, every column but the timestamps and password hashes
        assert first[table] == second[table], table
    assert first["franchisees"] != next_year["franchisees"]
    # a year later: the history ends at the new day and starts three years before it
    day, later_day = date(2026, 6, 15), date(2027, 6, 15)
    earliest = later_day - timedelta(days=3 * 365)
    changes = [r["changed_on"] for r in first["franchisee_status_changes"]]
    later_changes = [r["changed_on"] for r in next_year["franchisee_status_changes"]]
    assert max(changes) <= day < max(later_changes) <= later_day
    joins = [r["join_date"] for r in first["franchisees"] if r["join_date"]]
    later_joins = [r["join_date"] for r in next_year["franchisees"] if r["join_date"]]
    assert min(joins) < earliest <= min(later_joins)
    openings = [r["opened_on"] for r in next_year["stores"] if r["opened_on"]]
    assert min(openings) >= earliest and max(openings) > day


# ----- the package and its generic error reporting ---------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
NO_SERVER = "postgresql+psycopg://hq:s3cret-pw@/hqdesk?host={tmp}/no-server"


def test_the_command_line_is_a_package_with_a_module_per_command_group():
    import importlib
    import tomllib

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    module, _, function = scripts["hqdesk-admin"].partition(":")
    assert getattr(importlib.import_module(module), function) is main
    package = importlib.import_module("hqdesk.cli")
    assert package.__path__  # a package, not the old cli.py
    for group in ("db", "user", "imports", "demo", "output"):
        importlib.import_module(f"hqdesk.cli.{group}")


def test_python_dash_m_runs_it(tmp_path):
    """`python -m hqdesk.cli` as documented (the --db positions are checked in-process above)."""
    import subprocess

    url = "sqlite:///" + (tmp_path / "m.sqlite3").as_posix()
    result = subprocess.run(
        [sys.executable, "-m", "hqdesk.cli", "db", "--db", url, "current"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "none (empty database: run db upgrade)\n",
        "",
    )


def test_an_error_is_reported_from_its_own_exit_code_and_english_line(capsys, monkeypatch, tmp_path):
    """No table of error classes in the command line: a new error class says its exit code itself."""
    from hqdesk.domain.errors import HqdeskError
    from hqdesk.domain.i18n import QT_TRANSLATE_NOOP

    class NewRefusal(HqdeskError):
        exit_code = 2
        message = QT_TRANSLATE_NOOP("Errors", "The {thing} is refused.")

    def refuse(url):
        raise NewRefusal(thing="widget")

    monkeypatch.setattr("hqdesk.services.dbadmin.schema_status", refuse)
    url = "sqlite:///" + (tmp_path / "e.sqlite3").as_posix()
    assert cli(capsys, "db", "current", "--db", url) == (2, "", "hqdesk-admin: The widget is refused.\n")
    NewRefusal.exit_code = 1
    assert cli(capsys, "db", "current", "--db", url)[0] == 1


def test_a_bug_is_not_dressed_up_as_an_expected_error(monkeypatch, tmp_path):
    def broken(url):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("hqdesk.services.dbadmin.schema_status", broken)
    with pytest.raises(ZeroDivisionError):
        main(["db", "current", "--db", "sqlite:///" + (tmp_path / "b.sqlite3").as_posix()])


def test_verbose_adds_the_technical_details_of_a_database_error(tmp_path):
    import subprocess

    url = NO_SERVER.format(tmp=tmp_path)
    runs = {}
    for flag in ([], ["-v"]):
        result = subprocess.run(
            [sys.executable, "-m", "hqdesk.cli", "user", "list", *flag, "--db", url],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=60,
        )
        runs[bool(flag)] = (result.returncode, result.stderr.splitlines())
    code, lines = runs[False]
    assert code == 1 and len(lines) == 1 and lines[0].startswith("hqdesk-admin: database error on ")
    code, lines = runs[True]
    assert code == 1 and lines[0] == runs[False][1][0]
    assert len(lines) >= 2 and "details: psycopg.OperationalError: " in lines[1]
    assert "s3cret-pw" not in "\n".join(lines)


def test_a_reader_that_goes_away_is_no_error(monkeypatch, tmp_path):
    """`hqdesk-admin report aging ... | head -1`: the closed pipe ends the command quietly with 0, no traceback."""
    import hqdesk.cli.report as report

    def closed_pipe(_args):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(report, "cmd_aging", closed_pipe)
    saved = os.dup(sys.stdout.fileno())  # main() points stdout at the null device: put it back afterwards
    try:
        code = main(["report", "aging", "--as-of", "2026-11-30", "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    finally:
        os.dup2(saved, sys.stdout.fileno())
        os.close(saved)
    assert code == 0
