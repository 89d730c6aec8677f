"""Start-up with the database checked (DESIGN.md §5): `PRAGMA quick_check` runs in a
thread (started by launcher.py before the GUI stack loads, ≈ 70 ms on the large demo
database, so it is usually done when asked); nothing opens the file for writing before
its verdict. A damaged or foreign file gets the dialog that offers the newest good
backup, and the file is kept unchanged."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from ..services.backup_service import (
    BackupService,
    QuickCheck,
    StorageError,
    UnusableDatabaseError,
)

if TYPE_CHECKING:
    from .main_window import MainWindow

Database = Any  # storage.database.Database: the UI only passes it on and closes it


def open_checked(
    args: argparse.Namespace,
    db_path: Path | None,
    open_database: Callable[..., Database],
    build_main_window: Callable[[Database, QSettings], MainWindow],
    first_check: QuickCheck | None = None,
) -> tuple[Database, MainWindow] | None:
    """The opened database and its (not yet shown) main window, or None: quit.
    `first_check`: the quick check of db_path, already started (launcher.py)."""
    service = BackupService(db_path) if db_path is not None else None
    while True:
        check, first_check = first_check or QuickCheck(service), None
        # The verdict before anything may write: a migration, or the last view shown
        # storing what it worked out (e.g. the calendar its holidays).
        problem = check.problem()
        if problem:
            assert service is not None
            if not _recover(service.unusable(problem)):
                return None
            continue
        try:
            database = open_database(args, quick_check=False)
        except UnusableDatabaseError as exc:  # another program's database
            if not _recover(exc):
                return None
            continue
        except StorageError as exc:
            QMessageBox.critical(None, "Multilok", str(exc))
            return None
        try:
            return database, build_main_window(database, QSettings())
        except Exception:
            database.close()
            raise


def _recover(exc: UnusableDatabaseError) -> bool:
    from .restore_dialog import ask_restore_unusable  # only for a damaged file

    service = BackupService(Path(exc.path))
    return ask_restore_unusable(None, str(exc), service) is not None
