"""Copies of the form data classes (FranchiseeData, ContactData...) with some fields changed.

``dataclasses.replace`` scans the class's fields on every call; an import copies two records per row, so the
names are looked up once per class here. For data classes whose fields are all ``init`` fields (every form
data class): the same result as ``replace``."""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


@cache
def field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def with_changes(data: T, changes: dict[str, Any]) -> T:
    """``dataclasses.replace(data, **changes)``."""
    values = {name: getattr(data, name) for name in field_names(type(data))}
    values.update(changes)
    return type(data)(**values)


__all__ = ["field_names", "with_changes"]
