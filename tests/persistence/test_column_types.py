"""Money stays exact and timestamps come back as UTC on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import StatementError

from hqdesk.persistence.database import Database
from hqdesk.persistence.models import AuditEntry, Franchisee, Store


@pytest.fixture
def db(db_url):
    database = Database.open(db_url)
    yield database
    database.close()


AMOUNTS = [
    Decimal("12345678901.23"),
    Decimal("0.01"),
    Decimal("9999999999999.99"),
    Decimal("0.10"),
    Decimal("-42.50"),
]


def test_decimal_money_round_trips_exactly(db):
    with db.write("t") as s:
        for i, amount in enumerate(AMOUNTS):
            s.add(Franchisee(code=f"M{i}", legal_name="x", city="y", tier="A", registered_capital=amount))
        s.commit()
    with db.read() as s:
        back = s.scalars(select(Franchisee.registered_capital).order_by(Franchisee.code)).all()
    assert back == AMOUNTS
    assert all(type(v) is Decimal for v in back)
    assert [str(v) for v in back] == [str(a) for a in AMOUNTS]  # the cents are kept, "0.10" not "0.1"


def test_sum_in_sql_is_exact_to_the_cent(db):
    with db.write("t") as s:
        s.add(Franchisee(code="P", legal_name="x", city="y", tier="A"))
        s.flush()
        fid = s.scalar(select(Franchisee.id))
        s.add_all([Store(franchisee_id=fid, name=f"s{i}", floor_area=Decimal("0.10")) for i in range(3)])
        s.commit()
    with db.read() as s:
        assert s.scalar(select(func.sum(Store.floor_area))) == Decimal("0.30")


def test_timestamps_come_back_timezone_aware_utc(db):
    beijing = timezone(timedelta(hours=8))
    with db.write("t") as s:
        s.add(Franchisee(code="T", legal_name="x", city="y", tier="A"))
        s.add(
            AuditEntry(
                occurred_at=datetime(2026, 3, 1, 8, 30, tzinfo=beijing),
                username="u",
                action="update",
                table_name="x",
                row_id="1",
            )
        )
        s.commit()
    with db.read() as s:
        created = s.scalar(select(Franchisee.created_at))
        occurred = s.scalar(select(AuditEntry.occurred_at).where(AuditEntry.table_name == "x"))
    assert created.tzinfo is not None and created.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - created) < timedelta(minutes=5)
    assert occurred == datetime(2026, 3, 1, 0, 30, tzinfo=UTC)
    assert occurred.utcoffset() == timedelta(0)


def test_naive_timestamp_is_refused(db):
    with pytest.raises(StatementError, match="naive datetime"), db.write("t") as s:
        s.add(
            AuditEntry(
                occurred_at=datetime(2026, 3, 1, 8, 30), username="u", action="x", table_name="x", row_id="1"
            )
        )
        s.commit()
