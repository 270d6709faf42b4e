"""Chart screens benchmark: what a user waits for, widgets included (queries in the worker thread, then the
drawing on the UI thread), beside the service call alone.

    python tests/perf/bench_charts.py                 # the cached SQLite file of bench_analytics.py
    python tests/perf/bench_charts.py --runs 3 --franchisees 500 --invoices 200000 --payments 100000

Seeds like ``bench_analytics.py`` (``seed_ledger``: 5,000 franchisees, 2,000,000 invoices, 1,000,000 payments;
the cached file is reused). Timed (median of ``--runs`` after a warm-up; the real thread pool of the app):
- the start screen's key figures until every card shows its number (``FiguresPanel``);
- each chart page (Sales, Receivables, Relationship, Health) until every chart is drawn, with everyone;
- the Sales page with one franchisee, and after a filter change (one region).
Beside each: the same service calls run directly (no thread, no drawing). Targets: start screen < 1,000 ms,
each chart page < 500 ms per chart, one franchisee < 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.perf.bench_receivables import _sqlite_url  # noqa: E402

TODAY = date(2026, 11, 30)
START_MS, CHART_MS, ONE_MS = 1000.0, 500.0, 100.0


def _wait(app, done, timeout: float = 120.0) -> None:
    end = time.perf_counter() + timeout
    while not done():
        app.processEvents()
        if time.perf_counter() > end:
            raise TimeoutError("the page never finished loading")
        time.sleep(0.001)


def _median(fn, runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def bench(url: str, runs: int) -> list[tuple[str, float, float, float]]:
    from PySide6.QtWidgets import QApplication

    from hqdesk.domain.roles import SYSTEM_ACTOR
    from hqdesk.services.analytics_dto import AnalyticsFilter
    from hqdesk.services.bootstrap import open_services
    from hqdesk.ui.context import ChangeBus, UiContext
    from hqdesk.ui.settings import open_settings
    from hqdesk.ui.tasks import TaskRunner
    from hqdesk.ui.views.analytics_health import HealthAnalyticsView
    from hqdesk.ui.views.analytics_receivables import ReceivablesAnalyticsView
    from hqdesk.ui.views.analytics_relationship import RelationshipAnalyticsView
    from hqdesk.ui.views.analytics_sales import SalesAnalyticsView
    from hqdesk.ui.views.home_figures import FiguresPanel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    services = open_services(url)
    ctx = UiContext(services, SYSTEM_ACTOR, TaskRunner(), ChangeBus(), open_settings())
    a, actor = services.analytics, SYSTEM_ACTOR
    out = []
    try:
        figures = FiguresPanel(ctx, today=lambda: TODAY)
        figures.resize(1100, 200)
        figures.show()

        def start_screen():
            figures.figures = None
            figures.reload()
            _wait(app, lambda: figures.figures is not None and figures.loader.pending == 0)

        out.append(
            (
                "start screen, every figure shown",
                _median(start_screen, runs),
                _median(lambda: a.dashboard_figures(actor, TODAY), runs),
                START_MS,
            )
        )
        pages = {
            "Sales page (2 charts)": (SalesAnalyticsView, 2),
            "Receivables page (5 charts)": (ReceivablesAnalyticsView, 5),
            "Relationship page (3 charts)": (RelationshipAnalyticsView, 3),
            "Health page (score list, segments)": (HealthAnalyticsView, 2),
        }
        bare = {
            "Sales page (2 charts)": lambda f=None: (
                a.monthly_sales(actor, date(2025, 12, 1), TODAY, f),
                a.top_franchisees(actor, date(2025, 12, 1), TODAY, f, 20),
            ),
            "Receivables page (5 charts)": lambda f=None: (
                a.receivables_series(actor, TODAY, 12, f),
                a.loss_rate_series(actor, TODAY, 12, f),
                a.credit_limit_use(actor, TODAY, f),
            ),
            "Relationship page (3 charts)": lambda f=None: (
                a.complaints_by_category(actor, date(2025, 12, 1), TODAY, f),
                a.complaints_by_month(actor, date(2025, 12, 1), TODAY, f),
                a.visits_against_plan(actor, date(2025, 12, 1), TODAY, f),
            ),
            "Health page (score list, segments)": lambda f=None: (
                a.franchisee_health(actor, TODAY, f),
                a.segments(actor, date(2025, 11, 1), date(2026, 10, 1), f),
            ),
        }
        sales = None
        for name, (cls, charts) in pages.items():
            page = cls(ctx, today=lambda: TODAY)
            page.resize(1280, 800)
            page.show()
            _wait(app, lambda page=page: page.loader.pending == 0)

            def load(page=page):
                page.reload()
                _wait(app, lambda: page.loader.pending == 0)

            out.append((name, _median(load, runs), _median(bare[name], runs), CHART_MS * charts))
            if cls is SalesAnalyticsView:
                sales = page
        fids = [r.franchisee_id for r in a.top_franchisees(actor, date(2025, 12, 1), TODAY, None, 20).rows]
        bar = sales.filter_bar
        it = iter(fids * 10)

        def one():
            bar._franchisee_id = next(it)
            bar._emit()
            _wait(app, lambda: sales.loader.pending == 0)

        out.append(
            (
                "Sales page, one franchisee",
                _median(one, runs),
                _median(lambda: bare["Sales page (2 charts)"](AnalyticsFilter(franchisee_id=fids[0])), runs),
                ONE_MS * 2,
            )
        )
        bar._franchisee_id = None
        regions = [bar.region.itemData(i) for i in range(1, bar.region.count())]
        cycle = iter(regions * 10)

        def region():
            bar.region.setCurrentIndex(bar.region.findData(next(cycle)))
            _wait(app, lambda: sales.loader.pending == 0)

        if regions:
            out.append(
                (
                    "Sales page, filter change (a region)",
                    _median(region, runs),
                    _median(lambda: bare["Sales page (2 charts)"](AnalyticsFilter(region=regions[0])), runs),
                    CHART_MS * 2,
                )
            )
    finally:
        ctx.runner.wait()
        services.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--franchisees", type=int, default=5000)
    parser.add_argument("--invoices", type=int, default=2_000_000)
    parser.add_argument("--payments", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("HQDESK_DB_STATEMENT_TIMEOUT", "600")
    rows = bench(_sqlite_url(args), args.runs)
    ok = True
    print(f"\nSQLite: median ms (screen / service calls alone); load average {os.getloadavg()}")
    for name, ms, bare, target in rows:
        passed = ms < target
        ok &= passed
        print(f"  {name:<40} {ms:8.1f} / {bare:8.1f}  < {target:.0f}: {'PASS' if passed else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
