"""The start screen's key figures and lists on a known ledger (tests/services/analytics_ledger.py): what each
card shows, and where a click on it leads."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from tests.services.analytics_ledger import build

TODAY = date(2026, 11, 30)


@pytest.fixture
def ledger(ui_services, ui_users):
    return build(ui_services, ui_users["admin"], ui_users["zhang"].user_id)


def _home(make_ctx, actor, qtbot):
    from hqdesk.ui.views.home import HomeView

    view = HomeView(make_ctx(actor), today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1200, 900)
    view.show()
    return view


def test_key_figures_show_the_service_figures(ledger, make_ctx, ui_users, qtbot):
    view = _home(make_ctx, ui_users["admin"], qtbot)
    cards = view.figures.cards
    # November 2026: I4 2,000 + J2 1,200 = 3,200; November 2025: I1 1,000
    assert cards["sales_month"].value.text() == "¥3,200.00"
    assert cards["sales_month"].compare.text().startswith("+220.0%")
    assert cards["receivables"].value.text() == "¥7,200.00"
    assert cards["overdue_share"].value.text() == "48.6%"  # 3,500 / 7,200
