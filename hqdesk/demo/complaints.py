"""Demo complaints: about one for every two trading franchisees over the last year, in every state, with
realistic jewellery categories and texts, and a timeline that follows the workflow (who and when).

Drawn from a random generator of its own (seeded from the demo's seed), after the franchisees are written, so
adding complaints does not change any other demo row. Old complaints are mostly closed; recent ones are
new, assigned or in progress, and a few are overdue; some were reopened. The due dates follow the severity
times in the database (domain.complaints), like the app's own.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from hqdesk.demo.base import CHINA, DEMO_USERNAME
from hqdesk.domain.complaints import (
    Channel,
    ComplaintStatus,
    EventKind,
    Severity,
    SlaTimes,
    due_dates,
    next_deadline,
)
from hqdesk.persistence.models_complaints import Complaint, ComplaintCategory, ComplaintEvent, ComplaintSla

S = ComplaintStatus

# category leaf -> (weight, descriptions)
TEXTS: dict[str, tuple[int, tuple[str, ...]]] = {
    "电镀/镀层": (
        18,
        (
            "顾客佩戴两周后18K金手链镀层发黑，要求退换。",
            "一批玫瑰金耳钉表面镀层颜色不均，门店无法上柜。",
            "银镀金吊坠佩戴一个月后掉色露底。",
        ),
    ),
    "镶嵌/掉石": (
        16,
        (
            "钻戒主石松动，顾客在店内发现，要求加固并检查同批货品。",
            "满天星手链掉了两颗碎钻，顾客情绪激动。",
            "翡翠戒指包镶边缘有缝隙，石头可转动。",
        ),
    ),
    "尺寸/圈口": (
        10,
        ("到货戒指圈口与订单不符（订14号到12号）。", "手镯内径偏小，顾客无法佩戴，要求调换。"),
    ),
    "证书/鉴定": (
        9,
        (
            "钻石证书编号与腰码不一致，顾客要求说明。",
            "足金手镯证书重量与实物称重相差0.3克。",
            "翡翠挂件缺少鉴定证书，无法销售。",
        ),
    ),
    "成色/重量": (6, ("顾客送检足金项链含金量低于标称，要求总部答复。",)),
    "款式/做工": (6, ("新款吊坠焊点粗糙，链扣处有毛刺。", "耳钉针变形，包装内无硅胶堵头。")),
    "延迟到货": (8, ("七夕备货订单延迟一周到货，错过促销。", "国庆补货比约定晚五天，门店断货。")),
    "错发/漏发": (6, ("订10件足金转运珠，到货8件，少2件。", "发来的是白金款，订单为黄金款。")),
    "包装破损": (4, ("物流箱破损，两只首饰盒压坏。",)),
    "发票": (5, ("11月货款发票抬头有误，需要重开。", "增值税专票税号错误，财务无法抵扣。")),
    "对账差异": (5, ("季度对账单比门店账多出一笔退货未冲销。",)),
    "返利/折扣": (4, ("年度返利比例与合同约定不符。",)),
    "总部响应": (4, ("多次致电区域经理无人回复，问题拖了两周。",)),
    "售后维修": (6, ("送修戒指一个月未返回，顾客多次催问。", "维修后戒指有明显划痕。")),
    "培训": (2, ("新品培训资料未按时下发，店员无法讲解卖点。",)),
    "宣传物料": (4, ("春节海报到货数量不足，尺寸与门头不符。",)),
    "促销活动": (3, ("总部促销规则临时变更，门店已对外宣传，顾客投诉。",)),
    "陈列道具": (2, ("新陈列道具到货即损坏，灯带不亮。",)),
}
STATES = ((S.CLOSED, 58), (S.RESOLVED, 10), (S.IN_PROGRESS, 13), (S.ASSIGNED, 8), (S.NEW, 6), (S.REOPENED, 5))
SEVERITIES = ((Severity.CRITICAL, 8), (Severity.HIGH, 25), (Severity.MEDIUM, 45), (Severity.LOW, 22))
CHANNELS = (
    (Channel.PHONE, 35),
    (Channel.WECHAT, 35),
    (Channel.VISIT, 15),
    (Channel.EMAIL, 10),
    (Channel.LETTER, 5),
)
RESOLUTIONS = (
    ("已为顾客换新并补偿小礼品。", "供应商电镀工艺不达标。", "更换电镀供应商，入库前加抽检。"),
    ("已返厂加固并全检同批次货品。", "镶口加工不到位。", "镶嵌工序增加拉力测试。"),
    ("已补发并承担运费。", "仓库拣货未复核。", "出库增加扫码复核。"),
    ("已重开发票并快递给门店。", "开票信息未及时更新。", "加盟商资料变更同步至财务系统。"),
    ("区域经理已上门致歉并说明。", "问题转交流程不清。", "建立投诉24小时回访机制。"),
)
COMMENTS = (
    "已电话联系门店了解情况。",
    "已要求门店拍照并寄回样品。",
    "已与供应商沟通，等待检测结果。",
    "顾客再次来电询问进度。",
)


def _pick(rng: random.Random, weighted):
    items = list(weighted)
    return rng.choices([i for i, _ in items], weights=[w for _, w in items])[0]


def _office_time(rng: random.Random, day: date) -> datetime:
    local = datetime.combine(day, time(rng.randint(9, 17), rng.randint(0, 59)), tzinfo=CHINA)
    return local.astimezone(UTC)


def add_complaints(
    s: Session,
    *,
    franchisees: list[dict],
    account_managers: list[str],
    contacts: list[dict],
    user_ids: dict[str, int],
    seed: int,
    today: date,
    now: datetime,
) -> int:
    """Write the demo complaints and their timelines; the number of complaints."""
    rng = random.Random(f"complaints-{seed}")
    categories = {c.name: c.id for c in s.scalars(select(ComplaintCategory)) if c.parent_id is not None}
    leaves = [(name, weight) for name, (weight, _t) in TEXTS.items() if name in categories]
    if not leaves:
        return 0
    sla = {
        Severity(r.severity): SlaTimes(r.response_hours, r.resolution_hours)
        for r in s.scalars(select(ComplaintSla))
    }
    contacts_of: dict[int, list[int]] = {}
    for c in contacts:
        contacts_of.setdefault(c["franchisee_id"], []).append(c["id"])
    trading = [
        (f, m)
        for f, m in zip(franchisees, account_managers, strict=True)
        if f["status"] in ("active", "suspended")
    ]
    admin = user_ids.get("admin")
    names = {uid: name for name, uid in user_ids.items()}
    # "now" for the demo is the end of its today (China time), whatever the clock says
    clock = min(now, datetime.combine(today, time(18, 0), tzinfo=CHINA).astimezone(UTC))
    complaints, events = [], []
    count = max(len(trading) // 2, min(len(trading), 6))
    forced = [S.NEW, S.ASSIGNED, S.IN_PROGRESS, S.RESOLVED, S.CLOSED, S.REOPENED]
    for n in range(count):
        f, manager = rng.choice(trading)
        assignee = user_ids.get(manager) or admin
        logger = assignee if rng.random() < 0.7 else rng.choice([u for u in user_ids.values()])
        category = _pick(rng, leaves)
        severity = _pick(rng, SEVERITIES)
        target = forced[n] if n < len(forced) else _pick(rng, STATES)
        times = sla.get(severity, SlaTimes(48, 240))
        if n == 2:  # the forced "in progress" one is overdue: every demo shows what overdue looks like
            age = rng.uniform(25, 60)
        elif target in (S.CLOSED, S.RESOLVED):
            age = rng.triangular(2, 365, 30)
        elif rng.random() < 0.7:  # most open complaints are recent and on time
            age = rng.uniform(
                0, times.response_hours / 24 if target in (S.NEW, S.ASSIGNED) else times.resolution_hours / 48
            )
        else:
            age = rng.triangular(0, 120, 10)
        received = _office_time(rng, today - timedelta(days=int(age)))
        if received > clock:
            received = clock - timedelta(hours=rng.randint(1, 3))
        cid = n + 1
        due = due_dates(received, sla.get(severity, SlaTimes(48, 240)))
        row = {
            "id": cid,
            "franchisee_id": f["id"],
            "contact_id": rng.choice(contacts_of[f["id"]])
            if contacts_of.get(f["id"]) and rng.random() < 0.8
            else None,
            "received_at": received,
            "channel": _pick(rng, CHANNELS).value,
            "category_id": categories[category],
            "severity": int(severity),
            "description": rng.choice(TEXTS[category][1]),
            "references": f"INV-{received.year}-{rng.randint(1000, 9999)}" if rng.random() < 0.5 else "",
            "status": S.NEW.value,
            "assignee_id": None,
            "logged_by_id": logger,
            "response_due": due.response_due,
            "resolution_due": due.resolution_due,
            "responded_at": None,
            "resolved_at": None,
            "closed_at": None,
            "resolution": "",
            "root_cause": "",
            "corrective_action": "",
            "satisfaction": None,
            "version": 1,
            "created_at": received,
            "updated_by": DEMO_USERNAME,
        }

        last = [received]

        def event(
            at, kind, old=None, new=None, comment="", who=None, to=None, cid=cid, f=f, last=last, me=assignee
        ):
            uid = who if who is not None else me
            last[0] = max(last[0], at)
            events.append(
                {
                    "id": len(events) + 1,
                    "complaint_id": cid,
                    "franchisee_id": f["id"],
                    "kind": kind.value,
                    "from_status": old.value if old else None,
                    "to_status": new.value if new else None,
                    "assignee_id": to,
                    "comment": comment,
                    "user_id": uid,
                    "username": names.get(uid, DEMO_USERNAME),
                    "occurred_at": at,
                }
            )

        event(received, EventKind.LOGGED, None, S.NEW, who=logger)
        at = received
        path = {
            S.NEW: [],
            S.ASSIGNED: [S.ASSIGNED],
            S.IN_PROGRESS: [S.ASSIGNED, S.IN_PROGRESS],
            S.RESOLVED: [S.ASSIGNED, S.IN_PROGRESS, S.RESOLVED],
            S.CLOSED: [S.ASSIGNED, S.IN_PROGRESS, S.RESOLVED, S.CLOSED],
            S.REOPENED: [S.ASSIGNED, S.IN_PROGRESS, S.RESOLVED, S.CLOSED, S.REOPENED],
        }[target]
        # the steps share the time from receipt to now; late answers happen (some complaints end up overdue)
        span = max((clock - received).total_seconds(), 3600)
        weights = {S.ASSIGNED: 0.03, S.IN_PROGRESS: 0.12, S.RESOLVED: 0.45, S.CLOSED: 0.2, S.REOPENED: 0.1}
        total = sum(weights[st] for st in path) or 1
        budget = min(span * 0.9, 40 * 86400)
        status = S.NEW
        fix = rng.choice(RESOLUTIONS)
        for step in path:
            at = at + timedelta(seconds=budget * weights[step] / total * rng.uniform(0.3, 1.0))
            if step is S.ASSIGNED:
                row["assignee_id"] = assignee
                event(
                    at,
                    EventKind.TRANSITION,
                    status,
                    step,
                    who=logger if rng.random() < 0.5 else admin,
                    to=assignee,
                )
            elif step is S.IN_PROGRESS:
                row["responded_at"] = at
                event(at, EventKind.TRANSITION, status, step, rng.choice(COMMENTS))
            elif step is S.RESOLVED:
                row["resolution"], row["root_cause"], row["corrective_action"] = fix
                row["resolved_at"] = at
                event(at, EventKind.TRANSITION, status, step, fix[0])
            elif step is S.CLOSED:
                row["satisfaction"] = _pick(rng, ((5, 35), (4, 40), (3, 15), (2, 7), (1, 3)))
                row["closed_at"] = at
                event(at, EventKind.TRANSITION, status, step, "已回访加盟商，确认满意。")
            elif step is S.REOPENED:
                row["satisfaction"], row["closed_at"] = None, None
                row["resolution_due"] = at + timedelta(
                    hours=sla.get(severity, SlaTimes(48, 240)).resolution_hours
                )
                event(at, EventKind.TRANSITION, status, step, "同一问题再次出现，加盟商要求重新处理。")
            status = step
        if status in (S.IN_PROGRESS, S.ASSIGNED) and rng.random() < 0.4:
            event(
                min(at + timedelta(hours=rng.randint(2, 30)), clock),
                EventKind.COMMENT,
                comment=rng.choice(COMMENTS),
            )
        row["status"] = status.value
        deadline = next_deadline(
            status, row["responded_at"] is not None, row["response_due"], row["resolution_due"]
        )
        row["due_at"] = deadline if deadline is not None else row["resolution_due"]
        row["updated_at"] = last[0]
        complaints.append(row)
    if complaints:
        s.execute(insert(Complaint.__table__), complaints)
        s.execute(insert(ComplaintEvent.__table__), events)
    return len(complaints)


__all__ = ["add_complaints"]
