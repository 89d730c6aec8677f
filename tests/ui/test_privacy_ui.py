"""Privacy in the address book as a user drives it: the Datenschutz tab, one-click
withdrawal, Art. 15 export, Art. 17 erasure with confirmation, the Datenschutz-Prüfung."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from multilok_desktop.domain import ConsentStatus, LegalBasis
from multilok_desktop.services.privacy import ConsentInput, PrivacySettings
from multilok_desktop.services.privacy_service import PrivacyService
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.address_book.person_dialog import PersonDialog
from multilok_desktop.ui.address_book.privacy_actions import PrivacyReviewDialog
from multilok_desktop.ui.address_book.privacy_tab import ConsentDialog
from multilok_desktop.ui.main_window import NAV_ADDRESS_BOOK, MainWindow
from tests.ui.test_address_book_view import visible_names, with_dialog


def _person_id(window: MainWindow, name: str) -> int:
    people = window.address_book.people
    window.navigation.setCurrentRow(NAV_ADDRESS_BOOK)
    people.search.setText(name)
    people.table.selectRow(0)
    person_id = people.current_id()
    assert person_id is not None
    return person_id


def test_new_person_with_basis_review_date_and_consent(
    window: MainWindow,
    filled_db: Database,
    qtbot,  # noqa: ANN001
) -> None:
    privacy = PrivacyService(filled_db)
    dialog = PersonDialog(window.address_book._service, None, window, privacy)
    qtbot.addWidget(dialog)
    assert [dialog.tabs.tabText(i) for i in range(2)] == ["&Person", "&Datenschutz"]
    dialog._first_name.setText("Zoë")
    dialog._last_name.setText("Weiß")
    tab = dialog.privacy_tab
    assert tab is not None
    tab._source.setText("Anmeldung zum 7. Vernetzungstreffen")
    tab._contact_review.setText("31.12.2027")

    def fill(consent: ConsentDialog) -> None:
        consent._date.setText("02.03.2025")
        consent._text_version.setText("Einwilligung v2")
        consent.accept()

    with_dialog(ConsentDialog, fill)
    tab.add_button.click()
    assert "Wird mit der Person gespeichert" in tab.state_label.text()
    assert tab._basis.currentData() == LegalBasis.CONSENT  # chosen with the first consent
    dialog.accept()

    assert dialog.saved_id is not None
    details = privacy.privacy(dialog.saved_id)
    assert details.settings == PrivacySettings(
        LegalBasis.CONSENT, "Anmeldung zum 7. Vernetzungstreffen", date(2027, 12, 31)
    )
    assert [(c.status, c.recorded_on, c.text_version) for c in details.consents] == [
        (ConsentStatus.GIVEN, date(2025, 3, 2), "Einwilligung v2")
    ]


def test_bad_review_date_keeps_the_dialog_open(
    window: MainWindow,
    filled_db: Database,
    qtbot,
    answer_dialog,  # noqa: ANN001
) -> None:
    dialog = PersonDialog(window.address_book._service, None, window, PrivacyService(filled_db))
    qtbot.addWidget(dialog)
    dialog._last_name.setText("Neumann")
    assert dialog.privacy_tab is not None
    dialog.privacy_tab._participation_review.setText("31.02.2027")
    seen = answer_dialog("OK")
    dialog.accept()
    assert seen == ["Prüfdatum Teilnahmen „31.02.2027“ gibt es nicht."]
    assert dialog.saved_id is None
    assert "Neumann, " not in " ".join(visible_names(window))


def test_withdrawing_is_one_click_and_the_card_says_so(
    window: MainWindow,
    filled_db: Database,
    qtbot,  # noqa: ANN001
) -> None:
    person_id = _person_id(window, "Köhler")
    privacy = PrivacyService(filled_db)
    privacy.record_consent(person_id, ConsentInput(date(2026, 1, 15)))
    people = window.address_book.people
    people.show_record(person_id)
    qtbot.waitUntil(lambda: "ja (2026)" in people.details.toPlainText())

    withdraw = next(
        a for a in window.address_book.privacy_actions if a.text() == "Einwilligung widerrufen"
    )
    withdraw.trigger()

    assert privacy.privacy(person_id).state.value == "widerrufen"
    qtbot.waitUntil(lambda: "widerrufen" in people.details.toPlainText())
    assert person_id in [r.person_id for r in privacy.due()]  # basis not the public task


def test_withdraw_button_in_the_person_dialog(
    window: MainWindow,
    filled_db: Database,
    qtbot,  # noqa: ANN001
) -> None:
    person_id = _person_id(window, "Ahrens")
    privacy = PrivacyService(filled_db)
    privacy.record_consent(person_id, ConsentInput(date(2025, 6, 1)))
    dialog = PersonDialog(window.address_book._service, person_id, window, privacy)
    qtbot.addWidget(dialog)
    tab = dialog.privacy_tab
    assert tab is not None and tab.withdraw_button.isEnabled()
    tab.withdraw_button.click()
    assert not tab.withdraw_button.isEnabled()
    assert tab.consents.item(0, 1).text() == "widerrufen"
    assert privacy.privacy(person_id).summary.startswith("widerrufen")


def test_access_report_from_the_context_menu(
    window: MainWindow,
    tmp_path: Path,
    monkeypatch,  # noqa: ANN001
) -> None:
    _person_id(window, "Müller")
    target = tmp_path / "auskunft.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF (*.pdf)")
    )
    messages: list[str] = []
    window.address_book.status_message.connect(messages.append)
    export = next(a for a in window.address_book.privacy_actions if "Art. 15" in a.text())
    export.trigger()
    assert target.read_bytes().startswith(b"%PDF")
    assert messages == [f"Auskunft gespeichert: {target}"]


def test_erasure_asks_first_and_then_removes_the_person(
    window: MainWindow,
    answer_dialog,  # noqa: ANN001
) -> None:
    _person_id(window, "Müller")
    erase = next(a for a in window.address_book.privacy_actions if "Art. 17" in a.text())
    seen = answer_dialog("Abbrechen")
    erase.trigger()
    assert seen[0].startswith("„Jürgen Müller“ nach Art. 17 DSGVO endgültig löschen?")
    window.address_book.people.search.clear()
    assert "Müller, Jürgen" in visible_names(window)

    _person_id(window, "Müller")
    answer_dialog("Endgültig löschen")
    erase.trigger()
    window.address_book.people.search.clear()
    assert visible_names(window) == ["Ahrens, Bernd", "Köhler, Anna"]


def test_review_list_opens_the_person(
    window: MainWindow,
    filled_db: Database,
    qtbot,  # noqa: ANN001
) -> None:
    person_id = _person_id(window, "Ahrens")
    privacy = PrivacyService(filled_db)
    privacy.set_privacy(person_id, PrivacySettings(LegalBasis.CONSENT))
    window.address_book.people.search.clear()
    dialog = PrivacyReviewDialog(privacy, window)
    qtbot.addWidget(dialog)
    dialog.person_activated.connect(window.address_book.show_person)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == "Ahrens, Bernd"
    assert dialog.table.item(0, 1).text() == "Einwilligung fehlt"
    assert dialog.table.item(0, 2).text() == "sofort"
    window.address_book.people.table.clearSelection()
    dialog.open_button.click()
    assert window.address_book.people.current_id() == person_id
