"""Sitzungsmodus: keyboard-driven minutes, autosave, and surviving a killed process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from multilok_desktop.domain.enums import AttendanceStatus, OutcomeKind
from multilok_desktop.services.address_book import PeopleQuery
from multilok_desktop.services.address_book_service import AddressBookService
from multilok_desktop.services.calendar import STANDARD_AGENDA, AgendaItemData, MeetingData
from multilok_desktop.services.calendar_service import CalendarService
from multilok_desktop.services.clock import OFFICE_TZ
from multilok_desktop.services.minutes_service import MinutesService
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.minutes.item_dialogs import OutcomeDialog
from multilok_desktop.ui.minutes.protocols_view import OPEN_MINUTES_KEY
from multilok_desktop.ui.minutes.window import MinutesWindow
from tests.ui.test_address_book_view import with_dialog


def a_meeting(db: Database) -> int:
    from datetime import datetime

    start = datetime(date.today().year, 3, 10, 14, 0, tzinfo=OFFICE_TZ)
    agenda = tuple(
        AgendaItemData(title=title, planned_minutes=minutes) for title, minutes in STANDARD_AGENDA
    )
    data = MeetingData(
        title="7. Vernetzungstreffen", start=start, end=start.replace(hour=16), agenda=agenda
    )
    return CalendarService(db).create_meeting(data)


@pytest.fixture
def minutes(filled_db: Database, qtbot) -> MinutesWindow:  # noqa: ANN001
    meeting_id = a_meeting(filled_db)
    window = MinutesWindow(MinutesService(filled_db), meeting_id)
    qtbot.addWidget(window)
    window.show()
    return window


def test_typing_is_saved_within_two_seconds(
    minutes: MinutesWindow, filled_db: Database, qtbot
) -> None:  # noqa: ANN001
    minutes.notes.setPlainText("Frau Kühn stellt die Wohnraumbörse vor.")
    qtbot.waitUntil(
        lambda: "gespeichert" in minutes._saved_label.text() and not minutes._dirty, timeout=2500
    )
    view = MinutesService(filled_db).minutes_view(minutes._meeting_id)
    assert "Wohnraumbörse" in view.agenda[0].notes_html


def test_keyboard_moves_through_the_agenda_and_records_results(
    minutes: MinutesWindow, qtbot
) -> None:  # noqa: ANN001
    first = minutes.agenda.currentRow()
    qtbot.keyClick(minutes, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert minutes.agenda.currentRow() == first + 1

    def decide(dialog: OutcomeDialog) -> None:
        dialog.text.setPlainText("Die Tagesordnung wird genehmigt.")
        dialog.accept()

    with_dialog(OutcomeDialog, decide)
    minutes._add_outcome(OutcomeKind.DECISION)
    assert minutes.outcomes.item(0).text() == "• Beschluss: Die Tagesordnung wird genehmigt."
    assert minutes._top(minutes._current_item).started_at is not None  # the TOP clock runs


def test_check_in_by_space(minutes: MinutesWindow, filled_db: Database, qtbot) -> None:  # noqa: ANN001
    service = MinutesService(filled_db)
    service.add_walk_in(minutes._meeting_id, name="Ömer Öztürk", organisation="Gast",
                        status=AttendanceStatus.ABSENT)  # fmt: skip
    minutes._reload_attendance()
    table = minutes.attendance.table
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    rows = service.minutes_view(minutes._meeting_id).attendance
    assert rows[0].status == AttendanceStatus.PRESENT
    assert minutes.attendance.count.text() == "Anwesend 1 von 1"


def test_killed_while_typing_then_reopened_with_everything_saved(
    filled_db: Database, tmp_path: Path
) -> None:
    """DESIGN.md §5: kill -9 the app while typing; on the next start the minutes reopen."""
    meeting_id = a_meeting(filled_db)
    settings_file = tmp_path / "settings.ini"
    script = textwrap.dedent(f"""
        import os, sys, time
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication
        from multilok_desktop.app import build_main_window
        from multilok_desktop.storage.database import Database
        app = QApplication([])
        window = build_main_window(Database.open({str(filled_db.url.split(":///")[1])!r}),
                                   QSettings({str(settings_file)!r}, QSettings.Format.IniFormat))
        minutes = window.protocols.open_minutes({meeting_id})
        minutes.notes.setPlainText("Beschluss zur Wohnraumbörse, Satz eins.")
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:      # keep "typing": the autosave timer runs
            app.processEvents()
            time.sleep(0.05)
        minutes.notes.insertPlainText(" Noch nicht gespeich")
        print("TYPING", flush=True)
        while True:
            app.processEvents()
            time.sleep(0.05)
    """)
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}) as process:  # fmt: skip
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "TYPING"
        time.sleep(0.2)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    view = MinutesService(filled_db).minutes_view(meeting_id)
    assert "Satz eins." in view.agenda[0].notes_html  # saved before the kill
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    assert int(settings.value(OPEN_MINUTES_KEY)) == meeting_id  # marks the unclean end


def test_recovery_reopens_the_minutes(
    qtbot, filled_db: Database, settings: QSettings, answer_dialog
) -> None:  # noqa: ANN001
    from multilok_desktop.app import build_main_window

    meeting_id = a_meeting(filled_db)
    settings.setValue(OPEN_MINUTES_KEY, meeting_id)
    window = build_main_window(filled_db, settings)
    qtbot.addWidget(window)
    messages = answer_dialog("OK")
    window.recover_minutes()
    assert window.protocols.minutes_window is not None
    assert "nicht ordnungsgemäß beendet" in messages[0]
    window.protocols.minutes_window.close()
    assert settings.value(OPEN_MINUTES_KEY) is None  # a normal close clears the mark


def test_roles_are_chosen_from_the_attendees(minutes: MinutesWindow, filled_db: Database) -> None:
    service = MinutesService(filled_db)
    people = AddressBookService(filled_db).people_page(PeopleQuery(), 0, 5)
    service.add_walk_in(
        minutes._meeting_id, person_id=people[0].id, status=AttendanceStatus.PRESENT
    )
    minutes._reload_attendance()
    minutes._chair.setCurrentIndex(1)
    minutes._on_roles_changed()
    protocol = service.minutes_view(minutes._meeting_id).protocol
    assert protocol.chair_id == people[0].id


def test_approved_protocol_opens_read_only(filled_db: Database, qtbot) -> None:  # noqa: ANN001
    meeting_id = a_meeting(filled_db)
    service = MinutesService(filled_db)
    service.approve(meeting_id, date.today())
    window = MinutesWindow(service, meeting_id)
    qtbot.addWidget(window)
    assert window.notes.isReadOnly()
    assert not any(button.isEnabled() for button in window._result_buttons)
    assert "gesperrt" in window.statusBar().currentMessage()


def test_print_renders_every_pdf_page(filled_db: Database, tmp_path: Path) -> None:
    """Printing paints the PDF's own pages (here onto a PDF printer, to count them)."""
    from PySide6.QtPrintSupport import QPrinter

    from multilok_desktop.reports.documents_service import DocumentsService
    from multilok_desktop.ui.printing import render_pdf

    meeting_id = a_meeting(filled_db)
    source = DocumentsService(filled_db).protocol(meeting_id, tmp_path / "protokoll.pdf")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "gedruckt.pdf"))
    pages = render_pdf(source, printer)
    import pypdfium2

    assert pages >= 1
    assert len(pypdfium2.PdfDocument(str(tmp_path / "gedruckt.pdf"))) == pages


def test_protocols_view_filters_by_series_and_searches(
    qtbot, filled_db: Database, settings: QSettings
) -> None:  # noqa: ANN001
    from multilok_desktop.app import build_main_window

    meeting_id = a_meeting(filled_db)
    service = MinutesService(filled_db)
    top = service.minutes_view(meeting_id).agenda[0]
    service.save_notes(top.id, "<p>Die Kinderbetreuung in Großwöllmen wird ausgebaut.</p>")
    window = build_main_window(filled_db, settings)
    qtbot.addWidget(window)
    view = window.protocols
    view.ensure_loaded()
    assert view.series.itemText(0) == "alle"
    assert view.list.topLevelItemCount() == 1  # the single meeting, past or with minutes
    view.search.setText("KINDERBETR")
    assert view.list.topLevelItem(0).text(2) == f"TOP: {top.title}"
    assert "Kinderbetreuung" in view.details.toPlainText()
