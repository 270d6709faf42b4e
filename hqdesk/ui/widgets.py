"""Small widgets the forms share: optional dates, decimals, and validation messages beside each field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hqdesk.ui.i18n import tr_field_error

NULL_DATE = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A date field that may be empty (shown blank; the calendar pops up on click)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(NULL_DATE)
        self.setSpecialValueText(" ")
        self.setDisplayFormat("yyyy-MM-dd")
        self.setDate(NULL_DATE)

    def date_value(self) -> date | None:
        q = self.date()
        return None if q == NULL_DATE else date(q.year(), q.month(), q.day())

    def set_date_value(self, value: date | None) -> None:
        self.setDate(NULL_DATE if value is None else QDate(value.year, value.month, value.day))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentSection() == self.Section.YearSection \
                and self.lineEdit().selectedText() == self.lineEdit().text():
            self.setDate(NULL_DATE)
            return
        super().keyPressEvent(event)


class DecimalEdit(QLineEdit):
    """A decimal number (money, area); empty means none. Invalid text is caught by validation."""

    def __init__(self, decimals: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtCore import QRegularExpression

        self.setValidator(QRegularExpressionValidator(QRegularExpression(rf"^[0-9,]*(\.[0-9]{{0,{decimals}}})?$"),
                                                      self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def decimal_value(self) -> Decimal | None:
        text = self.text().replace(",", "").strip()
        if not text:
            return None
        try:
            return Decimal(text)
        except InvalidOperation:
            return None

    def set_decimal_value(self, value: Decimal | None) -> None:
        self.setText("" if value is None else f"{value:f}")


def set_combo_data(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class FieldErrorLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setStyleSheet("color: #c0392b;")
        self.setWordWrap(True)
        self.hide()


class Form:
    """Rows of a QFormLayout whose fields can show a validation message right below themselves.

    ``form.add("city", label, widget)``; ``form.show_errors(errors)`` with FieldErrors from a
    ValidationError; unknown field names are returned so the caller can show them elsewhere.
    """

    def __init__(self, layout: QFormLayout) -> None:
        self.layout = layout
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, FieldErrorLabel] = {}
        self.labels: dict[str, QLabel] = {}

    def add(self, name: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(widget)
        error = FieldErrorLabel(box)
        v.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.layout.addRow(caption, box)
        self.fields[name] = widget
        self.errors[name] = error
        self.labels[name] = caption
        widget.setObjectName(name)
        return widget

    def clear_errors(self) -> None:
        for name, label in self.errors.items():
            label.clear()
            label.hide()
            self.fields[name].setProperty("invalid", False)
            self.fields[name].setStyleSheet("")

    def show_errors(self, errors) -> list:
        self.clear_errors()
        unplaced = []
        first = None
        for error in errors:
            label = self.errors.get(error.field)
            if label is None:
                unplaced.append(error)
                continue
            text = tr_field_error(error)
            label.setText((label.text() + "\n" + text) if label.text() else text)
            label.show()
            self.fields[error.field].setStyleSheet("border: 1px solid #c0392b;")
            first = first or self.fields[error.field]
        if first is not None:
            first.setFocus()
        return unplaced

    def error_text(self, name: str) -> str:
        return self.errors[name].text()

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(read_only)
            elif hasattr(widget, "setReadOnly"):
                widget.setReadOnly(read_only)
            else:
                widget.setEnabled(not read_only)
