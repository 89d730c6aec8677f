"""The UI language: German (the source language) or English, chosen per user in QSettings.

The choice is read once at start (`app.install_translators`); the settings dialog stores a
new one, which applies after a restart.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

LANGUAGE_KEY = "ui/language"
GERMAN, ENGLISH = "de", "en"
LANGUAGES = {GERMAN: "Deutsch", ENGLISH: "English"}  # each named in its own language


def chosen_language(settings: QSettings) -> str:
    """The stored language, German when none (or an unknown one) is stored."""
    value = str(settings.value(LANGUAGE_KEY, GERMAN) or GERMAN)
    return value if value in LANGUAGES else GERMAN


def store_language(settings: QSettings, language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    settings.setValue(LANGUAGE_KEY, language)
