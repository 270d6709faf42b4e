"""The database enforces each role: what a personal login can change with any client is what the app lets
that person change. The rules are generated from ``hqdesk.domain.roles`` (``pg_rights``); these tests walk
the permission matrix through the services and through each role's own login and expect the same answers.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import replace
from datetime import date
from decimal import Decimal

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from hqdesk.cli import main
from hqdesk.domain.contact import ContactData, StoreData
from hqdesk.domain.errors import HqdeskError
from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.domain.roles import Action, Actor, Role
from hqdesk.persistence import pg_rights
from hqdesk.services.bootstrap import open_services
from hqdesk.services.errors import LoginBoundToUser

pytestmark = pytest.mark.pg_only
_names = itertools.count()
USERS = {
    "admin": Role.ADMIN,
    "am": Role.ACCOUNT_MANAGER,
    "am2": Role.ACCOUNT_MANAGER,
    "cm": Role.CREDIT_MANAGER,
}
USERS["viewer"] = Role.VIEWER


def superuser(pg_server):
    return psycopg.connect(
        host=str(pg_server.socket_dir), user="postgres", dbname="postgres", autocommit=True
    )


@pytest.fixture
def shop(pg_server, capsys):
    """A database with roles, a user and a personal login per role; am owns F1, am2 owns F2."""
    owner, name = f"own_{os.getpid()}_{next(_names)}", f"rights_{os.getpid()}_{next(_names)}"
    with superuser(pg_server) as conn:
        conn.execute(f'CREATE ROLE "{owner}" LOGIN CREATEROLE')
        conn.execute(f'CREATE DATABASE "{name}" OWNER "{owner}"')
        for user in USERS:  # role names are server-wide: a previous test's logins go first
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
    c2 = sv.contacts.add(am2, f2.id, ContactData(name="王五", mobile="13812345678"))
    sv.stores.add(am2, f2.id, StoreData(name="西湖店"))
    sv.stores.add(am, f1.id, StoreData(name="外滩店"))
    sv.close()
    for user, role in USERS.items():
        assert main(["db", "create-login", user, "--role", role.value, "--no-password", "--db", url]) == 0
    capsys.readouterr()
    return {
        "url": url,
        "login": {u: pg_server.url(name, user=u) for u in USERS},
        "f1": f1.id,
        "f2": f2.id,
        "c2": c2.id,
    }


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


def snapshot(url: str):
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                t: conn.execute(text(f"select * from {t} order by 1")).all()
                for t in ("franchisees", "contacts", "stores", "franchisee_status_changes", "tiers", "users")
            }
    finally:
        engine.dispose()


CONTACT = (
    "insert into contacts (franchisee_id, name, gender, honorific, role, mobile, phone, email, wechat_id, "
    "birthday_lunar, hobbies, preferences, notes, is_primary, version, created_at, updated_at, updated_by) "
    "values (:f, '赵六', '', '', 'owner', '', '', '', '', false, '', '', '', false, 1, now(), now(), 'x')"
)
STORE = (
    "insert into stores (franchisee_id, name, address, city, status, version, created_at, updated_at, "
    "updated_by) values (:f, '新店', '', '', 'open', 1, now(), now(), 'x')"
)
STATUS = (
    "insert into franchisee_status_changes (franchisee_id, from_status, to_status, changed_on, reason, "
    "changed_by, recorded_at) values (:f, 'prospect', 'terminated', current_date, 'forged', 'x', now())"
)


LEDGER = (
    "insert into ledger_documents (franchisee_id, kind, number, doc_date, amount, due_date, applies_to, note, "
    "source, version, created_at, updated_at, updated_by) values (:f, :k, :n, current_date, 999, current_date, "
    "'', '', 'manual', 1, now(), now(), 'x')"
)


def twenty_five_writes(s):
    """Writes outside an account manager's role (am owns f1; f2, its contact and store are am2's)."""
    f1, f2, c2 = s["f1"], s["f2"], s["c2"]
    return [
        (
            "edit another manager's franchisee",
            "update franchisees set notes = 'mine now' where id = :i",
            {"i": f2},
        ),
        ("rename another's franchisee", "update franchisees set legal_name = 'x' where id = :i", {"i": f2}),
        (
            "take over another's franchisee",
            "update franchisees set account_manager_id = "
            "(select id from users where username = 'am') where id = :i",
            {"i": f2},
        ),
        (
            "hand over the own franchisee",
            "update franchisees set account_manager_id = "
            "(select id from users where username = 'am2') where id = :i",
            {"i": f1},
        ),
        ("archive the own franchisee", "update franchisees set archived = true where id = :i", {"i": f1}),
        ("archive another's franchisee", "update franchisees set archived = true where id = :i", {"i": f2}),
        ("delete another's franchisee", "delete from franchisees where id = :i", {"i": f2}),
        ("delete the own franchisee", "delete from franchisees where id = :i", {"i": f1}),
        ("re-tier every other franchisee", "update franchisees set tier = 'C' where id <> :i", {"i": f1}),
        (
            "forge another's 'last changed by'",
            "update franchisees set updated_by = 'admin' where id = :i",
            {"i": f2},
        ),
        (
            "create a franchisee for another manager",
            "insert into franchisees (code, legal_name, "
            "store_brand_name, legal_representative, business_scope, region, province, city, address, tier, "
            "status, account_manager_id, tags, notes, archived, search_text, version, created_at, updated_at, "
            "updated_by) values ('F9', 'x', '', '', '', '', '', '上海', '', 'A', 'prospect', "
            "(select id from users where username = 'am2'), '', '', false, '', 1, now(), now(), 'am')",
            {},
        ),
        ("edit another's contacts", "update contacts set mobile = '13900000000' where id = :i", {"i": c2}),
        ("delete another's contacts", "delete from contacts where franchisee_id = :i", {"i": f2}),
        ("add a contact to another's franchisee", CONTACT, {"f": f2}),
        (
            "move a contact to the own franchisee",
            "update contacts set franchisee_id = :f where id = :i",
            {"f": f1, "i": c2},
        ),
        (
            "add an anniversary to another's contact",
            "insert into contact_anniversaries (contact_id, label, "
            "day, lunar) values (:c, 'x', current_date, false)",
            {"c": c2},
        ),
        ("add a store to another's franchisee", STORE, {"f": f2}),
        ("delete every other store", "delete from stores where franchisee_id <> :f", {"f": f1}),
        ("edit another's stores", "update stores set name = 'x' where franchisee_id = :f", {"f": f2}),
        ("forge a status change", STATUS, {"f": f2}),
        (
            "rewrite the own status history",
            "update franchisee_status_changes set reason = 'x' where franchisee_id = :f",
            {"f": f1},
        ),
        (
            "delete the own status history",
            "delete from franchisee_status_changes where franchisee_id = :f",
            {"f": f1},
        ),
        ("rename a tier", "update tiers set name = 'gold' where code = 'A'", {}),
        ("promote oneself", "update users set role = 'admin' where username = 'am'", {}),
        (
            "reset another user's password",
            "update users set password_hash = 'x' where username = 'admin'",
            {},
        ),
    ]


def test_an_account_manager_login_is_refused_25_writes_and_saves_its_own_notes(shop):
    before = snapshot(shop["url"])
    am = shop["login"]["am"]
    writes = twenty_five_writes(shop)
    assert len(writes) == 25
    accepted = [what for what, sql, params in writes if attempt(am, sql, **params)]
    assert accepted == []
    # each attempt rolled back anyway: try them for real, one transaction each, and nothing changes
    for _what, sql, params in writes:
        engine = create_engine(am)
        try:
            with engine.begin() as conn:
                conn.execute(text(sql), params)
        except DBAPIError as exc:
            assert exc.orig.sqlstate == "42501"
        finally:
            engine.dispose()
    assert snapshot(shop["url"]) == before

    # the allowed ones: their own franchisee's notes, contacts and stores
    engine = create_engine(am)
    try:
        with engine.begin() as conn:
            assert (
                conn.execute(
                    text("update franchisees set notes = '续约' where id = :i"), {"i": shop["f1"]}
                ).rowcount
                == 1
            )
            assert conn.execute(text(CONTACT), {"f": shop["f1"]}).rowcount == 1
            assert conn.execute(text(STORE), {"f": shop["f1"]}).rowcount == 1
    finally:
        engine.dispose()
    assert snapshot(shop["url"])["franchisees"] != before["franchisees"]
    sv = open_services(shop["url"])
    try:
        assert sv.franchisees.get(sv.users.actor("admin"), shop["f1"]).data.notes == "续约"
    finally:
        sv.close()


def _operations(sv, s, actor: Actor):
    """(name, what the services answer, the same write as SQL) for the matrix."""
    f1, f2 = s["f1"], s["f2"]
    admin = sv.users.actor("admin")

    def edit(fid, **changes):
        def run():
            detail = sv.franchisees.get(admin, fid)
            sv.franchisees.update(actor, fid, detail.version, replace(detail.data, **changes))

        return run

    def archive(fid):
        def run():
            detail = sv.franchisees.get(admin, fid)
            sv.franchisees.set_archived(actor, fid, detail.version, True)
            sv.franchisees.set_archived(admin, fid, sv.franchisees.get(admin, fid).version, False)

        return run

    am2_id = sv.users.actor("am2").user_id
    return [
        (
            "edit f1 notes",
            edit(f1, notes="n1"),
            ("update franchisees set notes = 'n1x' where id = :i", {"i": f1}),
        ),
        (
            "edit f2 notes",
            edit(f2, notes="n2"),
            ("update franchisees set notes = 'n2x' where id = :i", {"i": f2}),
        ),
        (
            "reassign f1",
            edit(f1, account_manager_id=am2_id),
            ("update franchisees set account_manager_id = :m where id = :i", {"m": am2_id, "i": f1}),
        ),
        ("archive f1", archive(f1), ("update franchisees set archived = true where id = :i", {"i": f1})),
        ("add contact f1", lambda: sv.contacts.add(actor, f1, ContactData(name="甲")), (CONTACT, {"f": f1})),
        ("add contact f2", lambda: sv.contacts.add(actor, f2, ContactData(name="乙")), (CONTACT, {"f": f2})),
        ("add store f2", lambda: sv.stores.add(actor, f2, StoreData(name="乙店")), (STORE, {"f": f2})),
        (
            "rename tier",
            lambda: sv.tiers.rename(
                actor, "A", next(t for t in sv.tiers.list() if t.code == "A").version, "金"
            ),
            ("update tiers set name = '金x' where code = 'A'", {}),
        ),
        (
            "letterhead",
            lambda: sv.company.update(actor, sv.company.get().version, "总部", "", "", None),
            ("update company_profile set name = '总部x' where id = 1", {}),
        ),
        # the ledger: credit managers and administrators record documents, for any franchisee
        (
            "record invoice f1",
            lambda: sv.ledger.record(
                actor, f1, "invoice", f"I-{actor.username}", date(2026, 1, 5), Decimal("9.99")
            ),
            (LEDGER, {"f": f1, "k": "invoice", "n": f"X-{actor.username}"}),
        ),
        (
            "record payment f2",
            lambda: sv.ledger.record(
                actor, f2, "payment", f"P-{actor.username}", date(2026, 1, 5), Decimal("9.99")
            ),
            (LEDGER, {"f": f2, "k": "payment", "n": f"Y-{actor.username}"}),
        ),
    ]


@pytest.mark.parametrize("username", list(USERS))
def test_the_services_and_the_login_of_each_role_give_the_same_answers(shop, username):
    sv = open_services(shop["url"])  # the owner's connection: the services' own checks decide
    try:
        actor = sv.users.actor(username)
        answers = {}
        for name, service_call, (sql, params) in _operations(sv, shop, actor):
            raw = attempt(shop["login"][username], sql, **params)
            try:
                service_call()
                by_services = True
            except HqdeskError:
                by_services = False
            answers[name] = (by_services, raw)
    finally:
        sv.close()
    assert {k: v for k, v in answers.items() if v[0] != v[1]} == {}, answers
    # and the rule table itself agrees with Actor.can for every role and action
    for rule in pg_rights.TABLE_RULES:
        for op in pg_rights.OPERATIONS:
            action = rule.action(op)
            reach = pg_rights.scope(actor.role, action)
            if action is not None:
                assert (reach is not pg_rights.Scope.NONE) == (
                    actor.can(action) or actor.can(action, owner_id=actor.user_id)
                )


def test_a_personal_login_acts_only_as_its_own_user(shop, capsys, tmp_path):
    sv = open_services(shop["login"]["am"])
    try:
        assert sv.users.sign_in("am", "password-1").username == "am"
        with pytest.raises(LoginBoundToUser) as info:
            sv.users.sign_in("admin", "admin-pass-1")
        assert "only the user am can sign in" in info.value.english()
        with pytest.raises(LoginBoundToUser):
            sv.users.actor("admin")
        # an edit the services would refuse on the owner's connection is refused in words here too
        with pytest.raises(HqdeskError):
            detail = sv.franchisees.get(sv.users.actor("am"), shop["f2"])
            sv.franchisees.update(sv.users.actor("am"), shop["f2"], detail.version, detail.data)
    finally:
        sv.close()
    file = tmp_path / "f.csv"
    file.write_text("code,legal_name,city,tier\nF7,丙公司,南京,A\n", encoding="utf-8")
    assert main(["import", "franchisees", str(file), "--as", "admin", "--db", shop["login"]["am"]]) == 2
    assert "only the user am can sign in" in capsys.readouterr().err


def test_no_group_reads_password_hashes_but_everyone_signs_in(shop):
    for username in USERS:
        url = shop["login"][username]
        with pytest.raises(DBAPIError) as info:
            attempt_select(url, "select password_hash from users")
        assert info.value.orig.sqlstate == "42501"
        assert attempt_select(url, "select hqdesk_password_hash('admin')") == [(None,)] or username == "admin"
        sv = open_services(url)
        try:
            password = "admin-pass-1" if username == "admin" else "password-1"
            assert sv.users.sign_in(username, password).username == username
        finally:
            sv.close()


def attempt_select(url: str, sql: str):
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).all()
    finally:
        engine.dispose()


def test_a_role_change_and_a_deactivation_follow_to_the_login(shop, pg_server):
    sv = open_services(shop["login"]["admin"])  # an administrator's own login may do it
    try:
        admin = sv.users.actor("admin")
        am = next(u for u in sv.users.list_users(admin) if u.username == "am")
        am = sv.users.update_user(admin, am.id, am.version, display_name="AM", role=Role.VIEWER, active=True)
        with superuser(pg_server) as conn:
            assert conn.execute(
                "select pg_has_role('am', 'hqdesk_viewer', 'MEMBER'), "
                "pg_has_role('am', 'hqdesk_account_manager', 'MEMBER')"
            ).fetchone() == (True, False)
        assert not attempt(
            shop["login"]["am"], "update franchisees set notes = 'x' where id = :i", i=shop["f1"]
        )
        sv.users.update_user(admin, am.id, am.version, display_name="AM", role=Role.VIEWER, active=False)
        with superuser(pg_server) as conn:
            assert conn.execute("select rolcanlogin from pg_roles where rolname = 'am'").fetchone() == (
                False,
            )
        sv.users.set_password(admin, am.id, "a-new-password-2")
    finally:
        sv.close()
    with pytest.raises(DBAPIError):
        attempt_select(shop["login"]["am"], "select 1")
    # the trail has the role change and the password reset, never the hash
    trail = attempt_select(
        shop["url"],
        "select old_values, new_values, db_login from audit_log where table_name = 'users' "
        "and row_id = (select id::text from users where username = 'am') order by id",
    )
    assert any('"role": "viewer"' in (n or "") for _o, n, _l in trail)
    assert any('"credentials": "changed"' in (n or "") for _o, n, _l in trail)
    assert "$argon2" not in str(trail)


def test_a_change_of_only_last_changed_by_is_in_the_trail(shop):
    engine = create_engine(shop["login"]["am"])
    try:
        with engine.begin() as conn:
            conn.execute(text("update franchisees set updated_by = 'admin' where id = :i"), {"i": shop["f1"]})
    finally:
        engine.dispose()
    rows = attempt_select(
        shop["url"],
        f"select username, db_login, new_values from audit_log where franchisee_id = {shop['f1']} "
        "and table_name = 'franchisees' order by id desc limit 1",
    )
    assert rows[0][0] == "am" and rows[0][1] == "am" and '"updated_by": "admin"' in rows[0][2]


def test_the_rules_follow_actor_can():
    """The generated scope is Actor.can's answer: own rows for an account manager's edits, none for
    reassigning or archiving, any row for an administrator."""
    assert pg_rights.scope(Role.ACCOUNT_MANAGER, Action.EDIT_FRANCHISEE) is pg_rights.Scope.OWN
    assert pg_rights.scope(Role.ACCOUNT_MANAGER, Action.ASSIGN_ACCOUNT_MANAGER) is pg_rights.Scope.NONE
    assert pg_rights.scope(Role.ADMIN, Action.ARCHIVE_FRANCHISEE) is pg_rights.Scope.ANY
    assert pg_rights.scope(Role.VIEWER, Action.EDIT_FRANCHISEE) is pg_rights.Scope.NONE
