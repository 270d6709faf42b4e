"""PostgreSQL least privilege: ``hqdesk-admin db create-roles`` / ``db create-login`` and what each login may do.

The database belongs to a non-superuser owner with CREATEROLE (how a real installation is set up), who runs
the upgrade and creates the roles. Logins then connect over the test server's Unix socket (trust
authentication there, so passwords do not matter for connecting).
"""

from __future__ import annotations

import io
import itertools
import os
import sys

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import ProgrammingError

from hqdesk.cli import main
from hqdesk.domain.contact import ContactData
from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.domain.roles import Role
from hqdesk.persistence.migrate import SCHEMA_HEAD
from hqdesk.services import dbadmin
from hqdesk.services.bootstrap import open_services

pytestmark = pytest.mark.pg_only

_names = itertools.count()
GROUPS = tuple(dbadmin.GROUP_ROLES.values())
PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE")
TABLES = (
    "alembic_version",
    "audit_log",
    "company_profile",
    "contact_anniversaries",
    "contacts",
    "franchisee_status_changes",
    "franchisees",
    "stores",
    "tiers",
    "users",
    # credit and receivables
    "company_settings",
    "credit_policy",
    "collection_policies",
    "dunning_levels",
    "credit_profiles",
    "credit_profile_changes",
    "credit_check_overrides",
    "credit_proposals",
    "ledger_documents",
    "allocations",
    "dunning_tasks",
    # relationship
    "visit_cadences",
    "visit_overrides",
    "visit_suggestions",
    "visit_summaries",
    "visits",
    "complaints",
    "complaint_events",
    "complaint_categories",
    "complaint_sla",
    # analytics: the ledger's summaries
    "ledger_months",
    "receivable_moves",
    "receivable_open",
    # letters
    "letter_templates",
    "letter_history",
    # imports
    "import_mappings",
)
WRITE = {"INSERT", "UPDATE", "DELETE"}
CREDIT_WRITES = {
    "credit_policy": {"SELECT", "UPDATE"},  # one row: nobody inserts or deletes it
    "collection_policies": {"SELECT"} | WRITE,
    "dunning_levels": {"SELECT"} | WRITE,
    "credit_profiles": {"SELECT", "INSERT", "UPDATE"},
    "credit_profile_changes": {"SELECT", "INSERT"},  # append-only trails
    "credit_check_overrides": {"SELECT", "INSERT"},
    "credit_proposals": {"SELECT", "INSERT", "UPDATE"},
    "ledger_documents": {"SELECT"} | WRITE,
    "allocations": {"SELECT"} | WRITE,
    "dunning_tasks": {"SELECT"} | WRITE,
    # written with the ledger, in the same transaction
    "ledger_months": {"SELECT"} | WRITE,
    "receivable_moves": {"SELECT"} | WRITE,
    "receivable_open": {"SELECT"} | WRITE,
}
VISIT_TABLES = ("visit_overrides", "visit_suggestions", "visit_summaries", "visits")  # by franchisee


def unique(prefix: str) -> str:
    return f"{prefix}_{os.getpid()}_{next(_names)}"


def superuser(pg_server, dbname="postgres"):
    return psycopg.connect(host=str(pg_server.socket_dir), user="postgres", dbname=dbname, autocommit=True)


@pytest.fixture
def owned_db(pg_server, capsys):
    """A database owned by a CREATEROLE (not superuser) owner, upgraded and with the roles created by it."""
    owner, name = unique("owner"), unique("rolesdb")
    with superuser(pg_server) as conn:
        conn.execute(f'CREATE ROLE "{owner}" LOGIN CREATEROLE')
        conn.execute(f'CREATE DATABASE "{name}" OWNER "{owner}"')
    url = pg_server.url(name, user=owner)
    assert main(["db", "upgrade", "--db", url]) == 0
    assert main(["db", "create-roles", "--db", url]) == 0
    sv = open_services(url)
    admin = sv.users.create_first_admin("admin", "管理员", "admin-pass-1")
    sv.users.create_user(admin, "am", "张伟", Role.ACCOUNT_MANAGER, "password-1")
    franchisee = sv.franchisees.create(
        admin, FranchiseeData(code="F1", legal_name="甲公司", city="上海", tier="A")
    )
    sv.close()
    capsys.readouterr()
    return {"url": url, "name": name, "owner": owner, "franchisee_id": franchisee.id}


def add_user(db, name: str, role: str) -> None:
    sv = open_services(db["url"])
    try:
        if not sv.users.has_users():
            sv.users.create_first_admin("admin", "管理员", "admin-pass-1")
        sv.users.create_user(sv.users.actor("admin"), name, name.upper(), Role(role), "password-1")
    finally:
        sv.close()


def login(pg_server, capsys, db, role: str) -> str:
    """A new hqdesk user and its personal login in ``role``'s group, made with the CLI; returns its URL."""
    name = unique(role.replace("_", ""))
    add_user(db, name, role)
    assert main(["db", "create-login", name, "--role", role, "--no-password", "--db", db["url"]]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == (f"created login {name} in {dbadmin.GROUP_ROLES[Role(role)]}\n", "")
    return pg_server.url(db["name"], user=name)


def run_sql(url: str, sql: str, **params):
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql), params)
            return result.rowcount if not result.returns_rows else result.all()
    finally:
        engine.dispose()


def denied(url: str, sql: str, **params) -> None:
    with pytest.raises(ProgrammingError) as info:
        run_sql(url, sql, **params)
    assert isinstance(info.value.orig, psycopg.errors.InsufficientPrivilege), info.value


def privileges(url: str) -> dict[tuple[str, str], set[str]]:
    out = {}
    for group in GROUPS:
        for table in TABLES:
            rows = run_sql(
                url,
                "select " + ", ".join(f"has_table_privilege(:g, :t, '{p}')" for p in PRIVILEGES),
                g=group,
                t=table,
            )
            out[(group, table)] = {p for p, granted in zip(PRIVILEGES, rows[0], strict=True) if granted}
    return out


def audit_rows(db, table: str):
    return run_sql(
        db["url"], "select username, source, action from audit_log where table_name = :t order by id", t=table
    )


# ----- the roles -------------------------------------------------------------------------------------------


def test_create_roles_is_idempotent_and_grants_exactly_the_matrix(pg_server, capsys, owned_db):
    url = owned_db["url"]
    first = privileges(url)

    assert main(["db", "create-roles", "--db", url]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines() == [f"{g}: exists" for g in GROUPS] + [
        f"privileges set on {len(TABLES)} tables of database {owned_db['name']}"
    ]
    assert privileges(url) == first

    # table-level privileges (column-level ones: users' SELECT without the hash, the account manager's
    # UPDATE of franchisees without the manager and archived columns, everybody's own password)
    everyone_reads = {t: {"SELECT"} for t in TABLES} | {"users": set()}
    expected = {
        "hqdesk_admin": everyone_reads
        | {
            "company_profile": {"SELECT", "UPDATE"},
            "contact_anniversaries": {"SELECT"} | WRITE,
            "contacts": {"SELECT"} | WRITE,
            "stores": {"SELECT"} | WRITE,
            "tiers": {"SELECT"} | WRITE,
            "franchisee_status_changes": {"SELECT", "INSERT"},
            "franchisees": {"SELECT", "INSERT", "UPDATE"},  # nobody deletes a franchisee
            "users": {"INSERT", "UPDATE"},
            "company_settings": {"SELECT"} | WRITE,
            "visit_cadences": {"SELECT"} | WRITE,
        }
        | CREDIT_WRITES
        | {t: {"SELECT"} | WRITE for t in VISIT_TABLES},
        "hqdesk_account_manager": everyone_reads
        | {
            "contact_anniversaries": {"SELECT"} | WRITE,
            "contacts": {"SELECT"} | WRITE,
            "stores": {"SELECT"} | WRITE,
            "franchisee_status_changes": {"SELECT", "INSERT"},
            "franchisees": {"SELECT", "INSERT"},
            "credit_proposals": {"SELECT", "INSERT"},  # their own franchisees' (row-level policy)
            "dunning_tasks": {"SELECT", "UPDATE"},  # working their own franchisees' actions
        }
        | {t: {"SELECT"} | WRITE for t in VISIT_TABLES},
        "hqdesk_credit_manager": everyone_reads | CREDIT_WRITES,
        "hqdesk_viewer": everyone_reads,
    }
    # complaints: logged by all but viewers, moved on by the assignee (row policy) or an administrator; the
    # timeline append-only; categories and times by administrators; nothing deleted
    handles = {"complaints": {"SELECT", "INSERT", "UPDATE"}, "complaint_events": {"SELECT", "INSERT"}}
    configures = {
        "complaint_categories": {"SELECT", "INSERT", "UPDATE"},
        "complaint_sla": {"SELECT", "INSERT", "UPDATE"},
    }
    for group in ("hqdesk_admin", "hqdesk_account_manager", "hqdesk_credit_manager"):
        expected[group] = expected[group] | handles | (configures if group == "hqdesk_admin" else {})
    # letters: templates by administrators; the history appended to by whoever writes letters (row policy)
    for group in ("hqdesk_admin", "hqdesk_account_manager", "hqdesk_credit_manager"):
        expected[group] = expected[group] | {"letter_history": {"SELECT", "INSERT"}}
    expected["hqdesk_admin"] = expected["hqdesk_admin"] | {"letter_templates": {"SELECT"} | WRITE}
    expected["hqdesk_admin"] = expected["hqdesk_admin"] | {"import_mappings": {"SELECT"} | WRITE}
    for (group, table), granted in first.items():
        assert granted == expected[group][table], (group, table)
    rows = run_sql(
        url, "select rolname, rolcanlogin from pg_roles where rolname like 'hqdesk\\_%' order by 1"
    )
    assert sorted(rows) == sorted((g, False) for g in GROUPS)


def test_an_account_manager_login_edits_franchisees_and_contacts_and_is_audited(pg_server, capsys, owned_db):
    url = login(pg_server, capsys, owned_db, "account_manager")
    login_name = url.split("://")[1].split("@")[0]
    fid = owned_db["franchisee_id"]
    run_sql(
        owned_db["url"],
        "update franchisees set account_manager_id = (select id from users where username = :u) where id = :i",
        u=login_name,
        i=fid,
    )

    # straight SQL as that login: allowed, and the trigger records the login as the user
    assert run_sql(url, "update franchisees set city = '杭州' where id = :i", i=fid) == 1
    assert (
        run_sql(
            url,
            "insert into contacts (franchisee_id, name, gender, honorific, role, mobile, phone, email, "
            "wechat_id, birthday_lunar, hobbies, preferences, notes, is_primary, version, created_at, "
            "updated_at, updated_by) values (:f, '王五', '', '', 'owner', '', '', '', '', false, '', '', "
            "'', true, 1, now(), now(), 'sql')",
            f=fid,
        )
        == 1
    )
    assert audit_rows(owned_db, "franchisees")[-1] == (login_name, "db", "update")
    assert audit_rows(owned_db, "contacts") == [(login_name, "db", "insert")]

    # through the app's services on that login: the app user is recorded
    sv = open_services(url)
    try:
        am = sv.users.actor(login_name)
        detail = sv.franchisees.get(am, fid)
        from dataclasses import replace

        sv.franchisees.update(am, fid, detail.version, replace(detail.data, address="西湖路 1 号"))
        sv.contacts.add(am, fid, ContactData(name="赵六", mobile="13812345678"))
    finally:
        sv.close()
    assert audit_rows(owned_db, "franchisees")[-1] == (login_name, "app", "update")
    assert audit_rows(owned_db, "contacts")[-1] == (login_name, "app", "insert")

    # but not users, tiers, the letterhead or the audit trail
    denied(
        url,
        "insert into users (username, display_name, password_hash, role, active, email, version, "
        "created_at, updated_at, updated_by) values ('x', '', 'h', 'admin', true, '', 1, now(), now(), 'x')",
    )
    denied(url, "update users set role = 'admin' where username = 'am'")
    denied(url, "update tiers set name = 'gold' where code = 'A'")
    denied(url, "update company_profile set name = 'x' where id = 1")
    denied(
        url,
        "insert into audit_log (occurred_at, username, source, action, table_name, row_id) "
        "values (now(), 'forged', 'app', 'insert', 'franchisees', '1')",
    )
    denied(url, "delete from audit_log")
    denied(url, "truncate franchisees")
    assert run_sql(owned_db["url"], "select role from users where username = 'am'") == [("account_manager",)]
    assert not run_sql(owned_db["url"], "select 1 from audit_log where username = 'forged'")


def test_viewer_and_credit_manager_logins_only_read(pg_server, capsys, owned_db):
    fid = owned_db["franchisee_id"]
    for role in ("viewer", "credit_manager"):
        url = login(pg_server, capsys, owned_db, role)
        name = url.split("://")[1].split("@")[0]
        assert run_sql(url, "select code from franchisees") == [("F1",)]
        assert run_sql(url, "select count(*) from users")[0][0] >= 3  # signing in reads the users
        denied(url, "update franchisees set city = 'x' where id = :i", i=fid)
        denied(url, "delete from franchisees where id = :i", i=fid)
        denied(
            url,
            "insert into franchisee_status_changes (franchisee_id, to_status, changed_on, reason, "
            "changed_by, recorded_at) values (:i, 'active', current_date, '', 'x', now())",
            i=fid,
        )
        # the app opens the database (schema check) and signs in on such a login
        sv = open_services(url)
        try:
            assert sv.users.sign_in(name, "password-1").role == Role(role)
        finally:
            sv.close()
    assert run_sql(owned_db["url"], "select city from franchisees where id = :i", i=fid) == [("上海",)]


def test_an_admin_login_writes_users_and_settings_but_never_the_audit_trail(pg_server, capsys, owned_db):
    url = login(pg_server, capsys, owned_db, "admin")
    assert run_sql(url, "update tiers set name = '金牌' where code = 'A'") == 1
    assert run_sql(url, "update company_profile set name = '总部' where id = 1") == 1
    name = url.split("://")[1].split("@")[0]
    sv = open_services(url)
    try:
        admin = sv.users.actor(name)
        sv.users.create_user(admin, "newbie", "新人", Role.VIEWER, "password-1")
    finally:
        sv.close()
    assert (name, "app", "insert") in audit_rows(owned_db, "users")
    denied(
        url,
        "insert into audit_log (occurred_at, username, source, action, table_name, row_id) "
        "values (now(), 'forged', 'app', 'insert', 'users', '1')",
    )
    denied(url, "update audit_log set username = 'someone else'")
    denied(url, "delete from audit_log")
    denied(url, "update alembic_version set version_num = '9999'")


def test_tables_added_later_are_readable_at_once_and_writable_after_the_next_grant(
    pg_server, capsys, owned_db
):
    """What a later migration's new table gets: SELECT by default privileges, writes from apply_privileges
    (which ``db upgrade`` runs when the roles exist) or from ``db create-roles`` again."""
    run_sql(owned_db["url"], "create table credit_notes (id serial primary key, amount numeric(18, 2))")
    viewer = login(pg_server, capsys, owned_db, "viewer")
    admin = login(pg_server, capsys, owned_db, "admin")
    assert run_sql(viewer, "select count(*) from credit_notes") == [(0,)]
    denied(admin, "insert into credit_notes (amount) values (1)")

    sv = open_services(owned_db["url"])
    try:
        assert dbadmin.apply_privileges(sv.db) == len(TABLES) + 1
    finally:
        sv.close()
    assert run_sql(admin, "insert into credit_notes (amount) values (1)") == 1  # with the sequence
    denied(viewer, "insert into credit_notes (amount) values (2)")


# ----- logins ----------------------------------------------------------------------------------------------


def test_create_login_reads_the_password_from_stdin_and_stores_only_a_scram_verifier(
    pg_server, capsys, owned_db, monkeypatch
):
    name = unique("anna")
    add_user(owned_db, name, "account_manager")
    monkeypatch.setattr(sys, "stdin", io.StringIO("Geheim-密码-123\n"))
    assert (
        main(
            [
                "db",
                "create-login",
                name,
                "--role",
                "account_manager",
                "--password-stdin",
                "--db",
                owned_db["url"],
            ]
        )
        == 0
    )
    out, err = capsys.readouterr()
    assert "Geheim" not in out + err
    with superuser(pg_server) as conn:
        (stored,) = conn.execute("select rolpassword from pg_authid where rolname = %s", (name,)).fetchone()
        (member,) = conn.execute(
            "select pg_has_role(%s, 'hqdesk_account_manager', 'MEMBER')", (name,)
        ).fetchone()
        (can_login,) = conn.execute("select rolcanlogin from pg_roles where rolname = %s", (name,)).fetchone()
    assert stored.startswith("SCRAM-SHA-256$") and "Geheim" not in stored
    assert member and can_login


def test_create_login_refusals(pg_server, capsys, owned_db, monkeypatch):
    url = owned_db["url"]
    taken = login(pg_server, capsys, owned_db, "viewer").split("://")[1].split("@")[0]
    cases = [
        (
            [taken, "--role", "viewer", "--no-password"],
            2,
            f"The role {taken} already exists; nothing was changed.",
        ),
        (["Bad-Name", "--role", "viewer", "--no-password"], 2, "The login name Bad-Name is not allowed"),
        (
            ["hqdesk_admin", "--role", "viewer", "--no-password"],
            2,
            "The login name hqdesk_admin is not allowed",
        ),
        ([unique("x"), "--role", "viewer"], 2, "no password: pipe it in with --password-stdin"),
        ([unique("x"), "--role", "boss", "--no-password"], 2, "invalid choice"),
        # a personal login belongs to the hqdesk user of the same name, with the same role
        (["nobody_here", "--role", "viewer", "--no-password"], 2, "There is no hqdesk user nobody_here"),
        (["am", "--role", "viewer", "--no-password"], 2, "The hqdesk user am is account_manager, not viewer"),
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    for argv, code, message in cases:
        assert main(["db", "create-login", *argv, "--db", url]) == code
        out, err = capsys.readouterr()
        assert out == "" and message in err and err.count("\n") == 1
    assert not run_sql(url, "select 1 from pg_roles where rolname = 'nobody_here'")  # nothing created

    monkeypatch.setitem(dbadmin.GROUP_ROLES, Role.VIEWER, "hqdesk_no_such_group")
    add_user(owned_db, "y_no_group", "viewer")
    assert main(["db", "create-login", "y_no_group", "--role", "viewer", "--no-password", "--db", url]) == 1
    assert capsys.readouterr().err == (
        "hqdesk-admin: The group role hqdesk_no_such_group does not exist: run "
        "hqdesk-admin db create-roles first.\n"
    )


def test_only_the_owner_or_a_superuser_can_create_roles(pg_server, capsys, owned_db):
    url = login(pg_server, capsys, owned_db, "admin")
    assert main(["db", "create-roles", "--db", url]) == 1
    out, err = capsys.readouterr()
    assert (
        out == ""
        and err.startswith("hqdesk-admin: database error on postgresql+psycopg://")
        and "permission denied" in err
        and err.count("\n") == 1
    )


def test_db_upgrade_gives_the_existing_roles_their_privileges_on_a_new_database(pg_server, capsys, owned_db):
    name = unique("second")
    with superuser(pg_server) as conn:
        conn.execute(f'CREATE DATABASE "{name}" OWNER "{owned_db["owner"]}"')
    url = pg_server.url(name, user=owned_db["owner"])
    assert main(["db", "upgrade", "--db", url]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.splitlines() == [
        f"database at revision {SCHEMA_HEAD} (upgraded from none)",
        f"privileges of the hqdesk_* roles updated on {len(TABLES)} tables",
    ]
    viewer = login(pg_server, capsys, {**owned_db, "name": name, "url": url}, "viewer")
    assert run_sql(viewer, "select code from tiers order by code") == [("A",), ("B",), ("C",)]
    denied(viewer, "update tiers set name = 'x'")
