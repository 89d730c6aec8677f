"""Meetings: reading lists and one meeting with everything recorded for it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from ..domain import ActionItem, AgendaItem, Attendance, Meeting
from ..domain.text import directory_name
from .errors import NotFoundError
from .search import like_pattern


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    title: str
    start: datetime
    end: datetime
    location: str
    status: str
    series_id: int | None


@dataclass(frozen=True)
class OutcomeView:
    kind: str
    text: str
    votes: str  # "Ja 9, Nein 0, Enthaltung 1" or ""


@dataclass(frozen=True)
class AgendaItemView:
    number: str
    title: str
    presenter: str
    planned_minutes: int
    non_public: bool
    notes_html: str
    outcomes: tuple[OutcomeView, ...]


@dataclass(frozen=True)
class AttendanceView:
    name: str
    organisation: str
    status: str


@dataclass(frozen=True)
class ActionItemView:
    text: str
    owner: str
    due_date: date | None
    done: bool


@dataclass(frozen=True)
class MeetingDetails:
    summary: MeetingSummary
    topics: tuple[str, ...]
    agenda: tuple[AgendaItemView, ...]
    attendance: tuple[AttendanceView, ...]
    action_items: tuple[ActionItemView, ...]
    protocol_status: str | None


def _summary(meeting: Meeting) -> MeetingSummary:
    return MeetingSummary(
        meeting.id,
        meeting.title,
        meeting.start,
        meeting.end,
        meeting.location,
        meeting.status.value,
        meeting.series_id,
    )


def list_meetings(session: Session, search: str = "") -> list[MeetingSummary]:
    query = select(Meeting).order_by(Meeting.start)
    if search.strip():
        pattern = like_pattern(search)
        query = query.where(
            or_(
                Meeting.title.ilike(pattern, escape="\\"),
                Meeting.location.ilike(pattern, escape="\\"),
            )
        )
    return [_summary(m) for m in session.scalars(query)]


def _votes(yes: int | None, no: int | None, abstain: int | None) -> str:
    if yes is None and no is None and abstain is None:
        return ""
    if not no and not abstain:
        return "einstimmig"
    return f"Ja {yes or 0}, Nein {no or 0}, Enthaltung {abstain or 0}"


def meeting_details(session: Session, meeting_id: int) -> MeetingDetails:
    meeting = session.get(
        Meeting,
        meeting_id,
        options=[
            selectinload(Meeting.topics),
            selectinload(Meeting.agenda).selectinload(AgendaItem.outcomes),
            selectinload(Meeting.agenda).selectinload(AgendaItem.presenter),
            selectinload(Meeting.attendance).selectinload(Attendance.person),
            selectinload(Meeting.protocol),
        ],
    )
    if meeting is None:
        raise NotFoundError(f"Treffen {meeting_id} gibt es nicht.")
    agenda = tuple(
        AgendaItemView(
            number=item.number,
            title=item.title,
            presenter=item.presenter_text
            or (
                " ".join(p for p in (item.presenter.first_name, item.presenter.last_name) if p)
                if item.presenter
                else ""
            ),
            planned_minutes=item.planned_minutes,
            non_public=item.non_public,
            notes_html=item.notes_html,
            outcomes=tuple(
                OutcomeView(o.kind.value, o.text, _votes(o.votes_yes, o.votes_no, o.votes_abstain))
                for o in item.outcomes
            ),
        )
        for item in meeting.agenda
    )
    attendance = tuple(
        AttendanceView(
            name=a.name_text
            or (
                directory_name(a.person.title, a.person.first_name, a.person.last_name)
                if a.person
                else ""
            ),
            organisation=a.organisation_text,
            status=a.status.value,
        )
        for a in meeting.attendance
    )
    items = session.scalars(
        select(ActionItem)
        .where(ActionItem.meeting_id == meeting_id)
        .options(selectinload(ActionItem.owner))
        .order_by(ActionItem.due_date, ActionItem.id)
    )
    action_items = tuple(
        ActionItemView(
            text=i.text,
            owner=i.owner_text
            or (
                " ".join(p for p in (i.owner.first_name, i.owner.last_name) if p) if i.owner else ""
            ),
            due_date=i.due_date,
            done=i.done,
        )
        for i in items
    )
    return MeetingDetails(
        summary=_summary(meeting),
        topics=tuple(t.name for t in meeting.topics),
        agenda=agenda,
        attendance=attendance,
        action_items=action_items,
        protocol_status=meeting.protocol.status.value if meeting.protocol else None,
    )
