"""Secrets stay secret: no statement parameters in the log, one keyring entry per server and database, and
files (database, log, settings) readable by their owner only (POSIX permissions: the CI runs on Linux)."""

from __future__ import annotations

import logging
import os
import stat
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from hqdesk.persistence.database import Database
from hqdesk.persistence.engine import build_engine, keyring_key
from hqdesk.persistence.models import User

HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0c2FsdA$SECRETHASHSECRETHASH"


@pytest.fixture
def app_log(tmp_path):
    """Logging to the rotating file exactly as the app sets it up; the root logger restored afterwards."""
    from hqdesk.ui.errors import setup_logging

    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    for handler in saved_handlers:
        if isinstance(handler, RotatingFileHandler):
            root.removeHandler(handler)
    path = Path(setup_logging())
    yield path
    for handler in list(root.handlers):
        if handler not in saved_handlers:
            root.removeHandler(handler)
            handler.close()
    for handler in saved_handlers:
        if handler not in root.handlers:
            root.addHandler(handler)
    root.setLevel(saved_level)


def test_a_failed_write_to_users_leaves_no_password_hash_or_parameter_in_the_log(services, admin, app_log):
    """A unique violation through raw Core on the app's engine, logged as the error dialog logs it."""
    with pytest.raises(IntegrityError) as err, services.db.engine.begin() as conn:
        conn.execute(
            insert(User).values(
                username="admin",  # taken: the statement fails
                display_name="Secret Display Name",
                password_hash=HASH,
                role="viewer",
                email="secret.person@example.cn",
                active=True,
                version=1,
            )
        )
    logging.getLogger("hqdesk.ui.errors").error("unexpected error", exc_info=err.value)
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = app_log.read_text(encoding="utf-8")
    assert "IntegrityError" in logged and "INSERT INTO users" in logged  # the error itself is there
    for secret in ("$argon2", "SECRETHASH", "Secret Display Name", "secret.person@example.cn"):
        assert secret not in logged
        assert secret not in str(err.value)


def test_keyring_key_follows_the_connection_host_port_socket_and_database():
    def key(url: str) -> str:
        return keyring_key(make_url(url))

    assert key("postgresql://hq@db.example.cn:5433/hq") == "hq@db.example.cn:5433/hq"
    assert key("postgresql://hq@db.example.cn/hq") == "hq@db.example.cn:5432/hq"
    # a socket folder or a port given as a query option is where the driver connects: part of the key
    assert key("postgresql://hq@/hq?host=/run/postgresql") == "hq@/run/postgresql:5432/hq"
    assert key("postgresql://hq@/hq?host=/srv/pg2&port=5434") == "hq@/srv/pg2:5434/hq"
    assert key("postgresql://hq@db.example.cn/hq?port=6432") == "hq@db.example.cn:6432/hq"
    assert key("postgresql://hq@/hq?host=/run/a") != key("postgresql://hq@/hq?host=/run/b")
    assert key("postgresql://hq@/hq") == "hq@localhost:5432/hq"
    assert key("postgresql://hq@db.example.cn/hq") != key("postgresql://hq@db.example.cn/hq_test")


def test_keyring_key_is_the_one_build_engine_looks_up(monkeypatch):
    asked = []
    monkeypatch.setattr(
        "hqdesk.persistence.engine.password_from_keyring", lambda url: asked.append(keyring_key(url))
    )
    build_engine("postgresql://hq@/hq?host=/run/pg&port=5439").dispose()
    assert asked == ["hq@/run/pg:5439/hq"]


def test_a_typed_password_wins_over_the_one_in_the_url():
    """The server refused the URL's password; the one typed into the prompt must be the one tried next."""
    engine = build_engine("postgresql://hq:refused@db.example.cn/hq", password="typed-now")
    try:
        assert engine.url.password == "typed-now"
    finally:
        engine.dispose()
    engine = build_engine("postgresql://hq:from-url@db.example.cn/hq")
    try:
        assert engine.url.password == "from-url"  # nothing typed: the URL's stands
    finally:
        engine.dispose()


@pytest.fixture
def open_umask():
    """The usual umask, so that a file readable by all would be created readable by all."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_sqlite_database_its_wal_files_and_its_folder_are_the_owners_only(tmp_path, open_umask):
    path = tmp_path / "new folder" / "hq.sqlite3"
    db = Database.open("sqlite:///" + path.as_posix())
    try:
        with db.write("admin") as s:
            s.execute(insert(User).values(username="u", password_hash="x", role="viewer", version=1))
            s.commit()
        wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
        assert wal.exists() and shm.exists()  # WAL mode, connection open
        assert {p.name: _mode(p) for p in (path, wal, shm)} == {p.name: 0o600 for p in (path, wal, shm)}
        assert _mode(path.parent) == 0o700
    finally:
        db.close()


def test_the_log_file_and_folder_are_the_owners_only(tmp_path, monkeypatch, open_umask):
    monkeypatch.setenv("HQDESK_DATA_DIR", str(tmp_path / "fresh data"))
    from hqdesk.ui.errors import _PrivateRotatingFileHandler

    root = logging.getLogger()
    saved = [h for h in root.handlers if isinstance(h, RotatingFileHandler)]
    for handler in saved:
        root.removeHandler(handler)
    try:
        from hqdesk.resources import user_data_dir
        from hqdesk.ui.errors import setup_logging

        user_data_dir()  # as the app starts: the data folder (SQLite files), then the log folder in it
        path = Path(setup_logging())
        logging.getLogger("hqdesk.test").error("written")
        assert _mode(path) == 0o600 and _mode(path.parent) == 0o700
        assert _mode(tmp_path / "fresh data") == 0o700  # the data folder (SQLite files) too
        handler = next(h for h in root.handlers if isinstance(h, _PrivateRotatingFileHandler))
        handler.doRollover()
        assert _mode(path) == 0o600 and _mode(Path(f"{path}.1")) == 0o600  # after rotation too
    finally:
        for handler in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
            root.removeHandler(handler)
            handler.close()
        for handler in saved:
            root.addHandler(handler)


def test_the_settings_folder_is_the_owners_only(tmp_path, monkeypatch, open_umask):
    from hqdesk.ui.settings import LANGUAGE, open_settings

    folder = tmp_path / "fresh settings"
    monkeypatch.setenv("HQDESK_SETTINGS_DIR", str(folder))
    settings = open_settings()
    LANGUAGE.set(settings, "en")
    settings.sync()
    assert _mode(folder) == 0o700
