"""Bulk INSERTs of many rows at once (imports, the demo generator, their audit trail).

``insert_many`` is Core's executemany with less Python per row on SQLite: the statement is compiled once and
each row goes to the driver as a tuple, converted by the same bind processors SQLAlchemy would apply (dates,
money, timestamps), so what is stored is exactly what ``connection.execute(table.insert(), rows)`` stores.
On 20,000 imported franchisees (120,000 rows with status records, contacts and audit entries) the per-row
parameter handling of a Core executemany was about a quarter of the import. PostgreSQL takes the plain Core
path (its insertmanyvalues batching is already fast there).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table


def insert_many(
    connection: Connection, table: Table, rows: Sequence[dict[str, Any]], batch: int = 5000
) -> None:
    """INSERT ``rows`` (dicts with the same keys) into ``table`` in the connection's transaction."""
    if not rows:
        return
    if connection.dialect.name != "sqlite":
        for i in range(0, len(rows), batch):
            connection.execute(table.insert(), list(rows[i : i + batch]))
        return
    keys = list(rows[0])
    compiled = table.insert().compile(dialect=connection.dialect, column_keys=keys)
    processors = compiled._bind_processors
    order = [(name, processors.get(name)) for name in compiled.positiontup]
    plain = [name for name, process in order if process is None]
    if len(plain) == len(order):
        params = [tuple(row[name] for name in plain) for row in rows]
    else:
        params = [
            tuple(row[name] if process is None else process(row[name]) for name, process in order)
            for row in rows
        ]
    for i in range(0, len(params), batch):
        connection.exec_driver_sql(compiled.string, params[i : i + batch])


__all__ = ["insert_many"]
