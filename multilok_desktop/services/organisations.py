"""Organisations in the address book: read one, create, change, delete."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..domain import Membership, Organisation, OrganisationDirectoryRow, OrganisationKind
from ..domain.text import directory_name, sort_key
from .conflicts import ConflictError, check_version, describe, lost_update_guard
from .errors import NotFoundError, ValidationError
from .people import _check_lengths, tags_by_name, validate_email


@dataclass(frozen=True)
class OrganisationData:
    name: str = ""
    kind_id: int | None = None
    street: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    version: int | None = None  # as loaded; a save checks it (services/conflicts.py)


@dataclass(frozen=True)
class OrganisationMember:
    person_id: int
    name: str
    role: str
    department: str
    current: bool


@dataclass(frozen=True)
class OrganisationDetails:
    id: int
    data: OrganisationData
    kind_name: str
    members: tuple[OrganisationMember, ...]


def validate_organisation(data: OrganisationData) -> None:
    if not data.name.strip():
        raise ValidationError("Bitte einen Namen für die Organisation angeben.")
    validate_email(data.email.strip())
    _check_lengths(Organisation, data)


def get_organisation(session: Session, organisation_id: int) -> OrganisationDetails:
    organisation = session.get(
        Organisation,
        organisation_id,
        options=[
            selectinload(Organisation.tags),
            selectinload(Organisation.kind),
            selectinload(Organisation.memberships).selectinload(Membership.person),
            selectinload(Organisation.memberships).selectinload(Membership.department),
        ],
    )
    if organisation is None:
        raise NotFoundError(f"Organisation {organisation_id} gibt es nicht.")
    today = date.today()
    members = sorted(
        (
            OrganisationMember(
                person_id=m.person_id,
                name=directory_name(m.person.title, m.person.first_name, m.person.last_name),
                role=m.role,
                department=m.department.name if m.department else "",
                current=m.valid_until is None or m.valid_until >= today,
            )
            for m in organisation.memberships
        ),
        key=lambda member: (not member.current, sort_key(member.name)),
    )
    return OrganisationDetails(
        id=organisation.id,
        data=OrganisationData(
            name=organisation.name,
            kind_id=organisation.kind_id,
            street=organisation.street,
            postal_code=organisation.postal_code,
            city=organisation.city,
            phone=organisation.phone,
            email=organisation.email,
            website=organisation.website,
            notes=organisation.notes,
            tags=tuple(t.name for t in organisation.tags),
            version=organisation.version,
        ),
        kind_name=organisation.kind.name if organisation.kind else "",
        members=tuple(members),
    )


def save_organisation(
    session: Session, data: OrganisationData, organisation_id: int | None = None
) -> int:
    data = replace(
        data,
        **{
            name: getattr(data, name).strip()
            for name in ("name", "street", "postal_code", "city", "phone", "email", "website")
        },
    )
    validate_organisation(data)

    def conflict() -> ConflictError:
        assert organisation_id is not None
        return _organisation_conflict(session, organisation_id, data)

    if data.kind_id is not None and session.get(OrganisationKind, data.kind_id) is None:
        raise NotFoundError(f"Organisationsart {data.kind_id} gibt es nicht (mehr).")
    if organisation_id is None:
        organisation = Organisation()
        session.add(organisation)
    else:
        found = session.get(Organisation, organisation_id)
        if found is None:
            raise NotFoundError(f"Organisation {organisation_id} gibt es nicht (mehr).")
        organisation = found
        check_version(data.version, organisation.version, conflict)
        organisation.version += 1  # also when only the tags change
    for name in (
        "name", "kind_id", "street", "postal_code", "city", "phone", "email", "website", "notes",
    ):  # fmt: skip
        setattr(organisation, name, getattr(data, name))
    organisation.tags = tags_by_name(session, data.tags)
    with lost_update_guard(session, conflict):
        session.flush()
    return organisation.id


def _organisation_conflict(
    session: Session, organisation_id: int, yours: OrganisationData
) -> ConflictError:
    saved = get_organisation(session, organisation_id)
    return ConflictError(
        f"Die Organisation „{saved.data.name}“",
        describe(yours),
        describe(saved.data),
        saved.data.version,
    )


def member_count(session: Session, organisation_id: int) -> int:
    """How many people lose this organisation if it is deleted (for the confirmation)."""
    return (
        session.scalar(
            select(func.count())
            .select_from(Membership)
            .where(Membership.organisation_id == organisation_id)
        )
        or 0
    )


def delete_organisation(session: Session, organisation_id: int) -> None:
    """Delete an organisation and its memberships; the people themselves stay."""
    organisation = session.get(
        Organisation, organisation_id, options=[selectinload(Organisation.memberships)]
    )
    if organisation is None:
        raise NotFoundError(f"Organisation {organisation_id} gibt es nicht (mehr).")
    session.delete(organisation)
    session.flush()


def find_organisation_by_name(session: Session, name: str) -> int | None:
    """Existing organisation with this name, ignoring case and umlaut spelling."""
    return session.scalar(
        select(OrganisationDirectoryRow.organisation_id)
        .where(OrganisationDirectoryRow.sort_key == sort_key(name))
        .limit(1)
    )
