"""`multilok-desktop --exit-after-start`: opens, loads, paints, exits 0 (DESIGN.md §4)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_exit_after_start_on_a_new_database(tmp_path: Path) -> None:
    db = tmp_path / "fresh.sqlite"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "multilok_desktop", "--db", str(db), "--exit-after-start"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert db.exists()  # created and migrated on the way


def test_a_broken_database_gives_exit_1_not_a_traceback(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_text("keine Datenbank")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c",
         "import sys; from PySide6.QtWidgets import QMessageBox;"
         "QMessageBox.exec = lambda self: print('DIALOG', self.text()) or 0;"
         "from multilok_desktop.app import main; sys.exit(main(['--db', sys.argv[1]]))",
         str(bogus)],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert "DIALOG" in result.stdout and "keine Multilok-Datenbank" in result.stdout
    assert "Traceback" not in result.stderr
    assert bogus.read_text() == "keine Datenbank"


def test_a_normal_exit_leaves_a_verified_backup(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """DESIGN.md §5: a backup at exit, into the user's data folder."""
    from multilok_desktop.app import backup_at_exit
    from multilok_desktop.storage.backup import list_backups
    from multilok_desktop.storage.database import Database

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    database = Database.open(str(tmp_path / "office.sqlite"))
    database.close()
    backup_at_exit(database)
    (backup,) = list_backups()
    assert backup.path.parent == tmp_path / "data" / "Multilok" / "Sicherungen"
