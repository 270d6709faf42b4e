"""The start screen's key figures and the lists that need attention today, each clicking through to the list
behind it. No chart library here: the start screen stays cheap.

Figures (``AnalyticsService.dashboard_figures``): sales this month and year to date against the same days
last year (change in %), receivables and their overdue share, DSO, the bad-debt loss rate of the rolling
12 months against the normal rate. Lists: my overdue complaints, the open dunning actions, the franchisees
on credit hold. Each part is loaded on its own through ``ui/tasks.py`` and shows as soon as it arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QCursor
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hqdesk.domain.changes import Entity
from hqdesk.domain.credit import DUNNING_ACTION_LABELS
from hqdesk.services.analytics_dto import FIGURE_LABELS, AnalyticsFilter, DashboardFigures, Figure
from hqdesk.ui.charts.format import exact, fmt_change, fmt_percent
from hqdesk.ui.context import UiContext
from hqdesk.ui.i18n import fmt_datetime, fmt_money, tr_enum
from hqdesk.ui.models.base import RowsModel
from hqdesk.ui.views.analytics_common import Loader, open_aging, open_complaint, open_page, open_profile

CONTEXT = "HomeFigures"
RELOAD_ON = (Entity.LEDGER, Entity.CREDIT_PROFILE, Entity.CREDIT_POLICY, Entity.COMPLAINT)
FIGURE_TITLES = FIGURE_LABELS  # the analytics' display names, context "Analytics"
LIST_ROWS = 8  # rows a list shows before "and N more"


class FigureCard(QFrame):
    """One key figure: its name, its value, its comparison; a click opens the list behind it."""

    clicked = Signal(object)  # the Figure

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.figure: Figure | None = None
        self.setObjectName(f"figure_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        self.setStyleSheet("QFrame { background: #fbfcfc; border-radius: 4px; }")
        self.name = QLabel(QCoreApplication.translate("Analytics", FIGURE_TITLES[key]), self)
        self.name.setStyleSheet("color: #5d6d7e;")
        self.value = QLabel("…", self)
        self.value.setObjectName("figureValue")
        self.value.setStyleSheet("font-size: 20px; font-weight: bold; color: #2c3e50;")
        self.compare = QLabel(self)
        self.compare.setObjectName("figureCompare")
        self.compare.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.name)
        layout.addWidget(self.value)
        layout.addWidget(self.compare)
        self.setToolTip(
            QCoreApplication.translate("HomeFigures", "Click to see the list behind this figure.")
        )

    def set_figure(self, figure: Figure) -> None:
        self.figure = figure
        self.value.setText(exact(figure.unit, figure.value) if figure.value is not None else "–")
        good: bool | None = None
        if figure.key in ("sales_month", "sales_ytd"):
            change = figure.change
            self.compare.setText(
                QCoreApplication.translate("HomeFigures", "{change} against last year ({previous})").format(
                    change=fmt_change(change), previous=fmt_money(figure.previous)
                )
                if change is not None
                else QCoreApplication.translate("HomeFigures", "last year {previous}").format(
                    previous=fmt_money(figure.previous)
                )
            )
            good = None if change is None else change >= 0
        elif figure.key == "bad_debt_loss_rate" and figure.target is not None:
            self.compare.setText(
                QCoreApplication.translate("HomeFigures", "normal rate {rate}").format(
                    rate=fmt_percent(figure.target)
                )
            )
            good = None if figure.value is None else figure.value <= figure.target
        elif figure.key == "overdue_share":
            self.compare.setText(QCoreApplication.translate("HomeFigures", "of receivables past due"))
        elif figure.key == "dso":
            self.compare.setText(QCoreApplication.translate("HomeFigures", "days of sales not yet collected"))
        elif figure.key == "receivables":
            self.compare.setText(
                QCoreApplication.translate("HomeFigures", "open invoices less unapplied credit")
            )
        color = "#5d6d7e" if good is None else ("#1e8449" if good else "#c0392b")
        self.compare.setStyleSheet(f"color: {color};")

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.figure is not None:
            self.clicked.emit(self.figure)


class FiguresPanel(QWidget):
    """The six key figures in a grid of cards; ``loaded`` once they are shown."""

    loaded = Signal()

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._today = today
        self.loader = Loader(ctx, self)
        self.mine = False
        self.cards = {key: FigureCard(key, self) for key in FIGURE_TITLES}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 3, i % 3)
            card.clicked.connect(self.open_figure)
        self.figures: DashboardFigures | None = None
        ctx.bus.changed.connect(lambda changes: changes.touches(*RELOAD_ON) and self.reload())

    def filters(self) -> AnalyticsFilter:
        return AnalyticsFilter(account_manager_id=self.ctx.actor.user_id) if self.mine else AnalyticsFilter()

    def reload(self) -> None:
        self.loader.load(
            "figures",
            self.ctx.services.analytics.dashboard_figures,
            self.ctx.actor,
            self._today(),
            self.filters(),
            on_done=self._shown,
        )

    def _shown(self, figures: DashboardFigures) -> None:
        self.figures = figures
        for figure in figures.figures:
            if figure.key in self.cards:
                self.cards[figure.key].set_figure(figure)
        self.loaded.emit()

    def open_figure(self, figure: Figure) -> QWidget | None:
        """The list behind a figure: the sales by franchisee of the period, the aging as of today, the
        receivables charts (DSO, loss rate)."""
        click = figure.click
        if click is None:
            return None
        if click.view == "sales":
            page = open_page(self, "sales_analytics")
            if page is not None:
                page.show_breakdown(click.start, click.end, click.filters)
            return page
        if click.view in ("aging", "overdue"):
            return open_aging(self, click.as_of or self._today())
        return open_page(self, "receivables_analytics")


# ----- the lists ---------------------------------------------------------------------------------------
class OverdueComplaintsModel(RowsModel):
    CONTEXT = "HomeFigures"
    HEADERS = (
        QT_TRANSLATE_NOOP("HomeFigures", "Complaint"),
        QT_TRANSLATE_NOOP("HomeFigures", "Franchisee"),
        QT_TRANSLATE_NOOP("HomeFigures", "Was due"),
        QT_TRANSLATE_NOOP("HomeFigures", "Summary"),
    )

    def cells(self, c) -> tuple[str, ...]:
        return (c.number, c.franchisee_name, fmt_datetime(c.due_at), c.summary)

    def role_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            return QColor("#c0392b")
        return None


class DunningDueModel(RowsModel):
    CONTEXT = "HomeFigures"
    HEADERS = (
        QT_TRANSLATE_NOOP("HomeFigures", "Franchisee"),
        QT_TRANSLATE_NOOP("HomeFigures", "Action"),
        QT_TRANSLATE_NOOP("HomeFigures", "Days overdue"),
        QT_TRANSLATE_NOOP("HomeFigures", "Overdue"),
    )

    def cells(self, t) -> tuple[str, ...]:
        return (
            f"{t.franchisee_code} {t.franchisee_name}",
            tr_enum(DUNNING_ACTION_LABELS[t.action]),
            str(t.days_overdue),
            fmt_money(t.amount_overdue),
        )

    def role_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class HoldsModel(RowsModel):
    CONTEXT = "HomeFigures"
    HEADERS = (
        QT_TRANSLATE_NOOP("HomeFigures", "Franchisee"),
        QT_TRANSLATE_NOOP("HomeFigures", "Reason"),
        QT_TRANSLATE_NOOP("HomeFigures", "Account manager"),
    )

    def cells(self, h) -> tuple[str, ...]:
        return (f"{h.code} {h.name}", h.reason, h.account_manager)


class AttentionList(QWidget):
    """A titled short list with its count; ``activated(record)`` on double-click or Enter."""

    activated = Signal(object)

    def __init__(self, title: str, model: RowsModel, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from hqdesk.ui.views.analytics_sales import rows_table

        self.setObjectName(name)
        self._title = title
        self.title = QLabel(title, self)
        self.title.setStyleSheet("font-weight: bold; color: #2c3e50;")
        self.model = model
        self.view = rows_table(self, model)
        self.view.setObjectName(f"{name}Table")
        self.view.setMinimumHeight(150)
        self.view.activated.connect(lambda i: self.activated.emit(self.model.row(i.row())))
        self.more = QLabel(self)
        self.more.setStyleSheet("color: #7f8c8d;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.more)

    def set_records(self, records: list, empty: str) -> None:
        count = len(records)
        self.title.setText(f"{self._title} ({count})")
        self.model.set_rows(records[:LIST_ROWS])
        self.more.setText(
            empty
            if not records
            else (
                QCoreApplication.translate("HomeFigures", "and %n more", "", count - LIST_ROWS)
                if count > LIST_ROWS
                else ""
            )
        )


class AttentionPanel(QWidget):
    """Overdue complaints (mine), open dunning actions, franchisees on credit hold."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.mine = False
        self.loader = Loader(ctx, self)
        self.complaints = AttentionList(
            QCoreApplication.translate("HomeFigures", "My overdue complaints"),
            OverdueComplaintsModel(self),
            "overdueComplaints",
            self,
        )
        self.dunning = AttentionList(
            QCoreApplication.translate("HomeFigures", "Dunning actions due"),
            DunningDueModel(self),
            "dunningDue",
            self,
        )
        self.holds = AttentionList(
            QCoreApplication.translate("HomeFigures", "On credit hold"), HoldsModel(self), "creditHolds", self
        )
        self.complaints.activated.connect(lambda c: open_complaint(self, c.id))
        self.dunning.activated.connect(self._open_dunning)
        self.holds.activated.connect(lambda h: open_profile(self, h.franchisee_id))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.complaints, self.dunning, self.holds):
            row.addWidget(w, 1)
        ctx.bus.changed.connect(lambda changes: changes.touches(*RELOAD_ON) and self.reload())

    def reload(self) -> None:
        s, actor = self.ctx.services, self.ctx.actor
        self.loader.load("complaints", s.complaints.overdue_for, actor, on_done=self._complaints)
        self.loader.load("dunning", s.dunning.tasks, actor, "open", on_done=self._dunning)
        manager = actor.user_id if self.mine else None
        self.loader.load("holds", s.credit_holds.on_hold, actor, manager, on_done=self._holds)

    def _complaints(self, rows) -> None:
        self.complaints.set_records(rows, QCoreApplication.translate("HomeFigures", "No overdue complaint."))

    def _dunning(self, rows) -> None:
        if self.mine:
            rows = [
                t for t in rows if t.account_manager in (self.ctx.actor.display_name, self.ctx.actor.username)
            ]
        self.dunning.set_records(rows, QCoreApplication.translate("HomeFigures", "No dunning action due."))

    def _holds(self, rows) -> None:
        self.holds.set_records(
            rows, QCoreApplication.translate("HomeFigures", "No franchisee on credit hold.")
        )

    def _open_dunning(self, task) -> None:
        if open_page(self, "dunning") is None:
            open_profile(self, task.franchisee_id)


__all__ = ["AttentionPanel", "FigureCard", "FiguresPanel"]
