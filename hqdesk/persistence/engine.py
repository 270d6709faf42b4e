"""Build the one engine for a database URL: SQLite (embedded default) or PostgreSQL (shared).

SQLite: foreign keys and a busy timeout on every connection, and ``BEGIN IMMEDIATE`` for write
transactions (a deferred BEGIN loses most writes under contention: 50 of 200 in the field notes). WAL is
switched on by ``use_wal`` once the schema check has accepted the file (WAL is stored in the file, so a
connect hook doing it would change a database the app then refuses, or one ``db current`` only reads).
Files on network shares are refused. PostgreSQL: ``pool_pre_ping`` so a server restart between two
actions is survived; the password comes from the OS keyring, never from settings or logs.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from hqdesk.domain.errors import DatabaseError, NetworkShareRefused
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


def keyring_key(url: URL) -> str:
    return f"{url.username}@{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


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


def _setup_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (pysqlite's own is deferred)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # no journal_mode here: it writes the file's header (see use_wal); synchronous is per connection
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()
        register_sqlite(dbapi_conn)

    @event.listens_for(engine, "begin")
    def on_begin(conn):
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


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
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
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


def build_engine(url: str | URL, *, password: str | None = None, check_network_share: bool = True) -> Engine:
    """The engine for ``url``; raises NetworkShareRefused or DatabaseError with a clear message."""
    try:
        url = make_url(url)
    except Exception as exc:
        raise DatabaseError(detail=str(exc)) from exc
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
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 10, "check_same_thread": False})
        _setup_sqlite(engine)
    elif backend == "postgresql":
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        if url.password is None and url.username:
            secret = password or password_from_keyring(url)
            if secret:
                url = url.set(password=secret)
        engine = create_engine(
            url,
            pool_pre_ping=True,
            pool_size=5,
            max_overflow=5,
            connect_args={"connect_timeout": 10, "application_name": "hqdesk"},
        )
    else:
        raise DatabaseError(detail=f"unsupported database type {backend!r}: use sqlite or postgresql")
    log.info("database: %s", safe_url(url))
    return engine


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
