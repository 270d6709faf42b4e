"""``hqdesk-admin``: the administrator's command line (schema, roles, users, imports, demo data).

Thin on purpose: every command parses its arguments, calls one service and prints the outcome. The
contract (commands, options, output, exit codes) is documented in the README's "hqdesk-admin" section:

    0  done
    1  operational error: cannot connect, database newer than this app, roles missing...
    2  refused: bad arguments, a bad file, validation errors

Errors go to stderr as one English line each, never a traceback for an expected error; database URLs are
shown without their password.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import unicodedata
from collections.abc import Sequence

from hqdesk.domain.errors import (
    DatabaseError,
    DatabaseTooNew,
    HqdeskError,
    NetworkShareRefused,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from hqdesk.domain.roles import SYSTEM_ACTOR, Role

PROG = "hqdesk-admin"
OK, FAILED, REFUSED = 0, 1, 2


class Refused(Exception):
    """Input the command will not take (exit code 2)."""


class Failed(Exception):
    """An operational problem (exit code 1)."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one line (exit code 2 like argparse's own)."""

    def error(self, message: str):
        self.exit(REFUSED, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


# ----- helpers ---------------------------------------------------------------------------------------------


def _url(args) -> str:
    from hqdesk.resources import default_database_url

    return getattr(args, "db", None) or default_database_url()


def _safe(url: str) -> str:
    from hqdesk.persistence.engine import safe_url

    try:
        return safe_url(url)
    except Exception:
        return "(the given database URL)"


def _open(args):
    """The services on --db, its schema created or upgraded as the app does when it starts."""
    from hqdesk.services.bootstrap import open_services

    return open_services(_url(args))


def _read_password(args, *, confirm_prompt: bool = True) -> str | None:
    """From stdin with --password-stdin, else asked on the terminal; None when neither is possible."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        first = getpass.getpass("Password: ")
        if confirm_prompt and getpass.getpass("Password again: ") != first:
            raise Refused("the two passwords differ; nothing was changed")
        return first
    return None


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(header: Sequence[str], rows: list[Sequence[str]]) -> str:
    widths = [max(_width(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for r in [header, *rows]:
        cells = [str(c) + " " * (w - _width(str(c))) for c, w in zip(r, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


# ----- db --------------------------------------------------------------------------------------------------


def cmd_db_upgrade(args) -> int:
    from hqdesk.services import dbadmin

    before = dbadmin.schema_status(_url(args))
    if before.state == "newer":
        raise DatabaseTooNew(db_revision=before.revision)
    services = _open(args)
    try:
        after = dbadmin.schema_status(_url(args))
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
                    f"updated ({_first_line(exc)}): run {PROG} db create-roles as the database owner"
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

    status = dbadmin.schema_status(_url(args))
    print(f"{status.revision or 'none'} {STATE_TEXT[status.state]}")
    return OK


def cmd_db_create_roles(args) -> int:
    from hqdesk.services import dbadmin

    services = _open(args)
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
        password = _read_password(args)
        if password is None:
            raise Refused(
                "no password: pipe it in with --password-stdin, run in a terminal to be asked, "
                "or pass --no-password for a login that authenticates otherwise (peer, certificate)"
            )
        if not password:
            raise Refused("the password is empty")
    services = _open(args)
    try:
        dbadmin.create_login(services.db, args.name, Role(args.role), password)
    finally:
        services.close()
    print(f"created login {args.name} in {dbadmin.GROUP_ROLES[Role(args.role)]}")
    return OK


# ----- user ------------------------------------------------------------------------------------------------


def cmd_user_add(args) -> int:
    from hqdesk.domain.contact import EMAIL

    email = (args.email or "").strip().lower()
    if email and not EMAIL.match(email):
        raise Refused(f"--email: {args.email!r} does not look like an e-mail address")
    password = _read_password(args)
    if password is None:
        raise Refused("no password: pipe it in with --password-stdin, or run in a terminal to be asked")
    display_name = (args.display_name or "").strip()
    services = _open(args)
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
    services = _open(args)
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
            _table(
                ("id", "username", "display name", "role", "active"),
                [
                    (u.id, u.username, u.display_name, u.role.value, "yes" if u.active else "no")
                    for u in users
                ],
            )
        )
    return OK


# ----- import ----------------------------------------------------------------------------------------------


def cmd_import_franchisees(args) -> int:
    from hqdesk.services.errors import LoginBoundToUser
    from hqdesk.services.importer import FranchiseeImporter

    services = _open(args)
    try:
        actor = services.users.login_actor() or SYSTEM_ACTOR  # a personal login acts as its own user
        if args.as_user:
            try:
                actor = services.users.actor(args.as_user)
            except NotFound:
                raise Refused(f"--as: there is no active user {args.as_user}") from None
            except LoginBoundToUser as exc:
                raise Refused(f"--as: {exc.english()}") from None
        result = FranchiseeImporter(services.db).import_file(actor, args.file, dry_run=args.dry_run)
    finally:
        services.close()
    if args.json:
        print(
            json.dumps(
                {
                    "imported": result.imported,
                    "rows": result.rows,
                    "dry_run": result.dry_run,
                    "errors": [p.as_json() for p in result.errors],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for problem in result.errors:
            if problem.row is None and problem.column is None:
                _error(problem.line())  # the file as a whole (missing, empty, unreadable): like other errors
            else:
                print(problem.line(), file=sys.stderr)  # row R, column C: message
    if result.errors:
        _error(f"refused: {len(result.errors)} problem(s) in {result.file}; nothing was imported")
        return REFUSED
    if not args.json:
        if result.dry_run:
            print(f"dry run: {result.rows} franchisees can be imported; nothing was written")
        else:
            print(f"imported {result.imported} franchisees")
    return OK


# ----- demo ------------------------------------------------------------------------------------------------


def _iso_day(text: str):
    """--today: a date written YYYY-MM-DD exactly (it is half of a recipe that must give the same data again)."""
    import re
    from datetime import date

    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}")


def cmd_demo(args) -> int:
    from hqdesk.services import dbadmin

    try:
        from hqdesk.services.demo import DemoOptionError, DemoRefused, generate_demo
    except ModuleNotFoundError as exc:
        if exc.name != "hqdesk.services.demo":
            raise
        raise Failed("this build of hqdesk has no demo data generator") from None
    services = _open(args)
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
        except DemoRefused as exc:  # another process wrote to it since the counts above
            raise Refused(exc.english()) from None
        except DemoOptionError as exc:
            raise Refused(str(exc)) from None
    finally:
        services.close()
    for key, value in (summary or {}).items():
        print(f"{key}: {value}")
    return OK


# ----- the parser ------------------------------------------------------------------------------------------


def _whole(minimum: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}: {text}")
        return value

    return parse


def build_parser() -> argparse.ArgumentParser:
    # --db is accepted at every level: before the command words, between them and after them.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database URL (sqlite:///path or postgresql+psycopg://user@host/name); "
        "default: $HQDESK_DB, else your own SQLite file",
    )

    parser = _Parser(
        prog=PROG,
        parents=[common],
        description="hqdesk administration: schema, roles, users, "
        "imports and demo data. Exit codes: 0 done, 1 operational error, 2 refused input.",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    db = commands.add_parser("db", parents=[common], help="database schema, roles and logins")
    db_commands = db.add_subparsers(title="db commands", metavar="DB_COMMAND", parser_class=_Parser)
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

    user = commands.add_parser("user", parents=[common], help="hqdesk users")
    user_commands = user.add_subparsers(title="user commands", metavar="USER_COMMAND", parser_class=_Parser)
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

    imp = commands.add_parser("import", parents=[common], help="import data from files")
    imp_commands = imp.add_subparsers(title="import commands", metavar="IMPORT_COMMAND", parser_class=_Parser)
    p = imp_commands.add_parser(
        "franchisees", parents=[common], help="import franchisees from a CSV or XLSX file (all rows or none)"
    )
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument(
        "--as",
        dest="as_user",
        metavar="USERNAME",
        help="record the import as this hqdesk user (an administrator); default: system",
    )
    p.set_defaults(handler=cmd_import_franchisees)

    p = commands.add_parser(
        "demo", parents=[common], help="fill an empty database (no franchisees, no users) with demo data"
    )
    p.add_argument(
        "--franchisees", type=_whole(0), metavar="N", help="how many franchisees (generator default: 300)"
    )
    p.add_argument(
        "--years", type=_whole(1), metavar="Y", help="how many years of history (generator default: 5)"
    )
    p.add_argument(
        "--seed",
        type=_whole(-(2**63)),
        metavar="S",
        help="random seed: the same --seed and --today give the same data",
    )
    p.add_argument(
        "--today",
        type=_iso_day,
        metavar="YYYY-MM-DD",
        help="the day the data is dated from (default: today's date)",
    )
    p.set_defaults(handler=cmd_demo)

    parser.set_defaults(handler=None)
    # every sub-parser prints its own usage on `--help`; without a command word, print the right help
    for sub in (db, user, imp):
        sub.set_defaults(help_of=sub)
    return parser


# ----- running ---------------------------------------------------------------------------------------------

REFUSED_ERRORS = (ValidationError, PermissionDenied, NotFound)


def _first_line(exc: BaseException) -> str:
    inner = getattr(exc, "orig", None) or exc
    text = str(inner).strip().splitlines()
    return text[0] if text else type(inner).__name__


def _error(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code (the console script passes it to sys.exit)."""
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, format=f"{PROG}: %(levelname)s: %(message)s")
        # the OS keyring is the GUI's password store; here PGPASSWORD or ~/.pgpass serve, so a missing
        # keyring backend is no news
        logging.getLogger("hqdesk.persistence.engine").setLevel(logging.ERROR)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a bad argument (already reported)
        return exc.code if isinstance(exc.code, int) else REFUSED
    if args.handler is None:
        (getattr(args, "help_of", None) or parser).print_help(sys.stderr)
        return REFUSED

    from sqlalchemy.exc import SQLAlchemyError

    from hqdesk.services.dbadmin import AdminFailed, AdminRefused
    from hqdesk.services.importer import ImportConflict
    from hqdesk.services.users import FirstAdminExists, UsernameTaken

    try:
        return args.handler(args)
    except Refused as exc:
        _error(str(exc))
        return REFUSED
    except Failed as exc:
        _error(str(exc))
        return FAILED
    except ValidationError as exc:
        for e in exc.errors:
            _error(f"{e.field}: {e.english()}")
        return REFUSED
    except (*REFUSED_ERRORS, AdminRefused, UsernameTaken, FirstAdminExists) as exc:
        _error(exc.english())
        return REFUSED
    except (DatabaseTooNew, DatabaseError, NetworkShareRefused, AdminFailed, ImportConflict) as exc:
        _error(exc.english())
        return FAILED
    except HqdeskError as exc:
        _error(exc.english())
        return FAILED
    except SQLAlchemyError as exc:
        _error(f"database error on {_safe(_url(args))}: {_first_line(exc)}")
        return FAILED
    except KeyboardInterrupt:
        _error("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
