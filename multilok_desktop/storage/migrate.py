"""Alembic, driven from code: the schema is upgraded to head whenever a database opens.

Alembic is imported only when a migration has to run: an up-to-date database (the usual
start) is recognised by one query against `HEAD_REVISION`, which a test keeps equal to
the newest migration. That keeps Alembic out of the start-up time (DESIGN.md §6).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, inspect, text

from .errors import DatabaseNewerError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
HEAD_REVISION = "0004"  # update with every new migration (tests/storage checks it)

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
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
