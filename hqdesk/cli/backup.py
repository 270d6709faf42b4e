"""``hqdesk-admin backup FILE`` and ``hqdesk-admin restore FILE --yes``: the embedded SQLite database.

``backup`` copies the database with SQLite's online backup API, safe while hqdesk is open; the file appears whole
or not at all, readable by its owner only. ``restore`` checks that FILE is an hqdesk database of a schema this
hqdesk knows, keeps a copy of the current database in the backup folder, then replaces the database's content
with FILE's; it asks for ``--yes``. On PostgreSQL both refuse and name the pg_dump / pg_restore commands.
Exit codes: 0 done, 2 refused (nothing written), 1 failed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from hqdesk.cli.output import OK, Refused, database_url


def backup_folder() -> Path:
    from hqdesk.resources import user_data_dir

    return user_data_dir() / "backups"


def cmd_backup(args) -> int:
    from hqdesk.services.backup import backup

    path = Path(args.file)
    if path.is_dir():
        raise Refused(f"{args.file} is a folder; give the backup's file name")
    result = backup(database_url(args), path)
    print(f"backed up the database (schema {result.revision}, {result.bytes:,} bytes) to {result.path}")
    return OK


def cmd_restore(args) -> int:
    from hqdesk.persistence.migrate import script_revisions
    from hqdesk.services.backup import restore

    if not args.yes:
        raise Refused(
            "restore replaces everything in the database with the backup's content; "
            "run again with --yes to do it (a copy of the current database is kept first)"
        )
    known, _heads = script_revisions()
    safety = restore(database_url(args), Path(args.file), backup_folder(), known)
    print(f"restored {args.file}; the database as it was is kept in {safety.path}")
    return OK


def add_commands(commands, common: argparse.ArgumentParser) -> None:
    p = commands.add_parser(
        "backup",
        parents=[common],
        help="copy the SQLite database to FILE (safe while hqdesk is open)",
        description="Copies the SQLite database (--db, else the default one) to FILE with SQLite's online "
        "backup API. PostgreSQL: use pg_dump (the command says how).",
    )
    p.add_argument("file", metavar="FILE", help="the backup file to write (replaced if it exists)")
    p.set_defaults(handler=cmd_backup)
    p = commands.add_parser(
        "restore",
        parents=[common],
        help="replace the SQLite database's content with a backup (asks for --yes)",
        description="Checks FILE, keeps a copy of the current database in the backup folder, then restores "
        "FILE into the database. PostgreSQL: use pg_restore.",
    )
    p.add_argument("file", metavar="FILE", help="an hqdesk backup (a SQLite file)")
    p.add_argument("--yes", action="store_true", help="yes, replace the database's content")
    p.set_defaults(handler=cmd_restore)
