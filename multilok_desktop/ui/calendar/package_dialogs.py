"""Sitzungspaket: the import preview with its conflict review, and the export's next steps.

`PackageImportDialog` shows what reading a package will do; where a record was changed
here and in the package, the user chooses per record: keep this database's version or
take the package's. The result is read from `choices` after `exec()` (STYLE.md §11).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...services.meeting_package_merge import Choice, ImportSummary, PackageConflict


class PackageImportDialog(QDialog):
    """Preview of a package import; `choices` maps a conflicting record's key to a Choice."""

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sitzungspaket einlesen"))
        self._conflicts = summary.conflicts
        here = self.tr("Laptop") if summary.is_copy else self.tr("Büro")
        there = self.tr("Büro") if summary.is_copy else self.tr("Laptop")
        self._here_name, self._there_name = here, there

        intro = QLabel(self._intro(summary))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)

        self.table = QTableWidget(len(self._conflicts), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Eintrag"), self.tr("Was geschah"), self.tr("Welche Fassung gilt")]
        )
        self.table.setAccessibleName(self.tr("Konflikte"))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self._combos: list[QComboBox] = []
        for row, conflict in enumerate(self._conflicts):
            label = QTableWidgetItem(conflict.label)
            label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
            reason = QTableWidgetItem(self._reason(conflict))
            reason.setFlags(reason.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, label)
            self.table.setItem(row, 1, reason)
            combo = QComboBox()
            combo.addItem(self.tr("– bitte wählen –"), None)
            combo.addItem(self.tr("%1-Fassung behalten").replace("%1", here), Choice.KEEP.value)
            combo.addItem(self.tr("%1-Fassung übernehmen").replace("%1", there), Choice.TAKE.value)
            combo.setAccessibleName(self.tr("Wahl für %1").replace("%1", conflict.label))
            combo.currentIndexChanged.connect(self._update_ok)
            self._combos.append(combo)
            self.table.setCellWidget(row, 2, combo)
        self.table.currentCellChanged.connect(self._on_row_changed)
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Beide Fassungen"))
        self.details.setMinimumHeight(140)
        if self._conflicts:
            layout.addWidget(self.table, 2)
            layout.addWidget(QLabel(self.tr("Beide Fassungen des gewählten Eintrags:")))
            layout.addWidget(self.details, 2)
            all_row = QHBoxLayout()
            keep_all = QPushButton(self.tr("Alle: %1-Fassung &behalten").replace("%1", here))
            take_all = QPushButton(self.tr("Alle: %1-Fassung ü&bernehmen").replace("%1", there))
            keep_all.clicked.connect(lambda: self._choose_all(Choice.KEEP))
            take_all.clicked.connect(lambda: self._choose_all(Choice.TAKE))
            all_row.addWidget(keep_all)
            all_row.addWidget(take_all)
            all_row.addStretch()
            layout.addLayout(all_row)
        else:
            self.table.hide()
            self.details.hide()
            layout.addStretch()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Einlesen"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if self._conflicts:
            self.table.setCurrentCell(0, 0)
            self.resize(860, 620)
        else:
            self.resize(520, 150)
        self._update_ok()

    def _intro(self, summary: ImportSummary) -> str:
        title = escape(summary.meeting_title)
        if summary.new_copy:
            text = self.tr(
                "Das Treffen <b>%1</b> wird in dieser Datenbank als Kopie zum Protokollieren "
                "angelegt, mit Tagesordnung, Eingeladenen und Wiedervorlage."
            ).replace("%1", title)
        else:
            text = (
                self.tr(
                    "Das Protokoll von <b>%1</b> wird übernommen: %2 Einträge neu, %3 geändert, "
                    "%4 gelöscht."
                )
                .replace("%1", title)
                .replace("%2", str(summary.created))
            )
            text = text.replace("%3", str(summary.updated)).replace("%4", str(summary.deleted))
        if len(summary.conflicts) == 1:
            text += "<br><br>" + self.tr(
                "<b>Ein Eintrag wurde hier und im Sitzungspaket geändert.</b> Nichts wird "
                "überschrieben, bevor Sie gewählt haben, welche Fassung gilt."
            )
        elif summary.conflicts:
            text += "<br><br>" + self.tr(
                "<b>%1 Einträge wurden hier und im Sitzungspaket geändert.</b> Nichts wird "
                "überschrieben, bevor Sie je Eintrag gewählt haben, welche Fassung gilt."
            ).replace("%1", str(len(summary.conflicts)))
        return text

    def _reason(self, conflict: PackageConflict) -> str:
        reasons = {
            "hier und im Paket geändert": self.tr("%1 und %2: beide geändert"),
            "hier gelöscht, im Paket geändert": self.tr("%1: gelöscht, %2: geändert"),
            "im Paket gelöscht, hier geändert": self.tr("%1: geändert, %2: gelöscht"),
            "hier und im Paket eingetragen": self.tr("%1 und %2: beide eingetragen"),
        }
        text = reasons.get(conflict.reason, conflict.reason)
        return text.replace("%1", self._here_name).replace("%2", self._there_name)

    @Slot(int, int, int, int)
    def _on_row_changed(self, row: int, *_: int) -> None:
        if not 0 <= row < len(self._conflicts):
            self.details.clear()
            return
        conflict = self._conflicts[row]
        cells = "".join(
            f"<tr><td><b>{escape(d.label)}</b></td><td>{escape(d.here)}</td>"
            f"<td>{escape(d.there)}</td></tr>"
            for d in conflict.differences
        )
        field = self.tr("Feld")
        self.details.setHtml(
            f"<p><b>{escape(conflict.label)}</b></p>"
            "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
            f"<tr><th>{field}</th><th>{escape(self._here_name)}</th>"
            f"<th>{escape(self._there_name)}</th></tr>{cells}</table>"
        )

    def _choose_all(self, choice: Choice) -> None:
        for combo in self._combos:
            combo.setCurrentIndex(combo.findData(choice.value))

    @Slot()
    def _update_ok(self) -> None:
        self.ok_button.setEnabled(all(combo.currentData() is not None for combo in self._combos))

    def choose(self, key: str, choice: Choice) -> None:
        """Set the choice for one record (as picking it in its row does)."""
        for conflict, combo in zip(self._conflicts, self._combos, strict=True):
            if conflict.key == key:
                combo.setCurrentIndex(combo.findData(choice.value))

    @property
    def choices(self) -> dict[str, Choice]:
        return {
            conflict.key: Choice(combo.currentData())
            for conflict, combo in zip(self._conflicts, self._combos, strict=True)
            if combo.currentData() is not None
        }
