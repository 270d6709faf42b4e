"""The complaint form with its timeline: log a complaint, correct its details, move it on, comment.

Everything reads and writes through the task runner. The buttons offered are the transitions this user may
make now (the service's ``rights``); each opens a small form that asks what the step needs (the assignee, the
resolution with its root cause and corrective action, the franchisee's satisfaction, a reason to reopen).
Validation messages appear under their fields; nothing typed is lost on a refusal.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.complaints import (
    CHANNEL_LABELS,
    COMPLAINT_STATUS_LABELS,
    DESCRIPTION_LIMIT,
    REASSIGNABLE,
    REFERENCES_LIMIT,
    SEVERITY_LABELS,
    Channel,
    ComplaintStatus,
    Severity,
)
from hqdesk.domain.errors import FieldError, ValidationError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.complaints import ComplaintDetail, ComplaintIntake
from hqdesk.ui.dialogs.complaint_parts import (  # noqa: F401 - re-exported, importable from here as before
    CORRECTIVE,
    CTX,
    NOT_YET,
    RESOLUTION,
    ROOT_CAUSE,
    SATISFACTION,
    SATISFACTION_LABEL,
    STEP_LABELS,
    S,
    StepDialog,
    _html,
    from_qdatetime,
    t,
    to_qdatetime,
)
from hqdesk.ui.dialogs.discard import ask_drop_typed, raw_values
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import fmt_datetime, tr_enum, tr_error, tr_field_error
from hqdesk.ui.views.complaints_models import OVERDUE_COLOR, TimelineModel, warning_icon
from hqdesk.ui.widgets import Form, set_combo_data


class ComplaintDialog(QDialog):
    """``ComplaintDialog(ctx, complaint_id)`` shows one; ``ComplaintDialog(ctx, None, franchisee_id=...)``
    logs a new one (without a franchisee the form asks for it). ``saved(detail)`` after every write."""

    saved = Signal(object)
    reloaded = Signal(object)  # for the profile's row-list tab
    loaded = Signal()

    def __init__(
        self,
        ctx,
        complaint_id: int | None = None,
        franchisee_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("complaintDialog")
        self.complaint_id = complaint_id
        self.franchisee_id = franchisee_id
        self.detail: ComplaintDetail | None = None
        self.choices = None
        self.step: StepDialog | None = None
        self.busy = False
        self._clean: tuple | None = None
        self.setWindowTitle(
            QCoreApplication.translate("ComplaintDialog", "New complaint")
            if complaint_id is None
            else QCoreApplication.translate("ComplaintDialog", "Complaint")
        )
        outer = QVBoxLayout(self)
        self.header = QLabel(QCoreApplication.translate("ComplaintDialog", "Loading…"))
        self.header.setObjectName("complaintHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        head = QHBoxLayout()
        self.overdue_icon = QLabel()
        self.overdue_icon.setPixmap(warning_icon().pixmap(20, 20))
        self.overdue_icon.hide()
        head.addWidget(self.overdue_icon)
        head.addWidget(self.header, 1)
        outer.addLayout(head)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.form = Form(QFormLayout())
        self.form.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        f = self.form
        self.franchisee = f.add(
            "franchisee",
            QCoreApplication.translate("ComplaintDialog", "Franchisee"),
            QComboBox(),
            required=True,
        )
        self.franchisee.setEditable(True)
        self.franchisee.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.franchisee.currentIndexChanged.connect(self._franchisee_chosen)
        self.contact = f.add("contact", QCoreApplication.translate("ComplaintDialog", "Contact"), QComboBox())
        self.received_at = f.add(
            "received_at",
            QCoreApplication.translate("ComplaintDialog", "Received"),
            QDateTimeEdit(),
            required=True,
        )
        self.received_at.setCalendarPopup(True)
        self.received_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.channel = f.add(
            "channel", QCoreApplication.translate("ComplaintDialog", "Channel"), QComboBox(), required=True
        )
        for channel in Channel:
            self.channel.addItem(tr_enum(CHANNEL_LABELS[channel]), channel.value)
        self.category = f.add(
            "category", QCoreApplication.translate("ComplaintDialog", "Category"), QComboBox(), required=True
        )
        self.severity = f.add(
            "severity", QCoreApplication.translate("ComplaintDialog", "Severity"), QComboBox(), required=True
        )
        for severity in Severity:
            self.severity.addItem(tr_enum(SEVERITY_LABELS[severity]), int(severity))
        set_combo_data(self.severity, int(Severity.MEDIUM))
        self.severity.currentIndexChanged.connect(self._show_times)
        self.description = f.add(
            "description",
            QCoreApplication.translate("ComplaintDialog", "Description"),
            QPlainTextEdit(),
            required=True,
        )
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(
            QCoreApplication.translate("ComplaintDialog", "What happened, in the franchisee's words")
        )
        self.references = f.add(
            "references", QCoreApplication.translate("ComplaintDialog", "Products or invoices"), QLineEdit()
        )
        self.references.setMaxLength(REFERENCES_LIMIT)
        self.references.setPlaceholderText(
            QCoreApplication.translate("ComplaintDialog", "e.g. product code, invoice number")
        )
        self.assign_to = f.add(
            "assignee", QCoreApplication.translate("ComplaintDialog", "Assign to"), QComboBox()
        )
        self.times = QLabel()
        self.times.setObjectName("dueTimes")
        self.times.setStyleSheet("color: #555;")
        self.times.setWordWrap(True)
        lv.addLayout(self.form.layout)
        lv.addWidget(self.times)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.RichText)
        self.outcome.hide()
        lv.addWidget(self.outcome)
        lv.addStretch(1)
        splitter.addWidget(left)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(QLabel("<b>" + QCoreApplication.translate("ComplaintDialog", "Timeline") + "</b>"))
        from hqdesk.ui.views.profile.tabs import table_view

        self.timeline_model = TimelineModel(self)
        self.timeline = table_view(right)
        self.timeline.setObjectName("timelineView")
        self.timeline.setModel(self.timeline_model)
        # comments wrap in their column; the rows grow to show them
        self.timeline.setWordWrap(True)
        self.timeline.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        theader = self.timeline.horizontalHeader()
        theader.setSectionResizeMode(TimelineModel.COMMENT, QHeaderView.ResizeMode.Stretch)
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rv.addWidget(self.timeline, 1)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("newComment")
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(
            QCoreApplication.translate("ComplaintDialog", "Add a comment to the timeline")
        )
        self.comment.setFixedHeight(self.comment.fontMetrics().lineSpacing() * 3 + 12)
        rv.addWidget(self.comment)
        self.comment_button = QPushButton(QCoreApplication.translate("ComplaintDialog", "Add comment"))
        self.comment_button.setObjectName("addComment")
        self.comment_button.clicked.connect(self.add_comment)
        crow = QHBoxLayout()
        crow.addStretch(1)
        crow.addWidget(self.comment_button)
        rv.addLayout(crow)
        self.right = right
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.description.setMinimumHeight(self.description.fontMetrics().lineSpacing() * 5)
        outer.addWidget(splitter, 1)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {OVERDUE_COLOR};")
        self.message.hide()
        outer.addWidget(self.message)
        bottom = QHBoxLayout()
        self.step_buttons: dict[ComplaintStatus | None, QPushButton] = {}
        for to in (*STEP_LABELS, None):
            button = QPushButton(
                t(STEP_LABELS[to])
                if to is not None
                else QCoreApplication.translate("ComplaintDialog", "Reassign…")
            )
            button.setObjectName(f"step_{to.value if to else 'reassign'}")
            button.clicked.connect(lambda _c=False, target=to: self.open_step(target))
            button.hide()
            self.step_buttons[to] = button
            bottom.addWidget(button)
        bottom.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_button.setObjectName("saveComplaint")
        self.save_button.setText(
            QCoreApplication.translate("ComplaintDialog", "Log complaint")
            if complaint_id is None
            else QCoreApplication.translate("ComplaintDialog", "Save changes")
        )
        bottom.addWidget(self.buttons)
        outer.addLayout(bottom)
        self.right.setVisible(complaint_id is not None)
        self.resize(1180 if complaint_id is not None else 560, 640)
        self._set_enabled(False)
        self.load()

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    # ----- loading -----------------------------------------------------------------------------------------
    def load(self) -> None:
        sv, actor = self.ctx.services.complaints, self.ctx.actor
        cid, fid = self.complaint_id, self.franchisee_id

        def work():
            choices = sv.choices(actor)
            detail = sv.get(actor, cid) if cid is not None else None
            franchisee = detail.intake.franchisee_id if detail else fid
            franchisees = sv.franchisee_choices(actor, franchisee) if detail is None else None
            contacts = sv.contacts_of(actor, franchisee) if franchisee is not None else []
            return choices, detail, franchisees, contacts

        self.ctx.runner.submit(work, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result) -> None:
        choices, detail, franchisees, contacts = result
        self.choices = choices
        self._fill_choices(choices, detail, franchisees)
        self._fill_contacts(contacts)
        if detail is not None:
            self.show_detail(detail)
        else:
            self.received_at.setDateTime(QDateTime.currentDateTime())
            self._show_times()
            self.header.setText(
                QCoreApplication.translate(
                    "ComplaintDialog",
                    "A new complaint starts as <b>new</b>; name an assignee to assign it at once.",
                )
            )
            self._set_enabled(choices.may_log)
            self.franchisee.setEnabled(choices.may_log and self.franchisee_id is None)
            if not choices.may_log:
                self._say(QCoreApplication.translate("ComplaintDialog", "Your role cannot log complaints."))
        self._clean = self._snapshot()
        self.loaded.emit()

    def _fill_choices(self, choices, detail, franchisees) -> None:
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(QCoreApplication.translate("ComplaintDialog", "(choose)"), None)
        for c in choices.categories:
            self.category.addItem(c.path, c.id)
        if detail is not None and self.category.findData(detail.intake.category_id) < 0:
            self.category.addItem(detail.category, detail.intake.category_id)  # deactivated since
        self.category.blockSignals(False)
        self.assign_to.clear()
        self.assign_to.addItem(t(NOT_YET), None)
        for p in choices.assignees:
            if choices.may_assign_others or p.id == choices.me:
                self.assign_to.addItem(p.name, p.id)
        self.franchisee.blockSignals(True)
        self.franchisee.clear()
        if franchisees is not None and self.franchisee_id is not None:  # logged from the franchisee's profile
            for fid, code, name in franchisees:
                self.franchisee.addItem(f"{code} {name}", fid)
        elif franchisees is not None:
            self.franchisee.addItem("", None)
            for fid, code, name in franchisees:
                self.franchisee.addItem(f"{code} {name}", fid)
            completer = QCompleter(self.franchisee.model(), self.franchisee)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.franchisee.setCompleter(completer)
            self.franchisee.lineEdit().setPlaceholderText(
                QCoreApplication.translate("ComplaintDialog", "Type a code or a name")
            )
        self.franchisee.blockSignals(False)

    def _fill_contacts(self, contacts) -> None:
        self.contact.clear()
        self.contact.addItem(QCoreApplication.translate("ComplaintDialog", "(none)"), None)
        for cid, name in contacts:
            self.contact.addItem(name, cid)

    def _franchisee_chosen(self, _index) -> None:
        fid = self.franchisee.currentData()
        if fid is None or self.detail is not None:
            return
        sv, actor = self.ctx.services.complaints, self.ctx.actor
        self.ctx.runner.submit(sv.contacts_of, actor, fid, on_done=self._fill_contacts, on_error=self._failed)

    def show_detail(self, d: ComplaintDetail) -> None:
        self.detail = d
        self.complaint_id = d.id
        self.setWindowTitle(
            QCoreApplication.translate("ComplaintDialog", "Complaint {number}").format(number=d.number)
        )
        self.franchisee.clear()
        self.franchisee.addItem(f"{d.franchisee_code} {d.franchisee_name}", d.intake.franchisee_id)
        set_combo_data(self.contact, d.intake.contact_id)
        self.received_at.setDateTime(to_qdatetime(d.intake.received_at))
        set_combo_data(self.channel, d.intake.channel.value)
        set_combo_data(self.category, d.intake.category_id)
        set_combo_data(self.severity, int(d.intake.severity))
        self.description.setPlainText(d.intake.description)
        self.references.setText(d.intake.references)
        self.form.labels["assignee"].hide()
        self.assign_to.parentWidget().hide()
        parts = [
            f"<b>{d.number}</b>",
            tr_enum(COMPLAINT_STATUS_LABELS[d.status]),
            QCoreApplication.translate("ComplaintDialog", "assignee: {name}").format(
                name=d.assignee or QCoreApplication.translate("ComplaintDialog", "nobody yet")
            ),
            QCoreApplication.translate("ComplaintDialog", "logged by {name}").format(name=d.logged_by or "—"),
        ]
        if d.status not in (S.RESOLVED, S.CLOSED):
            due = QCoreApplication.translate("ComplaintDialog", "due {when}").format(
                when=fmt_datetime(d.due_at)
            )
            if d.overdue:
                due = (
                    f"<span style='color:{OVERDUE_COLOR}; font-weight:bold'>"
                    + QCoreApplication.translate("ComplaintDialog", "OVERDUE: was {due}").format(due=due)
                    + "</span>"
                )
            parts.append(due)
        self.header.setText(" · ".join(parts))
        self.overdue_icon.setVisible(d.overdue)
        self.times.setText(
            QCoreApplication.translate(
                "ComplaintDialog", "Response due {response}; resolution due {resolution}."
            ).format(response=fmt_datetime(d.response_due), resolution=fmt_datetime(d.resolution_due))
        )
        if d.resolution or d.satisfaction:
            lines = [
                f"<b>{t(RESOLUTION)}:</b> {_html(d.resolution)}",
                f"<b>{t(ROOT_CAUSE)}:</b> {_html(d.root_cause)}",
                f"<b>{t(CORRECTIVE)}:</b> {_html(d.corrective_action)}",
            ]
            if d.satisfaction:
                lines.append(f"<b>{t(SATISFACTION_LABEL)}:</b> {t(SATISFACTION[d.satisfaction - 1])}")
            self.outcome.setText("<br>".join(lines))
        self.outcome.setVisible(bool(d.resolution or d.satisfaction))
        self.timeline_model.set_rows(d.events)
        if d.events:
            self.timeline.scrollToBottom()
        for to, button in self.step_buttons.items():
            if to is None:
                button.setVisible(d.rights.assign_others and d.status in REASSIGNABLE)
            else:
                button.setVisible(to in d.rights.transitions)
        if S.ASSIGNED in d.rights.transitions and d.rights.take and not d.rights.assign_others:
            self.step_buttons[S.ASSIGNED].setText(QCoreApplication.translate("ComplaintDialog", "Take it…"))
        if d.status is S.REOPENED:
            self.step_buttons[S.IN_PROGRESS].setText(
                QCoreApplication.translate("ComplaintDialog", "Resume work…")
            )
        self._set_enabled(d.rights.edit)
        self.franchisee.setEnabled(False)
        self.comment.setVisible(d.rights.comment)
        self.comment_button.setVisible(d.rights.comment)
        if not d.rights.edit:
            reason = (
                QCoreApplication.translate("ComplaintDialog", "Closed: read only. Reopen it to change it.")
                if d.status is S.CLOSED
                else QCoreApplication.translate(
                    "ComplaintDialog", "Only the assignee or an administrator changes this complaint."
                )
            )
            self.save_button.hide()
            self.times.setText(self.times.text() + " " + reason)
        self._clean = self._snapshot()

    def _set_enabled(self, editable: bool) -> None:
        for widget in self.form.fields.values():
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setReadOnly(not editable)
            else:
                widget.setEnabled(editable)
        self.save_button.setEnabled(editable)

    def _show_times(self, *_args) -> None:
        if self.choices is None or self.detail is not None:
            return
        sla = {s.severity: s for s in self.choices.sla}.get(Severity(self.severity.currentData()))
        if sla is not None:
            self.times.setText(
                QCoreApplication.translate(
                    "ComplaintDialog",
                    "Response within {response} h, resolution within {resolution} h of receipt.",
                ).format(response=sla.response_hours, resolution=sla.resolution_hours)
            )

    # ----- writing -----------------------------------------------------------------------------------------
    def intake(self) -> ComplaintIntake:
        fid = self.franchisee.currentData()
        if fid is not None and self.franchisee.currentText() != self.franchisee.itemText(
            self.franchisee.currentIndex()
        ):
            fid = None  # the text was edited to something that is not a franchisee
        return ComplaintIntake(
            franchisee_id=fid,
            received_at=from_qdatetime(self.received_at.dateTime()),
            channel=Channel(self.channel.currentData()),
            category_id=self.category.currentData(),
            severity=Severity(self.severity.currentData()),
            description=self.description.toPlainText(),
            contact_id=self.contact.currentData(),
            references=self.references.text(),
        )

    def save(self) -> None:
        if self.busy or self.choices is None:
            return
        intake = self.intake()
        if len(intake.description) > DESCRIPTION_LIMIT:
            self.form.show_errors(
                [
                    FieldError(
                        "description",
                        QT_TRANSLATE_NOOP("Validation", "At most {limit} characters."),
                        {"limit": DESCRIPTION_LIMIT},
                    )
                ]
            )
            return
        sv, actor = self.ctx.services.complaints, self.ctx.actor
        if self.detail is None:
            self._write(sv.log, actor, intake, self.assign_to.currentData(), form=self.form, close=True)
        else:
            self._write(sv.edit, actor, self.detail.id, self.detail.version, intake, form=self.form)

    def open_step(self, to: ComplaintStatus | None) -> None:
        if self.detail is None:
            return
        self.step = StepDialog(to, self.detail, self.choices, self)
        self.step.accepted.connect(lambda: None)
        self.step.buttons.accepted.disconnect()
        self.step.buttons.accepted.connect(self._run_step)
        self.step.open()

    def _run_step(self) -> None:
        step, d = self.step, self.detail
        if step is None or d is None:
            return
        sv, actor = self.ctx.services.complaints, self.ctx.actor
        request = step.request()
        if step.to is None:
            self._write(
                sv.reassign,
                actor,
                d.id,
                d.version,
                request.assignee_id,
                request.comment,
                form=step,
                step=step,
            )
        else:
            self._write(sv.transition, actor, d.id, d.version, request, form=step, step=step)

    def add_comment(self) -> None:
        if self.detail is None:
            return
        text = self.comment.toPlainText()
        sv, actor = self.ctx.services.complaints, self.ctx.actor
        self._write(sv.comment, actor, self.detail.id, text, clear_comment=True)

    def _write(
        self, fn, *args, form=None, step: StepDialog | None = None, close=False, clear_comment=False
    ) -> None:
        if self.busy:
            return
        self.busy = True
        self.message.hide()
        self.setCursor(Qt.CursorShape.WaitCursor)

        def done(detail: ComplaintDetail) -> None:
            self.busy = False
            self.unsetCursor()
            if step is not None:
                step.accept()
                self.step = None
            if clear_comment:
                self.comment.clear()
            self.ctx.bus.notify(
                Changes.of(
                    Entity.COMPLAINT,
                    ids=[detail.id],
                    franchisee_ids=[detail.intake.franchisee_id],
                    origin=self,
                )
            )
            self.right.setVisible(True)
            self.save_button.setText(QCoreApplication.translate("ComplaintDialog", "Save changes"))
            self.show_detail(detail)
            self.saved.emit(detail)
            if close:
                self.accept()

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.unsetCursor()
            if isinstance(exc, ValidationError):
                if isinstance(form, StepDialog):
                    form.show_errors(exc.errors)
                elif form is not None:
                    rest = form.show_errors(exc.errors)
                    if rest:
                        self._say("\n".join(tr_field_error(e) for e in rest))
                else:
                    self._say("\n".join(tr_field_error(e) for e in exc.errors))
                return
            if hasattr(exc, "text") and step is not None:
                step.message.setText(tr_error(exc))
                step.message.show()
                return
            if hasattr(exc, "text"):
                self._say(tr_error(exc))
                return
            show_error(self, exc)

        self.ctx.runner.submit(fn, *args, on_done=done, on_error=failed, write=True)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _failed(self, exc: BaseException) -> None:
        self.header.setText("")
        show_error(self, exc)

    # ----- closing -----------------------------------------------------------------------------------------
    def _snapshot(self) -> tuple:
        return raw_values([*self.form.fields.values(), self.comment])

    def reject(self) -> None:
        typed = self._clean is not None and self._snapshot() != self._clean
        if self.isVisible() and typed and not ask_drop_typed(self):
            return
        super().reject()


__all__ = ["ComplaintDialog", "StepDialog"]
