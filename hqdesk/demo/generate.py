"""``generate_demo``: the builders behind the one ``demo`` command, and the writing of their rows."""

from __future__ import annotations

import logging
import random
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from hqdesk.demo.base import DEMO_USERNAME, DemoData
from hqdesk.demo.complaints import add_complaints
from hqdesk.demo.contacts import ContactBuilder
from hqdesk.demo.credit import add_credit_demo
from hqdesk.demo.franchisees import FranchiseeBuilder
from hqdesk.demo.pools import load_pools
from hqdesk.demo.stores import StoreBuilder
from hqdesk.demo.users import DEMO_USERS, add_users
from hqdesk.demo.visits import add_demo_visits
from hqdesk.domain.errors import HqdeskError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.persistence.database import Database
from hqdesk.persistence.models import Contact, ContactAnniversary, Franchisee, StatusChangeRecord, Store, User
from hqdesk.persistence.types import utcnow
from hqdesk.services.users import hash_password

log = logging.getLogger(__name__)

BATCH = 5000


class DemoRefused(HqdeskError):
    """The database is not empty: nothing was written."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Demo data goes into an empty database only, and this one already holds {count} franchisees. "
        "Nothing was changed.",
    )


class DemoRefusedUsers(DemoRefused):
    """The database has no franchisees but has users: the demo accounts, whose passwords are published,
    would sit next to real ones."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Demo data goes into an empty database only, and this one already holds {count} users. "
        "The demo accounts have published passwords and must not be added next to real ones. "
        "Nothing was changed.",
    )


class DemoOptionError(ValueError):
    """Options the generator cannot honour: a negative count, or dates outside the calendar."""


class _Builder(FranchiseeBuilder, ContactBuilder, StoreBuilder):
    """All the builders over one set of draws: a franchisee's contacts and stores are drawn while it is built."""

    def build(self, count: int) -> DemoData:
        for number in range(1, count + 1):
            self.franchisee(number)
        return self.data


# ----- writing -------------------------------------------------------------------------------------------

TABLES = (
    ("franchisees", Franchisee),
    ("status_changes", StatusChangeRecord),
    ("contacts", Contact),
    ("anniversaries", ContactAnniversary),
    ("stores", Store),
)


def _check_options(franchisees: int, years: int, today: date) -> None:
    if franchisees < 0 or years < 1:
        raise DemoOptionError("franchisees must be >= 0 and years >= 1")
    # join dates go back `years`, birthdays some 66 years more; contracts and planned stores reach a few years ahead
    try:
        today - timedelta(days=366 * (years + 100))
        today + timedelta(days=366 * 50)
    except OverflowError:
        raise DemoOptionError(
            f"today {today.isoformat()} and {years} year(s) of history put demo dates outside the calendar"
        ) from None


def build_demo_data(
    *,
    franchisees: int,
    years: int,
    seed: int,
    today: date,
    first_ids: dict[str, int] | None = None,
    now: datetime | None = None,
) -> DemoData:
    """The rows ``generate_demo`` writes, without a database (account_manager_id still None)."""
    _check_options(franchisees, years, today)
    builder = _Builder(
        load_pools(),
        random.Random(seed),
        today,
        years,
        now or utcnow(),
        first_ids or {key: 0 for key, _ in TABLES},
    )
    return builder.build(franchisees)


def _refuse_unless_empty(s: Session) -> None:
    """Raise DemoRefused unless the database has neither franchisees nor users."""
    franchisees = s.scalar(select(func.count()).select_from(Franchisee)) or 0
    if franchisees:
        raise DemoRefused(count=franchisees)
    users = s.scalar(select(func.count()).select_from(User)) or 0
    if users:
        raise DemoRefusedUsers(count=users)


def generate_demo(
    db: Database,
    *,
    franchisees: int = 300,
    years: int = 5,
    seed: int = 1,
    today: date | None = None,
    ledger: bool = True,
) -> dict[str, int]:
    """Fill an empty database (no franchisees, no users) with demo data; return how many rows each table holds.

    ``years``: how far back join dates and store openings go. ``today``: the day every date is counted from
    (default: the computer's date); the same ``seed``, ``years`` and ``today`` give the same data.
    Raises DemoRefused (nothing written) if the database already has franchisees, DemoRefusedUsers if it has
    users, DemoOptionError for options it cannot honour.
    """
    today = today or date.today()
    _check_options(franchisees, years, today)
    started = time.perf_counter()
    with db.read() as s:
        _refuse_unless_empty(s)
        first_ids = {key: s.scalar(select(func.coalesce(func.max(model.id), 0))) for key, model in TABLES}
    # argon2 runs outside the GIL: the passwords are hashed while the rows are built.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo-hash") as pool:
        hashing = pool.submit(lambda: {u.username: hash_password(u.password) for u in DEMO_USERS})
        data = build_demo_data(
            franchisees=franchisees, years=years, seed=seed, today=today, first_ids=first_ids
        )
        hashes = hashing.result()
    built = time.perf_counter()
    with db.write(DEMO_USERNAME) as s:
        _refuse_unless_empty(s)  # someone may have been quicker
        user_ids = add_users(s, hashes)
        for row, manager in zip(data.franchisees, data.account_managers, strict=True):
            row["account_manager_id"] = user_ids.get(manager)
        for key, model in TABLES:
            rows = getattr(data, key)
            for i in range(0, len(rows), BATCH):
                s.execute(insert(model.__table__), rows[i : i + BATCH])
        complaints = add_complaints(
            s,
            franchisees=data.franchisees,
            account_managers=data.account_managers,
            contacts=data.contacts,
            user_ids=user_ids,
            seed=seed,
            today=today,
            now=utcnow(),
        )
        if db.dialect == "postgresql":
            # ids were given explicitly: move each sequence past them, or the app's next insert collides
            for table in [model.__tablename__ for _, model in TABLES] + ["complaints", "complaint_events"]:
                s.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} "
                        f"HAVING max(id) IS NOT NULL"
                    )
                )
        visits = add_demo_visits(s, today, seed)  # after the franchisees: it reads them as written
        from hqdesk.demo.letters import add_letters_demo

        add_letters_demo(s)  # the letterhead and its remittance details
        if ledger:  # credit profiles and 3-5 years of invoices and payments (hqdesk/demo/ledger.py)
            from hqdesk.demo.ledger import add_demo_ledger

            log.info("demo ledger: %s", add_demo_ledger(s, seed=seed, today=today, years=years))
        counts = {
            "users": s.scalar(select(func.count()).select_from(User)) or 0,
            **{key: len(getattr(data, key)) for key, _ in TABLES},
            **visits,
            "complaints": complaints,
        }
        s.commit()
    credit = add_credit_demo(db, today=today, seed=seed)  # after the ledger: pending proposals, a dunning run
    log.info("credit demo rows: %s", credit)
    log.info(
        "demo data (seed %s, %s franchisees): built in %.2f s, written in %.2f s: %s",
        seed,
        franchisees,
        built - started,
        time.perf_counter() - built,
        counts,
    )
    return counts


__all__ = [
    "generate_demo",
    "build_demo_data",
    "DemoRefused",
    "DemoRefusedUsers",
    "DemoOptionError",
    "DemoData",
]
