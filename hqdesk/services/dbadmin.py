"""Database administration for ``hqdesk-admin``: schema status, PostgreSQL roles and logins.

PostgreSQL least privilege. hqdesk's four roles become NOLOGIN group roles; each person connects with a
personal LOGIN role of the same name as their hqdesk user, a member of the group of that user's role. What a
group may change is generated from the app's own rules (``hqdesk.persistence.pg_rights``): table and column
privileges plus row-level security policies, so an account manager's login writes only that manager's own
franchisees (and their contacts, anniversaries, stores and status changes), with any client. An archived
franchisee and its rows are read only for every group (only un-archiving, by administrators); "last changed
by" is stamped by the server from the personal login (migration 0007, ``pg_rights.attach_stamps``).

Everybody may SELECT every table except the password hashes (``users.password_hash``: sign-in reads the own
hash through a SECURITY DEFINER function). Nobody gets INSERT/UPDATE/DELETE on audit_log (nor TRUNCATE
anywhere): the trail is written by the SECURITY DEFINER trigger ``hqdesk_audit()`` from the migrations.
Tables the rules do not name (added by later releases before their rules) are written by hqdesk_admin only.

``apply_privileges`` first revokes every privilege the groups hold in the schema and then grants the
rules, in one transaction, so running it again (``db create-roles`` twice, or after an upgrade added tables)
always ends in exactly this state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, func, select, text
from sqlalchemy.engine import make_url

from hqdesk.domain.roles import Role
from hqdesk.persistence.database import Database
from hqdesk.persistence.engine import build_engine, sqlite_path
from hqdesk.persistence.migrate import current_revision, script_revisions
from hqdesk.persistence.models import Franchisee, User
from hqdesk.persistence.pg_rights import GROUP_ROLES, NOBODY_WRITES, RULES_BY_TABLE, apply_rights
from hqdesk.services.errors import (  # moved there; importable from here
    AdminFailed,
    AdminRefused,
    LoginRoleMismatch,
    LoginUserInactive,
    LoginWithoutUser,
)

ACCOUNT_MANAGER_TABLES = (
    "franchisees",
    "contacts",
    "contact_anniversaries",
    "stores",
    "franchisee_status_changes",
)
"""The tables an account manager's login may write (rows of their own franchisees only)."""
CREDIT_MANAGER_TABLES: tuple[str, ...] = ()
LOGIN_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


# ----- schema status ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SchemaStatus:
    """The database's schema revision compared with this app's migrations.

    ``state``: "empty" (no schema yet), "head" (up to date), "older" (``db upgrade`` brings it up to date)
    or "newer" (written by a newer hqdesk: this app refuses it).
    """

    revision: str | None
    heads: tuple[str, ...]
    state: str


def schema_status(url: str) -> SchemaStatus:
    """Read the revision WITHOUT changing anything (a missing SQLite file is not created)."""
    known, heads = script_revisions()
    path = sqlite_path(make_url(url)) if url.startswith("sqlite") else None
    revision = None
    if path is None or path.exists():
        db = Database(build_engine(url))
        try:
            revision = current_revision(db.engine)
        finally:
            db.close()
    if revision is None:
        state = "empty"
    elif any(r not in known for r in revision.split(",")):
        state = "newer"
    elif set(revision.split(",")) == heads:
        state = "head"
    else:
        state = "older"
    return SchemaStatus(revision, tuple(sorted(heads)), state)


def franchisee_count(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Franchisee)) or 0


# ----- PostgreSQL roles ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleSetup:
    created: tuple[str, ...]  # group roles created now
    existing: tuple[str, ...]  # group roles that were there already
    tables: int  # tables whose privileges were set
    database: str


def _require_postgresql(db: Database, what: str) -> None:
    if db.dialect != "postgresql":
        raise AdminRefused(
            "{what} needs a PostgreSQL database; a SQLite file has no database roles (protect the file "
            "with the operating system's file permissions instead).",
            what=what,
        )


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def _role_exists(conn: Connection, name: str) -> bool:
    return bool(conn.execute(text("select 1 from pg_roles where rolname = :n"), {"n": name}).scalar())


def groups_exist(db: Database) -> bool:
    """True when this PostgreSQL server has all of hqdesk's group roles."""
    if db.dialect != "postgresql":
        return False
    with db.engine.connect() as conn:
        return all(_role_exists(conn, name) for name in GROUP_ROLES.values())


def create_roles(db: Database) -> RoleSetup:
    """Create the NOLOGIN group roles (those missing) and set their privileges; idempotent.

    Run as the owner of the database's tables (with CREATEROLE) or as a superuser.
    """
    _require_postgresql(db, "create-roles")
    created, existing = [], []
    with db.engine.begin() as conn:
        for name in GROUP_ROLES.values():
            if _role_exists(conn, name):
                existing.append(name)
                conn.exec_driver_sql(f"ALTER ROLE {_quote(conn, name)} NOLOGIN")
            else:
                created.append(name)
                conn.exec_driver_sql(f"CREATE ROLE {_quote(conn, name)} NOLOGIN")
        tables, database = _apply(conn)
    return RoleSetup(tuple(created), tuple(existing), tables, database)


def apply_privileges(db: Database) -> int:
    """Bring the groups' privileges to the matrix of this module (after an upgrade added tables)."""
    _require_postgresql(db, "Setting privileges")
    with db.engine.begin() as conn:
        return _apply(conn)[0]


def _apply(conn: Connection) -> tuple[int, str]:
    q = _quote
    schema = conn.execute(text("select current_schema()")).scalar_one()
    database = conn.execute(text("select current_database()")).scalar_one()
    tables = list(
        conn.execute(
            text("select tablename from pg_tables where schemaname = :s order by tablename"), {"s": schema}
        ).scalars()
    )
    # the sequences behind serial/identity columns, by table
    sequences: dict[str, list[str]] = {}
    for seq, table in conn.execute(
        text(
            "select s.relname, t.relname from pg_class s "
            "join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i') "
            "join pg_class t on t.oid = d.refobjid "
            "join pg_namespace n on n.oid = s.relnamespace "
            "where s.relkind = 'S' and n.nspname = :s"
        ),
        {"s": schema},
    ):
        sequences.setdefault(table, []).append(seq)
    groups = ", ".join(q(conn, g) for g in GROUP_ROLES.values())
    s = q(conn, schema)
    run = conn.exec_driver_sql

    run(f"GRANT CONNECT ON DATABASE {q(conn, database)} TO {groups}")
    run(f"GRANT USAGE ON SCHEMA {s} TO {groups}")
    # PostgreSQL before 15 let every role create tables in "public"; hqdesk's logins never need to.
    if conn.execute(text("select has_schema_privilege('public', :s, 'CREATE')"), {"s": schema}).scalar():
        run(f"REVOKE CREATE ON SCHEMA {s} FROM PUBLIC")
    run(f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {groups}")
    run(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM {groups}")
    if tables:
        run(f"GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {groups}")
    # tables a later migration creates are readable at once; their write rights come with the next
    # ``db upgrade`` (which calls apply_privileges when the groups exist) or ``db create-roles``
    run(f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT ON TABLES TO {groups}")

    # the tables the rules name: privileges and row-level security generated from them
    inserts = apply_rights(conn, schema, tables)
    # tables the rules do not name yet (a later release's new table): the administrators write them
    unruled = [t for t in tables if t not in NOBODY_WRITES and t not in RULES_BY_TABLE]
    writers = {
        Role.ADMIN: unruled,
        Role.ACCOUNT_MANAGER: [],
        Role.CREDIT_MANAGER: [t for t in CREDIT_MANAGER_TABLES if t in unruled],
        Role.VIEWER: [],
    }
    for role, writable in writers.items():
        group = q(conn, GROUP_ROLES[role])
        if writable:
            names = ", ".join(f"{s}.{q(conn, t)}" for t in writable)
            run(f"GRANT INSERT, UPDATE, DELETE ON {names} TO {group}")
        seqs = [
            f"{s}.{q(conn, seq)}"
            for t in sorted(set(writable) | inserts[role])
            for seq in sequences.get(t, [])
        ]
        if seqs:
            run(f"GRANT USAGE ON SEQUENCE {', '.join(seqs)} TO {group}")
    return len(tables), database


def create_login(db: Database, name: str, role: Role, password: str | None) -> None:
    """A LOGIN role ``name`` in ``role``'s group, tied to the hqdesk user ``name``, who must exist, be active
    and have ``role`` (refused otherwise, nothing created). The password is sent as a SCRAM verifier
    computed here (libpq's PQencryptPasswordConn), so the plain password never reaches the server or its
    logs."""
    _require_postgresql(db, "create-login")
    if not LOGIN_NAME.match(name) or name.startswith("pg_") or name in GROUP_ROLES.values():
        raise AdminRefused(
            "The login name {name} is not allowed: use 1 to 63 lower-case letters, digits and '_', starting "
            "with a letter or '_' (not pg_..., not an hqdesk group name).",
            name=name,
        )
    group = GROUP_ROLES[Role(role)]
    with db.engine.begin() as conn:
        user = conn.execute(select(User.role, User.active).where(User.username == name)).first()
        if user is None:
            raise LoginWithoutUser(name=name, role=Role(role).value)
        if user.role != Role(role).value:
            raise LoginRoleMismatch(name=name, user_role=user.role, role=Role(role).value)
        if not user.active:
            raise LoginUserInactive(name=name)
        if not _role_exists(conn, group):
            raise AdminFailed(
                "The group role {group} does not exist: run hqdesk-admin db create-roles first.", group=group
            )
        if _role_exists(conn, name):
            raise AdminRefused("The role {name} already exists; nothing was changed.", name=name)
        statement = f"CREATE ROLE {_quote(conn, name)} LOGIN INHERIT IN ROLE {_quote(conn, group)}"
        if password is not None:
            pgconn = conn.connection.driver_connection.pgconn
            try:
                verifier = pgconn.encrypt_password(password.encode(), name.encode()).decode("ascii")
            except Exception as exc:  # libpq's error, e.g. an unknown password_encryption setting
                raise AdminFailed(
                    "The password could not be encrypted for the server: {detail}",
                    detail=str(exc).strip() or type(exc).__name__,
                ) from None
            if "'" in verifier or "\\" in verifier:  # pragma: no cover - SCRAM/MD5 text never holds these
                raise AdminFailed("The password verifier has unexpected characters.")
            statement += f" PASSWORD '{verifier}'"
        conn.exec_driver_sql(statement)


__all__ = [
    "GROUP_ROLES",
    "ACCOUNT_MANAGER_TABLES",
    "CREDIT_MANAGER_TABLES",
    "NOBODY_WRITES",
    "SchemaStatus",
    "schema_status",
    "franchisee_count",
    "RoleSetup",
    "create_roles",
    "apply_privileges",
    "groups_exist",
    "create_login",
    "AdminRefused",
    "AdminFailed",
    "LoginWithoutUser",
    "LoginRoleMismatch",
    "LoginUserInactive",
]
