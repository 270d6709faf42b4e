"""The errors of the services layer, and ``explain``: any exception as the hqdesk error the user reads.

Each class carries its translation context and its command-line exit code (see ``hqdesk.domain.errors``);
the command line and the UI show errors from these attributes, never from a hand-written mapping.
"""

from __future__ import annotations

from hqdesk.domain.errors import EXIT_FAILED, EXIT_REFUSED, HqdeskError
from hqdesk.domain.i18n import QT_TRANSLATE_NOOP


class AccountDisabled(HqdeskError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "Your account has been disabled or removed by an administrator. Nothing was changed."
    )


class UsernameTaken(HqdeskError):
    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP("Errors", "The user name {username} is taken.")


class FirstAdminExists(HqdeskError):
    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP("Errors", "This database already has users; sign in instead.")


class AdminRefused(HqdeskError):
    """The request cannot be done as asked (wrong database type, a bad name...): exit code 2."""

    exit_code = EXIT_REFUSED


class AdminFailed(HqdeskError):
    """The database is not in a state that allows it (roles missing...): exit code 1."""

    exit_code = EXIT_FAILED


def explain(exc: BaseException, url: str | None = None) -> HqdeskError | None:
    """``exc`` as an hqdesk error (itself, or a database failure turned into words), None when it is not
    an expected error (a bug: the caller logs the traceback). ``url``: the database, for the command line."""
    if isinstance(exc, HqdeskError):
        return exc
    from hqdesk.persistence.errors import from_exception

    return from_exception(exc, url)


class LoginBoundToUser(HqdeskError):
    """A personal PostgreSQL login acts only as the hqdesk user of the same name."""

    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This database connection uses the personal login {login}: only the user {login} can sign in "
        "on it. To work as {username}, connect with {username}'s own database login.",
    )


class LoginWithoutUser(AdminRefused):
    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "There is no hqdesk user {name}: a personal login belongs to the hqdesk user of the same name. "
        "Add the user first (hqdesk-admin user add {name} --role {role}); nothing was changed.",
    )


class LoginRoleMismatch(AdminRefused):
    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The hqdesk user {name} is {user_role}, not {role}: the login's group follows the user's role. "
        "Nothing was changed.",
    )


class LoginUserInactive(AdminRefused):
    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP("Errors", "The hqdesk user {name} is deactivated; nothing was changed.")


class DatabaseMissing(HqdeskError):
    """A SQLite database file that does not exist: reported, never created silently (a mistyped path would
    otherwise open a new, empty database)."""

    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP(
        "Errors", "There is no database file at {path}. Check the path, or create a new database there."
    )


__all__ = [
    "DatabaseMissing",
    "LoginWithoutUser",
    "LoginRoleMismatch",
    "LoginUserInactive",
    "LoginBoundToUser",
    "AccountDisabled",
    "UsernameTaken",
    "FirstAdminExists",
    "AdminRefused",
    "AdminFailed",
    "explain",
]
