"""PLACEHOLDER INTERFACE — being replaced by the full profile editor.

class ProfileEditor(QWidget):
    saved = Signal(int)      # franchisee id after create/update/status/archive
    def __init__(self, ctx: UiContext, parent=None)
    def load(self, franchisee_id: int) -> None    # loads in the background, shows tabs
    def new(self) -> None                         # blank profile for a new franchisee
    def has_unsaved_changes(self) -> bool
    def save(self) -> None                        # Ctrl+S
    def cancel(self) -> None                      # Esc: revert unsaved edits
    def confirm_discard(self) -> bool             # ask before dropping unsaved edits (True = go on)
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class ProfileEditor(QWidget):
    saved = Signal(int)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def load(self, franchisee_id: int) -> None:
        pass

    def new(self) -> None:
        pass

    def has_unsaved_changes(self) -> bool:
        return False

    def save(self) -> None:
        pass

    def cancel(self) -> None:
        pass

    def confirm_discard(self) -> bool:
        return True
