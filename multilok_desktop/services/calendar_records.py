"""Meetings as calendar events: the neutral form an .ics file is written from and read into.

`EventRecord` is one VEVENT to write (`exchange.ics.format_calendar`), built here from the
database: `meeting_event` (one meeting, for an invitation), `series_events` (a series as
one recurring event with overrides) and `all_events` (every meeting on its own).
`ImportedEvent` is one event read from a file (`exchange.ics.parse_calendar`), which
`services.calendar_import` turns into meetings. Nothing here reads or writes files, and
icalendar is not imported (it loads with the first export or import).

Times are aware datetimes; the file format writes them in Europe/Berlin (services.clock).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain import (
    Invitation,
    InvitationMode,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Response,
    Setting,
    utcnow,
)
from .clock import OFFICE_TZ
from .errors import NotFoundError, ValidationError
from .recurrence import occurrences
from .settings import load_settings

UID_DOMAIN = "multilok"  # new UIDs are uuid4 + "@multilok"
SERIES_UID_DOMAIN = "multilok-desktop"  # series-<id>-<office token>@multilok-desktop
UID_TOKEN_KEY = "calendar_uid_token"  # setting row: this database's token in series UIDs
_INSTANT = timedelta(microseconds=1)  # "after" is exclusive; minus this includes the moment


class EventStatus(StrEnum):
    """STATUS of a VEVENT as far as meetings are concerned (TENTATIVE reads as CONFIRMED)."""

    CONFIRMED = "CONFIRMED"
    CANCELLED = "CANCELLED"


class Role(StrEnum):
    REQUIRED = "REQ-PARTICIPANT"  # eingeladen
    OPTIONAL = "OPT-PARTICIPANT"  # informiert


class PartStat(StrEnum):
    NEEDS_ACTION = "NEEDS-ACTION"
    ACCEPTED = "ACCEPTED"
    DECLINED = "DECLINED"
    TENTATIVE = "TENTATIVE"


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str
    role: str = Role.REQUIRED.value
    partstat: str = PartStat.NEEDS_ACTION.value


@dataclass(frozen=True)
class EventRecord:
    """One VEVENT to write. A series master has `rrule`; an override has `recurrence_id`."""

    uid: str
    sequence: int
    summary: str
    start: datetime
    end: datetime
    location: str = ""
    description: str = ""
    status: EventStatus = EventStatus.CONFIRMED
    organizer_name: str = ""
    organizer_email: str = ""  # "" → no ORGANIZER (the office has no e-mail address set)
    attendees: tuple[Attendee, ...] = ()
    recurrence_id: datetime | None = None  # the occurrence of the series this event replaces
    rrule: str = ""  # RFC 5545 RRULE value without "RRULE:", e.g. FREQ=YEARLY;BYMONTH=3,9
    exdates: tuple[datetime, ...] = ()  # occurrences of the rule that do not take place
    created: datetime | None = None
    last_modified: datetime | None = None
    # Invited people and organisations left out for want of an e-mail address (for a warning).
    missing_emails: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportedEvent:
    """One event as a calendar file holds it; `source` names it in messages only."""

    summary: str
    start: datetime  # aware
    end: datetime  # aware, never before start
    uid: str = ""
    sequence: int = 0
    status: EventStatus = EventStatus.CONFIRMED
    location: str = ""
    description: str = ""
    all_day: bool = False
    # The RRULE of the series this event is an occurrence of; its identity is then
    # "<UID>#<date>" in `uid` (`exchange.ics_overrides`).
    recurrence: str = ""
    organizer: Attendee | None = None
    attendees: tuple[Attendee, ...] = ()
    source: str = field(default="", compare=False)  # "Termin 3 ab Zeile 40 („Kreistag“)"


# --- export: meetings to records --------------------------------------------------------

_PARTSTAT = {
    Response.ACCEPTED: PartStat.ACCEPTED,
    Response.ATTENDED: PartStat.ACCEPTED,  # was there, so had accepted
    Response.DECLINED: PartStat.DECLINED,
    Response.EXCUSED: PartStat.DECLINED,
}


def new_uid() -> str:
    return f"{uuid.uuid4()}@{UID_DOMAIN}"


def meeting_event(session: Session, meeting_id: int) -> EventRecord:
    """The meeting as one event with its attendees; gives it a UID first if it has none.

    A new UID is flushed into the caller's session (the caller commits), so the next
    invitation for this meeting updates the same calendar entry.
    """
    meeting = _load_meetings(session, [meeting_id]).get(meeting_id)
    if meeting is None:
        raise NotFoundError(f"Treffen {meeting_id} gibt es nicht.")
    _ensure_uid(session, [meeting])
    return _event(meeting, _Organizer.of(session))


def all_events(session: Session) -> list[EventRecord]:
    """Every meeting as an event of its own, by start; UIDs are assigned where missing."""
    ids = list(session.scalars(select(Meeting.id).order_by(Meeting.start, Meeting.id)))
    meetings = _load_meetings(session, ids)
    _ensure_uid(session, list(meetings.values()))
    organizer = _Organizer.of(session)
    return [_event(meetings[i], organizer) for i in ids]


def series_events(
    session: Session, series_id: int, now: datetime | None = None
) -> list[EventRecord]:
    """The series as one recurring event plus an override for each meeting that differs.

    The master has the series' rule (RRULE) and lasts the series' default duration; its
    DTSTART is the rule's first real occurrence (RFC 5545 counts DTSTART as an instance,
    and `first_start` need not be one). A meeting stands for the occurrence of the rule on
    the Berlin date of its `occurrence_start`. Up to the later of `now` and the last date a
    meeting stands for, every occurrence with no meeting (never generated, or deleted) or a
    cancelled one is an EXDATE; later ones are the series' future. A meeting whose time,
    title, place or agenda differs from what the rule says becomes an override with
    RECURRENCE-ID (the rule's instant). Meetings outside the rule (no occurrence, or none
    of the rule on that date any more) and every meeting of a series without a rule are
    exported as events of their own, with their own UIDs.
    """
    series = session.get(MeetingSeries, series_id)
    if series is None:
        raise NotFoundError(f"Treffenreihe {series_id} gibt es nicht.")
    ids = list(
        session.scalars(
            select(Meeting.id)
            .where(Meeting.series_id == series_id)
            .order_by(Meeting.start, Meeting.id)
        )
    )
    loaded = _load_meetings(session, ids)
    meetings = [loaded[i] for i in ids]
    organizer = _Organizer.of(session)
    rule = normalised_rule(series.recurrence)
    first_start = series.first_start
    first: list[datetime] = []  # the rule's first real occurrence: DTSTART
    if rule and first_start is not None:
        _check_rule(series.title, rule)
        first = occurrences(rule, first_start, after=first_start - _INSTANT, count=1)
    if first_start is None or not first:
        _ensure_uid(session, meetings)
        return [_event(m, organizer) for m in meetings]

    duration = timedelta(minutes=max(series.default_duration_minutes, 0))
    standing, outside = _standing(rule, first_start, first[0], meetings)
    ends = [m.occurrence_start for m in standing.values() if m.occurrence_start is not None]
    horizon = max([now or utcnow(), *ends])
    instants = occurrences(rule, first_start, after=first[0] - _INSTANT, until=horizon, count=None)
    exdates = {i for i in instants if i not in standing}  # both: the rule's instants
    exdates |= {i for i, m in standing.items() if m.status == MeetingStatus.CANCELLED}
    uid = series_uid(session, series)
    sequence = max((m.ical_sequence for m in standing.values()), default=0)
    master = EventRecord(
        uid=uid,
        sequence=sequence,
        summary=series.title,
        start=first[0],
        end=first[0] + duration,
        location=series.default_location,
        description=series.description,
        organizer_name=organizer.name,
        organizer_email=organizer.email,
        rrule=rule,
        exdates=tuple(sorted(exdates)),
    )
    events = [master]
    for occurrence, meeting in sorted(standing.items()):
        if meeting.status == MeetingStatus.CANCELLED:
            continue  # an EXDATE of the master
        own = _event(meeting, organizer)
        as_ruled = (occurrence, occurrence + duration, series.title, series.default_location)
        if (own.start, own.end, own.summary, own.location) == as_ruled and not own.description:
            continue  # the master says it all
        events.append(replace(own, uid=uid, sequence=sequence, recurrence_id=occurrence))
    _ensure_uid(session, outside)
    events.extend(_event(m, organizer) for m in outside)
    return events


def _standing(
    rule: str, first_start: datetime, first: datetime, meetings: list[Meeting]
) -> tuple[dict[datetime, Meeting], list[Meeting]]:
    """The rule's instant → the meeting standing for it (matched by Berlin date); and the
    meetings standing for none, in their order."""
    standing: dict[datetime, Meeting] = {}
    outside: list[Meeting] = []
    for meeting in meetings:
        instant = None
        if meeting.occurrence_start is not None:
            day = _local_day(meeting.occurrence_start)
            midnight = datetime.combine(day, time(), OFFICE_TZ)
            found = occurrences(rule, first_start, after=midnight - _INSTANT, count=1)
            if found and _local_day(found[0]) == day and found[0] >= first:
                instant = found[0]
        if instant is None or instant in standing:
            outside.append(meeting)
        else:
            standing[instant] = meeting
    return standing, outside


def series_uid(session: Session, series: MeetingSeries) -> str:
    """The UID of the series' recurring event: "series-<id>-<office>@multilok-desktop".

    It depends on the series' id only (and on this database), so exporting the series
    again — after its times, title or rule changed — updates the same calendar entry
    instead of adding a second series. `<office>` is a random token kept in the settings
    of this database, so two offices' (or the demo's) "series 1" do not collide in a
    calendar that imports both. Trade-off: the series has no UID column (no schema change
    for it), and SQLite may give the id of the newest series, once deleted, to the next
    one; a calendar still holding the deleted series' export would then take the new
    series for an update of it. Deleted series are rare and their entries should be
    removed from calendars anyway, so this is accepted until the series gets its own UID.
    """
    return f"series-{series.id}-{_office_token(session)}@{SERIES_UID_DOMAIN}"


def _office_token(session: Session) -> str:
    row = session.get(Setting, UID_TOKEN_KEY)
    if row is None or not row.value.strip():
        if row is None:
            row = Setting(key=UID_TOKEN_KEY)
            session.add(row)
        row.value = uuid.uuid4().hex[:12]
        session.flush()
    return row.value.strip()


def normalised_rule(recurrence: str) -> str:
    """The RRULE value as stored, without a leading "RRULE:" and surrounding blanks."""
    rule = recurrence.strip()
    if rule.upper().startswith("RRULE:"):
        rule = rule[len("RRULE:") :].strip()
    return rule


def _check_rule(title: str, rule: str) -> None:
    from dateutil.rrule import rrulestr

    try:
        rrulestr(f"RRULE:{rule}", dtstart=datetime(2000, 1, 1), ignoretz=True)
    except (ValueError, TypeError, OverflowError) as exc:
        raise ValidationError(
            f"Die Treffenreihe „{title}“ hat die ungültige Wiederholungsregel „{rule}“."
        ) from exc


@dataclass(frozen=True)
class _Organizer:
    name: str
    email: str

    @classmethod
    def of(cls, session: Session) -> _Organizer:
        settings = load_settings(session)
        return cls(settings.office_name.strip(), settings.office_email.strip())


def _load_meetings(session: Session, ids: list[int]) -> dict[int, Meeting]:
    if not ids:
        return {}
    rows = session.scalars(
        select(Meeting)
        .where(Meeting.id.in_(ids))
        .options(
            selectinload(Meeting.topics),
            selectinload(Meeting.agenda),
            selectinload(Meeting.invitations).selectinload(Invitation.person),
            selectinload(Meeting.invitations).selectinload(Invitation.organisation),
        )
    )
    return {m.id: m for m in rows}


def _local_day(moment: datetime) -> date:
    return moment.astimezone(OFFICE_TZ).date()


def _ensure_uid(session: Session, meetings: list[Meeting]) -> None:
    changed = False
    for meeting in meetings:
        if not meeting.ical_uid:
            meeting.ical_uid = new_uid()
            changed = True
    if changed:
        session.flush()


def _event(meeting: Meeting, organizer: _Organizer) -> EventRecord:
    attendees, missing = _attendees(meeting)
    return EventRecord(
        uid=meeting.ical_uid,
        sequence=meeting.ical_sequence,
        summary=meeting.title,
        start=meeting.start,
        end=meeting.end,
        location=meeting.location,
        description=agenda_text(meeting),
        status=(
            EventStatus.CANCELLED
            if meeting.status == MeetingStatus.CANCELLED
            else EventStatus.CONFIRMED
        ),
        organizer_name=organizer.name,
        organizer_email=organizer.email,
        attendees=attendees,
        created=meeting.created_at,
        last_modified=meeting.updated_at,
        missing_emails=missing,
    )


def agenda_text(meeting: Meeting) -> str:
    """Focus topics and the agenda as plain text ("TOP 1 Eröffnung"), withdrawn TOPs left out."""
    parts = []
    if meeting.topics:
        parts.append("Schwerpunktthemen: " + ", ".join(t.name for t in meeting.topics))
    lines = []
    for index, item in enumerate(meeting.agenda, 1):
        if item.withdrawn:
            continue
        line = f"TOP {item.number.strip() or index} {item.title.strip()}"
        if item.presenter_text.strip():
            line += f" ({item.presenter_text.strip()})"
        if item.non_public:
            line += " – nicht öffentlich"
        lines.append(line)
    if lines:
        parts.append("Tagesordnung\n" + "\n".join(lines))
    return "\n\n".join(parts)


def _attendees(meeting: Meeting) -> tuple[tuple[Attendee, ...], tuple[str, ...]]:
    """Invited people and organisations with an e-mail address, each address once."""
    attendees: list[Attendee] = []
    missing: list[str] = []
    seen: set[str] = set()
    for invitation in sorted(meeting.invitations, key=lambda i: i.id):
        if invitation.person is not None:
            name = invitation.person.full_name
            email = invitation.person.email.strip()
        elif invitation.organisation is not None:
            name = invitation.organisation.name
            email = invitation.organisation.email.strip()
        else:
            continue  # the person was erased (DSGVO); nobody to invite
        if not email:
            missing.append(name)
            continue
        if email.casefold() in seen:
            continue
        seen.add(email.casefold())
        attendees.append(
            Attendee(
                name=name,
                email=email,
                role=(
                    Role.OPTIONAL if invitation.mode == InvitationMode.INFORMED else Role.REQUIRED
                ).value,
                partstat=_PARTSTAT.get(invitation.response, PartStat.NEEDS_ACTION).value,
            )
        )
    return tuple(attendees), tuple(missing)
