"""What the settings pages share: the page protocol, notes, and fields with a message beside them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from hqdesk.ui.widgets import Form

ERROR_STYLE = "color: #c0392b;"
OK_STYLE = "color: #1e8449;"
NOTE_STYLE = "color: #555;"

Done = Callable[[], None]


class SettingsPage(QWidget):
    """One page of the settings dialog. The dialog's OK runs, for every page and in the dialog's order:
    ``validate`` (fields, at once), then ``apply`` (checks and writes in the background, e.g. the letterhead),
    then ``store`` (the user's own settings); a page that fails says why on itself and OK stops there."""

    def title(self) -> str:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def changed(self) -> bool:
        return False

    def validate(self) -> bool:
        return True

    def apply(self, done: Done, failed: Done) -> None:
        done()

    def store(self, settings) -> None:
        pass


def attach_beside(widget: QWidget, *extras: QWidget, grow: bool = True) -> None:
    """Put ``extras`` (a Browse… button) on the same line as a field Form.add placed, above its error label.

    ``grow``: the field takes the spare width; otherwise the line ends with empty space.
    """
    box_layout = widget.parentWidget().layout()
    index = box_layout.indexOf(widget)
    box_layout.removeWidget(widget)
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(widget, 1 if grow else 0)
    for extra in extras:
        row.addWidget(extra)
    if not grow:
        row.addStretch(1)
    box_layout.insertLayout(index, row)


def show_field_text(form: Form, name: str, text: str, focus: bool = True) -> None:
    """A message beside one field that is not a service FieldError (already translated)."""
    label = form.errors[name]
    label.setText((label.text() + "\n" + text) if label.text() else text)
    label.show()
    form.fields[name].setStyleSheet("border: 1px solid #c0392b;")
    if focus:
        form.fields[name].setFocus()


def note(text: str = "", style: str = NOTE_STYLE) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label
