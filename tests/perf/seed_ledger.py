"""Seed a benchmark ledger fast: 5,000 franchisees, 2,000,000 invoices, 1,000,000 payments by default.

    from tests.perf.seed_ledger import seed_ledger
    counts = seed_ledger(url)          # {"franchisees": 5000, "invoices": 2000000, "payments": ..., ...}

or ``python tests/perf/seed_ledger.py URL [franchisees invoices payments]``. The database must hold no
franchisees yet. SQLite: ``executemany`` on the raw connection; PostgreSQL: ``COPY`` (as a superuser the
audit and foreign-key triggers are skipped with ``session_replication_role = replica``), then ``ANALYZE``.

The history is consistent with the allocation rules' storage: every franchisee's invoices span five years
(1 December 2021 to 30 November 2026, due 30 or 60 days after their date); its payments settle them two at a
time, oldest first, each allocated in full on the payment's date (``applied_on``), and the invoices' and
payments' ``settled_on`` is that date. The last 8 % of each franchisee's invoices are open: half of them paid
in part (one partial payment each), half not at all; every tenth franchisee also has one payment without an
invoice (unapplied credit). So as of 30 November 2026 most of the history is settled. The analytics' monthly
summaries (``ledger_months``, ``receivable_moves``, ``receivable_open``) are filled from it at the end.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

START = date(2021, 12, 1)
END = date(2026, 11, 30)
SPAN = (END - START).days - 60
STAMP = "2026-11-30 00:00:00.000000"
BATCH = 100  # franchisees per insert batch
REGIONS = ("华东", "华南", "华北", "华中", "西南", "西北", "东北")
DOC_COLUMNS = (
    "id",
    "franchisee_id",
    "kind",
    "number",
    "doc_date",
    "amount",
    "due_date",
    "applies_to",
    "invoice_id",
    "note",
    "source",
    "settled_on",
    "version",
    "created_at",
    "updated_at",
    "updated_by",
)
ALLOCATION_COLUMNS = (
    "id",
    "franchisee_id",
    "credit_id",
    "invoice_id",
    "amount",
    "applied_on",
    "manual",
    "created_at",
    "created_by",
)


def _franchisee_ledger(f: int, fid: int, n_inv: int, n_pay: int, ids, seed: int):
    """One franchisee's documents and allocations (amounts in whole cents, dates as ``date``)."""
    rng = random.Random(seed * 1_000_003 + f)
    term = rng.choice((30, 30, 60))
    docs, allocations = [], []
    invoices = []
    for k in range(n_inv):
        on = START + timedelta(days=int(k * SPAN / n_inv) + rng.randint(0, 3))
        invoices.append(
            [next(ids["doc"]), on, rng.randint(100_000, 5_000_000), on + timedelta(days=term), None]
        )
    open_tail = max(2, n_inv * 8 // 100)
    partial = open_tail // 2
    paired = n_inv - open_tail
    pay_no = 0

    def payment(on: date, cents: int, settled: date | None) -> int:
        nonlocal pay_no
        pid = next(ids["doc"])
        docs.append((pid, fid, "payment", f"P{f:05d}-{pay_no:04d}", on, cents, None, settled))
        pay_no += 1
        return pid

    advance = 1 if f % 10 == 0 else 0
    for j in range(0, paired - 1, 2):
        if pay_no >= n_pay - partial - advance:
            break
        a, b = invoices[j], invoices[j + 1]
        on = min(max(b[3] + timedelta(days=rng.randint(-20, 40)), b[1]), END)
        pid = payment(on, a[2] + b[2], on)
        for inv in (a, b):
            inv[4] = on
            allocations.append((next(ids["alloc"]), fid, pid, inv[0], inv[2], on))
    for inv in invoices[paired : paired + partial]:
        if pay_no >= n_pay:
            break
        on = min(inv[3] + timedelta(days=rng.randint(0, 30)), END)
        cents = inv[2] // 2
        pid = payment(on, cents, on)
        allocations.append((next(ids["alloc"]), fid, pid, inv[0], cents, on))
    if advance and pay_no < n_pay:
        payment(END - timedelta(days=5), 500_000, None)  # an advance: unapplied credit
    for k, (iid, on, cents, due, settled) in enumerate(invoices):
        docs.append((iid, fid, "invoice", f"I{f:05d}-{k:04d}", on, cents, due, settled))
    return docs, allocations


def _iso(value: date | None):
    return None if value is None else value.isoformat()


def _doc_row(d) -> tuple:
    iid, fid, kind, number, on, cents, due, settled = d
    return (
        iid,
        fid,
        kind,
        number,
        _iso(on),
        cents,
        _iso(due),
        "",
        None,
        "",
        "demo",
        _iso(settled),
        1,
        STAMP,
        STAMP,
        "",
    )


def _alloc_row(a) -> tuple:
    aid, fid, credit, invoice, cents, on = a
    return (aid, fid, credit, invoice, cents, _iso(on), False, STAMP, "")


def _insert_franchisees(engine, n: int) -> list[int]:
    from sqlalchemy import insert, select

    from hqdesk.persistence.models import Franchisee

    rows = [
        {
            "code": f"B{f:05d}",
            "legal_name": f"基准珠宝{f:05d}有限公司",
            "city": "上海",
            "tier": "A",
            "status": "active",
            "region": REGIONS[f % len(REGIONS)],  # the analytics' filters
        }
        for f in range(1, n + 1)
    ]
    with engine.begin() as conn:
        if conn.execute(select(Franchisee.id).limit(1)).first() is not None:
            raise SystemExit("the database already has franchisees; seed an empty one")
        conn.execute(insert(Franchisee), rows)
        return [r[0] for r in conn.execute(select(Franchisee.id).order_by(Franchisee.code))]


def _writer(engine):
    """(write(docs, allocations), finish()) for the engine's database."""
    raw = engine.raw_connection()
    if engine.dialect.name == "sqlite":
        cur = raw.cursor()
        cur.execute("PRAGMA synchronous = OFF")
        doc_sql = f"INSERT INTO ledger_documents ({', '.join(DOC_COLUMNS)}) VALUES ({', '.join('?' * len(DOC_COLUMNS))})"
        alloc_sql = (
            f"INSERT INTO allocations ({', '.join(ALLOCATION_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(ALLOCATION_COLUMNS))})"
        )

        def write(docs, allocations):
            cur.executemany(doc_sql, [_doc_row(d) for d in docs])
            cur.executemany(alloc_sql, [_alloc_row(a) for a in allocations])
            raw.commit()

        def finish():
            cur.execute("ANALYZE")
            raw.commit()
            raw.close()

        return write, finish

    cur = raw.cursor()
    superuser = cur.execute("select rolsuper from pg_roles where rolname = current_user").fetchone()[0]

    def write(docs, allocations):
        if superuser:
            cur.execute("SET LOCAL session_replication_role = replica")
        with cur.copy(f"COPY ledger_documents ({', '.join(DOC_COLUMNS)}) FROM STDIN") as copy:
            for d in docs:
                copy.write_row(_doc_row(d))
        with cur.copy(f"COPY allocations ({', '.join(ALLOCATION_COLUMNS)}) FROM STDIN") as copy:
            for a in allocations:
                copy.write_row(_alloc_row(a))
        raw.commit()

    def finish():
        for table in ("ledger_documents", "allocations"):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
            )
        raw.commit()
        driver = raw.driver_connection  # VACUUM runs outside a transaction
        driver.autocommit = True
        driver.execute("VACUUM ANALYZE ledger_documents")
        driver.execute("VACUUM ANALYZE allocations")
        driver.autocommit = False
        raw.close()

    return write, finish


def _fill_summaries(engine) -> None:
    """The analytics' monthly summaries (``models_analytics``) from the seeded ledger, then fresh statistics."""
    from hqdesk.persistence.analytics_sql import rebuild

    with engine.begin() as conn:
        rebuild(conn)
        conn.exec_driver_sql("ANALYZE" if engine.dialect.name == "sqlite" else "ANALYZE ledger_months")
        if engine.dialect.name != "sqlite":
            conn.exec_driver_sql("ANALYZE receivable_moves")
            conn.exec_driver_sql("ANALYZE receivable_open")


def seed_ledger(
    url: str,
    franchisees: int = 5000,
    invoices: int = 2_000_000,
    payments: int = 1_000_000,
    seed: int = 7,
    progress=None,
) -> dict:
    """Create (or upgrade) the database at ``url`` and fill it; returns the row counts."""
    import itertools

    from hqdesk.persistence.database import Database

    db = Database.open(url)
    try:
        fids = _insert_franchisees(db.engine, franchisees)
        write, finish = _writer(db.engine)
        n_inv, n_pay = invoices // franchisees, payments // franchisees
        ids = {"doc": itertools.count(1), "alloc": itertools.count(1)}
        counts = {"franchisees": franchisees, "invoices": 0, "payments": 0, "allocations": 0}
        for first in range(0, franchisees, BATCH):
            docs, allocations = [], []
            for f in range(first + 1, min(first + BATCH, franchisees) + 1):
                d, a = _franchisee_ledger(f, fids[f - 1], n_inv, n_pay, ids, seed)
                docs += d
                allocations += a
            write(docs, allocations)
            counts["invoices"] += sum(1 for d in docs if d[2] == "invoice")
            counts["payments"] += sum(1 for d in docs if d[2] == "payment")
            counts["allocations"] += len(allocations)
            if progress is not None:
                progress(min(first + BATCH, franchisees), franchisees)
        finish()
        _fill_summaries(db.engine)
        return counts
    finally:
        db.close()


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 2
    numbers = [int(a) for a in argv[1:4]]
    started = time.perf_counter()
    counts = seed_ledger(argv[0], *numbers)
    print(f"{counts} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
