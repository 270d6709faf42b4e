"""``hqdesk-admin import ...``: data from CSV and XLSX files, all rows or none."""

from __future__ import annotations

import argparse
import json
import sys

from hqdesk.cli.output import OK, REFUSED, Parser, acting_actor, error, open_services

ACTIONS = ("refuse", "skip", "update", "create")
MAPPING_HINT = (
    "map the columns in the import wizard and save the mapping there, then run again with --mapping NAME "
    "(saved mappings for {what}: {names})"
)


def _duplicate_line(d, dry_run: bool) -> str:
    """``row 2: matches F1 甲珠宝有限公司 by uscc: updated`` (a dry run: ``would be updated``)."""
    done = {"update": "updated", "skip": "skipped", "create": "created as new"}[d.action]
    return f"row {d.row}: matches {d.existing_code} {d.existing_name} by {d.matched_by}: " + (
        f"would be {done}" if dry_run else done
    )


def _summary(result, what: str) -> str:
    parts = []
    if result.updated:
        parts.append(f"updated {result.updated}")
    if result.skipped:
        parts.append(f"skipped {result.skipped} already in hqdesk")
    tail = "".join(f"; {p}" for p in parts)
    if result.dry_run:
        return f"dry run: {result.rows} {what} can be imported{tail}; nothing was written"
    return f"imported {result.imported} {what}{tail}"


def cmd_import_franchisees(args) -> int:
    """``import franchisees|contacts|stores``: the same output for each (``what``)."""
    from hqdesk.services.imports.children import NO_FRANCHISEE_COLUMN
    from hqdesk.services.imports.columns import MAPPING_MESSAGES

    what = getattr(args, "what", "franchisees")
    services = open_services(args)
    try:
        actor = acting_actor(services, args.as_user)  # a personal login acts as its own user
        result = services.imports.importer(what).import_file(
            actor, args.file, dry_run=args.dry_run, on_duplicate=args.on_duplicate, mapping=args.mapping
        )
        unmapped = args.mapping is None and any(
            p.message in MAPPING_MESSAGES or p.message == NO_FRANCHISEE_COLUMN for p in result.errors
        )
        saved = services.imports.mappings.names(what) if unmapped else []
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
                    "updated": result.updated,
                    "skipped": result.skipped,
                    "duplicates": [d.as_json() for d in result.duplicates],
                    **({"layout": result.layout} if result.layout else {}),
                    **({"mapping": result.mapping_name} if result.mapping_name else {}),
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
        if unmapped:
            error(MAPPING_HINT.format(what=what, names=", ".join(saved) or "none"))
        error(f"refused: {len(result.errors)} problem(s) in {result.file}; nothing was imported")
        return REFUSED
    if not args.json:
        if result.layout:
            print(f"recognised layout: {result.layout}")
        if result.mapping_name:
            print(f"mapping: {result.mapping_name}")
        for duplicate in result.duplicates:
            print(_duplicate_line(duplicate, result.dry_run))
        print(_summary(result, what))
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
    for what, help_text in (
        ("franchisees", "import franchisees from a CSV or XLSX file (all rows or none)"),
        (
            "contacts",
            "import contacts of existing franchisees (named by franchisee_code or franchisee_uscc) from a CSV or "
            "XLSX file (all rows or none)",
        ),
        (
            "stores",
            "import stores of existing franchisees (named by franchisee_code or franchisee_uscc) from a CSV or "
            "XLSX file (all rows or none)",
        ),
    ):
        p = imp_commands.add_parser(what, parents=[common], help=help_text)
        p.add_argument("file")
        p.add_argument(
            "--mapping",
            metavar="NAME",
            help="map the columns with this saved mapping (saved in the import wizard); default: hqdesk's template "
            "headers, a recognised export, or headers guessed from their names when every required column is "
            "found and none is ambiguous",
        )
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
            choices=ACTIONS,
            default="refuse",
            help="a row matching a record already in hqdesk (franchisees: credit code, code, or exact legal name; "
            "contacts: same franchisee and name or mobile; stores: same franchisee and name): refuse the file "
            "(default), skip the row, update the record with the row's non-blank cells, or create a new one",
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
