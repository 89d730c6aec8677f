"""The address book list queries: search as you type, filters, sorting, paging."""

from __future__ import annotations

import pytest

from multilok_desktop.domain import Person
from multilok_desktop.services.address_book import (
    OrganisationSort,
    OrganisationsQuery,
    PeopleQuery,
    PersonSort,
    count_organisations,
    count_people,
    organisations_page,
    people_page,
    person_position,
)
from multilok_desktop.services.organisations import OrganisationData, save_organisation
from multilok_desktop.storage.database import Database
from tests import factories


@pytest.fixture
def filled(db: Database) -> Database:
    with db.session() as s:
        gemeinde = factories.organisation(s, "Gemeinde Großwöllmen", city="Großwöllmen")
        wbg = factories.organisation(
            s, "Wohnungsbaugenossenschaft Glück Auf eG", "Wohnungswirtschaft", city="Bad Rödenau"
        )
        factories.person(
            s, "Jürgen", "Müller-Lüdenscheidt", organisation_id=gemeinde, role="Amtsleiter",
            department="Bauamt", email="j.mueller@grosswoellmen.de", title="Dr.",
        )  # fmt: skip
        factories.person(s, "Anna", "Müller", organisation_id=wbg, email="a.mueller@glueckauf.de")
        factories.person(s, "Ayşe", "Yılmaz", organisation_id=gemeinde, department="Sozialamt")
        factories.person(s, "Ömer", "Özdemir", city="Zwickelbach", tags=("Pendlerinitiative",))
        factories.person(s, "Bernd", "Ahrens", organisation_id=wbg)
    return db


def names(db: Database, query: PeopleQuery) -> list[str]:
    with db.session() as s:
        return [row.name for row in people_page(s, query, 0, 100)]


@pytest.mark.parametrize("typed", ["müller", "MÜLLER", "muller", "Mueller", "mül"])
def test_search_finds_mueller_in_every_spelling(filled: Database, typed: str) -> None:
    """DESIGN.md §6: "Müller" is found for müller, MÜLLER, muller (and the German mueller)."""
    found = names(filled, PeopleQuery(text=typed))
    assert found == ["Müller, Anna", "Müller-Lüdenscheidt, Dr. Jürgen"]


def test_search_covers_organisation_email_place_and_tags(filled: Database) -> None:
    """Typing part of an organisation, e-mail, place or tag finds the person."""
    assert names(filled, PeopleQuery(text="glück")) == ["Ahrens, Bernd", "Müller, Anna"]
    assert names(filled, PeopleQuery(text="a.mueller@")) == ["Müller, Anna"]
    assert names(filled, PeopleQuery(text="zwickel")) == ["Özdemir, Ömer"]
    assert names(filled, PeopleQuery(text="pendlerini")) == ["Özdemir, Ömer"]
    assert names(filled, PeopleQuery(text="yilmaz")) == ["Yılmaz, Ayşe"]


def test_every_word_must_match(filled: Database) -> None:
    """Two words narrow the list: "müller bauamt" is only the Bauamt's Müller."""
    assert names(filled, PeopleQuery(text="müller bauamt")) == ["Müller-Lüdenscheidt, Dr. Jürgen"]


def test_search_text_with_fts_syntax_is_taken_literally(filled: Database) -> None:
    """Quotes, stars, AND/NEAR and colons never raise a syntax error."""
    for typed in ['"', "müller AND", 'name:"x', "* -", "NEAR(", "(", "'"]:
        names(filled, PeopleQuery(text=typed))


def test_filters_by_organisation_kind_and_department(filled: Database) -> None:
    with filled.session() as s:
        housing = factories.kind_id(s, "Wohnungswirtschaft")
        social = factories.department_id(s, "Sozialamt")
    assert names(filled, PeopleQuery(organisation_kind_id=housing)) == [
        "Ahrens, Bernd",
        "Müller, Anna",
    ]
    assert names(filled, PeopleQuery(department_id=social)) == ["Yılmaz, Ayşe"]
    assert names(filled, PeopleQuery(text="müller", organisation_kind_id=housing)) == [
        "Müller, Anna"
    ]


def test_sorting_follows_german_rules_and_direction(filled: Database) -> None:
    """Ö sorts like O (DIN 5007), not after Z; descending reverses."""
    everyone = names(filled, PeopleQuery())
    assert everyone == [
        "Ahrens, Bernd",
        "Müller, Anna",
        "Müller-Lüdenscheidt, Dr. Jürgen",
        "Özdemir, Ömer",
        "Yılmaz, Ayşe",
    ]
    assert names(filled, PeopleQuery(descending=True)) == everyone[::-1]
    by_organisation = names(filled, PeopleQuery(sort=PersonSort.ORGANISATION))
    assert by_organisation[0] == "Özdemir, Ömer"  # no organisation first
    assert by_organisation[1:3] == ["Müller-Lüdenscheidt, Dr. Jürgen", "Yılmaz, Ayşe"]


def test_count_and_pages_agree(filled: Database) -> None:
    with filled.session() as s:
        assert count_people(s, PeopleQuery()) == 5
        assert count_people(s, PeopleQuery(text="müller")) == 2
        first = people_page(s, PeopleQuery(), 0, 2)
        rest = people_page(s, PeopleQuery(), 2, 10)
        assert len(first) == 2 and len(rest) == 3
        assert person_position(s, PeopleQuery(), rest[0].id) == 2


def test_a_search_count_is_the_length_of_its_list_also_after_edits(filled: Database) -> None:
    """count_people counts text searches in the FTS index alone: it must stay in step
    with person_directory (deletes and renames go through the index upkeep)."""
    texts = ["m", "müller", "gemeinde", "ö", "j", "xyz"]

    def agree() -> None:
        with filled.session() as s:
            for text in texts:
                query = PeopleQuery(text=text)
                assert count_people(s, query) == len(people_page(s, query, 0, 100)), text

    agree()
    with filled.session() as s:
        first, second = people_page(s, PeopleQuery(text="müller"), 0, 10)
        s.delete(s.get(Person, first.id))
        s.get(Person, second.id).last_name = "Jansen"  # type: ignore[union-attr]
    agree()
    with filled.session() as s:
        # fewer Müllers (one gone; the other may still match by e-mail without FTS)
        assert count_people(s, PeopleQuery(text="müller")) < 2
        assert count_people(s, PeopleQuery(text="jansen")) == 1


def test_list_shows_primary_organisation_and_department(filled: Database) -> None:
    with filled.session() as s:
        (row,) = people_page(s, PeopleQuery(text="lüdenscheidt"), 0, 10)
    assert row.organisation == "Gemeinde Großwöllmen"
    assert row.function == "Amtsleiter"
    assert row.department == "Bauamt"
    assert row.city == "Großwöllmen"


def test_renaming_an_organisation_updates_its_people_in_the_list(filled: Database) -> None:
    """The directory follows changes made elsewhere (index upkeep on flush)."""
    with filled.session() as s:
        (org,) = organisations_page(s, OrganisationsQuery(text="großwöllmen"), 0, 10)
        renamed = OrganisationData(
            name="Stadt Großwöllmen", kind_id=factories.kind_id(s, "Kommune")
        )
        save_organisation(s, renamed, org.id)
    with filled.session() as s:
        rows = people_page(s, PeopleQuery(text="stadt"), 0, 10)
    assert [(r.name, r.organisation) for r in rows] == [
        ("Müller-Lüdenscheidt, Dr. Jürgen", "Stadt Großwöllmen"),
        ("Yılmaz, Ayşe", "Stadt Großwöllmen"),
    ]


def test_organisation_list_search_filter_sort(filled: Database) -> None:
    with filled.session() as s:
        assert count_organisations(s, OrganisationsQuery()) == 2
        (row,) = organisations_page(s, OrganisationsQuery(text="gluck"), 0, 10)
        assert row.name == "Wohnungsbaugenossenschaft Glück Auf eG"
        assert row.kind == "Wohnungswirtschaft"
        assert row.people_count == 2
        housing = factories.kind_id(s, "Wohnungswirtschaft")
        assert count_organisations(s, OrganisationsQuery(kind_id=housing)) == 1
        by_people = organisations_page(
            s, OrganisationsQuery(sort=OrganisationSort.PEOPLE, descending=True), 0, 10
        )
        assert [r.people_count for r in by_people] == [2, 2]
