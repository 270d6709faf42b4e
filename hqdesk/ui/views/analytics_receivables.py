"""The Receivables page: where the money is stuck, at each of the last 12 or 24 month ends.

- Aging by bucket (stacked bars: not due at the bottom, the oldest on top); a click opens the Aging page as of
  that month end.
- Overdue amount (bars) and its share of receivables (line, right axis); a click opens the Aging page.
- DSO (countback) over time.
- The bad-debt loss rate of the rolling 12 months against the credit policy's normal rate (dashed line).
- Credit-limit use across franchisees (how many in each band); a click lists the band's franchisees beside it,
  a double-click there opens the profile.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from hqdesk.domain.changes import Entity
from hqdesk.services.analytics_dto import (
    LIMIT_BANDS,
    FranchiseeReceivables,
    LimitUse,
    LimitUseRow,
    LossRateSeries,
    ReceivablesSeries,
)
from hqdesk.ui.charts.chart import AGING_COLORS, ChartClick, ChartTable, ChartWidget, Series
from hqdesk.ui.charts.format import COUNT, DAYS, MONEY, RATIO, fmt_percent, month_label, month_long
from hqdesk.ui.context import UiContext
from hqdesk.ui.i18n import fmt_date, fmt_money
from hqdesk.ui.models.base import RowsModel
from hqdesk.ui.views.aging import column_title
from hqdesk.ui.views.analytics_common import (
    AnalyticsPage,
    open_aging,
    open_profile,
)
from hqdesk.ui.views.analytics_sales import rows_table

RELOAD_ON = (Entity.LEDGER, Entity.CREDIT_PROFILE)
CHART_HEIGHT = 300


def band_title(band: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "0-50%": QCoreApplication.translate("ReceivablesAnalyticsView", "Under 50%"),
        "50-80%": QCoreApplication.translate("ReceivablesAnalyticsView", "50% to 80%"),
        "80-100%": QCoreApplication.translate("ReceivablesAnalyticsView", "80% to 100%"),
        ">100%": QCoreApplication.translate("ReceivablesAnalyticsView", "Over the limit"),
    }.get(band, band)


class LimitUseModel(RowsModel[LimitUseRow]):
    CONTEXT = "LimitUseModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("LimitUseModel", "Code"),
        QT_TRANSLATE_NOOP("LimitUseModel", "Franchisee"),
        QT_TRANSLATE_NOOP("LimitUseModel", "Receivables"),
        QT_TRANSLATE_NOOP("LimitUseModel", "Credit limit"),
        QT_TRANSLATE_NOOP("LimitUseModel", "Use"),
    )

    def cells(self, r: LimitUseRow) -> tuple[str, ...]:
        return (r.code, r.name, fmt_money(r.balance), fmt_money(r.credit_limit), fmt_percent(r.use))

    def role_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BehindModel(RowsModel[FranchiseeReceivables]):
    """The franchisees behind an aging or overdue bar: the bar's amount, their receivables."""

    CONTEXT = "BehindModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("BehindModel", "Code"),
        QT_TRANSLATE_NOOP("BehindModel", "Franchisee"),
        QT_TRANSLATE_NOOP("BehindModel", "Amount"),
        QT_TRANSLATE_NOOP("BehindModel", "Overdue"),
        QT_TRANSLATE_NOOP("BehindModel", "Receivables"),
    )
    as_of: date | None = None
    _amount = staticmethod(lambda r: r.overdue)

    def set_behind(self, as_of: date, what: str, amount, rows) -> None:
        self.as_of, self.what, self._amount = as_of, what, amount
        self.set_rows(rows)

    def header_text(self, section: int) -> str:
        if section == 2 and getattr(self, "what", ""):
            return self.what
        return super().header_text(section)

    def cells(self, r: FranchiseeReceivables) -> tuple[str, ...]:
        return (r.code, r.name, fmt_money(self._amount(r)), fmt_money(r.overdue), fmt_money(r.total))

    def role_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ReceivablesAnalyticsView(AnalyticsPage):
    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(ctx, "receivablesAnalyticsView", parent, today)

        def chart(title: str, name: str) -> ChartWidget:
            widget = ChartWidget(title, self, name).attach(ctx)
            widget.setMinimumHeight(CHART_HEIGHT)
            return widget

        self.aging = chart(self.tr("Aging at each month end"), "agingChart")
        self.overdue = chart(self.tr("Overdue amount and share of receivables"), "overdueChart")
        self.dso = chart(self.tr("Days sales outstanding (DSO)"), "dsoChart")
        self.loss = chart(self.tr("Bad-debt loss rate, rolling 12 months"), "lossRateChart")
        self.limits = chart(self.tr("Credit-limit use"), "limitUseChart")
        self.aging.clicked.connect(lambda click: self.show_behind(click.payload, click.series))
        self.overdue.clicked.connect(lambda click: self.show_behind(click.payload))
        self.limits.clicked.connect(self._band_clicked)
        self.band_title = QLabel(self.tr("Click a bar to see the franchisees behind it."), self)
        self.band_title.setObjectName("bandTitle")
        self.band_title.setWordWrap(True)
        self.band_rows = LimitUseModel(self)
        self.band_view = rows_table(self, self.band_rows)
        self.band_view.setObjectName("bandFranchisees")
        self.band_view.activated.connect(
            lambda i: open_profile(self, self.band_view.model().row(i.row()).franchisee_id)
        )
        self.behind = BehindModel(self)  # the franchisees behind an aging or overdue bar
        self.aging_button = QPushButton(self)
        self.aging_button.setObjectName("openAging")
        self.aging_button.hide()
        self.aging_button.clicked.connect(lambda: open_aging(self, self.behind.as_of))
        band_box = QWidget(self)
        bv = QVBoxLayout(band_box)
        bv.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.band_title, 1)
        head.addWidget(self.aging_button)
        bv.addLayout(head)
        bv.addWidget(self.band_view, 1)
        band_box.setMinimumHeight(CHART_HEIGHT)

        content = QWidget(self)
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.aging, 0, 0, 1, 2)
        grid.addWidget(self.overdue, 1, 0)
        grid.addWidget(self.dso, 1, 1)
        grid.addWidget(self.loss, 2, 0)
        grid.addWidget(self.limits, 2, 1)
        grid.addWidget(band_box, 3, 0, 1, 2)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.filter_bar)
        layout.addWidget(scroll, 1)
        self.series: ReceivablesSeries | None = None
        self.limit_use: LimitUse | None = None
        self.band = ">100%"
        ctx.bus.changed.connect(lambda changes: changes.touches(*RELOAD_ON) and self.reload())
        self.reload()

    def reload(self) -> None:
        today, count, filters = self._today(), self.filter_bar.month_count(), self.filter_bar.filters()
        analytics, actor = self.ctx.services.analytics, self.ctx.actor
        self.loader.load(
            "series", analytics.receivables_series, actor, today, count, filters, on_done=self._series
        )
        self.loader.load("loss", analytics.loss_rate_series, actor, today, count, filters, on_done=self._loss)
        self.loader.load("limits", analytics.credit_limit_use, actor, today, filters, on_done=self._limits)

    # ----- the charts -----------------------------------------------------------------------------------
    def _series(self, series: ReceivablesSeries) -> None:
        self.series = series
        points = series.points
        months = [p.as_of for p in points]
        labels = [month_label(p.as_of, i == 0) for i, p in enumerate(points)]
        hover = [self.tr("As of {date}").format(date=fmt_date(p.as_of)) for p in points]
        names = [column_title(label) for label in series.labels]
        month = self.tr("Month end")
        self.aging.show_bars(
            labels,
            [
                Series(name, tuple(p.buckets[i] for p in points), AGING_COLORS[min(i, len(AGING_COLORS) - 1)])
                for i, name in enumerate(names)
            ],
            x_label=month,
            y_label=self.tr("Open invoices (¥)"),
            kind=MONEY,
            stacked=True,
            payloads=months,
            hover=hover,
            table=ChartTable(
                (month, *names, self.tr("Unapplied credit"), self.tr("Receivables")),
                tuple((p.as_of.isoformat(), *p.buckets, p.unapplied, p.total) for p in points),
            ),
        )
        amount, share = self.tr("Overdue"), self.tr("Share of receivables")
        self.overdue.show_bars_and_line(
            labels,
            Series(amount, tuple(p.overdue for p in points), "#e67e22"),
            Series(share, tuple(p.overdue_share for p in points), "#c0392b"),
            x_label=month,
            y_label=self.tr("Overdue (¥)"),
            line_label=self.tr("Share overdue"),
            kind=MONEY,
            line_kind=RATIO,
            payloads=months,
            hover=hover,
            table=ChartTable(
                (month, amount, self.tr("Receivables"), share),
                tuple((p.as_of.isoformat(), p.overdue, p.total, p.overdue_share) for p in points),
            ),
        )
        dso = self.tr("DSO")
        self.dso.show_lines(
            labels,
            [Series(dso, tuple(p.dso for p in points), "#2e86c1")],
            x_label=month,
            y_label=self.tr("Days"),
            kind=DAYS,
            payloads=months,
            hover=hover,
            table=ChartTable(
                (month, dso, self.tr("Receivables"), self.tr("Credit sales of the month")),
                tuple((p.as_of.isoformat(), p.dso, p.total, p.credit_sales) for p in points),
            ),
        )

    def _loss(self, series: LossRateSeries) -> None:
        points = series.points
        rate, normal = (
            self.tr("Loss rate"),
            self.tr("Normal rate ({rate})").format(rate=fmt_percent(series.normal_rate)),
        )
        self.loss.show_lines(
            [month_label(p.month, i == 0) for i, p in enumerate(points)],
            [Series(rate, tuple(p.rate for p in points), "#c0392b")],
            x_label=self.tr("12 months ending with"),
            y_label=self.tr("Write-offs ÷ credit sales"),
            kind=RATIO,
            payloads=[p.month for p in points],
            hover=[month_long(p.month) for p in points],
            reference=(float(series.normal_rate), normal),
            table=ChartTable(
                (
                    self.tr("Month"),
                    self.tr("Write-offs"),
                    self.tr("Credit sales"),
                    rate,
                    self.tr("Normal rate"),
                ),
                tuple((p.key, p.write_offs, p.credit_sales, p.rate, series.normal_rate) for p in points),
            ),
        )

    def _limits(self, use: LimitUse) -> None:
        self.limit_use = use
        counts = dict(use.bands)
        franchisees = self.tr("Franchisees")
        self.limits.note.setText(
            self.tr("%n franchisee(s) owing money without a credit limit", "", use.without_limit)
            if use.without_limit
            else ""
        )
        titles = [band_title(b) for b in LIMIT_BANDS]
        self.limits.show_bars(
            titles,
            [Series(franchisees, tuple(counts.get(b, 0) for b in LIMIT_BANDS), "#5d8aa8")],
            x_label=self.tr("Receivables ÷ credit limit"),
            y_label=franchisees,
            kind=COUNT,
            payloads=list(LIMIT_BANDS),
            table=ChartTable(
                (
                    self.tr("Code"),
                    self.tr("Franchisee"),
                    self.tr("Receivables"),
                    self.tr("Credit limit"),
                    self.tr("Use"),
                    self.tr("Band"),
                ),
                tuple(
                    (r.code, r.name, r.balance, r.credit_limit, r.use, band_title(r.band)) for r in use.rows
                ),
            ),
        )

        self.show_band(self.band)  # the franchisees over their limit until another band is clicked

    # ----- click-through --------------------------------------------------------------------------------
    def show_behind(self, as_of: date, bucket: int | None = None) -> None:
        labels = self.series.labels if self.series else ()
        what = (
            column_title(labels[bucket])
            if bucket is not None and bucket < len(labels)
            else self.tr("Overdue")
        )
        title = self.tr("{what} as of {date}").format(what=what, date=fmt_date(as_of))
        self.band_title.setText(title + " — " + self.tr("loading…"))
        self.aging_button.setText(self.tr("Open the Aging page as of {date}").format(date=fmt_date(as_of)))
        self.aging_button.show()

        def shown(result) -> None:
            _labels, rows = result
            key = (lambda r: r.buckets[bucket]) if bucket is not None else (lambda r: r.overdue)
            rows = sorted((r for r in rows if key(r) > 0), key=lambda r: (-key(r), r.code))
            self.behind.set_behind(as_of, what, key, rows)
            self.band_view.setModel(self.behind)
            count = len(rows)
            self.band_title.setText(title + " — " + self.tr("%n franchisee(s)", "", count))

        self.loader.load(
            "behind",
            self.ctx.services.analytics.receivables_by_franchisee,
            self.ctx.actor,
            as_of,
            self.filter_bar.filters(),
            on_done=shown,
        )

    def _band_clicked(self, click: ChartClick) -> None:
        self.show_band(click.payload)

    def show_band(self, band: str) -> None:
        self.band = band
        self.aging_button.hide()
        self.band_view.setModel(self.band_rows)
        rows = [r for r in (self.limit_use.rows if self.limit_use else ()) if r.band == band]
        self.band_rows.set_rows(rows)
        count = len(rows)
        self.band_title.setText(
            self.tr("Credit-limit use {band}: %n franchisee(s)", "", count).format(band=band_title(band))
        )


__all__ = ["ReceivablesAnalyticsView", "LimitUseModel"]
