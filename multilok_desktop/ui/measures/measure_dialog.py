"""The measure form (new and edit): every field of `MeasureInput`, grouped in tabs.

Saving goes through the service; a validation error is shown in the dialog, nothing is
saved and everything typed stays.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import TrafficLight
from ...services.address_book_service import AddressBookService
from ...services.clock import OFFICE_TZ
from ...services.conflicts import ConflictError
from ...services.errors import ServiceError
from ...services.measures_service import MeasureFilter, MeasureInput, MeasuresService, PartnerInput
from ...services.taxonomies import Choice
from ..address_book.picker import pick_organisation
from ..conflict_dialog import ConflictChoice, ask_about_conflict
from ..dialog_buttons import dialog_buttons
from .action_dialog import pick_person
from .table import light_icon

ID_ROLE = Qt.ItemDataRole.UserRole + 1
PRIORITIES = [
    (1, QT_TRANSLATE_NOOP("MeasureDialog", "hoch")),
    (2, QT_TRANSLATE_NOOP("MeasureDialog", "mittel")),
    (3, QT_TRANSLATE_NOOP("MeasureDialog", "niedrig")),
]
PARENT_CHOICES_MAX = 200


def _qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else QDate.currentDate()


class OptionalDate(QWidget):
    """A date that may be left empty: a check box in front of the date field."""

    def __init__(self, label: str, value: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(label)
        self.edit = QDateEdit(_qdate(value))
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd.MM.yyyy")
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.enabled.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit)
        layout.addStretch()

    def value(self) -> date | None:
        return self.edit.date().toPython() if self.enabled.isChecked() else None  # type: ignore[return-value]


class ParentPickerDialog(QDialog):
    """Choose the measure this one is part of, by typing part of its title."""

    def __init__(
        self, service: MeasuresService, exclude: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Übergeordnete Maßnahme wählen"))
        self._service = service
        self._exclude = exclude
        self.chosen: tuple[int, str] | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Titel suchen …"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill)
        self.list = QListWidget()
        self.list.itemDoubleClicked.connect(lambda _: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(dialog_buttons(self, self.tr("Übernehmen")))
        self.resize(520, 420)
        self._fill("")

    @Slot(str)
    def _fill(self, text: str) -> None:
        self.list.clear()
        rows = self._service.page(MeasureFilter(text=text), 0, PARENT_CHOICES_MAX)
        for row in rows:
            if row.id == self._exclude:
                continue
            item = QListWidgetItem(f"{row.title} ({row.status})" if row.status else row.title)
            item.setData(ID_ROLE, row.id)
            item.setData(Qt.ItemDataRole.UserRole + 2, row.title)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen = (int(item.data(ID_ROLE)), str(item.data(Qt.ItemDataRole.UserRole + 2)))
        super().accept()


class MeasureDialog(QDialog):
    """New or edit. Result (after exec): `saved_id`."""

    def __init__(
        self,
        service: MeasuresService,
        address_book: AddressBookService,
        measure_id: int | None = None,
        data: MeasureInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._address_book = address_book
        self._measure_id = measure_id
        self.saved_id: int | None = None
        self.reload_requested = False  # closed to be opened again with the stored version
        if data is None:
            data = (
                service.measure_input(measure_id)
                if measure_id is not None
                else service.new_measure_input()
            )
        self._data = data
        details = service.details(measure_id) if measure_id is not None else None
        self.setWindowTitle(
            self.tr("Maßnahme bearbeiten – %1").replace("%1", data.title)
            if measure_id is not None
            else self.tr("Neue Maßnahme")
        )
        # names of what the form refers to by id
        self._lead: tuple[int, str] | None = None
        if data.lead_organisation_id is not None:
            self._lead = (data.lead_organisation_id, self._organisation_name(
                data.lead_organisation_id))  # fmt: skip
        self._responsible: tuple[int, str] | None = None
        if data.responsible_person_id is not None:
            name = details.responsible if details else ""
            self._responsible = (data.responsible_person_id, name or self._person_name(
                data.responsible_person_id))  # fmt: skip
        self._parent: tuple[int, str] | None = None
        if data.parent_id is not None:
            title = details.parent_title if details and details.parent_id == data.parent_id else ""
            self._parent = (data.parent_id, title or f"Maßnahme {data.parent_id}")
        self._meetings = {m.id: m for m in service.meetings()}

        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(details), self.tr("&Allgemein"))
        self.tabs.addTab(self._taxonomy_tab(), self.tr("&Einordnung"))
        self.tabs.addTab(self._people_tab(), self.tr("&Beteiligte"))
        self.tabs.addTab(self._dates_tab(), self.tr("&Termine && Stand"))
        self.tabs.addTab(self._links_tab(), self.tr("Be&züge"))

        self.error = QLabel()
        self.error.setObjectName("measure_dialog_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(dialog_buttons(self, self.tr("Speichern")))
        self.resize(860, 600)
        self.title.setFocus()

    # --- names ---------------------------------------------------------------------------------

    def _organisation_name(self, organisation_id: int) -> str:
        try:
            return self._address_book.organisation(organisation_id).data.name
        except ServiceError:
            return self.tr("(gelöscht)")

    def _person_name(self, person_id: int) -> str:
        try:
            return self._address_book.person(person_id).display_name
        except ServiceError:
            return self.tr("(gelöscht)")

    # --- building the tabs ------------------------------------------------------------------------

    def _combo(self, taxonomy: str, current: int | None, empty: str = "–") -> QComboBox:
        """A value list; a retired value only if this measure has it already."""
        combo = QComboBox()
        combo.addItem(empty, None)
        for choice in self._choices(taxonomy, {current} if current is not None else set()):
            combo.addItem(choice.name, choice.id)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return combo

    def _choices(self, taxonomy: str, keep: set[int]) -> list[Choice]:
        active = {c.id for c in self._service.choices(taxonomy)}
        return [
            c
            for c in self._service.choices(taxonomy, include_retired=True)
            if c.id in active or c.id in keep
        ]

    def _checklist(self, taxonomy: str, current: tuple[int, ...]) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(f"measure_{taxonomy}_list")
        widget.setWordWrap(True)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for choice in self._choices(taxonomy, set(current)):
            item = QListWidgetItem(choice.name)
            item.setData(ID_ROLE, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if choice.id in current else Qt.CheckState.Unchecked
            )
            widget.addItem(item)
        return widget

    @staticmethod
    def _checked(widget: QListWidget) -> tuple[int, ...]:
        return tuple(
            sorted(
                int(widget.item(i).data(ID_ROLE))
                for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked
            )
        )

    def _general_tab(self, details: object) -> QWidget:
        d = self._data
        page = QWidget()
        form = QFormLayout(page)
        self.title = QLineEdit(d.title)
        self.title.setObjectName("measure_title")
        self.kind = self._combo("kind", d.kind_id)
        self.status = self._combo("status", d.status_id, self.tr("– ohne Status –"))
        self.priority = QComboBox()
        for value, name in PRIORITIES:
            self.priority.addItem(self.tr(name), value)
        self.priority.setCurrentIndex(max(0, self.priority.findData(d.priority)))
        self.description = QPlainTextEdit(d.description)
        self.description.setTabChangesFocus(True)
        card = getattr(details, "tool_card", "") if details is not None else ""
        self.tool_card = QLabel(card or (self.tr("aus einer Planungskarte") if d.tool_card_id
                                         else self.tr("–")))  # fmt: skip
        self.tool_card.setWordWrap(True)
        for label, widget in (
            (self.tr("&Titel"), self.title),
            (self.tr("A&rt"), self.kind),
            (self.tr("&Status"), self.status),
            (self.tr("&Priorität"), self.priority),
            (self.tr("Beschrei&bung"), self.description),
        ):
            form.addRow(label, widget)
        form.addRow(self.tr("Planungskarte"), self.tool_card)
        return page

    def _taxonomy_tab(self) -> QWidget:
        d = self._data
        page = QWidget()
        self.strategy = self._combo("strategy", d.strategy_id)
        self.spatial_level = self._combo("spatial_level", d.spatial_level_id)
        self.project_type = self._combo("project_type", d.project_type_id)
        self.target_groups = self._checklist("target_group", d.target_group_ids)
        self.action_fields = self._checklist("action_field", d.action_field_ids)
        self.pending_topics = self._checklist("pending_topic", d.pending_topic_ids)
        form = QFormLayout()
        form.addRow(self.tr("&Strategie"), self.strategy)
        form.addRow(self.tr("&Räumliche Ebene"), self.spatial_level)
        form.addRow(self.tr("&Projektart"), self.project_type)
        grid = QGridLayout()
        for column, (label, widget) in enumerate(
            (
                (self.tr("&Zielgruppen"), self.target_groups),
                (self.tr("&Handlungsfelder"), self.action_fields),
                (self.tr("S&owieso anstehende Themen"), self.pending_topics),
            )
        ):
            title = QLabel(label)
            title.setBuddy(widget)
            grid.addWidget(title, 0, column)
            grid.addWidget(widget, 1, column)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addLayout(grid, 1)
        return page

    def _people_tab(self) -> QWidget:
        page = QWidget()
        self.lead = QLabel()
        self.responsible = QLabel()
        lead_row = self._chooser_row(self.lead, self._choose_lead, self._clear_lead)
        responsible_row = self._chooser_row(
            self.responsible, self._choose_responsible, self._clear_responsible
        )
        self.partners = QTableWidget(0, 2)
        self.partners.setObjectName("measure_partners")
        self.partners.setHorizontalHeaderLabels([self.tr("Organisation"), self.tr("Rolle")])
        self.partners.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.partners.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.partners.verticalHeader().hide()
        self.partners.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for partner in self._data.partners:
            self._add_partner_row(
                partner.organisation_id,
                self._organisation_name(partner.organisation_id),
                partner.role,
            )
        add = QPushButton(self.tr("Partner &hinzufügen …"))
        add.clicked.connect(self._add_partner)
        remove = QPushButton(self.tr("Partner e&ntfernen"))
        remove.clicked.connect(self._remove_partner)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        form = QFormLayout()
        form.addRow(self.tr("Projektträger"), lead_row)
        form.addRow(self.tr("Verantwortlich"), responsible_row)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Projektpartner (Rolle in der zweiten Spalte eintragen)")))
        layout.addWidget(self.partners, 1)
        layout.addLayout(buttons)
        self._show_people()
        return page

    def _chooser_row(self, label: QLabel, choose, clear) -> QWidget:  # noqa: ANN001
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        choose_button = QPushButton(self.tr("Auswählen …"))
        choose_button.clicked.connect(choose)
        clear_button = QPushButton(self.tr("Entfernen"))
        clear_button.clicked.connect(clear)
        layout.addWidget(label, 1)
        layout.addWidget(choose_button)
        layout.addWidget(clear_button)
        return row

    def _dates_tab(self) -> QWidget:
        d = self._data
        page = QWidget()
        self.start_date = OptionalDate(self.tr("ab"), d.start_date)
        self.target_date = OptionalDate(self.tr("bis"), d.target_date)
        self.progress = QSpinBox()
        self.progress.setObjectName("measure_progress")
        self.progress.setRange(0, 100)
        self.progress.setSuffix(" %")
        self.progress.setSingleStep(10)
        self.progress.setValue(d.progress)
        self.progress.setMaximumWidth(110)
        self.lights = QButtonGroup(self)
        lights_row = QHBoxLayout()
        self.light_buttons: dict[TrafficLight, QRadioButton] = {}
        for light in TrafficLight:
            button = QRadioButton(str(light))
            button.setIcon(light_icon(light))
            button.setChecked(light == d.traffic_light)
            button.toggled.connect(self._update_reason)
            self.lights.addButton(button)
            self.light_buttons[light] = button
            lights_row.addWidget(button)
        lights_row.addStretch()
        self.delay_reason = QPlainTextEdit(d.delay_reason)
        self.delay_reason.setObjectName("measure_delay_reason")
        self.delay_reason.setTabChangesFocus(True)
        self.delay_reason.setPlaceholderText(self.tr("Warum verzögert oder blockiert?"))
        self.delay_reason.setMaximumHeight(140)
        form = QFormLayout(page)
        form.addRow(self.tr("Beginn"), self.start_date)
        form.addRow(self.tr("Zieltermin"), self.target_date)
        form.addRow(self.tr("&Fortschritt"), self.progress)
        form.addRow(self.tr("Ampel"), lights_row)
        form.addRow(self.tr("&Grund"), self.delay_reason)
        self._update_reason()
        return page

    def _links_tab(self) -> QWidget:
        d = self._data
        page = QWidget()
        self.parent_label = QLabel()
        parent_row = self._chooser_row(self.parent_label, self._choose_parent, self._clear_parent)
        self.origin = QComboBox()
        self.origin.addItem(self.tr("–"), None)
        for meeting in self._meetings.values():
            self.origin.addItem(self._meeting_text(meeting.id), meeting.id)
        self.origin.setCurrentIndex(max(0, self.origin.findData(d.origin_meeting_id)))
        self.related = QListWidget()
        self.related.setObjectName("measure_meetings")
        for meeting_id in d.meeting_ids:
            self._add_related(meeting_id)
        self.meeting_choice = QComboBox()
        for meeting in self._meetings.values():
            self.meeting_choice.addItem(self._meeting_text(meeting.id), meeting.id)
        add = QPushButton(self.tr("&Hinzufügen"))
        add.clicked.connect(lambda: self._add_related(self.meeting_choice.currentData()))
        remove = QPushButton(self.tr("E&ntfernen"))
        remove.clicked.connect(lambda: self.related.takeItem(self.related.currentRow()))
        add_row = QHBoxLayout()
        add_row.addWidget(self.meeting_choice, 1)
        add_row.addWidget(add)
        add_row.addWidget(remove)
        form = QFormLayout()
        form.addRow(self.tr("Teil von"), parent_row)
        form.addRow(self.tr("Ent&standen in"), self.origin)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Besprochen in diesen Treffen")))
        layout.addWidget(self.related, 1)
        layout.addLayout(add_row)
        self._show_parent()
        return page

    def _meeting_text(self, meeting_id: int) -> str:
        meeting = self._meetings.get(meeting_id)
        if meeting is None:
            return self.tr("Treffen %1").replace("%1", str(meeting_id))
        return f"{meeting.start.astimezone(OFFICE_TZ):%d.%m.%Y} – {meeting.title}"

    # --- slots ---------------------------------------------------------------------------------

    @Slot()
    def _update_reason(self) -> None:
        on_track = self.light_buttons[TrafficLight.ON_TRACK].isChecked()
        self.delay_reason.setEnabled(not on_track)

    def _show_people(self) -> None:
        self.lead.setText(self._lead[1] if self._lead else self.tr("–"))
        self.responsible.setText(self._responsible[1] if self._responsible else self.tr("–"))

    def _show_parent(self) -> None:
        self.parent_label.setText(self._parent[1] if self._parent else self.tr("– (eigenständig)"))

    @Slot()
    def _choose_lead(self) -> None:
        chosen = pick_organisation(self._address_book, self)
        if chosen is not None:
            self._lead = chosen
            self._show_people()

    @Slot()
    def _clear_lead(self) -> None:
        self._lead = None
        self._show_people()

    @Slot()
    def _choose_responsible(self) -> None:
        chosen = pick_person(self._address_book, self)
        if chosen is not None:
            self._responsible = chosen
            self._show_people()

    @Slot()
    def _clear_responsible(self) -> None:
        self._responsible = None
        self._show_people()

    @Slot()
    def _choose_parent(self) -> None:
        dialog = ParentPickerDialog(self._service, self._measure_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen:
            self._parent = dialog.chosen
            self._show_parent()

    @Slot()
    def _clear_parent(self) -> None:
        self._parent = None
        self._show_parent()

    def _add_partner_row(self, organisation_id: int, name: str, role: str) -> None:
        row = self.partners.rowCount()
        self.partners.insertRow(row)
        item = QTableWidgetItem(name)
        item.setData(ID_ROLE, organisation_id)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.partners.setItem(row, 0, item)
        self.partners.setItem(row, 1, QTableWidgetItem(role))

    @Slot()
    def _add_partner(self) -> None:
        chosen = pick_organisation(self._address_book, self)
        if chosen is not None:
            self._add_partner_row(chosen[0], chosen[1], self.tr("Projektpartner"))
            self.partners.setCurrentCell(self.partners.rowCount() - 1, 1)

    @Slot()
    def _remove_partner(self) -> None:
        row = self.partners.currentRow()
        if row >= 0:
            self.partners.removeRow(row)

    def _add_related(self, meeting_id: int | None) -> None:
        if meeting_id is None:
            return
        if any(self.related.item(i).data(ID_ROLE) == meeting_id
               for i in range(self.related.count())):  # fmt: skip
            return
        item = QListWidgetItem(self._meeting_text(meeting_id))
        item.setData(ID_ROLE, meeting_id)
        self.related.addItem(item)

    # --- saving ------------------------------------------------------------------------------

    def measure_input(self) -> MeasureInput:
        """What the form says now."""
        light = next(t for t, b in self.light_buttons.items() if b.isChecked())
        partners = []
        for row in range(self.partners.rowCount()):
            name_item = self.partners.item(row, 0)
            role_item = self.partners.item(row, 1)
            partners.append(
                PartnerInput(
                    int(name_item.data(ID_ROLE)), role_item.text().strip() if role_item else ""
                )
            )
        return replace(
            self._data,
            title=self.title.text(),
            description=self.description.toPlainText(),
            kind_id=self.kind.currentData(),
            status_id=self.status.currentData(),
            priority=int(self.priority.currentData()),
            strategy_id=self.strategy.currentData(),
            spatial_level_id=self.spatial_level.currentData(),
            project_type_id=self.project_type.currentData(),
            target_group_ids=self._checked(self.target_groups),
            action_field_ids=self._checked(self.action_fields),
            pending_topic_ids=self._checked(self.pending_topics),
            lead_organisation_id=self._lead[0] if self._lead else None,
            responsible_person_id=self._responsible[0] if self._responsible else None,
            partners=tuple(partners),
            start_date=self.start_date.value(),
            target_date=self.target_date.value(),
            progress=self.progress.value(),
            traffic_light=light,
            delay_reason=self.delay_reason.toPlainText() if light != TrafficLight.ON_TRACK else "",
            parent_id=self._parent[0] if self._parent else None,
            origin_meeting_id=self.origin.currentData(),
            meeting_ids=tuple(
                sorted(int(self.related.item(i).data(ID_ROLE)) for i in range(self.related.count()))
            ),
        )

    def accept(self) -> None:
        data = self.measure_input()
        try:
            if self._measure_id is None:
                self.saved_id = self._service.create(data)
            else:
                self._service.update(self._measure_id, data)
                self.saved_id = self._measure_id
        except ConflictError as conflict:
            choice = ask_about_conflict(self, conflict)
            if choice is ConflictChoice.RELOAD:
                self.reload_requested = True
                self.reject()
            elif choice is ConflictChoice.OVERWRITE:
                self._data = replace(self._data, version=conflict.saved_version)
                self.accept()
            return
        except ServiceError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()
