"""Demo data: the one generator of a realistic, reproducible franchise network.

``hqdesk --demo`` fills its database with it on first launch, ``hqdesk-admin demo`` on request, and the
benchmarks seed thousands of franchisees with it; every feature that adds tables adds a builder here. The
same ``seed`` and ``today`` give the same data: one ``random.Random(seed)``, no clock, no iteration over sets.
Names, places and business wording come from the JSON pools in ``db/demo/``.

One builder per aggregate, over one set of draws (``base.Drawing``): ``users`` (the demo accounts),
``franchisees`` (company, unified social credit code, lifecycle history, contract), ``contacts`` (people, birthdays,
anniversaries), ``stores``. Their rows are made by the aggregates' mappers (persistence.mappers), as the
services and the importer make theirs; ``generate`` writes them.

It writes into an empty database only: no franchisees and no users. The demo users' passwords are published
(README), so they must never sit next to real accounts, and a database that already has users is refused like
one that has franchisees. The rows go in as bulk Core inserts in one unit of work, with ids assigned here (the
tables are empty), so 5,000 franchisees take seconds instead of minutes. Core inserts pass by the ORM and so
by the app's SQLite audit writer: demo rows are nobody's work and do not belong in the trail. (On PostgreSQL
the audit trigger still sees them: it sees every change, by design.) The users go through the ORM, so their
creation is audited like any other account.
"""

from hqdesk.demo.generate import (
    DemoData,
    DemoOptionError,
    DemoRefused,
    DemoRefusedUsers,
    build_demo_data,
    generate_demo,
)
from hqdesk.demo.pools import load_pools
from hqdesk.demo.users import ACCOUNT_MANAGERS, DEMO_USERS

__all__ = [
    "generate_demo",
    "build_demo_data",
    "DemoData",
    "DemoRefused",
    "DemoRefusedUsers",
    "DemoOptionError",
    "DEMO_USERS",
    "ACCOUNT_MANAGERS",
    "load_pools",
]
