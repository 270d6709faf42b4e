"""What an import reports: the problems that refuse a file, and the result of an import.

Shared by every imported entity (franchisees today; the ERP ledger and others later). Messages are English
templates marked for translation, in context ``ImportProblem.context`` (``Import`` for the importer's own).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hqdesk.domain.errors import HqdeskError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP

IMPORT = "Import"
"""Translation context of the importer's own messages (domain messages keep theirs)."""

SHOWN_CHARS = 60
"""How much of a cell's value a message quotes: a 100,000-character cell is named, not printed."""


def shown(text: str) -> str:
    """``text`` as a message quotes it: cut after SHOWN_CHARS characters, with an ellipsis saying so."""
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


@dataclass(frozen=True)
class ImportProblem:
    """One reason the file was refused.

    ``row`` is the row number as Excel shows it (header = 1), None for the file as a whole; ``column`` is
    the template's column name (``uscc``), or the header text for a column the template does not know,
    or None. ``message`` is an English template in translation context ``context``; ``params`` fill it.
    """

    row: int | None
    column: str | None
    message: str
    params: dict[str, Any] = field(default_factory=dict)
    context: str = IMPORT

    def english(self) -> str:
        try:
            return self.message.format(**self.params)
        except (KeyError, IndexError):
            return self.message

    def line(self) -> str:
        """``row 7, column uscc: The check character does not match: the code has a typo.``"""
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column}")
        return (", ".join(where) + ": " if where else "") + self.english()

    def as_json(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.english()}


@dataclass(frozen=True)
class ImportResult:
    """What an import did. ``imported`` (rows created) and ``updated`` are 0 whenever there are errors, and
    for a dry run."""

    file: str
    rows: int  # data rows read (blank rows not counted)
    imported: int
    dry_run: bool
    errors: tuple[ImportProblem, ...] = ()
    layout: str = field(
        default="", kw_only=True
    )  # the other system's export recognised (layouts.py), "" for hqdesk's template or a guess
    skipped: int = field(default=0, kw_only=True)  # rows left out: already in hqdesk (on_duplicate="skip")
    updated: int = field(default=0, kw_only=True)  # rows that updated an existing franchisee/contact/store
    # every row matching a record already in hqdesk, with what was (or, in a dry run, would be) done
    duplicates: tuple[Any, ...] = field(default=(), kw_only=True)  # plan.DuplicateMatch
    mapping_name: str = field(default="", kw_only=True)  # the saved mapping applied, if any

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def bad_rows(self) -> int:
        return len({p.row for p in self.errors})


class ImportConflict(HqdeskError):
    context = "Import"  # its message is translated there
    message = QT_TRANSLATE_NOOP(
        "Import",
        "Another user added franchisees with the same codes or unified social credit codes during the import. "
        "Nothing was imported; run the import again to see which rows.",
    )


class ImportStale(HqdeskError):
    context = "Import"
    message = QT_TRANSLATE_NOOP(
        "Import",
        "Another user changed franchisees this file updates while it was being imported. Nothing was imported; "
        "run the import again.",
    )


class Refused(Exception):
    """The file as a whole cannot be imported; carries the problems (raised by the reader and the header
    mapping, turned into an ImportResult by the importer)."""

    def __init__(self, *problems: ImportProblem) -> None:
        super().__init__(problems[0].english())
        self.problems = problems


class CellProblem(Exception):
    """One cell cannot be converted; the importer adds its row and column."""

    def __init__(self, message: str, context: str = IMPORT, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.context = context
        self.params = params


__all__ = [
    "IMPORT",
    "ImportProblem",
    "ImportResult",
    "ImportConflict",
    "ImportStale",
    "Refused",
    "CellProblem",
    "shown",
]
