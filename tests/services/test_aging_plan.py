"""SQLite's plan for aging on a long history: the open documents come from ix_ledger_documents_open, not from
a walk over every invoice dated before the as-of date (13 s instead of 0.16 s on 2,000,000 invoices).

The statistics are those ANALYZE wrote for the benchmark's ledger (tests/perf/seed_ledger.py: 3,000,000
documents, 92 % settled), so the planner sees the history the benchmark measured without seeding it."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from hqdesk.domain.credit import DEFAULT_AGING_BOUNDS
from hqdesk.services.receivables import aging_statement

STATS = [
    ("ledger_documents", "ix_ledger_documents_kind_date", "3000000 1500000 891"),
    ("ledger_documents", "ix_ledger_documents_open", "3000000 1500000 863 2"),
    ("ledger_documents", "ix_ledger_documents_invoice", "3000000 3000000"),
    ("ledger_documents", "ix_ledger_documents_franchisee", "3000000 600 300 1"),
    ("ledger_documents", "ix_ledger_documents_due", "3000000 1500000 1676"),
    ("ledger_documents", "sqlite_autoindex_ledger_documents_1", "3000000 1500000 1"),
    ("allocations", "ix_allocations_invoice", "1919000 1 1"),
    ("allocations", "ix_allocations_credit", "1919000 2 1"),
    ("allocations", "ix_allocations_franchisee", "1919000 384"),
    ("franchisees", None, "5000"),
]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_open_documents_come_from_the_open_index(migrated_db_url):
    path = migrated_db_url.removeprefix("sqlite:///")
    conn = sqlite3.connect(path)
    try:
        conn.execute("ANALYZE")  # creates sqlite_stat1
        conn.execute("DELETE FROM sqlite_stat1")
        conn.executemany("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", STATS)
        conn.commit()
        conn.execute("ANALYZE sqlite_schema")  # reload the statistics
        from sqlalchemy.dialects import sqlite as sqlite_dialect

        for fid in (None, 7):
            statement = aging_statement(date(2026, 11, 30), DEFAULT_AGING_BOUNDS, fid)
            sql = str(
                statement.compile(dialect=sqlite_dialect.dialect(), compile_kwargs={"literal_binds": True})
            )
            plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
            reads = [step for step in plan if "ledger_documents" in step]
            assert reads and not any("kind_date" in step or "SCAN" in step for step in reads), plan
            if fid is None:  # everyone: the few open ones (a franchisee's own 600 documents are fine too)
                assert all("ix_ledger_documents_open" in step for step in reads), plan
    finally:
        conn.close()
