"""Start a throw-away PostgreSQL server for the test run: initdb into a temp dir, Unix socket only.

``pg_ctl``/``initdb`` refuse to run as root, so as root they run as the ``postgres`` user. Debian keeps the
binaries under /usr/lib/postgresql/<version>/bin; HQDESK_PG_BIN overrides.

The cluster lives in memory (/dev/shm) where there is one with room: creating a database there takes a
tenth of the time it takes on a busy disk, and removing the cluster at the end a second instead of a minute.
HQDESK_PG_TMP names another parent folder.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path


def _bin_dir() -> Path | None:
    override = os.environ.get("HQDESK_PG_BIN")
    if override:
        return Path(override)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    which = shutil.which("initdb")
    return Path(which).parent if which else None


def _parent_dir() -> str | None:
    override = os.environ.get("HQDESK_PG_TMP")
    if override:
        return override
    shm = Path("/dev/shm")
    try:
        usage = shutil.disk_usage(shm)
    except OSError:
        return None
    return str(shm) if os.access(shm, os.W_OK) and usage.free > 2 * 1024**3 else None


def available() -> bool:
    return _bin_dir() is not None


class PostgresServer:
    """``with PostgresServer() as pg: pg.url("dbname")``; a superuser ``postgres`` over the socket."""

    def __init__(self) -> None:
        self.bin = _bin_dir()
        if self.bin is None:
            raise RuntimeError("PostgreSQL server binaries not found (apt-get install postgresql)")
        self.base = Path(tempfile.mkdtemp(prefix="hqdesk-pg-", dir=_parent_dir()))
        self.data = self.base / "data"
        self.socket_dir = self.base / "sock"
        self.as_root = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        cmd = [str(a) for a in args]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> PostgresServer:
        self.socket_dir.mkdir(parents=True)
        if self.as_root:
            shutil.chown(self.base, "postgres", "postgres")
            shutil.chown(self.socket_dir, "postgres", "postgres")
        self._run(
            self.bin / "initdb",
            "-D",
            self.data,
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        opts = (
            f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
            f"-c full_page_writes=off -c max_connections=100"
        )
        self._run(self.bin / "pg_ctl", "-D", self.data, "-o", opts, "-l", self.base / "log", "-w", "start")
        return self

    def stop(self) -> None:
        try:
            self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.base, ignore_errors=True)

    def restart(self) -> None:
        opts = (
            f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
            f"-c full_page_writes=off -c max_connections=100"
        )
        self._run(
            self.bin / "pg_ctl",
            "-D",
            self.data,
            "-o",
            opts,
            "-l",
            self.base / "log",
            "-m",
            "fast",
            "-w",
            "restart",
        )

    def url(self, dbname: str = "postgres", user: str = "postgres", password: str | None = None) -> str:
        auth = user + (f":{password}" if password else "")
        return f"postgresql+psycopg://{auth}@/{dbname}?host={self.socket_dir}"

    def create_database(self, name: str, template: str | None = None) -> str:
        """A new database ``name`` (replacing one of that name): empty, or a copy of ``template``."""
        import psycopg

        with psycopg.connect(
            host=str(self.socket_dir), user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop ``name``, ending any connection still open to it (a test's leftover engine)."""
        import psycopg

        with psycopg.connect(
            host=str(self.socket_dir), user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def wait_ready(url: str, timeout: float = 10) -> None:
    import psycopg

    deadline = time.monotonic() + timeout
    while True:
        try:
            psycopg.connect(url.replace("+psycopg", "")).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
