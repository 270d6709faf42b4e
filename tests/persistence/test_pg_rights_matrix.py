"""The database enforces each role: what a personal login can change with any client is what the app lets
that person change. The rules are generated from ``hqdesk.domain.roles`` (``pg_rights``); these tests walk
the permission matrix through the services and through each role's own login and expect the same answers.
"""

from __future__ import annotations

import itertools
import os
import uuid
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
from hqdesk.domain.visits import SuggestionData, SuggestionStatus, VisitData
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
    # unique per call even when this module is imported twice (other test modules reuse this fixture)
    tag = f"{os.getpid()}_{next(_names)}_{uuid.uuid4().hex[:8]}"
    owner, name = f"own_{tag}", f"rights_{tag}"
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
VISIT = (
    "insert into visits (franchisee_id, visited_on, kind, purpose, hq_others, met_with, notes, outcome, version, "
    "created_at, updated_at, updated_by) values (:f, current_date, 'phone', 'other', '', '', '', '', 1, now(), "
    "now(), 'x')"
)
OVERRIDE = (
    "insert into visit_overrides (franchisee_id, months, version, created_at, updated_at, updated_by) "
    "values (:f, 6, 1, now(), now(), 'x')"
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
    heard = sv.visits.log(
        admin, f2, VisitData(visited_on=date.today(), suggestions=(SuggestionData("多备货"),))
    ).data.suggestions[0]
    heard_version = sv.visits.suggestions(admin, franchisee_id=f2)[0].version
    visit_ops = [
        (
            "log visit f1",
            lambda: sv.visits.log(actor, f1, VisitData(visited_on=date.today())),
            (VISIT, {"f": f1}),
        ),
        (
            "log visit f2",
            lambda: sv.visits.log(actor, f2, VisitData(visited_on=date.today())),
            (VISIT, {"f": f2}),
        ),
        ("plan visits f1", lambda: sv.visits.set_override(actor, f1, 6, None), (OVERRIDE, {"f": f1})),
        ("plan visits f2", lambda: sv.visits.set_override(actor, f2, 6, None), (OVERRIDE, {"f": f2})),
        (
            "follow up f2 suggestion",
            lambda: sv.visits.set_suggestion_status(
                actor, heard.id, heard_version, SuggestionStatus.DONE, "好"
            ),
            ("update visit_suggestions set status = 'done' where id = :i", {"i": heard.id}),
        ),
        (
            "tier cadence",
            lambda: sv.visits.set_cadences(actor, {"A": 2}),
            ("update visit_cadences set months = 2 where tier = 'A'", {}),
        ),
    ]
    return visit_ops + [
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


def test_last_changed_by_and_the_trails_user_come_from_the_personal_login(shop):
    """am's login writes updated_by = 'admin' and poses as admin through app.hq_user: the row and the trail
    say am. The owner's connection (the services) keeps the app's value."""
    engine = create_engine(shop["login"]["am"])
    try:
        with engine.begin() as conn:
            conn.execute(text("select set_config('app.hq_user', 'admin', true)"))
            conn.execute(
                text("update franchisees set updated_by = 'admin', notes = '伪造' where id = :i"),
                {"i": shop["f1"]},
            )
            conn.execute(text(STORE.replace("'x')", "'admin')")), {"f": shop["f1"]})
            conn.execute(text(STATUS), {"f": shop["f1"]})
    finally:
        engine.dispose()
    assert attempt_select(
        shop["url"], f"select updated_by, notes from franchisees where id = {shop['f1']}"
    ) == [("am", "伪造")]
    assert attempt_select(shop["url"], "select updated_by from stores where name = '新店'") == [("am",)]
    assert attempt_select(
        shop["url"], "select changed_by from franchisee_status_changes where reason = 'forged'"
    ) == [("am",)]
    rows = attempt_select(
        shop["url"],
        f"select username, db_login, new_values from audit_log where franchisee_id = {shop['f1']} "
        "and table_name = 'franchisees' order by id desc limit 1",
    )
    assert rows[0][0] == "am" and rows[0][1] == "am" and "伪造" in rows[0][2]
    # the owner's connection is not a personal login: the app's value stays
    engine = create_engine(shop["url"])
    try:
        with engine.begin() as conn:
            conn.execute(text("update franchisees set updated_by = 'admin' where id = :i"), {"i": shop["f1"]})
    finally:
        engine.dispose()
    assert attempt_select(shop["url"], f"select updated_by from franchisees where id = {shop['f1']}") == [
        ("admin",)
    ]


def test_the_stamp_reaches_tables_added_later(shop):
    """A later migration's table with updated_by gets the stamp from db upgrade / create-roles."""
    engine = create_engine(shop["url"])
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "create table field_notes (id serial primary key, franchisee_id integer not null, "
                    "note text not null default '', updated_by varchar(64) not null default '')"
                )
            )
    finally:
        engine.dispose()
    assert main(["db", "create-roles", "--db", shop["url"]]) == 0
    engine = create_engine(shop["login"]["admin"])
    try:
        with engine.begin() as conn:
            conn.execute(
                text("insert into field_notes (franchisee_id, updated_by) values (:f, 'am')"),
                {"f": shop["f1"]},
            )
    finally:
        engine.dispose()
    assert attempt_select(shop["url"], "select updated_by from field_notes") == [("admin",)]


def test_the_rules_follow_actor_can():
    """The generated scope is Actor.can's answer: own rows for an account manager's edits, none for
    reassigning or archiving, any row for an administrator."""
    assert pg_rights.scope(Role.ACCOUNT_MANAGER, Action.EDIT_FRANCHISEE) is pg_rights.Scope.OWN
    assert pg_rights.scope(Role.ACCOUNT_MANAGER, Action.ASSIGN_ACCOUNT_MANAGER) is pg_rights.Scope.NONE
    assert pg_rights.scope(Role.ADMIN, Action.ARCHIVE_FRANCHISEE) is pg_rights.Scope.ANY
    assert pg_rights.scope(Role.VIEWER, Action.EDIT_FRANCHISEE) is pg_rights.Scope.NONE


# ----- archived franchisees are read only on the server too ---------------------------------------------------


def _archive(shop, fid: int) -> None:
    sv = open_services(shop["url"])
    try:
        admin = sv.users.actor("admin")
        detail = sv.franchisees.get(admin, fid)
        sv.franchisees.set_archived(admin, fid, detail.version, True, confirm_open_business=True)
    finally:
        sv.close()


def _archived_writes(shop, fid: int, contact_id: int):
    """Every kind of write to an archived franchisee's rows, as SQL."""
    return [
        ("edit its notes", "update franchisees set notes = 'x' where id = :i", {"i": fid}),
        ("re-tier it", "update franchisees set tier = 'C' where id = :i", {"i": fid}),
        ("touch only 'last changed by'", "update franchisees set updated_by = 'x' where id = :i", {"i": fid}),
        ("add a contact", CONTACT, {"f": fid}),
        ("edit its contact", "update contacts set mobile = '13900000000' where id = :i", {"i": contact_id}),
        ("delete its contacts", "delete from contacts where franchisee_id = :f", {"f": fid}),
        (
            "add an anniversary",
            "insert into contact_anniversaries (contact_id, label, day, lunar) values (:c, 'x', current_date, "
            "false)",
            {"c": contact_id},
        ),
        ("add a store", STORE, {"f": fid}),
        ("edit its stores", "update stores set name = 'x' where franchisee_id = :f", {"f": fid}),
        ("delete its stores", "delete from stores where franchisee_id = :f", {"f": fid}),
        ("record a status change", STATUS, {"f": fid}),
    ]


@pytest.mark.parametrize("username", ["am", "admin"])
def test_an_archived_franchisee_is_read_only_for_every_login(shop, username):
    """am owns f1; archived, neither am's login nor the administrator's may write it or its rows."""
    engine = create_engine(shop["url"])
    with engine.begin() as conn:
        contact = conn.execute(text(CONTACT + " returning id"), {"f": shop["f1"]}).scalar_one()
        conn.execute(
            text(
                "insert into contact_anniversaries (contact_id, label, day, lunar) values (:c, 'x', current_date, false)"
            ),
            {"c": contact},
        )
    engine.dispose()
    login = shop["login"][username]
    writes = _archived_writes(shop, shop["f1"], contact)
    writes.append(
        (
            "edit its anniversary",
            "update contact_anniversaries set label = 'y' where contact_id = :c",
            {"c": contact},
        )
    )
    # while it is not archived, the same writes go through (so the refusals below are the archive's doing)
    assert [what for what, sql, params in writes if not attempt(login, sql, **params)] == []
    _archive(shop, shop["f1"])
    before = snapshot(shop["url"])
    assert [what for what, sql, params in writes if attempt(login, sql, **params)] == []
    assert snapshot(shop["url"]) == before


def test_only_an_administrator_un_archives_and_then_it_is_writable_again(shop):
    _archive(shop, shop["f1"])
    restore = "update franchisees set archived = false where id = :i"
    assert not attempt(shop["login"]["am"], restore, i=shop["f1"])
    assert attempt(shop["login"]["admin"], restore, i=shop["f1"])
    # un-archiving and editing in the same statement is un-archiving too
    assert attempt(
        shop["login"]["admin"],
        "update franchisees set archived = false, notes = 'x' where id = :i",
        i=shop["f1"],
    )
    # archiving stays the administrator's
    assert attempt(
        shop["login"]["admin"], "update franchisees set archived = true where id = :i", i=shop["f2"]
    )
    engine = create_engine(shop["login"]["admin"])
    try:
        with engine.begin() as conn:
            conn.execute(text(restore), {"i": shop["f1"]})
    finally:
        engine.dispose()
    assert attempt(shop["login"]["am"], "update franchisees set notes = 'x' where id = :i", i=shop["f1"])


@pytest.mark.parametrize("username", ["am", "admin"])
def test_the_services_and_the_logins_agree_on_archived_rows(shop, username):
    """The services on the owner's connection and the same writes through the login: refused alike."""
    _archive(shop, shop["f1"])
    sv = open_services(shop["url"])
    try:
        admin = sv.users.actor("admin")
        actor = sv.users.actor(username)
        f1 = shop["f1"]

        def edit():
            detail = sv.franchisees.get(admin, f1)
            sv.franchisees.update(actor, f1, detail.version, replace(detail.data, notes="x"))

        def restore():
            detail = sv.franchisees.get(admin, f1)
            sv.franchisees.set_archived(actor, f1, detail.version, False)
            sv.franchisees.set_archived(admin, f1, sv.franchisees.get(admin, f1).version, True)

        operations = [
            ("edit", edit, ("update franchisees set notes = 'x' where id = :i", {"i": f1})),
            ("add contact", lambda: sv.contacts.add(actor, f1, ContactData(name="甲")), (CONTACT, {"f": f1})),
            ("add store", lambda: sv.stores.add(actor, f1, StoreData(name="甲店")), (STORE, {"f": f1})),
            ("un-archive", restore, ("update franchisees set archived = false where id = :i", {"i": f1})),
        ]
        answers = {}
        for name, service_call, (sql, params) in operations:
            raw = attempt(shop["login"][username], sql, **params)
            try:
                service_call()
                by_services = True
            except HqdeskError:
                by_services = False
            answers[name] = (by_services, raw)
    finally:
        sv.close()
    expected = {"edit": False, "add contact": False, "add store": False, "un-archive": username == "admin"}
    assert answers == {k: (v, v) for k, v in expected.items()}


def test_a_hand_over_through_an_administrators_login_leaves_archived_franchisees(shop):
    _archive(shop, shop["f1"])
    sv = open_services(shop["url"])
    try:
        f3 = sv.franchisees.create(
            sv.users.actor("am"), FranchiseeData(code="F3", legal_name="丙公司", city="南京", tier="A")
        ).id
    finally:
        sv.close()
    sv = open_services(shop["login"]["admin"])
    try:
        admin = sv.users.actor("admin")
        users = {u.username: u for u in sv.users.list_users(admin)}
        am = users["am"]
        assert sv.users.managed_count(admin, am.id) == 1  # F3; the archived f1 is not handed over
        sv.users.update_user(
            admin,
            am.id,
            am.version,
            display_name="AM",
            role=Role.ACCOUNT_MANAGER,
            active=False,
            hand_over_to=users["am2"].id,
        )
        assert sv.franchisees.get(admin, shop["f1"]).data.account_manager_id == am.id
        assert sv.franchisees.get(admin, f3).data.account_manager_id == users["am2"].id
    finally:
        sv.close()


def test_an_account_manager_logs_visits_through_the_own_login_and_only_for_the_own_franchisees(shop):
    """The app on a personal login: the visit, its suggestions and the last-visit summary all pass the policies
    for the own franchisee; another manager's franchisee is refused by the server as well."""
    sv = open_services(shop["login"]["am"])
    try:
        am = sv.users.sign_in("am", "password-1")
        logged = sv.visits.log(
            am, shop["f1"], VisitData(visited_on=date.today(), suggestions=(SuggestionData("甲"),))
        )
        assert sv.visits.plan(am, shop["f1"]).last_visit_on == date.today()
        sv.visits.delete(am, logged.id, logged.version)
        assert attempt(shop["login"]["am"], VISIT, f=shop["f2"]) is False
    finally:
        sv.close()


# ----- complaints -------------------------------------------------------------------------------------------


def test_complaint_rows_are_moved_on_only_by_the_assignee_or_an_admin_and_events_are_append_only(shop):
    from datetime import UTC, datetime

    from hqdesk.domain.complaints import Channel, Severity
    from hqdesk.services.complaints import ComplaintIntake

    sv = open_services(shop["url"])
    try:
        am, am2, cm = (sv.users.actor(u) for u in ("am", "am2", "cm"))
        category = next(c.id for c in sv.complaints.categories() if c.parent_id is not None)

        def log(by, assignee):
            intake = ComplaintIntake(
                shop["f1"], datetime.now(UTC), Channel.PHONE, category, Severity.HIGH, "掉石"
            )
            return sv.complaints.log(by, intake, assignee_id=assignee.user_id if assignee else None).id

        mine, theirs, unassigned = log(am2, am), log(am, am2), log(cm, None)
    finally:
        sv.close()
    login = shop["login"]
    event = (
        "insert into complaint_events (complaint_id, franchisee_id, kind, comment, username, occurred_at) "
        "values (:c, :f, 'comment', '伪造', 'x', now())"
    )
    complaint = (
        "insert into complaints (franchisee_id, received_at, channel, category_id, severity, description, "
        '"references", status, response_due, resolution_due, due_at, resolution, root_cause, '
        "corrective_action, version, created_at, updated_at, updated_by) values (:f, now(), 'phone', :cat, 2, "
        "'x', '', 'new', now(), now(), now(), '', '', '', 1, now(), now(), 'x')"
    )
    expected = [
        ("am", "update complaints set status = 'in_progress' where id = :i", {"i": mine}, True),
        ("am", "update complaints set status = 'in_progress' where id = :i", {"i": theirs}, False),
        (
            "am",
            "update complaints set assignee_id = (select id from users where username = 'am'), "
            "status = 'assigned' where id = :i",
            {"i": unassigned},
            True,
        ),
        (
            "am",
            "update complaints set assignee_id = (select id from users where username = 'am2') where id = :i",
            {"i": mine},
            False,
        ),
        ("am", "delete from complaints where id = :i", {"i": mine}, False),
        ("admin", "delete from complaints where id = :i", {"i": mine}, False),
        ("admin", "update complaints set status = 'closed' where id = :i", {"i": theirs}, True),
        ("am2", "update complaints set description = '改' where id = :i", {"i": mine}, False),
        ("viewer", "update complaints set status = 'closed' where id = :i", {"i": mine}, False),
        ("viewer", complaint, {"f": shop["f2"], "cat": category}, False),
        ("cm", complaint, {"f": shop["f2"], "cat": category}, True),
        ("am", complaint, {"f": shop["f2"], "cat": category}, True),
        ("am", event, {"c": theirs, "f": shop["f1"]}, True),
        ("viewer", event, {"c": theirs, "f": shop["f1"]}, False),
        ("am", "update complaint_events set comment = '改' where complaint_id = :c", {"c": mine}, False),
        ("admin", "update complaint_events set comment = '改' where complaint_id = :c", {"c": mine}, False),
        ("admin", "delete from complaint_events where complaint_id = :c", {"c": mine}, False),
        ("am", "update complaint_categories set name = 'x' where id = :i", {"i": category}, False),
        ("admin", "update complaint_categories set name = 'x' where id = :i", {"i": category}, True),
        ("admin", "delete from complaint_categories where id = :i", {"i": category}, False),
        ("am", "update complaint_sla set response_hours = 1", {}, False),
        ("admin", "update complaint_sla set response_hours = 1", {}, True),
    ]
    answers = [(who, sql[:60], attempt(login[who], sql, **params)) for who, sql, params, _ok in expected]
    assert [a[2] for a in answers] == [ok for *_x, ok in expected], answers
    # the timeline stays append-only even for the tables' owner
    assert not attempt(
        shop["url"], "update complaint_events set comment = '改' where complaint_id = :c", c=mine
    )


def test_the_complaint_workflow_runs_through_personal_logins(shop):
    """The services on each user's own login: what the app lets them do, the database lets them do."""
    from datetime import UTC, datetime

    from hqdesk.domain.complaints import Channel, ComplaintStatus, Severity
    from hqdesk.domain.errors import PermissionDenied
    from hqdesk.services.complaints import ChangeRequest, ComplaintIntake

    def services_of(user):
        return open_services(shop["login"][user])

    am2 = services_of("am2")
    try:
        actor = am2.users.actor("am2")
        category = next(c.id for c in am2.complaints.categories() if c.parent_id is not None)
        am_id = next(p.id for p in am2.complaints.choices(actor).assignees if p.username == "am")
        intake = ComplaintIntake(
            shop["f1"], datetime.now(UTC), Channel.WECHAT, category, Severity.HIGH, "镀层脱落"
        )
        logged = am2.complaints.log(actor, intake, assignee_id=am_id)  # am2 logs it and names am
        assert logged.status is ComplaintStatus.ASSIGNED
        taken = am2.complaints.log(actor, intake)  # a new one, taken by am2 for herself
        taken = am2.complaints.transition(
            actor, taken.id, taken.version, ChangeRequest(ComplaintStatus.ASSIGNED, assignee_id=actor.user_id)
        )
        assert taken.assignee == "AM2"
        with pytest.raises(PermissionDenied):
            am2.complaints.transition(
                actor, logged.id, logged.version, ChangeRequest(ComplaintStatus.IN_PROGRESS)
            )
        am2.complaints.comment(actor, logged.id, "门店已拍照")
    finally:
        am2.close()
    am = services_of("am")
    try:
        actor = am.users.actor("am")
        d = am.complaints.get(actor, logged.id)
        d = am.complaints.transition(actor, d.id, d.version, ChangeRequest(ComplaintStatus.IN_PROGRESS))
        d = am.complaints.transition(
            actor,
            d.id,
            d.version,
            ChangeRequest(
                ComplaintStatus.RESOLVED, resolution="换货", root_cause="镀层薄", corrective_action="加厚"
            ),
        )
        d = am.complaints.transition(
            actor, d.id, d.version, ChangeRequest(ComplaintStatus.CLOSED, satisfaction=4)
        )
        assert d.status is ComplaintStatus.CLOSED and len(d.events) == 6
    finally:
        am.close()
    admin = services_of("admin")
    try:
        actor = admin.users.actor("admin")
        d = admin.complaints.reassign(actor, taken.id, taken.version, am_id, "转给甲")
        assert d.assignee == "AM"
        admin.complaints.add_category(actor, None, "其他")
    finally:
        admin.close()
