"""Nothing hangs: every database call ends within a bounded time, and says in words what happened.

A frozen PostgreSQL (the postmaster and every backend stopped with SIGSTOP: what a hung server or a network
that drops packets looks like from the desk) fails a read and a write within the bound with DatabaseTimeout;
once it runs again (SIGCONT) the next call works. The server's own statement and lock timeouts, the
allowance for long work, and SQLite's wait for another writer (DatabaseBusy) are checked here too.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text

from hqdesk.persistence.database import Database
from hqdesk.persistence.engine import Timeouts, allow_long_work
from hqdesk.persistence.errors import DatabaseBusy, DatabaseTimeout
from hqdesk.persistence.models import CompanyProfile, User


@pytest.fixture
def short_timeouts(monkeypatch):
    """Bounds of a second or two, so that the test waits for them (the defaults are 5 s / 30 s / 10 s);
    the lock timeout under the statement timeout, as by default. The watchdog's grace (the connect timeout)
    stays 2 s: on a loaded machine a server's own answer may take a second to arrive."""
    for name, value in (("CONNECT", "2"), ("STATEMENT", "1"), ("LOCK", "0.5"), ("BUSY", "0.5")):
        monkeypatch.setenv(f"HQDESK_DB_{name}_TIMEOUT", value)
    return Timeouts.from_env()


def _server_processes(pg_server) -> list[int]:
    """The postmaster and all its children (backends, checkpointer, walwriter...)."""
    postmaster = int((Path(pg_server.data) / "postmaster.pid").read_text().splitlines()[0])
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == postmaster:
            children.append(int(stat.parent.name))
    return [postmaster, *children]


class Frozen:
    """``with Frozen(pg_server):`` the whole server stopped (SIGSTOP), resumed on the way out whatever
    happened."""

    def __init__(self, pg_server) -> None:
        self.pids = _server_processes(pg_server)

    def __enter__(self) -> Frozen:
        for pid in self.pids:
            os.kill(pid, signal.SIGSTOP)
        return self

    def __exit__(self, *exc) -> None:
        for pid in self.pids:
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                pass


@pytest.fixture
def pg_db(pg_server, pg_template, short_timeouts):
    db = Database.open(pg_server.create_database(f"timeouts{os.getpid()}", template=pg_template))
    yield db
    db.close()


def _company_name(db: Database) -> str:
    with db.read() as s:
        return s.get(CompanyProfile, 1).name


def test_a_frozen_server_fails_a_read_and_a_write_within_the_bound_then_recovers(pg_server, pg_db):
    timeouts = Timeouts.from_env()
    bound = timeouts.watchdog_bound() + timeouts.connect + 2  # the ping, a fresh connect, slack
    assert _company_name(pg_db) == ""  # a pooled connection, alive

    with Frozen(pg_server):
        started = time.monotonic()
        with pytest.raises(DatabaseTimeout) as read_error:
            _company_name(pg_db)
        assert time.monotonic() - started < bound

        started = time.monotonic()
        with pytest.raises(DatabaseTimeout) as write_error:
            with pg_db.write("anna") as s:
                s.get(CompanyProfile, 1).name = "lost"
                s.flush()
                s.commit()
        assert time.monotonic() - started < bound

    for err in (read_error.value, write_error.value):
        assert "did not answer within" in str(err) and "Nothing was saved" in str(err)
        assert err.context == "Errors" and err.exit_code == 1
    assert _company_name(pg_db) == ""  # the server runs again: the next call works, and nothing was saved
    with pg_db.write("anna") as s:
        s.get(CompanyProfile, 1).name = "saved"
        s.commit()
    assert _company_name(pg_db) == "saved"


def test_a_server_that_freezes_inside_a_transaction_fails_the_statement_within_the_bound(pg_server, pg_db):
    timeouts = Timeouts.from_env()
    started = None
    with pytest.raises(DatabaseTimeout):
        with pg_db.write("anna") as s:
            s.get(CompanyProfile, 1).name = "half"
            s.flush()  # the transaction is open on the server
            with Frozen(pg_server):
                started = time.monotonic()
                s.execute(select(User.id)).all()
    assert time.monotonic() - started < timeouts.watchdog_bound() + 1.5
    assert _company_name(pg_db) == ""


def test_a_statement_over_the_statement_timeout_is_stopped_by_the_server(pg_db):
    started = time.monotonic()
    with pytest.raises(DatabaseTimeout) as err, pg_db.read() as s:
        s.execute(text("select pg_sleep(10)"))
    assert time.monotonic() - started < 3
    assert "within 1 s," in str(err.value)
    assert _company_name(pg_db) == ""  # the connection is usable again


def test_long_work_may_run_longer_for_the_rest_of_its_transaction_only(pg_db):
    with pg_db.write("importer") as s:
        allow_long_work(s)
        s.execute(text("select pg_sleep(1.5)"))  # over the 1 s statement timeout: allowed here
        s.commit()
    with pytest.raises(DatabaseTimeout), pg_db.write("importer") as s:
        s.execute(text("select pg_sleep(1.5)"))  # the next unit of work has the normal bound again


def test_a_row_locked_by_another_desk_fails_after_the_lock_timeout_with_database_busy(pg_server, pg_db):
    holder = Database.open(pg_db.engine.url.render_as_string(hide_password=False))
    try:
        with holder.write("importer") as held:
            held.get(CompanyProfile, 1).name = "import running"
            held.flush()  # the row is locked until this transaction ends
            started = time.monotonic()
            with pytest.raises(DatabaseBusy) as err, pg_db.write("anna") as s:
                s.execute(text("update company_profile set name = 'anna' where id = 1"))
                s.commit()
            assert time.monotonic() - started < 3
            held.commit()
    finally:
        holder.close()
    assert "Nothing was saved" in str(err.value)
    assert _company_name(pg_db) == "import running"


def test_a_sqlite_save_blocked_by_another_writer_fails_with_database_busy_after_the_busy_wait(
    tmp_path, migrated_sqlite, short_timeouts
):
    url = migrated_sqlite(tmp_path / "hq.sqlite3")
    importer, desk = Database.open(url), Database.open(url)
    try:
        with importer.write("importer") as held:
            held.get(CompanyProfile, 1).name = "import running"
            held.flush()  # BEGIN IMMEDIATE: the file's write lock is the importer's until it commits
            started = time.monotonic()
            with pytest.raises(DatabaseBusy) as err, desk.write("anna") as s:
                s.get(CompanyProfile, 1).name = "anna"
                s.commit()
            waited = time.monotonic() - started
            held.commit()
        assert 0.4 <= waited < 3  # the busy wait, then a clear refusal
        assert "Another user is writing to the database" in str(err.value)
        assert "Nothing was saved" in str(err.value)
        assert _company_name(desk) == "import running"
    finally:
        importer.close()
        desk.close()


def test_timeouts_from_the_environment(monkeypatch, caplog):
    monkeypatch.setenv("HQDESK_DB_STATEMENT_TIMEOUT", "120")
    monkeypatch.setenv("HQDESK_DB_LOCK_TIMEOUT", "soon")
    monkeypatch.setenv("HQDESK_DB_KEEPALIVE_COUNT", "5")
    timeouts = Timeouts.from_env()
    assert timeouts.statement == 120 and timeouts.keepalive_count == 5
    assert timeouts.lock == Timeouts().lock and "HQDESK_DB_LOCK_TIMEOUT" in caplog.text


def test_postgresql_connections_carry_the_timeouts_and_keepalives(pg_db):
    with pg_db.engine.connect() as conn:
        assert conn.execute(text("show statement_timeout")).scalar() == "1s"
        assert conn.execute(text("show lock_timeout")).scalar() == "500ms"
    from hqdesk.persistence.engine import _postgresql_connect_args

    args = _postgresql_connect_args(pg_db.engine.url, Timeouts())
    assert args["connect_timeout"] == 5 and args["keepalives"] == 1
    assert (args["keepalives_idle"], args["keepalives_interval"], args["keepalives_count"]) == (30, 10, 3)
