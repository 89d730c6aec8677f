"""Adressbuch: people, organisations and distribution lists, with their toolbar actions."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...exchange.contact_exchange_service import ContactExchangeService
from ...services.address_book_service import AddressBookService
from ...services.errors import NotFoundError, ServiceError
from ...services.privacy_service import PrivacyService
from ..view_actions import view_action
from .detail_pane import DetailPane
from .directory_page import DirectoryPage, FilterSpec
from .lists import organisations_model, people_model
from .lists_page import ListsPage, choose_list
from .merge_dialog import MergeDialog
from .organisation_dialog import OrganisationDialog
from .person_dialog import PersonDialog
from .privacy_actions import PrivacyActions

PEOPLE_TAB, ORGANISATIONS_TAB, LISTS_TAB = range(3)
CONTACT_FILE_FILTER = "Kontakte (*.vcf *.vcard *.csv);;vCard (*.vcf *.vcard);;CSV (*.csv)"


class AddressBookView(QWidget):
    """Signals: status_message(str), data_changed()."""

    status_message = Signal(str)
    data_changed = Signal()

    def __init__(
        self,
        service: AddressBookService,
        exchange: ContactExchangeService,
        parent: QWidget | None = None,
        privacy: PrivacyService | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("address_book")
        self._service = service
        self._exchange = exchange
        self._privacy = privacy

        self.people = DirectoryPage(
            "people",
            people_model(service),
            self._show_person,
            [
                FilterSpec(self.tr("&Art:"), "organisation_kind_id", service.organisation_kinds),
                FilterSpec(self.tr("&Ressort:"), "department_id", service.departments),
            ],
            [220, 240, 170, 130, 220],
            service.person_position,
            self.tr("Suchen: Name, Organisation, E-Mail, Ort, Schlagwort … (Strg+F)"),
        )
        self.organisations = DirectoryPage(
            "organisations",
            organisations_model(service),
            self._show_organisation,
            [FilterSpec(self.tr("&Art:"), "kind_id", service.organisation_kinds)],
            [320, 150, 150, 70, 220],
            service.organisation_position,
            self.tr("Suchen: Name, Art, E-Mail, Ort, Schlagwort … (Strg+F)"),
        )
        self.lists = ListsPage(service)
        for page in (self.people, self.organisations):
            page.selection_changed.connect(self._update_actions)
            page.details.person_link_activated.connect(self.show_person)
            page.details.organisation_link_activated.connect(self.show_organisation)
        self.people.activated.connect(self._edit_person)
        self.organisations.activated.connect(self._edit_organisation)
        self.lists.status_message.connect(self.status_message)
        self.lists.person_activated.connect(self.show_person)
        self.lists.organisation_activated.connect(self.show_organisation)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.people, self.tr("&Personen"))
        self.tabs.addTab(self.organisations, self.tr("&Organisationen"))
        self.tabs.addTab(self.lists, self.tr("&Verteiler"))
        self.tabs.currentChanged.connect(self._on_tab_changed)

        self.toolbar = QToolBar(self.tr("Adressbuch"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = self._action(self.tr("Neu"), QKeySequence.StandardKey.New, self._on_new)
        self.edit_action = self._action(
            self.tr("Bearbeiten"), QKeySequence(Qt.Key.Key_F2), self._on_edit
        )
        self.delete_action = self._action(
            self.tr("Löschen"), QKeySequence.StandardKey.Delete, self._on_delete
        )
        self.toolbar.addSeparator()
        self.merge_action = self._action(
            self.tr("Zusammenführen"), QKeySequence("Ctrl+Shift+M"), self._on_merge
        )
        self.add_to_list_action = self._action(
            self.tr("Zu Verteiler …"), QKeySequence("Ctrl+Shift+V"), self._on_add_to_list
        )
        self.toolbar.addSeparator()
        self.import_action = self._action(
            self.tr("Importieren …"), QKeySequence("Ctrl+I"), self.import_contacts
        )
        self.export_action = self._action(
            self.tr("Exportieren …"), QKeySequence("Ctrl+E"), self.export_contacts
        )
        self._add_privacy_actions()
        self.find_action = QAction(self.tr("Suchen"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action.triggered.connect(self.focus_search)
        self.addAction(self.find_action)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 6)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tabs, 1)
        self._update_actions()

    def _action(self, text: str, shortcut, slot) -> QAction:  # noqa: ANN001
        return view_action(self, self.toolbar, text, shortcut, slot)

    def _add_privacy_actions(self) -> None:
        """DSGVO (privacy_actions.py): a review list in the toolbar; Auskunft, withdrawing
        consent and erasure in the people list's context menu."""
        self.privacy_actions: list[QAction] = []
        if self._privacy is None:
            return
        self.privacy = PrivacyActions(
            self._privacy,
            self,
            lambda: self.people.current_id() if self.tabs.currentIndex() == PEOPLE_TAB else None,
            lambda person_id: self._service.person(person_id).display_name,
        )
        self.toolbar.addSeparator()
        self.review_action = self._action(
            self.tr("Datenschutz-Prüfung …"), QKeySequence("Ctrl+Shift+D"), self.privacy_review
        )
        table = self.people.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.addAction(self.edit_action)
        separator = QAction(self)
        separator.setSeparator(True)
        table.addAction(separator)
        for text, slot in (
            (self.tr("Auskunft nach Art. 15 DSGVO …"), self._privacy_export),
            (self.tr("Einwilligung widerrufen"), self._privacy_withdraw),
            (self.tr("Löschen nach Art. 17 DSGVO …"), self._privacy_erase),
        ):
            action = QAction(text, self)
            action.triggered.connect(slot)
            table.addAction(action)
            self.privacy_actions.append(action)

    @Slot()
    def privacy_review(self) -> None:
        from .privacy_actions import PrivacyReviewDialog

        assert self._privacy is not None
        dialog = PrivacyReviewDialog(self._privacy, self)
        dialog.person_activated.connect(self.show_person)
        dialog.exec()

    @Slot()
    def _privacy_export(self) -> None:
        if message := self.privacy.export():
            self.status_message.emit(message)

    @Slot()
    def _privacy_withdraw(self) -> None:
        if message := self.privacy.withdraw():
            self.people.show_record(self.people.current_id())
            self._changed(message)

    @Slot()
    def _privacy_erase(self) -> None:
        row = self.people.table.currentIndex().row()
        if message := self.privacy.erase():
            self.people.model.reload()
            self.organisations.refresh()
            self.lists.reload()
            self.people.table.selectRow(min(row, self.people.model.rowCount() - 1))
            self._changed(message)

    # --- navigation ---------------------------------------------------------------------

    def focus_search(self) -> None:
        page = self.tabs.currentWidget()
        if isinstance(page, DirectoryPage):
            page.search.setFocus()
            page.search.selectAll()
        else:
            self.tabs.setCurrentIndex(PEOPLE_TAB)
            self.people.search.setFocus()

    @Slot(int)
    def show_person(self, person_id: int) -> None:
        self.tabs.setCurrentIndex(PEOPLE_TAB)
        self.people.ensure_loaded()
        if not self.people.select_id(person_id):
            self.people.clear_filters()  # the filter hid it: show everyone, then select
            self.people.select_id(person_id)
        self.people.show_record(person_id)

    @Slot(int)
    def show_organisation(self, organisation_id: int) -> None:
        self.tabs.setCurrentIndex(ORGANISATIONS_TAB)
        self.organisations.ensure_loaded()
        if not self.organisations.select_id(organisation_id):
            self.organisations.clear_filters()
            self.organisations.select_id(organisation_id)
        self.organisations.show_record(organisation_id)

    def show_record(self, kind: str, record_id: int) -> None:
        """MainWindow.go_to: a person or an organisation, selected and shown."""
        if kind == "person":
            self.show_person(record_id)
        elif kind == "organisation":
            self.show_organisation(record_id)

    def _show_person(self, pane: DetailPane, person_id: int) -> None:
        try:
            privacy = self._privacy.privacy(person_id) if self._privacy else None
            today = self._privacy.today() if self._privacy else None
            pane.show_person(self._service.person(person_id), privacy, today)
        except NotFoundError:
            pane.show_nothing(self.tr("Dieser Eintrag wurde inzwischen gelöscht."))

    def _show_organisation(self, pane: DetailPane, organisation_id: int) -> None:
        try:
            pane.show_organisation(self._service.organisation(organisation_id))
        except NotFoundError:
            pane.show_nothing(self.tr("Dieser Eintrag wurde inzwischen gelöscht."))

    def load(self) -> None:
        """Fill the visible list; the other one loads when its tab is first opened."""
        self._on_tab_changed()

    def ensure_loaded(self) -> None:
        """The main window's view protocol: each list loads once, when first shown."""
        self.load()

    @Slot()
    def _on_tab_changed(self) -> None:
        page = self.tabs.currentWidget()
        if isinstance(page, DirectoryPage | ListsPage):
            page.ensure_loaded()
        self._update_actions()

    @Slot()
    def _update_actions(self) -> None:
        tab = self.tabs.currentIndex()
        page = self.tabs.currentWidget()
        selected = page.selected_ids() if isinstance(page, DirectoryPage) else []
        has_list = self.lists.current_list_id() is not None
        self.edit_action.setEnabled(len(selected) == 1 or (tab == LISTS_TAB and has_list))
        self.delete_action.setEnabled(len(selected) == 1 or (tab == LISTS_TAB and has_list))
        self.merge_action.setEnabled(tab == PEOPLE_TAB and len(selected) == 2)
        self.add_to_list_action.setEnabled(tab != LISTS_TAB and bool(selected))
        for action in self.privacy_actions:
            action.setEnabled(tab == PEOPLE_TAB and len(selected) == 1)

    def _changed(self, message: str) -> None:
        self.status_message.emit(message)
        self.data_changed.emit()

    # --- actions ------------------------------------------------------------------------

    @Slot()
    def _on_new(self) -> None:
        tab = self.tabs.currentIndex()
        if tab == PEOPLE_TAB:
            self._edit_person(None)
        elif tab == ORGANISATIONS_TAB:
            self._edit_organisation(None)
        else:
            self.lists.new_list()

    @Slot()
    def _on_edit(self) -> None:
        tab = self.tabs.currentIndex()
        if tab == PEOPLE_TAB and (person_id := self.people.current_id()) is not None:
            self._edit_person(person_id)
        elif tab == ORGANISATIONS_TAB and (org_id := self.organisations.current_id()) is not None:
            self._edit_organisation(org_id)
        elif tab == LISTS_TAB:
            self.lists.edit_list()

    def _edit_person(self, person_id: int | None) -> None:
        dialog = PersonDialog(self._service, person_id, self, self._privacy)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.people.refresh(dialog.saved_id)
            self.organisations.refresh()
            self.people.show_record(dialog.saved_id)
            self._changed(self.tr("Person gespeichert."))

    def _edit_organisation(self, organisation_id: int | None) -> None:
        dialog = OrganisationDialog(self._service, organisation_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.organisations.refresh(dialog.saved_id)
            self.people.refresh()
            self.organisations.show_record(dialog.saved_id)
            self._changed(self.tr("Organisation gespeichert."))

    @Slot()
    def _on_delete(self) -> None:
        tab = self.tabs.currentIndex()
        try:
            if tab == PEOPLE_TAB:
                self._delete_person()
            elif tab == ORGANISATIONS_TAB:
                self._delete_organisation()
            else:
                self.lists.delete_list()
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Nicht gelöscht"), str(exc))

    def _delete_person(self) -> None:
        person_id = self.people.current_id()
        if person_id is None:
            return
        details = self._service.person(person_id)
        answer = QMessageBox.question(
            self,
            self.tr("Person löschen"),
            self.tr("„%1“ endgültig löschen?\n\nIn Protokollen bleibt der Name lesbar; "
                    "Zugehörigkeiten und Verteiler-Einträge werden entfernt.")
            .replace("%1", details.display_name),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        row = self.people.table.currentIndex().row()
        self._service.delete_person(person_id)
        self.people.model.reload()
        self.organisations.refresh()
        self.people.table.selectRow(min(row, self.people.model.rowCount() - 1))
        self._changed(self.tr("„%1“ gelöscht.").replace("%1", details.display_name))

    def _delete_organisation(self) -> None:
        organisation_id = self.organisations.current_id()
        if organisation_id is None:
            return
        details = self._service.organisation(organisation_id)
        members = self._service.organisation_member_count(organisation_id)
        text = self.tr("„%1“ endgültig löschen?").replace("%1", details.data.name)
        if members:
            text += "\n\n" + self.tr(
                "%n Person(en) verlieren damit diese Zugehörigkeit; die Personen selbst bleiben.",
                "",
                members,
            )
        if QMessageBox.question(self, self.tr("Organisation löschen"), text) != (
            QMessageBox.StandardButton.Yes
        ):
            return
        row = self.organisations.table.currentIndex().row()
        self._service.delete_organisation(organisation_id)
        self.organisations.model.reload()
        self.people.refresh()
        self.organisations.table.selectRow(min(row, self.organisations.model.rowCount() - 1))
        self._changed(self.tr("„%1“ gelöscht.").replace("%1", details.data.name))

    @Slot()
    def _on_merge(self) -> None:
        ids = self.people.selected_ids()
        if len(ids) != 2:
            QMessageBox.information(
                self,
                self.tr("Zusammenführen"),
                self.tr("Bitte genau zwei Personen auswählen (Strg+Klick)."),
            )
            return
        dialog = MergeDialog(self._service, ids[0], ids[1], self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.kept_id is not None:
            self.people.model.reload()
            self.people.select_id(dialog.kept_id)
            self.organisations.refresh()
            self.lists.reload()
            self._changed(self.tr("Personen zusammengeführt."))

    @Slot()
    def _on_add_to_list(self) -> None:
        page = self.tabs.currentWidget()
        if not isinstance(page, DirectoryPage):
            return
        ids = page.selected_ids()
        list_id = choose_list(self._service, self) if ids else None
        if list_id is None:
            return
        if page is self.people:
            count = self._service.add_to_list(list_id, ids, [])
        else:
            count = self._service.add_to_list(list_id, [], ids)
        self.lists.reload(list_id)
        self._changed(self.tr("Verteiler hat jetzt %1 Einträge.").replace("%1", str(count)))

    @Slot()
    def import_contacts(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Kontakte importieren"), "", CONTACT_FILE_FILTER
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        from .import_dialog import ImportDialog  # loads the parsers: only when importing

        dialog = ImportDialog(self._exchange, path, self)
        if not dialog.ready:
            return
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_text:
            self.people.model.reload()
            self.organisations.model.reload()
            self.people.reload_filters()
            self._changed(dialog.result_text)

    @Slot()
    def export_contacts(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Kontakte exportieren"),
            "kontakte.vcf",
            "vCard (*.vcf);;CSV für Excel (*.csv)",
        )
        if not path:
            return
        if not path.lower().endswith((".vcf", ".csv")):
            path += ".csv" if "CSV" in chosen else ".vcf"
        try:
            count = self._exchange.export_contacts(path)
        except (ServiceError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Export fehlgeschlagen"), str(exc))
            return
        self.status_message.emit(self.tr("%1 Kontakte exportiert nach %2.")
                                 .replace("%1", str(count)).replace("%2", path))  # fmt: skip

    # --- remembered layout ----------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        self.people.save_state(settings)
        self.organisations.save_state(settings)
        settings.setValue("address_book/tab", self.tabs.currentIndex())

    def restore_state(self, settings: QSettings) -> None:
        self.people.restore_state(settings)
        self.organisations.restore_state(settings)
        self.tabs.setCurrentIndex(int(settings.value("address_book/tab", PEOPLE_TAB)))
