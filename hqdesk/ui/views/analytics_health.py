"""The Health page: every active franchisee's health score (0-100, from the sales trend, days overdue, open
complaints and days since the last visit; how it is made: ``domain.health``), the franchisees at risk of
leaving with their reasons, and the value segments (ABC by sales over the last 12 months, RFM scores).
A double-click on a row opens the franchisee's profile.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from hqdesk.domain.analytics import add_months, month_first
from hqdesk.domain.changes import Entity
from hqdesk.domain.health import BAND_LABELS, REASON_LABELS, SALES_FALLING
from hqdesk.services.analytics_dto import FranchiseeHealth, HealthReport, SegmentRow, Segments
from hqdesk.ui.charts.chart import ChartTable, ChartWidget, Series
from hqdesk.ui.charts.format import COUNT, exact, fmt_percent
from hqdesk.ui.context import UiContext
from hqdesk.ui.i18n import fmt_date, fmt_money
from hqdesk.ui.models.base import RowsModel
from hqdesk.ui.views.analytics_common import AnalyticsPage, open_profile
from hqdesk.ui.views.analytics_sales import rows_table

RELOAD_ON = (Entity.LEDGER, Entity.COMPLAINT, Entity.VISIT, Entity.FRANCHISEE)
BAND_COLORS = {"healthy": "#1e8449", "watch": "#b9770e", "at_risk": "#c0392b"}


def band_text(band: str) -> str:
    return QCoreApplication.translate("Analytics", BAND_LABELS[band]) if band in BAND_LABELS else band


def reason_text(reason: str, report: HealthReport | None) -> str:
    if reason not in REASON_LABELS:
        return reason
    n = (
        (report.falling_months if report else 3)
        if reason == SALES_FALLING
        else (report.no_visit_days if report else 90)
    )
    return QCoreApplication.translate("Analytics", REASON_LABELS[reason]).format(n=n)


class HealthModel(RowsModel[FranchiseeHealth]):
    CONTEXT = "HealthModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("HealthModel", "Code"),
        QT_TRANSLATE_NOOP("HealthModel", "Franchisee"),
        QT_TRANSLATE_NOOP("HealthModel", "Score"),
        QT_TRANSLATE_NOOP("HealthModel", "Health"),
        QT_TRANSLATE_NOOP("HealthModel", "Sales, last 3 months"),
        QT_TRANSLATE_NOOP("HealthModel", "A year earlier"),
        QT_TRANSLATE_NOOP("HealthModel", "Days overdue"),
        QT_TRANSLATE_NOOP("HealthModel", "Open complaints"),
        QT_TRANSLATE_NOOP("HealthModel", "Days since visit"),
        QT_TRANSLATE_NOOP("HealthModel", "At risk because"),
    )
    report: HealthReport | None = None

    def cells(self, r: FranchiseeHealth) -> tuple[str, ...]:
        return (
            r.code,
            r.name,
            str(r.score),
            band_text(r.band),
            fmt_money(r.recent_sales),
            fmt_money(r.year_ago_sales),
            str(max(r.max_days_overdue, 0)),
            str(r.open_complaints),
            QCoreApplication.translate("HealthModel", "never")
            if r.days_since_visit is None
            else str(r.days_since_visit),
            ", ".join(reason_text(x, self.report) for x in r.reasons),
        )

    def role_data(self, row: int, column: int, role: int):
        r = self.row(row)
        if role == Qt.ItemDataRole.ForegroundRole and column in (2, 3):
            return QColor(BAND_COLORS.get(r.band, "#000000"))
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= column <= 8 and column != 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 3):
            return QCoreApplication.translate(
                "HealthModel",
                "Sales trend {sales}/100, payment {payment}/100, complaints {complaints}/100, contact {contact}/100",
            ).format(
                sales=r.sales_part,
                payment=r.payment_part,
                complaints=r.complaints_part,
                contact=r.contact_part,
            )
        return None


class SegmentsModel(RowsModel[SegmentRow]):
    CONTEXT = "SegmentsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("SegmentsModel", "Code"),
        QT_TRANSLATE_NOOP("SegmentsModel", "Franchisee"),
        QT_TRANSLATE_NOOP("SegmentsModel", "Sales"),
        QT_TRANSLATE_NOOP("SegmentsModel", "ABC"),
        QT_TRANSLATE_NOOP("SegmentsModel", "Last invoice"),
        QT_TRANSLATE_NOOP("SegmentsModel", "Invoices"),
        QT_TRANSLATE_NOOP("SegmentsModel", "RFM"),
    )

    def cells(self, r: SegmentRow) -> tuple[str, ...]:
        return (r.code, r.name, fmt_money(r.sales), r.abc, fmt_date(r.last_invoice), str(r.frequency), r.rfm)

    def role_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 6:
            r = self.row(row)
            return QCoreApplication.translate(
                "SegmentsModel", "Recency {r}, frequency {f}, value {m} (5 best, by quintile)"
            ).format(r=r.r, f=r.f, m=r.m)
        return None


class HealthAnalyticsView(AnalyticsPage):
    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(ctx, "healthAnalyticsView", parent, today)
        self.filter_bar.months.hide()  # the score has its own windows; the segments take 12 months
        self.only_at_risk = QCheckBox(self.tr("Only franchisees at risk of leaving"), self)
        self.only_at_risk.setObjectName("onlyAtRisk")
        self.only_at_risk.toggled.connect(self._show_health)
        self.summary = QLabel(self)
        self.summary.setObjectName("healthSummary")
        self.health = HealthModel(self)
        self.health_view = rows_table(self, self.health)
        self.health_view.setObjectName("healthTable")
        self.health_view.activated.connect(
            lambda i: open_profile(self, self.health.row(i.row()).franchisee_id)
        )
        self.how = QLabel(
            self.tr(
                "Score 0-100: sales trend 40% (last 3 months against a year earlier), payment 30% (days overdue), "
                "complaints 15% (open ones), contact 15% (days since the last visit). 70 or more healthy, "
                "below 40 at risk."
            ),
            self,
        )
        self.how.setObjectName("healthHow")
        self.how.setWordWrap(True)
        self.how.setStyleSheet("color: #5d6d7e;")
        health_box = QWidget(self)
        hv = QVBoxLayout(health_box)
        head = QHBoxLayout()
        head.addWidget(self.only_at_risk)
        head.addWidget(self.summary, 1)
        hv.addLayout(head)
        hv.addWidget(self.health_view, 1)
        hv.addWidget(self.how)

        self.segments = SegmentsModel(self)
        self.segments_view = rows_table(self, self.segments)
        self.segments_view.setObjectName("segmentsTable")
        self.segments_view.activated.connect(
            lambda i: open_profile(self, self.segments.row(i.row()).franchisee_id)
        )
        self.abc = ChartWidget(self.tr("Franchisees and sales by ABC class"), self, "abcChart").attach(ctx)
        seg_box = QSplitter(Qt.Orientation.Horizontal, self)
        seg_box.addWidget(self.segments_view)
        seg_box.addWidget(self.abc)
        seg_box.setStretchFactor(0, 3)
        seg_box.setStretchFactor(1, 2)
        seg_box.setSizes([640, 420])

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("healthTabs")
        self.tabs.addTab(health_box, self.tr("Health score"))
        self.tabs.addTab(seg_box, self.tr("Value segments (ABC, RFM)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.tabs, 1)
        self.report: HealthReport | None = None
        ctx.bus.changed.connect(lambda changes: changes.touches(*RELOAD_ON) and self.reload())
        self.reload()

    def reload(self) -> None:
        today, filters = self._today(), self.filter_bar.filters()
        a, actor = self.ctx.services.analytics, self.ctx.actor
        last = add_months(month_first(today), -1)  # the last whole month
        self.loader.load("health", a.franchisee_health, actor, today, filters, on_done=self._health)
        self.loader.load(
            "segments", a.segments, actor, add_months(last, -11), last, filters, on_done=self._segments
        )

    def _health(self, report: HealthReport) -> None:
        self.report = report
        self._show_health()

    def _show_health(self, *_args) -> None:
        report = self.report
        if report is None:
            return
        HealthModel.report = report
        rows = report.at_risk if self.only_at_risk.isChecked() else report.rows
        self.health.set_rows(rows)
        at_risk, total = len(report.at_risk), len(report.rows)
        self.summary.setText(
            self.tr("%n franchisee(s) at risk of leaving", "", at_risk)
            + " · "
            + self.tr("%n active", "", total)
        )

    def _segments(self, segments: Segments) -> None:
        self.segments.set_rows(segments.rows)
        counts, sales = segments.abc_counts(), segments.abc_sales()
        franchisees = self.tr("Franchisees")
        classes = ["A", "B", "C"]
        total = sum(sales.values()) or 1
        self.abc.note.setText(
            " · ".join(
                self.tr("{abc}: {share} of sales").format(abc=c, share=fmt_percent(sales[c] / total, 0))
                for c in classes
            )
        )
        self.abc.show_bars(
            [self.tr("Class {abc}").format(abc=c) for c in classes],
            [Series(franchisees, tuple(counts[c] for c in classes), "#5d8aa8")],
            x_label=self.tr("ABC class by sales"),
            y_label=franchisees,
            kind=COUNT,
            payloads=classes,
            hover=[
                self.tr("Class {abc}: {sales} of sales").format(abc=c, sales=exact("money", sales[c]))
                for c in classes
            ],
            table=ChartTable(
                (self.tr("Class"), franchisees, self.tr("Sales")),
                tuple((c, counts[c], sales[c]) for c in classes),
            ),
        )


__all__ = ["HealthAnalyticsView", "HealthModel", "SegmentsModel"]
