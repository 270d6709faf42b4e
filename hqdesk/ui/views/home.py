"""The start page, "Today": sections stacked in a scroll area. The first is the relationship calendar's panel
for today and the next 14 days; other features add theirs with ``HomeView.add_section`` (the analytics
issue's key figures, say) without touching this one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes
from hqdesk.services.calendar import CalendarEvent
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error
from hqdesk.ui.export import TableExport
from hqdesk.ui.i18n import fmt_date
from hqdesk.ui.views.agenda import (
    RELOAD_ON,
    AgendaModel,
    EventTable,
    ProfileWindow,
    default_mine,
    show_event_profile,
    weakly,
)

UPCOMING_DAYS = 14


class Section(QFrame):
    """A titled block of the start page."""

    def __init__(
        self, title: str, body: QWidget, parent: QWidget | None = None, tools: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("homeSection")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title_label = QLabel(title, self)
        self.title_label.setObjectName("sectionTitle")
        self.title_label.setStyleSheet("font-size: 15px; font-weight: bold; color: #2c3e50;")
        head = QHBoxLayout()
        head.addWidget(self.title_label, 1)
        if tools is not None:
            head.addWidget(tools)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.addLayout(head)
        layout.addWidget(body, 1)
        self.body = body


class UpcomingPanel(QWidget):
    """Today and the next 14 days of the relationship calendar: mine, or everyone's. Double-click opens the
    franchisee's profile. ``loaded(count)`` after each load."""

    loaded = Signal(int)

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._today = today
        self._generation = 0
        self._loaded_for: date | None = None
        self._windows: dict[int, ProfileWindow] = {}
        self.scope = QComboBox(self)
        self.scope.setObjectName("upcomingScope")
        self.scope.addItem(self.tr("My franchisees"), True)
        self.scope.addItem(self.tr("Everyone"), False)
        self.scope.setCurrentIndex(0 if default_mine(ctx) else 1)
        self.scope.currentIndexChanged.connect(self.reload)
        self.range_label = QLabel(self)
        self.range_label.setObjectName("upcomingRange")
        self.range_label.setStyleSheet("color: #5d6d7e;")
        self.model = AgendaModel(self, today=today)
        self.table = EventTable(self.model, self)
        TableExport(self.table, "today")
        self.table.setObjectName("upcomingTable")
        self.table.setMinimumHeight(260)
        self.table.open_requested.connect(self.open_event)
        self.empty = QLabel(self)
        self.empty.setObjectName("upcomingEmpty")
        self.empty.setStyleSheet("color: #7f8c8d; padding: 12px;")
        self.empty.hide()
        head = QHBoxLayout()
        head.addWidget(self.range_label, 1)
        head.addWidget(self.scope)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        ctx.bus.changed.connect(self._bus_changed)
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        start = self._today()
        end = start + timedelta(days=UPCOMING_DAYS)
        self._loaded_for = start
        self.range_label.setText(self.tr("{start} to {end}").format(start=fmt_date(start), end=fmt_date(end)))
        self.ctx.runner.submit(
            self.ctx.services.calendar.events,
            self.ctx.actor,
            start,
            end,
            mine=bool(self.scope.currentData()),
            today=start,
            on_done=weakly(self._shown, generation),
            on_error=weakly(self._failed, generation),
        )

    def _shown(self, generation: int, events: list[CalendarEvent]) -> None:
        if generation != self._generation:
            return
        self.model.set_events(events)
        self.empty.setText(self.tr("Nothing in the next 14 days."))
        self.empty.setVisible(not events)
        self.table.setVisible(bool(events))
        self.loaded.emit(len(events))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            show_error(self, exc)

    def _bus_changed(self, changes: Changes) -> None:
        if changes.touches(*RELOAD_ON):
            self.reload()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._loaded_for is not None and self._loaded_for != self._today():
            self.reload()  # the app stayed open past midnight

    def selected_events(self) -> list[CalendarEvent]:
        return self.table.selected_events()

    def open_event(self, event: CalendarEvent) -> ProfileWindow | None:
        return show_event_profile(self.ctx, event, self, self._windows)


class HomeView(QWidget):
    """The start page: a column of sections (``add_section``)."""

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("homeView")
        greeting = QLabel(
            self.tr("Hello, {name}").format(name=ctx.actor.display_name or ctx.actor.username), self
        )
        greeting.setObjectName("greeting")
        greeting.setStyleSheet("font-size: 18px; color: #2c3e50;")
        self.date_label = QLabel(fmt_date(today()), self)
        self.date_label.setObjectName("todayLabel")
        self.date_label.setStyleSheet("color: #5d6d7e;")
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget(self.scroll)
        self.content.setObjectName("homeContent")
        self.sections = QVBoxLayout(self.content)
        self.sections.setContentsMargins(12, 12, 12, 12)
        self.sections.setSpacing(12)
        self.sections.addWidget(greeting)
        self.sections.addWidget(self.date_label)
        self.scroll.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

        self.upcoming = UpcomingPanel(ctx, self, today=today)
        self.add_section(self.tr("Today and the next 14 days"), self.upcoming, stretch=1)

        from hqdesk.ui.views.home_figures import AttentionPanel, FiguresPanel

        # the key figures above the calendar (the first thing a director looks at), the lists below it
        self.figures = FiguresPanel(ctx, self, today=today)
        self.figures_section = self.add_section(self.tr("Key figures"), self.figures)
        self.sections.removeWidget(self.figures_section)
        self.sections.insertWidget(2, self.figures_section)
        self.attention = AttentionPanel(ctx, self)
        self.add_section(self.tr("Needs attention"), self.attention)
        self.upcoming.scope.currentIndexChanged.connect(self._scope_changed)
        self._scope_changed()

    def _scope_changed(self, *_args) -> None:
        """ "My franchisees" narrows the figures and the lists as it narrows the calendar."""
        mine = bool(self.upcoming.scope.currentData())
        self.figures.mine = self.attention.mine = mine
        self.figures.reload()
        self.attention.reload()

    def add_section(
        self, title: str, body: QWidget, tools: QWidget | None = None, stretch: int = 0
    ) -> Section:
        """Append a section; ``stretch``: its share of the height left over (the calendar panel takes it)."""
        section = Section(title, body, self, tools)
        self.sections.addWidget(section, stretch)
        return section


__all__ = ["HomeView", "UpcomingPanel", "Section", "UPCOMING_DAYS"]
