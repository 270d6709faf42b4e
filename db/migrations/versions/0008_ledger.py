"""Ledger: an index on ledger_documents.applies_to (the ERP import looks up which payments and credit notes
already name an invoice number).

Revision ID: 0008
Revises: 0004
Create Date: 2026-12-04 09:05:00
"""

from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_ledger_documents_applies_to", "ledger_documents", ["applies_to"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_ledger_documents_applies_to", table_name="ledger_documents")
