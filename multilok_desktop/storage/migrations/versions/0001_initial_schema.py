"""initial schema

Revision ID: 0001
Revises: -
Create Date: 2026-11-24 23:19:11.042830
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# Kept here rather than imported from the models: a migration must not change when the
# models change later.
TAXONOMY_DEFAULTS = {
    "organisation_kind": [
        "Kommune",
        "Kreisverwaltung",
        "Unternehmen",
        "Wohnungswirtschaft",
        "Verein",
        "Verband",
        "Investor",
        "Lokale Bevölkerung",
        "Sonstige",
    ],
    "department": [
        "Hauptamt",
        "Bauamt",
        "Ordnungsamt",
        "Sozialamt",
        "Jugendamt",
        "Schulverwaltungsamt",
        "Kämmerei",
        "Wirtschaftsförderung",
        "Stadtplanung",
        "Liegenschaften",
        "Bürgerservice",
    ],
    "strategy": [
        "Multilokale sesshaft machen",
        "Attraktive Lebensbedingungen für Multilokale schaffen",
        "Multilokale in das Gemeinwesen einbinden",
        "Multilokalität sichtbar machen und vernetzen",
    ],
    "target_group": [
        "Incomings",
        "Outgoings",
        "Wochenendpendler",
        "Saison- und Projektkräfte",
        "Zweitwohnsitzende",
        "Unternehmen",
        "Kommunen",
    ],
    "spatial_level": ["lokal", "regional", "überregional"],
    "project_type": ["organisatorisch", "investiv", "kommunikativ", "planerisch"],
    "action_field": [
        "Wohnen",
        "Bürgerschaftliches Engagement",
        "Unternehmen",
        "Soziale und technische Infrastruktur",
        "Mobilität",
        "Arbeit",
        "Kommunikation und Beteiligung",
    ],
    "measure_kind": ["Handlungsansatz", "Projektidee", "Projekt"],
    "measure_status": [
        "Idee",
        "in Prüfung",
        "geplant",
        "in Umsetzung",
        "umgesetzt",
        "zurückgestellt",
        "verworfen",
    ],
}

# unicode61 with remove_diacritics 2: "muller" and "MÜLLER" find "Müller" (DESIGN.md §6).
FTS_TABLES = {
    "person_fts": "name, organisation, email, place, tags, extra",
    "organisation_fts": "name, kind, email, place, tags, extra",
}
FTS_OPTIONS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "action_field",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_field")),
        sa.UniqueConstraint("name", name=op.f("uq_action_field_name")),
    )
    op.create_table(
        "department",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_department")),
        sa.UniqueConstraint("name", name=op.f("uq_department_name")),
    )
    op.create_table(
        "distribution_list",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_distribution_list")),
        sa.UniqueConstraint("name", name=op.f("uq_distribution_list_name")),
    )
    op.create_table(
        "measure_kind",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure_kind")),
        sa.UniqueConstraint("name", name=op.f("uq_measure_kind_name")),
    )
    op.create_table(
        "measure_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure_status")),
        sa.UniqueConstraint("name", name=op.f("uq_measure_status_name")),
    )
    op.create_table(
        "meeting_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("recurrence", sa.Text(), nullable=False),
        sa.Column("first_start", sa.DateTime(), nullable=True),
        sa.Column("default_location", sa.String(length=300), nullable=False),
        sa.Column("default_duration_minutes", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_series")),
    )
    op.create_table(
        "organisation_kind",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation_kind")),
        sa.UniqueConstraint("name", name=op.f("uq_organisation_kind_name")),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("salutation", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=40), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("function", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=60), nullable=False),
        sa.Column("mobile", sa.String(length=60), nullable=False),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("postal_code", sa.String(length=10), nullable=False),
        sa.Column("city", sa.String(length=120), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_email"), ["email"], unique=False)
        batch_op.create_index("ix_person_name", ["last_name", "first_name"], unique=False)

    op.create_table(
        "project_type",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_type")),
        sa.UniqueConstraint("name", name=op.f("uq_project_type_name")),
    )
    op.create_table(
        "spatial_level",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spatial_level")),
        sa.UniqueConstraint("name", name=op.f("uq_spatial_level_name")),
    )
    op.create_table(
        "strategy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strategy")),
        sa.UniqueConstraint("name", name=op.f("uq_strategy_name")),
    )
    op.create_table(
        "tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag")),
        sa.UniqueConstraint("name", name=op.f("uq_tag_name")),
    )
    op.create_table(
        "target_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target_group")),
        sa.UniqueConstraint("name", name=op.f("uq_target_group_name")),
    )
    op.create_table(
        "topic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topic")),
        sa.UniqueConstraint("name", name=op.f("uq_topic_name")),
    )
    op.create_table(
        "agenda_template_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("planned_minutes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["meeting_series.id"],
            name=op.f("fk_agenda_template_item_series_id_meeting_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_template_item")),
    )
    with op.batch_alter_table("agenda_template_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agenda_template_item_series_id"), ["series_id"], unique=False
        )

    op.create_table(
        "meeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=True),
        sa.Column("occurrence_start", sa.DateTime(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("start", sa.DateTime(), nullable=False),
        sa.Column("end", sa.DateTime(), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("ical_uid", sa.String(length=200), nullable=False),
        sa.Column("ical_sequence", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint('"end" >= start', name=op.f("ck_meeting_end_after_start")),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["meeting_series.id"],
            name=op.f("fk_meeting_series_id_meeting_series"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_series_id"), ["series_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_start"), ["start"], unique=False)

    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind_id", sa.Integer(), nullable=True),
        sa.Column("street", sa.String(length=200), nullable=False),
        sa.Column("postal_code", sa.String(length=10), nullable=False),
        sa.Column("city", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=60), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("website", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kind_id"],
            ["organisation_kind.id"],
            name=op.f("fk_organisation_kind_id_organisation_kind"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
    )
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisation_kind_id"), ["kind_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_organisation_name"), ["name"], unique=False)

    op.create_table(
        "person_directory",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("sort_key", sa.String(length=220), nullable=False),
        sa.Column("name", sa.String(length=220), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("organisation_sort_key", sa.String(length=200), nullable=False),
        sa.Column("organisation_ids", sa.Text(), nullable=False),
        sa.Column("kind_ids", sa.Text(), nullable=False),
        sa.Column("department_ids", sa.Text(), nullable=False),
        sa.Column("function", sa.String(length=200), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_directory_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_person_directory")),
    )
    with op.batch_alter_table("person_directory", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_directory_city"), ["city"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_person_directory_organisation_sort_key"),
            ["organisation_sort_key"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_person_directory_sort_key"), ["sort_key"], unique=False
        )

    op.create_table(
        "person_tag",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_tag_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_person_tag_tag_id_tag"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("person_id", "tag_id", name=op.f("pk_person_tag")),
    )
    op.create_table(
        "series_department",
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_series_department_department_id_department"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["meeting_series.id"],
            name=op.f("fk_series_department_series_id_meeting_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("series_id", "department_id", name=op.f("pk_series_department")),
    )
    op.create_table(
        "tool_card",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("strategy_id", sa.Integer(), nullable=True),
        sa.Column("spatial_level_id", sa.Integer(), nullable=True),
        sa.Column("project_type_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["project_type_id"],
            ["project_type.id"],
            name=op.f("fk_tool_card_project_type_id_project_type"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["spatial_level_id"],
            ["spatial_level.id"],
            name=op.f("fk_tool_card_spatial_level_id_spatial_level"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["strategy_id"],
            ["strategy.id"],
            name=op.f("fk_tool_card_strategy_id_strategy"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tool_card")),
        sa.UniqueConstraint("code", name=op.f("uq_tool_card_code")),
    )
    op.create_table(
        "agenda_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=10), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("presenter_id", sa.Integer(), nullable=True),
        sa.Column("presenter_text", sa.String(length=200), nullable=False),
        sa.Column("planned_minutes", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("non_public", sa.Boolean(), nullable=False),
        sa.Column("notes_html", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("unplanned", sa.Boolean(), nullable=False),
        sa.Column("withdrawn", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_agenda_item_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["presenter_id"],
            ["person.id"],
            name=op.f("fk_agenda_item_presenter_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agenda_item_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "distribution_list_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(person_id IS NULL) <> (organisation_id IS NULL)",
            name=op.f("ck_distribution_list_member_person_xor_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["distribution_list.id"],
            name=op.f("fk_distribution_list_member_list_id_distribution_list"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_distribution_list_member_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_distribution_list_member_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_distribution_list_member")),
        sa.UniqueConstraint("list_id", "person_id", "organisation_id", name="uq_list_member"),
    )
    with op.batch_alter_table("distribution_list_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_distribution_list_member_list_id"), ["list_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_distribution_list_member_organisation_id"),
            ["organisation_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_distribution_list_member_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("mode", sa.String(length=30), nullable=False),
        sa.Column("response", sa.String(length=30), nullable=False),
        sa.Column("responded_at", sa.DateTime(), nullable=True),
        sa.Column("receives_protocol", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_invitation_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_invitation_organisation_id_organisation"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_invitation_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation")),
    )
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invitation_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_invitation_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_invitation_person_id"), ["person_id"], unique=False)

    op.create_table(
        "measure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("kind_id", sa.Integer(), nullable=True),
        sa.Column("status_id", sa.Integer(), nullable=True),
        sa.Column("strategy_id", sa.Integer(), nullable=True),
        sa.Column("spatial_level_id", sa.Integer(), nullable=True),
        sa.Column("project_type_id", sa.Integer(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("tool_card_id", sa.Integer(), nullable=True),
        sa.Column("lead_organisation_id", sa.Integer(), nullable=True),
        sa.Column("responsible_person_id", sa.Integer(), nullable=True),
        sa.Column("origin_meeting_id", sa.Integer(), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("progress BETWEEN 0 AND 100", name=op.f("ck_measure_progress_range")),
        sa.ForeignKeyConstraint(
            ["kind_id"],
            ["measure_kind.id"],
            name=op.f("fk_measure_kind_id_measure_kind"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["lead_organisation_id"],
            ["organisation.id"],
            name=op.f("fk_measure_lead_organisation_id_organisation"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["origin_meeting_id"],
            ["meeting.id"],
            name=op.f("fk_measure_origin_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["measure.id"],
            name=op.f("fk_measure_parent_id_measure"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["project_type_id"],
            ["project_type.id"],
            name=op.f("fk_measure_project_type_id_project_type"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["responsible_person_id"],
            ["person.id"],
            name=op.f("fk_measure_responsible_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["spatial_level_id"],
            ["spatial_level.id"],
            name=op.f("fk_measure_spatial_level_id_spatial_level"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["status_id"],
            ["measure_status.id"],
            name=op.f("fk_measure_status_id_measure_status"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["strategy_id"],
            ["strategy.id"],
            name=op.f("fk_measure_strategy_id_strategy"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["tool_card_id"],
            ["tool_card.id"],
            name=op.f("fk_measure_tool_card_id_tool_card"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure")),
    )
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_measure_kind_id"), ["kind_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_measure_lead_organisation_id"), ["lead_organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_measure_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_measure_responsible_person_id"), ["responsible_person_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_measure_status_id"), ["status_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_measure_strategy_id"), ["strategy_id"], unique=False)

    op.create_table(
        "meeting_topic",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_topic_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topic.id"],
            name=op.f("fk_meeting_topic_topic_id_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "topic_id", name=op.f("pk_meeting_topic")),
    )
    op.create_table(
        "membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=120), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from",
            name=op.f("ck_membership_period"),
        ),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["department.id"],
            name=op.f("fk_membership_department_id_department"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_membership_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_membership_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership")),
    )
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_membership_department_id"), ["department_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_membership_organisation_id"), ["organisation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_membership_person_id"), ["person_id"], unique=False)

    op.create_table(
        "organisation_directory",
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("sort_key", sa.String(length=220), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=120), nullable=False),
        sa.Column("city", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=60), nullable=False),
        sa.Column("people_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_organisation_directory_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("organisation_id", name=op.f("pk_organisation_directory")),
    )
    with op.batch_alter_table("organisation_directory", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisation_directory_city"), ["city"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_organisation_directory_kind_id"), ["kind_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_organisation_directory_sort_key"), ["sort_key"], unique=False
        )

    op.create_table(
        "organisation_tag",
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_organisation_tag_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_organisation_tag_tag_id_tag"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("organisation_id", "tag_id", name=op.f("pk_organisation_tag")),
    )
    op.create_table(
        "protocol",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("chair_id", sa.Integer(), nullable=True),
        sa.Column("chair_text", sa.String(length=200), nullable=False),
        sa.Column("minute_taker_id", sa.Integer(), nullable=True),
        sa.Column("minute_taker_text", sa.String(length=200), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("approved_in_meeting_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["approved_in_meeting_id"],
            ["meeting.id"],
            name=op.f("fk_protocol_approved_in_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["chair_id"],
            ["person.id"],
            name=op.f("fk_protocol_chair_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_protocol_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["minute_taker_id"],
            ["person.id"],
            name=op.f("fk_protocol_minute_taker_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_protocol")),
        sa.UniqueConstraint("meeting_id", name=op.f("uq_protocol_meeting_id")),
    )
    op.create_table(
        "series_invitee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=True),
        sa.Column("list_id", sa.Integer(), nullable=True),
        sa.Column("mode", sa.String(length=30), nullable=False),
        sa.Column("receives_protocol", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            # CASE, not boolean arithmetic: portable to PostgreSQL
            "(CASE WHEN person_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN organisation_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN list_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_series_invitee_one_target"),
        ),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["distribution_list.id"],
            name=op.f("fk_series_invitee_list_id_distribution_list"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_series_invitee_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_series_invitee_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["meeting_series.id"],
            name=op.f("fk_series_invitee_series_id_meeting_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series_invitee")),
    )
    with op.batch_alter_table("series_invitee", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_series_invitee_series_id"), ["series_id"], unique=False
        )

    op.create_table(
        "tool_card_action_field",
        sa.Column("tool_card_id", sa.Integer(), nullable=False),
        sa.Column("action_field_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_field_id"],
            ["action_field.id"],
            name=op.f("fk_tool_card_action_field_action_field_id_action_field"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tool_card_id"],
            ["tool_card.id"],
            name=op.f("fk_tool_card_action_field_tool_card_id_tool_card"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "tool_card_id", "action_field_id", name=op.f("pk_tool_card_action_field")
        ),
    )
    op.create_table(
        "tool_card_target_group",
        sa.Column("tool_card_id", sa.Integer(), nullable=False),
        sa.Column("target_group_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["target_group_id"],
            ["target_group.id"],
            name=op.f("fk_tool_card_target_group_target_group_id_target_group"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tool_card_id"],
            ["tool_card.id"],
            name=op.f("fk_tool_card_target_group_tool_card_id_tool_card"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "tool_card_id", "target_group_id", name=op.f("pk_tool_card_target_group")
        ),
    )
    op.create_table(
        "action_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("measure_id", sa.Integer(), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("owner_text", sa.String(length=200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_action_item_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measure.id"],
            name=op.f("fk_action_item_measure_id_measure"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_action_item_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["person.id"],
            name=op.f("fk_action_item_owner_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_item")),
    )
    with op.batch_alter_table("action_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_item_agenda_item_id"), ["agenda_item_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_action_item_due_date"), ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_item_measure_id"), ["measure_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_item_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_action_item_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("name_text", sa.String(length=200), nullable=False),
        sa.Column("organisation_text", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("from_item_id", sa.Integer(), nullable=True),
        sa.Column("until_item_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["from_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_attendance_from_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_attendance_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_attendance_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["until_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_attendance_until_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendance_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendance_person_id"), ["person_id"], unique=False)

    op.create_table(
        "backlog_topic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("proposed_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_backlog_topic_agenda_item_id_agenda_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["meeting_series.id"],
            name=op.f("fk_backlog_topic_series_id_meeting_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_backlog_topic")),
    )
    with op.batch_alter_table("backlog_topic", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_backlog_topic_series_id"), ["series_id"], unique=False)

    op.create_table(
        "measure_action_field",
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("action_field_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_field_id"],
            ["action_field.id"],
            name=op.f("fk_measure_action_field_action_field_id_action_field"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measure.id"],
            name=op.f("fk_measure_action_field_measure_id_measure"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "measure_id", "action_field_id", name=op.f("pk_measure_action_field")
        ),
    )
    op.create_table(
        "measure_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("new_value", sa.Text(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measure.id"],
            name=op.f("fk_measure_history_measure_id_measure"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_measure_history_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure_history")),
    )
    with op.batch_alter_table("measure_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_measure_history_measure_id"), ["measure_id"], unique=False
        )

    op.create_table(
        "measure_meeting",
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measure.id"],
            name=op.f("fk_measure_meeting_measure_id_measure"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_measure_meeting_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("measure_id", "meeting_id", name=op.f("pk_measure_meeting")),
    )
    op.create_table(
        "measure_partner",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measure.id"],
            name=op.f("fk_measure_partner_measure_id_measure"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_measure_partner_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure_partner")),
        sa.UniqueConstraint("measure_id", "organisation_id", name="uq_measure_partner"),
    )
    with op.batch_alter_table("measure_partner", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_measure_partner_measure_id"), ["measure_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_measure_partner_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "measure_target_group",
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("target_group_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measure.id"],
            name=op.f("fk_measure_target_group_measure_id_measure"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_group_id"],
            ["target_group.id"],
            name=op.f("fk_measure_target_group_target_group_id_target_group"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "measure_id", "target_group_id", name=op.f("pk_measure_target_group")
        ),
    )
    op.create_table(
        "outcome",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("votes_yes", sa.Integer(), nullable=True),
        sa.Column("votes_no", sa.Integer(), nullable=True),
        sa.Column("votes_abstain", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_outcome_agenda_item_id_agenda_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome")),
    )
    with op.batch_alter_table("outcome", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outcome_agenda_item_id"), ["agenda_item_id"], unique=False
        )

    op.create_table(
        "protocol_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("protocol_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("snapshot_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["protocol_id"],
            ["protocol.id"],
            name=op.f("fk_protocol_revision_protocol_id_protocol"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_protocol_revision")),
        sa.UniqueConstraint("protocol_id", "revision", name="uq_protocol_revision"),
    )

    if op.get_bind().dialect.name == "sqlite":
        create_fts_tables()
    for table, names in TAXONOMY_DEFAULTS.items():
        taxonomy = sa.table(
            table,
            sa.column("name", sa.String),
            sa.column("position", sa.Integer),
            sa.column("retired", sa.Boolean),
        )
        op.bulk_insert(
            taxonomy,
            [{"name": name, "position": i, "retired": False} for i, name in enumerate(names)],
        )


def create_fts_tables() -> None:
    for table, columns in FTS_TABLES.items():
        op.execute(f"CREATE VIRTUAL TABLE {table} USING fts5({columns}, {FTS_OPTIONS})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in FTS_TABLES:
            op.execute(f"DROP TABLE {table}")
    op.drop_table("protocol_revision")
    with op.batch_alter_table("outcome", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcome_agenda_item_id"))

    op.drop_table("outcome")
    op.drop_table("measure_target_group")
    with op.batch_alter_table("measure_partner", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measure_partner_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_measure_partner_measure_id"))

    op.drop_table("measure_partner")
    op.drop_table("measure_meeting")
    with op.batch_alter_table("measure_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measure_history_measure_id"))

    op.drop_table("measure_history")
    op.drop_table("measure_action_field")
    with op.batch_alter_table("backlog_topic", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_backlog_topic_series_id"))

    op.drop_table("backlog_topic")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_person_id"))
        batch_op.drop_index(batch_op.f("ix_attendance_meeting_id"))

    op.drop_table("attendance")
    with op.batch_alter_table("action_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_item_owner_id"))
        batch_op.drop_index(batch_op.f("ix_action_item_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_action_item_measure_id"))
        batch_op.drop_index(batch_op.f("ix_action_item_due_date"))
        batch_op.drop_index(batch_op.f("ix_action_item_agenda_item_id"))

    op.drop_table("action_item")
    op.drop_table("tool_card_target_group")
    op.drop_table("tool_card_action_field")
    with op.batch_alter_table("series_invitee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_series_invitee_series_id"))

    op.drop_table("series_invitee")
    op.drop_table("protocol")
    op.drop_table("organisation_tag")
    with op.batch_alter_table("organisation_directory", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_directory_sort_key"))
        batch_op.drop_index(batch_op.f("ix_organisation_directory_kind_id"))
        batch_op.drop_index(batch_op.f("ix_organisation_directory_city"))

    op.drop_table("organisation_directory")
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_membership_person_id"))
        batch_op.drop_index(batch_op.f("ix_membership_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_membership_department_id"))

    op.drop_table("membership")
    op.drop_table("meeting_topic")
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_measure_strategy_id"))
        batch_op.drop_index(batch_op.f("ix_measure_status_id"))
        batch_op.drop_index(batch_op.f("ix_measure_responsible_person_id"))
        batch_op.drop_index(batch_op.f("ix_measure_parent_id"))
        batch_op.drop_index(batch_op.f("ix_measure_lead_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_measure_kind_id"))

    op.drop_table("measure")
    with op.batch_alter_table("invitation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invitation_person_id"))
        batch_op.drop_index(batch_op.f("ix_invitation_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_invitation_meeting_id"))

    op.drop_table("invitation")
    with op.batch_alter_table("distribution_list_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_distribution_list_member_person_id"))
        batch_op.drop_index(batch_op.f("ix_distribution_list_member_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_distribution_list_member_list_id"))

    op.drop_table("distribution_list_member")
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_item_meeting_id"))

    op.drop_table("agenda_item")
    op.drop_table("tool_card")
    op.drop_table("series_department")
    op.drop_table("person_tag")
    with op.batch_alter_table("person_directory", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_directory_sort_key"))
        batch_op.drop_index(batch_op.f("ix_person_directory_organisation_sort_key"))
        batch_op.drop_index(batch_op.f("ix_person_directory_city"))

    op.drop_table("person_directory")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_name"))
        batch_op.drop_index(batch_op.f("ix_organisation_kind_id"))

    op.drop_table("organisation")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_start"))
        batch_op.drop_index(batch_op.f("ix_meeting_series_id"))

    op.drop_table("meeting")
    with op.batch_alter_table("agenda_template_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_template_item_series_id"))

    op.drop_table("agenda_template_item")
    op.drop_table("topic")
    op.drop_table("target_group")
    op.drop_table("tag")
    op.drop_table("strategy")
    op.drop_table("spatial_level")
    op.drop_table("project_type")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_name")
        batch_op.drop_index(batch_op.f("ix_person_email"))

    op.drop_table("person")
    op.drop_table("organisation_kind")
    op.drop_table("meeting_series")
    op.drop_table("measure_status")
    op.drop_table("measure_kind")
    op.drop_table("distribution_list")
    op.drop_table("department")
    op.drop_table("action_field")
