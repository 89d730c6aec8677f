"""Calendar files for the UI: .ics in and out, the invitation e-mail draft.

One session per call; the iCalendar code loads on first use, not at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..storage.database import Database

if TYPE_CHECKING:
    from ..services.calendar_import import CalendarImportResult


class CalendarExchangeService:
    def __init__(self, database: Database) -> None:
        self._database = database

    def write_meeting(self, meeting_id: int, path: str | Path) -> None:
        """Invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL) for Outlook; an
        invitation marks the meeting "eingeladen" in the same transaction."""
        from .ics import write_meeting_invitation

        with self._database.session() as session:  # commits a new UID and the status
            write_meeting_invitation(session, meeting_id, path)

    def write_series(self, series_id: int, path: str | Path) -> None:
        from .ics import write_series

        with self._database.session() as session:
            write_series(session, series_id, path)

    def write_calendar(self, path: str | Path) -> None:
        from .ics import write_calendar

        with self._database.session() as session:
            write_calendar(session, path)

    def import_file(self, path: str | Path) -> CalendarImportResult:
        """All or nothing; raises ImportFileError naming the event or line at fault."""
        from .calendar_file import import_calendar_file

        return import_calendar_file(self._database, path)

    def write_mail_draft(self, meeting_id: int, path: str | Path) -> int:
        """The invitation (or cancellation) e-mail draft; an invitation marks the meeting
        "eingeladen" in the same transaction. Returns the number of recipients."""
        from .mail_draft import write_invitation_mail

        with self._database.session() as session:
            return write_invitation_mail(session, meeting_id, path)
