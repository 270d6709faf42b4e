"""Analytics benchmark: the start screen's figures and every series with all franchisees, with one, and after
a filter change, each beside the same SQL run bare.

    python tests/perf/bench_analytics.py                      # SQLite (cached seeded file) and PostgreSQL
    python tests/perf/bench_analytics.py --db sqlite          # one of them
    python tests/perf/bench_analytics.py --db 'postgresql+psycopg://user@host/emptydb'
    python tests/perf/bench_analytics.py --franchisees 500 --invoices 200000 --payments 100000   # smaller

Seeds with ``tests/perf/seed_ledger.py`` (5,000 franchisees in 7 regions, 2,000,000 invoices, 1,000,000
payments over five years; the summaries ``ledger_months`` and ``receivable_moves`` filled at the end), the same
cached SQLite file as ``bench_receivables.py`` (named after the sizes and the schema).

Timed (median of ``--runs`` after one warm-up run; "one" = a different franchisee each run, 20 runs):
- the start screen's key figures (``AnalyticsService.dashboard_figures``) as of 30 November 2026;
- monthly sales with last year (24 months), by region (12 months), top franchisees (Pareto, 12 months);
- receivables at the last 24 month ends (aging buckets, overdue, DSO), the loss rate (rolling, 24 months),
  credit-limit use, franchisee health (everyone), ABC/RFM segments (12 months);
- the same with one franchisee, and the monthly sales and receivables after a filter change (one region);
- ``report sales --by franchisee`` for a year (``AnalyticsService.sales``).
Beside each: its SQL statements compiled with their values inline, run on the raw DBAPI cursor (all rows
fetched). Targets: start screen < 1,000 ms, each chart with everyone < 500 ms, one franchisee < 100 ms.
Exit code 0 when every target is met.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.perf.bench_receivables import _bare, _median_ms, _seed, _sqlite_url  # noqa: E402

TODAY = date(2026, 11, 30)
YEAR_START = date(2025, 12, 1)
START_SCREEN_MS, CHART_MS, ONE_MS = 1000.0, 500.0, 100.0


def _plans(svc, actor, fids, regions):
    """name -> (app callable, statements(), target ms, franchisee ids to rotate or None)."""
    from hqdesk.domain.analytics import add_months, month_end, same_day_last_year
    from hqdesk.persistence.models import Franchisee
    from hqdesk.services import analytics_health as h
    from hqdesk.services import analytics_queries as q
    from hqdesk.services.analytics_dto import AnalyticsFilter
    from hqdesk.services.receivables import countback_months

    def one(fid):
        return AnalyticsFilter(franchisee_id=fid)

    region = AnalyticsFilter(region=regions[0])
    from hqdesk.persistence.analytics_sql import franchisee_filter

    members = franchisee_filter(region=regions[0])
    ly = same_day_last_year(TODAY)
    first24 = add_months(TODAY.replace(day=1), -23)

    def dashboard_sql(m=None, f=None):
        return [
            q.sales_by_month(countback_months(TODAY)[-1][0], TODAY, m, f),
            q.sales_by_month(ly.replace(month=1, day=1), ly, m, f),
            q.receivables_now(TODAY, m, f),
            q.ledger_totals(ly + timedelta(days=1), TODAY, ("invoice", "credit_note", "write_off"), m, f),
        ]

    def monthly_sql(m=None, f=None):
        return [q.sales_by_month(add_months(first24, -12), month_end(TODAY), m, f)]

    def receivables_sql(m=None, f=None):
        return [
            q.open_by_due_date(m, f),
            q.moves_after(first24, m, f),
            q.months_by_kind(TODAY.replace(day=1), m, f),
        ]

    def health_sql(m=None, f=None):
        this = TODAY.replace(day=1)
        points = [month_end(add_months(this, -2)), month_end(add_months(this, -1)), TODAY]
        return [
            h.monthly_sales_statement(add_months(this, -15), add_months(this, -1), m, f),
            h.overdue_open_statement(points, m, f),
            h.overdue_later_statement(points, m, f),
            h.oldest_due_statement(m, f),
            h.open_complaints_statement(m, f),
        ]

    a = svc
    return (
        {
            "start screen figures": (
                lambda f=None: a.dashboard_figures(actor, TODAY, f),
                dashboard_sql,
                START_SCREEN_MS,
            ),
            "monthly sales, 24 months": (
                lambda f=None: a.monthly_sales(actor, first24, TODAY, f),
                monthly_sql,
                CHART_MS,
            ),
            "sales by region": (
                lambda f=None: a.sales_breakdown(actor, YEAR_START, TODAY, "region", f),
                lambda m=None, f=None: [q.sales_by_attribute(YEAR_START, TODAY, Franchisee.region, m, f)],
                CHART_MS,
            ),
            "top franchisees (Pareto)": (
                lambda f=None: a.top_franchisees(actor, YEAR_START, TODAY, f),
                lambda m=None, f=None: [q.pareto_statement(YEAR_START, TODAY, 20, m, f)],
                CHART_MS,
            ),
            "receivables, 24 month ends": (
                lambda f=None: a.receivables_series(actor, TODAY, 24, f),
                receivables_sql,
                CHART_MS,
            ),
            "loss rate, 24 months": (
                lambda f=None: a.loss_rate_series(actor, TODAY, 24, f),
                lambda m=None, f=None: [
                    q.months_by_kind(TODAY.replace(day=1), m, f, first_month=add_months(first24, -11))
                ],
                CHART_MS,
            ),
            "credit-limit use": (
                lambda f=None: a.credit_limit_use(actor, TODAY, f),
                lambda m=None, f=None: [q.balances(TODAY, m, f), q.credit_limits(m, f)],
                CHART_MS,
            ),
            "health and at risk": (lambda f=None: a.franchisee_health(actor, TODAY, f), health_sql, CHART_MS),
            "segments ABC/RFM": (
                lambda f=None: a.segments(actor, YEAR_START, TODAY, f),
                lambda m=None, f=None: [h.segments_statement(YEAR_START, TODAY.replace(day=1), m, f)],
                CHART_MS,
            ),
            "report sales by franchisee": (
                lambda f=None: a.sales(actor, YEAR_START, TODAY, "franchisee", filters=f),
                lambda m=None, f=None: [q.sales_by_franchisee(YEAR_START, TODAY, m, f)],
                CHART_MS,
            ),
        },
        one,
        region,
        members,
    )


def bench(url: str, runs: int) -> list[tuple[str, float, float, float]]:
    from sqlalchemy import text

    from hqdesk.domain.roles import SYSTEM_ACTOR
    from hqdesk.persistence.database import Database
    from hqdesk.services.analytics import AnalyticsService

    db = Database.open(url)
    out = []
    try:
        svc = AnalyticsService(db)
        with db.read() as s:
            fids = [r[0] for r in s.execute(text("select id from franchisees order by id"))]
            regions = sorted({r[0] for r in s.execute(text("select region from franchisees"))})
        plans, one, region, members = _plans(svc, SYSTEM_ACTOR, fids, regions)
        figures = svc.dashboard_figures(SYSTEM_ACTOR, TODAY)
        print("  start screen: " + ", ".join(f"{f.key}={f.value}" for f in figures.figures))
        rng = random.Random(11)
        picks = [rng.choice(fids) for _ in range(20)]
        for name, (app, statements, target) in plans.items():
            ms = _median_ms(app, runs)
            run, raw = _bare(db.engine, statements())
            bare = _median_ms(run, runs)
            raw.close()
            out.append((f"{name}, everyone", ms, bare, target))
            it = iter(picks * 2)
            ms = _median_ms(lambda app=app, it=it: app(one(next(it))), 20)
            bare_runs = []
            for fid in picks[:5]:
                run, raw = _bare(db.engine, statements(None, fid))
                run()
                started = time.perf_counter()
                run()
                bare_runs.append((time.perf_counter() - started) * 1000)
                raw.close()
            out.append((f"{name}, one franchisee", ms, statistics.median(bare_runs), ONE_MS))
            if name in ("monthly sales, 24 months", "receivables, 24 month ends", "start screen figures"):
                ms = _median_ms(lambda app=app: app(region), runs)
                run, raw = _bare(db.engine, statements(members, None))
                bare = _median_ms(run, runs)
                raw.close()
                out.append((f"{name}, one region", ms, bare, target))
        return out
    finally:
        db.close()


def _report(name: str, figures) -> bool:
    ok = True
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{name}: median ms (app / bare SQL, ratio); load average {load}")
    for what, app, bare, target in figures:
        passed = app < target
        ok &= passed
        ratio = app / bare if bare else float("nan")
        print(
            f"  {what:46} {app:8.1f} / {bare:8.1f}  ({ratio:4.2f}x)  < {target:.0f}: {'PASS' if passed else 'FAIL'}"
        )
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
                url = server.create_database("bench_analytics")
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
