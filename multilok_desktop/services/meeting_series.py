"""Treffenreihen: their rhythm, defaults (place, duration, standard agenda, invitees) and
the meetings generated from them.

A generated meeting remembers the date of the rule it stands for (`occurrence_start`);
generating again skips every date some meeting already stands for, even a moved or
cancelled one, so nothing is created twice. New meetings are numbered on from the highest
number the series' meetings carry ("7. …"), so a number never comes twice, even after a
meeting was deleted and its date generated again.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..domain import (
    AgendaItem,
    AgendaTemplateItem,
    Department,
    DistributionList,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Organisation,
    Person,
    SeriesInvitee,
    utcnow,
)
from ..domain.text import directory_name, sort_key
from .calendar_records import new_uid
from .clock import OFFICE_TZ
from .errors import NotFoundError, ValidationError
from .invitations import InviteeData, add_invitations, check_invitees
from .recurrence import describe_rule, normalize_rule, occurrences

_NUMBER = re.compile(r"^\s*(\d+)\.(?!\d)")  # "7. Vernetzungstreffen", not "10.03. …"

STANDARD_AGENDA: tuple[tuple[str, int], ...] = (
    ("Eröffnung und Begrüßung", 5),
    ("Feststellung der ordnungsgemäßen Einladung", 5),
    ("Genehmigung der Tagesordnung", 5),
    ("Genehmigung des Protokolls der letzten Sitzung", 10),
    ("Verschiedenes", 15),
)


@dataclass(frozen=True)
class SeriesData:
    title: str
    recurrence: str  # RRULE, e.g. "FREQ=YEARLY;BYMONTH=3,9;BYDAY=2TU"
    first_start: datetime  # aware; DTSTART of the rule, its time of day is the meetings'
    default_location: str = ""
    default_duration_minutes: int = 180
    description: str = ""
    department_ids: tuple[int, ...] = ()
    agenda_template: tuple[tuple[str, int], ...] = STANDARD_AGENDA  # (title, planned minutes)
    invitees: tuple[InviteeData, ...] = ()


@dataclass(frozen=True)
class SeriesSummary:
    id: int
    title: str
    rule_text: str  # "jedes Jahr im März und September, am 2. Dienstag"
    next_start: datetime | None
    meeting_count: int


@dataclass(frozen=True)
class SeriesDetails:
    id: int
    data: SeriesData
    rule_text: str
    next_start: datetime | None
    meeting_count: int


def validate_series(data: SeriesData) -> SeriesData:
    """The data with stripped texts and the rule in normal form; else a ValidationError."""
    if data.first_start.tzinfo is None:
        raise ValueError("naive datetime: times must carry a time zone")
    title = data.title.strip()
    if not title:
        raise ValidationError("Bitte einen Titel für die Treffenreihe angeben.")
    if len(title) > 200:
        raise ValidationError("Der Titel ist zu lang (höchstens 200 Zeichen).")
    if not data.recurrence.strip():
        raise ValidationError("Bitte einen Turnus für die Treffenreihe wählen.")
    rule = normalize_rule(data.recurrence)
    if data.default_duration_minutes <= 0:
        raise ValidationError("Die Dauer muss größer als 0 Minuten sein.")
    if len(data.default_location.strip()) > 300:
        raise ValidationError("Der Ort ist zu lang (höchstens 300 Zeichen).")
    for number, (item_title, minutes) in enumerate(data.agenda_template, 1):
        if not item_title.strip():
            raise ValidationError(f"TOP {number} der Standard-Tagesordnung braucht einen Titel.")
        if minutes < 0:
            raise ValidationError(f"Die Dauer von TOP {number} darf nicht negativ sein.")
    return SeriesData(
        title=title,
        recurrence=rule,
        first_start=data.first_start,
        default_location=data.default_location.strip(),
        default_duration_minutes=data.default_duration_minutes,
        description=data.description.strip(),
        department_ids=tuple(dict.fromkeys(data.department_ids)),
        agenda_template=tuple((t.strip(), m) for t, m in data.agenda_template),
        invitees=data.invitees,
    )


def list_series(session: Session, now: datetime | None = None) -> list[SeriesSummary]:
    """Every series with its rhythm in words, next date and number of meetings, by title."""
    return _summaries(session, now or utcnow())


def _summaries(
    session: Session, now: datetime, series_id: int | None = None
) -> list[SeriesSummary]:
    counts: dict[int | None, int] = {
        series: n
        for series, n in session.execute(
            select(Meeting.series_id, func.count())
            .where(Meeting.series_id.is_not(None))
            .group_by(Meeting.series_id)
        )
    }
    next_meeting: dict[int | None, datetime] = {
        series: start
        for series, start in session.execute(
            select(Meeting.series_id, func.min(Meeting.start))
            .where(Meeting.start >= now, Meeting.status != MeetingStatus.CANCELLED)
            .group_by(Meeting.series_id)
        )
    }
    taken: dict[int, set[date]] = defaultdict(set)
    rows = session.execute(
        select(Meeting.series_id, Meeting.occurrence_start).where(
            Meeting.series_id.is_not(None), Meeting.occurrence_start.is_not(None)
        )
    )
    for series_id, occurrence in rows:
        if series_id is not None and occurrence is not None:
            taken[series_id].add(_local_day(occurrence))
    result = []
    query = select(MeetingSeries)
    if series_id is not None:
        query = query.where(MeetingSeries.id == series_id)
    for series in session.scalars(query):
        upcoming = [
            d
            for d in (next_meeting.get(series.id), _next_free(series, taken[series.id], now))
            if d is not None
        ]
        result.append(
            SeriesSummary(
                series.id,
                series.title,
                _rule_text(series.recurrence),
                min(upcoming) if upcoming else None,
                counts.get(series.id, 0),
            )
        )
    result.sort(key=lambda s: (sort_key(s.title), s.id))
    return result


def get_series(session: Session, series_id: int, now: datetime | None = None) -> SeriesDetails:
    series = _series(session, series_id)
    (summary,) = _summaries(session, now or utcnow(), series_id)
    invitee_names = _invitee_names(session, series.invitees)
    data = SeriesData(
        title=series.title,
        recurrence=series.recurrence,
        first_start=series.first_start or utcnow(),
        default_location=series.default_location,
        default_duration_minutes=series.default_duration_minutes,
        description=series.description,
        department_ids=tuple(d.id for d in series.departments),
        agenda_template=tuple((t.title, t.planned_minutes) for t in series.agenda_template),
        invitees=tuple(
            InviteeData(
                person_id=i.person_id,
                organisation_id=i.organisation_id,
                list_id=i.list_id,
                mode=i.mode,
                receives_protocol=i.receives_protocol,
                name=name,
            )
            for i, name in zip(series.invitees, invitee_names, strict=True)
        ),
    )
    return SeriesDetails(
        series.id, data, summary.rule_text, summary.next_start, summary.meeting_count
    )


def save_series(session: Session, data: SeriesData, series_id: int | None = None) -> int:
    """Create the series or replace its settings; existing meetings are not touched."""
    data = validate_series(data)
    check_invitees(session, data.invitees)
    departments = [session.get(Department, i) for i in data.department_ids]
    if None in departments:
        raise NotFoundError("Ein gewähltes Ressort gibt es nicht (mehr).")
    if series_id is None:
        series = MeetingSeries()
        session.add(series)
    else:
        series = _series(session, series_id)
    series.title = data.title
    series.recurrence = data.recurrence
    series.first_start = data.first_start
    series.default_location = data.default_location
    series.default_duration_minutes = data.default_duration_minutes
    series.description = data.description
    series.departments = [d for d in departments if d is not None]
    series.agenda_template = [
        AgendaTemplateItem(position=position, title=title, planned_minutes=minutes)
        for position, (title, minutes) in enumerate(data.agenda_template, 1)
    ]
    series.invitees = [
        SeriesInvitee(
            person_id=i.person_id,
            organisation_id=i.organisation_id,
            list_id=i.list_id,
            mode=i.mode,
            receives_protocol=i.receives_protocol,
        )
        for i in data.invitees
    ]
    session.flush()
    return series.id


def delete_series(session: Session, series_id: int) -> None:
    """Delete the series and its backlog; its meetings stay, as single meetings."""
    series = _series(session, series_id)
    for meeting in series.meetings:
        meeting.series_id = None
        meeting.occurrence_start = None
    session.flush()
    session.delete(series)
    session.flush()


def generate_meetings(
    session: Session, series_id: int, until: date, today: date | None = None
) -> list[int]:
    """Create the meetings of the rule from `today` to `until` (local dates, inclusive) that
    no meeting stands for yet: "N. <title>", default place and duration, the standard
    agenda and the default invitees (lists expanded). Returns the new meetings' ids."""
    series = _series(session, series_id)
    if not series.recurrence or series.first_start is None:
        raise ValidationError(f"„{series.title}“ hat keinen Turnus.")
    today = today or datetime.now(OFFICE_TZ).date()
    if until < today:
        return []
    starts = occurrences(
        series.recurrence,
        series.first_start,
        after=_day_start(today) - timedelta(microseconds=1),
        until=_day_start(until + timedelta(days=1)) - timedelta(microseconds=1),
        count=None,
    )
    taken = {_local_day(m.occurrence_start) for m in series.meetings if m.occurrence_start}
    number = highest_number(m.title for m in series.meetings)
    duration = timedelta(minutes=series.default_duration_minutes)
    invitees = [
        InviteeData(i.person_id, i.organisation_id, i.list_id, i.mode, i.receives_protocol)
        for i in series.invitees
    ]
    created = []
    for start in starts:
        if _local_day(start) in taken:
            continue
        number += 1
        meeting = Meeting(
            occurrence_start=start,
            title=f"{number}. {series.title}",
            start=start,
            end=start + duration,
            location=series.default_location,
            status=MeetingStatus.PLANNED,
            ical_uid=new_uid(),
            ical_sequence=0,
        )
        meeting.agenda = [
            AgendaItem(
                position=position,
                number=str(position),
                title=item.title,
                planned_minutes=item.planned_minutes,
            )
            for position, item in enumerate(series.agenda_template, 1)
        ]
        session.add(meeting)
        meeting.series = series  # after add: keeps `series.meetings` up to date
        session.flush()
        add_invitations(session, meeting, invitees)
        created.append(meeting.id)
    session.flush()
    return created


def highest_number(titles: Iterable[str]) -> int:
    """The highest "N." the titles start with; 0 if none does."""
    return max((int(m.group(1)) for m in map(_NUMBER.match, titles) if m), default=0)


def _next_free(series: MeetingSeries, taken: set[date], now: datetime) -> datetime | None:
    """The rule's next date after `now` that no meeting stands for yet."""
    if not series.recurrence or series.first_start is None:
        return None
    try:
        starts = occurrences(series.recurrence, series.first_start, after=now, count=50)
    except ValidationError:
        return None
    return next((s for s in starts if _local_day(s) not in taken), None)


def _rule_text(rule: str) -> str:
    if not rule.strip():
        return "ohne Turnus"
    try:
        return describe_rule(rule)
    except ValidationError:
        return f"unbekannte Regel ({rule})"


def _invitee_names(session: Session, invitees: list[SeriesInvitee]) -> list[str]:
    names = []
    for invitee in invitees:
        if invitee.person_id is not None:
            person = session.get(Person, invitee.person_id)
            names.append(
                directory_name(person.title, person.first_name, person.last_name) if person else ""
            )
        elif invitee.organisation_id is not None:
            organisation = session.get(Organisation, invitee.organisation_id)
            names.append(organisation.name if organisation else "")
        else:
            distribution_list = session.get(DistributionList, invitee.list_id)
            names.append(f"Verteiler: {distribution_list.name}" if distribution_list else "")
    return names


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(), OFFICE_TZ)


def _local_day(moment: datetime) -> date:
    return moment.astimezone(OFFICE_TZ).date()


def _series(session: Session, series_id: int) -> MeetingSeries:
    series = session.get(
        MeetingSeries,
        series_id,
        options=[
            selectinload(MeetingSeries.meetings),
            selectinload(MeetingSeries.departments),
            selectinload(MeetingSeries.invitees),
            selectinload(MeetingSeries.agenda_template),
        ],
    )
    if series is None:
        raise NotFoundError(f"Treffenreihe {series_id} gibt es nicht (mehr).")
    return series
