"""Is the database file sound and ours? Checked on every open (DESIGN.md §5).

`PRAGMA quick_check` on open (about 60 ms on the large demo database: it reads every page
but skips the index-content comparison), the full `integrity_check` in `multilok check`.
A damaged or foreign file raises UnusableDatabaseError; nothing here ever writes to it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .backup import _connect, _reason
from .errors import UnusableDatabaseError

SQLITE_HEADER = b"SQLite format 3\x00"


def quick_check(path: Path) -> str:
    """'' when the file passes `PRAGMA quick_check`, else what is wrong (German)."""
    try:
        with _connect(path, mode="rw") as connection:
            rows = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
    except sqlite3.Error as exc:
        return _reason(exc)
    if rows != ["ok"]:
        return " ".join("; ".join(rows[:3]).split())  # one line: the rows hold newlines
    return ""


def foreign_tables(path: Path) -> list[str]:
    """The tables of a SQLite file without Multilok's `alembic_version` ([] if it has it
    or no tables at all). Read-only and without WAL: the file is not changed by looking."""
    try:
        with _connect(path, mode="ro", immutable=True) as connection:
            tables = [
                str(row[0])
                for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"
                )
            ]
    except sqlite3.Error:
        return []  # damaged: the quick check names it
    return [] if "alembic_version" in tables else sorted(tables)


def check_file(path: Path, *, quick: bool = True) -> None:
    """Raise UnusableDatabaseError when an existing file is another program's database
    or (with `quick`) fails the quick check. Never writes to the file."""
    if not path.is_file() or path.stat().st_size == 0:
        return  # a new file: nothing to check
    tables = foreign_tables(path)
    if tables:
        raise foreign_error(path, "fremde Tabellen: " + _first(tables))
    if quick:
        problem = quick_check(path)
        if problem:
            raise damaged_error(path, problem)


def unusable_error(path: Path, problem: str) -> UnusableDatabaseError:
    """Why a file that failed the quick check is refused: not a SQLite file at all,
    another program's database, or damaged. Only reads."""
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        return foreign_error(path, "keine SQLite-Datei")
    tables = foreign_tables(path)
    if tables:
        return foreign_error(path, "fremde Tabellen: " + _first(tables))
    return damaged_error(path, problem)


def _first(names: list[str]) -> str:
    return ", ".join(names[:3]) + (" …" if len(names) > 3 else "")


def damaged_error(path: Path, problem: str) -> UnusableDatabaseError:
    detail = "" if "beschädigt" in problem else f" ({problem.rstrip('.')})"
    return UnusableDatabaseError(
        f"Die Datenbank {path} ist beschädigt{detail} und wird nicht geöffnet; "
        "die Datei bleibt unverändert.",
        path,
    )


def foreign_error(path: Path, what: str = "") -> UnusableDatabaseError:
    detail = f" ({what})" if what else ""
    return UnusableDatabaseError(
        f"{path} ist keine Multilok-Datenbank{detail} und wird nicht geöffnet; "
        "die Datei bleibt unverändert.",
        path,
    )
