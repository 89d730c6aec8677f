"""Verteiler: the lists on the left, the chosen list's members on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.address_book_service import AddressBookService
from ...services.errors import ServiceError
from ..dialog_buttons import dialog_buttons
from .picker import pick_organisations, pick_people

LIST_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 2


class ListPropertiesDialog(QDialog):
    def __init__(
        self, name: str = "", description: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verteiler"))
        self._name = QLineEdit(name)
        self._description = QLineEdit(description)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self._name)
        form.addRow(self.tr("&Beschreibung"), self._description)
        buttons = dialog_buttons(self, self.tr("Speichern"))
        form.addRow(buttons)
        self.resize(420, 120)

    @property
    def name(self) -> str:
        return self._name.text()

    @property
    def description(self) -> str:
        return self._description.text()


class ListsPage(QWidget):
    """Signals: status_message(str), person_activated(int), organisation_activated(int)."""

    status_message = Signal(str)
    person_activated = Signal(int)
    organisation_activated = Signal(int)

    def __init__(self, service: AddressBookService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._lists = QListWidget()
        self._lists.currentItemChanged.connect(self._on_list_changed)
        self._members = QTreeWidget()
        self._members.setHeaderLabels([self.tr("Name"), self.tr("E-Mail / Art")])
        self._members.setRootIsDecorated(False)
        self._members.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._members.setColumnWidth(0, 300)
        self._members.itemActivated.connect(self._on_member_activated)
        self._title = QLabel()
        self._title.setStyleSheet("font-weight: bold;")

        add_people = QPushButton(self.tr("&Personen hinzufügen …"))
        add_people.clicked.connect(self._on_add_people)
        add_organisations = QPushButton(self.tr("&Organisationen hinzufügen …"))
        add_organisations.clicked.connect(self._on_add_organisations)
        remove = QPushButton(self.tr("Aus Verteiler &entfernen"))
        remove.clicked.connect(self._on_remove_members)
        self._member_buttons = [add_people, add_organisations, remove]
        member_buttons = QHBoxLayout()
        for button in self._member_buttons:
            member_buttons.addWidget(button)
        member_buttons.addStretch()

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self._title)
        right_layout.addWidget(self._members)
        right_layout.addLayout(member_buttons)
        splitter = QSplitter()
        splitter.addWidget(self._lists)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 700])
        self._lists.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._loaded = False  # filled when the tab is first opened

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.reload()

    # --- state --------------------------------------------------------------------------

    def current_list_id(self) -> int | None:
        item = self._lists.currentItem()
        return int(item.data(LIST_ID_ROLE)) if item is not None else None

    def reload(self, select_id: int | None = None) -> None:
        self._loaded = True
        select_id = select_id if select_id is not None else self.current_list_id()
        self._lists.blockSignals(True)
        self._lists.clear()
        for summary in self._service.lists():
            item = QListWidgetItem(f"{summary.name} ({summary.member_count})")
            item.setData(LIST_ID_ROLE, summary.id)
            item.setToolTip(summary.description)
            self._lists.addItem(item)
            if summary.id == select_id:
                self._lists.setCurrentItem(item)
        self._lists.blockSignals(False)
        if self._lists.currentItem() is None and self._lists.count():
            self._lists.setCurrentRow(0)
        self._show_members()

    def _show_members(self) -> None:
        self._members.clear()
        list_id = self.current_list_id()
        for button in self._member_buttons:
            button.setEnabled(list_id is not None)
        if list_id is None:
            self._title.setText(self.tr("Noch kein Verteiler angelegt – „Neu“ legt einen an."))
            return
        details = self._service.distribution_list(list_id)
        self._title.setText(
            f"{details.name} – "
            + self.tr("%1 Einträge").replace("%1", str(len(details.members)))
            + (f" · {details.description}" if details.description else "")
        )
        for member in details.members:
            item = QTreeWidgetItem([member.name, member.detail])
            item.setData(0, MEMBER_ROLE, member.key)
            self._members.addTopLevelItem(item)

    @Slot()
    def _on_list_changed(self) -> None:
        self._show_members()

    # --- actions (the view's toolbar calls these) ---------------------------------------

    def new_list(self) -> None:
        dialog = ListPropertiesDialog(parent=self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                list_id = self._service.save_list(dialog.name, dialog.description, [])
            except ServiceError as exc:
                QMessageBox.warning(self, self.tr("Verteiler nicht angelegt"), str(exc))
                continue
            self.reload(list_id)
            self.status_message.emit(self.tr("Verteiler „%1“ angelegt.").replace("%1", dialog.name))
            return

    def edit_list(self) -> None:
        list_id = self.current_list_id()
        if list_id is None:
            return
        details = self._service.distribution_list(list_id)
        dialog = ListPropertiesDialog(details.name, details.description, self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self._service.save_list(
                    dialog.name, dialog.description, list(details.members), list_id
                )
            except ServiceError as exc:
                QMessageBox.warning(self, self.tr("Verteiler nicht gespeichert"), str(exc))
                continue
            self.reload(list_id)
            return

    def delete_list(self) -> None:
        list_id = self.current_list_id()
        if list_id is None:
            return
        details = self._service.distribution_list(list_id)
        answer = QMessageBox.question(
            self,
            self.tr("Verteiler löschen"),
            self.tr("Den Verteiler „%1“ mit %2 Einträgen löschen? Die Personen und "
                    "Organisationen selbst bleiben erhalten.")
            .replace("%1", details.name).replace("%2", str(len(details.members))),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self._service.delete_list(list_id)
            self.reload()
            self.status_message.emit(
                self.tr("Verteiler „%1“ gelöscht.").replace("%1", details.name)
            )

    def add_members(self, person_ids: list[int], organisation_ids: list[int]) -> None:
        list_id = self.current_list_id()
        if list_id is None or not (person_ids or organisation_ids):
            return
        count = self._service.add_to_list(list_id, person_ids, organisation_ids)
        self.reload(list_id)
        self.status_message.emit(
            self.tr("Verteiler hat jetzt %1 Einträge.").replace("%1", str(count))
        )

    @Slot()
    def _on_add_people(self) -> None:
        self.add_members([pid for pid, _ in pick_people(self._service, self)], [])

    @Slot()
    def _on_add_organisations(self) -> None:
        self.add_members([], [oid for oid, _ in pick_organisations(self._service, self)])

    @Slot()
    def _on_remove_members(self) -> None:
        list_id = self.current_list_id()
        selected = {tuple(i.data(0, MEMBER_ROLE)) for i in self._members.selectedItems()}
        if list_id is None or not selected:
            return
        details = self._service.distribution_list(list_id)
        remaining = [m for m in details.members if m.key not in selected]
        self._service.save_list(details.name, details.description, remaining, list_id)
        self.reload(list_id)

    @Slot(QTreeWidgetItem, int)
    def _on_member_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        person_id, organisation_id = item.data(0, MEMBER_ROLE)
        if person_id is not None:
            self.person_activated.emit(person_id)
        elif organisation_id is not None:
            self.organisation_activated.emit(organisation_id)


def choose_list(service: AddressBookService, parent: QWidget) -> int | None:
    """Ask which list to add the selection to (for "Zu Verteiler hinzufügen")."""
    summaries = service.lists()
    if not summaries:
        QMessageBox.information(
            parent,
            parent.tr("Kein Verteiler"),
            parent.tr("Es gibt noch keinen Verteiler. Legen Sie unter „Verteiler“ einen an."),
        )
        return None
    names = [s.name for s in summaries]
    name, ok = QInputDialog.getItem(
        parent, parent.tr("Zu Verteiler hinzufügen"), parent.tr("Verteiler:"), names, 0, False
    )
    if not ok:
        return None
    return summaries[names.index(name)].id
