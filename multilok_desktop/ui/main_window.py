"""The main window: navigation on the left, the chosen view in the middle, status below."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QSize, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from .. import __version__
from .minutes import OPEN_MINUTES_KEY

if TYPE_CHECKING:
    from ..services.settings_service import SettingsService
    from ..services.taxonomy_editing import TaxonomyService
    from ..services.tool_card_catalog import ToolCardCatalog
    from .address_book.view import AddressBookView
    from .calendar.view import CalendarView
    from .minutes.protocols_view import ProtocolsView
    from .search_popup import Searcher, SearchPopup

NAV_HOME, NAV_CALENDAR, NAV_ADDRESS_BOOK, NAV_MEASURES, NAV_PROTOCOLS = range(5)

_log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Signals: first_painted() — the window has been drawn once (for --exit-after-start);
    warmed_up() — the warm-up after the first paint is done (start_background_work).

    The window is shown before the domain models and the other views' modules are loaded:
    the start page needs none of them. Right after the first paint `start_background_work()`
    runs the `warm_up` steps, one per turn of the event loop so clicks and keys in between
    are handled: the first loads the models (≈ 0.17 s; then the views may start their
    worker threads, `background_started`), the others import the views' modules, so each
    view opens in well under 0.2 s the first time. Set `background_after_paint = False`
    before showing to skip it (`--exit-after-start` measures the start alone)."""

    first_painted = Signal()
    warmed_up = Signal()

    def __init__(
        self,
        views: Mapping[int, Callable[[], QWidget]],
        office_settings: Callable[[], SettingsService],
        database_name: str,
        settings: QSettings,
        parent: QWidget | None = None,
        global_search: Callable[[], Searcher] | None = None,
        taxonomies: Callable[[], TaxonomyService] | None = None,
        tool_cards: Callable[[], ToolCardCatalog] | None = None,
        warm_up: Sequence[Callable[[], object]] = (),
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._warm_up_steps = list(warm_up)
        self.background_after_paint = True
        self.background_started = False  # the first warm-up step (the models) is done
        self.warm_up_done = False
        self._warming = False
        self._taxonomies, self._tool_cards = taxonomies, tool_cards  # Extras, made on use
        # Strg+K: the search service and its popup are made on first use.
        self._global_search = global_search
        self.search_popup: SearchPopup | None = None
        self._painted = False
        self.setWindowTitle(self.tr("Multilok – Vernetzungstreffen Multilokalität"))
        self.setMinimumSize(QSize(720, 480))

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(170)
        self.navigation.setSpacing(2)
        self.navigation.setStyleSheet(
            "QListWidget#navigation { border: none; background: palette(window); }"
            "QListWidget#navigation::item { padding: 8px 10px; }"
        )
        nav_font = self.navigation.font()  # a bit larger than the system font, scaling with it
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.15)
        self.navigation.setFont(nav_font)
        self.navigation.setAccessibleName(self.tr("Navigation"))
        self.views = QStackedWidget()
        # Every view is built when first shown: its modules are not imported and its lists
        # not read at start-up (DESIGN.md §6). Each offers status_message,
        # restore_state(settings), save_state(settings), ensure_loaded() and show_record().
        self._factories: dict[int, Callable[[], QWidget]] = dict(views)
        self._built: dict[int, QWidget] = {}
        self._office_settings = office_settings  # the settings dialog's service, made on use
        titles = [
            self.tr("Übersicht"),
            self.tr("Kalender"),
            self.tr("Adressbuch"),
            self.tr("Maßnahmen"),
            self.tr("Protokolle"),
        ]
        for number, title in enumerate(titles, start=1):
            page = QWidget()  # replaced by the view when it is first shown
            item = QListWidgetItem(title)
            item.setToolTip(f"{title} (Strg+{number})")
            self.navigation.addItem(item)
            self.views.addWidget(page)
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(
                lambda _=False, row=number - 1: self.navigation.setCurrentRow(row)
            )
            self.addAction(action)
        self.navigation.currentRowChanged.connect(self._on_view_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.views, 1)
        self.setCentralWidget(central)

        self._build_menu()
        self._database_label = QLabel(self.tr("Datenbank: %1").replace("%1", database_name))
        self._saved_label = QLabel(self.tr("alles gespeichert"))
        self.statusBar().addPermanentWidget(self._database_label, 1)
        self.statusBar().addPermanentWidget(self._saved_label)
        self._restore_state()

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Datei"))
        # The address book's own actions, reached before the address book is built.
        for text, action_name in (
            (self.tr("Kontakte &importieren …"), "import_action"),
            (self.tr("Kontakte &exportieren …"), "export_action"),
        ):
            action = file_menu.addAction(text)
            action.triggered.connect(
                lambda _=False, name=action_name: self._address_book_action(name)
            )
        file_menu.addSeparator()
        preferences = file_menu.addAction(self.tr("&Einstellungen …"))
        preferences.setShortcut(QKeySequence.StandardKey.Preferences)
        preferences.triggered.connect(self._on_preferences)
        # Connected by ui/backup_controller.py (the app's BackupController).
        self.restore_backup_action = file_menu.addAction(self.tr("Sicherung &wiederherstellen …"))
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Beenden"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        search = QAction(self.tr("Suchen"), self)
        search.setShortcut(QKeySequence("Ctrl+K"))
        search.triggered.connect(self._on_global_search)
        self.addAction(search)

        extras = self.menuBar().addMenu(self.tr("E&xtras"))
        self.taxonomies_action = extras.addAction(self.tr("&Wertelisten bearbeiten …"))
        self.taxonomies_action.triggered.connect(self._on_taxonomies)
        self.tool_cards_action = extras.addAction(self.tr("&Planungskarten …"))
        self.tool_cards_action.triggered.connect(self._on_tool_cards)
        self.taxonomies_action.setEnabled(self._taxonomies is not None)
        self.tool_cards_action.setEnabled(self._tool_cards is not None)

        help_menu = self.menuBar().addMenu(self.tr("&Hilfe"))
        about = help_menu.addAction(self.tr("Über &Multilok"))
        about.triggered.connect(self._on_about)

    # --- slots --------------------------------------------------------------------------

    def _page(self, row: int) -> QWidget:
        page = self._built.get(row)
        if page is None:
            page = self._factories[row]()
            placeholder = self.views.widget(row)
            self.views.insertWidget(row, page)
            self.views.removeWidget(placeholder)
            placeholder.deleteLater()
            page.status_message.connect(self._on_status_message)  # type: ignore[attr-defined]
            page.restore_state(self._settings)  # type: ignore[attr-defined]
            self._built[row] = page
            if row == NAV_CALENDAR:
                page.open_minutes = self._open_minutes  # type: ignore[attr-defined]
            navigate = getattr(page, "navigate", None)
            if navigate is not None:  # links to other views (home view, search)
                navigate.connect(self.go_to)
            if self.background_started:
                _start_background_work(page)
        return page

    def page(self, row: int) -> QWidget:
        """The view of a navigation row, built on first use."""
        return self._page(row)

    @property
    def address_book(self) -> AddressBookView:
        """Built and its list loaded on first use (also before it is shown)."""
        view: AddressBookView = self._page(NAV_ADDRESS_BOOK)  # type: ignore[assignment]
        view.ensure_loaded()
        return view

    def _address_book_action(self, name: str) -> None:
        self.navigation.setCurrentRow(NAV_ADDRESS_BOOK)
        getattr(self.address_book, name).trigger()

    @Slot(str, int)
    def go_to(self, kind: str, record_id: int) -> None:
        """Open a record in its view: kind is person, organisation, meeting, protocol or
        measure (the views offer `show_record(kind, id)`)."""
        row = {
            "person": NAV_ADDRESS_BOOK,
            "organisation": NAV_ADDRESS_BOOK,
            "meeting": NAV_CALENDAR,
            "protocol": NAV_PROTOCOLS,
            "measure": NAV_MEASURES,
        }[kind]
        self.navigation.setCurrentRow(row)
        self.page(row).show_record(kind, record_id)  # type: ignore[attr-defined]

    @property
    def calendar(self) -> CalendarView:
        return self._page(NAV_CALENDAR)  # type: ignore[return-value]

    @property
    def protocols(self) -> ProtocolsView:
        return self._page(NAV_PROTOCOLS)  # type: ignore[return-value]

    @Slot(int)
    def _on_view_changed(self, row: int) -> None:
        self._page(row).ensure_loaded()  # type: ignore[attr-defined]
        self.views.setCurrentIndex(row)

    def _open_minutes(self, meeting_id: int) -> None:
        self.protocols.ensure_loaded()
        self.protocols.open_minutes(meeting_id)

    def recover_minutes(self) -> None:
        """After a crash or power loss: reopen the minutes that were being taken."""
        if self._settings.value(OPEN_MINUTES_KEY) in (None, ""):
            return  # the usual case: the last session ended normally
        meeting_id = self.protocols.recover_minutes()
        if meeting_id is not None and self.protocols.minutes_window is not None:
            QMessageBox.information(
                self.protocols.minutes_window,
                self.tr("Sitzungsmodus wiederhergestellt"),
                self.tr("Multilok wurde während der Mitschrift nicht ordnungsgemäß beendet. "
                        "Alles bis wenige Sekunden vor dem Abbruch ist gespeichert; die "
                        "Mitschrift ist wieder geöffnet."),
            )  # fmt: skip

    @Slot()
    def _on_preferences(self) -> None:
        from .settings_dialog import SettingsDialog  # only when asked for: off start-up

        dialog = SettingsDialog(self._office_settings(), self, ui_settings=self._settings)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self._on_status_message(
                self.tr("Einstellungen gespeichert. Die neue Sprache gilt nach einem Neustart.")
                if dialog.language_changed
                else self.tr("Einstellungen gespeichert.")
            )
            calendar = self._built.get(NAV_CALENDAR)
            if calendar is not None and calendar.isVisible():
                calendar.reload()  # type: ignore[attr-defined]

    @Slot()
    def _on_global_search(self) -> None:
        if self._global_search is None:  # no search service: the address book's search
            self.navigation.setCurrentRow(NAV_ADDRESS_BOOK)
            self.address_book.focus_search()
            return
        if self.search_popup is None:
            from .search_popup import SearchPopup

            self.search_popup = SearchPopup(self._global_search(), self)
            self.search_popup.result_chosen.connect(self.go_to)
        self.search_popup.popup()

    @Slot()
    def _on_taxonomies(self) -> None:
        from .taxonomy_dialog import TaxonomyDialog

        if self._taxonomies is not None:
            TaxonomyDialog(self._taxonomies(), self).exec()

    @Slot()
    def _on_tool_cards(self) -> None:
        """The catalogue; "Maßnahme aus dieser Karte anlegen" opens the measures view's form."""
        from .tool_card_dialog import ToolCardDialog

        if self._tool_cards is None:
            return
        dialog = ToolCardDialog(self._tool_cards(), self)
        if dialog.exec() and dialog.chosen_card_id is not None:
            self.navigation.setCurrentRow(NAV_MEASURES)
            new_from_card = getattr(self._page(NAV_MEASURES), "new_from_tool_card", None)
            if new_from_card is not None:
                new_from_card(dialog.chosen_card_id)

    @Slot(str)
    def _on_status_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)
        self._saved_label.setText(self.tr("alles gespeichert"))

    @Slot()
    def _on_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Über Multilok"),
            self.tr("<b>Multilok Desktop %1</b><p>Vernetzungstreffen, Adressbuch, Maßnahmen und "
                    "Protokolle für die Koordinationsstelle Multilokalität.</p><p>%2</p>")
            .replace("%1", __version__).replace("%2", self._database_label.text()),
        )  # fmt: skip

    # --- window state -------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self._settings.value("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = QApplication.primaryScreen().availableGeometry()
            self.resize(min(1280, screen.width() - 40), min(800, screen.height() - 60))
        state = self._settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)
        self.navigation.setCurrentRow(int(self._settings.value("main_window/view", NAV_HOME)))

    def save_state(self) -> None:
        self._settings.setValue("main_window/geometry", self.saveGeometry())
        self._settings.setValue("main_window/state", self.saveState())
        self._settings.setValue("main_window/view", self.navigation.currentRow())
        for page in self._built.values():
            page.save_state(self._settings)  # type: ignore[attr-defined]
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_state()
        super().closeEvent(event)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if not self._painted and event.type() == QEvent.Type.UpdateRequest:
            self._painted = True
            self.first_painted.emit()
            if self.background_after_paint:
                QTimer.singleShot(0, self, self.start_background_work)  # not once closed
        return handled

    @Slot()
    def start_background_work(self) -> None:
        """Run the warm-up steps, one per event-loop turn (once). On the GUI thread, so no
        worker ever loads the models concurrently (see domain.load_models)."""
        if self._warming:
            return
        self._warming = True
        self._next_warm_up_step()

    @Slot()
    def _next_warm_up_step(self) -> None:
        if self._warm_up_steps:
            step = self._warm_up_steps.pop(0)
            try:
                step()
            except Exception:  # noqa: BLE001  loading ahead failed: the view will say why
                _log.exception("Aufwärmen nach dem Start: %r fehlgeschlagen", step)
        if not self.background_started:  # the models are there: worker threads may start
            self.background_started = True
            for page in self._built.values():
                _start_background_work(page)
        if self._warm_up_steps:
            QTimer.singleShot(0, self, self._next_warm_up_step)
            return
        self.warm_up_done = True
        self.warmed_up.emit()


def _start_background_work(page: QWidget) -> None:
    start = getattr(page, "start_background_work", None)
    if start is not None:  # views with worker threads (the start page)
        start()
