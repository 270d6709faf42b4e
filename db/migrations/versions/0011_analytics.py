"""analytics: the ledger's summaries (ledger_months, receivable_moves, receivable_open), filled from the ledger

Revision ID: 0011
Revises: 0008
Create Date: 2026-12-04 12:30:00

Derived tables (see ``hqdesk.persistence.models_analytics``): not audited; their row-level security comes from
``pg_rights.TABLE_RULES`` like the ledger's. The backfill below is a frozen copy of
``persistence.analytics_sql.rebuild`` at this revision.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0008"
branch_labels = None
depends_on = None


def _month(column: str, dialect: str) -> str:
    if dialect == "sqlite":
        return f"date({column}, 'start of month')"
    return f"CAST(date_trunc('month', {column}) AS DATE)"


def upgrade() -> None:
    op.create_table(
        "ledger_months",
        sa.Column("franchisee_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["franchisee_id"], ["franchisees.id"], name=op.f("fk_ledger_months_franchisee_id_franchisees")
        ),
        sa.PrimaryKeyConstraint("franchisee_id", "month", "kind", name=op.f("pk_ledger_months")),
    )
    op.create_index(
        "ix_ledger_months_month", "ledger_months", ["month", "kind", "franchisee_id", "amount"], unique=False
    )
    op.create_table(
        "receivable_moves",
        sa.Column("franchisee_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["franchisee_id"], ["franchisees.id"], name=op.f("fk_receivable_moves_franchisee_id_franchisees")
        ),
        sa.PrimaryKeyConstraint("franchisee_id", "month", "due_date", name=op.f("pk_receivable_moves")),
    )
    op.create_index(
        "ix_receivable_moves_month",
        "receivable_moves",
        ["month", "due_date", "franchisee_id", "amount"],
        unique=False,
    )
    op.create_table(
        "receivable_open",
        sa.Column("franchisee_id", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["franchisee_id"], ["franchisees.id"], name=op.f("fk_receivable_open_franchisee_id_franchisees")
        ),
        sa.PrimaryKeyConstraint("franchisee_id", "due_date", name=op.f("pk_receivable_open")),
    )
    dialect = op.get_bind().dialect.name
    op.execute(
        "INSERT INTO ledger_months (franchisee_id, month, kind, amount, documents) "
        f"SELECT franchisee_id, {_month('doc_date', dialect)}, kind, sum(amount), count(*) "
        f"FROM ledger_documents GROUP BY franchisee_id, {_month('doc_date', dialect)}, kind"
    )
    op.execute(
        "INSERT INTO receivable_moves (franchisee_id, month, due_date, amount) "
        "SELECT franchisee_id, month, due_date, sum(amount) FROM ("
        f"  SELECT franchisee_id, {_month('doc_date', dialect)} AS month, due_date, amount "
        "   FROM ledger_documents WHERE kind = 'invoice'"
        "  UNION ALL"
        f"  SELECT d.franchisee_id, {_month('a.applied_on', dialect)}, d.due_date, -a.amount "
        "   FROM allocations a JOIN ledger_documents d ON d.id = a.invoice_id"
        ") AS moves GROUP BY franchisee_id, month, due_date HAVING sum(amount) <> 0"
    )
    op.execute(
        "INSERT INTO receivable_open (franchisee_id, due_date, amount) "
        "SELECT franchisee_id, due_date, sum(amount) FROM receivable_moves "
        "GROUP BY franchisee_id, due_date HAVING sum(amount) <> 0"
    )


def downgrade() -> None:
    op.drop_table("receivable_open")
    op.drop_index("ix_receivable_moves_month", table_name="receivable_moves")
    op.drop_table("receivable_moves")
    op.drop_index("ix_ledger_months_month", table_name="ledger_months")
    op.drop_table("ledger_months")
