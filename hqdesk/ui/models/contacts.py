"""Contacts of a franchisee as a table, and a contact's anniversaries as a small editable table."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from hqdesk.domain.calendar import next_birthday, to_lunar
from hqdesk.domain.contact import CONTACT_ROLE_LABELS, Anniversary
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.dto import ContactDTO
from hqdesk.ui.i18n import fmt_date, tr_enum
from hqdesk.ui.models.base import ROOT, RowsModel


def lunar_suffix(day: date) -> str:
    """ " (农历 八月十五)": shown after a date celebrated by the lunar calendar."""
    return QCoreApplication.translate("ContactsModel", "(lunar {date})").format(date=to_lunar(day).text)


def birthday_text(day: date | None, lunar: bool) -> str:
    if day is None:
        return ""
    return fmt_date(day) + (" " + lunar_suffix(day) if lunar else "")


class ContactsModel(RowsModel[ContactDTO]):
    CONTEXT = "ContactsModel"
    PRIMARY, NAME, ROLE, MOBILE, PHONE, EMAIL, WECHAT, BIRTHDAY = range(8)
    HEADERS = (
        "★",
        QT_TRANSLATE_NOOP("ContactsModel", "Name"),
        QT_TRANSLATE_NOOP("ContactsModel", "Role"),
        QT_TRANSLATE_NOOP("ContactsModel", "Mobile"),
        QT_TRANSLATE_NOOP("ContactsModel", "Phone"),
        QT_TRANSLATE_NOOP("ContactsModel", "E-mail"),
        QT_TRANSLATE_NOOP("ContactsModel", "WeChat"),
        QT_TRANSLATE_NOOP("ContactsModel", "Birthday"),
    )

    def __init__(self, parent=None, today: date | None = None) -> None:
        super().__init__(parent)
        self._birthday_tips: list[str | None] = []
        self._today = today

    def set_contacts(self, contacts) -> None:
        self.set_rows(contacts)

    def set_rows(self, contacts) -> None:
        """The contacts, with their next birthdays for the tooltips (the generic row-list tab calls this)."""
        contacts = list(contacts)
        today = self._today or date.today()
        self._birthday_tips = [
            QCoreApplication.translate("ContactsModel", "Next birthday: {date}").format(
                date=fmt_date(next_birthday(c.data.birthday, c.data.birthday_lunar, today))
            )
            if c.data.birthday
            else None
            for c in contacts
        ]
        super().set_rows(contacts)

    def cells(self, c: ContactDTO) -> tuple[str, ...]:
        d = c.data
        name = f"{d.name} {d.honorific}" if d.honorific else d.name
        return (
            "★" if d.is_primary else "",
            name,
            tr_enum(CONTACT_ROLE_LABELS[d.role]),
            d.mobile,
            d.phone,
            d.email,
            d.wechat_id,
            birthday_text(d.birthday, d.birthday_lunar),
        )

    def row_of(self, contact_id: int) -> int:
        return next((i for i, c in enumerate(self._rows) if c.id == contact_id), -1)

    def role_data(self, row: int, col: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.PRIMARY and self._rows[row].data.is_primary:
                return QCoreApplication.translate("ContactsModel", "Primary contact")
            if col == self.BIRTHDAY:
                return self._birthday_tips[row]
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.PRIMARY:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.PRIMARY:
            from PySide6.QtGui import QColor

            return QColor("#b8860b")
        if role == Qt.ItemDataRole.FontRole and self._rows[row].data.is_primary and col == self.NAME:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def header_text(self, section: int) -> str:
        return self.HEADERS[0] if section == self.PRIMARY else super().header_text(section)

    def header_role_data(self, section: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole and section == self.PRIMARY:
            return QCoreApplication.translate("ContactsModel", "Primary contact")
        return None


class AnniversariesModel(QAbstractTableModel):
    """A contact's anniversaries while the contact dialog edits them: name, date, lunar calendar (checkbox)."""

    LABEL, DAY, LUNAR = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("AnniversariesModel", "Anniversary"),
        QT_TRANSLATE_NOOP("AnniversariesModel", "Date"),
        QT_TRANSLATE_NOOP("AnniversariesModel", "Lunar calendar"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[list] = []  # [label, day, lunar]
        self.editable = True

    def set_anniversaries(self, items) -> None:
        self.beginResetModel()
        self._rows = [[a.label, a.day, a.lunar] for a in items]
        self.endResetModel()

    def anniversaries(self) -> tuple[Anniversary, ...]:
        return tuple(Anniversary(label, day, lunar) for label, day, lunar in self._rows)

    def add(self, day: date) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(["", day, False])
        self.endInsertRows()
        return row

    def removeRows(self, row: int, count: int, parent=ROOT) -> bool:  # noqa: N802 - Qt override
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row : row + count]
        self.endRemoveRows()
        return True

    def rowCount(self, parent=ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.editable:
            return flags
        if index.column() == self.LUNAR:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        label, day, lunar = self._rows[index.row()]
        col = index.column()
        if col == self.LABEL and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return label
        if col == self.DAY:
            if role == Qt.ItemDataRole.DisplayRole:
                return birthday_text(day, lunar)
            if role == Qt.ItemDataRole.EditRole:
                return QDate(day.year, day.month, day.day)
        if col == self.LUNAR and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if lunar else Qt.CheckState.Unchecked
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value,  # noqa: N802 - Qt override
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid() or not self.editable or not 0 <= index.row() < len(self._rows):
            return False
        row, col = index.row(), index.column()
        if col == self.LABEL and role == Qt.ItemDataRole.EditRole:
            self._rows[row][0] = str(value).strip()
        elif (
            col == self.DAY
            and role == Qt.ItemDataRole.EditRole
            and isinstance(value, QDate)
            and value.isValid()
        ):
            self._rows[row][1] = date(value.year(), value.month(), value.day())
        elif col == self.LUNAR and role == Qt.ItemDataRole.CheckStateRole:
            self._rows[row][2] = Qt.CheckState(value) == Qt.CheckState.Checked
            day_index = self.index(row, self.DAY)
            self.dataChanged.emit(day_index, day_index)  # the date shows its lunar form
        else:
            return False
        self.dataChanged.emit(index, index)
        return True

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt override
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return QCoreApplication.translate("AnniversariesModel", self.HEADERS[section])
        return None
