"""The protocol's life: roles, Entwurf → zur Abstimmung versendet → genehmigt (locked),
corrections as new revisions, objections raised in the next meeting, and the overview.

A correction freezes the approved content as a `ProtocolRevision` (JSON snapshot with the
reason), raises the revision number and reopens the protocol as a draft; frozen revisions
are never changed or deleted (DESIGN.md §5).

Meeting status follows the protocol: sent → "protokolliert", approved → "abgeschlossen",
a correction takes an "abgeschlossen" meeting back to "protokolliert".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from ..domain import (
    ActionItem,
    AgendaItem,
    Attachment,
    Attendance,
    Meeting,
    MeetingStatus,
    Outcome,
    OutcomeKind,
    Protocol,
    ProtocolRevision,
    ProtocolStatus,
    utcnow,
)
from .clock import OFFICE_TZ, local
from .errors import NotFoundError, ValidationError
from .minutes import (
    ensure_protocol,
    ensure_unlocked,
    get_meeting,
    get_person,
    person_name,
    protocol_info,
)
from .protocol_search import refresh_protocol_index

APPROVAL_TITLE = "Genehmigung des Protokolls der letzten Sitzung"
OBJECTION_PREFIX = "Einwand zum Protokoll der letzten Sitzung: "
ROLE_MAX = 200
AUTHOR_MAX = 120


@dataclass(frozen=True)
class RevisionRow:
    revision: int  # the frozen revision
    reason: str  # why it was corrected (what the next revision changes)
    created_at: datetime  # when the correction was started (UTC)
    author: str


@dataclass(frozen=True)
class ProtocolSummary:
    meeting_id: int
    title: str
    start: datetime  # UTC
    status: ProtocolStatus | None  # None: no protocol begun yet
    revision: int | None
    open_action_items: int


# --- roles and status ---------------------------------------------------------------------


def set_roles(
    session: Session,
    meeting_id: int,
    *,
    chair_id: int | None = None,
    chair_text: str = "",
    minute_taker_id: int | None = None,
    minute_taker_text: str = "",
) -> None:
    """Sitzungsleitung and Protokollführung, from the address book or as text.

    A person's name is stored as text too, so the protocol stays readable after erasure.
    """
    meeting = get_meeting(session, meeting_id)
    ensure_unlocked(session, meeting_id)
    chair_text, minute_taker_text = chair_text.strip(), minute_taker_text.strip()
    if len(chair_text) > ROLE_MAX or len(minute_taker_text) > ROLE_MAX:
        raise ValidationError(f"Der Name ist zu lang (höchstens {ROLE_MAX} Zeichen).")
    if chair_id is not None:
        chair_text = chair_text or person_name(get_person(session, chair_id))
    if minute_taker_id is not None:
        minute_taker_text = minute_taker_text or person_name(get_person(session, minute_taker_id))
    protocol = ensure_protocol(session, meeting)
    protocol.chair_id, protocol.chair_text = chair_id, chair_text[:ROLE_MAX]
    protocol.minute_taker_id = minute_taker_id
    protocol.minute_taker_text = minute_taker_text[:ROLE_MAX]
    session.flush()


def send_for_approval(session: Session, meeting_id: int) -> None:
    """Entwurf → zur Abstimmung versendet; the meeting is "protokolliert"."""
    meeting = get_meeting(session, meeting_id)
    protocol = ensure_protocol(session, meeting)
    if protocol.status == ProtocolStatus.APPROVED:
        raise ValidationError("Das Protokoll ist bereits genehmigt.")
    protocol.status = ProtocolStatus.SENT
    if meeting.status != MeetingStatus.CANCELLED:
        meeting.status = MeetingStatus.MINUTED
    session.flush()


def approve(
    session: Session, meeting_id: int, approved_on: date, in_meeting_id: int | None = None
) -> None:
    """The protocol is approved (usually in the next meeting) and locked from now on."""
    meeting = get_meeting(session, meeting_id)
    protocol = ensure_protocol(session, meeting)
    if protocol.status == ProtocolStatus.APPROVED:
        raise ValidationError("Das Protokoll ist bereits genehmigt.")
    if in_meeting_id is not None:
        if in_meeting_id == meeting_id:
            raise ValidationError("Ein Protokoll wird in einer späteren Sitzung genehmigt.")
        get_meeting(session, in_meeting_id)
    if approved_on < local(meeting.start).date():
        raise ValidationError("Das Protokoll kann nicht vor der Sitzung genehmigt werden.")
    protocol.status = ProtocolStatus.APPROVED
    protocol.approved_on = approved_on
    protocol.approved_in_meeting_id = in_meeting_id
    meeting.status = MeetingStatus.CLOSED
    session.flush()


# --- corrections --------------------------------------------------------------------------


def start_correction(session: Session, meeting_id: int, reason: str, author: str = "") -> int:
    """Freeze the approved protocol as a revision and reopen it as a draft; returns the new
    revision number (2 for the first correction)."""
    reason, author = reason.strip(), author.strip()
    if not reason:
        raise ValidationError("Bitte den Grund der Korrektur angeben.")
    if len(author) > AUTHOR_MAX:
        raise ValidationError(f"Der Name ist zu lang (höchstens {AUTHOR_MAX} Zeichen).")
    meeting = get_meeting(session, meeting_id)
    protocol = meeting.protocol
    if protocol is None or protocol.status != ProtocolStatus.APPROVED:
        raise ValidationError("Nur ein genehmigtes Protokoll wird über eine Korrektur geändert.")
    snapshot = json.dumps(protocol_snapshot(session, meeting), ensure_ascii=False, indent=1)
    protocol.revisions.append(
        ProtocolRevision(
            revision=protocol.revision,
            reason=reason,
            snapshot_json=snapshot,
            created_at=utcnow(),
            author=author,
        )
    )
    protocol.revision += 1
    protocol.status = ProtocolStatus.DRAFT
    protocol.approved_on = None
    protocol.approved_in_meeting_id = None
    if meeting.status == MeetingStatus.CLOSED:
        meeting.status = MeetingStatus.MINUTED
    session.flush()
    return protocol.revision


def revisions(session: Session, meeting_id: int) -> list[RevisionRow]:
    """The frozen earlier revisions, oldest first (empty for a never corrected protocol)."""
    get_meeting(session, meeting_id)
    rows = session.execute(
        select(
            ProtocolRevision.revision,
            ProtocolRevision.reason,
            ProtocolRevision.created_at,
            ProtocolRevision.author,
        )
        .join(Protocol, Protocol.id == ProtocolRevision.protocol_id)
        .where(Protocol.meeting_id == meeting_id)
        .order_by(ProtocolRevision.revision)
    )
    return [RevisionRow(*row) for row in rows]


def revision_snapshot(session: Session, meeting_id: int, revision: int) -> dict[str, Any]:
    """The content of a frozen revision, as `protocol_snapshot` wrote it."""
    snapshot = session.scalar(
        select(ProtocolRevision.snapshot_json)
        .join(Protocol, Protocol.id == ProtocolRevision.protocol_id)
        .where(Protocol.meeting_id == meeting_id, ProtocolRevision.revision == revision)
    )
    if snapshot is None:
        raise NotFoundError(f"Revision {revision} dieses Protokolls gibt es nicht.")
    result: dict[str, Any] = json.loads(snapshot)
    return result


def protocol_snapshot(session: Session, meeting: Meeting) -> dict[str, Any]:
    """Everything the protocol says, as plain JSON values (times in ISO 8601, UTC)."""
    protocol = ensure_protocol(session, meeting)
    items = session.scalars(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == meeting.id)
        .options(selectinload(AgendaItem.outcomes))
        .order_by(AgendaItem.position)
    ).all()
    actions = session.scalars(
        select(ActionItem).where(ActionItem.meeting_id == meeting.id).order_by(ActionItem.id)
    ).all()
    people = session.scalars(
        select(Attendance).where(Attendance.meeting_id == meeting.id).order_by(Attendance.id)
    ).all()
    files = session.execute(
        select(Attachment.filename, Attachment.size, Attachment.agenda_item_id)
        .where(Attachment.meeting_id == meeting.id)
        .order_by(Attachment.position, Attachment.id)
    ).all()
    info = protocol_info(session, protocol)

    def when(moment: datetime | date | None) -> str | None:
        return moment.isoformat() if moment is not None else None

    return {
        "meeting": {
            "id": meeting.id,
            "title": meeting.title,
            "start": when(meeting.start),
            "end": when(meeting.end),
            "location": meeting.location,
        },
        "revision": protocol.revision,
        "status": protocol.status.value,
        "approved_on": when(protocol.approved_on),
        "approved_in_meeting_id": protocol.approved_in_meeting_id,
        "chair": {"id": protocol.chair_id, "name": info.chair},
        "minute_taker": {"id": protocol.minute_taker_id, "name": info.minute_taker},
        "objections": protocol.objections,
        "agenda": [
            {
                "id": item.id,
                "number": item.number,
                "title": item.title,
                "presenter": item.presenter_text,
                "non_public": item.non_public,
                "unplanned": item.unplanned,
                "withdrawn": item.withdrawn,
                "started_at": when(item.started_at),
                "ended_at": when(item.ended_at),
                "notes_html": item.notes_html,
                "outcomes": [
                    {
                        "kind": o.kind.value,
                        "text": o.text,
                        "votes_yes": o.votes_yes,
                        "votes_no": o.votes_no,
                        "votes_abstain": o.votes_abstain,
                    }
                    for o in item.outcomes
                ],
            }
            for item in items
        ],
        "action_items": [
            {
                "id": a.id,
                "agenda_item_id": a.agenda_item_id,
                "text": a.text,
                "owner_id": a.owner_id,
                "owner": a.owner_text,
                "due_date": when(a.due_date),
                "done": a.done,
            }
            for a in actions
        ],
        "attendance": [
            {
                "person_id": a.person_id,
                "name": a.name_text,
                "organisation": a.organisation_text,
                "status": a.status.value,
                "from_item_id": a.from_item_id,
                "until_item_id": a.until_item_id,
            }
            for a in people
        ],
        "attachments": [
            {"number": n, "filename": name, "size": size, "agenda_item_id": item_id}
            for n, (name, size, item_id) in enumerate(files, 1)
        ],
    }


# --- objections -----------------------------------------------------------------------------


def record_objection(session: Session, meeting_id: int, text: str) -> int:
    """An objection to the last meeting's protocol, raised in this meeting.

    It becomes a result (Information) of this meeting's TOP on approving the last protocol,
    and is appended to the last protocol's objections — also when that one is locked: it
    is the correction note, not a change of its minutes. Returns the result's id.
    """
    text = text.strip()
    if not text:
        raise ValidationError("Bitte den Einwand angeben.")
    meeting = get_meeting(session, meeting_id)
    ensure_unlocked(session, meeting_id)
    item = _approval_item(meeting)
    previous = previous_meeting(session, meeting)
    if previous is None:
        raise ValidationError("Zu diesem Treffen gibt es keine frühere Sitzung der Reihe.")
    if previous.protocol is None:
        raise ValidationError(f"Zur Sitzung „{previous.title}“ gibt es noch kein Protokoll.")
    last = max((o.position for o in item.outcomes), default=-1)
    outcome = Outcome(position=last + 1, kind=OutcomeKind.INFORMATION, text=OBJECTION_PREFIX + text)
    item.outcomes.append(outcome)
    note = f"Einwand in der Sitzung vom {local(meeting.start):%d.%m.%Y}: {text}"
    objections = previous.protocol.objections.rstrip("\n")
    previous.protocol.objections = f"{objections}\n{note}" if objections else note
    session.flush()
    refresh_protocol_index(session.connection(), [item.id])
    return outcome.id


def previous_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    """The latest earlier meeting of the same series that was not cancelled."""
    if meeting.series_id is None:
        return None
    return session.scalar(
        select(Meeting)
        .where(
            Meeting.series_id == meeting.series_id,
            Meeting.start < meeting.start,
            Meeting.status != MeetingStatus.CANCELLED,
        )
        .options(selectinload(Meeting.protocol))
        .order_by(Meeting.start.desc())
        .limit(1)
    )


def _approval_item(meeting: Meeting) -> AgendaItem:
    items = list(meeting.agenda)
    wanted = APPROVAL_TITLE.casefold()
    item = next((i for i in items if i.title.strip().casefold() == wanted), None)
    item = item or next((i for i in items if "protokoll" in i.title.casefold()), None)
    if item is None:
        raise ValidationError(
            f"Die Tagesordnung hat keinen TOP „{APPROVAL_TITLE}“. Bitte den TOP ergänzen."
        )
    return item


# --- the overview -----------------------------------------------------------------------------


def protocol_list(
    session: Session,
    *,
    series_id: int | None = None,
    year: int | None = None,
    now: datetime | None = None,
) -> list[ProtocolSummary]:
    """Meetings with a protocol, or past and not cancelled; newest first.

    `year` is the calendar year of the meeting in Berlin time.
    """
    now = now or utcnow()
    open_items = (
        select(func.count(ActionItem.id))
        .where(ActionItem.meeting_id == Meeting.id, ActionItem.done.is_(False))
        .correlate(Meeting)
        .scalar_subquery()
    )
    query = (
        select(Meeting.id, Meeting.title, Meeting.start, Protocol.status, Protocol.revision)
        .add_columns(open_items)
        .outerjoin(Protocol, Protocol.meeting_id == Meeting.id)
        .where(
            or_(
                Protocol.id.is_not(None),
                (Meeting.end < now) & (Meeting.status != MeetingStatus.CANCELLED),
            )
        )
        .order_by(Meeting.start.desc(), Meeting.id)
    )
    if series_id is not None:
        query = query.where(Meeting.series_id == series_id)
    if year is not None:
        first = datetime.combine(date(year, 1, 1), time(), OFFICE_TZ)
        after = datetime.combine(date(year + 1, 1, 1), time(), OFFICE_TZ)
        query = query.where(Meeting.start >= first, Meeting.start < after)
    return [ProtocolSummary(*row) for row in session.execute(query)]
