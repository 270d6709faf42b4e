"""The app's audit writer: one audit_log row per insert/update/delete of an audited row.

Runs in ``after_flush`` (ids known, attribute history still there), in the same transaction as the
change. On PostgreSQL the trigger from the migrations writes the trail instead (it also sees changes
made outside the app), so this writer stays quiet there.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

from hqdesk.persistence.bulk import insert_many
from hqdesk.persistence.models import (
    AUDIT_EXCLUDED_COLUMNS,
    AUDITED_TABLES,
    AuditEntry,
    Contact,
    ContactAnniversary,
)
from hqdesk.persistence.types import utcnow


def to_json_value(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return None
    return value


def _columns(obj):
    mapper = inspect(obj).mapper
    return [
        (attr.key, col.name)
        for attr in mapper.column_attrs
        for col in attr.columns
        if col.name not in AUDIT_EXCLUDED_COLUMNS
    ]


def _franchisee_id(session: Session, obj) -> int | None:
    table = obj.__table__.name
    if table == "franchisees":
        return obj.id
    if table == "contact_anniversaries":
        contact = session.get(Contact, obj.contact_id) if obj.contact_id else None
        return contact.franchisee_id if contact else None
    return getattr(obj, "franchisee_id", None)


def _row_id(obj) -> str:
    identity = inspect(obj).identity or ()
    return ",".join(str(v) for v in identity) if identity else str(getattr(obj, "id", ""))


def _entries(session: Session, username: str):
    for action, objects in (("insert", session.new), ("update", session.dirty), ("delete", session.deleted)):
        for obj in objects:
            table = getattr(obj, "__table__", None)
            if table is None or table.name not in AUDITED_TABLES:
                continue
            old: dict = {}
            new: dict = {}
            state = inspect(obj)
            for key, column in _columns(obj):
                history = state.attrs[key].history
                if action == "insert":
                    new[column] = to_json_value(getattr(obj, key))
                elif action == "delete":
                    old[column] = to_json_value(
                        history.unchanged[0]
                        if history.unchanged
                        else (history.deleted[0] if history.deleted else None)
                    )
                elif history.has_changes():
                    before = history.deleted[0] if history.deleted else None
                    after = history.added[0] if history.added else None
                    if to_json_value(before) != to_json_value(after):
                        old[column] = to_json_value(before)
                        new[column] = to_json_value(after)
            if action == "update" and not new:
                continue
            yield {
                "occurred_at": utcnow(),
                "username": username,
                "source": "app",
                "action": action,
                "table_name": table.name,
                "row_id": _row_id(obj),
                "franchisee_id": _franchisee_id(session, obj),
                "old_values": json.dumps(old, ensure_ascii=False, sort_keys=True) if old else None,
                "new_values": json.dumps(new, ensure_ascii=False, sort_keys=True) if new else None,
            }


_JSON_AS_IS = frozenset({str, int, bool, float, type(None)})


def audit_bulk_inserts(
    session: Session, model, rows: list[dict], ids: list[int], username: str, batch: int = 1000
) -> None:
    """The trail for rows added with a bulk INSERT (which by-passes ``after_flush``): the same entries the
    writer makes for ORM inserts. ``rows`` hold every column value; ``ids`` their primary keys. SQLite only."""
    if not rows or session.get_bind().dialect.name == "postgresql":
        return
    table = model.__table__
    now = utcnow()
    columns = [c.name for c in table.columns if c.name not in AUDIT_EXCLUDED_COLUMNS]
    entries = []
    for row_id, row in zip(ids, rows, strict=True):
        values = {**row, "id": row_id}
        new = {}
        for name in columns:
            value = values.get(name)
            new[name] = value if type(value) in _JSON_AS_IS else to_json_value(value)  # most are: no call
        entries.append(
            {
                "occurred_at": now,
                "username": username,
                "source": "app",
                "action": "insert",
                "table_name": table.name,
                "row_id": str(row_id),
                "franchisee_id": row_id if table.name == "franchisees" else row.get("franchisee_id"),
                "old_values": None,
                "new_values": json.dumps(new, ensure_ascii=False, sort_keys=True),
            }
        )
    insert_many(session.connection(), AuditEntry.__table__, entries, batch)


def install(session_factory) -> None:
    """Attach the audit writer to sessions made by ``session_factory``."""

    @event.listens_for(session_factory, "after_flush")
    def after_flush(session: Session, _ctx) -> None:
        if session.get_bind().dialect.name == "postgresql":
            return  # the trigger writes the trail there
        username = session.info.get("username")
        if not username:
            return
        rows = list(_entries(session, username))
        if rows:
            session.connection().execute(insert(AuditEntry), rows)


__all__ = ["install", "to_json_value", "ContactAnniversary"]
