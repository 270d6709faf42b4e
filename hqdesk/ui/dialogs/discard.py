"""Asking before typed data is dropped: Esc, Cancel and the window's close button of a record dialog
(contact, store, status) ask first, as the profile editor does; nothing typed, no question.

``raw_values`` is the one way to tell whether a form was typed into: the editor compares the same snapshot.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QMessageBox, QPlainTextEdit, QWidget

from hqdesk.ui.widgets import OptionalDateEdit


def raw_values(widgets) -> tuple:
    """What the widgets show, as plain values: compared with a saved snapshot to know if anything was typed."""
    out = []
    for widget in widgets:
        if isinstance(widget, QPlainTextEdit):
            out.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            out.append((widget.currentText(), widget.currentData()))
        elif isinstance(widget, OptionalDateEdit):
            # 2026-3-1 is the same date as 2026-03-01; text that is not a date is an edit too
            out.append(widget.date_value() if widget.hasAcceptableInput() else widget.text())
        elif hasattr(widget, "isChecked"):
            out.append(widget.isChecked())
        elif hasattr(widget, "text"):
            out.append(widget.text())
    return tuple(out)


def ask_drop_typed(parent: QWidget) -> bool:
    """Discard / Cancel (True: discard). Discard is the default, so a second Esc keeps the data."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("DiscardTyped", "Discard changes"),
        QCoreApplication.translate("DiscardTyped", "Discard what you have typed in {title}?").format(
            title=parent.windowTitle()
        ),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("discardTypedBox")
    box.setDefaultButton(QMessageBox.StandardButton.Discard)
    return box.exec() == QMessageBox.StandardButton.Discard


class AsksBeforeDiscarding:
    """Mixin for a RecordDialog (before it in the bases). The dialog calls ``mark_clean()`` once it shows a
    record (and after showing another user's version); ``snapshot()`` may add what the form's fields do not
    hold (a contact's anniversaries)."""

    _clean_snapshot: tuple | None = None

    def snapshot(self) -> tuple:
        return raw_values(self.form.fields.values())

    def mark_clean(self) -> None:
        self._clean_snapshot = self.snapshot()

    def has_typed(self) -> bool:
        return (
            not self.read_only
            and self._clean_snapshot is not None
            and self.snapshot() != self._clean_snapshot
        )

    def reject(self) -> None:  # Esc, Cancel, and (through QDialog.closeEvent) the close button
        if self.isVisible() and self.has_typed() and not ask_drop_typed(self):
            return
        super().reject()


__all__ = ["AsksBeforeDiscarding", "ask_drop_typed", "raw_values"]
