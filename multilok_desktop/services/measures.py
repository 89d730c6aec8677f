"""Measures: reading lists and one measure with its taxonomy, partners and history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from ..domain import ActionItem, Measure, MeasurePartner, Meeting
from ..domain.enums import HISTORY_LABELS
from .errors import NotFoundError
from .search import like_pattern


@dataclass(frozen=True)
class MeasureSummary:
    id: int
    title: str
    kind: str
    status: str
    strategy: str
    target_groups: tuple[str, ...]
    action_fields: tuple[str, ...]
    lead: str
    partners: tuple[str, ...]


@dataclass(frozen=True)
class HistoryEntry:
    changed_at: datetime
    author: str
    field: str  # key, see domain.enums.HISTORY_LABELS
    label: str  # German: "Status", "Fortschritt" …
    old_value: str
    new_value: str
    note: str
    meeting_id: int | None
    meeting_title: str


@dataclass(frozen=True)
class PartnerEntry:
    organisation_id: int
    name: str
    role: str


@dataclass(frozen=True)
class MeetingLink:
    id: int
    title: str
    start: datetime


@dataclass(frozen=True)
class SubMeasure:
    id: int
    title: str
    status: str
    progress: int


@dataclass(frozen=True)
class MeasureAction:
    id: int
    text: str
    owner: str
    due_date: date | None
    done: bool
    meeting_id: int | None
    meeting_title: str


@dataclass(frozen=True)
class MeasureDetails:
    summary: MeasureSummary
    description: str
    spatial_level: str
    project_type: str
    responsible: str
    priority: int
    progress: int
    start_date: date | None
    target_date: date | None
    parent_id: int | None
    history: tuple[HistoryEntry, ...]
    pending_topics: tuple[str, ...] = ()
    traffic_light: str = ""
    delay_reason: str = ""
    tool_card: str = ""  # "W 005 Wohnraum auf Zeit …"
    parent_title: str = ""
    partner_roles: tuple[PartnerEntry, ...] = ()
    origin_meeting: MeetingLink | None = None
    meetings: tuple[MeetingLink, ...] = ()
    children: tuple[SubMeasure, ...] = ()
    action_items: tuple[MeasureAction, ...] = ()


_LOAD = (
    selectinload(Measure.kind),
    selectinload(Measure.status),
    selectinload(Measure.strategy),
    selectinload(Measure.target_groups),
    selectinload(Measure.action_fields),
    selectinload(Measure.lead),
    selectinload(Measure.partners).selectinload(MeasurePartner.organisation),
)


def _name(value: object | None) -> str:
    return getattr(value, "name", "") if value is not None else ""


def _summary(measure: Measure) -> MeasureSummary:
    return MeasureSummary(
        id=measure.id,
        title=measure.title,
        kind=_name(measure.kind),
        status=_name(measure.status),
        strategy=_name(measure.strategy),
        target_groups=tuple(sorted(t.name for t in measure.target_groups)),
        action_fields=tuple(sorted(a.name for a in measure.action_fields)),
        lead=_name(measure.lead),
        partners=tuple(sorted(p.organisation.name for p in measure.partners)),
    )


def list_measures(session: Session, search: str = "") -> list[MeasureSummary]:
    query = select(Measure).options(*_LOAD).order_by(Measure.title, Measure.id)
    if search.strip():
        pattern = like_pattern(search)
        query = query.where(
            or_(
                Measure.title.ilike(pattern, escape="\\"),
                Measure.description.ilike(pattern, escape="\\"),
            )
        )
    return [_summary(m) for m in session.scalars(query)]


def measure_details(session: Session, measure_id: int) -> MeasureDetails:
    measure = session.get(
        Measure,
        measure_id,
        options=[
            *_LOAD,
            selectinload(Measure.history),
            selectinload(Measure.spatial_level),
            selectinload(Measure.project_type),
            selectinload(Measure.responsible),
            selectinload(Measure.pending_topics),
            selectinload(Measure.tool_card),
            selectinload(Measure.parent),
            selectinload(Measure.children).selectinload(Measure.status),
            selectinload(Measure.meetings),
            selectinload(Measure.origin_meeting),
        ],
    )
    if measure is None:
        raise NotFoundError(f"Maßnahme {measure_id} gibt es nicht.")
    responsible = measure.responsible
    meeting_titles = dict(
        session.execute(
            select(Meeting.id, Meeting.title).where(
                Meeting.id.in_({h.meeting_id for h in measure.history if h.meeting_id})
            )
        ).all()
    )
    card = measure.tool_card
    return MeasureDetails(
        summary=_summary(measure),
        description=measure.description,
        spatial_level=_name(measure.spatial_level),
        project_type=_name(measure.project_type),
        responsible=responsible.full_name if responsible else "",
        priority=measure.priority,
        progress=measure.progress,
        start_date=measure.start_date,
        target_date=measure.target_date,
        parent_id=measure.parent_id,
        history=tuple(
            HistoryEntry(
                changed_at=h.changed_at,
                author=h.author,
                field=h.field,
                label=HISTORY_LABELS.get(h.field, h.field),
                old_value=h.old_value,
                new_value=h.new_value,
                note=h.note,
                meeting_id=h.meeting_id,
                meeting_title=meeting_titles.get(h.meeting_id, "") if h.meeting_id else "",
            )
            for h in measure.history
        ),
        pending_topics=tuple(sorted(t.name for t in measure.pending_topics)),
        traffic_light=str(measure.traffic_light),
        delay_reason=measure.delay_reason,
        tool_card=f"{card.code} {card.title}" if card else "",
        parent_title=measure.parent.title if measure.parent else "",
        partner_roles=tuple(
            sorted(
                (
                    PartnerEntry(p.organisation_id, p.organisation.name, p.role)
                    for p in measure.partners
                ),
                key=lambda p: p.name.casefold(),
            )
        ),
        origin_meeting=_meeting_link(measure.origin_meeting),
        meetings=tuple(
            sorted(
                (MeetingLink(m.id, m.title, m.start) for m in measure.meetings),
                key=lambda m: m.start,
            )
        ),
        children=tuple(
            SubMeasure(c.id, c.title, _name(c.status), c.progress)
            for c in sorted(measure.children, key=lambda c: (c.title.casefold(), c.id))
        ),
        action_items=tuple(_action_items(session, measure.id)),
    )


def _meeting_link(meeting: Meeting | None) -> MeetingLink | None:
    return MeetingLink(meeting.id, meeting.title, meeting.start) if meeting else None


def _action_items(session: Session, measure_id: int) -> list[MeasureAction]:
    """The measure's next steps: its own and those decided for it in meetings."""
    rows = session.execute(
        select(ActionItem, Meeting.title)
        .outerjoin(Meeting, ActionItem.meeting_id == Meeting.id)
        .where(ActionItem.measure_id == measure_id)
        .options(selectinload(ActionItem.owner))
        .order_by(
            ActionItem.done, ActionItem.due_date.is_(None), ActionItem.due_date, ActionItem.id
        )
    )
    return [
        MeasureAction(
            id=action.id,
            text=action.text,
            owner=action.owner_text or (action.owner.full_name if action.owner else ""),
            due_date=action.due_date,
            done=action.done,
            meeting_id=action.meeting_id,
            meeting_title=title or "",
        )
        for action, title in rows
    ]
