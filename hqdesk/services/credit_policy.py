"""The company credit policy (``Action.CONFIGURE_CREDIT_POLICY``): the normal bad-debt loss rate, the credit
standard, the aging bucket bounds, the collection policies (strict / standard / lenient presets shipped by the
migration, editable; more can be added) with their ordered dunning levels; and the policy advice.

Rates are fractions (0.02 = 2 %); the UI enters them as percentages. The advice compares the actual bad-debt loss
rate of the last 12 months (write-offs dated in the window ÷ credit sales = invoices less credit notes dated in
the window, summed in SQL) with the normal rate (``domain.credit_check.policy_advice``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import case, delete, func, select, type_coerce
from sqlalchemy.orm import Session

from hqdesk.domain.credit import DunningAction, parse_bounds
from hqdesk.domain.credit_check import ADVICE_WINDOW_MONTHS, PolicyAdvice, months_before, policy_advice
from hqdesk.domain.dunning import LevelRule, level_problems, numbered
from hqdesk.domain.errors import CONFLICT_TIME_FORMAT, ConflictError, FieldError, NotFound
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor
from hqdesk.domain.text import text_problem
from hqdesk.persistence.models_credit import (
    CollectionPolicy,
    CreditPolicy,
    CreditProfile,
    DunningLevel,
    LedgerDocument,
)
from hqdesk.persistence.types import Cents, utcnow
from hqdesk.services.base import Service, raise_if_invalid

PRESET_NAMES = (
    QT_TRANSLATE_NOOP("Enums", "Strict"),
    QT_TRANSLATE_NOOP("Enums", "Standard"),
    QT_TRANSLATE_NOOP("Enums", "Lenient"),
)
"""The presets' names as the migration stores them: shown translated (context "Enums")."""


@dataclass(frozen=True)
class CollectionPolicyDTO:
    id: int
    code: str
    name: str
    sort_order: int
    tolerance_days: int
    preset: bool
    active: bool
    version: int
    levels: tuple[LevelRule, ...]
    profiles: int = 0  # how many credit profiles use it


@dataclass(frozen=True)
class CreditPolicyDTO:
    normal_loss_rate: Decimal
    credit_standard: Decimal
    aging_bounds: tuple[int, ...]
    default_collection_policy_id: int | None
    version: int
    collection_policies: tuple[CollectionPolicyDTO, ...]
    updated_by: str = ""

    def policy(self, policy_id: int | None) -> CollectionPolicyDTO | None:
        return next((p for p in self.collection_policies if p.id == policy_id), None)


def _err(field_name: str, template: str, **params) -> FieldError:
    return FieldError(field_name, template, params)


def rate_problems(name: str, rate: Decimal) -> list[FieldError]:
    if not (Decimal(0) <= rate <= Decimal(1)) or rate != rate.quantize(Decimal("0.000001")):
        return [
            _err(name, QT_TRANSLATE_NOOP("Validation", "Enter a rate from 0% to 100% (at most 4 decimals)."))
        ]
    return []


def levels_of(s: Session, policy_id: int) -> tuple[LevelRule, ...]:
    return tuple(
        LevelRule(lv.days_overdue, DunningAction(lv.action), lv.letter_template, lv.level)
        for lv in s.scalars(
            select(DunningLevel).where(DunningLevel.policy_id == policy_id).order_by(DunningLevel.level)
        )
    )


def read_policy(s: Session) -> CreditPolicyDTO:
    row = s.get(CreditPolicy, 1)
    used = dict(
        s.execute(
            select(CreditProfile.collection_policy_id, func.count()).group_by(
                CreditProfile.collection_policy_id
            )
        ).all()
    )
    levels: dict[int, list[LevelRule]] = {}
    for lv in s.scalars(select(DunningLevel).order_by(DunningLevel.policy_id, DunningLevel.level)):
        levels.setdefault(lv.policy_id, []).append(
            LevelRule(lv.days_overdue, DunningAction(lv.action), lv.letter_template, lv.level)
        )
    policies = tuple(
        CollectionPolicyDTO(
            p.id,
            p.code,
            p.name,
            p.sort_order,
            p.tolerance_days,
            p.preset,
            p.active,
            p.version,
            tuple(levels.get(p.id, ())),
            used.get(p.id, 0),
        )
        for p in s.scalars(
            select(CollectionPolicy).order_by(CollectionPolicy.sort_order, CollectionPolicy.id)
        )
    )
    return CreditPolicyDTO(
        row.normal_loss_rate,
        row.credit_standard,
        parse_bounds(row.aging_bounds),
        row.default_collection_policy_id,
        row.version,
        policies,
        row.updated_by,
    )


def loss_figures(s: Session, start: date, end: date) -> tuple[Decimal, Decimal]:
    """(write-offs, credit sales = invoices less credit notes) dated from ``start`` to ``end``, in one query
    on the (kind, doc_date) index."""
    D = LedgerDocument

    def total(kind: str):
        return type_coerce(func.coalesce(func.sum(case((D.kind == kind, D.amount), else_=0)), 0), Cents())

    row = s.execute(
        select(total("write_off"), total("invoice"), total("credit_note")).where(
            D.kind.in_(("write_off", "invoice", "credit_note")), D.doc_date >= start, D.doc_date <= end
        )
    ).one()
    return row[0], row[1] - row[2]


class CreditPolicyService(Service):
    def get(self) -> CreditPolicyDTO:
        with self.db.read() as s:
            return read_policy(s)

    def save(
        self,
        actor: Actor,
        version: int,
        normal_loss_rate: Decimal,
        credit_standard: Decimal,
        aging_bounds: str,
        default_collection_policy_id: int | None,
    ) -> CreditPolicyDTO:
        errors = rate_problems("normal_loss_rate", normal_loss_rate) + rate_problems(
            "credit_standard", credit_standard
        )
        try:
            bounds = parse_bounds(aging_bounds)
        except ValueError:
            errors.append(
                _err(
                    "aging_bounds",
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "Aging bounds are whole days, strictly increasing, separated by commas (e.g. 30,60,90).",
                    ),
                )
            )
            bounds = ()
        raise_if_invalid(errors)
        with self.db.write(actor.username) as s:
            self.require(actor, Action.CONFIGURE_CREDIT_POLICY, s=s)
            row = s.get(CreditPolicy, 1)
            if row.version != version:
                raise ConflictError(
                    read_policy(s), {}, row.updated_by, row.updated_at.strftime(CONFLICT_TIME_FORMAT)
                )
            if default_collection_policy_id is not None:
                cp = s.get(CollectionPolicy, default_collection_policy_id)
                if cp is None or not cp.active:
                    raise_if_invalid(
                        [
                            _err(
                                "default_collection_policy_id",
                                QT_TRANSLATE_NOOP("Validation", "Choose an active collection policy."),
                            )
                        ]
                    )
            row.normal_loss_rate = normal_loss_rate
            row.credit_standard = credit_standard
            row.aging_bounds = ",".join(str(b) for b in bounds)
            row.default_collection_policy_id = default_collection_policy_id
            row.updated_by = actor.username
            self.flush_or_conflict(s, lambda fresh: self._policy_conflict(fresh))
            s.commit()
        return self.get()

    @staticmethod
    def _policy_conflict(s: Session) -> ConflictError:
        row = s.get(CreditPolicy, 1)
        return ConflictError(
            read_policy(s), {}, row.updated_by, row.updated_at.strftime(CONFLICT_TIME_FORMAT)
        )

    def save_collection_policy(
        self,
        actor: Actor,
        policy_id: int | None,
        version: int,
        code: str,
        name: str,
        tolerance_days: int,
        levels: Sequence[LevelRule],
        active: bool = True,
    ) -> CollectionPolicyDTO:
        """Add (``policy_id`` None) or change a collection policy and replace its levels (given in order of days
        overdue, strictly increasing)."""
        code, name = code.strip().lower(), name.strip()
        errors = level_problems(levels)
        if not code or len(code) > 20 or not code.replace("_", "").replace("-", "").isalnum():
            errors.append(
                _err("code", QT_TRANSLATE_NOOP("Validation", "A code has 1 to 20 letters or digits."))
            )
        if not name or len(name) > 100:
            errors.append(_err("name", QT_TRANSLATE_NOOP("Validation", "A name has 1 to 100 characters.")))
        if problem := text_problem(name):
            errors.append(FieldError("name", problem))
        if not 0 <= tolerance_days <= 3650:
            errors.append(_err("tolerance_days", QT_TRANSLATE_NOOP("Validation", "Enter 0 to 3650 days.")))
        if not levels:
            errors.append(
                _err(
                    "levels", QT_TRANSLATE_NOOP("Validation", "A collection policy needs at least one level.")
                )
            )
        raise_if_invalid(errors)
        with self.db.write(actor.username) as s:
            self.require(actor, Action.CONFIGURE_CREDIT_POLICY, s=s)
            clash = s.scalar(select(CollectionPolicy).where(CollectionPolicy.code == code))
            if clash is not None and clash.id != policy_id:
                raise_if_invalid(
                    [_err("code", QT_TRANSLATE_NOOP("Validation", "The code {code} is taken."), code=code)]
                )
            if policy_id is None:
                last = s.scalar(select(func.max(CollectionPolicy.sort_order))) or 0
                p = CollectionPolicy(code=code, sort_order=last + 1, preset=False)
                s.add(p)
            else:
                p = s.get(CollectionPolicy, policy_id)
                if p is None:
                    raise NotFound()
                if p.version != version:
                    raise ConflictError(None, {}, p.updated_by, p.updated_at.strftime(CONFLICT_TIME_FORMAT))
                if not active:
                    self._refuse_if_used(s, p)
            p.code, p.name, p.tolerance_days, p.active = code, name, tolerance_days, active
            p.updated_by = actor.username
            p.updated_at = utcnow()  # the levels are part of the policy: its version moves with them
            s.flush()
            s.execute(delete(DunningLevel).where(DunningLevel.policy_id == p.id))
            for rule in numbered(levels):
                s.add(
                    DunningLevel(
                        policy_id=p.id,
                        level=rule.level,
                        days_overdue=rule.days_overdue,
                        action=rule.action.value,
                        letter_template=rule.letter_template,
                        updated_by=actor.username,
                    )
                )
            self.flush_or_conflict(
                s,
                lambda fresh: ConflictError(None, {}, fresh.get(CollectionPolicy, policy_id).updated_by, ""),
            )
            pid = p.id
            s.commit()
        return self.get().policy(pid)

    def remove_collection_policy(self, actor: Actor, policy_id: int, version: int) -> None:
        """Remove a collection policy that no profile uses and that is not the default."""
        with self.db.write(actor.username) as s:
            self.require(actor, Action.CONFIGURE_CREDIT_POLICY, s=s)
            p = s.get(CollectionPolicy, policy_id)
            if p is None:
                raise NotFound()
            if p.version != version:
                raise ConflictError(None, {}, p.updated_by, p.updated_at.strftime(CONFLICT_TIME_FORMAT))
            self._refuse_if_used(s, p)
            s.delete(p)
            s.commit()

    @staticmethod
    def _refuse_if_used(s: Session, p: CollectionPolicy) -> None:
        used = s.scalar(
            select(func.count()).select_from(CreditProfile).where(CreditProfile.collection_policy_id == p.id)
        )
        default = s.get(CreditPolicy, 1).default_collection_policy_id == p.id
        if used or default:
            raise_if_invalid(
                [
                    _err(
                        "code",
                        QT_TRANSLATE_NOOP(
                            "Validation",
                            "The collection policy {policy} is the default or used by {n} credit profiles; "
                            "choose another for them first.",
                        ),
                        policy=p.name,
                        n=used,
                    )
                ]
            )

    def advice(self, as_of: date | None = None) -> PolicyAdvice:
        """The policy advice over the 12 months up to ``as_of`` (default today)."""
        as_of = as_of or date.today()
        start = months_before(as_of, ADVICE_WINDOW_MONTHS) + timedelta(days=1)
        with self.db.read() as s:
            write_offs, sales = loss_figures(s, start, as_of)
            normal = s.get(CreditPolicy, 1).normal_loss_rate
        return policy_advice(write_offs, sales, normal, start, as_of)


__all__ = [
    "CollectionPolicyDTO",
    "CreditPolicyDTO",
    "CreditPolicyService",
    "read_policy",
    "levels_of",
    "loss_figures",
    "rate_problems",
]
