"""Storage: migrations build the schema the models describe; pragmas; clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, func, select, text

from multilok_desktop.domain import Base, MeasureStatus, OrganisationKind
from multilok_desktop.storage.database import Database
from multilok_desktop.storage.errors import DatabaseNewerError, DatabaseOpenError
from multilok_desktop.storage.migrate import (
    HEAD_REVISION,
    alembic_config,
    current_revision,
    head_revision,
    include_object,
)
from multilok_desktop.storage.paths import resolve_db_url


def test_migrations_build_exactly_the_models_schema(db: Database) -> None:
    """A database made by the migrations has no difference to the SQLAlchemy models."""
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_migrations_form_one_chain_to_head() -> None:
    """One chain, and HEAD_REVISION (the start-up fast path) names its newest migration."""
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    assert revisions[-1].down_revision is None
    assert head_revision() == revisions[0].revision == HEAD_REVISION


def test_new_database_is_at_head_with_seeded_taxonomies(db: Database) -> None:
    assert current_revision(db.engine) == head_revision()
    with db.session() as s:
        kinds = s.scalars(select(OrganisationKind.name).order_by(OrganisationKind.position)).all()
        assert kinds[0] == "Kommune" and "Lokale Bevölkerung" in kinds and len(kinds) == 9
        assert s.scalar(select(func.count()).select_from(MeasureStatus)) == 7


def test_every_connection_has_the_safety_pragmas(db: Database) -> None:
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_database_file_is_readable_by_its_owner_only(db: Database, db_path: Path) -> None:
    assert db_path.stat().st_mode & 0o077 == 0


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.sqlite"
    bogus.write_bytes(b"Dies ist eine Textdatei, keine Datenbank.\n" * 10)
    before = bogus.read_bytes()
    with pytest.raises(DatabaseOpenError, match="keine Multilok-Datenbank"):
        Database.open(str(bogus))
    assert bogus.read_bytes() == before


def test_a_damaged_database_gives_a_clear_error(
    tmp_path: Path, db: Database, db_path: Path
) -> None:
    db.close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(bytes(data))
    with pytest.raises(DatabaseOpenError, match="beschädigt|nicht öffnen"):
        Database.open(str(damaged))


def test_a_database_from_a_newer_version_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32))"))
        connection.execute(text("INSERT INTO alembic_version VALUES ('9999_future')"))
    engine.dispose()
    with pytest.raises(DatabaseNewerError, match="neueren Multilok-Version"):
        Database.open(str(path))


def test_opening_without_create_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="gibt es nicht"):
        Database.open(str(tmp_path / "missing.sqlite"), create=False)


def test_db_argument_environment_and_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert resolve_db_url(str(tmp_path / "a.sqlite")) == f"sqlite:///{tmp_path / 'a.sqlite'}"
    assert resolve_db_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("MULTILOK_DB", str(tmp_path / "env.sqlite"))
    assert resolve_db_url(None).endswith("env.sqlite")
    monkeypatch.delenv("MULTILOK_DB")
    assert resolve_db_url(None).endswith("multilok.sqlite")


def test_naive_datetimes_are_refused(db: Database) -> None:
    from datetime import datetime

    from sqlalchemy.exc import StatementError

    from multilok_desktop.domain import Meeting

    with pytest.raises(StatementError, match="naive"), db.session() as s:
        s.add(Meeting(title="x", start=datetime(2026, 3, 10, 14), end=datetime(2026, 3, 10, 16)))
        s.flush()


def test_a_database_of_the_first_schema_upgrades_without_loss(tmp_path: Path) -> None:
    """Opening a file of an older schema migrates it and keeps its rows."""
    from alembic import command

    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO person (first_name, last_name, salutation, title, "
                                "function, email, phone, mobile, street, postal_code, city, notes, "
                                "created_at, updated_at) VALUES ('Jutta', 'Kühn', '', '', '', '', "
                                "'', '', '', '', '', '', '2026-01-01', '2026-01-01')"))  # fmt: skip
    engine.dispose()
    database = Database.open(str(path))
    assert current_revision(database.engine) == HEAD_REVISION
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT last_name FROM person")).scalar() == "Kühn"
        assert connection.execute(text("SELECT count(*) FROM setting")).scalar() == 0
    database.close()
