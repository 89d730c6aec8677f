"""The calendar as a user drives it: series, meetings, agenda, invitations, exports."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QTreeWidget

from multilok_desktop.domain import ActionItem
from multilok_desktop.domain.enums import Response
from multilok_desktop.services.address_book import PeopleQuery
from multilok_desktop.services.calendar import SeriesData
from multilok_desktop.services.clock import OFFICE_TZ, local
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.calendar.meeting_dialog import MeetingDialog
from multilok_desktop.ui.calendar.review_dialog import ReviewDialog
from multilok_desktop.ui.calendar.series_dialog import SeriesDialog
from multilok_desktop.ui.main_window import NAV_CALENDAR, MainWindow
from tests.ui.test_address_book_view import with_dialog

NEXT_YEAR = date.today().year + 1


def titles(tree: QTreeWidget, column: int) -> list[str]:
    return [tree.topLevelItem(i).text(column) for i in range(tree.topLevelItemCount())]


@pytest.fixture
def calendar_window(window: MainWindow) -> MainWindow:
    """The main window with a spring/autumn series and its meetings of next year."""
    service = window.calendar._service
    series_id = service.save_series(
        SeriesData(
            title="Vernetzungstreffen Multilokalität",
            recurrence="FREQ=YEARLY;BYMONTH=3,9;BYDAY=2TU",
            first_start=datetime(NEXT_YEAR, 1, 1, 14, 0, tzinfo=OFFICE_TZ),
            default_location="Landratsamt, Großer Sitzungssaal",
            default_duration_minutes=150,
        )
    )
    service.generate_meetings(series_id, date(NEXT_YEAR, 12, 31))
    window.navigation.setCurrentRow(NAV_CALENDAR)
    return window


def test_month_and_list_show_the_generated_meetings(calendar_window: MainWindow) -> None:
    calendar = calendar_window.calendar
    upcoming = titles(calendar.agenda_list, 2)
    assert upcoming[:2] == [
        "1. Vernetzungstreffen Multilokalität",
        "2. Vernetzungstreffen Multilokalität",
    ]
    march = [d for d in range(8, 15) if date(NEXT_YEAR, 3, d).weekday() == 1][0]
    calendar.month.setSelectedDate(QDate(NEXT_YEAR, 3, march))
    assert titles(calendar.day_list, 1) == ["1. Vernetzungstreffen Multilokalität"]
    assert "14:00–16:30 Uhr" in calendar.details.toPlainText()
    assert "Eröffnung und Begrüßung" in calendar.details.toPlainText()  # the standard agenda
    calendar.go_today()
    assert calendar.month.selectedDate() == QDate.currentDate()


def test_new_meeting_through_the_dialog_warns_about_a_holiday(
    calendar_window: MainWindow, qtbot
) -> None:  # noqa: ANN001
    calendar = calendar_window.calendar
    calendar.month.setSelectedDate(QDate(NEXT_YEAR, 10, 3))  # Tag der Deutschen Einheit
    seen = {}

    def plan(dialog: MeetingDialog) -> None:
        dialog._title.setText("Sondertreffen Fachkräfte")
        dialog._location.setText("Rathaus Großwöllmen")
        dialog._check_warnings()
        seen["warning"] = dialog._warnings.text()
        dialog.accept()

    with_dialog(MeetingDialog, plan)
    calendar.new_action.trigger()
    assert "Tag der Deutschen Einheit" in seen["warning"]
    assert "Sondertreffen Fachkräfte" in titles(calendar.day_list, 1)


def test_moving_a_series_meeting_asks_and_moves_the_following(
    calendar_window: MainWindow,
    answer_dialog,  # noqa: ANN001
) -> None:
    calendar = calendar_window.calendar
    service = calendar._service
    first, second = [e for e in service.upcoming(date.today()) if e.series_id][:2]
    calendar.show_meeting(first.id)

    def later(dialog: MeetingDialog) -> None:
        dialog._start.setTime(dialog._start.time().addSecs(3600))  # 15:00
        dialog._end.setTime(dialog._end.time().addSecs(3600))
        answer_dialog("Dieses und alle folgenden")
        dialog.accept()

    with_dialog(MeetingDialog, later)
    calendar.edit_action.trigger()
    assert f"{local(service.get_meeting(first.id).data.start):%H:%M}" == "15:00"
    assert f"{local(service.get_meeting(second.id).data.start):%H:%M}" == "15:00"
    assert service.get_meeting(second.id).ical_sequence == 1  # Outlook replaces the entry


def test_agenda_reorders_by_keyboard(calendar_window: MainWindow, qtbot) -> None:  # noqa: ANN001
    service = calendar_window.calendar._service
    meeting = [e for e in service.upcoming(date.today()) if e.series_id][0]
    dialog = MeetingDialog(service, meeting.id, calendar_window)
    qtbot.addWidget(dialog)
    agenda = dialog._agenda
    agenda.setCurrentCell(1, 1)
    qtbot.keyClick(agenda, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert agenda.item(2, 1).text() == "Feststellung der ordnungsgemäßen Einladung"
    assert agenda.item(2, 0).text() == "3"
    dialog.accept()
    saved = service.get_meeting(meeting.id).data.agenda
    assert [a.title for a in saved][1:3] == [
        "Genehmigung der Tagesordnung",
        "Feststellung der ordnungsgemäßen Einladung",
    ]


def test_invitations_and_replies(calendar_window: MainWindow, qtbot) -> None:  # noqa: ANN001
    service = calendar_window.calendar._service
    people = calendar_window.address_book._service
    meeting = [e for e in service.upcoming(date.today()) if e.series_id][0]
    ids = [r.id for r in people.people_page(PeopleQuery(), 0, 10)]
    service.invite(meeting.id, person_ids=ids)
    dialog = MeetingDialog(service, meeting.id, calendar_window, address_book=people)
    qtbot.addWidget(dialog)
    panel = dialog.invitations
    assert panel._counts.text() == "3 Eingeladene · 3 ohne Rückmeldung"
    combo = panel._table.cellWidget(0, 4)
    combo.setCurrentIndex(combo.findData(Response.ACCEPTED))
    assert panel._counts.text() == "3 Eingeladene · 2 ohne Rückmeldung · 1 zugesagt"
    assert panel._table.item(0, 5).text() == f"{date.today():%d.%m.%Y}"


def test_new_series_shows_next_dates_before_saving(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    calendar = window.calendar
    dialog = SeriesDialog(calendar._service, calendar._address_book, None, window)
    qtbot.addWidget(dialog)
    dialog._first_date.setDate(QDate(NEXT_YEAR, 1, 1))
    dialog._update_preview()
    assert dialog._rule_text.text() == "jedes Jahr im März und September, am 2. Dienstag"
    first = dialog._preview.item(0).text()
    assert first.startswith("Di., ") and f".03.{NEXT_YEAR} 14:00 Uhr" in first
    dialog._title.setText("Frühjahr und Herbst")
    dialog.accept()
    assert [s.title for s in calendar._service.list_series()] == ["Frühjahr und Herbst"]


def test_exports_from_the_toolbar(
    calendar_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """.ics invitation, invitation letter and signature list land where the user chose."""
    calendar = calendar_window.calendar
    meeting = [e for e in calendar._service.upcoming(date.today()) if e.series_id][0]
    calendar.show_meeting(meeting.id)
    for action, name, start in (
        (calendar.ics_action, "einladung.ics", b"BEGIN:VCALENDAR"),
        (calendar.letter_action, "einladung.pdf", b"%PDF"),
        (calendar.attendance_action, "liste.pdf", b"%PDF"),
    ):
        target = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target: (str(t), ""))
        action.trigger()
        assert target.read_bytes().startswith(start), name


def test_open_tasks_of_the_last_meeting_go_on_the_next_agenda(
    calendar_window: MainWindow, filled_db: Database
) -> None:
    """Wiedervorlage: the open action item of meeting 1 becomes a TOP of meeting 2."""
    calendar = calendar_window.calendar
    service = calendar._service
    first, second = [e for e in service.upcoming(date.today()) if e.series_id][:2]
    with filled_db.session() as session:  # an item decided in meeting 1 (minute-taking comes later)
        session.add(
            ActionItem(text="Leerstandsliste schicken", meeting_id=first.id, owner_text="Hr. Öhler")
        )
    calendar.show_meeting(second.id)
    with_dialog(ReviewDialog, lambda dialog: dialog.accept())
    calendar.review_action.trigger()
    agenda = service.get_meeting(second.id).data.agenda
    review = next(a for a in agenda if a.title == "Wiedervorlage: offene Aufgaben")
    assert "Leerstandsliste schicken – Hr. Öhler" in review.description
    assert agenda[-1].title == "Verschiedenes"


def test_monthly_and_weekly_rules_ignore_greyed_out_choices(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    """Review finding: the March/September ticks must not leak into a monthly rule."""
    dialog = SeriesDialog(window.calendar._service, window.calendar._address_book, None, window)
    qtbot.addWidget(dialog)
    dialog._frequency.setCurrentIndex(dialog._frequency.findData("monthly"))
    assert dialog._rule() == "FREQ=MONTHLY;BYDAY=2TU"
    dialog._frequency.setCurrentIndex(dialog._frequency.findData("weekly"))
    assert dialog._rule() == "FREQ=WEEKLY;BYDAY=TU"
    dialog._update_preview()
    assert dialog._preview.count() == 6
