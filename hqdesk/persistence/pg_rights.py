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

Archived franchisees are read only on the server too. A rule that names the franchisee its rows belong to
(``franchisee=``: the SQL giving the franchisee's id) gets ``hqdesk_franchisee_writable(id)`` in every write
policy of every group, administrators included: nobody's login inserts, changes or deletes a row of an
archived franchisee. The franchisees table itself names its archive flag (``archive_column``): a row
that is and stays archived cannot be changed; un-archiving it is the one change allowed, to those whose
group may write that column (``ColumnRule(... ARCHIVE_FRANCHISEE ...)``: administrators).

Rights for a new table keyed by ``franchisee_id`` (visits, complaints, credit profiles, ledger documents)
are one line; the owner expression ("one of my franchisees") and the archived check come from
``franchisee``::

    TableRule("visits", Action.LOG_VISIT, Action.LOG_VISIT, Action.LOG_VISIT, franchisee="franchisee_id")

A table only credit managers and administrators write takes an action that ``_ANY`` gives to those two
roles alone (no ``_OWN`` entry): ``plan()`` then gives both groups every row (still never an archived
franchisee's) and the other groups nothing but SELECT::

    TableRule("credit_profiles", Action.EDIT_CREDIT, Action.EDIT_CREDIT, None, franchisee="franchisee_id")

``db upgrade`` (when the groups exist) and ``db create-roles`` apply the rules; a table without a rule is
written by administrators only.

Who last changed a row cannot be forged either: the ``hqdesk_stamp_updated_by`` trigger (migration 0007,
attached to every table with an ``updated_by`` column by ``db upgrade``/``create-roles`` too) overwrites
``updated_by`` with the personal login's user name; the owner's connection keeps the app's value.
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
    # SQL: "this row belongs to one of my franchisees" ({me}, {s} = schema); by default from ``franchisee``
    owner: str | None = None
    columns: tuple[ColumnRule, ...] = ()
    # every user may update these columns of their own row (the users table: one's own password)
    self_service: tuple[str, ...] = ()
    self_row: str | None = None  # SQL: "this row is me"
    # SQL: the id of the franchisee this row belongs to ({s} = schema). Its rows are read only while that
    # franchisee is archived, for every group; "one of my franchisees" follows from it unless ``owner`` says.
    franchisee: str | None = None
    # the franchisees table's own archive flag: an archived row may only be un-archived (by the groups that
    # may write this column); None elsewhere
    archive_column: str | None = None

    def action(self, operation: str) -> Action | None:
        return {"INSERT": self.insert, "UPDATE": self.update, "DELETE": self.delete}[operation]

    @property
    def owner_sql(self) -> str | None:
        if self.owner is not None:
            return self.owner
        if self.franchisee is not None:
            return "{s}.hqdesk_owns_franchisee(" + self.franchisee + ")"
        return None

    @property
    def writable_sql(self) -> str | None:
        """SQL: "the franchisee of this row is not archived" (None: the table has no franchisee)."""
        if self.franchisee is None:
            return None
        return "{s}.hqdesk_franchisee_writable(" + self.franchisee + ")"


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
        franchisee="id",
        archive_column="archived",
    ),
    TableRule(
        "contacts",
        Action.EDIT_FRANCHISEE,
        Action.EDIT_FRANCHISEE,
        Action.EDIT_FRANCHISEE,
        franchisee="franchisee_id",
    ),
    TableRule(
        "contact_anniversaries",
        Action.EDIT_FRANCHISEE,
        Action.EDIT_FRANCHISEE,
        Action.EDIT_FRANCHISEE,
        franchisee="{s}.hqdesk_contact_franchisee(contact_id)",
    ),
    TableRule(
        "stores",
        Action.EDIT_FRANCHISEE,
        Action.EDIT_FRANCHISEE,
        Action.EDIT_FRANCHISEE,
        franchisee="franchisee_id",
    ),
    # append-only: a status change is recorded, never edited or removed
    TableRule("franchisee_status_changes", Action.CHANGE_STATUS, None, None, franchisee="franchisee_id"),
    TableRule("tiers", Action.CONFIGURE_TIERS, Action.CONFIGURE_TIERS, Action.CONFIGURE_TIERS),
    TableRule("company_profile", None, Action.EDIT_COMPANY_SETTINGS, None),  # one row, id 1
    TableRule(
        "users",
        Action.MANAGE_USERS,
        Action.MANAGE_USERS,
        None,  # accounts are deactivated, never deleted (the trail names them)
        self_service=("password_hash", "version", "updated_at", "updated_by"),
        self_row="id = {me}",
    ),
    TableRule(
        "visit_cadences",
        Action.CONFIGURE_VISIT_CADENCES,
        Action.CONFIGURE_VISIT_CADENCES,
        Action.CONFIGURE_VISIT_CADENCES,
        None,
    ),
    TableRule(
        "visit_overrides",
        Action.PLAN_VISITS,
        Action.PLAN_VISITS,
        Action.PLAN_VISITS,
        franchisee="franchisee_id",
    ),
    TableRule(
        "visits",
        Action.LOG_VISIT,
        Action.LOG_VISIT,
        Action.LOG_VISIT,
        franchisee="franchisee_id",
    ),
    TableRule(
        "visit_suggestions",
        Action.LOG_VISIT,
        Action.LOG_VISIT,
        Action.LOG_VISIT,
        franchisee="franchisee_id",
    ),
    # derived (the latest visit of each franchisee): written with the visits, by whoever may log them
    TableRule(
        "visit_summaries",
        Action.LOG_VISIT,
        Action.LOG_VISIT,
        Action.LOG_VISIT,
        franchisee="franchisee_id",
    ),
    # complaints: anyone who may log one inserts; the assignee (or, for an unassigned new complaint, whoever
    # takes it for themselves) and administrators update; nothing is deleted. The transitions themselves are
    # checked by the service (a row policy cannot see the old status).
    TableRule(
        "complaints",
        Action.LOG_COMPLAINT,
        Action.HANDLE_COMPLAINT,
        None,
        "(assignee_id = {me} OR (assignee_id IS NULL AND status = 'new'))",
    ),
    # the timeline is append-only (a trigger refuses updates even to the owner's tools)
    TableRule("complaint_events", Action.LOG_COMPLAINT, None, None, None),
    TableRule(
        "complaint_categories", Action.CONFIGURE_COMPLAINTS, Action.CONFIGURE_COMPLAINTS, None, None
    ),  # a category is deactivated, never deleted
    TableRule("complaint_sla", Action.CONFIGURE_COMPLAINTS, Action.CONFIGURE_COMPLAINTS, None, None),
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
        owner="{s}.hqdesk_owns_franchisee(franchisee_id)",  # archived franchisees: still collected
    ),
    TableRule("ledger_documents", *(Action.RECORD_LEDGER,) * 3, None),
    TableRule("allocations", *(Action.RECORD_LEDGER,) * 3, None),
    TableRule(
        "dunning_tasks",
        Action.RUN_DUNNING,
        Action.WORK_DUNNING,
        Action.RUN_DUNNING,
        owner="{s}.hqdesk_owns_franchisee(franchisee_id)",  # archived franchisees: still collected
    ),
)
TABLE_RULES = TABLE_RULES + _CREDIT_TABLES
# the analytics' summaries of the ledger: written with the ledger, in the same transaction
TABLE_RULES = TABLE_RULES + (
    TableRule("ledger_months", *(Action.RECORD_LEDGER,) * 3, None),
    TableRule("receivable_moves", *(Action.RECORD_LEDGER,) * 3, None),
    TableRule("receivable_open", *(Action.RECORD_LEDGER,) * 3, None),
)
TABLE_RULES = TABLE_RULES + (
    # letters: templates are shared and edited by administrators; the history is append-only, written by
    # whoever may write to the franchisee (archived franchisees still get statements and dunning letters)
    TableRule("letter_templates", *(Action.EDIT_LETTER_TEMPLATES,) * 3, None),
    TableRule(
        "letter_history",
        Action.GENERATE_LETTERS,
        None,
        None,
        owner="{s}.hqdesk_owns_franchisee(franchisee_id)",
    ),
)
TABLE_RULES = TABLE_RULES + (
    # imports: the column mappings saved by name, shared; written by whoever may import, read by everyone
    TableRule("import_mappings", *(Action.IMPORT_FRANCHISEES,) * 3, None),
)
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

    def both(*parts: str) -> str:
        kept = [p for p in parts if p != "true"]
        return " AND ".join(f"({p})" for p in kept) if kept else "true"

    writable = sql(rule.writable_sql)  # "true" for a table without a franchisee
    for op in OPERATIONS:
        reach = scope(role, rule.action(op))
        if reach is Scope.NONE:
            continue
        if reach is Scope.OWN and rule.owner_sql is None:
            raise ValueError(f"{rule.table}: {op} for own rows needs an owner expression")
        own = sql(rule.owner_sql) if reach is Scope.OWN else "true"
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
        if op == "UPDATE" and rule.archive_column is not None:
            # the row as it was (the function reads it: a policy's USING cannot see it once changed) must not
            # be archived, unless this update un-archives it (only groups granted that column can write it)
            checks.append(f"NOT {rule.archive_column} OR {writable}")
            using = own
        else:
            checks.append(writable)
            using = both(own, writable)
        check = both(*checks)
        if op == "INSERT":
            out.policies.append(
                f"CREATE POLICY {name}_insert ON {schema}.{rule.table} FOR INSERT TO {group} WITH CHECK ({check})"
            )
        elif op == "UPDATE":
            out.policies.append(
                f"CREATE POLICY {name}_update ON {schema}.{rule.table} FOR UPDATE TO {group} "
                f"USING ({using}) WITH CHECK ({check})"
            )
        else:
            out.policies.append(
                f"CREATE POLICY {name}_delete ON {schema}.{rule.table} FOR DELETE TO {group} USING ({using})"
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
        # the franchisee a contact belongs to (the anniversaries' owner and archived checks)
        f"CREATE OR REPLACE FUNCTION {s}.hqdesk_contact_franchisee(cid integer) RETURNS integer LANGUAGE sql "
        f"STABLE SECURITY DEFINER {pin} AS $$ SELECT franchisee_id FROM {s}.contacts WHERE id = cid $$",
        # the franchisee's rows may be written: it is not archived. Read as the statement found it (STABLE: the
        # statement's snapshot), so an UPDATE that un-archives it is judged on the row as it was.
        f"CREATE OR REPLACE FUNCTION {s}.hqdesk_franchisee_writable(fid integer) RETURNS boolean LANGUAGE sql "
        f"STABLE SECURITY DEFINER {pin} AS $$ SELECT NOT EXISTS (SELECT 1 FROM {s}.franchisees "
        f"WHERE id = fid AND archived) $$",
        # sign-in on a personal login: the hash of that login's own user, and nobody else's
        f"CREATE OR REPLACE FUNCTION {s}.hqdesk_password_hash(p_username text) RETURNS text LANGUAGE sql "
        f"STABLE SECURITY DEFINER {pin} AS $$ SELECT password_hash FROM {s}.users "
        f"WHERE username = p_username AND p_username = session_user AND active $$",
        # an administrator's password reset follows to the login of the same name (an hqdesk login only, as
        # below); false when there is no such login. The password arrives as a SCRAM verifier, never plain.
        f"""CREATE OR REPLACE FUNCTION {s}.hqdesk_set_login_password(p_username text, p_verifier text)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER {pin} AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_username AND NOT rolsuper)
     OR p_username = (SELECT tableowner FROM pg_tables WHERE schemaname = '{s}' AND tablename = 'users')
     OR NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles gr ON gr.oid = m.roleid
                    JOIN pg_roles r ON r.oid = m.member
                    WHERE r.rolname = p_username AND gr.rolname = ANY (ARRAY[{groups}])) THEN
    RETURN false;
  END IF;
  EXECUTE format('ALTER ROLE %I PASSWORD %L', p_username, p_verifier);
  RETURN true;
END
$$""",
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


STAMP_TRIGGER = "hqdesk_stamp_updated_by"
STAMPED_COLUMNS = {"franchisee_status_changes": "changed_by"}
"""Who wrote a row, where the column is not ``updated_by``."""


def attach_stamps(conn: Connection, schema: str) -> int:
    """Attach the "last changed by" stamp (migration 0007's trigger function) to every table that has the
    column and not the trigger yet: the tables later migrations add. Returns how many were attached."""
    if not conn.execute(text("select to_regprocedure('hqdesk_stamp_updated_by()') is not null")).scalar():
        return 0
    rows = conn.execute(
        text(
            "select c.table_name, c.column_name from information_schema.columns c "
            "join pg_tables t on t.schemaname = c.table_schema and t.tablename = c.table_name "
            "where c.table_schema = :s and c.column_name in ('updated_by', 'changed_by') "
            "and not exists (select 1 from information_schema.triggers g where g.trigger_schema = :s "
            "and g.event_object_table = c.table_name and g.trigger_name = :t)"
        ),
        {"s": schema, "t": STAMP_TRIGGER},
    ).all()
    attached = 0
    for table, column in rows:
        if column != STAMPED_COLUMNS.get(table, "updated_by"):
            continue
        conn.exec_driver_sql(
            f"CREATE TRIGGER {STAMP_TRIGGER} BEFORE INSERT OR UPDATE ON {_q(conn, schema)}.{_q(conn, table)} "
            f"FOR EACH ROW EXECUTE FUNCTION hqdesk_stamp_updated_by('{column}')"
        )
        attached += 1
    return attached


def apply_rights(conn: Connection, schema: str, tables: list[str]) -> dict[Role, set[str]]:
    """Functions, RLS and the ruled tables' privileges and policies; idempotent (old policies are dropped).

    Run by the owner inside ``dbadmin``'s transaction, after every group's table privileges were revoked.
    Returns, per role, the ruled tables it may insert into (their id sequences need USAGE).
    """
    inserts: dict[Role, set[str]] = {role: set() for role in GROUP_ROLES}
    run = conn.exec_driver_sql
    q = _q(conn, schema)
    attach_stamps(conn, schema)
    for statement in functions_sql(q):
        run(statement.replace("%", "%%"))  # the driver's placeholders: format('%I') is literal here
    groups = ", ".join(_q(conn, g) for g in GROUP_ROLES.values())
    for fn in (
        "hqdesk_password_hash(text)",
        "hqdesk_user_id()",
        "hqdesk_owns_franchisee(integer)",
        "hqdesk_owns_contact(integer)",
        "hqdesk_contact_franchisee(integer)",
        "hqdesk_franchisee_writable(integer)",
    ):
        run(f"REVOKE ALL ON FUNCTION {q}.{fn} FROM PUBLIC")
        run(f"GRANT EXECUTE ON FUNCTION {q}.{fn} TO {groups}")
    for fn in ("hqdesk_sync_login(text)", "hqdesk_set_login_password(text, text)"):
        run(f"REVOKE ALL ON FUNCTION {q}.{fn} FROM PUBLIC")
        run(f"GRANT EXECUTE ON FUNCTION {q}.{fn} TO {_q(conn, GROUP_ROLES[Role.ADMIN])}")

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


def _verifier(session: Session, username: str, password: str) -> str:
    """The password as the server stores it (SCRAM), computed here by libpq: the plain password never
    reaches the server or its logs."""
    pgconn = session.connection().connection.driver_connection.pgconn
    verifier = pgconn.encrypt_password(password.encode(), username.encode()).decode("ascii")
    if "'" in verifier or "\\" in verifier:  # pragma: no cover - SCRAM/MD5 text never holds these
        raise ValueError("unexpected characters in the password verifier")
    return verifier


def set_login_password(session: Session, username: str, password: str) -> bool:
    """Give the personal login named ``username`` this password, in the session's transaction (so it is
    changed together with the hqdesk password, or neither is). The connection's own login changes its
    password itself (``ALTER ROLE CURRENT_USER``); another user's login through ``hqdesk_set_login_password``
    (an administrator's login, or the owner). True when a login was changed, False when ``username`` has no
    personal login (SQLite; a user who signs in on the owner's connection). Raises the driver's error when
    the server refuses (the caller says why in words)."""
    if session.get_bind().dialect.name != "postgresql":
        return False
    if bound_login(session) == username:
        session.connection().exec_driver_sql(
            f"ALTER ROLE CURRENT_USER PASSWORD '{_verifier(session, username, password)}'"
        )
        return True
    exists = session.execute(
        text(
            "select to_regprocedure('hqdesk_set_login_password(text, text)') is not null "
            "and exists (select 1 from pg_roles r join pg_auth_members m on m.member = r.oid "
            "join pg_roles g on g.oid = m.roleid where r.rolname = :u and g.rolname = any(:groups))"
        ),
        {"u": username, "groups": list(GROUP_ROLES.values())},
    ).scalar()
    if not exists:  # no such login, or this database has no hqdesk roles set up (roles are server-wide)
        return False
    return bool(
        session.execute(
            text("select hqdesk_set_login_password(:u, :v)"),
            {"u": username, "v": _verifier(session, username, password)},
        ).scalar()
    )


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
    "attach_stamps",
    "bound_login",
    "password_hash_of_login",
    "sync_login",
    "set_login_password",
    "install_refusal_mapping",
]
