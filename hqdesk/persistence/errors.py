"""The errors of the persistence layer: what a failed database call means to the user.

SQLAlchemy and the drivers say what went wrong in English with their class names in front
(``(psycopg.OperationalError) connection failed: ...``). ``from_exception`` turns such an exception into an
hqdesk error whose message is a sentence (translated by the UI) and whose ``details`` keep the driver's
words for the log and the error dialog's "Details"; the command line prints ``english()``.
"""

from __future__ import annotations

from typing import Any

from hqdesk.domain.errors import EXIT_FAILED, HqdeskError
from hqdesk.domain.i18n import ERRORS, QT_TRANSLATE_NOOP


class DatabaseFailure(HqdeskError):
    """The database did not complete an action (exit code 1). ``first_line`` is the driver's first line,
    ``url`` (without its password) where the command line says it was."""

    exit_code = EXIT_FAILED
    message = QT_TRANSLATE_NOOP(
        "Errors", "The database could not complete the action; nothing was saved. The details say why."
    )

    def __init__(self, first_line: str, details: str, url: str | None = None) -> None:
        super().__init__(first_line=first_line, url=url)
        self.details = details

    def english(self) -> str:
        url, first = self.params.get("url"), self.params.get("first_line")
        return f"database error on {url}: {first}" if url else f"database error: {first}"


class DatabaseUnavailable(DatabaseFailure):
    """The connection failed or was lost (server down, network gone, file locked for too long)."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "The database could not be reached. Check the connection and try again; nothing was saved."
    )


class DatabasePermission(DatabaseFailure):
    """The database login lacks a privilege (PostgreSQL's insufficient_privilege)."""

    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The database refused this to your database login; nothing was saved. An administrator can check "
        "the hqdesk roles (hqdesk-admin db create-roles).",
    )


def first_line(exc: BaseException) -> str:
    """The driver's own first line (the command line's wording for a database error)."""
    inner = getattr(exc, "orig", None) or exc
    text = str(inner).strip().splitlines()
    return text[0] if text else type(inner).__name__


def technical(exc: BaseException) -> str:
    """The exception as a developer reads it: module.Class: message (the driver's, when SQLAlchemy wraps it)."""
    inner = getattr(exc, "orig", None) or exc
    name = f"{type(inner).__module__}.{type(inner).__qualname__}"
    text = str(inner).strip()
    return f"{name}: {text}" if text else name


def from_exception(exc: BaseException, url: str | None = None) -> DatabaseFailure | None:
    """The hqdesk error for a SQLAlchemy/driver exception, or None for anything else."""
    from sqlalchemy import exc as sa

    if not isinstance(exc, sa.SQLAlchemyError):
        return None
    kind: Any = DatabaseFailure
    orig = getattr(exc, "orig", None)
    if isinstance(exc, (sa.OperationalError, sa.InterfaceError, sa.TimeoutError, sa.DisconnectionError)):
        kind = DatabaseUnavailable
    if getattr(orig, "sqlstate", None) == "42501":  # insufficient_privilege
        kind = DatabasePermission
    error = kind(first_line(exc), technical(exc), url)
    error.__cause__ = exc
    return error


class RightsRefused(HqdeskError):
    """PostgreSQL refused a write under the login's group rights (privileges or row-level security)."""

    exit_code = 2
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The database refused this change: your database login may not make it. Nothing was changed.",
    )


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


__all__ = [
    "DatabaseTimeout",
    "DatabaseBusy",
    "RightsRefused",
    "DatabaseFailure",
    "DatabaseUnavailable",
    "DatabasePermission",
    "from_exception",
    "first_line",
]
