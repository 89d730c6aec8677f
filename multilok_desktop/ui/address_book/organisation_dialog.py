"""Create or edit an organisation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...services.address_book_service import AddressBookService
from ...services.conflicts import ConflictError
from ...services.errors import ServiceError
from ...services.organisations import OrganisationData
from ..conflict_dialog import ConflictChoice, ask_about_conflict
from ..dialog_buttons import buddy_label, dialog_buttons


class OrganisationDialog(QDialog):
    """Saves through the service while open; after Accepted, `saved_id` holds the id."""

    def __init__(
        self,
        service: AddressBookService,
        organisation_id: int | None = None,
        parent: QWidget | None = None,
        name: str = "",
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._organisation_id = organisation_id
        self.saved_id: int | None = None
        self.setWindowTitle(
            self.tr("Neue Organisation")
            if organisation_id is None
            else self.tr("Organisation bearbeiten")
        )
        self.resize(560, 480)

        self._name = QLineEdit(name)
        self._kind = QComboBox()
        self._kind.addItem(self.tr("— bitte wählen —"), None)
        for choice in service.organisation_kinds():
            self._kind.addItem(choice.name, choice.id)
        self._street = QLineEdit()
        self._postal_code = QLineEdit()
        self._postal_code.setMaximumWidth(90)
        self._city = QLineEdit()
        self._phone = QLineEdit()
        self._email = QLineEdit()
        self._website = QLineEdit()
        self._tags = QLineEdit()
        self._tags.setPlaceholderText(self.tr("durch Komma getrennt"))
        self._notes = QPlainTextEdit()
        self._notes.setTabChangesFocus(True)

        place = QHBoxLayout()
        place.addWidget(self._postal_code)
        place.addWidget(self._city)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self._name)
        form.addRow(self.tr("&Art"), self._kind)
        form.addRow(self.tr("&Straße"), self._street)
        form.addRow(buddy_label(self.tr("PLZ, &Ort"), self._postal_code), place)
        form.addRow(self.tr("Tele&fon"), self._phone)
        form.addRow(self.tr("&E-Mail"), self._email)
        form.addRow(self.tr("&Webseite"), self._website)
        form.addRow(self.tr("Schlag&worte"), self._tags)
        form.addRow(self.tr("Noti&zen"), self._notes)

        buttons = dialog_buttons(self, self.tr("Speichern"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self._version: int | None = None  # as loaded: a stale save is a conflict
        if organisation_id is not None:
            self._load(organisation_id)
        self._name.setFocus()

    def _load(self, organisation_id: int) -> None:
        d = self._service.organisation(organisation_id).data
        self._version = d.version
        self._name.setText(d.name)
        self._kind.setCurrentIndex(max(0, self._kind.findData(d.kind_id)))
        self._street.setText(d.street)
        self._postal_code.setText(d.postal_code)
        self._city.setText(d.city)
        self._phone.setText(d.phone)
        self._email.setText(d.email)
        self._website.setText(d.website)
        self._tags.setText(", ".join(d.tags))
        self._notes.setPlainText(d.notes)

    def organisation_data(self) -> OrganisationData:
        return OrganisationData(
            name=self._name.text(),
            kind_id=self._kind.currentData(),
            street=self._street.text(),
            postal_code=self._postal_code.text(),
            city=self._city.text(),
            phone=self._phone.text(),
            email=self._email.text(),
            website=self._website.text(),
            notes=self._notes.toPlainText(),
            tags=tuple(t.strip() for t in self._tags.text().split(",") if t.strip()),
            version=self._version,
        )

    def accept(self) -> None:
        try:
            self.saved_id = self._service.save_organisation(
                self.organisation_data(), self._organisation_id
            )
        except ConflictError as conflict:
            choice = ask_about_conflict(self, conflict)
            if choice is ConflictChoice.RELOAD and self._organisation_id is not None:
                self._load(self._organisation_id)
            elif choice is ConflictChoice.OVERWRITE:
                self._version = conflict.saved_version
                self.accept()
            return
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Organisation nicht gespeichert"), str(exc))
            return
        super().accept()
