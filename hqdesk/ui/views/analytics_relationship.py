"""The Relationship page: complaints by category (Pareto: the few categories behind most complaints),
complaints by month, and visits made against the visit plans by account manager, over the last 12 or 24
months. A click on a category or a month opens the complaint queue; a click on an account manager's bars
opens the franchisee list filtered to that manager.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from hqdesk.domain.changes import Entity
from hqdesk.ui.charts.chart import ChartClick, ChartTable, ChartWidget, Series
from hqdesk.ui.charts.format import COUNT, RATIO, fmt_percent, month_label, month_long
from hqdesk.ui.context import UiContext
from hqdesk.ui.views.analytics_common import (
    AnalyticsPage,
    open_complaint,
    open_franchisees,
)

RELOAD_ON = (Entity.COMPLAINT, Entity.VISIT)


class RelationshipAnalyticsView(AnalyticsPage):
    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(ctx, "relationshipAnalyticsView", parent, today)
        self.categories = ChartWidget(self.tr("Complaints by category"), self, "complaintCategories").attach(
            ctx
        )
        self.by_month = ChartWidget(self.tr("Complaints received by month"), self, "complaintMonths").attach(
            ctx
        )
        self.visits = ChartWidget(self.tr("Visits made against plan by account manager"), self, "visitsPlan")
        self.visits.attach(ctx)
        self.categories.clicked.connect(self._category_clicked)
        self.by_month.clicked.connect(lambda _c: open_complaint(self))
        self.visits.clicked.connect(self._manager_clicked)
        grid = QGridLayout()
        grid.addWidget(self.categories, 0, 0)
        grid.addWidget(self.by_month, 0, 1)
        grid.addWidget(self.visits, 1, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.filter_bar)
        layout.addLayout(grid, 1)
        self.plan = ()
        ctx.bus.changed.connect(lambda changes: changes.touches(*RELOAD_ON) and self.reload())
        self.reload()

    def period(self) -> tuple[date, date]:
        from hqdesk.domain.analytics import add_months, month_first

        today = self._today()
        return add_months(month_first(today), 1 - self.filter_bar.month_count()), today

    def _category_clicked(self, click: ChartClick) -> None:
        """The complaint queue showing that category's complaints (any status)."""
        page = open_complaint(self)
        if page is not None and click.payload is not None:
            page.show_category(int(click.payload))

    def reload(self) -> None:
        start, today = self.period()
        filters = self.filter_bar.filters()
        a, actor = self.ctx.services.analytics, self.ctx.actor
        self.loader.load(
            "categories", a.complaints_by_category, actor, start, today, filters, on_done=self._cats
        )
        self.loader.load("months", a.complaints_by_month, actor, start, today, filters, on_done=self._months)
        self.loader.load("visits", a.visits_against_plan, actor, start, today, filters, on_done=self._visits)

    def _cats(self, rows) -> None:
        if not rows:
            self.categories.note.setText("")
            self.categories.show_empty(self.tr("No complaints in this period."))
            return
        total = sum(r.count for r in rows)
        self.categories.note.setText(self.tr("%n complaint(s)", "", total))
        count, share = self.tr("Complaints"), self.tr("Cumulative share")
        self.categories.show_bars_and_line(
            [r.label for r in rows],
            Series(count, tuple(r.count for r in rows), "#8e44ad"),
            Series(share, tuple(r.cumulative_share for r in rows), "#c0392b"),
            x_label=self.tr("Category (most complaints first)"),
            y_label=count,
            line_label=share,
            kind=COUNT,
            line_kind=RATIO,
            payloads=[r.key for r in rows],
            reference=(0.8, self.tr("80% of complaints")),
            line_max=1.05,
            table=ChartTable(
                (self.tr("Category"), count, share),
                tuple((r.label, r.count, r.cumulative_share) for r in rows),
            ),
        )

    def _months(self, rows) -> None:
        months = [date(int(r.key[:4]), int(r.key[5:7]), 1) for r in rows]
        count = self.tr("Complaints")
        self.by_month.show_bars(
            [month_label(m, i == 0) for i, m in enumerate(months)],
            [Series(count, tuple(r.count for r in rows), "#8e44ad")],
            x_label=self.tr("Month"),
            y_label=count,
            kind=COUNT,
            payloads=months,
            hover=[month_long(m) for m in months],
            table=ChartTable((self.tr("Month"), count), tuple((r.key, r.count) for r in rows)),
        )

    def _visits(self, rows) -> None:
        self.plan = tuple(rows)
        if not rows:
            self.visits.show_empty(self.tr("No franchisee has a visit plan."))
            return
        names = [r.label or self.tr("No account manager") for r in rows]
        planned, made = self.tr("Visits planned"), self.tr("Visits made")
        self.visits.show_bars(
            names,
            [
                Series(planned, tuple(r.planned for r in rows), "#aab7b8"),
                Series(made, tuple(Decimal(r.made) for r in rows), "#27ae60"),
            ],
            x_label=self.tr("Account manager"),
            y_label=self.tr("Visits"),
            kind=COUNT,
            payloads=[int(r.key) if r.key else None for r in rows],
            hover=[
                self.tr(
                    "{name}: {franchisees} franchisees, {visited} visited, {overdue} overdue, {achieved} of plan"
                ).format(
                    name=n,
                    franchisees=r.franchisees,
                    visited=r.visited,
                    overdue=r.overdue,
                    achieved=fmt_percent(r.achieved, 0),
                )
                for n, r in zip(names, rows, strict=True)
            ],
            table=ChartTable(
                (
                    self.tr("Account manager"),
                    self.tr("Franchisees"),
                    planned,
                    made,
                    self.tr("Visited"),
                    self.tr("Overdue"),
                    self.tr("Achieved"),
                ),
                tuple(
                    (n, r.franchisees, r.planned, r.made, r.visited, r.overdue, r.achieved)
                    for n, r in zip(names, rows, strict=True)
                ),
            ),
        )

    def _manager_clicked(self, click: ChartClick) -> None:
        if click.payload is not None:
            open_franchisees(self, account_manager_id=click.payload)


__all__ = ["RelationshipAnalyticsView"]
