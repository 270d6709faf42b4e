"""complaints: the category tree (with the default categories), severity times, complaints and their timeline

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-04 08:10:00

The row-level security policies of these tables come from ``hqdesk.persistence.pg_rights.TABLE_RULES``
(``db upgrade`` / ``db create-roles`` apply them); this migration creates the tables, the audit triggers and
the trigger that keeps ``complaint_events`` append-only even for the owner's tools.
"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

AUDITED = ("complaint_categories", "complaint_sla", "complaints", "complaint_events")

# Frozen copies of the defaults at this revision.
DEFAULT_CATEGORIES = (
    ("产品质量", ("电镀/镀层", "镶嵌/掉石", "尺寸/圈口", "证书/鉴定", "成色/重量", "款式/做工")),
    ("物流配送", ("延迟到货", "错发/漏发", "包装破损")),
    ("账务结算", ("发票", "对账差异", "返利/折扣")),
    ("服务", ("总部响应", "售后维修", "培训")),
    ("市场支持", ("宣传物料", "促销活动", "陈列道具")),
)
# severity (1 critical .. 4 low) -> response hours, resolution hours (calendar hours)
DEFAULT_SLA = ((1, 4, 48), (2, 24, 120), (3, 48, 240), (4, 120, 480))

APPEND_ONLY_FUNCTION = """
CREATE OR REPLACE FUNCTION hqdesk_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'complaint_events is append-only' USING ERRCODE = '42501';
END
$$;
"""


def _bookkeeping():
    return (
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
    )


def upgrade() -> None:
    op.create_table(
        "complaint_categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        *_bookkeeping(),
        sa.ForeignKeyConstraint(["parent_id"], ["complaint_categories.id"],
                                name=op.f("fk_complaint_categories_parent_id_complaint_categories")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_categories")),
    )
    op.create_index("ix_complaint_categories_parent_id", "complaint_categories", ["parent_id"])
    op.create_table(
        "complaint_sla",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("severity", sa.SmallInteger(), nullable=False),
        sa.Column("response_hours", sa.Integer(), nullable=False),
        sa.Column("resolution_hours", sa.Integer(), nullable=False),
        *_bookkeeping(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_sla")),
        sa.UniqueConstraint("severity", name=op.f("uq_complaint_sla_severity")),
    )
    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("franchisee_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("severity", sa.SmallInteger(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("references", sa.String(length=500), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("logged_by_id", sa.Integer(), nullable=True),
        sa.Column("response_due", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolution_due", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("responded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("root_cause", sa.Text(), nullable=False),
        sa.Column("corrective_action", sa.Text(), nullable=False),
        sa.Column("satisfaction", sa.SmallInteger(), nullable=True),
        *_bookkeeping(),
        sa.ForeignKeyConstraint(["franchisee_id"], ["franchisees.id"], ondelete="CASCADE",
                                name=op.f("fk_complaints_franchisee_id_franchisees")),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], ondelete="SET NULL",
                                name=op.f("fk_complaints_contact_id_contacts")),
        sa.ForeignKeyConstraint(["category_id"], ["complaint_categories.id"],
                                name=op.f("fk_complaints_category_id_complaint_categories")),
        sa.ForeignKeyConstraint(["assignee_id"], ["users.id"], name=op.f("fk_complaints_assignee_id_users")),
        sa.ForeignKeyConstraint(["logged_by_id"], ["users.id"], name=op.f("fk_complaints_logged_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
    )
    for name, columns in (
        ("ix_complaints_received", ["received_at", "id"]),
        ("ix_complaints_due", ["due_at", "id"]),
        ("ix_complaints_severity", ["severity", "id"]),
        ("ix_complaints_status", ["status", "id"]),
        ("ix_complaints_status_due", ["status", "due_at"]),
        ("ix_complaints_assignee", ["assignee_id", "status", "due_at"]),
        ("ix_complaints_category", ["category_id", "id"]),
        ("ix_complaints_franchisee", ["franchisee_id", "received_at"]),
        ("ix_complaints_contact_id", ["contact_id"]),
    ):
        op.create_index(name, "complaints", columns)
    op.create_table(
        "complaint_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("franchisee_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("from_status", sa.String(length=12), nullable=True),
        sa.Column("to_status", sa.String(length=12), nullable=True),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["complaint_id"], ["complaints.id"], ondelete="CASCADE",
                                name=op.f("fk_complaint_events_complaint_id_complaints")),
        sa.ForeignKeyConstraint(["assignee_id"], ["users.id"], name=op.f("fk_complaint_events_assignee_id_users")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_complaint_events_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_events")),
    )
    op.create_index("ix_complaint_events_complaint", "complaint_events", ["complaint_id", "id"])

    now = datetime.now(UTC)
    if op.get_bind().dialect.name == "sqlite":
        now = now.replace(tzinfo=None)
    book = {"version": 1, "created_at": now, "updated_at": now, "updated_by": "setup"}
    categories = sa.table(
        "complaint_categories", sa.column("id", sa.Integer), sa.column("parent_id", sa.Integer),
        sa.column("name", sa.String), sa.column("active", sa.Boolean), sa.column("sort_order", sa.Integer),
        sa.column("version", sa.Integer), sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)), sa.column("updated_by", sa.String),
    )
    rows, next_id = [], 1
    for i, (top, children) in enumerate(DEFAULT_CATEGORIES):
        parent = next_id
        rows.append({"id": parent, "parent_id": None, "name": top, "active": True, "sort_order": i, **book})
        next_id += 1
        for j, child in enumerate(children):
            rows.append({"id": next_id, "parent_id": parent, "name": child, "active": True, "sort_order": j,
                         **book})
            next_id += 1
    op.bulk_insert(categories, rows)
    sla = sa.table(
        "complaint_sla", sa.column("id", sa.Integer), sa.column("severity", sa.SmallInteger),
        sa.column("response_hours", sa.Integer), sa.column("resolution_hours", sa.Integer),
        sa.column("version", sa.Integer), sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)), sa.column("updated_by", sa.String),
    )
    op.bulk_insert(sla, [{"id": sev, "severity": sev, "response_hours": r, "resolution_hours": h, **book}
                         for sev, r, h in DEFAULT_SLA])
    if op.get_bind().dialect.name == "postgresql":
        # explicit ids above: the sequences continue after them
        op.execute("SELECT setval(pg_get_serial_sequence('complaint_categories', 'id'), "
                   "(SELECT max(id) FROM complaint_categories))")
        op.execute("SELECT setval(pg_get_serial_sequence('complaint_sla', 'id'), 4)")
        for table in AUDITED:
            op.execute(f"CREATE TRIGGER {table}_audit AFTER INSERT OR UPDATE OR DELETE ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION hqdesk_audit()")
        op.execute(APPEND_ONLY_FUNCTION)
        op.execute("CREATE TRIGGER complaint_events_append_only BEFORE UPDATE ON complaint_events "
                   "FOR EACH ROW EXECUTE FUNCTION hqdesk_append_only()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS complaint_events_append_only ON complaint_events")
        op.execute("DROP FUNCTION IF EXISTS hqdesk_append_only()")
        for table in AUDITED:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_audit ON {table}")
    op.drop_table("complaint_events")
    op.drop_table("complaints")
    op.drop_table("complaint_sla")
    op.drop_table("complaint_categories")
