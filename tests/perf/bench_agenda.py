"""Benchmark: the relationship calendar's agenda for all 5,000 franchisees (about 20,000 contacts) over a year.

    python tests/perf/bench_agenda.py                    # a fresh SQLite file in a temp dir
    python tests/perf/bench_agenda.py --db pg-temp       # a throw-away local PostgreSQL
    python tests/perf/bench_agenda.py --db both          # one after the other
    python tests/perf/bench_agenda.py --db postgresql+psycopg://user:pw@host/emptydb

Seeded with the demo generator (tests/perf/seed.py). Timed, as the administrator (everyone's franchisees),
every kind of event, from today through the next 364 days:
- "service": ``CalendarService.events`` (the queries, the lunar and Gregorian dates, the sort), the work the
  agenda's background task does; RUNS runs after one cold run (the first pays for the lunar month table),
  the median kept. Target: < 300 ms.
- "agenda page": from ``AgendaView.reload()`` (the real threaded task runner, in Chinese) until the model
  holds the events (its ``loaded`` signal): the service plus the model's texts. Reported with its median too.
Exit status 0 when the targets are met.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

TARGET_MS = 300
RUNS = 7


def median_ms(action, runs: int = RUNS) -> tuple[float, float, list[float], float]:
    """(cold ms, median ms of ``runs`` warm runs, the warm runs, median CPU ms of this process).

    The CPU time is what the run cost this process, whatever else the machine was doing (on a busy shared
    machine the wall time waits for a core); with PostgreSQL the server's work is not in it."""
    started = time.perf_counter()
    action()
    cold = (time.perf_counter() - started) * 1000
    times, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return cold, statistics.median(times), times, statistics.median(cpu)


def page_ms(app, ctx, start: date) -> tuple[float, float, int]:
    from PySide6.QtCore import QEventLoop, QTimer

    from hqdesk.ui.views.agenda import AgendaView

    view = AgendaView(ctx, today=lambda: start)
    view.resize(1200, 800)
    view.show()
    loop = QEventLoop()
    view.loaded.connect(lambda _n: loop.quit())
    QTimer.singleShot(60000, loop.quit)
    view.preset.setCurrentIndex(view.preset.findData("year"))  # reloads: today + 364 days
    loop.exec()
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        view.reload()
        loop.exec()
        times.append((time.perf_counter() - started) * 1000)
    count = view.model.rowCount()
    view.close()
    view.deleteLater()
    return statistics.median(times), max(times), count


def run(app, url: str, size: int) -> bool:
    from hqdesk.services.bootstrap import open_services, safe_url
    from hqdesk.ui.context import ChangeBus, UiContext
    from hqdesk.ui.settings import open_settings
    from hqdesk.ui.tasks import TaskRunner
    from tests.perf.seed import seed

    print(
        f"=== {size} franchisees: {safe_url(url)}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    started = time.perf_counter()
    counts = seed(url, franchisees=size)
    print(f"seeded in {time.perf_counter() - started:.1f} s: {counts}")
    services = open_services(url)
    try:
        if services.db.dialect == "postgresql":
            from sqlalchemy import text

            with services.db.engine.begin() as conn:  # what autovacuum does soon after a bulk load
                conn.execute(text("ANALYZE"))
        actor = services.users.actor("admin")
        start = date.today()
        end = start + timedelta(days=364)
        events = services.calendar.events(actor, start, end)
        by_kind: dict[str, int] = {}
        for e in events:
            by_kind[e.kind.value] = by_kind.get(e.kind.value, 0) + 1
        print(f"{len(events)} events from {start} to {end}: {by_kind}")
        cold, median, times, cpu = median_ms(lambda: services.calendar.events(actor, start, end))
        ok = median < TARGET_MS
        print(
            f"service: median {median:.0f} ms (runs {', '.join(f'{t:.0f}' for t in times)}; first, cold "
            f"{cold:.0f} ms; median CPU of this process {cpu:.0f} ms)  target < {TARGET_MS} ms  "
            f"{'PASS' if ok else 'FAIL'}"
        )
        runner = TaskRunner()
        ctx = UiContext(services, actor, runner, ChangeBus(), open_settings())
        page_median, page_max, rows = page_ms(app, ctx, start)
        runner.wait()
        print(f"agenda page: median {page_median:.0f} ms (slowest {page_max:.0f} ms), {rows} rows")
        return ok
    finally:
        services.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--db", default="", help="'' (temp SQLite), 'pg-temp', 'both', or the URL of an EMPTY database"
    )
    parser.add_argument("--size", type=int, default=5000, help="franchisees (default 5000)")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from hqdesk.ui.i18n import install_translators

    app = QApplication.instance() or QApplication([])
    install_translators(app, "zh_CN")
    tmp = Path(tempfile.mkdtemp(prefix="hqdesk-bench-agenda-"))
    os.environ.setdefault("HQDESK_SETTINGS_DIR", str(tmp / "settings"))
    targets = {"": ["sqlite"], "pg-temp": ["pg"], "both": ["sqlite", "pg"]}.get(args.db, [args.db])
    ok = True
    pg = None
    try:
        for target in targets:
            if target == "sqlite":
                url = "sqlite:///" + (tmp / "agenda.sqlite3").as_posix()
            elif target == "pg":
                from tests.pgserver import PostgresServer

                pg = PostgresServer().start()
                url = pg.create_database("bench_agenda")
            else:
                url = target
            ok &= run(app, url, args.size)
            print()
    finally:
        if pg is not None:
            pg.stop()
    print("ALL PASS" if ok else "SOME FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
