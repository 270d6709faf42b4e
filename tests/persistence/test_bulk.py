"""persistence.bulk.insert_many: what it stores is what Core's executemany stores, with less work per row."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, create_engine, select
from sqlalchemy.types import TypeDecorator

from hqdesk.persistence.bulk import insert_many
from hqdesk.persistence.types import Money, UtcDateTime


class CountingUtc(TypeDecorator):
    """UtcDateTime that counts its conversions."""

    impl = UtcDateTime
    cache_ok = True
    calls = 0

    def process_bind_param(self, value, dialect):
        CountingUtc.calls += 1
        return value


def _tables():
    metadata = MetaData()
    columns = lambda: [  # noqa: E731
        Column("id", Integer, primary_key=True),
        Column("name", String(20)),
        Column("amount", Money()),
        Column("day", Date),
        Column("stamp", CountingUtc()),
    ]
    return metadata, Table("bulk", metadata, *columns()), Table("core", metadata, *columns())


def test_bulk_rows_store_what_core_stores_and_a_shared_stamp_is_converted_once():
    metadata, bulk, core = _tables()
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    now = datetime(2026, 11, 23, 8, 30, tzinfo=UTC)
    rows = [
        {
            "id": n,
            "name": f"行{n}",
            "amount": Decimal("1000.50") + n,
            "day": date(2026, 1, 1 + n % 28),
            "stamp": now,
        }
        for n in range(1, 301)
    ]
    rows[5]["amount"] = None
    rows[6]["day"] = None
    with engine.begin() as conn:
        CountingUtc.calls = 0
        insert_many(conn, bulk, rows, batch=100)
        assert CountingUtc.calls == 1  # one datetime object on every row: converted once, not 300 times
        conn.execute(core.insert(), rows)
        stored = conn.execute(select(bulk).order_by(bulk.c.id)).all()
        assert stored == conn.execute(select(core).order_by(core.c.id)).all()
    assert len(stored) == 300
    engine.dispose()
