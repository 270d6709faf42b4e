"""Dunning levels of a collection policy, and which level a franchisee has reached.

Pure: no Qt, no SQLAlchemy. A collection policy is an ordered list of levels; each says from how many days
overdue it applies, the action to take (``DunningAction``) and the letter template for the letters issue.

- A franchisee's level as of a date is the highest level whose ``days_overdue`` is at most the franchisee's
  largest days overdue on an open invoice as of that date (none: not in dunning).
- "The dunning level's hold": the current level's action is a credit hold, or a lower level's was (the
  franchisee has passed it): the credit check blocks.
- A dunning run makes a task for the current level's action, once per overdue episode: not again while an
  earlier task for the same level and action exists from a run after the oldest overdue invoice fell due.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from hqdesk.domain.credit import DunningAction
from hqdesk.domain.errors import FieldError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP

LETTER_ACTIONS = frozenset({DunningAction.REMINDER_LETTER, DunningAction.FINAL_DEMAND})
"""Actions that print a letter (their level needs a letter template)."""
MAX_DAYS = 36500


@dataclass(frozen=True)
class LevelRule:
    """One dunning level: from ``days_overdue`` on, take ``action``."""

    days_overdue: int
    action: DunningAction
    letter_template: str = ""
    level: int = 0  # 1, 2, 3... (numbered by ``numbered``)


def numbered(levels: Sequence[LevelRule]) -> list[LevelRule]:
    """The levels in order of days overdue, numbered 1, 2, 3..."""
    ordered = sorted(levels, key=lambda r: r.days_overdue)
    return [
        LevelRule(r.days_overdue, DunningAction(r.action), r.letter_template.strip(), i + 1)
        for i, r in enumerate(ordered)
    ]


def level_problems(levels: Sequence[LevelRule]) -> list[FieldError]:
    """What is wrong with a collection policy's levels as the user entered them (in their order)."""
    errors: list[FieldError] = []
    previous: int | None = None
    for i, r in enumerate(levels, start=1):
        if not 0 <= r.days_overdue <= MAX_DAYS:
            errors.append(
                FieldError(
                    "days_overdue",
                    QT_TRANSLATE_NOOP("Validation", "Level {n}: days overdue must be 0 to {max}."),
                    {"n": i, "max": MAX_DAYS},
                )
            )
        elif previous is not None and r.days_overdue <= previous:
            errors.append(
                FieldError(
                    "days_overdue",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "Level {n}: days overdue must be more than the level before ({previous} days).",
                    ),
                    {"n": i, "previous": previous},
                )
            )
        try:
            action = DunningAction(r.action)
        except ValueError:
            errors.append(
                FieldError("action", QT_TRANSLATE_NOOP("Validation", "Level {n}: unknown action."), {"n": i})
            )
            action = None
        if action in LETTER_ACTIONS and not r.letter_template.strip():
            errors.append(
                FieldError(
                    "letter_template",
                    QT_TRANSLATE_NOOP("Validation", "Level {n}: a letter needs a letter template."),
                    {"n": i},
                )
            )
        if len(r.letter_template.strip()) > 50:
            errors.append(
                FieldError(
                    "letter_template",
                    QT_TRANSLATE_NOOP("Validation", "Level {n}: at most 50 characters."),
                    {"n": i},
                )
            )
        previous = r.days_overdue
    return errors


def current_level(levels: Sequence[LevelRule], max_days_overdue: int) -> LevelRule | None:
    """The highest level whose days overdue is at most ``max_days_overdue`` (None: none reached, or not
    overdue at all: 0 days or less never reaches a level, even one "from 0 days")."""
    if max_days_overdue <= 0:
        return None
    reached = [r for r in levels if r.days_overdue <= max_days_overdue]
    return max(reached, key=lambda r: r.days_overdue) if reached else None


def hold_reached(levels: Sequence[LevelRule], max_days_overdue: int) -> LevelRule | None:
    """The credit-hold level the franchisee has reached or passed (None: none)."""
    now = current_level(levels, max_days_overdue)
    if now is None:
        return None
    holds = [
        r for r in levels if r.action is DunningAction.CREDIT_HOLD and r.days_overdue <= now.days_overdue
    ]
    return holds[0] if holds else None


@dataclass(frozen=True)
class EarlierTask:
    level: int
    action: DunningAction
    run_date: date


def task_due(
    levels: Sequence[LevelRule],
    max_days_overdue: int,
    oldest_overdue_due_date: date | None,
    earlier: Sequence[EarlierTask],
) -> LevelRule | None:
    """The level whose action a run should add as a task (None: nothing new). ``earlier``: this franchisee's
    tasks from earlier runs; one for the same level and action from a run after the oldest overdue invoice
    fell due belongs to the same overdue episode, so the action is not due again."""
    now = current_level(levels, max_days_overdue)
    if now is None:
        return None
    for t in earlier:
        if t.level == now.level and t.action == now.action:
            if oldest_overdue_due_date is None or t.run_date > oldest_overdue_due_date:
                return None
    return now


__all__ = [
    "LevelRule",
    "LETTER_ACTIONS",
    "numbered",
    "level_problems",
    "current_level",
    "hold_reached",
    "EarlierTask",
    "task_due",
]
