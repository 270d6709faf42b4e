"""``ReceivablesService.kpis_by_franchisee`` (one set of grouped queries) gives exactly what ``kpis`` gives one
franchisee at a time, on the demo ledger (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest

from hqdesk.services.demo import generate_demo
from hqdesk.services.receivables import PeriodRefused, ReceivablesService

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("start", "end"), [(date(2026, 1, 1), date(2026, 6, 30)), (date(2025, 11, 1), TODAY), (TODAY, TODAY)]
)
def test_grouped_kpis_equal_the_per_franchisee_ones(services, start, end):
    generate_demo(services.db, franchisees=30, seed=7, today=TODAY)
    admin = services.users.actor("admin")
    receivables = ReceivablesService(services.db)
    grouped = receivables.kpis_by_franchisee(admin, start, end)
    ids = list(grouped)
    assert len(ids) >= 30
    with_sales = 0
    for fid in ids:
        one = receivables.kpis(admin, start, end, fid)
        got = grouped[fid]
        # the months the countback read may differ (the grouped one reads a chunk for everyone): not a figure
        assert got.json() == one.json(), fid
        assert got.dso_countback == one.dso_countback and got.overdue_share == one.overdue_share, fid
        with_sales += got.closing_receivables != 0 and got.dso_countback is not None
    assert with_sales > 10  # the comparison covered real figures, not only zeros


def test_grouped_kpis_refuse_a_reversed_period(services, admin):
    with pytest.raises(PeriodRefused):
        ReceivablesService(services.db).kpis_by_franchisee(admin, TODAY, date(2026, 1, 1))
