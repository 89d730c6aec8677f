"""optimistic locking: a version column on the records people edit

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 02:30:00.000000

Two people editing the same record on a shared server: the second save must not silently
overwrite the first (services/conflicts.py). Every UPDATE through the ORM checks and bumps
`version`. Agenda items have none: the minute-taking autosave writes them with a plain
UPDATE every second, and only one minute-taker works on a meeting at a time (the lock).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLES = ("person", "organisation", "meeting", "measure", "tool_card", "protocol")


def upgrade() -> None:
    # A plain ADD COLUMN with a constant default: no table rebuild, also on SQLite.
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
