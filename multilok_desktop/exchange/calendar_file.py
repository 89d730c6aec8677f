"""Calendar files as the command line and the calendar view's Import see them.

`read_calendar_file` reads and checks the whole .ics file without touching the
database; `import_calendar_file` then writes its events as meetings in one transaction
(all or nothing). Writing .ics files: `exchange.ics.write_meeting_invitation`,
`write_series`, `write_calendar`. icalendar loads on first use, not at start-up.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ImportFileError

if TYPE_CHECKING:
    from ..services.calendar_import import CalendarImportResult
    from ..services.calendar_records import ImportedEvent
    from ..storage.database import Database

CALENDAR_EXTENSIONS = (".ics", ".ical", ".icalendar", ".ifb")
MAX_FILE_SIZE = 20 * 1024 * 1024  # a calendar of several thousand events is a few MB


def read_calendar_file(path: str | os.PathLike[str]) -> list[ImportedEvent]:
    """All events of the file; any problem raises `ImportFileError` naming line or event."""
    from .ics import parse_calendar

    path = Path(path)
    if path.suffix.lower() not in CALENDAR_EXTENSIONS:
        raise ImportFileError(
            f"Unbekanntes Dateiformat „{path.suffix or path.name}“: Termine lassen sich aus "
            ".ics-Dateien (iCalendar, z. B. aus Outlook, Thunderbird oder Google Kalender) "
            "importieren."
        )
    return parse_calendar(_read(path), path.name)


def import_calendar_file(database: Database, path: str | os.PathLike[str]) -> CalendarImportResult:
    """Read the file, then create or update its meetings in one transaction."""
    from ..services.calendar_import import import_events

    events = read_calendar_file(path)  # the whole file is checked before the database
    with database.session() as session:
        return import_events(session, events)


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_SIZE:
            raise ImportFileError(
                f"Die Datei „{path.name}“ ist mit mehr als "
                f"{MAX_FILE_SIZE // (1024 * 1024)} MB zu groß für eine Kalenderdatei."
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
