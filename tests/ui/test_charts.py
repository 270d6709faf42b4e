"""The chart widget itself: ticks a person can read, hover values, the legend in the current language with a
font that has Chinese, and the empty state."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtGui import QFontDatabase

from hqdesk.ui.charts.format import axis_money, axis_ratio, axis_tick, month_label, month_labels, partial_note


class _Ctx:
    runner = None


def _chart(qtbot):
    from hqdesk.ui.charts.chart import ChartWidget

    chart = ChartWidget("Test")
    qtbot.addWidget(chart)
    chart.resize(800, 400)
    chart.show()
    return chart


def test_money_ticks_are_never_scientific(qapp):
    assert axis_money(8_000_000) == "8M"
    assert axis_money(950_000) == "950,000"
    assert axis_money(12_500_000) == "12.5M"
    assert "e+" not in axis_tick("money", 8e6, 1e6)
    assert axis_ratio(0.8) == "80%"
    assert axis_ratio(0.015, spacing=0.005) == "1.5%"
    assert axis_tick("count", 2.5, 0.5) == ""  # no half complaints


def test_chinese_ticks_count_in_wan_and_yi(qapp):
    from hqdesk.ui.i18n import install_translators

    install_translators(qapp, "zh_CN")
    try:
        assert axis_money(5_000_000) == "500万"
        assert axis_money(120_000_000) == "1.2亿"
        assert month_label(date(2026, 10, 1)) == "10月"
        assert month_label(date(2026, 1, 1)) == "2026年1月"
    finally:
        install_translators(qapp, "en")
    assert month_label(date(2026, 10, 1)) == "2026-10"


def test_the_month_not_over_is_marked(qapp):
    months = [date(2026, 11, 1), date(2026, 12, 1)]
    assert month_labels(months, date(2026, 12, 4)) == ["2026-11", "2026-12*"]
    assert partial_note(months, date(2026, 12, 4)).startswith("* December 2026 so far (to 4)")
    assert month_labels(months, date(2026, 12, 31)) == ["2026-11", "2026-12"]
    assert partial_note(months, date(2026, 12, 31)) == ""


def test_bars_hover_and_legend(qtbot):
    from hqdesk.ui.charts.chart import Series

    chart = _chart(qtbot)
    chart.show_bars(
        ["2026-10", "2026-11"],
        [
            Series("Sales", (Decimal("3300.00"), Decimal("8000000.00"))),
            Series("Last year", (Decimal(800), None)),
        ],
        x_label="Month",
        y_label="Sales (¥)",
    )
    assert chart.bar_heights(0) == [3300.0, 8000000.0]
    assert chart.bar_heights(1) == [800.0, 0.0]
    assert chart.hover_text(1) == "2026-11\nSales: ¥8,000,000.00\nLast year: –"
    assert chart.legend.texts() == ["Sales", "Last year"]
    left = chart.plot.getAxis("left")
    assert all("e+" not in t for t in left.tickStrings([0, 2e6, 4e6, 8e6], 1, 2e6))
    # the hover finds the bar under the mouse
    vb = chart.plot.getPlotItem().vb
    from PySide6.QtCore import QPointF

    assert chart._hit(vb.mapViewToScene(QPointF(1.2, 100.0))) == (1, 1)
    assert chart._hit(vb.mapViewToScene(QPointF(0.8, 100.0))) == (1, 0)
    assert chart._hit(vb.mapViewToScene(QPointF(0.5, 100.0))) is None  # between the groups


def test_the_plot_uses_the_applications_cjk_font(qtbot):
    from PySide6.QtWidgets import QApplication

    from hqdesk.ui.charts.chart import Series
    from hqdesk.ui.startup import register_fonts

    register_fonts(QApplication.instance())
    assert QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    chart = _chart(qtbot)
    chart.show_lines(["1月"], [Series("坏账损失率", (Decimal("0.02"),))], x_label="月份", y_label="比率")
    family = chart.plot.scene().font().family()
    assert family == chart.font().family() or family in chart.font().families()
    assert chart.legend.texts() == ["坏账损失率"]


@pytest.mark.parametrize("method", ["show_bars", "show_lines"])
def test_no_data_says_so(qtbot, method):
    chart = _chart(qtbot)
    getattr(chart, method)([], [], x_label="x", y_label="y")
    assert not chart.empty.isHidden()
    assert not chart.export_button.isEnabled()
