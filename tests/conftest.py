"""Shared fixtures: one offscreen QApplication (pytest-qt), databases only under tmp_path."""

from __future__ import annotations

import os
import shutil

# Before any Qt import: no screen needed, and never the user's real settings or data.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from multilok_desktop.storage.database import Database  # noqa: E402
from tests.postgres.server import PostgresServer, postgres_wanted, start_server  # noqa: E402


def pytest_runtest_setup(item: pytest.Item) -> None:
    """`@pytest.mark.sqlite_only` (file, WAL, backups, FTS5 internals): not on PostgreSQL."""
    if postgres_wanted() and item.get_closest_marker("sqlite_only"):
        pytest.skip("nur SQLite")


@pytest.fixture(autouse=True)
def _isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Data, config and QSettings go to a temp folder; $MULTILOK_DB never leaks in."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("MULTILOK_DB", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "multilok.sqlite"


@pytest.fixture(scope="session")
def _migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the migrations once; each test gets a copy (a fresh file, 20x faster)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    Database.open(str(path)).close()
    return path


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """A throw-away PostgreSQL server (tests/postgres/server.py); skipped without one."""
    yield from start_server()


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> Iterator[str]:
    """URL of a new, migrated, empty PostgreSQL database, dropped after the test."""
    url = pg_server.new_database()
    yield url
    pg_server.drop_database(url)


@pytest.fixture
def db(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Database]:
    """A new, migrated, empty database file (a PostgreSQL database with
    MULTILOK_TEST_DB=postgresql)."""
    if postgres_wanted():
        database = Database.open(request.getfixturevalue("pg_url"))
    else:
        shutil.copyfile(request.getfixturevalue("_migrated_template"), db_path)
        database = Database.open(str(db_path))
    yield database
    database.close()
