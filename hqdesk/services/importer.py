"""Import franchisees from hqdesk's own template: a CSV or XLSX file with a header row.

The use case behind ``hqdesk-admin import franchisees`` and, later, the GUI import wizard:

1. read the file (CSV: strictly UTF-8 with or without BOM, else GB18030, which covers the GBK that Chinese
   Excel writes for "CSV (逗号分隔)"; XLSX/XLSM: openpyxl, first worksheet, cached values);
2. map the header row to the template's columns (any order, case-insensitive, English or Chinese names);
3. check EVERY row - conversion of each cell, the domain rules (``validate_franchisee``, ``validate_contact``),
   duplicates within the file, codes and credit codes already in the database, account managers - and
   collect every problem with the row number the user sees in Excel (the header is row 1);
4. if there is any problem, write nothing; otherwise insert every franchisee (with its status record and
   optional primary contact) in ONE unit of work: all rows land or none.

The checks against the database run inside the same write transaction as the inserts (SQLite holds its
write lock from BEGIN IMMEDIATE), so a code cannot be taken between the check and the insert.

Excel quirks handled (see the field notes): a credit code typed as a number arrives with lost digits and a
code such as 002 arrives as 2 - both refused with a hint to format the column as text; date cells arrive as
datetimes: in a date column one with a time of day is refused (as the same text in a CSV is), in a text
column any date or time is refused (Excel turned what was typed, such as 3-5, into a date); a formula
without a saved result arrives as None (reported as such); error values (#N/A...) arrive as text and are
refused. A NUL character (which PostgreSQL cannot store) is refused in any cell.

Messages are English templates marked for translation (context in ``ImportProblem.context``).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from hqdesk.domain import uscc as uscc_rules
from hqdesk.domain.contact import ContactData, ContactRole, clean_contact, validate_contact
from hqdesk.domain.errors import HqdeskError
from hqdesk.domain.franchisee import (
    FranchiseeData,
    LifecycleStatus,
    clean_franchisee,
    normalize_tags,
    validate_franchisee,
)
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP, VALIDATION
from hqdesk.domain.money import AmountTextError, parse_amount
from hqdesk.domain.roles import Action, Actor, Role
from hqdesk.domain.text import HAS_NUL, has_nul
from hqdesk.persistence.audit import audit_bulk_inserts
from hqdesk.persistence.models import (
    Contact,
    Franchisee,
    StatusChangeRecord,
    Tier,
    User,
)
from hqdesk.persistence.types import utcnow
from hqdesk.services.base import Service
from hqdesk.services.franchisees import search_text_of

IMPORT = "Import"
"""Translation context of the importer's own messages (domain messages keep theirs)."""

SUFFIXES = (".csv", ".xlsx", ".xlsm")


# ----- results ---------------------------------------------------------------------------------------------


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
    """What an import did. ``imported`` is 0 whenever there are errors, and for a dry run."""

    file: str
    rows: int  # data rows read (blank rows not counted)
    imported: int
    dry_run: bool
    errors: tuple[ImportProblem, ...] = ()

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
        "Another user added franchisees with the same codes or credit codes during the import. "
        "Nothing was imported; run the import again to see which rows.",
    )


# ----- the template's columns ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text / code / uscc / digits / decimal / date / tags / status / manager / contact_role
    aliases: tuple[str, ...] = ()
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("code", "code", ("编码", "代码", "编号", "加盟商编码", "加盟商代码", "加盟商编号"), required=True),
    Column("legal_name", "text", ("公司名称", "企业名称", "公司全称", "法定名称"), required=True),
    Column("city", "text", ("城市", "所在城市"), required=True),
    Column("tier", "text", ("等级", "级别", "加盟商等级"), required=True),
    Column("store_brand_name", "text", ("门店品牌名", "店招名称", "品牌名称")),
    Column("uscc", "uscc", ("统一社会信用代码", "社会信用代码", "信用代码")),
    Column("legal_representative", "text", ("法定代表人", "法人代表", "法人")),
    Column("registered_capital", "decimal", ("注册资本", "注册资本(元)")),
    Column("business_scope", "text", ("经营范围",)),
    Column("region", "text", ("大区", "区域")),
    Column("province", "text", ("省份", "省")),
    Column("address", "text", ("地址", "公司地址")),
    Column("join_date", "date", ("加盟日期",)),
    Column("contract_start", "date", ("合同开始日期", "合同开始", "合同起始日期")),
    Column("contract_end", "date", ("合同结束日期", "合同结束", "合同到期日期", "合同到期日")),
    Column("account_manager", "manager", ("客户经理",)),
    Column("tags", "tags", ("标签",)),
    Column("notes", "text", ("备注",)),
    Column("status", "status", ("状态", "合作状态")),
    Column("contact_name", "text", ("联系人", "联系人姓名")),
    Column("contact_mobile", "digits", ("联系人手机", "手机", "手机号", "手机号码")),
    Column("contact_role", "contact_role", ("联系人角色", "联系人职务", "职务")),
)
COLUMN_BY_NAME = {c.name: c for c in COLUMNS}

STATUS_WORDS: dict[str, LifecycleStatus] = {
    **{s.value: s for s in LifecycleStatus},
    "意向": LifecycleStatus.PROSPECT,
    "潜在": LifecycleStatus.PROSPECT,
    "合作中": LifecycleStatus.ACTIVE,
    "正常": LifecycleStatus.ACTIVE,
    "暂停": LifecycleStatus.SUSPENDED,
    "已暂停": LifecycleStatus.SUSPENDED,
    "终止": LifecycleStatus.TERMINATED,
    "已终止": LifecycleStatus.TERMINATED,
    "解约": LifecycleStatus.TERMINATED,
}
CONTACT_ROLE_WORDS: dict[str, ContactRole] = {
    **{r.value: r for r in ContactRole},
    "store manager": ContactRole.STORE_MANAGER,
    "老板": ContactRole.OWNER,
    "业主": ContactRole.OWNER,
    "投资人": ContactRole.OWNER,
    "总经理": ContactRole.MANAGER,
    "经理": ContactRole.MANAGER,
    "财务": ContactRole.FINANCE,
    "采购": ContactRole.PURCHASING,
    "店长": ContactRole.STORE_MANAGER,
    "其他": ContactRole.OTHER,
}


def header_key(text: str) -> str:
    """How headers are compared: NFKC (full-width to ASCII), trimmed, lower case, a trailing * (a template's
    "required" mark) dropped, spaces and hyphens as underscores."""
    key = unicodedata.normalize("NFKC", text).strip().rstrip("*").strip().lower()
    return re.sub(r"[\s\-]+", "_", key)


HEADER_ALIASES: dict[str, str] = {}
for _column in COLUMNS:
    for _alias in (_column.name, *_column.aliases):
        HEADER_ALIASES[header_key(_alias)] = _column.name


# ----- reading the file ------------------------------------------------------------------------------------


class _Refused(Exception):
    """The file as a whole cannot be read; carries the problems."""

    def __init__(self, *problems: ImportProblem) -> None:
        super().__init__(problems[0].english())
        self.problems = problems


@dataclass
class _Table:
    rows: list[tuple[int, list[Any]]]  # (Excel row number, cells), header first
    formulas: set[tuple[int, int]] = field(default_factory=set)  # (row, column index) with no saved result


def _read_csv(path: Path) -> _Table:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _Refused(
            ImportProblem(
                None,
                None,
                QT_TRANSLATE_NOOP(
                    "Import",
                    'The file is neither UTF-8 nor GBK/GB18030 text. In Excel, save it as "CSV UTF-8" '
                    'or "CSV (逗号分隔)".',
                ),
            )
        )
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise _Refused(
            ImportProblem(
                None,
                None,
                QT_TRANSLATE_NOOP("Import", "The file is not valid CSV: {detail}"),
                {"detail": str(exc)},
            )
        ) from None
    # A CSV record is one Excel row even when a quoted cell holds line breaks.
    return _Table([(number, list(cells)) for number, cells in enumerate(records, start=1)])


def _read_xlsx(path: Path) -> _Table:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    def rows_of(data_only: bool) -> Iterator[tuple[int, tuple]]:
        workbook = load_workbook(path, read_only=True, data_only=data_only)
        try:
            sheet = workbook.worksheets[0]
            sheet.reset_dimensions()  # some writers declare a wrong used range; read what is there
            yield from enumerate(sheet.iter_rows(values_only=True), start=1)
        finally:
            workbook.close()

    try:
        rows = [(number, list(cells)) for number, cells in rows_of(True)]
        formulas: set[tuple[int, int]] = set()
        # A formula that was never calculated (a file written by a program, not saved by Excel) has no
        # value: look for formulas only where a value is missing, so such a cell is not taken for empty.
        if any(cell is None for _n, cells in rows for cell in cells):
            values = dict(rows)
            for number, cells in rows_of(False):
                have = values.get(number, [])
                for index, cell in enumerate(cells):
                    if (
                        isinstance(cell, str)
                        and cell.startswith("=")
                        and (index >= len(have) or have[index] is None)
                    ):
                        formulas.add((number, index))
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _Refused(
            ImportProblem(
                None,
                None,
                QT_TRANSLATE_NOOP(
                    "Import",
                    "The file is not a workbook that can be read ({detail}). Save it from Excel as .xlsx.",
                ),
                {"detail": str(exc) or type(exc).__name__},
            )
        ) from None
    return _Table(rows, formulas)


def _read_table(path: Path) -> _Table:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise _Refused(
            ImportProblem(
                None,
                None,
                QT_TRANSLATE_NOOP(
                    "Import",
                    "Only .csv, .xlsx and .xlsm files can be imported; save the file from Excel as .xlsx "
                    "or CSV.",
                ),
            )
        )
    if not path.is_file():
        raise _Refused(
            ImportProblem(
                None, None, QT_TRANSLATE_NOOP("Import", "There is no file {path}."), {"path": str(path)}
            )
        )
    try:
        return _read_csv(path) if suffix == ".csv" else _read_xlsx(path)
    except OSError as exc:
        raise _Refused(
            ImportProblem(
                None,
                None,
                QT_TRANSLATE_NOOP("Import", "The file cannot be read: {detail}"),
                {"detail": exc.strerror or str(exc)},
            )
        ) from None


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _map_header(table: _Table) -> tuple[int, dict[int, Column], list[tuple[int, list[Any]]]]:
    """(header row number, column index -> template column, the data rows after the header)."""
    rows = table.rows
    start = next((i for i, (_n, cells) in enumerate(rows) if not all(_blank(c) for c in cells)), None)
    if start is None:
        raise _Refused(
            ImportProblem(
                None,
                None,
                QT_TRANSLATE_NOOP("Import", "The file is empty: its first row must hold the column names."),
            )
        )
    header_row, header = rows[start]
    data = rows[start + 1 :]
    problems: list[ImportProblem] = []
    mapping: dict[int, Column] = {}
    seen: dict[str, str] = {}
    width = max([len(header), *(len(cells) for _n, cells in data)])
    for index in range(width):
        cell = header[index] if index < len(header) else None
        text = "" if cell is None else str(cell).strip()
        if not text:
            if any(index < len(cells) and not _blank(cells[index]) for _n, cells in data):
                problems.append(
                    ImportProblem(
                        header_row,
                        _letter(index),
                        QT_TRANSLATE_NOOP(
                            "Import", "Column {letter} has values but no name in the header row."
                        ),
                        {"letter": _letter(index)},
                    )
                )
            continue
        name = HEADER_ALIASES.get(header_key(text))
        if name is None:
            problems.append(
                ImportProblem(
                    header_row,
                    text,
                    QT_TRANSLATE_NOOP(
                        "Import",
                        'Unknown column "{header}": rename it to a column of the import template or delete '
                        "it.",
                    ),
                    {"header": text},
                )
            )
            continue
        if name in seen:
            problems.append(
                ImportProblem(
                    header_row,
                    name,
                    QT_TRANSLATE_NOOP(
                        "Import", 'Two columns mean {column}: "{first}" and "{second}"; keep one.'
                    ),
                    {"column": name, "first": seen[name], "second": text},
                )
            )
            continue
        seen[name] = text
        mapping[index] = COLUMN_BY_NAME[name]
    for column in COLUMNS:
        if column.required and column.name not in seen:
            problems.append(
                ImportProblem(
                    header_row,
                    column.name,
                    QT_TRANSLATE_NOOP("Import", "The file has no {column} column; it is required."),
                    {"column": column.name},
                )
            )
    if problems:
        raise _Refused(*problems)
    return header_row, mapping, data


# ----- converting cells ------------------------------------------------------------------------------------

EXCEL_ERRORS = frozenset(
    {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"}
)
SCIENTIFIC = re.compile(r"^[0-9]+(\.[0-9]+)?E\+?[0-9]+$", re.IGNORECASE)
DATE_TEXT = re.compile(
    r"^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?"
    r"(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?)?$"
)
AMOUNT_TEXT = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


class _CellProblem(Exception):
    def __init__(self, message: str, context: str = IMPORT, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.context = context
        self.params = params


TIME_OF_DAY = QT_TRANSLATE_NOOP(
    "Import",
    "A date with a time of day ({value}): a date column takes the day only. Format the cell as a date "
    "without time in Excel, or write the date as YYYY-MM-DD.",
)


def _number_text(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return str(value)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return _number_text(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _convert(column: Column, value: Any) -> Any:
    """The cell's value for ``column`` (None or "" when empty); raises _CellProblem."""
    if isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS:
        raise _CellProblem(
            QT_TRANSLATE_NOOP(
                "Import", "The cell shows the Excel error {value}: correct the formula or type the value."
            ),
            value=value.strip(),
        )
    if isinstance(value, str) and has_nul(value):
        raise _CellProblem(HAS_NUL, VALIDATION)
    kind = column.kind
    if kind not in ("date", "decimal") and isinstance(value, (date, time, timedelta)):
        raise _CellProblem(
            QT_TRANSLATE_NOOP(
                "Import",
                "A date or time ({value}) where text belongs: Excel turned what was typed into a date. "
                "Format the {column} column as Text in Excel, type the values again and save.",
            ),
            value=_text(value),
            column=column.name,
        )
    if kind == "code":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise _CellProblem(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "The code arrived as a number ({value}), so Excel may have dropped leading zeros "
                    "(002 becomes 2). Format the code column as Text in Excel, type the codes again and "
                    "save.",
                ),
                value=_number_text(value),
            )
        return unicodedata.normalize("NFKC", _text(value)) if value is not None else ""
    if kind == "uscc":
        if (
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            or (isinstance(value, str) and SCIENTIFIC.match(value.strip()))
        ):
            raise _CellProblem(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "The credit code arrived as a number ({value}): Excel keeps only 15 digits of a "
                    "number, so digits are already lost. Format the uscc column as Text in Excel, type "
                    "the codes again and save.",
                ),
                value=_number_text(value) if not isinstance(value, str) else value.strip(),
            )
        return unicodedata.normalize("NFKC", _text(value)) if value is not None else ""
    if value is None:
        return None if kind in ("decimal", "date", "manager", "status", "contact_role") else ""
    if kind == "date":
        return _date(value)
    if kind == "decimal":
        return _decimal(value)
    text = _text(value)
    if kind == "digits":
        return unicodedata.normalize("NFKC", text)
    if kind in ("status", "contact_role", "manager") and not text:
        return None
    if kind == "status":
        status = STATUS_WORDS.get(text.lower())
        if status is None:
            raise _CellProblem(
                QT_TRANSLATE_NOOP(
                    "Import", "Unknown status {value}; use prospect, active, suspended or terminated."
                ),
                value=text,
            )
        return status
    if kind == "contact_role":
        role = CONTACT_ROLE_WORDS.get(text.lower())
        if role is None:
            raise _CellProblem(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "Unknown contact role {value}; use owner, manager, finance, purchasing, store_manager "
                    "or other.",
                ),
                value=text,
            )
        return role
    return text


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        if value.time() != time():
            raise _CellProblem(TIME_OF_DAY, value=_text(value))
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise _CellProblem(
            QT_TRANSLATE_NOOP(
                "Import",
                "A number ({value}) where a date belongs: format the cell as a date in Excel, or write "
                "the date as YYYY-MM-DD.",
            ),
            value=_number_text(value),
        )
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    match = DATE_TEXT.match(text)
    if match:
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
            at = time(int(match[4] or 0), int(match[5] or 0), int(match[6] or 0))
        except ValueError:
            pass
        else:
            if at != time() or (match[7] or "0").strip("0"):
                raise _CellProblem(TIME_OF_DAY, value=text)
            return day
    raise _CellProblem(
        QT_TRANSLATE_NOOP(
            "Import",
            "Not a date: {value}. Write dates as YYYY-MM-DD or YYYY/MM/DD, or use an Excel date cell.",
        ),
        value=text,
    )


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        raise _CellProblem(
            QT_TRANSLATE_NOOP(
                "Import", "Not an amount: {value}. Write the amount in yuan, such as 1000000 or 1,000,000.00."
            ),
            value=_text(value),
        )
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value))  # the shortest text that gives this float back: 0.1 stays 0.1
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        if not text:
            return None
        try:  # domain.money: commas only between groups of three ("1,2,3.4" is no amount), the sign kept
            amount = parse_amount(re.sub(r"\s", "", text))
        except AmountTextError:
            raise _CellProblem(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "Not an amount: {value}. Write the amount in yuan, such as 1000000 or 1,000,000.00.",
                ),
                value=text,
            ) from None
    if amount.as_tuple().exponent < -2 and amount != amount.quantize(Decimal("0.01")):
        raise _CellProblem(QT_TRANSLATE_NOOP("Import", "At most 2 decimal places (fen)."))
    return amount.quantize(Decimal("0.01")) if amount.as_tuple().exponent < -2 else amount


# ----- rows ------------------------------------------------------------------------------------------------

CONTACT_FIELDS = {"name": "contact_name", "mobile": "contact_mobile", "role": "contact_role"}
FRANCHISEE_FIELDS = {"account_manager_id": "account_manager"}


@dataclass
class _Row:
    number: int
    data: FranchiseeData
    status: LifecycleStatus
    manager: str | None
    contact: ContactData | None
    bad_columns: frozenset[str] = frozenset()  # already reported: no second message from the rules


def _parse_rows(
    mapping: dict[int, Column],
    data: list[tuple[int, list[Any]]],
    table: _Table,
    today: date,
    problems: list[ImportProblem],
) -> list[_Row]:
    rows: list[_Row] = []
    for number, cells in data:
        if all(_blank(c) for c in cells) and not any((number, i) in table.formulas for i in mapping):
            continue  # blank lines (Excel keeps some at the end)
        values: dict[str, Any] = {}
        row_problems: list[ImportProblem] = []
        for index, column in mapping.items():
            cell = cells[index] if index < len(cells) else None
            if cell is None and (number, index) in table.formulas:
                row_problems.append(
                    ImportProblem(
                        number,
                        column.name,
                        QT_TRANSLATE_NOOP(
                            "Import",
                            "The cell holds a formula without a saved result (the file was not saved by "
                            "Excel). Open the file in Excel, save it and import again.",
                        ),
                    )
                )
                continue
            try:
                values[column.name] = _convert(column, cell)
            except _CellProblem as exc:
                row_problems.append(ImportProblem(number, column.name, exc.message, exc.params, exc.context))
        fields = {name: values[name] for name in FranchiseeData.field_names() if name in values}
        if "tags" in values:
            fields["tags"] = normalize_tags(values["tags"])
        data_ = clean_franchisee(FranchiseeData(**{"tier": "", **fields}))
        contact = None
        if any(values.get(name) for name in CONTACT_FIELDS.values()):
            contact = clean_contact(
                ContactData(
                    name=values.get("contact_name") or "",
                    mobile=values.get("contact_mobile") or "",
                    role=values.get("contact_role") or ContactRole.OWNER,
                    is_primary=True,
                )
            )
            for error in validate_contact(contact, today):
                column = CONTACT_FIELDS.get(error.field, "contact_" + error.field)
                if column not in {p.column for p in row_problems}:
                    row_problems.append(
                        ImportProblem(number, column, error.message, error.params, VALIDATION)
                    )
        problems.extend(row_problems)
        rows.append(
            _Row(
                number,
                data_,
                values.get("status") or LifecycleStatus.PROSPECT,
                values.get("account_manager"),
                contact,
                frozenset(p.column for p in row_problems),
            )
        )
    return rows


def _check_rows(s: Session, rows: list[_Row], problems: list[ImportProblem]) -> None:
    """The domain rules and every check that needs the file as a whole or the database."""
    tiers = {code.lower(): code for code in s.scalars(select(Tier.code).order_by(Tier.sort_order, Tier.code))}
    known_tiers = tuple(tiers.values())
    users = s.execute(select(User.id, User.username, User.display_name, User.role, User.active)).all()
    by_username = {u.username: u for u in users}
    by_username_ci: dict[str, list] = {}
    by_display: dict[str, list] = {}
    for u in users:
        by_username_ci.setdefault(u.username.lower(), []).append(u)
        if u.display_name:
            by_display.setdefault(u.display_name, []).append(u)
    existing_codes = set(s.scalars(select(func.lower(Franchisee.code))))
    existing_uscc = dict(
        s.execute(select(Franchisee.uscc, Franchisee.code).where(Franchisee.uscc.is_not(None))).all()
    )
    first_code: dict[str, int] = {}
    first_uscc: dict[str, int] = {}

    for row in rows:
        found: list[ImportProblem] = []
        if row.data.tier.lower() in tiers:
            row.data = replace(row.data, tier=tiers[row.data.tier.lower()])
        manager_id = None
        if row.manager:
            candidates = (
                [by_username[row.manager]]
                if row.manager in by_username
                else by_username_ci.get(row.manager.lower()) or by_display.get(row.manager) or []
            )
            if not candidates:
                found.append(
                    ImportProblem(
                        row.number,
                        "account_manager",
                        QT_TRANSLATE_NOOP("Import", "No user has the user name or display name {name}."),
                        {"name": row.manager},
                    )
                )
            elif len(candidates) > 1:
                found.append(
                    ImportProblem(
                        row.number,
                        "account_manager",
                        QT_TRANSLATE_NOOP("Import", "Several users are called {name}: use the user name."),
                        {"name": row.manager},
                    )
                )
            elif not candidates[0].active or candidates[0].role not in (
                Role.ACCOUNT_MANAGER.value,
                Role.ADMIN.value,
            ):
                found.append(
                    ImportProblem(
                        row.number,
                        "account_manager",
                        QT_TRANSLATE_NOOP(
                            "Import",
                            "{name} cannot be given franchisees: only active account managers and "
                            "administrators can.",
                        ),
                        {"name": row.manager},
                    )
                )
            else:
                manager_id = candidates[0].id
        row.data = replace(row.data, account_manager_id=manager_id)
        for error in validate_franchisee(row.data, known_tiers):
            column = FRANCHISEE_FIELDS.get(error.field, error.field)
            if column not in row.bad_columns:
                found.append(ImportProblem(row.number, column, error.message, error.params, VALIDATION))
        code = row.data.code.lower()
        if code:
            if code in first_code:
                found.append(
                    ImportProblem(
                        row.number,
                        "code",
                        QT_TRANSLATE_NOOP("Import", "The code {code} is also on row {row}."),
                        {"code": row.data.code, "row": first_code[code]},
                    )
                )
            else:
                first_code[code] = row.number
                if code in existing_codes:
                    found.append(
                        ImportProblem(
                            row.number,
                            "code",
                            QT_TRANSLATE_NOOP(
                                "Validation", "Another franchisee already has the code {code}."
                            ),
                            {"code": row.data.code},
                            VALIDATION,
                        )
                    )
        uscc = row.data.uscc
        if uscc:
            if uscc in first_uscc:
                found.append(
                    ImportProblem(
                        row.number,
                        "uscc",
                        QT_TRANSLATE_NOOP("Import", "The credit code {uscc} is also on row {row}."),
                        {"uscc": uscc, "row": first_uscc[uscc]},
                    )
                )
            else:
                first_uscc[uscc] = row.number
                if uscc in existing_uscc:
                    found.append(
                        ImportProblem(
                            row.number,
                            "uscc",
                            QT_TRANSLATE_NOOP(
                                "Validation", "Franchisee {code} already has this credit code."
                            ),
                            {"code": existing_uscc[uscc]},
                            VALIDATION,
                        )
                    )
        if (
            len(uscc) == 18
            and uscc.isdigit()
            and uscc.endswith("000")
            and uscc_rules.check_character(uscc[:17]) != uscc[17]
        ):
            # the typo message would mislead: Excel turned the code into a number and zeroed its last digits
            found = [p for p in found if p.column != "uscc"] + [
                ImportProblem(
                    row.number,
                    "uscc",
                    QT_TRANSLATE_NOOP(
                        "Import",
                        "The check character does not match, and the code ends in 000: Excel probably stored it "
                        "as a number and kept only 15 digits. Format the uscc column as Text, type the codes "
                        "again and save.",
                    ),
                )
            ]
        problems.extend(found)


BATCH = 1000


def _write(s: Session, rows: list[_Row], actor: Actor, today: date, reason: str) -> int:
    """Insert the franchisees, their status records and primary contacts as ORM bulk INSERTs inside the
    caller's transaction (the unit of work costs several times as much for 5,000 rows)."""
    now = utcnow()
    stamp = {"version": 1, "created_at": now, "updated_at": now, "updated_by": actor.username}
    franchisees = []
    for row in rows:
        data = row.data
        record = {
            "code": data.code,
            "legal_name": data.legal_name,
            "store_brand_name": data.store_brand_name,
            "uscc": data.uscc or None,
            "legal_representative": data.legal_representative,
            "registered_capital": data.registered_capital,
            "business_scope": data.business_scope,
            "region": data.region,
            "province": data.province,
            "city": data.city,
            "address": data.address,
            "tier": data.tier,
            "status": row.status.value,
            "status_changed_on": today,
            "join_date": data.join_date,
            "contract_start": data.contract_start,
            "contract_end": data.contract_end,
            "account_manager_id": data.account_manager_id,
            "tags": ",".join(data.tags),
            "notes": data.notes,
            "archived": False,
            **stamp,
        }
        contacts = [_contact_values(row.contact)] if row.contact else []
        # what search-as-you-type scans, as FranchiseeService keeps it
        record["search_text"] = search_text_of(
            SimpleNamespace(**record), [SimpleNamespace(**c) for c in contacts]
        )
        franchisees.append(record)
    _insert(s, Franchisee, franchisees, actor)
    ids_by_code: dict[str, int] = {}
    codes = [r["code"] for r in franchisees]
    for i in range(0, len(codes), BATCH):  # cheaper than RETURNING, and the codes are unique
        ids_by_code.update(
            s.execute(
                select(Franchisee.code, Franchisee.id).where(Franchisee.code.in_(codes[i : i + BATCH]))
            ).all()
        )
    ids = [ids_by_code[code] for code in codes]
    _audit_inserts(s, Franchisee, franchisees, ids, actor)
    _insert(
        s,
        StatusChangeRecord,
        [
            _status_values(franchisee_id, row, actor, today, reason, now)
            for franchisee_id, row in zip(ids, rows, strict=True)
        ],
        actor,
    )
    _insert(
        s,
        Contact,
        [
            {**_contact_values(row.contact), "franchisee_id": franchisee_id, **stamp}
            for franchisee_id, row in zip(ids, rows, strict=True)
            if row.contact
        ],
        actor,
    )
    return len(ids)


def _status_values(franchisee_id: int, row: _Row, actor: Actor, today: date, reason: str, now) -> dict:
    return {
        "franchisee_id": franchisee_id,
        "from_status": None,
        "to_status": row.status.value,
        "changed_on": today,
        "reason": reason,
        "changed_by": actor.username,
        "recorded_at": now,
    }


def _contact_values(data: ContactData) -> dict:
    return {
        "name": data.name,
        "mobile": data.mobile,
        "phone": data.phone,
        "role": data.role.value,
        "is_primary": True,
    }


def _with_defaults(model, rows: list[dict]) -> list[dict]:
    """Every column given (the models' scalar defaults fill the rest): what is stored is what is audited."""
    defaults = {
        c.name: (c.default.arg if c.default is not None and c.default.is_scalar else None)
        for c in model.__table__.columns
        if c.name != "id"
    }
    return [{**defaults, **r} for r in rows]


def _insert(s: Session, model, rows: list[dict], actor: Actor) -> None:
    """Bulk-insert ``rows``. Bulk INSERTs pass by the app's SQLite audit writer, so on SQLite the rows come
    back with their ids (RETURNING) and the trail is written here; on PostgreSQL the trigger writes it."""
    rows = _with_defaults(model, rows)
    if not rows:
        return
    if model is Franchisee or s.get_bind().dialect.name == "postgresql":
        s.execute(insert(model), rows)
        return
    ids: list[int] = []
    for i in range(0, len(rows), BATCH):
        ids += s.scalars(
            insert(model).returning(model.id, sort_by_parameter_order=True), rows[i : i + BATCH]
        ).all()
    _audit_inserts(s, model, rows, ids, actor)


def _audit_inserts(s: Session, model, rows: list[dict], ids: list[int], actor: Actor) -> None:
    audit_bulk_inserts(s, model, _with_defaults(model, rows), ids, actor.username)


# ----- the service -----------------------------------------------------------------------------------------


class FranchiseeImporter(Service):
    """Import franchisees from a CSV/XLSX file (all rows or none). See the module docstring."""

    def import_file(
        self, actor: Actor, path: str | Path, *, dry_run: bool = False, today: date | None = None
    ) -> ImportResult:
        """Check ``path`` and, unless ``dry_run`` or a row is bad, import every row in one transaction.

        Problems with the file or its rows come back in ``ImportResult.errors`` (nothing written); raises
        PermissionDenied, ImportConflict (a concurrent import took a code), and database errors.
        """
        self.require(actor, Action.IMPORT_FRANCHISEES)
        path = Path(path)
        today = today or date.today()
        try:
            table = _read_table(path)
            _header_row, mapping, data = _map_header(table)
        except _Refused as refused:
            return ImportResult(str(path), 0, 0, dry_run, refused.problems)
        problems: list[ImportProblem] = []
        rows = _parse_rows(mapping, data, table, today, problems)
        if dry_run:
            with self.db.read() as s:
                _check_rows(s, rows, problems)
            return self._result(path, rows, 0, dry_run, problems)
        from sqlalchemy.exc import IntegrityError

        try:
            with self.db.write(actor.username) as s:
                self.require(actor, Action.IMPORT_FRANCHISEES, s=s)  # the rights as they are now
                _check_rows(s, rows, problems)
                if problems:
                    return self._result(path, rows, 0, dry_run, problems)
                imported = _write(s, rows, actor, today, f"import: {path.name}"[:200])
                s.commit()
        except IntegrityError as exc:
            raise ImportConflict() from exc
        return self._result(path, rows, imported, dry_run, problems)

    @staticmethod
    def _result(
        path: Path, rows: list[_Row], imported: int, dry_run: bool, problems: Iterable[ImportProblem]
    ) -> ImportResult:
        order = {c.name: i for i, c in enumerate(COLUMNS)}
        ordered = sorted(problems, key=lambda p: (p.row or 0, order.get(p.column or "", len(order))))
        return ImportResult(str(path), len(rows), imported, dry_run, tuple(ordered))


__all__ = [
    "FranchiseeImporter",
    "ImportResult",
    "ImportProblem",
    "ImportConflict",
    "COLUMNS",
    "Column",
    "header_key",
]
