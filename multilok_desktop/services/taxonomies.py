"""Reading the editable value lists for choices in forms and filters."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.taxonomy import TaxonomyMixin


@dataclass(frozen=True)
class Choice:
    id: int
    name: str


def choices(
    session: Session, model: type[TaxonomyMixin], *, include_retired: bool = False
) -> list[Choice]:
    """The values in the user's order; retired ones only where old records still show them."""
    query = select(model.id, model.name).order_by(model.position, model.name)
    if not include_retired:
        query = query.where(model.retired.is_(False))
    return [Choice(id_, name) for id_, name in session.execute(query)]


def find_by_name(session: Session, model: type[TaxonomyMixin], name: str) -> int | None:
    return session.scalar(select(model.id).where(model.name == name))
