"""Where the data lives and how a `--db` argument becomes a database URL."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

from .. import APP_NAME

DB_ENV_VAR = "MULTILOK_DB"
DEFAULT_DB_NAME = "multilok.sqlite"


def data_dir() -> Path:
    """The user's data folder, e.g. %LOCALAPPDATA%\\Multilok or ~/.local/share/Multilok."""
    return user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def resolve_db_url(value: str | None = None) -> str:
    """`--db` value, else $MULTILOK_DB, else the default file; plain paths mean SQLite."""
    value = value or os.environ.get(DB_ENV_VAR) or str(default_db_path())
    if "://" in value:
        return value
    path = Path(value).expanduser().resolve()
    return f"sqlite:///{path}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for a server or an in-memory database."""
    if not url.startswith("sqlite"):
        return None
    _, _, rest = url.partition(":///")
    if not rest or rest == ":memory:":
        return None
    return Path(rest.split("?", 1)[0])


def display_name(url: str) -> str:
    """What the status bar shows: the file name, or the server and database."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return f"{parsed.database} auf {parsed.host or 'localhost'}"
