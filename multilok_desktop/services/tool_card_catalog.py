"""The catalogue of planning cards (Planungskarten): list, read, create, change, retire.

A card has a code like "W 005" (letters, a space, three digits; unique, case ignored), a
title, a short description, the card's full text and its taxonomy. A measure started from
a card inherits the taxonomy and keeps the link (`measure_editing.input_from_tool_card`).
A retired card is kept for the measures started from it but not offered for new ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..domain import ActionField, Measure, TargetGroup, ToolCard
from ..domain.taxonomy import ProjectType, SpatialLevel, Strategy, TaxonomyMixin
from ..storage.database import Database
from . import taxonomies
from .errors import NotFoundError, ValidationError
from .taxonomies import Choice

CODE_MAX = 20
TITLE_MAX = 300
SUMMARY_MAX = 500
_CODE = re.compile(r"^([A-Za-zÄÖÜäöü]{1,6})\s*-?\s*(\d{1,3})$")

R = TypeVar("R")

# The value lists a card's form chooses from.
CARD_TAXONOMIES: dict[str, type[TaxonomyMixin]] = {
    "strategy": Strategy,
    "spatial_level": SpatialLevel,
    "project_type": ProjectType,
    "target_group": TargetGroup,
    "action_field": ActionField,
}


@dataclass(frozen=True)
class ToolCardRow:
    id: int
    code: str
    title: str
    retired: bool


@dataclass(frozen=True)
class ToolCardInput:
    code: str
    title: str
    summary: str = ""
    description: str = ""
    strategy_id: int | None = None
    spatial_level_id: int | None = None
    project_type_id: int | None = None
    target_group_ids: tuple[int, ...] = ()
    action_field_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ToolCardDetails:
    id: int
    code: str
    title: str
    summary: str
    description: str
    strategy: str
    spatial_level: str
    project_type: str
    target_groups: tuple[str, ...]
    action_fields: tuple[str, ...]
    retired: bool
    measures: int  # measures started from the card


def normalised_code(code: str) -> str:
    """ "w005", "W-5", " W 005 " → "W 005"."""
    match = _CODE.match(code.strip())
    if match is None:
        raise ValidationError(
            f"„{code.strip()}“ ist keine Kartennummer. Bitte Kürzel und Nummer angeben, "
            "z. B. „W 005“."
        )
    letters, number = match.groups()
    return f"{letters.upper()} {int(number):03d}"


# --- reading ------------------------------------------------------------------------------


def list_cards(
    session: Session, *, include_retired: bool = True, search: str = ""
) -> list[ToolCardRow]:
    """The cards by code; `search` looks in code and title (case ignored)."""
    query = select(ToolCard.id, ToolCard.code, ToolCard.title, ToolCard.retired).order_by(
        ToolCard.code
    )
    if not include_retired:
        query = query.where(ToolCard.retired.is_(False))
    rows = [ToolCardRow(*row) for row in session.execute(query)]
    needle = search.strip().casefold()
    if needle:
        rows = [r for r in rows if needle in f"{r.code} {r.title}".casefold()]
    return rows


def _card(session: Session, card_id: int) -> ToolCard:
    card = session.get(
        ToolCard,
        card_id,
        options=[selectinload(ToolCard.target_groups), selectinload(ToolCard.action_fields)],
    )
    if card is None:
        raise NotFoundError(f"Planungskarte {card_id} gibt es nicht (mehr).")
    return card


def card_details(session: Session, card_id: int) -> ToolCardDetails:
    card = _card(session, card_id)
    measures = session.scalar(
        select(func.count()).select_from(Measure).where(Measure.tool_card_id == card_id)
    )
    return ToolCardDetails(
        id=card.id,
        code=card.code,
        title=card.title,
        summary=card.summary,
        description=card.description,
        strategy=card.strategy.name if card.strategy else "",
        spatial_level=card.spatial_level.name if card.spatial_level else "",
        project_type=card.project_type.name if card.project_type else "",
        target_groups=tuple(t.name for t in sorted(card.target_groups, key=_order)),
        action_fields=tuple(a.name for a in sorted(card.action_fields, key=_order)),
        retired=card.retired,
        measures=measures or 0,
    )


def _order(value: TaxonomyMixin) -> tuple[int, str]:
    return value.position, value.name


def card_input(session: Session, card_id: int) -> ToolCardInput:
    card = _card(session, card_id)
    return ToolCardInput(
        code=card.code,
        title=card.title,
        summary=card.summary,
        description=card.description,
        strategy_id=card.strategy_id,
        spatial_level_id=card.spatial_level_id,
        project_type_id=card.project_type_id,
        target_group_ids=tuple(sorted(t.id for t in card.target_groups)),
        action_field_ids=tuple(sorted(a.id for a in card.action_fields)),
    )


def card_choices(session: Session, key: str, keep: tuple[int, ...] = ()) -> list[Choice]:
    """The active values of one of the card's lists, plus the retired ones in `keep`
    (what the card already carries stays choosable)."""
    model = CARD_TAXONOMIES[key]
    active = {c.id for c in taxonomies.choices(session, model)}
    return [
        c
        for c in taxonomies.choices(session, model, include_retired=True)
        if c.id in active or c.id in keep
    ]


# --- writing ------------------------------------------------------------------------------


def create_card(session: Session, data: ToolCardInput) -> int:
    data = _validated(session, data, None)
    card = ToolCard(code=data.code, title=data.title)
    session.add(card)
    _apply(session, card, data)
    session.flush()
    return card.id


def update_card(session: Session, card_id: int, data: ToolCardInput) -> None:
    card = _card(session, card_id)
    data = _validated(session, data, card_id)
    _apply(session, card, data)
    session.flush()


def set_card_retired(session: Session, card_id: int, retired: bool) -> None:
    """Retire a card (its measures keep the link) or offer it again."""
    _card(session, card_id).retired = retired
    session.flush()


def _validated(session: Session, data: ToolCardInput, card_id: int | None) -> ToolCardInput:
    code = normalised_code(data.code)
    title = " ".join(data.title.split())
    if not title:
        raise ValidationError("Bitte einen Titel für die Planungskarte angeben.")
    if len(title) > TITLE_MAX:
        raise ValidationError(f"Der Titel ist zu lang (höchstens {TITLE_MAX} Zeichen).")
    summary = data.summary.strip()
    if len(summary) > SUMMARY_MAX:
        raise ValidationError(
            f"Die Kurzbeschreibung ist zu lang (höchstens {SUMMARY_MAX} Zeichen)."
        )
    for other_id, other in session.execute(select(ToolCard.id, ToolCard.code)):
        if other_id != card_id and other.casefold() == code.casefold():
            raise ValidationError(f"Die Kartennummer „{code}“ ist schon vergeben.")
    return ToolCardInput(
        code=code,
        title=title,
        summary=summary,
        description=data.description.strip(),
        strategy_id=data.strategy_id,
        spatial_level_id=data.spatial_level_id,
        project_type_id=data.project_type_id,
        target_group_ids=tuple(sorted(set(data.target_group_ids))),
        action_field_ids=tuple(sorted(set(data.action_field_ids))),
    )


def _apply(session: Session, card: ToolCard, data: ToolCardInput) -> None:
    card.code, card.title = data.code, data.title
    card.summary, card.description = data.summary, data.description
    card.strategy_id = _existing(session, Strategy, data.strategy_id)
    card.spatial_level_id = _existing(session, SpatialLevel, data.spatial_level_id)
    card.project_type_id = _existing(session, ProjectType, data.project_type_id)
    card.target_groups = [_get(session, TargetGroup, i) for i in data.target_group_ids]
    card.action_fields = [_get(session, ActionField, i) for i in data.action_field_ids]


def _existing(session: Session, model: type[TaxonomyMixin], value_id: int | None) -> int | None:
    return None if value_id is None else _get(session, model, value_id).id


T = TypeVar("T", bound=TaxonomyMixin)


def _get(session: Session, model: type[T], value_id: int) -> T:
    value = session.get(model, value_id)
    if value is None:
        raise NotFoundError(f"Wert {value_id} gibt es nicht (mehr).")
    return value


# --- facade for the UI: one session per call -------------------------------------------------


class ToolCardCatalog:
    def __init__(self, database: Database) -> None:
        self._database = database

    def _run(self, work: Callable[..., R], *args: object, **kwargs: object) -> R:
        with self._database.session() as session:
            return work(session, *args, **kwargs)

    def cards(self, *, include_retired: bool = True, search: str = "") -> list[ToolCardRow]:
        return self._run(list_cards, include_retired=include_retired, search=search)

    def details(self, card_id: int) -> ToolCardDetails:
        return self._run(card_details, card_id)

    def card_input(self, card_id: int) -> ToolCardInput:
        return self._run(card_input, card_id)

    def choices(self, key: str, keep: tuple[int, ...] = ()) -> list[Choice]:
        return self._run(card_choices, key, keep)

    def create(self, data: ToolCardInput) -> int:
        return self._run(create_card, data)

    def update(self, card_id: int, data: ToolCardInput) -> None:
        self._run(update_card, card_id, data)

    def set_retired(self, card_id: int, retired: bool) -> None:
        self._run(set_card_retired, card_id, retired)
