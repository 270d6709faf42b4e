"""Seed a benchmark database with the demo generator: 5,000 franchisees and about 20,000 contacts by default.

    from tests.perf.seed import seed
    counts = seed(url)                      # {"franchisees": 5000, "contacts": ..., ...}

or from a shell: ``python tests/perf/seed.py sqlite:////tmp/bench.sqlite3 [franchisees] [seed]``.
The database must hold no franchisees yet (the generator refuses otherwise). On PostgreSQL as a superuser the
load skips the audit triggers (see ``_skip_triggers_if_allowed``).
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def seed(url: str, franchisees: int = 5000, seed: int = 7, *, today: date | None = None) -> dict:
    """Open (and create or upgrade) the database at ``url``, fill it with demo data, return the row counts."""
    from hqdesk.services.bootstrap import open_services
    from hqdesk.services.demo import generate_demo

    services = open_services(url)
    try:
        _skip_triggers_if_allowed(services.db.engine)
        return generate_demo(services.db, franchisees=franchisees, seed=seed, today=today)
    finally:
        services.close()


def _skip_triggers_if_allowed(engine) -> None:
    """PostgreSQL, signed in as a superuser (the benchmarks' throw-away server): load without firing the
    audit and foreign-key triggers (``session_replication_role = replica``), about 3x faster on 50,000
    franchisees. The seeded rows then have no audit trail, which no benchmark reads."""
    if engine.dialect.name != "postgresql":
        return
    from sqlalchemy import event, text

    with engine.connect() as conn:
        if not conn.execute(text("select rolsuper from pg_roles where rolname = current_user")).scalar():
            return

    @event.listens_for(engine, "begin")
    def replica(conn):
        conn.exec_driver_sql("SET LOCAL session_replication_role = replica")


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 2
    url = argv[0]
    franchisees = int(argv[1]) if len(argv) > 1 else 5000
    seed_value = int(argv[2]) if len(argv) > 2 else 7
    started = time.perf_counter()
    counts = seed(url, franchisees, seed_value)
    print(f"{counts} in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
