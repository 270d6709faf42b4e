"""Errors of the persistence layer: what the database did, in words a user can act on.

The engine (``hqdesk.persistence.engine``) turns the drivers' timeouts and lock waits into these, so the
UI and the command line show them like any other ``HqdeskError`` (the driver's text goes to the log).
"""

from __future__ import annotations

from hqdesk.domain.errors import HqdeskError
from hqdesk.domain.i18n import ERRORS, QT_TRANSLATE_NOOP


class DatabaseTimeout(HqdeskError):
    """The database server did not answer within the bound (a frozen server, a dead network link, a statement
    running longer than allowed): the call was abandoned and its transaction rolled back."""

    context = ERRORS
    exit_code = 1
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The database server did not answer within {seconds} s, so hqdesk stopped waiting. "
        "Nothing was saved. Check the network connection or ask the administrator whether the server "
        "is running, then try again.",
    )


class DatabaseBusy(HqdeskError):
    """Another connection held the lock this one needed (SQLite: the file's write lock; PostgreSQL: a row or
    table lock) for longer than the busy wait."""

    context = ERRORS
    exit_code = 1
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Another user is writing to the database (an import, perhaps) and did not finish within {seconds} s. "
        "Nothing was saved; try again in a moment.",
    )
