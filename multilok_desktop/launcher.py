"""The desktop program's entry point: `multilok-desktop [--db PFAD] [--demo] [--exit-after-start]`.

It claims the database file first — refused on a network share or when another window has
it open (DESIGN.md §5), else locked — and starts its page check (`PRAGMA quick_check`,
≈ 70 ms on the large demo database, in SQLite's C code without the GIL) in a thread; only
then does it load the GUI stack (PySide6, SQLAlchemy: ≈ 0.35 s of imports). The check is
done before the window needs its answer (DESIGN.md §6).

It also pauses the cyclic garbage collector for the start: nearly all of the ≈ 150,000
objects it tracks after the imports and the window live until exit, so its passes (≈ 45 ms
in all) would find next to nothing. app.py resumes it once the start is over, after
`gc.freeze()` (the start's few leftovers, ≈ 1 MB, stay frozen).
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .services.backup_service import BackupService, QuickCheck
from .storage.errors import StorageError
from .storage.instance_lock import InstanceLock
from .storage.network import refuse_network_database
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


@dataclass
class ClaimedFile:
    """The SQLite file this window will open (None: a server), claimed before anything
    reads it: not on a network share, not open in another window (the lock is held), and
    its quick check running. `refusal`: why it may not be opened (German), else ""."""

    path: Path | None
    lock: InstanceLock | None = None
    check: QuickCheck | None = None
    refusal: str = ""

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()


def claim_database(path: Path | None) -> ClaimedFile:
    if path is None:
        return ClaimedFile(None)
    try:
        refuse_network_database(path)
        lock = InstanceLock(path).acquire()
    except StorageError as exc:
        return ClaimedFile(path, refusal=str(exc))
    check = QuickCheck(BackupService(path)) if path.is_file() else None
    return ClaimedFile(path, lock, check)


def main(argv: Sequence[str] | None = None) -> int:
    gc.disable()  # until app.resume_garbage_collection(), right after the start
    argv = sys.argv[1:] if argv is None else list(argv)
    args, _ = parse_args(argv)
    try:
        claimed: ClaimedFile | None = claim_database(database_file(args))
    except (StorageError, OSError, ValueError):
        claimed = None  # a name that does not resolve: the app reports it
    from .app import main as run_app  # the GUI stack, loaded while the check runs

    return run_app(argv, claimed=claimed)
