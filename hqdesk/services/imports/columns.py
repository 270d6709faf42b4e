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


class Template:
    """The columns of one import, and the mapping of a file's header row onto them."""

    def __init__(self, columns: tuple[Column, ...]) -> None:
        self.columns = columns
        self.by_name = {c.name: c for c in columns}
        self.aliases: dict[str, str] = {}
        for column in columns:
            for alias in (column.name, *column.aliases):
                self.aliases[header_key(alias)] = column.name
        self.order = {c.name: i for i, c in enumerate(columns)}

    def map_header(self, table: Table) -> tuple[int, dict[int, Column], list[tuple[int, list[Any]]]]:
        """(header row number, column index -> template column, the data rows after the header)."""
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
        problems: list[ImportProblem] = []
        mapping: dict[int, Column] = {}
        seen: dict[str, str] = {}
        width = max([len(header), *(len(cells) for _n, cells in data)])
        for index in range(width):
            cell = header[index] if index < len(header) else None
            text = "" if cell is None else str(cell).strip()
            if not text:
                if any(index < len(cells) and not blank(cells[index]) for _n, cells in data):
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
            name = self.aliases.get(header_key(text))
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
            mapping[index] = self.by_name[name]
        for column in self.columns:
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
        ("编码", "代码", "编号", "加盟商编码", "加盟商代码", "加盟商编号", "客户编码", "客户编号"),
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
            "company_name",
            "name",
        ),
        required=True,
    ),
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
    Column("contract_start", "date", ("合同开始日期", "合同开始", "合同起始日期", "签约日期", "签约时间")),
    Column("contract_end", "date", ("合同结束日期", "合同结束", "合同到期日期", "合同到期日")),
    Column("account_manager", "manager", ("客户经理",)),
    Column("tags", "tags", ("标签",)),
    Column("notes", "text", ("备注",)),
    Column(
        "status",
        "choice",
        ("状态", "合作状态"),
        choices=STATUS_WORDS,
        unknown=QT_TRANSLATE_NOOP(
            "Import", "Unknown status {value}; use prospect, active, suspended or terminated."
        ),
    ),
    Column("contact_name", "text", ("联系人", "联系人姓名", "contact")),
    Column("contact_mobile", "digits", ("联系人手机", "手机", "手机号", "手机号码", "mobile")),
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
    Column("contact_phone", "text", ("联系人电话", "电话", "联系电话", "座机", "phone", "telephone")),
    Column("contact_birthday", "date", ("联系人生日", "生日", "birthday")),
)
FRANCHISEE_TEMPLATE = Template(COLUMNS)

__all__ = ["Column", "Template", "header_key", "COLUMNS", "FRANCHISEE_TEMPLATE", "STATUS_WORDS"]
