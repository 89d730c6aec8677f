"""Restoring a backup: the list of backups (Datei › Sicherung wiederherstellen …) and the
dialog for a damaged or foreign database file at start-up."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..services.backup_service import BackupEntry, BackupService, StorageError

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


translate = QCoreApplication.translate  # a name pyside6-lupdate recognises


def format_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"


def format_moment(moment: datetime, today: date | None = None) -> str:
    today = today or date.today()
    weekday = ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."][moment.weekday()]
    when = f"{weekday}, {moment:%d.%m.%Y, %H:%M} Uhr"
    if moment.date() == today:
        return f"heute, {moment:%H:%M} Uhr"
    return when


class RestoreDialog(QDialog):
    """Lists the backups (date, size, folder); `chosen` is the file to restore."""

    def __init__(self, backups: list[BackupEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sicherung wiederherstellen"))
        self.resize(640, 420)
        self.chosen: Path | None = None
        self._backups = backups

        intro = QLabel(
            self.tr("Wählen Sie den Stand, zu dem Multilok zurückkehren soll. Der jetzige "
                    "Stand wird vorher gesichert und geht nicht verloren.")
        )  # fmt: skip
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self._backups), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Gesichert am"), self.tr("Größe"), self.tr("Ordner")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, info in enumerate(self._backups):
            when = QTableWidgetItem(format_moment(info.taken_at))
            when.setData(PATH_ROLE, str(info.path))
            size = QTableWidgetItem(format_size(info.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            folder = QTableWidgetItem(str(info.path.parent))
            folder.setToolTip(str(info.path))
            for column, item in enumerate((when, size, folder)):
                self.table.setItem(row, column, item)
        self.table.doubleClicked.connect(self.accept)
        self.empty = QLabel(self.tr("In den Sicherungsordnern liegt noch keine Sicherung."))
        self.empty.setVisible(not self._backups)

        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("&Wiederherstellen …"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        other = QPushButton(self.tr("Andere &Datei …"))
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        other.clicked.connect(self._on_other_file)
        self.table.itemSelectionChanged.connect(self._update_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        if self._backups:
            self.table.selectRow(0)
        self._update_button()

    @Slot()
    def _update_button(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectedItems()))

    def selected_path(self) -> Path | None:
        items = self.table.selectedItems()
        if not items:
            return None
        return Path(str(self.table.item(items[0].row(), 0).data(PATH_ROLE)))

    @Slot()
    def _on_other_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Sicherung auswählen"),
            str(self._backups[0].path.parent) if self._backups else "",
            self.tr("Multilok-Datenbank (*.sqlite *.db);;Alle Dateien (*)"),
        )
        if name:
            self.chosen = Path(name)
            super().accept()

    def accept(self) -> None:
        self.chosen = self.selected_path()
        if self.chosen is not None:
            super().accept()


def confirm_restore(parent: QWidget | None, backup: Path, taken_at: datetime | None) -> bool:
    when = format_moment(taken_at) if taken_at else backup.name
    answer = QMessageBox.question(
        parent,
        translate("RestoreDialog", "Sicherung wiederherstellen"),
        translate("RestoreDialog", "Den gesicherten Stand (%1) wiederherstellen?\n\nÄnderungen seit dieser Sicherung "
                   "sind danach nicht mehr zu sehen. Der jetzige Stand wird vorher gesichert "
                   "und lässt sich ebenso zurückholen.").replace("%1", when),
    )  # fmt: skip
    return answer == QMessageBox.StandardButton.Yes


def ask_restore_unusable(
    parent: QWidget | None, message: str, service: BackupService
) -> Path | None:
    """The start-up dialog for a damaged or foreign file. Restores the newest good backup
    (or one the user picks) and returns it; None means: quit. The damaged file is kept."""
    good = service.newest_good()
    newest = good.path if good is not None else None
    folders = service.folders()
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(translate("RestoreDialog", "Datenbank lässt sich nicht öffnen"))
    box.setText(message)
    restore_button = None
    if newest is not None:
        when = format_moment(good.taken_at) if good is not None else newest.name
        box.setInformativeText(
            translate("RestoreDialog", "Neueste fehlerfreie Sicherung: %1. Multilok kann sie "
                       "wiederherstellen; die jetzige Datei bleibt dabei unverändert als "
                       "„…beschädigt-…“ daneben erhalten.").replace("%1", when)
        )  # fmt: skip
        restore_button = box.addButton(
            translate("RestoreDialog", "Sicherung wiederherstellen"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    else:
        box.setInformativeText(
            translate("RestoreDialog", "In den Sicherungsordnern gibt es keine fehlerfreie Sicherung. Sie "
                       "können eine Sicherungsdatei auswählen, z. B. von einem Netzlaufwerk "
                       "oder USB-Stick; die jetzige Datei bleibt erhalten.")
        )  # fmt: skip
    pick_button = box.addButton(
        translate("RestoreDialog", "Andere Sicherung …"), QMessageBox.ButtonRole.ActionRole
    )
    quit_button = box.addButton(
        translate("RestoreDialog", "Beenden"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(restore_button or quit_button)
    box.setEscapeButton(quit_button)
    while True:
        box.exec()
        clicked = box.clickedButton()
        if clicked is restore_button and newest is not None:
            chosen: Path | None = newest
        elif clicked is pick_button:
            name, _ = QFileDialog.getOpenFileName(
                parent,
                translate("RestoreDialog", "Sicherung auswählen"),
                str(folders[0]) if folders else "",
                translate("RestoreDialog", "Multilok-Datenbank (*.sqlite *.db);;Alle Dateien (*)"),
            )
            chosen = Path(name) if name else None
            if chosen is None:
                continue
        else:
            return None
        try:
            kept = service.restore(chosen)
        except (StorageError, OSError) as exc:
            QMessageBox.warning(
                parent, translate("RestoreDialog", "Nicht wiederhergestellt"), str(exc)
            )
            continue
        QMessageBox.information(
            parent,
            translate("RestoreDialog", "Sicherung wiederhergestellt"),
            translate("RestoreDialog", "Die Sicherung ist wiederhergestellt. Die vorherige Datei ist "
                       "aufbewahrt unter:\n%1").replace("%1", str(kept)),
        )  # fmt: skip
        return chosen
