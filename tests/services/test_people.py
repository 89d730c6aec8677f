"""People: create, change, validate, delete, duplicates and merging without losing links."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from multilok_desktop.domain import (
    ActionItem,
    Attendance,
    DistributionList,
    DistributionListMember,
    Meeting,
    Membership,
    Person,
    PersonDirectoryRow,
)
from multilok_desktop.services.address_book import PeopleQuery, count_people
from multilok_desktop.services.distribution_lists import ListMember, get_list, save_list
from multilok_desktop.services.duplicates import find_duplicate_people
from multilok_desktop.services.errors import NotFoundError, ValidationError
from multilok_desktop.services.people import (
    MembershipData,
    PersonData,
    delete_person,
    get_person,
    merge_people,
    save_person,
)
from multilok_desktop.storage.database import Database
from tests import factories


def test_create_and_read_back_with_membership_and_tags(db: Database) -> None:
    with db.session() as s:
        org = factories.organisation(s, "Gemeinde Großwöllmen")
        person_id = save_person(
            s,
            PersonData(
                salutation="Frau", title="Dr.", first_name=" Jutta ", last_name="Kühn",
                function="Amtsleiterin", email="j.kuehn@grosswoellmen.de",
                tags=("Presse", "presse", "Fachkräfte"),
                memberships=(
                    MembershipData(org, role="Leitung", department_id=factories.department_id(s, "Bauamt")),
                ),
            ),
        )  # fmt: skip
    with db.session() as s:
        details = get_person(s, person_id)
    assert details.display_name == "Dr. Jutta Kühn"
    assert details.data.tags == ("Fachkräfte", "Presse")  # duplicates folded, sorted
    (membership,) = details.data.memberships
    assert membership.organisation_name == "Gemeinde Großwöllmen"
    assert membership.department_name == "Bauamt"
    assert membership.is_primary  # the only membership becomes the primary one


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (PersonData(), "Vor- oder Nachnamen"),
        (PersonData(last_name="Kühn", email="kuehn@"), "ungültig"),
        (PersonData(last_name="x" * 101), "Nachname ist zu lang"),
    ],
)
def test_invalid_input_changes_nothing(db: Database, data: PersonData, message: str) -> None:
    with pytest.raises(ValidationError, match=message), db.session() as s:
        save_person(s, data)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0


def test_membership_must_not_end_before_it_starts(db: Database) -> None:
    with db.session() as s:
        org = factories.organisation(s, "Gemeinde A")
        bad = MembershipData(org, valid_from=date(2025, 5, 1), valid_until=date(2024, 1, 1))
        with pytest.raises(ValidationError, match="endet vor ihrem Beginn"):
            save_person(s, PersonData(last_name="Kühn", memberships=(bad,)))


def test_ended_membership_does_not_show_as_current_organisation(db: Database) -> None:
    with db.session() as s:
        old = factories.organisation(s, "Alte Firma GmbH", "Unternehmen")
        new = factories.organisation(s, "Neue Firma GmbH", "Unternehmen")
        person_id = save_person(
            s,
            PersonData(
                last_name="Kühn",
                memberships=(
                    MembershipData(old, valid_until=date(2020, 1, 1), is_primary=True),
                    MembershipData(new),
                ),
            ),
        )
    with db.session() as s:
        row = s.get(PersonDirectoryRow, person_id)
        assert row is not None
        assert row.organisation == "Neue Firma GmbH"


def test_update_replaces_fields_and_memberships(db: Database) -> None:
    with db.session() as s:
        a = factories.organisation(s, "Gemeinde A")
        b = factories.organisation(s, "Gemeinde B")
        person_id = factories.person(s, "Jutta", "Kühn", organisation_id=a)
    with db.session() as s:
        save_person(s, PersonData(first_name="Jutta", last_name="Kühn-Berger",
                                  memberships=(MembershipData(b, role="Kämmerin"),)), person_id)  # fmt: skip
    with db.session() as s:
        details = get_person(s, person_id)
        assert details.data.last_name == "Kühn-Berger"
        assert [m.organisation_name for m in details.data.memberships] == ["Gemeinde B"]
        assert s.scalar(select(func.count()).select_from(Membership)) == 1


def test_delete_person_keeps_the_name_in_attendance(db: Database) -> None:
    with db.session() as s:
        person_id = factories.person(s, "Jutta", "Kühn")
        start = datetime(2026, 3, 10, 13, tzinfo=UTC)
        meeting = Meeting(title="1. Treffen", start=start, end=start)
        meeting.attendance.append(Attendance(person_id=person_id, name_text="Jutta Kühn"))
        s.add(meeting)
    with db.session() as s:
        delete_person(s, person_id)
    with db.session() as s:
        attendance = s.scalars(select(Attendance)).one()
        assert attendance.person_id is None and attendance.name_text == "Jutta Kühn"
        assert count_people(s, PeopleQuery(text="kühn")) == 0
        with pytest.raises(NotFoundError):
            delete_person(s, person_id)


def test_duplicate_warning_matches_other_umlaut_spelling_and_email(db: Database) -> None:
    with db.session() as s:
        factories.person(s, "Jürgen", "Müller", email="j.mueller@example.de")
        factories.person(s, "Anna", "Schmidt")
    with db.session() as s:
        (by_name,) = find_duplicate_people(s, "Juergen", "Mueller")
        assert by_name.name == "Müller, Jürgen" and by_name.reason == "gleicher Name"
        (by_mail,) = find_duplicate_people(s, "J.", "Miller", "J.Mueller@example.de")
        assert by_mail.reason == "gleiche E-Mail-Adresse"
        assert find_duplicate_people(s, "Jürgen", "Schmidt") == []
        assert find_duplicate_people(s, "Jürgen", "Müller", exclude_id=by_name.person_id) == []


def test_merge_moves_every_link_and_fills_gaps(db: Database) -> None:
    """Merging two records of one person keeps memberships, lists, tasks and attendance."""
    with db.session() as s:
        a = factories.organisation(s, "Gemeinde A")
        b = factories.organisation(s, "Gemeinde B")
        keep = factories.person(s, "Jürgen", "Müller", organisation_id=a, tags=("Presse",))
        remove = factories.person(
            s, "Juergen", "Mueller", organisation_id=b, email="jm@example.de", phone="0351 1",
            tags=("Fachkräfte",),
        )  # fmt: skip
        s.add(ActionItem(text="Liste schicken", owner_id=remove))
        both = save_list(
            s, "Bürgermeister", "", [ListMember(person_id=keep), ListMember(person_id=remove)]
        )
        only_removed = save_list(s, "Presse", "", [ListMember(person_id=remove)])
    with db.session() as s:
        merge_people(s, keep, remove)
    with db.session() as s:
        assert s.get(Person, remove) is None
        details = get_person(s, keep)
        assert details.data.first_name == "Jürgen"  # keep's value wins
        assert details.data.email == "jm@example.de"  # gap filled from the other record
        assert {m.organisation_name for m in details.data.memberships} == {
            "Gemeinde A",
            "Gemeinde B",
        }
        assert [m.is_primary for m in details.data.memberships].count(True) == 1
        assert set(details.data.tags) == {"Presse", "Fachkräfte"}
        assert s.scalars(select(ActionItem.owner_id)).one() == keep
        assert [m.person_id for m in get_list(s, both).members] == [keep]
        assert [m.person_id for m in get_list(s, only_removed).members] == [keep]
        assert s.scalar(select(func.count()).select_from(DistributionListMember)) == 2
        assert s.scalar(select(func.count()).select_from(DistributionList)) == 2
        assert count_people(s, PeopleQuery(text="müller")) == 1
        assert count_people(s, PeopleQuery(text="gemeinde b")) == 1


def test_merge_with_itself_or_missing_is_refused(db: Database) -> None:
    with db.session() as s:
        keep = factories.person(s, "Jürgen", "Müller")
        with pytest.raises(ValidationError):
            merge_people(s, keep, keep)
        with pytest.raises(NotFoundError):
            merge_people(s, keep, keep + 99)
