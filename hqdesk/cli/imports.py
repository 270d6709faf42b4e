"""``hqdesk-admin import ...``: data from CSV and XLSX files, all rows or none."""

from __future__ import annotations

import argparse
import json
import sys

from hqdesk.cli.output import OK, REFUSED, Parser, Refused, error, open_services
from hqdesk.domain.errors import NotFound
from hqdesk.domain.roles import SYSTEM_ACTOR
from hqdesk.services.errors import LoginBoundToUser


def cmd_import_franchisees(args) -> int:
    from hqdesk.services.importer import FranchiseeImporter

    services = open_services(args)
    try:
        actor = services.users.login_actor() or SYSTEM_ACTOR  # a personal login acts as its own user
        if args.as_user:
            try:
                actor = services.users.actor(args.as_user)
            except NotFound:
                raise Refused(f"--as: there is no active user {args.as_user}") from None
            except LoginBoundToUser as exc:
                raise Refused(f"--as: {exc.english()}") from None
        result = FranchiseeImporter(services.db).import_file(actor, args.file, dry_run=args.dry_run)
    finally:
        services.close()
    if args.json:
        print(
            json.dumps(
                {
                    "imported": result.imported,
                    "rows": result.rows,
                    "dry_run": result.dry_run,
                    "errors": [p.as_json() for p in result.errors],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for problem in result.errors:
            if problem.row is None and problem.column is None:
                error(problem.line())  # the file as a whole (missing, empty, unreadable): like other errors
            else:
                print(problem.line(), file=sys.stderr)  # row R, column C: message
    if result.errors:
        error(f"refused: {len(result.errors)} problem(s) in {result.file}; nothing was imported")
        return REFUSED
    if not args.json:
        if result.dry_run:
            print(f"dry run: {result.rows} franchisees can be imported; nothing was written")
        else:
            print(f"imported {result.imported} franchisees")
    return OK


def add_commands(commands, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    imp = commands.add_parser("import", parents=[common], help="import data from files")
    imp_commands = imp.add_subparsers(title="import commands", metavar="IMPORT_COMMAND", parser_class=Parser)
    p = imp_commands.add_parser(
        "franchisees", parents=[common], help="import franchisees from a CSV or XLSX file (all rows or none)"
    )
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument(
        "--as",
        dest="as_user",
        metavar="USERNAME",
        help="record the import as this hqdesk user (an administrator); default: system",
    )
    p.set_defaults(handler=cmd_import_franchisees)
    return imp
