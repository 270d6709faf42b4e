"""The errors of the domain layer, and what every hqdesk error carries.

Each error class names its translation ``context``, its English ``message`` template (marked for
translation) and its command-line ``exit_code`` (1 operational, 2 refused input). The command line prints
``english()``; the UI shows ``text(translate)``, which translates the template and every parameter that has a
display name (roles, actions), so the two never map error classes by hand. Technical details (a driver's
message, an exception class) are never part of the message: they are in ``details`` for the log and the
error dialog's "Details".

Errors of the other layers live beside them: ``hqdesk.persistence.errors`` and ``hqdesk.services.errors``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from hqdesk.domain.i18n import ERRORS, QT_TRANSLATE_NOOP, VALIDATION, Translate, fill
from hqdesk.domain.roles import Action, Role

EXIT_FAILED = 1
"""Exit code of an operational error: cannot connect, database newer than this app, roles missing..."""
EXIT_REFUSED = 2
"""Exit code of refused input: bad arguments, a bad file, validation errors, no right to do it."""


class HqdeskError(Exception):
    """Base class: ``message`` is an English template (translatable in ``context``), ``params`` fill its
    {placeholders}; ``exit_code`` is what the command line exits with; ``details`` technical text for the
    log and the error dialog's "Details" (never shown as the message)."""

    context: ClassVar[str] = ERRORS
    exit_code: ClassVar[int] = EXIT_FAILED
    message = QT_TRANSLATE_NOOP("Errors", "The operation failed.")

    def __init__(self, message: str | None = None, **params: Any) -> None:
        if message is not None:
            self.message = message
        self.params = params
        self.details: str | None = None
        super().__init__(self.english())

    def english(self) -> str:
        """The message in English (the command line's one line, the log): parameters as given, so a role
        or an action shows by its key (``account_manager``), as the command line's contract has it."""
        try:
            return self.message.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return self.message

    def text(self, translate: Translate) -> str:
        """The message in the user's language, its parameters translated too."""
        return fill(translate, self.context, self.message, self.params)


@dataclass(frozen=True)
class FieldError:
    """One invalid field: ``field`` names the form field, ``message`` a translatable template."""

    field: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)
    row: int | None = None  # set by imports: the file's row number

    def english(self) -> str:
        return self.message.format(**self.params)

    def text(self, translate: Translate) -> str:
        return fill(translate, VALIDATION, self.message, self.params)


class ValidationError(HqdeskError):
    context = VALIDATION
    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP("Validation", "Some fields are not valid.")

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__()

    def english(self) -> str:
        return "; ".join(
            (f"row {e.row}, " if e.row is not None else "") + f"{e.field}: {e.english()}" for e in self.errors
        )

    def text(self, translate: Translate) -> str:
        return "\n".join(e.text(translate) for e in self.errors) or fill(
            translate, self.context, self.message
        )


def _member(enum: type, value: Any) -> Any:
    """``value`` as a member of ``enum`` when it names one (so that it is shown by its display name)."""
    try:
        return enum(value)
    except ValueError:
        return value


class PermissionDenied(HqdeskError):
    """The user's role does not allow the action. ``role`` and ``action`` are a Role and an Action (or their
    values): the English line keeps their keys (the command line's contract: "Your role (account_manager)
    may not import franchisees."), a translated message shows their translated display names."""

    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP("Errors", "Your role ({role}) may not {action}.")

    def __init__(self, message: str | None = None, **params: Any) -> None:
        if "role" in params:
            params["role"] = _member(Role, params["role"])
        if "action" in params:
            params["action"] = _member(Action, params["action"])
        super().__init__(message, **params)


class NotFound(HqdeskError):
    exit_code = EXIT_REFUSED
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


# What a database driver says, in English, and the sentence the user reads instead ({where}/{name} come
# from the driver's text). The driver's own words stay in ``details``.
_DATABASE_REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r'database "(?P<name>[^"]+)" does not exist', re.I),
        QT_TRANSLATE_NOOP("Errors", "The database could not be opened: the server has no database {name}."),
    ),
    (
        re.compile(r'role "(?P<name>[^"]+)" does not exist', re.I),
        QT_TRANSLATE_NOOP(
            "Errors", "The database could not be opened: the server has no database user {name}."
        ),
    ),
    (
        re.compile(r"permission denied for database", re.I),
        QT_TRANSLATE_NOOP(
            "Errors", "The database could not be opened: this database user may not connect to it."
        ),
    ),
    (
        re.compile(r'(?:on socket|server at|host) "(?P<where>[^"]+)"', re.I),
        QT_TRANSLATE_NOOP(
            "Errors",
            "The database could not be opened: the server at {where} does not answer. Check the address "
            "and that the server is running.",
        ),
    ),
    (
        re.compile(
            r"could not connect|connection refused|could not translate host name|timeout expired|timed out"
            r"|name or service not known|network is unreachable|server closed the connection",
            re.I,
        ),
        QT_TRANSLATE_NOOP(
            "Errors",
            "The database could not be opened: the server does not answer. Check the address and that the "
            "server is running.",
        ),
    ),
    (
        re.compile(r"unable to open database file|disk I/O error|readonly database|read-only", re.I),
        QT_TRANSLATE_NOOP(
            "Errors",
            "The database could not be opened: the file cannot be opened or written. Check the folder and "
            "your rights to it.",
        ),
    ),
    (
        re.compile(r"unsupported database type", re.I),
        QT_TRANSLATE_NOOP(
            "Errors", "The database could not be opened: hqdesk works with SQLite and PostgreSQL only."
        ),
    ),
    (
        re.compile(r"could not parse .*url|invalid literal for int", re.I),
        QT_TRANSLATE_NOOP("Errors", "The database could not be opened: the database address is not valid."),
    ),
)


class DatabaseError(HqdeskError):
    """The database cannot be opened. ``detail`` is the driver's (English) reason: the command line prints
    it, the UI says why in the user's language and keeps the driver's words for "Details"."""

    message = QT_TRANSLATE_NOOP(
        "Errors", "The database could not be opened. The details say what the server or the file reported."
    )

    def __init__(self, message: str | None = None, **params: Any) -> None:
        super().__init__(message, **params)
        detail = str(params.get("detail") or "")
        self.details = detail or None
        if message is None:
            for pattern, template in _DATABASE_REASONS:
                found = pattern.search(detail)
                if found:
                    self.message = template
                    self.params = {**params, **found.groupdict()}
                    break

    def english(self) -> str:
        detail = self.params.get("detail")
        return f"The database could not be opened: {detail}" if detail else super().english()


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


class ArchivedReadOnly(HqdeskError):
    """A write to an archived franchisee (its profile, status, contacts or stores): archived is read-only
    until an administrator restores it from the archive."""

    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This franchisee is archived, so it can no longer be changed. Nothing was saved. An administrator "
        "can restore it from the archive first.",
    )


class OpenBusiness(HqdeskError):
    """Archiving a franchisee that still does business: the caller asks the user and retries with
    ``confirm_open_business=True``. ``reasons``: translatable English texts (context "Errors")."""

    exit_code = EXIT_REFUSED
    message = QT_TRANSLATE_NOOP(
        "Errors", "This franchisee still has open business. Archive it anyway? Nothing was changed yet."
    )

    def __init__(self, reasons: tuple[str, ...]) -> None:
        self.reasons = tuple(reasons)
        super().__init__()

    def english(self) -> str:
        return " ".join([self.message, *self.reasons])
