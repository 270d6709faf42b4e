"""Rules for reading a franchisee's history: which audit entries tell the user nothing new.

A status change writes two audit rows: the franchisee's status columns, and the status change record with
its reason. The user should read it once, so the profile row's "status changed" entry is dropped when a
recorded status change by the same user lies within STATUS_ECHO_WINDOW of it. Changes made outside the app
have no status record and stay.

Entries are any objects with ``table_name``, ``action``, ``changes`` (each with ``field``), ``username`` and
``occurred_at`` (the services' HistoryEntry).
"""

from __future__ import annotations

from datetime import timedelta

STATUS_ECHO_WINDOW = timedelta(seconds=5)
STATUS_FIELDS = frozenset({"status", "status_changed_on"})


def is_status_echo(entry, recorded) -> bool:
    """Whether ``entry`` only repeats one of the ``recorded`` status change inserts."""
    if (
        entry.table_name != "franchisees"
        or entry.action != "update"
        or not {c.field for c in entry.changes} <= STATUS_FIELDS
    ):
        return False
    return any(
        r.username == entry.username and abs(r.occurred_at - entry.occurred_at) < STATUS_ECHO_WINDOW
        for r in recorded
    )


def without_status_echoes(entries) -> list:
    entries = list(entries)
    recorded = [e for e in entries if e.table_name == "franchisee_status_changes" and e.action == "insert"]
    return [e for e in entries if not is_status_echo(e, recorded)]


__all__ = ["STATUS_ECHO_WINDOW", "is_status_echo", "without_status_echoes"]
