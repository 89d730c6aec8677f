"""Maßnahmen: the measures table with its filters, the detail pane and the toolbar actions.

Other tabs (board, overview) are added with `tabs.addTab` and follow `current_filter()`,
`filter_changed` and `measure_changed`; further toolbar actions go on `toolbar`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...services.address_book_service import AddressBookService
from ...services.errors import ServiceError
from ...services.measures_service import MeasureFilter, MeasureInput, MeasuresService
from ..address_book.picker import pick_organisation
from ..list_table import list_table
from ..view_actions import view_action
from .board import MeasureBoard
from .detail_pane import MeasureDetailPane
from .filter_bar import FilterBar
from .measure_dialog import MeasureDialog
from .overview import MeasureOverview
from .table import COLUMN_WIDTHS, MeasuresTableModel

if TYPE_CHECKING:
    from .export_dialog import MeasuresExports

TABLE_TAB = 0


class MeasuresView(QWidget):
    """Signals: status_message(str); navigate(str, int) — open a record in another view;
    filter_changed(MeasureFilter); measure_changed(int) — after any save or delete."""

    status_message = Signal(str)
    navigate = Signal(str, int)
    filter_changed = Signal(object)
    measure_changed = Signal(int)

    def __init__(
        self,
        service: MeasuresService,
        address_book: AddressBookService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("measures")
        self._service = service
        self._address_book = address_book

        self.toolbar = QToolBar(self.tr("Maßnahmen"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = self._action(
            self.tr("Neu"), QKeySequence.StandardKey.New, lambda: self.new_measure()
        )
        self.edit_action = self._action(
            self.tr("Bearbeiten"), QKeySequence(Qt.Key.Key_F2), self.edit_measure
        )
        self.delete_action = self._action(
            self.tr("Löschen"), QKeySequence.StandardKey.Delete, self.delete_measure
        )
        self.new_from_card_action = self._action(
            self.tr("Neu aus Planungskarte …"), "Ctrl+Shift+N", lambda: self.new_from_tool_card()
        )
        self.toolbar.addSeparator()
        self.export_action = self._action(self.tr("Exportieren …"), "Ctrl+E", self.export_measures)
        self.print_action = self._action(self.tr("Drucken …"), "Ctrl+P", self.print_overview)
        self.follow_up_action = self._action(
            self.tr("Umsetzungsstand …"), "Ctrl+Shift+U", self.export_follow_up
        )
        self._exports: MeasuresExports | None = None  # built on first use
        self.find_action = QAction(self.tr("Suchen"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action.triggered.connect(self.focus_search)
        self.addAction(self.find_action)

        self.filter_bar = FilterBar(
            service,
            lambda parent: pick_organisation(address_book, parent),
            lambda organisation_id: address_book.organisation(organisation_id).data.name,
        )
        self.filter_bar.changed.connect(self._on_filter_changed)
        self.filter_bar.status_message.connect(self.status_message)

        self.model = MeasuresTableModel(service, MeasureFilter(today=date.today()))
        self.table = list_table("measures_table", self.model, COLUMN_WIDTHS)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(self._on_double_clicked)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit_measure)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table, self.edit_measure)
        self.model.modelReset.connect(self._on_model_reset)

        self.details = MeasureDetailPane(service, address_book)
        self.details.navigate.connect(self._on_link)
        self.details.actions_changed.connect(self.measure_changed)
        self.details.status_message.connect(self.status_message)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.table, self.tr("&Tabelle"))
        # Tafel and Überblick show the table's filter; they load when their tab is shown.
        self.board = MeasureBoard(service)
        self.overview = MeasureOverview(service)
        self.tabs.addTab(self.board, self.tr("T&afel"))
        self.tabs.addTab(self.overview, self.tr("Überbl&ick"))
        self._moved_on_board = False
        for page in (self.board, self.overview):
            page.status_message.connect(self.status_message)
            page.measure_activated.connect(self._on_page_activated)
        self.board.current_changed.connect(self.show_details)
        self.board.measure_changed.connect(self._on_board_moved)
        self.filter_changed.connect(self._sync_pages)
        self.model.modelReset.connect(self._sync_pages)
        self.measure_changed.connect(self._on_measure_changed)

        self.splitter = QSplitter()
        self.splitter.setObjectName("measures_splitter")
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([900, 400])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 6)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        self._update_actions()

    def _action(self, text: str, shortcut, slot) -> QAction:  # noqa: ANN001
        return view_action(self, self.toolbar, text, shortcut, slot)

    # --- exports (ui/measures/export_dialog.py) -----------------------------------------------

    def exports(self) -> MeasuresExports:
        if self._exports is None:
            from .export_dialog import MeasuresExports

            self._exports = MeasuresExports.for_service(self._service, self)
        return self._exports

    @Slot()
    def export_measures(self) -> None:
        """Maßnahmenübersicht (PDF), CSV or Excel of the measures the filter shows."""
        path = self.exports().export(self.current_filter(), self.model.rowCount())
        if path:
            self.status_message.emit(self.tr("Gespeichert: %1").replace("%1", path))

    @Slot()
    def print_overview(self) -> None:
        self.exports().print_overview(self.current_filter())

    @Slot()
    def export_follow_up(self) -> None:
        """Umsetzungsstand of the filter's open measures for a meeting (default: the next)."""
        path = self.exports().follow_up(self.current_filter())
        if path:
            self.status_message.emit(self.tr("Umsetzungsstand gespeichert: %1").replace("%1", path))

    # --- what other tabs and views use --------------------------------------------------------

    def current_filter(self) -> MeasureFilter:
        """The criteria of the filter bar with today's date and the table's sort order."""
        return self.model.query

    def ensure_loaded(self) -> None:
        if not self.model.loaded:
            self._apply(self._query_from_bar())

    def show_record(self, kind: str, record_id: int) -> None:
        """Select a measure in the table (clearing filters that hide it) and show it."""
        if kind != "measure":
            return
        self.tabs.setCurrentIndex(TABLE_TAB)
        self.ensure_loaded()
        if not self.select_id(record_id):
            self.filter_bar.reset()
            self.select_id(record_id)
        self.show_details(record_id)

    def select_id(self, measure_id: int) -> bool:
        row = self._position(measure_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def current_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def show_details(self, measure_id: int | None) -> None:
        if measure_id is None:
            self.details.show_nothing()
            return
        try:
            details = self._service.details(measure_id)
        except ServiceError:
            self.details.show_nothing(self.tr("Diese Maßnahme wurde inzwischen gelöscht."))
            return
        row = self._loaded_row(measure_id)
        self.details.show_measure(details, str(row.phase) if row is not None else "")

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    def reload(self, select_id: int | None = None) -> None:
        """After a change: fresh rows, the measure (still) selected, its details shown."""
        keep = select_id if select_id is not None else self.current_id()
        self.model.reload()
        if keep is not None and self.select_id(keep):
            self.show_details(keep)

    # --- actions ------------------------------------------------------------------------------

    def new_measure(self, data: MeasureInput | None = None) -> int | None:
        """Open the form for a new measure, prefilled with `data` (e.g. from a tool card)."""
        dialog = MeasureDialog(self._service, self._address_book, None, data, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.saved_id is None:
            return None
        self._saved(dialog.saved_id, self.tr("Maßnahme angelegt."))
        return dialog.saved_id

    def new_from_tool_card(self, card_id: int | None = None) -> int | None:
        """A new measure from a planning card (chosen in the catalogue if not given)."""
        from ..tool_card_dialog import ToolCardDialog

        if card_id is None:
            card_id = ToolCardDialog.choose(self, self._service.tool_card_catalog())
        if card_id is None:
            return None
        try:
            data = self._service.input_from_tool_card(card_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Maßnahme"), str(exc))
            return None
        return self.new_measure(data)

    @Slot()
    def edit_measure(self) -> None:
        measure_id = self.current_id()
        if measure_id is None:
            return
        reload_requested = True
        while reload_requested:  # again with the stored version after a conflict
            try:
                dialog = MeasureDialog(self._service, self._address_book, measure_id, None, self)
            except ServiceError as exc:
                QMessageBox.warning(self, self.tr("Maßnahme"), str(exc))
                self.reload()
                return
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            reload_requested = dialog.reload_requested
        if accepted and dialog.saved_id is not None:
            self._saved(dialog.saved_id, self.tr("Maßnahme gespeichert."))

    def _saved(self, measure_id: int, message: str) -> None:
        self.tabs.setCurrentIndex(TABLE_TAB)
        self.model.reload()
        if not self.select_id(measure_id):
            self.filter_bar.reset()  # the new measure does not match the filter: show all
            self.select_id(measure_id)
        self.show_details(measure_id)
        self.measure_changed.emit(measure_id)
        self.status_message.emit(message)

    @Slot()
    def delete_measure(self) -> None:
        measure_id = self.current_id()
        if measure_id is None:
            return
        try:
            details = self._service.details(measure_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Nicht gelöscht"), str(exc))
            self.reload()
            return
        text = self.tr("Die Maßnahme „%1“ endgültig löschen?").replace("%1", details.summary.title)
        if details.children:
            text += "\n\n" + self.tr(
                "Ihre %1 Teilmaßnahme(n) bleiben als eigenständige Maßnahmen erhalten."
            ).replace("%1", str(len(details.children)))
        answer = QMessageBox.question(self, self.tr("Maßnahme löschen"), text)
        if answer != QMessageBox.StandardButton.Yes:
            return
        row = self.table.currentIndex().row()
        try:
            self._service.delete(measure_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Nicht gelöscht"), str(exc))
            return
        self.model.reload()
        if self.model.rowCount():
            self.table.selectRow(min(max(row, 0), self.model.rowCount() - 1))
        self.measure_changed.emit(measure_id)
        self.status_message.emit(self.tr("„%1“ gelöscht.").replace("%1", details.summary.title))

    # --- internals ------------------------------------------------------------------------------

    def _query_from_bar(self) -> MeasureFilter:
        current = self.model.query
        return replace(
            self.filter_bar.criteria(),
            sort=current.sort,
            descending=current.descending,
            today=date.today(),
        )

    def _apply(self, query: MeasureFilter) -> None:
        keep = self.current_id()
        self.model.set_query(query)
        if keep is not None and self.select_id(keep):
            return
        self.details.show_nothing(
            self.tr("Keine Maßnahme passt zu den Filtern.") if not self.model.rowCount() else ""
        )

    def _position(self, measure_id: int) -> int | None:
        for row in range(min(self.model.rowCount(), 400)):
            if self.model.id_at(row) == measure_id:
                return row
        return self._service.position(self.model.query, measure_id)

    def _loaded_row(self, measure_id: int):  # noqa: ANN202
        for row in range(min(self.model.rowCount(), 400)):
            item = self.model.row_at(row)
            if item is not None and item.id == measure_id:
                return item
        return None

    def _update_actions(self) -> None:
        selected = self.current_id() is not None
        self.edit_action.setEnabled(selected)
        self.delete_action.setEnabled(selected)

    @Slot()
    def _on_filter_changed(self) -> None:
        self._apply(self._query_from_bar())
        self.filter_changed.emit(self.model.query)

    @Slot()
    def _on_model_reset(self) -> None:
        self.filter_bar.set_count(self.model.rowCount())
        self._update_actions()

    @Slot(QItemSelection, QItemSelection)
    def _on_selection_changed(self, *_: object) -> None:
        self._update_actions()
        measure_id = self.current_id()
        if measure_id is not None:
            self.show_details(measure_id)

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_measure()

    def _sync_pages(self, *_: object) -> None:
        """Board and overview follow the table's filter (a hidden page loads when shown)."""
        query = self.model.query
        for page in (self.board, self.overview):
            if page.query != query:
                page.reload(query)

    @Slot(int)
    def _on_board_moved(self, measure_id: int) -> None:
        """A card moved on the board: the table and the details follow."""
        self._moved_on_board = True
        try:
            self.reload(select_id=measure_id)
            self.show_details(measure_id)
            self.measure_changed.emit(measure_id)
        finally:
            self._moved_on_board = False

    @Slot(int)
    def _on_measure_changed(self, measure_id: int) -> None:
        if not self._moved_on_board:  # the board has already redrawn itself
            self.board.reload()
        self.overview.reload()

    @Slot(int)
    def _on_page_activated(self, measure_id: int) -> None:
        """Enter on a card or a link in the overview: select it in the table, show details."""
        self.ensure_loaded()
        self.select_id(measure_id)
        self.show_details(measure_id)

    @Slot(str, int)
    def _on_link(self, kind: str, record_id: int) -> None:
        if kind == "measure":
            self.show_record(kind, record_id)
        else:
            self.navigate.emit(kind, record_id)

    # --- remembered layout ----------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("measures/splitter", self.splitter.saveState())
        settings.setValue("measures/details_splitter", self.details.splitter.saveState())
        settings.setValue("measures/header", self.table.horizontalHeader().saveState())
        settings.setValue("measures/tab", self.tabs.currentIndex())

    def restore_state(self, settings: QSettings) -> None:
        splitter = settings.value("measures/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        inner = settings.value("measures/details_splitter")
        if inner is not None:
            self.details.splitter.restoreState(inner)
        header = settings.value("measures/header")
        if header is not None and self.table.horizontalHeader().restoreState(header):
            self.model.sort(
                self.table.horizontalHeader().sortIndicatorSection(),
                self.table.horizontalHeader().sortIndicatorOrder(),
            )
        tab = int(str(settings.value("measures/tab", TABLE_TAB)))
        if 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)
