"""Builders shared by the calendar tests: Berlin times, a spring-and-autumn series."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from multilok_desktop.services.calendar import (
    MeetingData,
    SeriesData,
    generate_meetings,
    save_series,
)
from multilok_desktop.services.clock import OFFICE_TZ
from multilok_desktop.storage.database import Database

SPRING_AUTUMN = "FREQ=YEARLY;BYMONTH=3,9;BYDAY=2TU"
NEW_YEAR_2026 = date(2026, 1, 1)


def at(day: date, hour: int = 14, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=OFFICE_TZ)


def series_data(**changes: object) -> SeriesData:
    data = SeriesData(
        title="Vernetzungstreffen",
        recurrence=SPRING_AUTUMN,
        first_start=at(date(2026, 3, 10)),
        default_location="Landratsamt, Großer Saal",
        default_duration_minutes=150,
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def make_series(db: Database, until: date = date(2027, 12, 31), **changes: object) -> list[int]:
    """A spring-and-autumn series with its meetings 2026–2027 (four of them)."""
    with db.session() as s:
        series_id = save_series(s, series_data(**changes))
        return generate_meetings(s, series_id, until, today=NEW_YEAR_2026)


def local_text(moment: datetime) -> str:
    return moment.astimezone(OFFICE_TZ).strftime("%d.%m.%Y %H:%M")


def meeting_data(day: date, title: str = "Workshop Wohnen", **changes: object) -> MeetingData:
    data = MeetingData(title=title, start=at(day), end=at(day, 16))
    return replace(data, **changes)  # type: ignore[arg-type]
