"""Benchmark: one credit check of a franchisee with ~400 invoices in a ledger of 2,000,000 invoices.

    python tests/perf/bench_credit_check.py                    # a temp SQLite file, then a throw-away PostgreSQL
    python tests/perf/bench_credit_check.py --db sqlite        # one of them
    python tests/perf/bench_credit_check.py --invoices 200000  # a smaller ledger

Seeding: 5,000 franchisees from the demo generator (tests/perf/seed.py), then per franchisee 400 invoices over
five years (net 30), 90 % of them settled by payments (one payment settles two invoices: 1,000,000 payments and
an allocation per settled invoice; ``settled_on`` kept), the rest open, some of those overdue; a credit profile
per franchisee. Bulk inserts of our own (sqlite3 ``executemany``, PostgreSQL ``COPY``), then ANALYZE.

Timed: ``services.credit_check.check`` (the whole use case: the user's rights, the profile, the policy, the open
balance and overdue figures, the loss history, the decision with its reasons) for the first franchisee as of the
last day, 50 runs after 5 warm-ups, median; and the bare SQL of the same figures on a raw connection (the
floor). Target: < 20 ms median on both databases. Exit status 0 when met.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

TARGET_MS = 20.0
RUNS, WARM = 50, 5
FRANCHISEES = 5000
TODAY = date(2026, 11, 30)
DOC_COLUMNS = (
    "id, franchisee_id, kind, number, doc_date, amount, due_date, applies_to, invoice_id, note, source, "
    "settled_on, version, created_at, updated_at, updated_by"
)
ALLOC_COLUMNS = "id, franchisee_id, credit_id, invoice_id, amount, applied_on, manual, created_at, created_by"


def ledger_rows(franchisee_ids: list[int], per_franchisee: int, seed: int = 3, batch: int = 100):
    """Yield (documents, allocations) for ``batch`` franchisees at a time, as tuples in column order; amounts in
    cents, dates as dates (streamed: 2,000,000 invoices never sit in memory at once)."""
    rng = random.Random(seed)
    start = TODAY - timedelta(days=5 * 365)
    span = (TODAY - start).days
    docs, allocs = [], []
    doc_id = alloc_id = 0
    for count, fid in enumerate(franchisee_ids, start=1):
        days = sorted(rng.randrange(span) for _ in range(per_franchisee))
        invoices = []
        for n, d in enumerate(days):
            doc_id += 1
            on = start + timedelta(days=d)
            amount = rng.randrange(50_000, 5_000_000)
            invoices.append(
                [doc_id, fid, "invoice", f"I{fid}-{n}", on, amount, on + timedelta(days=30), None]
            )
        settled = invoices[: int(len(invoices) * 0.9)]
        for i in range(0, len(settled) - 1, 2):
            a, b = settled[i], settled[i + 1]
            doc_id += 1
            paid_on = max(a[4], b[4]) + timedelta(days=rng.randrange(10, 60))
            paid_on = min(paid_on, TODAY)
            docs.append((doc_id, fid, "payment", f"P{doc_id}", paid_on, a[5] + b[5], None, paid_on))
            for inv in (a, b):
                inv[7] = paid_on
                alloc_id += 1
                allocs.append((alloc_id, fid, doc_id, inv[0], inv[5], paid_on))
        docs.extend(tuple(inv) for inv in invoices)
        if count % batch == 0 or count == len(franchisee_ids):
            yield docs, allocs
            docs, allocs = [], []


def load_sqlite(path: str, batches) -> tuple[int, int, int]:
    import sqlite3

    stamp = "2026-11-30 00:00:00.000000"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    counts = [0, 0, 0]
    for docs, allocs in batches:
        _sqlite_batch(conn, stamp, docs, allocs)
        counts[0] += sum(1 for d in docs if d[2] == "invoice")
        counts[1] += sum(1 for d in docs if d[2] != "invoice")
        counts[2] += len(allocs)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    return tuple(counts)


def _sqlite_batch(conn, stamp: str, docs, allocs) -> None:
    conn.executemany(
        f"INSERT INTO ledger_documents ({DOC_COLUMNS}) VALUES (?,?,?,?,?,?,?,'',NULL,'','bench',?,1,?,?,'bench')",
        (
            (
                i,
                f,
                k,
                n,
                d.isoformat(),
                a,
                due.isoformat() if due else None,
                s.isoformat() if s else None,
                stamp,
                stamp,
            )
            for i, f, k, n, d, a, due, s in docs
        ),
    )
    conn.executemany(
        f"INSERT INTO allocations ({ALLOC_COLUMNS}) VALUES (?,?,?,?,?,?,0,?,'bench')",
        ((i, f, c, inv, a, on.isoformat(), stamp) for i, f, c, inv, a, on in allocs),
    )


def load_pg(url: str, batches) -> tuple[int, int, int]:
    import psycopg

    stamp = "2026-11-30 00:00:00+00"

    def copy(cur, table: str, columns: str, rows) -> None:
        with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as cp:
            for row in rows:
                cp.write_row(row)

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn, conn.cursor() as cur:
        cur.execute("SET session_replication_role = replica")  # no audit or FK triggers for the bulk load
        counts = [0, 0, 0]
        for docs, allocs in batches:
            copy(
                cur,
                "ledger_documents",
                DOC_COLUMNS,
                (
                    (i, f, k, n, d, a, due, "", None, "", "bench", s, 1, stamp, stamp, "bench")
                    for i, f, k, n, d, a, due, s in docs
                ),
            )
            copy(
                cur,
                "allocations",
                ALLOC_COLUMNS,
                ((i, f, c, inv, a, on, False, stamp, "bench") for i, f, c, inv, a, on in allocs),
            )
            counts[0] += sum(1 for d in docs if d[2] == "invoice")
            counts[1] += sum(1 for d in docs if d[2] != "invoice")
            counts[2] += len(allocs)
        cur.execute(
            "SELECT setval(pg_get_serial_sequence('ledger_documents', 'id'), max(id)) FROM ledger_documents"
        )
        cur.execute("SELECT setval(pg_get_serial_sequence('allocations', 'id'), max(id)) FROM allocations")
        conn.commit()
        conn.autocommit = True
        cur.execute("ANALYZE")
    return tuple(counts)


def bare_sql(url: str, fid: int) -> list[float]:
    """The same figures as bare SQL on a raw connection: open invoices less their allocations, unapplied credit,
    overdue, loss history (the floor the service is compared with)."""
    from sqlalchemy import create_engine

    d = f"'{TODAY.isoformat()}'"
    days = (
        f"(CAST({d} AS DATE) - due_date)"
        if url.startswith("postgresql")
        else f"CAST(julianday({d}) - julianday(due_date) AS INTEGER)"
    )
    sql = [
        f"""SELECT coalesce(sum(o), 0), coalesce(sum(CASE WHEN late > 0 THEN o END), 0), coalesce(max(late), 0) FROM (
              SELECT amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a
                                WHERE a.invoice_id = l.id AND a.applied_on <= {d}) AS o, {days} AS late
              FROM ledger_documents l WHERE l.franchisee_id = {fid} AND l.kind = 'invoice' AND l.doc_date <= {d}
                AND (l.settled_on IS NULL OR l.settled_on > {d})) x WHERE o > 0""",
        f"""SELECT coalesce(sum(u), 0) FROM (
              SELECT amount - (SELECT coalesce(sum(a.amount), 0) FROM allocations a
                                WHERE a.credit_id = l.id AND a.applied_on <= {d}) AS u
              FROM ledger_documents l WHERE l.franchisee_id = {fid} AND l.kind <> 'invoice' AND l.doc_date <= {d}
                AND (l.settled_on IS NULL OR l.settled_on > {d})) x WHERE u > 0""",
        f"""SELECT sum(CASE WHEN kind = 'write_off' THEN amount ELSE 0 END), sum(CASE WHEN kind = 'invoice'
              THEN amount ELSE 0 END), min(CASE WHEN kind = 'invoice' THEN doc_date END)
              FROM ledger_documents WHERE franchisee_id = {fid} AND doc_date <= {d}""",
    ]
    engine = create_engine(url)
    times = []
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        for n in range(RUNS + WARM):
            started = time.perf_counter()
            cur = raw.cursor()
            for q in sql:
                cur.execute(q)
                cur.fetchall()
            cur.close()
            if n >= WARM:
                times.append((time.perf_counter() - started) * 1000)
    engine.dispose()
    return times


def run(url: str, invoices: int) -> bool:
    from dataclasses import replace

    from sqlalchemy import select

    from hqdesk.domain.roles import SYSTEM_ACTOR
    from hqdesk.persistence.models import Franchisee
    from hqdesk.services.bootstrap import open_services
    from hqdesk.services.credit_profiles import DEFAULTS
    from tests.perf.seed import seed

    kind = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    started = time.perf_counter()
    seed(url, FRANCHISEES)
    services = open_services(url)
    with services.db.read() as s:
        fids = list(s.scalars(select(Franchisee.id).order_by(Franchisee.id)))
    per = max(invoices // len(fids), 1)
    batches = ledger_rows(fids, per)
    if kind == "SQLite":
        n_inv, n_pay, n_alloc = load_sqlite(url.removeprefix("sqlite:///"), batches)
    else:
        n_inv, n_pay, n_alloc = load_pg(url, batches)
    fid = fids[0]
    services.credit_profiles.save(
        SYSTEM_ACTOR, fid, 0, replace(DEFAULTS, credit_limit=Decimal("5000000.00")), "bench"
    )
    print(
        f"{kind}: {len(fids):,} franchisees, {n_inv:,} invoices, {n_pay:,} payments, "
        f"{n_alloc:,} allocations; seeded in {time.perf_counter() - started:.0f} s"
    )
    times = []
    for n in range(RUNS + WARM):
        t0 = time.perf_counter()
        result = services.credit_check.check(SYSTEM_ACTOR, fid, Decimal("10000.00"), TODAY)
        if n >= WARM:
            times.append((time.perf_counter() - t0) * 1000)
    services.close()
    bare = bare_sql(url, fid)
    median, floor = statistics.median(times), statistics.median(bare)
    ok = median < TARGET_MS
    print(
        f"{kind}: one credit check ({per} invoices, decision {result.decision.value}): median {median:.1f} ms "
        f"(p90 {sorted(times)[int(len(times) * 0.9)]:.1f}); bare SQL of the figures {floor:.1f} ms; "
        f"target < {TARGET_MS:.0f} ms: {'PASS' if ok else 'FAIL'}"
    )
    return ok


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--invoices", type=int, default=2_000_000)
    args = parser.parse_args(argv)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        if args.db in ("sqlite", "both"):
            ok &= run("sqlite:///" + str(Path(tmp) / "bench.sqlite3"), args.invoices)
        if args.db in ("postgresql", "both"):
            from tests.pgserver import PostgresServer

            pg = PostgresServer().start()
            try:
                ok &= run(pg.create_database("bench_credit"), args.invoices)
            finally:
                pg.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
