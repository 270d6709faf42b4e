"""Change a franchisee's credit profile (credit managers) or propose a change (the account manager): settlement
term and days, credit limit, collection policy, expected bad-debt loss rate (entered as a percentage, or derived
from the payment history), credit hold with its reason, next review date, and the reason for the change (required).
The write runs in the background; a stale version comes back as a conflict (nothing is overwritten)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.credit import TERM_LABELS, TermKind
from hqdesk.domain.errors import ConflictError, FieldError, ValidationError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.credit_profiles import CreditProfileData, CreditTabBundle
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import tr_enum, tr_error
from hqdesk.ui.widgets import DecimalEdit, Form, OptionalDateEdit, set_combo_data

HUNDRED = Decimal(100)
NOT_A_NUMBER = QT_TRANSLATE_NOOP("Validation", "Enter a number.")


class CreditProfileDialog(QDialog):
    """``propose=False``: save the profile; ``propose=True``: send the changed fields as a proposal."""

    def __init__(
        self, ctx: UiContext, bundle: CreditTabBundle, propose: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.bundle = bundle
        self.propose = propose
        self.result_value = None
        self._task = None
        self.setObjectName("creditProfileDialog")
        self.setWindowTitle(
            self.tr("Propose a credit change") if propose else self.tr("Change the credit profile")
        )
        self.setMinimumWidth(500)
        layout = QVBoxLayout(self)
        f = self.form = Form(QFormLayout())
        layout.addLayout(f.layout)
        self.term_kind = f.add("term_kind", self.tr("Settlement term"), QComboBox())
        for kind in TermKind:
            self.term_kind.addItem(tr_enum(TERM_LABELS[kind]), kind.value)
        self.term_days = f.add("term_days", self.tr("Days (net days or grace days)"), QSpinBox())
        self.term_days.setRange(0, 3650)
        self.credit_limit = f.add(
            "credit_limit", self.tr("Credit limit (¥, empty: no credit)"), DecimalEdit()
        )
        self.collection_policy_id = f.add("collection_policy_id", self.tr("Collection policy"), QComboBox())
        # 0 stands for "none of its own": the company's default collection policy, whichever it is then
        self.collection_policy_id.addItem(self.tr("Company default"), 0)
        for pid, name in bundle.policies:
            self.collection_policy_id.addItem(tr_enum(name), pid)
        self.derived = QCheckBox(self.tr("Derive from the payment history"))
        self.derived.setObjectName("derived")
        f.layout.addRow("", self.derived)
        self.expected_loss_rate = f.add(
            "expected_loss_rate", self.tr("Expected bad-debt loss rate (%)"), DecimalEdit(4)
        )
        self.on_hold = QCheckBox(self.tr("Credit hold"))
        self.on_hold.setObjectName("on_hold")
        f.layout.addRow("", self.on_hold)
        self.hold_reason = f.add("hold_reason", self.tr("Reason for the hold"), QLineEdit())
        self.hold_reason.setMaxLength(1000)
        self.next_review_on = f.add("next_review_on", self.tr("Next review"), OptionalDateEdit())
        self.reason = f.add("reason", self.tr("Reason for the change"), QPlainTextEdit(), required=True)
        self.reason.setFixedHeight(self.fontMetrics().height() * 4)
        layout.addWidget(f.required_note())
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Send the proposal") if propose else self.tr("Save")
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill(bundle.profile.data)
        self.derived.toggled.connect(self._sync)
        self.on_hold.toggled.connect(self._sync)
        self.term_kind.currentIndexChanged.connect(self._sync)
        self._sync()

    def _fill(self, d: CreditProfileData) -> None:
        set_combo_data(self.term_kind, d.term_kind.value)
        self.term_days.setValue(d.term_days)
        self.credit_limit.set_decimal_value(d.credit_limit)
        set_combo_data(self.collection_policy_id, d.collection_policy_id or 0)
        self.derived.setChecked(d.expected_loss_rate is None)
        rate = (
            d.expected_loss_rate
            if d.expected_loss_rate is not None
            else self.bundle.profile.effective_loss_rate
        )
        self.expected_loss_rate.set_decimal_value((rate * HUNDRED).normalize())
        self.on_hold.setChecked(d.on_hold)
        self.hold_reason.setText(d.hold_reason)
        self.next_review_on.set_date_value(d.next_review_on)

    def _sync(self, *_args) -> None:
        self.expected_loss_rate.setEnabled(not self.derived.isChecked())
        self.hold_reason.setEnabled(self.on_hold.isChecked())
        kind = TermKind(self.term_kind.currentData())
        no_days = kind in (TermKind.ADVANCE, TermKind.COD)
        self.term_days.setEnabled(not no_days)
        if no_days:
            self.term_days.setValue(0)

    def data(self) -> CreditProfileData | None:
        """What the form says; None (with the fields' messages shown) when a number cannot be read."""
        errors = []
        limit = self.credit_limit.decimal_value()
        if self.credit_limit.text().strip() and limit is None:
            errors.append(FieldError("credit_limit", NOT_A_NUMBER))
        rate = None
        if not self.derived.isChecked():
            pct = self.expected_loss_rate.decimal_value()
            if pct is None:
                errors.append(FieldError("expected_loss_rate", NOT_A_NUMBER))
            else:
                rate = pct / HUNDRED
        if errors:
            self.form.show_errors(errors)
            return None
        return CreditProfileData(
            term_kind=TermKind(self.term_kind.currentData()),
            term_days=self.term_days.value(),
            credit_limit=limit,
            collection_policy_id=self.collection_policy_id.currentData() or None,
            expected_loss_rate=rate,
            on_hold=self.on_hold.isChecked(),
            hold_reason=self.hold_reason.text() if self.on_hold.isChecked() else "",
            next_review_on=self.next_review_on.date_value(),
        )

    def submit(self) -> None:
        self.form.clear_errors()
        self.message.setText("")
        data = self.data()
        if data is None:
            return
        profiles = self.ctx.services.credit_profiles
        fid = self.bundle.profile.franchisee_id
        reason = self.reason.toPlainText()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.setCursor(Qt.CursorShape.WaitCursor)
        if self.propose:
            before, after = self.bundle.profile.data.values(), data.values()
            changes = {k: v for k, v in after.items() if before[k] != v}
            self._task = self.ctx.runner.submit(
                profiles.propose,
                self.ctx.actor,
                fid,
                changes,
                reason,
                write=True,
                on_done=self._written,
                on_error=self._failed,
            )
        else:
            self._task = self.ctx.runner.submit(
                profiles.save,
                self.ctx.actor,
                fid,
                self.bundle.profile.version,
                data,
                reason,
                write=True,
                on_done=self._written,
                on_error=self._failed,
            )

    def _written(self, result) -> None:
        self.result_value = result
        self.unsetCursor()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.unsetCursor()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        if isinstance(exc, ValidationError):
            rest = self.form.show_errors(exc.errors)
            if rest:
                self.message.setText(tr_error(ValidationError(rest)))
        elif isinstance(exc, ConflictError):
            self.message.setText(
                tr_error(exc) + " " + self.tr("Close this dialog to see their change, then try again.")
            )
        else:
            show_error(self, exc)

    def done(self, result: int) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        super().done(result)


__all__ = ["CreditProfileDialog"]
