"""The embedded SQLite database: pragmas, and several writers at once without lost writes."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select, text

from hqdesk.persistence.database import Database
from hqdesk.persistence.models import AuditEntry, CompanyProfile


@pytest.fixture
def sqlite_db(tmp_path):
    db = Database.open("sqlite:///" + (tmp_path / "hq.sqlite3").as_posix())
    yield db
    db.close()


def test_pragmas_are_on_for_every_connection(sqlite_db):
    with sqlite_db.engine.connect() as conn:
        assert conn.execute(text("pragma journal_mode")).scalar() == "wal"
        assert conn.execute(text("pragma foreign_keys")).scalar() == 1
        assert conn.execute(text("pragma busy_timeout")).scalar() >= 5000
    with sqlite_db.read() as s:  # a session gets a configured connection too
        assert s.execute(text("pragma foreign_keys")).scalar() == 1


def test_foreign_keys_are_enforced(sqlite_db):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), sqlite_db.write("t") as s:
        s.execute(
            text(
                "insert into contacts (franchisee_id, name, gender, honorific, role, mobile, phone, email, "
                "wechat_id, birthday_lunar, hobbies, preferences, notes, is_primary, version, created_at, "
                "updated_at, updated_by) values (999, 'x', '', '', 'owner', '', '', '', '', 0, '', '', '', 0, "
                "1, '2026-01-01', '2026-01-01', '')"
            )
        )


def test_four_writers_doing_read_then_write_lose_nothing(sqlite_db):
    """4 threads x 50 transactions, each reading the counter and writing it back plus one."""
    with sqlite_db.write("setup") as s:
        s.get(CompanyProfile, 1).phone = "0"
        s.commit()
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def worker(n: int) -> None:
        start.wait()
        for _ in range(50):
            try:
                with sqlite_db.write(f"writer{n}") as s:
                    profile = s.get(CompanyProfile, 1)
                    profile.phone = str(int(profile.phone) + 1)
                    s.commit()
            except BaseException as exc:  # noqa: B036 - collected and reported below
                errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)

    assert errors == []
    with sqlite_db.read() as s:
        assert s.get(CompanyProfile, 1).phone == "200"
        writers = s.scalars(
            select(AuditEntry.username).where(AuditEntry.table_name == "company_profile")
        ).all()
    assert len(writers) == 201
    assert {f"writer{n}" for n in range(4)} <= set(writers)


def test_a_failed_unit_of_work_leaves_nothing_behind(sqlite_db):
    with pytest.raises(RuntimeError), sqlite_db.write("t") as s:
        s.get(CompanyProfile, 1).name = "half-saved"
        s.flush()
        raise RuntimeError("the user's operation failed halfway")
    with sqlite_db.read() as s:
        assert s.get(CompanyProfile, 1).name == ""
        assert s.scalar(select(AuditEntry.id)) is None


# ----- WAL only once the file is accepted: a refused or merely inspected file keeps every byte -------------


def _sha1(path) -> str:
    import hashlib

    return hashlib.sha1(path.read_bytes()).hexdigest()


def _journal_mode_in_header(path) -> str:
    """Bytes 18-19 of a SQLite file: 1 rollback journal, 2 WAL (what ``journal_mode=WAL`` writes)."""
    return {b"\x01\x01": "rollback", b"\x02\x02": "wal"}[path.read_bytes()[18:20]]


def _stamp(path, revision: str, *, journal_mode: str) -> None:
    """Set the file's alembic revision and journal mode with plain sqlite3 (no hqdesk code involved)."""
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(f"pragma journal_mode={journal_mode}")
        conn.execute("create table if not exists alembic_version (version_num varchar(32) not null)")
        conn.execute("delete from alembic_version")
        conn.execute("insert into alembic_version values (?)", (revision,))
    finally:
        conn.close()


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
@pytest.mark.parametrize("with_schema", [False, True], ids=["only-version-table", "full-schema"])
def test_a_newer_file_keeps_every_byte_whatever_looks_at_it(tmp_path, capsys, with_schema, journal_mode):
    from hqdesk.cli import main
    from hqdesk.domain.errors import DatabaseTooNew

    path = tmp_path / "newer.sqlite3"
    url = "sqlite:///" + path.as_posix()
    if with_schema:
        Database.open(url).close()
    _stamp(path, "9999_from_a_newer_app", journal_mode=journal_mode)
    before, header = _sha1(path), _journal_mode_in_header(path)

    assert main(["db", "current", "--db", url]) == 0
    assert capsys.readouterr().out == "9999_from_a_newer_app (newer than this app)\n"
    assert _sha1(path) == before
    assert main(["db", "upgrade", "--db", url]) == 1
    assert "Nothing was changed" in capsys.readouterr().err
    assert _sha1(path) == before
    with pytest.raises(DatabaseTooNew):
        Database.open(url)
    assert _sha1(path) == before
    assert _journal_mode_in_header(path) == header
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.sqlite3"]  # no -wal/-shm left behind


def test_db_current_keeps_every_byte_of_a_current_file(tmp_path, capsys):
    from hqdesk.cli import main
    from hqdesk.persistence.migrate import SCHEMA_HEAD

    path = tmp_path / "current.sqlite3"
    url = "sqlite:///" + path.as_posix()
    Database.open(url).close()
    before = _sha1(path)
    for _ in range(2):
        assert main(["db", "current", "--db", url]) == 0
        assert capsys.readouterr().out == f"{SCHEMA_HEAD} (head)\n"
        assert _sha1(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["current.sqlite3"]


def test_a_new_file_ends_in_wal_and_an_accepted_rollback_journal_file_is_switched(tmp_path):
    from hqdesk.persistence.migrate import SCHEMA_HEAD

    new = tmp_path / "new.sqlite3"
    Database.open("sqlite:///" + new.as_posix()).close()
    assert _journal_mode_in_header(new) == "wal"
    Database.open("sqlite:///" + new.as_posix()).close()  # a WAL file stays WAL
    assert _journal_mode_in_header(new) == "wal"

    # a current file in rollback-journal mode (copied by a tool that switched it back, say)
    _stamp(new, SCHEMA_HEAD, journal_mode="delete")
    assert _journal_mode_in_header(new) == "rollback"
    db = Database.open("sqlite:///" + new.as_posix())
    try:
        assert _journal_mode_in_header(new) == "wal"
        with db.engine.connect() as conn:
            assert conn.execute(text("pragma journal_mode")).scalar() == "wal"
    finally:
        db.close()
