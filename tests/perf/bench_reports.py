"""Reports benchmark: each of the six reports of the Reports page (``hqdesk.ui.views.reports.generate``, the
page's worker function, no window) to XLSX, CSV and PDF, on the demo database and on a seeded ledger; and
``kpi-by-franchisee``'s KPIs the old way (``kpis`` once per franchisee) against ``kpis_by_franchisee``.

    python tests/perf/bench_reports.py                       # demo (200 franchisees) + ledger 500/200,000/100,000
    python tests/perf/bench_reports.py --franchisees 5000 --invoices 2000000 --payments 1000000

SQLite only (the seeded file is kept in the temp folder as ``bench_receivables.py`` keeps it). Prints seconds
and rows per report and format.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _time(fn):
    started = time.perf_counter()
    out = fn()
    return time.perf_counter() - started, out


def bench(url: str, label: str, start: date, end: date, actor_name: str | None) -> None:
    from PySide6.QtCore import QCoreApplication

    from hqdesk.domain.roles import SYSTEM_ACTOR
    from hqdesk.services.bootstrap import open_services
    from hqdesk.ui.views.reports import REPORTS, ReportRequest, enum_labels, generate

    QCoreApplication.instance() or QCoreApplication([])
    services = open_services(url)
    actor = services.users.actor(actor_name) if actor_name else SYSTEM_ACTOR
    out = Path(tempfile.mkdtemp(prefix="hqdesk-bench-reports-"))
    print(f"\n{label}: seconds (rows)")
    try:
        for kind in REPORTS:
            line = []
            for fmt in ("xlsx", "csv", "pdf"):
                req = ReportRequest(
                    kind.key,
                    out / f"{kind.key}.{fmt}",
                    as_of=end,
                    start=start,
                    end=end,
                    labels=enum_labels("en"),
                )
                seconds, written = _time(
                    lambda r=req: generate(services, actor, r, lambda d, t: None, lambda: False)
                )
                line.append(f"{fmt} {seconds:6.2f} s ({written.rows:,})")
            print(f"  {kind.key:11} " + "   ".join(line))
        receivables = services.receivables
        grouped_s, grouped = _time(lambda: receivables.kpis_by_franchisee(actor, start, end))
        ids = list(grouped)[:200]
        one_s, _ = _time(lambda: [receivables.kpis(actor, start, end, fid) for fid in ids])
        per = one_s / len(ids)
        print(
            f"  KPIs of {len(grouped):,} franchisees: grouped {grouped_s:.2f} s; one by one "
            f"{per * 1000:.1f} ms each (measured on {len(ids)}), so {per * len(grouped):.1f} s for all"
        )
    finally:
        services.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--demo", type=int, default=200, help="demo franchisees (0: skip)")
    p.add_argument("--franchisees", type=int, default=500)
    p.add_argument("--invoices", type=int, default=200_000)
    p.add_argument("--payments", type=int, default=100_000)
    args = p.parse_args(argv)
    today = date(2026, 11, 30)
    if args.demo:
        from hqdesk.services.bootstrap import open_services
        from hqdesk.services.demo import generate_demo

        path = Path(tempfile.mkdtemp(prefix="hqdesk-bench-demo-")) / "demo.sqlite3"
        url = "sqlite:///" + path.as_posix()
        sv = open_services(url)
        seconds, _ = _time(lambda: generate_demo(sv.db, franchisees=args.demo, seed=1, today=today))
        sv.close()
        print(f"demo database: {args.demo} franchisees in {seconds:.0f} s")
        bench(url, f"demo ({args.demo} franchisees)", date(2026, 1, 1), today, "admin")
    if args.franchisees:
        from tests.perf.bench_receivables import _sqlite_url

        url = _sqlite_url(args)
        bench(
            url,
            f"ledger ({args.franchisees:,} franchisees, {args.invoices:,} invoices, {args.payments:,} payments)",
            date(2026, 1, 1),
            today,
            None,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
