"""Errors of the services layer that are not domain rules (who may act on this database connection)."""

from __future__ import annotations

from hqdesk.domain.errors import HqdeskError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP


class LoginBoundToUser(HqdeskError):
    """A personal PostgreSQL login acts only as the hqdesk user of the same name."""

    exit_code = 2
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This database connection uses the personal login {login}: only the user {login} can sign in "
        "on it. To work as {username}, connect with {username}'s own database login.",
    )


__all__ = ["LoginBoundToUser"]
