"""The users table: a QAbstractTableModel over the UserDTO list the user service returns."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from hqdesk.domain.roles import ROLE_LABELS
from hqdesk.services.dto import UserDTO
from hqdesk.ui.i18n import tr_enum

USER_ROLE = Qt.ItemDataRole.UserRole  # data(index, USER_ROLE) -> the row's UserDTO


class UsersModel(QAbstractTableModel):
    COLUMNS = ("username", "display_name", "role", "email", "active")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._users: list[UserDTO] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # ----- the list ---------------------------------------------------------------------------------------
    def set_users(self, users: list[UserDTO]) -> None:
        self.beginResetModel()
        self._users = list(users)
        if self._sort is not None:
            self._users.sort(
                key=self._key(self._sort[0]), reverse=self._sort[1] == Qt.SortOrder.DescendingOrder
            )
        self.endResetModel()

    def user_at(self, row: int) -> UserDTO:
        return self._users[row]

    def row_of(self, user_id: int) -> int:
        for row, user in enumerate(self._users):
            if user.id == user_id:
                return row
        return -1

    # ----- Qt's model interface ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (
            self.tr("User name"),
            self.tr("Full name"),
            self.tr("Role"),
            self.tr("E-mail"),
            self.tr("Active"),
        )[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._users):
            return None
        user = self._users[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "role":
                return tr_enum(ROLE_LABELS[user.role])
            if column == "active":
                return self.tr("Yes") if user.active else self.tr("No")
            return getattr(user, column)
        if role == USER_ROLE:
            return user
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "active":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not user.active:
            return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.ToolTipRole and not user.active:
            return self.tr("This user cannot sign in.")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted in the model (a few hundred users at most); selections follow their rows."""
        if not 0 <= column < len(self.COLUMNS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._users[i.row()].id for i in old]
        self._users.sort(key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        rows = {u.id: r for r, u in enumerate(self._users)}
        self.changePersistentIndexList(
            old, [self.index(rows[i], p.column()) for i, p in zip(ids, old, strict=True)]
        )
        self.layoutChanged.emit()

    def _key(self, column: int):
        name = self.COLUMNS[column]
        if name == "role":
            return lambda u: tr_enum(ROLE_LABELS[u.role])
        if name == "active":
            return lambda u: (not u.active, u.username.lower())
        return lambda u: (str(getattr(u, name)).lower(), u.username.lower())
