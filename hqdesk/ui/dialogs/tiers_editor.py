"""Admins configure the franchisee tier list (default A, B, C): add, rename, reorder, remove unused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.errors import HqdeskError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP
from hqdesk.domain.roles import Action
from hqdesk.services.tiers import TierDTO
from hqdesk.ui.context import UiContext
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import tr_error
from hqdesk.ui.models.base import RowsModel


class TierModel(RowsModel[TierDTO]):
    CONTEXT = "TierModel"
    CODE, NAME, FRANCHISEES = range(3)
    HEADERS = (
        QT_TRANSLATE_NOOP("TierModel", "Code"),
        QT_TRANSLATE_NOOP("TierModel", "Name"),
        QT_TRANSLATE_NOOP("TierModel", "Franchisees"),
    )

    @property
    def tiers(self) -> list[TierDTO]:
        return self._rows

    def set_tiers(self, tiers: list[TierDTO]) -> None:
        self.set_rows(tiers)

    def cells(self, tier: TierDTO) -> tuple[str, ...]:
        return tier.code, tier.name, str(tier.franchisees)

    def role_data(self, row: int, column: int, role: int):
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.FRANCHISEES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TiersEditor(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = ctx.services.tiers
        self.setObjectName("tiersEditor")
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Tiers group franchisees for visit plans and credit. A tier that franchisees "
                "still have cannot be removed."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = TierModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.remove_button = QPushButton(self.tr("Remove"))
        for b in (self.add_button, self.rename_button, self.up_button, self.down_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        editable = ctx.can(Action.CONFIGURE_TIERS)
        for b in (self.add_button, self.rename_button, self.up_button, self.down_button, self.remove_button):
            b.setVisible(editable)
        self.add_button.clicked.connect(self._add)
        self.rename_button.clicked.connect(self._rename)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.remove_button.clicked.connect(self._remove)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        def done(tiers):
            self.model.set_tiers(tiers)
            for row, tier in enumerate(tiers):
                if tier.code == select:
                    self.table.selectRow(row)

        self.ctx.runner.submit(self.service.list, on_done=done, on_error=lambda e: show_error(self, e))

    def current(self) -> TierDTO | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.tiers[rows[0].row()] if rows else None

    def _write(self, fn, *args, select: str | None = None) -> None:
        self.message.clear()

        def failed(exc):
            if isinstance(exc, HqdeskError):
                self.message.setText(tr_error(exc))
                self.reload(select)
            else:
                show_error(self, exc)

        def done(_):
            self.reload(select)
            self.ctx.bus.notify(Changes.of(Entity.TIER, origin=self))

        self.ctx.runner.submit(fn, self.ctx.actor, *args, write=True, on_done=done, on_error=failed)

    def _add(self) -> None:
        code, ok = QInputDialog.getText(self, self.tr("New tier"), self.tr("Tier code (e.g. S):"))
        if ok and code.strip():
            self._write(self.service.add, code, select=code.strip().upper())

    def _rename(self) -> None:
        tier = self.current()
        if tier is None:
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Rename tier"),
            self.tr("Name of tier {code}:").format(code=tier.code),
            text=tier.name,
        )
        if ok:
            self._write(self.service.rename, tier.code, tier.version, name, select=tier.code)

    def _move(self, step: int) -> None:
        tier = self.current()
        if tier is None:
            return
        codes = [t.code for t in self.model.tiers]
        i = codes.index(tier.code)
        j = i + step
        if 0 <= j < len(codes):
            codes[i], codes[j] = codes[j], codes[i]
            versions = {t.code: t.version for t in self.model.tiers}
            self._write(self.service.reorder, codes, versions, select=tier.code)

    def _remove(self) -> None:
        tier = self.current()
        if tier is None:
            return
        if (
            QMessageBox.question(
                self, self.tr("Remove tier"), self.tr("Remove the tier {code}?").format(code=tier.code)
            )
            == QMessageBox.StandardButton.Yes
        ):
            self._write(self.service.remove, tier.code, tier.version)
