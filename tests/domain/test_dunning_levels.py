"""Dunning levels: validation, the current level, the hold, and once-per-episode tasks."""

from datetime import date

from hqdesk.domain.credit import DunningAction
from hqdesk.domain.dunning import (
    EarlierTask,
    LevelRule,
    current_level,
    hold_reached,
    level_problems,
    numbered,
    task_due,
)

LEVELS = numbered(
    [
        LevelRule(7, DunningAction.REMINDER_LETTER, "dunning_reminder"),
        LevelRule(30, DunningAction.PHONE_CALL),
        LevelRule(60, DunningAction.CREDIT_HOLD),
    ]
)


def test_current_level_is_the_highest_reached():
    assert current_level(LEVELS, 0) is None
    assert current_level(LEVELS, 6) is None
    assert current_level(LEVELS, 7).level == 1
    assert current_level(LEVELS, 59).action is DunningAction.PHONE_CALL
    assert current_level(LEVELS, 400).level == 3


def test_a_level_from_0_days_needs_something_overdue():
    levels = numbered([LevelRule(0, DunningAction.REMINDER_LETTER, "x")])
    assert current_level(levels, 0) is None and current_level(levels, 1).level == 1


def test_hold_reached_or_passed():
    assert hold_reached(LEVELS, 59) is None
    assert hold_reached(LEVELS, 60).days_overdue == 60
    more = numbered([*LEVELS, LevelRule(90, DunningAction.LEGAL_REVIEW)])
    assert hold_reached(more, 100).action is DunningAction.CREDIT_HOLD


def test_levels_must_increase_strictly_and_letters_need_a_template():
    bad = [
        LevelRule(30, DunningAction.PHONE_CALL),
        LevelRule(30, DunningAction.VISIT),
        LevelRule(10, DunningAction.REMINDER_LETTER, ""),
    ]
    fields = [e.field for e in level_problems(bad)]
    assert fields == ["days_overdue", "days_overdue", "letter_template"]
    assert level_problems(LEVELS) == []


def test_task_due_once_per_overdue_episode():
    oldest_due = date(2026, 1, 31)
    assert task_due(LEVELS, 35, oldest_due, []).level == 2
    same_episode = [EarlierTask(2, DunningAction.PHONE_CALL, date(2026, 3, 1))]
    assert task_due(LEVELS, 40, oldest_due, same_episode) is None
    earlier_episode = [EarlierTask(2, DunningAction.PHONE_CALL, date(2025, 6, 1))]
    assert task_due(LEVELS, 40, oldest_due, earlier_episode).level == 2
    assert task_due(LEVELS, 61, oldest_due, same_episode).action is DunningAction.CREDIT_HOLD
