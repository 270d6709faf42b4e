"""Add or edit a contact of a franchisee: details, birthday (Gregorian or lunar), anniversaries, preferences."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.calendar import next_birthday, to_lunar
from hqdesk.domain.contact import (
    ANNIVERSARY_LABEL_MAX_LENGTH,
    CONTACT_MAX_LENGTHS,
    CONTACT_ROLE_LABELS,
    GENDER_LABELS,
    ContactData,
    ContactRole,
    Gender,
)
from hqdesk.domain.errors import FieldError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.dto import ContactDTO
from hqdesk.ui.dialogs.conflict_dialog import RecordDialog
from hqdesk.ui.dialogs.discard import AsksBeforeDiscarding
from hqdesk.ui.i18n import fmt_date, tr_enum
from hqdesk.ui.models.contacts import AnniversariesModel
from hqdesk.ui.models.history import UserNames, field_label
from hqdesk.ui.widgets import EARLIEST_DATE, OptionalDateEdit, beside_buttons, set_combo_data

HONORIFICS = ("先生", "女士", "总", "老板")  # how letters and calls address the person; data, not UI text

DATE_PROBLEM = QT_TRANSLATE_NOOP("Validation", "Enter a date as yyyy-mm-dd, or leave the field empty.")


def _text_box(lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class _AnniversaryNameDelegate(QStyledItemDelegate):
    """Edits an anniversary's name no longer than the database keeps."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt override
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(ANNIVERSARY_LABEL_MAX_LENGTH)
        return editor


class _AnniversaryDateDelegate(QStyledItemDelegate):
    """Edits an anniversary's date as yyyy-MM-dd, like every other date field, with the calendar at hand."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt override
        return anniversary_date_editor(parent)


def anniversary_date_editor(parent: QWidget | None = None) -> QDateEdit:
    editor = QDateEdit(parent)
    editor.setDisplayFormat("yyyy-MM-dd")
    editor.setCalendarPopup(True)
    editor.setMinimumDate(QDate(EARLIEST_DATE.year, EARLIEST_DATE.month, EARLIEST_DATE.day))
    return editor


class ContactDialog(AsksBeforeDiscarding, RecordDialog):
    table = "contacts"
    kind = "contact"

    def __init__(
        self,
        ctx,
        franchisee_id: int,
        contact: ContactDTO | None = None,
        names: UserNames | None = None,
        read_only: bool = False,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(ctx, names, parent)
        self.setObjectName("contactDialog")
        self.franchisee_id = franchisee_id
        self.contact = contact
        self.today = today or date.today()
        if contact is None:
            self.setWindowTitle(self.tr("New contact"))
        else:
            self.setWindowTitle(self.tr("Contact: {name}").format(name=contact.data.name))

        columns = QHBoxLayout()
        columns.setSpacing(24)
        left = self.form.layout
        right = QFormLayout()
        for layout in (left, right):
            layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            # a nested form layout inherits its parent's spacing (24 between the columns) unless told
            layout.setVerticalSpacing(6)
            layout.setHorizontalSpacing(10)
        for layout in (left, right):
            column = QVBoxLayout()
            column.addLayout(layout)
            column.addStretch(1)  # rows keep their height; the shorter column does not spread out
            columns.addLayout(column, 1)
        self.layout_.addLayout(columns)

        f = self.form
        self.name = f.add("name", field_label("contacts", "name"), QLineEdit(), required=True)
        self.name.setMaxLength(50)
        self.honorific = f.add("honorific", field_label("contacts", "honorific"), QComboBox())
        self.honorific.setEditable(True)
        self.honorific.addItems(("",) + HONORIFICS)
        self.honorific.lineEdit().setPlaceholderText(self.tr("e.g. 先生, 女士, 总"))
        self.honorific.lineEdit().setMaxLength(CONTACT_MAX_LENGTHS["honorific"])
        self.gender = f.add("gender", field_label("contacts", "gender"), QComboBox())
        for value, label in GENDER_LABELS.items():
            self.gender.addItem(tr_enum(label), value)
        self.role = f.add("role", field_label("contacts", "role"), QComboBox())
        for value, label in CONTACT_ROLE_LABELS.items():
            self.role.addItem(tr_enum(label), value)
        self.mobile = f.add("mobile", field_label("contacts", "mobile"), QLineEdit())
        self.mobile.setPlaceholderText(self.tr("e.g. {example}").format(example="13812345678"))
        self.mobile.setMaxLength(CONTACT_MAX_LENGTHS["mobile"])
        self.phone = f.add("phone", field_label("contacts", "phone"), QLineEdit())
        self.phone.setPlaceholderText(self.tr("e.g. {example}").format(example="0571-88886666"))
        self.phone.setMaxLength(CONTACT_MAX_LENGTHS["phone"])
        self.email = f.add("email", field_label("contacts", "email"), QLineEdit())
        self.email.setMaxLength(CONTACT_MAX_LENGTHS["email"])
        self.wechat_id = f.add("wechat_id", field_label("contacts", "wechat_id"), QLineEdit())
        self.wechat_id.setMaxLength(CONTACT_MAX_LENGTHS["wechat_id"])
        self.preferred_language = f.add("preferred_language", self.tr("Letter language"), QComboBox())
        for value, label in (
            (None, self.tr("Not set (Simplified Chinese)")),
            ("zh_CN", "简体中文"),
            ("en", "English"),
        ):
            self.preferred_language.addItem(label, value)
        self.is_primary = f.add("is_primary", "", QCheckBox(self.tr("Primary contact of the franchisee")))

        f.layout = right  # Form.add appends to form.layout: the rest goes into the right-hand column
        self.birthday = f.add("birthday", field_label("contacts", "birthday"), OptionalDateEdit())
        self.birthday.setMaximumDate(QDate(self.today.year, self.today.month, self.today.day))
        self.birthday_lunar = f.add(
            "birthday_lunar", "", QCheckBox(self.tr("Celebrates the lunar calendar birthday"))
        )
        self.lunar_label = QLabel()
        self.lunar_label.setObjectName("lunarLabel")
        self.lunar_label.setStyleSheet("color: #5d6d7e;")
        self.lunar_label.setWordWrap(True)
        right.addRow("", self.lunar_label)

        self.anniversaries_model = AnniversariesModel(self)
        self.anniversaries = QTableView()
        self.anniversaries.setModel(self.anniversaries_model)
        self.anniversaries.setItemDelegateForColumn(
            AnniversariesModel.LABEL, _AnniversaryNameDelegate(self.anniversaries)
        )
        self.anniversaries.setItemDelegateForColumn(
            AnniversariesModel.DAY, _AnniversaryDateDelegate(self.anniversaries)
        )
        self.anniversaries.verticalHeader().hide()
        self.anniversaries.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.anniversaries.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.anniversaries.horizontalHeader()
        header.setSectionResizeMode(AnniversariesModel.LABEL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            AnniversariesModel.DAY, QHeaderView.ResizeMode.Fixed
        )  # see _fit_date_column
        header.setSectionResizeMode(AnniversariesModel.LUNAR, QHeaderView.ResizeMode.ResizeToContents)
        self.anniversaries.setFixedHeight(
            self.anniversaries.verticalHeader().defaultSectionSize() * 3 + header.sizeHint().height() + 4
        )
        f.add("anniversaries", field_label("contacts", "anniversaries"), self.anniversaries)
        row_buttons = QWidget()
        rb = QHBoxLayout(row_buttons)
        rb.setContentsMargins(0, 0, 0, 0)
        self.add_anniversary_button = QPushButton(self.tr("Add anniversary"))
        self.remove_anniversary_button = QPushButton(self.tr("Remove"))
        rb.addWidget(self.add_anniversary_button)
        rb.addWidget(self.remove_anniversary_button)
        rb.addStretch(1)
        right.addRow("", row_buttons)
        self.hobbies = f.add("hobbies", field_label("contacts", "hobbies"), _text_box(2))
        self.preferences = f.add("preferences", field_label("contacts", "preferences"), _text_box(2))
        self.preferences.setPlaceholderText(self.tr("Gifts, tea or wine, topics to avoid…"))
        self.notes = f.add("notes", field_label("contacts", "notes"), _text_box(3))
        self.finish_layout()
        beside_buttons(self.layout_, self.form.required_note(), self.buttons)

        self.birthday.date_changed.connect(self._update_lunar)
        self.birthday_lunar.toggled.connect(self._update_lunar)
        self.add_anniversary_button.clicked.connect(self._add_anniversary)
        self.remove_anniversary_button.clicked.connect(self._remove_anniversary)
        self.anniversaries.selectionModel().selectionChanged.connect(self._update_anniversary_buttons)
        probe = anniversary_date_editor(self)
        probe.setDate(QDate(2026, 12, 28))
        self._date_editor_width = probe.sizeHint().width()
        probe.deleteLater()
        model = self.anniversaries_model
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(self._fit_date_column)

        self.populate(contact.data if contact else ContactData())
        self.set_read_only(read_only)
        self.resize(860, self.sizeHint().height())
        self.mark_clean()  # Esc, Cancel and close ask before dropping what is typed from here on
        self.name.setFocus()

    # ----- showing and reading the record ----------------------------------------------------------------
    def populate(self, data: ContactData) -> None:
        self.name.setText(data.name)
        self.honorific.setCurrentText(data.honorific)
        set_combo_data(self.gender, data.gender)
        set_combo_data(self.role, data.role)
        self.mobile.setText(data.mobile)
        self.phone.setText(data.phone)
        self.email.setText(data.email)
        self.wechat_id.setText(data.wechat_id)
        self.preferred_language.setCurrentIndex(
            max(0, self.preferred_language.findData(data.preferred_language))
        )
        self.is_primary.setChecked(data.is_primary)
        self.birthday.set_date_value(data.birthday)
        self.birthday_lunar.setChecked(data.birthday_lunar)
        self.anniversaries_model.set_anniversaries(data.anniversaries)
        self.hobbies.setPlainText(data.hobbies)
        self.preferences.setPlainText(data.preferences)
        self.notes.setPlainText(data.notes)
        self._update_lunar()
        self._update_anniversary_buttons()

    def collect(self) -> tuple[ContactData, list[FieldError]]:
        errors = []
        if not self.birthday.hasAcceptableInput():
            errors.append(FieldError("birthday", DATE_PROBLEM))
        data = ContactData(
            name=self.name.text(),
            gender=Gender(self.gender.currentData()),
            honorific=self.honorific.currentText(),
            role=ContactRole(self.role.currentData()),
            mobile=self.mobile.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            wechat_id=self.wechat_id.text(),
            preferred_language=self.preferred_language.currentData(),
            birthday=self.birthday.date_value(),
            birthday_lunar=self.birthday_lunar.isChecked(),
            anniversaries=self.anniversaries_model.anniversaries(),
            hobbies=self.hobbies.toPlainText(),
            preferences=self.preferences.toPlainText(),
            notes=self.notes.toPlainText(),
            is_primary=self.is_primary.isChecked(),
        )
        return data, errors

    def service_call(self, data: ContactData, overwrite: bool):
        contacts = self.ctx.services.contacts
        if self.contact is None:
            return contacts.add, (self.ctx.actor, self.franchisee_id, data), {}
        return (
            contacts.update,
            (self.ctx.actor, self.contact.id, self.contact.version, data),
            {"base": self.contact.data, "overwrite": overwrite},
        )

    def base_data(self):
        return self.contact.data if self.contact is not None else None

    def apply_current(self, current: ContactDTO) -> None:
        self.contact = current
        self.populate(current.data)
        self.mark_clean()

    def snapshot(self) -> tuple:
        return super().snapshot() + (self.anniversaries_model.anniversaries(),)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.anniversaries_model.editable = not read_only
        self.anniversaries.setEnabled(True)  # scrollable, just not editable
        self.add_anniversary_button.setVisible(not read_only)
        self.remove_anniversary_button.setVisible(not read_only)

    # ----- live parts ------------------------------------------------------------------------------------
    def _fit_date_column(self, *_args) -> None:
        """The date column as wide as its longest date (lunar ones are longer), and never narrower than the
        date editor: the anniversary's name takes what is left."""
        view, column = self.anniversaries, AnniversariesModel.DAY
        widest = max(
            (
                view.fontMetrics().horizontalAdvance(str(self.anniversaries_model.index(row, column).data()))
                for row in range(self.anniversaries_model.rowCount())
            ),
            default=0,
        )
        view.horizontalHeader().resizeSection(
            column, max(self._date_editor_width, widest + 16, view.horizontalHeader().sectionSizeHint(column))
        )

    def _update_lunar(self) -> None:
        day = self.birthday.date_value()
        if day is None:
            self.lunar_label.setText("")
            return
        upcoming = next_birthday(day, self.birthday_lunar.isChecked(), self.today)
        days = (upcoming - self.today).days
        lunar = self.tr("Lunar calendar: {date}").format(date=to_lunar(day).text)
        if days == 0:
            when = self.tr("Birthday today ({date})").format(date=fmt_date(upcoming))
        else:
            when = self.tr("Next birthday: {date}, in %n day(s)", "", days).format(date=fmt_date(upcoming))
        self.lunar_label.setText(f"{lunar}\n{when}")

    def _add_anniversary(self) -> None:
        row = self.anniversaries_model.add(self.today)
        index = self.anniversaries_model.index(row, AnniversariesModel.LABEL)
        self.anniversaries.setCurrentIndex(index)
        self.anniversaries.edit(index)

    def _remove_anniversary(self) -> None:
        rows = sorted({i.row() for i in self.anniversaries.selectionModel().selectedRows()}, reverse=True)
        if not rows and self.anniversaries.currentIndex().isValid():
            rows = [self.anniversaries.currentIndex().row()]
        for row in rows:
            self.anniversaries_model.removeRows(row, 1)
        self._update_anniversary_buttons()

    def _update_anniversary_buttons(self, *_args) -> None:
        has_row = (
            bool(self.anniversaries.selectionModel().selectedRows())
            or self.anniversaries.currentIndex().isValid()
        )
        self.remove_anniversary_button.setEnabled(has_row and self.anniversaries_model.rowCount() > 0)


__all__ = ["ContactDialog", "HONORIFICS"]
