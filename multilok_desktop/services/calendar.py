"""The calendar's use cases: what the calendar shows and what it warns about.

This module is the calendar's one door: the series (`meeting_series`), editing one
meeting (`meeting_editing`) and filling an agenda (`agenda_planning`) live in their own
modules and are re-exported here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..domain import Meeting, MeetingStatus, Setting
from .agenda_planning import (
    MISCELLANEOUS,
    REVIEW_TITLE,
    BacklogEntry,
    OpenActionItem,
    add_backlog_topic,
    add_review_item,
    backlog,
    delete_backlog_topic,
    move_backlog_to_agenda,
    open_action_items_before,
)
from .clock import OFFICE_TZ
from .errors import ValidationError
from .invitations import InviteeData
from .meeting_editing import (
    AgendaItemData,
    EditScope,
    MeetingData,
    MeetingEdit,
    cancel_meeting,
    create_meeting,
    delete_meeting,
    get_meeting,
    topic_names,
    update_meeting,
)
from .meeting_series import (
    STANDARD_AGENDA,
    SeriesData,
    SeriesDetails,
    SeriesSummary,
    delete_series,
    generate_meetings,
    get_series,
    list_series,
    save_series,
)
from .recurrence import WEEKDAY_NAMES, normalize_rule, occurrences
from .settings import STATES, SchoolHolidayPeriod, load_settings, school_holidays

__all__ = [
    "MISCELLANEOUS", "REVIEW_TITLE", "STANDARD_AGENDA",
    "AgendaItemData", "BacklogEntry", "CalendarEntry", "EditScope", "InviteeData",
    "MeetingData", "MeetingEdit", "OpenActionItem", "SeriesData", "SeriesDetails",
    "SeriesSummary",
    "add_backlog_topic", "add_review_item", "backlog", "cancel_meeting", "create_meeting",
    "date_warnings", "delete_backlog_topic", "delete_meeting", "delete_series",
    "generate_meetings", "get_meeting", "get_series", "holidays_between", "list_series",
    "meetings_between",
    "move_backlog_to_agenda", "open_action_items_before", "past", "save_series",
    "series_preview", "topic_names", "upcoming", "update_meeting",
]  # fmt: skip

_MAX_DAYS_CHECKED = 62  # a longer "meeting" is a data error; don't list every day of it


@dataclass(frozen=True)
class CalendarEntry:
    id: int
    title: str
    start: datetime
    end: datetime
    location: str
    status: MeetingStatus
    series_id: int | None


# views


def meetings_between(session: Session, first_day: date, last_day: date) -> list[CalendarEntry]:
    """Meetings that take place (at least partly) on the Berlin days first_day..last_day."""
    lower, upper = day_start(first_day), day_start(last_day + timedelta(days=1))
    query = (
        select(Meeting)
        .where(Meeting.start < upper, or_(Meeting.end > lower, Meeting.start >= lower))
        .order_by(Meeting.start, Meeting.id)
    )
    return [_entry(m) for m in session.scalars(query)]


def upcoming(session: Session, today: date, limit: int = 50) -> list[CalendarEntry]:
    """Meetings from today on, soonest first."""
    query = (
        select(Meeting)
        .where(Meeting.start >= day_start(today))
        .order_by(Meeting.start, Meeting.id)
        .limit(limit)
    )
    return [_entry(m) for m in session.scalars(query)]


def past(session: Session, today: date, limit: int = 50) -> list[CalendarEntry]:
    """Meetings before today, newest first."""
    query = (
        select(Meeting)
        .where(Meeting.start < day_start(today))
        .order_by(Meeting.start.desc(), Meeting.id.desc())
        .limit(limit)
    )
    return [_entry(m) for m in session.scalars(query)]


# warnings


def date_warnings(
    session: Session,
    start: datetime,
    end: datetime,
    exclude_meeting_id: int | None = None,
    *,
    exclude_series_id: int | None = None,
) -> list[str]:
    """What speaks against the date, one German line each: a public holiday of the office's
    Bundesland, school holidays, a weekend, and other meetings at the same time (except the
    excluded meeting, and the meetings of the excluded series)."""
    state = load_settings(session).state
    periods = school_holidays(session)
    return _warnings(session, start, end, state, periods, exclude_meeting_id, exclude_series_id)


def holidays_between(session: Session, first_day: date, last_day: date) -> dict[date, str]:
    """Public holidays of the office's Bundesland on the days first_day..last_day, by name."""
    state = load_settings(session).state
    result = {}
    for year in range(first_day.year, last_day.year + 1):
        for day, name in public_holidays(session, state, year).items():
            if first_day <= day <= last_day:
                result[day] = name
    return dict(sorted(result.items()))


def series_preview(
    session: Session,
    rule: str,
    first_start: datetime,
    duration_minutes: int,
    count: int = 6,
    *,
    after: datetime | None = None,
    series_id: int | None = None,
) -> list[tuple[datetime, list[str]]]:
    """The rule's next `count` dates after `after` (default: now) with their warnings, for
    the series editor before saving. Clashes with the series' own meetings are left out."""
    rule = normalize_rule(rule)
    if duration_minutes <= 0:
        raise ValidationError("Die Dauer muss größer als 0 Minuten sein.")
    state = load_settings(session).state
    periods = school_holidays(session)
    duration = timedelta(minutes=duration_minutes)
    after = after or datetime.now(OFFICE_TZ)
    return [
        (start, _warnings(session, start, start + duration, state, periods, None, series_id))
        for start in occurrences(rule, first_start, after=after, count=count)
    ]


def day_start(day: date) -> datetime:
    """Midnight at the start of the Berlin day."""
    return datetime.combine(day, time(), OFFICE_TZ)


def _warnings(
    session: Session,
    start: datetime,
    end: datetime,
    state: str,
    periods: list[SchoolHolidayPeriod],
    exclude_meeting_id: int | None,
    exclude_series_id: int | None,
) -> list[str]:
    for moment in (start, end):
        if moment.tzinfo is None:
            raise ValueError("naive datetime: times must carry a time zone")
    first_day = start.astimezone(OFFICE_TZ).date()
    last_day = max(first_day, (end - timedelta(microseconds=1)).astimezone(OFFICE_TZ).date())
    last_day = min(last_day, first_day + timedelta(days=_MAX_DAYS_CHECKED - 1))
    days = [first_day + timedelta(days=n) for n in range((last_day - first_day).days + 1)]
    warnings = []
    for day in days:
        if name := public_holidays(session, state, day.year).get(day):
            warnings.append(
                f"Feiertag in {STATES.get(state, 'Deutschland')}: {name} ({day:%d.%m.%Y})"
            )
    for period in periods:
        if period.first_day <= last_day and period.last_day >= first_day:
            warnings.append(
                f"in den {period.name} ({period.first_day:%d.%m.%Y}–{period.last_day:%d.%m.%Y})"
            )
    for day in days:
        if day.weekday() >= 5:
            warnings.append(f"am Wochenende ({WEEKDAY_NAMES[day.weekday()]}, {day:%d.%m.%Y})")
    query = (
        select(Meeting)
        .where(
            Meeting.start < end,
            Meeting.end > start,
            Meeting.status != MeetingStatus.CANCELLED,
        )
        .order_by(Meeting.start, Meeting.id)
    )
    if exclude_meeting_id is not None:
        query = query.where(Meeting.id != exclude_meeting_id)
    if exclude_series_id is not None:
        query = query.where(
            or_(Meeting.series_id.is_(None), Meeting.series_id != exclude_series_id)
        )
    for other in session.scalars(query):
        warnings.append(f"überschneidet sich mit „{other.title}“ ({_span(other.start, other.end)})")
    return warnings


def public_holidays(session: Session, state: str, year: int) -> dict[date, str]:
    """Public holidays of the Bundesland in a year, kept in the database once worked out.

    The holidays package takes about a quarter of a second to import; storing its answer
    (per package version, so an update with new holiday laws is picked up) keeps opening
    the calendar fast from the second time on, in every process.
    """
    key = f"holidays:{_holidays_version()}:{state}:{year}"
    known = _KNOWN_HOLIDAYS.get(key)
    if known is not None:
        return known
    row = session.get(Setting, key)
    if row is not None:
        try:
            known = {date.fromisoformat(day): name for day, name in json.loads(row.value).items()}
        except (ValueError, AttributeError):
            known = None  # a damaged entry is worked out again
    if known is None:
        known = _public_holidays(state, year)
        stored = json.dumps({day.isoformat(): name for day, name in known.items()})
        session.merge(Setting(key=key, value=stored))
        session.flush()
    _KNOWN_HOLIDAYS[key] = known
    return known


_KNOWN_HOLIDAYS: dict[str, dict[date, str]] = {}


@lru_cache(maxsize=1)
def _holidays_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("holidays")
    except PackageNotFoundError:  # e.g. a bundle without package metadata
        return "0"


def _public_holidays(state: str, year: int) -> dict[date, str]:
    """Public holidays of the Bundesland (nationwide ones for an unknown code), in German."""
    import holidays  # only when a date is checked: the package is slow to import

    country = holidays.Germany(subdiv=state if state in STATES else None, years=year, language="de")
    return dict(country.items())


def _span(start: datetime, end: datetime) -> str:
    """ "10.03.2026 14:00–16:30", over midnight "10.03.2026 14:00 – 11.03.2026 12:00"."""
    start, end = start.astimezone(OFFICE_TZ), end.astimezone(OFFICE_TZ)
    if start.date() == end.date():
        return f"{start:%d.%m.%Y %H:%M}–{end:%H:%M}"
    return f"{start:%d.%m.%Y %H:%M} – {end:%d.%m.%Y %H:%M}"


def _entry(meeting: Meeting) -> CalendarEntry:
    return CalendarEntry(
        meeting.id,
        meeting.title,
        meeting.start,
        meeting.end,
        meeting.location,
        meeting.status,
        meeting.series_id,
    )
