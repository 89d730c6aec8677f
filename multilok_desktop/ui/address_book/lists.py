"""The two big lists of the address book as paged models, shared by views and pickers."""

from __future__ import annotations

from ...services.address_book import (
    OrganisationRow,
    OrganisationSort,
    OrganisationsQuery,
    PeopleQuery,
    PersonRow,
    PersonSort,
)
from ...services.address_book_service import AddressBookService
from ..paged_model import ColumnSpec, PagedTableModel

PEOPLE_COLUMNS: list[ColumnSpec[PersonRow]] = [
    ColumnSpec("Name", lambda r: r.name, PersonSort.NAME),
    ColumnSpec("Organisation", lambda r: r.organisation, PersonSort.ORGANISATION),
    ColumnSpec("Funktion", lambda r: r.function, PersonSort.FUNCTION),
    ColumnSpec("Ort", lambda r: r.city, PersonSort.CITY),
    ColumnSpec("E-Mail", lambda r: r.email, PersonSort.EMAIL),
    ColumnSpec("Telefon", lambda r: r.phone, PersonSort.PHONE),
]

ORGANISATION_COLUMNS: list[ColumnSpec[OrganisationRow]] = [
    ColumnSpec("Name", lambda r: r.name, OrganisationSort.NAME),
    ColumnSpec("Art", lambda r: r.kind, OrganisationSort.KIND),
    ColumnSpec("Ort", lambda r: r.city, OrganisationSort.CITY),
    ColumnSpec("Personen", lambda r: r.people_count, OrganisationSort.PEOPLE),
    ColumnSpec("E-Mail", lambda r: r.email, OrganisationSort.EMAIL),
    ColumnSpec("Telefon", lambda r: r.phone, OrganisationSort.PHONE),
]


def people_model(service: AddressBookService) -> PagedTableModel[PeopleQuery, PersonRow]:
    return PagedTableModel(
        PEOPLE_COLUMNS, service.count_people, service.people_page, lambda r: r.id, PeopleQuery()
    )


def organisations_model(
    service: AddressBookService,
) -> PagedTableModel[OrganisationsQuery, OrganisationRow]:
    return PagedTableModel(
        ORGANISATION_COLUMNS,
        service.count_organisations,
        service.organisations_page,
        lambda r: r.id,
        OrganisationsQuery(),
    )
