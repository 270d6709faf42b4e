"""Guards on the Qt binding and the machine's fonts that the app's stability and looks depend on."""

from __future__ import annotations

import sys


def test_void_qt_calls_do_not_leak_references_to_none(qapp):
    """PySide6 6.12.0 drops a reference to None on each call returning nothing; on Python 3.11 the process
    then aborts ("Fatal Python error: none_dealloc") after a few thousand calls: a day of use.
    pyproject's markers keep that combination out; this catches it if it comes back."""
    from PySide6.QtCore import QObject, QTimer

    obj, timer = QObject(), QTimer()
    before = sys.getrefcount(None)
    for _ in range(2000):
        obj.setObjectName("x")
        timer.setInterval(5)
        timer.stop()
    assert sys.getrefcount(None) >= before - 50  # other threads may hold a few; never 6,000 fewer


def test_a_chinese_font_is_available(qapp):
    """Offscreen and on machines without a CJK font Chinese would render as boxes; the app registers the
    bundled WQY Micro Hei then."""
    from PySide6.QtGui import QFontDatabase

    from hqdesk.ui.startup import register_fonts

    register_fonts(qapp)
    assert QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)


def test_a_dropped_runner_with_finished_tasks_does_not_crash(qapp):
    """A runner freed while its finished tasks wait for deleteLater must not be deleted twice."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    from hqdesk.ui.tasks import InlineTaskRunner

    results = []
    runner = InlineTaskRunner()
    runner.submit(lambda: 42, on_done=results.append)
    del runner
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    assert results == [42]
