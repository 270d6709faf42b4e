"""SQLite's wait for another writer's lock stops at the user's Cancel (``hqdesk.domain.cancel``), having
written nothing, and otherwise still ends in DatabaseBusy after the busy timeout."""

from __future__ import annotations

import threading
import time

import pytest

from hqdesk.domain.cancel import Cancellation, SaveCancelled, cancellable
from hqdesk.persistence.database import Database
from hqdesk.persistence.errors import DatabaseBusy
from hqdesk.persistence.models import CompanyProfile


def _name(db: Database) -> str:
    with db.read() as s:
        return s.get(CompanyProfile, 1).name


def test_cancel_stops_the_wait_for_another_writer_and_writes_nothing(tmp_path, migrated_sqlite, monkeypatch):
    monkeypatch.setenv("HQDESK_DB_BUSY_TIMEOUT", "20")
    url = migrated_sqlite(tmp_path / "hq.sqlite3")
    holder, desk = Database.open(url), Database.open(url)
    token = Cancellation()
    try:
        with holder.write("importer") as held:
            held.get(CompanyProfile, 1).name = "import running"
            held.flush()
            threading.Timer(0.5, token.cancel).start()
            started = time.monotonic()
            with pytest.raises(SaveCancelled), cancellable(token), desk.write("anna") as s:
                s.get(CompanyProfile, 1).name = "anna"
                s.commit()
            assert time.monotonic() - started < 5  # not the 20 s busy wait
            held.commit()
        assert _name(desk) == "import running"
        # the connection goes back to the pool with its busy timeout: a later save waits normally and works
        with desk.write("anna") as s:
            s.get(CompanyProfile, 1).name = "anna"
            s.commit()
        assert _name(holder) == "anna"
    finally:
        holder.close()
        desk.close()


def test_a_cancellable_wait_still_gives_up_after_the_busy_timeout(tmp_path, migrated_sqlite, monkeypatch):
    monkeypatch.setenv("HQDESK_DB_BUSY_TIMEOUT", "0.6")
    url = migrated_sqlite(tmp_path / "hq.sqlite3")
    holder, desk = Database.open(url), Database.open(url)
    try:
        with holder.write("importer") as held:
            held.get(CompanyProfile, 1).name = "import running"
            held.flush()
            started = time.monotonic()
            with pytest.raises(DatabaseBusy) as err, cancellable(Cancellation()), desk.write("anna") as s:
                s.get(CompanyProfile, 1).name = "anna"
                s.commit()
            assert 0.5 <= time.monotonic() - started < 4
            held.commit()
        assert "Another user is writing to the database" in err.value.english()
    finally:
        holder.close()
        desk.close()
