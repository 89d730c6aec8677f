"""One searchable list of the address book (people or organisations) with its detail pane."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...services.taxonomies import Choice
from ..list_table import list_table
from ..paged_model import PagedTableModel
from .detail_pane import DetailPane

DETAILS_DELAY_MS = 120


class FilterSpec:
    """A combo box that sets one field of the query ("Art", "Ressort")."""

    def __init__(self, label: str, field: str, choices: Callable[[], list[Choice]]) -> None:
        self.label = label
        self.field = field
        self.choices = choices


class DirectoryPage(QWidget):
    """Search field, filters, the paged table and the detail pane.

    Signals: selection_changed(), activated(int) (double click / Enter on a row),
    status_message(str).
    """

    selection_changed = Signal()
    activated = Signal(int)

    def __init__(
        self,
        name: str,
        model: PagedTableModel,  # type: ignore[type-arg]
        show_details: Callable[[DetailPane, int], None],
        filters: list[FilterSpec],
        column_widths: list[int],
        locate: Callable[[Any, int], int | None],
        placeholder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.model = model
        self._show_details = show_details
        self._locate = locate

        self.search = QLineEdit()
        self.search.setObjectName(f"{name}_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(placeholder)
        self.search.textChanged.connect(self._on_search_changed)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        self._filters: list[tuple[FilterSpec, QComboBox]] = []
        for spec in filters:
            combo = QComboBox()
            combo.setObjectName(f"{name}_filter_{spec.field}")
            combo.setMinimumContentsLength(14)
            label = QLabel(spec.label)
            label.setBuddy(combo)
            top.addWidget(label)
            top.addWidget(combo)
            combo.currentIndexChanged.connect(self._on_filter_changed)
            self._filters.append((spec, combo))
        self.reload_filters()

        self.table = list_table(f"{name}_table", model, column_widths, multi_select=True)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(self._on_double_clicked)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self._on_return)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table, self._on_return)

        self.count_label = QLabel()
        self.details = DetailPane()
        # The card follows the selection after a short pause, so typing in the search
        # field (which selects the first hit each time) never waits for detail queries.
        self._details_timer = QTimer(self)
        self._details_timer.setSingleShot(True)
        self._details_timer.setInterval(DETAILS_DELAY_MS)
        self._details_timer.timeout.connect(self._on_details_due)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter()
        self.splitter.setObjectName(f"{name}_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([780, 320])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        # Down from the search field goes to the list; Escape in the list back to the search.
        self.search.installEventFilter(self)
        model.modelReset.connect(self._on_model_reset)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount():
                self.table.setFocus()
                if not self.table.selectionModel().hasSelection():
                    self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    # --- state --------------------------------------------------------------------------

    def ensure_loaded(self) -> None:
        if not self.model.loaded:
            self.model.reload()

    def refresh(self, select_id: int | None = None) -> None:
        """Reload after a change; keep (or move to) the selected record."""
        if not self.model.loaded and select_id is None:
            return  # not shown yet: it loads fresh when its tab opens
        keep = select_id if select_id is not None else self.current_id()
        self.model.reload()  # also the first load
        if keep is not None:
            self.select_id(keep)

    def reload_filters(self) -> None:
        for spec, combo in self._filters:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("alle"), None)
            for choice in spec.choices():
                combo.addItem(choice.name, choice.id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def clear_filters(self) -> None:
        """Empty search, every filter on "alle": the whole list (one reload)."""
        for _spec, combo in self._filters:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        fields = {spec.field: None for spec, _combo in self._filters}
        self.model.set_query(replace(self.model.query, text="", **fields))

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [i for i in (self.model.id_at(r) for r in rows) if i is not None]

    def current_id(self) -> int | None:
        ids = self.selected_ids()
        return ids[0] if ids else None

    def select_id(self, record_id: int) -> bool:
        """Select a record by id if it is in the current list (e.g. after saving it)."""
        row = self._position(record_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _position(self, record_id: int) -> int | None:
        # Rows already loaded first; otherwise the service knows where the record sorts.
        for row in range(min(self.model.rowCount(), 400)):
            if self.model.id_at(row) == record_id:
                return row
        return self._locate(self.model.query, record_id)

    def show_record(self, record_id: int | None) -> None:
        if record_id is None:
            self.details.show_nothing()
        else:
            self._show_details(self.details, record_id)

    # --- slots --------------------------------------------------------------------------

    @Slot(str)
    def _on_search_changed(self, text: str) -> None:
        self.model.set_query(replace(self.model.query, text=text))

    @Slot()
    def _on_filter_changed(self) -> None:
        query = self.model.query
        for spec, combo in self._filters:
            query = replace(query, **{spec.field: combo.currentData()})
        self.model.set_query(query)

    @Slot()
    def _on_model_reset(self) -> None:
        total = self.model.rowCount()
        self.count_label.setText(self.tr("%n Einträge", "", total))
        if total and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        elif not total:
            self.details.show_nothing(self.tr("Keine Treffer."))

    @Slot(QItemSelection, QItemSelection)
    def _on_selection_changed(self, *_: object) -> None:
        self._details_timer.start()
        self.selection_changed.emit()

    @Slot()
    def _on_details_due(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.show_record(ids[0])
        elif len(ids) > 1:
            self.details.show_nothing(self.tr("%n Einträge ausgewählt.", "", len(ids)))

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        record_id = self.model.id_at(index.row())
        if record_id is not None:
            self.activated.emit(record_id)

    @Slot()
    def _on_return(self) -> None:
        record_id = self.current_id()
        if record_id is not None:
            self.activated.emit(record_id)

    # --- remembered layout ----------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(f"{self.objectName()}/splitter", self.splitter.saveState())
        settings.setValue(f"{self.objectName()}/header", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        splitter = settings.value(f"{self.objectName()}/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        header = settings.value(f"{self.objectName()}/header")
        if header is not None and self.table.horizontalHeader().restoreState(header):
            # Before the first load this only sets the query's sort (no extra queries).
            self.model.sort(
                self.table.horizontalHeader().sortIndicatorSection(),
                self.table.horizontalHeader().sortIndicatorOrder(),
            )
