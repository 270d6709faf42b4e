"""Engine set-up: passwords never shown, clear errors, and PostgreSQL restarts survived."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select, text

from hqdesk.domain.errors import DatabaseError
from hqdesk.persistence.database import Database
from hqdesk.persistence.engine import build_engine, probe_connection, safe_url
from hqdesk.persistence.models import Tier

SECRET = "s3cr3t-Pa55"


def test_password_in_the_url_is_not_displayed(caplog):
    caplog.set_level(logging.DEBUG)
    db = Database(build_engine(f"postgresql+psycopg://hq:{SECRET}@db.example.cn:5433/hq"))
    try:
        assert SECRET not in db.display_url
        assert db.display_url == "postgresql+psycopg://hq:***@db.example.cn:5433/hq"
        assert SECRET not in caplog.text
    finally:
        db.close()


def test_password_from_the_keyring_or_prompt_is_used_but_not_displayed(caplog):
    caplog.set_level(logging.DEBUG)
    engine = build_engine("postgresql://hq@db.example.cn/hq", password=SECRET)
    try:
        assert engine.url.password == SECRET  # what the driver gets
        assert engine.url.drivername == "postgresql+psycopg"
        db = Database(engine)
        assert SECRET not in db.display_url
        assert SECRET not in safe_url(engine.url)
        assert SECRET not in caplog.text
    finally:
        engine.dispose()


@pytest.mark.parametrize("url", ["mysql://u@h/db", "not a url at all"])
def test_unsupported_or_garbled_url_is_a_database_error(url):
    with pytest.raises(DatabaseError):
        build_engine(url)


def test_probe_reports_the_server(db_url):
    version = probe_connection(db_url)
    assert version.startswith("SQLite 3" if db_url.startswith("sqlite") else "PostgreSQL ")


def test_probe_failure_is_a_database_error_without_the_password(pg_server):
    url = pg_server.url("no_such_database", password=SECRET)
    with pytest.raises(DatabaseError) as err:
        probe_connection(url)
    assert "no_such_database" in str(err.value)
    assert SECRET not in str(err.value)


def test_services_label_hides_the_password(pg_server):
    from hqdesk.services.bootstrap import open_services

    pg_server.create_database("label_check")
    sv = open_services(pg_server.url("label_check", password=SECRET))  # trust auth ignores the password
    try:
        assert SECRET not in sv.database_label
        assert "label_check" in sv.database_label
    finally:
        sv.close()


def test_postgresql_restart_between_two_actions_is_survived(pg_server):
    """pool_pre_ping: the pooled connection died with the server; the next action reconnects."""
    db = Database.open(pg_server.create_database("restart_check"))
    try:
        with db.read() as s:
            assert s.scalars(select(Tier.code).order_by(Tier.code)).all() == ["A", "B", "C"]
        with db.engine.connect() as conn:
            backend_before = conn.execute(text("select pg_backend_pid()")).scalar()
        pg_server.restart()
        with db.read() as s:
            assert s.scalars(select(Tier.code).order_by(Tier.code)).all() == ["A", "B", "C"]
        with db.write("admin") as s:
            s.execute(text("update company_profile set name = 'after restart'"))
            s.commit()
        with db.engine.connect() as conn:
            assert conn.execute(text("select pg_backend_pid()")).scalar() != backend_before
    finally:
        db.close()


def test_db_url_alone_is_an_empty_database(db_url):
    """The migrations are tested from empty (tests/persistence/test_migrations.py uses ``db_url``)."""
    from hqdesk.persistence.migrate import current_revision

    engine = build_engine(db_url)
    try:
        assert current_revision(engine) is None
    finally:
        engine.dispose()


def test_migrated_db_url_is_a_copy_of_the_template_at_the_head(migrated_db_url):
    from hqdesk.persistence.migrate import SCHEMA_HEAD, current_revision

    engine = build_engine(migrated_db_url)
    try:
        assert current_revision(engine) == SCHEMA_HEAD
        with engine.connect() as conn:
            assert conn.execute(select(Tier.code).order_by(Tier.code)).scalars().all() == ["A", "B", "C"]
    finally:
        engine.dispose()
