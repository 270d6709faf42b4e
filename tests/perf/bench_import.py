"""Benchmark: ``hqdesk-admin import franchisees`` on 20,000 generated rows (target: 5,000 rows/s on SQLite).

    python tests/perf/bench_import.py                  # a fresh SQLite file in a temp dir
    python tests/perf/bench_import.py --db pg-temp     # also a throw-away local PostgreSQL (tests/pgserver.py)
    python tests/perf/bench_import.py --rows 5000

Writes one UTF-8 CSV with every template column (a primary contact on each row), imports it once into an
empty database through FranchiseeImporter, and prints the rows per second of the whole import (reading,
checking, writing, audit trail) and of the write transaction alone (how long SQLite holds its write lock).
Exit status 0 when the SQLite figure meets the target, 1 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import os
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
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        for n in range(1, rows + 1):
            first17 = f"91310115{n:09d}"
            out.writerow(
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
    return path


def run(url: str, path: Path, rows: int) -> tuple[float, float, float]:
    """(rows/s of the whole import, rows/s of the write transaction, rows per CPU second of the process).

    The CPU figure is the one to compare on a shared machine: wall time grows with the other processes' load
    (on SQLite the whole import runs in this process; on PostgreSQL the server's share is not in it)."""
    from hqdesk.domain.roles import SYSTEM_ACTOR
    from hqdesk.services.bootstrap import open_services
    from hqdesk.services.importer import FranchiseeImporter

    services = open_services(url)
    try:
        importer = FranchiseeImporter(services.db)
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
        return rows / total, rows / timings["write"], rows / timings["cpu"]
    finally:
        services.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--db", action="append", default=[], help="'pg-temp' or an empty database URL")
    args = parser.parse_args(argv)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        path = write_file(Path(tmp) / "bench.csv", args.rows)
        urls = [("sqlite", "sqlite:///" + (Path(tmp) / "bench.sqlite3").as_posix())]
        pg = None
        for url in args.db:
            if url == "pg-temp":
                from tests.pgserver import PostgresServer

                pg = PostgresServer().start()
                urls.append(("postgresql", pg.create_database("bench_import")))
            else:
                urls.append(("postgresql", url))
        try:
            for name, url in urls:
                whole, write, cpu = run(url, path, args.rows)
                passed = whole >= TARGET_ROWS_PER_S
                if name == "sqlite":
                    ok = ok and passed
                print(
                    f"{name:10} {args.rows} rows: {whole:8.0f} rows/s whole import, {write:8.0f} rows/s in the "
                    f"write transaction ({args.rows / write:.2f} s holding the lock), {cpu:8.0f} rows per CPU "
                    f"second; target "
                    f"{TARGET_ROWS_PER_S} rows/s: {'PASS' if passed else 'FAIL'}"
                )
        finally:
            if pg is not None:
                pg.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
