"""Bring a database to this app's schema, or refuse it when it is newer than the app.

Start-up cost matters (launch under 1 s): when the database is already at ``SCHEMA_HEAD`` one small
query decides and Alembic is never imported. ``tests/persistence/test_migrations.py`` checks that
``SCHEMA_HEAD`` is the script directory's head.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine, inspect, text

from hqdesk.domain.errors import DatabaseTooNew
from hqdesk.resources import db_path

log = logging.getLogger(__name__)

SCHEMA_HEAD = "0001"


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("select version_num from alembic_version")).scalars().all()
        conn.rollback()
    return rows[0] if len(rows) == 1 else (",".join(sorted(rows)) or None)


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
    """
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return revision
    known, heads = script_revisions()
    if revision is not None and any(r not in known for r in revision.split(",")):
        raise DatabaseTooNew(db_revision=revision)
    if not upgrade:
        return revision or ""
    from alembic import command

    log.info("upgrading database schema from %s to %s", revision, ",".join(heads))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "heads")
    return current_revision(engine) or ""
