"""The measure form: creating through the view, validation errors, retired values, Ampel."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from sqlalchemy import select, update

from multilok_desktop.domain import Measure, TrafficLight
from multilok_desktop.domain.taxonomy import ActionField
from multilok_desktop.services.address_book_service import AddressBookService
from multilok_desktop.services.measures_service import MeasureInput, MeasuresService
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.measures.measure_dialog import MeasureDialog
from multilok_desktop.ui.measures.view import MeasuresView


def when_modal(kind: type[QWidget], work: Callable[[QWidget], None]) -> None:
    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, handle)
            return
        work(dialog)

    QTimer.singleShot(0, handle)


def tick(widget, name: str) -> None:  # noqa: ANN001
    item = next(widget.item(i) for i in range(widget.count()) if widget.item(i).text() == name)
    item.setCheckState(Qt.CheckState.Checked)


@pytest.fixture
def service(filled_db: Database) -> MeasuresService:
    return MeasuresService(filled_db, author="kuehn")


@pytest.fixture
def address_book(filled_db: Database) -> AddressBookService:
    return AddressBookService(filled_db)


def test_new_measure_through_the_dialog_lands_in_table_and_database(
    qtbot,  # noqa: ANN001
    filled_db: Database,
    service: MeasuresService,
    address_book: AddressBookService,
) -> None:
    view = MeasuresView(service, address_book)
    qtbot.addWidget(view)
    view.show()
    view.ensure_loaded()
    assert view.model.rowCount() == 0

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, MeasureDialog)
        dialog.title.setText("Wohnraumbörse für Pendler")
        dialog.kind.setCurrentIndex(dialog.kind.findText("Projekt"))
        dialog.priority.setCurrentIndex(dialog.priority.findText("hoch"))
        dialog.description.setPlainText("Gemeinden melden freie Wohnungen.")
        dialog.strategy.setCurrentIndex(1)
        tick(dialog.action_fields, "Wohnen")
        tick(dialog.target_groups, "Incomings")
        dialog.progress.setValue(20)
        dialog.light_buttons[TrafficLight.DELAYED].setChecked(True)
        dialog.delay_reason.setPlainText("Förderbescheid fehlt")
        dialog.accept()

    when_modal(MeasureDialog, fill)
    new_id = view.new_measure()
    assert new_id is not None
    assert view.current_id() == new_id
    row = view.model.row_at(0)
    assert row is not None and row.title == "Wohnraumbörse für Pendler"
    assert row.action_fields == ("Wohnen",) and row.target_groups == ("Incomings",)
    details = service.details(new_id)
    assert details.summary.kind == "Projekt"
    assert details.priority == 1 and details.progress == 20
    assert (details.traffic_light, details.delay_reason) == ("verzögert", "Förderbescheid fehlt")
    assert details.description == "Gemeinden melden freie Wohnungen."
    assert "Wohnraumbörse für Pendler" in view.details.browser.toPlainText()


def test_new_measure_prefilled_from_data(
    qtbot,  # noqa: ANN001
    service: MeasuresService,
    address_book: AddressBookService,
) -> None:
    """new_measure(data) shows the given values (e.g. from a planning card)."""
    data = MeasureInput(title="Aus der Karte", description="Kurzbeschreibung der Karte")
    dialog = MeasureDialog(service, address_book, None, data)
    qtbot.addWidget(dialog)
    assert dialog.title.text() == "Aus der Karte"
    assert dialog.description.toPlainText() == "Kurzbeschreibung der Karte"


def test_validation_error_keeps_the_dialog_open_and_saves_nothing(
    qtbot,  # noqa: ANN001
    filled_db: Database,
    service: MeasuresService,
    address_book: AddressBookService,
) -> None:
    dialog = MeasureDialog(service, address_book)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("Mitfahrbank")
    dialog.light_buttons[TrafficLight.BLOCKED].setChecked(True)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "bitte den Grund angeben" in dialog.error.text()
    assert dialog.title.text() == "Mitfahrbank"  # typed input kept
    assert dialog.saved_id is None
    with filled_db.session() as session:
        assert session.scalars(select(Measure)).all() == []

    dialog.delay_reason.setPlainText("Grundstück ungeklärt")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved_id is not None


def test_reason_only_editable_when_not_on_track(
    qtbot,  # noqa: ANN001
    service: MeasuresService,
    address_book: AddressBookService,
) -> None:
    dialog = MeasureDialog(service, address_book)
    qtbot.addWidget(dialog)
    assert not dialog.delay_reason.isEnabled()
    dialog.light_buttons[TrafficLight.DELAYED].setChecked(True)
    assert dialog.delay_reason.isEnabled()
    dialog.light_buttons[TrafficLight.ON_TRACK].setChecked(True)
    assert not dialog.delay_reason.isEnabled()


def test_retired_values_only_where_the_measure_has_them(
    qtbot,  # noqa: ANN001
    filled_db: Database,
    service: MeasuresService,
    address_book: AddressBookService,
) -> None:
    wohnen = next(c.id for c in service.choices("action_field") if c.name == "Wohnen")
    measure_id = service.create(MeasureInput(title="Alt", action_field_ids=(wohnen,)))
    with filled_db.session() as session:
        session.execute(update(ActionField).where(ActionField.id == wohnen).values(retired=True))

    def names(dialog: MeasureDialog) -> list[str]:
        lst = dialog.action_fields
        return [lst.item(i).text() for i in range(lst.count())]

    old = MeasureDialog(service, address_book, measure_id)
    new = MeasureDialog(service, address_book)
    qtbot.addWidget(old)
    qtbot.addWidget(new)
    assert "Wohnen" in names(old)
    assert "Wohnen" not in names(new)


def test_parent_chosen_by_title_is_saved(
    qtbot,  # noqa: ANN001
    service: MeasuresService,
    address_book: AddressBookService,
) -> None:
    parent_id = service.create(MeasureInput(title="Wohnen für Pendler"))
    child_id = service.create(MeasureInput(title="Wohnraumbörse"))
    dialog = MeasureDialog(service, address_book, child_id)
    qtbot.addWidget(dialog)
    from multilok_desktop.ui.measures.measure_dialog import ParentPickerDialog

    def choose(picker: QWidget) -> None:
        assert isinstance(picker, ParentPickerDialog)
        picker.search.setText("Pendler")
        picker.accept()

    when_modal(ParentPickerDialog, choose)
    dialog.show()
    dialog._choose_parent()
    assert dialog.parent_label.text() == "Wohnen für Pendler"
    dialog.accept()
    assert service.details(child_id).parent_id == parent_id
