"""``hqdesk-admin credit-check CODE AMOUNT [--date D] --format json``: the credit check of a proposed order.

Prints ``{"decision": "approve|warn|block", "reasons": [...]}`` (``--format json``) or the decision and one
reason a line (``--format text``, the default). The reasons are in the current language: Simplified Chinese when
``HQDESK_LANG`` (else ``LC_ALL``, ``LC_MESSAGES``, ``LANG``) starts with ``zh``, English otherwise; the
translations are read from the shipped ``hqdesk_zh_CN.ts`` (the command line does not load Qt).
An unknown code, a bad amount or a bad date: a message on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from hqdesk.cli.output import OK, Refused, acting_actor, iso_day, open_services, translator


def parse_day(text: str) -> date:
    try:
        return iso_day(text)
    except argparse.ArgumentTypeError as exc:
        raise Refused(f"--date: {exc}") from None


def cmd_credit_check(args) -> int:
    from hqdesk.domain.money import AmountTextError, parse_amount
    from hqdesk.services.credit_check import amount_problems

    try:
        amount = parse_amount(args.amount)
    except AmountTextError:
        amount = None
    if amount is None or amount_problems(amount):
        raise Refused(f"AMOUNT: not an order amount (more than 0, at most two decimals): {args.amount!r}")
    on_date = parse_day(args.date) if args.date else date.today()
    services = open_services(args)
    try:
        result = services.credit_check.check_code(acting_actor(services), args.code, amount, on_date)
    finally:
        services.close()
    translate = translator(("CreditCheck", "Enums"))
    reasons = result.texts(translate)
    if args.format == "json":
        print(json.dumps({"decision": result.decision.value, "reasons": reasons}, ensure_ascii=False))
    else:
        print(result.decision.value)
        for line in reasons:
            print(f"- {line}")
    return OK


def add_commands(commands, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = commands.add_parser(
        "credit-check",
        parents=[common],
        help="credit check of a proposed order: approve, warn or block, with the reasons",
    )
    p.add_argument("code", metavar="CODE", help="the franchisee's code")
    p.add_argument("amount", metavar="AMOUNT", help="the order amount, e.g. 12000.00")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the order date (default: today)")
    p.add_argument("--format", choices=["json", "text"], default="text", help="output format (default: text)")
    p.set_defaults(handler=cmd_credit_check)
    return p
