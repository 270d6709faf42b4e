"""The Visits page: what is due (this week and overdue, for me or a colleague), the visit log (filters by
account manager, kind, purpose, date range and overdue; loaded a page at a time), and the suggestions to
follow up. Every row opens its visit or its franchisee's profile; everything is read through the task runner.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.roles import Action, Role
from hqdesk.domain.visits import (
    KIND_LABELS,
    PURPOSE_LABELS,
    SUGGESTION_STATUS_LABELS,
    SuggestionStatus,
    VisitKind,
    VisitPurpose,
)
from hqdesk.services.visits import SuggestionPage, VisitChoices, VisitFilter, VisitPage
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error
from hqdesk.ui.export import TableExport
from hqdesk.ui.i18n import tr_enum
from hqdesk.ui.models.history import UserNames
from hqdesk.ui.models.visits import DueVisitsModel, SuggestionListModel, VisitListModel
from hqdesk.ui.views.profile.tabs import table_view
from hqdesk.ui.views.visits_suggestions import SuggestionDialog
from hqdesk.ui.views.visits_tab import open_franchisee_profile
from hqdesk.ui.widgets import OptionalDateEdit

PAGE_SIZE = 200
SUGGESTION_LIMIT = 2000  # the suggestions of the latest visits; a narrower filter shows the rest
RELOAD_ON = frozenset(
    {Entity.VISIT, Entity.VISIT_PLAN, Entity.FRANCHISEE, Entity.STATUS, Entity.USER, Entity.TIER}
)
EVERYONE = -1  # the manager filter's "everyone"


def week_of(day: date) -> tuple[date, date]:
    """Monday to Sunday of ``day``'s week."""
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=6)


def periods(today: date) -> list[tuple[str, date, date]]:
    """The due list's periods: (label, start, end); every one lists what is overdue too."""
    start, end = week_of(today)
    month_end = (today.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return [
        (QCoreApplication.translate("VisitsView", "This week"), start, end),
        (QCoreApplication.translate("VisitsView", "Next 14 days"), today, today + timedelta(days=14)),
        (QCoreApplication.translate("VisitsView", "This month"), today.replace(day=1), month_end),
        (QCoreApplication.translate("VisitsView", "Next 3 months"), today, today + timedelta(days=91)),
    ]


class VisitsView(QWidget):
    """The page. ``loaded`` state is kept per section; each reloads on the kinds of change it shows."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("visitsView")
        self.today = today or date.today()
        self.names = UserNames()
        self.choices: VisitChoices | None = None
        self._generation = 0
        self._next_key = None
        self._requested: VisitFilter | None = None
        self._dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("visitsTabs")
        layout.addWidget(self.tabs)
        self._build_due()
        self._build_log()
        self._build_suggestions()
        self._reload_timer = QTimer(self, singleShot=True, interval=0)
        self._reload_timer.timeout.connect(self.reload)
        ctx.bus.changed.connect(self._bus_changed)
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())
        self._load_choices()

    # ----- building ------------------------------------------------------------------------------------------
    def _manager_combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _build_due(self) -> None:
        page = QWidget()
        page.setObjectName("duePage")
        v = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.due_period = QComboBox()
        self.due_period.setObjectName("duePeriod")
        for label, start, end in periods(self.today):
            self.due_period.addItem(label, (start, end))
        self.due_manager = self._manager_combo("dueManager")
        bar.addWidget(QLabel(self.tr("Due in")))
        bar.addWidget(self.due_period)
        bar.addWidget(QLabel(self.tr("Account manager")))
        bar.addWidget(self.due_manager)
        bar.addStretch(1)
        self.log_due_button = QPushButton(self.tr("Log visit…"))
        self.log_due_button.setObjectName("logDueVisit")
        self.due_profile_button = QPushButton(self.tr("Open profile"))
        self.due_profile_button.setObjectName("dueOpenProfile")
        bar.addWidget(self.log_due_button)
        bar.addWidget(self.due_profile_button)
        v.addLayout(bar)
        self.due_summary = QLabel()
        self.due_summary.setObjectName("dueSummary")
        v.addWidget(self.due_summary)
        self.due_model = DueVisitsModel(self, self.today)
        self.due_view = table_view(page)
        TableExport(self.due_view, "visits due")
        self.due_view.setObjectName("dueView")
        self.due_view.setModel(self.due_model)
        v.addWidget(self.due_view, 1)
        self.tabs.addTab(page, self.tr("Due and overdue"))
        self.due_period.currentIndexChanged.connect(lambda _i: self.load_due())
        self.due_manager.currentIndexChanged.connect(lambda _i: self.load_due())
        self.due_view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.due_view.doubleClicked.connect(lambda _i: self.log_due_visit())
        self.log_due_button.clicked.connect(self.log_due_visit)
        self.due_profile_button.clicked.connect(lambda: self._open_profile(self._selected_due()))

    def _build_log(self) -> None:
        page = QWidget()
        page.setObjectName("logPage")
        v = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.log_manager = self._manager_combo("logManager")
        self.kind = QComboBox()
        self.kind.setObjectName("kindFilter")
        self.kind.addItem(self.tr("Any kind"), None)
        for value, label in KIND_LABELS.items():
            self.kind.addItem(tr_enum(label), value.value)
        self.purpose = QComboBox()
        self.purpose.setObjectName("purposeFilter")
        self.purpose.addItem(self.tr("Any purpose"), None)
        for value, label in PURPOSE_LABELS.items():
            self.purpose.addItem(tr_enum(label), value.value)
        self.date_from = OptionalDateEdit()
        self.date_from.setObjectName("dateFrom")
        self.date_to = OptionalDateEdit()
        self.date_to.setObjectName("dateTo")
        self.overdue = QCheckBox(self.tr("Overdue franchisees only"))
        self.overdue.setObjectName("overdueFilter")
        self.overdue.setToolTip(self.tr("Only the visits of franchisees whose next visit is overdue"))
        for widget in (
            QLabel(self.tr("Account manager")),
            self.log_manager,
            self.kind,
            self.purpose,
            QLabel(self.tr("From")),
            self.date_from,
            QLabel(self.tr("to")),
            self.date_to,
            self.overdue,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        v.addLayout(bar)
        actions = QHBoxLayout()
        self.log_summary = QLabel()
        self.log_summary.setObjectName("logSummary")
        actions.addWidget(self.log_summary, 1)
        self.open_visit_button = QPushButton(self.tr("Open visit…"))
        self.open_visit_button.setObjectName("openVisit")
        self.log_profile_button = QPushButton(self.tr("Open profile"))
        self.log_profile_button.setObjectName("logOpenProfile")
        actions.addWidget(self.open_visit_button)
        actions.addWidget(self.log_profile_button)
        v.addLayout(actions)
        self.log_model = VisitListModel(self)
        self.log_model.more_wanted.connect(self._fetch_more)
        self.log_view = table_view(page)
        TableExport(self.log_view, "visit log")
        self.log_view.setObjectName("visitLogView")
        self.log_view.setModel(self.log_model)
        v.addWidget(self.log_view, 1)
        self.tabs.addTab(page, self.tr("Visit log"))
        for combo in (self.log_manager, self.kind, self.purpose):
            combo.currentIndexChanged.connect(lambda _i: self.load_log())
        for edit in (self.date_from, self.date_to):
            edit.date_changed.connect(lambda _d: self.load_log())
        self.overdue.toggled.connect(lambda _c: self.load_log())
        self.log_view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.log_view.doubleClicked.connect(lambda _i: self.open_visit())
        self.open_visit_button.clicked.connect(self.open_visit)
        self.log_profile_button.clicked.connect(lambda: self._open_profile(self._selected_visit()))

    def _build_suggestions(self) -> None:
        page = QWidget()
        page.setObjectName("suggestionsPage")
        v = QVBoxLayout(page)
        bar = QHBoxLayout()
        self.suggestion_status = QComboBox()
        self.suggestion_status.setObjectName("suggestionStatus")
        self.suggestion_status.addItem(
            self.tr("To follow up (open, in progress)"), (SuggestionStatus.OPEN, SuggestionStatus.IN_PROGRESS)
        )
        for value, label in SUGGESTION_STATUS_LABELS.items():
            self.suggestion_status.addItem(tr_enum(label), (value,))
        self.suggestion_status.addItem(self.tr("All"), None)
        self.suggestion_manager = self._manager_combo("suggestionManager")
        bar.addWidget(QLabel(self.tr("Status")))
        bar.addWidget(self.suggestion_status)
        bar.addWidget(QLabel(self.tr("Account manager")))
        bar.addWidget(self.suggestion_manager)
        bar.addStretch(1)
        self.follow_up_button = QPushButton(self.tr("Follow up…"))
        self.follow_up_button.setObjectName("followUp")
        self.suggestion_profile_button = QPushButton(self.tr("Open profile"))
        self.suggestion_profile_button.setObjectName("suggestionOpenProfile")
        bar.addWidget(self.follow_up_button)
        bar.addWidget(self.suggestion_profile_button)
        v.addLayout(bar)
        self.suggestion_summary = QLabel()
        self.suggestion_summary.setObjectName("suggestionSummary")
        v.addWidget(self.suggestion_summary)
        self.suggestion_model = SuggestionListModel(self)
        self.suggestion_view = table_view(page)
        TableExport(self.suggestion_view, "suggestions")
        self.suggestion_view.setObjectName("suggestionView")
        self.suggestion_view.setModel(self.suggestion_model)
        v.addWidget(self.suggestion_view, 1)
        self.tabs.addTab(page, self.tr("Suggestions"))
        self.suggestion_status.currentIndexChanged.connect(lambda _i: self.load_suggestions())
        self.suggestion_manager.currentIndexChanged.connect(lambda _i: self.load_suggestions())
        self.suggestion_view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.suggestion_view.doubleClicked.connect(lambda _i: self.follow_up())
        self.follow_up_button.clicked.connect(self.follow_up)
        self.suggestion_profile_button.clicked.connect(
            lambda: self._open_profile(self._selected_suggestion())
        )

    # ----- choices -------------------------------------------------------------------------------------------
    def _load_choices(self) -> None:
        self.ctx.runner.submit(
            self.ctx.services.visits.choices, self.ctx.actor, on_done=self._set_choices, on_error=self._failed
        )

    def _set_choices(self, choices: VisitChoices) -> None:
        self.choices = choices
        self.names = UserNames.of_users(choices.names)
        self.due_model.names = self.names
        self.suggestion_model.names = self.names
        mine = self.ctx.actor.role == Role.ACCOUNT_MANAGER
        for combo in (self.due_manager, self.log_manager, self.suggestion_manager):
            combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("Everyone"), EVERYONE)
            for u in choices.managers:
                label = u.display_name or u.username
                if u.id == self.ctx.actor.user_id:
                    label = self.tr("Me ({name})").format(name=label)
                combo.addItem(label, u.id)
            wanted = current if current is not None else (self.ctx.actor.user_id if mine else EVERYONE)
            index = combo.findData(wanted)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)
        self.reload()

    @staticmethod
    def _manager(combo: QComboBox) -> int | None:
        value = combo.currentData()
        return None if value in (None, EVERYONE) else value

    def reload(self) -> None:
        self.load_due()
        self.load_log()
        self.load_suggestions()

    def _bus_changed(self, changes: Changes) -> None:
        if changes.touches(*RELOAD_ON):
            self._reload_timer.start()

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    # ----- due ------------------------------------------------------------------------------------------------
    def load_due(self) -> None:
        if self.choices is None:
            return
        start, end = self.due_period.currentData()
        self.due_summary.setText(self.tr("Loading…"))
        self._due_seq = getattr(self, "_due_seq", 0) + 1
        seq = self._due_seq
        self.ctx.runner.submit(
            self.ctx.services.visits.due_visits,
            self.ctx.actor,
            start,
            end,
            self._manager(self.due_manager),
            today=self.today,
            on_done=lambda rows: self._due_loaded(seq, rows),
            on_error=self._failed,
        )

    def _due_loaded(self, seq: int, rows) -> None:
        if seq != self._due_seq:
            return
        self.due_model.set_rows(rows)
        overdue = sum(1 for r in rows if r.overdue)
        self.due_summary.setText(
            self.tr("%n franchisee(s) to visit", "", len(rows)) + " · " + self.tr("%n overdue", "", overdue)
        )
        self.due_summary.setStyleSheet("color: #c0392b;" if overdue else "")
        self._update_buttons()

    def _selected_due(self):
        rows = self.due_view.selectionModel().selectedRows()
        return self.due_model.row(rows[0].row()) if rows else None

    def log_due_visit(self) -> None:
        due = self._selected_due()
        if due is None or not self.ctx.can(Action.LOG_VISIT, due.account_manager_id):
            return
        self.ctx.runner.submit(
            self.ctx.services.visits.contact_names,
            self.ctx.actor,
            due.franchisee_id,
            on_done=lambda names: self._log_visit(due, names),
            on_error=self._failed,
        )

    def _log_visit(self, due, contacts: tuple[str, ...]) -> None:
        from hqdesk.ui.dialogs.visit_dialog import VisitDialog

        dialog = VisitDialog(
            self.ctx,
            due.franchisee_id,
            None,
            self.names,
            franchisee_name=due.franchisee_name,
            contacts=contacts,
            parent=self,
        )
        self._open_dialog(dialog)

    # ----- the log --------------------------------------------------------------------------------------------
    def current_filter(self) -> VisitFilter:
        kind, purpose = self.kind.currentData(), self.purpose.currentData()
        return VisitFilter(
            manager_id=self._manager(self.log_manager),
            kind=VisitKind(kind) if kind else None,
            purpose=VisitPurpose(purpose) if purpose else None,
            date_from=self.date_from.date_value() if self.date_from.hasAcceptableInput() else None,
            date_to=self.date_to.date_value() if self.date_to.hasAcceptableInput() else None,
            overdue=self.overdue.isChecked(),
        )

    def load_log(self) -> None:
        if self.choices is None:
            return
        self._generation += 1
        generation = self._generation
        flt = self.current_filter()
        self._requested = flt
        self.log_summary.setText(self.tr("Loading…"))
        self.ctx.runner.submit(
            self.ctx.services.visits.page,
            self.ctx.actor,
            flt,
            None,
            PAGE_SIZE,
            today=self.today,
            on_done=lambda page: self._log_loaded(generation, page, first=True),
            on_error=self._failed,
        )

    def _fetch_more(self) -> None:
        if self._next_key is None or self._requested is None:
            self.log_model.has_more = False
            return
        generation = self._generation
        self.ctx.runner.submit(
            self.ctx.services.visits.page,
            self.ctx.actor,
            self._requested,
            self._next_key,
            PAGE_SIZE,
            today=self.today,
            on_done=lambda page: self._log_loaded(generation, page, first=False),
            on_error=self._failed,
        )

    def _log_loaded(self, generation: int, page: VisitPage, first: bool) -> None:
        if generation != self._generation:
            return
        self._next_key = page.next_key
        if first:
            self.log_model.set_page(page.rows, page.next_key is not None)
            self._total = page.total or 0
            self.log_summary.setText(self.tr("%n visit(s)", "", self._total))
        else:
            self.log_model.append_page(page.rows, page.next_key is not None)
        self._update_buttons()

    def _selected_visit(self):
        rows = self.log_view.selectionModel().selectedRows()
        return self.log_model.row(rows[0].row()) if rows else None

    def open_visit(self) -> None:
        row = self._selected_visit()
        if row is None:
            return
        self.ctx.runner.submit(
            self.ctx.services.visits.get,
            self.ctx.actor,
            row.id,
            on_done=lambda dto: self._fetch_contacts_for(row, dto),
            on_error=self._failed,
        )

    def _fetch_contacts_for(self, row, dto) -> None:
        self.ctx.runner.submit(
            self.ctx.services.visits.contact_names,
            self.ctx.actor,
            row.franchisee_id,
            on_done=lambda names: self._show_visit(row, dto, names),
            on_error=self._failed,
        )

    def _show_visit(self, row, dto, contacts: tuple[str, ...] = ()) -> None:
        from hqdesk.ui.dialogs.visit_dialog import VisitDialog

        read_only = not self.ctx.can(Action.LOG_VISIT, row.account_manager_id)
        dialog = VisitDialog(
            self.ctx,
            row.franchisee_id,
            dto,
            self.names,
            read_only=read_only,
            franchisee_name=row.franchisee_name,
            contacts=contacts,
            parent=self,
        )
        self._open_dialog(dialog)

    # ----- suggestions ----------------------------------------------------------------------------------------
    def load_suggestions(self) -> None:
        if self.choices is None:
            return
        self._suggestion_seq = getattr(self, "_suggestion_seq", 0) + 1
        seq = self._suggestion_seq
        self.ctx.runner.submit(
            self.ctx.services.visits.suggestion_page,
            self.ctx.actor,
            self.suggestion_status.currentData(),
            self._manager(self.suggestion_manager),
            None,
            SUGGESTION_LIMIT,
            on_done=lambda page: self._suggestions_loaded(seq, page),
            on_error=self._failed,
        )

    def _suggestions_loaded(self, seq: int, page: SuggestionPage) -> None:
        if seq != self._suggestion_seq:
            return
        self.suggestion_model.set_rows(page.rows)
        text = self.tr("%n suggestion(s)", "", page.total)
        if page.total > len(page.rows):
            text += " · " + self.tr(
                "showing those of the latest visits, %n of them: choose a status or an account manager to see the rest",
                "",
                len(page.rows),
            )
        self.suggestion_summary.setText(text)
        self._update_buttons()

    def _selected_suggestion(self):
        rows = self.suggestion_view.selectionModel().selectedRows()
        return self.suggestion_model.row(rows[0].row()) if rows else None

    def follow_up(self) -> None:
        row = self._selected_suggestion()
        if row is None or not self.ctx.can(Action.LOG_VISIT, row.account_manager_id):
            return
        self._open_dialog(SuggestionDialog(self.ctx, row, self))

    # ----- shared ---------------------------------------------------------------------------------------------
    def _open_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = dialog
        if hasattr(dialog, "profile_requested"):
            dialog.profile_requested.connect(lambda fid: open_franchisee_profile(self, fid))
        dialog.finished.connect(lambda _r: setattr(self, "_dialog", None))
        dialog.open()

    def current_dialog(self) -> QDialog | None:
        return self._dialog

    def _open_profile(self, row) -> None:
        if row is not None:
            open_franchisee_profile(self, row.franchisee_id)

    def _update_buttons(self) -> None:
        due = self._selected_due()
        self.log_due_button.setEnabled(
            due is not None and self.ctx.can(Action.LOG_VISIT, due.account_manager_id)
        )
        self.due_profile_button.setEnabled(due is not None)
        visit = self._selected_visit()
        self.open_visit_button.setEnabled(visit is not None)
        self.log_profile_button.setEnabled(visit is not None)
        suggestion = self._selected_suggestion()
        self.follow_up_button.setEnabled(
            suggestion is not None and self.ctx.can(Action.LOG_VISIT, suggestion.account_manager_id)
        )
        self.suggestion_profile_button.setEnabled(suggestion is not None)


__all__ = ["VisitsView", "SuggestionDialog", "periods", "week_of"]
