"""Create or edit a person, with memberships in organisations and a duplicate warning."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.address_book_service import AddressBookService
from ...services.conflicts import ConflictError
from ...services.dates import format_date, parse_date
from ...services.errors import ServiceError
from ...services.people import MembershipData, PersonData
from ...services.privacy_service import PrivacyService
from ...services.taxonomies import Choice
from ..conflict_dialog import ConflictChoice, ask_about_conflict
from ..dialog_buttons import buddy_label, dialog_buttons
from .picker import pick_organisation
from .privacy_tab import PrivacyTab

SALUTATIONS = ["", "Frau", "Herr"]

COL_ORGANISATION, COL_ROLE, COL_DEPARTMENT, COL_FROM, COL_UNTIL, COL_PRIMARY = range(6)
ORGANISATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PersonDialog(QDialog):
    """Saves through the service while open, so a rejected input keeps what was typed.

    After `exec()` returns Accepted, `saved_id` is the id of the saved person.
    """

    def __init__(
        self,
        service: AddressBookService,
        person_id: int | None = None,
        parent: QWidget | None = None,
        privacy: PrivacyService | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._person_id = person_id
        self._departments: list[Choice] = service.departments()
        self._duplicates_confirmed_for: tuple[str, str, str] | None = None
        self.saved_id: int | None = None
        self._version: int | None = None  # as loaded: a stale save is a conflict
        self.setWindowTitle(
            self.tr("Neue Person") if person_id is None else self.tr("Person bearbeiten")
        )
        self.resize(760, 640)

        self._salutation = QComboBox()
        self._salutation.setEditable(True)
        self._salutation.addItems(SALUTATIONS)
        self._salutation.setMinimumWidth(120)
        self._title = QLineEdit()
        self._title.setPlaceholderText(self.tr("z. B. Dr."))
        self._first_name = QLineEdit()
        self._last_name = QLineEdit()
        self._function = QLineEdit()
        self._email = QLineEdit()
        self._phone = QLineEdit()
        self._mobile = QLineEdit()
        self._street = QLineEdit()
        self._postal_code = QLineEdit()
        self._postal_code.setMaximumWidth(90)
        self._city = QLineEdit()
        self._tags = QLineEdit()
        self._tags.setPlaceholderText(
            self.tr("durch Komma getrennt, z. B. Presse, Pendlerinitiative")
        )
        self._notes = QPlainTextEdit()
        self._notes.setTabChangesFocus(True)
        self._notes.setMaximumHeight(80)
        self._duplicate_hint = QLabel()
        self._duplicate_hint.setWordWrap(True)
        self._duplicate_hint.setStyleSheet(
            "QLabel { background: #fff4ce; border: 1px solid #e0c060; padding: 4px; }"
        )
        self._duplicate_hint.hide()
        for field in (self._first_name, self._last_name, self._email):
            field.editingFinished.connect(self._on_identity_edited)

        salutation_row = QHBoxLayout()
        salutation_row.addWidget(self._salutation)
        salutation_row.addWidget(buddy_label(self.tr("&Titel"), self._title))
        salutation_row.addWidget(self._title)
        # One form for names and contact data, so all fields line up.
        contact = QFormLayout()
        contact.addRow(buddy_label(self.tr("&Anrede"), self._salutation), salutation_row)
        contact.addRow(self.tr("&Vorname"), self._first_name)
        contact.addRow(self.tr("&Nachname"), self._last_name)
        contact.addRow("", self._duplicate_hint)
        contact.addRow(self.tr("&Funktion"), self._function)
        contact.addRow(self.tr("&E-Mail"), self._email)
        phones = QHBoxLayout()
        phones.addWidget(self._phone)
        phones.addWidget(QLabel(self.tr("Mobil")))
        phones.addWidget(self._mobile)
        contact.addRow(buddy_label(self.tr("Tele&fon"), self._phone), phones)
        place = QHBoxLayout()
        place.addWidget(self._postal_code)
        place.addWidget(self._city)
        contact.addRow(self.tr("&Straße"), self._street)
        contact.addRow(buddy_label(self.tr("PLZ, &Ort"), self._postal_code), place)
        contact.addRow(self.tr("Schlag&worte"), self._tags)
        contact.addRow(self.tr("Noti&zen"), self._notes)

        self._memberships = QTableWidget(0, 6)
        self._memberships.setHorizontalHeaderLabels(
            [self.tr("Organisation"), self.tr("Rolle"), self.tr("Ressort"), self.tr("von"),
             self.tr("bis"), self.tr("Haupt")]
        )  # fmt: skip
        header = self._memberships.horizontalHeader()
        header.setSectionResizeMode(COL_ORGANISATION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ROLE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (COL_DEPARTMENT, 150),
            (COL_FROM, 90),
            (COL_UNTIL, 90),
            (COL_PRIMARY, 50),
        ):
            self._memberships.setColumnWidth(column, width)
        self._memberships.verticalHeader().hide()
        self._memberships.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add = QPushButton(self.tr("Organisation &hinzufügen …"))
        add.clicked.connect(self._on_add_membership)
        remove = QPushButton(self.tr("Ent&fernen"))
        remove.clicked.connect(self._on_remove_membership)
        membership_buttons = QHBoxLayout()
        membership_buttons.addWidget(add)
        membership_buttons.addWidget(remove)
        membership_buttons.addStretch()
        membership_box = QGroupBox(self.tr("Zugehörigkeit zu Organisationen"))
        membership_layout = QVBoxLayout(membership_box)
        membership_layout.addWidget(self._memberships)
        membership_layout.addLayout(membership_buttons)

        buttons = dialog_buttons(self, self.tr("Speichern"))

        layout = QVBoxLayout(self)
        # With the privacy service: tabs "Person" and "Datenschutz" (privacy_tab.py).
        self.privacy_tab = PrivacyTab(privacy, person_id) if privacy is not None else None
        person_page = QWidget() if self.privacy_tab is not None else None
        page_layout = QVBoxLayout(person_page) if person_page is not None else layout
        page_layout.addLayout(contact)
        page_layout.addWidget(membership_box, 1)
        if person_page is not None and self.privacy_tab is not None:
            page_layout.setContentsMargins(0, 6, 0, 0)
            self.tabs = QTabWidget()
            self.tabs.addTab(person_page, self.tr("&Person"))
            self.tabs.addTab(self.privacy_tab, self.tr("&Datenschutz"))
            layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        if person_id is not None:
            self._load(person_id)
        self._first_name.setFocus()

    # --- loading and collecting ---------------------------------------------------------

    def _load(self, person_id: int) -> None:
        d = self._service.person(person_id).data
        self._version = d.version
        self._memberships.setRowCount(0)  # a reload after a conflict starts afresh
        self._salutation.setCurrentText(d.salutation)
        self._title.setText(d.title)
        self._first_name.setText(d.first_name)
        self._last_name.setText(d.last_name)
        self._function.setText(d.function)
        self._email.setText(d.email)
        self._phone.setText(d.phone)
        self._mobile.setText(d.mobile)
        self._street.setText(d.street)
        self._postal_code.setText(d.postal_code)
        self._city.setText(d.city)
        self._tags.setText(", ".join(d.tags))
        self._notes.setPlainText(d.notes)
        for membership in d.memberships:
            self._append_membership(membership)
        self._duplicates_confirmed_for = self._identity()

    def _append_membership(self, membership: MembershipData) -> None:
        row = self._memberships.rowCount()
        self._memberships.insertRow(row)
        organisation = QTableWidgetItem(membership.organisation_name)
        organisation.setData(ORGANISATION_ID_ROLE, membership.organisation_id)
        organisation.setFlags(organisation.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self._memberships.setItem(row, COL_ORGANISATION, organisation)
        self._memberships.setItem(row, COL_ROLE, QTableWidgetItem(membership.role))
        department = QComboBox()
        department.addItem(self.tr("—"), None)
        for choice in self._departments:
            department.addItem(choice.name, choice.id)
        department.setCurrentIndex(max(0, department.findData(membership.department_id)))
        self._memberships.setCellWidget(row, COL_DEPARTMENT, department)
        self._memberships.setItem(
            row, COL_FROM, QTableWidgetItem(format_date(membership.valid_from))
        )
        self._memberships.setItem(
            row, COL_UNTIL, QTableWidgetItem(format_date(membership.valid_until))
        )
        primary = QCheckBox()
        primary.setChecked(membership.is_primary)
        primary.toggled.connect(lambda checked, box=primary: self._on_primary_toggled(box, checked))
        holder = QWidget()
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        holder_layout.addWidget(primary)
        self._memberships.setCellWidget(row, COL_PRIMARY, holder)

    def _primary_box(self, row: int) -> QCheckBox:
        holder = self._memberships.cellWidget(row, COL_PRIMARY)
        box = holder.findChild(QCheckBox)
        assert box is not None
        return box

    def _on_primary_toggled(self, box: QCheckBox, checked: bool) -> None:
        if not checked:
            return
        for row in range(self._memberships.rowCount()):
            other = self._primary_box(row)
            if other is not box:
                other.setChecked(False)

    def _identity(self) -> tuple[str, str, str]:
        return (
            self._first_name.text().strip(),
            self._last_name.text().strip(),
            self._email.text().strip(),
        )

    def person_data(self) -> PersonData:
        """What the form holds now; raises ServiceError for dates that cannot be read."""
        memberships = []
        for row in range(self._memberships.rowCount()):
            organisation = self._memberships.item(row, COL_ORGANISATION)
            name = organisation.text()
            department = self._memberships.cellWidget(row, COL_DEPARTMENT)
            assert isinstance(department, QComboBox)
            memberships.append(
                MembershipData(
                    organisation_id=int(organisation.data(ORGANISATION_ID_ROLE)),
                    role=(self._memberships.item(row, COL_ROLE) or QTableWidgetItem()).text(),
                    department_id=department.currentData(),
                    valid_from=parse_date(
                        (self._memberships.item(row, COL_FROM) or QTableWidgetItem()).text(),
                        f"Beginn bei {name}",
                    ),
                    valid_until=parse_date(
                        (self._memberships.item(row, COL_UNTIL) or QTableWidgetItem()).text(),
                        f"Ende bei {name}",
                    ),
                    is_primary=self._primary_box(row).isChecked(),
                )
            )
        return PersonData(
            salutation=self._salutation.currentText().strip(),
            title=self._title.text(),
            first_name=self._first_name.text(),
            last_name=self._last_name.text(),
            function=self._function.text(),
            email=self._email.text(),
            phone=self._phone.text(),
            mobile=self._mobile.text(),
            street=self._street.text(),
            postal_code=self._postal_code.text(),
            city=self._city.text(),
            notes=self._notes.toPlainText(),
            tags=tuple(t.strip() for t in self._tags.text().split(",") if t.strip()),
            memberships=tuple(memberships),
            version=self._version,
        )

    # --- duplicate warning --------------------------------------------------------------

    def _duplicate_lines(self) -> list[str]:
        first, last, email = self._identity()
        if not (last or email):
            return []
        candidates = self._service.duplicates(first, last, email, self._person_id)
        return [
            f"{c.name}{' (' + c.organisation + ')' if c.organisation else ''} – {c.reason}"
            for c in candidates
        ]

    @Slot()
    def _on_identity_edited(self) -> None:
        lines = self._duplicate_lines()
        if lines:
            self._duplicate_hint.setText(
                self.tr("Möglicherweise schon vorhanden: ") + "; ".join(escape(x) for x in lines)
            )
            self._duplicate_hint.show()
        else:
            self._duplicate_hint.hide()

    # --- actions ------------------------------------------------------------------------

    @Slot()
    def _on_add_membership(self) -> None:
        picked = pick_organisation(self._service, self)
        if picked is None:
            return
        organisation_id, name = picked
        for row in range(self._memberships.rowCount()):
            if (
                self._memberships.item(row, COL_ORGANISATION).data(ORGANISATION_ID_ROLE)
                == organisation_id
            ):
                self._memberships.selectRow(row)
                return
        self._append_membership(
            MembershipData(
                organisation_id=organisation_id,
                organisation_name=name,
                is_primary=self._memberships.rowCount() == 0,
            )
        )
        self._memberships.editItem(
            self._memberships.item(self._memberships.rowCount() - 1, COL_ROLE)
        )

    @Slot()
    def _on_remove_membership(self) -> None:
        rows = sorted({i.row() for i in self._memberships.selectedIndexes()}, reverse=True)
        for row in rows:
            self._memberships.removeRow(row)

    def accept(self) -> None:
        try:
            data = self.person_data()
            privacy = self.privacy_tab.settings() if self.privacy_tab is not None else None
            identity = self._identity()
            if identity != self._duplicates_confirmed_for:
                lines = self._duplicate_lines()
                if lines and not self._confirm_duplicates(lines):
                    return
                self._duplicates_confirmed_for = identity
            self.saved_id = self._service.save_person(data, self._person_id)
            self._person_id = self.saved_id
            self._version = self._service.person(self.saved_id).data.version
            if self.privacy_tab is not None and privacy is not None:
                self.privacy_tab.save(self.saved_id, privacy)
        except ConflictError as conflict:
            self._on_conflict(conflict)
            return
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Person nicht gespeichert"), str(exc))
            return
        super().accept()

    def _on_conflict(self, conflict: ConflictError) -> None:
        choice = ask_about_conflict(self, conflict)
        if choice is ConflictChoice.RELOAD and self._person_id is not None:
            self._load(self._person_id)
        elif choice is ConflictChoice.OVERWRITE:
            self._version = conflict.saved_version
            self.accept()

    def _confirm_duplicates(self, lines: list[str]) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Mögliche Dublette"))
        box.setText(self.tr("Diese Person gibt es möglicherweise schon:"))
        box.setInformativeText("\n".join(f"• {line}" for line in lines))
        save = box.addButton(self.tr("Trotzdem speichern"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("Zurück"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.exec()
        return box.clickedButton() is save
