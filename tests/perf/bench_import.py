"""Benchmark: ``hqdesk-admin import franchisees`` on 50,000 generated rows, from CSV and from XLSX (target:
5,000 rows/s on SQLite, memory bounded).

    python tests/perf/bench_import.py                  # fresh SQLite files in a temp dir, CSV then XLSX
    python tests/perf/bench_import.py --db pg-temp     # also a throw-away local PostgreSQL (tests/pgserver.py)
    python tests/perf/bench_import.py --rows 5000 --format csv
    python tests/perf/bench_import.py --rows 10000 --rows 50000 --rows 100000   # memory against the file's size

Writes one UTF-8 CSV and one XLSX with every template column (a primary contact on each row), imports each once
into an empty database through FranchiseeImporter (validation included), and prints the rows per second of the
whole import (reading, checking, writing, audit trail), of the write transaction alone (how long SQLite holds
its write lock), and memory: each import runs in a process of its own, which prints its resident memory (RSS)
once the services are open (the libraries: SQLAlchemy, the models...), its peak RSS after the import
(``ru_maxrss``), and the difference - what the import itself took.
Exit status 0 when the SQLite figures meet the target, 1 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

TARGET_ROWS_PER_S = 5000
TODAY = date(2026, 11, 23)


def write_file(path: Path, rows: int) -> Path:
    """The generated rows as CSV (UTF-8 with BOM) or XLSX (openpyxl's write-only mode), by ``path``'s suffix."""
    if path.suffix == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet()
        for row in generated_rows(rows):
            ws.append(row)
        wb.save(path)
        return path
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(generated_rows(rows))
    return path


def generated_rows(rows: int):
    from hqdesk.domain import uscc

    header = [
        "code",
        "legal_name",
        "city",
        "tier",
        "uscc",
        "store_brand_name",
        "legal_representative",
        "registered_capital",
        "region",
        "province",
        "address",
        "join_date",
        "contract_start",
        "contract_end",
        "tags",
        "status",
        "contact_name",
        "contact_mobile",
        "contact_role",
    ]
    yield header
    for n in range(1, rows + 1):
        first17 = f"91310115{n:09d}"
        yield (
            [
                f"BM{n:06d}",
                f"杭州金辉{n}珠宝有限公司",
                "杭州",
                "ABC"[n % 3],
                first17 + uscc.check_character(first17),
                f"金祥珠宝·杭州{n}店",
                "张伟",
                "1,000,000.00",
                "华东",
                "浙江省",
                f"浙江省杭州市西湖区文三路{n}号",
                "2021-03-01",
                "2024-03-01",
                "2027-02-28",
                "新店,重点关注",
                "active",
                f"王{n}",
                f"138{n:08d}",
                "owner",
            ]
        )


def rss_mb() -> float:
    """The process's resident memory now (Linux: /proc/self/statm), in MB."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def run(url: str, path: Path, rows: int) -> tuple[float, float, float, float]:
    """(rows/s of the whole import, rows/s of the write transaction, rows per CPU second of the process).

    The CPU figure is the one to compare on a shared machine: wall time grows with the other processes' load
    (on SQLite the whole import runs in this process; on PostgreSQL the server's share is not in it)."""
    from hqdesk.domain.roles import SYSTEM_ACTOR
    from hqdesk.services.bootstrap import open_services
    from hqdesk.services.importer import FranchiseeImporter

    services = open_services(url)
    try:
        importer = FranchiseeImporter(services.db)
        base = rss_mb()
        timings: dict[str, float] = {}
        write = services.db.write

        def timed_write(username):  # the write transaction alone: how long the lock is held
            from contextlib import contextmanager

            @contextmanager
            def wrapper():
                started = time.perf_counter()
                with write(username) as s:
                    yield s
                timings["write"] = timings.get("write", 0.0) + time.perf_counter() - started

            return wrapper()

        services.db.write = timed_write
        started, cpu = time.perf_counter(), time.process_time()
        result = importer.import_file(SYSTEM_ACTOR, path, today=TODAY)
        total = time.perf_counter() - started
        timings["cpu"] = time.process_time() - cpu
        if not result.ok or result.imported != rows:
            raise SystemExit(f"import failed: {[p.line() for p in result.errors[:5]]}")
        return rows / total, rows / timings["write"], rows / timings["cpu"], base
    finally:
        services.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, action="append", help="default: 50000; repeat for several sizes")
    parser.add_argument("--format", action="append", choices=("csv", "xlsx"), help="default: both")
    parser.add_argument("--db", action="append", default=[], help="'pg-temp' or an empty database URL")
    args = parser.parse_args(argv)
    ok = True
    peaks: dict[tuple[str, int], float] = {}
    for rows in args.rows or [50000]:
        ok = bench(rows, args, peaks) and ok
    if len(args.rows or []) > 1:
        print("peak RSS of the import process (MB):")
        for name in sorted({n for n, _r in peaks}):
            print(f"  {name:16} " + ", ".join(f"{r} rows: {peaks[n, r]:.0f}" for n, r in peaks if n == name))
    return 0 if ok else 1


def bench(rows: int, args, peaks: dict[tuple[str, int], float]) -> bool:
    """One size: each format's file imported into an empty database in a process of its own."""
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        formats = args.format or ["csv", "xlsx"]
        paths = {f: write_file(Path(tmp) / f"bench.{f}", rows) for f in formats}
        urls = [
            (f"sqlite/{f}", f, "sqlite:///" + (Path(tmp) / f"bench-{f}.sqlite3").as_posix()) for f in formats
        ]
        pg = None
        for url in args.db:
            if url == "pg-temp":
                from tests.pgserver import PostgresServer

                pg = PostgresServer().start()
                for f in formats:
                    urls.append((f"postgresql/{f}", f, pg.create_database(f"bench_import_{f}")))
            else:
                urls.append((f"postgresql/{formats[0]}", formats[0], url))
        try:
            for name, fmt, url in urls:
                import subprocess

                out = subprocess.run(
                    [sys.executable, __file__, "--one", url, str(paths[fmt]), str(rows)],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout.split()
                whole, write, cpu, base, peak_mb = map(float, out[-5:])
                peaks[name, rows] = peak_mb
                passed = whole >= TARGET_ROWS_PER_S
                if name.startswith("sqlite"):
                    ok = ok and passed
                print(
                    f"{name:16} {rows} rows: {whole:8.0f} rows/s whole import, {write:8.0f} rows/s in the "
                    f"write transaction ({rows / write:.2f} s holding the lock), {cpu:8.0f} rows per CPU "
                    f"second, peak RSS {peak_mb:.0f} MB ({base:.0f} MB before the import: "
                    f"{peak_mb - base:.0f} MB for it); target "
                    f"{TARGET_ROWS_PER_S} rows/s: {'PASS' if passed else 'FAIL'}; load average "
                    f"{os.getloadavg()[0]:.2f}",
                    flush=True,
                )
        finally:
            if pg is not None:
                pg.stop()
    return ok


def one(url: str, path: str, rows: str) -> int:
    """One import in this process (``--one URL FILE ROWS``): prints its figures for ``main``."""
    whole, write, cpu, base = run(url, Path(path), int(rows))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    print(whole, write, cpu, base, peak)
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        sys.exit(one(*sys.argv[2:5]))
    sys.exit(main(sys.argv[1:]))
