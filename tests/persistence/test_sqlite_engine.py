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
        s.execute(text("insert into contacts (franchisee_id, name, gender, honorific, role, mobile, phone, email, "
                       "wechat_id, birthday_lunar, hobbies, preferences, notes, is_primary, version, created_at, "
                       "updated_at, updated_by) values (999, 'x', '', '', 'owner', '', '', '', '', 0, '', '', '', 0, "
                       "1, '2026-01-01', '2026-01-01', '')"))


def test_four_writers_doing_read_then_write_lose_nothing(sqlite_db):
    """4 threads x 50 transactions, each reading the counter and writing it back plus one."""
    with sqlite_db.write("setup") as s:
        s.get(CompanyProfile, 1).phone = "0"
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def worker(n: int) -> None:
        start.wait()
        for _ in range(50):
            try:
                with sqlite_db.write(f"writer{n}") as s:
                    profile = s.get(CompanyProfile, 1)
                    profile.phone = str(int(profile.phone) + 1)
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
        writers = s.scalars(select(AuditEntry.username).where(AuditEntry.table_name == "company_profile")).all()
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
