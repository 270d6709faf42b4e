"""A random ledger written in random date order (so most documents are back-dated against the ones already
there): every series from the summaries equals the receivables reports' SQL over the raw ledger, at every month
end, for everyone and for each franchisee."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from hqdesk.domain.analytics import month_end
from hqdesk.services.analytics_dto import AnalyticsFilter
from hqdesk.services.receivables import ReceivablesService
from tests.services.analytics_ledger import franchisee

D = Decimal
AS_OF = date(2026, 11, 30)
START = date(2025, 9, 1)


def test_random_ledger_matches_the_raw_ledger_at_every_month_end(services, admin):
    rng = random.Random(20261204)
    fids = [franchisee(services, admin, f"R{i}", ("华东", "华南")[i % 2], "A") for i in range(3)]
    events = []
    for n in range(36):
        fid = rng.choice(fids)
        day = START + timedelta(days=rng.randint(0, (AS_OF - START).days))
        events.append((rng.random(), n, fid, day))
    rng.shuffle(events)
    invoices: dict[int, list[str]] = {fid: [] for fid in fids}
    ledger = services.ledger
    for _, n, fid, day in events:
        roll = rng.random()
        if roll < 0.55 or not invoices[fid]:
            number = f"INV{n}"
            due = day + timedelta(days=rng.choice((0, 30, 60)))
            ledger.record(admin, fid, "invoice", number, day, D(rng.randint(100, 5000)), due)
            invoices[fid].append(number)
        elif roll < 0.85:
            names = rng.choice(["", rng.choice(invoices[fid])])
            ledger.record(admin, fid, "payment", f"PAY{n}", day, D(rng.randint(50, 4000)), applies_to=names)
        else:
            target = rng.choice(invoices[fid])
            ledger.record(admin, fid, "credit_note", f"CN{n}", day, D(rng.randint(10, 90)), applies_to=target)
    receivables = ReceivablesService(services.db)
    analytics = services.analytics
    for filters, fid in [(None, None)] + [(AnalyticsFilter(franchisee_id=f), f) for f in fids]:
        series = analytics.receivables_series(admin, AS_OF, 15, filters)
        for p in series.points:
            report = receivables.aging(admin, p.as_of, series.bounds, fid)
            assert (p.buckets, p.unapplied, p.total) == (
                report.totals.buckets,
                report.totals.unapplied,
                report.totals.total,
            ), (fid, p.as_of)
            kpis = receivables.kpis(admin, p.as_of.replace(day=1), p.as_of, fid)
            assert p.credit_sales == kpis.credit_sales, (fid, p.as_of)
            assert p.dso == (None if kpis.dso_countback is None else kpis.dso_countback.quantize(D("0.1")))
        months = analytics.sales(admin, START, AS_OF, "month", franchisee_id=fid)
        for row in months:
            kpis = receivables.kpis(admin, row.month, month_end(row.month), fid)
            assert row.amount == kpis.credit_sales, (fid, row.key)
    labels, rows = analytics.receivables_by_franchisee(admin, date(2026, 6, 30))
    report = receivables.aging(admin, date(2026, 6, 30))
    assert [(r.code, r.buckets, r.total) for r in rows] == [(r.code, r.buckets, r.total) for r in report.rows]
