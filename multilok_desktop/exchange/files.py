"""Reading an import file and writing an export file, with messages a clerk understands."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import ExportFileError, ImportFileError


def read_import_file(path: Path, max_size: int, kind: str) -> bytes:
    """The whole file; `kind` names it in the size message ("Kontaktdatei")."""
    try:
        if path.stat().st_size > max_size:
            raise ImportFileError(
                f"Die Datei „{path.name}“ ist mit mehr als "
                f"{max_size // (1024 * 1024)} MB zu groß für eine {kind}."
            )
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise ImportFileError(f"Die Datei „{path}“ gibt es nicht.") from exc
    except IsADirectoryError as exc:
        raise ImportFileError(f"„{path}“ ist ein Ordner, keine Datei.") from exc
    except PermissionError as exc:
        raise ImportFileError(f"Die Datei „{path}“ darf nicht gelesen werden.") from exc
    except OSError as exc:
        raise ImportFileError(
            f"Die Datei „{path}“ lässt sich nicht lesen: {exc.strerror or exc}"
        ) from exc


def write_export_file(path: Path, data: bytes) -> None:
    """Write next to the destination, then move into place: never half a file."""
    if path.is_dir():
        raise ExportFileError(f"„{path}“ ist ein Ordner, keine Datei.")
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except FileNotFoundError as exc:
        raise ExportFileError(f"Den Ordner „{path.parent}“ gibt es nicht.") from exc
    except OSError as exc:
        raise ExportFileError(
            f"In den Ordner „{path.parent}“ lässt sich nicht schreiben: {exc.strerror or exc}"
        ) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise ExportFileError(
            f"Die Datei „{path}“ lässt sich nicht schreiben: {exc.strerror or exc}"
        ) from exc
