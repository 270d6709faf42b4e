"""What every command of ``hqdesk-admin`` shares: exit codes, one-line errors, the database to open,
passwords, tables.

Errors go to stderr as one English line each, never a traceback for an expected error; database URLs are
shown without their password.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from collections.abc import Sequence
from datetime import date

from hqdesk.domain.errors import EXIT_FAILED, EXIT_REFUSED, NotFound
from hqdesk.domain.i18n import Translate, english
from hqdesk.domain.roles import SYSTEM_ACTOR, Actor

PROG = "hqdesk-admin"
OK, FAILED, REFUSED = 0, EXIT_FAILED, EXIT_REFUSED


class CommandError(Exception):
    """A command's own refusal or failure, worded in English for the terminal; ``exit_code`` says which."""

    exit_code = FAILED


class Refused(CommandError):
    """Input the command will not take (exit code 2)."""

    exit_code = REFUSED


class Failed(CommandError):
    """An operational problem (exit code 1)."""

    exit_code = FAILED


class Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line (exit code 2 like argparse's own)."""

    def error(self, message: str):
        self.exit(REFUSED, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def error(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def database_url(args) -> str:
    from hqdesk.resources import default_database_url

    return getattr(args, "db", None) or default_database_url()


def safe(url: str) -> str:
    from hqdesk.persistence.engine import safe_url

    try:
        return safe_url(url)
    except Exception:
        return "(the given database URL)"


def open_services(args):
    """The services on --db, its schema created or upgraded as the app does when it starts."""
    from hqdesk.services.bootstrap import open_services as open_

    return open_(database_url(args))


def read_password(args, *, confirm_prompt: bool = True) -> str | None:
    """From stdin with --password-stdin, else asked on the terminal; None when neither is possible."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        first = getpass.getpass("Password: ")
        if confirm_prompt and getpass.getpass("Password again: ") != first:
            raise Refused("the two passwords differ; nothing was changed")
        return first
    return None


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(header: Sequence[str], rows: list[Sequence[str]]) -> str:
    widths = [max(_width(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for r in [header, *rows]:
        cells = [str(c) + " " * (w - _width(str(c))) for c, w in zip(r, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def first_line(exc: BaseException) -> str:
    from hqdesk.persistence.errors import first_line as first

    return first(exc)


def any_iso_day(text: str) -> date:
    """An argparse type: a date written YYYY-MM-DD exactly, any year (a command that checks its own range)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}")


def iso_day(text: str) -> date:
    """An argparse type: a date written YYYY-MM-DD exactly, between 1900-01-01 and 2100-12-31 (every command's
    dates and as-of dates: 9999-12-31 or 0001-01-01 is a typing slip, and month arithmetic would overflow)."""
    from hqdesk.domain.dates import EARLIEST, LATEST

    day = any_iso_day(text)
    if not EARLIEST <= day <= LATEST:
        raise argparse.ArgumentTypeError(
            f"{text} is outside the dates hqdesk works with ({EARLIEST} to {LATEST})"
        )
    return day


def acting_actor(services, as_user: str | None = None) -> Actor:
    """Who a command acts as: a personal PostgreSQL login acts as its own user, whatever ``--as`` says (a
    different name is refused); else ``--as USERNAME``; else the system's batch actor."""
    from hqdesk.services.errors import LoginBoundToUser

    actor = services.users.login_actor() or SYSTEM_ACTOR
    if as_user:
        try:
            actor = services.users.actor(as_user)
        except NotFound:
            raise Refused(f"--as: there is no active user {as_user}") from None
        except LoginBoundToUser as exc:
            raise Refused(f"--as: {exc.english()}") from None
    return actor


def language() -> str:
    """``zh_CN`` or ``en`` for what a command prints in words: $HQDESK_LANG, else the locale (``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``: ``zh...`` is Chinese), else English."""
    for name in ("HQDESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").strip()
        if value:
            return "zh_CN" if value.lower().replace("-", "_").startswith("zh") else "en"
    return "en"


def translator(contexts: tuple[str, ...], lang: str | None = None) -> Translate:
    """The ``Translate`` of ``lang`` (default: ``language()``) for the translation ``contexts``: English sources
    as they are; Chinese from the shipped ``hqdesk_zh_CN.ts`` (plain XML: the command line loads no Qt)."""
    if (lang or language()) != "zh_CN":
        return english
    import xml.etree.ElementTree as ET

    from hqdesk.resources import resource_path

    try:
        root = ET.parse(resource_path("translations", "hqdesk_zh_CN.ts")).getroot()
    except (OSError, ET.ParseError):
        return english
    table: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        if name not in contexts:
            continue
        for message in context.iter("message"):
            found = message.find("translation")
            if found is None or found.get("type") in ("unfinished", "vanished", "obsolete") or not found.text:
                continue
            table[(name, message.findtext("source") or "")] = found.text

    def translate(context: str, text: str) -> str:
        return table.get((context, text), text)

    return translate
