"""Odoo contacts export (res.partner), "import-compatible" or not, as hqdesk's franchisees and contacts.

Recognised by its header row: a name column and an is-a-company column, with the link of a person to its
company (``parent_id/id``, ``parent_id``, "Related Company", "Company") or the display name ("Company,
Person"). Headers are matched exactly as Odoo writes them: the technical names of an import-compatible export
(``id``, ``name``, ``is_company``, ``parent_id/id``, ``street``, ``city``, ``state_id``, ``zip``, ``phone``,
``mobile``, ``email``, ``vat``, ``ref``, ``function``, ``title``, ``comment``), the English labels of the other
export ("External ID", "Name", "Is a Company", "Related Company", "Street", "City", "State", "Phone",
"Mobile", "Email", "Tax ID", "Reference", "Job Position", "Notes", "Display Name"), and Odoo's Simplified
Chinese labels for the same fields.

- A **company** row (is a company: True/1/是) becomes a franchisee: ``code`` = its Reference (``ref``), else
  the Odoo id (documented default: ``ODOO-12`` for the exported record ``__export__.res_partner_12_…`` or a
  database id 12, otherwise the external id itself); ``legal_name`` = Name; ``city``; ``province`` = State
  (Odoo's "(CN)" country suffix dropped); ``address`` = Street and Street2; ``uscc`` = Tax ID when it is a
  valid unified social credit code (any other tax number is kept in the notes); ``notes`` = Notes; ``tier`` =
  the default tier (the first of the tier list); status = hqdesk's default (prospect).
- A **person** row with a company becomes a contact of that company's franchisee: Name, Mobile, Phone,
  Email, Title (as honorific), Job Position (as the role when it is one of hqdesk's role words, and kept in
  the notes otherwise). The first person of a company is its primary contact.
- A person without a company is a customer of its own in Odoo: it becomes a franchisee, like a company.
- Rows without a name (Odoo's invoice and delivery addresses) are not imported.
- A person whose company is not in the file is a problem on its row: export the companies with their people.
"""

from __future__ import annotations

import re
from typing import Any

from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.imports.columns import CONTACT_ROLE_WORDS
from hqdesk.services.imports.layouts import (
    CONTACT_HEADER,
    FRANCHISEE_HEADER,
    Recognised,
    contact_row,
    first_row,
    franchisee_row,
    join_notes,
    text,
    uscc_or_note,
)
from hqdesk.services.imports.problems import ImportProblem
from hqdesk.services.imports.reader import Table, blank

ODOO_CONTACTS = QT_TRANSLATE_NOOP("Import", "Odoo contacts export")

# field -> the headers Odoo writes for it: technical name, English label, Simplified Chinese label
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("id", "External ID", "ID", "外部 ID", "外部ID"),
    "name": ("name", "Name", "名称"),
    "is_company": ("is_company", "Is a Company", "是公司", "是一家公司"),
    "parent_ext": ("parent_id/id", "Related Company/External ID", "关联公司/外部 ID"),
    "parent": ("parent_id", "Related Company", "关联公司"),
    "company": (
        "Company",
        "公司",
    ),  # a non-compatible export's company column, when it has no Related Company
    "display_name": ("display_name", "Display Name", "显示名称"),
    "street": ("street", "Street", "街道"),
    "street2": ("street2", "Street2", "Street 2", "街道 2", "街道2"),
    "city": ("city", "City", "城市"),
    "state": ("state_id", "State", "省/州", "省份"),
    "zip": ("zip", "Zip", "邮政编码", "邮编"),
    "phone": ("phone", "Phone", "电话"),
    "mobile": ("mobile", "Mobile", "手机"),
    "email": ("email", "Email", "电子邮件", "Email 地址"),
    "vat": ("vat", "Tax ID", "税号"),
    "ref": ("ref", "Reference", "参考", "内部参考"),
    "function": ("function", "Job Position", "工作岗位", "职位"),
    "title": ("title", "Title", "称谓", "头衔"),
    "comment": ("comment", "Notes", "备注"),
}
TRUE_WORDS = frozenset({"true", "1", "yes", "y", "是", "真"})
_EXPORTED = re.compile(r"^(?:__export__\.)?res_partner_(\d+)(?:_[0-9a-f]+)?$")
_STATE_COUNTRY = re.compile(r"\s*\([A-Z]{2}\)$")

PARENT_NOT_IN_FILE = QT_TRANSLATE_NOOP(
    "Import",
    'The company "{company}" of this person is not in the file: export the companies together with their '
    "contacts.",
)
PARENT_AMBIGUOUS = QT_TRANSLATE_NOOP(
    "Import",
    'Several companies in the file are called "{company}": export with the "Related Company/External ID" '
    "(parent_id/id) column so each person names one.",
)


def odoo_code(ref: str, external_id: str) -> str:
    """The franchisee code of an Odoo company: its Reference, else ``ODOO-<database id>``, else the id."""
    if ref:
        return ref
    if external_id.isdigit():
        return f"ODOO-{external_id}"
    match = _EXPORTED.match(external_id)
    return f"ODOO-{match[1]}" if match else external_id


def _columns(header: list[str]) -> dict[str, int]:
    at: dict[str, int] = {}
    for field, names in HEADERS.items():
        for name in names:
            if name in header:
                at[field] = header.index(name)
                break
    return at


def recognise(table: Table, default_tier: str) -> Recognised | None:
    start = first_row(table)
    if start is None:
        return None
    header_number, header_cells = table.rows[start]
    header = [text(c) for c in header_cells]
    at = _columns(header)
    if "name" not in at or "is_company" not in at:
        return None
    if not at.keys() & {"parent_ext", "parent", "company", "display_name"}:
        return None
    if "parent" in at or "parent_ext" in at:
        at.pop("company", None)

    def get(cells: list[Any], field: str) -> str:
        i = at.get(field)
        return text(cells[i]) if i is not None and i < len(cells) else ""

    records = [(n, cells) for n, cells in table.rows[start + 1 :] if not all(blank(c) for c in cells)]
    is_company = {n: get(cells, "is_company").lower() in TRUE_WORDS for n, cells in records}

    # first the companies (and people without a company): the franchisees, with their codes
    franchisees = [(header_number, list(FRANCHISEE_HEADER))]
    by_external: dict[str, str] = {}
    by_name: dict[str, list[str]] = {}

    def parent_text(cells: list[Any]) -> str:
        parent = get(cells, "parent_ext") or get(cells, "parent") or get(cells, "company")
        if not parent and "," in get(cells, "display_name"):
            parent = get(cells, "display_name").rsplit(",", 1)[0].strip()
        return parent

    people = []
    for number, cells in records:
        name = get(cells, "name")
        if not name:
            continue  # an invoice or delivery address of a company
        if not is_company[number] and parent_text(cells):
            people.append((number, cells))
            continue
        code = odoo_code(get(cells, "ref"), get(cells, "id"))
        uscc, tax_note = uscc_or_note(get(cells, "vat"))
        franchisees.append(
            (
                number,
                franchisee_row(
                    code=code,
                    legal_name=name,
                    city=get(cells, "city"),
                    tier=default_tier,
                    uscc=uscc,
                    province=_STATE_COUNTRY.sub("", get(cells, "state")),
                    address=" ".join(p for p in (get(cells, "street"), get(cells, "street2")) if p),
                    notes=join_notes(get(cells, "comment"), tax_note),
                ),
            )
        )
        if get(cells, "id"):
            by_external[get(cells, "id")] = code
        for key in {name, get(cells, "display_name")} - {""}:
            by_name.setdefault(key, []).append(code)

    # then the people: contacts of their company's franchisee
    contacts = [(header_number, list(CONTACT_HEADER))]
    problems: list[ImportProblem] = []
    parent_column = next(
        (header[at[f]] for f in ("parent_ext", "parent", "company", "display_name") if f in at), ""
    )
    for number, cells in people:
        parent = parent_text(cells)
        if get(cells, "parent_ext"):
            codes = [by_external[parent]] if parent in by_external else []
        else:
            codes = by_name.get(parent, [])
        if len(codes) != 1:
            problems.append(
                ImportProblem(
                    number,
                    parent_column,
                    PARENT_AMBIGUOUS if codes else PARENT_NOT_IN_FILE,
                    {"company": parent},
                )
            )
            continue
        function = get(cells, "function")
        role = "other"
        if function:
            role = function if function.lower() in CONTACT_ROLE_WORDS else "other"
        contacts.append(
            (
                number,
                contact_row(
                    franchisee_code=codes[0],
                    name=get(cells, "name"),
                    role=role,
                    honorific=get(cells, "title"),
                    mobile=get(cells, "mobile"),
                    phone=get(cells, "phone"),
                    email=get(cells, "email"),
                    notes=join_notes(
                        function if function and function.lower() not in CONTACT_ROLE_WORDS else "",
                        get(cells, "comment"),
                    ),
                ),
            )
        )
    return Recognised(
        ODOO_CONTACTS, Table(table.file, franchisees), Table(table.file, contacts), tuple(problems)
    )


__all__ = ["recognise", "ODOO_CONTACTS", "odoo_code"]
