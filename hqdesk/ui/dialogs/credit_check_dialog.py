"""Check an order: amount and date in, approve / warn / block out with every reason in words; a credit manager may
override a block with a reason that is kept. The check runs in the background (``services.credit_check``)."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.credit import Decision
from hqdesk.domain.errors import ValidationError
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import tr_enum, tr_error, translate
from hqdesk.ui.widgets import DecimalEdit, Form, OptionalDateEdit

DECISION_COLORS = {Decision.APPROVE: "#1e8449", Decision.WARN: "#b9770e", Decision.BLOCK: "#c0392b"}


class CreditCheckDialog(QDialog):
    def __init__(
        self, ctx: UiContext, franchisee_id: int, name: str, can_override: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.franchisee_id = franchisee_id
        self.can_override = can_override
        self.result_value = None  # the last CreditCheckDTO
        self.override_value = None
        self.setObjectName("creditCheckDialog")
        self.setWindowTitle(self.tr("Check an order: {name}").format(name=name))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        self.form = Form(QFormLayout())
        layout.addLayout(self.form.layout)
        self.amount = self.form.add("amount", self.tr("Order amount (¥)"), DecimalEdit(), required=True)
        self.amount.setPlaceholderText("12000.00")
        self.on_date = self.form.add("on_date", self.tr("Order date"), OptionalDateEdit())
        self.on_date.set_date_value(date.today())
        row = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("check")
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.run_check)
        row.addStretch(1)
        row.addWidget(self.check_button)
        layout.addLayout(row)

        self.decision_label = QLabel()
        self.decision_label.setObjectName("decision")
        self.decision_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.decision_label)
        self.reasons_label = QLabel()
        self.reasons_label.setObjectName("reasons")
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setTextFormat(Qt.TextFormat.RichText)
        self.reasons_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.reasons_label, 1)

        self.override_box = QWidget()
        ob = QFormLayout(self.override_box)
        ob.setContentsMargins(0, 8, 0, 0)
        self.override_reason = QLineEdit()
        self.override_reason.setObjectName("overrideReason")
        self.override_reason.setMaxLength(1000)
        self.override_reason.setPlaceholderText(self.tr("why this order may go ahead all the same"))
        self.override_button = QPushButton(self.tr("Override the block"))
        self.override_button.setObjectName("override")
        self.override_button.clicked.connect(self.run_override)
        ob.addRow(self.tr("Reason for the override"), self.override_reason)
        ob.addRow("", self.override_button)
        self.override_box.hide()
        layout.addWidget(self.override_box)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def run_check(self) -> None:
        self.form.clear_errors()
        self.message.setText("")
        amount = self.amount.decimal_value()
        if amount is None:
            from hqdesk.domain.errors import FieldError
            from hqdesk.domain.i18n import QT_TRANSLATE_NOOP

            self.form.show_errors(
                [FieldError("amount", QT_TRANSLATE_NOOP("Validation", "Enter the order amount."))]
            )
            return
        self.check_button.setEnabled(False)
        self.ctx.runner.submit(
            self.ctx.services.credit_check.check,
            self.ctx.actor,
            self.franchisee_id,
            amount,
            self.on_date.date_value() or date.today(),
            on_done=self._checked,
            on_error=self._failed,
        )

    def _checked(self, result) -> None:
        self.check_button.setEnabled(True)
        self.result_value = result
        color = DECISION_COLORS[result.decision]
        self.decision_label.setText(
            f'<span style="font-size: 16pt; font-weight: bold; color: {color};">'
            f"{html.escape(tr_enum(result.decision.label))}</span>"
        )
        items = "".join(
            f'<li style="color: {DECISION_COLORS[r.decision]};">{html.escape(r.text(translate))}</li>'
            for r in result.reasons
        )
        self.reasons_label.setText(f"<ul>{items}</ul>")
        self.override_box.setVisible(self.can_override and result.decision is Decision.BLOCK)
        self.adjustSize()  # every reason shows in full

    def _failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.override_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            rest = self.form.show_errors(exc.errors)
            if rest:
                self.message.setText(tr_error(ValidationError(rest)))
        else:
            show_error(self, exc)

    def run_override(self) -> None:
        if self.result_value is None:
            return
        self.override_button.setEnabled(False)
        self.ctx.runner.submit(
            self.ctx.services.credit_check.override,
            self.ctx.actor,
            self.result_value,
            self.override_reason.text(),
            write=True,
            on_done=self._overridden,
            on_error=self._failed,
        )

    def _overridden(self, dto) -> None:
        self.override_value = dto
        self.override_button.setEnabled(True)
        self.override_box.hide()
        self.message.setText(self.tr("Override kept: {reason}").format(reason=dto.override_reason))
        self.ctx.bus.notify(Changes.of(Entity.CREDIT_PROFILE, [dto.id], [dto.franchisee_id], origin=self))


__all__ = ["CreditCheckDialog"]
