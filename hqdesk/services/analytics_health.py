"""Franchisee health, segmentation and the relationship charts: the inputs gathered in SQL for all
franchisees at once, the rules applied by ``domain.health``. Called by ``AnalyticsService`` inside its read
transaction (rights checked there)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, Integer, and_, case, func, select, type_coerce
from sqlalchemy.orm import Session

from hqdesk.domain.analytics import add_months, month_end, month_first, month_key, months
from hqdesk.domain.complaints import ComplaintStatus
from hqdesk.domain.franchisee import LifecycleStatus
from hqdesk.domain.health import (
    NO_VISIT,
    OVERDUE_RISING,
    SALES_FALLING,
    HealthInputs,
    abc_classes,
    health_score,
    no_visit,
    overdue_rising,
    sales_falling,
)
from hqdesk.domain.visits import effective_cadence
from hqdesk.persistence.analytics_sql import month_start
from hqdesk.persistence.ledger_sql import as_date
from hqdesk.persistence.models import Franchisee, User
from hqdesk.persistence.models_analytics import LedgerMonth, ReceivableMove, ReceivableOpen
from hqdesk.persistence.models_complaints import Complaint, ComplaintCategory
from hqdesk.persistence.models_credit import LedgerDocument
from hqdesk.persistence.models_visits import Visit, VisitCadence, VisitOverride, VisitSummary
from hqdesk.persistence.types import Cents
from hqdesk.services.analytics_dto import (
    AnalyticsFilter,
    CountRow,
    FranchiseeHealth,
    HealthReport,
    SegmentRow,
    Segments,
    VisitsAgainstPlan,
)
from hqdesk.services.visits_plans import overdue_ids

ZERO = Decimal("0.00")
OPEN_COMPLAINT = (ComplaintStatus.RESOLVED.value, ComplaintStatus.CLOSED.value)  # NOT in these: open


def _where_member(q, column, members, one):
    if one is not None:
        return q.where(column == one)
    if members is not None:
        return q.where(column.in_(members))
    return q


def _active(members, one):
    q = select(Franchisee.id, Franchisee.code, Franchisee.legal_name, Franchisee.account_manager_id).where(
        Franchisee.status == LifecycleStatus.ACTIVE.value, Franchisee.archived.is_(False)
    )
    return _where_member(q, Franchisee.id, members, one).order_by(Franchisee.code)


def monthly_sales_statement(first: date, last: date, members=None, one=None):
    """``franchisee_id, month, amount``: sales per franchisee and whole month in [first, last] (first days)."""
    lm = LedgerMonth
    signed = case((lm.kind == "invoice", lm.amount), else_=-lm.amount)
    q = (
        select(lm.franchisee_id, lm.month, type_coerce(func.sum(signed), Cents()))
        .where(lm.month >= as_date(first), lm.month <= as_date(last), lm.kind.in_(("invoice", "credit_note")))
        .group_by(lm.franchisee_id, lm.month)
    )
    return _where_member(q, lm.franchisee_id, members, one)


def overdue_open_statement(dates: list[date], members=None, one=None):
    """``franchisee_id, o0, o1, ...``: per franchisee, the open invoice amounts now (``receivable_open``) due
    before each date."""
    ro = ReceivableOpen
    columns = [
        type_coerce(func.sum(case((ro.due_date < as_date(d), ro.amount), else_=0)), Cents()).label(f"o{i}")
        for i, d in enumerate(dates)
    ]
    q = select(ro.franchisee_id, *columns).group_by(ro.franchisee_id)
    return _where_member(q, ro.franchisee_id, members, one)


def overdue_later_statement(dates: list[date], members=None, one=None):
    """``franchisee_id, o0, o1, ...``: per franchisee, the moves of invoices due before each date in the
    months after that date's month (``receivable_moves``): what to take off the open amounts now to get the
    overdue amount as of the date."""
    rm = ReceivableMove
    columns = [
        type_coerce(
            func.sum(
                case((and_(rm.month > as_date(month_first(d)), rm.due_date < as_date(d)), rm.amount), else_=0)
            ),
            Cents(),
        ).label(f"o{i}")
        for i, d in enumerate(dates)
    ]
    q = (
        select(rm.franchisee_id, *columns)
        .where(rm.month > as_date(month_first(dates[0])))
        .group_by(rm.franchisee_id)
    )
    return _where_member(q, rm.franchisee_id, members, one)


def oldest_due_statement(members=None, one=None):
    """``franchisee_id, due_date``: the earliest due date with an open amount now, per franchisee."""
    ro = ReceivableOpen
    q = select(ro.franchisee_id, func.min(ro.due_date)).where(ro.amount > 0).group_by(ro.franchisee_id)
    return _where_member(q, ro.franchisee_id, members, one)


def open_complaints_statement(members=None, one=None):
    q = (
        select(Complaint.franchisee_id, func.count())
        .where(Complaint.status.not_in(OPEN_COMPLAINT))
        .group_by(Complaint.franchisee_id)
    )
    return _where_member(q, Complaint.franchisee_id, members, one)


def health(
    s: Session,
    today: date,
    filters: AnalyticsFilter,
    members,
    one,
    falling_months: int,
    no_visit_days: int,
    overdue_points: int,
) -> HealthReport:
    this_month = month_first(today)
    span = max(15, falling_months + 1)
    first = add_months(this_month, -span)
    monthly: dict[int, dict[date, Decimal]] = {}
    for fid, m, amount in s.execute(monthly_sales_statement(first, add_months(this_month, -1), members, one)):
        monthly.setdefault(fid, {})[m] = amount
    points = [month_end(add_months(this_month, -k)) for k in range(overdue_points - 1, 0, -1)] + [today]
    # overdue as of a date = open now and due before it, less the moves of the months after the date's
    overdue = {r[0]: list(r[1:]) for r in s.execute(overdue_open_statement(points, members, one))}
    for r in s.execute(overdue_later_statement(points, members, one)):
        now = overdue.setdefault(r[0], [ZERO] * len(points))
        overdue[r[0]] = [(a or ZERO) - (b or ZERO) for a, b in zip(now, r[1:], strict=True)]
    oldest = dict(s.execute(oldest_due_statement(members, one)).all())
    complaints = dict(s.execute(open_complaints_statement(members, one)).all())
    visits = dict(
        s.execute(
            _where_member(
                select(VisitSummary.franchisee_id, VisitSummary.last_visit_on),
                VisitSummary.franchisee_id,
                members,
                one,
            )
        ).all()
    )
    recent = [add_months(this_month, -k) for k in (3, 2, 1)]
    year_ago = [add_months(m, -12) for m in recent]
    previous = [add_months(m, -3) for m in recent]
    falling_window = [add_months(this_month, -k) for k in range(falling_months + 1, 0, -1)]
    rows = []
    for fid, code, name, manager in s.execute(_active(members, one)):
        sales = monthly.get(fid, {})
        last_visit = visits.get(fid)
        since = None if last_visit is None else (today - last_visit).days
        x = HealthInputs(
            sum((sales.get(m, ZERO) for m in recent), ZERO),
            sum((sales.get(m, ZERO) for m in year_ago), ZERO),
            sum((sales.get(m, ZERO) for m in previous), ZERO),
            (today - oldest[fid]).days if fid in oldest else 0,
            complaints.get(fid, 0),
            since,
        )
        score = health_score(x)
        reasons = []
        if sales_falling([sales.get(m, ZERO) for m in falling_window], falling_months):
            reasons.append(SALES_FALLING)
        if overdue_rising([v or ZERO for v in overdue.get(fid, [ZERO] * len(points))]):
            reasons.append(OVERDUE_RISING)
        if no_visit(since, no_visit_days):
            reasons.append(NO_VISIT)
        rows.append(
            FranchiseeHealth(
                fid,
                code,
                name,
                manager,
                score.score,
                score.band,
                score.sales,
                score.payment,
                score.complaints,
                score.contact,
                x.recent_sales,
                x.year_ago_sales,
                max(x.max_days_overdue, 0),
                x.open_complaints,
                since,
                tuple(reasons),
            )
        )
    rows.sort(key=lambda r: (r.score, r.code))
    return HealthReport(today, filters, falling_months, no_visit_days, overdue_points, tuple(rows))


def segments_statement(first: date, last: date, members=None, one=None):
    """Per active franchisee: ``franchisee_id, code, name, sales, frequency, last_invoice`` over the whole
    months [first, last], and the RFM quintiles ``r, f, m`` by NTILE(5) among those that ever invoiced."""
    lm = LedgerMonth
    signed = case((lm.kind == "invoice", lm.amount), (lm.kind == "credit_note", -lm.amount), else_=0)
    per = (
        select(
            lm.franchisee_id,
            func.sum(signed).label("sales"),
            func.sum(case((lm.kind == "invoice", lm.documents), else_=0)).label("frequency"),
        )
        .where(lm.month >= as_date(first), lm.month <= as_date(last), lm.kind.in_(("invoice", "credit_note")))
        .group_by(lm.franchisee_id)
        .subquery("per")
    )
    doc = LedgerDocument
    last_invoice = (
        select(func.max(doc.doc_date))
        .where(
            doc.franchisee_id == Franchisee.id,
            doc.kind == "invoice",
            doc.doc_date <= as_date(month_end(last)),
        )
        .scalar_subquery()
    )
    base = _where_member(
        select(
            Franchisee.id.label("franchisee_id"),
            Franchisee.code,
            Franchisee.legal_name.label("name"),
            func.coalesce(per.c.sales, 0).label("sales"),
            func.coalesce(per.c.frequency, 0).label("frequency"),
            last_invoice.label("last_invoice"),
        )
        .outerjoin(per, per.c.franchisee_id == Franchisee.id)
        .where(Franchisee.status == LifecycleStatus.ACTIVE.value, Franchisee.archived.is_(False)),
        Franchisee.id,
        members,
        one,
    ).subquery("base")
    invoiced = base.c.last_invoice.is_not(None)

    def quintile(*order):
        return case((invoiced, func.ntile(5).over(partition_by=invoiced, order_by=order)), else_=0)

    return select(
        base.c.franchisee_id,
        base.c.code,
        base.c.name,
        type_coerce(base.c.sales, Cents()).label("sales"),
        type_coerce(base.c.frequency, Integer()).label("frequency"),
        base.c.last_invoice,
        quintile(base.c.last_invoice, base.c.franchisee_id).label("r"),
        quintile(base.c.frequency, base.c.franchisee_id).label("f"),
        quintile(base.c.sales, base.c.franchisee_id).label("m"),
    ).order_by(base.c.sales.desc(), base.c.code)


def segments(s: Session, first: date, last: date, filters: AnalyticsFilter, members, one) -> Segments:
    result = s.execute(segments_statement(first, last, members, one)).all()
    classes = abc_classes([r.sales for r in result])
    end = month_end(last)
    rows = tuple(
        SegmentRow(
            r.franchisee_id,
            r.code,
            r.name,
            r.sales,
            abc,
            r.last_invoice,
            None if r.last_invoice is None else (end - r.last_invoice).days,
            r.frequency,
            r.r,
            r.f,
            r.m,
        )
        for r, abc in zip(result, classes, strict=True)
    )
    return Segments(first, last, filters, rows)


def _received_between(start: date, end: date):
    from datetime import UTC, datetime, time, timedelta

    a = datetime.combine(start, time.min, tzinfo=UTC)
    b = datetime.combine(end + timedelta(days=1), time.min, tzinfo=UTC)
    return and_(Complaint.received_at >= a, Complaint.received_at < b)


def complaints_by_category(s: Session, start: date, end: date, members, one) -> tuple[CountRow, ...]:
    """Complaints received in [start, end] (UTC days) per top-level category, most first, with the Pareto
    line (cumulative share)."""
    top = func.coalesce(ComplaintCategory.parent_id, ComplaintCategory.id)
    q = (
        select(top.label("top"), func.count().label("n"))
        .select_from(Complaint)
        .join(ComplaintCategory, ComplaintCategory.id == Complaint.category_id)
        .where(_received_between(start, end))
        .group_by(top)
    )
    q = _where_member(q, Complaint.franchisee_id, members, one).subquery("per")
    result = s.execute(
        select(per_top := q.c.top, ComplaintCategory.name, q.c.n)
        .join(ComplaintCategory, ComplaintCategory.id == per_top)
        .order_by(q.c.n.desc(), ComplaintCategory.sort_order, ComplaintCategory.name)
    ).all()
    total = sum(r.n for r in result)
    out, running = [], 0
    for category_id, name, n in result:
        running += n
        out.append(CountRow(str(category_id), name, n, Decimal(running) / total))
    return tuple(out)


def complaints_by_month(s: Session, start: date, end: date, members, one) -> tuple[CountRow, ...]:
    """Complaints received per month (UTC dates) from ``start``'s month to ``end``'s, every month."""
    month = month_start(Complaint.received_at)
    q = (
        select(type_coerce(month, Date()).label("m"), func.count())
        .where(_received_between(start, end))
        .group_by(month)
    )
    counts = {}
    for m, n in s.execute(_where_member(q, Complaint.franchisee_id, members, one)):
        counts[month_first(m)] = n
    return tuple(CountRow(month_key(m), month_key(m), counts.get(m, 0)) for m in months(start, end))


def visits_against_plan(s: Session, start: date, end: date, members, one) -> tuple[VisitsAgainstPlan, ...]:
    """Per account manager: the franchisees with regular visits (``domain.visits.effective_cadence`` of their
    tier's cadence and their own plan), planned visits pro rata for the period's months, visits made, how
    many were visited, and how many are overdue at ``end`` (``visits_plans.overdue_ids``)."""
    period_months = Decimal(len(months(start, end)))
    q = (
        select(Franchisee.id, Franchisee.account_manager_id, VisitCadence.months, VisitOverride.months)
        .outerjoin(VisitCadence, VisitCadence.tier == Franchisee.tier)
        .outerjoin(VisitOverride, VisitOverride.franchisee_id == Franchisee.id)
        .where(Franchisee.status == LifecycleStatus.ACTIVE.value, Franchisee.archived.is_(False))
    )
    plans = s.execute(_where_member(q, Franchisee.id, members, one)).all()
    made_q = (
        select(Visit.franchisee_id, func.count())
        .where(Visit.visited_on >= as_date(start), Visit.visited_on <= as_date(end))
        .group_by(Visit.franchisee_id)
    )
    made = dict(s.execute(_where_member(made_q, Visit.franchisee_id, members, one)).all())
    late = set(overdue_ids(s, end))
    names = dict(s.execute(select(User.id, User.display_name)).all())
    per: dict[int | None, list] = {}
    for fid, manager, tier_months, own in plans:
        cadence = effective_cadence(tier_months, own)
        if cadence <= 0:
            continue  # no regular visits
        row = per.setdefault(manager, [0, Decimal(0), 0, 0, 0])
        row[0] += 1
        row[1] += period_months / cadence
        row[2] += made.get(fid, 0)
        row[3] += 1 if made.get(fid) else 0
        row[4] += 1 if fid in late else 0
    out = [
        VisitsAgainstPlan(
            "" if manager is None else str(manager),
            "" if manager is None else names.get(manager, ""),
            n,
            planned.quantize(Decimal("0.1")),
            m,
            visited,
            overdue,
        )
        for manager, (n, planned, m, visited, overdue) in per.items()
    ]
    out.sort(key=lambda r: (r.key == "", r.label, r.key))
    return tuple(out)


__all__ = [
    "complaints_by_category",
    "complaints_by_month",
    "health",
    "segments",
    "visits_against_plan",
]
