"""``hqdesk-admin export ENTITY FILE``: a whole table to XLSX or CSV (by the file's extension).

    hqdesk-admin export franchisees|contacts|stores|visits|complaints|invoices|payments FILE [--as USERNAME]

The columns of each export are in ``hqdesk.services.exports.COLUMNS`` and the README; franchisees, contacts,
stores, invoices and payments use their import template's column names, so the file imports again. CSV is UTF-8
with a BOM; text that Excel would run as a formula is written as text. The file appears whole or not at all.
Prints ``exported N ENTITY to FILE``. Exit codes: 0 done, 2 refused (unknown extension, unknown entity), 1 failed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hqdesk.cli.output import OK, Refused, acting_actor, open_services

ENTITIES = ("franchisees", "contacts", "stores", "visits", "complaints", "invoices", "payments")


def cmd_export(args) -> int:
    from hqdesk.reports.tabular import UnknownFileType, kind_of, write_table
    from hqdesk.services.exports import ExportService

    path = Path(args.file)
    try:
        kind_of(path)
    except UnknownFileType:
        raise Refused(f"{args.file}: the file name must end in .xlsx or .csv") from None
    if path.is_dir():
        raise Refused(f"{args.file} is a folder; give a file name ending in .xlsx or .csv")
    services = open_services(args)
    try:
        actor = acting_actor(services, args.as_user)
        count = ExportService(services.db).export(
            actor,
            args.entity,
            lambda headers, rows, formats: write_table(path, headers, rows, formats, sheet_title=args.entity),
        )
    finally:
        services.close()
    print(f"exported {count} {args.entity} to {path}")
    return OK


def add_commands(commands, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = commands.add_parser(
        "export",
        parents=[common],
        help="write a whole table (franchisees, contacts, ...) to an XLSX or CSV file",
        description="Writes every row of ENTITY to FILE, as XLSX or CSV by FILE's extension (CSV: UTF-8 with a "
        "BOM). Formula-like text is written as text. The file appears whole or not at all.",
    )
    p.add_argument("entity", choices=ENTITIES, metavar="ENTITY", help=" | ".join(ENTITIES))
    p.add_argument(
        "file", metavar="FILE", help="the file to write: NAME.xlsx or NAME.csv (replaced if it exists)"
    )
    p.add_argument("--as", dest="as_user", metavar="USERNAME", help="export as this hqdesk user")
    p.set_defaults(handler=cmd_export)
    return p
