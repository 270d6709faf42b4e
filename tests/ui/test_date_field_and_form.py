"""The optional date field and the Form's field messages and required marks, on real widgets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QFormLayout, QLineEdit, QTableView, QWidget

from hqdesk.domain.errors import FieldError
from hqdesk.ui.widgets import Form, OptionalDateEdit
from tests.ui.conftest import type_text

DATE_PROBLEM = "Enter a date as yyyy-mm-dd, or leave the field empty."


@pytest.fixture
def form(qtbot):
    """A shown, active form: a text field "city" (required) and an optional date field "opened"."""
    page = QWidget()
    qtbot.addWidget(page)
    f = Form(QFormLayout(page))
    f.add("city", "City", QLineEdit(), required=True)
    f.add("opened", "Opened on", OptionalDateEdit())
    page.layout().addRow(f.required_note())
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    f.page = page  # the page lives as long as the test uses the form
    return f


def _type_into_empty(qtbot, field: OptionalDateEdit, text: str) -> None:
    field.setFocus()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:  # an input method's commit (qtbot.keyClicks cannot type CJK)
        type_text(field, text)


def _leave(form: Form) -> None:
    form.fields["city"].setFocus()  # Tab to the next field, as far as the date field can tell


def _calendar_popup() -> QCalendarWidget | None:
    popup = QApplication.activePopupWidget()
    if popup is None:
        return None
    return popup if isinstance(popup, QCalendarWidget) else popup.findChild(QCalendarWidget)


# ----- typing a date -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "typed",
    [
        "2026-03-01",
        "2026-3-1",
        "2026/03/01",
        "2026/3/1",
        "20260301",
        "2026.3.1",
        "2026年3月1日",
        "２０２６－０３－０１",
    ],
)
def test_a_date_typed_into_an_empty_field_is_taken_and_shown_as_yyyy_mm_dd(qtbot, form, typed):
    field = form.fields["opened"]
    assert field.date_value() is None
    _type_into_empty(qtbot, field, typed)
    assert field.date_value() == date(2026, 3, 1)  # before leaving the field too: Ctrl+S saves what is shown
    _leave(form)
    assert field.text() == "2026-03-01"
    assert field.date_value() == date(2026, 3, 1) and field.hasAcceptableInput()
    assert form.error_text("opened") == ""


@pytest.mark.parametrize("typed", ["2026-02-30", "2026-13-01", "1.3.2026", "next week"])
def test_text_that_is_not_a_date_stays_and_is_marked_when_the_field_is_left(qtbot, form, typed):
    field = form.fields["opened"]
    _type_into_empty(qtbot, field, typed)
    assert form.error_text("opened") == ""  # not while typing
    _leave(form)
    assert field.text() == typed  # not dropped
    assert field.date_value() is None and not field.hasAcceptableInput()
    assert form.error_text("opened") == DATE_PROBLEM
    assert form.errors["opened"].isVisible() and "border" in field.styleSheet()
    # correcting it takes the message away at once
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "2026-2-28")
    assert form.error_text("opened") == "" and not form.errors["opened"].isVisible()
    assert field.styleSheet() == ""
    assert field.date_value() == date(2026, 2, 28)


def test_typing_over_a_date_and_clearing_it(qtbot, form):
    field = form.fields["opened"]
    field.set_date_value(date(2025, 5, 6))
    assert field.text() == "2025-05-06"
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "2026-3-1")
    assert field.date_value() == date(2026, 3, 1)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.text() == "" and field.date_value() is None and field.hasAcceptableInput()
    field.set_date_value(date(2025, 5, 6))
    assert field.isClearButtonEnabled()  # the ✕ at the end of the field empties it as well
    _leave(form)
    assert form.error_text("opened") == ""


def test_date_changed_follows_the_typing(qtbot, form):
    field = form.fields["opened"]
    seen = []
    field.date_changed.connect(seen.append)
    _type_into_empty(qtbot, field, "2026-3-1")
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert seen[-2:] == [date(2026, 3, 1), None]


# ----- the calendar -----------------------------------------------------------------------------------------
def test_the_calendar_of_an_empty_field_opens_on_this_month_and_a_pick_fills_the_field(qtbot, form):
    field = form.fields["opened"]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = _calendar_popup()
    assert calendar is not None
    today = date.today()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    # Enter picks the highlighted day (today)
    qtbot.keyClick(calendar.findChild(QTableView), Qt.Key.Key_Return)
    assert _calendar_popup() is None
    assert field.date_value() == today and field.text() == today.strftime("%Y-%m-%d")


def test_the_calendar_opens_on_the_date_shown_and_not_past_the_latest_date(qtbot, form):
    field = form.fields["opened"]
    field.setMaximumDate(date(2026, 3, 1))
    field.set_date_value(date(2024, 7, 15))
    field.show_calendar()
    calendar = _calendar_popup()
    assert (calendar.yearShown(), calendar.monthShown()) == (2024, 7)
    assert calendar.maximumDate().toPython() == date(2026, 3, 1)
    calendar.clicked.emit(calendar.selectedDate().addDays(2))  # a click on the 17th
    assert field.date_value() == date(2024, 7, 17)
    field.set_date_value(date(2027, 1, 1))
    assert field.date_value() == date(2026, 3, 1)  # set by the program: kept within range, as QDateEdit did


def test_a_stored_date_outside_the_business_range_is_shown_as_it_is(qtbot, form):
    field = form.fields["opened"]
    field.set_date_value(date(2999, 1, 1))  # never moved into the range silently; the range is said instead
    assert field.date_value() == date(2999, 1, 1) and field.text() == "2999-01-01"
    assert field.range_problem().english() == "Enter a date between 1900-01-01 and 2100-12-31."


@pytest.mark.parametrize(("typed", "latest"), [("1899-01-01", "2100-12-31"), ("2999-01-01", "2100-12-31")])
def test_a_date_out_of_range_is_refused_for_its_range_not_its_format(qtbot, form, typed, latest):
    field = form.fields["opened"]
    _type_into_empty(qtbot, field, typed)
    _leave(form)
    assert field.text() == typed and field.hasAcceptableInput()
    assert form.error_text("opened") == f"Enter a date between 1900-01-01 and {latest}."


def test_a_pasted_over_long_text_is_not_cut_silently(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    form = Form(QFormLayout(page))
    field = form.add("name", "Name", QLineEdit())
    field.setMaxLength(10)  # as the dialogs do: the column's width, set after adding the field
    with qtbot.waitExposed(page):
        page.show()
    field.setFocus()
    QApplication.clipboard().setText("杭州金辉珠宝有限公司分公司")  # 13 characters
    field.paste()
    assert field.text() == "杭州金辉珠宝有限公司分公司"  # nothing cut off
    assert (
        form.error_text("name") == "At most 10 characters; this text has 13. Nothing was cut off: shorten it."
    )


@pytest.mark.parametrize(
    ("typed", "value", "acceptable"),
    [
        ("5,000,000.00", Decimal("5000000.00"), True),
        ("-5000000", Decimal("-5000000"), True),  # the sign stays: the capital's rule refuses it in words
        ("1,2,3.4", None, False),  # not 123.4
    ],
)
def test_amounts_keep_what_was_typed(qtbot, typed, value, acceptable):
    from hqdesk.ui.widgets import DecimalEdit

    field = DecimalEdit(2)
    qtbot.addWidget(field)
    qtbot.keyClicks(field, typed)
    assert field.text() == typed
    assert field.decimal_value() == value and field.hasAcceptableInput() is acceptable


def test_a_read_only_date_field_offers_no_calendar_clear_button_or_format_hint(qtbot, form):
    field = form.fields["opened"]
    assert field.placeholderText() == "yyyy-mm-dd" and field.calendar_action.isVisible()
    form.set_read_only(True)
    assert field.isReadOnly() and not field.calendar_action.isVisible() and not field.isClearButtonEnabled()
    assert field.placeholderText() == ""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _calendar_popup() is None
    form.set_read_only(False)
    assert field.calendar_action.isVisible() and field.placeholderText() == "yyyy-mm-dd"


# ----- the form's messages and marks --------------------------------------------------------------------------
def test_a_field_message_goes_as_soon_as_that_field_is_edited(qtbot, form):
    form.show_errors([FieldError("city", "Enter the city."), FieldError("opened", DATE_PROBLEM)])
    assert form.error_text("city") == "Enter the city." and form.has_errors()
    city = form.fields["city"]
    city.setFocus()
    qtbot.keyClicks(city, "x")
    assert form.error_text("city") == "" and not form.errors["city"].isVisible() and city.styleSheet() == ""
    assert form.error_text("opened") == DATE_PROBLEM  # the other field's message stays
    form.fields["opened"].setFocus()
    qtbot.keyClicks(form.fields["opened"], "2")
    assert not form.has_errors()


def test_required_fields_have_a_red_star_explained_once(form):
    assert form.labels["city"].text().startswith("City") and "*" in form.labels["city"].text()
    assert "*" not in form.labels["opened"].text()
    note = form.labels["city"].window().findChild(QWidget, "requiredNote")
    assert note.isVisible() and "*" in note.text() and "required" in note.text()
    form.set_read_only(True)  # nothing to fill in: no stars
    assert form.labels["city"].text() == "City" and not note.isVisible()
