"""Problems of the environment, worded for the clerk (STYLE.md §8). Bugs are not caught."""

from pathlib import Path


class StorageError(Exception):
    """The database cannot be used; the message says why in plain German."""


class DatabaseOpenError(StorageError):
    """The file is missing, unreadable, not a Multilok database or damaged."""


class DatabaseNewerError(StorageError):
    """The file was written by a newer Multilok; opening it could damage it."""


class UnusableDatabaseError(DatabaseOpenError):
    """The file is damaged or not a Multilok database; a backup may replace it.

    `path` is the file; it is never written to (DESIGN.md §5: the damaged file is kept).
    """

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


class DatabaseInUseError(StorageError):
    """Another Multilok window (or a restore) has the database open."""


class NetworkDatabaseError(DatabaseOpenError):
    """The database file lies on a network share, where SQLite's WAL does not work."""
