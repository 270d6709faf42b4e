"""``hqdesk-admin letters KIND --out PATH ...``: personalised letters without the GUI, recorded in the history.

Contract (README):
``hqdesk-admin letters KIND --out PATH [--as-of YYYY-MM-DD] [--from YYYY-MM-DD] [--festival KEY]
[--franchisee CODE ...] [--language zh_CN|en] [--separate]`` with KIND one of festival, birthday,
store_anniversary, invitation, statement, dunning, credit_change. Extensions: ``--event-name``,
``--event-date``, ``--event-place``, ``--rsvp-by``, ``--rsvp-contact`` (invitations: name, date and place are
required) and ``--as USERNAME`` (who the letters are from, as for the other commands).

- ``--as-of`` defaults to today; a statement covers ``--from`` (default: the first day of the ``--as-of``
  month) to ``--as-of``. The language defaults to each contact's preferred language, else zh_CN.
- Without ``--franchisee``: one letter per active franchisee (statements: each franchisee with activity in the
  period or an open balance; dunning: each franchisee at a dunning level that prints a letter; birthday and
  store_anniversary: those whose day falls in the 31 days from ``--as-of``; credit_change: those whose limit or
  term changed).
- ``--out`` is one combined PDF, or with ``--separate`` a folder that receives one PDF per franchisee.
- Prints ``N letters written to PATH`` (stdout). Bad input: one line on stderr, exit 2, nothing written (the
  files are written under temporary names and renamed once the history is recorded).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hqdesk.cli.output import OK, Refused, acting_actor, iso_day, open_services

KINDS = ("festival", "birthday", "store_anniversary", "invitation", "statement", "dunning", "credit_change")


def cmd_letters(args) -> int:
    from datetime import date

    from hqdesk.domain.festivals import Festival
    from hqdesk.services.letter_dto import EventDetails, LetterSelection

    as_of = args.as_of or date.today()
    if args.start is not None and args.kind != "statement":
        raise Refused("--from applies to statements only")
    if args.start is not None and args.start > as_of:
        raise Refused(f"--from ({args.start}) is after --as-of ({as_of})")
    if args.festival is not None:
        if args.kind != "festival":
            raise Refused("--festival applies to festival letters only")
        if args.festival not in {f.value for f in Festival}:
            raise Refused(
                f"--festival: unknown festival {args.festival} (one of {', '.join(f.value for f in Festival)})"
            )
    event = None
    event_options = (args.event_name, args.event_date, args.event_place, args.rsvp_by, args.rsvp_contact)
    if args.kind == "invitation":
        missing = [
            o
            for o, v in (
                ("--event-name", args.event_name),
                ("--event-date", args.event_date),
                ("--event-place", args.event_place),
            )
            if not v
        ]
        if missing:
            raise Refused(f"an invitation needs {', '.join(missing)}")
        event = EventDetails(
            args.event_name.strip(),
            args.event_date,
            args.event_place.strip(),
            args.rsvp_by,
            (args.rsvp_contact or "").strip(),
        )
    elif any(v is not None for v in event_options):
        raise Refused(
            "--event-name, --event-date, --event-place, --rsvp-by and --rsvp-contact apply to invitations only"
        )
    out = Path(args.out)
    if args.separate:
        if out.exists() and not out.is_dir():
            raise Refused(f"--out {out}: with --separate this is a folder, and a file of that name exists")
        if not out.parent.is_dir():
            raise Refused(f"--out {out}: the folder {out.parent} does not exist")
    else:
        if out.is_dir():
            raise Refused(f"--out {out} is a folder: give a PDF file name, or add --separate")
        if not out.parent.is_dir():
            raise Refused(f"--out {out}: the folder {out.parent} does not exist")

    from hqdesk.letters.batch import generate
    from hqdesk.letters.render import printable

    services = open_services(args)
    try:
        actor = acting_actor(services, args.as_user)
        ids = None
        if args.franchisee:
            from hqdesk.services.receivables import ReceivablesService

            receivables = ReceivablesService(services.db)
            ids = tuple(dict.fromkeys(receivables.franchisee_id(code) for code in args.franchisee))
        selection = LetterSelection(
            as_of=as_of,
            franchisee_ids=ids,
            language=args.language,
            period_from=args.start,
            festival=args.festival,
            event=event,
        )
        skipped: list = []
        letters = services.letters.recipients(actor, args.kind, selection, skipped)
        letters, refused = printable(letters)
        for r in skipped:
            print(f"{r.code}: no {args.kind} letter: {r.english()}", file=sys.stderr)
        for x, exc in refused:
            print(
                f"{x.franchisee_code}: left out: no font has the character {exc.params['char']} "
                f"({exc.params['where']})",
                file=sys.stderr,
            )
        if not letters:
            raise Refused(f"no franchisee in the selection gets a {args.kind} letter; nothing was written")
        result = generate(
            letters,
            lambda batch, items: services.letters.record_batch(actor, batch, items),
            combined=None if args.separate else out,
            folder=out if args.separate else None,
        )
    finally:
        services.close()
    where = (
        out
        if not args.separate
        else f"{out}{'/' if not str(out).endswith('/') else ''} ({len(result.files)} files)"
    )
    print(f"{result.letters} letters written to {where}")
    return OK


def add_commands(commands, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = commands.add_parser(
        "letters",
        parents=[common],
        help="personalised letters (greetings, invitations, statements, dunning) as PDF, recorded in the history",
    )
    p.add_argument("kind", choices=KINDS, metavar="KIND", help="one of: " + ", ".join(KINDS))
    p.add_argument(
        "--out", required=True, metavar="PATH", help="the combined PDF, or a folder with --separate"
    )
    p.add_argument(
        "--as-of",
        dest="as_of",
        type=iso_day,
        default=None,
        metavar="YYYY-MM-DD",
        help="the letters' date (default: today)",
    )
    p.add_argument(
        "--from",
        dest="start",
        type=iso_day,
        default=None,
        metavar="YYYY-MM-DD",
        help="statements: the period's first day (default: the first day of the --as-of month)",
    )
    p.add_argument(
        "--festival",
        default=None,
        metavar="KEY",
        help="festival letters: spring_festival, mid_autumn... (default: the next festival)",
    )
    p.add_argument(
        "--franchisee",
        nargs="+",
        default=None,
        metavar="CODE",
        help="only these franchisees (default: every active franchisee)",
    )
    p.add_argument(
        "--language",
        choices=("zh_CN", "en"),
        default=None,
        help="default: each contact's preferred language, else zh_CN",
    )
    p.add_argument("--separate", action="store_true", help="one PDF per franchisee in the folder --out")
    p.add_argument("--event-name", default=None, metavar="TEXT", help="invitations: the event")
    p.add_argument("--event-date", type=iso_day, default=None, metavar="YYYY-MM-DD", help="invitations")
    p.add_argument("--event-place", default=None, metavar="TEXT", help="invitations")
    p.add_argument("--rsvp-by", type=iso_day, default=None, metavar="YYYY-MM-DD", help="invitations")
    p.add_argument("--rsvp-contact", default=None, metavar="TEXT", help="invitations: who takes the replies")
    p.add_argument(
        "--as",
        dest="as_user",
        default=None,
        metavar="USERNAME",
        help="the user the letters are from (default: the login's own user, else the system)",
    )
    p.set_defaults(handler=cmd_letters)
    return p


__all__ = ["add_commands", "KINDS"]
