"""Column types shared by the models."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, DateTime, Numeric
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator):
    """A timestamp stored in UTC and always returned timezone-aware (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC timestamp column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def Money() -> Numeric:  # noqa: N802 - reads like a type in column declarations
    """Decimal money: NUMERIC(18,2) on both databases (exact to the cent below 10^13 on SQLite)."""
    return Numeric(18, 2, asdecimal=True)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Cents(TypeDecorator):
    """Ledger money kept as whole cents in a BIGINT: exact sums in SQL on both databases (SQLite has no
    decimal type), returned as ``Decimal`` with two places. ``SUM()`` of such a column keeps the type. Python values bound to
    it are amounts in currency units (``Decimal("12.34")``, or an int such as 0), never cents."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("give ledger amounts as Decimal, not float")
        cents = Decimal(value) * 100
        if cents != cents.to_integral_value():
            raise ValueError(f"amount {value} has more than two decimals")
        return int(cents)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(CENT)


CENT = Decimal("0.01")
