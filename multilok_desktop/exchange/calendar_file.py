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

from ..storage.autobackup import safety_backup_of
from .errors import ImportFileError
from .files import read_import_file

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
    return parse_calendar(read_import_file(path, MAX_FILE_SIZE, "Kalenderdatei"), path.name)


def import_calendar_file(database: Database, path: str | os.PathLike[str]) -> CalendarImportResult:
    """Read the file, then create or update its meetings in one transaction."""
    from ..services.calendar_import import import_events

    events = read_calendar_file(path)  # the whole file is checked before the database
    safety_backup_of(database.url)  # a verified copy before every import (DESIGN.md §5)
    with database.session() as session:
        return import_events(session, events)
