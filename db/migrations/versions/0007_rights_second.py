"""PostgreSQL rights, second part: "last changed by" and the trail's user name come from the personal login

Revision ID: 0007
Revises: 0003
Create Date: 2026-12-04 08:30:00

A personal login (a LOGIN role in one of the hqdesk_* groups, named like its hqdesk user, neither a superuser
nor the tables' owner) cannot write another name into ``updated_by`` (``changed_by`` of a status change):
``hqdesk_stamp_updated_by()``, a BEFORE INSERT OR UPDATE trigger on every table with such a column,
replaces it with the login's user name. The audit trigger names that user too, whatever the session set in
``app.hq_user``. The owner's connection (set-up, a one-person office) keeps the app's values.

``db upgrade`` / ``db create-roles`` attach the stamp to tables added later (``pg_rights.attach_stamps``).
"""

from alembic import op

revision = "0007"
down_revision = "0004"
branch_labels = None
depends_on = None

GROUPS = "ARRAY['hqdesk_admin', 'hqdesk_credit_manager', 'hqdesk_account_manager', 'hqdesk_viewer']"

# Frozen copies (the migrations do not import the app's modules, which move on).
BOUND_USER_FUNCTION = f"""
CREATE OR REPLACE FUNCTION hqdesk_bound_user() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_catalog, pg_temp AS $$
DECLARE
  who text;
BEGIN
  -- cheap first: a login that is no hqdesk user (the owner, a superuser, a tool) is not bound
  SELECT u.username INTO who FROM users u WHERE u.username = session_user;
  IF NOT FOUND THEN RETURN NULL; END IF;
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
     OR pg_has_role(session_user,
          (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'users'), 'MEMBER')
     OR NOT EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = ANY ({GROUPS})
                    AND pg_has_role(session_user, g.oid, 'MEMBER')) THEN
    RETURN NULL;
  END IF;
  RETURN who;
END
$$
"""

# Not SECURITY DEFINER and no search_path of its own (each costs time on every row of a bulk insert): it
# only calls the function above, by its full name.
STAMP_FUNCTION = """
CREATE OR REPLACE FUNCTION hqdesk_stamp_updated_by() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  who text := public.hqdesk_bound_user();
BEGIN
  IF who IS NOT NULL THEN
    NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], who));
  END IF;
  RETURN NEW;
END
$$
"""

# 0003's audit function, with the user name taken from the personal login when there is one
AUDIT_FUNCTION = """
CREATE OR REPLACE FUNCTION hqdesk_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  app_user text := nullif(current_setting('app.hq_user', true), '');
  bound text := hqdesk_bound_user();
  secret text[] := ARRAY['password_hash', 'logo_png'];
  bookkeeping text[] := ARRAY['search_text', 'version', 'created_at', 'updated_at', 'updated_by'];
  old_full jsonb; new_full jsonb; old_j jsonb; new_j jsonb; o jsonb; n jsonb; k text; fid integer; rid text;
BEGIN
  IF TG_OP <> 'INSERT' THEN old_full := to_jsonb(OLD); old_j := old_full - secret - bookkeeping; END IF;
  IF TG_OP <> 'DELETE' THEN new_full := to_jsonb(NEW); new_j := new_full - secret - bookkeeping; END IF;
  rid := coalesce(new_j ->> 'id', old_j ->> 'id', new_j ->> 'code', old_j ->> 'code');
  IF TG_TABLE_NAME = 'franchisees' THEN
    fid := (coalesce(new_j, old_j) ->> 'id')::integer;
  ELSIF TG_TABLE_NAME = 'contact_anniversaries' THEN
    SELECT franchisee_id INTO fid FROM contacts WHERE id = (coalesce(new_j, old_j) ->> 'contact_id')::integer;
  ELSE
    fid := (coalesce(new_j, old_j) ->> 'franchisee_id')::integer;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    o := '{}'::jsonb; n := '{}'::jsonb;
    FOR k IN SELECT jsonb_object_keys(new_j) LOOP
      IF new_j -> k IS DISTINCT FROM old_j -> k THEN
        o := o || jsonb_build_object(k, old_j -> k);
        n := n || jsonb_build_object(k, new_j -> k);
      END IF;
    END LOOP;
    FOREACH k IN ARRAY secret LOOP
      IF new_full ? k AND new_full -> k IS DISTINCT FROM old_full -> k THEN
        n := n || jsonb_build_object(CASE k WHEN 'password_hash' THEN 'credentials' ELSE k END, 'changed');
      END IF;
    END LOOP;
    IF n = '{}'::jsonb THEN
      FOREACH k IN ARRAY bookkeeping LOOP
        IF new_full ? k AND new_full -> k IS DISTINCT FROM old_full -> k THEN
          o := o || jsonb_build_object(k, old_full -> k);
          n := n || jsonb_build_object(k, new_full -> k);
        END IF;
      END LOOP;
      IF n = '{}'::jsonb THEN RETURN NULL; END IF;
      IF TG_TABLE_NAME = 'franchisees' AND n ? 'search_text' AND n - 'search_text' = '{}'::jsonb
         AND EXISTS (SELECT 1 FROM audit_log WHERE franchisee_id = fid AND occurred_at = now()
                     AND db_login = session_user) THEN
        RETURN NULL;
      END IF;
    END IF;
  ELSIF TG_OP = 'INSERT' THEN n := new_j;
  ELSE o := old_j;
  END IF;
  INSERT INTO audit_log (occurred_at, username, source, action, table_name, row_id, franchisee_id,
                         old_values, new_values, db_login)
  VALUES (now(), coalesce(bound, app_user, session_user), CASE WHEN app_user IS NULL THEN 'db' ELSE 'app' END,
          lower(TG_OP), TG_TABLE_NAME, rid, fid, o::text, n::text, session_user);
  RETURN NULL;
END
$$;
"""

# the columns that say who wrote a row, by table (every Versioned table has updated_by)
STAMPED_COLUMNS_SQL = """
select table_name, column_name from information_schema.columns
where table_schema = current_schema()
  and (column_name = 'updated_by' or (table_name = 'franchisee_status_changes' and column_name = 'changed_by'))
order by table_name
"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute(BOUND_USER_FUNCTION)
    op.execute(STAMP_FUNCTION)
    op.execute(AUDIT_FUNCTION)
    for table, column in bind.exec_driver_sql(STAMPED_COLUMNS_SQL).all():
        op.execute(f'DROP TRIGGER IF EXISTS hqdesk_stamp_updated_by ON "{table}"')
        op.execute(
            f'CREATE TRIGGER hqdesk_stamp_updated_by BEFORE INSERT OR UPDATE ON "{table}" '
            f"FOR EACH ROW EXECUTE FUNCTION hqdesk_stamp_updated_by('{column}')"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for (table,) in bind.exec_driver_sql(
        "select distinct event_object_table from information_schema.triggers "
        "where trigger_name = 'hqdesk_stamp_updated_by' and trigger_schema = current_schema()"
    ).all():
        op.execute(f'DROP TRIGGER IF EXISTS hqdesk_stamp_updated_by ON "{table}"')
    # 0003's audit function, back (the same body without the login's user)
    op.execute(
        AUDIT_FUNCTION.replace("  bound text := hqdesk_bound_user();\n", "").replace(
            "coalesce(bound, app_user, session_user)", "coalesce(app_user, session_user)"
        )
    )
    op.execute("DROP FUNCTION IF EXISTS hqdesk_stamp_updated_by()")
    op.execute("DROP FUNCTION IF EXISTS hqdesk_bound_user()")
