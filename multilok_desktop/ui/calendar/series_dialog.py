"""Treffenreihe: rhythm in plain choices, next dates with warnings before saving, defaults."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QTime, QTimer, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import InvitationMode
from ...services import recurrence
from ...services.address_book_service import AddressBookService
from ...services.calendar import STANDARD_AGENDA, InviteeData, SeriesData
from ...services.calendar_service import CalendarService
from ...services.clock import OFFICE_TZ, local
from ...services.errors import ServiceError
from ..address_book.picker import pick_organisations, pick_people
from ..dialog_buttons import buddy_label, dialog_buttons

MONTHS = [
    QT_TRANSLATE_NOOP("SeriesDialog", "Jan."),
    QT_TRANSLATE_NOOP("SeriesDialog", "Feb."),
    QT_TRANSLATE_NOOP("SeriesDialog", "März"),
    QT_TRANSLATE_NOOP("SeriesDialog", "Apr."),
    QT_TRANSLATE_NOOP("SeriesDialog", "Mai"),
    QT_TRANSLATE_NOOP("SeriesDialog", "Juni"),
    QT_TRANSLATE_NOOP("SeriesDialog", "Juli"),
    QT_TRANSLATE_NOOP("SeriesDialog", "Aug."),
    QT_TRANSLATE_NOOP("SeriesDialog", "Sep."),
    QT_TRANSLATE_NOOP("SeriesDialog", "Okt."),
    QT_TRANSLATE_NOOP("SeriesDialog", "Nov."),
    QT_TRANSLATE_NOOP("SeriesDialog", "Dez."),
]
WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
WEEKDAY_NAMES = [
    QT_TRANSLATE_NOOP("SeriesDialog", "Montag"),
    QT_TRANSLATE_NOOP("SeriesDialog", "Dienstag"),
    QT_TRANSLATE_NOOP("SeriesDialog", "Mittwoch"),
    QT_TRANSLATE_NOOP("SeriesDialog", "Donnerstag"),
    QT_TRANSLATE_NOOP("SeriesDialog", "Freitag"),
    QT_TRANSLATE_NOOP("SeriesDialog", "Samstag"),
    QT_TRANSLATE_NOOP("SeriesDialog", "Sonntag"),
]  # the same, for the form (WEEKDAYS[:2] in dates stays German)
ORDINALS = [
    (1, "1."),
    (2, "2."),
    (3, "3."),
    (4, "4."),
    (-1, QT_TRANSLATE_NOOP("SeriesDialog", "letzten")),
]
FREQUENCIES = [
    ("yearly", QT_TRANSLATE_NOOP("SeriesDialog", "jährlich, in den Monaten")),
    ("monthly", QT_TRANSLATE_NOOP("SeriesDialog", "monatlich")),
    ("weekly", QT_TRANSLATE_NOOP("SeriesDialog", "wöchentlich")),
]
INVITEE_ROLE = Qt.ItemDataRole.UserRole + 1


class SeriesDialog(QDialog):
    """After Accepted, `saved_id` is the series' id."""

    def __init__(
        self,
        service: CalendarService,
        address_book: AddressBookService,
        series_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._address_book = address_book
        self._series_id = series_id
        self.saved_id: int | None = None
        self.setWindowTitle(
            self.tr("Neue Treffenreihe")
            if series_id is None
            else self.tr("Treffenreihe bearbeiten")
        )
        self.resize(760, 620)

        self._title = QLineEdit()
        self._frequency = QComboBox()
        for key, label in FREQUENCIES:
            self._frequency.addItem(self.tr(label), key)
        self._interval = QSpinBox()
        self._interval.setRange(1, 12)

        self._months = [QCheckBox(self.tr(name)) for name in MONTHS]
        self._ordinal = QComboBox()
        for value, label in ORDINALS:
            self._ordinal.addItem(self.tr(label), value)
        self._weekday = QComboBox()
        self._weekday.addItems([self.tr(name) for name in WEEKDAY_NAMES])
        self._first_date = QDateEdit()
        self._first_date.setCalendarPopup(True)
        self._first_date.setDisplayFormat("dd.MM.yyyy")
        self._time = QTimeEdit()
        self._time.setDisplayFormat("HH:mm")
        self._duration = QSpinBox()
        self._duration.setRange(15, 600)
        self._duration.setSingleStep(15)
        self._duration.setSuffix(self.tr(" Minuten"))
        self._location = QLineEdit()
        self._description = QPlainTextEdit()
        self._description.setMaximumHeight(60)
        self._rule_text = QLabel()
        self._rule_text.setStyleSheet("font-weight: bold;")
        self._preview = QListWidget()  # takes the free height of the page

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(200)
        self._preview_timer.timeout.connect(self._update_preview)
        for signal in (self._frequency.currentIndexChanged, self._interval.valueChanged,
                       self._ordinal.currentIndexChanged, self._weekday.currentIndexChanged,
                       self._first_date.dateChanged, self._time.timeChanged,
                       self._duration.valueChanged):  # fmt: skip
            signal.connect(lambda *_: self._preview_timer.start())
        for box in self._months:
            box.toggled.connect(lambda *_: self._preview_timer.start())
        self._frequency.currentIndexChanged.connect(self._update_month_state)

        months = QGridLayout()
        for index, box in enumerate(self._months):
            months.addWidget(box, index // 6, index % 6)
        rhythm_row = QHBoxLayout()
        rhythm_row.addWidget(self._frequency)
        rhythm_row.addWidget(self._interval)
        rhythm_row.addStretch()
        day_row = QHBoxLayout()
        day_row.addWidget(QLabel(self.tr("am")))
        day_row.addWidget(self._ordinal)
        day_row.addWidget(self._weekday)
        day_row.addStretch()
        start_row = QHBoxLayout()
        start_row.addWidget(self._first_date)
        start_row.addWidget(QLabel(self.tr("um")))
        start_row.addWidget(self._time)
        start_row.addWidget(QLabel(self.tr("Uhr, Dauer")))
        start_row.addWidget(self._duration)
        start_row.addStretch()

        general = QWidget()
        form = QFormLayout(general)
        form.addRow(self.tr("&Titel"), self._title)
        form.addRow(buddy_label(self.tr("&Rhythmus"), self._frequency), rhythm_row)
        form.addRow("", months)
        form.addRow(buddy_label(self.tr("Ta&g"), self._ordinal), day_row)
        form.addRow(buddy_label(self.tr("Erster Ter&min"), self._first_date), start_row)
        form.addRow(self.tr("Standard&ort"), self._location)
        form.addRow(self.tr("&Beschreibung"), self._description)
        form.addRow(self.tr("Ergibt"), self._rule_text)
        form.addRow(self.tr("Nächste Termine"), self._preview)

        self._agenda = QPlainTextEdit()
        self._agenda.setPlaceholderText(
            self.tr("ein Tagesordnungspunkt je Zeile, Minuten nach einem |")
        )
        agenda_page = QWidget()
        agenda_layout = QVBoxLayout(agenda_page)
        agenda_layout.addWidget(QLabel(self.tr(
            "Mit diesen Tagesordnungspunkten beginnt jedes neue Treffen der Reihe "
            "(eine Zeile je TOP, z. B. „Eröffnung und Begrüßung | 5“):")))  # fmt: skip
        agenda_layout.addWidget(self._agenda)

        self._departments = QListWidget()
        for choice in address_book.departments():
            item = QListWidgetItem(choice.name)
            item.setData(INVITEE_ROLE, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self._departments.addItem(item)
        self._invitees = QListWidget()
        invitee_buttons = QHBoxLayout()
        for text, slot in ((self.tr("&Personen …"), self._on_add_people),
                           (self.tr("Or&ganisationen …"), self._on_add_organisations),
                           (self.tr("&Verteiler …"), self._on_add_list),
                           (self.tr("Entfe&rnen"), self._on_remove_invitee)):  # fmt: skip
            button = QPushButton(text)
            button.clicked.connect(slot)
            invitee_buttons.addWidget(button)
        self._informed = QCheckBox(self.tr("neu Hinzugefügte nur informieren (nicht einladen)"))
        people_page = QWidget()
        people_layout = QHBoxLayout(people_page)
        departments_box = QGroupBox(self.tr("Beteiligte Ressorts"))
        QVBoxLayout(departments_box).addWidget(self._departments)
        invitees_box = QGroupBox(self.tr("Standard-Eingeladene"))
        invitees_layout = QVBoxLayout(invitees_box)
        invitees_layout.addWidget(self._invitees)
        invitees_layout.addWidget(self._informed)
        invitees_layout.addLayout(invitee_buttons)
        people_layout.addWidget(departments_box, 1)
        people_layout.addWidget(invitees_box, 2)

        tabs = QTabWidget()
        tabs.addTab(general, self.tr("&Allgemein"))
        tabs.addTab(agenda_page, self.tr("&Standard-Tagesordnung"))
        tabs.addTab(people_page, self.tr("Ressorts und &Eingeladene"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(dialog_buttons(self, self.tr("Speichern")))

        if series_id is None:
            self._load_defaults()
        else:
            self._load(series_id)
        self._update_month_state()
        self._update_preview()
        self._title.setFocus()

    # --- loading and collecting ---------------------------------------------------------

    def _load_defaults(self) -> None:
        self._title.setText(self.tr("Vernetzungstreffen Multilokalität"))
        self._months[2].setChecked(True)  # März
        self._months[8].setChecked(True)  # September
        self._ordinal.setCurrentIndex(1)  # 2.
        self._weekday.setCurrentIndex(1)  # Dienstag
        today = QDate.currentDate()
        self._first_date.setDate(QDate(today.year(), today.month(), 1))
        self._time.setTime(QTime(14, 0))
        self._duration.setValue(150)
        self._agenda.setPlainText(
            "\n".join(f"{title} | {minutes}" for title, minutes in STANDARD_AGENDA)
        )

    def _load(self, series_id: int) -> None:
        details = self._service.get_series(series_id)
        data = details.data
        self._title.setText(data.title)
        choice = recurrence.choice_from_rule(data.recurrence)
        self._frequency.setCurrentIndex(max(0, self._frequency.findData(choice.frequency)))
        self._interval.setValue(choice.interval)
        for month, box in enumerate(self._months, start=1):
            box.setChecked(month in choice.months)
        if choice.weekday is not None:
            self._weekday.setCurrentIndex(choice.weekday)
        self._ordinal.setCurrentIndex(max(0, self._ordinal.findData(choice.ordinal)))
        start = local(data.first_start)
        self._first_date.setDate(QDate(start.year, start.month, start.day))
        self._time.setTime(QTime(start.hour, start.minute))
        self._duration.setValue(data.default_duration_minutes)
        self._location.setText(data.default_location)
        self._description.setPlainText(data.description)
        self._agenda.setPlainText("\n".join(f"{t} | {m}" for t, m in data.agenda_template))
        for row in range(self._departments.count()):
            item = self._departments.item(row)
            if item.data(INVITEE_ROLE) in data.department_ids:
                item.setCheckState(Qt.CheckState.Checked)
        people = [i.person_id for i in data.invitees if i.person_id]
        organisations = [i.organisation_id for i in data.invitees if i.organisation_id]
        names = {m.key: m.name for m in self._address_book.describe_members(people, organisations)}
        lists = {s.id: s.name for s in self._address_book.lists()}
        for invitee in data.invitees:
            if invitee.list_id is not None:
                label = self.tr("Verteiler: %1").replace("%1", lists.get(invitee.list_id, "?"))
            else:
                label = names.get((invitee.person_id, invitee.organisation_id), "?")
            self._add_invitee(label, invitee)

    def _rule(self) -> str:
        frequency = self._frequency.currentData()
        # Greyed-out choices do not count: months only for yearly, no "2." for weekly.
        months = [m for m, box in enumerate(self._months, start=1) if box.isChecked()]
        return recurrence.rule_from_choice(
            frequency,
            months=months if frequency == "yearly" else [],
            weekday=self._weekday.currentIndex(),
            ordinal=None if frequency == "weekly" else self._ordinal.currentData(),
            interval=self._interval.value(),
        )

    def _first_start(self) -> datetime:
        return datetime.combine(
            self._first_date.date().toPython(), self._time.time().toPython(), tzinfo=OFFICE_TZ
        )

    def _agenda_template(self) -> tuple[tuple[str, int], ...]:
        items = []
        for line in self._agenda.toPlainText().splitlines():
            title, _, minutes = line.partition("|")
            if title.strip():
                items.append((title.strip(), int(minutes) if minutes.strip().isdigit() else 10))
        return tuple(items)

    def series_data(self) -> SeriesData:
        return SeriesData(
            title=self._title.text().strip(),
            recurrence=self._rule(),
            first_start=self._first_start(),
            default_location=self._location.text().strip(),
            default_duration_minutes=self._duration.value(),
            description=self._description.toPlainText().strip(),
            department_ids=tuple(
                self._departments.item(r).data(INVITEE_ROLE)
                for r in range(self._departments.count())
                if self._departments.item(r).checkState() == Qt.CheckState.Checked
            ),
            agenda_template=self._agenda_template(),
            invitees=tuple(
                self._invitees.item(r).data(INVITEE_ROLE) for r in range(self._invitees.count())
            ),
        )

    # --- slots --------------------------------------------------------------------------

    @Slot()
    def _update_month_state(self) -> None:
        units = {"yearly": (self.tr("jedes Jahr"), self.tr("Jahre")),
                 "monthly": (self.tr("jeden Monat"), self.tr("Monate")),
                 "weekly": (self.tr("jede Woche"), self.tr("Wochen"))}  # fmt: skip
        every, many = units[self._frequency.currentData()]
        self._interval.setSpecialValueText(every)  # shown for 1: "jedes Jahr", else "alle 2 Jahre"
        self._interval.setPrefix(self.tr("alle "))
        self._interval.setSuffix(f" {many}")
        yearly = self._frequency.currentData() == "yearly"
        weekly = self._frequency.currentData() == "weekly"
        for box in self._months:
            box.setEnabled(yearly)
        self._ordinal.setEnabled(not weekly)

    @Slot()
    def _update_preview(self) -> None:
        self._preview.clear()
        try:
            rule = self._rule()
            self._rule_text.setText(recurrence.describe_rule(rule))
            dates = self._service.series_preview(
                rule, self._first_start(), self._duration.value(), series_id=self._series_id
            )
        except ServiceError as exc:
            self._rule_text.setText(str(exc))
            return
        for start, warnings in dates:
            moment = local(start)
            text = f"{WEEKDAYS[moment.weekday()][:2]}., {moment:%d.%m.%Y %H:%M} Uhr"
            if warnings:
                text += "   ⚠ " + "; ".join(warnings)
            item = QListWidgetItem(text)
            if warnings:
                item.setForeground(Qt.GlobalColor.darkRed)
            self._preview.addItem(item)

    def _add_invitee(self, label: str, invitee: InviteeData) -> None:
        mode = self.tr(" (informiert)") if invitee.mode == InvitationMode.INFORMED else ""
        item = QListWidgetItem(label + mode)
        item.setData(INVITEE_ROLE, invitee)
        self._invitees.addItem(item)

    def _mode(self) -> InvitationMode:
        return InvitationMode.INFORMED if self._informed.isChecked() else InvitationMode.INVITED

    @Slot()
    def _on_add_people(self) -> None:
        for person_id, name in pick_people(self._address_book, self):
            self._add_invitee(name, InviteeData(person_id=person_id, mode=self._mode()))

    @Slot()
    def _on_add_organisations(self) -> None:
        for organisation_id, name in pick_organisations(self._address_book, self):
            self._add_invitee(name, InviteeData(organisation_id=organisation_id, mode=self._mode()))

    @Slot()
    def _on_add_list(self) -> None:
        lists = self._address_book.lists()
        if not lists:
            return
        names = [s.name for s in lists]
        name, ok = QInputDialog.getItem(
            self, self.tr("Verteiler"), self.tr("Verteiler:"), names, 0, False
        )
        if ok:
            chosen = lists[names.index(name)]
            self._add_invitee(self.tr("Verteiler: %1").replace("%1", chosen.name),
                              InviteeData(list_id=chosen.id, mode=self._mode()))  # fmt: skip

    @Slot()
    def _on_remove_invitee(self) -> None:
        for item in self._invitees.selectedItems():
            self._invitees.takeItem(self._invitees.row(item))

    def accept(self) -> None:
        try:
            self.saved_id = self._service.save_series(self.series_data(), self._series_id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Treffenreihe nicht gespeichert"), str(exc))
            return
        super().accept()
