"""The franchisee's Complaints tab: a row-list tab (``RowListSpec``) over the franchisee's complaints.

Two things differ from contacts and stores: complaints are read by their own query when the profile loads
(the profile's one read stays as it is; only a shown franchisee's complaints are asked for), and they are
never deleted. Anyone who may log complaints may add one here, whoever the franchisee's account manager is:
a complaint can come in through anyone. Each complaint opens in the complaint form with its timeline.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from hqdesk.domain.changes import Entity
from hqdesk.domain.roles import Action
from hqdesk.ui.views.profile.tabs import FRANCHISEE_KINDS, RowListSpec, RowListTab


# The franchisee's History shows the complaints' audit trail too: their entries and fields in words. Registered
# here, with the tab that brings complaints into the profile, so the history module keeps no complaint names.
def register_history_labels() -> None:
    from hqdesk.ui.models import history
    from hqdesk.ui.views.complaints_models import HISTORY_FIELDS, HISTORY_WHAT

    history.WHAT.update(HISTORY_WHAT)
    for table, labels in HISTORY_FIELDS.items():
        history.FIELD_LABELS.setdefault(table, {}).update(labels)


register_history_labels()


def complaints_spec() -> RowListSpec:
    from hqdesk.ui.views.complaints_models import ComplaintsModel

    def dialog(host, row, read_only, parent):
        from hqdesk.ui.dialogs.complaint_dialog import ComplaintDialog

        return ComplaintDialog(
            host.ctx, row.id if row is not None else None, franchisee_id=host.franchisee().id, parent=parent
        )

    return RowListSpec(
        name="complaints",
        entity=Entity.COMPLAINT,
        title=lambda n: (
            QCoreApplication.translate("ProfileTabs", "Complaints")
            if n is None
            else QCoreApplication.translate("ProfileTabs", "Complaints (%n)", "", n)
        ),
        model=ComplaintsModel,
        rows=lambda bundle: (),  # read by the tab itself (ComplaintsTab.load)
        dialog=dialog,
        delete=lambda services: None,  # complaints are never deleted: the tab offers no Delete
        delete_title=lambda: "",
        delete_question=lambda row: "",
        reload_on=FRANCHISEE_KINDS | {Entity.COMPLAINT_SETTINGS},
    )


class ComplaintsTab(RowListTab):
    def __init__(self, host, parent: QWidget | None = None) -> None:
        super().__init__(complaints_spec(), host, parent)
        self._generation = 0
        self.add_button.setText(QCoreApplication.translate("ProfileTabs", "Log complaint…"))
        from hqdesk.ui.views.complaints import size_columns
        from hqdesk.ui.views.complaints_models import ComplaintsModel

        header = self.view.horizontalHeader()
        header.setSectionResizeMode(header.ResizeMode.Interactive)
        size_columns(self.view)
        self.view.setColumnHidden(ComplaintsModel.FRANCHISEE, True)  # it is the profile's franchisee

    def load(self, bundle, same: bool = False) -> None:
        self._generation += 1
        if bundle is None:
            super().load(None, same)
            return
        keep = self._keep if same else None
        self._keep = None
        if same and keep is None:
            row = self.selected()
            keep = None if row is None else row.id
        if not same:
            self.model.set_rows([])  # another franchisee: not the previous one's rows while this one loads
        generation, fid, ctx = self._generation, bundle.detail.id, self.host.ctx

        def loaded(rows) -> None:
            if generation != self._generation:
                return
            self._count = len(rows)
            self.model.set_rows(rows)
            if keep is not None:
                index = next((i for i, r in enumerate(rows) if r.id == keep), -1)
                if index >= 0:
                    self.view.selectRow(index)
            self._update_buttons()
            tabs = self._tab_widget()
            if tabs is not None:
                tabs.setTabText(tabs.indexOf(self), self.title())

        ctx.runner.submit(ctx.services.complaints.for_franchisee, ctx.actor, fid, on_done=loaded)

    def _tab_widget(self) -> QTabWidget | None:
        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, QTabWidget):
            widget = widget.parentWidget()
        return widget

    def set_read_only(self, reason: str) -> None:
        # not the profile's rights: anyone who may log complaints adds one to any franchisee (a new,
        # unsaved franchisee's tab is disabled by the editor)
        super().set_read_only("" if self.host.ctx.can(Action.LOG_COMPLAINT) else reason or "-")

    def _update_buttons(self, *_args) -> None:
        super()._update_buttons(*_args)
        self.delete_button.hide()
        self.edit_button.setText(QCoreApplication.translate("ProfileTabs", "Open…"))

    def delete(self) -> None:
        """Complaints are never deleted."""


__all__ = ["ComplaintsTab", "complaints_spec"]
