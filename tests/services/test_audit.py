"""The audit trail: who changed what and when, shown as a franchisee's history.

SQLite: the app writes it. PostgreSQL: a trigger writes it, so changes made outside the app are in it too.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, text

from hqdesk.domain.contact import Anniversary, ContactData, StoreData
from hqdesk.domain.franchisee import FranchiseeData, LifecycleStatus, StatusChange
from hqdesk.domain.roles import Role
from hqdesk.persistence.models import AuditEntry

TODAY = date(2026, 11, 23)
CREATED = date(2026, 10, 8)  # the profile was entered before its status changed


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    monkeypatch.setattr(
        "hqdesk.services.users._hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@pytest.fixture
def am(services, admin):
    services.users.create_user(admin, "li", "李雷", Role.ACCOUNT_MANAGER, "password-1")
    return services.users.actor("li")


@pytest.fixture
def franchisee(services, am):
    return services.franchisees.create(
        am,
        FranchiseeData(code="HZ-1", legal_name="杭州味道", city="杭州", registered_capital=Decimal("12.30")),
        today=CREATED,
    )


def entries(services, actor, fid, table=None, action=None):
    return [
        h
        for h in services.franchisees.history(actor, fid)
        if (table is None or h.table_name == table) and (action is None or h.action == action)
    ]


def changes(entry) -> dict:
    return {c.field: (c.old, c.new) for c in entry.changes}


def test_creating_a_franchisee_is_recorded(services, am, franchisee):
    (created,) = entries(services, am, franchisee.id, "franchisees", "insert")
    assert (created.username, created.source) == ("li", "app")
    values = changes(created)
    assert values["code"] == (None, "HZ-1")
    assert values["legal_name"] == (None, "杭州味道")
    assert values["status"] == (None, "prospect")
    assert abs(datetime.now(UTC) - created.occurred_at) < timedelta(minutes=5)
    assert created.occurred_at.utcoffset() == timedelta(0)
    assert "search_text" not in values and "version" not in values  # bookkeeping is left out
    (status,) = entries(services, am, franchisee.id, "franchisee_status_changes", "insert")
    assert changes(status)["to_status"] == (None, "prospect")


def test_editing_records_only_the_changed_fields_with_old_and_new_values(services, am, franchisee):
    services.franchisees.update(
        am,
        franchisee.id,
        franchisee.version,
        replace(
            franchisee.data,
            city="宁波",
            registered_capital=Decimal("100.00"),
            contract_end=date(2027, 12, 31),
        ),
    )
    (edit,) = entries(services, am, franchisee.id, "franchisees", "update")
    assert edit.username == "li"
    values = changes(edit)
    assert set(values) == {"city", "registered_capital", "contract_end"}
    assert values["city"] == ("杭州", "宁波")
    assert values["contract_end"] == (None, "2027-12-31")
    old, new = values["registered_capital"]
    assert (str(old), str(new)) == ("12.30", "100.00")  # money exactly as entered, never a float
    assert not isinstance(new, float)


def test_contact_added_edited_and_deleted(services, admin, am, franchisee):
    c = services.contacts.add(
        am,
        franchisee.id,
        ContactData(
            name="王芳", mobile="13800138000", anniversaries=(Anniversary("结婚纪念日", date(2012, 5, 20)),)
        ),
    )
    c = services.contacts.update(admin, c.id, c.version, replace(c.data, mobile="13900139000"))
    services.contacts.delete(am, c.id, c.version)

    (added,) = entries(services, am, franchisee.id, "contacts", "insert")
    assert added.username == "li"
    assert changes(added)["name"] == (None, "王芳")
    (edited,) = entries(services, am, franchisee.id, "contacts", "update")
    assert edited.username == "admin"
    assert changes(edited) == {"mobile": ("13800138000", "13900139000")}
    (deleted,) = entries(services, am, franchisee.id, "contacts", "delete")
    assert deleted.username == "li"
    assert changes(deleted)["name"] == ("王芳", None)
    assert changes(deleted)["mobile"] == ("13900139000", None)
    anniversary_actions = sorted(
        h.action for h in entries(services, am, franchisee.id, "contact_anniversaries")
    )
    assert anniversary_actions == ["delete", "insert"]


def test_status_change_is_recorded(services, am, franchisee):
    services.franchisees.change_status(
        am,
        franchisee.id,
        franchisee.version,
        StatusChange(LifecycleStatus.ACTIVE, date(2026, 11, 1), "签约开业"),
        today=TODAY,
    )
    (update,) = entries(services, am, franchisee.id, "franchisees", "update")
    assert update.username == "li"
    assert changes(update) == {
        "status": ("prospect", "active"),
        "status_changed_on": ("2026-10-08", "2026-11-01"),
    }
    record = next(
        h
        for h in entries(services, am, franchisee.id, "franchisee_status_changes")
        if changes(h)["to_status"] == (None, "active")
    )
    assert changes(record)["reason"] == (None, "签约开业")
    assert changes(record)["from_status"] == (None, "prospect")


def test_history_is_newest_first_and_only_for_this_franchisee(services, am, franchisee):
    other = services.franchisees.create(am, FranchiseeData(code="NB-1", legal_name="宁波", city="宁波"))
    services.stores.add(am, other.id, StoreData(name="天一店"))
    services.stores.add(am, franchisee.id, StoreData(name="西湖店"))
    history = services.franchisees.history(am, franchisee.id)
    assert history[0].table_name == "stores" and changes(history[0])["name"] == (None, "西湖店")
    assert [h.occurred_at for h in history] == sorted((h.occurred_at for h in history), reverse=True)
    assert all(changes(h).get("name") != (None, "天一店") for h in history)
    assert all(
        h.table_name != "franchisees" or changes(h).get("code", (None, "HZ-1"))[1] == "HZ-1" for h in history
    )


def test_password_hashes_never_reach_the_audit_trail(services, admin):
    created = services.users.create_user(admin, "li", "李雷", Role.VIEWER, "first-pass-1")
    services.users.set_password(admin, created.id, "second-pass-2")
    current = next(u for u in services.users.list_users(admin) if u.id == created.id)
    services.users.update_user(
        admin, created.id, current.version, display_name="Li Lei", role=Role.VIEWER, active=True
    )
    with services.db.read() as s:
        trail = s.execute(select(AuditEntry.table_name, AuditEntry.old_values, AuditEntry.new_values)).all()
    user_rows = [row for row in trail if row.table_name == "users"]
    assert user_rows  # users are audited...
    text_of_trail = " ".join(f"{row.old_values} {row.new_values}" for row in trail)
    assert "$argon2" not in text_of_trail  # ...without their password hashes
    assert "password" not in text_of_trail
    assert "pass-" not in text_of_trail


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_change_outside_the_app_is_recorded_with_the_login_name(services, am, franchisee, pg_server, db_url):
    """PostgreSQL: a DBA fixing data with psql still leaves a trace (source 'db', their login)."""
    import psycopg
    from sqlalchemy.engine import make_url

    dbname = make_url(db_url).database
    with psycopg.connect(
        host=str(pg_server.socket_dir), user="postgres", dbname=dbname, autocommit=True
    ) as conn:
        conn.execute("DROP ROLE IF EXISTS dba_wang")
        conn.execute("CREATE ROLE dba_wang LOGIN")
        conn.execute("GRANT SELECT, UPDATE ON franchisees TO dba_wang")
    try:
        with psycopg.connect(
            host=str(pg_server.socket_dir), user="dba_wang", dbname=dbname, autocommit=True
        ) as conn:
            conn.execute("UPDATE franchisees SET city = '温州' WHERE code = 'HZ-1'")
        (fix,) = entries(services, am, franchisee.id, "franchisees", "update")
        assert (fix.username, fix.source) == ("dba_wang", "db")
        assert changes(fix) == {"city": ("杭州", "温州")}
    finally:
        with psycopg.connect(
            host=str(pg_server.socket_dir), user="postgres", dbname=dbname, autocommit=True
        ) as conn:
            conn.execute("REVOKE ALL ON franchisees FROM dba_wang")
            conn.execute("DROP ROLE dba_wang")


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_plain_sql_on_an_app_connection_is_not_passed_off_as_an_app_user(services, am, franchisee, db_url):
    """The app's user name is set per transaction (SET LOCAL): a later plain statement on the same pooled
    connection is recorded as the database login, not as the last app user."""
    services.franchisees.update(
        am, franchisee.id, franchisee.version, replace(franchisee.data, notes="by li")
    )
    with services.db.engine.begin() as conn:
        conn.execute(text("update franchisees set city = '台州' where id = :id"), {"id": franchisee.id})
    latest = entries(services, am, franchisee.id, "franchisees", "update")[0]
    assert (latest.username, latest.source) == ("postgres", "db")
    assert changes(latest) == {"city": ("杭州", "台州")}


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_posing_as_another_app_user_still_shows_whose_login_it_was(
    services, am, franchisee, pg_server, db_url
):
    """app.hq_user is a setting any session may set; the database login is not. A login that claims to be
    'admin' is recorded under that name, and under its own login, which the History tab shows."""
    import psycopg
    from PySide6.QtCore import Qt
    from sqlalchemy.engine import make_url

    from hqdesk.ui.models.history import HistoryModel

    dbname = make_url(db_url).database
    with psycopg.connect(
        host=str(pg_server.socket_dir), user="postgres", dbname=dbname, autocommit=True
    ) as conn:
        conn.execute("DROP ROLE IF EXISTS anna_login")
        conn.execute("CREATE ROLE anna_login LOGIN")
        conn.execute("GRANT SELECT, UPDATE ON franchisees TO anna_login")
    try:
        with psycopg.connect(host=str(pg_server.socket_dir), user="anna_login", dbname=dbname) as conn:
            conn.execute("select set_config('app.hq_user', 'admin', true)")
            conn.execute("UPDATE franchisees SET city = '温州' WHERE code = 'HZ-1'")
        (posed,) = entries(services, am, franchisee.id, "franchisees", "update")
        assert (posed.username, posed.source, posed.db_login) == ("admin", "app", "anna_login")
        model = HistoryModel()
        model.set_entries([posed])
        assert "anna_login" in model.details(0)
        assert "anna_login" in model.index(0, HistoryModel.WHO).data(Qt.ItemDataRole.ToolTipRole)
    finally:
        with psycopg.connect(
            host=str(pg_server.socket_dir), user="postgres", dbname=dbname, autocommit=True
        ) as conn:
            conn.execute("REVOKE ALL ON franchisees FROM anna_login")
            conn.execute("DROP ROLE anna_login")


def test_the_apps_own_changes_name_no_other_login(services, am, franchisee):
    """The app's changes: on SQLite there is no login (None); on PostgreSQL the login is the app's own, and
    the History tab does not dwell on it when it is the user's name."""
    services.franchisees.update(
        am, franchisee.id, franchisee.version, replace(franchisee.data, notes="by li")
    )
    latest = entries(services, am, franchisee.id, "franchisees", "update")[0]
    assert latest.db_login == (None if services.dialect == "sqlite" else "postgres")
