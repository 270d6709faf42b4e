"""The franchisee profile editor: the header, the form and the tabs, and the flow between them (mode, load,
save, conflicts, status and archive, refusals).

Embedded by the franchisee list on the right of its splitter::

    class ProfileEditor(QWidget):
        saved = Signal(int)      # franchisee id after create/update/status/archive
        def __init__(self, ctx: UiContext, parent=None)
        def load(self, franchisee_id: int) -> None    # loads in the background (services.profile.load)
        def new(self) -> None                         # blank profile for a new franchisee
        def has_unsaved_changes(self) -> bool
        def save(self) -> None                        # Ctrl+S, anywhere in the window
        def cancel(self) -> None                      # Esc: drop unsaved edits (asks); leaves a new form
        def confirm_discard(self) -> bool             # ask before dropping unsaved edits (True = go on)

Edits follow "load, edit in memory, save with a version check": the loaded FranchiseeDetail is the base of
the next save, and a ConflictError opens the ConflictDialog (reload / keep editing / overwrite if allowed).
What the user may do comes with every load (their rights as they are now); a save refused because those
rights changed turns the form read only with a note saying why. Every write is announced on ctx.bus, and
the editor reloads on the kinds of change its form and tabs declare (``reload_on``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import reduce

from PySide6.QtCore import QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from hqdesk.domain.cancel import SaveCancelled
from hqdesk.domain.changes import Changes, Entity
from hqdesk.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from hqdesk.domain.franchisee import FranchiseeData
from hqdesk.domain.roles import Action
from hqdesk.services.dto import FranchiseeDetail
from hqdesk.services.errors import AccountDisabled
from hqdesk.services.profile import NewProfile, ProfileBundle, ProfileRights, cannot_create_reason
from hqdesk.ui.dialogs.conflict_dialog import ConflictDialog, merge_plan
from hqdesk.ui.errors import show_error
from hqdesk.ui.i18n import tr_error, tr_field_error
from hqdesk.ui.models.history import UserNames
from hqdesk.ui.views.profile.actions import EDIT, EMPTY, NEW, ProfileActions, ask_discard, ask_save
from hqdesk.ui.views.profile.form import FranchiseeForm
from hqdesk.ui.views.profile.header import (
    ProfileHeader,
    notice_text,
)
from hqdesk.ui.views.profile.page_tabs import build_page_tabs
from hqdesk.ui.views.profile.tabs import ProfileTab

GLOBAL_KINDS = frozenset({Entity.TIER, Entity.USER})  # changes that concern every franchisee's profile


class ProfileEditor(ProfileActions, QWidget):
    saved = Signal(int)
    SAVED_MESSAGE_MS = 6000  # how long "Saved" stays when the user does not go on editing
    reload_on = frozenset({Entity.FRANCHISEE, Entity.STATUS}) | GLOBAL_KINDS  # the header and the form

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileEditor")
        self.ctx = ctx
        self._mode = EMPTY
        self._detail: FranchiseeDetail | None = None
        self._rights: ProfileRights | None = None
        self._current_id: int | None = None
        self._names = UserNames()
        self._clean: tuple = ()
        self._saving = False
        self._emitting = False
        self._seq = 0
        self._can_edit = False
        self._dialog: QDialog | None = None
        self._previous_id: int | None = None  # shown before "new": where Esc goes back to
        self._refused_exc: BaseException | None = None  # a save refused: explained once the rights are in
        self._refusal = ""  # "Nothing was saved: your rights changed", until another franchisee is shown
        self._locked = ""  # the account was disabled: nothing may be changed any more
        self._message_saved = False  # the message line says "Saved" (goes with the next edit)
        self._message_fields = False  # it says "correct the fields marked in red" (goes when none is left)
        self._saved_timer = QTimer(self)
        self._saved_timer.setSingleShot(True)
        self._saved_timer.setInterval(self.SAVED_MESSAGE_MS)
        self._saved_timer.timeout.connect(self._clear_saved_message)

        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.empty_label = QLabel(self.tr("Select a franchisee, or press Ctrl+N to add one"))
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #7f8c8d; font-size: 15px;")
        self.stack.addWidget(self.empty_label)
        page = QWidget()
        page.setObjectName("profilePage")
        page.setStyleSheet(
            'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"], '
            'QAbstractSpinBox[readOnly="true"] { background: palette(window); }'
        )
        self.stack.addWidget(page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 10, 12, 6)
        self.header = ProfileHeader(page)
        layout.addWidget(self.header)
        self.tabs = QTabWidget(page)
        self.tabs.setObjectName("profileTabs")
        layout.addWidget(self.tabs, 1)
        self.form = FranchiseeForm()
        self.form.edited.connect(self._edited)
        self.tabs.addTab(self.form, self.tr("Profile"))
        tabs = build_page_tabs(self)
        self.contacts_tab, self.stores_tab, self.history_tab = (
            tabs["contacts"],
            tabs["stores"],
            tabs["history"],
        )
        self.visits_tab, self.complaints_tab = tabs["visits"], tabs["complaints"]
        self.credit_tab, self.ledger_tab = tabs["credit"], tabs["ledger"]
        self.analytics_tab = tabs["analytics"]
        self.letters_tab = tabs["letters"]
        self.page_tabs: list[ProfileTab] = list(tabs.values())
        for tab in self.page_tabs:
            self.tabs.addTab(tab, tab.title())

        h = self.header
        h.save_button.clicked.connect(self.save)
        h.cancel_button.clicked.connect(self.cancel)
        h.status_button.clicked.connect(self.change_status)
        h.archive_button.clicked.connect(self.toggle_archived)
        # Ctrl+S saves the form wherever the focus is in the window (the list, the search box): the form
        # shows the unsaved edits, so that is what the user means
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        save.setContext(Qt.ShortcutContext.WindowShortcut)
        revert = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel)
        revert.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ctx.bus.changed.connect(self._on_bus_changed)
        self._show_empty()

    @property
    def profile_tab(self) -> FranchiseeForm:
        return self.form

    def __getattr__(self, name: str):
        """The form's fields by name (``editor.city``), for scripts such as the screenshot driver."""
        form = self.__dict__.get("form")
        if form is not None and name in form.fields:
            return form.fields[name]
        raise AttributeError(name)

    # ----- the interface ------------------------------------------------------------------------------------
    def load(self, franchisee_id: int) -> None:
        """Show ``franchisee_id`` (fetched in the background). Unsaved edits are dropped: ask confirm_discard first."""
        if franchisee_id != self._current_id:
            self._refusal, self._refused_exc = "", None
        self._current_id = franchisee_id
        self._fetch(refresh=False)

    def new(self) -> None:
        """A blank profile for a new franchisee (if the user may create one)."""
        self._seq += 1
        if self._mode == EDIT and self._detail is not None:
            self._previous_id = self._detail.id
        elif self._mode != NEW:
            self._previous_id = None
        self._current_id = None
        if not self.ctx.can(Action.CREATE_FRANCHISEE):
            self._show_empty(self._cannot_create(self.ctx.actor.role))
            return
        seq = self._seq

        def done(new: NewProfile) -> None:
            self._names = UserNames.of_users(new.names)
            self.form.set_choices(new.choices)
            if seq != self._seq:
                return
            if not new.rights.edit:
                self._show_empty(self._cannot_create(new.rights.role))
            else:
                self._start_new(new.rights)

        self.ctx.runner.submit(
            self.ctx.services.profile.choices,
            self.ctx.actor,
            on_done=done,
            on_error=lambda exc: show_error(self, exc),
        )

    def _cannot_create(self, role) -> str:
        return notice_text(cannot_create_reason(role))

    def has_unsaved_changes(self) -> bool:
        return self._mode != EMPTY and self._can_edit and self.form.raw() != self._clean

    def save(self) -> None:
        """Save the profile (Ctrl+S); problems appear beside their fields, conflicts in the conflict dialog."""
        self._save()

    def cancel(self) -> None:
        """Esc or Cancel: drop the unsaved edits, after asking (no question when nothing was edited).

        A new franchisee's form is left: back to the franchisee shown before it, or to the empty state.
        """
        if self._saving or self._mode == EMPTY:
            return
        if self.has_unsaved_changes() and not ask_discard(self, self._display_name()):
            return
        if self._mode == NEW:
            self._leave_new()
        else:
            self._revert()

    def _revert(self) -> None:
        """The form as it was loaded (a new franchisee's: blank)."""
        if self._mode == EDIT and self._detail is not None:
            self._populate(self._detail.data, self._detail.account_manager_name)
        elif self._mode == NEW:
            self._populate(self._blank())
        self._show_message("")

    def _leave_new(self) -> None:
        previous, self._previous_id = self._previous_id, None
        self._show_message("")
        self._show_empty()
        if previous is not None:
            self.load(previous)

    def confirm_discard(self) -> bool:
        """Before the caller drops the record: Save / Discard / Cancel. True when it may go on."""
        if not self.has_unsaved_changes():
            return True
        answer = ask_save(self, self._display_name())
        if answer == QMessageBox.StandardButton.Discard:
            self._revert()
            return True
        if answer != QMessageBox.StandardButton.Save:
            return False
        return self._save_and_wait()

    # ----- for the tabs (RowListHost) -------------------------------------------------------------------------
    def current_dialog(self) -> QDialog | None:
        """The dialog this editor has open (status, contact, store, conflict), if any."""
        return self._dialog

    def franchisee(self) -> FranchiseeDetail | None:
        return self._detail

    def user_names(self) -> UserNames:
        return self._names

    def refresh(self) -> None:
        self._fetch(refresh=True)

    # ----- refusals -------------------------------------------------------------------------------------------
    def _refused(self, exc: BaseException) -> bool:
        """A write refused because the user's rights changed (reassigned, demoted, disabled): the form turns
        read only with a note saying why, rather than failing every further save the same way."""
        if isinstance(exc, AccountDisabled):
            self._locked = tr_error(exc)
            self._update_state()
            return True
        if not isinstance(exc, PermissionDenied) or self._current_id is None:
            return False
        self._refused_exc = exc
        self.refresh()  # the rights as they are now come with the reload
        return True

    def _explain_refusal(self, rights: ProfileRights) -> None:
        exc, self._refused_exc = self._refused_exc, None
        if exc is None:
            return
        if rights.edit:  # refused for something else (e.g. reassigning): the message as it is
            show_error(self, exc)
        else:
            self._refusal = self.tr("Nothing was saved: your rights to this franchisee have changed.")

    # ----- loading ------------------------------------------------------------------------------------------
    def _fetch(self, refresh: bool) -> None:
        """Fetch the current franchisee; a refresh leaves the form alone when it has unsaved edits."""
        if self._current_id is None:
            return
        self._seq += 1
        seq = self._seq
        if not refresh and self._mode == EMPTY:
            self.empty_label.setText(self.tr("Loading…"))
        self.ctx.runner.submit(
            self.ctx.services.profile.load,
            self.ctx.actor,
            self._current_id,
            on_done=lambda bundle: self._loaded(seq, bundle, refresh),
            on_error=lambda exc: self._load_failed(seq, exc),
        )

    def _loaded(self, seq: int, bundle: ProfileBundle, refresh: bool) -> None:
        if seq != self._seq:
            return  # the user moved on to another franchisee meanwhile
        detail = bundle.detail
        same = self._mode == EDIT and self._detail is not None and self._detail.id == detail.id
        keep_edits = refresh and same and (self.has_unsaved_changes() or self._saving)
        self._names = UserNames.of_users(bundle.names)
        self.form.set_choices(bundle.choices)
        self._rights = bundle.rights
        self._locked = ""  # the load went through: the account is active (again)
        self._explain_refusal(bundle.rights)
        if keep_edits:
            if detail.version != self._detail.version:
                self._show_message(
                    self.tr(
                        "{user} changed this franchisee after you opened it. When you save, you will see what "
                        "they changed."
                    ).format(user=self._names.name(detail.updated_by)),
                    warning=True,
                )
        elif not (refresh and same and detail.version == self._detail.version):
            self._detail = detail
            self._mode = EDIT
            self._populate(detail.data, detail.account_manager_name)
            if not refresh:
                self._show_message("")
        else:
            self._detail = detail  # the same version: the account manager's name may have changed
        for tab in self.page_tabs:  # the same franchisee again: the lists keep their selected rows
            tab.load(bundle, same)
        self._show_editor()  # on the tab the user was on: browsing contacts franchisee after franchisee

    def _load_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._seq:
            return
        if isinstance(exc, NotFound):
            self._show_empty(self.tr("This franchisee no longer exists; another user may have deleted it."))
            return
        if isinstance(exc, AccountDisabled) and self._mode == EDIT:
            self._refused(exc)
            return
        if self._mode == EMPTY:
            self._show_empty()
        show_error(self, exc)

    # ----- the form -----------------------------------------------------------------------------------------
    def _blank(self) -> FranchiseeData:
        tiers = self.form._tiers
        tier = "B" if "B" in tiers or not tiers else tiers[0]
        manager = None if self._rights and self._rights.assign_manager else self.ctx.actor.user_id
        return FranchiseeData(tier=tier, account_manager_id=manager)

    def _start_new(self, rights: ProfileRights) -> None:
        self._mode = NEW
        self._detail = None
        self._rights = rights
        self._refusal, self._locked = "", ""
        self._populate(self._blank(), self.ctx.actor.display_name)
        for tab in self.page_tabs:
            tab.load(None)
        self._show_message("")
        self.tabs.setCurrentWidget(self.form)
        self._show_editor()
        self.form.code.setFocus()

    def _populate(self, data: FranchiseeData, manager_name: str = "") -> None:
        self.form.populate(data, manager_name)
        self._clean = self.form.raw()
        self._update_state()

    def _edited(self) -> None:
        if self._message_saved or (self._message_fields and not self.form.has_errors()):
            self._show_message("")  # "Saved" is old news; the fields marked in red are all corrected
        self._update_state()

    # ----- saving -------------------------------------------------------------------------------------------
    def _save(self, finished: Callable[[bool], None] | None = None) -> bool:
        """Start saving; ``finished(ok)`` is called when the save is over. False if nothing was started."""
        if self._mode == EMPTY or not self._can_edit or self._saving or not self.has_unsaved_changes():
            return False
        data, errors = self.form.read()
        if errors:
            self._show_validation(errors)
            return False
        self._submit_save(data, overwrite=False, finished=finished)
        return True

    def _submit_save(
        self, data: FranchiseeData, overwrite: bool, finished: Callable[[bool], None] | None = None
    ) -> None:
        franchisees = self.ctx.services.franchisees
        if self._mode == NEW:
            fn, args, kwargs = franchisees.create, (self.ctx.actor, data), {}
        else:
            fn, args = franchisees.update, (self.ctx.actor, self._detail.id, self._detail.version, data)
            kwargs = {"base": self._detail.data, "overwrite": overwrite}
        self._saving = True
        self._busy(True)

        def done(detail: FranchiseeDetail) -> None:
            self._saving = False
            self._busy(False)
            self._saved(detail)
            if finished:
                finished(True)

        def failed(exc: BaseException) -> None:
            self._saving = False
            self._busy(False)
            self._save_failed(exc)
            if finished:
                finished(False)

        self.ctx.runner.submit(fn, *args, on_done=done, on_error=failed, write=True, **kwargs)

    def _save_and_wait(self) -> bool:
        """Save and wait for the outcome (confirm_discard must answer synchronously)."""
        outcome: list[bool] = []
        loop = QEventLoop(self)

        def finished(ok: bool) -> None:
            outcome.append(ok)
            loop.quit()

        if not self._save(finished):
            return False
        if not outcome:  # a threaded runner: wait for it (the inline runner has answered already)
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        return bool(outcome and outcome[0])

    def _saved(self, detail: FranchiseeDetail) -> None:
        self._current_id = detail.id
        self._apply_detail(detail, force=True)  # a new franchisee's rights become those on it
        self._show_saved()
        self._emit_changed(Entity.FRANCHISEE, detail.id)
        self.saved.emit(detail.id)
        self.refresh()  # history, and the tabs a new franchisee did not have

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self._show_validation(exc.errors)
        elif isinstance(exc, ConflictError):
            self._conflict(exc)
        elif isinstance(exc, SaveCancelled):  # the status bar's Cancel while it waited: the edits stay
            self._show_message(tr_error(exc), warning=True)
        elif not self._refused(exc):
            show_error(self, exc)

    def _show_validation(self, errors) -> None:
        self.tabs.setCurrentWidget(self.form)
        rest = self.form.show_errors(errors)  # focuses the first bad field
        text = "\n".join(tr_field_error(e) for e in rest)
        self._show_message(
            text or self.tr("Nothing was saved: correct the fields marked in red."), error=True
        )
        self._message_fields = not text

    def _conflict(self, exc: ConflictError) -> None:
        yours, merged = None, None
        mine, errors = self.form.read()
        if self._detail is not None and not errors and getattr(exc.current, "data", None) is not None:
            yours, merged = merge_plan(self._detail.data, exc.current.data, mine)
        dialog = ConflictDialog(
            exc,
            "franchisees",
            bool(self._rights and self._rights.overwrite),
            self._names,
            self,
            yours_changed=yours,
            can_merge=merged is not None,
        )
        dialog.finished.connect(lambda _result: self._resolve_conflict(dialog.choice, exc, merged))
        self.open_dialog(dialog)

    def _resolve_conflict(
        self, choice: str, exc: ConflictError, merged: FranchiseeData | None = None
    ) -> None:
        if choice == ConflictDialog.MERGE and merged is not None:
            # their version becomes the base, the form shows both changes, and the save goes out at once
            self._apply_detail(exc.current, force=True)
            self._populate(merged, exc.current.account_manager_name)
            self._submit_save(merged, overwrite=False)
        elif choice == ConflictDialog.RELOAD:
            self._apply_detail(exc.current, force=True)
            self._show_message("")
            self.refresh()
        elif choice == ConflictDialog.OVERWRITE:
            data, errors = self.form.read()
            if errors:
                self._show_validation(errors)
            else:
                self._submit_save(data, overwrite=True)
        else:
            self._show_message(
                self.tr("Not saved. Saving again shows the same conflict until you reload their version."),
                warning=True,
            )

    # ----- state shown ----------------------------------------------------------------------------------------
    def _update_state(self) -> None:
        """Header, buttons, read-only state and tabs from the mode, the rights and the dirty flag."""
        editing = self._mode == EDIT and self._detail is not None
        rights = self._rights or ProfileRights(role=self.ctx.actor.role)
        self._can_edit = (self._mode == NEW or editing) and rights.edit and not self._locked
        dirty = self.has_unsaved_changes()
        h = self.header
        self.form.set_read_only(not self._can_edit, assign_manager=rights.assign_manager)
        h.save_button.setVisible(self._can_edit)
        h.cancel_button.setVisible(self._can_edit)
        h.save_button.setEnabled(dirty and not self._saving)
        h.cancel_button.setEnabled((dirty or self._mode == NEW) and not self._saving)
        h.cancel_button.setToolTip(
            self.tr("Leave the new franchisee without saving it (Esc)")
            if self._mode == NEW
            else self.tr("Undo the changes you have not saved (Esc)")
        )
        h.unsaved_label.setVisible(dirty)
        h.status_button.setVisible(editing and rights.change_status and not self._locked)
        h.archive_button.setVisible(editing and rights.archive and not self._locked)
        note = self._note(rights)
        for tab in self.page_tabs:
            tab.set_read_only(
                "" if self._can_edit and editing else note or self.tr("Save the new franchisee first.")
            )
            index = self.tabs.indexOf(tab)
            self.tabs.setTabEnabled(index, editing)
            self.tabs.setTabToolTip(index, "" if editing else self.tr("Save the new franchisee first."))
            self.tabs.setTabText(index, tab.title())
        self.tabs.setTabVisible(self.tabs.indexOf(self.history_tab), rights.view_history)
        if self._mode == NEW:
            h.show_new()
            line = self.tr("A new franchisee starts as a prospect; change the status after saving.")
            self.form.status_line.setText(line)
        elif editing:
            self.form.status_line.setText(h.show_franchisee(self._detail))
        h.set_note(note)
        h.fit(self.width())  # buttons and badges come and go

    def _note(self, rights: ProfileRights) -> str:
        """Why the profile is read only (empty when it is not)."""
        if self._mode == EMPTY:
            return ""
        if self._locked:
            return self._locked
        if self._can_edit:
            return ""
        reason = notice_text(rights.read_only_reason) if self._mode == EDIT else ""
        return " ".join(t for t in (self._refusal, reason) if t)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.header.fit(self.width())

    def _display_name(self) -> str:
        if self._mode == NEW:
            return self.form.legal_name.text().strip() or self.tr("the new franchisee")
        return self._detail.data.legal_name if self._detail else ""

    def _show_empty(self, text: str | None = None) -> None:
        self._mode = EMPTY
        self._detail = None
        self._can_edit = False
        self.empty_label.setText(text or self.tr("Select a franchisee, or press Ctrl+N to add one"))
        self.stack.setCurrentIndex(0)

    def _show_editor(self) -> None:
        self._update_state()
        self.stack.setCurrentIndex(1)

    def _show_message(self, text: str, error: bool = False, warning: bool = False, ok: bool = False) -> None:
        self.header.show_message(text, error=error, warning=warning, ok=ok)
        self._message_saved = self._message_fields = False
        self._saved_timer.stop()

    def _show_saved(self) -> None:
        """A brief "Saved" after Ctrl+S: until the next edit, or a few seconds."""
        self._show_message("✓ " + self.tr("Saved"), ok=True)
        self._message_saved = True
        self._saved_timer.start()

    def _clear_saved_message(self) -> None:
        if self._message_saved:
            self._show_message("")

    # ----- the change bus -------------------------------------------------------------------------------------
    def _reload_kinds(self) -> frozenset[Entity]:
        return reduce(lambda kinds, tab: kinds | tab.reload_on, self.page_tabs, self.reload_on)

    def _on_bus_changed(self, changes: Changes) -> None:
        """Another view (or another of our dialogs) wrote something: refresh what we show of it."""
        if self._emitting or self._mode != EDIT or self._detail is None or self._dialog is not None:
            return  # our own writes refresh themselves
        if not changes.touches(*self._reload_kinds()):
            return
        if changes.touches(*GLOBAL_KINDS) or changes.touches_franchisee(self._detail.id):
            self.refresh()


__all__ = ["ProfileEditor", "notice_text", "EMPTY", "EDIT", "NEW"]
