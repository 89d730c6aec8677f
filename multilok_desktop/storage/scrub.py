"""Leave no trace of deleted personal data in the SQLite file (Art. 17 DSGVO).

Deleting rows is not enough: FTS5 keeps the tokens of deleted rows in its older index
segments until they are merged, freed pages keep their old bytes unless `secure_delete`
is on (it is, see `database._set_sqlite_pragmas`), and the WAL file keeps earlier page
images until it is reset. `scrub_database` merges every FTS5 index ('optimize'), rewrites
the file (VACUUM) and truncates the WAL. It takes a moment on a large database, so it runs
after erasures, not after every delete.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine, text

from .migrate import FTS_PREFIXES

log = logging.getLogger(__name__)


def scrub_database(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        return  # a server database manages its own storage
    with engine.connect() as connection:
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        tables = connection.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%fts5%'")
        ).scalars()
        for name in [t for t in tables if t in FTS_PREFIXES]:
            connection.execute(text(f"INSERT INTO {name}({name}) VALUES ('optimize')"))
        connection.execute(text("VACUUM"))
        busy, _, _ = connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)")).one()
    log.info("storage: database scrubbed (checkpoint busy=%s)", busy)
