"""What a TOP produced: results (Information, Vereinbarung, Beschluss), action items, the
Wiedervorlage of earlier meetings' open tasks, and the office's text blocks.

Results and action items are minutes: locked with an approved protocol. Ticking an action
item off is follow-up and stays possible after approval.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from ..domain import (
    ActionItem,
    Measure,
    Meeting,
    MeetingStatus,
    Outcome,
    OutcomeKind,
    TextBlock,
    utcnow,
)
from .errors import NotFoundError, ValidationError
from .minutes import ensure_unlocked, get_item, get_meeting, get_person, person_name
from .protocol_search import refresh_protocol_index

OWNER_MAX = 200
TEXT_BLOCK_TITLE_MAX = 120


@dataclass(frozen=True)
class ReviewItem:
    id: int
    text: str
    owner: str
    due_date: date | None
    from_meeting_title: str
    done: bool


@dataclass(frozen=True)
class TextBlockRow:
    id: int
    title: str
    text: str


# --- results ------------------------------------------------------------------------------


def add_outcome(
    session: Session,
    agenda_item_id: int,
    kind: OutcomeKind,
    text: str,
    votes_yes: int | None = None,
    votes_no: int | None = None,
    votes_abstain: int | None = None,
) -> int:
    """A result at the end of the TOP's results; returns its id."""
    text = _outcome_text(text)
    _check_votes(votes_yes, votes_no, votes_abstain)
    item = get_item(session, agenda_item_id)
    ensure_unlocked(session, item.meeting_id)
    last = session.scalar(
        select(func.max(Outcome.position)).where(Outcome.agenda_item_id == agenda_item_id)
    )
    outcome = Outcome(
        agenda_item_id=agenda_item_id,
        position=(last if last is not None else -1) + 1,
        kind=OutcomeKind(kind),
        text=text,
        votes_yes=votes_yes,
        votes_no=votes_no,
        votes_abstain=votes_abstain,
    )
    session.add(outcome)
    session.flush()
    refresh_protocol_index(session.connection(), [agenda_item_id])
    return outcome.id


def update_outcome(
    session: Session,
    outcome_id: int,
    kind: OutcomeKind,
    text: str,
    votes_yes: int | None = None,
    votes_no: int | None = None,
    votes_abstain: int | None = None,
) -> None:
    """Replace kind, text and votes of a result."""
    text = _outcome_text(text)
    _check_votes(votes_yes, votes_no, votes_abstain)
    outcome = _outcome(session, outcome_id)
    ensure_unlocked(session, outcome.agenda_item.meeting_id)
    outcome.kind = OutcomeKind(kind)
    outcome.text = text
    outcome.votes_yes, outcome.votes_no, outcome.votes_abstain = votes_yes, votes_no, votes_abstain
    session.flush()
    refresh_protocol_index(session.connection(), [outcome.agenda_item_id])


def delete_outcome(session: Session, outcome_id: int) -> None:
    outcome = _outcome(session, outcome_id)
    ensure_unlocked(session, outcome.agenda_item.meeting_id)
    item_id = outcome.agenda_item_id
    session.delete(outcome)
    session.flush()
    refresh_protocol_index(session.connection(), [item_id])


def _outcome_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError("Bitte den Text des Ergebnisses angeben.")
    return text


def _check_votes(*votes: int | None) -> None:
    if any(v is not None and v < 0 for v in votes):
        raise ValidationError("Stimmenzahlen können nicht negativ sein.")


def _outcome(session: Session, outcome_id: int) -> Outcome:
    outcome = session.get(Outcome, outcome_id)
    if outcome is None:
        raise NotFoundError(f"Ergebnis {outcome_id} gibt es nicht (mehr).")
    return outcome


# --- action items -------------------------------------------------------------------------


def add_action_item(
    session: Session,
    agenda_item_id: int,
    text: str,
    *,
    owner_id: int | None = None,
    owner_text: str = "",
    due_date: date | None = None,
) -> int:
    """An Aufgabe from a TOP (the meeting is the TOP's); returns its id.

    With an owner from the address book and no owner text, the owner's name is stored too,
    so the protocol stays readable if the person is erased later.
    """
    text, owner_text = _action_text(text), _owner_text(session, owner_id, owner_text)
    item = get_item(session, agenda_item_id)
    ensure_unlocked(session, item.meeting_id)
    action = ActionItem(
        text=text,
        meeting_id=item.meeting_id,
        agenda_item_id=item.id,
        owner_id=owner_id,
        owner_text=owner_text,
        due_date=due_date,
        done=False,
    )
    session.add(action)
    session.flush()
    refresh_protocol_index(session.connection(), [item.id])
    return action.id


def update_action_item(
    session: Session,
    action_item_id: int,
    text: str,
    *,
    owner_id: int | None = None,
    owner_text: str = "",
    due_date: date | None = None,
) -> None:
    """Replace text, owner and due date (the done state is `set_action_item_done`)."""
    text, owner_text = _action_text(text), _owner_text(session, owner_id, owner_text)
    action = _action_item(session, action_item_id)
    ensure_unlocked(session, action.meeting_id)
    action.text, action.owner_id, action.owner_text = text, owner_id, owner_text
    action.due_date = due_date
    session.flush()
    _refresh_for(session, action)


def set_action_item_done(session: Session, action_item_id: int, done: bool) -> None:
    """Tick an action item off (or on again) — also on a locked protocol: that is follow-up."""
    action = _action_item(session, action_item_id)
    if action.done != done:
        action.done = done
        action.done_at = utcnow() if done else None
        session.flush()


def delete_action_item(session: Session, action_item_id: int) -> None:
    action = _action_item(session, action_item_id)
    ensure_unlocked(session, action.meeting_id)
    session.delete(action)
    session.flush()
    _refresh_for(session, action)


def open_items_for_review(session: Session, meeting_id: int) -> list[ReviewItem]:
    """Wiedervorlage: open action items of earlier meetings of the series (of all earlier
    meetings for a meeting outside a series), by due date — and the next steps of measures
    (items on a measure, from no meeting) created before this meeting began.

    Items ticked off since this meeting began stay in the list (done=True), so a tick made
    during the review can be undone there.
    """
    meeting = get_meeting(session, meeting_id)
    from_meeting = and_(Meeting.start < meeting.start, Meeting.status != MeetingStatus.CANCELLED)
    if meeting.series_id is not None:
        from_meeting = and_(from_meeting, Meeting.series_id == meeting.series_id)
    measure_step = and_(
        ActionItem.meeting_id.is_(None),
        ActionItem.measure_id.is_not(None),
        ActionItem.created_at < meeting.start,
    )
    query = (
        select(ActionItem, Meeting.title, Measure.title)
        .outerjoin(Meeting, ActionItem.meeting_id == Meeting.id)
        .outerjoin(Measure, ActionItem.measure_id == Measure.id)
        .where(
            or_(from_meeting, measure_step),
            or_(ActionItem.done.is_(False), ActionItem.done_at >= meeting.start),
        )
        .options(selectinload(ActionItem.owner))
        .order_by(ActionItem.due_date.is_(None), ActionItem.due_date, Meeting.start, ActionItem.id)
    )
    return [
        ReviewItem(
            id=action.id,
            text=action.text,
            owner=action.owner_text or (person_name(action.owner) if action.owner else ""),
            due_date=action.due_date,
            from_meeting_title=title if title is not None else f"Maßnahme: {measure_title}",
            done=action.done,
        )
        for action, title, measure_title in session.execute(query)
    ]


def _action_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise ValidationError("Bitte beschreiben, was zu tun ist.")
    return text


def _owner_text(session: Session, owner_id: int | None, owner_text: str) -> str:
    owner_text = owner_text.strip()
    if len(owner_text) > OWNER_MAX:
        raise ValidationError(f"„Verantwortlich“ ist zu lang (höchstens {OWNER_MAX} Zeichen).")
    if owner_id is not None:
        person = get_person(session, owner_id)
        return owner_text or person_name(person)
    return owner_text


def _action_item(session: Session, action_item_id: int) -> ActionItem:
    action = session.get(ActionItem, action_item_id)
    if action is None:
        raise NotFoundError(f"Aufgabe {action_item_id} gibt es nicht (mehr).")
    return action


def _refresh_for(session: Session, action: ActionItem) -> None:
    if action.agenda_item_id is not None:
        refresh_protocol_index(session.connection(), [action.agenda_item_id])


# --- text blocks --------------------------------------------------------------------------


def text_blocks(session: Session) -> list[TextBlockRow]:
    blocks = session.scalars(select(TextBlock).order_by(TextBlock.position, TextBlock.id))
    return [TextBlockRow(b.id, b.title, b.text) for b in blocks]


def save_text_block(session: Session, title: str, text: str, block_id: int | None = None) -> int:
    """Create (block_id None, at the end) or change a text block; returns its id."""
    title, text = title.strip(), text.strip()
    if not text:
        raise ValidationError("Bitte den Text des Bausteins angeben.")
    if not title:
        title = text[:TEXT_BLOCK_TITLE_MAX]
    if len(title) > TEXT_BLOCK_TITLE_MAX:
        raise ValidationError(f"Der Titel ist zu lang (höchstens {TEXT_BLOCK_TITLE_MAX} Zeichen).")
    clash = session.scalar(
        select(TextBlock.id).where(TextBlock.title == title, TextBlock.id != (block_id or 0))
    )
    if clash is not None:
        raise ValidationError(f"Einen Baustein „{title}“ gibt es schon.")
    if block_id is None:
        last = session.scalar(select(func.max(TextBlock.position)))
        block = TextBlock(title=title, text=text, position=(last if last is not None else -1) + 1)
        session.add(block)
    else:
        found = session.get(TextBlock, block_id)
        if found is None:
            raise NotFoundError(f"Textbaustein {block_id} gibt es nicht (mehr).")
        block = found
        block.title, block.text = title, text
    try:
        session.flush()
    except IntegrityError as exc:  # a concurrent writer took the title
        raise ValidationError(f"Einen Baustein „{title}“ gibt es schon.") from exc
    return block.id


def delete_text_block(session: Session, block_id: int) -> None:
    block = session.get(TextBlock, block_id)
    if block is None:
        raise NotFoundError(f"Textbaustein {block_id} gibt es nicht (mehr).")
    session.delete(block)
    session.flush()
