"""Killing the process in the middle of an import leaves the database intact and either
before or after the import (DESIGN.md §5: one transaction per import, WAL, synchronous=FULL).
"""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from multilok_desktop.domain import Person
from multilok_desktop.storage.backup import default_backup_dir, list_backups
from multilok_desktop.storage.database import Database
from tests import factories

ROOT = Path(__file__).resolve().parents[2]
CONTACTS = 2000  # about 10 s of import here: long enough to be killed in the middle
OLD_PEOPLE = 3


def count_people(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        return int(connection.execute("SELECT count(*) FROM person").fetchone()[0])
    finally:
        connection.close()


@pytest.fixture
def contacts_file(tmp_path: Path) -> Path:
    path = tmp_path / "kontakte.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Vorname", "Nachname", "Firma", "E-Mail-Adresse"])
        for number in range(CONTACTS):
            writer.writerow(
                [f"Jörg{number}", f"Müller{number}", f"Gemeinde {number % 50}", f"j{number}@x.de"]
            )
    return path


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is a POSIX signal")
@pytest.mark.parametrize("delay", [0.2, 2.0])
def test_kill_9_during_a_large_contact_import(
    db: Database, db_path: Path, contacts_file: Path, delay: float
) -> None:
    with db.session() as session:
        for number in range(OLD_PEOPLE):
            factories.person(session, "Anna", f"Alt{number}")
    db.close()

    child = subprocess.Popen(
        [sys.executable, "-m", "multilok_desktop.cli", "--db", str(db_path),
         "import", "contacts", str(contacts_file)],
        cwd=ROOT, env=os.environ.copy(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        # The backup right before the import transaction marks its start.
        while not list_backups(default_backup_dir()) and child.poll() is None:
            assert time.monotonic() < deadline, "the import never started"
            time.sleep(0.02)
        time.sleep(delay)
        finished_before_kill = child.poll() is not None
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()

    people = count_people(db_path)
    assert people in (OLD_PEOPLE, OLD_PEOPLE + CONTACTS)
    if not finished_before_kill:
        assert child.returncode == -signal.SIGKILL
    # And the file opens normally afterwards, with the same people.
    reopened = Database.open(str(db_path))
    try:
        with reopened.session() as session:
            assert session.scalar(select(func.count()).select_from(Person)) == people
    finally:
        reopened.close()
