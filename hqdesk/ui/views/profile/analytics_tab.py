"""The profile's "Sales & receivables" tab: the franchisee's monthly sales against last year, its aging at
each of the last 12 month ends (stacked), and its key figures (sales this month and this year against last
year, receivables, overdue share, DSO). Loaded when the tab is first shown for a franchisee (pyqtgraph and
the queries cost nothing while the user works on other tabs); a click on a month end opens the Aging page.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from hqdesk.domain.analytics import add_months, month_first
from hqdesk.domain.changes import Entity
from hqdesk.services.analytics_dto import AnalyticsFilter, DashboardFigures, MonthlySales, ReceivablesSeries
from hqdesk.ui.charts.chart import AGING_COLORS, ChartTable, ChartWidget, Series
from hqdesk.ui.charts.format import (
    MONEY,
    exact,
    fmt_change,
    month_label,
    month_labels,
    month_long,
    partial_note,
)
from hqdesk.ui.i18n import fmt_date
from hqdesk.ui.views.aging import column_title
from hqdesk.ui.views.analytics_common import Loader, open_aging

CONTEXT = "AnalyticsTab"
MONTHS = 12


class AnalyticsTab(QWidget):
    name = "analytics"
    reload_on = frozenset({Entity.LEDGER})

    def __init__(self, host, parent: QWidget | None = None, today=date.today) -> None:
        super().__init__(parent)
        self.host = host
        self._today = today
        self.setObjectName("analyticsTab")
        self._franchisee_id: int | None = None
        self._loaded_for: int | None = None
        self._loader: Loader | None = None
        self.figures_label = QLabel(self)
        self.figures_label.setObjectName("analyticsFigures")
        self.figures_label.setWordWrap(True)
        self.figures_label.setTextFormat(Qt.TextFormat.RichText)
        self._body = QSplitter(Qt.Orientation.Vertical, self)
        self.sales: ChartWidget | None = None
        self.aging: ChartWidget | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.figures_label)
        layout.addWidget(self._body, 1)

    # ----- the ProfileTab protocol ---------------------------------------------------------------------
    def title(self) -> str:
        # a tab's "&" marks its shortcut letter: "&&" shows the ampersand
        return QCoreApplication.translate("AnalyticsTab", "Sales & receivables").replace("&", "&&")

    def load(self, bundle, same: bool = False) -> None:
        self._franchisee_id = None if bundle is None else bundle.detail.id
        if not same:
            self._loaded_for = None
        if bundle is None:
            self.figures_label.setText("")
        if self.isVisible():
            self.reload()

    def set_read_only(self, reason: str) -> None:
        """Read only in any case."""

    def actions(self) -> list[QPushButton]:
        return []

    # ----- loading ------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._franchisee_id is not None and self._loaded_for != self._franchisee_id:
            self.reload()

    def _ensure_charts(self) -> None:
        if self.sales is not None:
            return
        ctx = self.host.ctx
        self._loader = Loader(ctx, self)
        self.sales = ChartWidget(
            QCoreApplication.translate("AnalyticsTab", "Monthly sales and the same month last year"),
            self,
            "profileSales",
        ).attach(ctx)
        self.aging = ChartWidget(
            QCoreApplication.translate("AnalyticsTab", "Aging at each month end"), self, "profileAging"
        ).attach(ctx)
        self.aging.clicked.connect(lambda click: open_aging(self, click.payload))
        self._body.addWidget(self.sales)
        self._body.addWidget(self.aging)

    def reload(self) -> None:
        if self._franchisee_id is None:
            return
        self._ensure_charts()
        fid, today = self._franchisee_id, self._today()
        self._loaded_for = fid
        a, actor = self.host.ctx.services.analytics, self.host.ctx.actor
        one = AnalyticsFilter(franchisee_id=fid)
        first = add_months(month_first(today), 1 - MONTHS)
        self._loader.load("sales", a.monthly_sales, actor, first, today, one, on_done=self._sales)
        self._loader.load("aging", a.receivables_series, actor, today, MONTHS, one, on_done=self._aging)
        self._loader.load("figures", a.dashboard_figures, actor, today, one, on_done=self._figures)

    def _sales(self, sales: MonthlySales) -> None:
        months = [p.month for p in sales.points]
        self.sales.note.setText(partial_note(months, self._today()))
        this_year, last_year = (
            QCoreApplication.translate("AnalyticsTab", "Sales"),
            QCoreApplication.translate("AnalyticsTab", "Same month last year"),
        )
        self.sales.show_bars(
            month_labels(months, self._today()),
            [
                Series(this_year, tuple(p.amount for p in sales.points), "#2e86c1"),
                Series(last_year, tuple(p.last_year for p in sales.points), "#aab7b8"),
            ],
            x_label=QCoreApplication.translate("AnalyticsTab", "Month"),
            y_label=QCoreApplication.translate("AnalyticsTab", "Sales (¥)"),
            kind=MONEY,
            payloads=months,
            hover=[month_long(m) for m in months],
            table=ChartTable(
                (QCoreApplication.translate("AnalyticsTab", "Month"), this_year, last_year),
                tuple((p.key, p.amount, p.last_year) for p in sales.points),
            ),
        )

    def _aging(self, series: ReceivablesSeries) -> None:
        points = series.points
        names = [column_title(label) for label in series.labels]
        self.aging.show_bars(
            [month_label(p.as_of, i == 0) for i, p in enumerate(points)],
            [
                Series(name, tuple(p.buckets[i] for p in points), AGING_COLORS[min(i, len(AGING_COLORS) - 1)])
                for i, name in enumerate(names)
            ],
            x_label=QCoreApplication.translate("AnalyticsTab", "Month end"),
            y_label=QCoreApplication.translate("AnalyticsTab", "Open invoices (¥)"),
            kind=MONEY,
            stacked=True,
            payloads=[p.as_of for p in points],
            hover=[
                QCoreApplication.translate("AnalyticsTab", "As of {date}").format(date=fmt_date(p.as_of))
                for p in points
            ],
            table=ChartTable(
                (
                    QCoreApplication.translate("AnalyticsTab", "Month end"),
                    *names,
                    QCoreApplication.translate("AnalyticsTab", "Receivables"),
                ),
                tuple((p.as_of.isoformat(), *p.buckets, p.total) for p in points),
            ),
        )

    def _figures(self, figures: DashboardFigures) -> None:
        f = {x.key: x for x in figures.figures}
        month, ytd = f["sales_month"], f["sales_ytd"]
        self.figures_label.setText(
            QCoreApplication.translate(
                "AnalyticsTab",
                "Sales this month <b>{month}</b> ({month_change} against last year) · this year <b>{ytd}</b> "
                "({ytd_change}) · receivables <b>{receivables}</b>, overdue <b>{overdue}</b> · DSO <b>{dso}</b>",
            ).format(
                month=exact("money", month.value),
                month_change=fmt_change(month.change),
                ytd=exact("money", ytd.value),
                ytd_change=fmt_change(ytd.change),
                receivables=exact("money", f["receivables"].value),
                overdue=exact("ratio", f["overdue_share"].value),
                dso=exact("days", f["dso"].value),
            )
        )


__all__ = ["AnalyticsTab"]
