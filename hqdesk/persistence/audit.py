"""The app's audit writer: one audit_log row per insert/update/delete of an audited row.

Runs in ``after_flush`` (ids known, attribute history still there), in the same transaction as the
change. On PostgreSQL the trigger from the migrations writes the trail instead (it also sees changes
made outside the app), so this writer stays quiet there. Both follow the same rules:

- an update records the business columns that changed, old and new;
- secrets (the password hash, the logo's bytes) are never written: a change of one is recorded as
  ``{"credentials": "changed"}`` (``{"logo_png": "changed"}``), so password resets are in the trail;
- an update that changes only bookkeeping columns (``updated_by``, ``version``, ``updated_at``,
  ``created_at``, the search text) is recorded with those columns, so "last changed by" cannot be set
  quietly. The one exception: the search text refreshed after an audited change of the same franchisee
  in the same transaction (the app's own refresh; it adds nothing a user needs to read).
- bulk Core inserts with explicit ids (the demo generator) are recorded like ORM inserts.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, func, insert, inspect, select
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

SECRETS = {"password_hash": "credentials", "logo_png": "logo_png"}
"""Columns whose values never reach the trail; a change is recorded under the key given here."""
BOOKKEEPING = AUDIT_EXCLUDED_COLUMNS - set(SECRETS)
CHANGED = "changed"
_AUDITED_KEY = "hqdesk_audited_franchisees"


def to_json_value(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return None
    return value


def _columns(obj, excluded=AUDIT_EXCLUDED_COLUMNS):
    mapper = inspect(obj).mapper
    return [
        (attr.key, col.name)
        for attr in mapper.column_attrs
        for col in attr.columns
        if col.name not in excluded
    ]


def _changed(state, key) -> tuple[bool, object, object]:
    history = state.attrs[key].history
    if not history.has_changes():
        return False, None, None
    before = history.deleted[0] if history.deleted else None
    after = history.added[0] if history.added else None
    return to_json_value(before) != to_json_value(after), before, after


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
                else:
                    changed, before, after = _changed(state, key)
                    if changed:
                        old[column] = to_json_value(before)
                        new[column] = to_json_value(after)
            fid = _franchisee_id(session, obj)
            if action == "update":
                for key, column in _columns(obj, excluded=()):
                    if column in SECRETS and _changed(state, key)[0]:
                        new[SECRETS[column]] = CHANGED
                if not new:
                    # only bookkeeping changed: recorded too, so "last changed by" cannot be set quietly
                    for key, column in _columns(obj, excluded=()):
                        if column in BOOKKEEPING:
                            changed, before, after = _changed(state, key)
                            if changed:
                                old[column] = to_json_value(before)
                                new[column] = to_json_value(after)
                    if not new:
                        continue
                    if (
                        set(new) == {"search_text"}
                        and table.name == "franchisees"
                        and fid in session.info.get(_AUDITED_KEY, ())
                    ):
                        continue  # the app's own refresh after an audited change of this franchisee
            if fid is not None:
                session.info.setdefault(_AUDITED_KEY, set()).add(fid)
            yield {
                "occurred_at": utcnow(),
                "username": username,
                "source": "app",
                "action": action,
                "table_name": table.name,
                "row_id": _row_id(obj),
                "franchisee_id": fid,
                "old_values": json.dumps(old, ensure_ascii=False, sort_keys=True) if old else None,
                "new_values": json.dumps(new, ensure_ascii=False, sort_keys=True) if new else None,
            }


_JSON_AS_IS = frozenset({str, int, bool, float, type(None)})
# json.dumps(..., ensure_ascii=False, sort_keys=True) without building an encoder per row, for dicts built
# with their keys in sorted order (sorting each row's keys again cost a fifth of the encoding)
_encode_in_order = json.JSONEncoder(ensure_ascii=False).encode


def audit_bulk_inserts(
    session: Session, model, rows: list[dict], ids: list[int], username: str, batch: int = 1000
) -> None:
    """The trail for rows added with a bulk INSERT (which by-passes ``after_flush``): the same entries the
    writer makes for ORM inserts. ``rows`` hold every column value; ``ids`` their primary keys. SQLite only."""
    if not rows or session.get_bind().dialect.name == "postgresql":
        return
    table = model.__table__
    now = utcnow()
    # sorted once: each row's dict is built in key order, so the encoder need not sort it (same JSON)
    columns = sorted(c.name for c in table.columns if c.name not in AUDIT_EXCLUDED_COLUMNS)
    table_name = str(table.name)  # a plain str: the driver asks a str subclass how to adapt it, row by row
    entries = []
    for row_id, row in zip(ids, rows, strict=True):
        get = row.get
        new = {
            name: value if type(value) in _JSON_AS_IS else to_json_value(value)  # most are: no call
            for name in columns
            for value in (get(name),)
        }
        if "id" in new:
            new["id"] = row_id  # keeps its place among the sorted keys
        entries.append(
            {
                "occurred_at": now,
                "username": username,
                "source": "app",
                "action": "insert",
                "table_name": table_name,
                "row_id": str(row_id),
                "franchisee_id": row_id if table.name == "franchisees" else row.get("franchisee_id"),
                "old_values": None,
                "new_values": _encode_in_order(new),
            }
        )
    insert_many(session.connection(), AuditEntry.__table__, entries, batch)


def _audit_core_insert(state) -> None:
    """``do_orm_execute``: a Core INSERT of an audited table whose rows carry their ids (the demo
    generator's bulk rows) is recorded like ORM inserts. Rows without ids (the importer's, which records
    them itself with ``audit_bulk_inserts`` once their ids are known) are left alone."""
    session = state.session
    username = session.info.get("username")
    if not username or not state.is_insert or session.get_bind().dialect.name == "postgresql":
        return
    table = getattr(state.statement, "table", None)
    if table is None or table.name not in AUDITED_TABLES or table.name == "audit_log":
        return
    params = state.parameters
    rows = [params] if isinstance(params, dict) else list(params or ())
    if not rows or any(not isinstance(r, dict) or r.get("id") is None for r in rows):
        return
    model = next((m for m in (m.class_ for m in AuditEntry.registry.mappers) if m.__table__ is table), None)
    if model is None:
        return
    if table.name == "contact_anniversaries":
        contact_ids = {r["contact_id"] for r in rows}
        owners = dict(
            session.execute(
                select(Contact.id, Contact.franchisee_id).where(Contact.id.in_(contact_ids))
            ).all()
        )
        rows = [{**r, "franchisee_id": owners.get(r["contact_id"])} for r in rows]
    audit_bulk_inserts(session, model, rows, [r["id"] for r in rows], username)


def install(session_factory) -> None:
    """Attach the audit writer to sessions made by ``session_factory``."""

    event.listen(session_factory, "do_orm_execute", _audit_core_insert)

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


def _column_defaults(model) -> dict[str, Any]:
    """Every column but the id with the model's scalar default (None without one)."""
    return {
        c.name: (c.default.arg if c.default is not None and c.default.is_scalar else None)
        for c in model.__table__.columns
        if c.name != "id"
    }


def insert_audited(s: Session, model, rows: list[dict], username: str) -> list[int] | None:
    """Bulk-insert ``rows`` with Core executemany (the ORM's bulk path costs as much again in Python).

    Every column is given (the models' scalar defaults fill the rest): what is stored is what is audited.
    PostgreSQL: the sequences give the ids and the audit trigger writes the trail; returns None. SQLite: the
    ids are given here, after the highest one (the write transaction holds SQLite's lock from BEGIN
    IMMEDIATE, so no other writer can take them), and the trail is written here, as the app's audit writer
    would for ORM inserts (bulk INSERTs pass it by); returns the ids."""
    if not rows:
        return []
    defaults = _column_defaults(model)
    table = model.__table__
    connection = s.connection()
    if connection.dialect.name == "postgresql":
        insert_many(connection, table, [{**defaults, **r} for r in rows])
        return None
    first = connection.scalar(select(func.coalesce(func.max(table.c.id), 0)))
    ids = list(range(first + 1, first + 1 + len(rows)))
    rows = [{**defaults, **row, "id": row_id} for row, row_id in zip(rows, ids, strict=True)]
    insert_many(connection, table, rows)
    audit_bulk_inserts(s, model, rows, ids, username)
    return ids


__all__ = ["install", "to_json_value", "ContactAnniversary", "insert_audited"]
