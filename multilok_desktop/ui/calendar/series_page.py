"""Treffenreihen: the series, generating their meetings, and each series' topic backlog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
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
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...services.address_book_service import AddressBookService
from ...services.calendar_service import CalendarService
from ...services.clock import local
from ...services.errors import ServiceError
from ..dialog_buttons import dialog_buttons
from .series_dialog import SeriesDialog

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class BacklogTopicDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thema für eine der nächsten Tagesordnungen"))
        self.title = QLineEdit()
        self.proposed_by = QLineEdit()
        self.description = QPlainTextEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("&Thema"), self.title)
        form.addRow(self.tr("&Vorgeschlagen von"), self.proposed_by)
        form.addRow(self.tr("&Beschreibung"), self.description)
        form.addRow(dialog_buttons(self, self.tr("Speichern")))
        self.resize(480, 260)


class SeriesPage(QWidget):
    """Signals: status_message(str), meetings_changed()."""

    status_message = Signal(str)
    meetings_changed = Signal()

    def __init__(
        self,
        service: CalendarService,
        address_book: AddressBookService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._address_book = address_book
        self.series_list = QListWidget()
        self.series_list.currentItemChanged.connect(self._on_series_changed)
        self.series_list.itemActivated.connect(lambda *_: self.edit_series())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("&Neue Reihe …"), self.new_series),
                           (self.tr("&Bearbeiten …"), self.edit_series),
                           (self.tr("Termine &erzeugen …"), self.generate),
                           (self.tr("&Löschen"), self.delete_series)):  # fmt: skip
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.series_list)
        left_layout.addWidget(self.summary)
        left_layout.addLayout(buttons)

        self.backlog = QListWidget()
        backlog_buttons = QHBoxLayout()
        for text, slot in ((self.tr("Thema &hinzufügen …"), self._on_add_topic),
                           (self.tr("In &Tagesordnung übernehmen …"), self._on_move_topic),
                           (self.tr("Ent&fernen"), self._on_delete_topic)):  # fmt: skip
            button = QPushButton(text)
            button.clicked.connect(slot)
            backlog_buttons.addWidget(button)
        backlog_box = QGroupBox(self.tr("Themenspeicher der Reihe"))
        backlog_layout = QVBoxLayout(backlog_box)
        backlog_layout.addWidget(self.backlog)
        backlog_layout.addLayout(backlog_buttons)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(backlog_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def current_series_id(self) -> int | None:
        item = self.series_list.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.current_series_id()
        self.series_list.blockSignals(True)
        self.series_list.clear()
        for summary in self._service.list_series():
            item = QListWidgetItem(summary.title)
            item.setData(ID_ROLE, summary.id)
            self.series_list.addItem(item)
            if summary.id == keep:
                self.series_list.setCurrentItem(item)
        self.series_list.blockSignals(False)
        if self.series_list.currentItem() is None and self.series_list.count():
            self.series_list.setCurrentRow(0)
        self._on_series_changed()

    @Slot()
    def _on_series_changed(self, *_: object) -> None:
        series_id = self.current_series_id()
        self.backlog.clear()
        if series_id is None:
            self.summary.setText(self.tr("Noch keine Treffenreihe – „Neue Reihe …“ legt eine an."))
            return
        summary = next(s for s in self._service.list_series() if s.id == series_id)
        next_text = f"{local(summary.next_start):%d.%m.%Y %H:%M} Uhr" if summary.next_start else "—"
        self.summary.setText(
            self.tr("%1 · %2 Treffen · nächster Termin nach der Regel: %3")
            .replace("%1", summary.rule_text).replace("%2", str(summary.meeting_count))
            .replace("%3", next_text)
        )  # fmt: skip
        for topic in self._service.backlog(series_id):
            label = topic.title + (f" ({topic.proposed_by})" if topic.proposed_by else "")
            item = QListWidgetItem(("✓ " if topic.moved else "") + label)
            item.setData(ID_ROLE, topic.id)
            item.setToolTip(topic.description)
            if topic.moved:
                item.setForeground(Qt.GlobalColor.gray)
            self.backlog.addItem(item)

    # --- series actions -------------------------------------------------------------------

    @Slot()
    def new_series(self) -> None:
        dialog = SeriesDialog(self._service, self._address_book, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.reload(dialog.saved_id)
            self.status_message.emit(
                self.tr("Treffenreihe angelegt. Mit „Termine erzeugen“ entstehen die Treffen.")
            )

    @Slot()
    def edit_series(self) -> None:
        series_id = self.current_series_id()
        if series_id is None:
            return
        dialog = SeriesDialog(self._service, self._address_book, series_id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload(series_id)
            self.status_message.emit(self.tr("Treffenreihe gespeichert."))

    @Slot()
    def delete_series(self) -> None:
        series_id = self.current_series_id()
        item = self.series_list.currentItem()
        if series_id is None or item is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Treffenreihe löschen"),
            self.tr("Die Reihe „%1“ löschen? Ihre Treffen bleiben als einzelne Treffen erhalten.")
            .replace("%1", item.text()),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self._service.delete_series(series_id)
            self.reload()
            self.meetings_changed.emit()

    @Slot()
    def generate(self) -> None:
        series_id = self.current_series_id()
        if series_id is None:
            return
        year, ok = QInputDialog.getInt(
            self, self.tr("Termine erzeugen"),
            self.tr("Treffen der Reihe anlegen bis Ende des Jahres:"), date.today().year + 1,
            date.today().year, date.today().year + 10,
        )  # fmt: skip
        if not ok:
            return
        try:
            created = self._service.generate_meetings(series_id, date(year, 12, 31))
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Keine Termine erzeugt"), str(exc))
            return
        self.reload(series_id)
        self.meetings_changed.emit()
        self.status_message.emit(
            self.tr("%1 neue Treffen angelegt.").replace("%1", str(len(created)))
        )

    # --- backlog ------------------------------------------------------------------------

    @Slot()
    def _on_add_topic(self) -> None:
        series_id = self.current_series_id()
        if series_id is None:
            return
        dialog = BacklogTopicDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.title.text().strip():
            try:
                self._service.add_backlog_topic(
                    series_id, dialog.title.text().strip(), dialog.description.toPlainText(),
                    dialog.proposed_by.text().strip(),
                )  # fmt: skip
            except ServiceError as exc:
                QMessageBox.warning(self, self.tr("Thema nicht gespeichert"), str(exc))
                return
            self._on_series_changed()

    @Slot()
    def _on_move_topic(self) -> None:
        series_id = self.current_series_id()
        item = self.backlog.currentItem()
        if series_id is None or item is None:
            return
        upcoming = [
            m for m in self._service.upcoming(date.today())
            if m.series_id == series_id and m.status != "abgesagt"
        ]  # fmt: skip
        if not upcoming:
            QMessageBox.information(self, self.tr("Kein Treffen"), self.tr(
                "Für diese Reihe ist kein Treffen geplant. Erst Termine erzeugen."))  # fmt: skip
            return
        labels = [f"{local(m.start):%d.%m.%Y} – {m.title}" for m in upcoming]
        chosen, ok = QInputDialog.getItem(self, self.tr("In Tagesordnung übernehmen"),
                                          self.tr("Treffen:"), labels, 0, False)  # fmt: skip
        if not ok:
            return
        meeting = upcoming[labels.index(chosen)]
        try:
            self._service.move_backlog_to_agenda(int(item.data(ID_ROLE)), meeting.id)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Nicht übernommen"), str(exc))
            return
        self._on_series_changed()
        self.meetings_changed.emit()
        self.status_message.emit(
            self.tr("Thema steht jetzt auf der Tagesordnung von „%1“.").replace("%1", meeting.title)
        )

    @Slot()
    def _on_delete_topic(self) -> None:
        item = self.backlog.currentItem()
        if item is not None:
            self._service.delete_backlog_topic(int(item.data(ID_ROLE)))
            self._on_series_changed()
