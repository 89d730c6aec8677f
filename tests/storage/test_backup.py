"""Backups and restore (DESIGN.md §5): online backup API, thinning, a restore that is all or nothing."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from multilok_desktop.cli import main
from multilok_desktop.storage import backup as backup_module
from multilok_desktop.storage.backup import (
    backup_database,
    list_backups,
    newest_good_backup,
    restore_database,
    thin_backups,
)
from multilok_desktop.storage.database import Database
from multilok_desktop.storage.errors import StorageError
from tests import factories


def names(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT first_name, last_name FROM person ORDER BY id").fetchall()
    connection.close()
    return rows


def add_person(db: Database, first: str, last: str) -> None:
    with db.session() as session:
        factories.person(session, first, last)


def test_backup_is_a_sound_copy_with_the_same_rows_readable_by_the_owner_only(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    add_person(db, "Anna", "Alt")
    dest = tmp_path / "Sicherungen"

    copy = backup_database(db_path, dest, now=datetime(2024, 6, 15, 9, 30, 5))

    assert copy == dest / "multilok-2024-06-15_093005.sqlite"
    assert names(copy) == [("Anna", "Alt")]
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    connection.close()
    if sys.platform != "win32":
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert [p.name for p in dest.iterdir() if not p.name.endswith(("-wal", "-shm"))] == [copy.name]


def test_backup_never_overwrites_a_copy_of_the_same_second(db: Database, db_path: Path) -> None:
    moment = datetime(2024, 6, 15, 9, 30, 5)
    first = backup_database(db_path, db_path.parent / "b", now=moment)
    second = backup_database(db_path, db_path.parent / "b", now=moment)
    assert second.name == "multilok-2024-06-15_093005-2.sqlite" and first.exists()
    assert [info.path for info in list_backups(db_path.parent / "b")] == [second, first]


def test_backup_while_another_connection_writes_succeeds_without_the_uncommitted_change(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    """Decision: in WAL mode the backup reads the last committed state and does not wait
    for the writer; the open transaction is simply not part of the copy."""
    add_person(db, "Anna", "Alt")
    writer = sqlite3.connect(db_path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE person SET last_name = 'Ungespeichert'")

        copy = backup_database(db_path, tmp_path / "b")

        writer.execute("COMMIT")
    finally:
        writer.close()
    assert names(copy) == [("Anna", "Alt")]
    assert names(db_path) == [("Anna", "Ungespeichert")]


def test_a_copy_that_fails_verification_is_discarded_with_a_german_error(
    db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_module, "_problems", lambda path, **_: "beschädigt (Test)")
    with pytest.raises(StorageError, match="ist fehlerhaft und wurde verworfen"):
        backup_database(db_path, tmp_path / "b")
    assert list((tmp_path / "b").iterdir()) == []


def test_backup_of_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="gibt es nicht"):
        backup_database(tmp_path / "fehlt.sqlite", tmp_path / "b")
    assert not (tmp_path / "fehlt.sqlite").exists()


def test_thinning_keeps_today_and_the_newest_per_day_week_and_month(tmp_path: Path) -> None:
    keep = [
        "2024-06-16_080000",  # dated in the future: never removed
        "2024-06-15_080000",  # today: all kept
        "2024-06-15_120000",
        "2024-06-14_180000-2",  # newest of yesterday
        "2024-06-13_090000",
        "2024-06-08_090000",  # 7 days ago: still a daily copy
        "2024-05-29_090000",  # newest of the week of 27 May
        "2024-05-14_090000",  # week of 13 May: the fifth week back
        "2024-04-20_090000",  # newest of April
        "2023-07-31_090000",  # July 2023: 11 months back
    ]
    remove = [
        "2024-06-14_100000",
        "2024-06-14_180000",
        "2024-06-07_090000",  # the week of 3 June already has 8 June
        "2024-06-05_090000",
        "2024-05-28_090000",
        "2024-05-08_090000",  # sixth week back; May already has 29 May
        "2024-04-02_090000",
        "2023-06-30_090000",  # 12 months back
    ]
    foreign = ["notes.txt", "multilok-kaputt.sqlite", "multilok-2024-13-01_000000.sqlite"]
    for stamp in keep + remove:
        (tmp_path / f"multilok-{stamp}.sqlite").write_bytes(b"")
    for name in foreign:
        (tmp_path / name).write_bytes(b"")

    removed = thin_backups(tmp_path, today=date(2024, 6, 15))

    assert sorted(p.name for p in removed) == sorted(f"multilok-{s}.sqlite" for s in remove)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"multilok-{s}.sqlite" for s in keep] + foreign
    )
    assert thin_backups(tmp_path, today=date(2024, 6, 15)) == []


def test_newest_good_backup_skips_a_damaged_copy(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "b"
    good = backup_database(db_path, dest, now=datetime(2024, 6, 15, 9, 0, 0))
    (dest / "multilok-2024-06-15_100000.sqlite").write_bytes(b"SQLite format 3\x00" + b"x" * 5000)
    assert [i.taken_at for i in list_backups(dest)] == [
        datetime(2024, 6, 15, 10, 0, 0),
        datetime(2024, 6, 15, 9, 0, 0),
    ]
    assert newest_good_backup(dest) == good
    assert newest_good_backup(tmp_path / "leer") is None


def test_restore_brings_the_data_back_and_keeps_the_previous_state(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    add_person(db, "Anna", "Alt")
    copy = backup_database(db_path, tmp_path / "b", now=datetime(2024, 6, 15, 9, 0, 0))
    add_person(db, "Bert", "Neu")
    db.close()

    kept = restore_database(copy, db_path, keep_dir=tmp_path / "vorher")

    assert names(db_path) == [("Anna", "Alt")]
    assert kept.parent == tmp_path / "vorher"
    assert names(kept) == [("Anna", "Alt"), ("Bert", "Neu")]
    assert not Path(f"{db_path}-wal").exists() or Path(f"{db_path}-wal").stat().st_size == 0
    leftovers = [p.name for p in db_path.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
    reopened = Database.open(str(db_path), create=False)  # the app opens the restored file
    reopened.close()


@pytest.mark.parametrize("kind", ["garbage", "foreign_sqlite"])
def test_restoring_a_file_that_is_no_backup_changes_nothing(
    db: Database, db_path: Path, tmp_path: Path, kind: str
) -> None:
    add_person(db, "Anna", "Alt")
    db.close()
    bad = tmp_path / "bad.sqlite"
    if kind == "garbage":
        bad.write_bytes(b"Das ist keine Datenbank.\n" * 100)
    else:
        with sqlite3.connect(bad) as connection:
            connection.execute("CREATE TABLE t (x)")
        connection.close()
    before = db_path.read_bytes()

    with pytest.raises(StorageError, match="ist keine Multilok-Sicherung"):
        restore_database(bad, db_path, keep_dir=tmp_path / "vorher")

    assert db_path.read_bytes() == before
    assert not (tmp_path / "vorher").exists()


def test_restore_refuses_while_the_database_is_in_use(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    add_person(db, "Anna", "Alt")
    copy = backup_database(db_path, tmp_path / "b")
    add_person(db, "Bert", "Neu")
    reader = sqlite3.connect(db_path, isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM person").fetchone()  # holds a read snapshot
        with pytest.raises(StorageError, match="wird noch benutzt"):
            restore_database(copy, db_path, keep_dir=tmp_path / "vorher")
    finally:
        reader.close()
    assert names(db_path) == [("Anna", "Alt"), ("Bert", "Neu")]


def test_cli_backup_then_restore(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_person(db, "Anna", "Alt")
    dest = tmp_path / "Sicherungen"

    assert main(["--db", str(db_path), "backup", str(dest)]) == 0
    out = capsys.readouterr().out
    (copy,) = dest.iterdir()
    assert str(copy) in out and "Ältere Sicherungen entfernt: 0" in out

    add_person(db, "Bert", "Neu")
    db.close()
    assert main(["--db", str(db_path), "restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert names(db_path) == [("Anna", "Alt")]
    kept = Path(out.strip().splitlines()[-1].split(" in ", 1)[1])
    assert names(kept) == [("Anna", "Alt"), ("Bert", "Neu")]


def test_cli_restore_of_garbage_is_one_line_and_exit_1(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.close()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(os.urandom(4096))
    before = db_path.read_bytes()

    assert main(["--db", str(db_path), "restore", str(bad)]) == 1

    err = capsys.readouterr().err
    assert err.startswith("Fehler: ") and "keine Multilok-Sicherung" in err
    assert err.count("\n") == 1
    assert db_path.read_bytes() == before
