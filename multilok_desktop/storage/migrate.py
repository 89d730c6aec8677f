"""Alembic, driven from code: the schema is upgraded to head whenever a database opens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine

from .errors import DatabaseNewerError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

# Virtual FTS5 tables and their shadow tables are made by the migrations, not the models.
FTS_PREFIXES = ("person_fts", "organisation_fts")


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic filter: compare everything but the FTS tables."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_PREFIXES))


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def upgrade_to_head(engine: Engine) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(engine)
    if current == script.get_current_head():
        return  # the common case: no Alembic machinery beyond one query
    if current is not None and not _known(script, current):
        raise DatabaseNewerError(
            "Diese Datenbank stammt aus einer neueren Multilok-Version "
            f"(Schema {current}). Bitte Multilok aktualisieren."
        )
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
