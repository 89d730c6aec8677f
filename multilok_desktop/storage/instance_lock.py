"""One Multilok window per database file (DESIGN.md §5: no second writer).

The lock is an operating-system lock on `<database>.lock` (`flock` on Linux/macOS,
`msvcrt.locking` on Windows). The system releases it when the process ends in any way —
crash, kill -9, power loss — so a stale lock cannot exist and needs no detection: a lock
file left behind by a dead process is simply locked again. The file holds the holder's
process id and computer name for the message to a second instance; it is never deleted
(deleting a lock file while another process opens it lets two processes hold "the" lock).
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from pathlib import Path
from types import TracebackType

from .errors import DatabaseInUseError

# Windows locks byte ranges mandatorily; lock one far beyond the text so it stays readable.
_WINDOWS_LOCK_OFFSET = 1 << 20


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class InstanceLock:
    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> InstanceLock:
        """Take the lock or raise DatabaseInUseError naming who holds it."""
        if self._fd is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            raise DatabaseInUseError(_in_use_message(self.db_path, _holder(self.path)))
        self._fd = fd
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n{socket.gethostname()}\n".encode())
            os.fsync(fd)
        return self

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        _unlock(fd)
        os.close(fd)

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()


def ensure_not_in_use(db_path: Path) -> None:
    """For a restore from the command line: refuse while a Multilok window has the file."""
    with InstanceLock(db_path):
        pass


def _holder(path: Path) -> tuple[str, str] | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return (lines[0], lines[1]) if len(lines) >= 2 else None


def _in_use_message(db_path: Path, holder: tuple[str, str] | None) -> str:
    where = ""
    if holder is not None:
        pid, host = holder
        where = (
            f" (Prozess {pid})"
            if host == socket.gethostname()
            else f" (auf dem Rechner {host}, Prozess {pid})"
        )
    return (
        f"Die Datenbank {db_path} ist bereits in Multilok geöffnet{where}. Bitte das "
        "andere Multilok-Fenster benutzen oder es zuerst schließen."
    )


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
