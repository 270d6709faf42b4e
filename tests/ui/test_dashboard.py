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


def test_a_figure_opens_the_list_behind_it(ledger, make_ctx, ui_users, qtbot):
    from hqdesk.ui.main_window import MainWindow

    window = MainWindow(make_ctx(ui_users["admin"]), place=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    home = window.show_page("home")
    home.figures._today = lambda: TODAY
    home.figures.reload()
    card = home.figures.cards["sales_month"]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "sales_analytics"
    sales = window.page("sales_analytics")
    # the sales behind "Sales this month": 2026-11-01 to 2026-11-30 by franchisee
    assert sorted((r.key, r.amount) for r in sales.detail.rows()) == [
        ("F1", Decimal("2000.00")),
        ("F2", Decimal("1200.00")),
    ]
    window.show_page("home")
    qtbot.mouseClick(home.figures.cards["receivables"], Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "aging"
    assert window.page("aging").as_of.date_value() == TODAY


def test_the_lists_show_holds_and_open_the_profile(
    ledger, ui_services, make_ctx, ui_users, qtbot, qtmodeltester
):
    from hqdesk.ui.main_window import MainWindow

    admin = ui_users["admin"]
    profile = ui_services.credit_profiles.get(admin, ledger["f2"])
    with ui_services.db.write(admin.username) as s:
        ui_services.credit_profiles.set_hold(s, admin, ledger["f2"], "逾期未付")
        s.commit()
    window = MainWindow(make_ctx(admin), place=False)
    qtbot.addWidget(window)
    window.show()
    home = window.show_page("home")
    holds = home.attention.holds
    assert [(h.code, h.reason) for h in holds.model.rows()] == [("F2", "逾期未付")]
    assert holds.title.text() == "On credit hold (1)"
    for model in (holds.model, home.attention.dunning.model, home.attention.complaints.model):
        qtmodeltester.check(model)
    holds.view.activated.emit(holds.model.index(0, 0))
    assert window.current_page_key() == "franchisees"
    qtbot.waitUntil(lambda: window.page("franchisees").editor_franchisee_id() == ledger["f2"])
    assert profile is not None
