"""Stores of a franchisee as a table."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from hqdesk.domain.contact import STORE_STATUS_LABELS, StoreStatus
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.dto import StoreDTO
from hqdesk.ui.i18n import fmt_date, fmt_decimal, tr_enum

_ROOT = QModelIndex()  # the default parent of the Qt overrides: a table has no children


class StoresModel(QAbstractTableModel):
    NAME, CITY, ADDRESS, OPENED, STATUS, AREA = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("StoresModel", "Store"),
        QT_TRANSLATE_NOOP("StoresModel", "City"),
        QT_TRANSLATE_NOOP("StoresModel", "Address"),
        QT_TRANSLATE_NOOP("StoresModel", "Opened on"),
        QT_TRANSLATE_NOOP("StoresModel", "Status"),
        QT_TRANSLATE_NOOP("StoresModel", "Floor area (m²)"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[StoreDTO] = []
        self._cells: list[tuple[str, ...]] = []

    def set_stores(self, stores) -> None:
        self.beginResetModel()
        self._rows = list(stores)
        self._cells = [(s.data.name, s.data.city, s.data.address, fmt_date(s.data.opened_on),
                        tr_enum(STORE_STATUS_LABELS[s.data.status]), fmt_decimal(s.data.floor_area))
                       for s in self._rows]
        self.endResetModel()

    def store(self, row: int) -> StoreDTO:
        return self._rows[row]

    def stores(self) -> list[StoreDTO]:
        return list(self._rows)

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.AREA:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.STATUS and \
                self._rows[index.row()].data.status == StoreStatus.CLOSED:
            from PySide6.QtGui import QColor

            return QColor("#7f8c8d")
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.ADDRESS:
            return self._rows[index.row()].data.address or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate("StoresModel", self.HEADERS[section])
        return None
