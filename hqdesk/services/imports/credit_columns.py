"""The credit columns of the franchisee import: ``credit_limit`` (yuan) and ``settlement_term``.

``settlement_term`` takes the words Chinese HQs and other systems write (``parse_term``):

- 预付 / 预付款 / 款到发货 / 先款后货 / advance / prepaid -> advance payment;
- 货到付款 / 现结 / 现款 / cod / cash on delivery -> cash on delivery;
- 月结 / 季结 / 半年结 / 年结 (also monthly / quarterly / half-yearly / yearly) -> settlement at the end of the
  calendar period; days after it are grace days: 月结30天, 月结+15, monthly 30, quarterly + 15 days;
- net 30 / n30 / 30天 / 账期30天 / 票到30天 / 30 days -> net N days.

Both columns are written to the franchisee's credit profile through the credit profile's own rules
(``credit_profiles.validate``, its history with the reason "import: FILE"), and only by a role that may change
credit profiles (credit managers and administrators): for another role a file with a value in either column
is refused for those columns (row None, column = the field), and nothing is imported. A blank cell leaves the
profile's value; a franchisee created without credit cells gets no credit profile (the company default).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hqdesk.domain.credit import TermKind
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP, VALIDATION
from hqdesk.domain.roles import Action, Actor
from hqdesk.services.imports.cells import convert
from hqdesk.services.imports.columns import CREDIT_COLUMNS, FRANCHISEE_TEMPLATE, Column
from hqdesk.services.imports.problems import CellProblem, ImportProblem, shown
from hqdesk.services.imports.reader import blank

_PERIODS: tuple[tuple[tuple[str, ...], TermKind], ...] = (
    (
        (
            "半年结",
            "半年度结",
            "半年",
            "half_yearly",
            "half-yearly",
            "halfyearly",
            "semiannual",
            "semi-annual",
        ),
        TermKind.HALF_YEARLY,
    ),
    (("月结", "月底结", "月度结", "monthly", "month-end", "end of month", "eom"), TermKind.MONTHLY),
    (("季结", "季度结", "季度", "quarterly", "quarter-end", "quarter"), TermKind.QUARTERLY),
    (("年结", "年度结", "yearly", "annual", "annually", "year-end"), TermKind.YEARLY),
)
_ADVANCE = (
    "预付",
    "预付款",
    "款到发货",
    "先款后货",
    "全款预付",
    "advance",
    "prepaid",
    "prepayment",
    "advance payment",
)
_COD = ("货到付款", "现结", "现款", "现金", "现款现货", "cod", "cash on delivery", "cash")
_NET = ("net", "n", "账期", "票到", "发票后", "月结后", "天", "days", "day", "日", "+", "后")

TERM_UNKNOWN = QT_TRANSLATE_NOOP(
    "Import",
    "Unknown settlement term {value}; use e.g. 预付, 货到付款, 月结, 月结30天, 季结, 半年结, 年结, net 30 or 30天.",
)
CREDIT_REFUSED = QT_TRANSLATE_NOOP(
    "Import",
    "Your role ({role}) may not change credit terms: remove the {column} column (or its values), or ask a credit "
    "manager to import the file.",
)


def parse_term(text: str) -> tuple[TermKind, int] | None:
    """(term kind, days) for the words of a settlement term, None if they are not understood."""
    words = unicodedata.normalize("NFKC", text).strip().lower()
    if not words:
        return None
    digits = re.findall(r"\d+", words)
    if len(digits) > 1:
        return None
    days = int(digits[0]) if digits else 0
    rest = re.sub(r"\d+", " ", words)
    if days == 0 and any(rest.strip() == w for w in _ADVANCE):
        return TermKind.ADVANCE, 0
    if days == 0 and any(rest.strip() == w for w in _COD):
        return TermKind.COD, 0
    for names, kind in _PERIODS:
        for name in names:
            if name in rest:
                left = rest.replace(name, " ")
                if _only_fillers(left):
                    return kind, days
    if digits and _only_fillers(rest):
        return TermKind.NET, days
    return None


def _only_fillers(text: str) -> bool:
    left = text
    for word in sorted(_NET, key=len, reverse=True):
        left = left.replace(word, " ")
    return not left.replace(":", " ").replace("_", " ").replace("-", " ").replace(",", " ").strip()


def credit_cells(columns: dict[int, Column], data: list[tuple[int, list[Any]]]) -> dict[int, dict[str, Any]]:
    """Row number -> the credit values in that row's non-blank credit cells (converted; cells that do not
    convert are left out: the row parser reports them)."""
    at = {column.name: index for index, column in columns.items() if column.name in CREDIT_COLUMNS}
    out: dict[int, dict[str, Any]] = {}
    if not at:
        return out
    for number, cells in data:
        values: dict[str, Any] = {}
        for name, index in at.items():
            cell = cells[index] if index < len(cells) else None
            if blank(cell):
                continue
            try:
                values[name] = convert(FRANCHISEE_TEMPLATE.by_name[name], cell)
            except CellProblem:
                continue
        if values:
            out[number] = values
    return out


def check_credit(actor: Actor, found: dict[int, dict[str, Any]], problems: list[ImportProblem]) -> None:
    """Refuse the credit columns of a role that may not change credit profiles; parse the settlement terms
    (``found`` values become ``term`` = (kind, days))."""
    if found and not actor.can(Action.EDIT_CREDIT_PROFILE):
        used = [name for name in CREDIT_COLUMNS if any(name in v for v in found.values())]
        for name in used:
            problems.append(
                ImportProblem(None, name, CREDIT_REFUSED, {"role": actor.role.value, "column": name})
            )
        return
    for number, values in found.items():
        text = values.pop("settlement_term", None)
        if text is None:
            continue
        term = parse_term(str(text))
        if term is None:
            problems.append(
                ImportProblem(number, "settlement_term", TERM_UNKNOWN, {"value": shown(str(text))})
            )
        else:
            values["term"] = term


def credit_data(current, values: dict[str, Any]):
    """The credit profile data ``current`` with the row's credit values."""
    changes: dict[str, Any] = {}
    if "credit_limit" in values:
        changes["credit_limit"] = Decimal(values["credit_limit"])
    if "term" in values:
        changes["term_kind"], changes["term_days"] = values["term"]
    return replace(current, **changes)


def validate_credit(number: int, data, problems: list[ImportProblem]) -> None:
    from hqdesk.services.credit_profiles import validate

    for error in validate(data):
        column = "credit_limit" if error.field == "credit_limit" else "settlement_term"
        problems.append(ImportProblem(number, column, error.message, error.params, VALIDATION))


def current_profiles(s: Session, franchisee_ids) -> dict[int, Any]:
    """franchisee id -> its credit profile data (the defaults where it has none)."""
    from hqdesk.persistence.models_credit import CreditProfile
    from hqdesk.services.credit_profiles import DEFAULTS, _row_data

    ids = list(franchisee_ids)
    out = dict.fromkeys(ids, DEFAULTS)
    for i in range(0, len(ids), 1000):
        for row in s.scalars(select(CreditProfile).where(CreditProfile.franchisee_id.in_(ids[i : i + 1000]))):
            out[row.franchisee_id] = _row_data(row)
    return out


__all__ = ["parse_term", "credit_cells", "check_credit", "credit_data", "validate_credit", "current_profiles"]
