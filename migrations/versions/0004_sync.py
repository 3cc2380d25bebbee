"""Sync: change epochs on every record, keys, partner offices, packages, conflicts.

Every synchronised table gets `sync_seq` (the change epoch of its last write, existing
rows: epoch 1), `sync_base` (the version last received from the sender) and
`origin_office` (the office where the record was born; NULL: this one). New tables keep
this office's keys, its partners, the packages sent and received, and the conflicts
queue (docs/sync.md).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 05:06:03.007532
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RECORD_TABLES = (
    "cadre",
    "cadre_event",
    "cadre_planning",
    "cadre_post",
    "cadre_training",
    "calendar_day",
    "candidate_introducer",
    "catalogue_item",
    "committee_member",
    "dues_payment",
    "issued_document",
    "member",
    "member_event",
    "member_photo",
    "member_rating",
    "membership",
    "office",
    "office_setting",
    "organization",
    "organization_parent",
    "organization_rating",
    "rule_parameter",
    "transfer",
)


def upgrade() -> None:
    op.create_table(
        "sync_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_uuid", sa.String(length=36), nullable=False),
        sa.Column("fingerprint", sa.String(length=19), nullable=False),
        sa.Column("private_key", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_key")),
        sa.UniqueConstraint("office_uuid", name=op.f("uq_sync_key_office_uuid")),
    )
    op.create_table(
        "sync_partner",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("relation", sa.String(length=10), nullable=False),
        sa.Column("fingerprint", sa.String(length=19), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("scope_json", sa.Text(), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_partner")),
        sa.UniqueConstraint("office_uuid", name=op.f("uq_sync_partner_office_uuid")),
    )
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("open_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("package_uuid", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("ours_json", sa.Text(), nullable=False),
        sa.Column("theirs_json", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("resolution", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["sync_partner.id"],
            name=op.f("fk_sync_conflict_partner_id_sync_partner"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sync_conflict_record", ["table_name", "record_uuid"], unique=False
        )

    op.create_table(
        "sync_package_received",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_uuid", sa.String(length=36), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("seq_from", sa.Integer(), nullable=True),
        sa.Column("seq_to", sa.Integer(), nullable=True),
        sa.Column("period_label", sa.String(length=100), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("counts_json", sa.Text(), nullable=False),
        sa.Column("receipt_uuid", sa.String(length=36), nullable=True),
        sa.Column("receipt_written_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["sync_partner.id"],
            name=op.f("fk_sync_package_received_partner_id_sync_partner"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_package_received")),
        sa.UniqueConstraint("package_uuid", name=op.f("uq_sync_package_received_package_uuid")),
    )
    with op.batch_alter_table("sync_package_received", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sync_package_received_partner", ["partner_id", "seq_to"], unique=False
        )

    op.create_table(
        "sync_package_sent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_uuid", sa.String(length=36), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("seq_from", sa.Integer(), nullable=True),
        sa.Column("seq_to", sa.Integer(), nullable=True),
        sa.Column("audit_to", sa.Integer(), nullable=False),
        sa.Column("period_label", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("counts_json", sa.Text(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("receipt_note", sa.Text(), nullable=False),
        sa.Column("receipt_uuid", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["sync_partner.id"],
            name=op.f("fk_sync_package_sent_partner_id_sync_partner"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_package_sent")),
        sa.UniqueConstraint("package_uuid", name=op.f("uq_sync_package_sent_package_uuid")),
    )
    with op.batch_alter_table("sync_package_sent", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sync_package_sent_partner", ["partner_id", "seq_to"], unique=False
        )

    op.bulk_insert(
        sa.table("sync_state", sa.column("id", sa.Integer), sa.column("open_seq", sa.Integer)),
        [{"id": 1, "open_seq": 1}],
    )
    for table in RECORD_TABLES:
        # Plain ADD COLUMN (nullable, no default) works in place on SQLite and PostgreSQL.
        op.add_column(table, sa.Column("sync_seq", sa.Integer(), nullable=True))
        op.add_column(table, sa.Column("sync_base", sa.Integer(), nullable=True))
        op.add_column(table, sa.Column("origin_office", sa.String(length=36), nullable=True))
        op.execute(sa.table(table, sa.column("sync_seq", sa.Integer)).update().values(sync_seq=1))


def downgrade() -> None:
    for table in RECORD_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("origin_office")
            batch_op.drop_column("sync_base")
            batch_op.drop_column("sync_seq")
    for name in (
        "sync_package_sent",
        "sync_package_received",
        "sync_conflict",
        "sync_state",
        "sync_partner",
        "sync_key",
    ):
        op.drop_table(name)
