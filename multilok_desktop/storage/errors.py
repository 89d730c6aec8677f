"""Problems of the environment, worded for the clerk (STYLE.md §8). Bugs are not caught."""


class StorageError(Exception):
    """The database cannot be used; the message says why in plain German."""


class DatabaseOpenError(StorageError):
    """The file is missing, unreadable, not a Multilok database or damaged."""


class DatabaseNewerError(StorageError):
    """The file was written by a newer Multilok; opening it could damage it."""
