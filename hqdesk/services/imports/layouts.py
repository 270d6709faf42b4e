"""Exports of other systems recognised by their header row, turned into hqdesk's franchisee template.

Recognised now: a Salesforce Account export (Data Loader: upper-case API field names, every value quoted,
line breaks inside quoted fields). Its columns become:

- ``code``: ACCOUNTNUMBER, or the record's ID when the account number is blank (documented default: the
  source system's id as code);
- ``legal_name``: NAME; ``city``: BILLINGCITY; ``province``: BILLINGSTATE; ``address``: BILLINGSTREET (its
  lines joined by spaces); ``notes``: DESCRIPTION;
- ``tier``: the first tier of the tier list (the default tier), since Salesforce has none.

Other columns (PHONE, WEBSITE, OWNERID...) are not imported. A file is recognised only from its header row, and
only when it has no formulas (Data Loader writes CSV).
"""

from __future__ import annotations

from typing import Any

from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.imports.reader import Table, blank

SALESFORCE_ACCOUNT = QT_TRANSLATE_NOOP("Import", "Salesforce Account export")
SALESFORCE_REQUIRED = ("ID", "NAME", "BILLINGCITY")


def _text(cell: Any) -> str:
    return "" if cell is None else str(cell).strip()


def recognise(table: Table, default_tier: str) -> tuple[str, Table]:
    """(the layout's name, the table in hqdesk's template), or ("", ``table``) when not recognised."""
    start = next((i for i, (_n, cells) in enumerate(table.rows) if not all(blank(c) for c in cells)), None)
    if start is None or table.formulas:
        return "", table
    number, header = table.rows[start]
    names = [_text(c) for c in header]
    if not all(name in names for name in SALESFORCE_REQUIRED):
        return "", table
    at = {name: i for i, name in enumerate(names) if name}

    def get(cells: list[Any], name: str) -> str:
        i = at.get(name)
        return _text(cells[i]) if i is not None and i < len(cells) else ""

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
    return SALESFORCE_ACCOUNT, Table(table.file, rows)


__all__ = ["recognise", "SALESFORCE_ACCOUNT"]
