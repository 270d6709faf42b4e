"""The franchisee form: the profile tab's two groups of fields ("Company", "Location and contract").

It shows a FranchiseeData, reads it back (text that is not a number or a date becomes a FieldError here),
offers the tiers and account managers of the last ProfileChoices (an inactive manager is shown as such and
kept, never offered for new assignments), and says when the user edited something (``edited``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.errors import FieldError
from hqdesk.domain.franchisee import (
    MAX_LENGTHS,
    REGIONS,
    TAGS_MAX_LENGTH,
    FranchiseeData,
    clean_franchisee,
    normalize_tags,
    validate_franchisee,
)
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.profile import ProfileChoices
from hqdesk.ui.dialogs.discard import raw_values
from hqdesk.ui.models.history import field_label
from hqdesk.ui.widgets import DecimalEdit, Form, OptionalDateEdit

AMOUNT_PROBLEM = QT_TRANSLATE_NOOP("Validation", "Enter an amount in yuan, e.g. 1000000.00.")
DATE_PROBLEM = QT_TRANSLATE_NOOP("Validation", "Enter a date as yyyy-mm-dd, or leave the field empty.")
TWO_COLUMNS_WIDTH = 820  # px of the profile tab below which its two groups stack
TEXT_FIELDS = ("code", "legal_name", "store_brand_name", "uscc", "legal_representative", "province", "city")


def text_box(lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class FranchiseeForm(QScrollArea):
    """The profile tab. ``edited()`` after every change the user makes (not while a record is shown)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._populating = False
        self._read_only: bool | None = None
        self._tiers: tuple[str, ...] = ()
        content = QWidget()
        v = QVBoxLayout(content)
        v.setContentsMargins(4, 8, 4, 8)
        self.status_line = QLabel()
        self.status_line.setObjectName("statusLine")
        top = QHBoxLayout()
        top.addWidget(self.status_line, 1)
        v.addLayout(top)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(16)
        v.addLayout(self.columns)
        v.addStretch(1)
        company = QGroupBox(self.tr("Company"))
        place = QGroupBox(self.tr("Location and contract"))
        left, right = QFormLayout(company), QFormLayout(place)
        for form_layout in (left, right):
            form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            form_layout.setVerticalSpacing(6)
        # top-aligned: the shorter column must not spread its rows to match the taller one
        self.columns.addWidget(company, 1, Qt.AlignmentFlag.AlignTop)
        self.columns.addWidget(place, 1, Qt.AlignmentFlag.AlignTop)
        content.installEventFilter(self)

        def label(name: str) -> str:
            return field_label("franchisees", name)

        self.form = f = Form(left)
        top.addWidget(f.required_note())
        self.code = f.add("code", label("code"), QLineEdit(), required=True)
        self.code.setMaxLength(20)
        self.code.setPlaceholderText(self.tr("e.g. {example}").format(example="JX0001"))
        self.legal_name = f.add("legal_name", label("legal_name"), QLineEdit(), required=True)
        self.legal_name.setMaxLength(200)
        self.store_brand_name = f.add("store_brand_name", label("store_brand_name"), QLineEdit())
        self.store_brand_name.setMaxLength(MAX_LENGTHS["store_brand_name"])
        self.uscc = f.add("uscc", self.tr("Unified social credit code"), QLineEdit())
        self.uscc.setMaxLength(24)  # pasted codes may carry spaces; cleaned before saving
        self.uscc.setPlaceholderText(self.tr("18 characters"))
        self.legal_representative = f.add("legal_representative", label("legal_representative"), QLineEdit())
        self.legal_representative.setMaxLength(MAX_LENGTHS["legal_representative"])
        self.registered_capital = f.add(
            "registered_capital", self.tr("Registered capital (¥)"), DecimalEdit(2)
        )
        self.business_scope = f.add("business_scope", label("business_scope"), text_box(3))
        self.tags = f.add("tags", label("tags"), QLineEdit())
        self.tags.setMaxLength(TAGS_MAX_LENGTH)  # the tags as stored are never longer than as typed
        self.tags.setPlaceholderText(self.tr("Separated by commas, e.g. 重点, 新店"))

        f.layout = right  # Form.add appends to form.layout: the rest goes into the right-hand column
        self.region = f.add("region", label("region"), QComboBox())
        self.region.setEditable(True)
        self.region.addItems(("",) + REGIONS)
        self.region.lineEdit().setMaxLength(MAX_LENGTHS["region"])
        self.province = f.add("province", label("province"), QLineEdit())
        self.province.setMaxLength(MAX_LENGTHS["province"])
        self.city = f.add("city", label("city"), QLineEdit(), required=True)
        self.city.setMaxLength(MAX_LENGTHS["city"])
        self.address = f.add("address", label("address"), QLineEdit())
        self.address.setMaxLength(MAX_LENGTHS["address"])
        self.tier = f.add("tier", label("tier"), QComboBox(), required=True)
        self.account_manager = f.add("account_manager_id", label("account_manager_id"), QComboBox())
        self.join_date = f.add("join_date", label("join_date"), OptionalDateEdit())
        self.contract_start = f.add("contract_start", label("contract_start"), OptionalDateEdit())
        self.contract_end = f.add("contract_end", label("contract_end"), OptionalDateEdit())
        self.notes = f.add("notes", label("notes"), text_box(3))
        width = max(caption.sizeHint().width() for caption in f.labels.values())
        for caption in f.labels.values():  # both groups' fields start at the same x when stacked
            caption.setMinimumWidth(width)
        for widget in f.fields.values():
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.textChanged.connect(self._edited)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._edited)
                widget.editTextChanged.connect(self._edited)
        self.setWidget(content)

    # ----- what Form knows, for the editor and the page objects --------------------------------------------
    @property
    def fields(self) -> dict[str, QWidget]:
        return self.form.fields

    @property
    def labels(self) -> dict[str, QLabel]:
        return self.form.labels

    def error_text(self, name: str) -> str:
        return self.form.error_text(name)

    def has_errors(self) -> bool:
        return self.form.has_errors()

    # ----- choices -----------------------------------------------------------------------------------------
    def set_choices(self, choices: ProfileChoices) -> None:
        """Offer these tiers and account managers; the values shown stay selected."""
        self._tiers = choices.tiers
        self._populating = True
        try:
            tier = self.tier.currentData()
            self.tier.clear()
            for code in choices.tiers:
                self.tier.addItem(code, code)
            if tier is not None:
                self._select(self.tier, tier, tier)
            manager = self.account_manager.currentData()
            self.account_manager.clear()
            self.account_manager.addItem(self.tr("(none)"), None)
            for user in choices.managers:
                self.account_manager.addItem(self.manager_label(user.name, user.active), user.id)
            self._select(self.account_manager, manager, "")
        finally:
            self._populating = False

    def manager_label(self, name: str, active: bool = True) -> str:
        return name if active else self.tr("{name} (inactive)").format(name=name)

    @staticmethod
    def _select(combo: QComboBox, value, label: str) -> None:
        index = combo.findData(value)
        if index < 0 and value is not None:  # e.g. an account manager the choices do not know yet
            combo.addItem(label or f"#{value}", value)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))

    # ----- showing and reading -----------------------------------------------------------------------------
    def populate(self, data: FranchiseeData, manager_name: str = "") -> None:
        self._populating = True
        try:
            for name in TEXT_FIELDS + ("address",):
                self.fields[name].setText(getattr(data, name))
            self.registered_capital.setText(
                "" if data.registered_capital is None else f"{data.registered_capital:,.2f}"
            )  # readable: 10,000,000.00
            self.business_scope.setPlainText(data.business_scope)
            self.tags.setText(", ".join(data.tags))
            self.region.setCurrentText(data.region)
            self._select(self.tier, data.tier, data.tier)
            self._select(self.account_manager, data.account_manager_id, manager_name)
            self.join_date.set_date_value(data.join_date)
            self.contract_start.set_date_value(data.contract_start)
            self.contract_end.set_date_value(data.contract_end)
            self.notes.setPlainText(data.notes)
            for widget in self.fields.values():
                if isinstance(widget, QLineEdit):
                    widget.setCursorPosition(0)  # long names show their beginning, not their end
        finally:
            self._populating = False
        self.form.clear_errors()

    def raw(self) -> tuple:
        """What the form shows, as plain values (compared with the loaded state: was it edited?)."""
        return raw_values(self.fields.values())

    def read(self) -> tuple[FranchiseeData, list[FieldError]]:
        """The form as FranchiseeData; text that is not a number or date becomes a FieldError here."""
        errors = []
        capital = self.registered_capital.decimal_value()
        if self.registered_capital.text().strip() and capital is None:
            errors.append(FieldError("registered_capital", AMOUNT_PROBLEM))
        for name in ("join_date", "contract_start", "contract_end"):
            if not self.fields[name].hasAcceptableInput():
                errors.append(FieldError(name, DATE_PROBLEM))
        data = FranchiseeData(
            code=self.code.text(),
            legal_name=self.legal_name.text(),
            store_brand_name=self.store_brand_name.text(),
            uscc=self.uscc.text(),
            legal_representative=self.legal_representative.text(),
            registered_capital=capital,
            business_scope=self.business_scope.toPlainText(),
            region=self.region.currentText(),
            province=self.province.text(),
            city=self.city.text(),
            address=self.address.text(),
            tier=self.tier.currentData() or "",
            join_date=self.join_date.date_value(),
            contract_start=self.contract_start.date_value(),
            contract_end=self.contract_end.date_value(),
            account_manager_id=self.account_manager.currentData(),
            tags=normalize_tags(self.tags.text()),
            notes=self.notes.toPlainText(),
        )
        if errors and self._tiers:
            # show the rest of what is wrong at the same time, not one round trip per problem
            flagged = {e.field for e in errors}
            errors += [
                e for e in validate_franchisee(clean_franchisee(data), self._tiers) if e.field not in flagged
            ]
        return data, errors

    def show_errors(self, errors: list[FieldError]) -> list[FieldError]:
        """Errors beside their fields (the first one focused and scrolled to); returns those without a field."""
        order = list(self.fields)
        errors = sorted(errors, key=lambda e: order.index(e.field) if e.field in order else len(order))
        rest = self.form.show_errors(errors)
        placed = [e for e in errors if e not in rest]
        if placed:
            self.ensureWidgetVisible(self.fields[placed[0].field])
        return rest

    def set_read_only(self, read_only: bool, assign_manager: bool = False) -> None:
        """Read only, or editable (the account manager only for those who may reassign)."""
        self.account_manager.setEnabled(not read_only and assign_manager)
        if read_only == self._read_only:
            return
        self._read_only = read_only
        self.form.set_read_only(read_only)
        self.account_manager.setEnabled(not read_only and assign_manager)
        for widget in self.fields.values():
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                # an example in an empty read-only field would look like a value
                if read_only:
                    widget.setProperty("hint", widget.placeholderText())
                    widget.setPlaceholderText("")
                elif widget.property("hint"):
                    widget.setPlaceholderText(widget.property("hint"))
            # the [readOnly="true"] style sheet selector is only evaluated when a widget is polished
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _edited(self, *_args) -> None:
        if not self._populating:
            self.edited.emit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        """Two columns where there is room, one below the other in a narrow splitter pane."""
        if event.type() == QEvent.Type.Resize:
            wide = event.size().width() >= TWO_COLUMNS_WIDTH
            direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
            if self.columns.direction() != direction:
                self.columns.setDirection(direction)
        return super().eventFilter(watched, event)


__all__ = ["FranchiseeForm", "raw_values", "text_box", "AMOUNT_PROBLEM", "DATE_PROBLEM"]
