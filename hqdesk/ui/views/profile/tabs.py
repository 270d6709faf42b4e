"""The profile's tabs: a protocol every tab follows, ONE generic row-list tab, and the history tab.

A tab is a widget that says what it is called, which kinds of change (``hqdesk.domain.changes.Entity``) it
reloads on, shows its part of a ProfileBundle, and can be made read only with a reason. Contacts and stores
are both a ``RowListTab`` over a ``RowListSpec`` (a model, a dialog factory, the service calls); visits,
complaints and ledger documents are one more spec each::

    CONTACTS = RowListSpec(name="contacts", entity=Entity.CONTACT, model=ContactsModel, rows=..., dialog=...,
                           delete=lambda services: services.contacts.delete, actions=(make_primary,))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hqdesk.domain.changes import Entity
from hqdesk.services.profile import ProfileBundle
from hqdesk.ui.export import TableExport
from hqdesk.ui.models.history import HistoryModel, StatusHistoryModel, UserNames

FRANCHISEE_KINDS = frozenset({Entity.FRANCHISEE, Entity.STATUS, Entity.CONTACT, Entity.STORE})


@runtime_checkable
class ProfileTab(Protocol):
    """What the editor needs of a tab (the tab is the QWidget added to the tab bar)."""

    name: str  # for object names and page objects: "contacts"
    reload_on: frozenset[Entity]  # the kinds of change that make the editor reload while this tab exists

    def title(self) -> str: ...  # with a count where there is one: "Contacts (2)"

    def load(self, bundle: ProfileBundle | None, same: bool) -> None: ...  # None: a new franchisee

    def set_read_only(self, reason: str) -> None: ...  # "" = editable

    def actions(self) -> list[QPushButton]: ...  # the buttons it offers (visible ones are usable)


class PaddedDelegate(QStyledItemDelegate):
    """Some air between columns that are sized to their contents."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt override
        size = super().sizeHint(option, index)
        return QSize(size.width() + 14, size.height())


def table_view(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setItemDelegate(PaddedDelegate(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


class RowListHost(Protocol):
    """What a row-list tab asks of the editor that holds it."""

    ctx: Any

    def franchisee(self) -> Any: ...  # the FranchiseeDetail shown

    def user_names(self) -> Any: ...

    def open_dialog(self, dialog) -> None: ...

    def ask(self, title: str, text: str) -> bool: ...

    def write_row(
        self, entity: Entity, row_id: int, fn, *args, done: Callable[[], None] | None = None
    ) -> None: ...

    def refresh(self) -> None: ...


@dataclass(frozen=True)
class RowAction:
    """One more thing to do with the selected row ("Make primary"): ``call(services)(actor, *args(row))``."""

    label: Callable[[], str]
    object_name: str
    enabled: Callable[[Any], bool]
    call: Callable[[Any], Callable]
    args: Callable[[Any], tuple]


@dataclass(frozen=True)
class RowListSpec:
    """A list of a franchisee's records with Add / Edit (View) / Delete and more actions."""

    name: str
    entity: Entity
    title: Callable[[int | None], str]  # the row count, None before the franchisee is saved
    model: Callable[[Any], Any]  # parent -> a RowsModel
    rows: Callable[[ProfileBundle], Sequence]
    dialog: Callable[..., Any]  # (host, row | None, read_only, parent) -> a RecordDialog
    delete: Callable[[Any], Callable]  # services -> fn(actor, row id, version)
    delete_title: Callable[[], str]
    delete_question: Callable[[Any], str]  # row -> "Delete the contact 王芳?"
    actions: tuple[RowAction, ...] = ()
    reload_on: frozenset[Entity] = FRANCHISEE_KINDS


class RowListTab(QWidget):
    """The generic row-list tab (see RowListSpec). Enter opens the selected row, Delete asks to delete it."""

    def __init__(self, spec: RowListSpec, host: RowListHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec, self.host = spec, host
        self.name, self.reload_on = spec.name, spec.reload_on | {spec.entity}
        self.setObjectName(f"{spec.name}Tab")
        self._read_only = True
        self._count: int | None = None
        self._keep: int | None = None  # the row to select when the list comes back (just added or acted on)
        v = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.extra_buttons: list[tuple[RowAction, QPushButton]] = []
        for button, object_name in (
            (self.add_button, "add"),
            (self.edit_button, "edit"),
            (self.delete_button, "delete"),
        ):
            button.setObjectName(f"{spec.name}_{object_name}")
            buttons.addWidget(button)
        for action in spec.actions:
            button = QPushButton(action.label())
            button.setObjectName(f"{spec.name}_{action.object_name}")
            button.clicked.connect(lambda _checked=False, a=action: self.run_action(a))
            self.extra_buttons.append((action, button))
            buttons.addWidget(button)
        buttons.addStretch(1)
        v.addLayout(buttons)
        self.model = spec.model(self)
        self.view = table_view(self)
        TableExport(self.view, spec.name)
        self.view.setObjectName(f"{spec.name}View")
        self.view.setModel(self.model)
        v.addWidget(self.view)
        self.view.doubleClicked.connect(lambda _index: self.edit())
        self.view.installEventFilter(self)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)

    # ----- the protocol ------------------------------------------------------------------------------------
    def title(self) -> str:
        return self.spec.title(self._count)

    def load(self, bundle: ProfileBundle | None, same: bool = False) -> None:
        keep = self._keep if same else None
        self._keep = None
        if same and keep is None:
            row = self.selected()
            keep = None if row is None else row.id
        rows = list(self.spec.rows(bundle)) if bundle is not None else []
        self._count = None if bundle is None else len(rows)
        self.model.set_rows(rows)
        if keep is not None:
            index = next((i for i, r in enumerate(self.model.rows()) if r.id == keep), -1)
            if index >= 0:
                self.view.selectRow(index)
                self.view.scrollTo(self.model.index(index, 0))
        self._update_buttons()

    def set_read_only(self, reason: str) -> None:
        self._read_only = bool(reason)
        self._update_buttons()

    def actions(self) -> list[QPushButton]:
        return [self.add_button, self.edit_button, self.delete_button] + [b for _a, b in self.extra_buttons]

    # ----- the rows ----------------------------------------------------------------------------------------
    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        index = self.view.currentIndex()
        row = rows[0].row() if rows else (index.row() if index.isValid() else -1)
        return self.model.row(row) if 0 <= row < self.model.rowCount() else None

    def add(self) -> None:
        if self._read_only or self.host.franchisee() is None:
            return
        self._open(None)

    def edit(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(row)

    def _open(self, row) -> None:
        dialog = self.spec.dialog(self.host, row, self._read_only, self)
        dialog.saved.connect(self._dialog_saved)
        dialog.reloaded.connect(lambda _current: self.host.refresh())
        self.host.open_dialog(dialog)

    def _dialog_saved(self, dto) -> None:
        self._keep = dto.id
        self.host.refresh()

    def delete(self) -> None:
        row = self.selected()
        if row is None or self._read_only:
            return
        if self.host.ask(self.spec.delete_title(), self.spec.delete_question(row)):
            fn = self.spec.delete(self.host.ctx.services)
            self.host.write_row(self.spec.entity, row.id, fn, row.id, row.version)

    def run_action(self, action: RowAction) -> None:
        row = self.selected()
        if row is None or self._read_only or not action.enabled(row):
            return

        def done() -> None:  # the list may re-sort (primary first): the row acted on stays selected
            self._keep = row.id

        self.host.write_row(
            self.spec.entity, row.id, action.call(self.host.ctx.services), *action.args(row), done=done
        )

    def _update_buttons(self, *_args) -> None:
        row = self.selected()
        editable = not self._read_only
        self.add_button.setVisible(editable)
        self.delete_button.setVisible(editable)
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        self.edit_button.setText(self.tr("Edit…") if editable else self.tr("View…"))
        for action, button in self.extra_buttons:
            button.setVisible(editable)
            button.setEnabled(row is not None and action.enabled(row))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and watched is self.view and self._row_key(event):
            return True
        return super().eventFilter(watched, event)

    def _row_key(self, event) -> bool:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier or self.selected() is None:
            return False
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit()
            return True
        if event.key() == Qt.Key.Key_Delete and not self._read_only:
            self.delete()
            return True
        return False


class HistoryTab(QSplitter):
    """Status changes above, every change of the franchisee and its contacts and stores below."""

    name = "history"
    reload_on = FRANCHISEE_KINDS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("historyTab")
        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(QLabel("<b>" + self.tr("Status changes") + "</b>"))
        self.status_model = StatusHistoryModel(self)
        self.status_view = table_view(top)
        TableExport(self.status_view, "status history")
        self.status_view.setObjectName("statusHistoryView")
        self.status_view.setModel(self.status_model)
        tv.addWidget(self.status_view)
        bottom = QWidget()
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 0, 0, 0)
        bv.addWidget(QLabel("<b>" + self.tr("All changes") + "</b>"))
        self.model = HistoryModel(self)
        self.view = table_view(bottom)
        TableExport(self.view, "history")
        self.view.setObjectName("historyView")
        self.view.setModel(self.model)
        # the changes get the room; "what" keeps a sensible width (its tooltip and the pane below show it all)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(HistoryModel.WHAT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(HistoryModel.WHAT, self.fontMetrics().horizontalAdvance("中") * 12)
        header.setSectionResizeMode(HistoryModel.CHANGES, QHeaderView.ResizeMode.Stretch)
        bv.addWidget(self.view)
        self.details = QPlainTextEdit()
        self.details.setObjectName("historyDetails")
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Select a change to see all its fields."))
        self.details.setFixedHeight(self.details.fontMetrics().lineSpacing() * 5 + 14)
        bv.addWidget(self.details)
        self.view.selectionModel().currentRowChanged.connect(self._show_details)
        self.model.modelReset.connect(self.details.clear)
        self.addWidget(top)
        self.addWidget(bottom)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 3)

    def title(self) -> str:
        return self.tr("History")

    def load(self, bundle: ProfileBundle | None, same: bool = False) -> None:
        if bundle is None:
            self.model.set_entries([])
            self.status_model.set_changes([])
            return
        names = UserNames.of_users(bundle.names)
        row_names = {("contacts", str(c.id)): c.data.name for c in bundle.contacts}
        row_names.update({("stores", str(s.id)): s.data.name for s in bundle.stores})
        self.model.set_entries(list(bundle.history), names, row_names)
        self.status_model.set_changes(list(bundle.statuses), names)

    def set_read_only(self, reason: str) -> None:
        """The history is never edited."""

    def actions(self) -> list[QPushButton]:
        return []

    def _show_details(self, current, _previous=None) -> None:
        self.details.setPlainText(self.model.details(current.row()) if current.isValid() else "")


def contacts_spec() -> RowListSpec:
    from hqdesk.ui.dialogs.contact_dialog import ContactDialog
    from hqdesk.ui.models.contacts import ContactsModel

    def dialog(host, row, read_only, parent):
        return ContactDialog(
            host.ctx, host.franchisee().id, row, host.user_names(), read_only=read_only, parent=parent
        )

    return RowListSpec(
        name="contacts",
        entity=Entity.CONTACT,
        title=lambda n: (
            QCoreApplication.translate("ProfileTabs", "Contacts")
            if n is None
            else QCoreApplication.translate("ProfileTabs", "Contacts (%n)", "", n)
        ),
        model=ContactsModel,
        rows=lambda bundle: bundle.contacts,
        dialog=dialog,
        delete=lambda services: services.contacts.delete,
        delete_title=lambda: QCoreApplication.translate("ProfileTabs", "Delete contact"),
        delete_question=lambda c: QCoreApplication.translate(
            "ProfileTabs", "Delete the contact {name}?"
        ).format(name=c.data.name),
        actions=(
            RowAction(
                label=lambda: QCoreApplication.translate("ProfileTabs", "Make primary"),
                object_name="make_primary",
                enabled=lambda c: not c.data.is_primary,
                call=lambda services: services.contacts.make_primary,
                args=lambda c: (c.id,),
            ),
        ),
    )


def stores_spec() -> RowListSpec:
    from hqdesk.ui.dialogs.store_dialog import StoreDialog
    from hqdesk.ui.models.stores import StoresModel

    def dialog(host, row, read_only, parent):
        detail = host.franchisee()
        return StoreDialog(
            host.ctx,
            detail.id,
            row,
            host.user_names(),
            read_only=read_only,
            default_city=detail.data.city,
            parent=parent,
        )

    return RowListSpec(
        name="stores",
        entity=Entity.STORE,
        title=lambda n: (
            QCoreApplication.translate("ProfileTabs", "Stores")
            if n is None
            else QCoreApplication.translate("ProfileTabs", "Stores (%n)", "", n)
        ),
        model=StoresModel,
        rows=lambda bundle: bundle.stores,
        dialog=dialog,
        delete=lambda services: services.stores.delete,
        delete_title=lambda: QCoreApplication.translate("ProfileTabs", "Delete store"),
        delete_question=lambda s: QCoreApplication.translate(
            "ProfileTabs", "Delete the store {name}?"
        ).format(name=s.data.name),
    )


__all__ = [
    "ProfileTab",
    "RowListSpec",
    "RowAction",
    "RowListTab",
    "HistoryTab",
    "contacts_spec",
    "stores_spec",
    "table_view",
    "FRANCHISEE_KINDS",
]
