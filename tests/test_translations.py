"""Languages: German source texts everywhere, a complete English translation, the switch."""

from __future__ import annotations

import importlib.util
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabBar,
    QWidget,
)

from multilok_desktop.app import build_main_window, install_translators
from multilok_desktop.storage.database import Database
from multilok_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "update_translations", ROOT / "tools/update_translations.py"
)
assert _spec is not None and _spec.loader is not None
update_translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(update_translations)

TS = update_translations.ts_path("en")
QM = update_translations.qm_path("en")


def source_texts() -> set[str]:
    return {source for _, source, _, _ in update_translations.messages(TS)}


def test_every_message_is_translated_into_english() -> None:
    """No "unfinished" message in multilok_en.ts, no empty translation."""
    assert TS.is_file() and QM.is_file()
    messages = update_translations.messages(TS)
    assert len(messages) > 500
    assert [f"{c}: {s}" for c, s, t, done in messages if not done or not t.strip()] == []


def test_the_ts_file_has_every_tr_text_of_the_sources(tmp_path: Path) -> None:
    """lupdate over the current sources adds nothing untranslated: a new self.tr() text
    fails here until it is translated (tools/update_translations.py)."""
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    update_translations.lupdate(copy, "en")
    assert update_translations.unfinished(copy) == []


def test_the_shipped_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    """multilok_en.qm is what lrelease makes of multilok_en.ts (nobody forgot to rebuild)."""
    fresh = tmp_path / QM.name
    update_translations.lrelease(TS, fresh)
    assert fresh.read_bytes() == QM.read_bytes()


def test_translations_keep_placeholders_and_mnemonics() -> None:
    """%1/%n survive the translation, and a text with a keyboard mnemonic keeps one."""
    for context, source, translation, _ in update_translations.messages(TS):
        for placeholder in set(re.findall(r"%[0-9n]", source)):
            assert placeholder in translation, (context, source, translation)
        assert source.replace("&&", "").count("&") == translation.replace("&&", "").count("&"), (
            context,
            source,
            translation,
        )


# --- the window in each language ----------------------------------------------------------


@pytest.fixture
def language(qapp: QApplication) -> Iterator[list[str]]:
    """Install a language for one test; afterwards German again, as the other tests expect."""
    installed = []

    def remove() -> None:
        for translator in installed:
            qapp.removeTranslator(translator)
        installed.clear()

    class Chooser(list[str]):
        def append(self, value: str) -> None:
            remove()
            installed.extend(install_translators(qapp, value))
            super().append(value)

    chooser = Chooser()
    yield chooser
    remove()
    install_translators(qapp, "de")


def _window(qtbot, db: Database, tmp_path: Path) -> MainWindow:  # noqa: ANN001
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_main_window(db, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _nav_texts(window: MainWindow) -> list[str]:
    nav = window.navigation
    return [nav.item(row).text() for row in range(nav.count())]


def test_english_shows_english_texts_in_the_main_window(
    qtbot,
    db: Database,
    tmp_path: Path,
    language: list[str],  # noqa: ANN001
) -> None:
    """With English chosen: navigation, menus and a lazily built view speak English,
    and the default locale formats dates in English."""
    language.append("en")
    window = _window(qtbot, db, tmp_path)
    assert _nav_texts(window) == ["Overview", "Calendar", "Address book", "Measures", "Minutes"]
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "E&xtras", "&Help"]
    window.navigation.setCurrentRow(2)  # the address book, built now
    texts = _visible_texts(window)
    assert {"New", "Edit", "Delete", "&People", "&Organisations"} <= texts
    assert QLocale().language() == QLocale.Language.English


def test_german_is_the_default(qtbot, db: Database, tmp_path: Path, language: list[str]) -> None:  # noqa: ANN001
    language.append("de")
    window = _window(qtbot, db, tmp_path)
    assert _nav_texts(window) == ["Übersicht", "Kalender", "Adressbuch", "Maßnahmen", "Protokolle"]
    assert QLocale().language() == QLocale.Language.German


def _visible_texts(root: QWidget) -> set[str]:
    """What a user reads as the UI's own words: labels, buttons, actions, tabs, group
    titles, placeholders, list and header texts of every visible widget under root."""
    texts: set[str] = set()
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText:
            if "<" not in widget.text():
                texts.add(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.add(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.add(widget.title())
        elif isinstance(widget, QTabBar):
            texts.update(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QLineEdit):
            texts.add(widget.placeholderText())
        elif isinstance(widget, QListWidget) and widget.objectName() == "navigation":
            texts.update(widget.item(i).text() for i in range(widget.count()))
        if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            model = widget.model()
            for section in range(widget.count()):
                header = model.headerData(section, Qt.Orientation.Horizontal)
                if isinstance(header, str) and not widget.isSectionHidden(section):
                    texts.add(header)
        for action in QWidget.actions(widget):
            if isinstance(action, QAction) and action.isVisible():
                texts.add(action.text())
    return {text for text in texts if text.strip()}


# Texts still written into the code without tr(): German, but not translatable yet.
# Listed so that any *new* untranslated text fails; remove entries as they are fixed.
KNOWN_HARD_CODED: set[str] = set()


def _is_date_part(text: str) -> bool:
    """A year or a month name of the current locale (the calendar's month header)."""
    months = {QLocale().monthName(month) for month in range(1, 13)}
    return text.isdigit() or text in months


def _plain(text: str) -> str:
    """Without mnemonic "&", trailing " …" and ":" (toolbar buttons drop them)."""
    return re.sub(r"&(?!&)", "", text).replace("&&", "&").rstrip(" …:")


def _is_source_text(text: str, sources: set[str], patterns: list[re.Pattern[str]]) -> bool:
    return _plain(text) in sources or any(pattern.fullmatch(_plain(text)) for pattern in patterns)


def test_every_visible_ui_text_is_a_german_source_text(
    qtbot,
    db: Database,
    tmp_path: Path,
    language: list[str],  # noqa: ANN001
) -> None:
    """Each view of the main window, opened in German on an empty database, shows only
    texts that went through tr() (German source texts of the .ts, %1 filled in) — a
    hard-coded or English text fails here."""
    language.append("de")
    sources = {_plain(text) for text in source_texts()}
    patterns = [
        re.compile(re.escape(s).replace("%1", ".+").replace("%2", ".+").replace("%n", r"\d+"))
        for s in sources
        if "%" in s
    ]
    window = _window(qtbot, db, tmp_path)
    foreign: dict[str, set[str]] = {}
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        shown = _visible_texts(window)
        bad = {t for t in shown if not _is_source_text(t, sources, patterns)}
        bad = {t for t in bad if not _is_date_part(t)} - KNOWN_HARD_CODED
        if bad:
            foreign[window.navigation.item(row).text()] = bad
    assert foreign == {}, "\n".join(f"{view}: {sorted(texts)}" for view, texts in foreign.items())
