"""What the profile editor does besides editing the form: the status change and the archive (with the
question when a franchisee still does business), and the writes its tabs ask for (RowListHost).

A mixin of ProfileEditor (it uses the editor's state); its texts keep the editor's translation context.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.errors import ConflictError, OpenBusiness
from hqdesk.services.dto import FranchiseeDetail
from hqdesk.services.profile import rights_for
from hqdesk.ui.dialogs.conflict_dialog import ConflictDialog
from hqdesk.ui.dialogs.status_dialog import StatusDialog
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import tr_error, tr_message

EMPTY, EDIT, NEW = "empty", "edit", "new"  # what the editor shows: nothing, a franchisee, a new one


def ask_discard(parent: QWidget, name: str) -> bool:
    """Esc with unsaved edits: Discard / Cancel (True: discard)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ProfileEditor", "Discard changes"),
        QCoreApplication.translate("ProfileEditor", "Discard your unsaved changes to {name}?").format(
            name=name
        ),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("discardChangesBox")
    box.setDefaultButton(QMessageBox.StandardButton.Discard)  # Esc again answers Cancel: edits kept
    return box.exec() == QMessageBox.StandardButton.Discard


def ask_save(parent: QWidget, name: str) -> int:
    """Before the record is dropped: Save / Discard / Cancel (the StandardButton chosen)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ProfileEditor", "Unsaved changes"),
        QCoreApplication.translate("ProfileEditor", "Save your changes to {name}?").format(name=name),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("unsavedChangesBox")
    box.setInformativeText(
        QCoreApplication.translate("ProfileEditor", "If you don't save, your changes are lost.")
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return box.exec()


class ProfileActions:
    """Status, archive and row writes of ProfileEditor, and how it announces its writes."""

    def _emit_changed(self, entity: Entity, row_id: int) -> None:
        self._emitting = True
        franchisee_id = (
            self._detail.id if self._detail is not None else (row_id if entity == Entity.FRANCHISEE else 0)
        )
        try:
            self.ctx.bus.notify(Changes.of(entity, [row_id], [franchisee_id], origin=self))
        finally:
            self._emitting = False

    def _busy(self, busy: bool) -> None:
        self.setCursor(Qt.CursorShape.WaitCursor if busy else Qt.CursorShape.ArrowCursor)
        for b in (self.header.status_button, self.header.archive_button):
            b.setEnabled(not busy)
        self._update_state()

    def open_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialog = dialog

        def closed(_result) -> None:
            if self._dialog is dialog:
                self._dialog = None

        dialog.finished.connect(closed)
        dialog.open()

    def ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def write_row(
        self, entity: Entity, row_id: int, fn, *args, done: Callable[[], None] | None = None
    ) -> None:
        """Run a write on one of the franchisee's rows (delete a contact, make it primary...), then reload."""

        def ok(_result) -> None:
            self._emit_changed(entity, row_id)
            if done is not None:
                done()
            self.refresh()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ConflictError):
                dialog = ConflictDialog(exc, entity.value + "s", False, self._names, self)
                dialog.finished.connect(lambda _r: self.refresh())
                self.open_dialog(dialog)
            elif not self._refused(exc):
                show_error(self, exc)
                self.refresh()

        self.ctx.runner.submit(fn, self.ctx.actor, *args, write=True, on_done=ok, on_error=failed)

    # ----- status and archive ---------------------------------------------------------------------------------
    def change_status(self) -> None:
        if self._mode != EDIT or not self._rights.change_status or self._locked or not self.confirm_discard():
            return
        dialog = StatusDialog(self.ctx, self._detail, self._names, self)
        dialog.saved.connect(self._status_saved)
        dialog.reloaded.connect(lambda current: self._apply_detail(current))
        self.open_dialog(dialog)

    def toggle_archived(self) -> None:
        """Archive (after a question; a second one when the franchisee still does business), or restore."""
        if self._mode != EDIT or not self._rights.archive or self._locked or not self.confirm_discard():
            return
        archive = not self._detail.archived
        if archive and not self.ask(
            QCoreApplication.translate("ProfileEditor", "Archive franchisee"),
            QCoreApplication.translate(
                "ProfileEditor",
                "Archive {name}? It disappears from the list unless archived franchisees are shown; "
                "nothing is deleted and it can be restored.",
            ).format(name=self._display_name()),
        ):
            return
        self._set_archived(archive, confirm_open_business=False)

    def _set_archived(self, archive: bool, confirm_open_business: bool) -> None:
        detail = self._detail
        self._busy(True)

        def done(result: FranchiseeDetail) -> None:
            self._busy(False)
            self._emit_changed(Entity.FRANCHISEE, result.id)
            self._status_saved(result)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, OpenBusiness) and not confirm_open_business:
                self._busy(False)
                if self._ask_open_business(exc):
                    self._set_archived(archive, confirm_open_business=True)
                return
            self._action_failed(exc)

        kwargs = {"confirm_open_business": True} if confirm_open_business else {}
        self.ctx.runner.submit(
            self.ctx.services.franchisees.set_archived,
            self.ctx.actor,
            detail.id,
            detail.version,
            archive,
            write=True,
            on_done=done,
            on_error=failed,
            **kwargs,
        )

    def _ask_open_business(self, exc: OpenBusiness) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("ProfileEditor", "Archive franchisee"),
            QCoreApplication.translate(
                "ProfileEditor", "{name} still does business with you. Archive it anyway?"
            ).format(name=self._display_name()),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("openBusinessBox")
        reasons = [tr_message("Errors", r, exc.params) for r in exc.reasons] or [tr_error(exc)]
        box.setInformativeText("\n".join("• " + r for r in reasons))
        archive = box.addButton(
            QCoreApplication.translate("ProfileEditor", "Archive anyway"), QMessageBox.ButtonRole.AcceptRole
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is archive

    def _status_saved(self, detail: FranchiseeDetail) -> None:
        self._apply_detail(detail)
        self.saved.emit(detail.id)
        self.refresh()

    def _apply_detail(self, detail: FranchiseeDetail, force: bool = False) -> None:
        """Take a newer version of the record; the form follows unless it holds unsaved edits."""
        keep_edits = self.has_unsaved_changes() and not force
        self._detail = detail
        self._mode = EDIT
        if self._rights is not None:  # archived or restored, reassigned: the rights follow at once
            self._rights = rights_for(replace(self.ctx.actor, role=self._rights.role), detail)
        if keep_edits:
            self._update_state()
        else:
            self._populate(detail.data, detail.account_manager_name)

    def _action_failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, ConflictError):
            dialog = ConflictDialog(exc, "franchisees", False, self._names, self)

            def resolved(_result) -> None:
                if dialog.choice == ConflictDialog.RELOAD:
                    self.load(exc.current.id)

            dialog.finished.connect(resolved)
            self.open_dialog(dialog)
        elif not self._refused(exc):
            show_error(self, exc)
