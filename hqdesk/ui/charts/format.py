"""How charts write numbers and months: axis ticks short and readable (never 8e+06), hover values exact.

No pyqtgraph here: the start screen's figures use these too, and they must stay cheap to import.
Money on an axis: thousands separators below a million, then "1.2M" (English) or "12.5万" / "1.2亿"
(Chinese, as a Chinese reader counts); hover values are exact (¥1,234,567.50).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from hqdesk.ui.i18n import fmt_decimal, fmt_money, is_chinese

MONEY = "money"
RATIO = "ratio"
DAYS = "days"
COUNT = "count"


def _trim(text: str) -> str:
    return text[:-2] if text.endswith(".0") else text


def axis_money(value: float) -> str:
    """A money tick: 950,000 / 1.2M, or 9,500 / 95万 / 1.2亿 in Chinese."""
    size = abs(value)
    if is_chinese():
        if size >= 1e8:
            return _trim(f"{value / 1e8:,.1f}") + "亿"
        if size >= 1e4:
            return _trim(f"{value / 1e4:,.1f}") + "万"
        return f"{value:,.0f}"
    if size >= 1e6:
        return _trim(f"{value / 1e6:,.1f}") + "M"
    return f"{value:,.0f}"


def axis_ratio(value: float, spacing: float = 0.1) -> str:
    """A ratio tick in per cent, with a decimal when the ticks are closer than 1 %."""
    decimals = 0 if spacing >= 0.01 else (1 if spacing >= 0.001 else 2)
    return f"{value * 100:.{decimals}f}%"


def axis_tick(kind: str, value: float, spacing: float) -> str:
    if kind == MONEY:
        return axis_money(value)
    if kind == RATIO:
        return axis_ratio(value, spacing)
    if kind == COUNT and abs(value - round(value)) > 1e-9:
        return ""  # no "2.5 complaints"
    return f"{value:,.0f}"


def exact(kind: str, value) -> str:
    """The value as the hover tooltip and tables show it."""
    if value is None:
        return "–"
    if kind == MONEY:
        return fmt_money(Decimal(str(value)))
    if kind == RATIO:
        return fmt_percent(value)
    if kind == DAYS:
        return QCoreApplication.translate("Charts", "{days} days").format(
            days=fmt_decimal(Decimal(str(value)), 1)
        )
    return QLocale().toString(int(value))


def fmt_percent(value, decimals: int = 1) -> str:
    if value is None:
        return "–"
    return fmt_decimal(Decimal(str(value)) * 100, decimals) + "%"


def fmt_change(value) -> str:
    """+12.5% / −3.0% (a change against last year)."""
    if value is None:
        return "–"
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return sign + fmt_decimal(abs(Decimal(str(value))) * 100, 1) + "%"


def month_label(month: date, first: bool = False) -> str:
    """A month under a bar: 2026-10 in English; 10月 in Chinese, with the year on January and the first bar."""
    if is_chinese():
        return f"{month.year}年{month.month}月" if first or month.month == 1 else f"{month.month}月"
    return f"{month.year}-{month.month:02d}"


def month_labels(months: list[date], today: date) -> list[str]:
    """The labels under monthly bars; the month not over yet (``today``'s) gets a "*" (see ``partial_note``)."""
    labels = [month_label(m, i == 0) for i, m in enumerate(months)]
    if months and months[-1] == today.replace(day=1) and not _last_day(today):
        labels[-1] += "*"
    return labels


def partial_note(months: list[date], today: date) -> str:
    """What the "*" means, or "" when every month shown is over."""
    if not months or months[-1] != today.replace(day=1) or _last_day(today):
        return ""
    return QCoreApplication.translate(
        "Charts", "* {month} so far (to {day}); last year: the whole month"
    ).format(month=month_long(months[-1]), day=today.day)


def _last_day(day: date) -> bool:
    from datetime import timedelta

    return (day + timedelta(days=1)).month != day.month


def month_long(month: date) -> str:
    """A month in a tooltip or a title: 2026年10月 / October 2026."""
    if is_chinese():
        return f"{month.year}年{month.month}月"
    return f"{month:%B %Y}"


__all__ = [
    "COUNT",
    "DAYS",
    "MONEY",
    "RATIO",
    "axis_money",
    "axis_ratio",
    "axis_tick",
    "exact",
    "fmt_change",
    "fmt_percent",
    "month_label",
    "month_labels",
    "month_long",
    "partial_note",
]
