"""Measures: reading lists and one measure with its taxonomy, partners and history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from ..domain import Measure, MeasurePartner
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
    field: str
    old_value: str
    new_value: str


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
        ],
    )
    if measure is None:
        raise NotFoundError(f"Maßnahme {measure_id} gibt es nicht.")
    responsible = measure.responsible
    return MeasureDetails(
        summary=_summary(measure),
        description=measure.description,
        spatial_level=_name(measure.spatial_level),
        project_type=_name(measure.project_type),
        responsible=f"{responsible.first_name} {responsible.last_name}".strip()
        if responsible
        else "",
        priority=measure.priority,
        progress=measure.progress,
        start_date=measure.start_date,
        target_date=measure.target_date,
        parent_id=measure.parent_id,
        history=tuple(
            HistoryEntry(h.changed_at, h.author, h.field, h.old_value, h.new_value)
            for h in measure.history
        ),
    )
