"""ERPNext Customer export, as hqdesk's franchisees.

Two layouts of ERPNext's (Frappe's) data import/export tool are recognised:

- **Data Import, versions 13-15**: one header row of column labels ("ID", "Customer Name", "Customer Type",
  "Customer Group", "Territory", ...); a child table's columns are labelled "<label> (<table>)", such as
  "Sales Person (Sales Team)". Recognised by "ID", "Customer Name" and "Customer Type".
- **Data Import Tool, versions up to 12**: instruction rows ("Data Import Template", "Table:", "Customer",
  notes), then the rows "DocType:", "Column Labels:", "Column Name:" (field names such as ``name``,
  ``customer_name``; a child table's columns follow a ``~`` column, its DocType above it), "Mandatory:",
  "Type:", "Info:", the line "Start entering data below this line", then the data with a blank first column.
  Recognised by "Column Name:" holding ``name`` and ``customer_name`` for the DocType Customer.

In both, a row whose ID is blank but whose child-table columns hold values is a child row of the customer
above it (one line per child record). What becomes of a customer:

- ``code`` = ID (``name``: ERPNext's document name, such as CUST-00012 or the customer's name) - the source
  system's id as code, as documented for layouts without a code column;
- ``legal_name`` = Customer Name; ``city`` = Territory (ERPNext keeps the town in the customer's territory;
  "All Territories" and "Rest Of The World" are no city); ``address`` = Primary Address (its lines joined);
- ``uscc`` = Tax ID when it is a valid unified social credit code (another tax number goes to the notes);
- ``tags`` = Customer Group; ``status`` = active, or suspended when the customer is Disabled;
- the primary contact: Customer Primary Contact (its document name without the "-<customer>" suffix) and
  Mobile No;
- ``notes`` = Customer Details, then one line per child record ("Sales Team: Sales Person 张伟,
  Contribution (%) 60"), so the sales team and credit limits of the old system stay readable;
- ``tier`` = the default tier (the first of the tier list).
"""

from __future__ import annotations

import re
from typing import Any

from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.imports.layouts import (
    FRANCHISEE_HEADER,
    Recognised,
    first_row,
    franchisee_row,
    join_notes,
    text,
    uscc_or_note,
)
from hqdesk.services.imports.reader import Table, blank

ERPNEXT_CUSTOMERS = QT_TRANSLATE_NOOP("Import", "ERPNext Customer export")

LABELS = {  # Data Import (v13-15) column labels of Customer -> field names
    "ID": "name",
    "Customer Name": "customer_name",
    "Customer Type": "customer_type",
    "Customer Group": "customer_group",
    "Territory": "territory",
    "Tax ID": "tax_id",
    "Mobile No": "mobile_no",
    "Email Id": "email_id",
    "Customer Primary Contact": "customer_primary_contact",
    "Primary Address": "primary_address",
    "Customer Details": "customer_details",
    "Disabled": "disabled",
}
NO_CITY = frozenset({"all territories", "rest of the world", "所有区域", "全部区域"})
_CHILD_LABEL = re.compile(r"^(.+) \(([^()]+)\)$")
_BREAK = re.compile(r"<br\s*/?>|\n", re.IGNORECASE)
DATA_START = "Start entering data below this line"

# (row number, parent fields by field name, [(table, [(label, value)...])...])
_Record = tuple[int, dict[str, str], list[tuple[str, list[tuple[str, str]]]]]


def recognise(table: Table, default_tier: str) -> Recognised | None:
    records = _data_import(table)
    if records is None:
        records = _data_import_tool(table)
    if records is None:
        return None
    header_number, records = records
    rows = [(header_number, list(FRANCHISEE_HEADER))]
    for number, fields, children in records:
        name = fields.get("name", "")
        uscc, tax_note = uscc_or_note(fields.get("tax_id", ""))
        territory = fields.get("territory", "")
        contact = fields.get("customer_primary_contact", "")
        customer_name = fields.get("customer_name", "")
        if customer_name and contact.endswith("-" + customer_name):
            contact = contact[: -len(customer_name) - 1]
        child_notes = [
            f"{table_name}: " + ", ".join(f"{label} {value}" for label, value in values)
            for table_name, values in children
        ]
        rows.append(
            (
                number,
                franchisee_row(
                    code=name,
                    legal_name=customer_name,
                    city="" if territory.lower() in NO_CITY else territory,
                    tier=default_tier,
                    uscc=uscc,
                    address=" ".join(
                        p.strip() for p in _BREAK.split(fields.get("primary_address", "")) if p.strip()
                    ),
                    tags=fields.get("customer_group", ""),
                    status="suspended"
                    if fields.get("disabled", "").lower() in ("1", "true", "yes")
                    else "active",
                    notes=join_notes(fields.get("customer_details", ""), tax_note, *child_notes),
                    contact_name=contact,
                    contact_mobile=fields.get("mobile_no", "") if contact else "",
                ),
            )
        )
    return Recognised(ERPNEXT_CUSTOMERS, Table(table.file, rows))


def _group(
    data: list[tuple[int, list[Any]]],
    parent: dict[int, str],
    children: list[tuple[int, str, str, bool]],  # (index, table, label, is the child row's own id)
) -> list[_Record]:
    """Parent rows with the child rows below them attached (a row without an ID continues the record above)."""
    records: list[_Record] = []
    id_index = next(i for i, f in parent.items() if f == "name")
    for number, cells in data:
        if all(blank(c) for c in cells):
            continue

        def cell(i: int, cells: list[Any] = cells) -> str:
            return text(cells[i]) if i < len(cells) else ""

        if cell(id_index) or not records:
            records.append((number, {f: cell(i) for i, f in parent.items()}, []))
        tables: dict[str, list[tuple[str, str]]] = {}
        for i, table_name, label, own_id in children:
            if cell(i) and not own_id:
                tables.setdefault(table_name, []).append((label, cell(i)))
        records[-1][2].extend(tables.items())
    return records


def _data_import(table: Table) -> tuple[int, list[_Record]] | None:
    start = first_row(table)
    if start is None:
        return None
    number, header_cells = table.rows[start]
    header = [text(c) for c in header_cells]
    if not {"ID", "Customer Name", "Customer Type"} <= set(header):
        return None
    parent: dict[int, str] = {}
    children: list[tuple[int, str, str, bool]] = []
    for i, label in enumerate(header):
        if label in LABELS and LABELS[label] not in parent.values():
            parent[i] = LABELS[label]
            continue
        match = _CHILD_LABEL.match(label)
        if match:
            children.append((i, match[2], match[1], match[1] == "ID"))
    return number, _group(table.rows[start + 1 :], parent, children)


def _data_import_tool(table: Table) -> tuple[int, list[_Record]] | None:
    marks: dict[str, tuple[int, list[str]]] = {}
    start = None
    for position, (_n, cells) in enumerate(table.rows[:40]):
        first = text(cells[0]) if cells else ""
        if first in ("DocType:", "Column Labels:", "Column Name:", "Table:"):
            marks[first] = (position, [text(c) for c in cells])
        if DATA_START in first:
            start = position
            break
    if start is None or "Column Name:" not in marks or "DocType:" not in marks:
        return None
    names = marks["Column Name:"][1]
    kinds = marks["DocType:"][1]
    labels = marks.get("Column Labels:", (0, names))[1]
    if len(kinds) < 2 or kinds[1] != "Customer" or not {"name", "customer_name"} <= set(names):
        return None
    parent: dict[int, str] = {}
    children: list[tuple[int, str, str, bool]] = []
    table_name = ""
    for i, name in enumerate(names[1:], start=1):
        if name == "~":
            table_name = kinds[i + 1] if i + 1 < len(kinds) and kinds[i + 1] else "Child"
            continue
        if not name:
            continue
        label = labels[i] if i < len(labels) and labels[i] else name
        if table_name:
            children.append((i, table_name, label, name == "name"))
        elif name not in parent.values():
            parent[i] = name
    header_number = table.rows[marks["Column Name:"][0]][0]
    return header_number, _group(table.rows[start + 1 :], parent, children)


__all__ = ["recognise", "ERPNEXT_CUSTOMERS"]
