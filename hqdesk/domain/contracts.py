"""When a franchise contract needs attention: it ends soon, or it has ended while the business goes on."""

from __future__ import annotations

from datetime import date

from hqdesk.domain.franchisee import LifecycleStatus

# A contract ending within this many days is flagged: the renewal talk takes about that long.
CONTRACT_WARNING_DAYS = 90


def contract_warning(
    contract_end: date | None, status: LifecycleStatus, archived: bool, today: date
) -> int | None:
    """Days until the contract ends if that is within the warning window (0: today), or how long ago it
    ended, negative (the most overdue renewals must not look the safest); None when nothing needs doing.

    Nothing for an archived franchisee (nobody renews those), nor for the ended contract of a terminated one
    (it ended with the relationship)."""
    if contract_end is None or archived:
        return None
    days = (contract_end - today).days
    if days < 0:
        return None if status == LifecycleStatus.TERMINATED else days
    return days if days <= CONTRACT_WARNING_DAYS else None


__all__ = ["CONTRACT_WARNING_DAYS", "contract_warning"]
