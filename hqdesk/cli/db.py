"""``hqdesk-admin db ...``: the schema, the PostgreSQL group roles and logins."""

from __future__ import annotations

import argparse

from hqdesk.cli.output import (
    OK,
    PROG,
    Failed,
    Parser,
    Refused,
    database_url,
    first_line,
    open_services,
    read_password,
)
from hqdesk.domain.errors import DatabaseTooNew
from hqdesk.domain.roles import Role


def cmd_db_upgrade(args) -> int:
    from hqdesk.services import dbadmin

    before = dbadmin.schema_status(database_url(args))
    if before.state == "newer":
        raise DatabaseTooNew(db_revision=before.revision)
    services = open_services(args)
    try:
        after = dbadmin.schema_status(database_url(args))
        line = f"database at revision {after.revision}"
        if before.revision != after.revision:
            line += f" (upgraded from {before.revision or 'none'})"
        print(line)
        if (
            services.dialect == "postgresql"
            and before.revision != after.revision
            and dbadmin.groups_exist(services.db)
        ):
            try:
                count = dbadmin.apply_privileges(services.db)
            except Exception as exc:
                raise Failed(
                    "the schema was upgraded, but the privileges of the hqdesk_* roles could not be "
                    f"updated ({first_line(exc)}): run {PROG} db create-roles as the database owner"
                ) from None
            print(f"privileges of the hqdesk_* roles updated on {count} tables")
    finally:
        services.close()
    return OK


STATE_TEXT = {
    "empty": "(empty database: run db upgrade)",
    "head": "(head)",
    "older": "(older than this app: run db upgrade)",
    "newer": "(newer than this app)",
}


def cmd_db_current(args) -> int:
    from hqdesk.services import dbadmin

    status = dbadmin.schema_status(database_url(args))
    print(f"{status.revision or 'none'} {STATE_TEXT[status.state]}")
    return OK


def cmd_db_create_roles(args) -> int:
    from hqdesk.services import dbadmin

    services = open_services(args)
    try:
        setup = dbadmin.create_roles(services.db)
    finally:
        services.close()
    for name in dbadmin.GROUP_ROLES.values():
        print(f"{name}: {'created' if name in setup.created else 'exists'}")
    print(f"privileges set on {setup.tables} tables of database {setup.database}")
    return OK


def cmd_db_create_login(args) -> int:
    from hqdesk.services import dbadmin

    if args.no_password:
        password = None
    else:
        password = read_password(args)
        if password is None:
            raise Refused(
                "no password: pipe it in with --password-stdin, run in a terminal to be asked, "
                "or pass --no-password for a login that authenticates otherwise (peer, certificate)"
            )
        if not password:
            raise Refused("the password is empty")
    services = open_services(args)
    try:
        dbadmin.create_login(services.db, args.name, Role(args.role), password)
    finally:
        services.close()
    print(f"created login {args.name} in {dbadmin.GROUP_ROLES[Role(args.role)]}")
    return OK


def add_commands(commands, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    db = commands.add_parser("db", parents=[common], help="database schema, roles and logins")
    db_commands = db.add_subparsers(title="db commands", metavar="DB_COMMAND", parser_class=Parser)
    p = db_commands.add_parser("upgrade", parents=[common], help="create or upgrade the schema")
    p.set_defaults(handler=cmd_db_upgrade)
    p = db_commands.add_parser("current", parents=[common], help="show the schema revision (changes nothing)")
    p.set_defaults(handler=cmd_db_current)
    p = db_commands.add_parser(
        "create-roles",
        parents=[common],
        help="PostgreSQL: create the hqdesk_* group roles with least privilege",
    )
    p.set_defaults(handler=cmd_db_create_roles)
    p = db_commands.add_parser(
        "create-login", parents=[common], help="PostgreSQL: create a login in one of the hqdesk_* groups"
    )
    p.add_argument("name", help="the login name (lower case)")
    p.add_argument("--role", required=True, choices=[r.value for r in Role])
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin (first line)"
    )
    group.add_argument(
        "--no-password",
        action="store_true",
        help="no password (the login authenticates by peer or certificate)",
    )
    p.set_defaults(handler=cmd_db_create_login)
    return db
