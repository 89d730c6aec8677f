"""Editing the value lists (Wertelisten): add, rename, reorder, retire, reactivate, delete.

Rules:
- names are not empty and unique within their list, ignoring case ("Wohnen" = "wohnen");
- renaming keeps old records: the history of a measure stores the names as they were at
  the time of the change, the records themselves point to the value's id;
- a value in use (by any record: measures, tool cards, organisations, people, series …)
  cannot be deleted, only retired — it stays on old records but is no longer offered;
- the statuses carry a phase (offen, erledigt, ruhend, verworfen) the program reasons
  with; at least one active status must stay in each of the phases offen and erledigt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import Base, StatusPhase  # via the package: Base with every model loaded
from ..domain.taxonomy import (
    ActionField,
    Department,
    MeasureKind,
    MeasureStatus,
    OrganisationKind,
    PendingTopic,
    ProjectType,
    SpatialLevel,
    Strategy,
    TargetGroup,
    TaxonomyMixin,
)
from ..storage.database import Database
from .errors import NotFoundError, ValidationError

NAME_MAX = 120
STATUS = "status"
REQUIRED_PHASES = (StatusPhase.OPEN, StatusPhase.DONE)

R = TypeVar("R")


@dataclass(frozen=True)
class ValueList:
    key: str
    label: str  # German, for the dialog
    model: type[TaxonomyMixin]


# Every editable list, in the order the dialog shows them.
VALUE_LISTS: tuple[ValueList, ...] = (
    ValueList("kind", "Maßnahmenart", MeasureKind),
    ValueList(STATUS, "Status", MeasureStatus),
    ValueList("strategy", "Strategie", Strategy),
    ValueList("target_group", "Zielgruppe", TargetGroup),
    ValueList("spatial_level", "Räumliche Ebene", SpatialLevel),
    ValueList("project_type", "Projektart", ProjectType),
    ValueList("action_field", "Handlungsfeld", ActionField),
    ValueList("pending_topic", "Sowieso anstehende Themen", PendingTopic),
    ValueList("organisation_kind", "Organisationsart", OrganisationKind),
    ValueList("department", "Verwaltungsressort", Department),
)
_BY_KEY = {v.key: v for v in VALUE_LISTS}


@dataclass(frozen=True)
class ListRow:
    key: str
    label: str


@dataclass(frozen=True)
class ValueRow:
    id: int
    name: str
    retired: bool
    uses: int  # records that point to the value; 0 = may be deleted
    phase: StatusPhase | None  # statuses only


def value_lists() -> list[ListRow]:
    return [ListRow(v.key, v.label) for v in VALUE_LISTS]


def _model(key: str) -> type[TaxonomyMixin]:
    try:
        return _BY_KEY[key].model
    except KeyError:
        raise NotFoundError(f"Die Werteliste „{key}“ gibt es nicht.") from None


def _ordered(session: Session, model: type[TaxonomyMixin]) -> list[TaxonomyMixin]:
    return list(session.scalars(select(model).order_by(model.position, model.id)))


def _value(session: Session, key: str, value_id: int) -> TaxonomyMixin:
    value = session.get(_model(key), value_id)
    if value is None:
        raise NotFoundError(f"Den Wert {value_id} gibt es nicht (mehr).")
    return value


# --- reading ------------------------------------------------------------------------------


def values(session: Session, key: str) -> list[ValueRow]:
    """All values of a list in the user's order, retired ones included."""
    model = _model(key)
    uses = _usage_counts(session, model)
    return [
        ValueRow(
            id=v.id,
            name=v.name,
            retired=v.retired,
            uses=uses.get(v.id, 0),
            phase=v.phase if isinstance(v, MeasureStatus) else None,
        )
        for v in _ordered(session, model)
    ]


def _usage_counts(session: Session, model: type[TaxonomyMixin]) -> dict[int, int]:
    """How many rows of any table point to each value (found in the metadata, so tables
    added later are counted without touching this function)."""
    target = model.__table__  # type: ignore[attr-defined]
    counts: dict[int, int] = {}
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is not target:
                continue
            column = fk.parent
            query = select(column, func.count()).where(column.is_not(None)).group_by(column)
            for value_id, count in session.execute(query):
                counts[value_id] = counts.get(value_id, 0) + count
    return counts


# --- writing ------------------------------------------------------------------------------


def add_value(session: Session, key: str, name: str, phase: StatusPhase | None = None) -> int:
    """A new value at the end of the list; a status needs its phase (default offen)."""
    model = _model(key)
    name = _checked_name(session, model, name, None)
    last = session.scalar(select(func.max(model.position)))
    value = model()
    value.name, value.retired = name, False
    value.position = (last if last is not None else -1) + 1
    if isinstance(value, MeasureStatus):
        value.phase = StatusPhase(phase) if phase is not None else StatusPhase.OPEN
    session.add(value)
    session.flush()
    return value.id


def rename_value(session: Session, key: str, value_id: int, name: str) -> None:
    value = _value(session, key, value_id)
    value.name = _checked_name(session, type(value), name, value_id)
    session.flush()


def move_value(session: Session, key: str, value_id: int, step: int) -> None:
    """Move a value up (step -1) or down (+1); the list is renumbered 0..n."""
    model = _model(key)
    ordered = _ordered(session, model)
    index = next((i for i, v in enumerate(ordered) if v.id == value_id), None)
    if index is None:
        raise NotFoundError(f"Den Wert {value_id} gibt es nicht (mehr).")
    target = index + step
    if 0 <= target < len(ordered):
        ordered.insert(target, ordered.pop(index))
    for position, value in enumerate(ordered):
        value.position = position
    session.flush()


def set_retired(session: Session, key: str, value_id: int, retired: bool) -> None:
    """Retire a value (kept on old records, not offered for new ones) or reactivate it."""
    value = _value(session, key, value_id)
    if retired and isinstance(value, MeasureStatus):
        _keep_phases(session, value)
    value.retired = retired
    session.flush()


def set_phase(session: Session, value_id: int, phase: StatusPhase) -> None:
    """What a status means for the program: offen, erledigt, ruhend or verworfen."""
    status = _value(session, STATUS, value_id)
    assert isinstance(status, MeasureStatus)
    phase = StatusPhase(phase)
    if phase is not status.phase and not status.retired:
        _keep_phases(session, status)
    status.phase = phase
    session.flush()


def delete_value(session: Session, key: str, value_id: int) -> None:
    """Delete a value nobody uses; a value in use can only be retired."""
    value = _value(session, key, value_id)
    uses = _usage_counts(session, type(value)).get(value_id, 0)
    if uses:
        raise ValidationError(
            f"„{value.name}“ wird noch verwendet ({uses}×) und kann nicht gelöscht werden. "
            "Bitte stattdessen ausmustern: Der Wert bleibt bei bestehenden Einträgen "
            "erhalten, wird aber nicht mehr angeboten."
        )
    if isinstance(value, MeasureStatus) and not value.retired:
        _keep_phases(session, value)
    session.delete(value)
    session.flush()


def _checked_name(
    session: Session, model: type[TaxonomyMixin], name: str, value_id: int | None
) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Bitte einen Namen angeben.")
    if len(name) > NAME_MAX:
        raise ValidationError(f"Der Name ist zu lang (höchstens {NAME_MAX} Zeichen).")
    folded = name.casefold()
    for other_id, other in session.execute(select(model.id, model.name)):
        if other_id != value_id and other.casefold() == folded:
            raise ValidationError(f"„{other}“ steht schon in dieser Liste.")
    return name


def _keep_phases(session: Session, status: MeasureStatus) -> None:
    """Refuse to take `status` out of its phase if it is the last active one of a phase
    that must stay (offen, erledigt)."""
    if status.phase not in REQUIRED_PHASES or status.retired:
        return
    others = session.scalar(
        select(func.count())
        .select_from(MeasureStatus)
        .where(
            MeasureStatus.phase == status.phase,
            MeasureStatus.retired.is_(False),
            MeasureStatus.id != status.id,
        )
    )
    if not others:
        raise ValidationError(
            f"„{status.name}“ ist der einzige aktive Status der Phase „{status.phase}“. "
            "Es muss immer mindestens einen offenen und einen erledigten Status geben."
        )


# --- facade for the UI: one session per call -------------------------------------------------


class TaxonomyService:
    def __init__(self, database: Database) -> None:
        self._database = database

    def _run(self, work: Callable[..., R], *args: object) -> R:
        with self._database.session() as session:
            return work(session, *args)

    def lists(self) -> list[ListRow]:
        return value_lists()

    def values(self, key: str) -> list[ValueRow]:
        return self._run(values, key)

    def add(self, key: str, name: str, phase: StatusPhase | None = None) -> int:
        return self._run(add_value, key, name, phase)

    def rename(self, key: str, value_id: int, name: str) -> None:
        self._run(rename_value, key, value_id, name)

    def move(self, key: str, value_id: int, step: int) -> None:
        self._run(move_value, key, value_id, step)

    def set_retired(self, key: str, value_id: int, retired: bool) -> None:
        self._run(set_retired, key, value_id, retired)

    def set_phase(self, value_id: int, phase: StatusPhase) -> None:
        self._run(set_phase, value_id, phase)

    def delete(self, key: str, value_id: int) -> None:
        self._run(delete_value, key, value_id)
