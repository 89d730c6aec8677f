"""iCalendar (.ics, RFC 5545/5546): meetings out to Outlook and Thunderbird, events in.

Writing (`format_calendar`, `write_*`): one VCALENDAR with PRODID, VERSION, METHOD
(REQUEST for an invitation, CANCEL for a cancelled meeting, PUBLISH for a calendar or a
series), one VTIMEZONE for Europe/Berlin and a VEVENT per `EventRecord`, all times with
TZID=Europe/Berlin. icalendar writes CRLF, folds at 75 octets without splitting a
character and escapes text; the file is UTF-8 without BOM. The VTIMEZONE is the
rule-based one Thunderbird and tzurl.org write (last Sunday of March/October), not
icalendar's `Timezone.from_tzid`, whose RDATE lists cover a fixed span of years only and
would leave a series' later occurrences without DST rules. ATTENDEEs are written for
REQUEST and CANCEL only: RFC 5546 forbids them in PUBLISH, and Outlook would otherwise
offer every published meeting as an invitation to answer.

Reading (`parse_calendar`, in `ics_read`): see that module.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vCalAddress,
    vRecur,
)
from sqlalchemy.orm import Session

from ..services.calendar_records import (
    EventRecord,
    EventStatus,
    Role,
    all_events,
    meeting_event,
    series_events,
)
from ..services.invitations import mark_invited
from .files import write_export_file
from .ics_read import parse_calendar

__all__ = [
    "METHODS",
    "PRODID",
    "format_calendar",
    "invitation_method",
    "parse_calendar",
    "write_calendar",
    "write_meeting_invitation",
    "write_series",
]

PRODID = "-//Multilok//Multilok Desktop//DE"
OFFICE_TZID = "Europe/Berlin"
OFFICE_TZ = ZoneInfo(OFFICE_TZID)
METHODS = ("REQUEST", "CANCEL", "PUBLISH")


def format_calendar(events: Iterable[EventRecord], *, method: str, name: str = "") -> bytes:
    """The events as one iCalendar file (UTF-8, CRLF). `name` becomes X-WR-CALNAME."""
    if method not in METHODS:
        raise ValueError(f"unknown METHOD {method!r}")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", _one_line(name))
        calendar.add("x-wr-timezone", OFFICE_TZID)
    calendar.add_component(_berlin_timezone())
    stamp = datetime.now(UTC).replace(microsecond=0)
    for event in events:
        calendar.add_component(_vevent(event, method, stamp))
    data: bytes = calendar.to_ical()
    return data


def invitation_method(event: EventRecord) -> str:
    """CANCEL for a cancelled meeting, REQUEST otherwise."""
    return "CANCEL" if event.status == EventStatus.CANCELLED else "REQUEST"


def write_meeting_invitation(
    session: Session, meeting_id: int, path: str | os.PathLike[str]
) -> EventRecord:
    """The meeting's invitation (or cancellation) as .ics; the caller commits (new UID).

    Once an invitation (REQUEST) is written, the meeting is "eingeladen" (from "geplant"),
    in the caller's transaction: a file that could not be written changes nothing.
    """
    event = meeting_event(session, meeting_id)
    method = invitation_method(event)
    write_export_file(Path(path), format_calendar([event], method=method))
    if method == "REQUEST":
        mark_invited(session, meeting_id)
    return event


def write_series(
    session: Session, series_id: int, path: str | os.PathLike[str], *, now: datetime | None = None
) -> list[EventRecord]:
    """The series as a recurring event with its overrides (METHOD:PUBLISH); `now` as in
    `series_events` (dates up to then that no meeting stands for are EXDATEs)."""
    events = series_events(session, series_id, now)
    name = events[0].summary if events and events[0].rrule else ""
    write_export_file(Path(path), format_calendar(events, method="PUBLISH", name=name))
    return events


def write_calendar(session: Session, path: str | os.PathLike[str]) -> list[EventRecord]:
    """Every meeting as its own event (METHOD:PUBLISH), for a calendar subscription/import."""
    events = all_events(session)
    organizer = events[0].organizer_name if events else ""
    write_export_file(Path(path), format_calendar(events, method="PUBLISH", name=organizer))
    return events


# --- building the components ------------------------------------------------------------


def _berlin_timezone() -> Timezone:
    """VTIMEZONE for Europe/Berlin with the EU rules in force since 1996."""
    timezone = Timezone()
    timezone.add("tzid", OFFICE_TZID)
    timezone.add("x-lic-location", OFFICE_TZID)
    daylight = TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("tzoffsetfrom", timedelta(hours=1))
    daylight.add("tzoffsetto", timedelta(hours=2))
    daylight.add("dtstart", datetime(1970, 3, 29, 2, 0, 0))  # noqa: DTZ001 - local by RFC
    daylight.add("rrule", {"FREQ": "YEARLY", "BYMONTH": 3, "BYDAY": "-1SU"})
    standard = TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("tzoffsetfrom", timedelta(hours=2))
    standard.add("tzoffsetto", timedelta(hours=1))
    standard.add("dtstart", datetime(1970, 10, 25, 3, 0, 0))  # noqa: DTZ001
    standard.add("rrule", {"FREQ": "YEARLY", "BYMONTH": 10, "BYDAY": "-1SU"})
    timezone.add_component(daylight)
    timezone.add_component(standard)
    return timezone


def _vevent(record: EventRecord, method: str, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", record.uid)
    event.add("dtstamp", stamp)
    event.add("sequence", max(record.sequence, 0))
    if record.recurrence_id is not None:
        event.add("recurrence-id", _local(record.recurrence_id))
    event.add("dtstart", _local(record.start))
    event.add("dtend", _local(max(record.end, record.start)))
    if record.rrule:
        event.add("rrule", vRecur.from_ical(record.rrule))
    if record.exdates:
        event.add("exdate", [_local(moment) for moment in record.exdates])
    event.add("summary", _one_line(record.summary))
    if record.location:
        event.add("location", _one_line(record.location))
    if record.description:
        event.add("description", _text(record.description))
    cancelled = method == "CANCEL" or record.status == EventStatus.CANCELLED
    event.add("status", EventStatus.CANCELLED.value if cancelled else EventStatus.CONFIRMED.value)
    event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    if record.created is not None:
        event.add("created", _utc(record.created))
    if record.last_modified is not None:
        event.add("last-modified", _utc(record.last_modified))
    if record.organizer_email:
        event.add("organizer", _address(record.organizer_name, record.organizer_email))
    if method != "PUBLISH":
        for attendee in record.attendees:
            address = _address(attendee.name, attendee.email)
            address.params["ROLE"] = attendee.role
            address.params["PARTSTAT"] = attendee.partstat
            wants_reply = method == "REQUEST" and attendee.role == Role.REQUIRED.value
            address.params["RSVP"] = "TRUE" if wants_reply else "FALSE"
            event.add("attendee", address)
    return event


def _address(name: str, email: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{_one_line(email).replace(' ', '')}")
    name = _one_line(name).replace('"', "'")
    if name:
        address.params["CN"] = name
    return address


def _local(moment: datetime) -> datetime:
    return moment.astimezone(OFFICE_TZ).replace(microsecond=0)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(microsecond=0)


def _text(value: str) -> str:
    """Multi-line text with LF line ends and no control characters icalendar cannot write."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c if c in "\n\t" or c.isprintable() else " " for c in value).strip()


def _one_line(value: str) -> str:
    return " ".join(_text(value).split())


# --- files ------------------------------------------------------------------------------
