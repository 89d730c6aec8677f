"""A database on a network share is refused (SQLite's WAL needs a local disk); no network
is needed for these tests: the mount table and the drive type are handed in."""

from __future__ import annotations

from pathlib import Path

import pytest

from multilok_desktop.storage import network
from multilok_desktop.storage.database import Database
from multilok_desktop.storage.errors import NetworkDatabaseError
from multilok_desktop.storage.network import network_filesystem

PROC_MOUNTS = """\
/dev/sda2 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
//fileserver/Amt /mnt/amt cifs rw,vers=3.1.1,username=kst 0 0
//fileserver/Amt\\040Neu /mnt/amt\\040neu smb3 rw 0 0
nas:/export/daten /srv/daten nfs4 rw,relatime 0 0
kst@laptop:/home/kst /home/kst/remote fuse.sshfs rw,nosuid 0 0
C:\\134 /mnt/c 9p rw,aname=drivers 0 0
/dev/sdb1 /srv/daten/lokal ext4 rw 0 0
"""

MACOS_MOUNT = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
//kst@fileserver/Amt on /Volumes/Amt (smbfs, nodev, nosuid, mounted by kst)
afp_0TQa on /Volumes/Archiv Alt (afpfs, nodev, nosuid, mounted by kst)
/dev/disk5s1 on /Volumes/USB Stick (msdos, local, nodev, nosuid, noowners)
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/kst/multilok.sqlite", None),
        ("/tmp/multilok.sqlite", None),
        ("/mnt/amt/Koordination/multilok.sqlite", "cifs"),
        ("/mnt/amt neu/multilok.sqlite", "smb3"),  # a mount point with a space (\040)
        ("/mnt/amtneu/multilok.sqlite", None),
        ("/srv/daten/multilok.sqlite", "nfs4"),
        ("/srv/daten/lokal/multilok.sqlite", None),  # a local disk mounted inside the share
        ("/home/kst/remote/multilok.sqlite", "fuse.sshfs"),
        ("/mnt/c/Users/kst/multilok.sqlite", "9p"),
        ("//fileserver/Amt/multilok.sqlite", "UNC-Pfad"),
    ],
)
def test_linux_mount_table(path: str, expected: str | None) -> None:
    assert network_filesystem(path, platform="linux", mounts_text=PROC_MOUNTS) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/Users/kst/Library/Application Support/Multilok/multilok.sqlite", None),
        ("/Volumes/Amt/multilok.sqlite", "smbfs"),
        ("/Volumes/Archiv Alt/2024/multilok.sqlite", "afpfs"),
        ("/Volumes/USB Stick/multilok.sqlite", None),
    ],
)
def test_macos_mount_output(path: str, expected: str | None) -> None:
    assert network_filesystem(path, platform="darwin", mounts_text=MACOS_MOUNT) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (r"C:\Users\kst\AppData\Local\Multilok\multilok.sqlite", None),
        (r"Z:\Koordination\multilok.sqlite", "Netzlaufwerk Z:"),
        (r"\\fileserver\Amt\multilok.sqlite", "UNC-Pfad"),
        ("//fileserver/Amt/multilok.sqlite", "UNC-Pfad"),
        (r"\\?\UNC\fileserver\Amt\multilok.sqlite", "UNC-Pfad"),
        (r"\\?\Z:\multilok.sqlite", "Netzlaufwerk Z:"),
    ],
)
def test_windows_unc_and_mapped_drives(path: str, expected: str | None) -> None:
    def drive_type(root: str) -> int:
        return {"C:\\": 3, "Z:\\": network.DRIVE_REMOTE}[root.upper()]

    assert network_filesystem(path, platform="win32", drive_type=drive_type) == expected


def test_opening_a_database_on_a_share_is_refused_with_advice_and_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    monkeypatch.setattr(
        network,
        "_read_mounts",
        lambda _platform: f"/dev/vda / ext4 rw 0 0\n//srv/amt {share} cifs rw 0 0\n",
    )
    path = share / "multilok.sqlite"

    with pytest.raises(NetworkDatabaseError) as caught:
        Database.open(str(path))

    message = str(caught.value)
    assert "Netzlaufwerk (cifs)" in message and "lokalen Datenträger" in message
    assert "Datenbankserver" in message
    assert not path.exists()


def test_a_local_database_opens(tmp_path: Path) -> None:
    """This machine's temp folder is local: the check lets ordinary files through."""
    Database.open(str(tmp_path / "lokal.sqlite")).close()
