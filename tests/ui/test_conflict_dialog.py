"""A form saved after someone else changed the record: both versions shown, nothing lost."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialog

from multilok_desktop.services.address_book_service import AddressBookService
from multilok_desktop.services.calendar_service import CalendarService
from multilok_desktop.services.conflicts import ConflictError
from multilok_desktop.services.measures_service import MeasuresService
from multilok_desktop.services.people import PersonData
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.address_book.organisation_dialog import OrganisationDialog
from multilok_desktop.ui.address_book.person_dialog import PersonDialog
from multilok_desktop.ui.calendar.meeting_dialog import MeetingDialog
from multilok_desktop.ui.conflict_dialog import conflict_box
from multilok_desktop.ui.measures.measure_dialog import MeasureDialog
from tests import factories
from tests.services.calendar_helpers import meeting_data

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def _person(service: AddressBookService) -> int:
    return service.save_person(PersonData(first_name="Anna", last_name="Köhler", city="Pulsnitz"))


def _someone_else_sets_city(service: AddressBookService, person_id: int, city: str) -> None:
    service.save_person(replace(service.person(person_id).data, city=city), person_id)


def test_person_dialog_shows_both_versions_and_reloads_the_stored_one(
    qtbot, db: Database, answer_dialog
) -> None:  # noqa: ANN001
    service = AddressBookService(db)
    person_id = _person(service)
    dialog = PersonDialog(service, person_id)
    qtbot.addWidget(dialog)
    _someone_else_sets_city(service, person_id, "Kamenz")  # while the form is open
    dialog._city.setText("Bautzen")
    dialog._phone.setText("03591 1234")
    messages = answer_dialog("Gespeicherte Fassung laden")
    dialog.accept()
    (message,) = messages
    assert "Die Person „Anna Köhler“ wurde inzwischen" in message
    assert "Ihre Fassung" in message and "gespeicherte Fassung" in message
    assert "Bautzen" in message and "Kamenz" in message and "03591 1234" in message
    assert dialog.result() != QDialog.DialogCode.Accepted  # still open, nothing saved
    assert (dialog._city.text(), dialog._phone.text()) == ("Kamenz", "")
    assert service.person(person_id).data.city == "Kamenz"
    dialog._phone.setText("03591 1234")  # typed again on the stored version: saves
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = service.person(person_id).data
    assert (stored.city, stored.phone) == ("Kamenz", "03591 1234")


def test_person_dialog_can_save_its_own_version_deliberately(
    qtbot, db: Database, answer_dialog
) -> None:  # noqa: ANN001
    service = AddressBookService(db)
    person_id = _person(service)
    dialog = PersonDialog(service, person_id)
    qtbot.addWidget(dialog)
    _someone_else_sets_city(service, person_id, "Kamenz")
    dialog._city.setText("Bautzen")
    answer_dialog("Meine Fassung speichern")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert service.person(person_id).data.city == "Bautzen"


def test_back_keeps_the_typed_text_and_saves_nothing(qtbot, db: Database, answer_dialog) -> None:  # noqa: ANN001
    service = AddressBookService(db)
    with db.session() as s:
        organisation_id = factories.organisation(s, "Gemeinde Großwöllmen")
    dialog = OrganisationDialog(service, organisation_id)
    qtbot.addWidget(dialog)
    stored = service.organisation(organisation_id).data
    service.save_organisation(replace(stored, city="Pulsnitz"), organisation_id)
    dialog._city.setText("Kamenz")
    messages = answer_dialog("Zurück")
    dialog.accept()
    assert "Die Organisation „Gemeinde Großwöllmen“" in messages[0]
    assert dialog._city.text() == "Kamenz"
    assert service.organisation(organisation_id).data.city == "Pulsnitz"


def test_meeting_dialog_reloads_the_stored_meeting(qtbot, db: Database, answer_dialog) -> None:  # noqa: ANN001
    calendar = CalendarService(db)
    meeting_id = calendar.create_meeting(meeting_data(date(2026, 4, 21)))
    dialog = MeetingDialog(calendar, meeting_id)
    qtbot.addWidget(dialog)
    stored = calendar.get_meeting(meeting_id).data
    calendar.update_meeting(meeting_id, replace(stored, location="Rathaus"))
    dialog._location.setText("Bürgerhaus")
    messages = answer_dialog("Gespeicherte Fassung laden")
    dialog.accept()
    assert "Bürgerhaus" in messages[0] and "Rathaus" in messages[0]
    assert dialog._location.text() == "Rathaus"
    assert calendar.get_meeting(meeting_id).data.location == "Rathaus"


def test_measure_dialog_closes_to_be_opened_again_on_reload(
    qtbot, db: Database, answer_dialog
) -> None:  # noqa: ANN001
    measures = MeasuresService(db)
    measure_id = measures.create(measures.new_measure_input("Börse"))
    dialog = MeasureDialog(measures, AddressBookService(db), measure_id)
    qtbot.addWidget(dialog)
    measures.update(measure_id, replace(measures.measure_input(measure_id), title="Börse Ost"))
    dialog.title.setText("Börse West")
    messages = answer_dialog("Gespeicherte Fassung laden")
    dialog.accept()
    assert "Börse West" in messages[0] and "Börse Ost" in messages[0]
    assert dialog.reload_requested and dialog.result() == QDialog.DialogCode.Rejected
    assert measures.measure_input(measure_id).title == "Börse Ost"


def test_conflict_message_screenshot(qtbot) -> None:  # noqa: ANN001
    error = ConflictError(
        "Die Person „Dr. Jürgen Müller-Lüdenscheidt“",
        {"Vorname": "Jürgen", "Telefon": "03591 1234", "Ort": "Bautzen"},
        {"Vorname": "Jürgen", "Telefon": "", "Ort": "Kamenz"},
        4,
    )
    box = conflict_box(None, error)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    SCREENSHOTS.mkdir(exist_ok=True)
    assert box.grab().save(str(SCREENSHOTS / "conflict_dialog.png"))
    texts = [b.text().replace("&", "") for b in box.buttons()]
    assert sorted(texts) == ["Gespeicherte Fassung laden", "Meine Fassung speichern", "Zurück"]
