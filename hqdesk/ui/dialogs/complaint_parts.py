"""The complaint form's step dialog and shared pieces: the labels of the steps, the translation helper, the
conversions to and from Qt date-times (split from ``ui.dialogs.complaint_dialog``; every name is still importable
from there)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from hqdesk.domain.complaints import ComplaintStatus
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.complaints import ChangeRequest, ComplaintDetail
from hqdesk.ui.i18n import tr_field_error
from hqdesk.ui.views.complaints_models import OVERDUE_COLOR
from hqdesk.ui.widgets import Form, set_combo_data

S = ComplaintStatus
CTX = "ComplaintDialog"
NOT_YET = QT_TRANSLATE_NOOP("ComplaintDialog", "(not yet: leave it new)")
STEP_LABELS = {
    S.ASSIGNED: QT_TRANSLATE_NOOP("ComplaintDialog", "Assign…"),
    S.IN_PROGRESS: QT_TRANSLATE_NOOP("ComplaintDialog", "Start work…"),
    S.RESOLVED: QT_TRANSLATE_NOOP("ComplaintDialog", "Resolve…"),
    S.CLOSED: QT_TRANSLATE_NOOP("ComplaintDialog", "Close…"),
    S.REOPENED: QT_TRANSLATE_NOOP("ComplaintDialog", "Reopen…"),
}
RESOLUTION = QT_TRANSLATE_NOOP("ComplaintDialog", "Resolution")
ROOT_CAUSE = QT_TRANSLATE_NOOP("ComplaintDialog", "Root cause")
CORRECTIVE = QT_TRANSLATE_NOOP("ComplaintDialog", "Corrective action")
SATISFACTION_LABEL = QT_TRANSLATE_NOOP("ComplaintDialog", "Franchisee's satisfaction")
SATISFACTION = (
    QT_TRANSLATE_NOOP("ComplaintDialog", "1 – very unhappy"),
    QT_TRANSLATE_NOOP("ComplaintDialog", "2 – unhappy"),
    QT_TRANSLATE_NOOP("ComplaintDialog", "3 – neutral"),
    QT_TRANSLATE_NOOP("ComplaintDialog", "4 – happy"),
    QT_TRANSLATE_NOOP("ComplaintDialog", "5 – very happy"),
)


def t(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.systemTimeZone())


def from_qdatetime(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


class StepDialog(QDialog):
    """What one step needs: the assignee, the resolution, the satisfaction, a comment."""

    def __init__(self, to: ComplaintStatus | None, detail: ComplaintDetail, choices, parent=None) -> None:
        super().__init__(parent)
        self.to = to  # None: reassign
        self.setObjectName("complaintStepDialog")
        title = (
            QCoreApplication.translate("ComplaintDialog", "Reassign")
            if to is None
            else t(STEP_LABELS[to]).rstrip("…")
        )
        self.setWindowTitle(f"{detail.number}: {title}")
        layout = QVBoxLayout(self)
        self.form = Form(QFormLayout())
        layout.addLayout(self.form.layout)
        self.assignee = self.resolution = self.root_cause = self.corrective = self.satisfaction = None
        if to is S.ASSIGNED or to is None:
            self.assignee = self.form.add(
                "assignee",
                QCoreApplication.translate("ComplaintDialog", "Assignee"),
                QComboBox(),
                required=True,
            )
            people = choices.assignees
            if not choices.may_assign_others:  # taking it for oneself
                people = [p for p in people if p.id == choices.me]
            for p in people:
                self.assignee.addItem(p.name, p.id)
            set_combo_data(self.assignee, detail.assignee_id or choices.me)
        if to is S.RESOLVED:
            self.resolution = self._text(
                "resolution", QCoreApplication.translate("ComplaintDialog", "Resolution"), detail.resolution
            )
            self.root_cause = self._text(
                "root_cause", QCoreApplication.translate("ComplaintDialog", "Root cause"), detail.root_cause
            )
            self.corrective = self._text(
                "corrective_action",
                QCoreApplication.translate("ComplaintDialog", "Corrective action"),
                detail.corrective_action,
            )
        if to is S.CLOSED:
            self.satisfaction = self.form.add(
                "satisfaction",
                QCoreApplication.translate("ComplaintDialog", "Franchisee's satisfaction"),
                QComboBox(),
                required=True,
            )
            self.satisfaction.addItem(
                QCoreApplication.translate("ComplaintDialog", "(ask the franchisee)"), None
            )
            for i, label in enumerate(SATISFACTION, start=1):
                self.satisfaction.addItem(t(label), i)
        self.comment = self.form.add(
            "comment",
            QCoreApplication.translate("ComplaintDialog", "Comment"),
            QPlainTextEdit(),
            required=to is S.REOPENED,
        )
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(self.comment.fontMetrics().lineSpacing() * 4 + 12)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {OVERDUE_COLOR};")
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(title)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(480, 0)

    def _text(self, name: str, label: str, value: str) -> QPlainTextEdit:
        edit = self.form.add(name, label, QPlainTextEdit(), required=True)
        edit.setTabChangesFocus(True)
        edit.setPlainText(value)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
        return edit

    def request(self) -> ChangeRequest:
        return ChangeRequest(
            to=self.to or S.ASSIGNED,
            comment=self.comment.toPlainText(),
            assignee_id=self.assignee.currentData() if self.assignee is not None else None,
            resolution=self.resolution.toPlainText() if self.resolution is not None else "",
            root_cause=self.root_cause.toPlainText() if self.root_cause is not None else "",
            corrective_action=self.corrective.toPlainText() if self.corrective is not None else "",
            satisfaction=self.satisfaction.currentData() if self.satisfaction is not None else None,
        )

    def show_errors(self, errors) -> None:
        rest = self.form.show_errors(errors)
        self.message.setText("\n".join(tr_field_error(e) for e in rest))
        self.message.setVisible(bool(rest))


def _html(text: str) -> str:
    import html

    return html.escape(text).replace("\n", "<br>")


__all__ = ["StepDialog"]
