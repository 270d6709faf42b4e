"""The Sales page: monthly sales with the same month last year (bars side by side), and the top franchisees
with the Pareto line (their cumulative share of sales, the 80 % line, and what share the top 20 % bring).
Filters: region, tier, account manager, one franchisee, the last 12 or 24 months.

A click on a month lists that month's sales by franchisee beside the chart; a click on a franchisee's bar,
or a double-click in that list, opens its profile.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from hqdesk.domain.analytics import add_months, month_end, month_first
from hqdesk.domain.changes import Entity
from hqdesk.services.analytics_dto import BY_FRANCHISEE, AnalyticsFilter, MonthlySales, Pareto, SalesRow
from hqdesk.ui.charts.chart import ChartClick, ChartTable, ChartWidget, Series
from hqdesk.ui.charts.format import (
    MONEY,
    RATIO,
    fmt_percent,
    month_labels,
    month_long,
    partial_note,
)
from hqdesk.ui.context import UiContext
from hqdesk.ui.export import TableExport
from hqdesk.ui.i18n import fmt_date, fmt_money
from hqdesk.ui.models.base import RowsModel
from hqdesk.ui.views.analytics_common import AnalyticsPage, open_profile

RELOAD_ON = (Entity.LEDGER,)
TOP = 20


class SalesRowsModel(RowsModel[SalesRow]):
    CONTEXT = "SalesRowsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("SalesRowsModel", "Code"),
        QT_TRANSLATE_NOOP("SalesRowsModel", "Franchisee"),
        QT_TRANSLATE_NOOP("SalesRowsModel", "Sales"),
    )

    def cells(self, r: SalesRow) -> tuple[str, ...]:
        return (r.key, r.label, fmt_money(r.amount))

    def role_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def rows_table(parent: QWidget, model) -> QTableView:
    from hqdesk.ui.views.profile.tabs import table_view

    view = table_view(parent)
    TableExport(view, "rows")
    # columns sized to the first rows, not to all 5,000 franchisees (measuring every row took 0.5 s)
    view.horizontalHeader().setResizeContentsPrecision(100)
    view.setModel(model)
    return view


class SalesAnalyticsView(AnalyticsPage):
    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(ctx, "salesAnalyticsView", parent, today)
        self.monthly = ChartWidget(
            self.tr("Monthly sales and the same month last year"), self, "monthlySales"
        )
        self.monthly.attach(ctx)
        self.monthly.clicked.connect(self._month_clicked)
        self.pareto = ChartWidget(
            self.tr("Top franchisees and their cumulative share"), self, "topFranchisees"
        )
        self.pareto.attach(ctx)
        self.pareto.clicked.connect(self._franchisee_clicked)
        self.detail_title = QLabel(self.tr("Click a month to see its sales by franchisee."), self)
        self.detail_title.setObjectName("salesDetailTitle")
        self.detail_title.setWordWrap(True)
        self.detail = SalesRowsModel(self)
        self.detail_view = rows_table(self, self.detail)
        self.detail_view.setObjectName("salesDetail")
        self.detail_view.activated.connect(
            lambda i: open_profile(self, self.detail.row(i.row()).franchisee_id)
        )
        side = QWidget(self)
        sv = QVBoxLayout(side)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(self.detail_title)
        sv.addWidget(self.detail_view, 1)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.pareto)
        lower.addWidget(side)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.monthly)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.filter_bar)
        layout.addWidget(split, 1)
        self.sales: MonthlySales | None = None
        self._breakdown_shown = False
        self.top: Pareto | None = None
        ctx.bus.changed.connect(lambda changes: changes.touches(*RELOAD_ON) and self.reload())
        self.reload()

    def period(self) -> tuple[date, date]:
        today = self._today()
        return add_months(month_first(today), 1 - self.filter_bar.month_count()), today

    def reload(self) -> None:
        first, today = self.period()
        filters = self.filter_bar.filters()
        analytics, actor = self.ctx.services.analytics, self.ctx.actor
        self.loader.load(
            "monthly", analytics.monthly_sales, actor, first, today, filters, on_done=self._monthly
        )
        self.loader.load(
            "pareto", analytics.top_franchisees, actor, first, today, filters, TOP, on_done=self._pareto
        )

    def _monthly(self, sales: MonthlySales) -> None:
        self.sales = sales
        months = [p.month for p in sales.points]
        this_year, last_year = self.tr("Sales"), self.tr("Same month last year")
        note = self.tr("{total} in all, last year {last}").format(
            total=fmt_money(sales.total), last=fmt_money(sales.total_last_year)
        )
        if not self._breakdown_shown and months:  # until a month is clicked: the latest month's franchisees
            self._breakdown_shown = True
            self.show_breakdown(months[-1], min(month_end(months[-1]), self._today()))
        partial = partial_note(months, self._today())
        self.monthly.note.setText(note + ("  " + partial if partial else ""))
        self.monthly.show_bars(
            month_labels(months, self._today()),
            [
                Series(this_year, tuple(p.amount for p in sales.points), "#2e86c1"),
                Series(last_year, tuple(p.last_year for p in sales.points), "#aab7b8"),
            ],
            x_label=self.tr("Month"),
            y_label=self.tr("Sales (¥)"),
            kind=MONEY,
            payloads=months,
            hover=[month_long(m) for m in months],
            table=ChartTable(
                (self.tr("Month"), this_year, last_year),
                tuple((p.key, p.amount, p.last_year) for p in sales.points),
            ),
        )

    def _pareto(self, top: Pareto) -> None:
        self.top = top
        if not top.rows:
            self.pareto.note.setText("")
            self.pareto.show_empty(self.tr("No sales in this period."))
            return
        self.pareto.note.setText(
            self.tr("The top 20% of {n} franchisees bring {share} of sales.").format(
                n=top.franchisees, share=fmt_percent(top.top20_share)
            )
        )
        sales, share = self.tr("Sales"), self.tr("Cumulative share")
        self.pareto.show_bars_and_line(
            [r.code for r in top.rows],
            Series(sales, tuple(r.amount for r in top.rows), "#2e86c1"),
            Series(share, tuple(r.cumulative_share for r in top.rows), "#c0392b"),
            x_label=self.tr("Franchisee (by sales)"),
            y_label=self.tr("Sales (¥)"),
            line_label=self.tr("Cumulative share of all sales"),
            kind=MONEY,
            line_kind=RATIO,
            payloads=[r.franchisee_id for r in top.rows],
            hover=[f"{r.rank}. {r.code} {r.name}" for r in top.rows],
            reference=(0.8, self.tr("80% of sales")),
            line_max=1.05,
            table=ChartTable(
                (self.tr("Rank"), self.tr("Code"), self.tr("Franchisee"), sales, share),
                tuple((r.rank, r.code, r.name, r.amount, r.cumulative_share) for r in top.rows),
            ),
        )

    # ----- click-through --------------------------------------------------------------------------------
    def _month_clicked(self, click: ChartClick) -> None:
        month: date = click.payload
        if click.series == 1:  # the bar of last year: that month's franchisees
            month = add_months(month, -12)
        self.show_breakdown(month, min(month_end(month), self._today()))

    def show_breakdown(self, start: date, end: date, filters: AnalyticsFilter | None = None) -> None:
        """List the sales of [start, end] by franchisee beside the chart (a month's bar, a start-screen figure)."""
        self._breakdown_shown = True
        filters = filters if filters is not None else self.filter_bar.filters()
        title = self.tr("Sales from {start} to {end} by franchisee").format(
            start=fmt_date(start), end=fmt_date(end)
        )
        self.detail_title.setText(title + " — " + self.tr("loading…"))

        def shown(rows: list[SalesRow]) -> None:
            self.detail.set_rows(rows)
            self.detail_title.setText(
                title
                + " — "
                + QCoreApplication.translate("SalesAnalyticsView", "%n franchisee(s)", "", len(rows))
            )

        self.loader.load(
            "detail",
            self.ctx.services.analytics.sales_breakdown,
            self.ctx.actor,
            start,
            end,
            BY_FRANCHISEE,
            filters,
            on_done=shown,
        )

    def _franchisee_clicked(self, click: ChartClick) -> None:
        open_profile(self, click.payload)


__all__ = ["SalesAnalyticsView", "SalesRowsModel"]
