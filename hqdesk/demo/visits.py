"""The visit builder: each franchisee's visit history following its tier's plan (A monthly, B quarterly, C twice a
year), by its account manager, with the suggestions heard and their follow-up; about one active franchisee in
eight has fallen behind, so its next visit is overdue.

It runs after the franchisees, contacts and stores are written, in the same transaction, from the rows as
written (one query), with its own random stream: the same seed and day give the same visits, and the rows of
the other builders do not change. Visits cover the last two years at most.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from hqdesk.domain.visits import (
    DEFAULT_CADENCES,
    FALLBACK_CADENCE_MONTHS,
    SuggestionData,
    SuggestionStatus,
    VisitData,
    VisitKind,
    VisitPurpose,
    add_months,
)
from hqdesk.persistence.mappers_visits import VisitMapper
from hqdesk.persistence.models import Contact, Franchisee
from hqdesk.persistence.models_visits import Visit, VisitSuggestion
from hqdesk.persistence.types import utcnow

BATCH = 5000
HISTORY_DAYS = 2 * 365
BEHIND = 0.12  # share of active franchisees whose account manager has fallen behind (overdue now)

KINDS = ((VisitKind.ON_SITE, 55), (VisitKind.PHONE, 30), (VisitKind.VIDEO, 15))
PURPOSES = (
    (VisitPurpose.RETURN_VISIT, 40),
    (VisitPurpose.MARKET_SURVEY, 10),
    (VisitPurpose.PRODUCT_PROMOTION, 15),
    (VisitPurpose.SUGGESTION_COLLECTION, 12),
    (VisitPurpose.TRAINING, 10),
    (VisitPurpose.COMPLAINT_FOLLOW_UP, 8),
    (VisitPurpose.OTHER, 5),
)
NOTES = (
    "门店陈列整洁，黄金柜台客流稳定。",
    "周末客流明显增加，婚庆系列咨询多。",
    "店长反映古法金系列补货慢。",
    "新员工较多，需加强产品知识培训。",
    "商场装修，门店临时移位，销售受影响。",
    "检查了价签与证书，均符合总部规范。",
    "节日促销物料已到店，布置到位。",
    "竞品在同商场开业，价格压力较大。",
    "钻石柜台销售下滑，建议调整款式结构。",
    "店面翻新完成，形象明显提升。",
)
OUTCOMES = (
    "加盟商对总部支持满意。",
    "同意参加下季度新品发布会。",
    "约定下月补充婚庆系列库存。",
    "将安排两名导购参加总部培训。",
    "确认按新版陈列标准调整。",
    "问题已当场解决。",
    "需总部市场部跟进促销方案。",
)
SUGGESTIONS = (
    "希望增加婚庆三金套系的款式",
    "古法金手镯补货周期能否缩短",
    "建议总部提供抖音直播培训",
    "希望节日促销物料提前两周到店",
    "建议开放小克重产品的单件补货",
    "希望调整钻石证书的交付时间",
    "建议增加 18K 金彩宝系列",
    "希望总部统一会员积分系统",
    "建议对老店形象升级给予补贴",
    "希望放宽旺季的结算账期",
    "建议增加黄金回收业务指引",
    "希望提供竞品价格的市场分析",
)
RESPONSES = {
    SuggestionStatus.DONE: ("已纳入下季度新品计划。", "已安排专项培训。", "已与物流部门协调，缩短补货周期。"),
    SuggestionStatus.DECLINED: ("暂不符合总部整体策略，已电话说明。", "成本过高，暂不采纳。"),
    SuggestionStatus.IN_PROGRESS: ("已转商品部评估。", "市场部正在准备方案。"),
    SuggestionStatus.OPEN: ("",),
}


def _weighted(rng: random.Random, table):
    total = sum(w for _, w in table)
    x = rng.random() * total
    for value, weight in table:
        x -= weight
        if x < 0:
            return value
    return table[-1][0]


def _suggestion_status(rng: random.Random, age_days: int) -> SuggestionStatus:
    """Older suggestions are mostly settled; the recent ones mostly still open."""
    if age_days > 180:
        return _weighted(
            rng,
            (
                (SuggestionStatus.DONE, 60),
                (SuggestionStatus.DECLINED, 30),
                (SuggestionStatus.IN_PROGRESS, 10),
            ),
        )
    if age_days > 45:
        return _weighted(
            rng,
            (
                (SuggestionStatus.DONE, 35),
                (SuggestionStatus.DECLINED, 15),
                (SuggestionStatus.IN_PROGRESS, 30),
                (SuggestionStatus.OPEN, 20),
            ),
        )
    return _weighted(rng, ((SuggestionStatus.OPEN, 70), (SuggestionStatus.IN_PROGRESS, 30)))


def build_visits(s: Session, today: date, seed: int) -> tuple[list[dict], list[dict]]:
    """Visit and suggestion rows (ids given) for the franchisees in the database."""
    rng = random.Random(seed * 7919 + 5)
    first_visit = (s.scalar(text("select coalesce(max(id), 0) from visits")) or 0) + 1
    first_suggestion = (s.scalar(text("select coalesce(max(id), 0) from visit_suggestions")) or 0) + 1
    contacts: dict[int, list[str]] = {}
    for fid, name in s.execute(
        select(Contact.franchisee_id, Contact.name).order_by(
            Contact.franchisee_id, Contact.is_primary.desc(), Contact.id
        )
    ):
        contacts.setdefault(fid, []).append(name)
    now = utcnow()
    stamp = {"version": 1, "created_at": now, "updated_at": now}
    visits: list[dict] = []
    suggestions: list[dict] = []
    rows = s.execute(
        select(
            Franchisee.id,
            Franchisee.tier,
            Franchisee.status,
            Franchisee.status_changed_on,
            Franchisee.join_date,
            Franchisee.contract_start,
            Franchisee.account_manager_id,
        ).order_by(Franchisee.id)
    ).all()
    earliest = today - timedelta(days=HISTORY_DAYS)
    for f in rows:
        start = f.contract_start or f.join_date
        if f.status == "prospect" or start is None or f.account_manager_id is None:
            continue
        end = today if f.status == "active" else (f.status_changed_on or today)
        cadence = DEFAULT_CADENCES.get(f.tier, FALLBACK_CADENCE_MONTHS)
        if f.status == "active" and rng.random() < BEHIND:
            end = today - timedelta(days=int(cadence * 30 * (1.3 + rng.random() * 1.5)))
        day = add_months(start, cadence)
        while day < earliest:
            day = add_months(day, cadence)
        names = contacts.get(f.id, [])
        username = None
        while day <= min(end, today):
            visited = day + timedelta(days=int(rng.random() * 11) - 5)
            if visited > today:
                break
            heard = ()
            purpose = _weighted(rng, PURPOSES)
            if purpose == VisitPurpose.SUGGESTION_COLLECTION or rng.random() < 0.25:
                count = 1 + int(rng.random() * (3 if purpose == VisitPurpose.SUGGESTION_COLLECTION else 2))
                texts: list[str] = []
                while len(texts) < count:  # different suggestions in one visit
                    heard_text = SUGGESTIONS[int(rng.random() * len(SUGGESTIONS))]
                    if heard_text not in texts:
                        texts.append(heard_text)
                heard = tuple(SuggestionData(text=t) for t in texts)
            follow_up = visited + timedelta(days=7 + int(rng.random() * 21)) if rng.random() < 0.15 else None
            data = VisitData(
                visited_on=visited,
                kind=_weighted(rng, KINDS),
                purpose=purpose,
                hq_user_id=f.account_manager_id,
                met_with=names[0] if names and rng.random() < 0.8 else (names[-1] if names else ""),
                notes=NOTES[int(rng.random() * len(NOTES))],
                outcome=OUTCOMES[int(rng.random() * len(OUTCOMES))],
                next_follow_up_on=follow_up,
            )
            visit_id = first_visit + len(visits)
            visits.append(
                {
                    "id": visit_id,
                    "franchisee_id": f.id,
                    **VisitMapper.values(data),
                    **stamp,
                    "updated_by": username or "demo",
                }
            )
            for heard_one in heard:
                status = _suggestion_status(rng, (today - visited).days)
                answers = RESPONSES[status]
                suggestions.append(
                    {
                        "id": first_suggestion + len(suggestions),
                        "visit_id": visit_id,
                        "franchisee_id": f.id,
                        "text": heard_one.text,
                        "status": status.value,
                        "response": answers[int(rng.random() * len(answers))],
                        **stamp,
                        "updated_by": "demo",
                    }
                )
            day = (
                follow_up
                if follow_up and follow_up < add_months(visited, cadence)
                else add_months(visited, cadence)
            )
    return visits, suggestions


def add_demo_visits(s: Session, today: date, seed: int) -> dict[str, int]:
    """Write the demo visits and suggestions, bring the last-visit summaries in step; return the counts."""
    from hqdesk.services.visits import refresh_summaries

    visits, suggestions = build_visits(s, today, seed)
    for rows, model in ((visits, Visit), (suggestions, VisitSuggestion)):
        for i in range(0, len(rows), BATCH):
            s.execute(insert(model.__table__), rows[i : i + BATCH])
    if s.get_bind().dialect.name == "postgresql":
        for table in ("visits", "visit_suggestions"):
            s.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table} "
                    f"HAVING max(id) IS NOT NULL"
                )
            )
    refresh_summaries(s)
    return {"visits": len(visits), "visit_suggestions": len(suggestions)}


__all__ = ["build_visits", "add_demo_visits"]
