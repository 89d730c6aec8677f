"""The Sitzungspaket file (.multilok): one meeting for minute-taking on a laptop.

A ZIP archive with two members:

- `manifest.json`: {"format": "multilok-sitzungspaket", "format_version": 1,
  "created_at", "origin" (database id of the sender), "meeting_title", "meeting_start",
  "content": "meeting.json", "sha256" (of meeting.json)};
- `meeting.json`: {"meeting_key", "records": [{kind, key, fields, base, info}],
  "deleted": [{kind, key, base}]} — see `services/meeting_package_service.py`.

A package of a newer format version, a foreign or damaged file is refused with one
German line before the database is touched. `MeetingPackageFiles` is the facade for the
UI and the command line (one session per call).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from ..services.meeting_package_merge import Choice, ImportResult, ImportSummary
from ..services.meeting_package_service import (
    FORMAT_VERSION,
    KINDS,
    MeetingPackage,
    MeetingPackageService,
    PackageRecord,
)
from ..storage.autobackup import safety_backup_of
from ..storage.database import Database
from .errors import ImportFileError
from .files import read_import_file, write_export_file

FORMAT_NAME = "multilok-sitzungspaket"
SUFFIX = ".multilok"
MAX_FILE_SIZE = 50 * 1024 * 1024
MAX_CONTENT_SIZE = 200 * 1024 * 1024  # unpacked; a ZIP bomb is refused


def package_bytes(package: MeetingPackage) -> bytes:
    content = json.dumps(
        {
            "meeting_key": package.meeting_key,
            "records": [_record_json(r) for r in package.records],
            "deleted": [{"kind": r.kind, "key": r.key, "base": r.base} for r in package.deleted],
        },
        ensure_ascii=False,
        indent=1,
    ).encode("utf-8")
    manifest = {
        "format": FORMAT_NAME,
        "format_version": package.format_version,
        "created_at": package.created_at.isoformat(),
        "origin": package.origin,
        "meeting_title": package.title,
        "meeting_start": package.start.isoformat(),
        "content": "meeting.json",
        "sha256": hashlib.sha256(content).hexdigest(),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        archive.writestr("meeting.json", content)
    return buffer.getvalue()


def _record_json(record: PackageRecord) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": record.kind, "key": record.key, "fields": record.fields}
    if record.base is not None:
        data["base"] = record.base
    if record.info:
        data["info"] = record.info
    return data


def write_package_file(path: Path, package: MeetingPackage) -> None:
    write_export_file(path, package_bytes(package))


def read_package_file(path: Path) -> MeetingPackage:
    """The package in the file; ImportFileError (one German line) if it cannot be used."""
    return parse_package(read_import_file(path, MAX_FILE_SIZE, "Sitzungspaket-Datei"), path.name)


def parse_package(data: bytes, name: str) -> MeetingPackage:
    foreign = ImportFileError(
        f"„{name}“ ist kein Multilok-Sitzungspaket (erwartet: eine .multilok-Datei, "
        "die Multilok mit „Sitzungspaket exportieren“ geschrieben hat)."
    )
    damaged = ImportFileError(f"Das Sitzungspaket „{name}“ ist beschädigt oder unvollständig.")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise foreign from None
    with archive:
        names = {info.filename: info for info in archive.infolist()}
        if "manifest.json" not in names:
            raise foreign
        if sum(info.file_size for info in names.values()) > MAX_CONTENT_SIZE:
            raise damaged
        try:
            manifest = json.loads(archive.read("manifest.json"))
        except (ValueError, zipfile.BadZipFile, OSError):
            raise damaged from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
            raise foreign
        version = manifest.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise damaged
        if version > FORMAT_VERSION:
            raise ImportFileError(
                f"Das Sitzungspaket „{name}“ stammt aus einer neueren Version von Multilok "
                f"(Format {version}, hier bis {FORMAT_VERSION}); bitte Multilok aktualisieren."
            )
        try:
            content = archive.read(str(manifest.get("content", "meeting.json")))
        except (KeyError, zipfile.BadZipFile, OSError):
            raise damaged from None
    if hashlib.sha256(content).hexdigest() != manifest.get("sha256"):
        raise damaged
    try:
        body = json.loads(content)
        return MeetingPackage(
            origin=_text(manifest, "origin"),
            meeting_key=_text(body, "meeting_key"),
            title=_text(manifest, "meeting_title"),
            start=datetime.fromisoformat(_text(manifest, "meeting_start")),
            created_at=datetime.fromisoformat(_text(manifest, "created_at")),
            records=tuple(_record(r, i) for i, r in enumerate(_list(body, "records"), 1)),
            deleted=tuple(_record(r, i) for i, r in enumerate(_list(body, "deleted"), 1)),
            format_version=version,
        )
    except _Broken as exc:
        raise ImportFileError(f"Das Sitzungspaket „{name}“ ist fehlerhaft: {exc}") from None
    except ValueError:
        raise damaged from None


class _Broken(Exception):
    pass


def _text(data: Any, name: str) -> str:
    value = data.get(name) if isinstance(data, dict) else None
    if not isinstance(value, str) or not value:
        raise _Broken(f"Angabe „{name}“ fehlt.")
    return value


def _list(data: Any, name: str) -> list[Any]:
    value = data.get(name, []) if isinstance(data, dict) else None
    if not isinstance(value, list):
        raise _Broken(f"„{name}“ ist keine Liste.")
    return value


def _record(data: Any, number: int) -> PackageRecord:
    if not isinstance(data, dict) or data.get("kind") not in KINDS:
        raise _Broken(f"Eintrag {number} hat keine bekannte Art.")
    fields, info, base = data.get("fields", {}), data.get("info", {}), data.get("base")
    if not isinstance(fields, dict) or not isinstance(info, dict):
        raise _Broken(f"Eintrag {number} ist unvollständig.")
    if base is not None and not isinstance(base, str):
        raise _Broken(f"Eintrag {number} hat einen ungültigen Stand.")
    return PackageRecord(str(data["kind"]), _text(data, "key"), fields, base, info)


class MeetingPackageFiles:
    """Sitzungspaket files for the UI and the command line."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._service = MeetingPackageService(database)

    def export(self, meeting_id: int, path: str | Path) -> MeetingPackage:
        """Write the meeting's package; returns what was written."""
        package = self._service.build(meeting_id)
        write_package_file(Path(path), package)
        return package

    @staticmethod
    def read(path: str | Path) -> MeetingPackage:
        return read_package_file(Path(path))

    def preview(self, package: MeetingPackage) -> ImportSummary:
        return self._service.preview(package)

    def apply(
        self,
        package: MeetingPackage,
        choices: Mapping[str, Choice] | None = None,
        default: Choice | None = None,
    ) -> ImportResult:
        """Import in one transaction, after a verified backup (DESIGN.md §5)."""
        safety_backup_of(self._database.url)
        return self._service.apply(package, choices, default)
