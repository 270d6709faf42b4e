"""``hqdesk-admin report ...``: receivables reports from the ledger (read only).

``report aging --as-of YYYY-MM-DD [--buckets 30,60,90,120] --format json|csv`` and
``report kpi --from YYYY-MM-DD --to YYYY-MM-DD [--franchisee CODE] --format json``; the contracts (JSON
fields, the CSV's totals row) are in ``hqdesk.services.receivables`` and the README.
``report sales --from YYYY-MM-DD --to YYYY-MM-DD --by month|franchisee|region [--franchisee CODE]
--format json|csv``: sales = invoices - credit notes dated in the period (``hqdesk.services.analytics.sales``
says which rows, in which order). Money is written as
strings with two decimals. Bad dates, bounds or formats: one line on stderr, exit code 2.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys

from hqdesk.cli import report_files
from hqdesk.cli.output import OK, Parser, Refused, acting_actor, iso_day, open_services


def bounds(text: str) -> tuple[int, ...]:
    from hqdesk.domain.credit import parse_bounds

    try:
        return parse_bounds(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{exc}: {text!r} (e.g. 30,60,90,120)") from None


def cmd_aging(args) -> int:
    from hqdesk.services.receivables import ReceivablesService, aging_csv_rows, aging_json

    services = open_services(args)
    try:
        report = ReceivablesService(services.db).aging(acting_actor(services), args.as_of, args.buckets)
    finally:
        services.close()
    if args.format == "json":
        print(json.dumps(aging_json(report), ensure_ascii=False, indent=2))
    else:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerows(aging_csv_rows(report))
    return OK


def cmd_kpi(args) -> int:
    from hqdesk.services.receivables import ReceivablesService

    if args.to < args.start:
        raise Refused(f"--to ({args.to}) is before --from ({args.start})")
    services = open_services(args)
    try:
        receivables = ReceivablesService(services.db)
        fid = receivables.franchisee_id(args.franchisee) if args.franchisee is not None else None
        kpis = receivables.kpis(acting_actor(services), args.start, args.to, fid)
    finally:
        services.close()
    print(json.dumps(kpis.json(), ensure_ascii=False, indent=2))
    return OK


def cmd_sales(args) -> int:
    from hqdesk.services.analytics import AnalyticsService, sales_csv_rows, sales_json

    if args.to < args.start:
        raise Refused(f"--to ({args.to}) is before --from ({args.start})")
    services = open_services(args)
    try:
        analytics = AnalyticsService(services.db)
        fid = analytics.franchisee_id(args.franchisee) if args.franchisee is not None else None
        rows = analytics.sales(acting_actor(services), args.start, args.to, args.by, fid)
    finally:
        services.close()
    if args.format == "json":
        print(json.dumps(sales_json(args.start, args.to, args.by, rows), ensure_ascii=False, indent=2))
    else:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerows(sales_csv_rows(rows))
    return OK


def add_commands(commands, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    group = commands.add_parser("report", parents=[common], help="receivables reports (read only)")
    sub = group.add_subparsers(title="report commands", metavar="REPORT_COMMAND", parser_class=Parser)
    p = sub.add_parser("aging", parents=[common], help="receivables aging as of a date, a row per franchisee")
    p.add_argument("--as-of", dest="as_of", type=iso_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument(
        "--buckets",
        type=bounds,
        default=None,
        metavar="30,60,90,180,365",
        help="days-overdue bounds of the buckets (default: the credit policy's)",
    )
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.set_defaults(handler=cmd_aging)

    p = sub.add_parser("kpi", parents=[common], help="receivables KPIs of a period (DSO, overdue share...)")
    p.add_argument("--from", dest="start", type=iso_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="to", type=iso_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--franchisee", metavar="CODE", default=None, help="one franchisee (default: everyone)")
    p.add_argument("--format", choices=("json",), default="json")
    p.set_defaults(handler=cmd_kpi)

    p = sub.add_parser(
        "sales", parents=[common], help="sales (invoices - credit notes) by month, franchisee or region"
    )
    p.add_argument("--from", dest="start", type=iso_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="to", type=iso_day, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--by", choices=("month", "franchisee", "region"), required=True)
    p.add_argument("--franchisee", metavar="CODE", default=None, help="one franchisee (default: everyone)")
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.set_defaults(handler=cmd_sales)
    report_files.add_commands(sub, common)  # report aging --format xlsx, report sales-matrix
    return group
