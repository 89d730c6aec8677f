"""Optimistic locking: a stale form never overwrites a newer save (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from multilok_desktop.services.conflicts import ConflictError, describe
from multilok_desktop.services.measure_editing import (
    create_measure,
    measure_input,
    new_measure_input,
    set_progress,
    update_measure,
)
from multilok_desktop.services.meeting_editing import create_meeting, get_meeting, update_meeting
from multilok_desktop.services.organisations import get_organisation, save_organisation
from multilok_desktop.services.people import PersonData, get_person, save_person
from multilok_desktop.storage.database import Database
from tests import factories
from tests.services.calendar_helpers import meeting_data


def _person(db: Database) -> int:
    with db.session() as s:
        return save_person(s, PersonData(first_name="Anna", last_name="Müller", city="Pulsnitz"))


def test_a_stale_person_form_gets_both_versions_and_changes_nothing(db: Database) -> None:
    person_id = _person(db)
    with db.session() as s:
        mine = get_person(s, person_id).data  # the form, version 1
        theirs = get_person(s, person_id).data
    assert mine.version == 1
    with db.session() as s:
        save_person(s, replace(theirs, city="Kamenz"), person_id)
    with db.session() as s, pytest.raises(ConflictError) as caught:
        save_person(s, replace(mine, phone="03591 1234", tags=("Presse",)), person_id)
    error = caught.value
    assert "Die Person „Anna Müller“" in str(error) and "nicht gespeichert" in str(error)
    assert error.saved_version == 2
    assert set(error.differences) == {
        ("Telefon", "03591 1234", ""),
        ("Ort", "Pulsnitz", "Kamenz"),
        ("Schlagwörter", "Presse", ""),
    }
    with db.session() as s:
        stored = get_person(s, person_id).data
    assert (stored.city, stored.phone, stored.tags, stored.version) == ("Kamenz", "", (), 2)


def test_a_fresh_form_saves_and_bumps_the_version_also_for_tags_only(db: Database) -> None:
    person_id = _person(db)
    with db.session() as s:
        data = get_person(s, person_id).data
        save_person(s, replace(data, tags=("Presse",)), person_id)
    with db.session() as s:
        data = get_person(s, person_id).data
    assert (data.tags, data.version) == (("Presse",), 2)
    with db.session() as s:  # callers that keep no version (imports, merges) still save
        save_person(s, replace(data, city="Kamenz", version=None), person_id)
        assert get_person(s, person_id).data.version == 3


def test_a_save_racing_another_between_check_and_update_is_a_conflict(db: Database) -> None:
    """The version check passed, then someone else saved: the UPDATE finds no row with
    the version it read (StaleDataError) and that becomes the same ConflictError."""
    person_id = _person(db)
    other = Database.open(db.url)
    try:
        with db.session() as s:
            mine = get_person(s, person_id).data  # loads the person into this session
            with other.session() as t:
                save_person(t, replace(get_person(t, person_id).data, city="Kamenz"), person_id)
            with pytest.raises(ConflictError) as caught:
                save_person(s, replace(mine, city="Bautzen"), person_id)
        assert ("Ort", "Bautzen", "Kamenz") in caught.value.differences
    finally:
        other.close()
    with db.session() as s:
        assert get_person(s, person_id).data.city == "Kamenz"


def test_organisation_meeting_and_measure_forms_are_checked_too(db: Database) -> None:
    with db.session() as s:
        organisation_id = factories.organisation(s, "Gemeinde Großwöllmen")
    with db.session() as s:
        stale = get_organisation(s, organisation_id).data
        save_organisation(s, replace(stale, city="Pulsnitz"), organisation_id)
    with db.session() as s, pytest.raises(ConflictError, match="Organisation „Gemeinde"):
        save_organisation(s, replace(stale, phone="1"), organisation_id)

    with db.session() as s:
        meeting_id = create_meeting(s, meeting_data(date(2026, 4, 21)))
        stale_meeting = get_meeting(s, meeting_id).data
        update_meeting(s, meeting_id, replace(stale_meeting, location="Rathaus"))
    with db.session() as s, pytest.raises(ConflictError) as caught:
        update_meeting(s, meeting_id, replace(stale_meeting, location="Bürgerhaus"))
    assert ("Ort", "Bürgerhaus", "Rathaus") in caught.value.differences
    with db.session() as s:
        assert get_meeting(s, meeting_id).data.location == "Rathaus"

    with db.session() as s:
        measure_id = create_measure(s, new_measure_input(s, "Wohnraumbörse"))
        stale_measure = measure_input(s, measure_id)
        set_progress(s, measure_id, 40)  # the board, from another window
    with db.session() as s, pytest.raises(ConflictError) as caught:
        update_measure(s, measure_id, replace(stale_measure, title="Wohnraumbörse Ost"))
    assert ("Fortschritt", "0", "40") in caught.value.differences
    assert ("Titel", "Wohnraumbörse Ost", "Wohnraumbörse") in caught.value.differences
    with db.session() as s:
        assert measure_input(s, measure_id).title == "Wohnraumbörse"


def test_describe_labels_form_fields_in_german() -> None:
    shown = describe(PersonData(first_name="Anna", tags=("Presse", "Kommune")))
    assert shown["Vorname"] == "Anna" and shown["Schlagwörter"] == "Presse, Kommune"
    assert "version" not in shown and "Version" not in shown
