"""The read-only table every small list of the app is made of.

A ``RowsModel`` holds the records a service returned (``row(i)``) and their display texts, computed once
when the records are set (``data()`` is called for every visible cell on every repaint: it must not format).
A subclass names its columns and its translation context, turns a record into its cells, and may answer
other roles (tooltips, colours, alignment) in ``role_data``::

    class StoresModel(RowsModel):
        CONTEXT = "StoresModel"
        HEADERS = (QT_TRANSLATE_NOOP("StoresModel", "Store"), ...)

        def cells(self, store) -> tuple[str, ...]: ...

        def role_data(self, row, column, role): ...

Big lists that load lazily (the franchisee list) have their own model; these hold what fits in memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

T = TypeVar("T")
ROOT = QModelIndex()  # the default parent of the Qt overrides: a table has no children


class RowsModel(QAbstractTableModel, Generic[T]):
    CONTEXT: ClassVar[str] = ""
    HEADERS: ClassVar[tuple[str, ...]] = ()  # QT_TRANSLATE_NOOP(CONTEXT, ...) source texts

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._cells: list[tuple[str, ...]] = []

    # ----- for subclasses ------------------------------------------------------------------------------
    def cells(self, record: T) -> tuple[str, ...]:
        """The display text of each column of one record."""
        raise NotImplementedError

    def role_data(self, row: int, column: int, role: int) -> Any:
        """Anything but the display text (tooltips, colours, alignment); None when there is nothing."""
        return None

    def header_text(self, section: int) -> str:
        return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])

    def header_role_data(self, section: int, role: int) -> Any:
        return None

    # ----- for callers -----------------------------------------------------------------------------------
    def set_rows(self, records: Iterable[T]) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self._cells = [self.cells(r) for r in self._rows]
        self.endResetModel()

    def row(self, row: int) -> T:
        return self._rows[row]

    def rows(self) -> list[T]:
        return list(self._rows)

    def text(self, row: int, column: int) -> str:
        return self._cells[row][column]

    # ----- Qt's model interface ---------------------------------------------------------------------------
    def rowCount(self, parent=ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        return self.role_data(index.row(), index.column(), role)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt override
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_text(section)
        return self.header_role_data(section, role)
