"""Alembic, driven from code: the schema is upgraded to head whenever a database opens.

Alembic is imported only when a migration has to run: an up-to-date database (the usual
start) is recognised by one query against `HEAD_REVISION`, which a test keeps equal to
the newest migration. That keeps Alembic out of the start-up time (DESIGN.md §6).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, inspect, text

from .errors import DatabaseNewerError, StorageError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
HEAD_REVISION = "0006"  # update with every new migration (tests/storage checks it)

# Virtual FTS5 tables and their shadow tables are made by the migrations, not the models.
FTS_PREFIXES = ("person_fts", "organisation_fts", "protocol_fts", "measure_fts")


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic filter: compare everything but the FTS tables."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_PREFIXES))


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _known(script: ScriptDirectory, revision: str) -> bool:
    from alembic.util import CommandError

    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def upgrade_to_head(engine: Engine) -> None:
    current = current_revision(engine)
    if current == HEAD_REVISION:
        return  # the common case: no Alembic at all
    from alembic import command

    script = script_directory()
    if current is not None and not _known(script, current):
        raise DatabaseNewerError(
            "Diese Datenbank stammt aus einer neueren Multilok-Version "
            f"(Schema {current}). Bitte Multilok aktualisieren."
        )
    if current is None:
        _refuse_foreign(engine)
    elif current != script.get_current_head():  # a migration will really run
        _backup_before_migration(engine)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _sqlite_file(engine: Engine) -> Path | None:
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database)


def _refuse_foreign(engine: Engine) -> None:
    """Tables but no `alembic_version`: another program's database; never migrate it."""
    with engine.connect() as connection:
        tables = [t for t in inspect(connection).get_table_names() if not t.startswith("sqlite_")]
    if tables:
        from .health import foreign_error

        path = _sqlite_file(engine)
        shown = ", ".join(sorted(tables)[:3]) + (" …" if len(tables) > 3 else "")
        raise foreign_error(path or Path(str(engine.url)), f"fremde Tabellen: {shown}")


def _backup_before_migration(engine: Engine) -> None:
    """An existing database gets a verified backup before its schema changes (DESIGN.md §5)."""
    path = _sqlite_file(engine)
    if path is None or not path.is_file():
        return
    from .autobackup import safety_backup

    try:
        safety_backup(path)
    except (StorageError, OSError) as exc:
        raise StorageError(
            f"Die Datenbank {path} muss aktualisiert werden, vorher ließ sich aber keine "
            f"Sicherung anlegen ({exc}). Es wurde nichts verändert."
        ) from exc
