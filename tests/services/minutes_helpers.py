"""Builders shared by the minute-taking tests: a series with two held meetings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from multilok_desktop.services.calendar import (
    AgendaItemData,
    MeetingData,
    create_meeting,
    save_series,
)
from multilok_desktop.services.clock import OFFICE_TZ
from multilok_desktop.services.minutes_service import MinutesService
from multilok_desktop.storage.database import Database
from tests.services.calendar_helpers import series_data

AGENDA = (
    "Eröffnung und Begrüßung",
    "Genehmigung der Tagesordnung",
    "Genehmigung des Protokolls der letzten Sitzung",
    "Kinderbetreuung für Pendlerfamilien",
    "Verschiedenes",
)
SPRING = date(2025, 3, 11)
AUTUMN = date(2025, 9, 9)


def at(day: date, hour: int = 14, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=OFFICE_TZ)


@dataclass(frozen=True)
class Setup:
    service: MinutesService
    series_id: int
    spring: int  # meeting ids
    autumn: int

    def tops(self, meeting_id: int) -> list[int]:
        return [t.id for t in self.service.minutes_view(meeting_id).agenda]


def two_meetings(db: Database) -> Setup:
    """A series with a spring and an autumn meeting in 2025 (both past), same agenda."""
    with db.session() as s:
        series_id = save_series(
            s, series_data(first_start=at(SPRING), agenda_template=(), title="Vernetzung")
        )
        ids = [
            create_meeting(
                s,
                MeetingData(
                    title=title,
                    start=at(day),
                    end=at(day, 16),
                    location="Landratsamt",
                    agenda=tuple(AgendaItemData(title=t) for t in AGENDA),
                ),
                series_id,
            )
            for day, title in ((SPRING, "6. Vernetzungstreffen"), (AUTUMN, "7. Vernetzungstreffen"))
        ]
    return Setup(MinutesService(db), series_id, ids[0], ids[1])
