"""measures tracker: status phases, traffic light, pending topics, saved filters, tool card
texts, outcome → measure link, measure search index; invitation rows of one kind only

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# What the seeded status names mean; statuses the user added later are "offen".
STATUS_PHASES = {
    "umgesetzt": "erledigt",
    "zurückgestellt": "ruhend",
    "verworfen": "verworfen",
}

PENDING_TOPICS = (
    "Kleine Wohnungen",
    "Kinderbetreuung",
    "Pflege und Versorgung Älterer",
    "Fachkräftemangel",
    "Nahversorgung",
    "ÖPNV-Anbindung",
)

X001_CODE = "X 001"
X001_TITLE = "Regelmäßige regionale Vernetzungstreffen zur Thematik Multilokalität"
X001_SUMMARY = (
    "Kommunen, Verwaltungsressorts, Unternehmen, Wohnungswirtschaft und Zivilgesellschaft "
    "treffen sich regelmäßig, um Erfahrungen mit multilokal Lebenden auszutauschen und "
    "gemeinsame Handlungsansätze zu entwickeln."
)
X001_DESCRIPTION = """\
Ziel
Multilokalität – das Leben an mehreren Orten, etwa von Wochenendpendlern, Saison- und \
Projektkräften, Zweitwohnsitzenden oder Auszubildenden – ist in vielen Kommunen Alltag, wird \
aber selten gemeinsam betrachtet. Regelmäßige regionale Vernetzungstreffen machen das Thema \
sichtbar, bündeln das Wissen der Akteure und schaffen die Grundlage für abgestimmte \
Handlungsansätze und Projektideen.

Beschreibung
Eine Koordinationsstelle (z. B. im Landratsamt oder bei der Regionalentwicklung) lädt die \
Kommunen der Region und die fachlich berührten Verwaltungsressorts (Bauamt, Sozialamt, \
Wirtschaftsförderung, Bürgerservice) sowie Unternehmen, Wohnungswirtschaft, Vereine und \
Verbände zwei- bis viermal im Jahr zu einem Vernetzungstreffen ein. Jedes Treffen hat ein \
Schwerpunktthema (z. B. Wohnraum auf Zeit, Kinderbetreuung zu Randzeiten, Mobilität von \
Pendlern). Die Teilnehmenden berichten aus ihrer Praxis, bewerten Handlungsansätze aus dem \
Werkzeugkasten und verabreden Projektideen mit Projektträger, Partnern und nächsten Schritten. \
Die Ergebnisse werden protokolliert, der Umsetzungsstand wird beim folgenden Treffen berichtet.

Umsetzungsschritte
1. Koordinationsstelle benennen und Ansprechpersonen in den Kommunen gewinnen.
2. Datenlage klären: Zweitwohnsitze, Pendlerströme, Beschäftigte mit Wohnsitz außerhalb.
3. Turnus, Ort (wechselnd in den Kommunen) und Verteiler festlegen.
4. Erstes Treffen mit Bestandsaufnahme: Wo begegnet uns Multilokalität, was fehlt?
5. Handlungsansätze auswählen, Projektideen mit Verantwortlichen und Terminen festhalten.
6. Umsetzungsstand in jedem Treffen berichten; Ergebnisse jährlich dem Kreistag vorstellen.

Beteiligte
Kommunen und Kreisverwaltung, Wirtschaftsförderung, Unternehmen und Kammern, \
Wohnungswirtschaft, Vereine und Verbände, bei Bedarf Vertreterinnen und Vertreter der \
multilokal Lebenden selbst.

Aufwand und Wirkung
Geringer finanzieller Aufwand (Räume, Moderation, Protokoll); die Wirkung entsteht durch \
Verstetigung: verlässlicher Turnus, verbindliche Protokolle und nachgehaltene Maßnahmen.

Hinweise
Sowieso anstehende Themen der Kommunen (kleine Wohnungen, Kinderbetreuung, Pflege, \
Fachkräftemangel) eignen sich als Anknüpfungspunkte: Multilokale sind dort oft mitgemeint, \
ohne dass es ausgesprochen wird.
"""

# One row per measure, rowid = measure.id, kept by triggers so every writer keeps it right.
MEASURE_FTS = (
    "CREATE VIRTUAL TABLE measure_fts USING fts5(title, description, delay_reason, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)
MEASURE_FTS_TRIGGERS = {
    "measure_fts_inserted": (
        "AFTER INSERT ON measure BEGIN "
        "INSERT INTO measure_fts(rowid, title, description, delay_reason) "
        "VALUES (new.id, new.title, new.description, new.delay_reason); END"
    ),
    "measure_fts_updated": (
        "AFTER UPDATE OF title, description, delay_reason ON measure BEGIN "
        "UPDATE measure_fts SET title = new.title, description = new.description, "
        "delay_reason = new.delay_reason WHERE rowid = new.id; END"
    ),
    "measure_fts_deleted": (
        "AFTER DELETE ON measure BEGIN DELETE FROM measure_fts WHERE rowid = old.id; END"
    ),
}


def upgrade() -> None:
    op.create_table(
        "pending_topic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_topic")),
        sa.UniqueConstraint("name", name=op.f("uq_pending_topic_name")),
    )
    op.create_table(
        "saved_filter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("criteria", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_filter")),
        sa.UniqueConstraint("scope", "name", name="uq_saved_filter_name"),
    )
    op.create_table(
        "measure_pending_topic",
        sa.Column("measure_id", sa.Integer(), nullable=False),
        sa.Column("pending_topic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["measure_id"],
            ["measure.id"],
            name=op.f("fk_measure_pending_topic_measure_id_measure"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pending_topic_id"],
            ["pending_topic.id"],
            name=op.f("fk_measure_pending_topic_pending_topic_id_pending_topic"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "measure_id", "pending_topic_id", name=op.f("pk_measure_pending_topic")
        ),
    )
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "traffic_light",
                sa.Enum(
                    "im Plan",
                    "verzögert",
                    "blockiert",
                    name="trafficlight",
                    native_enum=False,
                    length=30,
                ),
                nullable=False,
                server_default="im Plan",
            )
        )
        batch_op.add_column(sa.Column("delay_reason", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("measure_history", schema=None) as batch_op:
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("measure_status", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "phase",
                sa.Enum(
                    "offen",
                    "erledigt",
                    "ruhend",
                    "verworfen",
                    name="statusphase",
                    native_enum=False,
                    length=30,
                ),
                nullable=False,
                server_default="offen",
            )
        )
    with op.batch_alter_table("outcome", schema=None) as batch_op:
        batch_op.add_column(sa.Column("measure_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_outcome_measure_id"), ["measure_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_outcome_measure_id_measure"),
            "measure",
            ["measure_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("tool_card", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("summary", sa.String(length=500), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("retired", sa.Boolean(), nullable=False, server_default=sa.false())
        )

    for name, phase in STATUS_PHASES.items():
        op.execute(
            sa.text("UPDATE measure_status SET phase = :phase WHERE name = :name").bindparams(
                phase=phase, name=name
            )
        )
    op.bulk_insert(
        sa.table(
            "pending_topic",
            sa.column("name", sa.String),
            sa.column("position", sa.Integer),
            sa.column("retired", sa.Boolean),
        ),
        [{"name": name, "position": i, "retired": False} for i, name in enumerate(PENDING_TOPICS)],
    )
    _seed_x001()
    # An invitation is of a person or of an organisation, never both (older rows had both).
    op.execute("UPDATE invitation SET organisation_id = NULL WHERE person_id IS NOT NULL")

    if op.get_bind().dialect.name == "sqlite":
        op.execute(MEASURE_FTS)
        for name, body in MEASURE_FTS_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
        op.execute(
            "INSERT INTO measure_fts(rowid, title, description, delay_reason) "
            "SELECT id, title, description, delay_reason FROM measure"
        )


def _seed_x001() -> None:
    """Ship the seed card with its full text; an office's own X 001 keeps its wording."""
    bind = op.get_bind()
    existing = bind.execute(
        sa.text("SELECT id, description FROM tool_card WHERE code = :code"), {"code": X001_CODE}
    ).first()
    if existing is not None:
        bind.execute(
            sa.text(
                "UPDATE tool_card SET summary = :summary, description = CASE "
                "WHEN description = '' THEN :description ELSE description END WHERE id = :id"
            ),
            {"summary": X001_SUMMARY, "description": X001_DESCRIPTION, "id": existing.id},
        )
        return

    def lookup(table: str, name: str) -> int | None:
        return bind.execute(
            sa.text(f"SELECT id FROM {table} WHERE name = :name"), {"name": name}
        ).scalar()

    card_id = bind.execute(
        sa.text(
            "INSERT INTO tool_card (code, title, summary, description, strategy_id, "
            "spatial_level_id, project_type_id, retired) VALUES (:code, :title, :summary, "
            ":description, :strategy, :level, :kind, :retired) RETURNING id"
        ),
        {
            "code": X001_CODE,
            "title": X001_TITLE,
            "summary": X001_SUMMARY,
            "description": X001_DESCRIPTION,
            "strategy": lookup("strategy", "Multilokalität sichtbar machen und vernetzen"),
            "level": lookup("spatial_level", "regional"),
            "kind": lookup("project_type", "organisatorisch"),
            "retired": False,
        },
    ).scalar_one()
    for table, column, names in (
        ("target_group", "target_group_id", ("Kommunen", "Unternehmen")),
        ("action_field", "action_field_id", ("Kommunikation und Beteiligung",)),
    ):
        for name in names:
            value_id = lookup(table, name)
            if value_id is not None:
                bind.execute(
                    sa.text(
                        f"INSERT INTO tool_card_{table} (tool_card_id, {column}) "
                        "VALUES (:card, :value)"
                    ),
                    {"card": card_id, "value": value_id},
                )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in MEASURE_FTS_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
        op.execute("DROP TABLE measure_fts")
    with op.batch_alter_table("tool_card", schema=None) as batch_op:
        batch_op.drop_column("retired")
        batch_op.drop_column("summary")
    with op.batch_alter_table("outcome", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_outcome_measure_id_measure"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_outcome_measure_id"))
        batch_op.drop_column("measure_id")
    with op.batch_alter_table("measure_status", schema=None) as batch_op:
        batch_op.drop_column("phase")
    with op.batch_alter_table("measure_history", schema=None) as batch_op:
        batch_op.drop_column("note")
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.drop_column("delay_reason")
        batch_op.drop_column("traffic_light")
    op.drop_table("measure_pending_topic")
    op.drop_table("saved_filter")
    op.drop_table("pending_topic")
