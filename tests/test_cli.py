"""hqdesk-admin, run in-process through ``hqdesk.cli.main`` on SQLite and PostgreSQL.

Checks the contract other tools rely on: output lines, JSON fields, exit codes (0 ok, 1 operational,
2 refused), one-line errors on stderr, no password in any output.
"""

from __future__ import annotations

import io
import json
import sys
import types
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
    code, out, err = cli(capsys, "user", "add", name, "--role", "admin", "--password-stdin", "--db", url,
                         stdin="admin-pass-1\n", monkeypatch=monkeypatch)
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
    assert (code, out.splitlines()[0], err) == (0, f"database at revision {SCHEMA_HEAD} (upgraded from none)", "")
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
    assert err == ("hqdesk-admin: This database was written by a newer version of hqdesk (schema 9999). "
                   "Nothing was changed. Install the newer hqdesk to open it.\n")
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
    assert cli(capsys, "db", "current", "--db", url) == (0, f"{SCHEMA_HEAD} (older than this app: run db upgrade)\n",
                                                        "")


def test_db_option_before_between_and_after_the_command_words_and_the_defaults(capsys, tmp_path, monkeypatch):
    for i, argv in enumerate((["--db", "{u}", "db", "upgrade"], ["db", "--db", "{u}", "upgrade"],
                              ["db", "upgrade", "--db", "{u}"])):
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
    code, out, err = cli(capsys, "user", "add", "zhang", "--role", "account_manager", "--password-stdin",
                         "--db", db_url, stdin="password-1\n", monkeypatch=monkeypatch)
    assert code == 2 and "first user must be an administrator" in err

    code, out, err = cli(capsys, "user", "add", "boss", "--role", "admin", "--display-name", "老板",
                         "--email", "Boss@Example.cn", "--password-stdin", "--db", db_url,
                         stdin="admin-pass-1\n", monkeypatch=monkeypatch)
    assert (code, out, err) == (0, "created the first administrator boss\n", "")
    code, out, err = cli(capsys, "--db", db_url, "user", "add", "zhang", "--role", "account_manager",
                         "--display-name", "张伟", "--password-stdin", stdin="password-1\n", monkeypatch=monkeypatch)
    assert (code, out, err) == (0, "created user zhang (account_manager)\n", "")

    code, out, err = cli(capsys, "user", "list", "--json", "--db", db_url)
    assert code == 0 and err == ""
    assert json.loads(out) == [
        {"id": 1, "username": "boss", "display_name": "老板", "role": "admin", "active": True},
        {"id": 2, "username": "zhang", "display_name": "张伟", "role": "account_manager", "active": True},
    ]
    code, out, _err = cli(capsys, "user", "list", "--db", db_url)
    assert out.splitlines() == ["id  username  display name  role             active",
                                "1   boss      老板          admin            yes",
                                "2   zhang     张伟          account_manager  yes"]

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
        (["x1", "--role", "viewer", "--password-stdin"], "short\n",
         "hqdesk-admin: password: A password has at least 8 characters.\n"),
        (["x2", "--role", "viewer"], "",  # stdin is not a terminal and --password-stdin is missing
         "hqdesk-admin: no password: pipe it in with --password-stdin, or run in a terminal to be asked\n"),
        (["admin", "--role", "viewer", "--password-stdin"], "password-1\n",
         "hqdesk-admin: The user name admin is taken.\n"),
        (["bad name", "--role", "viewer", "--password-stdin"], "password-1\n",
         "hqdesk-admin: username: 2 to 64 letters, digits, '.', '-' or '_'.\n"),
        (["x3", "--role", "viewer", "--email", "nope", "--password-stdin"], "password-1\n",
         "hqdesk-admin: --email: 'nope' does not look like an e-mail address\n"),
    ]
    for argv, stdin, message in cases:
        assert cli(capsys, "user", "add", *argv, "--db", db_url, stdin=stdin, monkeypatch=monkeypatch) == (
            2, "", message)
    code, out, _err = cli(capsys, "user", "list", "--json", "--db", db_url)
    assert [u["username"] for u in json.loads(out)] == ["admin"]


def test_the_password_is_asked_on_a_terminal(capsys, monkeypatch, tmp_path):
    url = "sqlite:///" + (tmp_path / "t.sqlite3").as_posix()
    answers = iter(["admin-pass-1", "admin-pass-1", "password-1", "password-2"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(isatty=lambda: True))
    assert cli(capsys, "user", "add", "root", "--role", "admin", "--db", url)[0] == 0
    assert cli(capsys, "user", "add", "v", "--role", "viewer", "--db", url) == (
        2, "", "hqdesk-admin: the two passwords differ; nothing was changed\n")


# ----- import ----------------------------------------------------------------------------------------------


def _csv(path: Path, text_: str) -> str:
    path.write_bytes(text_.encode("utf-8-sig"))
    return str(path)


def test_import_franchisees(capsys, monkeypatch, db_url, tmp_path):
    add_admin(capsys, monkeypatch, db_url)
    good = _csv(tmp_path / "good.csv", "编码,公司名称,城市,等级\nA001,甲公司,上海,A\nA002,乙公司,杭州,B\n")

    assert cli(capsys, "import", "franchisees", good, "--dry-run", "--db", db_url) == (
        0, "dry run: 2 franchisees can be imported; nothing was written\n", "")
    assert cli(capsys, "import", "franchisees", good, "--db", db_url) == (0, "imported 2 franchisees\n", "")

    again = cli(capsys, "import", "franchisees", good, "--db", db_url, "--json")
    assert again[0] == 2
    assert json.loads(again[1]) == {"imported": 0, "rows": 2, "dry_run": False, "errors": [
        {"row": 2, "column": "code", "message": "Another franchisee already has the code A001."},
        {"row": 3, "column": "code", "message": "Another franchisee already has the code A002."}]}
    assert again[2] == f"hqdesk-admin: refused: 2 problem(s) in {good}; nothing was imported\n"

    bad = _csv(tmp_path / "bad.csv", "code,legal_name,city,tier,uscc,fax\nB1,x,y,A,1,2\n")
    assert cli(capsys, "import", "franchisees", bad, "--db", db_url) == (2, "", (
        'row 1, column fax: Unknown column "fax": rename it to a column of the import template or delete it.\n'
        f"hqdesk-admin: refused: 1 problem(s) in {bad}; nothing was imported\n"))
    bad = _csv(tmp_path / "bad2.csv", "code,legal_name,city,tier,uscc\nB1,x,y,A,1\nB2,,y,A,\n")
    assert cli(capsys, "import", "franchisees", bad, "--db", db_url) == (2, "", (
        "row 2, column uscc: A unified social credit code has 18 characters.\n"
        "row 3, column legal_name: Enter the company's legal name.\n"
        f"hqdesk-admin: refused: 2 problem(s) in {bad}; nothing was imported\n"))

    ok_json = _csv(tmp_path / "ok.csv", "code,legal_name,city,tier\nC1,丙,上海,C\n")
    code, out, err = cli(capsys, "import", "franchisees", ok_json, "--json", "--db", db_url)
    assert (code, json.loads(out), err) == (0, {"imported": 1, "rows": 1, "dry_run": False, "errors": []}, "")

    missing = str(tmp_path / "missing.xlsx")
    code, out, err = cli(capsys, "import", "franchisees", missing, "--db", db_url)
    assert code == 2 and err.splitlines()[0] == f"There is no file {missing}."

    code, out, err = cli(capsys, "import", "franchisees", ok_json, "--as", "ghost", "--db", db_url)
    assert (code, out) == (2, "") and err == "hqdesk-admin: --as: there is no active user ghost\n"


def test_import_as_a_user_who_may_not_import_is_refused(capsys, monkeypatch, tmp_path):
    url = "sqlite:///" + (tmp_path / "i.sqlite3").as_posix()
    add_admin(capsys, monkeypatch, url)
    assert cli(capsys, "user", "add", "am", "--role", "account_manager", "--password-stdin", "--db", url,
               stdin="password-1\n", monkeypatch=monkeypatch)[0] == 0
    path = _csv(tmp_path / "f.csv", "code,legal_name,city,tier\nA1,x,y,A\n")
    assert cli(capsys, "import", "franchisees", path, "--as", "am", "--db", url) == (
        2, "", "hqdesk-admin: Your role (account_manager) may not import franchisees.\n")
    assert cli(capsys, "import", "franchisees", path, "--as", "admin", "--db", url) == (
        0, "imported 1 franchisees\n", "")


# ----- demo ------------------------------------------------------------------------------------------------


@pytest.fixture
def fake_demo(monkeypatch):
    """Stands in for hqdesk.services.demo: records the call, adds one franchisee, returns a summary."""
    calls = []

    def generate_demo(db, **options):
        from hqdesk.domain.franchisee import FranchiseeData
        from hqdesk.domain.roles import SYSTEM_ACTOR
        from hqdesk.services.franchisees import FranchiseeService

        calls.append(options)
        FranchiseeService(db).create(SYSTEM_ACTOR, FranchiseeData(code="D1", legal_name="演示", city="上海", tier="A"))
        return {"franchisees": 1, "users": 0}

    module = types.ModuleType("hqdesk.services.demo")
    module.generate_demo = generate_demo
    module.DemoRefused = type("DemoRefused", (Exception,), {})
    monkeypatch.setitem(sys.modules, "hqdesk.services.demo", module)
    return calls


def test_demo_fills_an_empty_database_only(capsys, db_url, fake_demo):
    assert cli(capsys, "demo", "--franchisees", "40", "--years", "2", "--seed", "7", "--db", db_url) == (
        0, "franchisees: 1\nusers: 0\n", "")
    assert fake_demo == [{"franchisees": 40, "years": 2, "seed": 7}]
    assert cli(capsys, "demo", "--db", db_url) == (
        2, "", "hqdesk-admin: the database already has 1 franchisees; demo data goes into an empty database only\n")
    assert len(fake_demo) == 1
    assert cli(capsys, "demo", "--franchisees", "-3", "--db", db_url)[0] == 2


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
