"""What an import will do, before it does it: the file's columns and how they map (``FilePreview``), and the
rows that match records already in hqdesk (``DuplicateMatch``).

The import wizard shows a preview, lets the user change the mapping, and passes it back to ``import_file``
(``mapping=``: header text -> field key, "" = not imported); ``hqdesk-admin import`` passes a saved mapping's
name or nothing. Mapping order: a named saved mapping, else a recognised layout (another system's export), else
hqdesk's template headers, else headers guessed from English and Chinese names (``columns.Template.guess``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hqdesk.services.imports.columns import HOW_LAYOUT, HOW_SAVED, Template, header_key
from hqdesk.services.imports.problems import ImportProblem
from hqdesk.services.imports.reader import Table, blank

ENTITIES = ("franchisees", "contacts", "stores")
SAMPLE_ROWS = 20
ACTIONS = ("update", "skip", "create")
ON_DUPLICATE = ("refuse", *ACTIONS)


@dataclass(frozen=True)
class FieldChoice:
    """One field a column can be mapped to."""

    key: str  # template column name, e.g. "code", "legal_name", "credit_limit"
    label: str  # English label marked QT_TRANSLATE_NOOP("Import", ...); the UI translates it
    required: bool


@dataclass(frozen=True)
class ColumnGuess:
    """One column of the file."""

    index: int  # 0-based column index in the file (as read)
    header: str  # the header cell's text ("" if none)
    field: str  # the field it is mapped to, "" = not imported
    how: str  # "layout" | "template" | "guessed" | "saved" | "" (not mapped)


@dataclass(frozen=True)
class FilePreview:
    file: str
    entity: str
    layout: str  # recognised other system's export (translatable source), "" otherwise
    header_row: int  # Excel row number of the header
    columns: tuple[ColumnGuess, ...]
    sample: tuple[tuple[str, ...], ...]  # the first 20 data rows as display text, one str per column
    rows: int  # data rows (blank rows not counted)
    fields: tuple[FieldChoice, ...]  # every field of this entity, template order
    missing: tuple[str, ...]  # required fields no column is mapped to
    ambiguous: tuple[str, ...]  # fields two or more columns would map to
    problems: tuple[ImportProblem, ...]  # the file as a whole cannot be read (then columns may be empty)
    mapping_name: str = ""  # the saved mapping applied, if any

    @property
    def ready(self) -> bool:
        """No problems, nothing missing, nothing ambiguous: the file can be imported as mapped."""
        return not self.problems and not self.missing and not self.ambiguous

    def mapping(self) -> dict[str, str]:
        """The columns as mapped: header text -> field key ("" = not imported), for ``import_file``."""
        return {c.header: c.field for c in self.columns if c.header}


@dataclass(frozen=True)
class DuplicateMatch:
    row: int  # Excel row number in the file
    matched_by: str  # "uscc" | "code" | "legal_name" (contacts: "name" | "mobile"; stores: "name")
    existing_id: int
    existing_code: str  # the franchisee's code (for a contact or store: its franchisee's)
    existing_name: str  # the franchisee's legal name (a contact's or store's own name)
    action: str  # what was (or, in a dry run, would be) done: "update" | "skip" | "create"

    def as_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "matched_by": self.matched_by,
            "existing_id": self.existing_id,
            "existing_code": self.existing_code,
            "existing_name": self.existing_name,
            "action": self.action,
        }


def check_choices(on_duplicate: str, decisions: Mapping[int, str] | None) -> None:
    """Refuse an ``on_duplicate`` or a decision that is not one of the actions (a caller's mistake, in words)."""
    from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
    from hqdesk.services.imports.problems import Refused

    bad = [on_duplicate] if on_duplicate not in ON_DUPLICATE else []
    bad += [action for action in (decisions or {}).values() if action not in ACTIONS]
    if bad:
        raise Refused(
            ImportProblem(
                None,
                None,
                QT_TRANSLATE_NOOP(
                    "Import",
                    "Unknown choice for rows already in hqdesk: {choice}; use update, skip or create.",
                ),
                {"choice": bad[0]},
            )
        )


def fields_of(template: Template) -> tuple[FieldChoice, ...]:
    return tuple(FieldChoice(c.name, template.label(c.name), c.required) for c in template.columns)


def display(cell: Any) -> str:
    """A cell as the preview shows it."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if hasattr(cell, "isoformat"):
        text = cell.isoformat()
        return text[:10] if text.endswith("T00:00:00") else text
    return str(cell)


def build_preview(
    template: Template,
    entity: str,
    table: Table,
    *,
    layout: str = "",
    assigned: Mapping[str, str] | None = None,
    mapping_name: str = "",
) -> FilePreview:
    """The preview of ``table`` (already turned into the template by a recognised ``layout``, if any), mapped
    by ``assigned`` (a saved mapping: header text -> field) or else by the template's names and guesses."""
    head = template.header(table)
    by_key = {header_key(k): v for k, v in assigned.items()} if assigned is not None else None
    columns: list[ColumnGuess] = []
    claimed: dict[str, int] = {}
    ambiguous: list[str] = []
    for index, text in enumerate(head.texts):
        if by_key is not None:
            field = assigned.get(text, by_key.get(header_key(text), "")) if text else ""
            field = field if field in template.by_name else ""
            how = HOW_SAVED if field else ""
        else:
            guess = template.guess(text)
            field, how = guess.field, guess.how
            if layout and field:
                how = HOW_LAYOUT
            for name in guess.candidates:
                if name not in ambiguous:
                    ambiguous.append(name)
        if field:
            claimed[field] = claimed.get(field, 0) + 1
        columns.append(ColumnGuess(index, text, field, how))
    for name, count in claimed.items():
        if count > 1 and name not in ambiguous:
            ambiguous.append(name)
    order = template.order
    ambiguous.sort(key=lambda n: order.get(n, len(order)))
    missing = tuple(name for name in template.required if name not in claimed)
    data = [(n, cells) for n, cells in head.data if not all(blank(c) for c in cells)]
    width = len(head.texts)
    sample = tuple(
        tuple(display(cells[i]) if i < len(cells) else "" for i in range(width))
        for _n, cells in data[:SAMPLE_ROWS]
    )
    return FilePreview(
        table.file,
        entity,
        layout,
        head.row,
        tuple(columns),
        sample,
        len(data),
        fields_of(template),
        missing,
        tuple(ambiguous),
        (),
        mapping_name,
    )


def refused_preview(
    template: Template, entity: str, file: str, problems, mapping_name: str = ""
) -> FilePreview:
    return FilePreview(
        file, entity, "", 0, (), (), 0, fields_of(template), (), (), tuple(problems), mapping_name
    )


__all__ = [
    "ENTITIES",
    "ACTIONS",
    "ON_DUPLICATE",
    "FieldChoice",
    "ColumnGuess",
    "FilePreview",
    "DuplicateMatch",
    "build_preview",
    "refused_preview",
    "fields_of",
    "check_choices",
]
