"""search and sort: the list's sort orders follow indexes; the search text gains pinyin, credit code, address,
tags, WeChat IDs, e-mails and phone digits

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 06:10:00
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# Frozen copy of persistence.sorting's PostgreSQL function at this revision. convert_to is only STABLE,
# which an index refuses; the GB18030 table it uses does not change, so the wrapper is declared IMMUTABLE.
PINYIN_KEY_FUNCTION = """
CREATE OR REPLACE FUNCTION hq_pinyin_key(text) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT convert_to($1, 'GB18030') $$
"""

BATCH = 1000

franchisees = sa.table(
    "franchisees", sa.column("id", sa.Integer), sa.column("code", sa.String), sa.column("legal_name", sa.String),
    sa.column("store_brand_name", sa.String), sa.column("city", sa.String), sa.column("province", sa.String),
    sa.column("uscc", sa.String), sa.column("address", sa.String), sa.column("tags", sa.String),
    sa.column("search_text", sa.Text),
)
contacts = sa.table(
    "contacts", sa.column("franchisee_id", sa.Integer), sa.column("name", sa.String),
    sa.column("mobile", sa.String), sa.column("phone", sa.String), sa.column("wechat_id", sa.String),
    sa.column("email", sa.String),
)


def _recompute_search_text(bind) -> None:
    """Every franchisee's search text by the current rules, in batches by id (Core: no version bump, no
    updated_at change, so on PostgreSQL the audit trigger records nothing for this derived column).

    The rules are imported, not frozen here like the schema: the text is derived data, and what matters is
    that it is what the app computes now. A later change of the rules recomputes it in a migration of its own."""
    from types import SimpleNamespace

    from hqdesk.domain.search import franchisee_search_text

    last = 0
    update = (
        sa.update(franchisees)
        .where(franchisees.c.id == sa.bindparam("fid"))
        .values(search_text=sa.bindparam("text"))
    )
    while True:
        rows = bind.execute(
            sa.select(franchisees).where(franchisees.c.id > last).order_by(franchisees.c.id).limit(BATCH)
        ).mappings().all()
        if not rows:
            return
        ids = [r["id"] for r in rows]
        by_franchisee: dict[int, list] = {i: [] for i in ids}
        for c in bind.execute(
            sa.select(contacts).where(contacts.c.franchisee_id.in_(ids)).order_by(
                contacts.c.franchisee_id, sa.text("id"))
        ).mappings():
            by_franchisee[c["franchisee_id"]].append(SimpleNamespace(**c))
        values = []
        for r in rows:
            text = franchisee_search_text(SimpleNamespace(**r), by_franchisee[r["id"]])
            if text != r["search_text"]:
                values.append({"fid": r["id"], "text": text})
        if values:
            bind.execute(update, values)
        last = ids[-1]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(PINYIN_KEY_FUNCTION)
    key = sa.func.hq_pinyin_key
    with op.batch_alter_table('franchisees', schema=None) as batch_op:
        # it led SQLite to filter by "archived" and sort everything, instead of following a sort index
        batch_op.drop_index('ix_franchisees_list')
        batch_op.drop_index('ix_franchisees_account_manager')
        # "archived" trails: counting a filter's matches reads the index, not the table
        batch_op.create_index('ix_franchisees_account_manager', ['account_manager_id', 'id', 'archived'],
                              unique=False)
        batch_op.create_index('ix_franchisees_sort_tier', ['tier', 'id', 'archived'], unique=False)
        batch_op.create_index('ix_franchisees_sort_status', ['status', 'id', 'archived'], unique=False)
        batch_op.create_index('ix_franchisees_sort_contract_end', ['contract_end', 'id', 'archived'], unique=False)
    op.create_index('ix_franchisees_sort_legal_name', 'franchisees', [key(sa.text('legal_name')), 'id'])
    op.create_index('ix_franchisees_sort_city', 'franchisees', [key(sa.text('city')), 'id'])
    op.create_index('ix_contacts_sort_primary_mobile', 'contacts', ['mobile', 'franchisee_id'],
                    sqlite_where=sa.text('is_primary = 1'), postgresql_where=sa.text('is_primary'))
    op.create_index('ix_contacts_sort_primary_name', 'contacts', [key(sa.text('name')), 'franchisee_id'],
                    sqlite_where=sa.text('is_primary = 1'), postgresql_where=sa.text('is_primary'))
    _recompute_search_text(bind)


def downgrade() -> None:
    op.drop_index('ix_contacts_sort_primary_name', table_name='contacts')
    op.drop_index('ix_contacts_sort_primary_mobile', table_name='contacts')
    op.drop_index('ix_franchisees_sort_city', table_name='franchisees')
    op.drop_index('ix_franchisees_sort_legal_name', table_name='franchisees')
    with op.batch_alter_table('franchisees', schema=None) as batch_op:
        batch_op.drop_index('ix_franchisees_sort_contract_end')
        batch_op.drop_index('ix_franchisees_sort_status')
        batch_op.drop_index('ix_franchisees_sort_tier')
        batch_op.drop_index('ix_franchisees_account_manager')
        batch_op.create_index('ix_franchisees_account_manager', ['account_manager_id'], unique=False)
        batch_op.create_index('ix_franchisees_list', ['archived', 'legal_name'], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS hq_pinyin_key(text)")
