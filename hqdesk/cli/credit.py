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
import os
import re
from datetime import date

from hqdesk.cli.output import OK, Refused, open_services
from hqdesk.domain.roles import SYSTEM_ACTOR


def language() -> str:
    for var in ("HQDESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    return "en"


def ts_translate(contexts: tuple[str, ...] = ("CreditCheck", "Enums")):
    """A ``Translate`` reading the finished Chinese translations of ``contexts`` from the shipped .ts file."""
    import xml.etree.ElementTree as ET

    from hqdesk.resources import resource_path

    table: dict[tuple[str, str], str] = {}
    try:
        root = ET.parse(resource_path("translations", "hqdesk_zh_CN.ts")).getroot()
    except (OSError, ET.ParseError):
        root = None
    for ctx in root.iter("context") if root is not None else ():
        name = ctx.findtext("name", "")
        if name not in contexts:
            continue
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.text and tr.get("type") not in ("unfinished", "obsolete", "vanished"):
                table[(name, msg.findtext("source", ""))] = tr.text

    def translate(context: str, text: str) -> str:
        return table.get((context, text), text)

    return translate


def parse_day(text: str) -> date:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise Refused(f"--date: not a date in the form YYYY-MM-DD: {text!r}")


def cmd_credit_check(args) -> int:
    from hqdesk.domain.i18n import english
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
        result = services.credit_check.check_code(SYSTEM_ACTOR, args.code, amount, on_date)
    finally:
        services.close()
    translate = ts_translate() if language() == "zh_CN" else english
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
