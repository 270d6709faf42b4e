"""Settings > Complaints (administrators): the category tree and the response/resolution times per severity.

The tree is edited at once, each button one write (add, add below, rename, deactivate/activate; a category is
never deleted, so old complaints keep theirs). The times are staged like the other settings: OK saves them
(with a check that no other administrator changed them meanwhile); they apply to complaints logged afterwards.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.complaints import CATEGORY_NAME_LIMIT, SEVERITY_LABELS, Severity, SlaTimes
from hqdesk.domain.errors import ValidationError
from hqdesk.domain.roles import Action
from hqdesk.ui.dialogs.settings.common import ERROR_STYLE, Done, SettingsPage, note
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import tr_enum, tr_error, tr_field_error

CTX = "ComplaintSettings"


def complaint_page_allowed(ctx) -> bool:
    return ctx is not None and ctx.can(Action.CONFIGURE_COMPLAINTS)


class ComplaintSettingsPage(SettingsPage):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("complaintSettingsPage")
        self._sla = {}
        self._busy = False
        v = QVBoxLayout(self)
        tree_box = QGroupBox(QCoreApplication.translate("ComplaintSettings", "Complaint categories"))
        tv = QVBoxLayout(tree_box)
        self.tree = QTreeWidget()
        self.tree.setObjectName("categoryTree")
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("ComplaintSettings", "Category"),
                QCoreApplication.translate("ComplaintSettings", "Complaints"),
                QCoreApplication.translate("ComplaintSettings", "In use"),
            ]
        )
        self.tree.setMinimumHeight(300)
        self.tree.currentItemChanged.connect(self._selected)
        tv.addWidget(self.tree)
        row = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.setObjectName("categoryName")
        self.new_name.setMaxLength(CATEGORY_NAME_LIMIT)
        self.new_name.setPlaceholderText(QCoreApplication.translate("ComplaintSettings", "Name"))
        self.add_button = QPushButton(QCoreApplication.translate("ComplaintSettings", "Add main category"))
        self.add_child_button = QPushButton(
            QCoreApplication.translate("ComplaintSettings", "Add below selected")
        )
        self.rename_button = QPushButton(QCoreApplication.translate("ComplaintSettings", "Rename selected"))
        self.active_button = QPushButton(QCoreApplication.translate("ComplaintSettings", "Deactivate"))
        for name, b in (
            ("addCategory", self.add_button),
            ("addSubcategory", self.add_child_button),
            ("renameCategory", self.rename_button),
            ("toggleCategory", self.active_button),
        ):
            b.setObjectName(name)
        self.add_button.clicked.connect(lambda: self._add(None))
        self.add_child_button.clicked.connect(lambda: self._add(self._current()))
        self.rename_button.clicked.connect(self._rename)
        self.active_button.clicked.connect(self._toggle)
        row.addWidget(self.new_name, 1)
        for b in (self.add_button, self.add_child_button, self.rename_button, self.active_button):
            row.addWidget(b)
        tv.addLayout(row)
        self.tree_message = note(style=ERROR_STYLE)
        self.tree_message.setObjectName("categoryMessage")
        self.tree_message.hide()
        tv.addWidget(self.tree_message)
        tv.addWidget(
            note(
                QCoreApplication.translate(
                    "ComplaintSettings",
                    "A category is never deleted: deactivate it, and complaints already filed under it keep it. "
                    "Deactivating a category takes its sub-categories out of use too.",
                )
            )
        )
        v.addWidget(tree_box)
        times_box = QGroupBox(
            QCoreApplication.translate("ComplaintSettings", "Response and resolution times")
        )
        grid = QGridLayout(times_box)
        grid.addWidget(QLabel(QCoreApplication.translate("ComplaintSettings", "Severity")), 0, 0)
        grid.addWidget(QLabel(QCoreApplication.translate("ComplaintSettings", "Response (hours)")), 0, 1)
        grid.addWidget(QLabel(QCoreApplication.translate("ComplaintSettings", "Resolution (hours)")), 0, 2)
        self.response: dict[Severity, QSpinBox] = {}
        self.resolution: dict[Severity, QSpinBox] = {}
        for i, severity in enumerate(Severity, start=1):
            grid.addWidget(QLabel(tr_enum(SEVERITY_LABELS[severity])), i, 0)
            for column, store in ((1, self.response), (2, self.resolution)):
                spin = QSpinBox()
                spin.setObjectName(f"{'response' if column == 1 else 'resolution'}_{severity.name.lower()}")
                spin.setRange(1, 365 * 24)
                spin.setSuffix(" h")
                grid.addWidget(spin, i, column)
                store[severity] = spin
        self.times_message = note(style=ERROR_STYLE)
        self.times_message.setObjectName("timesMessage")
        self.times_message.hide()
        grid.addWidget(self.times_message, len(Severity) + 1, 0, 1, 3)
        grid.addWidget(
            note(
                QCoreApplication.translate(
                    "ComplaintSettings",
                    "Calendar hours from receipt (48 h = 2 days). The response is due when someone starts work; "
                    "new times apply to complaints logged after saving.",
                )
            ),
            len(Severity) + 2,
            0,
            1,
            3,
        )
        v.addWidget(times_box)
        v.addStretch(1)
        self._selected(None)
        self.reload()

    def title(self) -> str:
        return QCoreApplication.translate("ComplaintSettings", "Complaints")

    # ----- loading -------------------------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        sv = self.ctx.services.complaints

        def work():
            return sv.categories(), sv.sla()

        self.ctx.runner.submit(
            work, on_done=lambda r: self._loaded(*r, select), on_error=lambda e: show_error(self, e)
        )

    def _loaded(self, categories, sla, select) -> None:
        keep = select if select is not None else (self._current().id if self._current() else None)
        self.tree.clear()
        items = {}
        for c in categories:
            item = QTreeWidgetItem(
                [
                    c.name,
                    str(c.used),
                    QCoreApplication.translate("ComplaintSettings", "yes")
                    if c.active
                    else QCoreApplication.translate("ComplaintSettings", "no"),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, c)
            if not c.active:
                for col in range(3):
                    item.setForeground(col, QColor("#7f8c8d"))
            parent = items.get(c.parent_id)
            (parent.addChild(item) if parent is not None else self.tree.addTopLevelItem(item))
            items[c.id] = item
        self.tree.expandAll()
        self.tree.setColumnWidth(0, max(self.tree.sizeHintForColumn(0) + 40, 220))
        if keep in items:
            self.tree.setCurrentItem(items[keep])
        if not self._sla or not self.changed():
            self._sla = {s.severity: s for s in sla}
            for severity, s in self._sla.items():
                self.response[severity].setValue(s.response_hours)
                self.resolution[severity].setValue(s.resolution_hours)

    def _current(self):
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _selected(self, *_args) -> None:
        c = self._current()
        for b in (self.add_child_button, self.rename_button, self.active_button):
            b.setEnabled(c is not None)
        own_active = c is not None and c.active
        self.active_button.setText(
            QCoreApplication.translate("ComplaintSettings", "Deactivate")
            if own_active or c is None
            else QCoreApplication.translate("ComplaintSettings", "Activate")
        )
        if c is not None:
            self.new_name.setText(c.name)

    # ----- tree writes ---------------------------------------------------------------------------------------
    def _write(self, fn, *args, select=None) -> None:
        if self._busy:
            return
        self._busy = True
        self.tree_message.hide()

        def done(result) -> None:
            self._busy = False
            self.ctx.bus.notify(Changes.of(Entity.COMPLAINT_SETTINGS, origin=self))
            new_id = getattr(result, "id", None)
            self.reload(select=new_id if new_id is not None else select)

        def failed(exc) -> None:
            self._busy = False
            if isinstance(exc, ValidationError):
                text = "\n".join(tr_field_error(e) for e in exc.errors)
            elif hasattr(exc, "text"):
                text = tr_error(exc)
            else:
                show_error(self, exc)
                return
            self.tree_message.setText(text)
            self.tree_message.show()
            self.reload()

        self.ctx.runner.submit(fn, *args, on_done=done, on_error=failed, write=True)

    def _add(self, parent) -> None:
        sv, actor = self.ctx.services.complaints, self.ctx.actor
        self._write(sv.add_category, actor, parent.id if parent is not None else None, self.new_name.text())

    def _rename(self) -> None:
        c = self._current()
        if c is not None:
            sv = self.ctx.services.complaints
            self._write(
                sv.rename_category, self.ctx.actor, c.id, c.version, self.new_name.text(), select=c.id
            )

    def _toggle(self) -> None:
        c = self._current()
        if c is not None:
            sv = self.ctx.services.complaints
            self._write(sv.set_category_active, self.ctx.actor, c.id, c.version, not c.active, select=c.id)

    # ----- the staged times ------------------------------------------------------------------------------------
    def times(self) -> dict[Severity, SlaTimes]:
        return {s: SlaTimes(self.response[s].value(), self.resolution[s].value()) for s in Severity}

    def changed(self) -> bool:
        return any(
            (s.response_hours, s.resolution_hours)
            != (self.response[sev].value(), self.resolution[sev].value())
            for sev, s in self._sla.items()
        )

    def validate(self) -> bool:
        from hqdesk.domain.complaints import sla_problems

        problems = sla_problems(self.times())
        self.times_message.setText("\n".join(tr_field_error(e) for e in problems))
        self.times_message.setVisible(bool(problems))
        return not problems

    def apply(self, done: Done, failed: Done) -> None:
        if not self.changed():
            done()
            return
        sv, actor = self.ctx.services.complaints, self.ctx.actor
        versions = {sev: s.version for sev, s in self._sla.items()}

        def ok(_result) -> None:
            self.ctx.bus.notify(Changes.of(Entity.COMPLAINT_SETTINGS, origin=self))
            done()

        def refused(exc) -> None:
            self.times_message.setText(tr_error(exc) if hasattr(exc, "text") else str(exc))
            self.times_message.show()
            failed()

        self.ctx.runner.submit(
            sv.set_sla, actor, self.times(), versions, on_done=ok, on_error=refused, write=True
        )


__all__ = ["ComplaintSettingsPage", "complaint_page_allowed"]
