"""hqdesk's own import templates, written for download: one header row, English or Chinese names.

``write_template("franchisees" | "contacts" | "stores", path, language="en" | "zh")`` writes an XLSX file (or a
CSV file, UTF-8 with BOM, when ``path`` ends in ``.csv``). Required columns are marked with ``*`` (the import
ignores the mark). In the XLSX file the columns whose leading zeros or digits Excel would lose (codes, credit
codes, phone numbers) are formatted as Text, so what is typed there arrives as typed. A file filled in from a
template imports without any mapping: its headers are the import's own names.
"""

from __future__ import annotations

import csv
from pathlib import Path

from hqdesk.services.imports.children import CONTACT_TEMPLATE, STORE_TEMPLATE
from hqdesk.services.imports.columns import FRANCHISEE_TEMPLATE, Template

TEMPLATES: dict[str, Template] = {
    "franchisees": FRANCHISEE_TEMPLATE,
    "contacts": CONTACT_TEMPLATE,
    "stores": STORE_TEMPLATE,
}
TEXT_KINDS = frozenset({"code", "uscc", "digits", "text"})
LANGUAGES = ("en", "zh")


def template_headers(entity: str, language: str = "en") -> list[str]:
    """The header row of ``entity``'s template: the column names (en) or their Chinese names (zh)."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}")
    headers = []
    for column in TEMPLATES[entity].columns:
        name = column.name
        if language == "zh":
            name = next((a for a in column.aliases if not a.isascii()), column.name)
        headers.append(name + ("*" if column.required else ""))
    return headers


def write_template(entity: str, path: str | Path, language: str = "en") -> Path:
    path = Path(path)
    headers = template_headers(entity, language)
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerow(headers)
        return path
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = entity
    ws.append(headers)
    for index, column in enumerate(TEMPLATES[entity].columns, start=1):
        cell = ws.cell(row=1, column=index)
        cell.font = Font(bold=True)
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = max(14, len(headers[index - 1]) * 2 + 2)
        if column.kind in TEXT_KINDS:
            for row in range(2, 1002):  # the first thousand rows typed in come out as text
                ws.cell(row=row, column=index).number_format = "@"
    ws.freeze_panes = "A2"
    wb.save(path)
    return path


__all__ = ["TEMPLATES", "LANGUAGES", "template_headers", "write_template"]
