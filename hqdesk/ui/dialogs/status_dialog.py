"""Change a franchisee's lifecycle status: only the allowed transitions, a date (not in the future), a reason."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from hqdesk.domain.errors import FieldError
from hqdesk.domain.franchisee import ALLOWED_TRANSITIONS, STATUS_LABELS, LifecycleStatus, StatusChange
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.dto import FranchiseeDetail
from hqdesk.ui.dialogs.conflict_dialog import RecordDialog
from hqdesk.ui.dialogs.discard import AsksBeforeDiscarding
from hqdesk.ui.i18n import fmt_date, tr_enum
from hqdesk.ui.models.history import UserNames
from hqdesk.ui.widgets import OptionalDateEdit, beside_buttons

DATE_PROBLEM = QT_TRANSLATE_NOOP("Validation", "Enter a date as yyyy-mm-dd.")


def status_since(detail: FranchiseeDetail) -> str:
    """ "Active since 2024年3月1日" (or just "Active" when the date is unknown)."""
    label = tr_enum(STATUS_LABELS[detail.status])
    if detail.status_changed_on is None:
        return label
    return QCoreApplication.translate("StatusDialog", "{status} since {date}").format(
        status=label, date=fmt_date(detail.status_changed_on)
    )


class StatusDialog(AsksBeforeDiscarding, RecordDialog):
    table = "franchisees"
    kind = "franchisee"

    def __init__(
        self,
        ctx,
        detail: FranchiseeDetail,
        names: UserNames | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(ctx, names, parent)
        self.setObjectName("statusDialog")
        self.detail = detail
        self.today = today or date.today()
        self.setWindowTitle(self.tr("Change the status of {code}").format(code=detail.data.code))
        self.current = QLabel()
        self.current.setObjectName("currentStatus")
        self.current.setWordWrap(True)
        self.layout_.addWidget(self.current)
        self.form.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.addLayout(self.form.layout)
        self.status = self.form.add("status", self.tr("New status"), QComboBox(), required=True)
        self.changed_on = self.form.add(
            "changed_on", self.tr("Effective on"), OptionalDateEdit(), required=True
        )
        self.changed_on.problem = DATE_PROBLEM  # a status change needs its date
        self.changed_on.setMaximumDate(QDate(self.today.year, self.today.month, self.today.day))
        self.changed_on.set_date_value(self.today)
        self.reason = self.form.add("reason", self.tr("Reason"), QPlainTextEdit(), required=True)
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Why? e.g. contract signed, overdue payments, shop closed…"))
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 14)
        self.finish_layout()
        beside_buttons(self.layout_, self.form.required_note(), self.buttons)
        self.save_button.setText(self.tr("Change status"))
        self._show_detail()
        self.resize(480, 0)
        self.mark_clean()  # Esc, Cancel and close ask before dropping what is typed from here on
        self.status.setFocus()

    def _show_detail(self) -> None:
        self.current.setText(self.tr("Current status: {status}").format(status=status_since(self.detail)))
        self.status.clear()
        for status in LifecycleStatus:  # the lifecycle's own order
            if status in ALLOWED_TRANSITIONS[self.detail.status]:
                self.status.addItem(tr_enum(STATUS_LABELS[status]), status)

    def collect(self) -> tuple[StatusChange, list[FieldError]]:
        errors = []
        if not self.changed_on.hasAcceptableInput():
            errors.append(FieldError("changed_on", DATE_PROBLEM))
        change = StatusChange(
            LifecycleStatus(self.status.currentData()),
            self.changed_on.date_value(),
            self.reason.toPlainText(),
        )
        return change, errors

    def service_call(self, change: StatusChange, overwrite: bool):
        return (
            self.ctx.services.franchisees.change_status,
            (self.ctx.actor, self.detail.id, self.detail.version, change),
            {},
        )

    def can_overwrite(self) -> bool:
        return False  # a status change is never forced over another user's change: reload and decide again

    def apply_current(self, current: FranchiseeDetail) -> None:
        self.detail = current
        self._show_detail()
        self.show_message(self.tr("Reloaded. Check the current status and try again."))


__all__ = ["StatusDialog", "status_since"]
