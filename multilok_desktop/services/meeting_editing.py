"""Planning one meeting: create, change (this one, this and the following, all of the
series), cancel, delete. A change an invitee sees (time, title, place, status) and a
cancellation raise the meeting's iCalendar SEQUENCE, so calendars that got an invitation
update it; agenda, topics and notes do not. A meeting whose protocol is approved is locked:
it can be neither changed, cancelled nor deleted (DESIGN.md §5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain import AgendaItem, Meeting, MeetingSeries, MeetingStatus, ProtocolStatus, Topic
from .calendar_records import new_uid
from .clock import OFFICE_TZ
from .conflicts import ConflictError, check_version, describe, lost_update_guard
from .errors import NotFoundError, ValidationError
from .recurrence import is_occurrence

# Meetings that may still be moved along with their series; held ones never change.
NOT_YET_HELD = (MeetingStatus.PLANNED, MeetingStatus.INVITED)
_NUMBERED = re.compile(r"^\s*(\d+)\.\s*(.*)$")
_PLAIN_NUMBER = re.compile(r"[0-9]*")  # "", "3": renumbered; "6a", "III" are kept
LOCKED = "Das Protokoll dieses Treffens ist genehmigt; Tagesordnung und Treffen sind gesperrt."


class EditScope(StrEnum):
    THIS = "nur dieses Treffen"
    FOLLOWING = "dieses und alle folgenden"
    ALL = "alle"


@dataclass(frozen=True)
class AgendaItemData:
    """A TOP as the meeting form edits it; id None for a new one. The order in
    `MeetingData.agenda` is the order of the agenda; TOPs numbered plainly ("3") or not
    at all are numbered 1, 2, … in that order, others ("6a") keep their number."""

    id: int | None = None
    title: str = ""
    presenter_id: int | None = None
    presenter_text: str = ""
    planned_minutes: int = 10
    description: str = ""
    non_public: bool = False


@dataclass(frozen=True)
class MeetingData:
    title: str
    start: datetime  # aware
    end: datetime  # aware
    location: str = ""
    status: MeetingStatus = MeetingStatus.PLANNED
    notes: str = ""
    topics: tuple[str, ...] = ()  # Schwerpunktthemen by name
    agenda: tuple[AgendaItemData, ...] = ()
    version: int | None = None  # as loaded; a save checks it (services/conflicts.py)


@dataclass(frozen=True)
class MeetingEdit:
    id: int
    series_id: int | None
    occurrence_start: datetime | None  # the series' date this meeting stands for
    data: MeetingData
    ical_uid: str
    ical_sequence: int


def validate_meeting(data: MeetingData) -> None:
    for moment in (data.start, data.end):
        if moment.tzinfo is None:
            raise ValueError("naive datetime: times must carry a time zone")
    if not data.title.strip():
        raise ValidationError("Bitte einen Titel für das Treffen angeben.")
    if len(data.title.strip()) > 300:
        raise ValidationError("Der Titel ist zu lang (höchstens 300 Zeichen).")
    if data.end <= data.start:
        raise ValidationError("Das Treffen muss nach seinem Beginn enden.")
    if len(data.location.strip()) > 300:
        raise ValidationError("Der Ort ist zu lang (höchstens 300 Zeichen).")
    if any(len(t.strip()) > 200 for t in data.topics):
        raise ValidationError("Ein Schwerpunktthema ist zu lang (höchstens 200 Zeichen).")
    ids = [item.id for item in data.agenda if item.id is not None]
    if len(set(ids)) != len(ids):
        raise ValidationError("Ein TOP steht zweimal in der Tagesordnung.")
    for number, item in enumerate(data.agenda, 1):
        if not item.title.strip():
            raise ValidationError(f"TOP {number} braucht einen Titel.")
        if len(item.title.strip()) > 300:
            raise ValidationError(
                f"Der Titel von TOP {number} ist zu lang (höchstens 300 Zeichen)."
            )
        if len(item.presenter_text.strip()) > 200:
            raise ValidationError(f"Vortragende(r) bei TOP {number} ist zu lang.")
        if item.planned_minutes < 0:
            raise ValidationError(f"Die geplante Dauer von TOP {number} darf nicht negativ sein.")


def get_meeting(session: Session, meeting_id: int) -> MeetingEdit:
    meeting = _meeting(session, meeting_id)
    return MeetingEdit(
        meeting.id,
        meeting.series_id,
        meeting.occurrence_start,
        _form_data(meeting),
        meeting.ical_uid,
        meeting.ical_sequence,
    )


def _form_data(meeting: Meeting) -> MeetingData:
    """The meeting as the form shows it."""
    return MeetingData(
        title=meeting.title,
        start=meeting.start,
        end=meeting.end,
        location=meeting.location,
        status=meeting.status,
        notes=meeting.notes,
        topics=tuple(t.name for t in meeting.topics),
        agenda=tuple(
            AgendaItemData(
                id=i.id,
                title=i.title,
                presenter_id=i.presenter_id,
                presenter_text=i.presenter_text,
                planned_minutes=i.planned_minutes,
                description=i.description,
                non_public=i.non_public,
            )
            for i in meeting.agenda
        ),
        version=meeting.version,
    )


def create_meeting(session: Session, data: MeetingData, series_id: int | None = None) -> int:
    """A new meeting, on its own or in a series. Entered on a date of the series' rule that
    no meeting stands for yet, it takes that date's place (no second one is generated)."""
    validate_meeting(data)
    occurrence = None
    series = None
    if series_id is not None:
        series = session.get(
            MeetingSeries, series_id, options=[selectinload(MeetingSeries.meetings)]
        )
        if series is None:
            raise NotFoundError(f"Treffenreihe {series_id} gibt es nicht (mehr).")
        taken = {_local_day(m.occurrence_start) for m in series.meetings if m.occurrence_start}
        if (
            series.recurrence
            and series.first_start is not None
            and _local_day(data.start) not in taken
            and is_occurrence(series.recurrence, series.first_start, data.start)
        ):
            occurrence = data.start
    meeting = Meeting(
        occurrence_start=occurrence,
        title=data.title.strip(),
        start=data.start,
        end=data.end,
        ical_uid=new_uid(),
        ical_sequence=0,
    )
    session.add(meeting)
    meeting.series = series
    _apply(session, meeting, data)
    session.flush()
    return meeting.id


def update_meeting(
    session: Session, meeting_id: int, data: MeetingData, scope: EditScope = EditScope.THIS
) -> list[int]:
    """Save the meeting form; returns the ids of all meetings changed.

    THIS changes only this meeting (a moved one keeps its `occurrence_start`). FOLLOWING and
    ALL also carry a new time of day (as a shift, the dates stay), duration, place and
    title to the series' meetings not held yet — FOLLOWING only to the later ones — and
    make them the series' defaults. SEQUENCE rises only where an invitee sees a change
    (`_seen_by_invitees`). A meeting whose protocol is approved refuses any change (saving
    it unchanged changes nothing and returns []); its siblings are skipped.
    """
    validate_meeting(data)
    meeting = _meeting(session, meeting_id)

    def conflict() -> ConflictError:
        saved = _form_data(_meeting(session, meeting_id))
        return ConflictError(
            f"Das Treffen „{saved.title}“", describe(data), describe(saved), saved.version
        )

    check_version(data.version, meeting.version, conflict)
    if _locked(meeting):
        if _same(meeting, data):
            return []
        raise ValidationError(LOCKED)
    meeting.version += 1  # also when only topics or the agenda change
    old_start, old_end = meeting.start, meeting.end
    old_location, old_title = meeting.location, meeting.title
    seen_before = _seen_by_invitees(meeting)
    _apply(session, meeting, data)
    if _seen_by_invitees(meeting) != seen_before:
        meeting.ical_sequence += 1
    changed = [meeting.id]
    series = meeting.series
    if scope == EditScope.THIS or series is None:
        with lost_update_guard(session, conflict):
            session.flush()
        return changed

    shift = _clock(data.start) - _clock(old_start)
    duration = data.end - data.start
    duration_changed = duration != old_end - old_start
    location = data.location.strip()
    location_changed = location != old_location
    new_rest = _title_rest(data.title.strip())
    old_rest = _title_rest(old_title)
    title_changed = new_rest != old_rest

    query = (
        select(Meeting)
        .where(
            Meeting.series_id == series.id,
            Meeting.id != meeting.id,
            Meeting.status.in_(NOT_YET_HELD),
        )
        .options(selectinload(Meeting.protocol))
    )
    if scope == EditScope.FOLLOWING:
        query = query.where(Meeting.start >= old_start)
    for sibling in session.scalars(query.order_by(Meeting.start)):
        if _locked(sibling):
            continue
        before = (sibling.start, sibling.end, sibling.location, sibling.title)
        start = shift_wall_time(sibling.start, shift)
        sibling.end = start + (duration if duration_changed else sibling.end - sibling.start)
        sibling.start = start
        if location_changed:
            sibling.location = location
        if title_changed:
            sibling.title = _with_rest(sibling.title, new_rest)
        if shift and sibling.occurrence_start is not None:
            sibling.occurrence_start = shift_wall_time(sibling.occurrence_start, shift)
        if (sibling.start, sibling.end, sibling.location, sibling.title) != before:
            sibling.ical_sequence += 1
            changed.append(sibling.id)

    # the series' defaults, so meetings generated later follow the change
    if location_changed:
        series.default_location = location
    if duration_changed:
        series.default_duration_minutes = max(1, round(duration.total_seconds() / 60))
    if shift:
        if series.first_start is not None:
            series.first_start = shift_wall_time(series.first_start, shift)
        if meeting.occurrence_start is not None:
            meeting.occurrence_start = shift_wall_time(meeting.occurrence_start, shift)
    if title_changed and old_rest == series.title:
        series.title = new_rest
    with lost_update_guard(session, conflict):
        session.flush()
    return changed


def cancel_meeting(session: Session, meeting_id: int) -> None:
    """Status "abgesagt"; the meeting stays, so the calendar export can send METHOD:CANCEL."""
    meeting = _meeting(session, meeting_id)
    if meeting.status == MeetingStatus.CANCELLED:
        return
    if _locked(meeting):
        raise ValidationError(LOCKED)
    if meeting.status not in NOT_YET_HELD:
        raise ValidationError(
            f"„{meeting.title}“ hat schon stattgefunden und kann nicht abgesagt werden."
        )
    meeting.status = MeetingStatus.CANCELLED
    meeting.ical_sequence += 1
    session.flush()


def delete_meeting(session: Session, meeting_id: int) -> None:
    """Delete the meeting with its agenda, invitations and protocol — not if that is approved."""
    meeting = _meeting(session, meeting_id)
    if _locked(meeting):
        raise ValidationError(LOCKED)
    session.delete(meeting)
    session.flush()


def topic_names(session: Session) -> list[str]:
    """All Schwerpunktthemen used so far (for completion in the meeting form)."""
    return list(session.scalars(select(Topic.name).order_by(Topic.name)))


def shift_wall_time(moment: datetime, shift: timedelta) -> datetime:
    """The moment moved by `shift` on the Berlin wall clock (14:00 + 1 h = 15:00 in
    winter and in summer)."""
    if not shift:
        return moment
    wall = moment.astimezone(OFFICE_TZ).replace(tzinfo=None) + shift
    return wall.replace(tzinfo=OFFICE_TZ)


def _clock(moment: datetime) -> timedelta:
    """Time of day on the Berlin wall clock."""
    wall = moment.astimezone(OFFICE_TZ)
    return timedelta(hours=wall.hour, minutes=wall.minute, seconds=wall.second)


def _local_day(moment: datetime) -> date:
    return moment.astimezone(OFFICE_TZ).date()


def _title_rest(title: str) -> str:
    """ "8. Vernetzungstreffen" → "Vernetzungstreffen"."""
    match = _NUMBERED.match(title)
    return match.group(2) if match else title


def _with_rest(title: str, rest: str) -> str:
    match = _NUMBERED.match(title)
    return f"{match.group(1)}. {rest}" if match else rest


def _apply(session: Session, meeting: Meeting, data: MeetingData) -> None:
    meeting.title = data.title.strip()
    meeting.start = data.start
    meeting.end = data.end
    meeting.location = data.location.strip()
    meeting.status = data.status
    meeting.notes = data.notes
    meeting.topics = _topics(session, data.topics)
    existing = {item.id: item for item in meeting.agenda}
    items = []
    for item_data in data.agenda:
        if item_data.id is None:
            item = AgendaItem()
        elif item_data.id in existing:
            item = existing[item_data.id]
        else:
            raise NotFoundError(f"TOP {item_data.id} gehört nicht (mehr) zu diesem Treffen.")
        item.title = item_data.title.strip()
        item.presenter_id = item_data.presenter_id
        item.presenter_text = item_data.presenter_text.strip()
        item.planned_minutes = item_data.planned_minutes
        item.description = item_data.description
        item.non_public = item_data.non_public
        items.append(item)
    meeting.agenda = items  # TOPs left out are deleted with their notes
    number_agenda(items)


def number_agenda(items: list[AgendaItem]) -> None:
    """Positions 1..n; TOPs with a plain number or none are numbered 1, 2, … in order,
    the others keep theirs: 5, "5a", 6 stays 5, "5a", 6 (not 5, 6, 7)."""
    counter = 0
    for position, item in enumerate(items, 1):
        item.position = position
        if _PLAIN_NUMBER.fullmatch((item.number or "").strip()):
            counter += 1
            item.number = str(counter)


def _locked(meeting: Meeting) -> bool:
    protocol = meeting.protocol
    return protocol is not None and protocol.status == ProtocolStatus.APPROVED


def _seen_by_invitees(meeting: Meeting) -> tuple[object, ...]:
    """What an invitation shows; a change here is sent again (SEQUENCE + 1)."""
    return (meeting.start, meeting.end, meeting.title, meeting.location, meeting.status)


def _same(meeting: Meeting, data: MeetingData) -> bool:
    """Whether saving `data` would leave the meeting as it is."""
    return _as_saved(_form_data(meeting)) == _as_saved(data)


def _as_saved(data: MeetingData) -> tuple[object, ...]:
    """The data as `_apply` stores it: texts stripped, topics in any order and case."""
    return (
        replace(data, title=data.title.strip(), location=data.location.strip(), topics=(),
                agenda=()),
        frozenset(t.strip().casefold() for t in data.topics if t.strip()),
        tuple(replace(i, title=i.title.strip(), presenter_text=i.presenter_text.strip())
              for i in data.agenda),
    )  # fmt: skip


def _topics(session: Session, names: tuple[str, ...]) -> list[Topic]:
    """Topic rows for the names (ignoring case), created where new."""
    known = {t.name.casefold(): t for t in session.scalars(select(Topic))}
    result: list[Topic] = []
    for name in (n.strip() for n in names):
        if not name:
            continue
        topic = known.get(name.casefold())
        if topic is None:
            topic = known[name.casefold()] = Topic(name=name)
            session.add(topic)
        if topic not in result:
            result.append(topic)
    return result


def _meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(
        Meeting,
        meeting_id,
        options=[
            selectinload(Meeting.topics),
            selectinload(Meeting.agenda),
            selectinload(Meeting.protocol),
        ],
    )
    if meeting is None:
        raise NotFoundError(f"Treffen {meeting_id} gibt es nicht (mehr).")
    return meeting
