"""Backups and the file check for the UI (DESIGN.md §5): the storage functions behind one
facade, so widgets never import storage/. Errors the UI shows are StorageError (message
in German); a damaged or foreign file at start-up is UnusableDatabaseError."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..storage import autobackup, backup, health
from ..storage.autobackup import AUTO_BACKUP_INTERVAL_S, FileState
from ..storage.errors import StorageError, UnusableDatabaseError

__all__ = [
    "AUTO_BACKUP_INTERVAL_S",
    "BackupEntry",
    "BackupService",
    "FileState",
    "QuickCheck",
    "StorageError",
    "UnusableDatabaseError",
]


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    taken_at: datetime  # local time
    size: int


class BackupService:
    """Backups of one SQLite database file. Thread-safe: every call opens its own files."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._watcher = autobackup.ChangeWatcher(db_path)

    # where
    def folder(self) -> Path:
        """The folder chosen in the settings, else the default one."""
        return autobackup.configured_backup_dir(self.db_path)

    def folders(self) -> list[Path]:
        """Chosen and default folder (a backup may have fallen back to the default)."""
        return list(dict.fromkeys([self.folder(), backup.default_backup_dir()]))

    def backups(self) -> list[BackupEntry]:
        """Every backup in the folders, newest first."""
        seen: dict[Path, BackupEntry] = {}
        for folder in self.folders():
            for info in backup.list_backups(folder):
                seen.setdefault(
                    info.path.resolve(), BackupEntry(info.path, info.taken_at, info.size)
                )
        return sorted(seen.values(), key=lambda entry: entry.taken_at, reverse=True)

    def newest_good(self) -> BackupEntry | None:
        """The newest backup that is sound and a Multilok database."""
        for entry in self.backups():
            if not backup.backup_problems(entry.path):
                return entry
        return None

    # automatic backups
    def changed(self) -> bool:
        """Has the file changed since the last backup through this service? (two stats)"""
        return self._watcher.changed()

    def state(self) -> FileState:
        return self._watcher.state()

    def mark_saved(self, before: FileState) -> None:
        self._watcher.mark_saved(before)

    def back_up(self) -> Path:
        """A verified backup into the chosen folder (or the default), thinned."""
        return autobackup.safety_backup(self.db_path)

    # restore and check
    def restore(self, backup_file: Path) -> Path:
        """Replace the database by `backup_file`; returns where the previous state is kept.
        The database must be closed."""
        return backup.restore_database(backup_file, self.db_path, keep_dir=self.folder())

    def quick_check(self) -> str:
        """'' when the file passes `PRAGMA quick_check` (or does not exist yet)."""
        if not self.db_path.is_file() or self.db_path.stat().st_size == 0:
            return ""
        return health.quick_check(self.db_path)

    def unusable(self, problem: str) -> UnusableDatabaseError:
        """Why the file the quick check refused is not opened: foreign or damaged."""
        return health.unusable_error(self.db_path, problem)


class QuickCheck:
    """`PRAGMA quick_check` of an existing file in a thread; `problem()` waits for it."""

    def __init__(self, service: BackupService | None) -> None:
        self._problem = ""
        self._thread: threading.Thread | None = None
        if service is not None:
            self._thread = threading.Thread(target=self._run, args=(service,), daemon=True)
            self._thread.start()

    def _run(self, service: BackupService) -> None:
        self._problem = service.quick_check()

    def problem(self) -> str:
        if self._thread is not None:
            self._thread.join()
        return self._problem
