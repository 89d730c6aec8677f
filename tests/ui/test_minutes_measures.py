"""Sitzungsmodus → Maßnahmen: Alt+M turns a result into a measure; action items link one."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from multilok_desktop.domain.enums import OutcomeKind
from multilok_desktop.services.measures_service import MeasuresService
from multilok_desktop.services.minutes_service import MinutesService
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.minutes.item_dialogs import ActionItemDialog
from multilok_desktop.ui.minutes.measure_dialog import MeasurePickDialog, OutcomeMeasureDialog
from multilok_desktop.ui.minutes.window import MinutesWindow
from tests.ui.test_address_book_view import with_dialog
from tests.ui.test_minutes_window import a_meeting


@pytest.fixture
def minutes(filled_db: Database, qtbot) -> MinutesWindow:  # noqa: ANN001
    meeting_id = a_meeting(filled_db)
    window = MinutesWindow(MinutesService(filled_db), meeting_id)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def add_outcome(window: MinutesWindow, text: str) -> int:
    service: MinutesService = window._service
    outcome_id = service.add_outcome(window._current_item, OutcomeKind.AGREEMENT, text)
    window._refresh()
    return outcome_id


def test_alt_m_makes_the_result_a_new_measure(
    minutes: MinutesWindow,
    filled_db: Database,
    qtbot,  # noqa: ANN001
) -> None:
    add_outcome(minutes, "Wohnraumbörse für Pendler aufbauen.")
    seen: list[str] = []

    def create(dialog: OutcomeMeasureDialog) -> None:
        seen.append(dialog.title.text())
        assert dialog.new_choice.isChecked() and dialog.kind.currentText() == "Projektidee"
        dialog.title.setText("Wohnraumbörse für Pendler")
        dialog.accept()

    with_dialog(OutcomeMeasureDialog, create)
    qtbot.keyClick(minutes, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(  # the button's mnemonic clicks it a moment later
        lambda: minutes.outcomes.item(0).text().endswith("→ Maßnahme: Wohnraumbörse für Pendler")
    )
    assert seen == ["Wohnraumbörse für Pendler aufbauen"]
    measures = MeasuresService(filled_db)
    rows = measures.page(measures_filter(), 0, 10)
    assert [r.title for r in rows] == ["Wohnraumbörse für Pendler"]
    details = measures.details(rows[0].id)
    assert details.origin_meeting is not None
    assert details.history[0].meeting_title == "7. Vernetzungstreffen"


def measures_filter():  # noqa: ANN201
    from multilok_desktop.services.measures_service import MeasureFilter

    return MeasureFilter()


def test_an_existing_measure_is_moved_on_from_the_result(
    minutes: MinutesWindow,
    filled_db: Database,  # noqa: ANN001
) -> None:
    measures = MeasuresService(filled_db)
    measure_id = measures.create(measures.new_measure_input("Kita-Notbetreuung zu Randzeiten"))
    add_outcome(minutes, "Die Notbetreuung startet im Mai.")

    def move_on(dialog: OutcomeMeasureDialog) -> None:
        dialog.update_choice.setChecked(True)
        dialog.picker.search.setText("notbetreuung")
        dialog.picker.refresh()
        assert dialog.picker.measure_id() == measure_id
        dialog.new_status.setCurrentIndex(dialog.new_status.findText("in Umsetzung"))
        dialog.progress.setValue(30)
        dialog.note.setText("Start im Mai")
        dialog.accept()

    with_dialog(OutcomeMeasureDialog, move_on)
    minutes.outcome_to_measure()
    details = measures.details(measure_id)
    assert (details.summary.status, details.progress) == ("in Umsetzung", 30)
    assert details.history[-1].note == "Start im Mai"
    assert details.history[-1].meeting_title == "7. Vernetzungstreffen"
    assert "→ Maßnahme: Kita-Notbetreuung zu Randzeiten" in minutes.outcomes.item(0).text()


def test_without_a_result_alt_m_says_what_to_do(minutes: MinutesWindow) -> None:
    minutes.outcome_to_measure()
    assert "Erst ein Ergebnis erfassen" in minutes.statusBar().currentMessage()


def test_a_locked_protocol_refuses_with_a_message(
    filled_db: Database,
    qtbot,
    answer_dialog,  # noqa: ANN001
) -> None:
    service = MinutesService(filled_db)
    meeting_id = a_meeting(filled_db)
    top = service.minutes_view(meeting_id).agenda[0].id
    service.add_outcome(top, OutcomeKind.DECISION, "Die Tagesordnung wird genehmigt.")
    service.approve(meeting_id, date.today())
    window = MinutesWindow(service, meeting_id)
    qtbot.addWidget(window)
    window.show()
    seen = answer_dialog("OK")
    window.outcome_to_measure()
    assert "gesperrt" in seen[0]
    assert MeasuresService(filled_db).count(measures_filter()) == 0


def test_an_action_item_gets_a_measure_chosen_in_its_dialog(
    minutes: MinutesWindow,
    filled_db: Database,  # noqa: ANN001
) -> None:
    measures = MeasuresService(filled_db)
    measure_id = measures.create(measures.new_measure_input("Wohnraumbörse"))

    def pick(dialog: MeasurePickDialog) -> None:
        dialog.picker.search.setText("wohnraum")
        dialog.picker.refresh()
        dialog.accept()

    def fill(dialog: ActionItemDialog) -> None:
        dialog.text.setPlainText("Vermieter anschreiben")
        with_dialog(MeasurePickDialog, pick)
        dialog.choose_measure.click()
        assert dialog.measure == (measure_id, "Wohnraumbörse")
        dialog.accept()

    with_dialog(ActionItemDialog, fill)
    minutes._add_action_item()
    assert minutes.actions_list.item(0).text().endswith("→ Maßnahme: Wohnraumbörse")
    steps = measures.details(measure_id).action_items
    assert [s.text for s in steps] == ["Vermieter anschreiben"]
