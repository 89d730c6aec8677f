"""Filling a future agenda: the series' topic backlog and the Wiedervorlage of open tasks.

New TOPs go before "Verschiedenes" when that is the last TOP, as a clerk would add them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain import ActionItem, AgendaItem, BacklogTopic, Meeting, MeetingSeries
from .errors import NotFoundError, ValidationError

MISCELLANEOUS = "Verschiedenes"
REVIEW_TITLE = "Wiedervorlage: offene Aufgaben"


@dataclass(frozen=True)
class BacklogEntry:
    id: int
    title: str
    description: str
    proposed_by: str
    created_at: datetime
    moved: bool  # already put on a meeting's agenda


@dataclass(frozen=True)
class OpenActionItem:
    id: int
    text: str
    owner: str
    due_date: date | None
    from_meeting_title: str


def renumber(items: Sequence[AgendaItem]) -> None:
    """Positions and numbers 1..n in the given order."""
    for position, item in enumerate(items, 1):
        item.position = position
        item.number = str(position)


def insert_item(meeting: Meeting, item: AgendaItem) -> None:
    """Add a TOP at the end, or before "Verschiedenes" when that is the last TOP."""
    items = list(meeting.agenda)
    at = len(items)
    if items and items[-1].title.strip().casefold() == MISCELLANEOUS.casefold():
        at -= 1
    items.insert(at, item)
    meeting.agenda.insert(at, item)
    renumber(items)


# the backlog


def add_backlog_topic(
    session: Session, series_id: int, title: str, description: str = "", proposed_by: str = ""
) -> int:
    _series(session, series_id)
    title = title.strip()
    if not title:
        raise ValidationError("Bitte einen Titel für das Thema angeben.")
    if len(title) > 300:
        raise ValidationError("Der Titel ist zu lang (höchstens 300 Zeichen).")
    if len(proposed_by.strip()) > 200:
        raise ValidationError("„Vorgeschlagen von“ ist zu lang (höchstens 200 Zeichen).")
    topic = BacklogTopic(
        series_id=series_id,
        title=title,
        description=description.strip(),
        proposed_by=proposed_by.strip(),
    )
    session.add(topic)
    session.flush()
    return topic.id


def backlog(session: Session, series_id: int) -> list[BacklogEntry]:
    """The series' collected topics: open ones first, each group oldest first."""
    _series(session, series_id)
    topics = session.scalars(
        select(BacklogTopic)
        .where(BacklogTopic.series_id == series_id)
        .order_by(
            BacklogTopic.agenda_item_id.is_not(None), BacklogTopic.created_at, BacklogTopic.id
        )
    )
    return [
        BacklogEntry(
            t.id, t.title, t.description, t.proposed_by, t.created_at, t.agenda_item_id is not None
        )
        for t in topics
    ]


def move_backlog_to_agenda(session: Session, topic_id: int, meeting_id: int) -> int:
    """Put the topic on the meeting's agenda (before "Verschiedenes"); returns the TOP's id."""
    topic = session.get(BacklogTopic, topic_id)
    if topic is None:
        raise NotFoundError(f"Thema {topic_id} gibt es nicht (mehr).")
    if topic.agenda_item_id is not None:
        raise ValidationError(f"„{topic.title}“ steht schon auf einer Tagesordnung.")
    meeting = _meeting(session, meeting_id)
    item = AgendaItem(title=topic.title, description=topic.description)
    insert_item(meeting, item)
    session.flush()
    topic.agenda_item_id = item.id
    session.flush()
    return item.id


def delete_backlog_topic(session: Session, topic_id: int) -> None:
    topic = session.get(BacklogTopic, topic_id)
    if topic is None:
        raise NotFoundError(f"Thema {topic_id} gibt es nicht (mehr).")
    session.delete(topic)
    session.flush()


# Wiedervorlage


def open_action_items_before(session: Session, meeting_id: int) -> list[OpenActionItem]:
    """Tasks not done yet from earlier meetings of the same series (for a single meeting:
    from all earlier meetings), by due date."""
    meeting = _meeting(session, meeting_id)
    query = (
        select(ActionItem, Meeting.title)
        .join(Meeting, ActionItem.meeting_id == Meeting.id)
        .where(ActionItem.done.is_(False), Meeting.start < meeting.start)
        .options(selectinload(ActionItem.owner))
        .order_by(ActionItem.due_date.is_(None), ActionItem.due_date, Meeting.start, ActionItem.id)
    )
    if meeting.series_id is not None:
        query = query.where(Meeting.series_id == meeting.series_id)
    return [
        OpenActionItem(item.id, item.text, _owner(item), item.due_date, title)
        for item, title in session.execute(query)
    ]


def add_review_item(session: Session, meeting_id: int, action_item_ids: Sequence[int]) -> int:
    """The TOP "Wiedervorlage: offene Aufgaben" listing the chosen tasks; returns its id.

    A meeting has one such TOP: choosing again replaces its list.
    """
    meeting = _meeting(session, meeting_id)
    wanted = list(dict.fromkeys(action_item_ids))
    if not wanted:
        raise ValidationError("Bitte mindestens eine Aufgabe auswählen.")
    found = {
        i.id: i
        for i in session.scalars(
            select(ActionItem)
            .where(ActionItem.id.in_(wanted))
            .options(selectinload(ActionItem.owner))
        )
    }
    if missing := [i for i in wanted if i not in found]:
        raise NotFoundError(f"Aufgabe {missing[0]} gibt es nicht (mehr).")
    lines = []
    for task in (found[i] for i in wanted):
        parts = [task.text.strip(), _owner(task)]
        if task.due_date is not None:
            parts.append(f"bis {task.due_date:%d.%m.%Y}")
        lines.append("• " + " – ".join(p for p in parts if p))
    description = "\n".join(lines)
    existing = next((i for i in meeting.agenda if i.title == REVIEW_TITLE), None)
    if existing is not None:
        existing.description = description
        session.flush()
        return existing.id
    item = AgendaItem(title=REVIEW_TITLE, description=description)
    insert_item(meeting, item)
    session.flush()
    return item.id


def _owner(item: ActionItem) -> str:
    if item.owner_text:
        return item.owner_text
    if item.owner is not None:
        return " ".join(p for p in (item.owner.first_name, item.owner.last_name) if p)
    return ""


def _meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id, options=[selectinload(Meeting.agenda)])
    if meeting is None:
        raise NotFoundError(f"Treffen {meeting_id} gibt es nicht (mehr).")
    return meeting


def _series(session: Session, series_id: int) -> MeetingSeries:
    series = session.get(MeetingSeries, series_id)
    if series is None:
        raise NotFoundError(f"Treffenreihe {series_id} gibt es nicht (mehr).")
    return series
