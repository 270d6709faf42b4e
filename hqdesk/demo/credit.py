"""Credit demo rows on top of the ledger demo: a few pending credit-change proposals by the account managers (for
the credit manager's queue) and a past dunning run (a to-do list with some tasks already worked).

Runs after the ledger demo (which seeds the documents and a credit profile per franchisee); without ledger rows
the dunning run finds nothing overdue and only the proposals are added. Deterministic for a given seed and today.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from hqdesk.demo.base import DEMO_USERNAME
from hqdesk.domain.credit import DunningAction
from hqdesk.domain.roles import Actor, Role
from hqdesk.persistence.database import Database
from hqdesk.persistence.models import Franchisee, User
from hqdesk.persistence.models_credit import CreditProposal, DunningTask
from hqdesk.persistence.types import utcnow
from hqdesk.services.credit_profiles import read_profile
from hqdesk.services.dunning import DunningService

PROPOSALS = 4
RUN_DAYS_AGO = 14
REASONS = (
    "新店开业，备货量增加，申请提高信用额度。",
    "该加盟商近两年付款一直及时，建议延长账期。",
    "年底旺季订货集中，申请临时提高额度。",
    "门店扩张，建议改为月结。",
)


def add_credit_demo(db: Database, *, today: date, seed: int = 1) -> dict[str, int]:
    """Add the pending proposals and the past dunning run; returns the row counts added."""
    rng = random.Random(seed * 7919 + 3)
    users = {}
    with db.read() as s:
        for u in s.scalars(select(User)):
            users[u.username] = Actor(u.id, u.username, u.display_name, Role(u.role))
        managed = s.execute(
            select(Franchisee.id, Franchisee.account_manager_id)
            .where(Franchisee.account_manager_id.is_not(None), Franchisee.status.in_(("active", "suspended")))
            .order_by(Franchisee.id)
            .limit(200)
        ).all()
        by_id = {a.user_id: a for a in users.values()}
    picks = rng.sample(managed, min(PROPOSALS, len(managed)))
    added = 0
    with db.write(DEMO_USERNAME) as s:
        for n, (fid, manager_id) in enumerate(picks):
            profile = read_profile(s, fid, today)
            limit = profile.data.credit_limit or Decimal("100000.00")
            change = (
                {"credit_limit": f"{(limit * Decimal('1.5')).quantize(Decimal('1000')):.2f}"}
                if n % 2 == 0
                else {"term_kind": "net", "term_days": profile.data.term_days + 30}
            )
            s.add(
                CreditProposal(
                    franchisee_id=fid,
                    proposed_by=by_id[manager_id].username,
                    changes=json.dumps(change),
                    reason=REASONS[n % len(REASONS)],
                    updated_by=by_id[manager_id].username,
                )
            )
            added += 1
        s.commit()
    tasks = 0
    credit = users.get("credit")
    if credit is not None:
        run = DunningService(db).run(credit, today - timedelta(days=RUN_DAYS_AGO))
        tasks = len(run.created)
        # the credit manager has worked through part of the list: letters printed, some calls made
        with db.write(credit.username) as s:
            worked = s.scalars(
                select(DunningTask)
                .where(
                    DunningTask.action.in_(
                        [DunningAction.REMINDER_LETTER.value, DunningAction.PHONE_CALL.value]
                    )
                )
                .order_by(DunningTask.id)
            ).all()
            for t in worked[: len(worked) // 2]:
                t.status, t.done_by, t.updated_by = "done", credit.username, credit.username
                t.note = (
                    "已寄出"
                    if t.action == DunningAction.REMINDER_LETTER.value
                    else "已电话联系，答应月底前付款"
                )
                t.done_at = utcnow()
            s.commit()
    return {"credit_proposals": added, "dunning_tasks": tasks}


__all__ = ["add_credit_demo"]
