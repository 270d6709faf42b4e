"""Admins configure the franchisee tier list (default A, B, C): add, rename, reorder, remove unused.

The editor stages its changes: the table shows the list as it will be, and nothing is written until the
settings dialog's OK (``TiersEditor.apply``), so Cancel leaves the tiers as they were. The changes are then
written in a worker by ``TierService.apply``: all of them in one transaction, each tier checked against the
version the admin saw, so a conflict or a refusal on any tier writes none of them. They are announced on the
change bus (``Entity.TIER``) so the list's filters and the profile's choices follow.
"""

from __future__ import annotations

from dataclasses import replace

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
from hqdesk.services.tiers import TierChanges, TierDTO
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


def plan_tier_changes(original: list[TierDTO], staged: list[TierDTO]) -> TierChanges:
    before = {t.code: t for t in original}
    after = {t.code: t for t in staged}
    removed = tuple((t.code, t.version) for t in original if t.code not in after)
    renamed = tuple(
        (t.code, before[t.code].version, t.name)
        for t in staged
        if t.code in before and t.name != before[t.code].name
    )
    added = tuple((t.code, t.name) for t in staged if t.code not in before)
    natural = [t.code for t in original if t.code in after] + [code for code, _name in added]
    order = tuple(t.code for t in staged)
    return TierChanges(
        {t.code: t.version for t in original},
        removed,
        renamed,
        added,
        order if list(order) != natural else None,
    )


class TiersEditor(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.service = ctx.services.tiers
        self.setObjectName("tiersEditor")
        self._original: list[TierDTO] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            self.tr(
                "Tiers group franchisees for visit plans and credit. A tier that franchisees "
                "still have cannot be removed. Changes are saved when you press OK."
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
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 4)
        layout.addWidget(self.table, 1)
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
        """The saved list (staged changes are dropped)."""

        def done(tiers):
            self._original = list(tiers)
            self._stage(list(tiers), select)

        self.ctx.runner.submit(self.service.list, on_done=done, on_error=lambda e: show_error(self, e))

    def _stage(self, tiers: list[TierDTO], select: str | None = None) -> None:
        self.model.set_tiers(tiers)
        for row, tier in enumerate(tiers):
            if tier.code == select:
                self.table.selectRow(row)

    def current(self) -> TierDTO | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.tiers[rows[0].row()] if rows else None

    def plan(self) -> TierChanges:
        return plan_tier_changes(self._original, list(self.model.tiers))

    def has_changes(self) -> bool:
        return not self.plan().is_empty()

    def apply(self, done, failed) -> None:
        """Write the staged changes (the settings dialog's OK); ``done()`` or ``failed()`` afterwards."""
        plan = self.plan()
        if plan.is_empty():
            done()
            return
        self.message.clear()

        def written(_):
            self.ctx.bus.notify(Changes.of(Entity.TIER, origin=self))
            self.reload()
            done()

        def refused(exc):
            if isinstance(exc, HqdeskError):
                self.message.setText(
                    tr_error(exc)
                    + "\n"
                    + self.tr(
                        "None of your tier changes were saved. The list below is the saved one now; make your "
                        "changes again if still needed."
                    )
                )
                self.reload()
            else:
                show_error(self, exc)
            failed()

        self.ctx.runner.submit(
            self.service.apply, self.ctx.actor, plan, write=True, on_done=written, on_error=refused
        )

    def _add(self) -> None:
        self.message.clear()
        code, ok = QInputDialog.getText(self, self.tr("New tier"), self.tr("Tier code (e.g. S):"))
        code = code.strip().upper()
        if not (ok and code):
            return
        if any(t.code == code for t in self.model.tiers):
            self.message.setText(self.tr("The tier {code} exists already.").format(code=code))
            return
        seen = {t.code: t for t in self._original}
        if code in seen:  # removed and added back before OK: keep it as it was
            tier = seen[code]
        else:
            tier = TierDTO(code, code, len(self.model.tiers), 0, 0)
        self._stage([*self.model.tiers, tier], code)

    def _rename(self) -> None:
        self.message.clear()
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
            renamed = replace(tier, name=name.strip() or tier.code)
            self._stage([renamed if t.code == tier.code else t for t in self.model.tiers], tier.code)

    def _move(self, step: int) -> None:
        self.message.clear()
        tier = self.current()
        if tier is None:
            return
        tiers = list(self.model.tiers)
        i = [t.code for t in tiers].index(tier.code)
        j = i + step
        if 0 <= j < len(tiers):
            tiers[i], tiers[j] = tiers[j], tiers[i]
            self._stage(tiers, tier.code)

    def _remove(self) -> None:
        self.message.clear()
        tier = self.current()
        if tier is None:
            return
        if tier.franchisees:
            self.message.setText(
                self.tr(
                    "The tier {code} is given to %n franchisee(s); give them another tier first.",
                    "",
                    tier.franchisees,
                ).replace("{code}", tier.code)
            )
            return
        if (
            QMessageBox.question(
                self, self.tr("Remove tier"), self.tr("Remove the tier {code}?").format(code=tier.code)
            )
            == QMessageBox.StandardButton.Yes
        ):
            self._stage([t for t in self.model.tiers if t.code != tier.code])
