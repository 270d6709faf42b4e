"""Stores of a franchisee as a table."""

from __future__ import annotations

from PySide6.QtCore import Qt

from hqdesk.domain.contact import STORE_STATUS_LABELS, StoreStatus
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.services.dto import StoreDTO
from hqdesk.ui.i18n import fmt_date, fmt_decimal, tr_enum
from hqdesk.ui.models.base import RowsModel


class StoresModel(RowsModel[StoreDTO]):
    CONTEXT = "StoresModel"
    NAME, CITY, ADDRESS, OPENED, STATUS, AREA = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("StoresModel", "Store"),
        QT_TRANSLATE_NOOP("StoresModel", "City"),
        QT_TRANSLATE_NOOP("StoresModel", "Address"),
        QT_TRANSLATE_NOOP("StoresModel", "Opened on"),
        QT_TRANSLATE_NOOP("StoresModel", "Status"),
        QT_TRANSLATE_NOOP("StoresModel", "Floor area (m²)"),
    )

    def set_stores(self, stores) -> None:
        self.set_rows(stores)

    def cells(self, s: StoreDTO) -> tuple[str, ...]:
        return (
            s.data.name,
            s.data.city,
            s.data.address,
            fmt_date(s.data.opened_on),
            tr_enum(STORE_STATUS_LABELS[s.data.status]),
            fmt_decimal(s.data.floor_area),
        )

    def role_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AREA:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.STATUS
            and self._rows[row].data.status == StoreStatus.CLOSED
        ):
            from PySide6.QtGui import QColor

            return QColor("#7f8c8d")
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ADDRESS:
            return self._rows[row].data.address or None
        return None
