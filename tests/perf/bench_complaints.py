"""Benchmark: the complaint queue with 100,000 complaints (target: each first page ready in under 300 ms).

    python tests/perf/bench_complaints.py                     # a temp SQLite file
    python tests/perf/bench_complaints.py --db pg-temp        # a throw-away local PostgreSQL (tests/pgserver.py)
    python tests/perf/bench_complaints.py --complaints 20000  # another size

Seeding: 5,000 franchisees with the demo generator (``tests/perf/seed.py``, which also writes its own few
thousand demo complaints), then bulk Core inserts up to the size asked, spread over five years with the demo's
mix (most old complaints closed; the open ones new, assigned, in progress or reopened; some overdue). On
PostgreSQL ``ANALYZE`` runs after the load, as autovacuum would.

What is timed, each case 5 times, median and max printed: ``ComplaintService.queue`` for the first page (100
rows and the count of matches) for the queue's default (open complaints, newest first), every sort key in both
directions, every filter (status, category with its sub-categories, severity, assignee, unassigned, overdue,
text), a combination, and a later page (keyset); then the queue page itself (``ComplaintsView`` built with an
inline task runner until its model holds the first page), and ``overdue_for``.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

TARGET_MS = 300.0
RUNS = 5


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default="", help="a database URL of an empty database, or 'pg-temp'")
    parser.add_argument("--complaints", type=int, default=100_000)
    parser.add_argument("--franchisees", type=int, default=5000)
    return parser.parse_args(argv)


def bulk_complaints(services, total: int, seed: int = 11) -> int:
    """Top the complaints up to ``total`` with Core inserts on a plain connection (no audit rows: no benchmark
    reads them; on PostgreSQL as a superuser the triggers are skipped too)."""
    from sqlalchemy import func, insert, select, text

    from hqdesk.domain.complaints import DEFAULT_SLA, ComplaintStatus, Severity, due_dates, next_deadline
    from hqdesk.persistence.models import Franchisee, User
    from hqdesk.persistence.models_complaints import Complaint, ComplaintCategory

    rng = random.Random(seed)
    engine = services.db.engine
    with engine.begin() as conn:
        if (
            engine.dialect.name == "postgresql"
            and conn.execute(text("select rolsuper from pg_roles where rolname = current_user")).scalar()
        ):
            conn.execute(text("SET LOCAL session_replication_role = replica"))
        have = conn.execute(select(func.count()).select_from(Complaint)).scalar() or 0
        first = (conn.execute(select(func.max(Complaint.id))).scalar() or 0) + 1
        franchisees = [r[0] for r in conn.execute(select(Franchisee.id))]
        users = [
            r[0] for r in conn.execute(select(User.id).where(User.role.in_(["admin", "account_manager"])))
        ]
        leaves = [
            r[0]
            for r in conn.execute(select(ComplaintCategory.id).where(ComplaintCategory.parent_id.isnot(None)))
        ]
        now = datetime.now(UTC)
        rows = []
        S = ComplaintStatus
        for n in range(max(total - have, 0)):
            age = rng.triangular(0, 5 * 365, 30)
            received = now - timedelta(days=age, minutes=rng.randint(0, 600))
            severity = rng.choice(list(Severity))
            due = due_dates(received, DEFAULT_SLA[severity])
            if age > 60:
                status = rng.choices([S.CLOSED, S.RESOLVED, S.IN_PROGRESS, S.REOPENED], [90, 6, 3, 1])[0]
            else:
                status = rng.choices(list(S), [8, 12, 30, 20, 25, 5])[0]
            responded = (
                None if status in (S.NEW, S.ASSIGNED) else received + timedelta(hours=rng.randint(1, 60))
            )
            deadline = next_deadline(status, responded is not None, due.response_due, due.resolution_due)
            rows.append(
                {
                    "id": first + n,
                    "franchisee_id": rng.choice(franchisees),
                    "contact_id": None,
                    "received_at": received,
                    "channel": rng.choice(["phone", "wechat", "visit", "email", "letter"]),
                    "category_id": rng.choice(leaves),
                    "severity": int(severity),
                    "description": "基准测试投诉：手镯镀层脱落，顾客要求退换。",
                    "references": "",
                    "status": status.value,
                    "assignee_id": None if status is S.NEW else rng.choice(users),
                    "logged_by_id": rng.choice(users),
                    "response_due": due.response_due,
                    "resolution_due": due.resolution_due,
                    "due_at": deadline or due.resolution_due,
                    "responded_at": responded,
                    "resolved_at": None,
                    "closed_at": None,
                    "resolution": "",
                    "root_cause": "",
                    "corrective_action": "",
                    "satisfaction": None,
                    "version": 1,
                    "created_at": received,
                    "updated_at": received,
                    "updated_by": "bench",
                }
            )
            if len(rows) == 5000:
                conn.execute(insert(Complaint.__table__), rows)
                rows = []
        if rows:
            conn.execute(insert(Complaint.__table__), rows)
        if engine.dialect.name == "postgresql":
            conn.execute(
                text("SELECT setval(pg_get_serial_sequence('complaints', 'id'), max(id)) FROM complaints")
            )
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
        return conn.execute(select(func.count()).select_from(Complaint)).scalar()


def timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def cases(services, admin, am_id):
    from hqdesk.domain.complaints import OPEN_STATUSES, ComplaintStatus, Severity
    from hqdesk.services.complaints import SORT_KEYS, UNASSIGNED, QueueFilter

    sv = services.complaints
    quality = next(c.id for c in sv.categories() if c.parent_id is None)
    open_ = QueueFilter(statuses=OPEN_STATUSES)
    out = [("default: open, newest first", lambda: sv.queue(admin, open_))]
    for key in SORT_KEYS:
        for desc in (False, True):
            out.append(
                (
                    f"all, by {key} {'desc' if desc else 'asc'}",
                    lambda k=key, d=desc: sv.queue(admin, sort=k, descending=d),
                )
            )
    out += [
        ("status new", lambda: sv.queue(admin, QueueFilter(statuses=frozenset({ComplaintStatus.NEW})))),
        ("status closed", lambda: sv.queue(admin, QueueFilter(statuses=frozenset({ComplaintStatus.CLOSED})))),
        ("category product quality (subtree)", lambda: sv.queue(admin, QueueFilter(category_id=quality))),
        ("severity critical", lambda: sv.queue(admin, QueueFilter(severity=Severity.CRITICAL))),
        ("assignee zhang", lambda: sv.queue(admin, QueueFilter(assignee_id=am_id))),
        ("unassigned", lambda: sv.queue(admin, QueueFilter(assignee_id=UNASSIGNED))),
        ("overdue", lambda: sv.queue(admin, QueueFilter(overdue=True))),
        (
            "overdue, by due asc",
            lambda: sv.queue(admin, QueueFilter(overdue=True), sort="due_at", descending=False),
        ),
        ("text JX001", lambda: sv.queue(admin, QueueFilter(text="JX001"))),
        ("text 金", lambda: sv.queue(admin, QueueFilter(text="金"))),
        (
            "open + critical + zhang, by due",
            lambda: sv.queue(
                admin,
                QueueFilter(statuses=OPEN_STATUSES, severity=Severity.CRITICAL, assignee_id=am_id),
                sort="due_at",
                descending=False,
            ),
        ),
    ]
    return out


def main(argv=None) -> int:
    args = parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="hqdesk-bench-"))
    os.environ.setdefault("HQDESK_DATA_DIR", str(tmp / "data"))
    os.environ.setdefault("HQDESK_SETTINGS_DIR", str(tmp / "settings"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    pg = None
    if args.db == "pg-temp":
        from tests.pgserver import PostgresServer

        pg = PostgresServer().start()
        url = pg.create_database("benchcomplaints")
    else:
        url = args.db or "sqlite:///" + (tmp / "complaints.sqlite3").as_posix()
    try:
        return run(url, args)
    finally:
        if pg is not None:
            pg.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def run(url: str, args) -> int:
    from hqdesk.services.bootstrap import open_services
    from tests.perf.seed import seed

    started = time.perf_counter()
    counts = seed(url, args.franchisees)
    services = open_services(url)
    try:
        total = bulk_complaints(services, args.complaints)
        print(
            f"{services.db.dialect}: {counts['franchisees']} franchisees, {total} complaints "
            f"(seeded in {time.perf_counter() - started:.0f} s)"
        )
        admin = services.users.actor("admin")
        zhang = services.users.actor("zhang")
        ok = True
        print(f"{'case':45} {'median':>8} {'max':>8}  rows  matches")
        for label, fn in cases(services, admin, zhang.user_id):
            times = []
            page = None
            for _ in range(RUNS):
                ms, page = timed(fn)
                times.append(ms)
            median = statistics.median(times)
            ok &= median < TARGET_MS
            print(f"{label:45} {median:8.1f} {max(times):8.1f}  {len(page.rows):4}  {page.total}")
        # a later page: the key of page 1, then page 2..5
        sv = services.complaints
        first = sv.queue(admin)
        times = []
        key = first.next_key
        for _ in range(RUNS):
            ms, page = timed(lambda k=key: sv.queue(admin, after=k))
            times.append(ms)
            key = page.next_key
        ok &= statistics.median(times) < TARGET_MS
        print(
            f"{'all, next pages (keyset)':45} {statistics.median(times):8.1f} {max(times):8.1f}  {len(page.rows):4}"
        )
        times = []
        for _ in range(RUNS):
            ms, rows = timed(lambda: sv.overdue_for(admin, zhang.user_id))
            times.append(ms)
        ok &= statistics.median(times) < TARGET_MS
        print(f"{'overdue_for(zhang)':45} {statistics.median(times):8.1f} {max(times):8.1f}  {len(rows):4}")
        ms = view_ready(services, admin)
        ok &= statistics.median(ms) < TARGET_MS
        print(f"{'ComplaintsView ready (inline runner)':45} {statistics.median(ms):8.1f} {max(ms):8.1f}")
    finally:
        services.close()
    print("PASS" if ok else "FAIL", f"(target: median < {TARGET_MS:.0f} ms each)")
    return 0 if ok else 1


def view_ready(services, actor) -> list[float]:
    from PySide6.QtWidgets import QApplication

    from hqdesk.ui.context import ChangeBus, UiContext
    from hqdesk.ui.i18n import install_translators
    from hqdesk.ui.settings import open_settings
    from hqdesk.ui.tasks import InlineTaskRunner
    from hqdesk.ui.views.complaints import ComplaintsView

    app = QApplication.instance() or QApplication([])
    install_translators(app, "zh_CN")
    ctx = UiContext(services, actor, InlineTaskRunner(), ChangeBus(), open_settings())
    out = []
    for _ in range(RUNS):
        started = time.perf_counter()
        view = ComplaintsView(ctx)
        view.resize(1200, 700)
        view.show()
        app.processEvents()
        assert view.model.rowCount() > 0
        out.append((time.perf_counter() - started) * 1000)
        view.close()
        view.deleteLater()
        app.processEvents()
    return out


if __name__ == "__main__":
    sys.exit(main())
