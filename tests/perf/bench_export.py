"""Benchmark: ``hqdesk-admin export`` of 100,000 rows to XLSX and CSV (target: 20,000 rows/s, memory bounded).

    python tests/perf/bench_export.py                    # SQLite in a temp dir
    python tests/perf/bench_export.py --franchisees 5000 # a smaller seed

Seeds franchisees with the demo generator (about four contacts each, so 25,000 franchisees give about 100,000
contacts), then exports the contacts (and the franchisees) through the same path as the command
(``ExportService.export`` into ``reports.tabular.write_table``): the query streamed 1,000 rows at a time, the
file written row by row. Printed per file type: rows, seconds, rows per second (median of --runs), and the peak of
Python memory during one export measured with tracemalloc in a run of its own (tracemalloc slows the run it
watches), beside the peak for a fifth of the rows: bounded memory means the two are about the same.
Exit status 0 when every rows/s figure meets the target, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

TARGET_ROWS_PER_S = 20_000


def export_once(services, entity: str, path: Path, limit: int | None = None) -> int:
    from hqdesk.domain.roles import SYSTEM_ACTOR
    from hqdesk.reports.tabular import write_table

    def write(headers, rows, formats):
        return write_table(path, headers, islice(rows, limit) if limit else rows, formats)

    return services.exports.export(SYSTEM_ACTOR, entity, write)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--franchisees", type=int, default=25_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    from hqdesk.services.bootstrap import open_services
    from tests.perf.seed import seed

    tmp = Path(tempfile.mkdtemp(prefix="hqdesk-bench-export-"))
    url = "sqlite:///" + (tmp / "bench.sqlite3").as_posix()
    started = time.perf_counter()
    counts = seed(url, args.franchisees)
    print(
        f"seeded {counts.get('franchisees')} franchisees, {counts.get('contacts')} contacts "
        f"in {time.perf_counter() - started:.1f} s"
    )
    services = open_services(url)
    ok = True
    try:
        for entity in ("contacts", "franchisees"):
            for suffix in ("csv", "xlsx"):
                path = tmp / f"{entity}.{suffix}"
                times, rows = [], 0
                for _ in range(args.runs):
                    t0 = time.perf_counter()
                    rows = export_once(services, entity, path)
                    times.append(time.perf_counter() - t0)
                seconds = statistics.median(times)
                rate = rows / seconds if seconds else float("inf")
                tracemalloc.start()
                export_once(services, entity, path, limit=max(1, rows // 5))
                small_peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.reset_peak()
                export_once(services, entity, path)
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
                verdict = "PASS" if rate >= TARGET_ROWS_PER_S else "FAIL"
                ok &= rate >= TARGET_ROWS_PER_S
                print(
                    f"export {entity:<11} {suffix:<4} {rows:>7} rows  {seconds:6.2f} s  {rate:>8,.0f} rows/s  "
                    f"peak {peak / 1e6:5.1f} MB (a fifth of the rows: {small_peak / 1e6:5.1f} MB)  "
                    f"target >= {TARGET_ROWS_PER_S:,} rows/s  {verdict}"
                )
    finally:
        services.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
