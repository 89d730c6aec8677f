"""Creating and changing measures: validation, history, and the roll-up to parent measures.

Every change of status, progress, responsibility, lead or traffic light is written to
`measure_history` with date, author and — where it happened in a meeting — the meeting,
so the detail view can show a timeline over years of meetings.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain import (
    ActionField,
    Measure,
    MeasureHistory,
    MeasurePartner,
    MeasureStatus,
    Meeting,
    Organisation,
    PendingTopic,
    StatusPhase,
    TargetGroup,
    ToolCard,
    TrafficLight,
)
from ..domain.enums import HISTORY_LABELS
from ..domain.taxonomy import TaxonomyMixin
from .conflicts import ConflictError, check_version, describe, lost_update_guard
from .errors import NotFoundError, ValidationError

Tax = TypeVar("Tax", bound=TaxonomyMixin)
Row = TypeVar("Row")

TITLE_MAX = 300
ROLE_MAX = 120
PRIORITIES = {1: "hoch", 2: "mittel", 3: "niedrig"}


@dataclass(frozen=True)
class PartnerInput:
    organisation_id: int
    role: str = "Projektpartner"


@dataclass(frozen=True)
class MeasureInput:
    """Everything the measure form edits; ids refer to the editable value lists."""

    title: str
    description: str = ""
    kind_id: int | None = None
    status_id: int | None = None
    strategy_id: int | None = None
    spatial_level_id: int | None = None
    project_type_id: int | None = None
    target_group_ids: tuple[int, ...] = ()
    action_field_ids: tuple[int, ...] = ()
    pending_topic_ids: tuple[int, ...] = ()
    lead_organisation_id: int | None = None
    partners: tuple[PartnerInput, ...] = ()
    responsible_person_id: int | None = None
    priority: int = 2
    progress: int = 0
    start_date: date | None = None
    target_date: date | None = None
    traffic_light: TrafficLight = TrafficLight.ON_TRACK
    delay_reason: str = ""
    parent_id: int | None = None
    tool_card_id: int | None = None
    origin_meeting_id: int | None = None
    meeting_ids: tuple[int, ...] = field(default=())  # related meetings
    version: int | None = None  # as loaded; a save checks it (services/conflicts.py)


def default_author() -> str:
    """Who changes a record on this office PC: the Windows/Linux login name."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in some service contexts
        return ""


# --- reading a measure back into the form ------------------------------------------------


def measure_input(session: Session, measure_id: int) -> MeasureInput:
    measure = get_measure(session, measure_id)
    return MeasureInput(
        title=measure.title,
        description=measure.description,
        kind_id=measure.kind_id,
        status_id=measure.status_id,
        strategy_id=measure.strategy_id,
        spatial_level_id=measure.spatial_level_id,
        project_type_id=measure.project_type_id,
        target_group_ids=tuple(sorted(t.id for t in measure.target_groups)),
        action_field_ids=tuple(sorted(a.id for a in measure.action_fields)),
        pending_topic_ids=tuple(sorted(p.id for p in measure.pending_topics)),
        lead_organisation_id=measure.lead_organisation_id,
        partners=tuple(PartnerInput(p.organisation_id, p.role) for p in measure.partners),
        responsible_person_id=measure.responsible_person_id,
        priority=measure.priority,
        progress=measure.progress,
        start_date=measure.start_date,
        target_date=measure.target_date,
        traffic_light=measure.traffic_light,
        delay_reason=measure.delay_reason,
        parent_id=measure.parent_id,
        tool_card_id=measure.tool_card_id,
        origin_meeting_id=measure.origin_meeting_id,
        meeting_ids=tuple(sorted(m.id for m in measure.meetings)),
        version=measure.version,
    )


def input_from_tool_card(session: Session, tool_card_id: int) -> MeasureInput:
    """A new measure started from a planning card: its title, summary and taxonomy."""
    card = session.get(
        ToolCard,
        tool_card_id,
        options=[selectinload(ToolCard.target_groups), selectinload(ToolCard.action_fields)],
    )
    if card is None:
        raise NotFoundError(f"Planungskarte {tool_card_id} gibt es nicht (mehr).")
    return MeasureInput(
        title=card.title,
        description=card.summary,
        kind_id=_first_id(session, "Handlungsansatz"),
        status_id=_initial_status_id(session),
        strategy_id=card.strategy_id,
        spatial_level_id=card.spatial_level_id,
        project_type_id=card.project_type_id,
        target_group_ids=tuple(sorted(t.id for t in card.target_groups if not t.retired)),
        action_field_ids=tuple(sorted(a.id for a in card.action_fields if not a.retired)),
        tool_card_id=card.id,
    )


def _first_id(session: Session, kind_name: str) -> int | None:
    from ..domain import MeasureKind

    return session.scalar(select(MeasureKind.id).where(MeasureKind.name == kind_name))


def _initial_status_id(session: Session) -> int | None:
    """The first open status in the user's order (normally "Idee")."""
    return session.scalar(
        select(MeasureStatus.id)
        .where(MeasureStatus.phase == StatusPhase.OPEN, MeasureStatus.retired.is_(False))
        .order_by(MeasureStatus.position, MeasureStatus.id)
        .limit(1)
    )


def new_measure_input(session: Session, title: str = "") -> MeasureInput:
    """Sensible defaults for the "Neu" form: a Projektidee in the first open status."""
    return MeasureInput(
        title=title,
        kind_id=_first_id(session, "Projektidee"),
        status_id=_initial_status_id(session),
    )


# --- saving ------------------------------------------------------------------------------


def create_measure(
    session: Session, data: MeasureInput, *, author: str = "", meeting_id: int | None = None
) -> int:
    data = _validated(session, data, measure_id=None)
    measure = Measure(title=data.title)
    session.add(measure)
    _apply(session, measure, data)
    session.flush()
    _log(measure, "created", "", data.title, author, meeting_id)
    if data.origin_meeting_id is None and meeting_id is not None:
        measure.origin_meeting_id = meeting_id
    _link_meeting(session, measure, meeting_id)
    session.flush()
    roll_up(session, measure.parent_id, author=author, meeting_id=meeting_id)
    return measure.id


def update_measure(
    session: Session,
    measure_id: int,
    data: MeasureInput,
    *,
    author: str = "",
    meeting_id: int | None = None,
) -> list[str]:
    """Save the form; returns the labels of the fields that went into the history."""
    measure = get_measure(session, measure_id)

    def conflict() -> ConflictError:
        saved = measure_input(session, measure_id)
        return ConflictError(
            f"Die Maßnahme „{saved.title}“",
            _readable(session, data),
            _readable(session, saved),
            saved.version,
        )

    check_version(data.version, measure.version, conflict)
    data = _validated(session, data, measure_id=measure_id)
    before = _tracked(session, measure)
    old_parent = measure.parent_id
    _apply(session, measure, data)
    measure.version += 1  # also when only partners or links change
    with lost_update_guard(session, conflict):
        session.flush()
    changed = _log_changes(session, measure, before, author, meeting_id)
    _link_meeting(session, measure, meeting_id)
    session.flush()
    roll_up(session, measure.id, author=author, meeting_id=meeting_id)
    if old_parent != measure.parent_id:
        roll_up(session, old_parent, author=author, meeting_id=meeting_id)
    roll_up(session, measure.parent_id, author=author, meeting_id=meeting_id)
    return changed


def _readable(session: Session, data: MeasureInput) -> dict[str, str]:
    """The form's main fields for a conflict message, value lists by name."""
    shown = describe(data, {"title": "Titel", "description": "Beschreibung"})
    status = session.get(MeasureStatus, data.status_id) if data.status_id else None
    shown["Status"] = status.name if status else ""
    shown |= describe(
        data,
        {
            "progress": "Fortschritt",
            "priority": "Priorität",
            "start_date": "Beginn",
            "target_date": "Zieltermin",
            "traffic_light": "Ampel",
            "delay_reason": "Grund der Verzögerung",
        },
    )
    return shown


def set_status(
    session: Session,
    measure_id: int,
    status_id: int,
    *,
    author: str = "",
    meeting_id: int | None = None,
) -> None:
    """Move a measure to another status (the board's drag and drop)."""
    data = measure_input(session, measure_id)
    update_measure(
        session,
        measure_id,
        _with_status(session, data, status_id),
        author=author,
        meeting_id=meeting_id,
    )


def set_progress(
    session: Session,
    measure_id: int,
    progress: int,
    *,
    author: str = "",
    meeting_id: int | None = None,
) -> None:
    data = measure_input(session, measure_id)
    update_measure(
        session, measure_id, replace(data, progress=progress), author=author, meeting_id=meeting_id
    )


def _with_status(session: Session, data: MeasureInput, status_id: int) -> MeasureInput:
    status = session.get(MeasureStatus, status_id)
    if status is None:
        raise NotFoundError(f"Status {status_id} gibt es nicht (mehr).")
    if status.phase is StatusPhase.DONE:
        data = replace(data, progress=100)  # done means done
    return replace(data, status_id=status_id)


def delete_measure(session: Session, measure_id: int) -> None:
    """Delete a measure; its sub-measures stay as measures of their own."""
    measure = get_measure(session, measure_id)
    parent_id = measure.parent_id
    for child in list(measure.children):
        child.parent_id = None
    session.delete(measure)
    session.flush()
    roll_up(session, parent_id)


def get_measure(session: Session, measure_id: int) -> Measure:
    measure = session.get(Measure, measure_id)
    if measure is None:
        raise NotFoundError(f"Maßnahme {measure_id} gibt es nicht (mehr).")
    return measure


def link_meeting(session: Session, measure_id: int, meeting_id: int) -> None:
    """Note that a measure was discussed in a meeting (related meetings)."""
    _link_meeting(session, get_measure(session, measure_id), meeting_id)
    session.flush()


def _link_meeting(session: Session, measure: Measure, meeting_id: int | None) -> None:
    if meeting_id is None or any(m.id == meeting_id for m in measure.meetings):
        return
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"Treffen {meeting_id} gibt es nicht (mehr).")
    measure.meetings.append(meeting)


def _validated(session: Session, data: MeasureInput, *, measure_id: int | None) -> MeasureInput:
    title = " ".join(data.title.split())
    if not title:
        raise ValidationError("Bitte einen Titel für die Maßnahme angeben.")
    if len(title) > TITLE_MAX:
        raise ValidationError(f"Der Titel ist zu lang (höchstens {TITLE_MAX} Zeichen).")
    if not 0 <= data.progress <= 100:
        raise ValidationError("Der Fortschritt liegt zwischen 0 und 100 %.")
    if data.priority not in PRIORITIES:
        raise ValidationError("Die Priorität ist hoch, mittel oder niedrig.")
    if data.start_date and data.target_date and data.target_date < data.start_date:
        raise ValidationError("Der Zieltermin liegt vor dem Beginn.")
    delay_reason = data.delay_reason.strip()
    if data.traffic_light is not TrafficLight.ON_TRACK and not delay_reason:
        raise ValidationError(
            f"Die Ampel steht auf „{data.traffic_light}“: bitte den Grund angeben."
        )
    organisations = [p.organisation_id for p in data.partners]
    if len(set(organisations)) != len(organisations):
        raise ValidationError("Eine Organisation ist doppelt als Partner eingetragen.")
    if data.lead_organisation_id is not None and data.lead_organisation_id in organisations:
        raise ValidationError("Der Projektträger steht nicht zugleich unter den Partnern.")
    for partner in data.partners:
        if len(partner.role.strip()) > ROLE_MAX:
            raise ValidationError(f"Eine Partnerrolle ist zu lang (höchstens {ROLE_MAX} Zeichen).")
    if data.parent_id is not None:
        _check_parent(session, data.parent_id, measure_id)
    return replace(
        data, title=title, description=data.description.strip(), delay_reason=delay_reason
    )


def _check_parent(session: Session, parent_id: int, measure_id: int | None) -> None:
    ancestor: int | None = parent_id
    seen: set[int] = set()
    while ancestor is not None and ancestor not in seen:
        if ancestor == measure_id:
            raise ValidationError("Eine Maßnahme kann nicht Teil von sich selbst sein.")
        seen.add(ancestor)
        row = session.get(Measure, ancestor)
        if row is None:
            raise NotFoundError(f"Die übergeordnete Maßnahme {ancestor} gibt es nicht (mehr).")
        ancestor = row.parent_id


def _apply(session: Session, measure: Measure, data: MeasureInput) -> None:
    measure.title = data.title
    measure.description = data.description
    measure.kind_id = data.kind_id
    measure.status_id = data.status_id
    measure.strategy_id = data.strategy_id
    measure.spatial_level_id = data.spatial_level_id
    measure.project_type_id = data.project_type_id
    measure.target_groups = _rows(session, TargetGroup, data.target_group_ids)
    measure.action_fields = _rows(session, ActionField, data.action_field_ids)
    measure.pending_topics = _rows(session, PendingTopic, data.pending_topic_ids)
    measure.lead_organisation_id = data.lead_organisation_id
    measure.responsible_person_id = data.responsible_person_id
    measure.priority = data.priority
    measure.progress = data.progress
    measure.start_date = data.start_date
    measure.target_date = data.target_date
    measure.traffic_light = data.traffic_light
    measure.delay_reason = data.delay_reason
    measure.parent_id = data.parent_id
    measure.tool_card_id = data.tool_card_id
    measure.origin_meeting_id = data.origin_meeting_id
    wanted_meetings = set(data.meeting_ids)
    measure.meetings = [m for m in measure.meetings if m.id in wanted_meetings] + [
        _row(session, Meeting, meeting_id, "Treffen")
        for meeting_id in sorted(wanted_meetings - {m.id for m in measure.meetings})
    ]
    _apply_partners(session, measure, data.partners)


def _apply_partners(session: Session, measure: Measure, partners: Sequence[PartnerInput]) -> None:
    current = {p.organisation_id: p for p in measure.partners}
    wanted = {p.organisation_id: p for p in partners}
    for organisation_id, partner in current.items():
        if organisation_id not in wanted:
            measure.partners.remove(partner)
    for organisation_id, partner_input in wanted.items():
        role = partner_input.role.strip() or "Projektpartner"
        if organisation_id in current:
            current[organisation_id].role = role
        else:
            _row(session, Organisation, organisation_id, "Organisation")
            measure.partners.append(MeasurePartner(organisation_id=organisation_id, role=role))


def _rows(session: Session, model: type[Tax], ids: Iterable[int]) -> list[Tax]:
    return [_row(session, model, id_, "Wert") for id_ in sorted(set(ids))]


def _row(session: Session, model: type[Row], id_: int, label: str) -> Row:
    row = session.get(model, id_)
    if row is None:
        raise NotFoundError(f"{label} {id_} gibt es nicht (mehr).")
    return row


# --- history ------------------------------------------------------------------------------


def _tracked(session: Session, measure: Measure) -> dict[str, str]:
    """The current values of the fields the timeline follows, as shown to the user."""
    return {
        "status": measure.status.name if measure.status else "",
        "progress": f"{measure.progress} %",
        "responsible": measure.responsible.full_name if measure.responsible else "",
        "lead": measure.lead.name if measure.lead else "",
        "traffic_light": str(measure.traffic_light),
        "parent": measure.parent.title if measure.parent else "",
    }


def _log_changes(
    session: Session,
    measure: Measure,
    before: dict[str, str],
    author: str,
    meeting_id: int | None,
) -> list[str]:
    session.expire(measure, ["status", "responsible", "lead", "parent"])
    after = _tracked(session, measure)
    changed = []
    for key, old in before.items():
        new = after[key]
        if new != old:
            note = measure.delay_reason if key == "traffic_light" else ""
            _log(measure, key, old, new, author, meeting_id, note)
            changed.append(HISTORY_LABELS[key])
    return changed


def _log(
    measure: Measure,
    key: str,
    old: str,
    new: str,
    author: str,
    meeting_id: int | None,
    note: str = "",
) -> None:
    measure.history.append(
        MeasureHistory(
            field=key,
            old_value=old,
            new_value=new,
            author=author.strip()[:120],
            meeting_id=meeting_id,
            note=note,
        )
    )


# --- roll-up ---------------------------------------------------------------------------------


def roll_up(
    session: Session, measure_id: int | None, *, author: str = "", meeting_id: int | None = None
) -> None:
    """Recompute status and progress of a measure from its sub-measures, up the tree.

    Progress is the mean of the sub-measures that are not dropped. Status: all of them
    done → the first "done" status; all done or paused with at least one paused → the
    first "paused" status; otherwise the most advanced open status among them (by the
    user's order), and at least the last open status once one of them is done — work on
    the measure has visibly begun.
    """
    seen: set[int] = set()
    while measure_id is not None and measure_id not in seen:
        seen.add(measure_id)
        measure = session.get(Measure, measure_id, options=[selectinload(Measure.children)])
        if measure is None:
            return
        new_status, new_progress = _rolled_up(session, measure.children)
        if new_status is not None and (
            new_status.id != measure.status_id or new_progress != measure.progress
        ):
            before = _tracked(session, measure)
            measure.status_id = new_status.id
            measure.progress = new_progress
            session.flush()
            _log_changes(session, measure, before, author or "Teilmaßnahmen", meeting_id)
            session.flush()
        measure_id = measure.parent_id


def _rolled_up(session: Session, children: Sequence[Measure]) -> tuple[MeasureStatus | None, int]:
    statuses = _statuses(session)
    by_id = {s.id: s for s in statuses}
    active = [
        c
        for c in children
        if c.status_id is None or by_id[c.status_id].phase is not StatusPhase.DROPPED
    ]
    if not active:
        return None, 0
    phases = [by_id[c.status_id].phase if c.status_id else StatusPhase.OPEN for c in active]
    progress = round(
        sum(
            100 if p is StatusPhase.DONE else c.progress
            for c, p in zip(active, phases, strict=True)
        )
        / len(active)
    )
    first = {phase: next((s for s in statuses if s.phase is phase), None) for phase in StatusPhase}
    if all(p is StatusPhase.DONE for p in phases):
        return first[StatusPhase.DONE], 100
    if all(p in (StatusPhase.DONE, StatusPhase.PAUSED) for p in phases):
        return first[StatusPhase.PAUSED], progress
    open_statuses = [s for s in statuses if s.phase is StatusPhase.OPEN]
    rank = {s.id: i for i, s in enumerate(open_statuses)}
    open_children = [c for c, p in zip(active, phases, strict=True) if p is StatusPhase.OPEN]
    best = max(
        (by_id[c.status_id] for c in open_children if c.status_id is not None),
        key=lambda s: rank[s.id],
        default=open_statuses[0] if open_statuses else None,
    )
    if StatusPhase.DONE in phases and open_statuses:
        best = open_statuses[-1]
    return best, progress


def _statuses(session: Session) -> list[MeasureStatus]:
    return list(
        session.scalars(select(MeasureStatus).order_by(MeasureStatus.position, MeasureStatus.id))
    )
