"""Backups of the SQLite database and restoring one (DESIGN.md §5).

A backup is always taken with SQLite's online backup API, never by copying the live
file: the copy is consistent even while the app writes. In WAL mode a writer does not
block the backup; a transaction that is still open is simply not in the copy (it is
not committed yet). Each copy is written under a temporary name, checked
(`integrity_check`, `foreign_key_check`) and only then renamed to
`multilok-YYYY-MM-DD_HHMMSS.sqlite` (local time; `-2`, `-3` … when two copies fall into
the same second). Copies are readable by their owner only.

`restore_database` never leaves a half-restored database: the backup is checked and the
current state is saved first; the database file is then replaced in one `os.replace`.
The caller must have closed every connection to the database (`Database.close()`),
in this process and in others, before restoring.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from .errors import StorageError
from .paths import data_dir

BACKUP_FOLDER_NAME = "Sicherungen"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 5.0
_NAME = re.compile(r"^multilok-(\d{4}-\d{2}-\d{2})_(\d{6})(?:-(\d+))?\.sqlite$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # local time, naive, from the file name
    size: int


def default_backup_dir() -> Path:
    return data_dir() / BACKUP_FOLDER_NAME


# --- taking a backup ------------------------------------------------------------------


def backup_database(
    db_path: Path, dest_dir: Path | None = None, *, now: datetime | None = None
) -> Path:
    """Copy the database into `dest_dir` (default: the Sicherungen folder); returns the copy."""
    dest_dir = default_backup_dir() if dest_dir is None else dest_dir
    if not db_path.is_file():
        raise StorageError(f"Die Datenbank {db_path} gibt es nicht; es wurde nichts gesichert.")
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"Der Sicherungsordner {dest_dir} lässt sich nicht anlegen: {exc.strerror or exc}"
        ) from exc
    stamp = (now or datetime.now()).strftime("%Y-%m-%d_%H%M%S")
    temp = dest_dir / f".multilok-{stamp}.{os.getpid()}.tmp"
    try:
        _copy_with_backup_api(db_path, temp)
        problems = _problems(temp, foreign_keys=True)
        if problems:
            raise StorageError(
                f"Die Sicherung von {db_path} ist fehlerhaft und wurde verworfen: {problems}"
            )
        target = _free_name(dest_dir, stamp)
        os.replace(temp, target)
    except BaseException:
        _remove_quietly(temp)
        raise
    _fsync_dir(dest_dir)
    return target


def _free_name(dest_dir: Path, stamp: str) -> Path:
    target = dest_dir / f"multilok-{stamp}.sqlite"
    number = 2
    while target.exists():  # never overwrite an older copy taken in the same second
        target = dest_dir / f"multilok-{stamp}-{number}.sqlite"
        number += 1
    return target


def _copy_with_backup_api(source: Path, target: Path) -> None:
    """Online backup of `source` into the new file `target` (0600), flushed to disk."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    _restrict_to_owner(target)
    try:
        with _connect(source, mode="rw") as src, _connect(target, mode="rw") as dst:
            src.backup(dst)
    except sqlite3.Error as exc:
        raise StorageError(f"{source} lässt sich nicht sichern: {_reason(exc)}") from exc
    _fsync_file(target)


# --- checking -------------------------------------------------------------------------


def _problems(path: Path, *, foreign_keys: bool = False) -> str:
    """'' when the file is a sound SQLite database, else what is wrong, in German."""
    try:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                return "keine SQLite-Datei"
    except OSError as exc:
        return f"nicht lesbar ({exc.strerror or exc})"
    try:
        with _connect(path, mode="ro", immutable=True) as connection:
            rows = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if rows != ["ok"]:
                return "beschädigt (" + "; ".join(str(r) for r in rows[:3]) + ")"
            if foreign_keys and connection.execute("PRAGMA foreign_key_check").fetchone():
                return "Verweise zwischen Tabellen stimmen nicht"
    except sqlite3.Error as exc:
        return _reason(exc)
    return ""


def _is_multilok(path: Path) -> bool:
    with _connect(path, mode="ro", immutable=True) as connection:
        row = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
    return row is not None


# --- listing and thinning -------------------------------------------------------------


def list_backups(dest_dir: Path | None = None) -> list[BackupInfo]:
    """The backups in the folder (by their name pattern), newest first."""
    dest_dir = default_backup_dir() if dest_dir is None else dest_dir
    found: list[tuple[datetime, int, BackupInfo]] = []
    for path, taken_at, number in _named_backups(dest_dir):
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append((taken_at, number, BackupInfo(path, taken_at, size)))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [info for _, _, info in found]


def newest_good_backup(dest_dir: Path | None = None) -> Path | None:
    """The newest backup that passes `integrity_check` and is a Multilok database, or None."""
    for info in list_backups(dest_dir):
        if not backup_problems(info.path):
            return info.path
    return None


def backup_problems(path: Path) -> str:
    """'' when `path` can be restored (sound and a Multilok database), else why not."""
    problems = _problems(path)
    if problems:
        return problems
    try:
        return "" if _is_multilok(path) else "keine Multilok-Datenbank"
    except sqlite3.Error as exc:
        return _reason(exc)


def thin_backups(dest_dir: Path | None = None, *, today: date | None = None) -> list[Path]:
    """Keep all of today, the newest per day of the last 7 days, per calendar week of the
    last 5 weeks and per calendar month of the last 12 months; remove the rest.

    Only files named like a backup are touched; copies dated in the future are kept.
    Returns the removed files.
    """
    dest_dir = default_backup_dir() if dest_dir is None else dest_dir
    today = today or date.today()
    this_monday = today - timedelta(days=today.weekday())
    keep: set[Path] = set()
    newest_of: dict[tuple[str, object], Path] = {}
    for info in list_backups(dest_dir):  # newest first: the first one per period wins
        day = info.taken_at.date()
        if day >= today:
            keep.add(info.path)
            continue
        periods: list[tuple[str, object]] = []
        if (today - day).days <= 7:
            periods.append(("day", day))
        monday = day - timedelta(days=day.weekday())
        if (this_monday - monday).days < 5 * 7:
            periods.append(("week", monday))
        if (today.year * 12 + today.month) - (day.year * 12 + day.month) < 12:
            periods.append(("month", (day.year, day.month)))
        for period in periods:
            if period not in newest_of:
                newest_of[period] = info.path
                keep.add(info.path)
    removed: list[Path] = []
    for info in list_backups(dest_dir):
        if info.path not in keep:
            try:
                info.path.unlink()
            except FileNotFoundError:
                continue
            removed.append(info.path)
    return removed


def _named_backups(dest_dir: Path) -> Iterator[tuple[Path, datetime, int]]:
    if not dest_dir.is_dir():
        return
    for path in dest_dir.iterdir():
        match = _NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        try:
            taken_at = datetime.strptime(f"{match[1]}_{match[2]}", "%Y-%m-%d_%H%M%S")
        except ValueError:
            continue
        yield path, taken_at, int(match[3] or 1)


# --- restoring ------------------------------------------------------------------------


def restore_database(backup_file: Path, db_path: Path, *, keep_dir: Path | None = None) -> Path:
    """Replace the database by `backup_file`; returns the safety copy of the previous state.

    The caller must have closed the Database (and every other program using the file).
    If anything fails before the final `os.replace`, the database is untouched.
    When `db_path` does not exist yet, nothing needs keeping and `db_path` is returned.
    """
    if not backup_file.is_file():
        raise StorageError(f"Die Sicherung {backup_file} gibt es nicht.")
    problems = _problems(backup_file)
    if problems:
        raise StorageError(f"{backup_file} ist keine Multilok-Sicherung ({problems}).")
    try:
        multilok = _is_multilok(backup_file)
    except sqlite3.Error as exc:
        raise StorageError(f"{backup_file} ist keine Multilok-Sicherung ({_reason(exc)}).") from exc
    if not multilok:
        raise StorageError(f"{backup_file} ist keine Multilok-Sicherung.")

    kept = db_path
    if db_path.exists():
        if backup_problems(db_path):  # damaged or foreign: kept byte for byte, never read
            kept = keep_damaged(db_path)
        else:
            kept = backup_database(db_path, keep_dir)
            _checkpoint_and_release(db_path)
    temp = db_path.with_name(f".{db_path.name}.{os.getpid()}.restore.tmp")
    try:
        _copy_with_backup_api(backup_file, temp)
        problems = _problems(temp)
        if problems:
            raise StorageError(
                f"Die Wiederherstellung aus {backup_file} ist misslungen: {problems}"
            )
        # Stale -wal/-shm files would be applied to the restored file: remove them first.
        # The checkpoint above left them empty, so the old database loses nothing by it.
        for side in ("-wal", "-shm", "-journal"):
            _remove_quietly(Path(f"{db_path}{side}"))
        os.replace(temp, db_path)
    except BaseException:
        _remove_quietly(temp)
        raise
    _fsync_dir(db_path.parent)
    return kept


def keep_damaged(db_path: Path, *, now: datetime | None = None) -> Path:
    """Keep a damaged or foreign file as `<name>.beschädigt-<Zeit>.sqlite` beside it,
    untouched (a hard link to the same bytes, or a copy where links are not possible),
    with its `-wal` file if there is one. Returns the kept file."""
    stamp = (now or datetime.now()).strftime("%Y-%m-%d_%H%M%S")
    target = db_path.with_name(f"{db_path.stem}.beschädigt-{stamp}.sqlite")
    number = 2
    while target.exists():
        target = db_path.with_name(f"{db_path.stem}.beschädigt-{stamp}-{number}.sqlite")
        number += 1
    for suffix in ("", "-wal"):
        source = Path(f"{db_path}{suffix}")
        if not source.exists():
            continue
        kept = Path(f"{target}{suffix}")
        try:
            os.link(source, kept)
        except OSError:
            shutil.copy2(source, kept)
            _fsync_file(kept)
    _fsync_dir(db_path.parent)
    return target


def _checkpoint_and_release(db_path: Path) -> None:
    """Move everything from the WAL into the main file; refuse if the file is still in use."""
    try:
        with _connect(db_path, mode="rw") as connection:
            connection.execute("SELECT count(*) FROM sqlite_master")  # rolls back a hot journal
            busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except sqlite3.Error as exc:
        raise StorageError(
            f"Die Datenbank {db_path} lässt sich nicht ersetzen: {_reason(exc)}"
        ) from exc
    # Closing the last connection deletes the WAL file; if it is still there, another
    # connection is open (best effort: an idle Database with NullPool holds none).
    if busy or Path(f"{db_path}-wal").exists():
        raise StorageError(
            f"Die Datenbank {db_path} wird noch benutzt; bitte Multilok schließen und "
            "die Wiederherstellung erneut starten."
        )


# --- helpers --------------------------------------------------------------------------


@contextlib.contextmanager
def _connect(path: Path, *, mode: str, immutable: bool = False) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection that never creates a missing file; always closed."""
    uri = f"{path.resolve().as_uri()}?mode={mode}" + ("&immutable=1" if immutable else "")
    connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        yield connection
    finally:
        connection.close()


def _reason(exc: sqlite3.Error) -> str:
    message = str(exc)
    if "malformed" in message or "not a database" in message:
        return "die Datei ist beschädigt oder keine Datenbank"
    if "locked" in message or "busy" in message:
        return "sie wird gerade von einem anderen Programm gesperrt"
    if "readonly" in message or "unable to open" in message:
        return "keine Schreib- oder Leserechte"
    return message


def _restrict_to_owner(path: Path) -> None:
    with contextlib.suppress(OSError):  # e.g. Windows ACLs or a foreign share
        os.chmod(path, 0o600)


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows cannot open folders, which is fine."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
