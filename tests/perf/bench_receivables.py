"""Receivables benchmark: aging for everyone, KPIs for everyone, one franchisee's aging, against the same SQL
run bare.

    python tests/perf/bench_receivables.py                      # SQLite (cached seeded file) and PostgreSQL
    python tests/perf/bench_receivables.py --db sqlite          # one of them
    python tests/perf/bench_receivables.py --db 'postgresql+psycopg://user@host/emptydb'
    python tests/perf/bench_receivables.py --franchisees 500 --invoices 200000 --payments 100000   # smaller

Seeds with ``tests/perf/seed_ledger.py`` (5,000 franchisees, 2,000,000 invoices, 1,000,000 payments). The
seeded SQLite file is kept in the temp folder (``hqdesk-bench-ledger-*.sqlite3``, named after the sizes and
the schema) and reused by the next run; PostgreSQL runs on a throw-away server (``tests/pgserver.py``) seeded
with COPY each time.

Timed (median of ``--runs``, after one warm-up run):
- aging for everyone as of 30 November 2026 (``ReceivablesService.aging``: one SQL statement, DTOs);
- KPIs for everyone, 1 January to 30 November 2026 (``ReceivablesService.kpis``: four statements);
- one franchisee's aging (a different franchisee each run, 20 runs);
and beside each the same SQL statements compiled with their values inline and run on the raw DBAPI cursor
(fetching every row). Targets: aging for everyone < 2,000 ms, one franchisee's aging < 20 ms.
Exit code 0 when every target is met.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

AS_OF = date(2026, 11, 30)
KPI_FROM = date(2026, 1, 1)
TARGETS = {"aging, everyone": 2000.0, "aging, one franchisee": 20.0}


def _median_ms(fn, runs: int) -> float:
    fn()  # warm-up: caches, query plans
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _bare(engine, statements):
    """Run ``statements`` (SQLAlchemy selects) as plain SQL text with inline values on a raw DBAPI cursor."""
    texts = [str(s.compile(engine, compile_kwargs={"literal_binds": True})) for s in statements]
    raw = engine.raw_connection()

    def run():
        cur = raw.cursor()
        for text in texts:
            cur.execute(text)
            cur.fetchall()
        cur.close()

    return run, raw


def bench(url: str, runs: int) -> dict[str, tuple[float, float]]:
    from hqdesk.domain.credit import DEFAULT_AGING_BOUNDS
    from hqdesk.domain.roles import SYSTEM_ACTOR
    from hqdesk.persistence.database import Database
    from hqdesk.services.receivables import ReceivablesService, aging_statement, kpi_statements

    db = Database.open(url)
    try:
        svc = ReceivablesService(db)
        bounds = DEFAULT_AGING_BOUNDS
        with db.read() as s:
            from sqlalchemy import text

            fids = [r[0] for r in s.execute(text("select id from franchisees order by id"))]
        out: dict[str, tuple[float, float]] = {}

        report = svc.aging(SYSTEM_ACTOR, AS_OF, bounds)
        print(
            f"  aging as of {AS_OF}: {len(report.rows)} franchisees with money open, total {report.totals.total}"
        )
        app = _median_ms(lambda: svc.aging(SYSTEM_ACTOR, AS_OF, bounds), runs)
        run, raw = _bare(db.engine, [aging_statement(AS_OF, bounds)])
        out["aging, everyone"] = (app, _median_ms(run, runs))
        raw.close()

        kpis = svc.kpis(SYSTEM_ACTOR, KPI_FROM, AS_OF)
        print(f"  KPIs {KPI_FROM}..{AS_OF}: {kpis.json()}")
        app = _median_ms(lambda: svc.kpis(SYSTEM_ACTOR, KPI_FROM, AS_OF), runs)
        run, raw = _bare(
            db.engine, kpi_statements(KPI_FROM, AS_OF, countback_read=kpis.countback_months_read)
        )
        out["KPIs, everyone"] = (app, _median_ms(run, runs))
        raw.close()

        rng = random.Random(11)
        picks = [rng.choice(fids) for _ in range(20)]
        it = iter(picks * 2)
        app = _median_ms(lambda: svc.aging(SYSTEM_ACTOR, AS_OF, bounds, next(it)), 20)
        bare_runs = []
        for fid in picks[:20]:
            run, raw = _bare(db.engine, [aging_statement(AS_OF, bounds, fid)])
            run()
            started = time.perf_counter()
            run()
            bare_runs.append((time.perf_counter() - started) * 1000)
            raw.close()
        out["aging, one franchisee"] = (app, statistics.median(bare_runs))
        return out
    finally:
        db.close()


def _sqlite_url(args) -> str:
    from hqdesk.persistence.migrate import SCHEMA_HEAD

    name = f"hqdesk-bench-ledger-{args.franchisees}-{args.invoices}-{args.payments}-{SCHEMA_HEAD}.sqlite3"
    path = Path(tempfile.gettempdir()) / name
    url = "sqlite:///" + path.as_posix()
    if path.exists():
        print(f"SQLite: reusing {path}")
        return url
    partial = path.with_suffix(".partial")
    for leftover in (partial, Path(str(partial) + "-wal"), Path(str(partial) + "-shm")):
        leftover.unlink(missing_ok=True)
    _seed("sqlite:///" + partial.as_posix(), args)
    partial.rename(path)
    return url


def _seed(url: str, args) -> None:
    from tests.perf.seed_ledger import seed_ledger

    started = time.perf_counter()
    counts = seed_ledger(
        url,
        args.franchisees,
        args.invoices,
        args.payments,
        progress=lambda done, total: print(f"\r  seeding {done}/{total} franchisees", end="", flush=True),
    )
    print(f"\r  seeded {counts} in {time.perf_counter() - started:.0f} s")


def _report(name: str, figures: dict[str, tuple[float, float]]) -> bool:
    ok = True
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{name}: median ms (app / bare SQL, ratio); load average {load}")
    for what, (app, bare) in figures.items():
        target = TARGETS.get(what)
        verdict = ""
        if target is not None:
            passed = app < target
            ok &= passed
            verdict = f"  target < {target:.0f} ms: {'PASS' if passed else 'FAIL'}"
        print(f"  {what:24} {app:9.1f} / {bare:9.1f}  ({app / bare if bare else float('nan'):.2f}x){verdict}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default="sqlite,postgresql", help="sqlite, postgresql, both, or a URL")
    parser.add_argument("--franchisees", type=int, default=5000)
    parser.add_argument("--invoices", type=int, default=2_000_000)
    parser.add_argument("--payments", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seeded", action="store_true", help="with a URL: the database is already seeded")
    args = parser.parse_args(argv)
    os.environ.setdefault("HQDESK_DB_STATEMENT_TIMEOUT", "600")
    ok = True
    targets = args.db.split(",") if "://" not in args.db else [args.db]
    for target in targets:
        if target == "sqlite":
            ok &= _report("SQLite", bench(_sqlite_url(args), args.runs))
        elif target == "postgresql":
            from tests.pgserver import PostgresServer

            server = PostgresServer().start()
            try:
                url = server.create_database("bench_ledger")
                print("PostgreSQL: seeding a throw-away server")
                _seed(url, args)
                ok &= _report("PostgreSQL", bench(url, args.runs))
            finally:
                server.stop()
        else:
            if not args.seeded:
                print(f"{target}: seeding")
                _seed(target, args)
            ok &= _report(target.split(":")[0], bench(target, args.runs))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
