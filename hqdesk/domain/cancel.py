"""Cancelling work that waits: the user's Cancel reaches a save that is waiting for the database.

The task runner (``hqdesk.ui.tasks``) runs each job inside ``cancellable(token)``; code deep in the call
(SQLite's wait for another writer's lock, in ``hqdesk.persistence.engine``) asks ``current()`` for the token
and stops waiting once it is cancelled, raising ``SaveCancelled`` before anything was written. Pure Python: no
Qt, no database, so every layer can use it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from hqdesk.domain.errors import EXIT_FAILED, HqdeskError
from hqdesk.domain.i18n import ERRORS, QT_TRANSLATE_NOOP


class SaveCancelled(HqdeskError):
    """The user cancelled a save while it waited for the database; nothing was written."""

    context = ERRORS
    exit_code = EXIT_FAILED
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The save was cancelled while it waited for another user's change to the database. Nothing was "
        "saved; your changes are still in the form.",
    )


class Cancellation:
    """A flag one thread sets (the UI's Cancel) and another reads (the worker that waits)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise SaveCancelled()


_local = threading.local()


@contextmanager
def cancellable(token: Cancellation) -> Iterator[Cancellation]:
    """Work in this thread may be cancelled through ``token`` while the block runs."""
    previous = getattr(_local, "token", None)
    _local.token = token
    try:
        yield token
    finally:
        _local.token = previous


def current() -> Cancellation | None:
    """The token of the work running in this thread (None: it cannot be cancelled)."""
    return getattr(_local, "token", None)


__all__ = ["Cancellation", "SaveCancelled", "cancellable", "current"]
