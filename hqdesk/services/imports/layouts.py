"""Exports of other systems recognised from their header rows, turned into hqdesk's import templates.

``recognise_layout(table, default_tier)`` tries each recogniser in turn and gives a ``Recognised``: the
layout's name (a translatable source, "" when none matched), the franchisees as a table in hqdesk's
franchisee template, and - for a layout whose file also holds people (Odoo) - their contacts as a table in
the contact template, whose ``franchisee_code`` names the franchisee of the same file they belong to. The
franchisee import of such a file writes both in one transaction: one file gives the companies and all their
people, once. Problems the layout itself finds (a person whose company is not in the file) come back in
``problems`` with the row and the column as the file names them.

Recognised:

- a **Salesforce Account export** (Data Loader: upper-case API field names, every value quoted, line breaks
  inside quoted fields), below;
- an **Odoo contacts export** (res.partner, import-compatible or not): ``layouts_odoo``;
- an **ERPNext Customer export** (the Data Import template of versions 13-15, and the older Data Import Tool
  template with its instruction rows; child-table rows on extra lines): ``layouts_erpnext``.

Salesforce columns become: ``code`` ACCOUNTNUMBER, or the record's ID when the account number is blank
(documented default: the source system's id as code); ``legal_name`` NAME; ``city`` BILLINGCITY;
``province`` BILLINGSTATE; ``address`` BILLINGSTREET (its lines joined by spaces); ``notes`` DESCRIPTION;
``tier`` the first tier of the tier list (the default tier). Other columns are not imported.

A file is recognised only from its header row(s), and only when it has no formulas (the systems write values).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hqdesk.domain import uscc as uscc_rules
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.imports.problems import ImportProblem
from hqdesk.services.imports.reader import Table, blank

SALESFORCE_ACCOUNT = QT_TRANSLATE_NOOP("Import", "Salesforce Account export")
SALESFORCE_REQUIRED = ("ID", "NAME", "BILLINGCITY")

FRANCHISEE_HEADER = (
    "code",
    "legal_name",
    "city",
    "tier",
    "uscc",
    "province",
    "address",
    "tags",
    "status",
    "notes",
    "contact_name",
    "contact_mobile",
    "contact_phone",
)
"""The template columns a recognised layout fills (in this order)."""
CONTACT_HEADER = ("franchisee_code", "name", "role", "honorific", "mobile", "phone", "email", "notes")


@dataclass(frozen=True)
class Recognised:
    name: str  # the layout (translatable source, context Import); "" when the file is no known export
    franchisees: Table  # hqdesk's franchisee template, header first (the file as it is when not recognised)
    contacts: Table | None = None  # the contact template (franchisee_code = a code of ``franchisees``)
    problems: tuple[ImportProblem, ...] = ()


def text(cell: Any) -> str:
    """A cell as trimmed text (None: ""); booleans as the systems write them (True/False)."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def first_row(table: Table) -> int | None:
    """The index in ``table.rows`` of the first row that is not blank."""
    return next((i for i, (_n, cells) in enumerate(table.rows) if not all(blank(c) for c in cells)), None)


def uscc_or_note(value: str) -> tuple[str, str]:
    """(uscc, note): a tax number that is a valid unified social credit code is one; any other is kept in the
    notes, so nothing of the file is lost and no invalid code blocks the import."""
    code = uscc_rules.normalize(value)
    if not code:
        return "", ""
    if uscc_rules.is_valid(code):
        return code, ""
    return "", f"Tax ID: {value}"


def franchisee_row(**values: str) -> list[str]:
    return [values.get(name, "") for name in FRANCHISEE_HEADER]


def contact_row(**values: str) -> list[str]:
    return [values.get(name, "") for name in CONTACT_HEADER]


def join_notes(*parts: str) -> str:
    return "\n".join(p for p in parts if p)


def _salesforce(table: Table, default_tier: str) -> Recognised | None:
    start = first_row(table)
    if start is None:
        return None
    number, header = table.rows[start]
    names = [text(c) for c in header]
    if not all(name in names for name in SALESFORCE_REQUIRED):
        return None
    at = {name: i for i, name in enumerate(names) if name}

    def get(cells: list[Any], name: str) -> str:
        i = at.get(name)
        return text(cells[i]) if i is not None and i < len(cells) else ""

    rows: list[tuple[int, list[Any]]] = [
        (number, ["code", "legal_name", "city", "tier", "province", "address", "notes"])
    ]
    for row_number, cells in table.rows[start + 1 :]:
        if all(blank(c) for c in cells):
            continue
        rows.append(
            (
                row_number,
                [
                    get(cells, "ACCOUNTNUMBER") or get(cells, "ID"),
                    get(cells, "NAME"),
                    get(cells, "BILLINGCITY"),
                    default_tier,
                    get(cells, "BILLINGSTATE"),
                    " ".join(
                        line.strip() for line in get(cells, "BILLINGSTREET").splitlines() if line.strip()
                    ),
                    get(cells, "DESCRIPTION"),
                ],
            )
        )
    return Recognised(SALESFORCE_ACCOUNT, Table(table.file, rows))


def recognise_layout(table: Table, default_tier: str) -> Recognised:
    """The first layout that recognises ``table``; ``Recognised("", table)`` when none does. Never raises on
    what a file holds: a recogniser that does not find its headers leaves the file alone."""
    if table.formulas:
        return Recognised("", table)
    from hqdesk.services.imports import layouts_erpnext, layouts_odoo

    for recogniser in (_salesforce, layouts_odoo.recognise, layouts_erpnext.recognise):
        found = recogniser(table, default_tier)
        if found is not None:
            return found
    return Recognised("", table)


def recognise(table: Table, default_tier: str) -> tuple[str, Table]:
    """(the layout's name, the franchisees in hqdesk's template), or ("", ``table``) when not recognised."""
    found = recognise_layout(table, default_tier)
    return found.name, found.franchisees


__all__ = ["recognise", "recognise_layout", "Recognised", "SALESFORCE_ACCOUNT"]
