"""Bring a database to this app's schema, or refuse it when it is newer than the app.

Start-up cost matters (launch under 1 s): when the database is already at ``SCHEMA_HEAD`` two small plain
queries decide (is there a version table, which revision does it hold) and Alembic is never imported. ``tests/persistence/test_migrations.py`` checks that
``SCHEMA_HEAD`` is the script directory's head.

Nothing is written before the revision check has accepted the database, not even SQLite's WAL switch.
Two upgrades at once (two ``hqdesk-admin db upgrade``, two desks starting a new version) take turns: the
upgrade holds the write lock from its first statement (SQLite ``BEGIN IMMEDIATE``, PostgreSQL a
transaction-level advisory lock), reads the revision again under it, and the second one finds the work
done.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy import Connection, Engine, inspect, text

from hqdesk.domain.errors import DatabaseTooNew
from hqdesk.persistence.engine import WRITE_OPTION, use_wal
from hqdesk.resources import db_path

log = logging.getLogger(__name__)

SCHEMA_HEAD = "0010"
# pg_advisory_xact_lock key held by a schema upgrade (advisory locks are per database): "hqdesk" + 1
UPGRADE_LOCK_KEY = 0x6871_6465_736B_0001
# Alembic's ``context`` and ``op`` are process globals: one upgrade at a time in a process
_upgrade_in_process = threading.Lock()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        revision = _revision(conn)
        conn.rollback()
    return revision


def _revision(conn: Connection) -> str | None:
    if not _has_version_table(conn):
        return None
    rows = conn.execute(text("select version_num from alembic_version")).scalars().all()
    return rows[0] if len(rows) == 1 else (",".join(sorted(rows)) or None)


def _has_version_table(conn: Connection) -> bool:
    """Does Alembic's version table exist? One plain query (SQLAlchemy's inspector costs more at start-up)."""
    if conn.dialect.name == "sqlite":
        found = conn.exec_driver_sql(
            "select 1 from sqlite_master where type = 'table' and name = 'alembic_version'"
        ).first()
        return found is not None
    if conn.dialect.name == "postgresql":  # in the schema the app's tables are created in (search_path)
        return bool(conn.exec_driver_sql("select to_regclass('alembic_version') is not null").scalar())
    return inspect(conn).has_table("alembic_version")


def _refuse_if_newer(revision: str | None, known: set[str]) -> None:
    if revision is not None and any(r not in known for r in revision.split(",")):
        raise DatabaseTooNew(db_revision=revision)


def alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(db_path("migrations")))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_revisions() -> tuple[set[str], set[str]]:
    """(every known revision, the heads) of the shipped migrations."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}, set(script.get_heads())


def ensure_schema(engine: Engine, *, upgrade: bool = True) -> str:
    """Upgrade an older database (``upgrade``) and return the revision it is at.

    Raises DatabaseTooNew, writing nothing, when the database has a revision this app does not know.
    A SQLite file is put in WAL mode once accepted; with ``upgrade=False`` an older one is left as it is.
    """
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        use_wal(engine)
        return revision
    known, heads = script_revisions()
    _refuse_if_newer(revision, known)
    if not upgrade:
        return revision or ""
    use_wal(engine)  # before the upgrade, so that it runs in WAL mode too
    return _upgrade(engine, known, heads)


def _upgrade(engine: Engine, known: set[str], heads: set[str]) -> str:
    """Upgrade under the database's write lock; the revision is read again once the lock is held."""
    from alembic import command

    with _upgrade_in_process, engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("select pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK_KEY})
        revision = _revision(conn)
        if revision == SCHEMA_HEAD:  # upgraded by someone else while this one waited for the lock
            log.info("database schema already at %s", revision)
            return revision
        _refuse_if_newer(revision, known)  # ... or by a newer app
        log.info("upgrading database schema from %s to %s", revision, ",".join(heads))
        command.upgrade(alembic_config(conn), "heads")
        return _revision(conn) or ""
