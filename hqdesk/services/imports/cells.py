"""Converting one cell to the value its column holds, as Excel and CSV files deliver it.

Excel quirks handled (see the field notes): a unified social credit code typed as a number arrives with lost digits and a
code such as 002 arrives as 2 - both refused with a hint to format the column as text; date cells arrive as
datetimes: in a date column one with a time of day is refused (as the same text in a CSV is), in a text
column any date or time is refused (Excel turned what was typed, such as 3-5, into a date); error values
(#N/A...) arrive as text and are refused. A NUL character (which PostgreSQL cannot store) is refused in any
cell. No value is ever changed silently: what cannot be read as it stands is refused with the reason.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from hqdesk.domain.i18n import QT_TRANSLATE_NOOP, VALIDATION
from hqdesk.domain.money import AmountTextError, parse_amount
from hqdesk.domain.text import HAS_NUL, has_nul
from hqdesk.services.imports.columns import Column
from hqdesk.services.imports.problems import CellProblem, shown

EXCEL_ERRORS = frozenset(
    {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA"}
)
SCIENTIFIC = re.compile(r"^[0-9]+(\.[0-9]+)?E\+?[0-9]+$", re.IGNORECASE)
DATE_TEXT = re.compile(
    r"^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?"
    r"(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?)?$"
)
# "1 000 000": thousands grouped by spaces, as some systems export them (commas: domain.money.parse_amount)
SPACE_GROUPED_AMOUNT = re.compile(r"^-?[0-9]{1,3}( [0-9]{3})+(\.[0-9]+)?$")
MAX_AMOUNT = Decimal("1e18")  # far beyond any rule; below what NUMERIC(18, 2) and Decimal's context hold

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


_PLAIN_TEXT = frozenset({"text", "tags", "code", "digits"})
_NFKC = frozenset({"code", "digits"})  # full-width letters and digits typed in a Chinese IME


def convert(column: Column, value: Any) -> Any:
    """The cell's value for ``column`` (None or "" when empty); raises CellProblem."""
    if type(value) is str and column.kind in _PLAIN_TEXT:
        # the common case, taken without the checks that cannot apply: a text cell in a text column that is
        # no Excel error (they all start with #) and holds no NUL
        text = value.strip()
        if not text.startswith("#") and "\x00" not in text:
            return unicodedata.normalize("NFKC", text) if column.kind in _NFKC else text
    try:
        return _convert(column, value)
    except CellProblem:
        raise
    except (ArithmeticError, ValueError, TypeError, OverflowError) as exc:  # a value no rule foresaw
        raise CellProblem(
            QT_TRANSLATE_NOOP("Import", "The cell cannot be read: {value}"),
            value=shown(_text(value)),
        ) from exc


def _convert(column: Column, value: Any) -> Any:
    if isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS:
        raise CellProblem(
            QT_TRANSLATE_NOOP(
                "Import", "The cell shows the Excel error {value}: correct the formula or type the value."
            ),
            value=shown(value.strip()),
        )
    if isinstance(value, str) and has_nul(value):
        raise CellProblem(HAS_NUL, VALIDATION)
    kind = column.kind
    if kind not in ("date", "decimal") and isinstance(value, (date, time, timedelta)):
        raise CellProblem(
            QT_TRANSLATE_NOOP(
                "Import",
                "A date or time ({value}) where text belongs: Excel turned what was typed into a date. "
                "Format the {column} column as Text in Excel, type the values again and save.",
            ),
            value=shown(_text(value)),
            column=column.name,
        )
    if kind == "code":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise CellProblem(
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
            raise CellProblem(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "The unified social credit code arrived as a number ({value}): Excel keeps only 15 digits of a "
                    "number, so digits are already lost. Format the uscc column as Text in Excel, type "
                    "the codes again and save.",
                ),
                value=_number_text(value) if not isinstance(value, str) else shown(value.strip()),
            )
        return unicodedata.normalize("NFKC", _text(value)) if value is not None else ""
    if value is None:
        return None if kind in ("decimal", "date", "manager", "choice") else ""
    if kind == "date":
        return _date(value)
    if kind == "decimal":
        return _decimal(value)
    text = _text(value)
    if kind == "digits":
        return unicodedata.normalize("NFKC", text)
    if kind in ("choice", "manager") and not text:
        return None
    if kind == "choice":
        choice = column.choices.get(text.lower())
        if choice is None:
            raise CellProblem(column.unknown, value=shown(text))
        return choice
    return text


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        if value.time() != time():
            raise CellProblem(TIME_OF_DAY, value=_text(value))
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise CellProblem(
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
                raise CellProblem(TIME_OF_DAY, value=shown(text))
            return day
    raise CellProblem(
        QT_TRANSLATE_NOOP(
            "Import",
            "Not a date: {value}. Write dates as YYYY-MM-DD or YYYY/MM/DD, or use an Excel date cell.",
        ),
        value=shown(text),
    )


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        raise CellProblem(
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
            bare = text.removeprefix("¥").removeprefix("￥").removesuffix("元").strip()
            amount = parse_amount(bare.replace(" ", "") if SPACE_GROUPED_AMOUNT.match(bare) else text)
        except AmountTextError:
            raise CellProblem(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "Not an amount: {value}. Write the amount in yuan, such as 1000000 or 1,000,000.00.",
                ),
                value=shown(text),
            ) from None
    if not amount.is_finite() or abs(amount) >= MAX_AMOUNT:  # inf or nan from a number cell; 1e300
        raise CellProblem(
            QT_TRANSLATE_NOOP("Import", "Not an amount that can be stored: {value}."),
            value=shown(_text(value)),
        )
    if amount.as_tuple().exponent < -2 and amount != amount.quantize(Decimal("0.01")):
        raise CellProblem(QT_TRANSLATE_NOOP("Import", "At most 2 decimal places (fen)."))
    return amount.quantize(Decimal("0.01")) if amount.as_tuple().exponent < -2 else amount


__all__ = ["convert", "EXCEL_ERRORS"]
