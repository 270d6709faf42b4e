"""The real program, as a user starts it: `hqdesk --demo` opens a usable main window and exits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _launch(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(
        os.environ,
        HQDESK_DATA_DIR=str(data_dir),
        HQDESK_EXIT_WHEN_READY="1",
        QT_QPA_PLATFORM="offscreen",
        HQDESK_SETTINGS_DIR=str(data_dir / "settings"),
    )
    return subprocess.run(
        [sys.executable, "-m", "hqdesk", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_demo_launch_creates_demo_database_and_becomes_ready(tmp_path):
    first = _launch(tmp_path, "--demo")
    assert first.returncode == 0, first.stderr
    assert "HQDESK_READY" in first.stdout
    assert (tmp_path / "hqdesk-demo.sqlite3").exists()
    assert not (tmp_path / "hqdesk.sqlite3").exists()  # the user's own database is left alone
    # second launch reuses the demo database, in Chinese, and exits with code 0 (no crash at exit)
    second = _launch(tmp_path, "--demo", "--lang", "zh_CN")
    assert second.returncode == 0, second.stderr
    assert "HQDESK_READY" in second.stdout
    log = (tmp_path / "logs" / "hqdesk.log").read_text(encoding="utf-8")
    assert "signed in as admin" in log
    assert "Traceback" not in log


def test_database_newer_than_the_app_is_refused_from_the_command_line(tmp_path):
    """The GUI refuses it too (same check in Database.open); here the CLI path proves nothing was written."""
    import sqlite3

    db = tmp_path / "future.sqlite3"
    con = sqlite3.connect(db)
    con.execute("create table alembic_version (version_num varchar(32) primary key)")
    con.execute("insert into alembic_version values ('9999')")
    con.commit()
    con.close()
    from hqdesk.domain.errors import DatabaseTooNew
    from hqdesk.services.bootstrap import open_services

    try:
        open_services("sqlite:///" + db.as_posix())
    except DatabaseTooNew as exc:
        assert "newer version of hqdesk" in str(exc)
    else:
        raise AssertionError("a newer database was opened")
    con = sqlite3.connect(db)
    tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
    con.close()
    assert tables == {"alembic_version"}


# Modules that no part of the first screen needs: each costs tens of milliseconds at start-up (SQLAlchemy, the models
# and the services: about 60 % of a launch; they open right after the first paint, hqdesk.services.startup). Pages, dialogs
# and commands that need them import them when first used (charts, letters, reports, imports, upgrades,
# signing in with a password, PostgreSQL).
HEAVY_AT_START = (
    "sqlalchemy",  # the first page is read through the DB-API (hqdesk.persistence.first_page)
    "pyqtgraph",
    "reportlab",
    "openpyxl",
    "jinja2",
    "alembic",
    "pypinyin",
    "argon2",
    "keyring",
    "psycopg",
)

# hqdesk's own modules that the first page does not need: the profile editor beside the list and its tabs (built in
# the first idle moment after the first rows), and every other page (built when first shown: PAGES in
# hqdesk.ui.main_window). A page or tab imported at module level by the list, the window or start-up fails here.
LAZY_AT_START = (
    "hqdesk.persistence.models",
    "hqdesk.persistence.database",
    "hqdesk.services.bootstrap",
    "hqdesk.services.franchisees",
    "hqdesk.ui.views.profile",
    "hqdesk.ui.views.complaints",
    "hqdesk.ui.views.complaints_tab",
    "hqdesk.ui.views.visits",
    "hqdesk.ui.views.visits_tab",
    "hqdesk.ui.views.home",
    "hqdesk.ui.views.agenda",
    "hqdesk.ui.views.aging",
    "hqdesk.ui.views.dunning",
    "hqdesk.ui.views.credit_policy",
    "hqdesk.ui.views.simulator",
    "hqdesk.ui.views.users",
    "hqdesk.ui.dialogs.settings",
    "hqdesk.ui.views.reports",
    "hqdesk.ui.views.import_wizard",
    "hqdesk.ui.views.import_wizard_pages",
)

_MODULES_WHEN_READY = """
import sys
import hqdesk.ui.startup as startup

report_ready = startup.AppController._report_ready


def report(self, count):
    print("MODULES " + " ".join(sorted(sys.modules)), flush=True)
    report_ready(self, count)


startup.AppController._report_ready = report
from hqdesk.app import main

sys.exit(main(sys.argv[1:]))
"""


def test_no_heavy_module_is_imported_before_the_window_is_usable(tmp_path):
    """`hqdesk --demo` until the franchisee list shows its first rows: none of the heavy libraries is loaded.

    A new page or service that imports one of them at module level (instead of when first shown or used)
    slows every launch down, and fails here."""
    env = dict(
        os.environ,
        HQDESK_DATA_DIR=str(tmp_path),
        HQDESK_EXIT_WHEN_READY="1",
        QT_QPA_PLATFORM="offscreen",
        HQDESK_SETTINGS_DIR=str(tmp_path / "settings"),
    )
    command = [sys.executable, "-c", _MODULES_WHEN_READY, "--demo"]
    first = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr  # creates the demo database: its generator may use anything
    second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    lines = [line for line in second.stdout.splitlines() if line.startswith("MODULES ")]
    assert lines, second.stdout
    loaded = set(lines[0].split()[1:])
    assert "hqdesk.ui.views.franchisees" in loaded  # the report came from the real first screen
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY_AT_START)
    assert not heavy, f"imported before the window was usable: {heavy}"
    lazy = sorted(m for m in loaded if any(m == p or m.startswith(p + ".") for p in LAZY_AT_START))
    assert not lazy, f"imported before the window was usable: {lazy}"


_GC_STATE = """
import gc
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import hqdesk.ui.startup as startup

first_list = startup.AppController._first_list


def report_after(self, count):
    print(f"GC_AT_READY enabled={gc.isenabled()}", flush=True)
    first_list(self, count)  # schedules the collector's return, after the first paint

    def after():
        on_gui_thread = startup._collector is not None and startup._collector.timer.isActive()
        print(f"GC_AFTER enabled={gc.isenabled()} gui={on_gui_thread} frozen={gc.get_freeze_count()}", flush=True)
        QApplication.quit()

    QTimer.singleShot(0, after)


startup.AppController._first_list = report_after
from hqdesk.app import main

sys.exit(main(sys.argv[1:]))
"""


def test_the_garbage_collector_pauses_during_start_up_and_is_back_once_the_list_shows(tmp_path):
    """Start-up's objects are not walked by the cyclic collector while they are created (about a sixth of the
    launch); once the first rows are painted it collects again, on the GUI thread only (a worker must never free
    a Qt object), with those objects set aside (frozen)."""
    env = dict(
        os.environ,
        HQDESK_DATA_DIR=str(tmp_path),
        QT_QPA_PLATFORM="offscreen",
        HQDESK_SETTINGS_DIR=str(tmp_path / "settings"),
    )
    env.pop("HQDESK_EXIT_WHEN_READY", None)
    command = [sys.executable, "-c", _GC_STATE, "--demo"]
    first = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    assert "GC_AFTER enabled=False gui=True" in first.stdout  # also after generating the demo data
    second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    assert "GC_AT_READY enabled=False" in second.stdout, second.stdout
    after = [line for line in second.stdout.splitlines() if line.startswith("GC_AFTER")]
    assert after and "enabled=False gui=True" in after[0], second.stdout
    assert int(after[0].rsplit("frozen=", 1)[1]) > 10_000  # start-up's objects, set aside


def test_the_gui_thread_collector_applies_pythons_thresholds():
    import gc

    from hqdesk.ui.startup import collect_by_generation

    gc.collect()
    assert collect_by_generation() == 0  # nothing past the threshold: no collection
    for _ in range(gc.get_threshold()[0] + 10):
        cycle: list = []
        cycle.append(cycle)
    assert collect_by_generation() > 0  # the cycles, collected here on this (the main) thread
