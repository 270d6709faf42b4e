"""Build the one engine for a database URL: SQLite (embedded default) or PostgreSQL (shared).

SQLite: foreign keys and a busy timeout on every connection, and ``BEGIN IMMEDIATE`` for write
transactions (a deferred BEGIN loses most writes under contention: 50 of 200 in the field notes). WAL is
switched on by ``use_wal`` once the schema check has accepted the file (WAL is stored in the file, so a
connect hook doing it would change a database the app then refuses, or one ``db current`` only reads).
Files on network shares are refused. PostgreSQL: ``pool_pre_ping`` so a server restart between two
actions is survived; the password comes from the OS keyring, never from settings or logs.

Nothing hangs (``Timeouts``, set from ``HQDESK_DB_*`` environment variables): PostgreSQL gets a connect
timeout, a statement and a lock timeout, and TCP keepalives; a server that stops answering altogether (frozen,
or a network that drops packets) cannot enforce its own statement timeout, so a watchdog thread cuts the
socket of any call to the server that outlives its bound. SQLite waits for another writer as long as the
busy timeout. Timeouts and lock waits reach the caller as ``DatabaseTimeout`` / ``DatabaseBusy``; work meant
to run long (imports, batches) calls ``allow_long_work(session)`` in its transaction.

Statement parameters never reach an error message or the log (``hide_parameters``): they hold password
hashes and personal data. A new SQLite file and its folder are readable by their owner only (POSIX).
"""

from __future__ import annotations

import logging
import math
import os
import socket
import sys
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

from hqdesk.domain.cancel import current as current_cancellation
from hqdesk.domain.errors import DatabaseError, NetworkShareRefused
from hqdesk.persistence.errors import DatabaseBusy, DatabaseTimeout
from hqdesk.persistence.sorting import register_sqlite

log = logging.getLogger(__name__)

KEYRING_SERVICE = "hqdesk"
NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smbfs",
        "smb3",
        "9p",
        "afs",
        "fuse.sshfs",
        "davfs",
        "fuse.rclone",
        "ncpfs",
        "glusterfs",
        "ceph",
    }
)
WRITE_OPTION = "hqdesk_write"
BUSY_TIMEOUT_MS = 10_000
_TIMEOUTS_KEY = "hqdesk_timeouts"  # in each pooled connection's info: the engine's Timeouts
_LONG_KEY = "hqdesk_long_work"  # in a connection's info while its transaction may run long


@dataclass(frozen=True)
class Timeouts:
    """How long any database call may take, in seconds; ``Timeouts.from_env()`` reads ``HQDESK_DB_*``.

    connect      reaching the PostgreSQL server and signing in (HQDESK_DB_CONNECT_TIMEOUT)
    statement    one statement on PostgreSQL (HQDESK_DB_STATEMENT_TIMEOUT); the watchdog gives the server
                 ``connect`` seconds more to answer before it gives up on the connection
    lock         waiting for a PostgreSQL row or table lock (HQDESK_DB_LOCK_TIMEOUT)
    busy         waiting for another writer of a SQLite file (HQDESK_DB_BUSY_TIMEOUT)
    long         one statement inside ``allow_long_work`` (imports, batches) (HQDESK_DB_LONG_TIMEOUT)
    keepalive_*  TCP keepalives, so a dead network link is noticed while a connection is idle
    """

    connect: float = 5.0
    statement: float = 30.0
    lock: float = 10.0
    busy: float = BUSY_TIMEOUT_MS / 1000
    long: float = 600.0
    keepalive_idle: float = 30.0
    keepalive_interval: float = 10.0
    keepalive_count: int = 3

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Timeouts:
        """Defaults, overridden by ``HQDESK_DB_<FIELD>`` (``HQDESK_DB_STATEMENT_TIMEOUT=60``); a value that is
        not a positive number is ignored with a warning."""
        values = {}
        for f in fields(cls):
            name = "HQDESK_DB_" + (
                f.name.upper() if f.name.startswith("keepalive") else f"{f.name.upper()}_TIMEOUT"
            )
            raw = environ.get(name)
            if raw is None:
                continue
            try:
                value = float(raw)
                if not value > 0 or math.isinf(value):
                    raise ValueError(raw)
            except ValueError:
                log.warning("%s=%r is not a positive number of seconds: ignored", name, raw)
                continue
            values[f.name] = int(value) if f.type in (int, "int") else value
        return cls(**values)

    def watchdog_bound(self, long: bool = False) -> float:
        """How long a call may go without an answer before the watchdog cuts its connection."""
        return (self.long if long else self.statement) + self.connect


def keyring_key(url: URL) -> str:
    """The keyring entry for a PostgreSQL login: user, host, port and database as the driver will use them
    (a socket folder or port given as ``?host=``/``?port=`` included), so two servers never share one."""
    return f"{url.username}@{_query_or(url, 'host', url.host) or 'localhost'}:{_query_or(url, 'port', url.port) or 5432}/{url.database}"


def _query_or(url: URL, name: str, value):
    if value:
        return value
    found = url.query.get(name)
    return ",".join(found) if isinstance(found, tuple) else found


def password_from_keyring(url: URL) -> str | None:
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, keyring_key(url))
    except Exception as exc:  # no usable keyring backend: ask the user instead
        log.warning("keyring unavailable: %s", exc)
        return None


def store_password(url: URL, password: str) -> None:
    import keyring

    keyring.set_password(KEYRING_SERVICE, keyring_key(url), password)


def safe_url(url: str | URL) -> str:
    """The URL as it may appear in logs and settings: never with a password."""
    return make_url(url).render_as_string(hide_password=True)


def sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes

    drive = path.drive
    if not drive:
        return False
    DRIVE_REMOTE = 4
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE  # type: ignore[attr-defined]


def _linux_fs_type(path: Path, mounts_file: str = "/proc/mounts") -> str | None:
    try:
        with open(mounts_file, encoding="utf-8") as fh:
            mounts = [line.split()[1:3] for line in fh if len(line.split()) >= 3]
    except OSError:
        return None
    best, best_type = "", None
    target = str(path)
    for mount_point, fs_type in mounts:
        mount_point = mount_point.replace("\\040", " ")
        if (target == mount_point or target.startswith(mount_point.rstrip("/") + "/")) and len(
            mount_point
        ) > len(best):
            best, best_type = mount_point, fs_type
    return best_type


def is_network_path(path: Path, *, platform: str = sys.platform, drive_is_remote=None, fs_type=None) -> bool:
    """True for UNC paths, mapped network drives (Windows) and network file systems (Linux/macOS)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if platform == "win32":
        check = drive_is_remote or _windows_drive_is_remote
        return bool(check(path))
    resolved = path.resolve() if path.exists() else path.parent.resolve()
    kind = fs_type(resolved) if fs_type else _linux_fs_type(resolved)
    return bool(kind and (kind in NETWORK_FS_TYPES or kind.startswith("fuse.sshfs")))


def _setup_sqlite(engine: Engine, timeouts: Timeouts) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_conn, record):
        record.info[_TIMEOUTS_KEY] = timeouts
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (pysqlite's own is deferred)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(timeouts.busy * 1000)}")
        # no journal_mode here: it writes the file's header (see use_wal); synchronous is per connection
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()
        register_sqlite(dbapi_conn)

    @event.listens_for(engine, "begin")
    def on_begin(conn):
        if conn.get_execution_options().get(WRITE_OPTION):
            _begin_immediate(conn, timeouts)
        else:
            conn.exec_driver_sql("BEGIN")

    @event.listens_for(engine, "handle_error")
    def on_error(ctx):
        text = str(ctx.original_exception)
        if "database is locked" in text or "database table is locked" in text:
            return DatabaseBusy(seconds=_seconds(timeouts.busy))
        return None


BUSY_SLICE_MS = 100
"""A cancellable write waits for another writer's lock in slices this long (SQLite's own wait cannot be
interrupted), checking the user's Cancel between them."""


def _begin_immediate(conn, timeouts: Timeouts) -> None:
    """Take SQLite's write lock. Work that may be cancelled (``hqdesk.domain.cancel``: a save from the UI)
    waits for another writer in short slices and stops at the user's Cancel (``SaveCancelled``), before
    anything was written; after the busy timeout either way it is ``DatabaseBusy``."""
    token = current_cancellation()
    if token is None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        return
    raw = conn.connection.dbapi_connection
    deadline = time.monotonic() + timeouts.busy
    raw.execute(f"PRAGMA busy_timeout={BUSY_SLICE_MS}")
    try:
        while True:
            token.raise_if_cancelled()
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except Exception as exc:  # sqlite3.OperationalError
                if "database is locked" not in str(exc):
                    raise
                if time.monotonic() >= deadline:
                    raise DatabaseBusy(seconds=_seconds(timeouts.busy)) from exc
    finally:
        raw.execute(f"PRAGMA busy_timeout={int(timeouts.busy * 1000)}")


def _seconds(value: float) -> str:
    return f"{value:g}"


class _Watchdog:
    """One daemon thread that cuts the connection of a PostgreSQL call which outlives its bound.

    A server that stops answering (frozen, or behind a network that drops packets without a reset) cannot
    enforce its own statement_timeout, and the driver's blocked read would wait forever. Shutting the socket
    down ends that wait at once; the driver reports the connection broken, the pool replaces it, and the
    thread that was waiting raises DatabaseTimeout (``cut_in_this_thread``). Arming is a dict update, so
    every statement can afford it.
    """

    POLL = 0.2  # seconds: how late after its bound a cut may come

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._armed: dict[
            int, tuple[float, float, int, object]
        ] = {}  # id(conn) -> (deadline, bound, thread, conn)
        self._cut: dict[int, float] = {}  # thread id -> the bound its call outlived
        self._thread: threading.Thread | None = None

    def arm(self, dbapi_conn, seconds: float) -> None:
        me = threading.get_ident()
        with self._lock:
            self._cut.pop(me, None)
            self._armed[id(dbapi_conn)] = (time.monotonic() + seconds, seconds, me, dbapi_conn)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="hqdesk-db-watchdog", daemon=True)
                self._thread.start()

    def disarm(self, dbapi_conn) -> None:
        with self._lock:
            self._armed.pop(id(dbapi_conn), None)

    def cut_in_this_thread(self) -> float | None:
        """The bound of this thread's call if the watchdog cut it (once), else None."""
        with self._lock:
            return self._cut.pop(threading.get_ident(), None)

    def _run(self) -> None:
        while True:
            time.sleep(self.POLL)
            now = time.monotonic()
            with self._lock:
                due = [key for key, (deadline, *_rest) in self._armed.items() if deadline <= now]
                expired = [self._armed.pop(key) for key in due]
                for _deadline, bound, thread, _conn in expired:
                    self._cut[thread] = bound
            for _deadline, bound, _thread, conn in expired:
                log.warning("no answer from the database server within %.1f s: closing the connection", bound)
                _shut_down(conn)


def _shut_down(dbapi_conn) -> None:
    try:
        fd = dbapi_conn.pgconn.socket
        sock = socket.socket(fileno=os.dup(fd))
    except Exception as exc:  # closed meanwhile: nothing to cut
        log.debug("watchdog: no socket to shut down (%s)", exc)
        return
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError as exc:
        log.debug("watchdog: shutdown failed (%s)", exc)
    finally:
        sock.close()


_watchdog = _Watchdog()


def _setup_postgresql(engine: Engine, timeouts: Timeouts) -> None:
    """The watchdog around every call to the server (statements, commits, rollbacks, the pool's ping) and
    the server's timeout errors as DatabaseTimeout / DatabaseBusy."""

    @event.listens_for(engine, "connect")
    def on_connect(_dbapi_conn, record):
        record.info[_TIMEOUTS_KEY] = timeouts

    @event.listens_for(engine, "before_cursor_execute")
    def before(conn, _cursor, _statement, _parameters, _context, _executemany):
        _watchdog.arm(
            conn.connection.dbapi_connection, timeouts.watchdog_bound(bool(conn.info.get(_LONG_KEY)))
        )

    @event.listens_for(engine, "after_cursor_execute")
    def after(conn, _cursor, _statement, _parameters, _context, _executemany):
        _watchdog.disarm(conn.connection.dbapi_connection)

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def transaction_end(conn):
        if not conn.invalidated:  # a cut connection has no info left to clear
            conn.info.pop(_LONG_KEY, None)

    @event.listens_for(engine, "checkin")
    def checkin(dbapi_conn, record):
        record.info.pop(_LONG_KEY, None)

    dialect = engine.dialect
    for name in ("do_ping", "do_commit", "do_rollback"):  # no cursor events for these: watched here
        setattr(dialect, name, _watched(getattr(dialect, name), timeouts.watchdog_bound()))

    @event.listens_for(engine, "handle_error")
    def on_error(ctx):
        cursor = getattr(ctx, "cursor", None)  # not set for connect errors
        if cursor is not None and getattr(cursor, "connection", None) is not None:
            _watchdog.disarm(cursor.connection)
        bound = _watchdog.cut_in_this_thread()
        if getattr(
            ctx, "is_pre_ping", False
        ):  # a dead pooled connection: the pool connects afresh (within connect_timeout)
            if bound is not None:
                ctx.is_disconnect = True
            return None
        orig = ctx.original_exception
        state = getattr(orig, "sqlstate", None)
        if bound is not None:
            return DatabaseTimeout(seconds=_seconds(bound))
        if state == "57014" and "statement timeout" in str(orig):  # query_canceled by statement_timeout
            return DatabaseTimeout(seconds=_seconds(timeouts.statement))
        if state == "55P03":  # lock_not_available: lock_timeout
            return DatabaseBusy(seconds=_seconds(timeouts.lock))
        if "timeout expired" in str(orig):  # psycopg's connect_timeout
            return DatabaseTimeout(seconds=_seconds(timeouts.connect))
        return None


def _watched(call, seconds: float):
    def watched(dbapi_conn, *args, **kwargs):
        _watchdog.arm(dbapi_conn, seconds)
        try:
            return call(dbapi_conn, *args, **kwargs)
        finally:
            _watchdog.disarm(dbapi_conn)

    return watched


def allow_long_work(session: Session | Connection) -> None:
    """Let the rest of this transaction run statements as long as ``Timeouts.long`` (imports, batches).

    Call it inside the unit of work, before the long statements; the allowance ends with the transaction
    (PostgreSQL ``SET LOCAL statement_timeout``; the watchdog's bound follows). SQLite has no statement bound.
    """
    conn = session.connection() if isinstance(session, Session) else session
    timeouts: Timeouts = conn.info.get(_TIMEOUTS_KEY) or Timeouts.from_env()
    conn.info[_LONG_KEY] = True
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(timeouts.long * 1000)}")


def _create_private_file(path: Path) -> None:
    """Create ``path`` (and its missing folder) readable by its owner only, before SQLite creates it with the
    process umask; SQLite gives the -wal and -shm files the database file's permissions. Existing files and
    folders are left as they are. Windows: the folder's inherited ACL applies."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    if os.name == "posix" and not path.exists():
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:  # created meanwhile by another process: theirs
            pass


def _engine_timeouts(engine: Engine) -> Timeouts:
    with engine.connect() as conn:
        return conn.info.get(_TIMEOUTS_KEY) or Timeouts.from_env()


def use_wal(engine: Engine) -> None:
    """Put a SQLite file in WAL mode (kept in the file, so once is enough); nothing on other databases.

    Call it only for a file the app has accepted: it writes the header. Switching needs a moment alone
    with the file, and SQLite answers "database is locked" at once, without the busy timeout, when another
    connection takes the write lock between this one's read and write steps: so it is retried here for as
    long as the busy timeout would wait.
    """
    if engine.dialect.name != "sqlite" or sqlite_path(engine.url) is None:
        return
    locked = engine.dialect.loaded_dbapi.OperationalError
    deadline = time.monotonic() + _engine_timeouts(engine).busy
    while True:
        # the DBAPI connection itself: the engine's "begin" hook would open a transaction, and SQLite does
        # not change the journal mode inside one
        raw = engine.raw_connection()
        try:
            cur = raw.cursor()
            if cur.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            mode = cur.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        except locked as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
            continue
        finally:
            raw.close()
        if mode == "wal":
            log.info("SQLite journal mode set to WAL")
        else:  # refused without an error (a read-only file...): the file keeps its mode
            log.warning("SQLite kept journal mode %s: WAL was refused", mode)
        return


def build_engine(
    url: str | URL,
    *,
    password: str | None = None,
    check_network_share: bool = True,
    timeouts: Timeouts | None = None,
) -> Engine:
    """The engine for ``url``; raises NetworkShareRefused or DatabaseError with a clear message.

    ``password`` (typed by the user or from the caller) wins over one written in the URL, which the server
    may just have refused; without either, the OS keyring is asked. ``timeouts``: ``Timeouts.from_env()``.
    """
    try:
        url = make_url(url)
    except Exception as exc:
        raise DatabaseError(detail=str(exc)) from exc
    timeouts = timeouts or Timeouts.from_env()
    backend = url.get_backend_name()
    if backend == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            if (
                check_network_share
                and os.environ.get("HQDESK_ALLOW_NETWORK_SQLITE") != "1"
                and is_network_path(path)
            ):
                raise NetworkShareRefused(path=str(path))
            _create_private_file(path)
        engine = create_engine(
            url, hide_parameters=True, connect_args={"timeout": timeouts.busy, "check_same_thread": False}
        )
        _setup_sqlite(engine, timeouts)
    elif backend == "postgresql":
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        if password:
            url = url.set(password=password)
        elif url.password is None and url.username:
            secret = password_from_keyring(url)
            if secret:
                url = url.set(password=secret)
        engine = create_engine(
            url,
            pool_pre_ping=True,
            pool_size=5,
            max_overflow=5,
            hide_parameters=True,
            connect_args=_postgresql_connect_args(url, timeouts),
        )
        _setup_postgresql(engine, timeouts)
    else:
        raise DatabaseError(detail=f"unsupported database type {backend!r}: use sqlite or postgresql")
    log.info("database: %s", safe_url(url))
    return engine


def _postgresql_connect_args(url: URL, timeouts: Timeouts) -> dict:
    """libpq options: the server's own timeouts travel in the start-up packet (``options``; the URL's own
    ``options`` are kept in front), keepalives notice a dead link on an idle connection."""
    server = (
        f"-c statement_timeout={int(timeouts.statement * 1000)} -c lock_timeout={int(timeouts.lock * 1000)}"
    )
    own = _query_or(url, "options", None)
    return {
        "connect_timeout": max(1, math.ceil(timeouts.connect)),  # libpq counts whole seconds
        "application_name": "hqdesk",
        "options": f"{own} {server}" if own else server,
        "keepalives": 1,
        "keepalives_idle": max(1, round(timeouts.keepalive_idle)),
        "keepalives_interval": max(1, round(timeouts.keepalive_interval)),
        "keepalives_count": max(1, timeouts.keepalive_count),
    }


def probe_connection(url: str, password: str | None = None) -> str:
    """Connect once and return the server's version string (raises DatabaseError on failure)."""
    from sqlalchemy import text

    engine = build_engine(url, password=password)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                return "SQLite " + conn.execute(text("select sqlite_version()")).scalar_one()
            return conn.execute(text("select version()")).scalar_one().split(",")[0]
    except Exception as exc:
        raise DatabaseError(detail=str(exc).splitlines()[0]) from exc
    finally:
        engine.dispose()
