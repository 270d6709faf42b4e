"""Errors of the persistence layer (what the database server refused), shown to the user in words."""

from __future__ import annotations

from hqdesk.domain.errors import HqdeskError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP


class RightsRefused(HqdeskError):
    """PostgreSQL refused a write under the login's group rights (privileges or row-level security)."""

    exit_code = 2
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The database refused this change: your database login may not make it. Nothing was changed.",
    )


__all__ = ["RightsRefused"]
