"""The credit rules: the credit check of a proposed order, the expected bad-debt loss rate derived from a
franchisee's history, and the policy advice. Pure: no Qt, no SQLAlchemy; the services gather the figures in
SQL and hand them here.

Credit check (every rule adds a reason; the decision is the worst of them):

======================================  =========================================================
open balance + order > credit limit      block
open balance + order > 90 % of limit     warn (``WARN_SHARE``)
no credit limit (none, or 0)             block: the franchisee does not buy on credit until a
                                         credit manager sets a limit
advance-payment term                     block: the order ships after payment, not on credit
cash on delivery                         approve, with a reason saying to collect on delivery
overdue beyond the policy's tolerance    block
overdue within the tolerance             warn
dunning level at or past a credit hold   block
credit hold flag                         block (with the hold's reason)
expected loss rate > credit standard     block
======================================  =========================================================

Open balance = open invoices less unapplied credit as of the order date (``persistence.ledger_sql``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hqdesk.domain.credit import Decision, TermKind
from hqdesk.domain.dunning import LevelRule
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP, Message, Translate, english
from hqdesk.domain.money import format_amount

CONTEXT = "CreditCheck"
WARN_SHARE = Decimal("0.90")
"""Open balance plus the order above this share of the credit limit: warn."""
LOSS_WINDOW_MONTHS = 36
"""A franchisee's own bad-debt loss rate looks at this many months before the date."""
MIN_HISTORY_DAYS = 365
"""... and needs its first invoice at least this many days before the date (else the company's normal rate)."""
ADVICE_WINDOW_MONTHS = 12
LOOSEN_SHARE = Decimal("0.80")
"""Policy advice: an actual loss rate from 80 % to 100 % of the normal rate is in line (keep the policy); below
80 % there is room to loosen; above the normal rate, tighten."""

_ORDER = {Decision.APPROVE: 0, Decision.WARN: 1, Decision.BLOCK: 2}


def money(value: Decimal) -> str:
    return format_amount(value, 2)


def percent(rate: Decimal) -> str:
    """0.0235 -> "2.35" (the templates write the % sign)."""
    return str((rate * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day when it is shorter)."""
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    m += 1
    return date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


@dataclass(frozen=True)
class Reason:
    """One reason of a check: its weight and the sentence (a translatable template with figures)."""

    decision: Decision
    message: Message
    code: str  # a stable key: "limit_exceeded", "overdue_beyond_tolerance"...

    def text(self, translate: Translate = english) -> str:
        return self.message.text(translate)


@dataclass(frozen=True)
class CreditFacts:
    """What the check decides on, as of the order date."""

    amount: Decimal
    open_balance: Decimal  # open invoices less unapplied credit
    credit_limit: Decimal | None  # None or 0: no credit
    term_kind: TermKind
    max_days_overdue: int  # the largest days overdue on an open invoice (0: nothing overdue)
    amount_overdue: Decimal
    tolerance_days: int
    levels: tuple[LevelRule, ...] = ()
    on_hold: bool = False
    hold_reason: str = ""
    expected_loss_rate: Decimal = Decimal(0)
    credit_standard: Decimal = Decimal(1)
    policy_name: Any = ""  # the collection policy's name (a Message: a preset's name is translated)


@dataclass(frozen=True)
class CheckResult:
    decision: Decision
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    def texts(self, translate: Translate = english) -> list[str]:
        return [r.text(translate) for r in self.reasons]


def _r(decision: Decision, code: str, template: str, **params) -> Reason:
    return Reason(decision, Message(CONTEXT, template, params), code)


def check_order(f: CreditFacts) -> CheckResult:
    """Approve, warn or block the order, with every reason (blocks first, then warnings, then the rest)."""
    from hqdesk.domain.dunning import current_level, hold_reached

    reasons: list[Reason] = []
    exposure = f.open_balance + f.amount
    if f.term_kind is TermKind.ADVANCE:
        reasons.append(
            _r(
                Decision.BLOCK,
                "advance_payment",
                QT_TRANSLATE_NOOP(
                    "CreditCheck",
                    "The franchisee's settlement term is advance payment: the order ships only after "
                    "{amount} has been paid.",
                ),
                amount=money(f.amount),
            )
        )
    elif f.term_kind is TermKind.COD:
        reasons.append(
            _r(
                Decision.APPROVE,
                "cash_on_delivery",
                QT_TRANSLATE_NOOP(
                    "CreditCheck", "Cash on delivery: collect {amount} when the goods are delivered."
                ),
                amount=money(f.amount),
            )
        )
    if not f.credit_limit:
        reasons.append(
            _r(
                Decision.BLOCK,
                "no_limit",
                QT_TRANSLATE_NOOP(
                    "CreditCheck",
                    "The franchisee has no credit limit: no goods on credit until a credit manager sets one "
                    "(open balance {balance}, order {amount}).",
                ),
                balance=money(f.open_balance),
                amount=money(f.amount),
            )
        )
    else:
        share = exposure / f.credit_limit
        params = dict(
            balance=money(f.open_balance),
            amount=money(f.amount),
            exposure=money(exposure),
            limit=money(f.credit_limit),
            share=percent(share),
        )
        if exposure > f.credit_limit:
            reasons.append(
                _r(
                    Decision.BLOCK,
                    "limit_exceeded",
                    QT_TRANSLATE_NOOP(
                        "CreditCheck",
                        "Open balance {balance} plus this order {amount} makes {exposure}, over the credit "
                        "limit {limit} ({share}%).",
                    ),
                    **params,
                )
            )
        elif share > WARN_SHARE:
            reasons.append(
                _r(
                    Decision.WARN,
                    "limit_nearly_used",
                    QT_TRANSLATE_NOOP(
                        "CreditCheck",
                        "Open balance {balance} plus this order {amount} makes {exposure}: {share}% of the "
                        "credit limit {limit} (warning above {warn}%).",
                    ),
                    warn=percent(WARN_SHARE),
                    **params,
                )
            )
        else:
            reasons.append(
                _r(
                    Decision.APPROVE,
                    "limit_ok",
                    QT_TRANSLATE_NOOP(
                        "CreditCheck",
                        "Open balance {balance} plus this order {amount} makes {exposure}: {share}% of the "
                        "credit limit {limit}.",
                    ),
                    **params,
                )
            )
    if f.max_days_overdue > f.tolerance_days:
        reasons.append(
            _r(
                Decision.BLOCK,
                "overdue_beyond_tolerance",
                QT_TRANSLATE_NOOP(
                    "CreditCheck",
                    "{overdue} is overdue, the oldest by {days} days: more than the {tolerance} days the "
                    "collection policy {policy} tolerates.",
                ),
                overdue=money(f.amount_overdue),
                days=f.max_days_overdue,
                tolerance=f.tolerance_days,
                policy=f.policy_name,
            )
        )
    elif f.max_days_overdue > 0:
        reasons.append(
            _r(
                Decision.WARN,
                "overdue_within_tolerance",
                QT_TRANSLATE_NOOP(
                    "CreditCheck",
                    "{overdue} is overdue, the oldest by {days} days: within the {tolerance} days the "
                    "collection policy {policy} tolerates.",
                ),
                overdue=money(f.amount_overdue),
                days=f.max_days_overdue,
                tolerance=f.tolerance_days,
                policy=f.policy_name,
            )
        )
    else:
        reasons.append(
            _r(Decision.APPROVE, "nothing_overdue", QT_TRANSLATE_NOOP("CreditCheck", "Nothing is overdue."))
        )
    hold_level = hold_reached(f.levels, f.max_days_overdue)
    if hold_level is not None:
        now = current_level(f.levels, f.max_days_overdue)
        reasons.append(
            _r(
                Decision.BLOCK,
                "dunning_hold",
                QT_TRANSLATE_NOOP(
                    "CreditCheck",
                    "Dunning level {level} ({action}) is reached: from {hold_days} days overdue the "
                    "collection policy {policy} puts the franchisee on credit hold.",
                ),
                level=now.level if now else hold_level.level,
                action=now.action if now else hold_level.action,
                hold_days=hold_level.days_overdue,
                policy=f.policy_name,
            )
        )
    if f.on_hold:
        reasons.append(
            _r(
                Decision.BLOCK,
                "on_hold",
                QT_TRANSLATE_NOOP("CreditCheck", "The franchisee is on credit hold: {reason}"),
                reason=f.hold_reason or "-",
            )
        )
    if f.expected_loss_rate > f.credit_standard:
        reasons.append(
            _r(
                Decision.BLOCK,
                "above_credit_standard",
                QT_TRANSLATE_NOOP(
                    "CreditCheck",
                    "The franchisee's expected bad-debt loss rate {rate}% is above the credit standard "
                    "{standard}%.",
                ),
                rate=percent(f.expected_loss_rate),
                standard=percent(f.credit_standard),
            )
        )
    reasons.sort(key=lambda r: -_ORDER[r.decision])
    decision = max((r.decision for r in reasons), key=_ORDER.__getitem__, default=Decision.APPROVE)
    return CheckResult(decision, tuple(reasons))


def derived_loss_rate(
    write_offs: Decimal,
    credit_sales: Decimal,
    first_invoice: date | None,
    as_of: date,
    normal_rate: Decimal,
) -> tuple[Decimal, bool]:
    """A franchisee's expected bad-debt loss rate from its history: write-offs ÷ credit sales (invoices less
    credit notes) dated in the 36 months up to ``as_of``, when its first invoice is at least a year old and
    the credit sales are positive; otherwise the company's normal rate. Returns (rate, from its own history)."""
    if first_invoice is None or (as_of - first_invoice).days < MIN_HISTORY_DAYS or credit_sales <= 0:
        return normal_rate, False
    return (write_offs / credit_sales).quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP), True


class Advice:
    TIGHTEN = "tighten"
    KEEP = "keep"
    LOOSEN = "loosen"
    NO_DATA = "no_data"


@dataclass(frozen=True)
class PolicyAdvice:
    kind: str  # Advice
    actual_rate: Decimal | None
    normal_rate: Decimal
    write_offs: Decimal
    credit_sales: Decimal
    window_from: date
    window_to: date
    message: Message

    def text(self, translate: Translate = english) -> str:
        return self.message.text(translate)


def policy_advice(
    write_offs: Decimal, credit_sales: Decimal, normal_rate: Decimal, window_from: date, window_to: date
) -> PolicyAdvice:
    """Compare the actual loss rate of the window with the normal rate and say what to do, with the figures."""
    figures = dict(
        start=window_from.isoformat(),
        end=window_to.isoformat(),
        write_offs=money(write_offs),
        sales=money(credit_sales),
        normal=percent(normal_rate),
    )
    if credit_sales <= 0:
        msg = Message(
            CONTEXT,
            QT_TRANSLATE_NOOP(
                "CreditCheck",
                "No credit sales from {start} to {end}: there is no actual loss rate to compare with the "
                "normal rate {normal}%.",
            ),
            figures,
        )
        return PolicyAdvice(
            Advice.NO_DATA, None, normal_rate, write_offs, credit_sales, window_from, window_to, msg
        )
    actual = (write_offs / credit_sales).quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)
    figures["actual"] = percent(actual)
    figures["band"] = percent(normal_rate * LOOSEN_SHARE)
    if actual > normal_rate:
        kind = Advice.TIGHTEN
        template = QT_TRANSLATE_NOOP(
            "CreditCheck",
            "From {start} to {end} write-offs of {write_offs} on credit sales of {sales} make an actual bad-debt "
            "loss rate of {actual}%, above the normal rate {normal}%. Tighten: a stricter credit standard, "
            "shorter settlement terms and a stricter collection policy.",
        )
    elif actual < normal_rate * LOOSEN_SHARE:
        kind = Advice.LOOSEN
        template = QT_TRANSLATE_NOOP(
            "CreditCheck",
            "From {start} to {end} write-offs of {write_offs} on credit sales of {sales} make an actual bad-debt "
            "loss rate of {actual}%, below {band}% (80% of the normal rate {normal}%). There is room to loosen "
            "to win orders: a more generous credit standard, longer terms or higher limits.",
        )
    else:
        kind = Advice.KEEP
        template = QT_TRANSLATE_NOOP(
            "CreditCheck",
            "From {start} to {end} write-offs of {write_offs} on credit sales of {sales} make an actual bad-debt "
            "loss rate of {actual}%, in line with the normal rate {normal}% (between {band}% and {normal}%): "
            "keep the policy.",
        )
    return PolicyAdvice(
        kind,
        actual,
        normal_rate,
        write_offs,
        credit_sales,
        window_from,
        window_to,
        Message(CONTEXT, template, figures),
    )


__all__ = [
    "CONTEXT",
    "WARN_SHARE",
    "Reason",
    "CreditFacts",
    "CheckResult",
    "check_order",
    "derived_loss_rate",
    "Advice",
    "PolicyAdvice",
    "policy_advice",
    "months_before",
    "money",
    "percent",
]
