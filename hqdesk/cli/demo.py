"""``hqdesk-admin demo``: fill an empty database (no franchisees, no users) with demo data."""

from __future__ import annotations

import argparse

from hqdesk.cli.output import OK, Failed, Refused, any_iso_day, open_services
from hqdesk.domain.roles import SYSTEM_ACTOR


def whole(minimum: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}: {text}")
        return value

    return parse


def cmd_demo(args) -> int:
    from hqdesk.services import dbadmin

    try:
        from hqdesk.services.demo import DemoOptionError, DemoRefused, generate_demo
    except ModuleNotFoundError as exc:
        if exc.name != "hqdesk.services.demo":
            raise
        raise Failed("this build of hqdesk has no demo data generator") from None
    services = open_services(args)
    try:
        existing = dbadmin.franchisee_count(services.db)
        if existing:
            raise Refused(
                f"the database already has {existing} franchisees; demo data goes into an empty database only"
            )
        # the demo accounts' passwords are in the README: never next to real accounts
        users = len(services.users.list_users(SYSTEM_ACTOR))
        if users:
            raise Refused(
                f"the database already has {users} users; demo data goes into an empty database "
                f"only (no franchisees, no users), because the demo accounts' passwords are published "
                f"in the README"
            )
        options = {
            k: v
            for k, v in (
                ("franchisees", args.franchisees),
                ("years", args.years),
                ("seed", args.seed),
                ("today", args.today),
            )
            if v is not None
        }
        try:
            summary = generate_demo(services.db, **options)
        except DemoRefused as exc:  # another process wrote to it since the counts above: a refusal (exit 2)
            raise Refused(exc.english()) from None
        except DemoOptionError as exc:  # a ValueError from the generator, not an hqdesk error
            raise Refused(str(exc)) from None
    finally:
        services.close()
    for key, value in (summary or {}).items():
        print(f"{key}: {value}")
    return OK


def add_commands(commands, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = commands.add_parser(
        "demo", parents=[common], help="fill an empty database (no franchisees, no users) with demo data"
    )
    p.add_argument(
        "--franchisees", type=whole(0), metavar="N", help="how many franchisees (generator default: 300)"
    )
    p.add_argument(
        "--years", type=whole(1), metavar="Y", help="how many years of history (generator default: 5)"
    )
    p.add_argument(
        "--seed",
        type=whole(-(2**63)),
        metavar="S",
        help="random seed: the same --seed and --today give the same data",
    )
    p.add_argument(
        "--today",
        type=any_iso_day,  # its own check says which demo dates would fall outside the calendar
        metavar="YYYY-MM-DD",
        help="the day the data is dated from (default: today's date)",
    )
    p.set_defaults(handler=cmd_demo)
    return p
