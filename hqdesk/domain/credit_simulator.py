"""The credit policy simulator: compare credit policies the way finance textbooks do (pure: no Qt, no SQL).

For each alternative credit policy, the contribution margin its credit sales earn is set against the cost of
the credit it gives (figures in ``Decimal``, rounded half up to two decimals at the end only)::

    contribution_margin         = S x (1 - r)
    collection_days             = d, or the sum of p x d over the payment mix
    average_receivable          = S / days_in_year x collection_days
    receivable_opportunity_cost = average_receivable x r x k
    bad_debt_cost               = S x b, or B
    discount_cost               = sum of S x p x c over the payment mix (0 without one)
    collection_cost             = C
    other_costs                 = O (0 when not given)
    net_benefit                 = contribution_margin - (receivable_opportunity_cost + bad_debt_cost
                                  + discount_cost + collection_cost + other_costs)

S credit sales, r variable cost ratio (the input's, or the alternative's own), k capital cost (the return the
money tied up in receivables could earn elsewhere), d collection days, p/d/c share, days and cash discount of
each way customers pay, b bad-debt loss rate, B bad-debt amount, C collection cost, O other costs.

``parse_input`` checks a JSON-like mapping (``hqdesk-admin credit-policy evaluate``'s file, the simulator
screen's table) and raises ``SimulatorInputError`` naming the alternative and the field of the first problem;
``evaluate`` computes; ``result_json`` is the command's output.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from hqdesk.domain.errors import EXIT_REFUSED, HqdeskError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP

CENT = Decimal("0.01")
ZERO = Decimal(0)
ONE = Decimal(1)
DEFAULT_DAYS_IN_YEAR = 360

TOP_KEYS = ("days_in_year", "variable_cost_ratio", "capital_cost", "alternatives")
ALTERNATIVE_KEYS = (
    "name",
    "credit_sales",
    "collection_days",
    "payment_mix",
    "bad_debt_rate",
    "bad_debt_amount",
    "collection_cost",
    "other_costs",
    "variable_cost_ratio",
)
MIX_KEYS = ("share", "days", "discount")

FIGURES = (
    "contribution_margin",
    "collection_days",
    "average_receivable",
    "receivable_opportunity_cost",
    "bad_debt_cost",
    "discount_cost",
    "collection_cost",
    "other_costs",
    "net_benefit",
)
"""The figures of each alternative, in the order the output lists them."""


class SimulatorInputError(HqdeskError):
    """The simulator's input is not usable. ``path`` names the place in the input, JSON style:
    ``alternatives[1] "Net 60".payment_mix[0].share``; the message says what is wrong with it."""

    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP("Errors", "{path}: the value is not valid.")


MISSING = QT_TRANSLATE_NOOP("Errors", "{path}: missing; it is required.")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Errors", "{path}: must be a number.")
NEGATIVE = QT_TRANSLATE_NOOP("Errors", "{path}: must not be negative.")
NOT_POSITIVE = QT_TRANSLATE_NOOP("Errors", "{path}: must be greater than zero.")
NOT_A_RATIO = QT_TRANSLATE_NOOP("Errors", "{path}: must be a fraction between 0 and 1 (0.02 is 2 %).")
UNKNOWN_KEY = QT_TRANSLATE_NOOP("Errors", "{path}: unknown field (expected one of: {known}).")
NOT_AN_OBJECT = QT_TRANSLATE_NOOP("Errors", "{path}: must be a JSON object.")
NOT_A_LIST = QT_TRANSLATE_NOOP("Errors", "{path}: must be a non-empty list.")
NO_NAME = QT_TRANSLATE_NOOP("Errors", "{path}: every alternative needs a name.")
DUPLICATE_NAME = QT_TRANSLATE_NOOP("Errors", "{path}: another alternative already has this name.")
DAYS_OR_MIX = QT_TRANSLATE_NOOP(
    "Errors", "{path}: give either collection_days or payment_mix (exactly one of them)."
)
RATE_OR_AMOUNT = QT_TRANSLATE_NOOP(
    "Errors", "{path}: give either bad_debt_rate or bad_debt_amount (exactly one of them)."
)
SHARES_NOT_ONE = QT_TRANSLATE_NOOP("Errors", "{path}: the shares add up to {total}; they must add up to 1.")


def _refuse(template: str, path: str, **params: Any) -> SimulatorInputError:
    return SimulatorInputError(template, path=path, **params)


@dataclass(frozen=True)
class PaymentShare:
    share: Decimal
    days: Decimal
    discount: Decimal = ZERO


@dataclass(frozen=True)
class Alternative:
    """One credit policy to compare. Exactly one of ``collection_days`` / ``payment_mix`` and one of
    ``bad_debt_rate`` / ``bad_debt_amount`` are set; ``variable_cost_ratio`` None uses the input's."""

    name: str
    credit_sales: Decimal
    collection_cost: Decimal
    collection_days: Decimal | None = None
    payment_mix: tuple[PaymentShare, ...] = ()
    bad_debt_rate: Decimal | None = None
    bad_debt_amount: Decimal | None = None
    other_costs: Decimal = ZERO
    variable_cost_ratio: Decimal | None = None


@dataclass(frozen=True)
class SimulatorInput:
    variable_cost_ratio: Decimal | None
    capital_cost: Decimal
    alternatives: tuple[Alternative, ...]
    days_in_year: Decimal = Decimal(DEFAULT_DAYS_IN_YEAR)


@dataclass(frozen=True)
class Outcome:
    """One alternative's figures, exact (unrounded); ``rounded()`` gives the published two decimals."""

    name: str
    contribution_margin: Decimal
    collection_days: Decimal
    average_receivable: Decimal
    receivable_opportunity_cost: Decimal
    bad_debt_cost: Decimal
    discount_cost: Decimal
    collection_cost: Decimal
    other_costs: Decimal
    net_benefit: Decimal

    def figure(self, key: str) -> Decimal:
        return round2(getattr(self, key))


@dataclass(frozen=True)
class Evaluation:
    outcomes: tuple[Outcome, ...]
    recommended: str  # the alternative with the highest net benefit (the first of equals)

    def change_versus_first(self, outcome: Outcome) -> Decimal:
        return round2(outcome.net_benefit - self.outcomes[0].net_benefit)


def round2(value: Decimal) -> Decimal:
    """Half up to cents: the one rounding, applied to the final figures only."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


# ----- checking the input ----------------------------------------------------------------------------------
def _number(value: Any, path: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise _refuse(NOT_A_NUMBER, path)
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:  # pragma: no cover - str() of an int or float always reads
        raise _refuse(NOT_A_NUMBER, path) from None
    if not number.is_finite():
        raise _refuse(NOT_A_NUMBER, path)
    return number


def _amount(value: Any, path: str) -> Decimal:
    number = _number(value, path)
    if number < 0:
        raise _refuse(NEGATIVE, path)
    return number


def _ratio(value: Any, path: str) -> Decimal:
    number = _number(value, path)
    if not ZERO <= number <= ONE:
        raise _refuse(NOT_A_RATIO, path)
    return number


def _check_keys(data: Any, known: tuple[str, ...], path: str) -> None:
    if not isinstance(data, dict):
        raise _refuse(NOT_AN_OBJECT, path or "input")
    for key in data:
        if key not in known:
            raise _refuse(UNKNOWN_KEY, f"{path}.{key}" if path else str(key), known=", ".join(known))


def _mix(data: Any, path: str) -> tuple[PaymentShare, ...]:
    if not isinstance(data, list) or not data:
        raise _refuse(NOT_A_LIST, path)
    shares = []
    for i, part in enumerate(data):
        where = f"{path}[{i}]"
        _check_keys(part, MIX_KEYS, where)
        for key in ("share", "days"):
            if key not in part:
                raise _refuse(MISSING, f"{where}.{key}")
        shares.append(
            PaymentShare(
                share=_ratio(part["share"], f"{where}.share"),
                days=_amount(part["days"], f"{where}.days"),
                discount=_ratio(part.get("discount", 0), f"{where}.discount"),
            )
        )
    total = sum((s.share for s in shares), ZERO)
    if total != ONE:
        raise _refuse(SHARES_NOT_ONE, path, total=f"{total.normalize():f}")
    return tuple(shares)


def _alternative(data: Any, i: int, names: set[str], default_ratio: Decimal | None) -> Alternative:
    path = f"alternatives[{i}]"
    if not isinstance(data, dict):
        raise _refuse(NOT_AN_OBJECT, path)
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _refuse(NO_NAME, f"{path}.name")
    name = name.strip()
    path = f'{path} "{name}"'
    _check_keys(data, ALTERNATIVE_KEYS, path)
    if name in names:
        raise _refuse(DUPLICATE_NAME, f"{path}.name")
    names.add(name)
    for key in ("credit_sales", "collection_cost"):
        if key not in data:
            raise _refuse(MISSING, f"{path}.{key}")
    if ("collection_days" in data) == ("payment_mix" in data):
        raise _refuse(DAYS_OR_MIX, path)
    if ("bad_debt_rate" in data) == ("bad_debt_amount" in data):
        raise _refuse(RATE_OR_AMOUNT, path)
    ratio = (
        _ratio(data["variable_cost_ratio"], f"{path}.variable_cost_ratio")
        if "variable_cost_ratio" in data
        else None
    )
    if ratio is None and default_ratio is None:
        raise _refuse(MISSING, f"{path}.variable_cost_ratio")
    return Alternative(
        name=name,
        credit_sales=_amount(data["credit_sales"], f"{path}.credit_sales"),
        collection_cost=_amount(data["collection_cost"], f"{path}.collection_cost"),
        collection_days=(
            _amount(data["collection_days"], f"{path}.collection_days") if "collection_days" in data else None
        ),
        payment_mix=_mix(data["payment_mix"], f"{path}.payment_mix") if "payment_mix" in data else (),
        bad_debt_rate=_ratio(data["bad_debt_rate"], f"{path}.bad_debt_rate")
        if "bad_debt_rate" in data
        else None,
        bad_debt_amount=(
            _amount(data["bad_debt_amount"], f"{path}.bad_debt_amount") if "bad_debt_amount" in data else None
        ),
        other_costs=_amount(data.get("other_costs", 0), f"{path}.other_costs"),
        variable_cost_ratio=ratio,
    )


def parse_input(data: Any) -> SimulatorInput:
    """The simulator's input from decoded JSON (numbers as ``int``/``Decimal``/``float``), checked.

    Unknown keys are refused (a misspelt ``collection_day`` would otherwise be silently ignored)."""
    _check_keys(data, TOP_KEYS, "")
    days = _number(data.get("days_in_year", DEFAULT_DAYS_IN_YEAR), "days_in_year")
    if days <= 0:
        raise _refuse(NOT_POSITIVE, "days_in_year")
    ratio = (
        _ratio(data["variable_cost_ratio"], "variable_cost_ratio") if "variable_cost_ratio" in data else None
    )
    if "capital_cost" not in data:
        raise _refuse(MISSING, "capital_cost")
    capital = _ratio(data["capital_cost"], "capital_cost")
    raw = data.get("alternatives")
    if "alternatives" not in data:
        raise _refuse(MISSING, "alternatives")
    if not isinstance(raw, list) or not raw:
        raise _refuse(NOT_A_LIST, "alternatives")
    names: set[str] = set()
    alternatives = tuple(_alternative(a, i, names, ratio) for i, a in enumerate(raw))
    return SimulatorInput(ratio, capital, alternatives, days)


# ----- the formulas ----------------------------------------------------------------------------------------
def outcome(alt: Alternative, inp: SimulatorInput) -> Outcome:
    """One alternative's figures, exact (see the module docstring for each formula)."""
    s = alt.credit_sales
    r = alt.variable_cost_ratio if alt.variable_cost_ratio is not None else inp.variable_cost_ratio
    assert r is not None  # parse_input refuses an alternative without a ratio
    if alt.payment_mix:
        days = sum((p.share * p.days for p in alt.payment_mix), ZERO)
        discount = sum((s * p.share * p.discount for p in alt.payment_mix), ZERO)
    else:
        days, discount = alt.collection_days or ZERO, ZERO
    margin = s * (ONE - r)
    receivable = s / inp.days_in_year * days
    opportunity = receivable * r * inp.capital_cost
    bad_debt = alt.bad_debt_amount if alt.bad_debt_amount is not None else s * (alt.bad_debt_rate or ZERO)
    net = margin - (opportunity + bad_debt + discount + alt.collection_cost + alt.other_costs)
    return Outcome(
        name=alt.name,
        contribution_margin=margin,
        collection_days=days,
        average_receivable=receivable,
        receivable_opportunity_cost=opportunity,
        bad_debt_cost=bad_debt,
        discount_cost=discount,
        collection_cost=alt.collection_cost,
        other_costs=alt.other_costs,
        net_benefit=net,
    )


def evaluate(inp: SimulatorInput) -> Evaluation:
    outcomes = tuple(outcome(a, inp) for a in inp.alternatives)
    best = max(outcomes, key=lambda o: o.net_benefit)  # max keeps the first of equals
    return Evaluation(outcomes, best.name)


def result_json(evaluation: Evaluation) -> dict[str, Any]:
    """The command's output: figures as ``Decimal`` rounded to two decimals (the caller writes them as JSON
    numbers)."""
    return {
        "alternatives": [
            {"name": o.name, **{key: o.figure(key) for key in FIGURES}} for o in evaluation.outcomes
        ],
        "recommended": evaluation.recommended,
        "versus_first": [
            {"name": o.name, "net_benefit_change": evaluation.change_versus_first(o)}
            for o in evaluation.outcomes
        ],
    }
