"""The Letters page: HQ writes hundreds of letters at a time (every franchisee before Spring Festival, every
statement at month end).

Left, the order (``letters_form.LettersForm``): the kind and its details, the recipients (calendar events in a
date range, a franchisee filter, the dunning run's to-do list, all active franchisees, or franchisees picked by
hand), the language and the output. Right, the recipient list, who gets which letter in which language and who
is skipped and why (no contact, no address, characters the font lacks), and the preview of what was written.
"Show recipients" plans the batch in the background; "Write letters" writes it in the background
(``hqdesk/ui/tasks.py``) with a progress bar and Cancel: the engine records each letter in the franchisee's
history only when the whole batch is written, so a cancelled batch leaves no history behind.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error
from hqdesk.ui.models.letters import RecipientsModel
from hqdesk.ui.views import letters_engine as engine
from hqdesk.ui.views.letters_form import LetterOrder, LettersForm
from hqdesk.ui.views.profile.tabs import table_view

log = logging.getLogger(__name__)
CONTEXT = "LettersView"


class LettersView(QWidget):
    """See the module docstring."""

    planned = Signal()  # the recipient list is shown
    finished = Signal(object)  # the batch's result (engine.BatchOutcome)
    cancelled = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("lettersView")
        self._today = today or date.today()
        self._plan_seq = 0
        self._plan: engine.Plan | None = None
        self._task = None
        self.preview = None  # the PdfPreview, built when first needed (QtPdf loads then)
        self._outcome: engine.BatchOutcome | None = None

        self.form = LettersForm(self._today)
        self.form.folder_edit.setText(str(engine.default_output_folder()))
        scroll = QScrollArea()
        scroll.setObjectName("lettersFormScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(self.form.minimumSizeHint().width() + 24)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(8, 8, 4, 8)
        lv.addWidget(scroll, 1)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("lettersProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #c0392b;")
        self.problem_label.hide()
        lv.addWidget(self.problem_label)
        buttons = QHBoxLayout()
        self.plan_button = QPushButton(QCoreApplication.translate("LettersView", "Show recipients"))
        self.plan_button.setObjectName("planButton")
        self.generate_button = QPushButton(QCoreApplication.translate("LettersView", "Write letters"))
        self.generate_button.setObjectName("generateButton")
        self.generate_button.setDefault(True)
        buttons.addWidget(self.plan_button)
        buttons.addStretch(1)
        buttons.addWidget(self.generate_button)
        lv.addLayout(buttons)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("lettersTabs")
        recipients = QWidget()
        rv = QVBoxLayout(recipients)
        rv.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel(
            QCoreApplication.translate(
                "LettersView", "Choose the letter and the recipients, then press Show recipients."
            )
        )
        self.summary.setObjectName("recipientsSummary")
        self.summary.setWordWrap(True)
        rv.addWidget(self.summary)
        self.model = RecipientsModel(self)
        self.table = table_view(recipients)
        self.table.setObjectName("recipientsTable")
        self.table.setModel(self.model)
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        rv.addWidget(self.table, 1)
        self.tabs.addTab(recipients, QCoreApplication.translate("LettersView", "Recipients"))
        self.preview_holder = QWidget()
        self.preview_holder.setObjectName("previewHolder")
        QVBoxLayout(self.preview_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.preview_holder, QCoreApplication.translate("LettersView", "Preview"))

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)

        bottom = QHBoxLayout()
        bottom.setContentsMargins(8, 0, 8, 6)
        self.status_label = QLabel()
        self.status_label.setObjectName("lettersStatus")
        self.progress = QProgressBar()
        self.progress.setObjectName("lettersProgress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(QCoreApplication.translate("LettersView", "Cancel"))
        self.cancel_button.setObjectName("cancelLetters")
        self.cancel_button.hide()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)

        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(split, 1)
        v.addLayout(bottom)

        self.plan_button.clicked.connect(self.plan)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button.clicked.connect(self.cancel)
        self.form.changed.connect(self._order_changed)
        self.form.search_picked.connect(self._search_picked)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._load_filter_options()

    # ----- loading the form's choices ------------------------------------------------------------------------
    def _load_filter_options(self) -> None:
        ctx = self.ctx
        ctx.runner.submit(
            ctx.services.franchisees.filter_options,
            ctx.actor,
            on_done=self.form.set_filter_options,
            on_error=lambda exc: log.warning("filter options not loaded: %s", exc),
        )

    def _search_picked(self, text: str) -> None:
        ctx = self.ctx
        ctx.runner.submit(
            engine.find_franchisees,
            ctx.services,
            ctx.actor,
            text,
            on_done=self.form.set_pick_results,
            on_error=lambda exc: show_error(self, exc),
        )

    # ----- plan -------------------------------------------------------------------------------------------------
    def _order_changed(self) -> None:
        if self._plan is not None:
            self._plan = None
            self.summary.setText(
                QCoreApplication.translate(
                    "LettersView", "The choice changed: press Show recipients to see who gets a letter."
                )
            )
        self.problem_label.hide()

    def _checked_order(self) -> LetterOrder | None:
        problems = self.form.problems()
        if problems:
            self.problem_label.setText("\n".join(problems))
            self.problem_label.show()
            return None
        self.problem_label.hide()
        return self.form.order()

    def plan(self, then_generate: bool = False) -> None:
        """Work out who gets which letter (in the background) and show the list."""
        if self.busy():
            return
        order = self._checked_order()
        if order is None:
            return
        self._plan_seq += 1
        seq = self._plan_seq
        self.plan_button.setEnabled(False)
        self.status_label.setText(QCoreApplication.translate("LettersView", "Finding the recipients…"))
        ctx = self.ctx

        def done(plan) -> None:
            self.plan_button.setEnabled(True)
            if seq != self._plan_seq:
                return
            self._show_plan(plan)
            if then_generate:
                self._start_batch(plan)

        def failed(exc) -> None:
            self.plan_button.setEnabled(True)
            self.status_label.setText("")
            show_error(self, exc)

        ctx.runner.submit(engine.plan, ctx.services, ctx.actor, order, on_done=done, on_error=failed)

    def _show_plan(self, plan: engine.Plan) -> None:
        self._plan = plan
        self.model.set_rows(plan.rows)
        self.tabs.setCurrentIndex(0)
        written, skipped, warned = self.model.written(), self.model.skipped(), self.model.warned()
        parts = [self.tr("%n letter(s) to write", "", written)]
        if skipped:
            parts.append(self.tr("%n skipped", "", skipped))
        if warned:
            parts.append(self.tr("%n with a warning", "", warned))
        self.summary.setText(" · ".join(parts))
        self.status_label.setText("")
        self.planned.emit()

    # ----- generate ---------------------------------------------------------------------------------------------
    def busy(self) -> bool:
        return self._task is not None

    def generate(self) -> None:
        """Write the letters: plan first when the list is not current, then the batch in the background."""
        if self.busy():
            return
        if self._plan is None:
            self.plan(then_generate=True)
            return
        order = self._checked_order()
        if order is None:
            return
        self._start_batch(self._plan)

    def _start_batch(self, plan: engine.Plan) -> None:
        if not plan.count:
            self.status_label.setText(
                QCoreApplication.translate(
                    "LettersView", "No letter to write: every recipient is skipped (see Remarks)."
                )
            )
            return
        order = plan.order
        if order.output in ("separate", "both") or order.output == "combined":
            if not order.folder:
                self.problem_label.setText(
                    QCoreApplication.translate("LettersView", "Choose the folder for the PDF files.")
                )
                self.problem_label.show()
                return
        ctx = self.ctx
        self._set_running(True, plan.count)

        def done(outcome) -> None:
            self._task = None
            self._set_running(False)
            self._finished(outcome)

        def failed(exc) -> None:
            self._task = None
            self._set_running(False)
            if isinstance(exc, engine.BatchCancelled):
                self.status_label.setText(
                    QCoreApplication.translate("LettersView", "Cancelled: no letter was recorded.")
                )
                self.cancelled.emit()
                return
            self.status_label.setText(
                QCoreApplication.translate(
                    "LettersView", "The letters were not written: nothing was recorded."
                )
            )
            show_error(self, exc)

        self._task = ctx.runner.submit(
            engine.generate,
            ctx.services,
            ctx.actor,
            plan,
            on_done=done,
            on_error=failed,
            on_progress=self._progress,
            with_context=True,
            write=False,  # long: the engine writes its history in one short transaction at the end
        )

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(
            QCoreApplication.translate("LettersView", "{done} of {total}").format(done=done, total=total)
        )

    def _set_running(self, running: bool, total: int = 0) -> None:
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.generate_button.setEnabled(not running)
        self.plan_button.setEnabled(not running)
        self.form.setEnabled(not running)
        if running:
            self.progress.setMaximum(max(1, total))
            self.progress.setValue(0)
            self.progress.setFormat(
                QCoreApplication.translate("LettersView", "{done} of {total}").format(done=0, total=total)
            )
            self.status_label.setText(QCoreApplication.translate("LettersView", "Writing the letters…"))

    def cancel(self) -> None:
        """Stop the batch: the letters written so far are dropped and nothing is recorded."""
        if self._task is not None:
            self.cancel_button.setEnabled(False)
            self.status_label.setText(QCoreApplication.translate("LettersView", "Cancelling…"))
            self._task.context.cancel()

    def _finished(self, outcome: engine.BatchOutcome) -> None:
        self._outcome = outcome
        text = self.tr("%n letter(s) written", "", outcome.count)
        where = outcome.combined or outcome.folder
        if where:
            text += " — " + str(where)
        self.status_label.setText(text)
        self.ctx.bus.notify(engine.changes_after(outcome, origin=self))
        shown = outcome.combined or (outcome.files[0] if outcome.files else None)
        if shown is not None:
            self.show_preview(shown, Path(shown).name)
        self.finished.emit(outcome)

    # ----- preview -------------------------------------------------------------------------------------------
    def ensure_preview(self):
        if self.preview is None:
            from hqdesk.ui.views.letters_preview import PdfPreview

            self.preview = PdfPreview(self.ctx.runner, self.preview_holder)
            self.preview.set_empty_text(
                QCoreApplication.translate("LettersView", "The letters appear here once they are written.")
            )
            self.preview_holder.layout().addWidget(self.preview)
        return self.preview

    def show_preview(self, path, save_name: str | None = None) -> bool:
        preview = self.ensure_preview()
        ok = preview.show_file(path, save_name)
        self.tabs.setCurrentWidget(self.preview_holder)
        return ok

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.preview_holder:
            # built when first looked at, not with the page: QtPdf loads only for users who need it
            QTimer.singleShot(0, self.ensure_preview)

    def confirm_close(self) -> bool:
        if self._task is not None:
            self.cancel()
        return True


class LettersPage(QTabWidget):
    """The page in the navigation: "Write letters" and "Templates" (built when first shown)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("lettersPage")
        self.setDocumentMode(True)
        self.writer = LettersView(ctx, today=today)
        self.addTab(self.writer, QCoreApplication.translate("LettersView", "Write letters"))
        self.templates = None
        self._templates_holder = QWidget()
        QVBoxLayout(self._templates_holder).setContentsMargins(0, 0, 0, 0)
        self.addTab(self._templates_holder, QCoreApplication.translate("LettersView", "Templates"))
        self.currentChanged.connect(self._current_changed)

    def _current_changed(self, index: int) -> None:
        if self.widget(index) is self._templates_holder:
            self.ensure_templates()

    def ensure_templates(self):
        if self.templates is None:
            from hqdesk.ui.views.letters_templates import TemplatesPanel

            self.templates = TemplatesPanel(self.ctx, self._templates_holder)
            self._templates_holder.layout().addWidget(self.templates)
            self.templates.load()
        return self.templates

    def show_templates(self):
        self.setCurrentWidget(self._templates_holder)
        return self.ensure_templates()

    def confirm_close(self) -> bool:
        if self.templates is not None and not self.templates.confirm_discard():
            return False
        return self.writer.confirm_close()


__all__ = ["LettersPage", "LettersView"]
