"""Benchmark: which visits are due, over a year, for 5,000 franchisees (``VisitService.due_visits``, the
calendar's visit_due source), and the visit list's first page.

    python tests/perf/bench_visits.py                      # a fresh SQLite file in a temp dir
    python tests/perf/bench_visits.py --db pg-temp         # a throw-away local PostgreSQL
    python tests/perf/bench_visits.py --db postgresql+psycopg://user:pw@host/emptydb

Seeded with the demo generator (tests/perf/seed.py): 5,000 franchisees and their visit history (about
30,000 visits). Timed (median of 15 runs, after one warm-up):
- due_visits for everyone over the next 365 days (overdue included): target < 300 ms;
- due_visits for one account manager over the same year: target < 300 ms;
- the visit list's first page (200 rows, newest first, with the total): target < 300 ms;
- the same with the "overdue franchisees only" filter: target < 300 ms.
Exit status 0 when every target is met, 1 otherwise.
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
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

TARGET_MS = 300
RUNS = 15


def median_ms(fn, runs: int = RUNS) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def run(url: str, size: int) -> bool:
    from sqlalchemy import text

    from hqdesk.services.bootstrap import open_services, safe_url
    from hqdesk.services.visits import VisitFilter
    from tests.perf.seed import seed

    started = time.perf_counter()
    counts = seed(url, size)
    print(
        f"{safe_url(url)}: seeded {counts['franchisees']} franchisees, {counts['visits']} visits, "
        f"{counts['visit_suggestions']} suggestions in {time.perf_counter() - started:.1f} s"
    )
    sv = open_services(url)
    try:
        if sv.dialect == "postgresql":
            with sv.db.engine.begin() as conn:
                conn.execute(text("ANALYZE"))
        admin = sv.users.sign_in("admin", "demo-admin")
        manager = next(u for u in sv.users.account_managers())
        today = date.today()
        end = today + timedelta(days=365)
        year = sv.visits.due_visits(admin, today, end)
        checks = [
            (
                f"due_visits, everyone, one year ({len(year)} franchisees, "
                f"{sum(d.overdue for d in year)} overdue)",
                lambda: sv.visits.due_visits(admin, today, end),
            ),
            (
                "due_visits, one account manager, one year",
                lambda: sv.visits.due_visits(admin, today, end, manager.id),
            ),
            ("visit list, first page of 200", lambda: sv.visits.page(admin, VisitFilter(), None, 200)),
            (
                "visit list, overdue franchisees only",
                lambda: sv.visits.page(admin, VisitFilter(overdue=True), None, 200),
            ),
        ]
        ok = True
        for label, fn in checks:
            ms = median_ms(fn)
            passed = ms < TARGET_MS
            ok &= passed
            print(f"  {label}: median {ms:.1f} ms (target < {TARGET_MS} ms) {'PASS' if passed else 'FAIL'}")
        return ok
    finally:
        sv.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--db", default="", help="URL of an EMPTY database; 'pg-temp': a throw-away PostgreSQL"
    )
    parser.add_argument("--size", type=int, default=5000, help="franchisees (default 5,000)")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="hqdesk-bench-visits-"))
    os.environ.setdefault("HQDESK_DATA_DIR", str(tmp / "data"))
    os.environ.setdefault("HQDESK_SETTINGS_DIR", str(tmp / "settings"))
    pg = None
    if args.db == "pg-temp":
        from tests.pgserver import PostgresServer

        pg = PostgresServer().start()
    try:
        if pg is not None:
            url = pg.create_database("benchvisits")
        elif args.db:
            url = args.db
        else:
            url = "sqlite:///" + (tmp / "bench_visits.sqlite3").as_posix()
        ok = run(url, args.size)
    finally:
        if pg is not None:
            pg.stop()
    print("ALL PASS" if ok else "SOME FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
