"""``hqdesk-admin``: the administrator's command line (schema, roles, users, imports, demo data).

Thin on purpose: every command parses its arguments, calls one service and prints the outcome; one module
per command group (``db``, ``user``, ``imports``, ``demo``), what they share in ``output``. The contract
(commands, options, output, exit codes) is documented in the README's "hqdesk-admin" section:

    0  done
    1  operational error: cannot connect, database newer than this app, roles missing...
    2  refused: bad arguments, a bad file, validation errors

An error's exit code and its English line come from the error itself (``HqdeskError.exit_code`` and
``english()``; a database failure through ``hqdesk.services.errors.explain``), never from a table here.
Errors go to stderr as one English line each, never a traceback for an expected error; database URLs are
shown without their password. ``-v`` adds the technical details of an error (the driver's words).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from hqdesk.cli import (
    backup,
    calendar,
    credit,
    credit_policy,
    db,
    demo,
    export,
    imports,
    letters,
    report,
    user,
)
from hqdesk.cli.output import OK, PROG, REFUSED, CommandError, Parser, database_url, error, safe

log = logging.getLogger(__name__)

__all__ = ["main", "build_parser", "PROG", "OK", "REFUSED"]


def build_parser() -> argparse.ArgumentParser:
    # --db (and -v) are accepted at every level: before the command words, between them and after them.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database URL (sqlite:///path or postgresql+psycopg://user@host/name); "
        "default: $HQDESK_DB, else your own SQLite file",
    )
    common.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="on an error, also print its technical details",
    )

    parser = Parser(
        prog=PROG,
        parents=[common],
        description="hqdesk administration: schema, roles, users, "
        "imports and demo data. Exit codes: 0 done, 1 operational error, 2 refused input.",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
    groups = [module.add_commands(commands, common) for module in (db, user, imports)]
    demo.add_commands(commands, common)
    calendar.add_commands(commands, common)
    credit.add_commands(commands, common)
    export.add_commands(commands, common)
    backup.add_commands(commands, common)
    letters.add_commands(commands, common)
    groups += [module.add_commands(commands, common) for module in (report, credit_policy)]  # reports

    parser.set_defaults(handler=None)
    # every sub-parser prints its own usage on `--help`; without a command word, print the right help
    for sub in groups:
        sub.set_defaults(help_of=sub)
    return parser


def _report(exc: BaseException, args) -> int | None:
    """Print an expected error in English (one line each) and return its exit code; None for a bug."""
    if isinstance(exc, CommandError):
        error(str(exc))
        return exc.exit_code
    from hqdesk.domain.errors import ValidationError
    from hqdesk.services.errors import explain

    explained = explain(exc, url=safe(database_url(args)))
    if explained is None:
        return None
    if isinstance(explained, ValidationError):
        for e in explained.errors:
            error(f"{e.field}: {e.english()}")
    else:
        error(explained.english())
    if explained.details:
        log.info("details: %s", explained.details)
    return explained.exit_code


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (the console script passes it to sys.exit)."""
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, format=f"{PROG}: %(levelname)s: %(message)s")
        # the OS keyring is the GUI's password store; here PGPASSWORD or ~/.pgpass serve, so a missing
        # keyring backend is no news
        logging.getLogger("hqdesk.persistence.engine").setLevel(logging.ERROR)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a bad argument (already reported)
        return exc.code if isinstance(exc.code, int) else REFUSED
    if args.handler is None:
        (getattr(args, "help_of", None) or parser).print_help(sys.stderr)
        return REFUSED
    if getattr(args, "verbose", False):
        log.setLevel(logging.INFO)
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except BrokenPipeError:
        # the reader went away (`... | head`): what it wanted was printed; say nothing more, and keep Python's
        # exit from writing the rest of the buffer into the closed pipe
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:
        code = _report(exc, args)
        if code is None:
            raise
        return code


if __name__ == "__main__":  # pragma: no cover - python -m hqdesk.cli runs __main__.py
    sys.exit(main())
