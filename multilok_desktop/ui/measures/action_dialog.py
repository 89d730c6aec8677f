"""A next step on a measure: what, who (from the address book or typed), by when."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ...services.address_book_service import AddressBookService
from ..address_book.lists import people_model
from ..address_book.picker import PickerDialog
from ..dialog_buttons import dialog_buttons


def pick_person(service: AddressBookService, parent: QWidget) -> tuple[int, str] | None:
    """One person from the address book, or None."""
    dialog = PickerDialog(people_model(service), parent.tr("Person auswählen"), parent=parent)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen:
        return dialog.chosen[0]
    return None


class ActionDialog(QDialog):
    """Results (after exec): text, owner_id, owner_text, due_date."""

    def __init__(
        self,
        address_book: AddressBookService,
        parent: QWidget | None = None,
        *,
        text: str = "",
        owner: str = "",
        due: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._address_book = address_book
        self.setWindowTitle(self.tr("Nächster Schritt"))
        self._owner_id: int | None = None
        self._owner_name = ""

        self._text = QPlainTextEdit(text)
        self._text.setTabChangesFocus(True)
        self._owner = QLineEdit(owner)
        self._owner.setPlaceholderText(self.tr("Name eingeben oder aus dem Adressbuch wählen"))
        self._owner.textEdited.connect(self._on_owner_typed)
        choose = QPushButton(self.tr("&Adressbuch …"))
        choose.clicked.connect(self._choose_owner)
        owner_row = QHBoxLayout()
        owner_row.addWidget(self._owner, 1)
        owner_row.addWidget(choose)

        self._has_due = QCheckBox(self.tr("bis"))
        self._due = QDateEdit(QDate.currentDate().addDays(28))
        self._due.setCalendarPopup(True)
        self._due.setDisplayFormat("dd.MM.yyyy")
        self._has_due.setChecked(due is not None)
        if due is not None:
            self._due.setDate(QDate(due.year, due.month, due.day))
        self._due.setEnabled(self._has_due.isChecked())
        self._has_due.toggled.connect(self._due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self._has_due)
        due_row.addWidget(self._due)
        due_row.addStretch()

        form = QFormLayout(self)
        text_label = QLabel(self.tr("&Was ist zu tun?"))
        text_label.setBuddy(self._text)
        form.addRow(text_label, self._text)
        owner_label = QLabel(self.tr("&Verantwortlich"))
        owner_label.setBuddy(self._owner)
        form.addRow(owner_label, owner_row)
        form.addRow(self.tr("Termin"), due_row)
        form.addRow(dialog_buttons(self, self.tr("Übernehmen")))
        self.resize(540, 260)
        self._text.setFocus()

    # --- results ------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text.toPlainText().strip()

    @property
    def owner_id(self) -> int | None:
        return self._owner_id

    @property
    def owner_text(self) -> str:
        return self._owner.text().strip()

    @property
    def due_date(self) -> date | None:
        return self._due.date().toPython() if self._has_due.isChecked() else None  # type: ignore[return-value]

    # --- slots ---------------------------------------------------------------------------------

    @Slot()
    def _choose_owner(self) -> None:
        chosen = pick_person(self._address_book, self)
        if chosen is not None:
            self._owner_id, self._owner_name = chosen
            self._owner.setText(self._owner_name)

    @Slot(str)
    def _on_owner_typed(self, text: str) -> None:
        if text.strip() != self._owner_name:
            self._owner_id = None  # typed over the chosen person: free text now

    def accept(self) -> None:
        if not self.text:
            QMessageBox.warning(
                self, self.tr("Nächster Schritt"), self.tr("Bitte beschreiben, was zu tun ist.")
            )
            self._text.setFocus()
            return
        super().accept()
