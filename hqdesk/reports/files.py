"""Reports as files: the aging report and sales by franchisee and month, to XLSX (number formats, a frozen
header row, Chinese headers when the language is ``zh_CN``) or CSV (UTF-8 with BOM), through
``reports.tabular.write_table`` (streamed, temp file then rename, formula-like text written as text).

The builders take the services' report objects as they are (duck-typed: an aging report has ``labels``,
``rows`` and ``totals``; sales rows have ``key``, ``label``, ``amount``, ``month``), so this module imports no
service module. Headers are bilingual here because these files are also written by ``hqdesk-admin`` (no Qt);
the language is ``"en"`` or ``"zh_CN"``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from hqdesk.reports.tabular import write_table

LANGUAGES = ("en", "zh_CN")

_WORDS = {
    "franchisee": {"en": "Franchisee", "zh_CN": "加盟商编号"},
    "name": {"en": "Legal name", "zh_CN": "加盟商名称"},
    "not_due": {"en": "Not due", "zh_CN": "未到期"},
    "unapplied": {"en": "Unapplied", "zh_CN": "未核销"},
    "total": {"en": "Total", "zh_CN": "合计"},
    "days": {"en": "{} days", "zh_CN": "{}天"},
    "over": {"en": "Over {} days", "zh_CN": "{}天以上"},
    "as_of": {"en": "As of {}", "zh_CN": "截至 {}"},
    "period": {"en": "{} to {}", "zh_CN": "{} 至 {}"},
    "aging_title": {"en": "Aging {}", "zh_CN": "账龄 {}"},
    "sales_title": {"en": "Sales {} to {}", "zh_CN": "销售额 {} 至 {}"},
    "kpi_title": {"en": "KPIs {} to {}", "zh_CN": "应收指标 {} 至 {}"},
    "everyone": {"en": "All franchisees", "zh_CN": "全部加盟商"},
    "credit_sales": {"en": "Credit sales", "zh_CN": "赊销额"},
    "collections": {"en": "Collections", "zh_CN": "回款额"},
    "write_offs": {"en": "Write-offs", "zh_CN": "核销坏账"},
    "opening_receivables": {"en": "Opening receivables", "zh_CN": "期初应收"},
    "closing_receivables": {"en": "Closing receivables", "zh_CN": "期末应收"},
    "overdue": {"en": "Overdue", "zh_CN": "逾期金额"},
    "overdue_share": {"en": "Overdue share", "zh_CN": "逾期占比"},
    "dso_average_balance": {"en": "DSO (average balance)", "zh_CN": "应收周转天数（平均余额法）"},
    "dso_countback": {"en": "DSO (countback)", "zh_CN": "应收周转天数（倒推法）"},
    "bad_debt_loss_rate": {"en": "Bad-debt loss rate", "zh_CN": "坏账损失率"},
    "complaints_title": {"en": "Complaints {} to {}", "zh_CN": "投诉汇总 {} 至 {}"},
    "category": {"en": "Category", "zh_CN": "投诉类别"},
    "complaints": {"en": "Complaints", "zh_CN": "投诉数"},
    "share": {"en": "Share", "zh_CN": "占比"},
    "cumulative_share": {"en": "Cumulative share", "zh_CN": "累计占比"},
    "directory_title": {"en": "Franchisee directory {}", "zh_CN": "加盟商名录 {}"},
    "store_brand_name": {"en": "Store brand", "zh_CN": "门店品牌"},
    "region": {"en": "Region", "zh_CN": "大区"},
    "province": {"en": "Province", "zh_CN": "省份"},
    "city": {"en": "City", "zh_CN": "城市"},
    "tier": {"en": "Tier", "zh_CN": "等级"},
    "status": {"en": "Status", "zh_CN": "状态"},
    "account_manager": {"en": "Account manager", "zh_CN": "客户经理"},
    "primary_contact": {"en": "Primary contact", "zh_CN": "主要联系人"},
    "primary_phone": {"en": "Phone", "zh_CN": "电话"},
    "contract_end": {"en": "Contract end", "zh_CN": "合同到期"},
    "visits_title": {"en": "Visits {} to {}", "zh_CN": "拜访记录 {} 至 {}"},
    "visited_on": {"en": "Date", "zh_CN": "拜访日期"},
    "kind": {"en": "Kind", "zh_CN": "方式"},
    "purpose": {"en": "Purpose", "zh_CN": "目的"},
    "hq_user": {"en": "From HQ", "zh_CN": "总部人员"},
    "met_with": {"en": "Met with", "zh_CN": "接待人"},
    "outcome": {"en": "Outcome", "zh_CN": "结果"},
    "next_follow_up": {"en": "Next follow-up", "zh_CN": "下次跟进"},
    "suggestions": {"en": "Suggestions", "zh_CN": "建议数"},
    "open_suggestions": {"en": "Open suggestions", "zh_CN": "未结建议"},
}


def word(key: str, language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} (en or zh_CN)")
    return _WORDS[key][language]


@dataclass(frozen=True)
class ReportTable:
    """What a report file holds: a title (the sheet's name), headers, a format per column (see tabular),
    and the rows (the last one may be a totals row)."""

    title: str
    headers: tuple[str, ...]
    formats: tuple[str | None, ...]
    rows: Iterable[Sequence[Any]]  # may be a generator: written once, streamed


def bucket_header(label: str, language: str) -> str:
    """``not_due`` / ``1-30`` / ``>365`` (the aging report's labels) as a person reads them."""
    if label == "not_due":
        return word("not_due", language)
    if label.startswith(">"):
        return word("over", language).format(label[1:])
    return word("days", language).format(label)


def aging_table(report, language: str = "en") -> ReportTable:
    """A row per franchisee (by code), then the totals row (code empty, name = Total)."""
    headers = (
        word("franchisee", language),
        word("name", language),
        *(bucket_header(label, language) for label in report.labels),
        word("unapplied", language),
        word("total", language),
    )
    money = len(report.labels) + 2
    rows = [(r.code, r.name, *r.buckets, r.unapplied, r.total) for r in report.rows]
    t = report.totals
    rows.append((None, word("total", language), *t.buckets, t.unapplied, t.total))
    title = word("aging_title", language).format(report.as_of.isoformat())
    return ReportTable(title, headers, (None, None, *["money"] * money), tuple(rows))


def months_between(start: date, end: date) -> list[date]:
    """The first day of every month from ``start``'s to ``end``'s."""
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def sales_matrix_table(start: date, end: date, rows: Iterable, language: str = "en") -> ReportTable:
    """Sales by franchisee and month (``AnalyticsService.sales(..., by="franchisee_month")``'s rows): a row
    per franchisee (by code) with every month of the period as a column (0.00 where nothing was sold) and
    the franchisee's total; the last row holds each month's total."""
    months = months_between(start, end)
    index = {m: i for i, m in enumerate(months)}
    lines: dict[str, tuple[str, list[Decimal]]] = {}
    for r in rows:
        code = r.key.rsplit("/", 1)[0]
        name, amounts = lines.setdefault(code, (r.label, [Decimal("0.00")] * len(months)))
        amounts[index[r.month]] += r.amount
    body = []
    column_totals = [Decimal("0.00")] * len(months)
    for code in sorted(lines):
        name, amounts = lines[code]
        body.append((code, name, *amounts, sum(amounts, Decimal("0.00"))))
        column_totals = [a + b for a, b in zip(column_totals, amounts, strict=True)]
    body.append((None, word("total", language), *column_totals, sum(column_totals, Decimal("0.00"))))
    headers = (
        word("franchisee", language),
        word("name", language),
        *(m.strftime("%Y-%m") for m in months),
        word("total", language),
    )
    title = word("sales_title", language).format(start.isoformat(), end.isoformat())
    return ReportTable(title, headers, (None, None, *["money"] * (len(months) + 1)), tuple(body))


KPI_FIELDS = (
    ("credit_sales", "money"),
    ("collections", "money"),
    ("write_offs", "money"),
    ("opening_receivables", "money"),
    ("closing_receivables", "money"),
    ("overdue", "money"),
    ("overdue_share", "percent"),
    ("dso_average_balance", "days"),
    ("dso_countback", "days"),
    ("bad_debt_loss_rate", "percent"),
)


def kpi_table(
    start: date, end: date, per_franchisee: Iterable[tuple[str, str, Any]], everyone, language: str = "en"
) -> ReportTable:
    """KPIs by franchisee: ``per_franchisee`` yields (code, legal name, the franchisee's ``Kpis``); the last
    row is ``everyone``'s (the whole book, as ``report kpi`` without ``--franchisee``). A ratio whose divisor
    is zero is left empty; DSO is rounded to one decimal."""

    def values(k) -> list:
        out = []
        for field, kind in KPI_FIELDS:
            v = getattr(k, field)
            if v is not None and kind == "days":
                v = v.quantize(Decimal("0.1"))
            out.append(v)
        return out

    rows = [(code, name, *values(k)) for code, name, k in per_franchisee]
    rows.append((None, word("everyone", language), *values(everyone)))
    headers = (
        word("franchisee", language),
        word("name", language),
        *(word(f, language) for f, _ in KPI_FIELDS),
    )
    formats = (None, None, *(None if kind == "days" else kind for _, kind in KPI_FIELDS))
    title = word("kpi_title", language).format(start.isoformat(), end.isoformat())
    return ReportTable(title, headers, formats, tuple(rows))


def complaint_summary_table(start: date, end: date, rows: Sequence, language: str = "en") -> ReportTable:
    """Complaints received in the period per top-level category, most first (``complaints_by_category``'s
    rows): category, count, share of all, cumulative share (the Pareto line); then the totals row."""
    total = sum(r.count for r in rows)
    body = [
        (r.label, r.count, Decimal(r.count) / Decimal(total) if total else None, r.cumulative_share)
        for r in rows
    ]
    body.append((word("total", language), total, Decimal(1) if total else None, None))
    headers = tuple(word(k, language) for k in ("category", "complaints", "share", "cumulative_share"))
    title = word("complaints_title", language).format(start.isoformat(), end.isoformat())
    return ReportTable(title, headers, (None, "int", "percent", "percent"), tuple(body))


DIRECTORY_FIELDS = (
    "code",
    "legal_name",
    "store_brand_name",
    "region",
    "province",
    "city",
    "tier",
    "status",
    "account_manager",
    "primary_contact",
    "primary_phone",
    "contract_end",
)


def directory_table(
    as_of: date, rows: Iterable, language: str = "en", label=lambda value: str(value)
) -> ReportTable:
    """The franchisee directory: the franchisee list's rows (``FranchiseeRow``) as they come (streamed);
    ``label(status)`` names a lifecycle status in ``language``."""
    keys = ("franchisee", "name", *DIRECTORY_FIELDS[2:])
    headers = tuple(word(k, language) for k in keys)
    body = (
        (
            r.code,
            r.legal_name,
            r.store_brand_name,
            r.region,
            r.province,
            r.city,
            r.tier,
            label(r.status),
            r.account_manager,
            r.primary_contact,
            r.primary_phone,
            r.contract_end,
        )
        for r in rows
    )
    formats = (*[None] * (len(DIRECTORY_FIELDS) - 1), "date")
    return ReportTable(word("directory_title", language).format(as_of.isoformat()), headers, formats, body)


def visit_log_table(
    start: date, end: date, rows: Iterable, language: str = "en", label=lambda value: str(value)
) -> ReportTable:
    """The visit log (the visit list's rows, newest first, as the service pages them): a row per visit.
    ``label(enum member)`` names a visit's kind and purpose in ``language``."""
    headers = tuple(
        word(k, language)
        for k in (
            "visited_on",
            "franchisee",
            "name",
            "kind",
            "purpose",
            "hq_user",
            "met_with",
            "outcome",
            "next_follow_up",
            "suggestions",
            "open_suggestions",
        )
    )
    body = tuple(
        (
            r.visited_on,
            r.franchisee_code,
            r.franchisee_name,
            label(r.kind),
            label(r.purpose),
            r.hq_user_name,
            r.met_with,
            r.outcome,
            r.next_follow_up_on,
            r.suggestions,
            r.open_suggestions,
        )
        for r in rows
    )
    formats = ("date", None, None, None, None, None, None, None, "date", "int", "int")
    title = word("visits_title", language).format(start.isoformat(), end.isoformat())
    return ReportTable(title, headers, formats, body)


def write_report(table: ReportTable, path: str | Path, **kwargs) -> int:
    """``table`` to ``path`` (XLSX or CSV by the extension; UnknownFileType otherwise); the rows written."""
    return write_table(
        path, table.headers, table.rows, table.formats, sheet_title=_sheet_name(table.title), **kwargs
    )


def _sheet_name(title: str) -> str:
    """Excel forbids []:*?/\\ in sheet names and allows 31 characters."""
    return "".join("-" if ch in "[]:*?/\\" else ch for ch in title)[:31] or "Sheet1"


__all__: Sequence[str] = [
    "ReportTable",
    "aging_table",
    "sales_matrix_table",
    "visit_log_table",
    "kpi_table",
    "complaint_summary_table",
    "directory_table",
    "write_report",
    "months_between",
    "bucket_header",
    "LANGUAGES",
]
