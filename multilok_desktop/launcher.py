"""The desktop program's entry point: `multilok-desktop [--db PFAD] [--demo] [--exit-after-start]`.

It starts the page check of the database file (`PRAGMA quick_check`, ≈ 70 ms on the large
demo database, in SQLite's C code without the GIL) in a thread first, and only then loads
the GUI stack (PySide6, SQLAlchemy: ≈ 0.35 s of imports). The check is done by the time
the window is built, instead of holding up the start at its end (DESIGN.md §5, §6).

It also pauses the cyclic garbage collector for the start: the ≈ 1 million objects the
imports and the window create all live on, so its passes (≈ 45 ms in all) would find
nothing. app.py resumes it once the start is over, after `gc.freeze()`.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from .services.backup_service import BackupService, QuickCheck
from .storage.errors import StorageError
from .storage.paths import data_dir, resolve_db_url, sqlite_path

DEMO_DB_NAME = "multilok-demo.sqlite"


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(
        prog="multilok-desktop", description="Multilok Desktop starten"
    )
    parser.add_argument("--db", metavar="URL_ODER_PFAD", help="Datenbank statt der Standarddatei")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="mit einer Beispieldatenbank starten (wird beim ersten Mal angelegt)",
    )
    parser.add_argument(
        "--exit-after-start",
        action="store_true",
        help="Fenster öffnen, vollständig laden und zeichnen, dann beenden (Startzeit-Messung)",
    )
    return parser.parse_known_args(argv)  # the rest is for Qt (-style, -platform …)


def database_file(args: argparse.Namespace) -> Path | None:
    """The SQLite file the app will open, or None for a server."""
    if args.demo:
        return (Path(args.db) if args.db else data_dir() / DEMO_DB_NAME).expanduser().resolve()
    return sqlite_path(resolve_db_url(args.db))


def early_check(args: argparse.Namespace) -> QuickCheck | None:
    """The quick check of an existing database file, already running; None for a server,
    a new file or a name that does not resolve (the app reports that itself)."""
    try:
        path = database_file(args)
    except (StorageError, OSError, ValueError):
        return None
    if path is None or not path.is_file():
        return None
    return QuickCheck(BackupService(path))


def main(argv: Sequence[str] | None = None) -> int:
    gc.disable()  # until app.resume_garbage_collection(), right after the start
    argv = sys.argv[1:] if argv is None else list(argv)
    args, _ = parse_args(argv)
    check = early_check(args)
    from .app import main as run_app  # the GUI stack, loaded while the check runs

    return run_app(argv, quick_check=check)
