"""Franchisees' credit profiles: read (with the defaults when there is no row yet), change with a reason and a
history row, account managers' proposals and the credit manager's approval or rejection.

- Only credit managers and administrators change a profile (``Action.EDIT_CREDIT_PROFILE``). Every change writes
  a ``credit_profile_changes`` row: who, when, the old and new values of the fields that changed, the reason
  (required), and the proposal it applies, if any.
- An account manager proposes a change for their own franchisees (``Action.PROPOSE_CREDIT_CHANGE``); a credit
  manager approves it (applied in the same transaction, the history row names the proposal) or rejects it with a
  note (``Action.DECIDE_CREDIT_PROPOSAL``).
- Profiles and proposals carry a version: a save based on an old version raises ConflictError.
- No row yet: the defaults (``DEFAULTS``): net 30 days, no credit limit (so no goods on credit until a credit
  manager sets one), the company's default collection policy, the loss rate derived from the history, no hold.
- Expected loss rate: entered, or derived (``loss_rate_derived``): write-offs ÷ credit sales over the last 36 months
  when the first invoice is at least a year old, else the company's normal rate (``domain.credit_check``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from sqlalchemy import Date, Integer, bindparam, case, func, select, type_coerce
from sqlalchemy.orm import Session

from hqdesk.domain.credit import ProposalStatus, TermKind
from hqdesk.domain.credit_check import LOSS_WINDOW_MONTHS, derived_loss_rate, months_before
from hqdesk.domain.errors import CONFLICT_TIME_FORMAT, ConflictError, FieldError, NotFound
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Actor
from hqdesk.domain.text import text_problem
from hqdesk.persistence.models import Franchisee
from hqdesk.persistence.models_credit import (
    CollectionPolicy,
    CreditPolicy,
    CreditProfile,
    CreditProfileChange,
    CreditProposal,
    LedgerDocument,
)
from hqdesk.persistence.types import Cents, utcnow
from hqdesk.services.base import Service, raise_if_invalid

FIELDS = (
    "term_kind",
    "term_days",
    "credit_limit",
    "collection_policy_id",
    "expected_loss_rate",
    "on_hold",
    "hold_reason",
    "next_review_on",
)
"""The fields of a credit profile a user changes (history and proposals name them)."""
MAX_LIMIT = Decimal("999999999999.99")
MAX_TEXT = 1000


@dataclass(frozen=True)
class CreditProfileData:
    """A credit profile as the user edits it. ``expected_loss_rate`` None: derived from the history."""

    term_kind: TermKind = TermKind.NET
    term_days: int = 30
    credit_limit: Decimal | None = None
    collection_policy_id: int | None = None
    expected_loss_rate: Decimal | None = None
    on_hold: bool = False
    hold_reason: str = ""
    next_review_on: date | None = None

    def values(self) -> dict[str, Any]:
        """The fields as JSON values (what history and proposals keep)."""
        return {
            "term_kind": self.term_kind.value,
            "term_days": self.term_days,
            "credit_limit": None if self.credit_limit is None else f"{self.credit_limit:.2f}",
            "collection_policy_id": self.collection_policy_id,
            "expected_loss_rate": None
            if self.expected_loss_rate is None
            else f"{self.expected_loss_rate:.6f}",
            "on_hold": self.on_hold,
            "hold_reason": self.hold_reason,
            "next_review_on": None if self.next_review_on is None else self.next_review_on.isoformat(),
        }

    @classmethod
    def from_values(cls, base: CreditProfileData, values: Mapping[str, Any]) -> CreditProfileData:
        """``base`` with the JSON ``values`` applied (unknown fields or bad values: ValidationError)."""
        errors: list[FieldError] = []
        out: dict[str, Any] = {}
        for name, value in values.items():
            try:
                if name == "term_kind":
                    out[name] = TermKind(value)
                elif name in ("term_days", "collection_policy_id"):
                    out[name] = None if value is None and name == "collection_policy_id" else int(value)
                elif name in ("credit_limit", "expected_loss_rate"):
                    out[name] = None if value in (None, "") else Decimal(str(value))
                elif name == "on_hold":
                    out[name] = bool(value)
                elif name == "hold_reason":
                    out[name] = str(value)
                elif name == "next_review_on":
                    out[name] = None if not value else date.fromisoformat(str(value))
                else:
                    raise ValueError(name)
            except (ValueError, TypeError, InvalidOperation):
                errors.append(FieldError(name, QT_TRANSLATE_NOOP("Validation", "This value is not valid.")))
        raise_if_invalid(errors)
        return replace(base, **out)


DEFAULTS = CreditProfileData()
"""A franchisee without a credit profile: net 30 days, no credit limit (no credit), the company's default
collection policy (``collection_policy_id`` None: whichever is the default), loss rate derived, no hold."""


@dataclass(frozen=True)
class CreditProfileDTO:
    franchisee_id: int
    data: CreditProfileData
    exists: bool  # False: no row yet, ``data`` shows the defaults
    version: int  # 0 when there is no row
    collection_policy_name: str
    effective_loss_rate: Decimal  # the rate the credit check uses
    loss_rate_source: str  # "entered", "history" or "normal"
    updated_by: str = ""
    updated_at: datetime | None = None


@dataclass(frozen=True)
class ProfileChangeDTO:
    id: int
    changed_at: datetime
    changed_by: str
    old: dict[str, Any]
    new: dict[str, Any]
    reason: str
    proposal_id: int | None


@dataclass(frozen=True)
class ProposalDTO:
    id: int
    franchisee_id: int
    franchisee_code: str
    franchisee_name: str
    proposed_by: str
    proposed_at: datetime
    changes: dict[str, Any]
    reason: str
    status: ProposalStatus
    decided_by: str
    decided_at: datetime | None
    decision_note: str
    version: int


@dataclass(frozen=True)
class CreditTabBundle:
    """What the franchisee's Credit tab shows, and what the user may do there."""

    profile: CreditProfileDTO
    history: tuple[ProfileChangeDTO, ...]
    proposals: tuple[ProposalDTO, ...]
    policies: tuple[tuple[int, str], ...]  # active collection policies: (id, name)
    can_edit: bool
    can_propose: bool
    can_decide: bool
    can_override: bool


def _invalid(name: str, template: str, **params) -> FieldError:
    return FieldError(name, template, params)


def validate(data: CreditProfileData) -> list[FieldError]:
    errors = []
    if data.term_kind in (TermKind.ADVANCE, TermKind.COD) and data.term_days != 0:
        errors.append(
            _invalid(
                "term_days",
                QT_TRANSLATE_NOOP(
                    "Validation", "Advance payment and cash on delivery have no days (enter 0)."
                ),
            )
        )
    if not 0 <= data.term_days <= 3650:
        errors.append(_invalid("term_days", QT_TRANSLATE_NOOP("Validation", "Enter 0 to 3650 days.")))
    if data.term_kind is TermKind.NET and data.term_days == 0:
        errors.append(
            _invalid(
                "term_days",
                QT_TRANSLATE_NOOP(
                    "Validation", "Net days needs at least 1 day (or choose cash on delivery)."
                ),
            )
        )
    if data.credit_limit is not None and (
        data.credit_limit < 0
        or data.credit_limit > MAX_LIMIT
        or data.credit_limit != data.credit_limit.quantize(Decimal("0.01"))
    ):
        errors.append(
            _invalid(
                "credit_limit",
                QT_TRANSLATE_NOOP("Validation", "A credit limit is 0 or more, with at most two decimals."),
            )
        )
    if data.expected_loss_rate is not None and not (0 <= data.expected_loss_rate <= 1):
        errors.append(
            _invalid("expected_loss_rate", QT_TRANSLATE_NOOP("Validation", "Enter a rate from 0% to 100%."))
        )
    if data.on_hold and not data.hold_reason.strip():
        errors.append(
            _invalid("hold_reason", QT_TRANSLATE_NOOP("Validation", "Say why the franchisee is on hold."))
        )
    if len(data.hold_reason) > MAX_TEXT:
        errors.append(
            _invalid(
                "hold_reason", QT_TRANSLATE_NOOP("Validation", "At most {limit} characters."), limit=MAX_TEXT
            )
        )
    if problem := text_problem(data.hold_reason):
        errors.append(FieldError("hold_reason", problem))
    return errors


def reason_problems(reason: str, name: str = "reason") -> list[FieldError]:
    if not reason.strip():
        return [_invalid(name, QT_TRANSLATE_NOOP("Validation", "A reason is required."))]
    if len(reason) > MAX_TEXT:
        return [
            _invalid(name, QT_TRANSLATE_NOOP("Validation", "At most {limit} characters."), limit=MAX_TEXT)
        ]
    if problem := text_problem(reason):
        return [FieldError(name, problem)]
    return []


def _row_data(row: CreditProfile) -> CreditProfileData:
    return CreditProfileData(
        term_kind=TermKind(row.term_kind),
        term_days=row.term_days,
        credit_limit=row.credit_limit,
        collection_policy_id=row.collection_policy_id,
        expected_loss_rate=None if row.loss_rate_derived else row.expected_loss_rate,
        on_hold=row.on_hold,
        hold_reason=row.hold_reason,
        next_review_on=row.next_review_on,
    )


@lru_cache(maxsize=1)
def loss_statement():
    """Write-offs, invoices and credit notes dated after ``start`` up to ``as_of`` and the first invoice's date, of
    franchisee ``fid`` (bound parameters; built once): one query on the (franchisee_id, kind, doc_date) index."""
    D = LedgerDocument
    start, as_of = bindparam("start", type_=Date()), bindparam("as_of", type_=Date())
    in_window = (D.doc_date > start) & (D.doc_date <= as_of)

    def total(kind: str):
        return type_coerce(
            func.coalesce(func.sum(case((in_window & (D.kind == kind), D.amount), else_=0)), 0), Cents()
        )

    return select(
        total("write_off").label("write_offs"),
        total("invoice").label("invoices"),
        total("credit_note").label("credit_notes"),
        type_coerce(func.min(case((D.kind == "invoice", D.doc_date))), Date()).label("first_invoice"),
    ).where(D.franchisee_id == bindparam("fid", type_=Integer()), D.doc_date <= as_of)


def loss_history(s: Session, franchisee_id: int, as_of: date) -> tuple[Decimal, Decimal, date | None]:
    """(write-offs, credit sales, first invoice date) of one franchisee over the loss window up to ``as_of``."""
    start = months_before(as_of, LOSS_WINDOW_MONTHS)
    row = s.execute(loss_statement(), {"start": start, "as_of": as_of, "fid": franchisee_id}).one()
    write_offs, invoices, notes, first = row
    if isinstance(first, str):  # SQLite may give MIN() of a CASE as text
        first = date.fromisoformat(first)
    return write_offs, invoices - notes, first


def read_profile(s: Session, franchisee_id: int, as_of: date | None = None) -> CreditProfileDTO:
    """The franchisee's profile (or the defaults), with the loss rate the credit check uses as of ``as_of``."""
    as_of = as_of or date.today()
    policy = s.get(CreditPolicy, 1)
    row = s.scalar(select(CreditProfile).where(CreditProfile.franchisee_id == franchisee_id))
    data = DEFAULTS if row is None else _row_data(row)
    policy_id = data.collection_policy_id or policy.default_collection_policy_id
    cp = s.get(CollectionPolicy, policy_id) if policy_id else None
    if data.expected_loss_rate is not None:
        rate, source = data.expected_loss_rate, "entered"
    else:
        rate, own = derived_loss_rate(*loss_history(s, franchisee_id, as_of), as_of, policy.normal_loss_rate)
        source = "history" if own else "normal"
    return CreditProfileDTO(
        franchisee_id=franchisee_id,
        data=data,
        exists=row is not None,
        version=row.version if row is not None else 0,
        collection_policy_name=cp.name if cp is not None else "",
        effective_loss_rate=rate,
        loss_rate_source=source,
        updated_by=row.updated_by if row is not None else "",
        updated_at=row.updated_at if row is not None else None,
    )


def _changes(old: CreditProfileData, new: CreditProfileData) -> tuple[dict, dict]:
    a, b = old.values(), new.values()
    changed = [k for k in FIELDS if a[k] != b[k]]
    return {k: a[k] for k in changed}, {k: b[k] for k in changed}


def _proposal_dto(p: CreditProposal, f: Franchisee) -> ProposalDTO:
    return ProposalDTO(
        p.id,
        p.franchisee_id,
        f.code,
        f.legal_name,
        p.proposed_by,
        p.proposed_at,
        json.loads(p.changes),
        p.reason,
        ProposalStatus(p.status),
        p.decided_by,
        p.decided_at,
        p.decision_note,
        p.version,
    )


class CreditProfileService(Service):
    def _franchisee(self, s: Session, franchisee_id: int) -> Franchisee:
        f = s.get(Franchisee, franchisee_id)
        if f is None:
            raise NotFound()
        return f

    def get(self, actor: Actor, franchisee_id: int, as_of: date | None = None) -> CreditProfileDTO:
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            self._franchisee(s, franchisee_id)
            return read_profile(s, franchisee_id, as_of)

    def bundle(self, actor: Actor, franchisee_id: int) -> CreditTabBundle:
        """The Credit tab's one read: profile, history (newest first), proposals, policies, rights."""
        with self.db.read() as s:
            now = self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            f = self._franchisee(s, franchisee_id)
            profile = read_profile(s, franchisee_id)
            history = tuple(
                ProfileChangeDTO(
                    c.id,
                    c.changed_at,
                    c.changed_by,
                    json.loads(c.old_values),
                    json.loads(c.new_values),
                    c.reason,
                    c.proposal_id,
                )
                for c in s.scalars(
                    select(CreditProfileChange)
                    .where(CreditProfileChange.franchisee_id == franchisee_id)
                    .order_by(CreditProfileChange.changed_at.desc(), CreditProfileChange.id.desc())
                )
            )
            proposals = tuple(
                _proposal_dto(p, f)
                for p in s.scalars(
                    select(CreditProposal)
                    .where(CreditProposal.franchisee_id == franchisee_id)
                    .order_by(CreditProposal.proposed_at.desc(), CreditProposal.id.desc())
                )
            )
            policies = tuple(
                (p.id, p.name)
                for p in s.scalars(
                    select(CollectionPolicy)
                    .where(CollectionPolicy.active)
                    .order_by(CollectionPolicy.sort_order)
                )
            )
            owner = f.account_manager_id
            return CreditTabBundle(
                profile,
                history,
                proposals,
                policies,
                can_edit=now.can(Action.EDIT_CREDIT_PROFILE, owner),
                can_propose=now.can(Action.PROPOSE_CREDIT_CHANGE, owner),
                can_decide=now.can(Action.DECIDE_CREDIT_PROPOSAL, owner),
                can_override=now.can(Action.OVERRIDE_CREDIT_BLOCK, owner),
            )

    def pending_proposals(self, actor: Actor) -> list[ProposalDTO]:
        """Every pending proposal, oldest first (the credit manager's queue)."""
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            rows = s.execute(
                select(CreditProposal, Franchisee)
                .join(Franchisee, Franchisee.id == CreditProposal.franchisee_id)
                .where(CreditProposal.status == ProposalStatus.PENDING.value)
                .order_by(CreditProposal.proposed_at, CreditProposal.id)
            ).all()
            return [_proposal_dto(p, f) for p, f in rows]

    def save(
        self, actor: Actor, franchisee_id: int, version: int, data: CreditProfileData, reason: str
    ) -> CreditProfileDTO:
        """Change the profile (``version``: what the user saw, 0 for "no row yet"); the reason is required."""
        raise_if_invalid(validate(data) + reason_problems(reason))
        with self.db.write(actor.username) as s:
            self.require(actor, Action.EDIT_CREDIT_PROFILE, s=s)
            self._franchisee(s, franchisee_id)
            self._check_policy(s, data)
            current = read_profile(s, franchisee_id)
            if current.version != version:
                raise self._conflict(current, data)
            self.apply(s, actor, franchisee_id, data, reason)
            self.flush_or_conflict(s, lambda fresh: self._conflict(read_profile(fresh, franchisee_id), data))
            s.commit()
        return self.get(actor, franchisee_id)

    def apply(
        self,
        s: Session,
        actor: Actor,
        franchisee_id: int,
        data: CreditProfileData,
        reason: str,
        proposal_id: int | None = None,
    ) -> bool:
        """Write ``data`` and its history row inside the caller's transaction (the caller checked the right);
        False when nothing changed."""
        row = s.scalar(select(CreditProfile).where(CreditProfile.franchisee_id == franchisee_id))
        old = _row_data(row) if row is not None else DEFAULTS
        before, after = _changes(old, data)
        if not after and row is not None:
            return False
        if row is None:
            row = CreditProfile(franchisee_id=franchisee_id)
            s.add(row)
        row.term_kind = data.term_kind.value
        row.term_days = data.term_days
        row.credit_limit = data.credit_limit
        row.collection_policy_id = data.collection_policy_id
        row.loss_rate_derived = data.expected_loss_rate is None
        row.expected_loss_rate = data.expected_loss_rate
        row.on_hold = data.on_hold
        row.hold_reason = data.hold_reason.strip() if data.on_hold else ""
        row.next_review_on = data.next_review_on
        row.updated_by = actor.username
        s.add(
            CreditProfileChange(
                franchisee_id=franchisee_id,
                changed_by=actor.username,
                old_values=json.dumps(before, ensure_ascii=False),
                new_values=json.dumps(after, ensure_ascii=False),
                reason=reason.strip(),
                proposal_id=proposal_id,
            )
        )
        return True

    def set_hold(self, s: Session, actor: Actor, franchisee_id: int, reason: str) -> bool:
        """Put the franchisee on credit hold inside the caller's transaction (a dunning task's "set hold")."""
        self.require(actor, Action.EDIT_CREDIT_PROFILE, s=s)
        current = read_profile(s, franchisee_id)
        if current.data.on_hold:
            return False
        data = replace(current.data, on_hold=True, hold_reason=reason[:MAX_TEXT])
        return self.apply(s, actor, franchisee_id, data, reason)

    def propose(
        self, actor: Actor, franchisee_id: int, changes: Mapping[str, Any], reason: str
    ) -> ProposalDTO:
        """An account manager's proposal for one of their franchisees: ``changes`` maps fields to new values
        (JSON values as ``CreditProfileData.values`` writes them)."""
        raise_if_invalid(reason_problems(reason))
        with self.db.write(actor.username) as s:
            f = self._franchisee(s, franchisee_id)
            self.require(actor, Action.PROPOSE_CREDIT_CHANGE, f.account_manager_id, s=s)
            current = read_profile(s, franchisee_id)
            proposed = CreditProfileData.from_values(current.data, changes)
            raise_if_invalid(validate(proposed))
            self._check_policy(s, proposed)
            _, after = _changes(current.data, proposed)
            if not after:
                raise_if_invalid(
                    [_invalid("changes", QT_TRANSLATE_NOOP("Validation", "The proposal changes nothing."))]
                )
            p = CreditProposal(
                franchisee_id=franchisee_id,
                proposed_by=actor.username,
                changes=json.dumps(after, ensure_ascii=False),
                reason=reason.strip(),
                updated_by=actor.username,
            )
            s.add(p)
            s.flush()
            dto = _proposal_dto(p, f)
            s.commit()
        return dto

    def decide(
        self, actor: Actor, proposal_id: int, version: int, approve: bool, note: str = ""
    ) -> ProposalDTO:
        """Approve (the change is applied in the same transaction; its history row names the proposal) or
        reject (a note is required) a pending proposal."""
        if not approve:
            raise_if_invalid(reason_problems(note, "note"))
        elif problem := text_problem(note):
            raise_if_invalid([FieldError("note", problem)])
        with self.db.write(actor.username) as s:
            p = s.get(CreditProposal, proposal_id)
            if p is None:
                raise NotFound()
            f = self._franchisee(s, p.franchisee_id)
            self.require(actor, Action.DECIDE_CREDIT_PROPOSAL, f.account_manager_id, s=s)
            if p.version != version or p.status != ProposalStatus.PENDING.value:
                raise ConflictError(
                    _proposal_dto(p, f), {}, p.updated_by, p.updated_at.strftime(CONFLICT_TIME_FORMAT)
                )
            if approve:
                current = read_profile(s, p.franchisee_id)
                data = CreditProfileData.from_values(current.data, json.loads(p.changes))
                raise_if_invalid(validate(data))
                self._check_policy(s, data)
                reason = p.reason if not note.strip() else f"{p.reason} — {note.strip()}"
                self.apply(s, actor, p.franchisee_id, data, reason, proposal_id=p.id)
            p.status = (ProposalStatus.APPROVED if approve else ProposalStatus.REJECTED).value
            p.decided_by = actor.username
            p.decided_at = utcnow()
            p.decision_note = note.strip()
            p.updated_by = actor.username
            self.flush_or_conflict(
                s,
                lambda fresh: ConflictError(None, {}, fresh.get(CreditProposal, proposal_id).updated_by, ""),
            )
            dto = _proposal_dto(p, f)
            s.commit()
        return dto

    @staticmethod
    def _check_policy(s: Session, data: CreditProfileData) -> None:
        if data.collection_policy_id is None:
            return
        cp = s.get(CollectionPolicy, data.collection_policy_id)
        if cp is None or not cp.active:
            raise_if_invalid(
                [
                    _invalid(
                        "collection_policy_id",
                        QT_TRANSLATE_NOOP("Validation", "Choose an active collection policy."),
                    )
                ]
            )

    @staticmethod
    def _conflict(current: CreditProfileDTO, mine: CreditProfileData) -> ConflictError:
        theirs, yours = current.data.values(), mine.values()
        changes = {k: (theirs[k], yours[k]) for k in FIELDS if theirs[k] != yours[k]}
        when = current.updated_at.strftime(CONFLICT_TIME_FORMAT) if current.updated_at else ""
        return ConflictError(current, changes, current.updated_by, when)


__all__ = [
    "FIELDS",
    "DEFAULTS",
    "CreditProfileData",
    "CreditProfileDTO",
    "ProfileChangeDTO",
    "ProposalDTO",
    "CreditTabBundle",
    "CreditProfileService",
    "read_profile",
    "loss_history",
    "validate",
    "reason_problems",
]
