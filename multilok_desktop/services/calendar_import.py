"""Importing calendar events as meetings: all or nothing, matched by their UID.

The events come from a file (`exchange.ics.parse_calendar`); this module never reads
files. An event whose UID is an existing meeting's `ical_uid` updates that meeting when
its SEQUENCE is higher than the meeting's (title, time, place, status; the meeting's own
notes, agenda and invitations stay) and is skipped otherwise — as it is when the
meeting's protocol is approved (DESIGN.md §5: an approved protocol is locked). Any other
event becomes a single meeting (no series), "geplant", or "abgesagt" if the event is
cancelled, with its UID and SEQUENCE kept, so importing the next version of the
invitation updates it. Attendees are not turned into invitations.

An occurrence of a recurring event arrives as an event of its own whose UID is
"<UID of the series>#<date of the occurrence>" (`exchange.ics_overrides`: each override,
and the series' other dates up to two years ahead), so each becomes — and later updates —
a meeting of its own; the series itself is not recreated as a Treffenreihe.

Errors are the contact import's (`ImportRecordError`, a `ServiceError`), so a caller
needs one `except` for both imports; each message starts with the event at fault.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain import Meeting, MeetingStatus, ProtocolStatus
from .calendar_records import EventStatus, ImportedEvent, new_uid
from .contact_import import ImportRecordError

UNTITLED = "Termin ohne Titel"


@dataclass(frozen=True)
class CalendarImportResult:
    created: int
    updated: int
    skipped: int  # known UID with no higher SEQUENCE, or the meeting's protocol is locked
    meeting_ids: tuple[int, ...] = ()  # the meetings created or updated, in file order


def _length(column: object) -> int:
    return int(getattr(getattr(column, "type", None), "length", None) or 0)


_LIMITS = {
    "title": ("Der Titel", _length(Meeting.__table__.c.title)),
    "location": ("Der Ort", _length(Meeting.__table__.c.location)),
    "uid": ("Die UID", _length(Meeting.__table__.c.ical_uid)),
}


def event_problem(event: ImportedEvent) -> str:
    """Why this event cannot become a meeting, naming it; "" if it can."""
    problem = _problem(event)
    return f"{event.source}: {problem}" if problem and event.source else problem


def _problem(event: ImportedEvent) -> str:
    if event.start.tzinfo is None or event.end.tzinfo is None:
        return "Beginn und Ende brauchen eine Zeitzone."
    if event.end < event.start:
        return "Das Ende liegt vor dem Beginn."
    values = {"title": _title(event), "location": event.location, "uid": event.uid}
    for name, (label, limit) in _LIMITS.items():
        if limit and len(values[name]) > limit:
            return f"{label} ist zu lang ({len(values[name])} Zeichen, erlaubt sind {limit})."
    return ""


def import_events(session: Session, events: Sequence[ImportedEvent]) -> CalendarImportResult:
    """Create or update a meeting per event; the caller's session, no commit.

    Every event is checked before anything is written; the first invalid one raises
    `ImportRecordError` and the session is untouched. On any error the caller must roll
    back, which `Database.session()` does.
    """
    for event in events:
        problem = event_problem(event)
        if problem:
            raise ImportRecordError(problem, record=event.source or None)

    known = _meetings_by_uid(session, {e.uid for e in events if e.uid})
    created = updated = skipped = 0
    ids: list[int] = []
    for event in events:
        meeting = known.get(event.uid) if event.uid else None
        if meeting is None:
            meeting = _create(event)
            session.add(meeting)
            known[meeting.ical_uid] = meeting
            created += 1
        elif event.sequence > meeting.ical_sequence and not _locked(meeting):
            _update(meeting, event)
            updated += 1
        else:
            skipped += 1
            continue
        session.flush()
        ids.append(meeting.id)
    return CalendarImportResult(created, updated, skipped, tuple(dict.fromkeys(ids)))


def _meetings_by_uid(session: Session, uids: set[str]) -> dict[str, Meeting]:
    found: dict[str, Meeting] = {}
    chunk = sorted(uids)
    for offset in range(0, len(chunk), 500):  # well below SQLite's variable limit
        rows = session.scalars(
            select(Meeting)
            .where(Meeting.ical_uid.in_(chunk[offset : offset + 500]))
            .options(selectinload(Meeting.protocol))
            .order_by(Meeting.id)
        )
        for meeting in rows:
            found.setdefault(meeting.ical_uid, meeting)  # the oldest, should there be two
    return found


def _locked(meeting: Meeting) -> bool:
    return meeting.protocol is not None and meeting.protocol.status == ProtocolStatus.APPROVED


def _title(event: ImportedEvent) -> str:
    return " ".join(event.summary.split()) or UNTITLED


def _create(event: ImportedEvent) -> Meeting:
    return Meeting(
        title=_title(event),
        start=event.start,
        end=event.end,
        location=event.location,
        status=(
            MeetingStatus.CANCELLED
            if event.status == EventStatus.CANCELLED
            else MeetingStatus.PLANNED
        ),
        notes=event.description,
        ical_uid=event.uid or new_uid(),
        ical_sequence=max(event.sequence, 0),
    )


def _update(meeting: Meeting, event: ImportedEvent) -> None:
    meeting.title = _title(event)
    meeting.start = event.start
    meeting.end = event.end
    meeting.location = event.location
    meeting.ical_sequence = event.sequence
    if event.status == EventStatus.CANCELLED:
        meeting.status = MeetingStatus.CANCELLED
    elif meeting.status == MeetingStatus.CANCELLED:
        meeting.status = MeetingStatus.PLANNED  # taking place after all
