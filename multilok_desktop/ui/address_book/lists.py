"""The two big lists of the address book as paged models, shared by views and pickers."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

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
    ColumnSpec(QT_TRANSLATE_NOOP("ColumnSpec", "Name"), lambda r: r.name, PersonSort.NAME),
    ColumnSpec(
        QT_TRANSLATE_NOOP("ColumnSpec", "Organisation"),
        lambda r: r.organisation,
        PersonSort.ORGANISATION,
    ),
    ColumnSpec(
        QT_TRANSLATE_NOOP("ColumnSpec", "Funktion"), lambda r: r.function, PersonSort.FUNCTION
    ),
    ColumnSpec(QT_TRANSLATE_NOOP("ColumnSpec", "Ort"), lambda r: r.city, PersonSort.CITY),
    ColumnSpec(QT_TRANSLATE_NOOP("ColumnSpec", "E-Mail"), lambda r: r.email, PersonSort.EMAIL),
    ColumnSpec(QT_TRANSLATE_NOOP("ColumnSpec", "Telefon"), lambda r: r.phone, PersonSort.PHONE),
]

ORGANISATION_COLUMNS: list[ColumnSpec[OrganisationRow]] = [
    ColumnSpec(QT_TRANSLATE_NOOP("ColumnSpec", "Name"), lambda r: r.name, OrganisationSort.NAME),
    ColumnSpec(QT_TRANSLATE_NOOP("ColumnSpec", "Art"), lambda r: r.kind, OrganisationSort.KIND),
    ColumnSpec(QT_TRANSLATE_NOOP("ColumnSpec", "Ort"), lambda r: r.city, OrganisationSort.CITY),
    ColumnSpec(
        QT_TRANSLATE_NOOP("ColumnSpec", "Personen"),
        lambda r: r.people_count,
        OrganisationSort.PEOPLE,
    ),
    ColumnSpec(
        QT_TRANSLATE_NOOP("ColumnSpec", "E-Mail"), lambda r: r.email, OrganisationSort.EMAIL
    ),
    ColumnSpec(
        QT_TRANSLATE_NOOP("ColumnSpec", "Telefon"), lambda r: r.phone, OrganisationSort.PHONE
    ),
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
