"""``hqdesk-admin user ...``: hqdesk's own users (the first one an administrator)."""

from __future__ import annotations

import argparse
import json

from hqdesk.cli.output import OK, Parser, Refused, open_services, read_password, table
from hqdesk.domain.roles import SYSTEM_ACTOR, Role


def cmd_user_add(args) -> int:
    from hqdesk.domain.contact import EMAIL

    email = (args.email or "").strip().lower()
    if email and not EMAIL.match(email):
        raise Refused(f"--email: {args.email!r} does not look like an e-mail address")
    password = read_password(args)
    if password is None:
        raise Refused("no password: pipe it in with --password-stdin, or run in a terminal to be asked")
    display_name = (args.display_name or "").strip()
    services = open_services(args)
    try:
        users = services.users
        if not users.has_users():
            if args.role != Role.ADMIN.value:
                raise Refused(
                    "the database has no users yet: the first user must be an administrator (--role admin)"
                )
            actor = users.create_first_admin(args.username, display_name, password)
            if email:
                dto = next(u for u in users.list_users(actor) if u.id == actor.user_id)
                users.update_user(
                    actor,
                    dto.id,
                    dto.version,
                    display_name=dto.display_name,
                    role=dto.role,
                    active=True,
                    email=email,
                )
            print(f"created the first administrator {args.username}")
        else:
            users.create_user(
                SYSTEM_ACTOR, args.username, display_name, Role(args.role), password, email=email
            )
            print(f"created user {args.username} ({args.role})")
    finally:
        services.close()
    return OK


def cmd_user_list(args) -> int:
    services = open_services(args)
    try:
        users = services.users.list_users(SYSTEM_ACTOR)
    finally:
        services.close()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": u.id,
                        "username": u.username,
                        "display_name": u.display_name,
                        "role": u.role.value,
                        "active": u.active,
                    }
                    for u in users
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(
            table(
                ("id", "username", "display name", "role", "active"),
                [
                    (u.id, u.username, u.display_name, u.role.value, "yes" if u.active else "no")
                    for u in users
                ],
            )
        )
    return OK


def add_commands(commands, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    user = commands.add_parser("user", parents=[common], help="hqdesk users")
    user_commands = user.add_subparsers(title="user commands", metavar="USER_COMMAND", parser_class=Parser)
    p = user_commands.add_parser("add", parents=[common], help="add a user (the first one must be an admin)")
    p.add_argument("username")
    p.add_argument("--role", required=True, choices=[r.value for r in Role])
    p.add_argument("--display-name", default="")
    p.add_argument("--email", default="")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin (first line)")
    p.set_defaults(handler=cmd_user_add)
    p = user_commands.add_parser("list", parents=[common], help="list the users")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_user_list)
    return user
