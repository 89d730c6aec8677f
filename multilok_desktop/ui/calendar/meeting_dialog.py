"""Plan one meeting: date and place (with holiday and clash warnings), agenda, invitations."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import MeetingStatus
from ...services.address_book_service import AddressBookService
from ...services.calendar import AgendaItemData, EditScope, MeetingData
from ...services.calendar_service import CalendarService
from ...services.clock import OFFICE_TZ, local
from ...services.conflicts import ConflictError
from ...services.errors import ServiceError, ValidationError
from ..conflict_dialog import ConflictChoice, ask_about_conflict
from ..dialog_buttons import buddy_label, dialog_buttons
from .agenda_table import AgendaRow, AgendaTable
from .invitations_panel import InvitationsPanel

WARNING_STYLE = "QLabel { background: #fff4ce; border: 1px solid #e0c060; padding: 4px; }"


class MeetingDialog(QDialog):
    """After Accepted, `saved_id` is the meeting's id (the first of those changed)."""

    def __init__(
        self,
        service: CalendarService,
        meeting_id: int | None = None,
        parent: QWidget | None = None,
        *,
        start: datetime | None = None,
        series_id: int | None = None,
        address_book: AddressBookService | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._meeting_id = meeting_id
        self._series_id = series_id
        self._original: MeetingData | None = None
        self._end_day_offset = 0  # days between start and end (imported multi-day events)
        self.saved_id: int | None = None
        self.setWindowTitle(
            self.tr("Neues Treffen") if meeting_id is None else self.tr("Treffen bearbeiten")
        )
        self.resize(820, 640)

        self._title = QLineEdit()
        self._date = QDateEdit()
        self._date.setCalendarPopup(True)
        self._date.setDisplayFormat("ddd, dd.MM.yyyy")
        self._start = QTimeEdit()
        self._start.setDisplayFormat("HH:mm")
        self._end = QTimeEdit()
        self._end.setDisplayFormat("HH:mm")
        self._location = QLineEdit()
        self._status = QComboBox()
        for status in MeetingStatus:
            self._status.addItem(status.value, status)
        self._topics = QLineEdit()
        self._topics.setPlaceholderText(
            self.tr("durch Komma getrennt, z. B. Wohnraum auf Zeit, Kinderbetreuung")
        )
        self._notes = QPlainTextEdit()
        self._notes.setTabChangesFocus(True)  # takes the free height of the page
        self._warnings = QLabel()
        self._warnings.setWordWrap(True)
        self._warnings.setStyleSheet(WARNING_STYLE)
        self._warnings.hide()
        self._warning_timer = QTimer(self)
        self._warning_timer.setSingleShot(True)
        self._warning_timer.setInterval(250)
        self._warning_timer.timeout.connect(self._check_warnings)
        for editor in (self._date, self._start, self._end):
            editor.dateTimeChanged.connect(lambda *_: self._warning_timer.start())

        times = QHBoxLayout()
        times.addWidget(self._date)
        times.addWidget(QLabel(self.tr("von")))
        times.addWidget(self._start)
        times.addWidget(QLabel(self.tr("bis")))
        times.addWidget(self._end)
        times.addWidget(QLabel(self.tr("Uhr")))
        times.addStretch()
        general = QWidget()
        form = QFormLayout(general)
        form.addRow(self.tr("&Titel"), self._title)
        form.addRow(buddy_label(self.tr("&Datum"), self._date), times)
        form.addRow("", self._warnings)
        form.addRow(self.tr("&Ort"), self._location)
        form.addRow(self.tr("&Status"), self._status)
        form.addRow(self.tr("Schwer&punkte"), self._topics)
        form.addRow(self.tr("&Notizen"), self._notes)

        self._agenda = AgendaTable()
        add_item = QPushButton(self.tr("TOP &hinzufügen"))
        add_item.clicked.connect(self._on_add_item)
        remove_item = QPushButton(self.tr("TOP ent&fernen"))
        remove_item.clicked.connect(self._on_remove_item)
        up = QPushButton(self.tr("Nach oben (Alt+↑)"))
        up.clicked.connect(lambda: self._agenda.move_current(-1))
        down = QPushButton(self.tr("Nach unten (Alt+↓)"))
        down.clicked.connect(lambda: self._agenda.move_current(1))
        self._agenda_minutes = QLabel()
        self._agenda.itemChanged.connect(self._update_agenda_minutes)
        agenda_buttons = QHBoxLayout()
        for button in (add_item, remove_item, up, down):
            agenda_buttons.addWidget(button)
        agenda_buttons.addStretch()
        agenda_buttons.addWidget(self._agenda_minutes)
        agenda_page = QWidget()
        agenda_layout = QVBoxLayout(agenda_page)
        agenda_layout.addWidget(self._agenda)
        agenda_layout.addLayout(agenda_buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(general, self.tr("&Allgemein"))
        self.tabs.addTab(agenda_page, self.tr("Ta&gesordnung"))
        if meeting_id is not None:
            self.invitations = InvitationsPanel(service, meeting_id, address_book)
            self.tabs.addTab(self.invitations, self.tr("&Einladungen"))
        else:
            hint = QLabel(self.tr("Nach dem Speichern des Treffens können Sie hier einladen."))
            hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.tabs.addTab(hint, self.tr("&Einladungen"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(dialog_buttons(self, self.tr("Speichern")))

        if meeting_id is not None:
            self._load(meeting_id)
        else:
            self._load_new(start)
        self._title.setFocus()

    # --- loading and collecting ---------------------------------------------------------

    def _set_times(self, start: datetime, end: datetime) -> None:
        start, end = local(start), local(end)
        self._end_day_offset = (end.date() - start.date()).days
        self._date.setDate(QDate(start.year, start.month, start.day))
        self._start.setTime(QTime(start.hour, start.minute))
        self._end.setTime(QTime(end.hour, end.minute))

    def _load_new(self, start: datetime | None) -> None:
        if start is None:
            tomorrow = datetime.now(OFFICE_TZ).date() + timedelta(days=14)
            start = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 14, 0, tzinfo=OFFICE_TZ)
        self._set_times(start, start + timedelta(hours=2, minutes=30))
        self._title.setText(self.tr("Vernetzungstreffen Multilokalität"))
        self._location.setText(self._service.settings().default_place)  # Einstellungen
        for title, minutes in (
            ("Eröffnung und Begrüßung", 5),
            ("Feststellung der ordnungsgemäßen Einladung", 5),
            ("Genehmigung der Tagesordnung", 5),
            ("Genehmigung des Protokolls der letzten Sitzung", 10),
            ("Verschiedenes", 15),
        ):
            self._agenda.add_row(title, minutes)
        self._update_agenda_minutes()
        self._warning_timer.start()

    def _load(self, meeting_id: int) -> None:
        edit = self._service.get_meeting(meeting_id)
        self._series_id = edit.series_id
        data = edit.data
        self._original = data
        self._title.setText(data.title)
        self._set_times(data.start, data.end)
        self._location.setText(data.location)
        self._status.setCurrentIndex(max(0, self._status.findData(data.status)))
        self._topics.setText(", ".join(data.topics))
        self._notes.setPlainText(data.notes)
        for item in data.agenda:
            self._agenda.add_row(
                item.title,
                item.planned_minutes,
                item.presenter_text,
                item.non_public,
                AgendaRow(item.id, item.presenter_id, item.presenter_text, item.description),
            )
        self._update_agenda_minutes()
        self._warning_timer.start()

    def _times(self) -> tuple[datetime, datetime]:
        day = self._date.date().toPython()
        start_time = self._start.time().toPython()
        end_time = self._end.time().toPython()
        start = datetime.combine(day, start_time, tzinfo=OFFICE_TZ)
        end_day = day + timedelta(days=self._end_day_offset)
        end = datetime.combine(end_day, end_time, tzinfo=OFFICE_TZ)
        return start, end

    def meeting_data(self) -> MeetingData:
        start, end = self._times()
        agenda = []
        for row in range(self._agenda.rowCount()):
            extra, title, presenter, minutes, non_public = self._agenda.row_values(row)
            if not title and extra.item_id is None:
                continue  # an empty new row: nothing to keep
            if not title:
                raise ValidationError(f"TOP {row + 1} braucht einen Titel.")
            same_presenter = presenter == extra.presenter_text
            agenda.append(
                AgendaItemData(
                    id=extra.item_id,
                    title=title,
                    presenter_id=extra.presenter_id if same_presenter else None,
                    presenter_text=presenter,
                    planned_minutes=minutes,
                    description=extra.description,
                    non_public=non_public,
                )
            )
        return MeetingData(
            title=self._title.text().strip(),
            start=start,
            end=end,
            location=self._location.text().strip(),
            status=self._status.currentData(),
            notes=self._notes.toPlainText(),
            topics=tuple(t.strip() for t in self._topics.text().split(",") if t.strip()),
            agenda=tuple(agenda),
            version=self._original.version if self._original else None,  # as loaded
        )

    # --- slots --------------------------------------------------------------------------

    @Slot()
    def _check_warnings(self) -> None:
        start, end = self._times()
        if end <= start:
            lines = [self.tr("Das Ende liegt vor dem Beginn.")]
        else:
            lines = self._service.date_warnings(start, end, self._meeting_id)
        self._warnings.setText("\n".join(f"⚠ {line}" for line in lines))
        self._warnings.setVisible(bool(lines))

    @Slot()
    def _on_add_item(self) -> None:
        row = self._agenda.currentRow()
        at = row + 1 if row >= 0 else self._agenda.rowCount()
        # New TOPs go before "Verschiedenes" when nothing is selected.
        last = self._agenda.rowCount() - 1
        if row < 0 and last >= 0 and self._agenda.row_values(last)[1] == "Verschiedenes":
            at = last
        new_row = self._agenda.add_row(self.tr("Neuer Tagesordnungspunkt"), 15, at=at)
        self._agenda.setCurrentCell(new_row, 1)
        self._agenda.editItem(self._agenda.item(new_row, 1))

    @Slot()
    def _on_remove_item(self) -> None:
        row = self._agenda.currentRow()
        if row < 0:
            return
        extra, title, *_ = self._agenda.row_values(row)
        if extra.item_id is not None:
            answer = QMessageBox.question(
                self, self.tr("TOP entfernen"),
                self.tr("„%1“ mit allen Notizen, Ergebnissen und Aufgaben dazu entfernen "
                        "(beim Speichern)?").replace("%1", title),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        if row >= 0:
            self._agenda.removeRow(row)
            self._agenda.renumber()
            self._update_agenda_minutes()

    @Slot()
    def _update_agenda_minutes(self) -> None:
        total = sum(self._agenda.row_values(r)[3] for r in range(self._agenda.rowCount()))
        start, end = self._times()
        available = int((end - start).total_seconds() // 60)
        text = (
            self.tr("geplant: %1 Min. von %2 Min.")
            .replace("%1", str(total))
            .replace("%2", str(available))
        )
        self._agenda_minutes.setText(text)
        self._agenda_minutes.setStyleSheet("color: #a33;" if total > available else "")

    def _ask_scope(self) -> EditScope | None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Treffen einer Reihe ändern"))
        box.setText(
            self.tr("Dieses Treffen gehört zu einer Treffenreihe. Was soll geändert werden?")
        )
        only = box.addButton(self.tr("Nur dieses Treffen"), QMessageBox.ButtonRole.AcceptRole)
        following = box.addButton(
            self.tr("Dieses und alle folgenden"), QMessageBox.ButtonRole.AcceptRole
        )
        every = box.addButton(self.tr("Alle"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Abbrechen"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(only)
        box.exec()
        return {only: EditScope.THIS, following: EditScope.FOLLOWING, every: EditScope.ALL}.get(
            box.clickedButton()  # type: ignore[arg-type]
        )

    def _series_relevant_change(self, data: MeetingData) -> bool:
        """Only time, place and title can be carried over to the other meetings."""
        old = self._original
        if old is None:
            return False
        return (
            local(old.start).time() != local(data.start).time()
            or (old.end - old.start) != (data.end - data.start)
            or old.location != data.location
            or old.title != data.title
        )

    def accept(self) -> None:
        try:
            data = self.meeting_data()
            if self._meeting_id is None:
                self.saved_id = self._service.create_meeting(data, self._series_id)
            else:
                scope = EditScope.THIS
                if self._series_id is not None and self._series_relevant_change(data):
                    chosen = self._ask_scope()
                    if chosen is None:
                        return
                    scope = chosen
                changed = self._service.update_meeting(self._meeting_id, data, scope)
                self.saved_id = changed[0] if changed else self._meeting_id
        except ConflictError as conflict:
            self._on_conflict(conflict)
            return
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Treffen nicht gespeichert"), str(exc))
            return
        super().accept()

    def _on_conflict(self, conflict: ConflictError) -> None:
        """Someone else saved the meeting meanwhile: reload it, or save ours after all."""
        choice = ask_about_conflict(self, conflict)
        if choice is ConflictChoice.RELOAD and self._meeting_id is not None:
            self._agenda.setRowCount(0)
            self._load(self._meeting_id)
        elif choice is ConflictChoice.OVERWRITE and self._original is not None:
            self._original = replace(self._original, version=conflict.saved_version)
            self.accept()


def meeting_start_from(qdate: QDate) -> datetime:
    """14:00 on a day picked in the month view: the usual start of a meeting."""
    moment = QDateTime(qdate, QTime(14, 0)).toPython()
    return moment.replace(tzinfo=OFFICE_TZ)
