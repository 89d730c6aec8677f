"""The address book's use cases for the UI: each call is one unit of work (one session).

Widgets never see a Session or an ORM object; they call these methods and get plain
dataclasses back (STYLE.md §6).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ..domain import Department, OrganisationKind
from ..storage.database import Database
from . import address_book, distribution_lists, duplicates, organisations, people, taxonomies
from .address_book import OrganisationRow, OrganisationsQuery, PeopleQuery, PersonRow
from .distribution_lists import ListDetails, ListMember, ListSummary
from .duplicates import DuplicateCandidate
from .organisations import OrganisationData, OrganisationDetails
from .people import PersonData, PersonDetails
from .taxonomies import Choice

R = TypeVar("R")


class AddressBookService:
    def __init__(self, database: Database) -> None:
        self._database = database

    def _run(self, work: Callable[..., R], *args: object, **kwargs: object) -> R:
        with self._database.session() as session:
            return work(session, *args, **kwargs)

    # lists
    def count_people(self, query: PeopleQuery) -> int:
        return self._run(address_book.count_people, query)

    def people_page(self, query: PeopleQuery, offset: int, limit: int) -> list[PersonRow]:
        return self._run(address_book.people_page, query, offset, limit)

    def person_position(self, query: PeopleQuery, person_id: int) -> int | None:
        return self._run(address_book.person_position, query, person_id)

    def organisation_position(self, query: OrganisationsQuery, organisation_id: int) -> int | None:
        return self._run(address_book.organisation_position, query, organisation_id)

    def count_organisations(self, query: OrganisationsQuery) -> int:
        return self._run(address_book.count_organisations, query)

    def organisations_page(
        self, query: OrganisationsQuery, offset: int, limit: int
    ) -> list[OrganisationRow]:
        return self._run(address_book.organisations_page, query, offset, limit)

    # value lists
    def organisation_kinds(self) -> list[Choice]:
        return self._run(taxonomies.choices, OrganisationKind)

    def departments(self) -> list[Choice]:
        return self._run(taxonomies.choices, Department)

    # people
    def person(self, person_id: int) -> PersonDetails:
        return self._run(people.get_person, person_id)

    def save_person(self, data: PersonData, person_id: int | None = None) -> int:
        return self._run(people.save_person, data, person_id)

    def delete_person(self, person_id: int) -> None:
        self._run(people.delete_person, person_id)

    def merge_people(self, keep_id: int, remove_id: int) -> None:
        self._run(people.merge_people, keep_id, remove_id)

    def duplicates(
        self, first_name: str, last_name: str, email: str, exclude_id: int | None
    ) -> list[DuplicateCandidate]:
        return self._run(
            duplicates.find_duplicate_people, first_name, last_name, email, exclude_id=exclude_id
        )

    # organisations
    def organisation(self, organisation_id: int) -> OrganisationDetails:
        return self._run(organisations.get_organisation, organisation_id)

    def save_organisation(self, data: OrganisationData, organisation_id: int | None = None) -> int:
        return self._run(organisations.save_organisation, data, organisation_id)

    def delete_organisation(self, organisation_id: int) -> None:
        self._run(organisations.delete_organisation, organisation_id)

    def organisation_member_count(self, organisation_id: int) -> int:
        return self._run(organisations.member_count, organisation_id)

    # distribution lists
    def lists(self) -> list[ListSummary]:
        return self._run(distribution_lists.all_lists)

    def distribution_list(self, list_id: int) -> ListDetails:
        return self._run(distribution_lists.get_list, list_id)

    def save_list(
        self, name: str, description: str, members: list[ListMember], list_id: int | None = None
    ) -> int:
        return self._run(distribution_lists.save_list, name, description, members, list_id)

    def delete_list(self, list_id: int) -> None:
        self._run(distribution_lists.delete_list, list_id)

    def add_to_list(
        self, list_id: int, person_ids: list[int], organisation_ids: list[int] | None = None
    ) -> int:
        return self._run(distribution_lists.add_to_list, list_id, person_ids, organisation_ids)

    def describe_members(
        self, person_ids: list[int], organisation_ids: list[int]
    ) -> list[ListMember]:
        return self._run(distribution_lists.describe_members, person_ids, organisation_ids)
