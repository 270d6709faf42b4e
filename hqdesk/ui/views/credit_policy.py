"""The credit policy page (credit managers change it; everybody else reads it): the normal bad-debt loss rate and
the credit standard (entered as percentages), the aging bucket bounds, the default collection policy, the
collection policies with their ordered dunning levels, and the policy advice (the actual loss rate of the last 12
months against the normal rate, in words with the figures)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.credit import DUNNING_ACTION_LABELS, DunningAction
from hqdesk.domain.credit_check import Advice
from hqdesk.domain.dunning import LevelRule
from hqdesk.domain.errors import FieldError, ValidationError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action
from hqdesk.services.credit_policy import CollectionPolicyDTO, CreditPolicyDTO
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error
from hqdesk.ui.export import TableExport
from hqdesk.ui.i18n import tr_enum, tr_error, translate
from hqdesk.ui.models.base import RowsModel
from hqdesk.ui.views.profile.tabs import table_view
from hqdesk.ui.widgets import DecimalEdit, Form, set_combo_data

HUNDRED = Decimal(100)
ADVICE_COLORS = {
    Advice.TIGHTEN: "#c0392b",
    Advice.KEEP: "#1e8449",
    Advice.LOOSEN: "#2471a3",
    Advice.NO_DATA: "#5d6d7e",
}


DEFAULT_TEMPLATES = {
    DunningAction.REMINDER_LETTER: "dunning_reminder",
    DunningAction.FINAL_DEMAND: "dunning_final",
}
"""The letter templates the presets use (the letters issue prints them)."""


class PolicyRows(RowsModel[CollectionPolicyDTO]):
    CONTEXT = "CreditPolicyView"
    HEADERS = (
        QT_TRANSLATE_NOOP("CreditPolicyView", "Code"),
        QT_TRANSLATE_NOOP("CreditPolicyView", "Name"),
        QT_TRANSLATE_NOOP("CreditPolicyView", "Tolerance (days)"),
        QT_TRANSLATE_NOOP("CreditPolicyView", "Dunning levels"),
        QT_TRANSLATE_NOOP("CreditPolicyView", "Profiles"),
        QT_TRANSLATE_NOOP("CreditPolicyView", "Active"),
    )

    def cells(self, p: CollectionPolicyDTO) -> tuple[str, ...]:
        levels = ", ".join(
            f"{lv.days_overdue}: {tr_enum(DUNNING_ACTION_LABELS[lv.action])}" for lv in p.levels
        )
        yes = translate("CreditPolicyView", "yes") if p.active else translate("CreditPolicyView", "no")
        return (p.code, tr_enum(p.name), str(p.tolerance_days), levels, str(p.profiles), yes)


class LevelRow:
    def __init__(self, rule: LevelRule | None) -> None:
        self.days = QSpinBox()
        self.days.setRange(0, 36500)
        self.action = QComboBox()
        for action in DunningAction:
            self.action.addItem(tr_enum(DUNNING_ACTION_LABELS[action]), action.value)
        self.template = QLineEdit()
        self.template.setMaxLength(50)
        self.remove = QPushButton("✕")
        self.remove.setFixedWidth(32)
        if rule is not None:
            self.days.setValue(rule.days_overdue)
            set_combo_data(self.action, rule.action.value)
            self.template.setText(rule.letter_template)
        else:
            self.template.setText(DEFAULT_TEMPLATES[DunningAction.REMINDER_LETTER])
        self.action.currentIndexChanged.connect(self._action_changed)

    def _action_changed(self, *_args) -> None:
        """A letter gets the usual template of its kind; other actions print nothing."""
        action = DunningAction(self.action.currentData())
        known = set(DEFAULT_TEMPLATES.values())
        if action in DEFAULT_TEMPLATES and (not self.template.text() or self.template.text() in known):
            self.template.setText(DEFAULT_TEMPLATES[action])
        elif action not in DEFAULT_TEMPLATES and self.template.text() in known:
            self.template.setText("")

    def rule(self) -> LevelRule:
        return LevelRule(self.days.value(), DunningAction(self.action.currentData()), self.template.text())

    def widgets(self) -> list[QWidget]:
        return [self.days, self.action, self.template, self.remove]


class CollectionPolicyDialog(QDialog):
    """Add or edit a collection policy and its ordered dunning levels."""

    def __init__(
        self, ctx: UiContext, policy: CollectionPolicyDTO | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.policy = policy
        self.setObjectName("collectionPolicyDialog")
        self.setWindowTitle(
            self.tr("New collection policy") if policy is None else self.tr("Edit collection policy")
        )
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        self.form = Form(QFormLayout())
        layout.addLayout(self.form.layout)
        self.code = self.form.add("code", self.tr("Code"), QLineEdit(), required=True)
        self.code.setMaxLength(20)
        self.name_ = self.form.add("name", self.tr("Name"), QLineEdit(), required=True)
        self.name_.setMaxLength(100)
        self.tolerance = self.form.add(
            "tolerance_days", self.tr("Days overdue tolerated by the credit check"), QSpinBox()
        )
        self.tolerance.setRange(0, 3650)
        self.active = QCheckBox(self.tr("Active"))
        self.active.setChecked(True)
        self.form.layout.addRow("", self.active)
        box = QGroupBox(self.tr("Dunning levels (days overdue strictly increasing)"))
        self.grid = QGridLayout(box)
        for col, text in enumerate(
            (self.tr("From days overdue"), self.tr("Action"), self.tr("Letter template"))
        ):
            self.grid.addWidget(QLabel(text), 0, col)
        layout.addWidget(box)
        add = QPushButton(self.tr("Add a level"))
        add.setObjectName("addLevel")
        add.clicked.connect(lambda: self.add_level(None))
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.rows: list[LevelRow] = []
        if policy is not None:
            self.code.setText(policy.code)
            self.name_.setText(tr_enum(policy.name) if policy.preset else policy.name)
            self.tolerance.setValue(policy.tolerance_days)
            self.active.setChecked(policy.active)
            for rule in policy.levels:
                self.add_level(rule)
        else:
            self.add_level(None)

    def add_level(self, rule: LevelRule | None) -> LevelRow:
        row = LevelRow(rule)
        if rule is None and self.rows:
            row.days.setValue(self.rows[-1].days.value() + 15)
        self.rows.append(row)
        r = len(self.rows)
        for col, w in enumerate(row.widgets()):
            self.grid.addWidget(w, r, col)
        row.remove.clicked.connect(lambda: self.remove_level(row))
        return row

    def remove_level(self, row: LevelRow) -> None:
        for w in row.widgets():
            self.grid.removeWidget(w)
            w.deleteLater()
        self.rows.remove(row)

    def levels(self) -> list[LevelRule]:
        return [r.rule() for r in self.rows]

    def submit(self) -> None:
        self.form.clear_errors()
        self.message.setText("")
        p = self.policy
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.ctx.runner.submit(
            self.ctx.services.credit_policy.save_collection_policy,
            self.ctx.actor,
            p.id if p is not None else None,
            p.version if p is not None else 0,
            self.code.text(),
            self.name_.text()
            if not (p is not None and p.preset and self.name_.text() == tr_enum(p.name))
            else p.name,
            self.tolerance.value(),
            self.levels(),
            self.active.isChecked(),
            write=True,
            on_done=lambda _dto: self.accept(),
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        if isinstance(exc, ValidationError):
            rest = self.form.show_errors(exc.errors)
            if rest:
                self.message.setText(tr_error(ValidationError(rest)))
        else:
            show_error(self, exc)


class CreditPolicyView(QWidget):
    reload_on = frozenset({Entity.CREDIT_POLICY, Entity.LEDGER, Entity.CREDIT_PROFILE})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("creditPolicyView")
        self.policy: CreditPolicyDTO | None = None
        self._dialog = None
        can = ctx.can(Action.CONFIGURE_CREDIT_POLICY)
        layout = QVBoxLayout(self)

        company = QGroupBox(self.tr("Company credit policy"))
        cl = QVBoxLayout(company)
        self.form = Form(QFormLayout())
        cl.addLayout(self.form.layout)
        self.normal = self.form.add(
            "normal_loss_rate", self.tr("Normal bad-debt loss rate (%)"), DecimalEdit(4)
        )
        self.normal.setToolTip(self.tr("Set by finance: the loss rate the business plans with."))
        self.standard = self.form.add("credit_standard", self.tr("Credit standard (%)"), DecimalEdit(4))
        self.standard.setToolTip(
            self.tr("The highest expected bad-debt loss rate at which a franchisee may buy on credit.")
        )
        self.bounds = self.form.add("aging_bounds", self.tr("Aging bucket bounds (days)"), QLineEdit())
        self.bounds.setPlaceholderText("30,60,90,180,365")
        self.default_policy = self.form.add(
            "default_collection_policy_id", self.tr("Default collection policy"), QComboBox()
        )
        self.form.set_read_only(not can)
        self.default_policy.setEnabled(can)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("savePolicy")
        self.save_button.setVisible(can)
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.save_button)
        cl.addLayout(row)
        layout.addWidget(company)

        advice = QGroupBox(self.tr("Policy advice (last 12 months)"))
        al = QVBoxLayout(advice)
        self.advice = QLabel()
        self.advice.setObjectName("advice")
        self.advice.setWordWrap(True)
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        al.addWidget(self.advice)
        layout.addWidget(advice)

        policies = QGroupBox(self.tr("Collection policies"))
        pl = QVBoxLayout(policies)
        self.model = PolicyRows(self)
        self.view = table_view(policies)
        TableExport(self.view, "collection policies")
        self.view.setObjectName("collectionPolicies")
        self.view.setModel(self.model)
        self.view.doubleClicked.connect(lambda _i: self.edit_policy())
        pl.addWidget(self.view)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New…"))
        self.new_button.setObjectName("newPolicy")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editPolicy")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removePolicy")
        for b in (self.new_button, self.edit_button, self.remove_button):
            b.setVisible(can)
            buttons.addWidget(b)
        buttons.addStretch(1)
        pl.addLayout(buttons)
        layout.addWidget(policies, 1)
        self.new_button.clicked.connect(lambda: self.open_policy(None))
        self.edit_button.clicked.connect(self.edit_policy)
        self.remove_button.clicked.connect(self.remove_policy)
        ctx.bus.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self.ctx.runner.submit(
            self.ctx.services.credit_policy.get, on_done=self._loaded, on_error=lambda e: show_error(self, e)
        )
        self.ctx.runner.submit(
            self.ctx.services.credit_policy.advice,
            on_done=self._advised,
            on_error=lambda e: show_error(self, e),
        )

    def _on_changed(self, changes: Changes) -> None:
        if changes.origin is not self and changes.touches(*self.reload_on):
            self.reload()

    def _loaded(self, policy: CreditPolicyDTO) -> None:
        self.policy = policy
        self.normal.set_decimal_value((policy.normal_loss_rate * HUNDRED).normalize())
        self.standard.set_decimal_value((policy.credit_standard * HUNDRED).normalize())
        self.bounds.setText(",".join(str(b) for b in policy.aging_bounds))
        self.default_policy.clear()
        for p in policy.collection_policies:
            if p.active:
                self.default_policy.addItem(tr_enum(p.name), p.id)
        set_combo_data(self.default_policy, policy.default_collection_policy_id)
        self.model.set_rows(policy.collection_policies)

    def _advised(self, advice) -> None:
        color = ADVICE_COLORS.get(advice.kind, "#000")
        self.advice.setStyleSheet(f"color: {color};")
        self.advice.setText(advice.text(translate))

    def save(self) -> None:
        if self.policy is None:
            return
        self.form.clear_errors()
        normal, standard = self.normal.decimal_value(), self.standard.decimal_value()
        errors = [
            FieldError(name, QT_TRANSLATE_NOOP("Validation", "Enter a number."))
            for name, value in (("normal_loss_rate", normal), ("credit_standard", standard))
            if value is None
        ]
        if errors:
            self.form.show_errors(errors)
            return
        self.save_button.setEnabled(False)
        self.ctx.runner.submit(
            self.ctx.services.credit_policy.save,
            self.ctx.actor,
            self.policy.version,
            normal / HUNDRED,
            standard / HUNDRED,
            self.bounds.text(),
            self.default_policy.currentData(),
            write=True,
            on_done=self._saved,
            on_error=self._failed,
        )

    def _saved(self, policy: CreditPolicyDTO) -> None:
        self.save_button.setEnabled(True)
        self._loaded(policy)
        self.message.setText(self.tr("Saved."))
        self.ctx.bus.notify(Changes.of(Entity.CREDIT_POLICY, origin=self))
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            rest = self.form.show_errors(exc.errors)
            if rest:
                self.message.setText(tr_error(ValidationError(rest)))
        else:
            show_error(self, exc)
            self.reload()

    def selected(self) -> CollectionPolicyDTO | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def open_policy(self, policy: CollectionPolicyDTO | None) -> None:
        dialog = CollectionPolicyDialog(self.ctx, policy, self)
        dialog.accepted.connect(self._policy_saved)
        self._dialog = dialog
        dialog.open()

    def edit_policy(self) -> None:
        p = self.selected()
        if p is not None and self.ctx.can(Action.CONFIGURE_CREDIT_POLICY):
            self.open_policy(p)

    def _policy_saved(self) -> None:
        self.ctx.bus.notify(Changes.of(Entity.CREDIT_POLICY, origin=self))
        self.reload()

    def remove_policy(self) -> None:
        p = self.selected()
        if p is None:
            return
        self.ctx.runner.submit(
            self.ctx.services.credit_policy.remove_collection_policy,
            self.ctx.actor,
            p.id,
            p.version,
            write=True,
            on_done=lambda _r: self._policy_saved(),
            on_error=lambda exc: (show_error(self, exc), self.reload()),
        )


__all__ = ["CreditPolicyView", "CollectionPolicyDialog", "PolicyRows"]
