"""``hqdesk-admin credit-policy evaluate FILE.json``: the credit policy simulator on a file (no database).

Prints ``{"alternatives": [...], "recommended": name, "versus_first": [...]}`` (see
``hqdesk.domain.credit_simulator``), figures as JSON numbers rounded half up to two decimals. A bad file, bad
JSON or bad input: one line naming the alternative and the field, exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal

from hqdesk.cli.output import OK, Parser, Refused


def _decimal_number(value):
    """Decimals as JSON numbers: two decimals survive a float exactly up to 15 significant digits."""
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def read_input(path: str):
    """The decoded JSON of ``path`` with every number as int or Decimal (never float: the money stays exact)."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as exc:
        raise Refused(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused(f"{path}: not UTF-8 text") from None
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except ValueError as exc:
        raise Refused(f"{path}: not valid JSON: {exc}") from None


def cmd_evaluate(args) -> int:
    from hqdesk.domain.credit_simulator import SimulatorInputError, evaluate, parse_input, result_json

    data = read_input(args.file)
    try:
        inp = parse_input(data)
    except SimulatorInputError as exc:
        raise Refused(f"{args.file}: {exc.english()}") from None
    out = result_json(evaluate(inp))
    print(json.dumps(out, ensure_ascii=False, indent=2, default=_decimal_number))
    sys.stdout.flush()
    return OK


def add_commands(commands, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    group = commands.add_parser("credit-policy", parents=[common], help="credit policy tools")
    sub = group.add_subparsers(
        title="credit-policy commands", metavar="CREDIT_POLICY_COMMAND", parser_class=Parser
    )
    p = sub.add_parser(
        "evaluate",
        parents=[common],
        help="compare credit policies from a JSON file (the credit policy simulator); prints JSON",
    )
    p.add_argument("file", metavar="FILE.json")
    p.set_defaults(handler=cmd_evaluate)
    return group
