"""Rules every stored text obeys, whatever its field: the column's length limit, and no NUL character.

The limits are the widths of the database columns (persistence/models.py): checked here, a text that is
too long is a field error on every database instead of a raw DataError on PostgreSQL (SQLite would keep
it). PostgreSQL cannot store the NUL character (code 0) in any text, however long the column.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from hqdesk.domain.errors import FieldError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP

TOO_LONG = QT_TRANSLATE_NOOP("Validation", "At most {limit} characters.")
HAS_NUL = QT_TRANSLATE_NOOP(
    "Validation",
    "The text contains a NUL character (an invisible control character, code 0), which cannot be "
    "stored. Remove it.",
)


def has_nul(text: str) -> bool:
    return "\x00" in text


def too_long(name: str, limit: int) -> FieldError:
    return FieldError(name, TOO_LONG, {"limit": limit})


def nul_problems(data, extra: Mapping[str, Iterable[str]] | None = None) -> list[FieldError]:
    """One error per text field of the dataclass ``data`` holding a NUL character; ``extra`` adds the texts
    of fields that are not plain strings (tags, anniversary names), keyed by field name."""
    names = [name for name, value in vars(data).items() if isinstance(value, str) and has_nul(value)]
    for name, texts in (extra or {}).items():
        if name not in names and any(has_nul(t) for t in texts):
            names.append(name)
    return [FieldError(name, HAS_NUL) for name in names]


__all__ = ["TOO_LONG", "HAS_NUL", "has_nul", "too_long", "nul_problems"]
