"""The one place that builds an engine and hands out sessions.

`Database.open()` resolves the URL, sets the SQLite pragmas on every connection, checks
the file, upgrades the schema to the newest migration and installs the search-index
upkeep. Everything above this layer only sees `Database.session()`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from ..domain.text import fold
from . import index_upkeep
from .errors import DatabaseOpenError
from .health import SQLITE_HEADER, check_file, damaged_error, foreign_error
from .migrate import upgrade_to_head
from .network import refuse_network_database
from .paths import display_name, resolve_db_url, sqlite_path

BUSY_TIMEOUT_MS = 5000


def _fold_sql(value: object) -> str:
    return fold(value) if isinstance(value, str) else ""


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit while setting pragmas: journal_mode cannot change inside a transaction.
    previous = dbapi_connection.isolation_level
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a committed minute survives a power loss, not only a crash (DESIGN.md §5).
    cursor.execute("PRAGMA synchronous=FULL")
    # Deleted personal data is overwritten with zeros, not left in free pages (Art. 17).
    cursor.execute("PRAGMA secure_delete=ON")
    # fold(text) for substring searches that ignore case and umlauts ("börse" in
    # "Wohnraumbörse"), which FTS5's word prefixes cannot do for German compounds.
    dbapi_connection.create_function("fold", 1, _fold_sql, deterministic=True)
    cursor.close()
    dbapi_connection.isolation_level = previous


def create_db_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        # NullPool: each unit of work opens its own connection, so the file is free between
        # them (backups, a second tool); opening a SQLite file costs well under a millisecond.
        engine = create_engine(url, poolclass=NullPool)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


@dataclass
class Database:
    url: str
    engine: Engine
    session_factory: sessionmaker[Session] = field(repr=False)

    @classmethod
    def open(
        cls, url_or_path: str | None = None, *, create: bool = True, quick_check: bool = True
    ) -> Database:
        """Open (and, where allowed, create) the database and bring its schema up to date.

        A SQLite file on a network share is refused; a damaged or foreign file raises
        UnusableDatabaseError and is not written to. `quick_check=False` leaves the
        (≈60 ms) page check to the caller, e.g. the app runs it beside building the window.
        """
        url = resolve_db_url(url_or_path)
        path = sqlite_path(url)
        if path is not None:
            _check_sqlite_file(path, create=create)
            refuse_network_database(path)
            check_file(path, quick=quick_check)
        engine = create_db_engine(url)
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            upgrade_to_head(engine)
        except (DatabaseError, OperationalError) as exc:
            engine.dispose()
            if path is not None and _is_damage(exc):
                raise damaged_error(path, _reason(exc)) from exc
            raise DatabaseOpenError(
                f"Die Datenbank {display_name(url)} lässt sich nicht öffnen: {_reason(exc)}"
            ) from exc
        if path is not None:
            _restrict_to_owner(path)
        factory = sessionmaker(engine, expire_on_commit=False)
        index_upkeep.install(factory)
        return cls(url=url, engine=engine, session_factory=factory)

    @property
    def display_name(self) -> str:
        return display_name(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error."""
        session = self.session_factory()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    if path.is_dir():
        raise DatabaseOpenError(f"{path} ist ein Ordner, keine Datenbankdatei.")
    if not path.exists():
        if not create:
            raise DatabaseOpenError(f"Die Datenbank {path} gibt es nicht.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseOpenError(
                f"Der Ordner {path.parent} lässt sich nicht anlegen: {exc.strerror}"
            ) from exc
        return
    with path.open("rb") as handle:
        header = handle.read(16)
    if header and header != SQLITE_HEADER:
        raise foreign_error(path, "keine SQLite-Datei")


def _restrict_to_owner(path: Path) -> None:
    """Personal data: the file is readable by its owner only (no effect on Windows ACLs)."""
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if candidate.exists():
            try:
                os.chmod(candidate, 0o600)
            except OSError:
                pass  # e.g. a file owned by someone else on a shared folder: leave it


def _is_damage(exc: Exception) -> bool:
    message = str(getattr(exc, "orig", exc))
    return "malformed" in message or "not a database" in message


def _reason(exc: Exception) -> str:
    original = getattr(exc, "orig", exc)
    if isinstance(original, sqlite3.DatabaseError):
        message = str(original)
        if "malformed" in message or "not a database" in message:
            return "die Datei ist beschädigt oder keine Datenbank."
        if "locked" in message:
            return "sie wird gerade von einem anderen Programm benutzt."
        if "readonly" in message or "unable to open" in message:
            return "keine Schreib- oder Leserechte."
        return message
    if getattr(exc, "orig", None) is not None and "psycopg" in type(original).__module__:
        from .postgres import server_reason

        return server_reason(str(original))
    return str(original)
