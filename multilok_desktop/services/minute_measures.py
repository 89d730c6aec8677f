"""From minute-taking to measures: a result of a TOP starts a new measure or moves an
existing one on — in one step, one transaction.

Either way the measure is linked to the meeting (related meetings), its history records
the meeting, and the result remembers the measure (`Outcome.measure_id`), so the minutes
and the protocol show "→ Maßnahme: …". Results are minutes: on an approved (locked)
protocol this is refused and nothing changes. Action items of the minutes can be attached
to a measure as well; then they show up as its next steps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import (
    ActionField,
    ActionItem,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Measure,
    MeasureHistory,
    MeasureKind,
    MeasureStatus,
    Membership,
    Organisation,
    Outcome,
    StatusPhase,
    TargetGroup,
)
from . import measure_editing, measure_list, taxonomies
from .errors import NotFoundError, ValidationError
from .measure_actions import link_action_item as _link_action_item
from .measure_editing import MeasureInput
from .measure_list import MeasureFilter
from .minutes import ensure_unlocked
from .taxonomies import Choice

TITLE_FROM_TEXT_MAX = 150
NOTE_MAX = 2000
DISCUSSED = "discussed"  # history entry of a meeting that changed no tracked field
PICK_LIMIT = 50
# a semicolon, or a sentence end after a word (not "z. B." or "ca."), before a capital
_CLAUSE_END = re.compile(r";\s|(?<=[a-zäöüß]{3}[.!?])\s+(?=[A-ZÄÖÜ])")


@dataclass(frozen=True)
class OutcomeMeasureForm:
    """What the "Als Maßnahme …" dialog offers for one result."""

    outcome_id: int
    meeting_id: int
    text: str  # the result's text
    title: str  # proposed title of a new measure
    kinds: tuple[Choice, ...]
    statuses: tuple[Choice, ...]
    action_fields: tuple[Choice, ...]
    target_groups: tuple[Choice, ...]
    organisations: tuple[Choice, ...]  # the attendees' organisations, for the lead
    kind_id: int | None  # Projektidee
    status_id: int | None  # the first open status
    measure_id: int | None  # already linked to this measure
    measure_title: str


@dataclass(frozen=True)
class NewMeasureData:
    title: str
    kind_id: int | None = None
    status_id: int | None = None
    action_field_ids: tuple[int, ...] = ()
    target_group_ids: tuple[int, ...] = ()
    lead_organisation_id: int | None = None


@dataclass(frozen=True)
class MeasureUpdateData:
    measure_id: int
    status_id: int | None = None  # None: unchanged
    progress: int | None = None  # None: unchanged
    note: str = ""


@dataclass(frozen=True)
class MeasurePick:
    id: int
    title: str
    code: str  # tool card
    status: str
    progress: int


@dataclass(frozen=True)
class LinkedMeasure:
    measure_id: int
    title: str


# --- reading ------------------------------------------------------------------------------


def title_from_text(text: str) -> str:
    """The first sentence (or clause before a semicolon) of a result, shortened at a word
    to suit a measure's title."""
    first = " ".join(text.strip().splitlines()[0].split()) if text.strip() else ""
    first = _CLAUSE_END.split(first, maxsplit=1)[0]
    if len(first) <= TITLE_FROM_TEXT_MAX:
        return first.rstrip(".")
    cut = first[:TITLE_FROM_TEXT_MAX].rsplit(" ", 1)[0]
    return f"{cut} …"


def outcome_measure_form(session: Session, outcome_id: int) -> OutcomeMeasureForm:
    outcome = _outcome(session, outcome_id)
    meeting_id = outcome.agenda_item.meeting_id
    defaults = measure_editing.new_measure_input(session)
    linked = session.get(Measure, outcome.measure_id) if outcome.measure_id else None
    return OutcomeMeasureForm(
        outcome_id=outcome.id,
        meeting_id=meeting_id,
        text=outcome.text,
        title=title_from_text(outcome.text),
        kinds=tuple(taxonomies.choices(session, MeasureKind)),
        statuses=tuple(taxonomies.choices(session, MeasureStatus)),
        action_fields=tuple(taxonomies.choices(session, ActionField)),
        target_groups=tuple(taxonomies.choices(session, TargetGroup)),
        organisations=tuple(attendee_organisations(session, meeting_id)),
        kind_id=defaults.kind_id,
        status_id=defaults.status_id,
        measure_id=linked.id if linked else None,
        measure_title=linked.title if linked else "",
    )


def attendee_organisations(session: Session, meeting_id: int) -> list[Choice]:
    """Organisations of the people who attend (or are listed for) the meeting, by name."""
    query = (
        select(Organisation.id, Organisation.name)
        .join(Membership, Membership.organisation_id == Organisation.id)
        .join(Attendance, Attendance.person_id == Membership.person_id)
        .where(
            Attendance.meeting_id == meeting_id,
            Attendance.status.in_((AttendanceStatus.PRESENT, AttendanceStatus.GUEST)),
        )
        .distinct()
        .order_by(Organisation.name)
    )
    return [Choice(id_, name) for id_, name in session.execute(query)]


def find_measures(session: Session, text: str, limit: int = PICK_LIMIT) -> list[MeasurePick]:
    """Measures whose title, description or card code contain every word (case and
    umlauts ignored), open ones included with all others, by title."""
    rows = measure_list.measures_page(session, MeasureFilter(text=text), 0, limit)
    return [MeasurePick(r.id, r.title, r.code, r.status, r.progress) for r in rows]


def outcome_measures(session: Session, meeting_id: int) -> dict[int, LinkedMeasure]:
    """Results of the meeting that carry a measure: outcome id → the measure."""
    query = (
        select(Outcome.id, Measure.id, Measure.title)
        .join(AgendaItem, AgendaItem.id == Outcome.agenda_item_id)
        .join(Measure, Measure.id == Outcome.measure_id)
        .where(AgendaItem.meeting_id == meeting_id)
    )
    return {o: LinkedMeasure(m, title) for o, m, title in session.execute(query)}


def action_item_measures(session: Session, meeting_id: int) -> dict[int, LinkedMeasure]:
    """Action items of the meeting that belong to a measure: item id → the measure."""
    query = (
        select(ActionItem.id, Measure.id, Measure.title)
        .join(Measure, Measure.id == ActionItem.measure_id)
        .where(ActionItem.meeting_id == meeting_id)
    )
    return {a: LinkedMeasure(m, title) for a, m, title in session.execute(query)}


# --- writing ------------------------------------------------------------------------------


def new_measure_from_outcome(
    session: Session, outcome_id: int, data: NewMeasureData, *, author: str = ""
) -> int:
    """Create a measure from a result: arisen in this meeting, linked to it, and the
    result points to it. Returns the measure's id."""
    outcome = _outcome(session, outcome_id)
    meeting_id = outcome.agenda_item.meeting_id
    ensure_unlocked(session, meeting_id)
    defaults = measure_editing.new_measure_input(session)
    measure_id = measure_editing.create_measure(
        session,
        MeasureInput(
            title=data.title,
            description=outcome.text.strip(),
            kind_id=data.kind_id if data.kind_id is not None else defaults.kind_id,
            status_id=data.status_id if data.status_id is not None else defaults.status_id,
            action_field_ids=data.action_field_ids,
            target_group_ids=data.target_group_ids,
            lead_organisation_id=data.lead_organisation_id,
            origin_meeting_id=meeting_id,
        ),
        author=author,
        meeting_id=meeting_id,
    )
    outcome.measure_id = measure_id
    session.flush()
    return measure_id


def update_measure_from_outcome(
    session: Session, outcome_id: int, data: MeasureUpdateData, *, author: str = ""
) -> list[str]:
    """Move an existing measure on from a result: new status and/or progress and a note,
    recorded in its history with the meeting. Returns the labels of what changed."""
    outcome = _outcome(session, outcome_id)
    meeting_id = outcome.agenda_item.meeting_id
    ensure_unlocked(session, meeting_id)
    note = data.note.strip()
    if len(note) > NOTE_MAX:
        raise ValidationError(f"Die Notiz ist zu lang (höchstens {NOTE_MAX} Zeichen).")
    if data.progress is not None and not 0 <= data.progress <= 100:
        raise ValidationError("Der Fortschritt liegt zwischen 0 und 100 %.")
    current = measure_editing.measure_input(session, data.measure_id)
    wanted = current
    if data.progress is not None:
        wanted = replace(wanted, progress=data.progress)
    if data.status_id is not None and data.status_id != current.status_id:
        status = session.get(MeasureStatus, data.status_id)
        if status is None:
            raise NotFoundError(f"Status {data.status_id} gibt es nicht (mehr).")
        wanted = replace(wanted, status_id=data.status_id)
        if status.phase is StatusPhase.DONE:
            wanted = replace(wanted, progress=100)  # done means done
    first_new = _last_history_id(session, data.measure_id)
    changed = measure_editing.update_measure(
        session, data.measure_id, wanted, author=author, meeting_id=meeting_id
    )
    entries = session.scalars(
        select(MeasureHistory).where(
            MeasureHistory.measure_id == data.measure_id, MeasureHistory.id > first_new
        )
    ).all()
    if entries:
        for entry in entries:
            entry.note = entry.note or note
    else:  # discussed without a change of status or progress: the timeline still shows it
        measure = measure_editing.get_measure(session, data.measure_id)
        measure.history.append(
            MeasureHistory(
                field=DISCUSSED,
                new_value=title_from_text(outcome.text),
                author=author.strip()[:120],
                meeting_id=meeting_id,
                note=note,
            )
        )
    outcome.measure_id = data.measure_id
    session.flush()
    return changed


def unlink_outcome(session: Session, outcome_id: int) -> None:
    """The result no longer points to a measure (the measure itself stays as it is)."""
    outcome = _outcome(session, outcome_id)
    ensure_unlocked(session, outcome.agenda_item.meeting_id)
    outcome.measure_id = None
    session.flush()


def link_action_item(session: Session, action_item_id: int, measure_id: int | None) -> None:
    """Attach an action item of the minutes to a measure (None: detach); refused on an
    approved protocol. The measure is linked to the meeting too."""
    action = session.get(ActionItem, action_item_id)
    if action is None:
        raise NotFoundError(f"Aufgabe {action_item_id} gibt es nicht (mehr).")
    ensure_unlocked(session, action.meeting_id)
    if action.measure_id == measure_id:
        return
    _link_action_item(session, action_item_id, measure_id)
    if measure_id is not None and action.meeting_id is not None:
        measure_editing.link_meeting(session, measure_id, action.meeting_id)


def _last_history_id(session: Session, measure_id: int) -> int:
    last = session.scalar(
        select(MeasureHistory.id)
        .where(MeasureHistory.measure_id == measure_id)
        .order_by(MeasureHistory.id.desc())
        .limit(1)
    )
    return last or 0


def _outcome(session: Session, outcome_id: int) -> Outcome:
    outcome = session.get(Outcome, outcome_id)
    if outcome is None:
        raise NotFoundError(f"Ergebnis {outcome_id} gibt es nicht (mehr).")
    return outcome
