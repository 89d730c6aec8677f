"""Strg+K: one search field, results grouped by kind, Enter opens the record's view."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from multilok_desktop.domain import Meeting
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.main_window import NAV_ADDRESS_BOOK, NAV_CALENDAR, MainWindow
from multilok_desktop.ui.search_popup import RESULT_ROLE, SearchPopup


def open_popup(qtbot, window: MainWindow) -> SearchPopup:  # noqa: ANN001
    # After a result was opened the main window gets the keyboard back (asynchronously).
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    popup = window.search_popup
    assert popup is not None and popup.isVisible()
    return popup


def search(qtbot, popup: SearchPopup, text: str) -> None:  # noqa: ANN001
    popup.field.setText(text)  # keyClicks cannot type umlauts (DESIGN.md §7)
    qtbot.waitUntil(lambda: bool(popup.results) and not popup._timer.isActive())


def chosen(popup: SearchPopup) -> tuple[str, int] | None:
    item = popup.list.currentItem()
    return item.data(RESULT_ROLE) if item is not None else None


def test_enter_opens_the_person_in_the_address_book(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.navigation.setCurrentRow(NAV_CALENDAR)
    popup = open_popup(qtbot, window)
    search(qtbot, popup, "muller")
    assert [(r.kind, r.title) for r in popup.results] == [("person", "Müller, Jürgen")]
    person_id = popup.results[0].id
    assert chosen(popup) == ("person", person_id)  # the first result is ready for Enter

    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert window.navigation.currentRow() == NAV_ADDRESS_BOOK
    assert window.address_book.people.current_id() == person_id


def test_a_filtered_address_book_is_cleared_to_show_the_person(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.navigation.setCurrentRow(NAV_ADDRESS_BOOK)
    window.address_book.people.search.setText("Ahrens")
    popup = open_popup(qtbot, window)
    search(qtbot, popup, "Köhler")
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    people = window.address_book.people
    assert people.search.text() == ""
    assert people.current_id() == popup.results[0].id


def test_arrows_move_over_results_of_every_kind_and_esc_closes(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    filled_db: Database,
) -> None:
    start = datetime.now(UTC) + timedelta(days=40)
    with filled_db.session() as s:
        meeting = Meeting(title="Gesprächsrunde Großwöllmen", start=start,
                          end=start + timedelta(hours=2), location="Rathaus")  # fmt: skip
        s.add(meeting)
        s.flush()
        meeting_id = meeting.id
    popup = open_popup(qtbot, window)
    search(qtbot, popup, "grosswoellmen")
    kinds = [r.kind for r in popup.results]
    assert kinds == ["person", "organisation", "meeting"]  # Müller works there
    headings = [popup.list.item(r).text() for r in range(popup.list.count())
                if not popup.list.item(r).data(RESULT_ROLE)]  # fmt: skip
    assert headings == ["Personen", "Organisationen", "Treffen"]

    qtbot.keyClick(popup.field, Qt.Key.Key_Down)  # over the heading "Organisationen"
    assert chosen(popup)[0] == "organisation"  # type: ignore[index]
    qtbot.keyClick(popup.field, Qt.Key.Key_Down)
    assert chosen(popup) == ("meeting", meeting_id)
    qtbot.keyClick(popup.field, Qt.Key.Key_Down)  # stays on the last one
    assert chosen(popup) == ("meeting", meeting_id)

    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    assert window.navigation.currentRow() == NAV_CALENDAR
    assert window.calendar.current_meeting_id() == meeting_id

    popup = open_popup(qtbot, window)
    assert popup.field.selectedText() == "grosswoellmen"  # ready to type anew
    qtbot.keyClick(popup.field, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_nothing_found_says_so(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    popup = open_popup(qtbot, window)
    popup.field.setText("xyzzy")
    popup.search_now()
    assert popup.results == [] and popup.list.count() == 0
    assert popup.hint.text() == "Nichts gefunden."
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)  # nothing to open: stays open
    assert popup.isVisible()
