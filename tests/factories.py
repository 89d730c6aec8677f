"""Small builders for test data, going through the services like the UI does."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from multilok_desktop.domain import Department, OrganisationKind
from multilok_desktop.services.organisations import OrganisationData, save_organisation
from multilok_desktop.services.people import MembershipData, PersonData, save_person


def kind_id(session: Session, name: str) -> int:
    return session.scalars(select(OrganisationKind.id).where(OrganisationKind.name == name)).one()


def department_id(session: Session, name: str) -> int:
    return session.scalars(select(Department.id).where(Department.name == name)).one()


def organisation(session: Session, name: str, kind: str = "Kommune", **fields: object) -> int:
    return save_organisation(
        session,
        OrganisationData(name=name, kind_id=kind_id(session, kind), **fields),  # type: ignore[arg-type]
    )


def person(
    session: Session,
    first_name: str,
    last_name: str,
    *,
    organisation_id: int | None = None,
    role: str = "",
    department: str | None = None,
    **fields: object,
) -> int:
    memberships = ()
    if organisation_id is not None:
        memberships = (
            MembershipData(
                organisation_id=organisation_id,
                role=role,
                department_id=department_id(session, department) if department else None,
                is_primary=True,
            ),
        )
    return save_person(
        session,
        PersonData(first_name=first_name, last_name=last_name, memberships=memberships, **fields),  # type: ignore[arg-type]
    )
