"""Data safety (DESIGN.md §5): damaged and foreign files, one writer per file, automatic
backups before migrations and imports, and `multilok` never answering with a traceback."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from multilok_desktop.cli import main
from multilok_desktop.exchange.contact_exchange_service import ContactExchangeService
from multilok_desktop.services.contact_records import ContactRecord
from multilok_desktop.services.errors import ValidationError
from multilok_desktop.services.settings_service import SettingsService
from multilok_desktop.storage import autobackup
from multilok_desktop.storage import database as database_module
from multilok_desktop.storage.autobackup import ChangeWatcher, configured_backup_dir, safety_backup
from multilok_desktop.storage.backup import (
    backup_database,
    default_backup_dir,
    list_backups,
    newest_good_backup,
    restore_database,
)
from multilok_desktop.storage.database import Database
from multilok_desktop.storage.errors import DatabaseInUseError, UnusableDatabaseError
from multilok_desktop.storage.instance_lock import InstanceLock
from multilok_desktop.storage.migrate import alembic_config
from tests import factories

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def people(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [r[0] for r in connection.execute("SELECT last_name FROM person ORDER BY id")]
    finally:
        connection.close()


def fill(db: Database, count: int = 300) -> None:
    with db.session() as session:
        for number in range(count):
            factories.person(session, "Anna", f"Köhler-{number:04d}", email=f"a{number}@x.de")


def corrupt(path: Path) -> None:
    """Overwrite pages in the middle of the file, as a failing disk would."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2 - 8192)
        handle.write(os.urandom(16384))


@pytest.fixture
def damaged(db: Database, db_path: Path) -> Path:
    fill(db)
    db.close()
    corrupt(db_path)
    return db_path


# --- damaged and foreign files ----------------------------------------------------------


def test_a_damaged_file_is_refused_on_open_and_left_untouched(damaged: Path) -> None:
    before = digest(damaged)
    with pytest.raises(UnusableDatabaseError) as caught:
        Database.open(str(damaged))
    assert "ist beschädigt" in str(caught.value) and caught.value.path == damaged
    assert digest(damaged) == before


def test_a_foreign_sqlite_file_is_refused_and_never_migrated(tmp_path: Path) -> None:
    path = tmp_path / "fremd.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE kunden (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO kunden VALUES (1, 'Meier')")
    connection.commit()
    connection.close()
    before = digest(path)

    with pytest.raises(UnusableDatabaseError) as caught:
        Database.open(str(path))

    assert "keine Multilok-Datenbank (fremde Tabellen: kunden)" in str(caught.value)
    assert digest(path) == before
    connection = sqlite3.connect(path)
    tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master")]
    connection.close()
    assert tables == ["kunden"]


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "brief.sqlite"
    path.write_bytes(b"%PDF-1.7\n" + b"x" * 5000)
    with pytest.raises(UnusableDatabaseError, match="keine Multilok-Datenbank"):
        Database.open(str(path))
    assert path.read_bytes().startswith(b"%PDF")


def test_restore_over_a_damaged_file_keeps_it_byte_for_byte_beside_it(
    damaged: Path, tmp_path: Path, _migrated_template: Path
) -> None:
    good = tmp_path / "gut.sqlite"
    good_db = Database.open(str(good))
    fill(good_db, 3)
    good_db.close()
    before = digest(damaged)

    kept = restore_database(good, damaged)

    assert kept.parent == damaged.parent and ".beschädigt-" in kept.name
    assert digest(kept) == before
    assert people(damaged) == ["Köhler-0000", "Köhler-0001", "Köhler-0002"]
    Database.open(str(damaged)).close()  # sound again


def test_the_newest_good_backup_skips_damaged_and_foreign_copies(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "Sicherungen"
    good = backup_database(db_path, folder, now=datetime(2026, 3, 1, 9, 0, 0))
    damaged_copy = backup_database(db_path, folder, now=datetime(2026, 3, 2, 9, 0, 0))
    damaged_copy.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    foreign = folder / "multilok-2026-03-03_090000.sqlite"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE x (y)")
    connection.commit()
    connection.close()

    assert newest_good_backup(folder) == good


# --- one writer per file ----------------------------------------------------------------


def test_a_second_instance_is_told_who_has_the_file(db_path: Path) -> None:
    first = InstanceLock(db_path).acquire()
    try:
        with pytest.raises(DatabaseInUseError) as caught:
            InstanceLock(db_path).acquire()
        assert "bereits in Multilok geöffnet" in str(caught.value)
        assert f"Prozess {os.getpid()}" in str(caught.value)
    finally:
        first.release()
    InstanceLock(db_path).acquire().release()  # free again


def test_the_lock_of_a_killed_process_is_not_stale(db_path: Path) -> None:
    """The operating system drops the lock with the process: kill -9 leaves no stale lock."""
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from multilok_desktop.storage.instance_lock import InstanceLock
        InstanceLock(Path({str(db_path)!r})).acquire()
        print("locked", flush=True)
        time.sleep(60)
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        with pytest.raises(DatabaseInUseError, match=f"Prozess {child.pid}"):
            InstanceLock(db_path).acquire()
        child.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
        if child.stdout is not None:
            child.stdout.close()
    lock = InstanceLock(db_path).acquire()
    assert lock.held
    lock.release()


# --- automatic backups ------------------------------------------------------------------


def test_backups_go_to_the_chosen_folder_and_fall_back_to_the_default(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    settings = SettingsService(db)
    assert configured_backup_dir(db_path) == default_backup_dir()
    with pytest.raises(ValidationError, match="kein vollständiger Ordnerpfad"):
        settings.save_backup_folder("relativ/ordner")
    chosen = tmp_path / "Netz" / "Multilok-Sicherungen"
    settings.save_backup_folder(str(chosen))
    assert settings.backup_folder() == str(chosen)
    assert configured_backup_dir(db_path) == chosen

    copy = safety_backup(db_path)
    assert copy.parent == chosen

    blocked = tmp_path / "nicht-verbunden"
    blocked.write_text("eine Datei, kein Ordner")  # the folder cannot be created
    settings.save_backup_folder(str(blocked / "Sicherungen"))
    assert safety_backup(db_path).parent == default_backup_dir()


def test_the_change_watcher_sees_commits_and_ignores_reads_and_backups(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    watcher = ChangeWatcher(db_path)
    assert not watcher.changed()
    with db.session() as session:  # a read only
        session.execute(database_module.text("SELECT count(*) FROM person"))
    assert not watcher.changed()

    fill(db, 1)
    assert watcher.changed()
    before = watcher.state()
    backup_database(db_path, tmp_path / "b")
    watcher.mark_saved(before)
    assert not watcher.changed()


def test_an_old_database_is_backed_up_before_its_migration(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    path = tmp_path / "alt.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
    engine.dispose()

    Database.open(str(path)).close()

    copies = list_backups(default_backup_dir())
    assert len(copies) == 1
    connection = sqlite3.connect(copies[0].path)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0003",)
    connection.close()


def test_a_new_database_needs_no_backup_before_its_first_migration(tmp_path: Path) -> None:
    Database.open(str(tmp_path / "neu.sqlite")).close()
    assert list_backups(default_backup_dir()) == []


def test_every_import_is_preceded_by_a_backup(db: Database, db_path: Path) -> None:
    fill(db, 2)
    record = ContactRecord(first_name="Jutta", last_name="Kühn", email="j.kuehn@neisseaue.de")

    ContactExchangeService(db).apply([record], skip=set())

    copies = list_backups(default_backup_dir())
    assert len(copies) == 1 and people(copies[0].path) == ["Köhler-0000", "Köhler-0001"]
    assert "Kühn" in people(db_path)


def test_no_import_when_no_backup_can_be_written(
    db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from multilok_desktop.storage.errors import StorageError

    def broken(_path: Path, _dest: Path | None = None) -> Path:
        raise StorageError("Datenträger voll")

    monkeypatch.setattr(autobackup, "backup_database", broken)
    record = ContactRecord(first_name="Jutta", last_name="Kühn")
    with pytest.raises(StorageError, match="Datenträger voll"):
        ContactExchangeService(db).apply([record], skip=set())
    assert people(db_path) == []


# --- the command line -------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_on_a_damaged_file_prints_one_line_with_the_newest_good_backup(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(db)
    good = backup_database(db_path)
    db.close()
    corrupt(db_path)

    for command in (["list", "contacts"], ["check"], ["backup"]):
        code, _, err = run(capsys, "--db", str(db_path), *command)
        assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
        assert err.startswith(f"Fehler: Die Datenbank {db_path} ist beschädigt")
        assert f"Neueste gute Sicherung: {good}" in err


def test_cli_restore_works_when_the_database_no_longer_opens(
    damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "gut.sqlite"
    good_db = Database.open(str(good))
    fill(good_db, 2)
    good_db.close()
    before = digest(damaged)

    code, out, err = run(capsys, "--db", str(damaged), "restore", str(good))

    assert (code, err) == (0, "")
    kept = next(damaged.parent.glob("*.beschädigt-*.sqlite"))
    assert digest(kept) == before and str(kept) in out
    code, out, _ = run(capsys, "--db", str(damaged), "check")
    assert code == 0 and "2 Personen" in out


def test_cli_restore_is_refused_while_the_app_has_the_file(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = backup_database(db_path)
    with InstanceLock(db_path):
        code, _, err = run(capsys, "--db", str(db_path), "restore", str(copy))
    assert code == 1 and "bereits in Multilok geöffnet" in err and err.count("\n") == 1


def test_cli_write_on_a_busy_database_asks_to_retry(
    db: Database,
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 100)
    csv = tmp_path / "kontakte.csv"
    csv.write_text('"Vorname","Nachname"\r\n"Jutta","Kühn"\r\n', encoding="utf-8")
    writer = sqlite3.connect(db_path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # another program is in the middle of a write
        code, _, err = run(capsys, "--db", str(db_path), "import", "contacts", str(csv))
        writer.execute("ROLLBACK")
    finally:
        writer.close()
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert "gesperrt" in err and "erneut versuchen" in err
    assert people(db_path) == []
