"""Qt fixtures: a main window on a small database, and answering modal message boxes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from multilok_desktop.app import build_main_window, install_translators
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.main_window import MainWindow
from tests import factories


@pytest.fixture(scope="session", autouse=True)
def _german_qt(qapp) -> None:  # noqa: ANN001
    """As in the app: Qt's own buttons read "Ja"/"Nein"."""
    install_translators(qapp)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def filled_db(db: Database) -> Database:
    with db.session() as s:
        gemeinde = factories.organisation(s, "Gemeinde Großwöllmen", city="Großwöllmen")
        wbg = factories.organisation(
            s, "WBG Glück Auf eG", "Wohnungswirtschaft", city="Bad Rödenau"
        )
        factories.person(s, "Jürgen", "Müller", organisation_id=gemeinde, role="Amtsleiter",
                         department="Bauamt", email="j.mueller@grosswoellmen.de")  # fmt: skip
        factories.person(s, "Anna", "Köhler", organisation_id=wbg, email="a.koehler@glueckauf.de")
        factories.person(s, "Bernd", "Ahrens", organisation_id=wbg)
    return db


@pytest.fixture
def window(qtbot, filled_db: Database, settings: QSettings) -> Iterator[MainWindow]:  # noqa: ANN001
    main_window = build_main_window(filled_db, settings)
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitExposed(main_window)
    qtbot.waitUntil(lambda: main_window.background_started)  # the models, after the paint
    yield main_window


@pytest.fixture
def answer_dialog(qtbot) -> Callable[[str], list[str]]:  # noqa: ANN001
    """Click the button with this text in the next modal message box; returns its texts."""
    seen: list[str] = []

    def arm(button_text: str) -> list[str]:
        def click() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, click)
                return
            seen.append(f"{box.text()}\n{box.informativeText()}".strip())
            for button in box.findChildren(QAbstractButton):
                if button.text().replace("&", "") == button_text:
                    button.click()
                    return
            raise AssertionError(f"no button {button_text!r} in {box.text()!r}")

        QTimer.singleShot(0, click)
        return seen

    return arm
