"""The analytics pages on a known ledger (tests/services/analytics_ledger.py): real widgets, real services on
a temp SQLite, the inline runner. The bars drawn equal the series; clicks open what is behind them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from tests.services.analytics_ledger import build
from tests.ui.test_complaints import complaints  # noqa: F401 - the fixture

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


def _receivables_view(make_ctx, ui_users, qtbot):
    from hqdesk.ui.views.analytics_receivables import ReceivablesAnalyticsView

    view = ReceivablesAnalyticsView(make_ctx(ui_users["credit"]), today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view


def test_receivables_charts_draw_the_series(ledger, make_ctx, ui_users, qtbot):
    view = _receivables_view(make_ctx, ui_users, qtbot)
    series = view.series
    assert len(series.points) == 12 and series.points[-1].as_of == TODAY
    for i in range(len(series.labels)):
        assert view.aging.bar_heights(i) == [float(p.buckets[i]) for p in series.points]
    assert view.overdue.bar_heights(0) == [float(p.overdue) for p in series.points]
    # as of 2026-11-30: F1 owes I1 1,000 (since 2025-12-10), I2 1,800, I3 500 (due today), I4 2,000;
    # F2 owes J1 700 (800 - 100 written off), J2 1,200 (due 2026-12-01)
    last = series.points[-1]
    assert last.total == D("7200.00")
    assert last.overdue == D("3500.00")  # I1 1,000 + I2 1,800 + J1 700


def _click(qtbot, chart, index: int, series: int | None = None) -> None:
    """A real mouse click on the bar, through pyqtgraph's scene."""
    pos = chart.point_of(index, series)
    qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_a_click_on_a_month_lists_its_sales_by_franchisee(ledger, make_ctx, ui_users, qtbot):
    view = _sales_view(make_ctx, ui_users, qtbot)
    with qtbot.waitSignal(view.monthly.clicked) as clicked:
        _click(qtbot, view.monthly, 10, 0)  # 2026-10, this year
    assert clicked.args[0].payload == date(2026, 10, 1)
    assert [(r.key, r.amount) for r in view.detail.rows()] == [("F1", D("3300.00"))]
    with qtbot.waitSignal(view.monthly.clicked):
        _click(qtbot, view.monthly, 11, 1)  # last year's bar of November: 2025-11
    assert [(r.key, r.amount) for r in view.detail.rows()] == [("F1", D("1000.00"))]


def test_pareto_bars_and_line_and_a_click_opens_the_profile(ledger, make_ctx, ui_users, qtbot):
    from hqdesk.ui.main_window import MainWindow

    ctx = make_ctx(ui_users["admin"])
    window = MainWindow(ctx, place=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    view = window.show_page("sales_analytics")
    view._today = lambda: TODAY
    view.reload()
    chart = view.pareto
    # last 12 months to 2026-11-30: F1 3,300 + 3,200 - ... F1: 3,300 (Oct) + 2,000 (Nov) = 5,300; F2 1,200
    assert chart.categories() == ["F1", "F2"]
    assert chart.bar_heights(0) == [5300.0, 1200.0]
    assert [round(float(v), 4) for v in chart._series[1].values] == [round(5300 / 6500, 4), 1.0]
    with qtbot.waitSignal(chart.clicked):
        _click(qtbot, chart, 1)
    assert window.current_page_key() == "franchisees"
    qtbot.waitUntil(lambda: window.page("franchisees").editor_franchisee_id() == ledger["f2"])


def test_an_aging_bar_lists_the_franchisees_behind_it_and_opens_the_aging_page(
    ledger, make_ctx, ui_users, qtbot, qtmodeltester
):
    from hqdesk.ui.main_window import MainWindow

    window = MainWindow(make_ctx(ui_users["credit"]), place=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    view = window.show_page("receivables_analytics")
    view._today = lambda: TODAY
    view.reload()
    labels = list(view.series.labels)
    over_90 = labels.index("181-365")
    with qtbot.waitSignal(view.aging.clicked) as clicked:
        _click(qtbot, view.aging, 11, over_90)
    assert clicked.args[0].series == over_90
    # as of 2026-11-30, 181-365 days overdue: F1's I1 (due 2025-12-10, 355 days), F2's J1 (due 2025-11-30,
    # 365 days, 700 left after the write-off); largest first
    rows = [(r.code, r.buckets[over_90]) for r in view.behind.rows()]
    assert rows == [("F1", D("1000.00")), ("F2", D("700.00"))]
    assert view.band_view.model() is view.behind
    with qtbot.waitSignal(view.overdue.clicked):
        _click(qtbot, view.overdue, 11)
    assert [(r.code, r.overdue) for r in view.behind.rows()] == [("F1", D("2800.00")), ("F2", D("700.00"))]
    qtmodeltester.check(view.behind)
    qtmodeltester.check(view.band_rows)
    view.aging_button.click()
    assert window.current_page_key() == "aging"
    aging = window.page("aging")
    assert aging.as_of.date_value() == TODAY
    qtbot.waitUntil(lambda: aging.model.report is not None and aging.model.report.as_of == TODAY)


def test_exports_write_png_and_csv_that_read_back(ledger, make_ctx, ui_users, qtbot, tmp_path):
    from PySide6.QtGui import QImage

    view = _sales_view(make_ctx, ui_users, qtbot)
    png = tmp_path / "sales.png"
    with qtbot.waitSignal(view.monthly.exported):
        view.monthly.export(str(png))
    image = QImage(str(png))
    assert not image.isNull() and image.width() == view.monthly.width()
    csv_path = tmp_path / "sales.csv"
    with qtbot.waitSignal(view.monthly.exported):
        view.monthly.export(str(csv_path))
    text = csv_path.read_text(encoding="utf-8-sig").splitlines()
    assert text[0] == "Month,Sales,Same month last year"
    assert text[-2:] == ["2026-10,3300.00,800.00", "2026-11,3200.00,1000.00"]


def test_a_filter_change_loads_off_the_ui_thread_and_drops_the_late_answer(
    ledger, ui_services, ui_users, qtbot
):
    """With the real thread pool: the request of the first filter answers after the second one was asked;
    its answer must not replace the second's."""
    from hqdesk.ui.context import ChangeBus, UiContext
    from hqdesk.ui.settings import open_settings
    from hqdesk.ui.tasks import TaskRunner
    from hqdesk.ui.views.analytics_sales import SalesAnalyticsView

    ctx = UiContext(ui_services, ui_users["admin"], TaskRunner(), ChangeBus(), open_settings())
    view = SalesAnalyticsView(ctx, today=lambda: TODAY)
    qtbot.addWidget(view)
    assert view.sales is None  # nothing answered yet: the constructor did not wait for the database
    qtbot.waitUntil(lambda: view.loader.pending == 0 and view.sales is not None, timeout=10000)
    qtbot.waitUntil(lambda: view.filter_bar.region.count() > 1, timeout=10000)
    view.filter_bar.region.setCurrentIndex(view.filter_bar.region.findData("华东"))
    view.filter_bar.region.setCurrentIndex(view.filter_bar.region.findData("华南"))
    qtbot.waitUntil(lambda: view.loader.pending == 0, timeout=10000)
    assert view.sales.filters.region == "华南"
    assert view.monthly.bar_heights(0)[-1] == 1200.0  # F2's J2
    ctx.runner.wait()


def test_health_and_segment_models_pass_the_model_tester(
    ledger, ui_services, make_ctx, ui_users, qtbot, qtmodeltester
):
    from hqdesk.domain.franchisee import LifecycleStatus, StatusChange
    from hqdesk.ui.views.analytics_health import HealthAnalyticsView

    sv, admin = ui_services, ui_users["admin"]
    for fid in (ledger["f1"], ledger["f2"]):
        detail = sv.franchisees.get(admin, fid)
        sv.franchisees.change_status(
            admin,
            fid,
            detail.version,
            StatusChange(LifecycleStatus.ACTIVE, date.today(), "signed"),
        )
    view = HealthAnalyticsView(make_ctx(admin), today=lambda: TODAY)
    qtbot.addWidget(view)
    assert sorted(r.code for r in view.health.rows()) == ["F1", "F2"]
    view.only_at_risk.setChecked(True)
    assert view.health.rows() == list(view.report.at_risk)
    qtmodeltester.check(view.health)
    qtmodeltester.check(view.segments)
    assert [r.code for r in view.segments.rows()][0] == "F1"


def test_relationship_page_says_when_there_is_nothing_to_draw(ledger, make_ctx, ui_users, qtbot):
    from hqdesk.ui.views.analytics_relationship import RelationshipAnalyticsView

    view = RelationshipAnalyticsView(make_ctx(ui_users["admin"]), today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    # the ledger has no complaints: the Pareto says so rather than drawing an empty frame
    assert not view.categories.empty.isHidden()
    assert view.categories.empty.text() == "No complaints in this period."
    assert view.by_month.bar_heights(0) == [0.0] * 12


def test_the_profile_tab_draws_the_franchisees_own_series_when_shown(ledger, make_ctx, ui_users, qtbot):
    from hqdesk.ui.main_window import MainWindow

    window = MainWindow(make_ctx(ui_users["admin"]), place=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = window.show_page("franchisees")
    page.open_franchisee(ledger["f2"])
    qtbot.waitUntil(lambda: page.editor_franchisee_id() == ledger["f2"])
    tab = page.editor.analytics_tab
    assert tab.sales is None  # nothing drawn, nothing queried, until the tab is shown
    tab._today = lambda: TODAY
    page.editor.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.sales is not None and tab.sales.categories() != [])
    assert tab.sales.bar_heights(0)[-1] == 1200.0  # J2
    assert tab.sales.bar_heights(1)[-2] == 800.0  # J1, October 2025
    # F2 as of 2026-11-30: J1 700 left after the write-off (overdue), J2 1,200 not due
    assert sum(h[-1] for h in (tab.aging.bar_heights(i) for i in range(len(tab.aging._series)))) == 1900.0
    assert "¥1,200.00" in tab.figures_label.text()


def test_the_sales_page_opens_with_the_latest_months_franchisees(ledger, make_ctx, ui_users, qtbot):
    view = _sales_view(make_ctx, ui_users, qtbot)
    # November 2026 (the month of TODAY): F1's I4 2,000 and F2's J2 1,200, largest first
    assert [(r.key, r.amount) for r in view.detail.rows()] == [("F1", D("2000.00")), ("F2", D("1200.00"))]
    assert view.detail_title.text().startswith("Sales from 1 Nov 2026 to 30 Nov 2026 by franchisee")


@pytest.mark.usefixtures("complaints")
def test_a_complaint_category_bar_opens_the_queue_on_that_category(make_ctx, ui_users, qtbot):
    """Before, the click opened the queue on its default (open complaints, every category)."""
    from hqdesk.ui.main_window import MainWindow

    window = MainWindow(make_ctx(ui_users["admin"]), place=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    view = window.show_page("relationship_analytics")
    qtbot.waitUntil(lambda: view.loader.pending == 0 and view.categories.categories() != [])
    assert view.categories.bar_heights(0) == [3.0]  # three plating complaints, one of them closed
    with qtbot.waitSignal(view.categories.clicked):
        _click(qtbot, view.categories, 0)
    assert window.current_page_key() == "complaints"
    queue = window.page("complaints")
    qtbot.waitUntil(lambda: queue.model.rowCount() == 3)  # the closed one too: any status
    assert queue.category.currentData() is not None
    assert queue.status.currentData() is None
