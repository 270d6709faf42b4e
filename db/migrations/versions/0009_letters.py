"""letters: letter templates (shared, versioned), the letter history (with each letter's PDF) and a contact's
preferred letter language

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 12:50:00

The default templates are seeded here from the shipped ``resources/letters/KEY.LANGUAGE.j2`` files (first line
the subject, a line ``---``, then the body); a key the files lack is left out, and ``LetterService`` falls back
to the shipped file for a (key, language) that has no row. "Reset to default" in the editor reloads the file.
Row-level security comes from ``hqdesk.persistence.pg_rights.TABLE_RULES``.
"""

from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

AUDITED = ("letter_templates",)
# Frozen copy of the template keys at this revision: key -> kind
TEMPLATES = {
    "festival": "festival",
    "birthday": "birthday",
    "store_anniversary": "store_anniversary",
    "invitation": "invitation",
    "credit_change": "credit_change",
    "statement": "statement",
    "dunning_reminder": "dunning",
    "dunning_final": "dunning",
}
NAMES = {
    "festival": ("节日问候", "Festival greeting"),
    "birthday": ("生日祝福", "Birthday wishes"),
    "store_anniversary": ("开业周年", "Store anniversary"),
    "invitation": ("活动邀请", "Invitation"),
    "credit_change": ("信用条件调整通知", "Credit terms change"),
    "statement": ("对账单", "Account statement"),
    "dunning_reminder": ("付款提醒", "Payment reminder"),
    "dunning_final": ("最后催款通知", "Final demand for payment"),
}


def _shipped(key: str, language: str) -> tuple[str, str] | None:
    # db/migrations/versions/ -> the folder holding db/ and resources/ (a checkout, or hqdesk/_data in a wheel)
    path = Path(__file__).resolve().parents[3] / "resources" / "letters" / f"{key}.{language}.j2"
    if not path.is_file():
        return None
    subject, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    return subject.strip(), body.strip() + "\n"


def upgrade() -> None:
    op.add_column("contacts", sa.Column("preferred_language", sa.String(length=5), nullable=True))
    op.create_table(
        "letter_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=50), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter_templates")),
        sa.UniqueConstraint("key", "language", name="uq_letter_templates_key_language"),
    )
    op.create_table(
        "letter_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("franchisee_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("template_key", sa.String(length=50), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=True),
        sa.Column("template_version", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=True),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("merge_data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["franchisee_id"], ["franchisees.id"], ondelete="CASCADE",
                                name=op.f("fk_letter_history_franchisee_id_franchisees")),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], ondelete="SET NULL",
                                name=op.f("fk_letter_history_contact_id_contacts")),
        sa.ForeignKeyConstraint(["template_id"], ["letter_templates.id"], ondelete="SET NULL",
                                name=op.f("fk_letter_history_template_id_letter_templates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_letter_history")),
    )
    now = datetime.now(UTC)
    if op.get_bind().dialect.name == "sqlite":
        now = now.replace(tzinfo=None)
    templates = sa.table(
        "letter_templates", *(sa.column(c) for c in (
            "key", "kind", "language", "name", "subject", "body", "is_default", "version", "created_at",
            "updated_at", "updated_by")),
    )
    rows = []
    for key, kind in TEMPLATES.items():
        for i, language in enumerate(("zh_CN", "en")):
            shipped = _shipped(key, language)
            if shipped:
                rows.append({"key": key, "kind": kind, "language": language, "name": NAMES[key][i],
                             "subject": shipped[0], "body": shipped[1], "is_default": True, "version": 1,
                             "created_at": now, "updated_at": now, "updated_by": "setup"})
    if rows:
        op.bulk_insert(templates, rows)
    op.create_index("ix_letter_history_franchisee", "letter_history", ["franchisee_id", "created_at"])
    op.create_index("ix_letter_history_batch", "letter_history", ["batch_id"])
    op.create_index("ix_letter_history_contact_id", "letter_history", ["contact_id"])
    op.create_index("ix_letter_history_template_id", "letter_history", ["template_id"])
    if op.get_bind().dialect.name == "postgresql":
        for table in AUDITED:
            op.execute(f"CREATE TRIGGER {table}_audit AFTER INSERT OR UPDATE OR DELETE ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION hqdesk_audit()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in AUDITED:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_audit ON {table}")
    op.drop_table("letter_history")
    op.drop_table("letter_templates")
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("preferred_language")
