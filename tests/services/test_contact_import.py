"""Contact import: preview without writing, all-or-nothing apply, export and re-import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from multilok_desktop.domain import (
    Membership,
    Organisation,
    Person,
    PersonDirectoryRow,
    Tag,
)
from multilok_desktop.exchange.contacts_csv import parse_contacts_csv
from multilok_desktop.exchange.contacts_file import read_contacts_file, write_contacts_file
from multilok_desktop.services.address_book import PeopleQuery, count_people, people_page
from multilok_desktop.services.contact_import import (
    ImportRecordError,
    apply_import,
    preview_import,
)
from multilok_desktop.services.contact_records import ContactRecord, load_contact_records
from multilok_desktop.services.organisations import get_organisation
from multilok_desktop.services.people import MembershipData, PersonData, get_person, save_person
from multilok_desktop.storage.database import Database
from tests import factories

DATA = Path(__file__).parent.parent / "exchange" / "data"


def counts(db: Database) -> dict[str, int]:
    with db.session() as s:
        return {
            model.__name__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Person, Organisation, Membership, Tag, PersonDirectoryRow)
        }


def person_named(s: Session, last_name: str) -> Person:
    return s.scalars(select(Person).where(Person.last_name == last_name)).one()


# --- apply ----------------------------------------------------------------------------


def test_outlook_file_becomes_people_organisations_memberships_and_tags(db: Database) -> None:
    records = read_contacts_file(DATA / "outlook_de.csv").records
    with db.session() as s:
        result = apply_import(s, records)
    assert (result.people_created, result.organisations_created, result.skipped) == (3, 2, 0)

    with db.session() as s:
        mueller = get_person(s, person_named(s, "Müller-Lüdenscheidt").id)
        data = mueller.data
        assert (data.salutation, data.title, data.first_name) == ("Herr", "Dr.", "Jürgen")
        assert (data.function, data.email, data.mobile) == (
            "Amtsleiter",
            "j.mueller@grossroehrsdorf.example",
            "0171 2345678",
        )
        assert data.tags == ("Kommune", "Presse")
        (membership,) = data.memberships
        assert membership.is_primary
        assert membership.organisation_name == "Gemeinde Großröhrsdorf"
        assert membership.department_name == "Bauamt"  # matched to the Verwaltungsressort
        assert membership.role == "Amtsleiter"

        gemeinde = get_organisation(s, membership.organisation_id)
        assert gemeinde.kind_name == "Sonstige"
        assert gemeinde.data.website == "https://www.grossroehrsdorf.example"
        assert [m.name for m in gemeinde.members] == ["Müller-Lüdenscheidt, Dr. Jürgen"]

        schaefer = get_person(s, person_named(s, "Schäfer").id)
        assert schaefer.data.memberships == ()  # no organisation in the file
        assert schaefer.data.city == "Pulsnitz"

        # findable in the address book at once, in every spelling
        for text in ("müller", "MUELLER", "muller", "großröhrsdorf"):
            assert count_people(s, PeopleQuery(text=text)) == 1, text
        (row,) = people_page(s, PeopleQuery(text="Lüdenscheidt"), 0, 10)
        assert (row.name, row.organisation, row.department) == (
            "Müller-Lüdenscheidt, Dr. Jürgen",
            "Gemeinde Großröhrsdorf",
            "Bauamt",
        )


def test_unknown_department_goes_into_the_role(db: Database) -> None:
    """A department that is no Verwaltungsressort is kept in the membership's role text."""
    with db.session() as s:
        apply_import(s, read_contacts_file(DATA / "thunderbird_en.csv").records)
    with db.session() as s:
        (membership,) = get_person(s, person_named(s, "Weiß").id).data.memberships
        assert (membership.role, membership.department_id) == (
            "Projektleiterin, Standortmarketing",
            None,
        )


def test_organisation_only_records_create_the_organisation(db: Database) -> None:
    """A record without a person's name creates its organisation with the record's details."""
    with db.session() as s:
        result = apply_import(s, read_contacts_file(DATA / "thunderbird_en.csv").records)
        (kjr,) = [
            get_organisation(s, i)
            for i in result.organisation_ids
            if get_organisation(s, i).data.name.startswith("Kreisjugendring")
        ]
    assert (result.people_created, result.organisations_created) == (2, 2)
    assert (kjr.data.email, kjr.data.phone) == ("info@kjr-bautzen.example", "03591 270 270")
    assert kjr.members == ()


def test_existing_organisation_is_linked_not_changed(db: Database) -> None:
    """Found ignoring case and umlaut spelling; its data stays; a different website is kept
    in the person's notes."""
    with db.session() as s:
        existing = factories.organisation(
            s, "Gemeinde Großröhrsdorf", website="https://alt.example"
        )
    records = [
        ContactRecord(
            first_name="Jutta",
            last_name="Kühn",
            organisation="GEMEINDE GROSSRÖHRSDORF",
            website="https://neu.example",
            source="Zeile 2",
        ),
        ContactRecord(organisation="gemeinde großröhrsdorf", email="x@y.de", source="Zeile 3"),
    ]
    with db.session() as s:
        preview = preview_import(s, records)
        assert [item.organisation_id for item in preview.items] == [existing, existing]
        assert preview.new_organisations == []
        result = apply_import(s, records)
    assert (result.people_created, result.organisations_created, result.unchanged) == (1, 0, 1)
    with db.session() as s:
        kuehn = get_person(s, person_named(s, "Kühn").id)
        assert kuehn.data.memberships[0].organisation_id == existing
        assert kuehn.data.notes == "Webseite: https://neu.example"
        organisation = get_organisation(s, existing)
        assert (organisation.kind_name, organisation.data.website, organisation.data.email) == (
            "Kommune",
            "https://alt.example",
            "",
        )


def test_one_organisation_for_many_records_and_tags_created_once(db: Database) -> None:
    records = [
        ContactRecord(
            first_name="A", last_name="Eins", organisation="Stadt Kamenz", categories=["Presse"]
        ),
        ContactRecord(
            first_name="B",
            last_name="Zwei",
            organisation="stadt kamenz",
            categories=["presse", "Neu"],
        ),
    ]
    with db.session() as s:
        result = apply_import(s, records)
    assert (result.people_created, result.organisations_created) == (2, 1)
    with db.session() as s:
        assert s.scalars(select(Organisation.name)).all() == ["Stadt Kamenz"]
        assert sorted(s.scalars(select(Tag.name))) == ["Neu", "Presse"]


def test_skipped_records_are_not_imported_and_not_checked(db: Database) -> None:
    records = [
        ContactRecord(first_name="Jutta", last_name="Kühn"),
        ContactRecord(email="kaputt@", source="Zeile 3"),  # invalid, but the user skips it
        ContactRecord(first_name="Bernd", last_name="Lehmann"),
    ]
    with db.session() as s:
        result = apply_import(s, records, skip={1})
    assert (result.people_created, result.skipped, len(result.person_ids)) == (2, 1, 2)


def test_one_line_fields_lose_line_breaks_and_surplus_blanks(db: Database) -> None:
    record = ContactRecord(
        first_name=" Anna  Maria ",
        last_name="Kühn",
        street="Töpferstraße 3\r\nHaus B",
        notes="  Erste Zeile\nzweite Zeile  ",
        categories=[" Presse ", "Presse", ""],
    )
    with db.session() as s:
        (person_id,) = apply_import(s, [record]).person_ids
    with db.session() as s:
        data = get_person(s, person_id).data
    assert (data.first_name, data.street) == ("Anna Maria", "Töpferstraße 3, Haus B")
    assert (data.notes, data.tags) == ("Erste Zeile\nzweite Zeile", ("Presse",))


# --- all or nothing -------------------------------------------------------------------


def test_an_invalid_third_record_leaves_the_database_unchanged(db: Database) -> None:
    with db.session() as s:
        factories.person(s, "Anna", "Vorher")
    before = counts(db)
    data = (
        "Vorname;Nachname;Firma;E-Mail;Kategorien\r\n"
        "Jutta;Kühn;WBG „Glück Auf“ eG;kuehn@wbg.example;Presse\r\n"
        'Bernd;Lehmann;Stadt Kamenz;b.lehmann@kamenz.example;"Neu;Kommune"\r\n'
        "Jürgen;Müller;Gemeinde Großröhrsdorf;mueller@;\r\n"
        "Ute;Lenz;;;\r\n"
    ).encode("cp1252")
    records = parse_contacts_csv(data, "liste.csv").records
    with pytest.raises(ImportRecordError) as caught, db.session() as s:
        apply_import(s, records)
    assert str(caught.value) == "Zeile 4: Die E-Mail-Adresse „mueller@“ ist ungültig."
    assert caught.value.record == "Zeile 4"
    assert counts(db) == before


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            ContactRecord(email="a@b.de", phone="0351 1", source="Zeile 3"),
            "Zeile 3: Der Datensatz hat weder Vor- noch Nachnamen noch eine Organisation.",
        ),
        (
            ContactRecord(last_name="M" * 101, source="Zeile 7"),
            "Zeile 7: „Nachname“ ist zu lang: „MMMMMMMMMMMMMMMMMMMMMMMMMMMMM…“ hat 101 Zeichen, "
            "erlaubt sind höchstens 100.",
        ),
        (
            ContactRecord(last_name="Kühn", postal_code="01900 Großröhrsdorf", source="Karte 2"),
            "Karte 2: „PLZ“ ist zu lang: „01900 Großröhrsdorf“ hat 19 Zeichen, "
            "erlaubt sind höchstens 10.",
        ),
        (
            ContactRecord(last_name="Kühn", categories=["x" * 81], source="Zeile 2"),
            "Zeile 2: „Kategorie“ ist zu lang",
        ),
        (
            ContactRecord(
                last_name="Kühn",
                organisation="WBG",
                function="F" * 100,
                department="Stabsstelle Demografie",
                source="Zeile 2",
            ),
            "Zeile 2: Funktion und Abteilung „",
        ),
    ],
)
def test_invalid_records_are_named(db: Database, record: ContactRecord, message: str) -> None:
    with db.session() as s:
        assert preview_import(s, [record]).problems[0].startswith(message)
    with pytest.raises(ImportRecordError) as caught, db.session() as s:
        apply_import(s, [ContactRecord(last_name="Gut"), record])
    assert str(caught.value).startswith(message)
    assert counts(db)["Person"] == 0


# --- preview --------------------------------------------------------------------------


def test_preview_finds_duplicates_and_writes_nothing(db: Database) -> None:
    with db.session() as s:
        gemeinde = factories.organisation(s, "Gemeinde Großröhrsdorf")
        mueller = factories.person(
            s,
            "Jürgen",
            "Müller",
            organisation_id=gemeinde,
            email="j.mueller@grossroehrsdorf.example",
        )
    before = counts(db)
    records = [
        ContactRecord(
            first_name="Juergen", last_name="Mueller", email="J.Mueller@grossroehrsdorf.example"
        ),
        ContactRecord(first_name="Anna", last_name="Schmidt", organisation="Neue Initiative e. V."),
        ContactRecord(first_name="Anna", last_name="Schmidt", email="anna@example.org"),
        ContactRecord(
            first_name="Bernd",
            last_name="Lehmann",
            email="anna@example.org",
            organisation="neue initiative e. v.",
        ),
        ContactRecord(organisation="Gemeinde Grossröhrsdorf"),
    ]
    with db.session() as s:
        preview = preview_import(s, records)
        assert not (s.new or s.dirty or s.deleted)
    first = preview.items[0]
    assert [(d.person_id, d.reason) for d in first.duplicates] == [
        (mueller, "gleicher Name und gleiche E-Mail-Adresse")
    ]
    assert first.duplicates[0].organisation == "Gemeinde Großröhrsdorf"
    assert [item.duplicates_in_file for item in preview.items] == [(), (), (1,), (2,), ()]
    assert preview.duplicate_indices == {0, 2, 3}
    assert preview.new_organisations == ["Neue Initiative e. V."]
    assert [item.new_organisation for item in preview.items] == [False, True, False, True, False]
    assert preview.items[4].organisation_id == gemeinde  # ß = ss, case ignored
    assert preview.problems == []
    assert counts(db) == before

    with db.session() as s:
        result = apply_import(s, records, skip=preview.duplicate_indices)
    assert (result.people_created, result.organisations_created, result.skipped) == (1, 1, 3)
    assert result.unchanged == 1


# --- export and re-import -------------------------------------------------------------


@pytest.fixture
def address_book(db: Database) -> Database:
    with db.session() as s:
        gemeinde = factories.organisation(
            s, "Gemeinde Großröhrsdorf", website="https://grossroehrsdorf.example",
            street="Rathausplatz 1", postal_code="01900", city="Großröhrsdorf",
        )  # fmt: skip
        wbg = factories.organisation(s, "WBG „Glück Auf“ eG", "Wohnungswirtschaft")
        factories.person(
            s, "Jürgen", "Müller-Lüdenscheidt", organisation_id=gemeinde, role="Amtsleiter",
            department="Bauamt", title="Dr.", salutation="Herr", email="j.mueller@example.de",
            phone="+49 35952 283-41", mobile="0171 2345678", tags=("Presse", "Kommune"),
            notes="Erste Zeile; mit Semikolon\nZweite Zeile, mit Komma",
        )  # fmt: skip
        save_person(
            s,
            PersonData(
                first_name="Jutta", last_name="Kühn", salutation="Frau", function="Vorstand",
                street="Töpferstraße 3", postal_code="02625", city="Bautzen",
                memberships=(
                    MembershipData(wbg, role="Vorstand", is_primary=True),
                    MembershipData(gemeinde, role="Beirat", valid_until=date(2020, 12, 31)),
                ),
            ),
        )  # fmt: skip
        factories.person(s, "Ayşe", "Öztürk", email="ayse@example.org", tags=("Fachkräfte",))
    # a department that is no Verwaltungsressort, as an import stores it
    with db.session() as s:
        apply_import(
            s,
            [ContactRecord(first_name="Bernd", last_name="Ahrens", organisation="Stadt Kamenz",
                           function="Referent", department="Stabsstelle Demografie")],
        )  # fmt: skip
    return db


def test_export_records(address_book: Database) -> None:
    """Sorted by name (Ö as O); the primary current membership; the organisation's address."""
    with address_book.session() as s:
        records = load_contact_records(s)
    assert [r.last_name for r in records] == ["Ahrens", "Kühn", "Müller-Lüdenscheidt", "Öztürk"]
    ahrens, kuehn, mueller, oeztuerk = records
    assert (ahrens.organisation, ahrens.function, ahrens.department) == (
        "Stadt Kamenz",
        "Referent",
        "Stabsstelle Demografie",
    )
    assert (kuehn.organisation, kuehn.city) == ("WBG „Glück Auf“ eG", "Bautzen")
    assert (mueller.department, mueller.function, mueller.website) == (
        "Bauamt",
        "Amtsleiter",
        "https://grossroehrsdorf.example",
    )
    assert (mueller.street, mueller.city) == ("Rathausplatz 1", "Großröhrsdorf")
    assert mueller.categories == ["Kommune", "Presse"]
    assert (oeztuerk.organisation, oeztuerk.categories) == ("", ["Fachkräfte"])
    with address_book.session() as s:
        ids = [person_named(s, "Öztürk").id, person_named(s, "Kühn").id]
        assert [r.last_name for r in load_contact_records(s, ids)] == ["Kühn", "Öztürk"]


@pytest.mark.parametrize("name", ["export.vcf", "export.csv"])
def test_export_then_import_gives_the_same_data(
    address_book: Database, tmp_path: Path, name: str
) -> None:
    with address_book.session() as s:
        exported = load_contact_records(s)
    write_contacts_file(tmp_path / name, exported)

    fresh = Database.open(str(tmp_path / "neu.sqlite"))
    try:
        with fresh.session() as s:
            result = apply_import(s, read_contacts_file(tmp_path / name).records)
        assert (result.people_created, result.organisations_created) == (4, 3)
        with fresh.session() as s:
            assert load_contact_records(s) == exported
            (row,) = people_page(s, PeopleQuery(text="mueller"), 0, 10)
            assert row.department == "Bauamt"
    finally:
        fresh.close()
