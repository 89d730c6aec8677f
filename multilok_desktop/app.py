"""The composition root: builds the database, the services and the main window, and runs Qt.

`multilok-desktop [--db PFAD] [--demo] [--exit-after-start]` starts in launcher.py.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from functools import cache, partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from . import APP_NAME, ORG_NAME, __version__
from .domain import load_models
from .launcher import DEMO_DB_NAME, ClaimedFile, claim_database, database_file, parse_args
from .logs import configure_logging
from .storage.database import Database
from .storage.errors import StorageError
from .storage.paths import data_dir, sqlite_path
from .ui.language import chosen_language
from .ui.main_window import (
    NAV_ADDRESS_BOOK,
    NAV_CALENDAR,
    NAV_HOME,
    NAV_MEASURES,
    NAV_PROTOCOLS,
    MainWindow,
)

if TYPE_CHECKING:
    from .exchange.meeting_package import MeetingPackageFiles
    from .services.address_book_service import AddressBookService
    from .services.backup_service import QuickCheck
    from .services.global_search import GlobalSearchService
    from .services.settings_service import SettingsService
    from .services.taxonomy_editing import TaxonomyService
    from .services.tool_card_catalog import ToolCardCatalog


def resource_path(*parts: str) -> Path:
    """A file in resources/: beside the package in a checkout, in _MEIPASS when frozen."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))
    return base.joinpath("resources", *parts)


def install_translators(app: QApplication, language: str = "de") -> list[QTranslator]:
    """The UI in the chosen language: "de" (our source language; Qt's own buttons and
    dialogs from `qtbase_de`, STYLE.md §14) or "en" (our `multilok_en.qm`; Qt's texts are
    English already). The default QLocale formats dates, numbers and weekdays to match.
    Translators are application-wide, so the views built later are translated too."""
    english = language == "en"
    QLocale.setDefault(
        QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        if english
        else QLocale(QLocale.Language.German, QLocale.Country.Germany)
    )
    if english:
        name, folder = "multilok_en", str(resource_path("translations"))
    else:
        name, folder = "qtbase_de", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if not translator.load(name, folder):
        return []
    app.installTranslator(translator)
    return [translator]


def open_database(args: argparse.Namespace, *, quick_check: bool = True) -> Database:
    if not args.demo:
        return Database.open(args.db, quick_check=quick_check)
    path = Path(args.db) if args.db else data_dir() / DEMO_DB_NAME
    fresh = not path.exists()
    database = Database.open(str(path), quick_check=quick_check)
    if fresh:
        from .services.demo import generate_demo

        with database.session() as session:
            generate_demo(session, "small")
    return database


# What the views below import when first built, loaded one module per event-loop turn
# right after the first paint (MainWindow.start_background_work): each view then opens in
# well under 0.2 s (DESIGN.md §6). tests/test_app_start.py checks the list is complete.
VIEW_MODULES = (
    "multilok_desktop.storage.search_index",  # the first save of anything
    "multilok_desktop.services.address_book_service",
    "multilok_desktop.exchange.contact_exchange_service",
    "multilok_desktop.services.privacy_service",
    "multilok_desktop.ui.address_book.view",
    "multilok_desktop.services.calendar_service",
    "multilok_desktop.exchange.calendar_exchange_service",
    "multilok_desktop.reports.documents_service",
    "multilok_desktop.ui.calendar.view",
    "multilok_desktop.services.minutes_service",
    "multilok_desktop.services.protocol_card",
    "multilok_desktop.ui.minutes.protocols_view",
    "multilok_desktop.services.measures_service",
    "multilok_desktop.ui.measures.view",
)


def build_main_window(database: Database, settings: QSettings) -> MainWindow:
    """The window with every view as a factory: a view, its modules and the domain models
    are loaded when first needed, so the start page shows without them (DESIGN.md §6)."""

    @cache
    def address_book_service() -> AddressBookService:  # one, shared by the views
        from .services.address_book_service import AddressBookService

        return AddressBookService(database)

    def address_book() -> QWidget:
        from .exchange.contact_exchange_service import ContactExchangeService
        from .services.privacy_service import PrivacyService
        from .ui.address_book.view import AddressBookView

        return AddressBookView(
            address_book_service(),
            ContactExchangeService(database),
            privacy=PrivacyService(database),
        )

    def calendar() -> QWidget:  # built when first opened: keeps its imports off start-up
        from .exchange.calendar_exchange_service import CalendarExchangeService
        from .reports.documents_service import DocumentsService
        from .services.calendar_service import CalendarService
        from .ui.calendar.view import CalendarView

        return CalendarView(
            CalendarService(database),
            address_book_service(),
            CalendarExchangeService(database),
            DocumentsService(database),
            packages=lambda: _meeting_packages(database),
        )

    def protocols() -> QWidget:
        from .reports.documents_service import DocumentsService
        from .services.minutes_service import MinutesService
        from .ui.minutes.protocols_view import ProtocolsView

        minutes = MinutesService(database)
        return ProtocolsView(
            minutes,
            DocumentsService(database),
            address_book_service(),
            settings,
            series=minutes.series_titles,
        )

    def home() -> QWidget:  # the first view shown: services/home and ui/home only
        from .services.home import HomeService
        from .ui.home.view import HomeView

        return HomeView(HomeService(database))

    def measures() -> QWidget:
        from .services.measures_service import MeasuresService
        from .ui.measures.view import MeasuresView

        return MeasuresView(MeasuresService(database), address_book_service())

    return MainWindow(
        {
            NAV_HOME: home,
            NAV_CALENDAR: calendar,
            NAV_ADDRESS_BOOK: address_book,
            NAV_MEASURES: measures,
            NAV_PROTOCOLS: protocols,
        },
        lambda: _office_settings(database),
        database.display_name,
        settings,
        global_search=lambda: _global_search(database),
        taxonomies=lambda: _taxonomies(database),
        tool_cards=lambda: _tool_cards(database),
        warm_up=(load_models, *(partial(import_module, name) for name in VIEW_MODULES)),
    )


def _office_settings(database: Database) -> SettingsService:  # Extras › Einstellungen
    from .services.settings_service import SettingsService

    return SettingsService(database)


def _meeting_packages(database: Database) -> MeetingPackageFiles:  # on first use
    from .exchange.meeting_package import MeetingPackageFiles

    return MeetingPackageFiles(database)


def _taxonomies(database: Database) -> TaxonomyService:  # Extras › Wertelisten
    from .services.taxonomy_editing import TaxonomyService

    return TaxonomyService(database)


def _tool_cards(database: Database) -> ToolCardCatalog:  # Extras › Planungskarten
    from .services.tool_card_catalog import ToolCardCatalog

    return ToolCardCatalog(database)


def _global_search(database: Database) -> GlobalSearchService:  # on the first Strg+K
    from .services.global_search import GlobalSearchService

    return GlobalSearchService(database)


def main(argv: Sequence[str] | None = None, claimed: ClaimedFile | None = None) -> int:
    """The window; `claimed`: the database file launcher.py has claimed and started to
    check before the imports (claimed here when called directly)."""
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    configure_logging()  # rotating file in the log folder; ids only, no personal data
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(f"{APP_NAME} Desktop")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "multilok.svg"))))
    install_translators(app, chosen_language(QSettings()))

    db_path = database_file(args)
    if claimed is None:  # refused before anything reads or writes it: a share, a 2nd window
        claimed = claim_database(db_path)
    if claimed.refusal:
        QMessageBox.warning(None, "Multilok", claimed.refusal)
        return 1
    try:
        return _run(app, args, db_path, claimed.check)
    finally:
        claimed.release()


def _run(
    app: QApplication,
    args: argparse.Namespace,
    db_path: Path | None,
    quick_check: QuickCheck | None,
) -> int:
    from .ui.safe_start import open_checked

    opened = open_checked(args, db_path, open_database, build_main_window, quick_check)
    if opened is None:
        return 1
    database, window = opened
    backups = None
    if db_path is not None:
        from .ui.backup_controller import BackupController

        backups = BackupController(
            window, db_path, database.close, restore_action=window.restore_backup_action
        )
    if args.exit_after_start:  # the start alone: no loading after the first paint
        window.background_after_paint = False
        window.first_painted.connect(resume_garbage_collection)
        window.first_painted.connect(lambda: QTimer.singleShot(0, app.quit))
    else:
        window.warmed_up.connect(resume_garbage_collection)
    window.show()
    if not args.exit_after_start:
        QTimer.singleShot(0, window.recover_minutes)  # minutes left open by a crash
    try:
        return app.exec()
    finally:
        window.save_state()
        if backups is not None:
            backups.shutdown()  # a running automatic backup finishes first
        database.close()
        if not args.exit_after_start:
            backup_at_exit(database)


def resume_garbage_collection() -> None:
    """After the start (launcher.py paused the collector): what the start created lives
    until exit, so `gc.freeze()` keeps it out of every later pass — shorter pauses while
    typing, a quicker exit — and collection resumes for what comes now."""
    gc.freeze()
    gc.enable()


def backup_at_exit(database: Database) -> None:
    """A verified copy of the file at every normal exit (DESIGN.md §5), old ones thinned."""
    path = sqlite_path(database.url)
    if path is None or not path.exists():
        return
    from .storage.autobackup import safety_backup

    try:
        safety_backup(path)  # into the folder chosen in the settings, then thinned
    except (StorageError, OSError) as exc:
        QMessageBox.warning(
            None, "Multilok", f"Die Sicherung beim Beenden ist fehlgeschlagen: {exc}"
        )


if __name__ == "__main__":
    sys.exit(main())
