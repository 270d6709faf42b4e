"""The Visits page's dialog to follow a suggestion up (see ``hqdesk.ui.views.visits``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.errors import ConflictError
from hqdesk.domain.visits import (
    RESPONSE_MAX_LENGTH,
    SUGGESTION_STATUS_LABELS,
    SuggestionStatus,
)
from hqdesk.services.visits import SuggestionRow
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import tr_enum


class SuggestionDialog(QDialog):
    """Follow a suggestion up: its status and what HQ did or answered."""

    def __init__(self, ctx: UiContext, row: SuggestionRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionDialog")
        self.ctx, self.row = ctx, row
        self.setWindowTitle(self.tr("Follow up a suggestion"))
        self.setMinimumWidth(480)
        v = QVBoxLayout(self)
        form = QFormLayout()
        text = QLabel(row.text)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Suggestion"), text)
        form.addRow(self.tr("Franchisee"), QLabel(f"{row.franchisee_code} {row.franchisee_name}"))
        self.status = QComboBox()
        self.status.setObjectName("status")
        for value, label in SUGGESTION_STATUS_LABELS.items():
            self.status.addItem(tr_enum(label), value.value)
        self.status.setCurrentIndex(self.status.findData(row.status.value))
        form.addRow(self.tr("Status"), self.status)
        self.response = QPlainTextEdit(row.response)
        self.response.setObjectName("response")
        self.response.setTabChangesFocus(True)
        self.response.setPlaceholderText(self.tr("What HQ did about it, or answered"))
        self.response.setFixedHeight(self.response.fontMetrics().lineSpacing() * 4 + 14)
        form.addRow(self.tr("Response"), self.response)
        v.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        self.message.hide()
        v.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        v.addWidget(self.buttons)

    def save(self) -> None:
        response = self.response.toPlainText()
        if len(response.strip()) > RESPONSE_MAX_LENGTH:
            self._say(
                self.tr("The response is at most {limit} characters.").format(limit=RESPONSE_MAX_LENGTH)
            )
            return
        self.buttons.setEnabled(False)
        self.ctx.runner.submit(
            self.ctx.services.visits.set_suggestion_status,
            self.ctx.actor,
            self.row.id,
            self.row.version,
            SuggestionStatus(self.status.currentData()),
            response,
            write=True,
            on_done=self._saved,
            on_error=self._failed,
        )

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _saved(self, row: SuggestionRow) -> None:
        self.buttons.setEnabled(True)
        self.ctx.bus.notify(Changes.of(Entity.VISIT, [row.visit_id], [row.franchisee_id], origin=self))
        self.row = row
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ConflictError):
            current = exc.current
            self.row = current
            self.status.setCurrentIndex(self.status.findData(current.status.value))
            self.response.setPlainText(current.response)
            self._say(
                self.tr("{user} followed this suggestion up meanwhile: it shows their status now.").format(
                    user=exc.params.get("user", "")
                )
            )
            return
        show_error(self, exc)
