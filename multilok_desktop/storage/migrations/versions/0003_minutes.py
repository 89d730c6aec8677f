"""minutes: attachments, text blocks, protocol objections, protocol search index

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TEXT_BLOCKS = (
    "Zur Kenntnis genommen.",
    "Einstimmig beschlossen.",
    "Das Protokoll der letzten Sitzung wird ohne Änderungen genehmigt.",
    "Die Tagesordnung wird ohne Änderungen genehmigt.",
    "Die Einladung erfolgte form- und fristgerecht.",
)

# One row per TOP, rowid = agenda_item.id; filled by services.protocol_search.
PROTOCOL_FTS = (
    "CREATE VIRTUAL TABLE protocol_fts USING fts5("
    "meeting_title, item_title, notes, outcomes, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)
# Writers that do not know the index (calendar edits, deleting a meeting) keep it right:
# titles are copied, rows of deleted TOPs go (also when a meeting's delete cascades).
PROTOCOL_FTS_TRIGGERS = {
    "protocol_fts_item_deleted": (
        "AFTER DELETE ON agenda_item BEGIN DELETE FROM protocol_fts WHERE rowid = old.id; END"
    ),
    "protocol_fts_item_renamed": (
        "AFTER UPDATE OF title ON agenda_item BEGIN "
        "UPDATE protocol_fts SET item_title = new.title WHERE rowid = new.id; END"
    ),
    "protocol_fts_meeting_renamed": (
        "AFTER UPDATE OF title ON meeting BEGIN "
        "UPDATE protocol_fts SET meeting_title = new.title "
        "WHERE rowid IN (SELECT id FROM agenda_item WHERE meeting_id = new.id); END"
    ),
}


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=120), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_attachment_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_attachment_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "text_block",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_text_block")),
        sa.UniqueConstraint("title", name=op.f("uq_text_block_title")),
    )

    with op.batch_alter_table("protocol") as batch:
        batch.add_column(sa.Column("objections", sa.Text(), nullable=False, server_default=""))

    text_block = sa.table(
        "text_block",
        sa.column("title", sa.String),
        sa.column("text", sa.Text),
        sa.column("position", sa.Integer),
    )
    op.bulk_insert(
        text_block,
        [{"title": text, "text": text, "position": i} for i, text in enumerate(TEXT_BLOCKS)],
    )

    if op.get_bind().dialect.name == "sqlite":
        op.execute(PROTOCOL_FTS)
        for name, body in PROTOCOL_FTS_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in PROTOCOL_FTS_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
        op.execute("DROP TABLE protocol_fts")
    with op.batch_alter_table("protocol") as batch:
        batch.drop_column("objections")
    op.drop_table("text_block")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_meeting_id"))
    op.drop_table("attachment")
