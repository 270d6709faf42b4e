"""What the letters screens ask of the services, in the screens' words; runs in the task runner's threads.

The selection (calendar events in a date range, a franchisee filter, the dunning run's to-do list, all active
franchisees, picked franchisees) is resolved here from the existing services (calendar, franchisee list,
dunning); the letter engine (``services.letters``) plans, writes and records the letters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hqdesk.domain.calendar import EventKind
from hqdesk.domain.credit import DunningAction
from hqdesk.domain.franchisee import LifecycleStatus
from hqdesk.services.dto import SearchCriteria

LETTER_ACTIONS = frozenset({DunningAction.REMINDER_LETTER, DunningAction.FINAL_DEMAND})
EVENT_KINDS = {"birthday": EventKind.BIRTHDAY, "store_anniversary": EventKind.STORE_ANNIVERSARY}
PICK_LIMIT = 50  # franchisees listed for one search when picking by hand


@dataclass(frozen=True)
class Selection:
    """Who the order names, before the engine checks contacts and addresses."""

    franchisee_ids: tuple[int, ...]
    levels: dict  # dunning: franchisee id -> level (from the run)
    events: tuple = ()  # CalendarEvents (birthdays, anniversaries) in the range


def default_output_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "hqdesk letters"


def find_franchisees(services, actor, text: str):
    """Franchisees to pick by hand: those matching ``text`` (code, name, pinyin…), the first PICK_LIMIT."""
    result = services.franchisees.search(actor, SearchCriteria(text=text.strip()), page_size=PICK_LIMIT)
    return result.first_rows


def sample_franchisees(services, actor, limit: int = 30) -> list[tuple[int, str]]:
    """Franchisees to preview a template with (active ones first)."""
    result = services.franchisees.search(
        actor, SearchCriteria(statuses=(LifecycleStatus.ACTIVE,)), sort_column="code", page_size=limit
    )
    rows = (
        result.first_rows or services.franchisees.search(actor, SearchCriteria(), page_size=limit).first_rows
    )
    return [(r.id, f"{r.code} {r.legal_name}") for r in rows]


def select(services, actor, order) -> Selection:
    """The franchisees (and events, levels) ``order`` names, in a stable order."""
    source = order.source
    levels: dict[int, int] = {}
    events: tuple = ()
    if source == "events":
        kinds = {EVENT_KINDS[order.kind]} if order.kind in EVENT_KINDS else set(EVENT_KINDS.values())
        found = services.calendar.events(actor, order.events_from, order.events_to, kinds=kinds)
        events = tuple(e for e in found if e.franchisee_id is not None)
        ids = tuple(dict.fromkeys(e.franchisee_id for e in events))
    elif source == "dunning":
        tasks = [t for t in services.dunning.tasks(actor) if t.action in LETTER_ACTIONS]
        if tasks:
            latest = max(t.run_date for t in tasks)
            tasks = [t for t in tasks if t.run_date == latest]
        for t in tasks:  # the highest level of the run for each franchisee
            levels[t.franchisee_id] = max(levels.get(t.franchisee_id, 0), t.level)
        ids = tuple(dict.fromkeys(t.franchisee_id for t in tasks))
    elif source == "picked":
        ids = tuple(order.picked)
    else:
        if source == "active":
            criteria = SearchCriteria(statuses=(LifecycleStatus.ACTIVE,))
        else:
            criteria = SearchCriteria(
                tiers=(order.tier,) if order.tier else (),
                statuses=tuple(order.statuses),
                region=order.region or "",
                account_manager_id=order.account_manager_id,
            )
        ids = services.franchisees.search(actor, criteria, sort_column="code", page_size=0).ids
    return Selection(tuple(ids), levels, events)


def today() -> date:
    return date.today()


LETTER_ENTITIES = ()  # TEMP
