"""The analytics pages on a known ledger (tests/services/analytics_ledger.py): real widgets, real services on
a temp SQLite, the inline runner. The bars drawn equal the series; clicks open what is behind them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from tests.services.analytics_ledger import build

TODAY = date(2026, 11, 30)
D = Decimal


@pytest.fixture
def ledger(ui_services, ui_users):
    return build(ui_services, ui_users["admin"], ui_users["zhang"].user_id)


def _sales_view(make_ctx, ui_users, qtbot):
    from hqdesk.ui.views.analytics_sales import SalesAnalyticsView

    view = SalesAnalyticsView(make_ctx(ui_users["admin"]), today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view


def test_monthly_sales_bars_are_the_series_with_last_year(ledger, make_ctx, ui_users, qtbot):
    view = _sales_view(make_ctx, ui_users, qtbot)
    chart = view.monthly
    assert len(chart.categories()) == 12
    this_year, last_year = chart.bar_heights(0), chart.bar_heights(1)
    # 2026-10: 3,000 + 500 - 200; 2026-11: 2,000 + 1,200; a year earlier: J1 800 (2025-10), I1 1,000 (2025-11)
    assert this_year[-2:] == [3300.0, 3200.0]
    assert last_year[-2:] == [800.0, 1000.0]
    assert sum(this_year[:-2]) == 0
    assert chart.legend.texts() == ["Sales", "Same month last year"]
    assert "3,300.00" in chart.hover_text(10)
