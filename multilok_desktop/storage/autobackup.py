"""Automatic backups (DESIGN.md §5): before a migration, an import or a bulk delete, and
every 30 minutes while the file changes — into the folder chosen in the settings.

The folder is the office setting `backup_dir` (stored in the database, so everyone who
opens the file backs it up to the same place, e.g. a network drive); empty means the
Sicherungen folder in the user's data folder. When the chosen folder cannot be written
(a network drive that is not connected), the copy goes to the default folder instead:
a backup in the wrong place is better than none.

Detecting changes costs two `stat` calls: every commit in WAL mode writes the `-wal` file,
and the checkpoint when the last connection closes writes the database file, so a change
of either file's size or modification time means the data may have changed. It also sees
changes made by other programs (`multilok import …`) and needs no hook in any writer.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .backup import _connect, backup_database, default_backup_dir, thin_backups
from .errors import StorageError
from .paths import sqlite_path

BACKUP_DIR_KEY = "backup_dir"
AUTO_BACKUP_INTERVAL_S = 30 * 60


def configured_backup_dir(db_path: Path) -> Path:
    """The backup folder chosen in the settings of this database, else the default one.

    Reads the setting straight from the file, so it also works before the schema is
    up to date and falls back to the default when the file cannot be read (damaged).
    """
    value = ""
    with contextlib.suppress(sqlite3.Error, OSError):
        if db_path.is_file():
            with _connect(db_path, mode="rw") as connection:
                row = connection.execute(
                    "SELECT value FROM setting WHERE key = ?", (BACKUP_DIR_KEY,)
                ).fetchone()
            value = str(row[0]).strip() if row and row[0] else ""
    return Path(value).expanduser() if value else default_backup_dir()


def safety_backup(db_path: Path) -> Path:
    """A verified backup now (before a risky change), then thinning; returns the copy.

    Raises StorageError when no copy could be written at all; the caller then does not
    start the change.
    """
    folder = configured_backup_dir(db_path)
    try:
        copy = backup_database(db_path, folder)
    except StorageError:
        fallback = default_backup_dir()
        if folder == fallback:
            raise
        copy = backup_database(db_path, fallback)
        folder = fallback
    with contextlib.suppress(OSError):
        thin_backups(folder)
    return copy


def safety_backup_of(url: str) -> Path | None:
    """`safety_backup` for a database URL; None for a server or a file not there yet."""
    path = sqlite_path(url)
    if path is None or not path.is_file():
        return None
    return safety_backup(path)


@dataclass(frozen=True)
class FileState:
    database: tuple[int, int] | None
    wal: tuple[int, int] | None


def file_state(db_path: Path) -> FileState:
    wal = _stat(Path(f"{db_path}-wal"))
    # An empty -wal is only a reader's (it comes and goes with each connection): no change.
    return FileState(_stat(db_path), wal if wal is not None and wal[1] > 0 else None)


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        result = path.stat()
    except OSError:
        return None
    return (result.st_mtime_ns, result.st_size)


class ChangeWatcher:
    """Has the database file changed since the last backup? (Two `stat` calls.)"""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._baseline = file_state(db_path)

    def state(self) -> FileState:
        return file_state(self.db_path)

    def changed(self) -> bool:
        return self.state() != self._baseline

    def mark_saved(self, before: FileState) -> None:
        """After a backup: `before` (taken just before it) is the state it holds; a change
        made while the backup ran shows as a change at the next look."""
        self._baseline = before
