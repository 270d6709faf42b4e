"""imports: column mappings saved by name (shared by every user)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 16:20:00

Row-level security comes from ``hqdesk.persistence.pg_rights.TABLE_RULES`` (who may import may write
mappings; every group reads them).
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

AUDITED = ("import_mappings",)


def upgrade() -> None:
    op.create_table(
        "import_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("columns", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_mappings")),
        sa.UniqueConstraint("entity", "name", name="uq_import_mappings_entity_name"),
    )
    if op.get_bind().dialect.name == "postgresql":
        for table in AUDITED:
            op.execute(f"CREATE TRIGGER {table}_audit AFTER INSERT OR UPDATE OR DELETE ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION hqdesk_audit()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in AUDITED:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_audit ON {table}")
    op.drop_table("import_mappings")
