"""Sitzungspaket in the calendar: export, read on the laptop, and the conflict review."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QFileDialog

from multilok_desktop.exchange.calendar_exchange_service import CalendarExchangeService
from multilok_desktop.exchange.meeting_package import MeetingPackageFiles
from multilok_desktop.reports.documents_service import DocumentsService
from multilok_desktop.services.address_book_service import AddressBookService
from multilok_desktop.services.calendar_service import CalendarService
from multilok_desktop.services.meeting_package_merge import Choice
from multilok_desktop.services.minutes_service import MinutesService, OutcomeKind
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.calendar.package_dialogs import PackageImportDialog
from multilok_desktop.ui.calendar.view import CalendarView
from tests.exchange.test_meeting_package import office_meeting
from tests.ui.test_address_book_view import with_dialog


@pytest.fixture
def laptop(tmp_path: Path, _migrated_template: Path) -> Iterator[Database]:
    path = tmp_path / "laptop.sqlite"
    shutil.copyfile(_migrated_template, path)
    database = Database.open(str(path))
    yield database
    database.close()


def calendar_on(qtbot, database: Database) -> CalendarView:  # noqa: ANN001
    view = CalendarView(
        CalendarService(database),
        AddressBookService(database),
        CalendarExchangeService(database),
        DocumentsService(database),
        packages=MeetingPackageFiles(database),
    )
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.ensure_loaded()
    return view


def test_export_read_on_the_laptop_and_choose_per_conflict(
    qtbot,  # noqa: ANN001
    db: Database,
    laptop: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Office: export; laptop: read (new copy), minute, export; office: a conflict is shown
    with both versions and the chosen version is the one that lands."""
    office = office_meeting(db)
    package, result = tmp_path / "paket.multilok", tmp_path / "ergebnis.multilok"
    office_view = calendar_on(qtbot, db)
    assert not office_view.package_export_action.isEnabled()  # no meeting chosen yet
    office_view.show_meeting(office.setup.autumn)
    assert office_view.package_export_action.isEnabled()
    assert office_view.package_export_action.shortcut().toString() == "Ctrl+Shift+P"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(package), ""))
    office_view.package_export_action.trigger()
    assert package.is_file()

    laptop_view = calendar_on(qtbot, laptop)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(package), ""))
    seen: list[str] = []

    def accept_copy(dialog: PackageImportDialog) -> None:
        seen.append(dialog.windowTitle())
        assert dialog.table.isHidden() and dialog.ok_button.isEnabled()
        dialog.ok_button.click()

    with_dialog(PackageImportDialog, accept_copy)
    laptop_view.package_import_action.trigger()
    assert seen == ["Sitzungspaket einlesen"]
    copy_id = laptop_view.current_meeting_id()
    assert copy_id is not None
    assert "7. Vernetzungstreffen" in laptop_view.details.toPlainText()
    minutes = MinutesService(laptop)
    kita = minutes.minutes_view(copy_id).agenda[3].id
    minutes.save_notes(kita, "<p>Notiz vom Laptop</p>")
    minutes.add_outcome(kita, OutcomeKind.AGREEMENT, "Umfrage im Herbst")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(result), ""))
    laptop_view.package_export_action.trigger()

    office.setup.service.save_notes(office.setup.tops(office.setup.autumn)[3], "<p>Büro</p>")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(result), ""))

    def review(dialog: PackageImportDialog) -> None:
        assert dialog.table.rowCount() == 1
        assert dialog.table.item(0, 0).text() == "TOP 4 Kinderbetreuung für Pendlerfamilien"
        assert dialog.table.item(0, 1).text() == "Büro und Laptop: beide geändert"
        shown = dialog.details.toPlainText()
        assert "Notizen" in shown and "Büro" in shown and "Notiz vom Laptop" in shown
        assert not dialog.ok_button.isEnabled()  # nothing until every conflict is decided
        combo = dialog.table.cellWidget(0, 2)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(Choice.TAKE.value))
        assert dialog.ok_button.isEnabled() and dialog.choices == {
            dialog._conflicts[0].key: Choice.TAKE
        }
        dialog.ok_button.click()

    with_dialog(PackageImportDialog, review)
    office_view.package_import_action.trigger()
    top = office.setup.service.minutes_view(office.setup.autumn).agenda[3]
    assert top.notes_html == "<p>Notiz vom Laptop</p>"
    assert [o.text for o in top.outcomes] == ["Umfrage im Herbst"]


def test_a_foreign_file_is_refused_with_a_message(
    qtbot,  # noqa: ANN001
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer_dialog,  # noqa: ANN001
) -> None:
    office_meeting(db)
    view = calendar_on(qtbot, db)
    foreign = tmp_path / "brief.multilok"
    foreign.write_text("Sehr geehrte Damen und Herren")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(foreign), ""))
    seen = answer_dialog("OK")
    view.package_import_action.trigger()
    assert seen and "kein Multilok-Sitzungspaket" in seen[0]
    assert "Es wurde nichts übernommen." in seen[0]


def test_the_main_window_calendar_makes_the_package_service_on_first_use(window) -> None:  # noqa: ANN001
    from multilok_desktop.exchange.meeting_package import MeetingPackageFiles
    from multilok_desktop.ui.main_window import NAV_CALENDAR

    window.navigation.setCurrentRow(NAV_CALENDAR)
    calendar = window.calendar
    assert calendar.package_import_action.isVisible()
    assert not isinstance(calendar._package_source, MeetingPackageFiles)  # not made yet
    assert isinstance(calendar._packages, MeetingPackageFiles)
    assert calendar._packages is calendar._packages  # made once
