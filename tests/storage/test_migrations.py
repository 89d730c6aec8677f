"""Every released schema version upgrades to head without loss (DESIGN.md §3, §5).

The old databases are made here with Alembic at each released revision and filled with
a little data through plain SQL, so they do not depend on today's models: columns that a
revision requires are filled from its own table definition.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from multilok_desktop.services.address_book import PeopleQuery, people_page
from multilok_desktop.storage.backup import default_backup_dir, list_backups
from multilok_desktop.storage.database import Database
from multilok_desktop.storage.integrity import check_database
from multilok_desktop.storage.migrate import alembic_config, head_revision

RELEASED = ["0001", "0002", "0003", "0004"]
STAMP = "2025-03-11 09:30:00.000000"
NOTES = "<p>Frau Kühn stellt die Wohnraumbörse vor; Öffnungszeiten ändern sich.</p>"


def database_at(revision: str, path: Path) -> None:
    from alembic import command

    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def insert(connection: sqlite3.Connection, table: str, **values: object) -> int:
    """Insert a row, giving every required column without a default a plain value."""
    row = dict(values)
    for _, name, type_, notnull, default, pk in connection.execute(f'PRAGMA table_info("{table}")'):
        if name in row or pk or not notnull or default is not None:
            continue
        kind = str(type_).upper()
        if "DATETIME" in kind:
            row[name] = STAMP
        elif "DATE" in kind:
            row[name] = "2025-03-11"
        elif "INT" in kind or "BOOL" in kind or "NUM" in kind:
            row[name] = 0
        else:
            row[name] = ""
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" for _ in row)
    cursor = connection.execute(
        f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', list(row.values())
    )
    return int(cursor.lastrowid or 0)


def fill(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys=ON")
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    kind = connection.execute("SELECT id FROM organisation_kind WHERE name='Kommune'").fetchone()[0]
    organisation = insert(
        connection,
        "organisation",
        name="Gemeinde Großröhrsdorf",
        kind_id=kind,
        city="Großröhrsdorf",
    )
    person = insert(
        connection, "person", first_name="Jürgen", last_name="Müller-Lüdenscheidt",
        email="j.mueller@grossroehrsdorf.de", city="Großröhrsdorf",
    )  # fmt: skip
    insert(connection, "person", first_name="Ayşe", last_name="Yılmaz")
    insert(
        connection, "membership", person_id=person, organisation_id=organisation,
        role="Amtsleiter", is_primary=1,
    )  # fmt: skip
    meeting = insert(
        connection, "meeting", title="7. Vernetzungstreffen", start="2025-03-11 08:00:00.000000",
        end="2025-03-11 11:00:00.000000", location="Rathaus Großröhrsdorf", status="geplant",
        ical_uid="m7@multilok",
    )  # fmt: skip
    insert(
        connection, "agenda_item", meeting_id=meeting, position=1, number="1",
        title="Wohnraum auf Zeit für Pendler", presenter_id=person, notes_html=NOTES,
    )  # fmt: skip
    insert(connection, "measure", title="Wohnraumbörse für Wochenendpendler", progress=40)
    if "setting" in tables:
        insert(connection, "setting", key="office_name", value="Koordinationsstelle Talbach")
    connection.commit()
    connection.close()


def counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        names = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND sql NOT LIKE 'CREATE VIRTUAL%'"
            )
        ]
        return {
            name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in names
            if "_fts" not in name and not name.endswith("_directory")
        }
    finally:
        connection.close()


def scalar(path: Path, sql: str) -> object:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchone()[0]
    finally:
        connection.close()


def test_the_released_versions_are_the_known_migrations() -> None:
    """A new migration is a new released version: add it to RELEASED when it ships."""
    assert set(RELEASED) <= {f"{n:04d}" for n in range(1, int(head_revision()) + 1)}


@pytest.mark.parametrize("revision", RELEASED)
def test_an_old_database_upgrades_to_head_without_loss(revision: str, tmp_path: Path) -> None:
    path = tmp_path / f"schema-{revision}.sqlite"
    database_at(revision, path)
    fill(path)
    before = counts(path)

    database = Database.open(str(path))
    try:
        after = counts(path)
        assert scalar(path, "SELECT version_num FROM alembic_version") == head_revision()
        lost = {t: (n, after.get(t)) for t, n in before.items() if after.get(t, 0) < n}
        assert lost == {}
        for table in ("person", "organisation", "membership", "meeting", "agenda_item", "measure"):
            assert after[table] == before[table], table
        assert scalar(path, "SELECT last_name FROM person WHERE first_name='Jürgen'") == (
            "Müller-Lüdenscheidt"
        )
        assert scalar(path, "SELECT notes_html FROM agenda_item") == NOTES
        assert scalar(path, "SELECT progress FROM measure") == 40
        if revision != "0001":
            assert (
                scalar(path, "SELECT value FROM setting WHERE key='office_name'")
                == "Koordinationsstelle Talbach"
            )
        report = check_database(database.engine)  # integrity, links; repairs the index
        assert report.ok, report.problems
        with database.session() as session:  # the address book finds the old people
            found = people_page(session, PeopleQuery(text="muller"), 0, 10)
        assert [row.name for row in found] == ["Müller-Lüdenscheidt, Jürgen"]
    finally:
        database.close()
    backups = list_backups(default_backup_dir())  # the state before the upgrade is kept
    if revision == head_revision():
        assert backups == []  # nothing to upgrade, nothing to back up
    else:
        assert len(backups) == 1
        assert scalar(backups[0].path, "SELECT version_num FROM alembic_version") == revision
