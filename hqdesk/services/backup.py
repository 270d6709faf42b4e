"""Backups of the embedded SQLite database: on demand, daily, and restore.

- ``backup(url, target)`` copies the live database with SQLite's online backup API (``sqlite3.Connection.backup``)
  from a read-only connection: safe while hqdesk is open and writing (in WAL mode a reader sees the last committed
  state; a write during the copy does not tear it). The copy goes to a temporary file beside ``target``, is checked
  (``PRAGMA quick_check``) and renamed over ``target``: never a half-written backup. Backups hold the users'
  password hashes, so the file is created readable by its owner only (POSIX; on Windows the user profile's rights).
- ``restore(url, source)`` first checks that ``source`` is an hqdesk database (a SQLite file that passes
  ``quick_check``, with hqdesk's tables and a schema revision this hqdesk knows), then keeps a copy of the current
  database in the backup folder (``before-restore-<time>.sqlite3``), then copies ``source`` into the live database
  with the same backup API, in one locked step: another hqdesk that has the file open sees the restored data at its
  next read; its unsaved edits then meet the version check (a conflict, never a silent overwrite). A restored
  database older than this hqdesk is upgraded when it is next opened.
- ``daily_backup(url, folder, keep_days, today)``: one ``hqdesk-YYYY-MM-DD.sqlite3`` per day in ``folder``,
  files of that pattern older than ``keep_days`` days removed. The app runs it in the background after start-up.
- PostgreSQL: refused with the pg_dump command to use (the app never copies a server's files).
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from hqdesk.domain.errors import HqdeskError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP

DAILY = re.compile(r"^hqdesk-(\d{4}-\d{2}-\d{2})\.sqlite3$")
DEFAULT_KEEP_DAYS = 14
REQUIRED_TABLES = frozenset({"alembic_version", "users", "franchisees", "contacts", "stores", "tiers"})


class BackupRefused(HqdeskError):
    """A backup or restore that will not be done; nothing was written."""

    exit_code = 2


@dataclass(frozen=True)
class BackupResult:
    path: Path
    bytes: int
    revision: str


def sqlite_file(url: str) -> Path | None:
    """The SQLite file of ``url``; None for PostgreSQL. (Plain parsing: no SQLAlchemy needed.)"""
    if not url.startswith("sqlite:"):
        return None
    path = url.split(":///", 1)[1] if ":///" in url else ""
    path = path.split("?", 1)[0]
    return Path(path) if path and path != ":memory:" else None


def _refuse_server(url: str) -> None:
    raise BackupRefused(
        QT_TRANSLATE_NOOP(
            "Errors",
            "This database is on a PostgreSQL server: back it up on the server with "
            "pg_dump --format=custom --file=hqdesk.dump DBNAME, and restore with pg_restore "
            "--clean --if-exists --dbname=DBNAME hqdesk.dump (see the README). hqdesk never copies a "
            "server's files.",
        )
    )


def _live(url: str) -> Path:
    path = sqlite_file(url)
    if path is None:
        _refuse_server(url)
    if not path.exists():
        raise BackupRefused(
            QT_TRANSLATE_NOOP("Errors", "There is no database file at {path}."), path=str(path)
        )
    return path


def _private_temp(target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".~" + target.name + ".", suffix=".part", dir=target.parent)
    os.close(fd)
    if os.name == "posix":
        os.chmod(name, 0o600)
    return Path(name)


def _copy(source: sqlite3.Connection, target: Path) -> BackupResult:
    tmp = _private_temp(target)
    try:
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
            revision = _check(dest, tmp)
        finally:
            dest.close()
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return BackupResult(target, target.stat().st_size, revision)


def _check(conn: sqlite3.Connection, name: Path | str) -> str:
    """The schema revision of an hqdesk database; BackupRefused if ``conn`` is not one."""
    try:
        ok = conn.execute("PRAGMA quick_check").fetchone()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise BackupRefused(
            QT_TRANSLATE_NOOP("Errors", "{file} is not a SQLite database ({detail})."),
            file=str(name),
            detail=str(exc),
        ) from None
    if not ok or ok[0] != "ok":
        raise BackupRefused(
            QT_TRANSLATE_NOOP("Errors", "{file} is damaged: {detail}."),
            file=str(name),
            detail=ok[0] if ok else "no answer",
        )
    missing = REQUIRED_TABLES - tables
    if missing:
        raise BackupRefused(
            QT_TRANSLATE_NOOP("Errors", "{file} is not an hqdesk database: it has no {tables} table."),
            file=str(name),
            tables=", ".join(sorted(missing)),
        )
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if row is None:
        raise BackupRefused(QT_TRANSLATE_NOOP("Errors", "{file} has no schema revision."), file=str(name))
    return str(row[0])


def backup(url: str, target: Path) -> BackupResult:
    """Copy the live database to ``target`` (replacing it), safe while the app is open."""
    live = _live(url)
    if target.resolve() == live.resolve():
        raise BackupRefused(QT_TRANSLATE_NOOP("Errors", "The backup cannot be the database file itself."))
    source = sqlite3.connect(f"{live.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        return _copy(source, target)
    finally:
        source.close()


def restore(url: str, source_path: Path, keep_folder: Path, known_revisions: set[str]) -> BackupResult:
    """Replace the live database's content with ``source_path``'s (checked first); a copy of the current
    database is kept in ``keep_folder`` first. Returns the safety copy."""
    live = _live(url)
    if not source_path.is_file():
        raise BackupRefused(QT_TRANSLATE_NOOP("Errors", "There is no file at {file}."), file=str(source_path))
    if source_path.resolve() == live.resolve():
        raise BackupRefused(QT_TRANSLATE_NOOP("Errors", "The file to restore is the database itself."))
    with open(source_path, "rb") as f:
        if f.read(16) != b"SQLite format 3\x00":
            raise BackupRefused(
                QT_TRANSLATE_NOOP("Errors", "{file} is not a SQLite database (not an hqdesk backup)."),
                file=str(source_path),
            )
    source = sqlite3.connect(f"{source_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        revision = _check(source, source_path)
        if revision not in known_revisions:
            raise BackupRefused(
                QT_TRANSLATE_NOOP(
                    "Errors", "{file} was written by a newer hqdesk (schema {revision}); update hqdesk first."
                ),
                file=str(source_path),
                revision=revision,
            )
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        safety = backup(url, keep_folder / f"before-restore-{stamp}.sqlite3")
        dest = sqlite3.connect(live, timeout=30)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return safety


def daily_backup(url: str, folder: Path, keep_days: int = DEFAULT_KEEP_DAYS, today: date | None = None):
    """Today's backup in ``folder`` unless there is one; old daily backups removed. (The new file or None, the
    removed files.) Nothing for PostgreSQL or a missing file."""
    path = sqlite_file(url)
    if path is None or not path.exists():
        return None, []
    today = today or date.today()
    target = folder / f"hqdesk-{today.isoformat()}.sqlite3"
    made = None
    if not target.exists():
        made = backup(url, target).path
    removed = []
    limit = today - timedelta(days=max(1, keep_days) - 1)
    for entry in folder.iterdir():
        match = DAILY.match(entry.name)
        if match and date.fromisoformat(match.group(1)) < limit:
            entry.unlink(missing_ok=True)
            removed.append(entry)
    return made, sorted(removed)


__all__ = [
    "backup",
    "restore",
    "daily_backup",
    "sqlite_file",
    "BackupRefused",
    "BackupResult",
    "DEFAULT_KEEP_DAYS",
]
