"""Schema migrations: an empty database is brought to head; a newer one is refused without a write."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect, text

from hqdesk.domain.errors import DatabaseTooNew
from hqdesk.persistence.database import Database
from hqdesk.persistence.engine import build_engine
from hqdesk.persistence.migrate import SCHEMA_HEAD, current_revision, script_revisions
from hqdesk.persistence.models import Base

APP_TABLES = {
    "users",
    "tiers",
    "franchisees",
    "franchisee_status_changes",
    "contacts",
    "contact_anniversaries",
    "stores",
    "company_profile",
    "audit_log",
}


def snapshot(url: str) -> dict[str, list[tuple]]:
    """Every table and every row, read through a plain engine (no hqdesk code involved)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tables = sorted(inspect(conn).get_table_names())
            return {
                t: sorted(map(tuple, conn.execute(text(f'select * from "{t}"'))), key=repr) for t in tables
            }
    finally:
        engine.dispose()


def test_schema_head_is_the_migration_scripts_head():
    known, heads = script_revisions()
    assert heads == {SCHEMA_HEAD}
    assert SCHEMA_HEAD in known


def test_empty_database_is_migrated_to_head(db_url):
    db = Database.open(db_url)
    try:
        assert current_revision(db.engine) == SCHEMA_HEAD
        with db.engine.connect() as conn:
            assert APP_TABLES <= set(inspect(conn).get_table_names())
    finally:
        db.close()


def test_migrated_schema_matches_the_models(db_url):
    """A column added to a model without a migration would break the app on a real database."""
    import warnings

    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    db = Database.open(db_url)
    try:
        with db.engine.connect() as conn, warnings.catch_warnings():
            # SQLite's reflection skips expression indexes (uq_franchisees_code_ci): checked on its own below
            warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index")
            warnings.filterwarnings(
                "ignore", "autogenerate skipping metadata-specified expression-based index"
            )
            diffs = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
            )
    finally:
        db.close()
    assert diffs == []


def test_default_tiers_and_letterhead_row_exist(services):
    assert services.franchisees.tiers() == ("A", "B", "C")
    assert services.company.get().version == 1


def test_opening_again_keeps_the_data(db_url):
    db = Database.open(db_url)
    with db.write("setup") as s:
        s.execute(text("update company_profile set name = 'HQ' where id = 1"))
        s.commit()
    db.close()
    before = snapshot(db_url)
    db = Database.open(db_url)
    db.close()
    assert snapshot(db_url) == before


@pytest.mark.parametrize("with_schema", [False, True], ids=["only-version-table", "full-schema"])
def test_database_from_a_newer_app_is_refused_and_not_touched(db_url, with_schema):
    if with_schema:
        Database.open(db_url).close()
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("create table if not exists alembic_version (version_num varchar(32) not null)"))
        conn.execute(text("delete from alembic_version"))
        conn.execute(text("insert into alembic_version values ('9f3c_from_the_future')"))
    engine.dispose()
    before = snapshot(db_url)

    with pytest.raises(DatabaseTooNew) as err:
        Database.open(db_url)

    assert "9f3c_from_the_future" in str(err.value)
    assert "Nothing was changed" in str(err.value)
    after = snapshot(db_url)
    assert after == before
    if not with_schema:
        assert list(after) == ["alembic_version"]  # no table was created


def test_a_code_is_unique_whatever_its_case(db_url):
    """The last word when two users race for one code: the database, case-insensitively like the services."""
    from sqlalchemy import bindparam
    from sqlalchemy.exc import IntegrityError

    from hqdesk.persistence.types import UtcDateTime

    db = Database.open(db_url)
    try:
        insert = text(
            "insert into franchisees (code, legal_name, store_brand_name, legal_representative, "
            "business_scope, region, province, city, address, tier, status, tags, notes, archived, "
            "search_text, version, created_at, updated_at, updated_by) values (:code, '金店', '', '', "
            "'', '', '', '杭州', '', 'A', 'prospect', '', '', false, '', 1, :now, :now, 'test')"
        ).bindparams(bindparam("now", type_=UtcDateTime()))
        from datetime import UTC, datetime

        now = datetime.now(UTC)
        with db.write("test") as s:
            s.execute(insert, {"code": "JX0001", "now": now})
            s.commit()
        with pytest.raises(IntegrityError), db.write("test") as s:
            s.execute(insert, {"code": "jx0001", "now": now})
            s.commit()
        with db.read() as s:
            assert s.scalar(text("select count(*) from franchisees")) == 1
    finally:
        db.close()


# ----- several upgrades of one fresh database at once --------------------------------------------------------
# Processes, not threads: that is the real case (two hqdesk-admin runs, two desks starting a new version),
# and Alembic's ``context``/``op`` are process globals that threads would share.

_start_together = None


def _init_upgrader(barrier) -> None:
    global _start_together
    _start_together = barrier


def _upgrade_when_all_are_ready(url: str) -> str | None:
    """In a worker process: open (and so upgrade) ``url``; the error's first line, or None."""
    _start_together.wait(60)
    try:
        Database.open(url).close()
    except Exception as exc:  # reported to the test, which shows every failure
        return f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    return None


def test_concurrent_upgrades_of_a_fresh_database_all_succeed(request, db_url, tmp_path):
    """Before the upgrade took the write lock up front, two runs at once failed 1 time in 8 on SQLite
    ("database is locked"), four at once nearly always; on PostgreSQL the CREATE TABLEs collided."""
    import multiprocessing

    workers = 4
    rounds = 12 if db_url.startswith("sqlite") else 4
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(workers)
    failures: list[str] = []
    with ctx.Pool(workers, initializer=_init_upgrader, initargs=(barrier,)) as pool:
        for n in range(rounds):
            if db_url.startswith("sqlite"):
                url = "sqlite:///" + (tmp_path / f"together{n}.sqlite3").as_posix()
            else:
                url = request.getfixturevalue("pg_server").create_database(f"{db_url.rsplit('/', 1)[1]}_{n}")
            errors = pool.map(_upgrade_when_all_are_ready, [url] * workers, chunksize=1)
            failures += [f"round {n}: {e}" for e in errors if e]

            db = Database(build_engine(url))
            try:
                assert current_revision(db.engine) == SCHEMA_HEAD
                with db.engine.connect() as conn:
                    assert APP_TABLES <= set(inspect(conn).get_table_names())
                    assert conn.execute(text("select count(*) from alembic_version")).scalar() == 1
                    if db.dialect == "sqlite":
                        assert conn.execute(text("pragma journal_mode")).scalar() == "wal"
            finally:
                db.close()
    assert failures == []
