"""visits: cadence per tier and per franchisee, visits, their suggestions, and the last-visit summary

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-04 08:00:00

The tier cadences start at A = 1, B = 3, C = 6 months for the tiers that exist. The PostgreSQL audit trigger
(0001/0003's ``hqdesk_audit``) is attached to the four business tables; ``visit_summaries`` is derived data
(the service keeps it in step with the visits) and is not audited. The rights on the new tables come from
``pg_rights.TABLE_RULES`` and are applied by ``db upgrade`` / ``db create-roles``.
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0007"
branch_labels = None
depends_on = None

AUDITED = ("visit_cadences", "visit_overrides", "visits", "visit_suggestions")
DEFAULT_CADENCES = (("A", 1), ("B", 3), ("C", 6))  # frozen copy of domain.visits.DEFAULT_CADENCES


def _bookkeeping():
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "visit_cadences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tier", sa.String(length=10), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        *_bookkeeping(),
        sa.CheckConstraint("months BETWEEN 1 AND 24", name=op.f("ck_visit_cadences_months")),
        sa.ForeignKeyConstraint(
            ["tier"],
            ["tiers.code"],
            name=op.f("fk_visit_cadences_tier_tiers"),
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_cadences")),
        sa.UniqueConstraint("tier", name=op.f("uq_visit_cadences_tier")),
    )
    op.create_table(
        "visit_overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("franchisee_id", sa.Integer(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        *_bookkeeping(),
        sa.CheckConstraint("months BETWEEN 0 AND 24", name=op.f("ck_visit_overrides_months")),
        sa.ForeignKeyConstraint(
            ["franchisee_id"],
            ["franchisees.id"],
            name=op.f("fk_visit_overrides_franchisee_id_franchisees"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_overrides")),
        sa.UniqueConstraint("franchisee_id", name=op.f("uq_visit_overrides_franchisee_id")),
    )
    op.create_table(
        "visit_summaries",
        sa.Column("franchisee_id", sa.Integer(), nullable=False),
        sa.Column("last_visit_on", sa.Date(), nullable=True),
        sa.Column("last_follow_up_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["franchisee_id"],
            ["franchisees.id"],
            name=op.f("fk_visit_summaries_franchisee_id_franchisees"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("franchisee_id", name=op.f("pk_visit_summaries")),
    )
    op.create_table(
        "visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("franchisee_id", sa.Integer(), nullable=False),
        sa.Column("visited_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("purpose", sa.String(length=30), nullable=False),
        sa.Column("hq_user_id", sa.Integer(), nullable=True),
        sa.Column("hq_others", sa.String(length=200), nullable=False),
        sa.Column("met_with", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("next_follow_up_on", sa.Date(), nullable=True),
        *_bookkeeping(),
        sa.ForeignKeyConstraint(
            ["franchisee_id"],
            ["franchisees.id"],
            name=op.f("fk_visits_franchisee_id_franchisees"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["hq_user_id"], ["users.id"], name=op.f("fk_visits_hq_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
    )
    # the list pages by (date, id), newest first, alone and after each filter
    op.create_index("ix_visits_sort_date", "visits", ["visited_on", "id"], unique=False)
    op.create_index("ix_visits_franchisee", "visits", ["franchisee_id", "visited_on", "id"], unique=False)
    op.create_index("ix_visits_hq_user", "visits", ["hq_user_id", "visited_on", "id"], unique=False)
    op.create_index("ix_visits_kind", "visits", ["kind", "visited_on", "id"], unique=False)
    op.create_index("ix_visits_purpose", "visits", ["purpose", "visited_on", "id"], unique=False)
    op.create_table(
        "visit_suggestions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("franchisee_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        *_bookkeeping(),
        sa.ForeignKeyConstraint(
            ["franchisee_id"],
            ["franchisees.id"],
            name=op.f("fk_visit_suggestions_franchisee_id_franchisees"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visits.id"], name=op.f("fk_visit_suggestions_visit_id_visits"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_suggestions")),
    )
    op.create_index(
        "ix_visit_suggestions_franchisee", "visit_suggestions", ["franchisee_id", "id"], unique=False
    )
    op.create_index("ix_visit_suggestions_status", "visit_suggestions", ["status", "id"], unique=False)
    op.create_index(op.f("ix_visit_suggestions_visit_id"), "visit_suggestions", ["visit_id"], unique=False)

    bind = op.get_bind()
    now = datetime.now(UTC)
    if bind.dialect.name == "sqlite":
        now = now.replace(tzinfo=None)
    existing = set(bind.execute(sa.text("select code from tiers")).scalars())
    cadences = sa.table(
        "visit_cadences",
        sa.column("tier", sa.String),
        sa.column("months", sa.Integer),
        sa.column("version", sa.Integer),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("updated_by", sa.String),
    )
    rows = [
        {
            "tier": code,
            "months": months,
            "version": 1,
            "created_at": now,
            "updated_at": now,
            "updated_by": "setup",
        }
        for code, months in DEFAULT_CADENCES
        if code in existing
    ]
    if rows:
        op.bulk_insert(cadences, rows)
    if bind.dialect.name == "postgresql":
        for table in AUDITED:
            op.execute(
                f"CREATE TRIGGER {table}_audit AFTER INSERT OR UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION hqdesk_audit()"
            )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table in AUDITED:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_audit ON {table}")
    op.drop_table("visit_suggestions")
    op.drop_table("visits")
    op.drop_table("visit_summaries")
    op.drop_table("visit_overrides")
    op.drop_table("visit_cadences")
