"""Import preview: how the file's columns map, which records look like duplicates.

Nothing is written until "Importieren"; then everything checked is written in one
transaction, or — if one record is bad — nothing at all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...exchange.contact_exchange_service import ContactExchangeService
from ...services.contact_import import ImportPreview
from ...services.errors import ServiceError
from ..dialog_buttons import dialog_buttons

COL_TAKE, COL_NAME, COL_ORGANISATION, COL_EMAIL, COL_NOTE = range(5)
WARNING_BACKGROUND = QColor("#fff4ce")
PROBLEM_BACKGROUND = QColor("#fde7e9")


class ImportDialog(QDialog):
    """`ready` is False when the file could not be read (the user was told why).

    After Accepted, `result_text` says what was imported.
    """

    def __init__(self, exchange: ContactExchangeService, path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._exchange = exchange
        self.result_text = ""
        self.ready = False
        self.setWindowTitle(self.tr("Kontakte importieren – %1").replace("%1", Path(path).name))
        self.resize(980, 640)
        try:
            self._parsed = exchange.read(path)
            self._preview: ImportPreview = exchange.preview(self._parsed.records)
        except ServiceError as exc:
            QMessageBox.critical(
                parent,
                self.tr("Datei kann nicht importiert werden"),
                self.tr("%1\n\nEs wurde nichts übernommen.").replace("%1", str(exc)),
            )
            return
        self.ready = True

        items = self._preview.items
        duplicates = len(self._preview.duplicate_indices)
        summary = QLabel(
            self.tr("Format: %1 · %2 Kontakte · %3 mögliche Dubletten · %4 neue Organisationen")
            .replace("%1", self._parsed.format_name)
            .replace("%2", str(len(items)))
            .replace("%3", str(duplicates))
            .replace("%4", str(len(self._preview.new_organisations)))
        )  # fmt: skip
        summary.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Mögliche Dubletten sind abgewählt. Häkchen setzen, um sie trotzdem zu übernehmen; "
                "rot markierte Einträge lassen sich so nicht übernehmen – abwählen oder Datei korrigieren."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")

        self._table = QTableWidget(len(items), 5)
        self._table.setHorizontalHeaderLabels(
            [self.tr("Übernehmen"), self.tr("Name"), self.tr("Organisation"), self.tr("E-Mail"),
             self.tr("Hinweis")]
        )  # fmt: skip
        self._table.verticalHeader().hide()
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (COL_TAKE, 90),
            (COL_NAME, 200),
            (COL_ORGANISATION, 220),
            (COL_EMAIL, 200),
        ):
            self._table.setColumnWidth(column, width)
        for row, item in enumerate(items):
            self._fill_row(row, item)
        self._table.itemChanged.connect(self._update_count)

        tables = QSplitter(Qt.Orientation.Vertical)
        tables.addWidget(self._table)
        if self._parsed.mapping:
            mapping = QTableWidget(len(self._parsed.mapping), 2)
            mapping.setHorizontalHeaderLabels([self.tr("Spalte in der Datei"), self.tr("wird zu")])
            mapping.verticalHeader().hide()
            mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            mapping.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            for row, (column, target) in enumerate(self._parsed.mapping):
                mapping.setItem(row, 0, QTableWidgetItem(column))
                mapping.setItem(row, 1, QTableWidgetItem(target))
            box = QGroupBox(self.tr("Zuordnung der Spalten"))
            QVBoxLayout(box).addWidget(mapping)
            tables.addWidget(box)
            tables.setSizes([420, 160])

        select_all = QPushButton(self.tr("&Alle auswählen"))
        select_all.clicked.connect(lambda: self._check_all(True))
        select_none = QPushButton(self.tr("&Keine auswählen"))
        select_none.clicked.connect(lambda: self._check_all(False))
        self._count = QLabel()
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(select_all)
        row_buttons.addWidget(select_none)
        row_buttons.addStretch()
        row_buttons.addWidget(self._count)

        buttons = dialog_buttons(self, self.tr("&Importieren"))
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(hint)
        layout.addWidget(tables, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(buttons)
        self._update_count()

    def _fill_row(self, row: int, item) -> None:  # noqa: ANN001
        record = item.record
        take = QTableWidgetItem()
        take.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
        )
        take.setCheckState(
            Qt.CheckState.Unchecked if item.is_duplicate or item.problem else Qt.CheckState.Checked
        )
        name = " ".join(p for p in (record.title, record.first_name, record.last_name) if p)
        organisation = record.organisation + (self.tr(" (neu)") if item.new_organisation else "")
        notes = []
        if item.problem:
            notes.append(item.problem)
        for candidate in item.duplicates:
            notes.append(
                self.tr("schon vorhanden: %1 (%2)")
                .replace("%1", candidate.name)
                .replace("%2", candidate.reason)
            )
        for earlier in item.duplicates_in_file:
            notes.append(
                self.tr("doppelt in der Datei (wie Eintrag %1)").replace("%1", str(earlier + 1))
            )
        cells = [take, QTableWidgetItem(name), QTableWidgetItem(organisation),
                 QTableWidgetItem(record.email), QTableWidgetItem("; ".join(notes))]  # fmt: skip
        background = PROBLEM_BACKGROUND if item.problem else WARNING_BACKGROUND if notes else None
        for column, cell in enumerate(cells):
            if background is not None:
                cell.setBackground(QBrush(background))
            cell.setToolTip(record.source)
            self._table.setItem(row, column, cell)

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self._table.rowCount()):
            self._table.item(row, COL_TAKE).setCheckState(state)

    def skipped(self) -> set[int]:
        return {
            row
            for row in range(self._table.rowCount())
            if self._table.item(row, COL_TAKE).checkState() != Qt.CheckState.Checked
        }

    @Slot()
    def _update_count(self) -> None:
        chosen = self._table.rowCount() - len(self.skipped())
        self._count.setText(self.tr("%1 von %2 ausgewählt").replace("%1", str(chosen))
                            .replace("%2", str(self._table.rowCount())))  # fmt: skip
        self._ok.setEnabled(chosen > 0)

    def accept(self) -> None:
        try:
            result = self._exchange.apply(self._parsed.records, self.skipped())
        except ServiceError as exc:
            QMessageBox.warning(
                self,
                self.tr("Nichts importiert"),
                self.tr("%1\n\nEs wurde nichts übernommen.").replace("%1", str(exc)),
            )
            return
        self.result_text = (
            self.tr("%1 Personen und %2 Organisationen importiert.")
            .replace("%1", str(result.people_created))
            .replace("%2", str(result.organisations_created))
        )
        super().accept()
