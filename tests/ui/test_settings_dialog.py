"""Einstellungen: logo, place of new meetings, language; bad input changes nothing."""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage

from multilok_desktop.services.calendar_service import CalendarService
from multilok_desktop.services.settings_service import SettingsService
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.calendar.meeting_dialog import MeetingDialog
from multilok_desktop.ui.language import LANGUAGE_KEY, chosen_language
from multilok_desktop.ui.settings_dialog import SettingsDialog


def _png(path: Path) -> Path:
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#1b5e8c"))
    assert image.save(str(path))
    return path


def test_logo_place_and_language_are_saved(
    qtbot, db: Database, settings: QSettings, tmp_path: Path
) -> None:  # noqa: ANN001
    """The chosen logo lands in the database, the place in the settings, the language in
    the user's QSettings (applied at the next start)."""
    service = SettingsService(db)
    dialog = SettingsDialog(service, ui_settings=settings)
    qtbot.addWidget(dialog)
    assert dialog.set_logo_file(str(_png(tmp_path / "logo.png")))
    dialog.default_place.setText("Landratsamt, Saal 2")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    stored = service.load()
    assert stored.logo_bytes == (tmp_path / "logo.png").read_bytes()
    assert stored.default_place == "Landratsamt, Saal 2"
    assert chosen_language(settings) == "en" and dialog.language_changed


def test_a_file_that_is_no_image_is_refused(
    qtbot, db: Database, settings: QSettings, tmp_path: Path, answer_dialog
) -> None:  # noqa: ANN001
    """A text file as logo: a message, and the stored logo stays as it was."""
    service = SettingsService(db)
    dialog = SettingsDialog(service, ui_settings=settings)
    qtbot.addWidget(dialog)
    bogus = tmp_path / "logo.png"
    bogus.write_text("kein Bild")
    seen = answer_dialog("OK")
    assert not dialog.set_logo_file(str(bogus))
    assert "PNG- oder JPEG" in seen[0]
    dialog.accept()
    assert service.load().logo == ""
    assert settings.value(LANGUAGE_KEY) == "de"


def test_a_new_meeting_starts_at_the_default_place(qtbot, db: Database) -> None:  # noqa: ANN001
    service = SettingsService(db)
    service.save(service.load().__class__(default_place="Rathaus Großwöllmen, Ratssaal"))
    dialog = MeetingDialog(CalendarService(db))
    qtbot.addWidget(dialog)
    assert dialog._location.text() == "Rathaus Großwöllmen, Ratssaal"


def test_logo_is_base64_of_the_file(tmp_path: Path) -> None:
    from multilok_desktop.services.settings import read_logo

    path = _png(tmp_path / "l.png")
    assert base64.b64decode(read_logo(path)) == path.read_bytes()
