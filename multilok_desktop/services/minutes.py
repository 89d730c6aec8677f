"""Minute-taking (Sitzungsmodus): the window's read model, notes, TOP times, added TOPs.

An approved protocol (status genehmigt) is locked: every write that changes the minutes of
its meeting — notes, results, action items, attendance, agenda, attachments, roles —
raises `ProtocolLockedError` and changes nothing; a correction (`protocols.start_correction`)
opens a new revision. Ticking off an action item is follow-up, not minutes, and stays open.

The other parts of minute-taking: `attendance` (check-in), `minute_results` (results,
action items, Wiedervorlage, text blocks), `protocols` (roles, approval, revisions,
objections, overview), `attachments` (Anlagen), `protocol_search` (full-text search).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from ..domain import (
    ActionItem,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
    OutcomeKind,
    Person,
    Protocol,
    ProtocolStatus,
)
from ..domain.text import sort_key
from .agenda_planning import MISCELLANEOUS, renumber
from .errors import NotFoundError, ServiceError, ValidationError
from .protocol_search import refresh_protocol_index, update_indexed_notes

LOCKED_MESSAGE = (
    "Das Protokoll ist genehmigt und damit gesperrt. "
    "Für eine Änderung bitte eine Korrektur (neue Revision) anlegen."
)
TITLE_MAX = 300


class ProtocolLockedError(ServiceError):
    """A write to the minutes of a meeting whose protocol is approved; nothing was changed."""

    def __init__(self, message: str = LOCKED_MESSAGE) -> None:
        super().__init__(message)


# --- the read model -----------------------------------------------------------------------


@dataclass(frozen=True)
class OutcomeRow:
    id: int
    kind: OutcomeKind
    text: str
    votes_yes: int | None
    votes_no: int | None
    votes_abstain: int | None


@dataclass(frozen=True)
class ActionRow:
    id: int
    text: str
    owner_id: int | None
    owner_text: str  # as stored, else the owner's name from the address book
    due_date: date | None
    done: bool


@dataclass(frozen=True)
class TopView:
    id: int
    number: str
    title: str
    presenter: str
    planned_minutes: int
    non_public: bool
    unplanned: bool  # added during the meeting ("TOP 6 wurde ergänzt")
    notes_html: str
    started_at: datetime | None  # UTC
    ended_at: datetime | None  # UTC
    outcomes: tuple[OutcomeRow, ...]
    action_items: tuple[ActionRow, ...]
    withdrawn: bool  # "TOP 4 wurde abgesetzt"
    description: str  # what the invitation said about the TOP


@dataclass(frozen=True)
class AttendanceRow:
    id: int
    person_id: int | None
    name: str  # "Dr. Jutta Kühn"
    organisation: str
    # Stored status. The column is NOT NULL: someone prepared from the invitations and not
    # checked in yet is "unentschuldigt" (ABSENT); None is never returned at present.
    status: AttendanceStatus | None
    from_item_id: int | None  # "ab TOP 3"
    until_item_id: int | None  # "bis TOP 5"


@dataclass(frozen=True)
class ProtocolInfo:
    status: ProtocolStatus
    revision: int
    chair_id: int | None
    chair: str
    minute_taker_id: int | None
    minute_taker: str
    approved_on: date | None
    locked: bool
    objections: str  # objections raised in the next meeting, one per line
    approved_in_meeting_id: int | None


@dataclass(frozen=True)
class MinutesView:
    meeting_id: int
    title: str
    start: datetime  # UTC
    end: datetime  # UTC
    location: str
    agenda: tuple[TopView, ...]
    attendance: tuple[AttendanceRow, ...]  # sorted by last name (ä = a)
    protocol: ProtocolInfo
    meeting_status: MeetingStatus
    series_id: int | None
    # Action items of the meeting whose TOP is gone (shown under "Sonstige Aufgaben").
    other_action_items: tuple[ActionRow, ...]


def minutes_view(session: Session, meeting_id: int) -> MinutesView:
    """Everything the minute-taking window shows; creates the protocol (Entwurf) if needed."""
    meeting = session.get(
        Meeting,
        meeting_id,
        options=[
            selectinload(Meeting.agenda).selectinload(AgendaItem.outcomes),
            selectinload(Meeting.agenda).selectinload(AgendaItem.presenter),
            selectinload(Meeting.attendance).selectinload(Attendance.person),
            selectinload(Meeting.protocol),
        ],
    )
    if meeting is None:
        raise NotFoundError(f"Treffen {meeting_id} gibt es nicht (mehr).")
    protocol = ensure_protocol(session, meeting)
    actions = session.scalars(
        select(ActionItem)
        .where(ActionItem.meeting_id == meeting_id)
        .options(selectinload(ActionItem.owner))
        .order_by(ActionItem.id)
    ).all()
    by_item: dict[int | None, list[ActionRow]] = {}
    item_ids = {item.id for item in meeting.agenda}
    for action in actions:
        key = action.agenda_item_id if action.agenda_item_id in item_ids else None
        by_item.setdefault(key, []).append(action_row(action))
    agenda = tuple(
        TopView(
            id=item.id,
            number=item.number,
            title=item.title,
            presenter=item.presenter_text
            or (person_name(item.presenter) if item.presenter else ""),
            planned_minutes=item.planned_minutes,
            non_public=item.non_public,
            unplanned=item.unplanned,
            notes_html=item.notes_html,
            started_at=item.started_at,
            ended_at=item.ended_at,
            outcomes=tuple(
                OutcomeRow(o.id, o.kind, o.text, o.votes_yes, o.votes_no, o.votes_abstain)
                for o in item.outcomes
            ),
            action_items=tuple(by_item.get(item.id, [])),
            withdrawn=item.withdrawn,
            description=item.description,
        )
        for item in meeting.agenda
    )
    attendance = sorted(meeting.attendance, key=lambda a: (_attendance_sort_key(a), a.id))
    return MinutesView(
        meeting_id=meeting.id,
        title=meeting.title,
        start=meeting.start,
        end=meeting.end,
        location=meeting.location,
        agenda=agenda,
        attendance=tuple(
            AttendanceRow(
                id=a.id,
                person_id=a.person_id,
                name=a.name_text or (person_name(a.person) if a.person else ""),
                organisation=a.organisation_text,
                status=a.status,
                from_item_id=a.from_item_id,
                until_item_id=a.until_item_id,
            )
            for a in attendance
        ),
        protocol=protocol_info(session, protocol),
        meeting_status=meeting.status,
        series_id=meeting.series_id,
        other_action_items=tuple(by_item.get(None, [])),
    )


def protocol_info(session: Session, protocol: Protocol) -> ProtocolInfo:
    chair = protocol.chair_text
    if not chair and protocol.chair_id is not None:
        person = session.get(Person, protocol.chair_id)
        chair = person_name(person) if person else ""
    minute_taker = protocol.minute_taker_text
    if not minute_taker and protocol.minute_taker_id is not None:
        person = session.get(Person, protocol.minute_taker_id)
        minute_taker = person_name(person) if person else ""
    return ProtocolInfo(
        status=protocol.status,
        revision=protocol.revision,
        chair_id=protocol.chair_id,
        chair=chair,
        minute_taker_id=protocol.minute_taker_id,
        minute_taker=minute_taker,
        approved_on=protocol.approved_on,
        locked=protocol.status == ProtocolStatus.APPROVED,
        objections=protocol.objections,
        approved_in_meeting_id=protocol.approved_in_meeting_id,
    )


def action_row(action: ActionItem) -> ActionRow:
    owner = action.owner_text or (person_name(action.owner) if action.owner else "")
    return ActionRow(action.id, action.text, action.owner_id, owner, action.due_date, action.done)


def _attendance_sort_key(attendance: Attendance) -> str:
    if (person := attendance.person) is not None:
        return sort_key(f"{person.last_name} {person.first_name}")
    words = attendance.name_text.split()
    return sort_key(" ".join(words[-1:] + words[:-1]))  # "Jutta Kühn" sorts as "Kühn Jutta"


# --- notes and times ----------------------------------------------------------------------


def save_notes(session: Session, agenda_item_id: int, notes_html: str) -> None:
    """Autosave of a TOP's notes: one lookup, one UPDATE, one index statement."""
    row = session.execute(
        select(AgendaItem.id, Protocol.status)
        .outerjoin(Protocol, Protocol.meeting_id == AgendaItem.meeting_id)
        .where(AgendaItem.id == agenda_item_id)
    ).first()
    if row is None:
        raise NotFoundError(f"TOP {agenda_item_id} gibt es nicht (mehr).")
    if row.status == ProtocolStatus.APPROVED:
        raise ProtocolLockedError()
    session.execute(
        update(AgendaItem)
        .where(AgendaItem.id == agenda_item_id)
        .values(notes_html=notes_html)
        .execution_options(synchronize_session=False)
    )
    update_indexed_notes(session.connection(), agenda_item_id, notes_html)


def start_item(session: Session, agenda_item_id: int, at: datetime) -> None:
    """The TOP is being discussed from `at`; a TOP still running is finished at `at`.

    A TOP started again keeps its first start and runs on. The first TOP started marks
    a planned meeting as held (durchgeführt).
    """
    check_aware(at)
    item = get_item(session, agenda_item_id)
    meeting = item.meeting
    ensure_unlocked(session, meeting.id)
    for other in meeting.agenda:
        if other.id != item.id and other.started_at is not None and other.ended_at is None:
            other.ended_at = max(at, other.started_at)
    if item.started_at is None:
        item.started_at = at
    item.ended_at = None
    if meeting.status in (MeetingStatus.PLANNED, MeetingStatus.INVITED):
        meeting.status = MeetingStatus.HELD
    session.flush()


def finish_item(session: Session, agenda_item_id: int, at: datetime) -> None:
    check_aware(at)
    item = get_item(session, agenda_item_id)
    ensure_unlocked(session, item.meeting_id)
    if item.started_at is not None and at < item.started_at:
        raise ValidationError(f"TOP {item.number} kann nicht vor seinem Beginn enden.")
    item.ended_at = at
    session.flush()


# --- the agenda during the meeting ----------------------------------------------------------


def add_unplanned_item(
    session: Session, meeting_id: int, title: str, after_item_id: int | None = None
) -> int:
    """A TOP added during the meeting, after the given TOP (None: at the end, before
    "Verschiedenes" when that closes the agenda). TOPs are renumbered 1..n; the new one is
    marked `unplanned`, so the protocol can say it was added. Returns its id."""
    title = title.strip()
    if not title:
        raise ValidationError("Bitte einen Titel für den TOP angeben.")
    if len(title) > TITLE_MAX:
        raise ValidationError(f"Der Titel ist zu lang (höchstens {TITLE_MAX} Zeichen).")
    meeting = get_meeting(session, meeting_id)
    ensure_unlocked(session, meeting_id)
    items = list(meeting.agenda)
    if after_item_id is None:
        at = len(items)
        if items and items[-1].title.strip().casefold() == MISCELLANEOUS.casefold():
            at -= 1
    else:
        positions = [i for i, item in enumerate(items) if item.id == after_item_id]
        if not positions:
            raise NotFoundError(f"TOP {after_item_id} gehört nicht zu diesem Treffen.")
        at = positions[0] + 1
    item = AgendaItem(title=title, unplanned=True, planned_minutes=0)
    items.insert(at, item)
    meeting.agenda.insert(at, item)
    renumber(items)
    session.flush()
    refresh_protocol_index(session.connection(), [item.id])
    return item.id


def withdraw_item(session: Session, agenda_item_id: int, withdrawn: bool = True) -> None:
    """Mark a TOP as not dealt with ("TOP 4 wurde abgesetzt"), or undo that."""
    item = get_item(session, agenda_item_id)
    ensure_unlocked(session, item.meeting_id)
    item.withdrawn = withdrawn
    session.flush()


# --- shared guards and lookups ------------------------------------------------------------


def protocol_status(session: Session, meeting_id: int) -> ProtocolStatus | None:
    return session.scalar(select(Protocol.status).where(Protocol.meeting_id == meeting_id))


def ensure_unlocked(session: Session, meeting_id: int | None) -> None:
    """Raise ProtocolLockedError if the meeting's protocol is approved."""
    if meeting_id is not None and protocol_status(session, meeting_id) == ProtocolStatus.APPROVED:
        raise ProtocolLockedError()


def ensure_protocol(session: Session, meeting: Meeting) -> Protocol:
    """The meeting's protocol, created as a draft on first use."""
    if meeting.protocol is None:
        meeting.protocol = Protocol(status=ProtocolStatus.DRAFT, revision=1)
        session.flush()
    return meeting.protocol


def get_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"Treffen {meeting_id} gibt es nicht (mehr).")
    return meeting


def get_item(session: Session, agenda_item_id: int) -> AgendaItem:
    item = session.get(AgendaItem, agenda_item_id)
    if item is None:
        raise NotFoundError(f"TOP {agenda_item_id} gibt es nicht (mehr).")
    return item


def get_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"Person {person_id} gibt es nicht (mehr).")
    return person


def person_name(person: Person) -> str:
    """ "Dr. Jutta Kühn" — how names are written in a protocol."""
    return person.full_name


def check_aware(moment: datetime) -> None:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: times must carry a time zone")
