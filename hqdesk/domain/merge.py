"""Keeping both users' changes when two people edited the same record at once (the conflict merge plan)."""

from __future__ import annotations

from dataclasses import fields, replace


def merge_plan(base, theirs, mine) -> tuple[set[str], object | None]:
    """What a user's edits and another user's save have in common, for three versions of one record's data
    (a dataclass): the one both started from, theirs as saved, and the user's own.

    Returns (the fields the user changed, their version with the user's edits on top); the merged value is
    None when both changed the same field to different values: then only a person can choose. The same
    change made on both sides is no clash.
    """
    names = [f.name for f in fields(base)]
    yours = {n for n in names if getattr(mine, n) != getattr(base, n)}
    clash = {
        n for n in yours if getattr(theirs, n) != getattr(base, n) and getattr(theirs, n) != getattr(mine, n)
    }
    if clash:
        return yours, None
    return yours, replace(theirs, **{n: getattr(mine, n) for n in yours})


__all__ = ["merge_plan"]
