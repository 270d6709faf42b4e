"""``hqdesk-admin import ...``: data from CSV and XLSX files, all rows or none."""

from __future__ import annotations

import argparse
import json
import sys

from hqdesk.cli.output import OK, REFUSED, Parser, acting_actor, error, open_services


def _importer(what: str):
    if what == "contacts":
        from hqdesk.services.imports.children import ContactImporter

        return ContactImporter
    if what == "stores":
        from hqdesk.services.imports.children import StoreImporter

        return StoreImporter
    from hqdesk.services.importer import FranchiseeImporter

    return FranchiseeImporter


def cmd_import_franchisees(args) -> int:
    """``import franchisees|contacts|stores``: the same output for each (``what``)."""
    what = getattr(args, "what", "franchisees")
    services = open_services(args)
    try:
        actor = acting_actor(services, args.as_user)  # a personal login acts as its own user
        options = {"on_duplicate": args.on_duplicate} if what == "franchisees" else {}
        result = _importer(what)(services.db).import_file(actor, args.file, dry_run=args.dry_run, **options)
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
                    **({"layout": result.layout} if getattr(result, "layout", "") else {}),
                    **({"skipped": result.skipped} if getattr(result, "skipped", 0) else {}),
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
        if getattr(result, "layout", ""):
            print(f"recognised layout: {result.layout}")
        skipped = f"; skipped {result.skipped} already in hqdesk" if getattr(result, "skipped", 0) else ""
        if result.dry_run:
            print(f"dry run: {result.rows} {what} can be imported{skipped}; nothing was written")
        else:
            print(f"imported {result.imported} {what}{skipped}")
    return OK


def _ledger_summary(result, noun: str) -> str:
    """The one success line of ``import invoices`` / ``import payments`` (README: the exact format)."""
    plural = {"invoice": "invoices", "credit_note": "credit notes", "payment": "payments"}
    kinds = ", ".join(f"{result.counts[k]} {plural[k]}" for k in plural if k in result.counts)
    what = f"{result.rows} {noun} ({kinds})" if kinds else f"0 {noun}"
    head = f"dry run: {what} can be imported" if result.dry_run else f"imported {what}"
    tail = "; nothing was written" if result.dry_run else f" in {result.seconds:.1f} s"
    return f"{head} for {result.franchisees} franchisees, total {result.total:.2f}{tail}"


def cmd_import_ledger(args) -> int:
    if args.what == "invoices":
        from hqdesk.services.imports.invoices import InvoiceImporter as Importer
    else:
        from hqdesk.services.imports.payments import PaymentImporter as Importer

    services = open_services(args)
    try:
        actor = acting_actor(services, args.as_user)
        result = Importer(services.db).import_file(actor, args.file, dry_run=args.dry_run)
    finally:
        services.close()
    if args.json:
        print(
            json.dumps(
                {
                    "imported": result.imported,
                    "rows": result.rows,
                    "dry_run": result.dry_run,
                    "counts": result.counts,
                    "franchisees": result.franchisees,
                    "total": f"{result.total:.2f}",
                    "errors": [p.as_json() for p in result.errors],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for problem in result.errors:
            if problem.row is None and problem.column is None:
                error(problem.line())
            else:
                print(problem.line(), file=sys.stderr)
    if result.errors:
        error(f"refused: {len(result.errors)} problem(s) in {result.file}; nothing was imported")
        return REFUSED
    if not args.json:
        print(_ledger_summary(result, "documents" if args.what == "invoices" else "payments"))
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
    p.add_argument(
        "--on-duplicate",
        choices=("refuse", "skip"),
        default="refuse",
        help="a row matching a franchisee already in hqdesk (credit code, code, or exact legal name): refuse the "
        "file (default) or skip the row",
    )
    p.set_defaults(handler=cmd_import_franchisees, what="franchisees")
    for what in ("contacts", "stores"):
        p = imp_commands.add_parser(
            what,
            parents=[common],
            help=f"import {what} of existing franchisees (named by franchisee_code or franchisee_uscc) from a "
            "CSV or XLSX file (all rows or none)",
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
        p.set_defaults(handler=cmd_import_franchisees, what=what)
    for what, help_text in (
        ("invoices", "import invoices and credit notes from the ERP's CSV or XLSX file (all rows or none)"),
        ("payments", "import payments from the ERP's CSV or XLSX file (all rows or none)"),
    ):
        p = imp_commands.add_parser(what, parents=[common], help=help_text)
        p.add_argument("file")
        p.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
        p.add_argument("--json", action="store_true", help="print the result as JSON")
        p.add_argument(
            "--as",
            dest="as_user",
            metavar="USERNAME",
            help="record the import as this hqdesk user (a credit manager or administrator); default: system",
        )
        p.set_defaults(handler=cmd_import_ledger, what=what)
    return imp
