"""PostgreSQL rights on the credit profiles, proposals, history and dunning tasks for every role: what each
personal login may change with any client is what the app lets that person change (``pg_rights`` TABLE_RULES).
am owns F1, am2 owns F2 (the matrix's ``shop``)."""

from __future__ import annotations

import itertools
import os

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from hqdesk.cli import main
from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.domain.roles import Role
from hqdesk.services.bootstrap import open_services

pytestmark = pytest.mark.pg_only

USERS = {
    "admin": Role.ADMIN,
    "am": Role.ACCOUNT_MANAGER,
    "am2": Role.ACCOUNT_MANAGER,
    "cm": Role.CREDIT_MANAGER,
    "viewer": Role.VIEWER,
}
_names = itertools.count()


@pytest.fixture
def shop(pg_server, capsys):
    """A database with roles, a user and a personal login per role; am owns F1, am2 owns F2 (as in the
    permission-matrix test, under names of its own: role and database names are server-wide)."""
    owner, name = f"crown_{os.getpid()}_{next(_names)}", f"credit_rights_{os.getpid()}_{next(_names)}"
    with psycopg.connect(
        host=str(pg_server.socket_dir), user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(f'CREATE ROLE "{owner}" LOGIN CREATEROLE')
        conn.execute(f'CREATE DATABASE "{name}" OWNER "{owner}"')
        for user in USERS:  # a previous test's logins go first
            conn.execute(f'DROP ROLE IF EXISTS "{user}"')
    url = pg_server.url(name, user=owner)
    assert main(["db", "upgrade", "--db", url]) == 0
    assert main(["db", "create-roles", "--db", url]) == 0
    sv = open_services(url)
    admin = sv.users.create_first_admin("admin", "管理员", "admin-pass-1")
    for user, role in USERS.items():
        if user != "admin":
            sv.users.create_user(admin, user, user.upper(), role, "password-1")
    am, am2 = sv.users.actor("am"), sv.users.actor("am2")
    f1 = sv.franchisees.create(am, FranchiseeData(code="F1", legal_name="甲公司", city="上海", tier="A"))
    f2 = sv.franchisees.create(am2, FranchiseeData(code="F2", legal_name="乙公司", city="杭州", tier="B"))
    sv.close()
    for user, role in USERS.items():
        assert main(["db", "create-login", user, "--role", role.value, "--no-password", "--db", url]) == 0
    capsys.readouterr()
    return {"url": url, "login": {u: pg_server.url(name, user=u) for u in USERS}, "f1": f1.id, "f2": f2.id}


def attempt(url: str, sql: str, **params) -> bool:
    """Run ``sql`` as that login and roll back: True when the server let it change at least one row."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            try:
                changed = conn.execute(text(sql), params).rowcount
            except DBAPIError as exc:
                assert getattr(exc.orig, "sqlstate", None) == "42501", exc  # refused, not broken
                return False
            finally:
                conn.rollback()
            return changed > 0
    finally:
        engine.dispose()


STAMP = "1, now(), now(), 'x'"
PROFILE = (
    "insert into credit_profiles (franchisee_id, term_kind, term_days, loss_rate_derived, on_hold, hold_reason, "
    f"version, created_at, updated_at, updated_by) values (:f, 'net', 30, true, false, '', {STAMP})"
)
CHANGE = (
    "insert into credit_profile_changes (franchisee_id, changed_at, changed_by, old_values, new_values, reason) "
    "values (:f, now(), 'x', '{}', '{}', 'r')"
)
PROPOSAL = (
    "insert into credit_proposals (franchisee_id, proposed_by, proposed_at, changes, reason, status, decided_by, "
    f"decision_note, version, created_at, updated_at, updated_by) values (:f, 'x', now(), '{{}}', 'r', 'pending', "
    f"'', '', {STAMP})"
)
TASK = (
    "insert into dunning_tasks (franchisee_id, run_date, level, action, letter_template, days_overdue, "
    f"amount_overdue, status, done_by, note, version, created_at, updated_at, updated_by) values (:f, "
    f"date '2026-03-0' || :n, 1, 'phone_call', '', 30, 100, 'open', '', '', {STAMP})"
)


@pytest.fixture
def rows(shop):
    """A profile, a proposal and a dunning task for each of F1 and F2, written by the tables' owner."""
    engine = create_engine(shop["url"])
    try:
        with engine.begin() as conn:
            for n, f in enumerate((shop["f1"], shop["f2"]), start=1):
                conn.execute(text(PROFILE), {"f": f})
                conn.execute(text(PROPOSAL), {"f": f})
                conn.execute(text(TASK.replace("' || :n", f"{n}'")), {"f": f})
    finally:
        engine.dispose()
    return shop


WRITERS = {"admin", "cm"}
EXPECTED = {
    # (what, which franchisee) -> the logins that may do it
    ("insert profile", "f1"): WRITERS,
    ("update profile", "f1"): WRITERS,
    ("insert history", "f1"): WRITERS,
    ("insert proposal", "f1"): WRITERS | {"am"},
    ("insert proposal", "f2"): WRITERS | {"am2"},
    ("decide proposal", "f1"): WRITERS,
    ("insert task", "f1"): WRITERS,
    ("work task", "f1"): WRITERS | {"am"},
    ("work task", "f2"): WRITERS | {"am2"},
    ("delete task", "f1"): WRITERS,
}
SQL = {
    "insert profile": PROFILE,
    "update profile": "update credit_profiles set credit_limit = 100 where franchisee_id = :f",
    "insert history": CHANGE,
    "insert proposal": PROPOSAL,
    "decide proposal": "update credit_proposals set status = 'approved' where franchisee_id = :f",
    "insert task": TASK.replace("' || :n", "9'"),
    "work task": "update dunning_tasks set status = 'done', note = 'n' where franchisee_id = :f",
    "delete task": "delete from dunning_tasks where franchisee_id = :f",
}


@pytest.mark.parametrize("login", ["admin", "cm", "am", "am2", "viewer"])
def test_credit_tables_for_every_role(rows, login):
    got = {}
    for what, which in EXPECTED:
        # a profile is inserted for a franchisee without one: the owner removes F1's row first, then puts it back
        if what == "insert profile":
            engine = create_engine(rows["url"])
            with engine.begin() as conn:
                conn.execute(text("delete from credit_profiles where franchisee_id = :f"), {"f": rows[which]})
            engine.dispose()
        got[(what, which)] = attempt(rows["login"][login], SQL[what], f=rows[which])
        if what == "insert profile":
            engine = create_engine(rows["url"])
            with engine.begin() as conn:
                conn.execute(text(PROFILE), {"f": rows[which]})
            engine.dispose()
    assert got == {key: login in allowed for key, allowed in EXPECTED.items()}
