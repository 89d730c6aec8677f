"""The protocols view's card of one meeting: what it shows, read in one session.

Lighter than the Sitzungsmodus read model (`minutes.minutes_view`): counts instead of every
note, outcome and attendance row, so selecting a protocol in the list stays instant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import AgendaItem, Attendance, AttendanceStatus, Meeting
from .attachments import AttachmentRow, attachments
from .errors import NotFoundError
from .minutes import ProtocolInfo, ensure_protocol, protocol_info
from .protocols import RevisionRow, revisions


@dataclass(frozen=True)
class ProtocolCard:
    meeting_id: int
    title: str
    start: datetime
    end: datetime
    location: str
    protocol: ProtocolInfo
    present: int  # anwesend or Gast
    agenda_items: int
    attachments: tuple[AttachmentRow, ...]
    revisions: tuple[RevisionRow, ...]


def protocol_card(session: Session, meeting_id: int) -> ProtocolCard:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"Treffen {meeting_id} gibt es nicht (mehr).")
    protocol = ensure_protocol(session, meeting)  # a draft from the first look, as before
    present = session.scalar(
        select(func.count(Attendance.id)).where(
            Attendance.meeting_id == meeting_id,
            Attendance.status.in_([AttendanceStatus.PRESENT, AttendanceStatus.GUEST]),
        )
    )
    items = session.scalar(
        select(func.count(AgendaItem.id)).where(AgendaItem.meeting_id == meeting_id)
    )
    return ProtocolCard(
        meeting_id=meeting.id,
        title=meeting.title,
        start=meeting.start,
        end=meeting.end,
        location=meeting.location,
        protocol=protocol_info(session, protocol),
        present=present or 0,
        agenda_items=items or 0,
        attachments=tuple(attachments(session, meeting_id)),
        revisions=tuple(revisions(session, meeting_id)),
    )


def series_titles(session: Session) -> list[tuple[int, str]]:
    """(id, title) of every meeting series, by title: the protocols view's series filter."""
    from ..domain import MeetingSeries

    rows = session.execute(select(MeetingSeries.id, MeetingSeries.title))
    return sorted(((id_, title) for id_, title in rows), key=lambda row: row[1].casefold())
