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

from sqlalchemy import Date, Integer, String, bindparam, case, func, select, true, type_coerce
from sqlalchemy.orm import Session

from hqdesk.domain.credit import Decision, TermKind
from hqdesk.domain.credit_check import (
    LOSS_WINDOW_MONTHS,
    CheckResult,
    CreditFacts,
    Reason,
    check_order,
    derived_loss_rate,
    months_before,
)
from hqdesk.domain.errors import FieldError, NotFound
from hqdesk.domain.i18n import ENUMS, QT_TRANSLATE_NOOP, Message, english
from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.ledger_sql import days_between, open_invoices, unapplied_credits
from hqdesk.persistence.models import Franchisee
from hqdesk.persistence.models_credit import (
    CollectionPolicy,
    CreditCheckOverride,
    CreditPolicy,
    CreditProfile,
)
from hqdesk.persistence.types import Cents
from hqdesk.services.base import Service, raise_if_invalid
from hqdesk.services.credit_policy import levels_of
from hqdesk.services.credit_profiles import DEFAULTS, MAX_LIMIT, loss_statement, reason_problems


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
        type_coerce(func.coalesce(func.sum(inv.c.open_amount), 0), Cents()).label("open_total"),
        type_coerce(func.coalesce(func.sum(case((late > 0, inv.c.open_amount), else_=0)), 0), Cents()).label(
            "overdue"
        ),
        func.coalesce(func.max(late), 0).label("max_days"),
        type_coerce(unapplied, Cents()).label("unapplied"),
    )


def ledger_position(s: Session, franchisee_id: int, as_of: date) -> tuple[Decimal, Decimal, int]:
    """(open balance = open invoices less unapplied credit, amount overdue, largest days overdue) as of a date."""
    open_total, overdue, max_days, unapplied = s.execute(
        _position_statement(), {"as_of": as_of, "fid": franchisee_id}
    ).one()
    return open_total - unapplied, overdue, max(int(max_days), 0)


@lru_cache(maxsize=2)
def _header_statement(by_code: bool):
    """The franchisee, the company policy, its credit profile (if any) and its collection policy in one query
    (bound parameter ``code`` or ``fid``)."""
    F, P, R, C = Franchisee, CreditPolicy, CreditProfile, CollectionPolicy
    key = (
        F.code == bindparam("code", type_=String()) if by_code else F.id == bindparam("fid", type_=Integer())
    )
    return (
        select(
            F.id.label("fid"),
            F.code,
            F.legal_name,
            P.normal_loss_rate,
            P.credit_standard,
            R.id.label("profile_id"),
            R.term_kind,
            R.credit_limit,
            R.expected_loss_rate,
            R.loss_rate_derived,
            R.on_hold,
            R.hold_reason,
            C.id.label("cp_id"),
            C.name.label("cp_name"),
            C.tolerance_days,
        )
        .select_from(F)
        .join(P, P.id == 1)
        .outerjoin(R, R.franchisee_id == F.id)
        .outerjoin(C, C.id == func.coalesce(R.collection_policy_id, P.default_collection_policy_id))
        .where(key)
    )


@lru_cache(maxsize=1)
def _figures_statement():
    """The ledger position and the loss history of one franchisee in one query (two one-row aggregates)."""
    pos = _position_statement().subquery("pos")
    loss = loss_statement().subquery("loss")
    return select(pos, loss).select_from(pos.join(loss, true()))


def gather_facts(s: Session, head, amount: Decimal, on_date: date) -> CreditFacts:
    """The facts of the check from the header row (``_header_statement``): one more query for the figures, one for
    the collection policy's levels. The same rules as ``read_profile`` (no row: the defaults)."""
    figures = s.execute(
        _figures_statement(),
        {"as_of": on_date, "fid": head.fid, "start": months_before(on_date, LOSS_WINDOW_MONTHS)},
    ).one()
    derived = head.profile_id is None or head.loss_rate_derived or head.expected_loss_rate is None
    if derived:
        first = figures.first_invoice
        if isinstance(first, str):
            first = date.fromisoformat(first)
        rate, _own = derived_loss_rate(
            figures.write_offs, figures.invoices - figures.credit_notes, first, on_date, head.normal_loss_rate
        )
    else:
        rate = head.expected_loss_rate
    exists = head.profile_id is not None
    return CreditFacts(
        amount=amount,
        open_balance=figures.open_total - figures.unapplied,
        credit_limit=head.credit_limit if exists else DEFAULTS.credit_limit,
        term_kind=TermKind(head.term_kind) if exists else DEFAULTS.term_kind,
        max_days_overdue=max(int(figures.max_days), 0),
        amount_overdue=figures.overdue,
        tolerance_days=head.tolerance_days if head.cp_id is not None else 0,
        levels=levels_of(s, head.cp_id) if head.cp_id is not None else (),
        on_hold=bool(head.on_hold) if exists else False,
        hold_reason=head.hold_reason if exists else "",
        expected_loss_rate=rate,
        credit_standard=head.credit_standard,
        policy_name=Message(ENUMS, head.cp_name)
        if head.cp_id is not None
        else "",  # a preset's name translated
    )


class CreditCheckService(Service):
    def check(
        self, actor: Actor, franchisee_id: int, amount: Decimal, on_date: date | None = None
    ) -> CreditCheckDTO:
        raise_if_invalid(amount_problems(amount))
        on_date = on_date or date.today()
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            head = s.execute(_header_statement(False), {"fid": franchisee_id}).first()
            if head is None:
                raise NotFound()
            return self._check(s, head, amount, on_date)

    def check_code(
        self, actor: Actor, code: str, amount: Decimal, on_date: date | None = None
    ) -> CreditCheckDTO:
        """The check for the franchisee with this code (UnknownFranchisee when there is none)."""
        raise_if_invalid(amount_problems(amount))
        on_date = on_date or date.today()
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            head = s.execute(_header_statement(True), {"code": code.strip()}).first()
            if head is None:
                raise UnknownFranchisee(code=code)
            return self._check(s, head, amount, on_date)

    @staticmethod
    def _check(s: Session, head, amount: Decimal, on_date: date) -> CreditCheckDTO:
        facts = gather_facts(s, head, amount, on_date)
        result: CheckResult = check_order(facts)
        return CreditCheckDTO(
            head.fid, head.code, head.legal_name, amount, on_date, result.decision, result.reasons, facts
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
