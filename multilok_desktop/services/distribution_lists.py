"""Verteiler: named groups of people and organisations, used for invitations."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..domain import DistributionList, DistributionListMember, Organisation, Person
from ..domain.text import directory_name, sort_key
from .errors import NotFoundError, ValidationError


@dataclass(frozen=True)
class ListSummary:
    id: int
    name: str
    description: str
    member_count: int


@dataclass(frozen=True)
class ListMember:
    """A person or an organisation on a list; exactly one of the ids is set."""

    person_id: int | None = None
    organisation_id: int | None = None
    name: str = ""
    detail: str = ""  # e-mail address, or "Organisation"

    @property
    def key(self) -> tuple[int | None, int | None]:
        return (self.person_id, self.organisation_id)


@dataclass(frozen=True)
class ListDetails:
    id: int
    name: str
    description: str
    members: tuple[ListMember, ...]


def all_lists(session: Session) -> list[ListSummary]:
    counts = (
        select(DistributionListMember.list_id, func.count().label("n"))
        .group_by(DistributionListMember.list_id)
        .subquery()
    )
    rows = session.execute(
        select(
            DistributionList.id,
            DistributionList.name,
            DistributionList.description,
            func.coalesce(counts.c.n, 0),
        )
        .outerjoin(counts, counts.c.list_id == DistributionList.id)
        .order_by(DistributionList.name)
    )
    return [ListSummary(*row) for row in rows]


def get_list(session: Session, list_id: int) -> ListDetails:
    distribution_list = session.get(
        DistributionList,
        list_id,
        options=[
            selectinload(DistributionList.members).selectinload(DistributionListMember.person),
            selectinload(DistributionList.members).selectinload(
                DistributionListMember.organisation
            ),
        ],
    )
    if distribution_list is None:
        raise NotFoundError(f"Verteiler {list_id} gibt es nicht.")
    members = [_member(m.person, m.organisation) for m in distribution_list.members]
    members.sort(key=lambda m: (m.organisation_id is None, sort_key(m.name)))
    return ListDetails(
        distribution_list.id,
        distribution_list.name,
        distribution_list.description,
        tuple(members),
    )


def _member(person: Person | None, organisation: Organisation | None) -> ListMember:
    if person is not None:
        return ListMember(
            person_id=person.id,
            name=directory_name(person.title, person.first_name, person.last_name),
            detail=person.email,
        )
    assert organisation is not None
    return ListMember(
        organisation_id=organisation.id, name=organisation.name, detail="Organisation"
    )


def describe_members(
    session: Session, person_ids: list[int], organisation_ids: list[int]
) -> list[ListMember]:
    """Names for members picked in a dialog, before they are saved."""
    people = session.scalars(select(Person).where(Person.id.in_(person_ids))).all()
    organisations = session.scalars(
        select(Organisation).where(Organisation.id.in_(organisation_ids))
    ).all()
    return [_member(p, None) for p in people] + [_member(None, o) for o in organisations]


def save_list(
    session: Session,
    name: str,
    description: str,
    members: list[ListMember],
    list_id: int | None = None,
) -> int:
    name = name.strip()
    if not name:
        raise ValidationError("Bitte einen Namen für den Verteiler angeben.")
    clash = session.scalar(
        select(DistributionList.id).where(
            func.lower(DistributionList.name) == name.lower(), DistributionList.id != (list_id or 0)
        )
    )
    if clash is not None:
        raise ValidationError(f"Einen Verteiler „{name}“ gibt es schon.")
    if list_id is None:
        distribution_list = DistributionList(name=name)
        session.add(distribution_list)
    else:
        found = session.get(
            DistributionList, list_id, options=[selectinload(DistributionList.members)]
        )
        if found is None:
            raise NotFoundError(f"Verteiler {list_id} gibt es nicht (mehr).")
        distribution_list = found
    distribution_list.name = name
    distribution_list.description = description.strip()
    existing = {(m.person_id, m.organisation_id): m for m in distribution_list.members}
    wanted = list(dict.fromkeys(m.key for m in members))
    distribution_list.members = [
        existing.get(key) or DistributionListMember(person_id=key[0], organisation_id=key[1])
        for key in wanted
    ]
    session.flush()
    return distribution_list.id


def delete_list(session: Session, list_id: int) -> None:
    distribution_list = session.get(DistributionList, list_id)
    if distribution_list is None:
        raise NotFoundError(f"Verteiler {list_id} gibt es nicht (mehr).")
    session.delete(distribution_list)
    session.flush()


def add_to_list(
    session: Session,
    list_id: int,
    person_ids: list[int],
    organisation_ids: list[int] | None = None,
) -> int:
    """Add people/organisations (e.g. those selected in the address book); returns new count."""
    details = get_list(session, list_id)
    members = list(details.members) + [ListMember(person_id=p) for p in person_ids]
    members += [ListMember(organisation_id=o) for o in organisation_ids or []]
    save_list(session, details.name, details.description, members, list_id)
    return len({m.key for m in members})
