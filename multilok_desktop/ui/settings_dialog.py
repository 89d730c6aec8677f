"""Einstellungen: letterhead of the office, Bundesland for holidays, school holiday periods."""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..services.errors import ServiceError
from ..services.settings import LABELS, STATES, OfficeSettings
from ..services.settings_service import SettingsService
from .dialog_buttons import dialog_buttons

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SettingsDialog(QDialog):
    def __init__(self, service: SettingsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.setWindowTitle(self.tr("Einstellungen"))
        self.resize(620, 620)
        current = service.load()
        self._fields: dict[str, QLineEdit] = {}
        letterhead = QGroupBox(self.tr("Briefkopf der Koordinationsstelle"))
        form = QFormLayout(letterhead)
        for item in fields(OfficeSettings):
            if item.name == "state":
                continue
            editor = QLineEdit(getattr(current, item.name))
            self._fields[item.name] = editor
            form.addRow(LABELS[item.name], editor)
        self._state = QComboBox()
        for code, name in STATES.items():
            self._state.addItem(name, code)
        self._state.setCurrentIndex(max(0, self._state.findData(current.state)))

        calendar = QGroupBox(self.tr("Kalender"))
        calendar_layout = QVBoxLayout(calendar)
        state_form = QFormLayout()
        state_form.addRow(LABELS["state"], self._state)
        calendar_layout.addLayout(state_form)
        self._holidays = QListWidget()
        self._holiday_name = QLineEdit()
        self._holiday_name.setPlaceholderText(self.tr("z. B. Winterferien 2027"))
        self._holiday_from = QDateEdit(QDate.currentDate())
        self._holiday_until = QDateEdit(QDate.currentDate())
        for editor in (self._holiday_from, self._holiday_until):
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("dd.MM.yyyy")
        add = QPushButton(self.tr("Ferien &hinzufügen"))
        add.clicked.connect(self._on_add_holiday)
        remove = QPushButton(self.tr("Ent&fernen"))
        remove.clicked.connect(self._on_remove_holiday)
        row = QHBoxLayout()
        row.addWidget(self._holiday_name, 1)
        row.addWidget(self._holiday_from)
        row.addWidget(self._holiday_until)
        row.addWidget(add)
        calendar_layout.addWidget(self._holidays)
        calendar_layout.addLayout(row)
        calendar_layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)

        layout = QVBoxLayout(self)
        layout.addWidget(letterhead)
        layout.addWidget(calendar, 1)
        layout.addWidget(self._backup_group())
        layout.addWidget(dialog_buttons(self, self.tr("Speichern")))
        self._load_holidays()

    def _backup_group(self) -> QGroupBox:
        """Where the automatic backups go (e.g. a network drive); empty = the default."""
        group = QGroupBox(self.tr("Datensicherung"))
        self.backup_folder = QLineEdit(self._service.backup_folder())
        self.backup_folder.setPlaceholderText(self._service.default_backup_folder())
        self.backup_folder.setToolTip(
            self.tr("Leer lassen für den Standardordner %1. Ein Netzlaufwerk ist möglich; "
                    "ist es nicht erreichbar, sichert Multilok in den Standardordner.")
            .replace("%1", self._service.default_backup_folder())
        )  # fmt: skip
        choose = QPushButton(self.tr("Ordner &wählen …"))
        choose.clicked.connect(self._on_choose_backup_folder)
        standard = QPushButton(self.tr("&Standard"))
        standard.clicked.connect(self.backup_folder.clear)
        row = QHBoxLayout()
        row.addWidget(self.backup_folder, 1)
        row.addWidget(choose)
        row.addWidget(standard)
        hint = QLabel(
            self.tr("Automatisch alle 30 Minuten bei Änderungen, vor jedem Import und beim "
                    "Beenden; aufbewahrt werden alle von heute und je eine pro Tag, Woche "
                    "und Monat.")
        )  # fmt: skip
        hint.setWordWrap(True)
        form = QFormLayout(group)
        form.addRow(self.tr("Sicherungsordner"), row)
        form.addRow(hint)
        return group

    @Slot()
    def _on_choose_backup_folder(self) -> None:
        start = self.backup_folder.text() or self._service.default_backup_folder()
        folder = QFileDialog.getExistingDirectory(self, self.tr("Sicherungsordner wählen"), start)
        if folder:
            self.backup_folder.setText(folder)

    def _load_holidays(self) -> None:
        self._holidays.clear()
        for period in self._service.school_holidays():
            item = QListWidgetItem(
                f"{period.name}: {period.first_day:%d.%m.%Y} – {period.last_day:%d.%m.%Y}"
            )
            item.setData(ID_ROLE, period.id)
            self._holidays.addItem(item)

    @Slot()
    def _on_add_holiday(self) -> None:
        try:
            self._service.add_school_holiday(
                self._holiday_name.text(),
                self._holiday_from.date().toPython(),
                self._holiday_until.date().toPython(),
            )
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Ferien nicht gespeichert"), str(exc))
            return
        self._holiday_name.clear()
        self._load_holidays()

    @Slot()
    def _on_remove_holiday(self) -> None:
        item = self._holidays.currentItem()
        if item is not None:
            self._service.delete_school_holiday(int(item.data(ID_ROLE)))
            self._load_holidays()

    def office_settings(self) -> OfficeSettings:
        values = {name: editor.text() for name, editor in self._fields.items()}
        return replace(OfficeSettings(), **values, state=self._state.currentData())

    def accept(self) -> None:
        try:
            self._service.save(self.office_settings())
            self._service.save_backup_folder(self.backup_folder.text())
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Einstellungen nicht gespeichert"), str(exc))
            return
        super().accept()
