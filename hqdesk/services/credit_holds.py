"""The franchisees on credit hold, for the start screen (the credit profiles' ``on_hold`` flag): read only.

A franchisee is on hold while its credit profile says so (set by a credit manager, or by a dunning level's
credit-hold action); archived franchisees are left out (nobody sells to them any more)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from hqdesk.domain.roles import Action, Actor
from hqdesk.persistence.models import Franchisee, User
from hqdesk.persistence.models_credit import CreditProfile
from hqdesk.services.base import Service


@dataclass(frozen=True)
class CreditHold:
    franchisee_id: int
    code: str
    name: str
    reason: str
    account_manager: str  # display name ("" without a manager)
    since: datetime | None  # when the credit profile was last changed (UTC)


class CreditHoldService(Service):
    def on_hold(self, actor: Actor, account_manager_id: int | None = None) -> list[CreditHold]:
        """Franchisees on credit hold, by code; ``account_manager_id``: only that manager's."""
        with self.db.read() as s:
            self.require(actor, Action.VIEW_FRANCHISEES, s=s)
            q = (
                select(
                    Franchisee.id,
                    Franchisee.code,
                    Franchisee.legal_name,
                    CreditProfile.hold_reason,
                    User.display_name,
                    CreditProfile.updated_at,
                )
                .join(CreditProfile, CreditProfile.franchisee_id == Franchisee.id)
                .outerjoin(User, User.id == Franchisee.account_manager_id)
                .where(CreditProfile.on_hold.is_(True), Franchisee.archived.is_(False))
                .order_by(Franchisee.code)
            )
            if account_manager_id is not None:
                q = q.where(Franchisee.account_manager_id == account_manager_id)
            return [CreditHold(i, c, n, r or "", m or "", u) for i, c, n, r, m, u in s.execute(q).all()]


__all__ = ["CreditHold", "CreditHoldService"]
