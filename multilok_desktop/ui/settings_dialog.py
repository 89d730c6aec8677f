"""Einstellungen: letterhead and logo of the office, Bundesland for holidays, place of new
meetings, school holiday periods, backup folder and the UI language.

Office settings live in the database (everyone who opens the file prints the same
letterhead); the language is the user's own and lives in QSettings.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QByteArray, QDate, QSettings, Qt, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..services.errors import ServiceError
from ..services.settings import STATES, OfficeSettings, read_logo
from ..services.settings_service import SettingsService
from .dialog_buttons import buddy_label, dialog_buttons
from .language import LANGUAGES, chosen_language, store_language

ID_ROLE = Qt.ItemDataRole.UserRole + 1
LOGO_PREVIEW_HEIGHT = 56


class SettingsDialog(QDialog):
    """Tabs Briefkopf, Kalender, Datensicherung, Sprache. After Accepted,
    `language_changed` says whether a restart is needed for the new language."""

    def __init__(
        self,
        service: SettingsService,
        parent: QWidget | None = None,
        *,
        ui_settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._ui_settings = ui_settings
        self.language_changed = False
        self.setWindowTitle(self.tr("Einstellungen"))
        self.resize(640, 520)
        self._current = service.load()
        self._logo = self._current.logo

        self.tabs = QTabWidget()
        self.tabs.addTab(self._letterhead_page(), self.tr("Briefkopf"))
        self.tabs.addTab(self._calendar_page(), self.tr("Kalender"))
        self.tabs.addTab(self._backup_page(), self.tr("Datensicherung"))
        self.tabs.addTab(self._language_page(), self.tr("Sprache"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(dialog_buttons(self, self.tr("Speichern")))
        self._load_holidays()
        self._fields["office_name"].setFocus()

    # --- pages ------------------------------------------------------------------------

    def _letterhead_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        hint = QLabel(
            self.tr("Name, Anschrift und Logo stehen oben auf jedem PDF (Einladung, "
                    "Teilnehmerliste, Protokoll, Maßnahmenübersicht, Auskunft).")
        )  # fmt: skip
        hint.setWordWrap(True)
        form.addRow(hint)
        labels = {
            "office_name": self.tr("&Name der Koordinationsstelle"),
            "office_unit": self.tr("&Behörde / Referat"),
            "office_street": self.tr("St&raße"),
            "office_postal_code": self.tr("&PLZ"),
            "office_city": self.tr("&Ort"),
            "office_phone": self.tr("&Telefon"),
            "office_email": self.tr("&E-Mail"),
            "office_website": self.tr("&Webseite"),
        }
        self._fields: dict[str, QLineEdit] = {}
        for name, label in labels.items():
            editor = QLineEdit(getattr(self._current, name))
            editor.setAccessibleName(label.replace("&", ""))
            self._fields[name] = editor
            form.addRow(label, editor)

        self.logo_preview = QLabel()
        self.logo_preview.setMinimumHeight(LOGO_PREVIEW_HEIGHT)
        self.logo_preview.setAccessibleName(self.tr("Vorschau des Logos"))
        choose = QPushButton(self.tr("&Logo wählen …"))
        choose.clicked.connect(self._on_choose_logo)
        self.remove_logo_button = QPushButton(self.tr("Logo ent&fernen"))
        self.remove_logo_button.clicked.connect(self._on_remove_logo)
        row = QHBoxLayout()
        row.addWidget(self.logo_preview, 1)
        row.addWidget(choose)
        row.addWidget(self.remove_logo_button)
        form.addRow(buddy_label(self.tr("Logo"), choose), row)
        logo_hint = QLabel(self.tr("PNG oder JPEG, höchstens 1 MB; erscheint rechts oben."))
        logo_hint.setEnabled(False)
        form.addRow("", logo_hint)
        self._show_logo()
        return page

    def _calendar_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self._state = QComboBox()
        for code, name in STATES.items():
            self._state.addItem(name, code)
        self._state.setCurrentIndex(max(0, self._state.findData(self._current.state)))
        form.addRow(self.tr("&Bundesland (Feiertage)"), self._state)
        self.default_place = QLineEdit(self._current.default_place)
        self.default_place.setPlaceholderText(self.tr("z. B. Landratsamt, Großer Sitzungssaal"))
        form.addRow(self.tr("Ort &neuer Treffen"), self.default_place)
        layout.addLayout(form)

        layout.addWidget(QLabel(self.tr("Schulferien (für die Warnungen bei der Terminwahl)")))
        self._holidays = QListWidget()
        self._holidays.setAccessibleName(self.tr("Schulferien"))
        self._holiday_name = QLineEdit()
        self._holiday_name.setPlaceholderText(self.tr("z. B. Winterferien 2027"))
        self._holiday_name.setAccessibleName(self.tr("Name der Ferien"))
        self._holiday_from = QDateEdit(QDate.currentDate())
        self._holiday_from.setAccessibleName(self.tr("Erster Ferientag"))
        self._holiday_until = QDateEdit(QDate.currentDate())
        self._holiday_until.setAccessibleName(self.tr("Letzter Ferientag"))
        for editor in (self._holiday_from, self._holiday_until):
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("dd.MM.yyyy")
        add = QPushButton(self.tr("Ferien &hinzufügen"))
        add.clicked.connect(self._on_add_holiday)
        remove = QPushButton(self.tr("Ferien en&tfernen"))
        remove.clicked.connect(self._on_remove_holiday)
        row = QHBoxLayout()
        row.addWidget(self._holiday_name, 1)
        row.addWidget(self._holiday_from)
        row.addWidget(QLabel(self.tr("bis")))
        row.addWidget(self._holiday_until)
        row.addWidget(add)
        layout.addWidget(self._holidays, 1)
        layout.addLayout(row)
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _backup_page(self) -> QWidget:
        """Where the automatic backups go (e.g. a network drive); empty = the default."""
        page = QWidget()
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
        form = QFormLayout(page)
        form.addRow(buddy_label(self.tr("Sicherungs&ordner"), self.backup_folder), row)
        form.addRow(hint)
        return page

    def _language_page(self) -> QWidget:
        page = QWidget()
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        current = chosen_language(self._ui_settings) if self._ui_settings else "de"
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language.setEnabled(self._ui_settings is not None)
        hint = QLabel(
            self.tr("Die Sprache der Oberfläche gilt für Ihr Benutzerkonto und wird beim "
                    "nächsten Start von Multilok übernommen. Datums- und Zahlenformate "
                    "folgen der Sprache. Die PDF-Dokumente bleiben deutsch.")
        )  # fmt: skip
        hint.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(self.tr("Sprache der &Oberfläche"), self.language)
        form.addRow(hint)
        return page

    # --- logo -------------------------------------------------------------------------

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self._logo:
            pixmap.loadFromData(QByteArray.fromBase64(self._logo.encode("ascii")))
        if pixmap.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("kein Logo"))
        else:
            self.logo_preview.setPixmap(
                pixmap.scaledToHeight(
                    LOGO_PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation
                )
            )
        self.remove_logo_button.setEnabled(bool(self._logo))

    @Slot()
    def _on_choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Logo wählen"), "", self.tr("Bilder (*.png *.jpg *.jpeg)")
        )
        if path:
            self.set_logo_file(path)

    def set_logo_file(self, path: str) -> bool:
        """Take the logo from this file; a bad file is refused with a message."""
        try:
            self._logo = read_logo(path)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Logo nicht übernommen"), str(exc))
            return False
        self._show_logo()
        return True

    @Slot()
    def _on_remove_logo(self) -> None:
        self._logo = ""
        self._show_logo()

    # --- school holidays and backups ----------------------------------------------------

    @Slot()
    def _on_choose_backup_folder(self) -> None:
        start = self.backup_folder.text() or self._service.default_backup_folder()
        folder = QFileDialog.getExistingDirectory(self, self.tr("Sicherungsordner wählen"), start)
        if folder:
            self.backup_folder.setText(folder)

    def _load_holidays(self) -> None:
        self._holidays.clear()
        locale = self.locale()
        for period in self._service.school_holidays():
            first = locale.toString(QDate(period.first_day), locale.FormatType.ShortFormat)
            last = locale.toString(QDate(period.last_day), locale.FormatType.ShortFormat)
            item = QListWidgetItem(f"{period.name}: {first} – {last}")
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

    # --- result -------------------------------------------------------------------------

    def office_settings(self) -> OfficeSettings:
        values = {name: editor.text() for name, editor in self._fields.items()}
        return replace(
            self._current,
            **values,
            state=self._state.currentData(),
            default_place=self.default_place.text(),
            logo=self._logo,
        )

    def accept(self) -> None:
        try:
            self._service.save(self.office_settings())
            self._service.save_backup_folder(self.backup_folder.text())
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Einstellungen nicht gespeichert"), str(exc))
            return
        if self._ui_settings is not None:
            language = str(self.language.currentData())
            self.language_changed = language != chosen_language(self._ui_settings)
            store_language(self._ui_settings, language)
        super().accept()
