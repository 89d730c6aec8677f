"""The address book as a user drives it: search, filter, create, edit, delete, merge, lists."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QListWidget, QPushButton

from multilok_desktop.app import build_main_window
from multilok_desktop.services.people import PersonData
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.address_book.lists_page import ListPropertiesDialog
from multilok_desktop.ui.address_book.merge_dialog import MergeDialog
from multilok_desktop.ui.address_book.person_dialog import PersonDialog
from multilok_desktop.ui.main_window import NAV_ADDRESS_BOOK, NAV_HOME, MainWindow


def visible_names(window: MainWindow) -> list[str]:
    model = window.address_book.people.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def with_dialog(dialog_type: type, action) -> None:  # noqa: ANN001
    """Run `action(dialog)` on the next modal dialog of that type (opened by exec())."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, dialog_type):
            action(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_window_opens_on_the_home_view_with_the_address_book_ready(window: MainWindow) -> None:
    """German navigation, Übersicht first; the status bar names the file."""
    navigation = window.navigation
    assert [navigation.item(i).text() for i in range(navigation.count())] == [
        "Übersicht", "Kalender", "Adressbuch", "Maßnahmen", "Protokolle",
    ]  # fmt: skip
    assert navigation.currentRow() == NAV_HOME
    navigation.setCurrentRow(NAV_ADDRESS_BOOK)
    assert visible_names(window) == ["Ahrens, Bernd", "Köhler, Anna", "Müller, Jürgen"]
    assert window.address_book.people.count_label.text() == "3 Einträge"
    assert "multilok.sqlite" in window._database_label.text()


def test_typing_filters_the_list_and_shows_details(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    people = window.address_book.people
    people.search.setText("MÜLL")
    assert visible_names(window) == ["Müller, Jürgen"]
    # the card follows a moment after typing stops
    qtbot.waitUntil(lambda: "Amtsleiter" in people.details.toPlainText())
    assert "Gemeinde Großwöllmen" in people.details.toPlainText()
    people.search.setText("koehler")
    assert visible_names(window) == ["Köhler, Anna"]
    people.search.setText("gibt es nicht")
    assert visible_names(window) == []
    qtbot.waitUntil(lambda: "Keine Treffer" in people.details.toPlainText())


def test_filter_by_organisation_kind(window: MainWindow) -> None:
    people = window.address_book.people
    combo = people._filters[0][1]
    combo.setCurrentIndex(combo.findText("Wohnungswirtschaft"))
    assert visible_names(window) == ["Ahrens, Bernd", "Köhler, Anna"]
    combo.setCurrentIndex(0)
    assert len(visible_names(window)) == 3


def test_create_person_through_the_dialog(window: MainWindow, filled_db: Database) -> None:
    def fill(dialog: PersonDialog) -> None:
        dialog._salutation.setCurrentText("Frau")
        dialog._first_name.setText("Şükran")
        dialog._last_name.setText("Öztürk")
        dialog._email.setText("s.oeztuerk@example.de")
        dialog._tags.setText("Presse, Fachkräfte")
        dialog.accept()

    with_dialog(PersonDialog, fill)
    window.address_book.new_action.trigger()
    assert "Öztürk, Şükran" in visible_names(window)
    people = window.address_book.people
    assert people.model.id_at(people.table.currentIndex().row()) == people.current_id()
    assert "s.oeztuerk@example.de" in people.details.toPlainText()


def test_invalid_person_is_not_saved_and_dialog_keeps_the_input(
    window: MainWindow, answer_dialog
) -> None:  # noqa: ANN001
    """A bad e-mail gets a clear message; the dialog stays open with what was typed."""
    state = {}

    def fill(dialog: PersonDialog) -> None:
        dialog._last_name.setText("Kühn")
        dialog._email.setText("kuehn@")
        messages = answer_dialog("OK")
        dialog.accept()
        state["visible"] = dialog.isVisible()
        state["typed"] = dialog._last_name.text()
        state["messages"] = list(messages)
        dialog.reject()

    with_dialog(PersonDialog, fill)
    window.address_book.new_action.trigger()
    assert state["visible"] and state["typed"] == "Kühn"
    assert any("ungültig" in m for m in state["messages"])
    assert "Kühn" not in " ".join(visible_names(window))


def test_duplicate_warning_can_stop_the_save(window: MainWindow, answer_dialog) -> None:  # noqa: ANN001
    state = {}

    def fill(dialog: PersonDialog) -> None:
        dialog._first_name.setText("Juergen")
        dialog._last_name.setText("Mueller")
        messages = answer_dialog("Zurück")
        dialog.accept()
        state["messages"] = list(messages)
        dialog.reject()

    with_dialog(PersonDialog, fill)
    window.address_book.new_action.trigger()
    assert "Müller, Jürgen" in state["messages"][0]
    assert visible_names(window) == ["Ahrens, Bernd", "Köhler, Anna", "Müller, Jürgen"]


def test_edit_and_delete_person(window: MainWindow, answer_dialog) -> None:  # noqa: ANN001
    people = window.address_book.people
    people.search.setText("köhler")

    def rename(dialog: PersonDialog) -> None:
        assert dialog._first_name.text() == "Anna"
        dialog._function.setText("Vorständin")
        dialog.accept()

    with_dialog(PersonDialog, rename)
    window.address_book.edit_action.trigger()
    assert "Vorständin" in people.details.toPlainText()

    messages = answer_dialog("Ja")
    window.address_book.delete_action.trigger()
    assert "Köhler" in messages[0]
    assert visible_names(window) == []
    people.search.clear()
    assert visible_names(window) == ["Ahrens, Bernd", "Müller, Jürgen"]


def test_merge_two_people(window: MainWindow, filled_db: Database) -> None:
    service = window.address_book._service
    twin = service.save_person(PersonData(first_name="J.", last_name="Müller", phone="03591 1"))
    people = window.address_book.people
    people.refresh()
    people.search.setText("müller")
    people.table.selectAll()
    assert window.address_book.merge_action.isEnabled()

    def merge(dialog: MergeDialog) -> None:
        dialog.select_kept(1)  # rows sort "Müller, J." before "Müller, Jürgen"
        dialog.accept()

    with_dialog(MergeDialog, merge)
    window.address_book.merge_action.trigger()
    assert visible_names(window) == ["Müller, Jürgen"]
    kept = service.person(people.current_id())
    assert kept.data.phone == "03591 1"  # filled from the merged twin
    assert twin != kept.id


def test_distribution_list_from_selection(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    book = window.address_book
    book.tabs.setCurrentWidget(book.lists)

    def name_it(dialog: ListPropertiesDialog) -> None:
        dialog._name.setText("Bürgermeister")
        dialog.accept()

    with_dialog(ListPropertiesDialog, name_it)
    book.new_action.trigger()
    assert book.lists.current_list_id() is not None

    book.tabs.setCurrentWidget(book.people)
    book.people.table.selectAll()

    def choose(dialog: QDialog) -> None:
        dialog.accept()

    with_dialog(QDialog, choose)  # the QInputDialog asking which list
    book.add_to_list_action.trigger()
    book.tabs.setCurrentWidget(book.lists)
    assert book.lists._members.topLevelItemCount() == 3
    assert isinstance(book.lists._lists, QListWidget)
    assert book.lists._lists.item(0).text() == "Bürgermeister (3)"


def test_window_geometry_and_view_are_remembered(
    qtbot,
    filled_db: Database,
    settings: QSettings,  # noqa: ANN001
) -> None:
    first = build_main_window(filled_db, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(780, 560)
    first.address_book.tabs.setCurrentIndex(1)
    first.close()
    second = build_main_window(filled_db, settings)
    qtbot.addWidget(second)
    second.show()
    assert (second.size().width(), second.size().height()) == (780, 560)
    assert second.address_book.tabs.currentIndex() == 1


def test_keyboard_search_shortcut_and_arrow_into_list(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    # Strg+K is the search over everything (tests/ui/test_global_search.py); Strg+F the list's
    window.navigation.setCurrentRow(NAV_ADDRESS_BOOK)
    people = window.address_book.people
    people.table.setFocus()
    qtbot.keyClick(people.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert people.search.hasFocus() or QApplication.focusWidget() is people.search
    people.search.setText("a")
    qtbot.keyClick(people.search, Qt.Key.Key_Down)
    assert people.table.hasFocus()


def test_membership_with_a_new_organisation_from_the_picker(
    window: MainWindow,
    qtbot,  # noqa: ANN001
) -> None:
    """Typing an unknown organisation in the picker and pressing "Neu …" creates it."""
    from multilok_desktop.ui.address_book.organisation_dialog import OrganisationDialog
    from multilok_desktop.ui.address_book.picker import PickerDialog

    def in_picker(picker: PickerDialog) -> None:
        picker._search.setText("Pendlerinitiative Talbach")
        with_dialog(OrganisationDialog, lambda editor: editor.accept())
        new = next(b for b in picker.findChildren(QPushButton) if b.text() == "&Neu …")
        new.click()

    def fill(dialog: PersonDialog) -> None:
        dialog._first_name.setText("Lena")
        dialog._last_name.setText("Weiß")
        with_dialog(PickerDialog, in_picker)
        dialog._on_add_membership()
        dialog.accept()

    with_dialog(PersonDialog, fill)
    window.address_book.new_action.trigger()
    people = window.address_book.people
    people.search.setText("weiß")
    assert [people.model.data(people.model.index(0, c)) for c in (0, 1)] == [
        "Weiß, Lena",
        "Pendlerinitiative Talbach",
    ]
