"""Errors that services raise and the UI shows. Messages are English templates marked for translation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hqdesk.domain.i18n import ERRORS, QT_TRANSLATE_NOOP, VALIDATION


class HqdeskError(Exception):
    """Base class: ``message`` is an English template (translatable), ``params`` fill its {placeholders}."""

    context = ERRORS
    message = QT_TRANSLATE_NOOP("Errors", "The operation failed.")

    def __init__(self, message: str | None = None, **params: Any) -> None:
        if message is not None:
            self.message = message
        self.params = params
        super().__init__(self.english())

    def english(self) -> str:
        try:
            return self.message.format(**self.params)
        except (KeyError, IndexError):
            return self.message


@dataclass(frozen=True)
class FieldError:
    """One invalid field: ``field`` names the form field, ``message`` a translatable template."""

    field: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)
    row: int | None = None  # set by imports: the file's row number

    def english(self) -> str:
        return self.message.format(**self.params)


class ValidationError(HqdeskError):
    context = VALIDATION
    message = QT_TRANSLATE_NOOP("Errors", "Some fields are not valid.")

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__()

    def english(self) -> str:
        return "; ".join(
            (f"row {e.row}, " if e.row is not None else "") + f"{e.field}: {e.english()}" for e in self.errors
        )


class PermissionDenied(HqdeskError):
    message = QT_TRANSLATE_NOOP("Errors", "Your role ({role}) may not {action}.")


class NotFound(HqdeskError):
    message = QT_TRANSLATE_NOOP("Errors", "The record was not found; another user may have deleted it.")


class AuthenticationFailed(HqdeskError):
    message = QT_TRANSLATE_NOOP("Errors", "Wrong user name or password.")


CONFLICT_TIME_FORMAT = "%Y-%m-%d %H:%M UTC"
"""How a ConflictError's ``when`` is written (the UI reads it back to show it in the user's locale)."""


class ConflictError(HqdeskError):
    """A save was based on an old version: another user changed the record first.

    ``current`` is the record as it is now (a DTO), ``changes`` maps field -> (their value, your value)
    for the fields where the other user's save and yours differ.
    """

    message = QT_TRANSLATE_NOOP(
        "Errors", "{user} changed this record at {when} while you were editing it. Nothing was saved."
    )

    def __init__(self, current: Any, changes: dict[str, tuple[Any, Any]], user: str, when: str) -> None:
        self.current = current
        self.changes = changes
        super().__init__(user=user, when=when)


class DatabaseError(HqdeskError):
    message = QT_TRANSLATE_NOOP("Errors", "The database could not be opened: {detail}")


class DatabaseTooNew(HqdeskError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This database was written by a newer version of hqdesk (schema {db_revision}). "
        "Nothing was changed. Install the newer hqdesk to open it.",
    )


class NetworkShareRefused(HqdeskError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The database file {path} is on a network share. SQLite cannot lock files safely over a network, "
        "so several users would corrupt it. Keep the file on this computer, or use a shared PostgreSQL "
        "server (Settings > Database).",
    )


class OpenBusiness(HqdeskError):
    """Archiving a franchisee that still does business (active or suspended) needs the user's confirmation
    (``set_archived(..., confirm_open_business=True)``). ``reasons``: translatable English sentences."""

    message = QT_TRANSLATE_NOOP("Errors", "This franchisee still has open business. Archive it anyway?")

    def __init__(self, reasons: tuple[str, ...] = (), **params: Any) -> None:
        self.reasons = tuple(reasons)
        super().__init__(**params)


class ArchivedReadOnly(HqdeskError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "This franchisee is archived and cannot be changed. Restore it from the archive first."
    )
