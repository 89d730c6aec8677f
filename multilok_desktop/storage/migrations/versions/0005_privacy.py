"""privacy (DSGVO): legal basis, source and review dates of a person; consent records

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "consent_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("erteilt", "widerrufen", name="consentstatus", native_enum=False, length=30),
            nullable=False,
        ),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column(
            "method",
            sa.Enum(
                "schriftlich",
                "E-Mail",
                "mündlich",
                "Formular",
                name="consentmethod",
                native_enum=False,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column("purpose", sa.String(length=300), nullable=False),
        sa.Column("text_version", sa.String(length=120), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_consent_record_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_record")),
    )
    with op.batch_alter_table("consent_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consent_record_person_id"), ["person_id"], unique=False
        )

    # Plain ADD COLUMNs (SQLite needs no table copy for them), so the rows that refer to
    # people are never touched.
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "legal_basis",
                sa.Enum(
                    "öffentliche Aufgabe",
                    "Einwilligung",
                    name="legalbasis",
                    native_enum=False,
                    length=30,
                ),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column("data_source", sa.String(length=300), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("contact_review_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("participation_review_on", sa.Date(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_person_contact_review_on"), ["contact_review_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_person_participation_review_on"),
            ["participation_review_on"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_participation_review_on"))
        batch_op.drop_index(batch_op.f("ix_person_contact_review_on"))
        batch_op.drop_column("participation_review_on")
        batch_op.drop_column("contact_review_on")
        batch_op.drop_column("data_source")
        batch_op.drop_column("legal_basis")
    with op.batch_alter_table("consent_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_record_person_id"))
    op.drop_table("consent_record")
