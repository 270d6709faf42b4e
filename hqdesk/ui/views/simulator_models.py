"""The credit policy simulator's tables and input building: the alternatives as typed, the results and the
ledger's observations per settlement term (split from ``ui.views.simulator``; every name is still importable
from there)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from hqdesk.domain.credit_simulator import FIGURES, Evaluation
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.money import AmountTextError, parse_amount
from hqdesk.services.credit_simulator import TermObservation
from hqdesk.ui.i18n import fmt_decimal, tr_enum
from hqdesk.ui.models.base import ROOT, RowsModel

HUNDRED = Decimal(100)


@dataclass
class AlternativeText:
    """One alternative as typed (the cells' texts); percentages as the user types them."""

    name: str = ""
    credit_sales: str = ""
    collection_days: str = ""
    bad_debt_percent: str = ""
    discount_share_percent: str = ""
    discount_days: str = ""
    discount_percent: str = ""
    collection_cost: str = "0"
    other_costs: str = ""


COLUMNS = (
    ("name", QT_TRANSLATE_NOOP("AlternativesModel", "Alternative")),
    ("credit_sales", QT_TRANSLATE_NOOP("AlternativesModel", "Credit sales")),
    ("collection_days", QT_TRANSLATE_NOOP("AlternativesModel", "Collection days")),
    ("bad_debt_percent", QT_TRANSLATE_NOOP("AlternativesModel", "Bad-debt loss rate %")),
    ("discount_share_percent", QT_TRANSLATE_NOOP("AlternativesModel", "Share taking the discount %")),
    ("discount_days", QT_TRANSLATE_NOOP("AlternativesModel", "Discount days")),
    ("discount_percent", QT_TRANSLATE_NOOP("AlternativesModel", "Cash discount %")),
    ("collection_cost", QT_TRANSLATE_NOOP("AlternativesModel", "Collection cost")),
    ("other_costs", QT_TRANSLATE_NOOP("AlternativesModel", "Other costs")),
)


class CellProblem(Exception):
    """A cell that is not a number: row (from 0), column key."""

    def __init__(self, row: int, column: str) -> None:
        self.row, self.column = row, column
        super().__init__(f"row {row}, {column}")


def _number(text: str, row: int, column: str) -> Decimal | None:
    try:
        return parse_amount(text)
    except AmountTextError:
        raise CellProblem(row, column) from None


def build_input(
    alternatives: list[AlternativeText],
    days_in_year: str,
    variable_cost_percent: str,
    capital_cost_percent: str,
) -> dict:
    """The simulator's JSON-like input from the texts of the screen (percentages divided by 100). A cell that is
    not a number raises CellProblem; the rest is checked by ``parse_input``."""
    data: dict = {"alternatives": []}
    for key, text in (
        ("days_in_year", days_in_year),
        ("variable_cost_ratio", variable_cost_percent),
        ("capital_cost", capital_cost_percent),
    ):
        value = _number(text, -1, key)
        if value is not None:
            data[key] = value if key == "days_in_year" else value / HUNDRED
    for i, alt in enumerate(alternatives):
        row: dict = {"name": alt.name}
        sales = _number(alt.credit_sales, i, "credit_sales")
        if sales is not None:
            row["credit_sales"] = sales
        days = _number(alt.collection_days, i, "collection_days")
        share = _number(alt.discount_share_percent, i, "discount_share_percent")
        if share:
            discount_days = _number(alt.discount_days, i, "discount_days")
            discount = _number(alt.discount_percent, i, "discount_percent") or Decimal(0)
            row["payment_mix"] = [
                {
                    "share": share / HUNDRED,
                    "days": discount_days if discount_days is not None else Decimal(0),
                    "discount": discount / HUNDRED,
                },
                {"share": 1 - share / HUNDRED, "days": days if days is not None else Decimal(0)},
            ]
        elif days is not None:
            row["collection_days"] = days
        rate = _number(alt.bad_debt_percent, i, "bad_debt_percent")
        if rate is not None:
            row["bad_debt_rate"] = rate / HUNDRED
        cost = _number(alt.collection_cost, i, "collection_cost")
        row["collection_cost"] = cost if cost is not None else Decimal(0)
        other = _number(alt.other_costs, i, "other_costs")
        if other is not None:
            row["other_costs"] = other
        data["alternatives"].append(row)
    return data


def _plain(value: Decimal | None, places: str = "0.01") -> str:
    return "" if value is None else f"{value.quantize(Decimal(places)).normalize():f}"


NOMINAL_DAYS = {
    "advance": 0,
    "cod": 0,
    "net": 0,
    "monthly": 15,
    "quarterly": 45,
    "half_yearly": 91,
    "yearly": 182,
}
"""Average days from an invoice to the end of its settlement period (half the period), before grace days."""


def nominal_days(observation: TermObservation) -> int:
    """What a term gives on paper: N for net N, half the period plus the grace days for period-end terms."""
    kind = observation.term_kind.value
    grace = observation.term_days if kind not in ("advance", "cod") else 0
    return NOMINAL_DAYS[kind] + grace


def alternative_from(observation: TermObservation) -> AlternativeText:
    """The policy as it is for one settlement term: the ledger's figures as an alternative (without collections
    in the window, the term's nominal days)."""
    label = tr_enum(observation.term_kind.label)
    if observation.term_kind.value == "net":
        name = QCoreApplication.translate("SimulatorView", "{term} {days} (as is)").format(
            term=label, days=observation.term_days
        )
    elif observation.term_days:
        name = QCoreApplication.translate("SimulatorView", "{term} +{days} (as is)").format(
            term=label, days=observation.term_days
        )
    else:
        name = QCoreApplication.translate("SimulatorView", "{term} (as is)").format(term=label)
    return AlternativeText(
        name=name,
        credit_sales=_plain(observation.credit_sales),
        collection_days=_plain(observation.collection_days, "0.1") or str(nominal_days(observation)),
        bad_debt_percent=_plain(
            None if observation.bad_debt_rate is None else observation.bad_debt_rate * HUNDRED
        ),
        collection_cost="0",
    )


class AlternativesModel(QAbstractTableModel):
    """The editable what-if table: one row per alternative, every cell text as typed."""

    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[AlternativeText] = []

    def alternatives(self) -> list[AlternativeText]:
        return [replace(r) for r in self._rows]

    def set_alternatives(self, rows: list[AlternativeText]) -> None:
        self.beginResetModel()
        self._rows = [replace(r) for r in rows]
        self.endResetModel()
        self.edited.emit()

    def add(self, row: AlternativeText) -> int:
        n = len(self._rows)
        self.beginInsertRows(ROOT, n, n)
        self._rows.append(row)
        self.endInsertRows()
        self.edited.emit()
        return n

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(ROOT, row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.edited.emit()

    def rowCount(self, parent=ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index):
        if not index.isValid():
            return super().flags(index)
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key = COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return getattr(self._rows[index.row()], key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key != "name":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt override
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        setattr(self._rows[index.row()], COLUMNS[index.column()][0], str(value).strip())
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AlternativesModel", COLUMNS[section][1])
        return None


@dataclass(frozen=True)
class ResultRow:
    name: str
    figures: tuple[Decimal, ...]
    change: Decimal
    recommended: bool = field(default=False)


class ResultsModel(RowsModel[ResultRow]):
    CONTEXT = "SimulatorResults"
    HEADERS = (
        QT_TRANSLATE_NOOP("SimulatorResults", "Alternative"),
        QT_TRANSLATE_NOOP("SimulatorResults", "Contribution margin"),
        QT_TRANSLATE_NOOP("SimulatorResults", "Collection days"),
        QT_TRANSLATE_NOOP("SimulatorResults", "Average receivable"),
        QT_TRANSLATE_NOOP("SimulatorResults", "Opportunity cost"),
        QT_TRANSLATE_NOOP("SimulatorResults", "Bad-debt cost"),
        QT_TRANSLATE_NOOP("SimulatorResults", "Discount cost"),
        QT_TRANSLATE_NOOP("SimulatorResults", "Collection cost"),
        QT_TRANSLATE_NOOP("SimulatorResults", "Other costs"),
        QT_TRANSLATE_NOOP("SimulatorResults", "Net benefit"),
        QT_TRANSLATE_NOOP("SimulatorResults", "Change against the first"),
    )

    def cells(self, r: ResultRow) -> tuple[str, ...]:
        return (r.name, *(fmt_decimal(v) for v in r.figures), fmt_decimal(r.change))

    def role_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.row(row).recommended:
            font = QFont()
            font.setBold(True)
            return font
        return None


def result_rows(evaluation: Evaluation) -> list[ResultRow]:
    return [
        ResultRow(
            o.name,
            tuple(o.figure(k) for k in FIGURES),
            evaluation.change_versus_first(o),
            o.name == evaluation.recommended,
        )
        for o in evaluation.outcomes
    ]


class ObservedModel(RowsModel[TermObservation]):
    CONTEXT = "ObservedModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ObservedModel", "Settlement term"),
        QT_TRANSLATE_NOOP("ObservedModel", "Days"),
        QT_TRANSLATE_NOOP("ObservedModel", "Franchisees"),
        QT_TRANSLATE_NOOP("ObservedModel", "Credit sales"),
        QT_TRANSLATE_NOOP("ObservedModel", "Collection days"),
        QT_TRANSLATE_NOOP("ObservedModel", "Write-offs"),
        QT_TRANSLATE_NOOP("ObservedModel", "Bad-debt loss rate"),
    )

    def cells(self, o: TermObservation) -> tuple[str, ...]:
        rate = "" if o.bad_debt_rate is None else fmt_decimal(o.bad_debt_rate * HUNDRED, 2) + " %"
        return (
            tr_enum(o.term_kind.label),
            str(o.term_days),
            str(o.franchisees),
            fmt_decimal(o.credit_sales),
            "" if o.collection_days is None else fmt_decimal(o.collection_days, 1),
            fmt_decimal(o.write_offs),
            rate,
        )

    def role_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
