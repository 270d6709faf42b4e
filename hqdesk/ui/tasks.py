"""The one background-task runner: database, disk and PDF work never runs on the UI thread.

Workers never touch widgets; results and errors come back to the UI thread through a signals holder
(a QObject living in the UI thread, so its signals are delivered there by queued connection).
Tests swap in InlineTaskRunner, which runs each task at once, for deterministic flows.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from hqdesk.domain.cancel import Cancellation, cancellable

log = logging.getLogger(__name__)


class TaskContext:
    """Handed to long tasks that asked for it: report progress, notice cancellation."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        # also what a save waiting for SQLite's write lock checks (hqdesk.domain.cancel)
        self.cancellation = Cancellation()

    def progress(self, done: int, total: int) -> None:
        self._signals.progress.emit(done, total)

    @property
    def cancelled(self) -> bool:
        return self.cancellation.cancelled

    def cancel(self) -> None:
        self.cancellation.cancel()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class Task(QObject):
    """A submitted job. ``cancel()`` asks a cooperative task to stop; its callbacks are not called after."""

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__(runner)
        self.signals = _Signals(self)
        self.context = TaskContext(self.signals)
        self._dropped = False

    def cancel(self) -> None:
        self._dropped = True
        self.context.cancel()

    @property
    def dropped(self) -> bool:
        return self._dropped


class _Job(QRunnable):
    def __init__(self, task: Task, fn: Callable[..., Any], args, kwargs, write: bool = False) -> None:
        super().__init__()
        self.task, self.fn, self.args, self.kwargs, self.write = task, fn, args, kwargs, write
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            token = self.task.context.cancellation
            if self.write:
                token.raise_if_cancelled()  # cancelled while queued behind the waiting save
            with cancellable(token):  # a wait for the database's write lock stops at Cancel
                result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # delivered to on_error in the UI thread
            self.task.signals.failed.emit(exc)
        else:
            self.task.signals.done.emit(result)


class TaskRunner(QObject):
    """``runner.submit(fn, *args, on_done=..., on_error=..., write=False)``.

    Pools, and why each exists:
    - ``_writes``: one thread. SQLite allows one writer at a time; queuing our own writes in order
      keeps them from waiting on each other's locks (Anki's taskman does the same).
    - ``_reads``: two threads for queries, so a slow report does not hold up the list's search.

    ``write_waiting(True)`` once a write has been running for ``WRITE_WAIT_NOTICE_MS`` (on SQLite most
    likely waiting for another user's write lock, up to the busy timeout), ``write_waiting(False)`` when no
    write is running any more: ``show_write_waits`` puts it in the status bar.
    """

    WRITE_WAIT_NOTICE_MS = 1000
    write_waiting = Signal(bool)

    def __init__(
        self, on_unhandled: Callable[[BaseException], None] | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._on_unhandled = on_unhandled
        self._pending: set[Task] = set()
        self._writes_running: set[Task] = set()
        self._waiting_shown = False

    def submit(
        self,
        fn: Callable[..., Any],
        *args,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        write: bool = False,
        with_context: bool = False,
        **kwargs,
    ) -> Task:
        task = Task(self)
        if with_context:
            kwargs["context"] = task.context
        # The callbacks hold locals, not ``self``: a runner must not be kept alive (and then freed inside
        # its own task's deferred delete) by the closures of its tasks.
        pending, on_unhandled = self._pending, self._on_unhandled
        pending.add(task)
        runner = weakref.ref(self)

        def write_ended() -> None:
            if write and (owner := runner()) is not None:
                owner._write_ended(task)

        def finished(result):
            pending.discard(task)
            write_ended()
            if not task.dropped and on_done is not None:
                on_done(result)
            task.deleteLater()

        def failed(exc):
            pending.discard(task)
            write_ended()
            if task.dropped:
                task.deleteLater()
                return
            if on_error is not None:
                on_error(exc)
            elif on_unhandled is not None:
                on_unhandled(exc)
            else:
                log.error("background task failed", exc_info=exc)
            task.deleteLater()

        task.signals.done.connect(finished)
        task.signals.failed.connect(failed)
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        if write:
            self._writes_running.add(task)
            QTimer.singleShot(
                self.WRITE_WAIT_NOTICE_MS,
                self,
                lambda: (owner := runner()) and owner._write_still_running(task),
            )
        self._start(task, fn, args, kwargs, write)
        return task

    def _write_still_running(self, task: Task) -> None:
        if task in self._writes_running and not self._waiting_shown:
            self._waiting_shown = True
            self.write_waiting.emit(True)

    def _write_ended(self, task: Task) -> None:
        self._writes_running.discard(task)
        if not self._writes_running and self._waiting_shown:
            self._waiting_shown = False
            self.write_waiting.emit(False)

    def _start(self, task: Task, fn, args, kwargs, write: bool) -> None:
        (self._writes if write else self._reads).start(_Job(task, fn, args, kwargs, write))

    def cancel_writes(self) -> int:
        """The user's Cancel while saves wait for the database: every write not finished yet stops waiting
        and fails with ``SaveCancelled``, having written nothing (one that got through first still reports
        done). Returns how many were asked to stop."""
        running = [t for t in self._writes_running if not t.context.cancelled]
        for task in running:
            task.context.cancel()
        return len(running)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for the pools to drain (shutdown and tests)."""
        return self._writes.waitForDone(msecs) and self._reads.waitForDone(msecs)


class InlineTaskRunner(TaskRunner):
    """Runs every task at once in the calling thread: deterministic tests."""

    def _start(self, task: Task, fn, args, kwargs, write: bool) -> None:
        _Job(task, fn, args, kwargs, write).run()


class _WriteWaitNotice(QObject):
    """Lives on the status bar, so the connection ends with it. Its Cancel button stops the waiting saves
    (``TaskRunner.cancel_writes``): nothing is written, the edits stay where they were typed."""

    def __init__(self, status_bar, runner: TaskRunner) -> None:
        super().__init__(status_bar)
        from PySide6.QtWidgets import QPushButton

        self._bar = status_bar
        self.cancel_button = QPushButton(QCoreApplication.translate("Tasks", "Cancel the save"), status_bar)
        self.cancel_button.setObjectName("cancelWaitingSave")
        self.cancel_button.setToolTip(
            QCoreApplication.translate(
                "Tasks", "Stop waiting: nothing is saved, and your changes stay in the form to save later."
            )
        )
        self.cancel_button.clicked.connect(runner.cancel_writes)
        status_bar.addPermanentWidget(self.cancel_button)
        self.cancel_button.hide()

    @Slot(bool)
    def show(self, waiting: bool) -> None:
        if waiting:
            self._bar.showMessage(
                QCoreApplication.translate(
                    "Tasks", "Still saving: waiting for another user's change to the database to finish…"
                )
            )
        else:
            self._bar.clearMessage()
        self.cancel_button.setVisible(waiting)


def show_write_waits(runner: TaskRunner, status_bar) -> None:
    """Say in ``status_bar`` while a save waits for the database, with a button that cancels it (one line in
    the main window)."""
    runner.write_waiting.connect(_WriteWaitNotice(status_bar, runner).show)
