"""The measures table: filter on every taxonomy field, full-text search, sort and page in SQL.

Within one field the chosen values are alternatives (Wohnen *or* Arbeit); across fields
they all apply (Wohnen *and* Incomings). Saved filters store a `MeasureFilter` as JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select, text
from sqlalchemy.orm import Session, aliased

from ..domain import (
    ActionField,
    Measure,
    MeasureKind,
    MeasurePartner,
    MeasureStatus,
    Organisation,
    Person,
    SavedFilter,
    StatusPhase,
    Strategy,
    TargetGroup,
    ToolCard,
    TrafficLight,
)
from ..domain.measures import (
    measure_action_field,
    measure_pending_topic,
    measure_target_group,
)
from ..domain.text import fold, sort_key, umlauts_from_digraphs
from .errors import NotFoundError, ValidationError
from .search import folded_contains, fts_query, sql_fold

MEASURES_SCOPE = "measures"
FILTER_NAME_MAX = 120


class MeasureSort(StrEnum):
    TITLE = "title"
    STATUS = "status"
    PRIORITY = "priority"
    PROGRESS = "progress"
    TARGET_DATE = "target_date"
    LEAD = "lead"
    UPDATED = "updated"
    TRAFFIC_LIGHT = "traffic_light"


@dataclass(frozen=True)
class MeasureFilter:
    text: str = ""
    kind_ids: frozenset[int] = frozenset()
    status_ids: frozenset[int] = frozenset()
    strategy_ids: frozenset[int] = frozenset()
    target_group_ids: frozenset[int] = frozenset()
    action_field_ids: frozenset[int] = frozenset()
    spatial_level_ids: frozenset[int] = frozenset()
    project_type_ids: frozenset[int] = frozenset()
    pending_topic_ids: frozenset[int] = frozenset()
    organisation_id: int | None = None  # as Projektträger or partner (e.g. a municipality)
    traffic_lights: frozenset[TrafficLight] = frozenset()
    open_only: bool = False  # hide done, paused and dropped measures
    overdue_only: bool = False  # target date passed, not done
    top_level_only: bool = False
    today: date | None = field(default=None, compare=False)  # for "overdue"; None = no check
    sort: MeasureSort = MeasureSort.TITLE
    descending: bool = False

    def to_json(self) -> str:
        """The criteria of a saved filter (without the sort order and today's date)."""
        data: dict[str, Any] = {}
        for item in fields(self):
            if item.name in ("today", "sort", "descending"):
                continue
            value = getattr(self, item.name)
            if isinstance(value, frozenset):
                value = sorted(str(v) if isinstance(v, TrafficLight) else v for v in value)
            if value not in ((), [], "", None, False):
                data[item.name] = value
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, criteria: str) -> MeasureFilter:
        """Read saved criteria; unknown keys (from a newer version) are ignored."""
        try:
            data = json.loads(criteria or "{}")
        except ValueError as error:
            raise ValidationError("Der gespeicherte Filter ist beschädigt.") from error
        if not isinstance(data, dict):
            raise ValidationError("Der gespeicherte Filter ist beschädigt.")
        values: dict[str, Any] = {}
        try:
            for item in fields(cls):
                if item.name not in data:
                    continue
                value = data[item.name]
                if item.name == "traffic_lights":
                    values[item.name] = frozenset(TrafficLight(v) for v in value)
                elif item.name.endswith("_ids"):
                    values[item.name] = frozenset(int(v) for v in value)
                elif item.name in ("open_only", "overdue_only", "top_level_only"):
                    values[item.name] = bool(value)
                elif item.name == "organisation_id":
                    values[item.name] = int(value) if value is not None else None
                elif item.name == "text":
                    values[item.name] = str(value)
        except (TypeError, ValueError) as error:
            raise ValidationError("Der gespeicherte Filter ist beschädigt.") from error
        return cls(**values)

    @property
    def is_empty(self) -> bool:
        return self.to_json() == "{}"


@dataclass(frozen=True)
class MeasureRow:
    id: int
    title: str
    code: str  # tool card
    kind: str
    status: str
    phase: StatusPhase
    strategy: str
    target_groups: tuple[str, ...]
    action_fields: tuple[str, ...]
    lead: str
    responsible: str
    priority: int
    progress: int
    start_date: date | None
    target_date: date | None
    traffic_light: TrafficLight
    delay_reason: str
    parent_id: int | None
    overdue: bool


# --- the query ------------------------------------------------------------------------------


def _member(table: Any, column: str, ids: frozenset[int]) -> ColumnElement[bool]:
    return exists().where(
        table.c.measure_id == Measure.id, getattr(table.c, column).in_(sorted(ids))
    )


def _filtered(session: Session, query: MeasureFilter, *columns: Any) -> Select[Any]:
    statement = select(*columns).select_from(Measure)
    for word in query.text.split():
        statement = statement.where(_text_contains(word, has_fts=_has_fts(session)))
    for ids, column in (
        (query.kind_ids, Measure.kind_id),
        (query.status_ids, Measure.status_id),
        (query.strategy_ids, Measure.strategy_id),
        (query.spatial_level_ids, Measure.spatial_level_id),
        (query.project_type_ids, Measure.project_type_id),
    ):
        if ids:
            statement = statement.where(column.in_(sorted(ids)))
    if query.target_group_ids:
        statement = statement.where(
            _member(measure_target_group, "target_group_id", query.target_group_ids)
        )
    if query.action_field_ids:
        statement = statement.where(
            _member(measure_action_field, "action_field_id", query.action_field_ids)
        )
    if query.pending_topic_ids:
        statement = statement.where(
            _member(measure_pending_topic, "pending_topic_id", query.pending_topic_ids)
        )
    if query.organisation_id is not None:
        statement = statement.where(
            or_(
                Measure.lead_organisation_id == query.organisation_id,
                exists().where(
                    MeasurePartner.measure_id == Measure.id,
                    MeasurePartner.organisation_id == query.organisation_id,
                ),
            )
        )
    if query.traffic_lights:
        statement = statement.where(Measure.traffic_light.in_(sorted(query.traffic_lights)))
    if query.open_only or query.overdue_only:
        statement = statement.where(_is_open())
    if query.overdue_only and query.today is not None:
        statement = statement.where(Measure.target_date < query.today)
    if query.top_level_only:
        statement = statement.where(Measure.parent_id.is_(None))
    return statement


def filtered_select(session: Session, query: MeasureFilter, *columns: Any) -> Select[Any]:
    """`SELECT columns FROM measure` with the table's filter applied (for the board and
    the overview, which group the same measures differently); no order, no paging."""
    return _filtered(session, query, *columns)


def is_open_clause() -> ColumnElement[bool]:
    """SQL: the measure's status is still open (or it has none yet)."""
    return _is_open()


def _has_fts(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _text_contains(word: str, *, has_fts: bool) -> ColumnElement[bool]:
    """The word inside the title or card code (SQL `fold`: case and umlauts ignored, also
    typed without umlauts — "boerse" finds "Wohnraumbörse"), or as a word prefix anywhere
    in title, description and delay reason (FTS5). Folding only the short fields per row
    keeps a keystroke fast on thousands of measures. Without FTS5 (PostgreSQL) the word
    anywhere in the long texts, folded the same way."""
    haystack = sql_fold(
        Measure.title
        + " "
        + func.coalesce(
            select(ToolCard.code).where(ToolCard.id == Measure.tool_card_id).scalar_subquery(), ""
        )
    )
    variants = {fold(word), fold(umlauts_from_digraphs(word))}
    conditions = [haystack.contains(v, autoescape=True) for v in sorted(variants)]
    if not has_fts:
        conditions.append(folded_contains((Measure.description, Measure.delay_reason), word))
        return or_(*conditions)
    words = fts_query(" ".join(sorted({word, umlauts_from_digraphs(word)})))
    if words:
        matching = text("SELECT rowid FROM measure_fts WHERE measure_fts MATCH :words").bindparams(
            words=words.replace('"* "', '"* OR "')
        )
        conditions.append(Measure.id.in_(matching))
    return or_(*conditions)


def _is_open() -> ColumnElement[bool]:
    """Status still open (or no status yet)."""
    open_statuses = select(MeasureStatus.id).where(MeasureStatus.phase == StatusPhase.OPEN)
    return or_(Measure.status_id.is_(None), Measure.status_id.in_(open_statuses))


def count_measures(session: Session, query: MeasureFilter) -> int:
    return session.scalar(_filtered(session, query, func.count(Measure.id))) or 0


def measures_page(
    session: Session, query: MeasureFilter, offset: int = 0, limit: int | None = 200
) -> list[MeasureRow]:
    # Plain columns with joins, then one query for the two lists of names: a page of 200
    # rows without ORM objects or a query per field (the view opens within DESIGN.md §6's
    # 0.2 s, also the first time, when every statement is compiled).
    kind, strategy = aliased(MeasureKind), aliased(Strategy)
    status, lead = aliased(MeasureStatus), aliased(Organisation)
    card, person = aliased(ToolCard), aliased(Person)
    statement = (
        _filtered(session, query, Measure.id)
        .add_columns(
            Measure.title, card.code, kind.name, status.name, status.phase, strategy.name,
            lead.name, person.title, person.first_name, person.last_name, Measure.priority,
            Measure.progress, Measure.start_date, Measure.target_date, Measure.traffic_light,
            Measure.delay_reason, Measure.parent_id,
        )
        .outerjoin(status, Measure.status_id == status.id)
        .outerjoin(lead, Measure.lead_organisation_id == lead.id)
        .outerjoin(kind, Measure.kind_id == kind.id)
        .outerjoin(strategy, Measure.strategy_id == strategy.id)
        .outerjoin(card, Measure.tool_card_id == card.id)
        .outerjoin(person, Measure.responsible_person_id == person.id)
        .order_by(*_order(query, status, lead))
        .offset(offset)
    )  # fmt: skip
    if limit is not None:
        statement = statement.limit(limit)
    rows = session.execute(statement).all()
    names = _list_names(session, [row[0] for row in rows])
    result = []
    for (id_, title, code, kind_name, status_name, phase, strategy_name, lead_name,
         person_title, first, last, priority, progress, start, target, light, reason,
         parent_id) in rows:  # fmt: skip
        phase = phase or StatusPhase.OPEN
        groups, fields_ = names.get(id_, ((), ()))
        result.append(
            MeasureRow(
                id=id_,
                title=title,
                code=code or "",
                kind=kind_name or "",
                status=status_name or "",
                phase=phase,
                strategy=strategy_name or "",
                target_groups=groups,
                action_fields=fields_,
                lead=lead_name or "",
                responsible=" ".join(p for p in (person_title, first, last) if p),
                priority=priority,
                progress=progress,
                start_date=start,
                target_date=target,
                traffic_light=light,
                delay_reason=reason,
                parent_id=parent_id,
                overdue=is_overdue(phase, target, query.today),
            )
        )
    return result


def _list_names(
    session: Session, measure_ids: list[int]
) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Target groups and fields of action of these measures, sorted the German way."""
    found: dict[int, tuple[list[str], list[str]]] = {i: ([], []) for i in measure_ids}
    if not measure_ids:
        return {}
    lists: tuple[tuple[Any, Any, Any], ...] = (
        (measure_target_group, measure_target_group.c.target_group_id, TargetGroup),
        (measure_action_field, measure_action_field.c.action_field_id, ActionField),
    )
    for index, (link, column, model) in enumerate(lists):
        rows = session.execute(
            select(link.c.measure_id, model.name)
            .join(model, model.id == column)
            .where(link.c.measure_id.in_(measure_ids))
        )
        for measure_id, name in rows:
            found[measure_id][index].append(name)
    return {
        i: (tuple(sorted(a, key=sort_key)), tuple(sorted(b, key=sort_key)))
        for i, (a, b) in found.items()
    }


def _ordered(session: Session, query: MeasureFilter, *columns: Any) -> Select[Any]:
    """The filtered measures in the table's order (the status and lead are joined for it)."""
    status = aliased(MeasureStatus)
    lead = aliased(Organisation)
    return (
        _filtered(session, query, *columns)
        .outerjoin(status, Measure.status_id == status.id)
        .outerjoin(lead, Measure.lead_organisation_id == lead.id)
        .order_by(*_order(query, status, lead))
    )


def _order(query: MeasureFilter, status: Any, lead: Any) -> list[Any]:
    order: list[Any]
    match query.sort:
        case MeasureSort.STATUS:
            order = [status.position]
        case MeasureSort.PRIORITY:
            order = [Measure.priority]
        case MeasureSort.PROGRESS:
            order = [Measure.progress]
        case MeasureSort.TARGET_DATE:
            order = [Measure.target_date.is_(None), Measure.target_date]
        case MeasureSort.LEAD:
            order = [func.lower(lead.name)]
        case MeasureSort.UPDATED:
            order = [Measure.updated_at]
        case MeasureSort.TRAFFIC_LIGHT:
            order = [Measure.traffic_light]
        case _:
            order = []
    order = [o.desc() if query.descending else o for o in order]
    title_order = func.lower(Measure.title)
    return [
        *order,
        title_order.desc() if query.descending and not order else title_order,
        Measure.id,
    ]


def measure_position(session: Session, query: MeasureFilter, measure_id: int) -> int | None:
    """Row of a measure in the current order (to select it after saving), or None."""
    ids = list(session.scalars(_ordered(session, query, Measure.id)))
    return ids.index(measure_id) if measure_id in ids else None


def is_overdue(phase: StatusPhase, target_date: date | None, today: date | None) -> bool:
    return (
        today is not None
        and phase is StatusPhase.OPEN
        and target_date is not None
        and target_date < today
    )


# --- saved filters --------------------------------------------------------------------------


@dataclass(frozen=True)
class SavedFilterRow:
    id: int
    name: str
    criteria: MeasureFilter


def saved_filters(session: Session, scope: str = MEASURES_SCOPE) -> list[SavedFilterRow]:
    rows = session.scalars(select(SavedFilter).where(SavedFilter.scope == scope))
    result = []
    for row in rows:
        try:
            criteria = MeasureFilter.from_json(row.criteria)
        except ValidationError:
            continue  # a damaged entry is skipped, not fatal for the view
        result.append(SavedFilterRow(row.id, row.name, criteria))
    return sorted(result, key=lambda r: sort_key(r.name))


def save_filter(
    session: Session, name: str, criteria: MeasureFilter, scope: str = MEASURES_SCOPE
) -> int:
    """Save under a name; the same name again replaces the criteria."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Bitte einen Namen für den Filter angeben.")
    if len(name) > FILTER_NAME_MAX:
        raise ValidationError(f"Der Name ist zu lang (höchstens {FILTER_NAME_MAX} Zeichen).")
    if criteria.is_empty:
        raise ValidationError("Ohne Filterangaben gibt es nichts zu speichern.")
    row = session.scalar(
        select(SavedFilter).where(
            and_(SavedFilter.scope == scope, func.lower(SavedFilter.name) == name.lower())
        )
    )
    if row is None:
        row = SavedFilter(scope=scope, name=name)
        session.add(row)
    row.criteria = criteria.to_json()
    session.flush()
    return row.id


def delete_saved_filter(session: Session, filter_id: int) -> None:
    row = session.get(SavedFilter, filter_id)
    if row is None:
        raise NotFoundError(f"Filter {filter_id} gibt es nicht (mehr).")
    session.delete(row)
    session.flush()
