"""initial schema: users, tiers, franchisees, contacts, stores, letterhead, audit trail

Revision ID: 0001
Revises:
Create Date: 2026-11-23 11:53:13.642480
"""
from alembic import op
import sqlalchemy as sa
from datetime import UTC, datetime

# Frozen copy of the audited tables at this revision (not imported from the models, which move on).
AUDITED_TABLES = ("franchisees", "contacts", "stores", "contact_anniversaries", "franchisee_status_changes",
                  "tiers", "company_profile", "users")

# PostgreSQL: the audit trail is written by this trigger, for the app's changes (user from
# SET LOCAL app.hq_user) and for changes made outside the app (source 'db', the login's name).
# db_login is always the database login (session_user): app.hq_user is a setting any session can set,
# the login is not, so a change made under another app user's name still shows whose login made it.
# SECURITY DEFINER: logins that may not write audit_log still get their changes recorded.
AUDIT_FUNCTION = """
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


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.String(length=64), nullable=False),
    sa.Column('franchisee_id', sa.Integer(), nullable=True),
    sa.Column('old_values', sa.Text(), nullable=True),
    sa.Column('new_values', sa.Text(), nullable=True),
    sa.Column('db_login', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_franchisee', ['franchisee_id', 'occurred_at'], unique=False)

    op.create_table('company_profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('logo_png', sa.LargeBinary(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_company_profile'))
    )
    op.create_table('tiers',
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_tiers'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('franchisees',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('legal_name', sa.String(length=200), nullable=False),
    sa.Column('store_brand_name', sa.String(length=200), nullable=False),
    sa.Column('uscc', sa.String(length=18), nullable=True),
    sa.Column('legal_representative', sa.String(length=50), nullable=False),
    sa.Column('registered_capital', sa.Numeric(precision=18, scale=2), nullable=True),
    sa.Column('business_scope', sa.Text(), nullable=False),
    sa.Column('region', sa.String(length=20), nullable=False),
    sa.Column('province', sa.String(length=20), nullable=False),
    sa.Column('city', sa.String(length=40), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('tier', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_changed_on', sa.Date(), nullable=True),
    sa.Column('join_date', sa.Date(), nullable=True),
    sa.Column('contract_start', sa.Date(), nullable=True),
    sa.Column('contract_end', sa.Date(), nullable=True),
    sa.Column('account_manager_id', sa.Integer(), nullable=True),
    sa.Column('tags', sa.String(length=500), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['account_manager_id'], ['users.id'], name=op.f('fk_franchisees_account_manager_id_users')),
    sa.ForeignKeyConstraint(['tier'], ['tiers.code'], name=op.f('fk_franchisees_tier_tiers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_franchisees')),
    sa.UniqueConstraint('code', name=op.f('uq_franchisees_code')),
    sa.UniqueConstraint('uscc', name=op.f('uq_franchisees_uscc'))
    )
    with op.batch_alter_table('franchisees', schema=None) as batch_op:
        batch_op.create_index('ix_franchisees_account_manager', ['account_manager_id'], unique=False)
        batch_op.create_index('ix_franchisees_list', ['archived', 'legal_name'], unique=False)
    op.create_index('uq_franchisees_code_ci', 'franchisees', [sa.text('lower(code)')], unique=True)

    op.create_table('contacts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('franchisee_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('gender', sa.String(length=10), nullable=False),
    sa.Column('honorific', sa.String(length=20), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('mobile', sa.String(length=30), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('wechat_id', sa.String(length=50), nullable=False),
    sa.Column('birthday', sa.Date(), nullable=True),
    sa.Column('birthday_lunar', sa.Boolean(), nullable=False),
    sa.Column('hobbies', sa.Text(), nullable=False),
    sa.Column('preferences', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('is_primary', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['franchisee_id'], ['franchisees.id'], name=op.f('fk_contacts_franchisee_id_franchisees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contacts'))
    )
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contacts_franchisee_id'), ['franchisee_id'], unique=False)
        batch_op.create_index('uq_contacts_primary', ['franchisee_id'], unique=True, sqlite_where=sa.text('is_primary = 1'), postgresql_where=sa.text('is_primary'))

    op.create_table('franchisee_status_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('franchisee_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('changed_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('changed_by', sa.String(length=64), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['franchisee_id'], ['franchisees.id'], name=op.f('fk_franchisee_status_changes_franchisee_id_franchisees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_franchisee_status_changes'))
    )
    with op.batch_alter_table('franchisee_status_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_franchisee_status_changes_franchisee_id'), ['franchisee_id'], unique=False)

    op.create_table('stores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('franchisee_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('city', sa.String(length=40), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('floor_area', sa.Numeric(precision=18, scale=2), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['franchisee_id'], ['franchisees.id'], name=op.f('fk_stores_franchisee_id_franchisees'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stores'))
    )
    with op.batch_alter_table('stores', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stores_franchisee_id'), ['franchisee_id'], unique=False)

    op.create_table('contact_anniversaries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=50), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('lunar', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_contact_anniversaries_contact_id_contacts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_anniversaries'))
    )
    with op.batch_alter_table('contact_anniversaries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_anniversaries_contact_id'), ['contact_id'], unique=False)

    tiers = sa.table("tiers", sa.column("code", sa.String), sa.column("name", sa.String),
                     sa.column("sort_order", sa.Integer), sa.column("version", sa.Integer),
                     sa.column("created_at", sa.DateTime(timezone=True)),
                     sa.column("updated_at", sa.DateTime(timezone=True)), sa.column("updated_by", sa.String))
    now = datetime.now(UTC)
    if op.get_bind().dialect.name == "sqlite":
        now = now.replace(tzinfo=None)
    op.bulk_insert(tiers, [
        {"code": code, "name": name, "sort_order": i, "version": 1, "created_at": now, "updated_at": now,
         "updated_by": "setup"}
        for i, (code, name) in enumerate((("A", "A"), ("B", "B"), ("C", "C")))
    ])
    profile = sa.table("company_profile", sa.column("id", sa.Integer), sa.column("name", sa.String),
                       sa.column("address", sa.String), sa.column("phone", sa.String),
                       sa.column("version", sa.Integer), sa.column("created_at", sa.DateTime(timezone=True)),
                       sa.column("updated_at", sa.DateTime(timezone=True)), sa.column("updated_by", sa.String))
    op.bulk_insert(profile, [{"id": 1, "name": "", "address": "", "phone": "", "version": 1,
                              "created_at": now, "updated_at": now, "updated_by": "setup"}])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(AUDIT_FUNCTION)
        for table in AUDITED_TABLES:
            op.execute(f"CREATE TRIGGER {table}_audit AFTER INSERT OR UPDATE OR DELETE ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION hqdesk_audit()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in AUDITED_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_audit ON {table}")
        op.execute("DROP FUNCTION IF EXISTS hqdesk_audit()")
    with op.batch_alter_table('contact_anniversaries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contact_anniversaries_contact_id'))

    op.drop_table('contact_anniversaries')
    with op.batch_alter_table('stores', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stores_franchisee_id'))

    op.drop_table('stores')
    with op.batch_alter_table('franchisee_status_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_franchisee_status_changes_franchisee_id'))

    op.drop_table('franchisee_status_changes')
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_index('uq_contacts_primary', sqlite_where=sa.text('is_primary = 1'), postgresql_where=sa.text('is_primary'))
        batch_op.drop_index(batch_op.f('ix_contacts_franchisee_id'))

    op.drop_table('contacts')
    with op.batch_alter_table('franchisees', schema=None) as batch_op:
        batch_op.drop_index('ix_franchisees_list')
        batch_op.drop_index('ix_franchisees_account_manager')

    op.drop_table('franchisees')
    op.drop_table('users')
    op.drop_table('tiers')
    op.drop_table('company_profile')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_franchisee')

    op.drop_table('audit_log')
