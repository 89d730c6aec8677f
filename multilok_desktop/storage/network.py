"""Is a database path on a network file system? (DESIGN.md §5, SQLite: "WAL does not work
over a network filesystem" — its shared memory index needs one machine.)

Pure functions: the platform facts (mount table text, drive type) can be handed in, so
every case is testable without a network. Backups may go to a network folder: they are
plain files written once; only the live database must be local.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path, PurePath, PureWindowsPath

from .errors import NetworkDatabaseError

# File system types of network shares (Linux /proc/mounts, macOS `mount`).
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afpfs", "afs", "9p",
        "sshfs", "fuse.sshfs", "ncpfs", "ncp", "davfs", "fuse.davfs2", "webdav",
        "glusterfs", "fuse.glusterfs", "ceph", "fuse.ceph", "lustre", "gpfs", "fuse.rclone",
        "fuse.s3fs", "fuse.gvfsd-fuse", "coda", "ocfs2", "gfs2",
    }
)  # fmt: skip
DRIVE_REMOTE = 4  # GetDriveTypeW


def network_filesystem(
    path: Path | str,
    *,
    platform: str | None = None,
    mounts_text: str | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> str | None:
    """What kind of network share `path` lies on ("cifs", "UNC-Pfad" …), or None if local.

    `platform` is `sys.platform`; `mounts_text` the content of /proc/mounts (Linux) or
    the output of `mount` (macOS); `drive_type` GetDriveTypeW for a root like "Z:\\".
    """
    platform = sys.platform if platform is None else platform
    if platform == "win32":
        return _windows(str(path), drive_type or _get_drive_type)
    text = str(path)
    if text.startswith(("//", "\\\\")):  # a UNC path handed to a Unix program
        return "UNC-Pfad"
    if mounts_text is None:
        mounts_text = _read_mounts(platform)
    if platform == "darwin":
        mounts = _parse_macos_mount(mounts_text)
    else:
        mounts = _parse_proc_mounts(mounts_text)
    fstype = _filesystem_of(PurePath(text), mounts)
    if fstype is not None and fstype.lower() in NETWORK_FILESYSTEMS:
        return fstype
    return None


def refuse_network_database(path: Path) -> None:
    """Raise NetworkDatabaseError, explained in German, when `path` is on a network share."""
    try:
        kind = network_filesystem(_existing_anchor(path))
    except OSError:
        return  # no mount table readable: do not stand in the clerk's way
    if kind is None:
        return
    raise NetworkDatabaseError(
        f"Die Datenbank {path} liegt auf einem Netzlaufwerk ({kind}). Dort kann Multilok "
        "sie nicht sicher öffnen: SQLite braucht für gleichzeitiges Lesen und Schreiben "
        "(WAL) einen lokalen Datenträger, über das Netz drohen Datenverluste. Bitte die "
        "Datei auf diesen Rechner kopieren und dort öffnen oder für die gemeinsame "
        "Arbeit den gemeinsamen Datenbankserver (--db postgresql+psycopg://…) nutzen. "
        "Sicherungen dürfen auf einem Netzlaufwerk liegen."
    )


def _existing_anchor(path: Path) -> Path:
    """The path itself, or the nearest folder above it that exists (a new file)."""
    candidate = path
    while not candidate.exists() and candidate.parent != candidate:
        candidate = candidate.parent
    return candidate.resolve() if candidate.exists() else path


# --- Windows ---------------------------------------------------------------------------


def _windows(text: str, drive_type: Callable[[str], int]) -> str | None:
    pure = PureWindowsPath(text)
    if text.startswith(("\\\\?\\UNC\\", "//?/UNC/")):
        return "UNC-Pfad"
    if text.startswith(("\\\\?\\", "//?/")):
        pure = PureWindowsPath(text[4:])
    if pure.drive.startswith(("\\\\", "//")):
        return "UNC-Pfad"
    if pure.drive and drive_type(pure.drive + "\\") == DRIVE_REMOTE:
        return f"Netzlaufwerk {pure.drive}"
    return None


def _get_drive_type(root: str) -> int:
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return 0
    return int(windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


# --- Linux and macOS -------------------------------------------------------------------


def _read_mounts(platform: str) -> str:
    if platform == "darwin":
        completed = subprocess.run(
            ["/sbin/mount"], capture_output=True, text=True, timeout=5, check=False
        )
        return completed.stdout
    for candidate in ("/proc/self/mounts", "/proc/mounts", "/etc/mtab"):
        if os.path.exists(candidate):
            with open(candidate, encoding="utf-8", errors="replace") as handle:
                return handle.read()
    return ""


def _unescape(field: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes."""
    for escaped, plain in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(escaped, plain)
    return field


def _parse_proc_mounts(text: str) -> list[tuple[str, str]]:
    mounts = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            mounts.append((_unescape(parts[1]), parts[2]))
    return mounts


def _parse_macos_mount(text: str) -> list[tuple[str, str]]:
    """Lines like `//user@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by u)`."""
    mounts = []
    for line in text.splitlines():
        _, sep, rest = line.partition(" on ")
        point, paren, options = rest.rpartition(" (")
        if sep and paren and options:
            mounts.append((point, options.split(",", 1)[0].strip(" )")))
    return mounts


def _filesystem_of(path: PurePath, mounts: list[tuple[str, str]]) -> str | None:
    """The type of the innermost mount point holding `path` (the last one wins on ties)."""
    best: tuple[int, str] | None = None
    for point, fstype in mounts:
        mount = PurePath(point)
        if path == mount or mount in path.parents:
            depth = len(mount.parts)
            if best is None or depth >= best[0]:
                best = (depth, fstype)
    return None if best is None else best[1]
