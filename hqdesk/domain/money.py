"""Money and other decimal amounts as text, from ``Decimal`` to ``Decimal``: never through ``float``.

``format_money``/``format_amount`` write an amount with digit grouping and a fixed number of decimals (the
UI passes its locale's separators; the ledger and statements will use the same functions).
``parse_amount`` reads what a user typed or a file holds, and refuses anything it would have to guess at:
"1,2,3.4" is not 123.4, and a minus sign is never dropped (the field's own rule then says whether a
negative amount is allowed).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from hqdesk.domain.i18n import QT_TRANSLATE_NOOP

AMOUNT_PROBLEM = QT_TRANSLATE_NOOP(
    "Validation",
    "Enter a number such as 1234567.89 or 1,234,567.89 (commas only between groups of three digits).",
)

# an optional sign, then digits either plain or grouped by three with commas, then optional decimals
_AMOUNT = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+")


class AmountTextError(ValueError):
    """The text is not an amount; ``message`` is the translatable explanation (context "Validation")."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.message = AMOUNT_PROBLEM
        super().__init__(f"not an amount: {text!r}")


def parse_amount(text: str) -> Decimal | None:
    """The amount written in ``text``; None for empty text. Raises AmountTextError for anything else.

    Accepted: full-width digits (a Chinese input method), spaces around the number, a leading ¥/￥ and
    a trailing 元, commas only as thousands separators. Never accepted: misplaced commas, letters, two signs.
    """
    plain = unicodedata.normalize("NFKC", text).strip()
    if not plain:
        return None
    plain = plain.removeprefix("¥").removesuffix("元").strip()
    if plain.startswith(("-¥", "+¥")):
        plain = plain[0] + plain[2:]
    if not _AMOUNT.fullmatch(plain):
        raise AmountTextError(text)
    try:
        return Decimal(plain.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern lets through only what Decimal reads
        raise AmountTextError(text) from None


def format_amount(
    value: Decimal, decimals: int = 2, group_separator: str = ",", decimal_point: str = "."
) -> str:
    """``value`` rounded half up to ``decimals`` places, with its integer digits grouped by three."""
    if not isinstance(value, Decimal):
        value = Decimal(str(value)) if not isinstance(value, float) else Decimal(repr(value))
    exponent = Decimal(1).scaleb(-decimals)
    rounded = value.quantize(exponent, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    digits = f"{abs(rounded):f}"
    whole, _, fraction = digits.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = group_separator.join(groups)
    if decimals > 0:
        out += decimal_point + fraction
    return sign + out


def format_money(
    value: Decimal,
    symbol: str = "¥",
    decimals: int = 2,
    group_separator: str = ",",
    decimal_point: str = ".",
) -> str:
    """Money as a reader expects it in Chinese and in English: ¥1,234,567.50, -¥20.00 (the sign first)."""
    text = format_amount(value, decimals, group_separator, decimal_point)
    return ("-" + symbol + text[1:]) if text.startswith("-") else symbol + text


__all__ = ["AMOUNT_PROBLEM", "AmountTextError", "parse_amount", "format_amount", "format_money"]
