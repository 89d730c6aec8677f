"""Data for the measures' exports and reports (no Qt, no ReportLab):

- `export_rows`: one row per measure with every taxonomy column (CSV, .xlsx);
- `overview_data`: the "Maßnahmenübersicht" for the Landrat, grouped by strategy or field
  of action, with counts per status;
- `follow_up_data`: the "Umsetzungsstand" for a meeting — each open measure with its
  traffic light, the reason for a delay, what changed since the previous meeting and its
  open next steps, ordered blocked → delayed → on track.

An open measure past its target date counts as delayed ("Zieltermin überschritten") where
the office left it "im Plan": the report must not show green for a date already missed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..domain import (
    ActionField,
    ActionItem,
    Measure,
    MeasureHistory,
    MeasurePartner,
    MeasureStatus,
    Meeting,
    MeetingStatus,
    StatusPhase,
    Strategy,
    TargetGroup,
    TrafficLight,
)
from ..domain.enums import HISTORY_LABELS
from ..domain.taxonomy import TaxonomyMixin
from ..domain.text import fold, sort_key
from .clock import OFFICE_TZ, local
from .errors import NotFoundError, ValidationError
from .measure_editing import PRIORITIES
from .measure_list import MeasureFilter, MeasureRow, is_overdue, measures_page
from .settings import OfficeSettings, load_settings

OVERDUE_REASON = "Zieltermin überschritten"
NO_STRATEGY = "Ohne Strategie"
NO_ACTION_FIELD = "Ohne Handlungsfeld"
# Meetings that took place: their date starts the period "since the last meeting".
HELD_STATUSES = (MeetingStatus.HELD, MeetingStatus.MINUTED, MeetingStatus.CLOSED)
# The follow-up shows the urgent ones first.
LIGHT_ORDER = {TrafficLight.BLOCKED: 0, TrafficLight.DELAYED: 1, TrafficLight.ON_TRACK: 2}
_CHUNK = 500  # ids per IN (…) when loading details of many measures
G = TypeVar("G")


class GroupBy(StrEnum):
    STRATEGY = "strategy"
    ACTION_FIELD = "action_field"


GROUP_LABELS = {GroupBy.STRATEGY: "Strategie", GroupBy.ACTION_FIELD: "Handlungsfeld"}


def today() -> date:
    return datetime.now(OFFICE_TZ).date()


def effective_light(
    light: TrafficLight, reason: str, phase: StatusPhase, target: date | None, on: date
) -> tuple[TrafficLight, str, bool]:
    """(traffic light, reason, derived): an open measure "im Plan" whose target date lies
    before `on` counts as delayed, with the reason "Zieltermin überschritten"."""
    if light is TrafficLight.ON_TRACK and is_overdue(phase, target, on):
        assert target is not None
        return TrafficLight.DELAYED, f"{OVERDUE_REASON} ({target:%d.%m.%Y})", True
    return light, reason, False


# --- choosing measures by name (command line) ------------------------------------------------


def filter_from_names(
    session: Session,
    *,
    search: str = "",
    statuses: Sequence[str] = (),
    action_fields: Sequence[str] = (),
    target_groups: Sequence[str] = (),
    strategies: Sequence[str] = (),
) -> MeasureFilter:
    """A filter from value names as a user types them (case and accents do not matter);
    an unknown name raises ValidationError listing the possible ones."""
    return MeasureFilter(
        text=search.strip(),
        status_ids=_ids_by_name(session, MeasureStatus, statuses, "Status"),
        action_field_ids=_ids_by_name(session, ActionField, action_fields, "Handlungsfeld"),
        target_group_ids=_ids_by_name(session, TargetGroup, target_groups, "Zielgruppe"),
        strategy_ids=_ids_by_name(session, Strategy, strategies, "Strategie"),
        today=today(),
    )


def _ids_by_name(
    session: Session, model: type[TaxonomyMixin], names: Sequence[str], label: str
) -> frozenset[int]:
    if not names:
        return frozenset()
    known = list(session.execute(select(model.name, model.id).order_by(model.position)))
    by_fold = {fold(name): id_ for name, id_ in known}
    ids = set()
    for name in names:
        id_ = by_fold.get(fold(name.strip()))
        if id_ is None:
            possible = ", ".join(name for name, _ in known)
            raise ValidationError(f"{label} „{name}“ gibt es nicht – möglich sind: {possible}.")
        ids.add(id_)
    return frozenset(ids)


def describe_filter(session: Session, query: MeasureFilter) -> str:
    """The selection in words for a report's heading ("Handlungsfeld: Wohnen · …"), or ""."""
    parts: list[str] = []
    if query.text.strip():
        parts.append(f"Suche „{query.text.strip()}“")
    for model, ids, label in (
        (MeasureStatus, query.status_ids, "Status"),
        (Strategy, query.strategy_ids, "Strategie"),
        (ActionField, query.action_field_ids, "Handlungsfeld"),
        (TargetGroup, query.target_group_ids, "Zielgruppe"),
    ):
        if ids:
            names = session.scalars(
                select(model.name).where(model.id.in_(sorted(ids))).order_by(model.position)
            )
            parts.append(f"{label}: {' oder '.join(names)}")
    other = query.kind_ids or query.spatial_level_ids or query.project_type_ids
    if other or query.pending_topic_ids or query.organisation_id or query.traffic_lights:
        parts.append("weitere Filter")
    if query.open_only:
        parts.append("nur offene")
    if query.overdue_only:
        parts.append("nur überfällige")
    if query.top_level_only:
        parts.append("ohne Teilmaßnahmen")
    return " · ".join(parts)


# --- one row per measure (CSV, .xlsx) --------------------------------------------------------


@dataclass(frozen=True)
class ExportRow:
    id: int
    code: str
    title: str
    kind: str
    status: str
    traffic_light: str  # "" for measures no longer open
    delay_reason: str
    strategy: str
    target_groups: tuple[str, ...]
    action_fields: tuple[str, ...]
    spatial_level: str
    project_type: str
    pending_topics: tuple[str, ...]
    lead: str
    partners: tuple[str, ...]  # "WBG Glück Auf (Wohnungsgeber)"
    responsible: str
    priority: str
    progress: int
    start_date: date | None
    target_date: date | None
    parent: str
    origin_meeting: str  # "6. Vernetzungstreffen (10.03.2026)"
    updated_at: datetime  # Berlin time


# Header, attribute and kind of value of each column, in order. Kinds: int, text, list
# (joined with ", "), date, datetime, percent.
EXPORT_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("ID", "id", "int"),
    ("Code", "code", "text"),
    ("Titel", "title", "text"),
    ("Art", "kind", "text"),
    ("Status", "status", "text"),
    ("Ampel", "traffic_light", "text"),
    ("Grund", "delay_reason", "text"),
    ("Strategie", "strategy", "text"),
    ("Zielgruppen", "target_groups", "list"),
    ("Handlungsfelder", "action_fields", "list"),
    ("Räumliche Ebene", "spatial_level", "text"),
    ("Projektart", "project_type", "text"),
    ("Sowieso anstehende Themen", "pending_topics", "list"),
    ("Projektträger", "lead", "text"),
    ("Partner", "partners", "list"),
    ("Verantwortlich", "responsible", "text"),
    ("Priorität", "priority", "text"),
    ("Fortschritt (%)", "progress", "percent"),
    ("Beginn", "start_date", "date"),
    ("Zieltermin", "target_date", "date"),
    ("Übergeordnete Maßnahme", "parent", "text"),
    ("Entstanden in", "origin_meeting", "text"),
    ("Zuletzt geändert", "updated_at", "datetime"),
)


def export_rows(
    session: Session, query: MeasureFilter, *, on: date | None = None
) -> list[ExportRow]:
    """Every measure of the filter, in the filter's order (all of them, not one page)."""
    on = on or query.today or today()
    rows = measures_page(session, replace(query, today=on), 0, None)
    details = _load_details(session, [r.id for r in rows])
    origin_ids = {m.origin_meeting_id for m in details.values() if m.origin_meeting_id}
    meetings = _meeting_labels(session, origin_ids)
    parent_ids = {r.parent_id for r in rows if r.parent_id}
    parents = dict(
        _chunked(
            parent_ids,
            lambda ids: session.execute(
                select(Measure.id, Measure.title).where(Measure.id.in_(ids))
            ),
        )
    )
    result = []
    for row in rows:
        measure = details[row.id]
        light, reason, _ = effective_light(
            row.traffic_light, row.delay_reason, row.phase, row.target_date, on
        )
        is_open = row.phase is StatusPhase.OPEN
        result.append(
            ExportRow(
                id=row.id,
                code=row.code,
                title=row.title,
                kind=row.kind,
                status=row.status,
                traffic_light=str(light) if is_open else "",
                delay_reason=reason if is_open else "",
                strategy=row.strategy,
                target_groups=row.target_groups,
                action_fields=row.action_fields,
                spatial_level=_name(measure.spatial_level),
                project_type=_name(measure.project_type),
                pending_topics=tuple(
                    sorted((t.name for t in measure.pending_topics), key=sort_key)
                ),
                lead=row.lead,
                partners=tuple(
                    _partner_text(p)
                    for p in sorted(measure.partners, key=lambda p: sort_key(p.organisation.name))
                ),
                responsible=row.responsible,
                priority=PRIORITIES.get(row.priority, str(row.priority)),
                progress=row.progress,
                start_date=row.start_date,
                target_date=row.target_date,
                parent=parents.get(row.parent_id, "") if row.parent_id else "",
                origin_meeting=meetings.get(measure.origin_meeting_id or 0, ""),
                updated_at=local(measure.updated_at),
            )
        )
    return result


def _partner_text(partner: MeasurePartner) -> str:
    name = partner.organisation.name
    return f"{name} ({partner.role})" if partner.role else name


def _name(value: Any) -> str:
    return value.name if value is not None else ""


def _chunked(ids: Iterable[int], load: Any) -> list[Any]:
    ordered = sorted(ids)
    result: list[Any] = []
    for start in range(0, len(ordered), _CHUNK):
        result.extend(load(ordered[start : start + _CHUNK]))
    return result


def _load_details(session: Session, ids: list[int]) -> dict[int, Measure]:
    def load(chunk: list[int]) -> Any:
        return session.scalars(
            select(Measure)
            .where(Measure.id.in_(chunk))
            .options(
                selectinload(Measure.spatial_level),
                selectinload(Measure.project_type),
                selectinload(Measure.pending_topics),
                selectinload(Measure.partners).selectinload(MeasurePartner.organisation),
            )
        )

    return {m.id: m for m in _chunked(ids, load)}


def _meeting_labels(session: Session, ids: Iterable[int]) -> dict[int, str]:
    rows = _chunked(
        ids,
        lambda chunk: session.execute(
            select(Meeting.id, Meeting.title, Meeting.start).where(Meeting.id.in_(chunk))
        ),
    )
    return {id_: f"{title} ({local(start):%d.%m.%Y})" for id_, title, start in rows}


# --- the overview PDF ("Maßnahmenübersicht") -------------------------------------------------


@dataclass(frozen=True)
class OverviewRow:
    id: int
    title: str
    lead: str
    status: str
    open: bool
    traffic_light: TrafficLight | None  # None for measures no longer open
    progress: int
    target_date: date | None
    overdue: bool


@dataclass(frozen=True)
class OverviewGroup:
    title: str
    rows: tuple[OverviewRow, ...]


@dataclass(frozen=True)
class MeasuresOverview:
    settings: OfficeSettings
    issued_on: date
    group_by: GroupBy
    selection: str  # the filter in words, "" for all measures
    total: int
    status_counts: tuple[tuple[str, int], ...]  # in the user's order of statuses
    light_counts: tuple[tuple[TrafficLight, int], ...]  # open measures only
    groups: tuple[OverviewGroup, ...]


def overview_data(
    session: Session,
    query: MeasureFilter,
    group_by: GroupBy | str = GroupBy.STRATEGY,
    *,
    on: date | None = None,
) -> MeasuresOverview:
    """The filter's measures in groups; grouped by field of action, a measure with several
    fields appears under each of them (the counts count it once)."""
    group_by = _group_by(group_by)
    on = on or query.today or today()
    rows = measures_page(session, replace(query, today=on), 0, None)
    statuses = list(session.execute(select(MeasureStatus.name).order_by(MeasureStatus.position)))
    status_counts = {name: 0 for (name,) in statuses}
    light_counts = dict.fromkeys(LIGHT_ORDER, 0)
    overview_rows: list[tuple[MeasureRow, OverviewRow]] = []
    for row in rows:
        if row.status:
            status_counts[row.status] = status_counts.get(row.status, 0) + 1
        is_open = row.phase is StatusPhase.OPEN
        light = None
        if is_open:
            light = effective_light(
                row.traffic_light, row.delay_reason, row.phase, row.target_date, on
            )[0]
            light_counts[light] += 1
        overview_rows.append(
            (
                row,
                OverviewRow(
                    id=row.id,
                    title=row.title,
                    lead=row.lead,
                    status=row.status,
                    open=is_open,
                    traffic_light=light,
                    progress=row.progress,
                    target_date=row.target_date,
                    overdue=row.overdue,
                ),
            )
        )
    groups = _groups(session, group_by, overview_rows, OverviewGroup)
    return MeasuresOverview(
        settings=load_settings(session),
        issued_on=on,
        group_by=group_by,
        selection=describe_filter(session, query),
        total=len(rows),
        status_counts=tuple((name, n) for name, n in status_counts.items() if n),
        light_counts=tuple((light, n) for light, n in light_counts.items() if n),
        groups=groups,
    )


def _group_by(value: GroupBy | str) -> GroupBy:
    try:
        return GroupBy(value)
    except ValueError:
        raise ValidationError(
            f"Gruppieren nach „{value}“ geht nicht – möglich sind: strategy, action_field."
        ) from None


def _group_names(row: MeasureRow, group_by: GroupBy) -> tuple[str, ...]:
    if group_by is GroupBy.STRATEGY:
        return (row.strategy or NO_STRATEGY,)
    return row.action_fields or (NO_ACTION_FIELD,)


def _group_order(session: Session, group_by: GroupBy) -> dict[str, int]:
    model: type[TaxonomyMixin] = Strategy if group_by is GroupBy.STRATEGY else ActionField
    names = session.scalars(select(model.name).order_by(model.position, model.id))
    return {name: i for i, name in enumerate(names)}


def _groups(
    session: Session,
    group_by: GroupBy,
    rows: Sequence[tuple[MeasureRow, Any]],
    make: Callable[[str, tuple[Any, ...]], G],
) -> tuple[G, ...]:
    """Rows (in their given order) under the group names, groups in the user's order of
    the value list, the "Ohne …" group last."""
    grouped: dict[str, list[Any]] = {}
    for row, item in rows:
        for name in _group_names(row, group_by):
            grouped.setdefault(name, []).append(item)
    order = _group_order(session, group_by)
    names = sorted(
        grouped,
        key=lambda n: (n in (NO_STRATEGY, NO_ACTION_FIELD), order.get(n, len(order)), sort_key(n)),
    )
    return tuple(make(name, tuple(grouped[name])) for name in names)


# --- the follow-up report ("Umsetzungsstand") ------------------------------------------------


@dataclass(frozen=True)
class FollowUpChange:
    changed_at: datetime  # Berlin time
    label: str  # "Status", "Fortschritt" …
    old_value: str
    new_value: str
    note: str
    author: str
    meeting_title: str  # where the change was decided, or ""


@dataclass(frozen=True)
class FollowUpAction:
    text: str
    owner: str
    due_date: date | None
    overdue: bool


@dataclass(frozen=True)
class FollowUpEntry:
    id: int
    title: str
    lead: str
    status: str
    traffic_light: TrafficLight
    light_derived: bool  # delayed because the target date has passed
    delay_reason: str
    progress: int
    target_date: date | None
    changes: tuple[FollowUpChange, ...]
    actions: tuple[FollowUpAction, ...]


@dataclass(frozen=True)
class FollowUpGroup:
    title: str
    rows: tuple[FollowUpEntry, ...]


@dataclass(frozen=True)
class FollowUpReport:
    settings: OfficeSettings
    meeting_id: int
    meeting_title: str
    meeting_start: datetime  # Berlin time
    previous_title: str  # "" when there was no meeting before
    previous_start: datetime | None
    selection: str
    group_by: GroupBy | None
    light_counts: tuple[tuple[TrafficLight, int], ...]
    groups: tuple[FollowUpGroup, ...]  # one group with title "" when not grouped

    @property
    def entries(self) -> tuple[FollowUpEntry, ...]:
        return tuple(entry for group in self.groups for entry in group.rows)


def previous_meeting(session: Session, meeting: Meeting) -> Meeting | None:
    """The last meeting held before this one: of the same series if there is one, else
    any."""
    query = (
        select(Meeting)
        .where(Meeting.start < meeting.start, Meeting.status.in_(HELD_STATUSES))
        .order_by(Meeting.start.desc(), Meeting.id.desc())
        .limit(1)
    )
    if meeting.series_id is not None:
        same = session.scalar(query.where(Meeting.series_id == meeting.series_id))
        if same is not None:
            return same
    return session.scalar(query)


def follow_up_data(
    session: Session,
    meeting_id: int,
    query: MeasureFilter | None = None,
    group_by: GroupBy | str | None = None,
    *,
    on: date | None = None,
) -> FollowUpReport:
    """Each open measure of the filter for the meeting: its traffic light, the history
    from the start of the previous meeting held up to this meeting's start (decisions
    taken in the previous meeting included), its open next steps."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"Treffen {meeting_id} gibt es nicht.")
    grouping = _group_by(group_by) if group_by else None
    # As of the meeting's day, or of today for a report printed before the meeting.
    on = min(on or today(), local(meeting.start).date())
    query = replace(query or MeasureFilter(), open_only=True, today=on)
    previous = previous_meeting(session, meeting)
    since = previous.start if previous is not None else None
    rows = measures_page(session, query, 0, None)
    ids = [r.id for r in rows]
    changes = _changes(session, ids, since, meeting.start)
    actions = _open_actions(session, ids, on)
    entries: list[tuple[MeasureRow, FollowUpEntry]] = []
    for row in rows:
        light, reason, derived = effective_light(
            row.traffic_light, row.delay_reason, row.phase, row.target_date, on
        )
        entries.append(
            (
                row,
                FollowUpEntry(
                    id=row.id,
                    title=row.title,
                    lead=row.lead,
                    status=row.status,
                    traffic_light=light,
                    light_derived=derived,
                    delay_reason=reason,
                    progress=row.progress,
                    target_date=row.target_date,
                    changes=tuple(changes.get(row.id, ())),
                    actions=tuple(actions.get(row.id, ())),
                ),
            )
        )
    entries.sort(
        key=lambda pair: (LIGHT_ORDER[pair[1].traffic_light], sort_key(pair[1].title), pair[1].id)
    )
    if grouping is None:
        groups: tuple[FollowUpGroup, ...] = (
            (FollowUpGroup("", tuple(e for _, e in entries)),) if entries else ()
        )
    else:
        groups = _groups(session, grouping, entries, FollowUpGroup)
    counts = dict.fromkeys(LIGHT_ORDER, 0)
    for _, entry in entries:
        counts[entry.traffic_light] += 1
    return FollowUpReport(
        settings=load_settings(session),
        meeting_id=meeting.id,
        meeting_title=meeting.title,
        meeting_start=local(meeting.start),
        previous_title=previous.title if previous is not None else "",
        previous_start=local(previous.start) if previous is not None else None,
        selection=describe_filter(session, replace(query, open_only=False)),
        group_by=grouping,
        light_counts=tuple((light, n) for light, n in counts.items() if n),
        groups=groups,
    )


def _changes(
    session: Session, ids: list[int], since: datetime | None, until: datetime
) -> dict[int, list[FollowUpChange]]:
    """History entries in [since, until) per measure, oldest first."""

    def load(chunk: list[int]) -> Any:
        statement = (
            select(MeasureHistory, Meeting.title)
            .outerjoin(Meeting, MeasureHistory.meeting_id == Meeting.id)
            .where(MeasureHistory.measure_id.in_(chunk), MeasureHistory.changed_at < until)
            .order_by(MeasureHistory.changed_at, MeasureHistory.id)
        )
        if since is not None:
            statement = statement.where(MeasureHistory.changed_at >= since)
        return session.execute(statement)

    result: dict[int, list[FollowUpChange]] = {}
    for entry, meeting_title in _chunked(ids, load):
        result.setdefault(entry.measure_id, []).append(
            FollowUpChange(
                changed_at=local(entry.changed_at),
                label=HISTORY_LABELS.get(entry.field, entry.field),
                old_value=entry.old_value,
                new_value=entry.new_value,
                note=entry.note,
                author=entry.author,
                meeting_title=meeting_title or "",
            )
        )
    for changes in result.values():
        changes.sort(key=lambda c: c.changed_at)
    return result


def _open_actions(session: Session, ids: list[int], on: date) -> dict[int, list[FollowUpAction]]:
    def load(chunk: list[int]) -> Any:
        return session.scalars(
            select(ActionItem)
            .where(ActionItem.measure_id.in_(chunk), ActionItem.done.is_(False))
            .options(selectinload(ActionItem.owner))
        )

    items = sorted(
        _chunked(ids, load),
        key=lambda a: (a.due_date is None, a.due_date or date.max, a.id),
    )
    result: dict[int, list[FollowUpAction]] = {}
    for item in items:
        assert item.measure_id is not None
        owner = item.owner_text or (item.owner.full_name if item.owner else "")
        result.setdefault(item.measure_id, []).append(
            FollowUpAction(
                text=item.text,
                owner=owner,
                due_date=item.due_date,
                overdue=item.due_date is not None and item.due_date < on,
            )
        )
    return result


@dataclass(frozen=True)
class MeetingChoice:
    id: int
    title: str
    start: datetime  # Berlin time


def follow_up_meetings(
    session: Session, now: datetime | None = None
) -> tuple[list[MeetingChoice], int | None]:
    """The meetings a follow-up report can be for (not cancelled), oldest first, and the
    index of the next upcoming one (else the latest) as the default choice."""
    now = now or datetime.now(OFFICE_TZ)
    rows = session.execute(
        select(Meeting.id, Meeting.title, Meeting.start)
        .where(Meeting.status != MeetingStatus.CANCELLED)
        .order_by(Meeting.start, Meeting.id)
    ).all()
    choices = [MeetingChoice(id_, title, local(start)) for id_, title, start in rows]
    upcoming = next((i for i, c in enumerate(choices) if c.start >= now), None)
    if upcoming is None and choices:
        upcoming = len(choices) - 1
    return choices, upcoming
