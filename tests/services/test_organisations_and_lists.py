"""Organisations and distribution lists."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from multilok_desktop.domain import Membership, Person
from multilok_desktop.services.distribution_lists import (
    ListMember,
    add_to_list,
    all_lists,
    delete_list,
    get_list,
    save_list,
)
from multilok_desktop.services.errors import ValidationError
from multilok_desktop.services.organisations import (
    OrganisationData,
    delete_organisation,
    find_organisation_by_name,
    get_organisation,
    member_count,
    save_organisation,
)
from multilok_desktop.storage.database import Database
from tests import factories


def test_organisation_round_trip_with_members(db: Database) -> None:
    with db.session() as s:
        org = factories.organisation(
            s, "Wohnungsbaugenossenschaft Glück Auf eG", "Wohnungswirtschaft",
            street="Lindenstraße 4", postal_code="01234", city="Bad Rödenau",
            email="info@glueckauf.example", tags=("Wohnen",),
        )  # fmt: skip
        factories.person(s, "Anna", "Müller", organisation_id=org, role="Vorstand")
    with db.session() as s:
        details = get_organisation(s, org)
        assert details.kind_name == "Wohnungswirtschaft"
        assert details.data.street == "Lindenstraße 4" and details.data.tags == ("Wohnen",)
        assert [(m.name, m.role, m.current) for m in details.members] == [
            ("Müller, Anna", "Vorstand", True)
        ]
        assert find_organisation_by_name(s, "WOHNUNGSBAUGENOSSENSCHAFT GLUECK AUF EG") is None
        assert find_organisation_by_name(s, "wohnungsbaugenossenschaft glück auf eg") == org


def test_organisation_needs_a_name_and_valid_email(db: Database) -> None:
    with db.session() as s:
        with pytest.raises(ValidationError, match="Namen"):
            save_organisation(s, OrganisationData(name="  "))
        with pytest.raises(ValidationError, match="ungültig"):
            save_organisation(s, OrganisationData(name="X", email="x at y"))


def test_deleting_an_organisation_keeps_its_people(db: Database) -> None:
    with db.session() as s:
        org = factories.organisation(s, "Gemeinde A")
        factories.person(s, "Anna", "Müller", organisation_id=org)
        assert member_count(s, org) == 1
    with db.session() as s:
        delete_organisation(s, org)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 1
        assert s.scalar(select(func.count()).select_from(Membership)) == 0


def test_distribution_lists(db: Database) -> None:
    with db.session() as s:
        org = factories.organisation(s, "Gemeinde A")
        anna = factories.person(s, "Anna", "Müller", email="anna@example.de")
        bernd = factories.person(s, "Bernd", "Ahrens")
        list_id = save_list(
            s,
            "Bürgermeister",
            "alle Bürgermeister",
            [ListMember(person_id=anna), ListMember(organisation_id=org)],
        )
        assert add_to_list(s, list_id, [anna, bernd]) == 3  # anna not twice
    with db.session() as s:
        details = get_list(s, list_id)
        assert [(m.name, m.detail) for m in details.members] == [
            ("Gemeinde A", "Organisation"),
            ("Ahrens, Bernd", ""),
            ("Müller, Anna", "anna@example.de"),
        ]
        assert [(x.name, x.member_count) for x in all_lists(s)] == [("Bürgermeister", 3)]
        with pytest.raises(ValidationError, match="gibt es schon"):
            save_list(s, "bürgermeister", "", [])
        with pytest.raises(ValidationError, match="Namen"):
            save_list(s, " ", "", [])
    with db.session() as s:
        delete_list(s, list_id)
        assert all_lists(s) == []
