"""Every hqdesk error says itself: its translation context, its command-line exit code, an English line
for the command line and a translated text whose parameters are in words (no raw keys)."""

from __future__ import annotations

import importlib
import pkgutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import hqdesk
from hqdesk.domain.errors import (
    EXIT_FAILED,
    EXIT_REFUSED,
    DatabaseError,
    DatabaseTooNew,
    FieldError,
    HqdeskError,
    NetworkShareRefused,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from hqdesk.domain.i18n import Message, english, fill
from hqdesk.domain.roles import Action, Role

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "hqdesk_zh_CN.ts"
QT_FREE = ("hqdesk.domain", "hqdesk.persistence", "hqdesk.services", "hqdesk.demo")


def marked(context: str, text: str) -> str:
    """A stand-in translation that shows what was translated in which context."""
    return f"<{context}:{text}>"


def all_error_classes() -> list[type[HqdeskError]]:
    for info in pkgutil.walk_packages(hqdesk.__path__, "hqdesk."):
        if info.name.startswith(QT_FREE):
            importlib.import_module(info.name)
    found, todo = [], [HqdeskError]
    while todo:
        cls = todo.pop()
        if cls.__module__.startswith("hqdesk."):  # (not the stand-ins other tests define)
            found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def translated_sources() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for context in ET.parse(TS).getroot():
        name = context.findtext("name")
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                out.setdefault(name, set()).add(message.findtext("source"))
    return out


def test_every_error_class_carries_a_context_an_exit_code_and_a_message_translated_in_that_context():
    sources = translated_sources()
    classes = all_error_classes()
    assert len(classes) >= 15  # the walk found the services' errors too
    for cls in classes:
        assert cls.exit_code in (EXIT_FAILED, EXIT_REFUSED), cls
        assert isinstance(cls.context, str) and cls.context in sources, cls
        if "message" in cls.__dict__:  # (a class without its own message passes its template in)
            assert cls.message in sources[cls.context], (
                f"{cls.__qualname__}: {cls.message!r} not in {cls.context}"
            )


def test_exit_codes_follow_the_command_line_contract():
    from hqdesk.persistence.errors import DatabaseFailure, DatabaseUnavailable
    from hqdesk.services.errors import (
        AccountDisabled,
        AdminFailed,
        AdminRefused,
        FirstAdminExists,
        UsernameTaken,
    )
    from hqdesk.services.importer import ImportConflict

    refused = (ValidationError, PermissionDenied, NotFound, UsernameTaken, FirstAdminExists, AdminRefused)
    failed = (
        DatabaseTooNew,
        DatabaseError,
        NetworkShareRefused,
        AdminFailed,
        ImportConflict,
        AccountDisabled,
    )
    assert {cls.exit_code for cls in refused} == {2}
    assert {cls.exit_code for cls in (*failed, DatabaseFailure, DatabaseUnavailable)} == {1}


def test_the_moved_service_errors_are_the_same_classes_where_they_were():
    from hqdesk.services import base, dbadmin, errors, users

    assert base.AccountDisabled is errors.AccountDisabled
    assert (users.UsernameTaken, users.FirstAdminExists) == (errors.UsernameTaken, errors.FirstAdminExists)
    assert (dbadmin.AdminRefused, dbadmin.AdminFailed) == (errors.AdminRefused, errors.AdminFailed)


@pytest.mark.parametrize("action", list(Action))
def test_a_refusal_names_the_action_and_the_role_by_their_display_names(action):
    exc = PermissionDenied(role=Role.ACCOUNT_MANAGER.value, action=action.value)
    # the command line keeps the keys (its contract: "Your role (account_manager) may not import franchisees.")
    assert exc.english() == f"Your role (account_manager) may not {action.value}."
    assert str(exc) == exc.english()
    # the template translated in "Errors", the role and the action each by its display name in "Enums"
    assert exc.text(marked) == f"<Errors:Your role (<Enums:Account manager>) may not <Enums:{action.label}>.>"
    translated = exc.text(
        lambda context, text: "R[{role}|{action}]" if context == "Errors" else marked(context, text)
    )
    assert translated == f"R[<Enums:Account manager>|<Enums:{action.label}>]"


def test_every_role_and_action_has_a_display_name():
    for member in (*Role, *Action):
        assert member.label and member.label.strip() == member.label


def test_a_database_error_says_why_in_words_and_keeps_the_driver_text_as_details():
    driver = (
        '(psycopg.OperationalError) connection failed: connection to server on socket "/nowhere/.s.PGSQL.5432" '
        "failed: No such file or directory"
    )
    exc = DatabaseError(detail=driver)
    assert exc.english() == f"The database could not be opened: {driver}"  # the command line as before
    text = exc.text(english)
    assert "psycopg" not in text and "OperationalError" not in text
    assert text.startswith(
        "The database could not be opened: the server at /nowhere/.s.PGSQL.5432 does not answer"
    )
    assert exc.details == driver
    assert "has no database hq" in DatabaseError(detail='FATAL:  database "hq" does not exist').text(english)
    bad_url = DatabaseError(detail="Could not parse SQLAlchemy URL from given URL string")
    assert bad_url.text(english) == "The database could not be opened: the database address is not valid."
    other = DatabaseError(detail="(sqlite3.Weird) something new")
    assert "sqlite3" not in other.text(english) and other.details == "(sqlite3.Weird) something new"


def test_database_failures_from_sqlalchemy_become_errors_in_words():
    import sqlite3

    from sqlalchemy.exc import IntegrityError, OperationalError

    from hqdesk.persistence.errors import DatabaseFailure, DatabaseUnavailable
    from hqdesk.services.errors import explain

    lost = OperationalError("select 1", {}, sqlite3.OperationalError("database is locked"))
    exc = explain(lost, url="sqlite:///x.sqlite3")
    assert type(exc) is DatabaseUnavailable and exc.exit_code == 1
    assert exc.english() == "database error on sqlite:///x.sqlite3: database is locked"  # the CLI's line
    assert "OperationalError" not in exc.text(english)
    assert exc.details == "sqlite3.OperationalError: database is locked" and exc.__cause__ is lost
    assert type(explain(IntegrityError("x", {}, sqlite3.IntegrityError("UNIQUE")))) is DatabaseFailure
    assert explain(ValueError("a bug")) is None
    refusal = PermissionDenied(role="viewer", action="manage users")
    assert explain(refusal) is refusal


def test_validation_errors_translate_each_field_in_the_validation_context():
    exc = ValidationError(
        [FieldError("city", "Enter the city."), FieldError("role", "Pick {x}.", {"x": Role.VIEWER})]
    )
    assert exc.exit_code == 2
    assert exc.text(marked) == "<Validation:Enter the city.>\n<Validation:Pick {x}.>".replace(
        "{x}", "<Enums:Viewer>"
    )
    assert exc.english() == "city: Enter the city.; role: Pick viewer."


def test_a_translation_with_a_wrong_placeholder_shows_as_it_is():
    assert fill(lambda c, t: "坏{nope}", "Errors", "Good {x}", {"x": 1}) == "坏{nope}"
    assert Message("Errors", "Plain").text() == "Plain"
