"""What each hqdesk role may change on PostgreSQL, generated from the app's own rules.

One definition: ``TABLE_RULES`` says, per table, which ``Action`` of ``hqdesk.domain.roles`` an INSERT, UPDATE
or DELETE is, how a row finds the franchisee it belongs to, and which columns need an action of their own.
The scope each group gets (none, its own franchisees', any row) is not written here: ``scope()`` asks
``Actor.can`` for it, the same rule the services check. ``statements()`` turns that into table and column
privileges and row-level security policies; ``tests/persistence/test_pg_rights_matrix.py`` walks the
matrix through the services and through each group's own login and expects the same answers.

How a login maps to a user: a personal login is a LOGIN role in one hqdesk group; its name is the
hqdesk user's name (``db create-login`` refuses any other). The policies key on ``session_user`` mapped to
``users`` (never on ``app.hq_user``, which any session may set). The owner of the tables (setup, a one-person
office) is not bound: RLS is enabled but not forced, so the owner works as before.

The functions the policies call pin ``search_path`` (a session could otherwise shadow ``users`` with a
temporary table of its own) and name the schema.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session

from hqdesk.domain.roles import Action, Actor, Role

log = logging.getLogger(__name__)

GROUP_ROLES: dict[Role, str] = {
    Role.ADMIN: "hqdesk_admin",
    Role.CREDIT_MANAGER: "hqdesk_credit_manager",
    Role.ACCOUNT_MANAGER: "hqdesk_account_manager",
    Role.VIEWER: "hqdesk_viewer",
}
NOBODY_WRITES = ("audit_log", "alembic_version")
SECRET_COLUMNS = {"users": ("password_hash",)}
"""Columns no group may read (sign-in reads the own hash through ``hqdesk_password_hash``)."""
POLICY_PREFIX = "hqdesk_"


class Scope(StrEnum):
    NONE = "none"
    OWN = "own"  # rows of the franchisees the user is account manager of
    ANY = "any"


def scope(role: Role, action: Action | None) -> Scope:
    """The rows ``role`` may take ``action`` on, asked of ``Actor.can`` (the services' rule)."""
    if action is None:
        return Scope.NONE
    probe = Actor(user_id=1, username="probe", display_name="probe", role=role)
    if probe.can(action):
        return Scope.ANY
    if probe.can(action, owner_id=1):
        return Scope.OWN
    return Scope.NONE


@dataclass(frozen=True)
class ColumnRule:
    """A column that needs an action of its own (reassigning, archiving); ``insert_as`` is the value
    a role without that action must give it on insert (SQL, ``{me}`` is the user's id)."""

    column: str
    action: Action
    insert_as: str


@dataclass(frozen=True)
class TableRule:
    table: str
    insert: Action | None
    update: Action | None
    delete: Action | None
    owner: str | None  # SQL: "this row belongs to one of my franchisees" ({me}, {s} = schema)
    columns: tuple[ColumnRule, ...] = ()
    # every user may update these columns of their own row (the users table: one's own password)
    self_service: tuple[str, ...] = ()
    self_row: str | None = None  # SQL: "this row is me"

    def action(self, operation: str) -> Action | None:
        return {"INSERT": self.insert, "UPDATE": self.update, "DELETE": self.delete}[operation]


_MINE = "{s}.hqdesk_owns_franchisee({column})"
TABLE_RULES: tuple[TableRule, ...] = (
    TableRule(
        "franchisees",
        insert=Action.CREATE_FRANCHISEE,
        update=Action.EDIT_FRANCHISEE,
        delete=None,  # the app archives; it never deletes a franchisee (a delete would cascade)
        owner="account_manager_id = {me}",
        columns=(
            ColumnRule("account_manager_id", Action.ASSIGN_ACCOUNT_MANAGER, "account_manager_id = {me}"),
            ColumnRule("archived", Action.ARCHIVE_FRANCHISEE, "NOT archived"),
            ColumnRule("status", Action.CHANGE_STATUS, "true"),
            ColumnRule("status_changed_on", Action.CHANGE_STATUS, "true"),
        ),
    ),
    TableRule(
        "contacts",
        Action.EDIT_FRANCHISEE,
        Action.EDIT_FRANCHISEE,
        Action.EDIT_FRANCHISEE,
        _MINE.format(s="{s}", column="franchisee_id"),
    ),
    TableRule(
        "contact_anniversaries",
        Action.EDIT_FRANCHISEE,
        Action.EDIT_FRANCHISEE,
        Action.EDIT_FRANCHISEE,
        "{s}.hqdesk_owns_contact(contact_id)",
    ),
    TableRule(
        "stores",
        Action.EDIT_FRANCHISEE,
        Action.EDIT_FRANCHISEE,
        Action.EDIT_FRANCHISEE,
        _MINE.format(s="{s}", column="franchisee_id"),
    ),
    # append-only: a status change is recorded, never edited or removed
    TableRule(
        "franchisee_status_changes",
        Action.CHANGE_STATUS,
        None,
        None,
        _MINE.format(s="{s}", column="franchisee_id"),
    ),
    TableRule("tiers", Action.CONFIGURE_TIERS, Action.CONFIGURE_TIERS, Action.CONFIGURE_TIERS, None),
    TableRule("company_profile", None, Action.EDIT_COMPANY_SETTINGS, None, None),  # one row, id 1
    TableRule(
        "users",
        Action.MANAGE_USERS,
        Action.MANAGE_USERS,
        None,  # accounts are deactivated, never deleted (the trail names them)
        None,
        self_service=("password_hash", "version", "updated_at", "updated_by"),
        self_row="id = {me}",
    ),
)
_CREDIT_TABLES: tuple[TableRule, ...] = (
    # credit and receivables: written by credit managers and administrators; account managers propose
    TableRule("company_settings", *(Action.EDIT_COMPANY_SETTINGS,) * 3, None),
    TableRule("credit_policy", None, Action.CONFIGURE_CREDIT_POLICY, None, None),  # one row, id 1
    TableRule("collection_policies", *(Action.CONFIGURE_CREDIT_POLICY,) * 3, None),
    TableRule("dunning_levels", *(Action.CONFIGURE_CREDIT_POLICY,) * 3, None),
    TableRule("credit_profiles", Action.EDIT_CREDIT_PROFILE, Action.EDIT_CREDIT_PROFILE, None, None),
    # append-only trails
    TableRule("credit_profile_changes", Action.EDIT_CREDIT_PROFILE, None, None, None),
    TableRule("credit_check_overrides", Action.OVERRIDE_CREDIT_BLOCK, None, None, None),
    TableRule(
        "credit_proposals",
        Action.PROPOSE_CREDIT_CHANGE,
        Action.DECIDE_CREDIT_PROPOSAL,
        None,
        _MINE.format(s="{s}", column="franchisee_id"),
    ),
    TableRule("ledger_documents", *(Action.RECORD_LEDGER,) * 3, None),
    TableRule("allocations", *(Action.RECORD_LEDGER,) * 3, None),
    TableRule(
        "dunning_tasks",
        Action.RUN_DUNNING,
        Action.WORK_DUNNING,
        Action.RUN_DUNNING,
        _MINE.format(s="{s}", column="franchisee_id"),
    ),
)
TABLE_RULES = TABLE_RULES + _CREDIT_TABLES
RULES_BY_TABLE = {r.table: r for r in TABLE_RULES}
OPERATIONS = ("INSERT", "UPDATE", "DELETE")


@dataclass
class Plan:
    """Privileges and policies for one table and one group."""

    select_columns: tuple[str, ...] | None = None  # None: the whole table
    write: dict[str, tuple[str, ...] | None] = field(default_factory=dict)  # op -> columns (None: all)
    policies: list[str] = field(default_factory=list)


def plan(rule: TableRule, role: Role, columns: list[str], schema: str) -> Plan:
    """What ``role``'s group gets on ``rule.table`` (``columns``: the table's columns as they are)."""
    me = f"{schema}.hqdesk_user_id()"
    group = GROUP_ROLES[role]
    secret = SECRET_COLUMNS.get(rule.table, ())
    out = Plan(select_columns=tuple(c for c in columns if c not in secret) if secret else None)
    name = f"{POLICY_PREFIX}{role.value}"

    def sql(template: str | None) -> str:
        return (template or "true").format(me=me, s=schema)

    for op in OPERATIONS:
        reach = scope(role, rule.action(op))
        if reach is Scope.NONE:
            continue
        own = sql(rule.owner) if reach is Scope.OWN else "true"
        if reach is Scope.OWN and rule.owner is None:
            raise ValueError(f"{rule.table}: {op} for own rows needs an owner expression")
        allowed = None
        checks = [own]
        if op == "UPDATE":
            denied = set()
            for c in rule.columns:
                col_reach = scope(role, c.action)
                if col_reach is Scope.NONE:
                    denied.add(c.column)
                elif col_reach is Scope.OWN and reach is Scope.ANY:
                    raise ValueError(f"{rule.table}.{c.column}: own-rows column rules are not supported")
            allowed = tuple(c for c in columns if c not in denied) if denied else None
        if op == "INSERT":
            checks += [sql(c.insert_as) for c in rule.columns if scope(role, c.action) is Scope.NONE]
        out.write[op] = allowed
        check = " AND ".join(f"({c})" for c in checks)
        if op == "INSERT":
            out.policies.append(
                f"CREATE POLICY {name}_insert ON {schema}.{rule.table} FOR INSERT TO {group} WITH CHECK ({check})"
            )
        elif op == "UPDATE":
            out.policies.append(
                f"CREATE POLICY {name}_update ON {schema}.{rule.table} FOR UPDATE TO {group} "
                f"USING ({own}) WITH CHECK ({check})"
            )
        else:
            out.policies.append(
                f"CREATE POLICY {name}_delete ON {schema}.{rule.table} FOR DELETE TO {group} USING ({own})"
            )
    if rule.self_service and "UPDATE" not in out.write:
        out.write["UPDATE"] = tuple(c for c in rule.self_service if c in columns)
        row = sql(rule.self_row)
        out.policies.append(
            f"CREATE POLICY {name}_self ON {schema}.{rule.table} FOR UPDATE TO {group} USING ({row}) WITH CHECK ({row})"
        )
    return out


def functions_sql(schema: str) -> list[str]:
    """The helper functions the policies and the app call (created by the table owner)."""
    s = schema
    groups = ", ".join(f"'{g}'" for g in GROUP_ROLES.values())
    cases = " ".join(f"WHEN '{r.value}' THEN '{g}'" for r, g in GROUP_ROLES.items())
    pin = f"SET search_path = {s}, pg_catalog, pg_temp"
    return [
        # the hqdesk user this login is (NULL for an unknown or disabled user)
        f"CREATE OR REPLACE FUNCTION {s}.hqdesk_user_id() RETURNS integer LANGUAGE sql STABLE {pin} AS $$"
        f" SELECT id FROM {s}.users WHERE username = session_user AND active $$",
        f"CREATE OR REPLACE FUNCTION {s}.hqdesk_owns_franchisee(fid integer) RETURNS boolean LANGUAGE sql "
        f"STABLE SECURITY DEFINER {pin} AS $$ SELECT EXISTS (SELECT 1 FROM {s}.franchisees "
        f"WHERE id = fid AND account_manager_id = {s}.hqdesk_user_id()) $$",
        f"CREATE OR REPLACE FUNCTION {s}.hqdesk_owns_contact(cid integer) RETURNS boolean LANGUAGE sql "
        f"STABLE SECURITY DEFINER {pin} AS $$ SELECT EXISTS (SELECT 1 FROM {s}.contacts c "
        f"JOIN {s}.franchisees f ON f.id = c.franchisee_id "
        f"WHERE c.id = cid AND f.account_manager_id = {s}.hqdesk_user_id()) $$",
        # sign-in on a personal login: the hash of that login's own user, and nobody else's
        f"CREATE OR REPLACE FUNCTION {s}.hqdesk_password_hash(p_username text) RETURNS text LANGUAGE sql "
        f"STABLE SECURITY DEFINER {pin} AS $$ SELECT password_hash FROM {s}.users "
        f"WHERE username = p_username AND p_username = session_user AND active $$",
        # a user's role change or deactivation follows to the login of the same name (only an hqdesk
        # login: a member of one of the groups, not a superuser, not the owner)
        f"""CREATE OR REPLACE FUNCTION {s}.hqdesk_sync_login(p_username text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER {pin} AS $$
DECLARE
  groups text[] := ARRAY[{groups}];
  g text; target text; u record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_username AND NOT rolsuper)
     OR p_username = (SELECT tableowner FROM pg_tables WHERE schemaname = '{s}' AND tablename = 'users')
     OR NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles gr ON gr.oid = m.roleid
                    JOIN pg_roles r ON r.oid = m.member
                    WHERE r.rolname = p_username AND gr.rolname = ANY (groups)) THEN
    RETURN NULL;
  END IF;
  SELECT role, active INTO u FROM {s}.users WHERE username = p_username;
  IF NOT FOUND THEN
    EXECUTE format('ALTER ROLE %I NOLOGIN', p_username);
    RETURN 'nologin';
  END IF;
  target := CASE u.role {cases} END;
  FOREACH g IN ARRAY groups LOOP
    IF g <> target AND EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles gr ON gr.oid = m.roleid
                               JOIN pg_roles r ON r.oid = m.member
                               WHERE r.rolname = p_username AND gr.rolname = g) THEN
      EXECUTE format('REVOKE %I FROM %I', g, p_username);
    END IF;
  END LOOP;
  IF NOT pg_has_role(p_username, target, 'MEMBER') THEN
    EXECUTE format('GRANT %I TO %I', target, p_username);
  END IF;
  EXECUTE format('ALTER ROLE %I %s', p_username, CASE WHEN u.active THEN 'LOGIN' ELSE 'NOLOGIN' END);
  RETURN target || CASE WHEN u.active THEN '' ELSE ' nologin' END;
END
$$""",
    ]


def _q(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def apply_rights(conn: Connection, schema: str, tables: list[str]) -> dict[Role, set[str]]:
    """Functions, RLS and the ruled tables' privileges and policies; idempotent (old policies are dropped).

    Run by the owner inside ``dbadmin``'s transaction, after every group's table privileges were revoked.
    Returns, per role, the ruled tables it may insert into (their id sequences need USAGE).
    """
    inserts: dict[Role, set[str]] = {role: set() for role in GROUP_ROLES}
    run = conn.exec_driver_sql
    q = _q(conn, schema)
    for statement in functions_sql(q):
        run(statement.replace("%", "%%"))  # the driver's placeholders: format('%I') is literal here
    groups = ", ".join(_q(conn, g) for g in GROUP_ROLES.values())
    for fn in (
        "hqdesk_password_hash(text)",
        "hqdesk_user_id()",
        "hqdesk_owns_franchisee(integer)",
        "hqdesk_owns_contact(integer)",
    ):
        run(f"REVOKE ALL ON FUNCTION {q}.{fn} FROM PUBLIC")
        run(f"GRANT EXECUTE ON FUNCTION {q}.{fn} TO {groups}")
    run(f"REVOKE ALL ON FUNCTION {q}.hqdesk_sync_login(text) FROM PUBLIC")
    run(f"GRANT EXECUTE ON FUNCTION {q}.hqdesk_sync_login(text) TO {_q(conn, GROUP_ROLES[Role.ADMIN])}")

    for rule in TABLE_RULES:
        if rule.table not in tables:
            continue
        table = f"{q}.{_q(conn, rule.table)}"
        columns = list(
            conn.execute(
                text(
                    "select column_name from information_schema.columns where table_schema = :s "
                    "and table_name = :t order by ordinal_position"
                ),
                {"s": schema, "t": rule.table},
            ).scalars()
        )
        for (name,) in conn.execute(
            text("select policyname from pg_policies where schemaname = :s and tablename = :t"),
            {"s": schema, "t": rule.table},
        ):
            if name.startswith(POLICY_PREFIX):
                run(f"DROP POLICY {_q(conn, name)} ON {table}")
        run(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")  # not FORCE: the owner keeps working
        run(f"CREATE POLICY {POLICY_PREFIX}read ON {table} FOR SELECT TO {groups} USING (true)")
        for role, group in GROUP_ROLES.items():
            p = plan(rule, role, columns, q)
            g = _q(conn, group)
            if "INSERT" in p.write:
                inserts[role].add(rule.table)
            if p.select_columns is None:
                run(f"GRANT SELECT ON {table} TO {g}")
            else:
                run(f"REVOKE SELECT ON {table} FROM {g}")
                run(f"GRANT SELECT ({', '.join(_q(conn, c) for c in p.select_columns)}) ON {table} TO {g}")
            for op, cols in p.write.items():
                if cols is None or op != "UPDATE":
                    run(f"GRANT {op} ON {table} TO {g}")
                else:
                    run(f"GRANT UPDATE ({', '.join(_q(conn, c) for c in cols)}) ON {table} TO {g}")
            for policy in p.policies:
                run(policy)
    return inserts


# ----- the login the connection is bound to ----------------------------------------------------------------

BOUND_LOGIN_SQL = """
select session_user::text
where not (select rolsuper from pg_roles where rolname = session_user)
  and not pg_has_role(session_user,
        (select tableowner from pg_tables where schemaname = current_schema() and tablename = 'users'),
        'MEMBER')
  and exists (select 1 from pg_roles g where g.rolname = any(:groups)
              and pg_has_role(session_user, g.oid, 'MEMBER'))
"""


def bound_login(session: Session | Connection) -> str | None:
    """The hqdesk user name this PostgreSQL connection is bound to (a personal login in an hqdesk group);
    None when it is not bound: SQLite, the tables' owner, a superuser."""
    bind = session.get_bind() if isinstance(session, Session) else session
    if bind.dialect.name != "postgresql":
        return None
    return session.execute(text(BOUND_LOGIN_SQL), {"groups": list(GROUP_ROLES.values())}).scalar()


def password_hash_of_login(session: Session, username: str) -> str | None:
    """The password hash of the bound login's own user (through the SECURITY DEFINER function)."""
    return session.execute(text("select hqdesk_password_hash(:u)"), {"u": username}).scalar()


def sync_login(session: Session, username: str) -> str | None:
    """Make the login named ``username`` follow its user's role and state, when this database has the
    function and the session may run it (the owner, an administrator's login); else leave it (None)."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    may = session.execute(
        text(
            "select to_regprocedure('hqdesk_sync_login(text)') is not null "
            "and has_function_privilege('hqdesk_sync_login(text)', 'EXECUTE')"
        )
    ).scalar()
    if not may:
        log.info("the login %s was not updated: no hqdesk_sync_login or no right to run it", username)
        return None
    return session.execute(text("select hqdesk_sync_login(:u)"), {"u": username}).scalar()


# ----- refusals by the server -------------------------------------------------------------------------------


def install_refusal_mapping(engine) -> None:
    """The server's "permission denied" / "violates row-level security policy" reaches the services as
    ``RightsRefused`` (said in words, exit code 2), not as a driver error."""
    from hqdesk.persistence.engine import WRITE_OPTION
    from hqdesk.persistence.errors import RightsRefused

    @event.listens_for(engine, "handle_error")
    def _refused(ctx) -> None:
        orig = ctx.original_exception
        context = ctx.execution_context
        writing = context is not None and context.execution_options.get(WRITE_OPTION)
        if (
            writing and getattr(orig, "sqlstate", None) == "42501"
        ):  # insufficient_privilege (RLS check failures too)
            log.warning("the database refused a statement: %s", str(orig).strip().splitlines()[0])
            raise RightsRefused() from ctx.sqlalchemy_exception


__all__ = [
    "GROUP_ROLES",
    "NOBODY_WRITES",
    "Scope",
    "scope",
    "TableRule",
    "ColumnRule",
    "TABLE_RULES",
    "RULES_BY_TABLE",
    "plan",
    "apply_rights",
    "bound_login",
    "password_hash_of_login",
    "sync_login",
    "install_refusal_mapping",
]
