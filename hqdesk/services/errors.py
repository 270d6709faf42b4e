"""Errors raised by the service layer (use cases, opening databases)."""

from __future__ import annotations

from hqdesk.domain.errors import HqdeskError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP


class DatabaseMissing(HqdeskError):
    """A SQLite database file that does not exist: reported, never created silently (a mistyped path would
    otherwise open a new, empty database)."""

    exit_code = 2
    message = QT_TRANSLATE_NOOP(
        "Errors", "There is no database file at {path}. Check the path, or create a new database there."
    )
