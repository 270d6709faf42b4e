"""``hqdesk-admin calendar``: the relationship calendar's events of a date range, as JSON or CSV.

    hqdesk-admin calendar --from YYYY-MM-DD --to YYYY-MM-DD [--kind K ...] --format json|csv
                          [--as USERNAME [--mine]]

JSON: a list of objects with date, kind, key, title, franchisee, contact, years (``CalendarEvent.as_json``);
CSV: the same columns with a header row. Events sorted by date, kind (festival, birthday, store_anniversary,
contract_renewal, visit_due), franchisee code. ``title`` is in the language of ``HQDESK_LANG`` (``zh_CN`` or
``en``), else of the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``: ``zh...`` is Chinese), else English.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys

from hqdesk.cli.output import OK, Refused, acting_actor, iso_day, open_services, translator
from hqdesk.domain.calendar import EventKind


def cmd_calendar(args) -> int:
    from hqdesk.services.calendar import JSON_FIELDS

    kinds = [EventKind(k) for k in args.kinds] if args.kinds else None
    services = open_services(args)
    try:
        actor = acting_actor(services, args.as_user)
        if args.mine and not actor.user_id:
            raise Refused("--mine needs a user: give --as USERNAME")
        events = services.calendar.events(actor, args.start, args.end, kinds=kinds, mine=args.mine)
    finally:
        services.close()
    translate = translator(("Calendar", "Enums"))
    rows = [e.as_json(translate) for e in events]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        writer = csv.DictWriter(sys.stdout, fieldnames=JSON_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: "" if v is None else v for k, v in row.items()} for row in rows)
    return OK


def add_commands(commands, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = commands.add_parser(
        "calendar",
        parents=[common],
        help="print the relationship calendar's events of a date range (JSON or CSV)",
        description="The events from --from to --to inclusive (at most three years), sorted by date, kind and "
        "franchisee. Titles are in the language of $HQDESK_LANG (zh_CN or en), else of the locale.",
    )
    p.add_argument(
        "--from", dest="start", metavar="YYYY-MM-DD", type=iso_day, required=True, help="first day"
    )
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", type=iso_day, required=True, help="last day")
    p.add_argument(
        "--kind",
        dest="kinds",
        action="append",
        choices=[k.value for k in EventKind],
        metavar="K",
        help="only events of this kind (repeatable): " + ", ".join(k.value for k in EventKind),
    )
    p.add_argument("--format", choices=("json", "csv"), default="json", help="output format (default json)")
    p.add_argument(
        "--as",
        dest="as_user",
        metavar="USERNAME",
        help="list the calendar as this hqdesk user sees it; default: system (everything)",
    )
    p.add_argument(
        "--mine", action="store_true", help="only the franchisees of the --as user (festivals too)"
    )
    p.set_defaults(handler=cmd_calendar)
    return p
