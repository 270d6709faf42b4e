"""What the analytics pages share: the filter bar (region, tier, account manager, one franchisee), the period
choice, a loader that drops late answers, and the click-through to the other pages (a franchisee's
profile, the aging page as of a date, the complaint queue, the franchisee list filtered).

Every series is loaded through ``ui/tasks.py``; a filter change starts a new request and the previous one's
answer, if it comes later, is ignored (``Loader``), so the window never waits.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget
from shiboken6 import isValid

from hqdesk.services.analytics_dto import AnalyticsFilter
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error

FILTER_DELAY_MS = 250  # typing a franchisee code: one request when the typing stops


class Loader(QObject):
    """Runs one kind of request at a time per key: ``load(key, fn, *args, on_done=...)``; an answer for an
    older request of the same key is dropped. ``pending`` counts the requests still running."""

    finished = Signal(str)  # the key whose newest answer was shown

    def __init__(self, ctx: UiContext, owner: QWidget) -> None:
        super().__init__(owner)
        self.ctx = ctx
        self._owner = weakref.ref(owner)
        self._generation: dict[str, int] = {}
        self.pending = 0

    def load(self, key: str, fn: Callable[..., Any], *args, on_done: Callable[[Any], None], **kwargs) -> None:
        generation = self._generation.get(key, 0) + 1
        self._generation[key] = generation
        self.pending += 1
        ref = weakref.ref(self)

        def done(result):
            loader = ref()
            if loader is None or not isValid(loader):
                return
            loader.pending -= 1
            if loader._generation.get(key) == generation:
                on_done(result)
                loader.finished.emit(key)

        def failed(exc):
            loader = ref()
            if loader is None or not isValid(loader):
                return
            loader.pending -= 1
            owner = loader._owner()
            if loader._generation.get(key) == generation and owner is not None and isValid(owner):
                show_error(owner, exc)

        self.ctx.runner.submit(fn, *args, on_done=done, on_error=failed, **kwargs)

    def is_current(self, key: str, generation: int) -> bool:
        return self._generation.get(key) == generation


class AnalyticsFilterBar(QWidget):
    """Region, tier, account manager and one franchisee (by code); ``changed(AnalyticsFilter)``."""

    changed = Signal(object)

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, months: tuple[int, ...] = (12, 24)
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._franchisee_id: int | None = None
        self.region = QComboBox(self)
        self.region.setObjectName("regionFilter")
        self.region.addItem(self.tr("All regions"), None)
        self.tier = QComboBox(self)
        self.tier.setObjectName("tierFilter")
        self.tier.addItem(self.tr("All tiers"), None)
        self.manager = QComboBox(self)
        self.manager.setObjectName("managerFilter")
        self.manager.addItem(self.tr("All account managers"), None)
        self.code = QLineEdit(self)
        self.code.setObjectName("franchiseeFilter")
        self.code.setPlaceholderText(self.tr("Franchisee code"))
        self.code.setClearButtonEnabled(True)
        self.code.setMaximumWidth(160)
        self.months = QComboBox(self)
        self.months.setObjectName("monthsFilter")
        for n in months:
            self.months.addItem(self.tr("Last %n month(s)", "", n), n)
        self.message = QLabel(self)
        self.message.setObjectName("filterMessage")
        self.message.setStyleSheet("color: #c0392b;")
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setObjectName("clearFilters")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.region, self.tier, self.manager, self.code, self.months):
            row.addWidget(w)
        row.addWidget(self.clear_button)
        row.addWidget(self.message, 1)
        self._typing = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._typing.timeout.connect(self._resolve_code)
        for combo in (self.region, self.tier, self.manager, self.months):
            combo.currentIndexChanged.connect(self._emit)
        self.code.textChanged.connect(lambda _t: self._typing.start())
        self.clear_button.clicked.connect(self.clear)
        ctx.runner.submit(
            ctx.services.franchisees.filter_options,
            ctx.actor,
            on_done=_weak(self, "_set_options"),
            on_error=None,
        )

    def _set_options(self, options) -> None:
        for combo, items in (
            (self.region, [(r, r) for r in options.regions if r]),
            (self.tier, [(self.tr("Tier {tier}").format(tier=t), t) for t in options.tiers]),
            (self.manager, [(u.display_name or u.username, u.id) for u in options.account_managers]),
        ):
            combo.blockSignals(True)
            current = combo.currentData()
            while combo.count() > 1:
                combo.removeItem(1)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
            combo.blockSignals(False)

    def _resolve_code(self) -> None:
        code = self.code.text().strip()
        if not code:
            self.message.setText("")
            if self._franchisee_id is not None:
                self._franchisee_id = None
                self._emit()
            return
        ref = weakref.ref(self)

        def found(franchisee_id: int) -> None:
            bar = ref()
            if bar is not None and isValid(bar) and bar.code.text().strip() == code:
                bar.message.setText("")
                bar._franchisee_id = franchisee_id
                bar._emit()

        def unknown(_exc) -> None:
            bar = ref()
            if bar is not None and isValid(bar) and bar.code.text().strip() == code:
                bar.message.setText(
                    QCoreApplication.translate(
                        "AnalyticsFilterBar", "No franchisee has the code {code}."
                    ).format(code=code)
                )

        self.ctx.runner.submit(
            self.ctx.services.analytics.franchisee_id, code, on_done=found, on_error=unknown
        )

    def filters(self) -> AnalyticsFilter:
        return AnalyticsFilter(
            region=self.region.currentData(),
            tier=self.tier.currentData(),
            account_manager_id=self.manager.currentData(),
            franchisee_id=self._franchisee_id,
        )

    def month_count(self) -> int:
        return int(self.months.currentData())

    def clear(self) -> None:
        for combo in (self.region, self.tier, self.manager):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.code.blockSignals(True)
        self.code.clear()
        self.code.blockSignals(False)
        self._franchisee_id = None
        self.message.setText("")
        self._emit()

    def _emit(self, *_args) -> None:
        self.changed.emit(self.filters())


def _weak(obj: QObject, method: str):
    ref = weakref.ref(obj)

    def call(result):
        target = ref()
        if target is not None and isValid(target):
            getattr(target, method)(result)

    return call


# ----- click-through ---------------------------------------------------------------------------------------
def main_window(widget: QWidget | None):
    from hqdesk.ui.main_window import MainWindow

    own = widget.window() if widget is not None else None
    if isinstance(own, MainWindow):
        return own
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    return windows[0] if windows else None


def open_page(widget: QWidget, key: str) -> QWidget | None:
    """Show the main window's page ``key`` (None when there is no such window or page for this user)."""
    window = main_window(widget)
    if window is None or key not in window.page_keys():
        return None
    return window.show_page(key)


def open_profile(widget: QWidget, franchisee_id: int) -> bool:
    from hqdesk.ui.views.visits_tab import open_franchisee_profile

    return open_franchisee_profile(widget, franchisee_id)


def open_aging(widget: QWidget, as_of: date) -> QWidget | None:
    """The aging page as of ``as_of`` (a month end of a chart, or today)."""
    page = open_page(widget, "aging")
    if page is not None:
        page.as_of.set_date_value(as_of)
        page.refresh()
    return page


def open_franchisees(widget: QWidget, region: str | None = None, account_manager_id: int | None = None):
    """The franchisee list filtered by region or account manager."""
    page = open_page(widget, "franchisees")
    if page is None:
        return None
    page.filters.clear()
    for combo, value, text in (
        (page.region_combo, region, region or ""),
        (page.manager_combo, account_manager_id, ""),
    ):
        if value is None:
            continue
        index = combo.findData(value)
        if index < 0:
            combo.addItem(text or str(value), value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
    page.search_now()
    return page


def open_complaint(widget: QWidget, complaint_id: int | None = None) -> QWidget | None:
    page = open_page(widget, "complaints")
    if page is not None and complaint_id is not None:
        page.open_complaint(complaint_id)
    return page


class AnalyticsPage(QWidget):
    """What every analytics page starts with: its context, its clock, the loader of its series and the filter
    bar, whose change reloads the page (``reload``, each page's own)."""

    def __init__(
        self,
        ctx: UiContext,
        object_name: str,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._today = today
        self.setObjectName(object_name)
        self.loader = Loader(ctx, self)
        self.filter_bar = AnalyticsFilterBar(ctx, self)
        self.filter_bar.changed.connect(lambda _f: self.reload())

    def reload(self) -> None:  # pragma: no cover - each page defines its own
        raise NotImplementedError


__all__ = [
    "AnalyticsPage",
    "AnalyticsFilterBar",
    "Loader",
    "main_window",
    "open_aging",
    "open_complaint",
    "open_franchisees",
    "open_page",
    "open_profile",
]
