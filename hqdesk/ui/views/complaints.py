"""The complaint queue: filters (status, category, severity, assignee, overdue, text), sorting by a column
header, pages of 100 rows fetched as the user scrolls (keyset paging in SQL), the form on double-click or Enter.

Every query runs through the task runner; an answer that arrives after a newer query was started is dropped,
so typing fast never shows stale rows. The page reloads when a complaint (or the categories) change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.complaints import (
    COMPLAINT_STATUS_LABELS,
    OPEN_STATUSES,
    SEVERITY_LABELS,
    ComplaintStatus,
    Severity,
)
from hqdesk.domain.roles import Action
from hqdesk.services.complaints import UNASSIGNED, QueueFilter
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error
from hqdesk.ui.export import TableExport
from hqdesk.ui.i18n import tr_enum
from hqdesk.ui.views.complaints_models import ComplaintsModel

OPEN = "open"


def size_columns(view) -> None:
    """Column widths from sample texts in the current language (a date and time, an overdue due time...)."""
    from datetime import datetime

    from hqdesk.ui.i18n import fmt_datetime

    metrics = view.fontMetrics()
    when = fmt_datetime(datetime(2026, 12, 28, 23, 59).astimezone())
    overdue = QCoreApplication.translate("ComplaintsModel", "{when} (overdue)").format(when=when)
    M = ComplaintsModel
    header = view.horizontalHeader()
    for column, sample, extra in (
        (M.NUMBER, "TS000000", 0),
        (M.RECEIVED, when, 0),
        (M.FRANCHISEE, "JX0000 广州市天河区华彩珠宝", 0),
        (M.CATEGORY, "产品质量 › 镶嵌/掉石", 0),
        (M.SEVERITY, "Critical", 0),
        (M.STATUS, "In progress", 0),
        (M.ASSIGNEE, QCoreApplication.translate("ComplaintsModel", "(unassigned)"), 0),
        (M.DUE, overdue, 24),
    ):
        header.resizeSection(column, metrics.horizontalAdvance(sample) + 24 + extra)


class ComplaintsView(QWidget):
    reload_on = frozenset({Entity.COMPLAINT, Entity.COMPLAINT_SETTINGS, Entity.USER, Entity.FRANCHISEE})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("complaintsView")
        self._generation = 0
        self._next_key = None
        self._sort, self._descending = "received_at", True
        self._dialog = None
        v = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("complaintSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 16)
        self.search.setPlaceholderText(
            QCoreApplication.translate("ComplaintsView", "Number, franchisee code or name")
        )
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.addItem(QCoreApplication.translate("ComplaintsView", "Open (not resolved)"), OPEN)
        self.status.addItem(QCoreApplication.translate("ComplaintsView", "Any status"), None)
        for status in ComplaintStatus:
            self.status.addItem(tr_enum(COMPLAINT_STATUS_LABELS[status]), status.value)
        self.category = QComboBox()
        self.category.setObjectName("categoryFilter")
        self.category.addItem(QCoreApplication.translate("ComplaintsView", "Any category"), None)
        self.severity = QComboBox()
        self.severity.setObjectName("severityFilter")
        self.severity.addItem(QCoreApplication.translate("ComplaintsView", "Any severity"), None)
        for severity in Severity:
            self.severity.addItem(tr_enum(SEVERITY_LABELS[severity]), int(severity))
        self.assignee = QComboBox()
        self.assignee.setObjectName("assigneeFilter")
        self.assignee.addItem(QCoreApplication.translate("ComplaintsView", "Anyone"), None)
        self.assignee.addItem(QCoreApplication.translate("ComplaintsView", "Me"), ctx.actor.user_id)
        self.assignee.addItem(QCoreApplication.translate("ComplaintsView", "Unassigned"), UNASSIGNED)
        self.overdue = QCheckBox(QCoreApplication.translate("ComplaintsView", "Overdue only"))
        self.overdue.setObjectName("overdueFilter")
        self.new_button = QPushButton(QCoreApplication.translate("ComplaintsView", "New complaint…"))
        self.new_button.setObjectName("newComplaint")
        self.new_button.setVisible(ctx.can(Action.LOG_COMPLAINT))
        self.new_button.clicked.connect(lambda: self.open_complaint(None))
        for w in (self.search, self.status, self.category, self.severity, self.assignee, self.overdue):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        v.addLayout(bar)
        self.count = QLabel()
        self.count.setObjectName("complaintCount")
        v.addWidget(self.count)
        from hqdesk.ui.views.profile.tabs import table_view

        self.model = ComplaintsModel(self)
        self.view = table_view(self)
        TableExport(self.view, "complaints")
        self.view.setObjectName("complaintsTable")
        self.view.setModel(self.model)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        # sized once from the font, not to the contents: measuring every cell of every page costs seconds
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        size_columns(self.view)
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(ComplaintsModel.RECEIVED, Qt.SortOrder.DescendingOrder)
        header.sectionClicked.connect(self._sort_by)
        v.addWidget(self.view, 1)
        self.view.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.view.installEventFilter(self)
        self.model.fetch_more_wanted.connect(self._fetch_more)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(250)
        self._typing.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._typing.start())
        for combo in (self.status, self.category, self.severity, self.assignee):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.overdue.toggled.connect(lambda _c: self.reload())
        ctx.bus.changed.connect(self._changed)
        self._load_choices()
        self.reload()

    # ----- filters -----------------------------------------------------------------------------------------
    def _load_choices(self) -> None:
        sv, actor = self.ctx.services.complaints, self.ctx.actor
        self.ctx.runner.submit(sv.choices, actor, on_done=self._choices_loaded, on_error=self._failed)

    def _choices_loaded(self, choices) -> None:
        for combo in (self.category, self.assignee):
            combo.blockSignals(True)
        keep_cat, keep_person = self.category.currentData(), self.assignee.currentData()
        while self.category.count() > 1:
            self.category.removeItem(1)
        for c in choices.categories:
            self.category.addItem(("    " if c.parent_id is not None else "") + c.name, c.id)
        while self.assignee.count() > 3:
            self.assignee.removeItem(3)
        for p in choices.assignees:
            if p.id != self.ctx.actor.user_id:
                self.assignee.addItem(p.name, p.id)
        wanted, self._wanted_category = getattr(self, "_wanted_category", None), None
        keep_cat = wanted if wanted is not None else keep_cat
        for combo, keep in ((self.category, keep_cat), (self.assignee, keep_person)):
            i = combo.findData(keep)
            combo.setCurrentIndex(max(i, 0))
            combo.blockSignals(False)
        if wanted is not None and self.category.currentData() == wanted:
            self.reload()  # the category asked for before the choices came (signals were blocked)

    def show_category(self, category_id: int) -> None:
        """Every complaint of one category, whatever its status (a click on the Relationship page's Pareto bar);
        before the categories are loaded, the choice waits for them."""
        self.status.setCurrentIndex(max(0, self.status.findData(None)))
        index = self.category.findData(category_id)
        if index >= 0:
            self.category.setCurrentIndex(index)
        else:
            self._wanted_category = category_id

    def filters(self) -> QueueFilter:
        status = self.status.currentData()
        statuses = (
            OPEN_STATUSES
            if status == OPEN
            else frozenset({ComplaintStatus(status)})
            if status
            else frozenset()
        )
        severity = self.severity.currentData()
        return QueueFilter(
            statuses=frozenset(statuses),
            category_id=self.category.currentData(),
            severity=Severity(severity) if severity else None,
            assignee_id=self.assignee.currentData(),
            overdue=self.overdue.isChecked(),
            text=self.search.text(),
        )

    # ----- loading -----------------------------------------------------------------------------------------
    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        sv, actor = self.ctx.services.complaints, self.ctx.actor
        self.model.fetching = True
        self.ctx.runner.submit(
            sv.queue,
            actor,
            self.filters(),
            self._sort,
            self._descending,
            on_done=lambda page: self._first_page(generation, page),
            on_error=self._failed,
        )

    def _first_page(self, generation: int, page) -> None:
        if generation != self._generation:
            return  # a newer query is on its way
        self._next_key = page.next_key
        self.model.more = page.next_key is not None
        self.model.fetching = False
        self.model.set_rows(page.rows)
        self.count.setText(self.tr("%n complaint(s)", "", page.total))

    def _fetch_more(self) -> None:
        if self._next_key is None:
            self.model.fetching = False
            return
        generation = self._generation
        sv, actor = self.ctx.services.complaints, self.ctx.actor
        self.ctx.runner.submit(
            sv.queue,
            actor,
            self.filters(),
            self._sort,
            self._descending,
            self._next_key,
            on_done=lambda page: self._more_page(generation, page),
            on_error=self._failed,
        )

    def _more_page(self, generation: int, page) -> None:
        if generation != self._generation:
            return
        self._next_key = page.next_key
        self.model.more = page.next_key is not None
        self.model.fetching = False
        self.model.append_rows(page.rows)

    def _sort_by(self, column: int) -> None:
        key = ComplaintsModel.SORT_KEYS.get(column)
        header = self.view.horizontalHeader()
        if key is None:  # not a sort key: keep the indicator where it was
            current = next(c for c, k in ComplaintsModel.SORT_KEYS.items() if k == self._sort)
            order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(current, order)
            return
        if key == self._sort:
            self._descending = not self._descending
        else:
            # the natural first order: newest received, earliest due, most severe, smallest number
            self._sort, self._descending = key, key in ("received_at", "id")
        order = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(column, order)
        self.reload()

    def _changed(self, changes: Changes) -> None:
        if changes.touches(Entity.COMPLAINT_SETTINGS, Entity.USER):
            self._load_choices()
        if changes.touches(*self.reload_on):
            self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.model.fetching = False
        show_error(self, exc)

    # ----- opening -----------------------------------------------------------------------------------------
    def open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_complaint(self.model.row(row).id)

    def open_complaint(self, complaint_id: int | None) -> None:
        from hqdesk.ui.dialogs.complaint_dialog import ComplaintDialog

        dialog = ComplaintDialog(self.ctx, complaint_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "_dialog", None))
        dialog.open()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.view.currentIndex().isValid()
        ):
            self.open_row(self.view.currentIndex().row())
            return True
        return super().eventFilter(watched, event)


__all__ = ["ComplaintsView"]
