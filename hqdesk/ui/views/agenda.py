"""The agenda: the relationship calendar's events in a date range, for me or for everyone, filtered by kind.

Each row opens its franchisee's profile (the same ProfileEditor the franchisee list embeds, in a window of its
own: ``open_profile``). Selected events can be copied (tab-separated, for Excel or a message) or exported
as CSV; ``selected_events()`` hands them to whatever acts on a selection (the letters module).

Events load through the task runner (``services.calendar.events``); a newer request drops an older answer.
The page reloads when what it shows changes (contacts, stores, franchisees, status changes).
"""

from __future__ import annotations

import calendar as gregorian
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.calendar import EVENT_KIND_LABELS, EventKind, range_problem
from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action, Role
from hqdesk.services.calendar import CalendarEvent
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error
from hqdesk.ui.export import TableExport
from hqdesk.ui.i18n import tr_enum
from hqdesk.ui.views.agenda_model import (  # noqa: F401 (re-exported)
    EXPORT_HEADERS,
    KIND_COLORS,
    RELOAD_ON,
    AgendaModel,
    _as_text_cell,
    clipboard_text,
    day_text,
    export_rows,
    weakly,
    weekday_text,
    write_csv,
)

# ----- opening a franchisee's profile -------------------------------------------------------------------------


class ProfileWindow(QDialog):
    """A franchisee's profile in a window of its own: the franchisee list's ProfileEditor, so everything the
    list's editor does (save, status, archive, contacts, stores, history) works here the same way."""

    def __init__(self, ctx: UiContext, franchisee_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from hqdesk.ui.views.profile import ProfileEditor

        self.setObjectName("profileWindow")
        self.setWindowTitle(self.tr("Franchisee profile"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.franchisee_id = franchisee_id
        self.editor = ProfileEditor(ctx, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        self.resize(900, 680)
        self.editor.load(franchisee_id)

    def reject(self) -> None:  # Esc, the close button
        if self.editor.has_unsaved_changes() and not self.editor.confirm_discard():
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.editor.has_unsaved_changes() and not self.editor.confirm_discard():
            event.ignore()
            return
        super().closeEvent(event)


def open_profile(
    ctx: UiContext, franchisee_id: int, parent: QWidget, windows: dict[int, ProfileWindow], title: str = ""
) -> ProfileWindow:
    """Show ``franchisee_id``'s profile window (raised if it is open already); ``title``: the franchisee's
    code and name, for the window's title."""
    window = windows.get(franchisee_id)
    if window is None:
        window = ProfileWindow(ctx, franchisee_id, parent)
        if title:
            window.setWindowTitle(f"{title} – {window.windowTitle()}")
        windows[franchisee_id] = window
        window.destroyed.connect(lambda *_: windows.pop(franchisee_id, None))
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def event_franchisee(event: CalendarEvent) -> str:
    return f"{event.franchisee_code} {event.franchisee_name}".strip()


def show_event_profile(
    ctx: UiContext, event: CalendarEvent, parent: QWidget, windows: dict[int, ProfileWindow]
) -> ProfileWindow | None:
    """The event's franchisee's profile, on the tab the event is about: a birthday on the contacts, a store
    anniversary on the stores (festivals have no franchisee: None)."""
    if event.franchisee_id is None:
        return None
    window = open_profile(ctx, event.franchisee_id, parent, windows, event_franchisee(event))
    editor = window.editor
    if event.contact_id is not None:
        editor.tabs.setCurrentWidget(editor.contacts_tab)
    elif event.store_id is not None:
        editor.tabs.setCurrentWidget(editor.stores_tab)
    return window


# ----- the page -------------------------------------------------------------------------------------------


class EventTable(QTableView):
    """The events, several selectable; Enter or a double-click opens the franchisee's profile."""

    open_requested = Signal(object)  # CalendarEvent

    def __init__(self, model: AgendaModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((190, 120, 320, 260)):
            self.setColumnWidth(column, width)
        self.doubleClicked.connect(self._activated)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model().event_at(index.row()))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activated(self.currentIndex())
            return
        super().keyPressEvent(event)

    def selected_events(self) -> list[CalendarEvent]:
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        model: AgendaModel = self.model()
        return [model.event_at(r) for r in rows]


PRESETS = (
    ("week", QT_TRANSLATE_NOOP("AgendaView", "This week")),
    ("next14", QT_TRANSLATE_NOOP("AgendaView", "Today and the next 14 days")),
    ("month", QT_TRANSLATE_NOOP("AgendaView", "This month")),
    ("next_month", QT_TRANSLATE_NOOP("AgendaView", "Next month")),
    ("year", QT_TRANSLATE_NOOP("AgendaView", "The next 12 months")),
    ("custom", QT_TRANSLATE_NOOP("AgendaView", "Custom range")),
)


def preset_range(key: str, today: date) -> tuple[date, date] | None:
    """The dates of a range preset (None: custom). Weeks start on Monday."""
    if key == "week":
        monday = today - timedelta(days=today.weekday())
        return monday, monday + timedelta(days=6)
    if key == "next14":
        return today, today + timedelta(days=14)
    if key == "month":
        return today.replace(day=1), today.replace(day=gregorian.monthrange(today.year, today.month)[1])
    if key == "next_month":
        first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
        return first, first.replace(day=gregorian.monthrange(first.year, first.month)[1])
    if key == "year":
        return today, today + timedelta(days=364)
    return None


def default_mine(ctx: UiContext) -> bool:
    """An account manager starts with their own franchisees; everyone else with all of them."""
    return ctx.actor.role == Role.ACCOUNT_MANAGER


class AgendaView(QWidget):
    """The agenda page. ``loaded(count)`` after each load; ``selected_events()`` for the letters module."""

    loaded = Signal(int)

    def __init__(
        self, ctx: UiContext, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("agendaView")
        self._today = today
        self._generation = 0
        self._windows: dict[int, ProfileWindow] = {}
        self._events: list[CalendarEvent] = []

        self.preset = QComboBox(self)
        self.preset.setObjectName("rangePreset")
        for key, label in PRESETS:
            self.preset.addItem(self.tr(label), key)
        self.start_edit = self._date_edit("startDate")
        self.end_edit = self._date_edit("endDate")
        self.scope = QComboBox(self)
        self.scope.setObjectName("scope")
        self.scope.addItem(self.tr("My franchisees"), True)
        self.scope.addItem(self.tr("Everyone"), False)
        self.scope.setCurrentIndex(0 if default_mine(ctx) else 1)
        self.kind_boxes: dict[EventKind, QCheckBox] = {}
        kinds = QHBoxLayout()
        kinds.setSpacing(10)
        for kind in EventKind:
            box = QCheckBox(tr_enum(EVENT_KIND_LABELS[kind]), self)
            box.setObjectName(f"kind_{kind.value}")
            box.setChecked(True)
            box.setStyleSheet(f"QCheckBox {{ color: {KIND_COLORS[kind]}; }}")
            box.toggled.connect(self.reload)
            self.kind_boxes[kind] = box
            kinds.addWidget(box)
        kinds.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show"), self))
        top.addWidget(self.preset)
        top.addWidget(QLabel(self.tr("from"), self))
        top.addWidget(self.start_edit)
        top.addWidget(QLabel(self.tr("to"), self))
        top.addWidget(self.end_edit)
        top.addSpacing(12)
        top.addWidget(self.scope)
        top.addStretch(1)

        self.model = AgendaModel(self, today=today)
        self.table = EventTable(self.model, self)
        TableExport(self.table, "agenda")
        self.table.setObjectName("agendaTable")
        self.table.open_requested.connect(self.open_event)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.message = QLabel(self)
        self.message.setObjectName("agendaMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #7f8c8d; font-size: 14px; padding: 24px;")
        self.message.setWordWrap(True)
        self.message.hide()

        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("copyButton")
        self.copy_button.setToolTip(
            self.tr("Copy the selected events (Ctrl+C), to paste into Excel or a message")
        )
        self.copy_button.clicked.connect(self.copy_selected)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.setToolTip(
            self.tr("Save the selected events (all of them if none is selected) as CSV")
        )
        self.export_button.clicked.connect(self.export_csv)
        self.open_button = QPushButton(self.tr("Open profile"), self)
        self.open_button.setObjectName("openButton")
        self.open_button.clicked.connect(self._open_current)
        self.lead_label = QLabel(self)
        self.lead_label.setObjectName("renewalLeadLabel")
        self.lead_label.setStyleSheet("color: #5d6d7e;")
        self.lead_button = QPushButton(self.tr("Change…"), self)
        self.lead_button.setObjectName("renewalLeadButton")
        self.lead_button.setToolTip(
            self.tr("How many days before a contract ends its renewal is shown (for everyone)")
        )
        self.lead_button.setVisible(ctx.can(Action.EDIT_COMPANY_SETTINGS))
        self.lead_button.clicked.connect(self.change_lead_time)
        self._lead: tuple[int, int | None] | None = None
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.lead_label)
        bottom.addWidget(self.lead_button)
        bottom.addSpacing(12)
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.copy_button)
        bottom.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(kinds)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message, 1)
        layout.addLayout(bottom)

        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.table)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.copy_selected)

        self.preset.setCurrentIndex(1)  # today and the next 14 days
        self._apply_preset()
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.start_edit.dateChanged.connect(self._dates_edited)
        self.end_edit.dateChanged.connect(self._dates_edited)
        self.scope.currentIndexChanged.connect(self.reload)
        ctx.bus.changed.connect(self._bus_changed)
        self._selection_changed()
        self.reload()
        self._load_lead_time()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(1900, 1, 1))
        edit.setMaximumDate(QDate(2100, 12, 31))
        return edit

    # ----- the range ----------------------------------------------------------------------------------------
    def range(self) -> tuple[date, date]:
        return self.start_edit.date().toPython(), self.end_edit.date().toPython()

    def set_range(self, start: date, end: date) -> None:
        """A custom range (reloads)."""
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self._set_dates(start, end)
        self.reload()

    def _set_dates(self, start: date, end: date) -> None:
        for edit, day in ((self.start_edit, start), (self.end_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _apply_preset(self) -> None:
        dates = preset_range(self.preset.currentData(), self._today())
        if dates is not None:
            self._set_dates(*dates)

    def _preset_changed(self) -> None:
        self._apply_preset()
        self.reload()

    def _dates_edited(self) -> None:
        custom = self.preset.findData("custom")
        if self.preset.currentIndex() != custom:
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(custom)
            self.preset.blockSignals(False)
        self.reload()

    def kinds(self) -> list[EventKind]:
        return [k for k, box in self.kind_boxes.items() if box.isChecked()]

    def mine(self) -> bool:
        return bool(self.scope.currentData())

    # ----- loading --------------------------------------------------------------------------------------------
    def reload(self) -> None:
        self._generation += 1
        start, end = self.range()
        problem = range_problem(start, end)
        if problem is not None:
            self._show_message(QCoreApplication.translate("Calendar", problem))
            return
        kinds = self.kinds()
        if not kinds:
            self._show_message(self.tr("Tick at least one kind of event."))
            return
        self.count_label.setText(self.tr("Loading…"))
        generation = self._generation
        self.ctx.runner.submit(
            self.ctx.services.calendar.events,
            self.ctx.actor,
            start,
            end,
            kinds=kinds,
            mine=self.mine(),
            today=self._today(),
            on_done=weakly(self._loaded, generation),
            on_error=weakly(self._failed, generation),
        )

    def _loaded(self, generation: int, events: list[CalendarEvent]) -> None:
        if generation != self._generation:
            return
        self._events = events
        self.model.set_events(events)
        if events:
            self.message.hide()
            self.table.show()
        else:
            self._show_message(self.tr("No events in this range."), keep_count=True)
        self.count_label.setText(self.tr("%n event(s)", "", len(events)))
        self._selection_changed()
        self.loaded.emit(len(events))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.count_label.setText("")
        show_error(self, exc)

    def _show_message(self, text: str, keep_count: bool = False) -> None:
        if not keep_count:
            self.model.set_events([])
            self._events = []
            self.count_label.setText("")
        self.message.setText(text)
        self.message.show()
        self.table.hide()
        self._selection_changed()

    def _bus_changed(self, changes: Changes) -> None:
        if changes.touches(*RELOAD_ON):
            self.reload()
        if changes.touches(Entity.SETTING) and changes.origin is not self:
            self._load_lead_time()  # the renewal lead time may have changed: so may the renewals listed
            if not changes.touches(*RELOAD_ON):
                self.reload()

    # ----- the renewal lead time (a company setting) ------------------------------------------------------------
    def _load_lead_time(self) -> None:
        self.ctx.runner.submit(
            self.ctx.services.calendar.renewal_lead_setting,
            on_done=weakly(self._lead_loaded),
            on_error=weakly(self._lead_unknown),
        )

    def _lead_loaded(self, lead: tuple[int, int | None]) -> None:
        self._lead = lead
        self.lead_label.setText(self.tr("Contract renewals show %n day(s) ahead", "", lead[0]))

    def change_lead_time(self) -> QInputDialog | None:
        """Ask for the new lead time (window-modal, without blocking in exec())."""
        if self._lead is None:
            return None
        from hqdesk.services.calendar import MAX_RENEWAL_LEAD_DAYS

        dialog = QInputDialog(self)
        dialog.setObjectName("renewalLeadDialog")
        dialog.setWindowTitle(self.tr("Contract renewals"))
        dialog.setLabelText(self.tr("Show a contract's renewal this many days before it ends:"))
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(0, MAX_RENEWAL_LEAD_DAYS)
        dialog.setIntValue(self._lead[0])
        dialog.intValueSelected.connect(self.set_lead_time)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()
        return dialog

    def set_lead_time(self, days: int) -> None:
        version = self._lead[1] if self._lead is not None else None
        self.ctx.runner.submit(
            self.ctx.services.calendar.set_renewal_lead_days,
            self.ctx.actor,
            days,
            version,
            write=True,
            on_done=weakly(self._lead_saved),
            on_error=weakly(self._lead_failed),
        )

    def _lead_unknown(self, _exc: BaseException) -> None:
        self.lead_label.setText("")  # the loads of the events say what went wrong

    def _lead_saved(self, _version: int) -> None:
        self._load_lead_time()
        self.ctx.bus.notify(Changes.of(Entity.SETTING, origin=self))
        self.reload()

    def _lead_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self._load_lead_time()  # another user's value, if that was the trouble

    # ----- acting on events -----------------------------------------------------------------------------------
    def events(self) -> list[CalendarEvent]:
        return list(self._events)

    def selected_events(self) -> list[CalendarEvent]:
        """The selected events, in the order shown (for the letters module)."""
        return self.table.selected_events()

    def _selection_changed(self, *_args) -> None:
        selected = self.table.selected_events()
        self.copy_button.setEnabled(bool(selected))
        self.export_button.setEnabled(bool(self._events))
        self.open_button.setEnabled(len(selected) == 1 and selected[0].franchisee_id is not None)

    def copy_selected(self) -> None:
        selected = self.selected_events()
        if selected:
            QGuiApplication.clipboard().setText(clipboard_text(export_rows(selected)))

    def export_csv(self, path: str | None = None) -> None:
        """Save the selected events (all of them when none is selected) as CSV; asks for the file."""
        events = self.selected_events() or self.events()
        if not events:
            return
        if path is None:
            suggested = f"{self.tr('agenda')}-{self.range()[0].isoformat()}.csv"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export events"), suggested, self.tr("CSV files (*.csv)")
            )
            if not path:
                return
        rows = export_rows(events)
        self.ctx.runner.submit(
            write_csv, path, rows, on_done=weakly(self._exported), on_error=weakly(self._export_failed)
        )

    def _export_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _exported(self, count: int) -> None:
        self.count_label.setText(self.tr("%n event(s) exported", "", count))

    def _open_current(self) -> None:
        selected = self.selected_events()
        if len(selected) == 1:
            self.open_event(selected[0])

    def open_event(self, event: CalendarEvent) -> ProfileWindow | None:
        """Open the event's franchisee (festivals have none)."""
        if event.franchisee_id is None:
            return None
        return show_event_profile(self.ctx, event, self, self._windows)


__all__ = [
    "weakly",
    "AgendaView",
    "AgendaModel",
    "EventTable",
    "ProfileWindow",
    "open_profile",
    "event_franchisee",
    "show_event_profile",
    "preset_range",
    "export_rows",
    "write_csv",
    "clipboard_text",
]
