"""Page objects: what a user sees and does on the profile editor, the franchisee list and the record dialogs.

Widget tests go through these helpers instead of the widgets' attributes, so that moving a widget (the
profile split into header, form and tabs; a tab added) changes this file, not forty tests.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton

from tests.ui.conftest import type_text


def _value(widget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return widget.text()


def _set(widget, value) -> None:
    """Set a field's value directly (as a paste would): text, a date, or a combo box's item text."""
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox):
        index = widget.findText(value)
        if index >= 0:
            widget.setCurrentIndex(index)
        else:
            assert widget.isEditable(), (value, widget.objectName())
            widget.setCurrentText(value)
    elif isinstance(value, date) or value is None and hasattr(widget, "set_date_value"):
        widget.set_date_value(value)
    else:
        widget.setText(value)


def _fill(widget, text: str) -> None:
    """Select what the field holds and type over it (Chinese through the input method path)."""
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
    elif isinstance(widget, QPlainTextEdit):
        widget.selectAll()
    type_text(widget, text)


def answer_message_box(button: QMessageBox.StandardButton | str) -> list[str]:
    """Click ``button`` (a standard button, or the text of an added one) on the next message box; returns the
    texts seen (they block in exec(), so the answer is queued before the action)."""
    seen: list[str] = []

    def attempt(tries: int = 200) -> None:
        box = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None
        )
        if box is None:
            if tries:
                QTimer.singleShot(10, lambda: attempt(tries - 1))
            return
        seen.append(box.text())
        if isinstance(button, str):
            next(b for b in box.buttons() if b.text() == button).click()
        else:
            box.button(button).click()

    QTimer.singleShot(0, attempt)
    return seen


class ProfilePage:
    """The profile editor as a user meets it."""

    BUTTONS = ("save", "cancel", "status", "archive")

    def __init__(self, editor, qtbot=None) -> None:
        self.editor, self.qtbot = editor, qtbot

    # ----- what is shown -------------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return self.editor.stack.currentWidget() is self.editor.empty_label

    def empty_text(self) -> str:
        return self.editor.empty_label.text()

    def title(self) -> str:
        return self.editor.header.title.text()

    def code(self) -> str:
        return self.editor.header.code_label.text()

    def badge(self, name: str) -> str:
        """The text of the "status", "tier" or "archived" badge ("" when hidden)."""
        label = getattr(self.editor.header, f"{name}_badge")
        return label.text() if not label.isHidden() else ""

    def status_text(self) -> str:
        return self.editor.form.status_line.text()

    def note(self) -> str:
        """The read-only note ("" when hidden)."""
        label = self.editor.header.read_only_note
        return label.text() if label.isVisible() else ""

    def message(self) -> str:
        label = self.editor.header.message
        return label.text() if label.isVisible() else ""

    def message_style(self) -> str:
        return self.editor.header.message.styleSheet()

    def unsaved_shown(self) -> bool:
        return self.editor.header.unsaved_label.isVisible()

    def is_dirty(self) -> bool:
        return self.editor.has_unsaved_changes()

    def field(self, name: str):
        return self.editor.form.fields[name]

    def text(self, name: str) -> str:
        return _value(self.field(name))

    def error(self, name: str) -> str:
        return self.editor.form.error_text(name)

    def error_shown(self, name: str) -> bool:
        return self.editor.form.form.errors[name].isVisible()

    def starred(self) -> set[str]:
        return {name for name, label in self.editor.form.labels.items() if "*" in label.text()}

    def required_note_shown(self) -> bool:
        from PySide6.QtWidgets import QLabel

        return self.editor.form.findChild(QLabel, "requiredNote").isVisible()

    def choices(self, name: str) -> list[str]:
        combo = self.field(name)
        return [combo.itemText(i) for i in range(combo.count())]

    def is_read_only(self) -> bool:
        """Nothing on the form can be changed and there is nothing to save."""
        fields = [w for w in self.editor.form.fields.values() if isinstance(w, (QLineEdit, QPlainTextEdit))]
        return all(w.isReadOnly() for w in fields) and not self.button("save").isVisible()

    def enabled(self, name: str) -> bool:
        return self.field(name).isEnabled()

    def button(self, name: str) -> QPushButton:
        """ "save", "cancel", "status", "archive", or a tab's "contacts.add" / "contacts.make_primary"."""
        if "." in name:
            tab, action = name.split(".")
            return next(b for b in self.tab_widget(tab).actions() if b.objectName() == f"{tab}_{action}")
        return getattr(self.editor.header, f"{name}_button")

    def shown(self, name: str) -> bool:
        return self.button(name).isVisible()

    def focused(self):
        return QApplication.focusWidget()

    # ----- doing -------------------------------------------------------------------------------------------
    def fill(self, name: str, text: str) -> None:
        _fill(self.field(name), text)

    def set(self, name: str, value) -> None:
        _set(self.field(name), value)

    def keys(self, name: str, keys: str) -> None:
        widget = self.field(name)
        widget.setFocus()
        self.qtbot.keyClicks(widget, keys)

    def press(self, name: str, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.field(name), key, modifier)

    def ctrl_s(self, name: str = "city") -> None:
        self.press(name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    def escape(self, name: str = "city") -> None:
        self.press(name, Qt.Key.Key_Escape)

    def save(self) -> None:
        self.editor.save()

    def click(self, name: str) -> None:
        self.button(name).click()

    def dialog(self):
        return self.editor.current_dialog()

    # ----- tabs ----------------------------------------------------------------------------------------------
    def tab_widget(self, name: str):
        return self.editor.form if name == "profile" else getattr(self.editor, f"{name}_tab")

    def tab(self, name: str) -> None:
        self.editor.tabs.setCurrentWidget(self.tab_widget(name))

    def current_tab(self) -> str:
        return next(
            n
            for n in ("profile", "contacts", "stores", "history")
            if self.editor.tabs.currentWidget() is self.tab_widget(n)
        )

    def tab_title(self, name: str) -> str:
        return self.editor.tabs.tabText(self.editor.tabs.indexOf(self.tab_widget(name)))

    def tab_enabled(self, name: str) -> bool:
        return self.editor.tabs.isTabEnabled(self.editor.tabs.indexOf(self.tab_widget(name)))

    def model(self, tab: str, part: str = ""):
        widget = self.tab_widget(tab)
        return widget.status_model if part == "status" else widget.model

    def view(self, tab: str, part: str = ""):
        widget = self.tab_widget(tab)
        return widget.status_view if part == "status" else widget.view

    def rows(self, tab: str, column: str, part: str = "") -> list[str]:
        """The texts of one column ("NAME", "MOBILE", "WHAT"...) of a tab's list (``part="status"``: the
        history tab's status changes)."""
        model = self.model(tab, part)
        col = getattr(model, column)
        return [model.index(r, col).data() for r in range(model.rowCount())]

    def select_row(self, tab: str, row: int) -> None:
        self.view(tab).selectRow(row)

    def selected(self, tab: str, column: str = "NAME") -> str | None:
        view, model = self.view(tab), self.model(tab)
        rows = view.selectionModel().selectedRows()
        return model.index(rows[0].row(), getattr(model, column)).data() if rows else None

    def press_in_list(self, tab: str, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        view = self.view(tab)
        view.setFocus()
        self.qtbot.keyClick(view, key, modifier)

    def double_click_row(self, tab: str, row: int) -> None:
        view, model = self.view(tab), self.model(tab)
        rect = view.visualRect(model.index(row, 0))
        self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a press first
        self.qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


class DialogPage:
    """A record dialog (contact, store, status): fill, save, cancel, read the messages."""

    def __init__(self, dialog, qtbot=None) -> None:
        self.dialog, self.qtbot = dialog, qtbot

    def field(self, name: str):
        return self.dialog.form.fields[name]

    def text(self, name: str) -> str:
        return _value(self.field(name))

    def fill(self, name: str, text: str) -> None:
        _fill(self.field(name), text)

    def set(self, name: str, value) -> None:
        _set(self.field(name), value)

    def error(self, name: str) -> str:
        return self.dialog.form.error_text(name)

    def save(self) -> None:
        self.dialog.save_button.click()

    def cancel(self) -> None:
        """The Cancel (or Close) button."""
        from PySide6.QtWidgets import QDialogButtonBox

        buttons = self.dialog.buttons
        button = buttons.button(QDialogButtonBox.StandardButton.Cancel) or buttons.button(
            QDialogButtonBox.StandardButton.Close
        )
        button.click()

    def escape(self) -> None:
        self.qtbot.keyClick(self.dialog, Qt.Key.Key_Escape)

    def close(self) -> None:
        self.dialog.close()

    def is_open(self) -> bool:
        return self.dialog.isVisible()


class ListPage:
    """The franchisee list beside the profile editor."""

    def __init__(self, view, qtbot) -> None:
        self.view, self.qtbot = view, qtbot
        self.profile = ProfilePage(view.editor, qtbot)

    def codes(self) -> list[str]:
        from hqdesk.services.dto import LIST_COLUMNS

        col = LIST_COLUMNS.index("code")
        return [self.view.model.index(r, col).data() for r in range(self.view.model.rowCount())]

    def open_row(self, row: int) -> None:
        """Click a row: its franchisee opens in the editor."""
        table = self.view.table
        rect = table.visualRect(self.view.model.index(row, 0))
        self.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    def open_code(self, code: str) -> None:
        self.open_row(self.codes().index(code))

    def focus_list(self) -> None:
        self.view.table.setFocus()

    def focus_search(self) -> None:
        self.view.search_box.setFocus()

    def ctrl_s(self) -> None:
        """Ctrl+S where the focus is (the list, the search box...)."""
        self.qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


__all__ = ["ProfilePage", "DialogPage", "ListPage", "answer_message_box"]
