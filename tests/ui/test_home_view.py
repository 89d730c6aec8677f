"""The start page shows what needs attention, and its links open the record's place."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select, update

from multilok_desktop.domain import ActionItem, AgendaItem, Invitation, Meeting, Person, Response
from multilok_desktop.services.home import HomeService
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.home.view import HomeView
from multilok_desktop.ui.main_window import NAV_ADDRESS_BOOK, NAV_HOME, NAV_PROTOCOLS, MainWindow


def add_meeting(db: Database, title: str, days_ahead: int) -> int:
    start = datetime.now(UTC) + timedelta(days=days_ahead)
    with db.session() as s:
        meeting = Meeting(title=title, start=start, end=start + timedelta(hours=3))
        s.add(meeting)
        s.flush()
        s.add(Invitation(meeting_id=meeting.id, response=Response.ACCEPTED))
        s.add(AgendaItem(meeting_id=meeting.id, title="Begrüßung"))
        return meeting.id


@pytest.fixture
def view(qtbot, db: Database) -> HomeView:  # noqa: ANN001
    home = HomeView(HomeService(db))
    qtbot.addWidget(home)
    home.resize(1000, 700)
    return home


def test_shows_the_next_meeting_and_enter_on_its_link_opens_it(
    qtbot,  # noqa: ANN001
    db: Database,
    view: HomeView,
) -> None:
    meeting_id = add_meeting(db, "8. Vernetzungstreffen Multilokalität", 20)
    view.show()
    view.ensure_loaded()
    text = view.page.toPlainText()
    assert "8. Vernetzungstreffen Multilokalität" in text
    assert "1 zugesagt · 0 abgesagt · 0 offen" in text
    assert "1 TOP" in text and "Einladungen noch nicht versendet" in text

    view.page.setFocus()
    qtbot.keyClick(view.page, Qt.Key.Key_Tab)  # to the first link: the meeting
    with qtbot.waitSignal(view.navigate) as signal:
        qtbot.keyClick(view.page, Qt.Key.Key_Return)
    assert signal.args == ["meeting", meeting_id]


def test_empty_sections_say_so_in_one_line(qtbot, db: Database, view: HomeView) -> None:  # noqa: ANN001
    view.show()
    view.ensure_loaded()
    assert view.privacy_loading  # no worker before the app has loaded the models
    view.start_background_work()
    qtbot.waitUntil(lambda: not view.privacy_loading)  # read in a worker thread
    text = view.page.toPlainText()
    assert "Kein Treffen geplant." in text
    assert "Keine überfälligen Aufgaben." in text
    assert "Keine offene Maßnahme steht still." in text
    assert "Keine Datenschutz-Prüfung fällig." in text


def test_coming_back_to_the_page_shows_what_changed(db: Database, view: HomeView) -> None:
    view.show()
    view.ensure_loaded()
    assert "Keine überfälligen Aufgaben." in view.page.toPlainText()
    view.hide()
    with db.session() as s:
        s.add(
            ActionItem(text="Leerstände melden", due_date=datetime.now(UTC).date() - timedelta(3))
        )
    view.show()
    assert "Leerstände melden" in view.page.toPlainText()


def test_main_window_starts_on_the_overview_and_follows_its_links(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    filled_db: Database,
) -> None:
    assert window.navigation.currentRow() == NAV_HOME
    home = window.page(NAV_HOME)
    assert isinstance(home, HomeView)
    held = add_meeting(filled_db, "Workshop Wohnraum auf Zeit", -30)
    with filled_db.session() as s:
        s.add(ActionItem(text="Leerstände melden", meeting_id=held,
                         due_date=datetime.now(UTC).date() - timedelta(days=3)))  # fmt: skip
    home.reload()
    assert "Leerstände melden" in home.page.toPlainText()

    home.page.setFocus()
    qtbot.keyClick(home.page, Qt.Key.Key_Tab)  # no next meeting: the task is the first link
    qtbot.keyClick(home.page, Qt.Key.Key_Return)
    assert window.navigation.currentRow() == NAV_PROTOCOLS
    assert window.protocols.current_meeting_id() == held


def test_privacy_reviews_arrive_from_the_worker_and_link_to_the_person(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    filled_db: Database,
) -> None:
    with filled_db.session() as s:
        person_id = s.scalars(select(Person.id).where(Person.last_name == "Köhler")).one()
        s.execute(
            update(Person)
            .where(Person.id == person_id)
            .values(contact_review_on=datetime.now(UTC).date() - timedelta(days=2))
        )
    home = window.page(NAV_HOME)
    assert isinstance(home, HomeView)
    home.reload()
    qtbot.waitUntil(lambda: "Köhler, Anna" in home.page.toPlainText())
    assert "Prüfung Kontaktdaten fällig" in home.page.toPlainText()

    home.page.setFocus()
    qtbot.keyClick(home.page, Qt.Key.Key_Tab)  # the only link on the page
    qtbot.keyClick(home.page, Qt.Key.Key_Return)
    assert window.navigation.currentRow() == NAV_ADDRESS_BOOK
    assert window.address_book.people.current_id() == person_id
