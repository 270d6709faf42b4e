"""A save that waits for the database (another user's write holding SQLite's lock, an import) says so in
the status bar after about a second, and the note goes when the save has ended."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow

from hqdesk.ui.tasks import TaskRunner, show_write_waits


def test_a_write_still_running_after_a_second_shows_a_note_until_it_ends(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    runner = TaskRunner(parent=window)
    show_write_waits(runner, window.statusBar())
    lock_released = threading.Event()

    def save_blocked_by_another_writer() -> str:
        lock_released.wait(15)
        return "saved"

    results = []
    runner.submit(save_blocked_by_another_writer, write=True, on_done=results.append)
    with qtbot.waitSignal(runner.write_waiting, timeout=3000) as shown:
        pass
    assert shown.args == [True]
    assert "waiting for another user's change" in window.statusBar().currentMessage()

    with qtbot.waitSignal(runner.write_waiting, timeout=5000) as cleared:
        lock_released.set()
    assert cleared.args == [False]
    assert results == ["saved"] and window.statusBar().currentMessage() == ""
    runner.wait()


def test_a_quick_write_and_a_slow_read_show_no_note(qtbot):
    """The quick write's notice timer (50 ms here) fires while a read is still running (until 200 ms): the
    timers fire in order, so by the time the read ends the write's check has been made, and said nothing."""
    window = QMainWindow()
    qtbot.addWidget(window)
    runner = TaskRunner(parent=window)
    runner.WRITE_WAIT_NOTICE_MS = 50
    show_write_waits(runner, window.statusBar())
    emitted = []
    runner.write_waiting.connect(emitted.append)
    release = threading.Event()
    results = []
    runner.submit(lambda: "quick", write=True, on_done=results.append)
    runner.submit(lambda: release.wait(15) and "slow read", on_done=results.append)  # reads never count
    QTimer.singleShot(200, release.set)
    qtbot.waitUntil(lambda: results == ["quick", "slow read"], timeout=3000)
    assert emitted == [] and window.statusBar().currentMessage() == ""
    runner.wait()
