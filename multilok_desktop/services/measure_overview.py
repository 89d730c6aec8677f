"""The board (Tafel: one column per status) and the overview (Überblick: counts, overdue,
stalled) of the measures — the same measures the table shows for the same filter.

Both read lean rows in a few grouped queries, not ORM objects, so they stay quick on the
large database (3,000 measures). "Open" is the status phase, not the status name, so a
region may rename its statuses freely.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, literal, select, union_all
from sqlalchemy.orm import Session, aliased

from ..domain import (
    ActionField,
    ActionItem,
    Measure,
    MeasureHistory,
    MeasurePartner,
    MeasureStatus,
    Organisation,
    OrganisationKind,
    Person,
    StatusPhase,
    ToolCard,
    TrafficLight,
)
from ..domain.measures import measure_action_field
from ..domain.text import sort_key
from .clock import OFFICE_TZ
from .measure_list import MeasureFilter, filtered_select, is_open_clause, is_overdue

MUNICIPALITY_KIND = "Kommune"  # the organisation kind counted per municipality
STALLED_DAYS = 180  # an open measure without any history entry this long has stalled
NO_STATUS = "ohne Status"
NO_ACTION_FIELD = "ohne Handlungsfeld"

# Joined under their own names: the filter's subqueries (text search in the card code,
# open statuses) name ToolCard and MeasureStatus and would otherwise correlate to the join.
_card = aliased(ToolCard, name="card")
_lead = aliased(Organisation, name="lead")
_status = aliased(MeasureStatus, name="current_status")


# --- the board ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BoardCard:
    id: int
    title: str
    code: str  # tool card, "" without one
    traffic_light: TrafficLight
    progress: int
    lead: str
    target_date: date | None
    overdue: bool
    priority: int


@dataclass(frozen=True)
class BoardColumn:
    status_id: int | None  # None: measures that have no status yet (no drop target)
    name: str
    phase: StatusPhase
    retired: bool
    cards: tuple[BoardCard, ...]
    total: int  # all matching cards; `cards` may hold fewer when a limit was given


@dataclass(frozen=True)
class _Status:
    id: int
    name: str
    phase: StatusPhase
    retired: bool


def _statuses(session: Session) -> list[_Status]:
    rows = session.execute(
        select(
            MeasureStatus.id, MeasureStatus.name, MeasureStatus.phase, MeasureStatus.retired
        ).order_by(MeasureStatus.position, MeasureStatus.id)
    )
    return [_Status(*row) for row in rows]


def board_columns(
    session: Session,
    query: MeasureFilter,
    *,
    today: date | None = None,
    limit_per_column: int | None = None,
) -> list[BoardColumn]:
    """One column per status in the user's order, each with the matching measures.

    Every active status gets a column (so a card can be moved there); a retired status
    only while measures matching the filter still hold it. Cards run by priority, then
    target date (none last), then title. Overdue is judged against `today` (default:
    the filter's date, else today).
    """
    today = today or query.today or date.today()
    statuses = _statuses(session)
    phase_of = {s.id: s.phase for s in statuses}
    statement = (
        filtered_select(
            session,
            query,
            Measure.id,
            Measure.title,
            _card.code,
            Measure.traffic_light,
            Measure.progress,
            _lead.name,
            Measure.target_date,
            Measure.priority,
            Measure.status_id,
        )
        .outerjoin(_card, Measure.tool_card_id == _card.id)
        .outerjoin(_lead, Measure.lead_organisation_id == _lead.id)
    )
    by_status: dict[int | None, list[BoardCard]] = {}
    for id_, title, code, light, progress, lead, target, priority, status_id in session.execute(
        statement
    ):
        phase = phase_of.get(status_id, StatusPhase.OPEN)
        by_status.setdefault(status_id, []).append(
            BoardCard(
                id=id_,
                title=title,
                code=code or "",
                traffic_light=light,
                progress=progress,
                lead=lead or "",
                target_date=target,
                overdue=is_overdue(phase, target, today),
                priority=priority,
            )
        )
    for cards in by_status.values():
        cards.sort(key=_card_order)

    def column(status_id: int | None, name: str, phase: StatusPhase, retired: bool) -> BoardColumn:
        cards = by_status.get(status_id, [])
        shown = cards if limit_per_column is None else cards[:limit_per_column]
        return BoardColumn(status_id, name, phase, retired, tuple(shown), len(cards))

    columns = []
    if by_status.get(None):
        columns.append(column(None, NO_STATUS, StatusPhase.OPEN, False))
    for status in statuses:
        if status.retired and not by_status.get(status.id):
            continue
        columns.append(column(status.id, status.name, status.phase, status.retired))
    return columns


def _card_order(card: BoardCard) -> tuple[Any, ...]:
    return (card.priority, card.target_date is None, card.target_date, sort_key(card.title))


# --- the overview ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Count:
    id: int | None  # the value's id (None: "ohne …")
    name: str
    count: int


@dataclass(frozen=True)
class MunicipalityCount:
    id: int
    name: str
    total: int  # measures it takes part in, as Projektträger or partner
    as_lead: int
    open: int


@dataclass(frozen=True)
class OverdueMeasure:
    id: int
    title: str
    code: str
    status: str
    lead: str
    target_date: date
    days_overdue: int
    traffic_light: TrafficLight


@dataclass(frozen=True)
class OverdueAction:
    id: int
    text: str
    owner: str
    due_date: date
    days_overdue: int
    measure_id: int
    measure_title: str


@dataclass(frozen=True)
class StalledMeasure:
    id: int
    title: str
    status: str
    last_change: date  # in Berlin
    days: int


@dataclass(frozen=True)
class Overview:
    total: int
    open: int
    done: int
    by_status: tuple[Count, ...]
    by_action_field: tuple[Count, ...]  # a measure with two fields counts in both
    by_municipality: tuple[MunicipalityCount, ...]
    by_traffic_light: tuple[Count, ...]  # open measures only: the Ampel is about the work ahead
    overdue_measures: tuple[OverdueMeasure, ...]  # oldest target date first
    overdue_measure_count: int  # all of them; the tuple may be cut at the list limit
    overdue_actions: tuple[OverdueAction, ...]  # open action items on measures, oldest first
    overdue_action_count: int
    stalled: tuple[StalledMeasure, ...]  # open, no history entry for STALLED_DAYS days
    stalled_count: int


def overview(
    session: Session,
    today: date,
    query: MeasureFilter = MeasureFilter(),  # noqa: B008 (frozen dataclass)
    *,
    list_limit: int = 200,
) -> Overview:
    """Counts of the measures matching the filter, and what needs attention first."""
    matching = select(filtered_select(session, query, Measure.id).subquery().c.id)
    in_filter = Measure.id.in_(matching)
    statuses = _statuses(session)

    per_status: dict[int | None, int] = dict(
        session.execute(
            select(Measure.status_id, func.count()).where(in_filter).group_by(Measure.status_id)
        ).all()
    )
    by_status = _counts(
        ((s.id, s.name, s.retired) for s in statuses), per_status, NO_STATUS, per_status
    )
    phase_of = {s.id: s.phase for s in statuses}
    total = sum(per_status.values())
    open_count = sum(
        n
        for sid, n in per_status.items()
        if sid is None or phase_of.get(sid, StatusPhase.OPEN) is StatusPhase.OPEN
    )
    done = sum(
        n for sid, n in per_status.items() if sid is not None and phase_of[sid] is StatusPhase.DONE
    )

    fields = session.execute(
        select(ActionField.id, ActionField.name, ActionField.retired).order_by(
            ActionField.position, ActionField.name
        )
    ).all()
    per_field: dict[int | None, int] = dict(
        session.execute(
            select(measure_action_field.c.action_field_id, func.count())
            .where(measure_action_field.c.measure_id.in_(matching))
            .group_by(measure_action_field.c.action_field_id)
        ).all()
    )
    without_field = (
        session.scalar(
            select(func.count())
            .select_from(Measure)
            .where(
                in_filter,
                ~select(measure_action_field.c.measure_id)
                .where(measure_action_field.c.measure_id == Measure.id)
                .exists(),
            )
        )
        or 0
    )
    by_action_field = _counts(fields, per_field, NO_ACTION_FIELD, {None: without_field})

    per_light = dict(
        session.execute(
            select(Measure.traffic_light, func.count())
            .where(in_filter, is_open_clause())
            .group_by(Measure.traffic_light)
        ).all()
    )
    by_traffic_light = tuple(
        Count(None, str(light), per_light.get(light, 0)) for light in TrafficLight
    )

    overdue_measures, overdue_measure_count = _overdue_measures(
        session, in_filter, today, list_limit
    )
    overdue_actions, overdue_action_count = _overdue_actions(session, matching, today, list_limit)
    stalled, stalled_count = _stalled(session, in_filter, today, list_limit)
    return Overview(
        total=total,
        open=open_count,
        done=done,
        by_status=by_status,
        by_action_field=by_action_field,
        by_municipality=_municipalities(session, matching, statuses),
        by_traffic_light=by_traffic_light,
        overdue_measures=overdue_measures,
        overdue_measure_count=overdue_measure_count,
        overdue_actions=overdue_actions,
        overdue_action_count=overdue_action_count,
        stalled=stalled,
        stalled_count=stalled_count,
    )


def _counts(
    values: Iterable[Any],
    counts: dict[Any, int],
    none_label: str,
    none_source: dict[Any, int],
) -> tuple[Count, ...]:
    """Active values in the user's order (also at 0), retired ones only while counted,
    and "ohne …" first when some measures have no value."""
    result = []
    if none_source.get(None):
        result.append(Count(None, none_label, none_source[None]))
    for id_, name, retired in values:
        count = counts.get(id_, 0)
        if retired and not count:
            continue
        result.append(Count(id_, name, count))
    return tuple(result)


def _municipalities(
    session: Session, matching: Any, statuses: list[_Status]
) -> tuple[MunicipalityCount, ...]:
    """Each municipality with the measures it leads or partners (one row per pair)."""
    municipal = (
        select(Organisation.id)
        .join(OrganisationKind, Organisation.kind_id == OrganisationKind.id)
        .where(OrganisationKind.name == MUNICIPALITY_KIND)
    )
    involved = union_all(
        select(
            Measure.lead_organisation_id.label("organisation_id"),
            Measure.status_id.label("status_id"),
            literal(1).label("is_lead"),
        ).where(Measure.id.in_(matching), Measure.lead_organisation_id.in_(municipal)),
        select(MeasurePartner.organisation_id, Measure.status_id, literal(0))
        .join(Measure, Measure.id == MeasurePartner.measure_id)
        .where(
            MeasurePartner.measure_id.in_(matching), MeasurePartner.organisation_id.in_(municipal)
        ),
    ).subquery()  # a lead is never also a partner of the same measure (editing refuses it)
    open_ids = {s.id for s in statuses if s.phase is StatusPhase.OPEN}
    totals: dict[int, list[int]] = {}
    for org_id, status_id, is_lead in session.execute(select(involved)):
        counts = totals.setdefault(org_id, [0, 0, 0])
        counts[0] += 1
        counts[1] += is_lead
        counts[2] += status_id is None or status_id in open_ids
    names: dict[int, str] = {
        id_: name
        for id_, name in session.execute(
            select(Organisation.id, Organisation.name).where(Organisation.id.in_(totals))
        )
    }
    result = [MunicipalityCount(o, names[o], *counts) for o, counts in totals.items()]
    result.sort(key=lambda m: (-m.total, sort_key(m.name)))
    return tuple(result)


def _overdue_measures(
    session: Session, in_filter: Any, today: date, limit: int
) -> tuple[tuple[OverdueMeasure, ...], int]:
    condition = (in_filter, is_open_clause(), Measure.target_date < today)
    count = session.scalar(select(func.count()).select_from(Measure).where(*condition)) or 0
    rows = session.execute(
        select(
            Measure.id,
            Measure.title,
            _card.code,
            _status.name,
            _lead.name,
            Measure.target_date,
            Measure.traffic_light,
        )
        .select_from(Measure)
        .outerjoin(_card, Measure.tool_card_id == _card.id)
        .outerjoin(_status, Measure.status_id == _status.id)
        .outerjoin(_lead, Measure.lead_organisation_id == _lead.id)
        .where(*condition)
        .order_by(Measure.target_date, func.lower(Measure.title), Measure.id)
        .limit(limit)
    )
    result = []
    for id_, title, code, status, lead, target, light in rows:
        assert target is not None  # the condition asks for a target date
        result.append(
            OverdueMeasure(
                id=id_,
                title=title,
                code=code or "",
                status=status or "",
                lead=lead or "",
                target_date=target,
                days_overdue=(today - target).days,
                traffic_light=light,
            )
        )
    return tuple(result), count


def _overdue_actions(
    session: Session, matching: Any, today: date, limit: int
) -> tuple[tuple[OverdueAction, ...], int]:
    condition = (
        ActionItem.measure_id.in_(matching),
        ActionItem.done.is_(False),
        ActionItem.due_date < today,
    )
    count = session.scalar(select(func.count()).select_from(ActionItem).where(*condition)) or 0
    rows = session.execute(
        select(
            ActionItem.id,
            ActionItem.text,
            ActionItem.owner_text,
            Person.title,
            Person.first_name,
            Person.last_name,
            ActionItem.due_date,
            Measure.id,
            Measure.title,
        )
        .select_from(ActionItem)
        .join(Measure, Measure.id == ActionItem.measure_id)
        .outerjoin(Person, Person.id == ActionItem.owner_id)
        .where(*condition)
        .order_by(ActionItem.due_date, ActionItem.id)
        .limit(limit)
    )
    result = []
    for id_, text, owner_text, *name, due, measure_id, measure_title in rows:
        assert due is not None  # the condition asks for a due date
        owner = owner_text or " ".join(p for p in name if p)
        result.append(
            OverdueAction(id_, text, owner, due, (today - due).days, measure_id, measure_title)
        )
    return tuple(result), count


def _stalled(
    session: Session, in_filter: Any, today: date, limit: int
) -> tuple[tuple[StalledMeasure, ...], int]:
    latest = (
        select(
            MeasureHistory.measure_id.label("measure_id"),
            func.max(MeasureHistory.changed_at).label("changed_at"),
        )
        .group_by(MeasureHistory.measure_id)
        .subquery()
    )
    last_change = func.coalesce(latest.c.changed_at, Measure.created_at)
    cutoff = datetime.combine(today - timedelta(days=STALLED_DAYS), time(), OFFICE_TZ)
    rows = session.execute(
        select(Measure.id, Measure.title, _status.name, last_change)
        .select_from(Measure)
        .outerjoin(latest, latest.c.measure_id == Measure.id)
        .outerjoin(_status, Measure.status_id == _status.id)
        .where(in_filter, is_open_clause(), last_change < cutoff.astimezone(UTC))
        .order_by(last_change, Measure.id)
    ).all()
    result = []
    for id_, title, status, changed in rows[:limit]:
        changed_on = _berlin_date(changed)
        result.append(
            StalledMeasure(id_, title, status or "", changed_on, (today - changed_on).days)
        )
    return tuple(result), len(rows)


def _berlin_date(moment: datetime | str) -> date:
    if isinstance(moment, str):  # SQLite hands back text when a type is lost in coalesce
        moment = datetime.fromisoformat(moment)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(OFFICE_TZ).date()
