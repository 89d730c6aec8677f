"""Next steps on a measure: action items shared with the protocols.

An item decided in a meeting carries the meeting (and TOP) and may carry a measure; an
item added on the measure carries only the measure. Both show on the measure, and open
ones come back in the Wiedervorlage of the next meeting.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ..domain import ActionItem
from .errors import ValidationError
from .measure_editing import get_measure
from .minute_results import (
    _action_item,
    _action_text,
    _owner_text,
    delete_action_item,
    set_action_item_done,
)

__all__ = [
    "add_measure_action",
    "delete_action_item",
    "link_action_item",
    "set_action_item_done",
    "update_measure_action",
]


def add_measure_action(
    session: Session,
    measure_id: int,
    text: str,
    *,
    owner_id: int | None = None,
    owner_text: str = "",
    due_date: date | None = None,
) -> int:
    get_measure(session, measure_id)
    action = ActionItem(
        text=_action_text(text),
        measure_id=measure_id,
        owner_id=owner_id,
        owner_text=_owner_text(session, owner_id, owner_text),
        due_date=due_date,
        done=False,
    )
    session.add(action)
    session.flush()
    return action.id


def update_measure_action(
    session: Session,
    action_item_id: int,
    text: str,
    *,
    owner_id: int | None = None,
    owner_text: str = "",
    due_date: date | None = None,
) -> None:
    """Edit an item added on the measure (items of a protocol are edited in the minutes)."""
    action = _action_item(session, action_item_id)
    if action.meeting_id is not None:
        raise ValidationError("Diese Aufgabe stammt aus einem Protokoll und wird dort bearbeitet.")
    action.text = _action_text(text)
    action.owner_id = owner_id
    action.owner_text = _owner_text(session, owner_id, owner_text)
    action.due_date = due_date
    session.flush()


def link_action_item(session: Session, action_item_id: int, measure_id: int | None) -> None:
    """Attach an action item of a protocol to a measure (or detach it with None)."""
    action = _action_item(session, action_item_id)
    if measure_id is not None:
        get_measure(session, measure_id)
    action.measure_id = measure_id
    session.flush()
