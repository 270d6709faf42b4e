"""Column specifications of the import templates, and how a header row is mapped onto them.

A template is a tuple of ``Column``s: its name, the kind of value it holds (how ``cells.convert`` reads a
cell), its other names (Chinese headers), whether it is required, and for a choice column the words it takes.
Headers are matched in any order, case-insensitive, full-width or not, with or without a trailing ``*``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from hqdesk.domain.contact import ContactRole
from hqdesk.domain.franchisee import LifecycleStatus
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.imports.problems import ImportProblem, Refused
from hqdesk.services.imports.reader import Table, blank, letter


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text / code / uscc / digits / decimal / date / tags / manager / choice
    aliases: tuple[str, ...] = ()
    required: bool = False
    choices: Mapping[str, Any] = field(
        default_factory=dict, hash=False, compare=False
    )  # choice: lower-case word -> value
    unknown: str = ""  # choice: the message for a word not in ``choices`` ({value})


def header_key(text: str) -> str:
    """How headers are compared: NFKC (full-width to ASCII), trimmed, lower case, a trailing * (a template's
    "required" mark) dropped, spaces and hyphens as underscores."""
    key = unicodedata.normalize("NFKC", text).strip().rstrip("*").strip().lower()
    return re.sub(r"[\s\-]+", "_", key)


UNKNOWN_COLUMN = QT_TRANSLATE_NOOP(
    "Import", 'Unknown column "{header}": rename it to a column of the import template or delete it.'
)
NO_HEADER = QT_TRANSLATE_NOOP("Import", "Column {letter} has values but no name in the header row.")
COULD_MEAN = QT_TRANSLATE_NOOP(
    "Import", 'Column "{header}" could mean {fields}: map it to one of them (or to none).'
)
TWO_COLUMNS = QT_TRANSLATE_NOOP("Import", 'Two columns mean {column}: "{first}" and "{second}"; keep one.')
NO_COLUMN = QT_TRANSLATE_NOOP("Import", "The file has no {column} column; it is required.")
MAPPING_MESSAGES = frozenset({UNKNOWN_COLUMN, NO_HEADER, COULD_MEAN, TWO_COLUMNS, NO_COLUMN})
"""The problems a mapping solves (the command line then says how to give one)."""

HOW_LAYOUT, HOW_TEMPLATE, HOW_GUESSED, HOW_SAVED = "layout", "template", "guessed", "saved"
_BRACKETS = re.compile(r"[(（\[【].*?[)）\]】]")


@dataclass(frozen=True)
class Guess:
    """How one header cell is mapped: ``field`` ("" = not imported), ``how`` (template / guessed / "") and,
    for a header whose name fits several fields' aliases, those fields (``field`` is then "")."""

    field: str
    how: str
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Header:
    """A file's header row: its row number, the header texts (one per column, "" for none) and the data."""

    row: int
    texts: tuple[str, ...]
    data: list[tuple[int, list[Any]]]


class Template:
    """The columns of one import, and the mapping of a file's header row onto them.

    A header matches a column by the column's name or its template header (``how`` = "template"), else by
    one of its aliases (English and Chinese names other sheets use: "guessed"). An alias several columns
    share (负责人: the account manager or the contact?) maps to none: the file is ambiguous until mapped.
    """

    def __init__(self, columns: tuple[Column, ...], labels: Mapping[str, str] | None = None) -> None:
        self.columns = columns
        self.by_name = {c.name: c for c in columns}
        self.labels = dict(labels or {})
        self.exact: dict[str, str] = {}  # the names a template file has: the column name, its Chinese header
        self.aliases: dict[str, str] = {}  # every unambiguous name -> column (the old single-answer index)
        shared: dict[str, list[str]] = {}
        for column in columns:
            self.exact[header_key(column.name)] = column.name
            chinese = next((a for a in column.aliases if not a.isascii()), None)
            if chinese:
                self.exact.setdefault(header_key(chinese), column.name)
            for alias in (column.name, *column.aliases):
                names = shared.setdefault(header_key(alias), [])
                if column.name not in names:
                    names.append(column.name)
        self.candidates = {key: tuple(names) for key, names in shared.items()}
        for key, names in self.candidates.items():
            if len(names) == 1 or key in self.exact:
                self.aliases[key] = self.exact.get(key, names[0])
        self.order = {c.name: i for i, c in enumerate(columns)}

    def label(self, name: str) -> str:
        """The English display name of column ``name`` (translation context "Import")."""
        return self.labels.get(name, name)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    def guess(self, text: str) -> Guess:
        """The field the header ``text`` means, and how sure that is."""
        if not text.strip():
            return Guess("", "")
        key = header_key(text)
        if key in self.exact:
            return Guess(self.exact[key], HOW_TEMPLATE)
        for candidate in (key, header_key(_BRACKETS.sub("", text))):
            names = self.candidates.get(candidate)
            if names and len(names) == 1:
                return Guess(names[0], HOW_GUESSED)
            if names:
                return Guess("", "", names)
        return Guess("", "")

    @staticmethod
    def header(table: Table) -> Header:
        """The first non-blank row as the header row, the header texts (as wide as the widest row) and the
        rows after it (Refused for an empty file)."""
        rows = table.rows
        start = next((i for i, (_n, cells) in enumerate(rows) if not all(blank(c) for c in cells)), None)
        if start is None:
            raise Refused(
                ImportProblem(
                    None,
                    None,
                    QT_TRANSLATE_NOOP(
                        "Import", "The file is empty: its first row must hold the column names."
                    ),
                )
            )
        header_row, header = rows[start]
        data = rows[start + 1 :]
        width = max([len(header), *(len(cells) for _n, cells in data)])
        texts = tuple(
            "" if i >= len(header) or header[i] is None else str(header[i]).strip() for i in range(width)
        )
        return Header(header_row, texts, data)

    def map_header(
        self, table: Table, assigned: Mapping[str, str] | None = None, required: tuple[str, ...] | None = None
    ) -> tuple[int, dict[int, Column], list[tuple[int, list[Any]]]]:
        """(header row number, column index -> template column, the data rows after the header).

        ``assigned``: header text -> column name ("" = not imported), a user's mapping (the wizard's, or a saved
        one): columns it names are mapped as it says, columns it does not name are not imported. Without it
        the headers are guessed, and every header must be known. Refused with every problem: a required
        column missing, two columns for one field, a header that could mean several fields, unknown names.
        ``required``: the columns the file must have, if not the template's required ones."""
        head = self.header(table)
        header_row, data = head.row, head.data
        problems: list[ImportProblem] = []
        mapping: dict[int, Column] = {}
        seen: dict[str, str] = {}
        by_key = {header_key(k): v for k, v in (assigned or {}).items()} if assigned is not None else None
        for index, text in enumerate(head.texts):
            if not text:
                if by_key is None and any(
                    index < len(cells) and not blank(cells[index]) for _n, cells in data
                ):
                    problems.append(
                        ImportProblem(
                            header_row,
                            letter(index),
                            QT_TRANSLATE_NOOP(
                                "Import", "Column {letter} has values but no name in the header row."
                            ),
                            {"letter": letter(index)},
                        )
                    )
                continue
            if by_key is not None:
                name = assigned.get(text, by_key.get(header_key(text), "")) if assigned else ""
                if not name:
                    continue  # the user left it out
                if name not in self.by_name:
                    problems.append(
                        ImportProblem(
                            header_row,
                            text,
                            QT_TRANSLATE_NOOP(
                                "Import",
                                'The mapping sends column "{header}" to {field}, which this import '
                                "does not have.",
                            ),
                            {"header": text, "field": name},
                        )
                    )
                    continue
            else:
                guess = self.guess(text)
                if guess.candidates:
                    problems.append(
                        ImportProblem(
                            header_row,
                            text,
                            QT_TRANSLATE_NOOP(
                                "Import",
                                'Column "{header}" could mean {fields}: map it to one of them (or to none).',
                            ),
                            {"header": text, "fields": " / ".join(guess.candidates)},
                        )
                    )
                    continue
                name = guess.field
                if not name:
                    problems.append(
                        ImportProblem(
                            header_row,
                            text,
                            QT_TRANSLATE_NOOP(
                                "Import",
                                'Unknown column "{header}": rename it to a column of the import template or '
                                "delete it.",
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
            mapping[index] = self.by_name[name]
        for column in self.columns:
            if (column.required if required is None else column.name in required) and column.name not in seen:
                problems.append(
                    ImportProblem(
                        header_row,
                        column.name,
                        QT_TRANSLATE_NOOP("Import", "The file has no {column} column; it is required."),
                        {"column": column.name},
                    )
                )
        if problems:
            raise Refused(*problems)
        return header_row, mapping, data


# ----- the franchisee template -----------------------------------------------------------------------------

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


COLUMNS: tuple[Column, ...] = (
    Column(
        "code",
        "code",
        (
            "编码",
            "代码",
            "编号",
            "加盟商编码",
            "加盟商代码",
            "加盟商编号",
            "客户编码",
            "客户编号",
            "客户代码",
            "商户编号",
            "门店编号",
            "franchisee_code",
            "customer_code",
            "customer_no",
            "account_number",
        ),
        required=True,
    ),
    Column(
        "legal_name",
        "text",
        (
            "公司名称",
            "企业名称",
            "公司全称",
            "法定名称",
            "加盟商名称",
            "名称",
            "客户名称",
            "客户全称",
            "加盟商全称",
            "单位名称",
            "工商注册名称",
            "company_name",
            "company",
            "name",
            "customer_name",
            "account_name",
        ),
        required=True,
    ),
    Column("city", "text", ("城市", "所在城市", "市", "所在地", "town"), required=True),
    Column(
        "tier", "text", ("等级", "级别", "加盟商等级", "客户等级", "class", "grade", "level"), required=True
    ),
    Column("store_brand_name", "text", ("门店品牌名", "店招名称", "品牌名称", "店招", "brand_name")),
    Column(
        "uscc",
        "uscc",
        ("统一社会信用代码", "社会信用代码", "信用代码", "税号", "纳税人识别号", "credit_code"),
    ),
    Column("legal_representative", "text", ("法定代表人", "法人代表", "法人", "legal_rep")),
    Column("registered_capital", "decimal", ("注册资本", "注册资本(元)", "注册资金")),
    Column("business_scope", "text", ("经营范围",)),
    Column("region", "text", ("大区", "区域", "片区", "area")),
    Column("province", "text", ("省份", "省", "所在省份", "state")),
    Column("address", "text", ("地址", "公司地址", "详细地址", "注册地址", "street")),
    Column("join_date", "date", ("加盟日期", "加盟时间", "入网日期")),
    Column(
        "contract_start",
        "date",
        ("合同开始日期", "合同开始", "合同起始日期", "签约日期", "签约时间", "合同日期", "start_date"),
    ),
    Column(
        "contract_end",
        "date",
        ("合同结束日期", "合同结束", "合同到期日期", "合同到期日", "到期日期", "合同日期", "end_date"),
    ),
    Column("account_manager", "manager", ("客户经理", "业务员", "督导", "负责人", "manager", "owner")),
    Column("tags", "tags", ("标签",)),
    Column("notes", "text", ("备注", "说明", "note", "remark", "comment")),
    Column(
        "status",
        "choice",
        ("状态", "合作状态"),
        choices=STATUS_WORDS,
        unknown=QT_TRANSLATE_NOOP(
            "Import", "Unknown status {value}; use prospect, active, suspended or terminated."
        ),
    ),
    Column("contact_name", "text", ("联系人", "联系人姓名", "contact", "负责人", "老板姓名")),
    Column(
        "contact_mobile",
        "digits",
        ("联系人手机", "手机", "手机号", "手机号码", "mobile", "联系方式"),
    ),
    Column(
        "contact_role",
        "choice",
        ("联系人角色", "联系人职务", "职务"),
        choices=CONTACT_ROLE_WORDS,
        unknown=QT_TRANSLATE_NOOP(
            "Import",
            "Unknown contact role {value}; use owner, manager, finance, purchasing, store_manager or other.",
        ),
    ),
    Column(
        "contact_phone", "text", ("联系人电话", "电话", "联系电话", "座机", "phone", "telephone", "联系方式")
    ),
    Column("contact_birthday", "date", ("联系人生日", "生日", "birthday", "出生日期")),
    Column("credit_limit", "decimal", ("信用额度", "授信额度", "赊销额度", "额度", "信用额度(元)", "credit")),
    Column(
        "settlement_term",
        "text",
        ("结算方式", "结算周期", "账期", "付款方式", "付款条件", "结算条件", "payment_terms", "terms"),
    ),
)
FRANCHISEE_LABELS = {
    "code": QT_TRANSLATE_NOOP("Import", "Code"),
    "legal_name": QT_TRANSLATE_NOOP("Import", "Legal name"),
    "city": QT_TRANSLATE_NOOP("Import", "City"),
    "tier": QT_TRANSLATE_NOOP("Import", "Tier"),
    "store_brand_name": QT_TRANSLATE_NOOP("Import", "Store brand name"),
    "uscc": QT_TRANSLATE_NOOP("Import", "Unified social credit code"),
    "legal_representative": QT_TRANSLATE_NOOP("Import", "Legal representative"),
    "registered_capital": QT_TRANSLATE_NOOP("Import", "Registered capital"),
    "business_scope": QT_TRANSLATE_NOOP("Import", "Business scope"),
    "region": QT_TRANSLATE_NOOP("Import", "Region"),
    "province": QT_TRANSLATE_NOOP("Import", "Province"),
    "address": QT_TRANSLATE_NOOP("Import", "Address"),
    "join_date": QT_TRANSLATE_NOOP("Import", "Join date"),
    "contract_start": QT_TRANSLATE_NOOP("Import", "Contract start"),
    "contract_end": QT_TRANSLATE_NOOP("Import", "Contract end"),
    "account_manager": QT_TRANSLATE_NOOP("Import", "Account manager"),
    "tags": QT_TRANSLATE_NOOP("Import", "Tags"),
    "notes": QT_TRANSLATE_NOOP("Import", "Notes"),
    "status": QT_TRANSLATE_NOOP("Import", "Status"),
    "contact_name": QT_TRANSLATE_NOOP("Import", "Primary contact"),
    "contact_mobile": QT_TRANSLATE_NOOP("Import", "Contact's mobile"),
    "contact_role": QT_TRANSLATE_NOOP("Import", "Contact's role"),
    "contact_phone": QT_TRANSLATE_NOOP("Import", "Contact's phone"),
    "contact_birthday": QT_TRANSLATE_NOOP("Import", "Contact's birthday"),
    "credit_limit": QT_TRANSLATE_NOOP("Import", "Credit limit (yuan)"),
    "settlement_term": QT_TRANSLATE_NOOP("Import", "Settlement term"),
}
CREDIT_COLUMNS = ("credit_limit", "settlement_term")
"""Franchisee columns written to the credit profile, by a role that may change credit profiles."""
FRANCHISEE_TEMPLATE = Template(COLUMNS, FRANCHISEE_LABELS)

__all__ = [
    "Column",
    "Template",
    "Guess",
    "Header",
    "header_key",
    "COLUMNS",
    "CREDIT_COLUMNS",
    "FRANCHISEE_TEMPLATE",
    "FRANCHISEE_LABELS",
    "STATUS_WORDS",
]
