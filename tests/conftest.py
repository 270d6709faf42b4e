"""Shared fixtures.

Every database test runs on SQLite and on a real PostgreSQL that this test run starts itself
(tests/pgserver.py: initdb in a temp dir, Unix socket only). HQDESK_TEST_DB=sqlite or =postgresql limits
the run to one of them; on a machine without PostgreSQL binaries the PostgreSQL cases fail loudly
(set HQDESK_TEST_DB=sqlite to skip them knowingly).

Migrated databases come from one template per run: the migrations run once per backend (a SQLite file,
a PostgreSQL ``TEMPLATE`` database) and each test gets a copy, so the suite does not slow down with every
migration added. ``db_url`` alone is an empty database (for the tests of migrations and ``db upgrade``);
``migrated_db_url`` (and so ``services``) is the same database already at the schema's head.
"""

from __future__ import annotations

import itertools
import os
import shutil
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hqdesk.domain.roles import Role  # noqa: E402
from tests.pgserver import PostgresServer  # noqa: E402

_counter = itertools.count()


def _backends() -> list[str]:
    wanted = os.environ.get("HQDESK_TEST_DB", "sqlite,postgresql")
    return [b for b in ("sqlite", "postgresql") if b in wanted.split(",")]


def pytest_collection_modifyitems(config, items):
    """Tests pinned to one database (``parametrize("db_url", ["postgresql"], indirect=True)``) leave the run
    when HQDESK_TEST_DB excludes that database: deselected, not skipped."""
    wanted = set(_backends())
    keep, drop = [], []
    for item in items:
        spec = getattr(item, "callspec", None)
        backend = spec.params.get("db_url") if spec else None
        (drop if backend is not None and backend not in wanted else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


@pytest.fixture(scope="session")
def pg_server():
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session", autouse=True)
def _collect_garbage_on_the_main_thread():
    """As in the app (``hqdesk.ui.startup.GuiThreadCollector``): no automatic cyclic collection, which could run
    in a task runner's worker and free a Qt object there; each test's end collects on the main thread instead."""
    import gc

    was = gc.isenabled()
    gc.disable()
    yield
    if was:
        gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test():
    yield
    from hqdesk.ui.startup import collect_by_generation

    collect_by_generation()


@pytest.fixture(autouse=True)
def _fresh_dirs(tmp_path, monkeypatch):
    """Each test: its own data dir (SQLite files, logs) and its own Qt settings."""
    data = tmp_path / "data"
    monkeypatch.setenv("HQDESK_DATA_DIR", str(data))
    monkeypatch.delenv("HQDESK_DB", raising=False)
    monkeypatch.setenv("HQDESK_SETTINGS_DIR", str(tmp_path / "settings"))
    yield


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch):
    """Production argon2 costs ~270 ms a hash here; tests create many users. Same algorithm, low cost."""
    from argon2 import PasswordHasher

    import hqdesk.services.users as users_module

    monkeypatch.setattr(users_module, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A SQLite file migrated to the head once per run; tests get copies (``migrated_sqlite``)."""
    from hqdesk.persistence.database import Database

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    Database.open("sqlite:///" + path.as_posix()).close()  # closing checkpoints the WAL into the file
    return path


@pytest.fixture(scope="session")
def pg_template(pg_server) -> str:
    """A PostgreSQL database migrated to the head once per run; ``CREATE DATABASE ... TEMPLATE`` copies it."""
    from hqdesk.persistence.database import Database

    name = f"hqdesk_template_{os.getpid()}"
    Database.open(pg_server.create_database(name)).close()  # no session may stay connected to a template
    return name


@pytest.fixture
def migrated_sqlite(sqlite_template):
    """``migrated_sqlite(path) -> url``: a copy of the migrated template at ``path``."""

    def make(path: Path) -> str:
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sqlite_template, path)
        return "sqlite:///" + path.as_posix()

    return make


@pytest.fixture(params=_backends())
def db_url(request, tmp_path):
    """A database URL on each backend: empty, unless the test also uses ``migrated_db_url`` (or ``services``),
    then the same database copied from the migrated template."""
    migrated = "migrated_db_url" in request.fixturenames
    if request.param == "sqlite":
        path = tmp_path / f"test{next(_counter)}.sqlite3"
        yield request.getfixturevalue("migrated_sqlite")(path) if migrated else "sqlite:///" + path.as_posix()
        return
    server = request.getfixturevalue("pg_server")
    template = request.getfixturevalue("pg_template") if migrated else None
    name = f"t{os.getpid()}_{next(_counter)}"
    yield server.create_database(name, template=template)
    server.drop_database(name)  # the cluster's size (and its removal at the end) stays small


@pytest.fixture
def migrated_db_url(db_url):
    """``db_url``, already at the schema's head (``db_url`` sees this fixture and copies the template)."""
    return db_url


@pytest.fixture
def services(migrated_db_url):
    from hqdesk.services.bootstrap import open_services

    sv = open_services(migrated_db_url)
    yield sv
    sv.close()


@pytest.fixture
def admin(services):
    return services.users.create_first_admin("admin", "管理员", "admin-pass-1")


@pytest.fixture
def users(services, admin):
    """An admin plus one user of every other role (and a second account manager)."""
    out = {"admin": admin}
    for name, role in (
        ("cm", Role.CREDIT_MANAGER),
        ("am", Role.ACCOUNT_MANAGER),
        ("am2", Role.ACCOUNT_MANAGER),
        ("viewer", Role.VIEWER),
    ):
        dto = services.users.create_user(admin, name, name.upper(), role, "password-1")
        out[name] = services.users.actor(dto.username)
    return out
