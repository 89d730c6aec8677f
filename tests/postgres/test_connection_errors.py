"""Connecting to a server that is not there: one German line, exit code 1 (no server needed)."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from multilok_desktop.storage.database import Database
from multilok_desktop.storage.errors import DatabaseOpenError
from multilok_desktop.storage.postgres import server_reason


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # closed again when the probe goes


def test_an_unreachable_server_gives_a_clear_german_error() -> None:
    url = f"postgresql+psycopg://multilok@127.0.0.1:{_closed_port()}/buero"
    with pytest.raises(DatabaseOpenError, match="Datenbankserver ist nicht erreichbar"):
        Database.open(url)
    done = subprocess.run(
        [sys.executable, "-m", "multilok_desktop.cli", "--db", url, "list", "contacts"],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "buero auf 127.0.0.1" in done.stderr


@pytest.mark.parametrize(
    ("psycopg_text", "expected"),
    [
        ('FATAL:  password authentication failed for user "x"', "Anmeldung wurde abgelehnt"),
        ('FATAL:  database "buero" does not exist', "gibt es auf dem Server nicht"),
        ('could not translate host name "srv" to address', "Rechnernamen"),
        ("something new\nsecond line", "something new"),
    ],
)
def test_server_messages_are_translated(psycopg_text: str, expected: str) -> None:
    reason = server_reason(psycopg_text)
    assert expected in reason and "\n" not in reason
