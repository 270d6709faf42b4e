"""The credit check of a proposed order (franchisee, amount, date) and a credit manager's override of a block.

The figures come from SQL in a handful of indexed queries (``persistence.ledger_sql``: open invoices less
unapplied credit as of the date, the largest days overdue, the amount overdue; the franchisee's loss history);
the decision and its reasons from ``domain.credit_check.check_order``. Overrides are kept with their reason
(``credit_check_overrides``, append-only) and the reasons as the check gave them, in English.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from sqlalchemy import Date, Integer, bindparam, case, func, select, type_coerce
from sqlalchemy.orm import Session

from hqdesk.domain.credit import Decision
from hqdesk.domain.credit_check import CheckResult, CreditFacts, Reason, check_order
from hqdesk.domain.errors import FieldError, NotFound
from hqdesk.domain.i18n import ENUMS, QT_TRANSLATE_NOOP, Message, english
from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.ledger_sql import days_between, open_invoices, unapplied_credits
from hqdesk.persistence.models import Franchisee
from hqdesk.persistence.models_credit import CollectionPolicy, CreditCheckOverride, CreditPolicy
from hqdesk.persistence.types import Cents
from hqdesk.services.base import Service, raise_if_invalid
from hqdesk.services.credit_policy import levels_of
from hqdesk.services.credit_profiles import MAX_LIMIT, read_profile, reason_problems


class UnknownFranchisee(NotFound):
    message = QT_TRANSLATE_NOOP("Errors", "There is no franchisee with the code {code}.")


@dataclass(frozen=True)
class CreditCheckDTO:
    franchisee_id: int
    code: str
    name: str
    amount: Decimal
    on_date: date
    decision: Decision
    reasons: tuple[Reason, ...]
    facts: CreditFacts

    def texts(self, translate=english) -> list[str]:
        return [r.text(translate) for r in self.reasons]


@dataclass(frozen=True)
class OverrideDTO:
    id: int
    franchisee_id: int
    order_date: date
    amount: Decimal
    decision: Decision
    reasons: tuple[str, ...]
    override_reason: str
    overridden_by: str


def amount_problems(amount: Decimal) -> list[FieldError]:
    if amount <= 0 or amount > MAX_LIMIT or amount != amount.quantize(Decimal("0.01")):
        return [
            FieldError(
                "amount",
                QT_TRANSLATE_NOOP("Validation", "An order amount is more than 0, with at most two decimals."),
            )
        ]
    return []


@lru_cache(maxsize=1)
def _position_statement():
    """One statement for the open balance, the amount overdue and the largest days overdue of one franchisee as
    of a date (bound parameters ``as_of`` and ``fid``): built once, since building the subqueries costs more
    than running them."""
    as_of, fid = bindparam("as_of", type_=Date()), bindparam("fid", type_=Integer())
    inv = open_invoices(as_of, fid).subquery()
    late = days_between(as_of, inv.c.due_date)
    cr = unapplied_credits(as_of, fid).subquery()
    unapplied = select(func.coalesce(func.sum(cr.c.unapplied), 0)).scalar_subquery()
    return select(
        type_coerce(func.coalesce(func.sum(inv.c.open_amount), 0), Cents()),
        type_coerce(func.coalesce(func.sum(case((late > 0, inv.c.open_amount), else_=0)), 0), Cents()),
        func.coalesce(func.max(late), 0),
        type_coerce(unapplied, Cents()),
    )


def ledger_position(s: Session, franchisee_id: int, as_of: date) -> tuple[Decimal, Decimal, int]:
    """(open balance = open invoices less unapplied credit, amount overdue, largest days overdue) as of a date."""
    open_total, overdue, max_days, unapplied = s.execute(
        _position_statement(), {"as_of": as_of, "fid": franchisee_id}
    ).one()
    return open_total - unapplied, overdue, max(int(max_days), 0)


def gather_facts(s: Session, franchisee_id: int, amount: Decimal, on_date: date) -> CreditFacts:
    profile = read_profile(s, franchisee_id, on_date)
    policy = s.get(CreditPolicy, 1)
    cp_id = profile.data.collection_policy_id or policy.default_collection_policy_id
    cp = s.get(CollectionPolicy, cp_id) if cp_id else None
    balance, overdue, max_days = ledger_position(s, franchisee_id, on_date)
    return CreditFacts(
        amount=amount,
        open_balance=balance,
        credit_limit=profile.data.credit_limit,
        term_kind=profile.data.term_kind,
        max_days_overdue=max_days,
        amount_overdue=overdue,
        tolerance_days=cp.tolerance_days if cp is not None else 0,
        levels=levels_of(s, cp.id) if cp is not None else (),
        on_hold=profile.data.on_hold,
        hold_reason=profile.data.hold_reason,
        expected_loss_rate=profile.effective_loss_rate,
        credit_standard=policy.credit_standard,
        policy_name=Message(ENUMS, cp.name) if cp is not None else "",  # a preset's name is translated
    )


class CreditCheckService(Service):
    def check(
        self, actor: Actor, franchisee_id: int, amount: Decimal, on_date: date | None = None
    ) -> CreditCheckDTO:
        raise_if_invalid(amount_problems(amount))
        on_date = on_date or date.today()
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            f = s.get(Franchisee, franchisee_id)
            if f is None:
                raise NotFound()
            return self._check(s, f, amount, on_date)

    def check_code(
        self, actor: Actor, code: str, amount: Decimal, on_date: date | None = None
    ) -> CreditCheckDTO:
        """The check for the franchisee with this code (UnknownFranchisee when there is none)."""
        raise_if_invalid(amount_problems(amount))
        on_date = on_date or date.today()
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            f = s.scalar(select(Franchisee).where(Franchisee.code == code.strip()))
            if f is None:
                raise UnknownFranchisee(code=code)
            return self._check(s, f, amount, on_date)

    @staticmethod
    def _check(s: Session, f: Franchisee, amount: Decimal, on_date: date) -> CreditCheckDTO:
        facts = gather_facts(s, f.id, amount, on_date)
        result: CheckResult = check_order(facts)
        return CreditCheckDTO(
            f.id, f.code, f.legal_name, amount, on_date, result.decision, result.reasons, facts
        )

    def override(self, actor: Actor, check: CreditCheckDTO, reason: str) -> OverrideDTO:
        """A credit manager lets a blocked order through; the reason is required and kept with the check's
        reasons (English) and who did it."""
        raise_if_invalid(reason_problems(reason))
        if check.decision is not Decision.BLOCK:
            raise_if_invalid(
                [
                    FieldError(
                        "decision", QT_TRANSLATE_NOOP("Validation", "Only a blocked order needs an override.")
                    )
                ]
            )
        with self.db.write(actor.username) as s:
            f = s.get(Franchisee, check.franchisee_id)
            if f is None:
                raise NotFound()
            self.require(actor, Action.OVERRIDE_CREDIT_BLOCK, f.account_manager_id, s=s)
            row = CreditCheckOverride(
                franchisee_id=f.id,
                order_date=check.on_date,
                amount=check.amount,
                decision=check.decision.value,
                reasons=json.dumps(check.texts(), ensure_ascii=False),
                override_reason=reason.strip(),
                overridden_by=actor.username,
            )
            s.add(row)
            s.flush()
            dto = self._dto(row)
            s.commit()
        return dto

    def overrides(self, actor: Actor, franchisee_id: int) -> list[OverrideDTO]:
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            return [
                self._dto(r)
                for r in s.scalars(
                    select(CreditCheckOverride)
                    .where(CreditCheckOverride.franchisee_id == franchisee_id)
                    .order_by(CreditCheckOverride.overridden_at.desc())
                )
            ]

    @staticmethod
    def _dto(r: CreditCheckOverride) -> OverrideDTO:
        return OverrideDTO(
            r.id,
            r.franchisee_id,
            r.order_date,
            r.amount,
            Decision(r.decision),
            tuple(json.loads(r.reasons)),
            r.override_reason,
            r.overridden_by,
        )


__all__ = [
    "CreditCheckDTO",
    "OverrideDTO",
    "CreditCheckService",
    "UnknownFranchisee",
    "gather_facts",
    "ledger_position",
    "amount_problems",
]
