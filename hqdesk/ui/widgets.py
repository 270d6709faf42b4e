"""Small widgets the forms share: optional dates, decimals, and validation messages beside each field."""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain import dates
from hqdesk.domain.errors import FieldError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.money import AMOUNT_PROBLEM, AmountTextError, parse_amount
from hqdesk.ui.i18n import tr_field_error

DATE_FORMAT = "%Y-%m-%d"  # how every date field shows its date, whatever the language
EARLIEST_DATE = dates.EARLIEST  # the business date range (domain.dates): 1900-01-01 .. 2100-12-31
LATEST_DATE = dates.LATEST
DATE_PROBLEM = QT_TRANSLATE_NOOP("Validation", "Enter a date as yyyy-mm-dd, or leave the field empty.")
ERROR_COLOR = "#c0392b"

# 2026-03-01, 2026-3-1, 2026/3/1, 2026.3.1, 2026年3月1日 (full-width digits too, see parse_date) and 20260301
_SEPARATED = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")


def parse_date(text: str) -> date | None:
    """The date in what a user typed, or None when it is not one (empty text included)."""
    text = unicodedata.normalize("NFKC", text).strip()  # ２０２６－０３－０１ from a full-width input method
    match = _SEPARATED.fullmatch(text) or _COMPACT.fullmatch(text)
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:  # 2026-02-30
        return None


def _to_date(value: QDate | date) -> date:
    return date(value.year(), value.month(), value.day()) if isinstance(value, QDate) else value


def _calendar_icon(color: QColor) -> QIcon:
    """A small calendar sheet: the button that drops the calendar down."""
    ratio = 2.0  # sharp on scaled Windows screens too
    pixmap = QPixmap(int(16 * ratio), int(16 * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(color, 1.2))
    painter.drawRoundedRect(QRectF(2.5, 3.5, 11, 10.5), 1.5, 1.5)
    painter.fillRect(QRectF(2.5, 3.5, 11, 3), color)
    painter.drawLine(5, 2, 5, 4)
    painter.drawLine(11, 2, 11, 4)
    for row in range(2):
        for col in range(3):
            painter.fillRect(QRectF(4.5 + col * 2.75, 8.5 + row * 2.5, 1.6, 1.6), color)
    painter.end()
    return QIcon(pixmap)


class CalendarPopup(QFrame):
    """The calendar an OptionalDateEdit drops down; ``picked(date)`` on a click or Enter, Esc closes it."""

    picked = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("calendarPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        self.calendar = QCalendarWidget(self)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)  # Enter, or a double click

    def _pick(self, day: QDate) -> None:
        self.close()
        self.picked.emit(_to_date(day))

    def event(self, event) -> bool:
        # Esc closes the calendar, not the form or dialog under it (their Esc shortcuts reach pop-ups too)
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class OptionalDateEdit(QLineEdit):
    """A date field that may be empty. Type the date (2026-03-01, 2026-3-1, 2026/03/01, 20260301,
    2026年3月1日) or pick it from the calendar that drops down (the calendar button, Alt+Down or F4);
    the clear button or deleting the text empties it. A typed date is shown as yyyy-MM-dd on leaving the field.

    Text that is not a date stays as it was typed: ``hasAcceptableInput()`` is False, ``date_value()`` None,
    and a Form shows ``problem`` under the field when it is left, so nothing is dropped silently.
    A real date outside the field's range (1899-01-01, 2999-01-01) is a date all the same: ``date_value()``
    returns it, and a Form says on leaving the field that it is out of range (``range_problem()``), as the
    service's validation does on saving; it is never called a format problem, nor moved into the range.
    ``date_changed(date | None)`` whenever the date the text stands for changes.
    """

    date_changed = Signal(object)
    problem = DATE_PROBLEM  # a FieldError message (context "Validation"); a field that needs a date says so

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._minimum = EARLIEST_DATE
        self._maximum = LATEST_DATE
        self._bounded = False  # limits set by the caller, not only the business range
        self._value: date | None = None
        self._popup: CalendarPopup | None = None
        self._hint = QCoreApplication.translate("OptionalDateEdit", "yyyy-mm-dd")
        self.setPlaceholderText(self._hint)
        self.setClearButtonEnabled(True)
        self.calendar_action = self.addAction(
            _calendar_icon(QColor("#5d6d7e")), QLineEdit.ActionPosition.TrailingPosition
        )
        self.calendar_action.setObjectName("calendarAction")
        self.calendar_action.setToolTip(
            QCoreApplication.translate("OptionalDateEdit", "Pick from the calendar (Alt+Down)")
        )
        self.calendar_action.triggered.connect(self.show_calendar)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("2026-12-31") + 70)  # text and two buttons
        self.textChanged.connect(self._text_changed)
        self.editingFinished.connect(self._tidy)

    # ----- the value -----------------------------------------------------------------------------------------
    def date_value(self) -> date | None:
        """The date shown; None when the field is empty or its text is not a date (see hasAcceptableInput)."""
        return self._value

    def set_date_value(self, value: date | None) -> None:
        """Show ``value``. Within limits the caller set (setMinimumDate/setMaximumDate: a status date not
        after today) it is kept in them, as QDateEdit does; against the default business range a stored date
        is shown as it is, never moved into the range silently (range_problem() says what is wrong)."""
        if value is not None and self._bounded:
            value = min(max(value, self._minimum), self._maximum)
        self.setText("" if value is None else dates.iso(value))

    def hasAcceptableInput(self) -> bool:  # noqa: N802 - Qt's name
        """Empty, or a date (one outside the range is for range_problem() and the validation to refuse)."""
        text = self.text().strip()
        return not text or self._value is not None

    def range_problem(self) -> FieldError | None:
        """The date shown lies outside the field's range: the message that says so (with the range)."""
        if dates.out_of_range(self._value, self._minimum, self._maximum):
            return dates.range_error(self.objectName(), self._minimum, self._maximum)
        return None

    def setMinimumDate(self, value: QDate | date) -> None:  # noqa: N802 - QDateEdit's name
        self._minimum = _to_date(value)
        self._bounded = True
        self._text_changed(self.text())

    def setMaximumDate(self, value: QDate | date) -> None:  # noqa: N802 - QDateEdit's name
        """The latest date the calendar offers and set_date_value() takes (a typed later date is kept as typed)."""
        self._maximum = _to_date(value)
        self._bounded = True

    def _text_changed(self, text: str) -> None:
        value = parse_date(text)
        if value != self._value:
            self._value = value
            self.date_changed.emit(value)

    def _tidy(self) -> None:
        """On leaving the field: 2026-3-1 becomes 2026-03-01 (text that is not a date stays as typed)."""
        if self._value is not None and self.text() != dates.iso(self._value):
            self.setText(dates.iso(self._value))

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802 - Qt override
        super().setReadOnly(read_only)
        self.calendar_action.setVisible(not read_only)
        self.setClearButtonEnabled(not read_only)
        self.setPlaceholderText("" if read_only else self._hint)  # "yyyy-mm-dd" in a read-only field: no

    # ----- the calendar --------------------------------------------------------------------------------------
    def popup(self) -> CalendarPopup | None:
        """The calendar while it is shown."""
        return self._popup if self._popup is not None and self._popup.isVisible() else None

    def show_calendar(self) -> None:
        """Drop the calendar down, on the date shown or, in an empty field, on today."""
        if self.isReadOnly() or not self.isEnabled():
            return
        if self._popup is None:
            self._popup = CalendarPopup(self)
            self._popup.picked.connect(self._picked)
        calendar = self._popup.calendar
        calendar.setDateRange(
            QDate(self._minimum.year, self._minimum.month, self._minimum.day),
            QDate(self._maximum.year, self._maximum.month, self._maximum.day),
        )
        day = min(max(self._value or date.today(), self._minimum), self._maximum)
        calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        calendar.setCurrentPage(day.year, day.month)
        self._popup.adjustSize()
        size = self._popup.sizeHint()
        where = self.mapToGlobal(QPoint(0, self.height()))
        screen = (self.screen() or self._popup.screen()).availableGeometry()
        if where.y() + size.height() > screen.bottom():
            where.setY(self.mapToGlobal(QPoint(0, 0)).y() - size.height())  # no room below: above the field
        where.setX(max(screen.left(), min(where.x(), screen.right() - size.width())))
        self._popup.move(where)
        self._popup.show()
        calendar.setFocus()

    def _picked(self, day: date) -> None:
        self.setFocus()
        self.selectAll()
        self.insert(day.strftime(DATE_FORMAT))  # an edit like typing: textEdited, and Ctrl+Z undoes it

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if (alt_down or event.key() == Qt.Key.Key_F4) and not self.isReadOnly():
            self.show_calendar()
            return
        super().keyPressEvent(event)


class DecimalEdit(QLineEdit):
    """A decimal number (money, area); empty means none.

    No keystroke is swallowed: a typed or pasted minus sign stays (the field's rule then refuses a negative
    capital in words), and text that is not a number ("1,2,3.4") is not read as one: ``decimal_value()`` is
    None, ``hasAcceptableInput()`` False, and a Form shows ``problem`` under the field when it is left.
    """

    problem = AMOUNT_PROBLEM

    def __init__(self, decimals: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decimals = decimals
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def decimal_value(self) -> Decimal | None:
        try:
            return parse_amount(self.text())
        except AmountTextError:
            return None

    def hasAcceptableInput(self) -> bool:  # noqa: N802 - Qt's name
        try:
            parse_amount(self.text())
        except AmountTextError:
            return False
        return True

    def set_decimal_value(self, value: Decimal | None) -> None:
        self.setText("" if value is None else f"{value:f}")


def set_combo_data(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class FieldErrorLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        self.setWordWrap(True)
        self.hide()


REQUIRED_MARK = f'<span style="color: {ERROR_COLOR};">*</span>'


def required_caption(label: str) -> str:
    """A field's label with the red star of a field that must be filled (rich text)."""
    return html.escape(label) + "&nbsp;" + REQUIRED_MARK


def beside_buttons(layout: QVBoxLayout, note: QWidget, buttons: QWidget) -> None:
    """Move a dialog's buttons (the last row of ``layout``) into one row with ``note`` at its left."""
    layout.removeWidget(buttons)
    row = QHBoxLayout()
    row.addWidget(note, 0, Qt.AlignmentFlag.AlignVCenter)
    row.addStretch(1)
    row.addWidget(buttons)
    layout.addLayout(row)


class _LengthGuard(QObject):
    """Keeps a line edit's ``maxLength`` from cutting a paste silently.

    Qt drops whatever goes past ``maxLength`` without a word. The forms set the limit after adding the field,
    so when the field is first shown or focused the guard takes the limit over: Qt's limit is lifted, and text
    longer than the limit stays as typed with "At most N characters." under the field (the services refuse
    it on saving, as they refuse any text too long for its column).
    """

    def __init__(self, form: Form, name: str, edit: QLineEdit) -> None:
        super().__init__(edit)
        self.form, self.name, self.edit = form, name, edit
        self.limit: int | None = None
        edit.installEventFilter(self)
        edit.textChanged.connect(self._check)  # a paste, or text set by code
        edit.textEdited.connect(self._check)  # after the Form cleared the field's old message on an edit

    def take_over(self) -> None:
        if self.limit is None and self.edit.maxLength() < QT_DEFAULT_MAX_LENGTH:
            self.limit = self.edit.maxLength()
            self.edit.setMaxLength(QT_DEFAULT_MAX_LENGTH)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.Show, QEvent.Type.FocusIn, QEvent.Type.DragEnter, QEvent.Type.Polish):
            self.take_over()
        return False

    def _check(self, text: str) -> None:
        if self.limit is not None and len(text) > self.limit:
            self.form.add_error(
                FieldError(self.name, TOO_LONG_TYPED, {"limit": self.limit, "length": len(text)})
            )


QT_DEFAULT_MAX_LENGTH = 32767
TOO_LONG_TYPED = QT_TRANSLATE_NOOP(
    "Validation", "At most {limit} characters; this text has {length}. Nothing was cut off: shorten it."
)


class Form:
    """Rows of a QFormLayout whose fields can show a validation message right below themselves.

    ``form.add("city", label, widget, required=True)``; ``form.show_errors(errors)`` with FieldErrors from a
    ValidationError; unknown field names are returned so the caller can show them elsewhere. A field's
    message (and red border) goes as soon as the user edits that field. A required field's label ends in a
    red star, explained once by ``required_note()``; read-only forms show neither.
    """

    def __init__(self, layout: QFormLayout) -> None:
        self.layout = layout
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, FieldErrorLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.required: set[str] = set()
        self._captions: dict[str, str] = {}
        self._notes: list[QLabel] = []
        self._read_only = False

    def add(self, name: str, label: str, widget: QWidget, required: bool = False) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(widget)
        error = FieldErrorLabel(box)
        v.addWidget(error)
        caption = QLabel()
        caption.setBuddy(widget)
        self.layout.addRow(caption, box)
        self.fields[name] = widget
        self.errors[name] = error
        self.labels[name] = caption
        self._captions[name] = label
        if required:
            self.required.add(name)
        self._show_caption(name)
        widget.setObjectName(name)
        self._watch(name, widget)
        return widget

    def required_note(self) -> QLabel:
        """ "* required": says once what the red star means (hidden while the form is read-only)."""
        note = QLabel(REQUIRED_MARK + " " + html.escape(QCoreApplication.translate("Form", "required")))
        note.setObjectName("requiredNote")
        note.setTextFormat(Qt.TextFormat.RichText)
        note.setStyleSheet("color: #5d6d7e;")
        if self._read_only:  # not setVisible(True): without a parent yet, that would show it as a window
            note.hide()
        self._notes.append(note)
        return note

    def _show_caption(self, name: str) -> None:
        caption, label = self.labels[name], self._captions[name]
        if name in self.required and not self._read_only:
            caption.setTextFormat(Qt.TextFormat.RichText)
            caption.setText(required_caption(label))
        else:
            caption.setTextFormat(Qt.TextFormat.PlainText)
            caption.setText(label)

    def _watch(self, name: str, widget: QWidget) -> None:
        """The user edits the field: its message is out of date."""

        def edited(*_args) -> None:
            self.clear_error(name)

        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(edited)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(edited)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(edited)
            widget.editTextChanged.connect(edited)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(edited)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved):
                signal.connect(edited)
        if isinstance(widget, OptionalDateEdit):
            widget.editingFinished.connect(lambda: self._check_date(name, widget))
        elif isinstance(widget, DecimalEdit):
            widget.editingFinished.connect(lambda: self._check_amount(name, widget))
        edit = widget.lineEdit() if isinstance(widget, QComboBox) else widget
        if isinstance(edit, QLineEdit):
            _LengthGuard(self, name, edit)

    def _check_date(self, name: str, widget: OptionalDateEdit) -> None:
        """Leaving a date field whose text is not a date, or a date out of range: say so now, not only when
        saving (and say which: the range is not a format problem)."""
        if not widget.hasAcceptableInput():
            self.add_error(FieldError(name, widget.problem))
        elif (problem := widget.range_problem()) is not None:
            self.add_error(FieldError(name, problem.message, problem.params))

    def _check_amount(self, name: str, widget: DecimalEdit) -> None:
        if not widget.hasAcceptableInput():
            self.add_error(FieldError(name, widget.problem))

    def clear_error(self, name: str) -> None:
        label = self.errors[name]
        if label.text() or label.isVisible():
            label.clear()
            label.hide()
            self.fields[name].setProperty("invalid", False)
            self.fields[name].setStyleSheet("")

    def clear_errors(self) -> None:
        for name in self.errors:
            self.clear_error(name)

    def has_errors(self) -> bool:
        return any(label.text() for label in self.errors.values())

    def add_error(self, error: FieldError) -> bool:
        """Show one more message under its field (the others stay); False if the form has no such field."""
        label = self.errors.get(error.field)
        if label is None:
            return False
        text = tr_field_error(error)
        if text not in label.text().split("\n"):
            label.setText((label.text() + "\n" + text) if label.text() else text)
        label.show()
        self.fields[error.field].setProperty("invalid", True)
        self.fields[error.field].setStyleSheet(f"border: 1px solid {ERROR_COLOR};")
        return True

    def show_errors(self, errors) -> list:
        self.clear_errors()
        unplaced = []
        first = None
        for error in errors:
            if not self.add_error(error):
                unplaced.append(error)
                continue
            first = first or self.fields[error.field]
        if first is not None:
            first.setFocus()
        return unplaced

    def error_text(self, name: str) -> str:
        return self.errors[name].text()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit):
                widget.setReadOnly(read_only)
            elif hasattr(widget, "setReadOnly"):
                widget.setReadOnly(read_only)
            else:
                widget.setEnabled(not read_only)
        for name in self.required:
            self._show_caption(name)
        for note in self._notes:
            note.setVisible(not read_only)
