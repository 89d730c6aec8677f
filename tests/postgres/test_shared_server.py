"""The shared PostgreSQL server: same migrations, the command line, two processes at once."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from multilok_desktop.domain import Base, Person
from multilok_desktop.services.people import PersonData, get_person, save_person
from multilok_desktop.storage.database import Database
from multilok_desktop.storage.migrate import HEAD_REVISION, current_revision, include_object

# One child process: open the database, do one thing, report on stdout; exit 3 on a conflict.
CHILD = textwrap.dedent(
    """
    import json, sys
    from dataclasses import replace
    from multilok_desktop.services.conflicts import ConflictError
    from multilok_desktop.services.people import PersonData, get_person, save_person
    from multilok_desktop.storage.database import Database

    url, action, *args = sys.argv[1:]
    db = Database.open(url)
    if action == "edit":  # person id, the version the form loaded, new city
        person_id, version, city = int(args[0]), int(args[1]), args[2]
        with db.session() as s:
            form = replace(get_person(s, person_id).data, city=city, version=version)
        try:
            with db.session() as s:
                save_person(s, form, person_id)
        except ConflictError as error:
            print(json.dumps({"message": str(error), "differences": error.differences}))
            sys.exit(3)
        print(json.dumps({"saved": city}))
    elif action == "insert":  # how many people, name prefix
        for number in range(int(args[0])):
            with db.session() as s:
                save_person(s, PersonData(first_name=f"{args[1]}{number}", last_name="Pendler"))
    db.close()
    """
)


def _child(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )


def test_migrations_build_exactly_the_models_schema_on_postgresql(pg_url: str) -> None:
    """All migrations 0001–head run on PostgreSQL and give exactly the models' schema."""
    db = Database.open(pg_url)
    try:
        assert current_revision(db.engine) == HEAD_REVISION
        with db.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"include_object": include_object, "compare_type": True}
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.close()


def test_two_processes_edit_one_person_the_second_gets_a_conflict(pg_url: str) -> None:
    """Both forms loaded version 1; the first save wins, the second is refused with both
    versions, and the first one's change is still there."""
    db = Database.open(pg_url)
    try:
        with db.session() as s:
            person_id = save_person(s, PersonData(first_name="Jürgen", last_name="Müller"))
            loaded = get_person(s, person_id).data.version
        assert loaded == 1
        first = _child(pg_url, "edit", str(person_id), str(loaded), "Kamenz")
        out, err = first.communicate(timeout=60)
        assert first.returncode == 0, err
        second = _child(pg_url, "edit", str(person_id), str(loaded), "Bautzen")
        out, err = second.communicate(timeout=60)
        assert second.returncode == 3, err
        report = json.loads(out)
        assert "Die Person „Jürgen Müller“ wurde inzwischen" in report["message"]
        assert ["Ort", "Bautzen", "Kamenz"] in report["differences"]
        with db.session() as s:
            stored = get_person(s, person_id).data
        assert (stored.city, stored.version) == ("Kamenz", 2)
    finally:
        db.close()


def test_concurrent_inserts_from_two_processes_all_land(pg_url: str) -> None:
    Database.open(pg_url).close()
    children = [_child(pg_url, "insert", "40", prefix) for prefix in ("A", "B")]
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
    db = Database.open(pg_url)
    try:
        with db.session() as s:
            names = s.scalars(select(Person.first_name)).all()
            assert s.scalar(select(func.count()).select_from(Person)) == 80
        assert {f"{p}{n}" for p in "AB" for n in range(40)} == set(names)
    finally:
        db.close()


def test_the_command_line_works_on_the_server(pg_url: str) -> None:
    """`multilok --db postgresql+psycopg://…`: demo data, search without FTS5, new records
    after the demo's explicit ids (the sequences were advanced)."""
    cli = [sys.executable, "-m", "multilok_desktop.cli", "--db", pg_url]
    done = subprocess.run(
        [*cli, "demo"], capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 0, done.stderr
    db = Database.open(pg_url)
    try:
        with db.session() as s:
            someone = s.scalars(select(Person).where(Person.last_name.like("%ü%"))).first()
            assert someone is not None
            new_id = save_person(s, PersonData(first_name="Neu", last_name="Person"))
            assert new_id > someone.id
            last_name = someone.last_name
    finally:
        db.close()
    listed = subprocess.run(
        [*cli, "list", "contacts", "--json", "--search", last_name.upper().replace("Ü", "U")],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert listed.returncode == 0, listed.stderr
    assert last_name in {row["last_name"] for row in json.loads(listed.stdout)}
