"""Rules every stored text obeys, whatever its field: the column's length limit, no NUL character and no
lone surrogate.

The limits are the widths of the database columns (persistence/models.py): checked here, a text that is
too long is a field error on every database instead of a raw DataError on PostgreSQL (SQLite would keep
it). PostgreSQL cannot store the NUL character (code 0) in any text, however long the column. A lone
surrogate ("\ud800", half of a character, as a broken paste or file can carry) cannot be encoded as UTF-8
at all: refused in words here instead of an UnicodeEncodeError from the database driver.

Text that looks like a spreadsheet formula (=HYPERLINK(...), +cmd|..., @SUM(...)) is ordinary text here and
stored exactly as typed; exports are what must write it as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from hqdesk.domain.errors import FieldError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP

TOO_LONG = QT_TRANSLATE_NOOP("Validation", "At most {limit} characters.")
HAS_NUL = QT_TRANSLATE_NOOP(
    "Validation",
    "The text contains a NUL character (an invisible control character, code 0), which cannot be "
    "stored. Remove it.",
)
HAS_SURROGATE = QT_TRANSLATE_NOOP(
    "Validation",
    "The text contains a broken character (half of a character pair, as a damaged copy and paste can leave), "
    "which cannot be stored. Type the text again or remove the broken character.",
)

_SURROGATE = re.compile("[\ud800-\udfff]")  # one regex scan: an import checks every cell of every row


def has_nul(text: str) -> bool:
    return "\x00" in text


def has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be stored whatever its field (a translatable message), or None."""
    if has_nul(text):
        return HAS_NUL
    if has_surrogate(text):
        return HAS_SURROGATE
    return None


def too_long(name: str, limit: int) -> FieldError:
    return FieldError(name, TOO_LONG, {"limit": limit})


def nul_problems(data, extra: Mapping[str, Iterable[str]] | None = None) -> list[FieldError]:
    """One error per text field of the dataclass ``data`` holding a character that cannot be stored (NUL, a
    lone surrogate); ``extra`` adds the texts of fields that are not plain strings (tags, anniversary names),
    keyed by field name."""
    texts = [value for value in vars(data).values() if isinstance(value, str)]
    if extra:
        extra = {name: tuple(values) for name, values in extra.items()}  # read twice below
        texts.extend(t for values in extra.values() for t in values)
    if text_problem("".join(texts)) is None:  # the common case, in one scan (an import checks every row)
        return []
    found: dict[str, str] = {}
    for name, value in vars(data).items():
        if isinstance(value, str) and (problem := text_problem(value)):
            found[name] = problem
    for name, texts in (extra or {}).items():
        if name in found:
            continue
        for t in texts:
            if problem := text_problem(t):
                found[name] = problem
                break
    return [FieldError(name, message) for name, message in found.items()]


__all__ = [
    "TOO_LONG",
    "HAS_NUL",
    "HAS_SURROGATE",
    "has_nul",
    "has_surrogate",
    "text_problem",
    "too_long",
    "nul_problems",
]
