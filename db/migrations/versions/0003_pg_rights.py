"""PostgreSQL rights: the audit trigger records password resets (never the hash) and bookkeeping-only changes

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-30 09:00:00

The row-level security policies, column privileges and the functions they call are not created here: they
name the hqdesk_* group roles, which may not exist yet. ``hqdesk-admin db create-roles`` creates them, and
``db upgrade`` re-applies them when the groups exist (``hqdesk.persistence.pg_rights``), so an existing
database is brought to the new rules by the upgrade itself.
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Frozen copy (the migrations do not import the app's modules, which move on).
AUDIT_FUNCTION = """
CREATE OR REPLACE FUNCTION hqdesk_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  app_user text := nullif(current_setting('app.hq_user', true), '');
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
    -- a secret's change is recorded, its value never is (a password reset: "credentials": "changed")
    FOREACH k IN ARRAY secret LOOP
      IF new_full ? k AND new_full -> k IS DISTINCT FROM old_full -> k THEN
        n := n || jsonb_build_object(CASE k WHEN 'password_hash' THEN 'credentials' ELSE k END, 'changed');
      END IF;
    END LOOP;
    IF n = '{}'::jsonb THEN
      -- only bookkeeping changed: recorded too, so "last changed by" cannot be set quietly
      FOREACH k IN ARRAY bookkeeping LOOP
        IF new_full ? k AND new_full -> k IS DISTINCT FROM old_full -> k THEN
          o := o || jsonb_build_object(k, old_full -> k);
          n := n || jsonb_build_object(k, new_full -> k);
        END IF;
      END LOOP;
      IF n = '{}'::jsonb THEN RETURN NULL; END IF;
      -- ... except the search text refreshed after a change of the same franchisee that this login's
      -- transaction already recorded (now() is the transaction's start: the same for all its entries)
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
  VALUES (now(), coalesce(app_user, session_user), CASE WHEN app_user IS NULL THEN 'db' ELSE 'app' END,
          lower(TG_OP), TG_TABLE_NAME, rid, fid, o::text, n::text, session_user);
  RETURN NULL;
END
$$;
"""

# 0001's function, for the downgrade
AUDIT_FUNCTION_0001 = """
CREATE OR REPLACE FUNCTION hqdesk_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  app_user text := nullif(current_setting('app.hq_user', true), '');
  excluded text[] := ARRAY['password_hash', 'search_text', 'version', 'created_at', 'updated_at',
                           'updated_by', 'logo_png'];
  old_j jsonb; new_j jsonb; o jsonb; n jsonb; k text; fid integer; rid text;
BEGIN
  IF TG_OP <> 'INSERT' THEN old_j := to_jsonb(OLD) - excluded; END IF;
  IF TG_OP <> 'DELETE' THEN new_j := to_jsonb(NEW) - excluded; END IF;
  IF TG_OP = 'UPDATE' THEN
    o := '{}'::jsonb; n := '{}'::jsonb;
    FOR k IN SELECT jsonb_object_keys(new_j) LOOP
      IF new_j -> k IS DISTINCT FROM old_j -> k THEN
        o := o || jsonb_build_object(k, old_j -> k);
        n := n || jsonb_build_object(k, new_j -> k);
      END IF;
    END LOOP;
    IF n = '{}'::jsonb THEN RETURN NULL; END IF;
  ELSIF TG_OP = 'INSERT' THEN n := new_j;
  ELSE o := old_j;
  END IF;
  rid := coalesce(new_j ->> 'id', old_j ->> 'id', new_j ->> 'code', old_j ->> 'code');
  IF TG_TABLE_NAME = 'franchisees' THEN
    fid := (coalesce(new_j, old_j) ->> 'id')::integer;
  ELSIF TG_TABLE_NAME = 'contact_anniversaries' THEN
    SELECT franchisee_id INTO fid FROM contacts WHERE id = (coalesce(new_j, old_j) ->> 'contact_id')::integer;
  ELSE
    fid := (coalesce(new_j, old_j) ->> 'franchisee_id')::integer;
  END IF;
  INSERT INTO audit_log (occurred_at, username, source, action, table_name, row_id, franchisee_id,
                         old_values, new_values, db_login)
  VALUES (now(), coalesce(app_user, session_user), CASE WHEN app_user IS NULL THEN 'db' ELSE 'app' END,
          lower(TG_OP), TG_TABLE_NAME, rid, fid, o::text, n::text, session_user);
  RETURN NULL;
END
$$;
"""

RULED_TABLES = ("franchisees", "contacts", "contact_anniversaries", "stores", "franchisee_status_changes",
                "tiers", "company_profile", "users")
FUNCTIONS = ("hqdesk_user_id()", "hqdesk_owns_franchisee(integer)", "hqdesk_owns_contact(integer)",
             "hqdesk_password_hash(text)", "hqdesk_sync_login(text)")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(AUDIT_FUNCTION)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(AUDIT_FUNCTION_0001)
        bind = op.get_bind()
        for table in RULED_TABLES:
            for (name,) in bind.exec_driver_sql(
                f"select policyname from pg_policies where tablename = '{table}' and policyname like 'hqdesk\\_%'"
            ):
                op.execute(f'DROP POLICY "{name}" ON {table}')
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        for fn in FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {fn}")
