"""The franchisee list at start-up: the profile editor beside it (its form and every profile tab) is built in the
first idle moment after the list shows its first rows, or at once when something needs it; until then its place
shows the editor's own empty state. Building it after the window is shown must not take the focus away."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from hqdesk.ui.views.franchisees import FranchiseesView


def _view(qtbot, ctx) -> FranchiseesView:
    view = FranchiseesView(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    return view


def test_the_editor_is_built_after_the_first_rows_with_its_empty_state_shown_until_then(
    qtbot, make_ctx, ui_users, sample_franchisees
):
    view = _view(qtbot, make_ctx(ui_users["zhang"]))
    # the inline runner has shown the first rows already; the editor waits for the event loop
    assert view.model.rowCount() == 3
    assert not view.editor_built()
    assert view.editor_placeholder.text() == "Select a franchisee, or press Ctrl+N to add one"
    assert view.editor_slot.currentWidget() is view.editor_placeholder
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    qtbot.waitUntil(view.editor_built)
    assert view.editor_slot.currentWidget() is view.editor
    assert view.editor.empty_label.text() == "Select a franchisee, or press Ctrl+N to add one"
    # built after the window was shown, it left the window active and nothing else on screen
    assert QApplication.activeWindow() is view
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == [view]


def test_selecting_a_row_before_the_editor_exists_builds_it_and_shows_the_franchisee(
    qtbot, make_ctx, ui_users, sample_franchisees
):
    view = _view(qtbot, make_ctx(ui_users["zhang"]))
    assert not view.editor_built()
    assert view.confirm_close()  # nothing to lose before the editor exists
    view.table.selectRow(0)
    assert view.editor_built()
    assert view.editor_franchisee_id() == view.model.franchisee_id(0)
    assert view.editor.stack.currentIndex() == 1  # the profile, not the empty state


def test_a_form_with_a_required_note_shows_no_window_of_its_own(qtbot):
    """The "* required" note was made visible before it had a parent: a window of its own for a moment, which
    took the focus from the main window when the profile editor was built after the window was shown."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    from hqdesk.ui.views.profile.form import FranchiseeForm

    shown = []

    class WindowsShown(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
                shown.append(watched.objectName())
            return False

    spy = WindowsShown()
    QApplication.instance().installEventFilter(spy)
    try:
        form = FranchiseeForm()
        qtbot.addWidget(form)
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert shown == []
