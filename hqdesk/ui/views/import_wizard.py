"""The import wizard: franchisees, contacts or stores from a CSV/XLSX file, in four steps.

1. Pick: what to import, the file (or drop it on the page), and a template to fill in (English or Chinese headers).
2. Columns: the file's first rows under a combo per column that says which field it goes to, pre-set from
   ``FilePreview`` (a recognised layout, hqdesk's template, guessed headers or a saved mapping); what is still
   missing or ambiguous is said in words; mappings can be applied and saved by name.
3. Check: the whole file checked in the background (a dry run of ``import_file``): every problem listed, and
   the rows already in hqdesk with a choice per row (update, skip, or create for a match by legal name).
4. Import: all rows or none, in the background; the result says how many were created, updated, skipped.

Everything reaches the database through ``services.imports`` off the UI thread (``ctx.runner``). The module is
imported only when the wizard is opened (``open_import_wizard``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.roles import Action
from hqdesk.ui.context import UiContext
from hqdesk.ui.views.import_wizard_pages import CheckPage, ImportPage, MappingPage, PickPage

IMPORT_ACTION = Action.IMPORT_FRANCHISEES  # the one right behind importing franchisees, contacts and stores
CHANGED = {
    "franchisees": (Entity.FRANCHISEE, Entity.STATUS, Entity.CONTACT, Entity.CREDIT_PROFILE),
    "contacts": (Entity.CONTACT,),
    "stores": (Entity.STORE,),
}


def may_import(ctx: UiContext) -> bool:
    return ctx.can(IMPORT_ACTION)


def not_allowed_tip() -> str:
    return QCoreApplication.translate("ImportWizard", "Your role may not import; ask an administrator.")


class ImportWizard(QWizard):
    """See the module docstring. ``imported(ImportResult)`` after rows were written."""

    imported = Signal(object)

    PICK, MAPPING, CHECK, IMPORT = range(4)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, entity: str = "franchisees") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import franchisees, contacts or stores"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.pick = PickPage(ctx, entity, self)
        self.mapping = MappingPage(ctx, self)
        self.check = CheckPage(ctx, self)
        self.final = ImportPage(ctx, self)
        self.setPage(self.PICK, self.pick)
        self.setPage(self.MAPPING, self.mapping)
        self.setPage(self.CHECK, self.check)
        self.setPage(self.IMPORT, self.final)
        self.final.finished_import.connect(self._imported)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        # fits a 1280x720 screen with the window frame and a task bar; a little more room on larger ones
        self.resize(min(1240, screen.width() - 60), min(780, screen.height() - 80))

    # what the pages share ------------------------------------------------------------------------
    @property
    def entity(self) -> str:
        return self.pick.entity

    @property
    def path(self) -> str:
        return self.pick.path

    def _imported(self, result) -> None:
        self.imported.emit(result)
        self.ctx.bus.notify(Changes.of(CHANGED.get(self.entity, (Entity.FRANCHISEE,)), origin=self))

    def reject(self) -> None:
        if self.final.running:
            QMessageBox.information(
                self,
                self.windowTitle(),
                self.tr("The import is being written; the window closes when it is done."),
            )
            return
        for page in (self.mapping, self.check):
            page.stop()
        super().reject()


def open_import_wizard(ctx: UiContext, parent: QWidget | None = None, entity: str = "franchisees"):
    """Open the wizard (non-modal, deleted when closed); None, with a message, for a role that may not import
    (the services refuse it too)."""
    if not may_import(ctx):
        from hqdesk.domain.errors import PermissionDenied
        from hqdesk.ui.errors import show_error

        show_error(parent, PermissionDenied(role=ctx.actor.role, action=IMPORT_ACTION))
        return None
    wizard = ImportWizard(ctx, parent, entity)
    from PySide6.QtCore import Qt

    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.show()
    return wizard


__all__ = ["ImportWizard", "open_import_wizard", "may_import", "not_allowed_tip"]
