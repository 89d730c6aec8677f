"""Kalender: month view, upcoming/past list and meeting series, with their toolbar actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QSettings, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...exchange.calendar_exchange_service import CalendarExchangeService
from ...reports.documents_service import DocumentsService
from ...services.address_book_service import AddressBookService
from ...services.calendar_service import CalendarService
from ...services.clock import local
from ...services.errors import NotFoundError, ServiceError
from ..view_actions import view_action
from .invitations_panel import response_summary
from .meeting_dialog import MeetingDialog, meeting_start_from
from .month_view import MeetingCalendar
from .review_dialog import ReviewDialog
from .series_page import SeriesPage

if TYPE_CHECKING:
    from ...exchange.meeting_package import MeetingPackageFiles

MONTH_TAB, LIST_TAB, SERIES_TAB = range(3)
MEETING_ROLE = Qt.ItemDataRole.UserRole + 1
WEEKDAYS = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]


def meeting_html(details: object, counts: dict, warnings: list[str]) -> str:  # noqa: ANN001
    translate = QCoreApplication.translate
    s = details.summary  # type: ignore[attr-defined]
    start, end = local(s.start), local(s.end)
    open_place = translate("CalendarView", "Ort noch offen")
    rows = [
        f"<b>{WEEKDAYS[start.weekday()]}., {start:%d.%m.%Y}, {start:%H:%M}–{end:%H:%M} Uhr</b>",
        escape(s.location) if s.location else f"<i>{escape(open_place)}</i>",
        escape(translate("CalendarView", "Status: %1").replace("%1", s.status)),
    ]
    if details.topics:  # type: ignore[attr-defined]
        topics = ", ".join(details.topics)  # type: ignore[attr-defined]
        rows.append(escape(translate("CalendarView", "Schwerpunkte: %1").replace("%1", topics)))
    if sum(counts.values()):
        rows.append(escape(response_summary(counts)))
    warning_html = "".join(
        f"<p style='background:#fff4ce;margin:2px 0;padding:2px'>⚠ {escape(w)}</p>"
        for w in warnings
    )
    non_public = escape(translate("CalendarView", "(nicht öffentlich)"))
    minutes = translate("CalendarView", "%1 Min.")
    agenda = "".join(
        f"<tr><td style='padding-right:8px'>{escape(i.number)}</td><td>{escape(i.title)}"
        f"{f' <i>{non_public}</i>' if i.non_public else ''}</td>"
        f"<td style='color:#666;padding-left:8px'>"
        f"{escape(minutes.replace('%1', str(i.planned_minutes)))}</td></tr>"
        for i in details.agenda  # type: ignore[attr-defined]
    )
    heading = escape(translate("CalendarView", "Tagesordnung"))
    return (
        f"<h2 style='margin:0'>{escape(s.title)}</h2><p>{'<br>'.join(rows)}</p>{warning_html}"
        + (f"<h3>{heading}</h3><table>{agenda}</table>" if agenda else "")
    )


class CalendarView(QWidget):
    """Signals: status_message(str)."""

    status_message = Signal(str)

    def __init__(
        self,
        service: CalendarService,
        address_book: AddressBookService,
        exchange: CalendarExchangeService,
        documents: DocumentsService,
        parent: QWidget | None = None,
        packages: MeetingPackageFiles | Callable[[], MeetingPackageFiles] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendar")
        self._service = service
        self._address_book = address_book
        self._exchange = exchange
        self._documents = documents
        # Sitzungspaket; None hides its actions. A factory is called on first use: the
        # package modules stay out of the calendar's first opening (DESIGN.md §6).
        self._package_source = packages

        self.month = MeetingCalendar()
        self.month.currentPageChanged.connect(lambda *_: self._load_month())
        self.month.selectionChanged.connect(self._on_day_selected)
        self.month.activated.connect(self._on_day_activated)
        today_button = QPushButton(self.tr("&Heute"))
        today_button.clicked.connect(self.go_today)
        self.day_list = QTreeWidget()
        self.day_list.setHeaderLabels(
            [self.tr("Zeit"), self.tr("Treffen"), self.tr("Ort"), self.tr("Status")]
        )
        self.day_list.setRootIsDecorated(False)
        self.day_list.setColumnWidth(0, 100)
        self.day_list.setColumnWidth(1, 320)
        self.day_list.currentItemChanged.connect(self._on_meeting_selected)
        self.day_list.itemActivated.connect(lambda *_: self._on_edit())
        month_page = QWidget()
        month_layout = QVBoxLayout(month_page)
        month_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(today_button)
        top.addStretch()
        month_layout.addLayout(top)
        month_layout.addWidget(self.month, 3)
        month_layout.addWidget(self.day_list, 1)

        self.upcoming_choice = QRadioButton(self.tr("&Anstehend"))
        self.upcoming_choice.setChecked(True)
        self.past_choice = QRadioButton(self.tr("&Vergangen"))
        self.upcoming_choice.toggled.connect(lambda *_: self._load_list())
        self.agenda_list = QTreeWidget()
        self.agenda_list.setHeaderLabels([self.tr("Datum"), self.tr("Zeit"), self.tr("Treffen"),
                                          self.tr("Ort"), self.tr("Status")])  # fmt: skip
        self.agenda_list.setRootIsDecorated(False)
        for column, width in enumerate((110, 90, 330, 200)):
            self.agenda_list.setColumnWidth(column, width)
        self.agenda_list.currentItemChanged.connect(self._on_meeting_selected)
        self.agenda_list.itemActivated.connect(lambda *_: self._on_edit())
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        choice_row = QHBoxLayout()
        choice_row.addWidget(self.upcoming_choice)
        choice_row.addWidget(self.past_choice)
        choice_row.addStretch()
        list_layout.addLayout(choice_row)
        list_layout.addWidget(self.agenda_list)

        self.series = SeriesPage(service, address_book)
        self.series.status_message.connect(self.status_message)
        self.series.meetings_changed.connect(self.reload)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(month_page, self.tr("&Monat"))
        self.tabs.addTab(list_page, self.tr("&Liste"))
        self.tabs.addTab(self.series, self.tr("&Treffenreihen"))
        self.tabs.currentChanged.connect(self._on_tab_changed)

        self.details = QTextBrowser()
        self.details.setMinimumWidth(280)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setSizes([800, 320])

        self.toolbar = QToolBar(self.tr("Kalender"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = self._action(
            self.tr("Neues Treffen"), QKeySequence.StandardKey.New, self._on_new
        )
        self.edit_action = self._action(
            self.tr("Bearbeiten"), QKeySequence(Qt.Key.Key_F2), self._on_edit
        )
        self.cancel_action = self._action(
            self.tr("Absagen"), QKeySequence("Ctrl+Shift+A"), self._on_cancel
        )
        self.delete_action = self._action(
            self.tr("Löschen"), QKeySequence.StandardKey.Delete, self._on_delete
        )
        self.minutes_action = self._action(
            self.tr("Sitzungsmodus"), QKeySequence("F11"), self._on_minutes
        )
        self.review_action = self._action(
            self.tr("Wiedervorlage …"), QKeySequence("Ctrl+Shift+W"), self._on_review
        )
        self.toolbar.addSeparator()
        self.ics_action = self._action(
            self.tr("Einladung (.ics) …"), QKeySequence("Ctrl+Shift+I"), self._on_export_ics
        )
        self.mail_action = self._action(
            self.tr("E-Mail-Entwurf …"), QKeySequence("Ctrl+Shift+E"), self._on_mail_draft
        )
        self.letter_action = self._action(
            self.tr("Einladungsschreiben …"), QKeySequence("Ctrl+P"), self._on_letter
        )
        self.attendance_action = self._action(
            self.tr("Teilnehmerliste …"), QKeySequence("Ctrl+Shift+T"), self._on_attendance
        )
        self.toolbar.addSeparator()
        self.plan_action = self._action(
            self.tr("Jahresplan …"), QKeySequence("Ctrl+J"), self._on_annual_plan
        )
        self.export_all_action = self._action(
            self.tr("Kalender exportieren …"), QKeySequence("Ctrl+E"), self._on_export_calendar
        )
        self.import_action = self._action(
            self.tr("Kalender importieren …"), QKeySequence("Ctrl+I"), self._on_import_calendar
        )
        self.toolbar.addSeparator()
        self.package_export_action = self._action(
            self.tr("Sitzungspaket exportieren …"), QKeySequence("Ctrl+Shift+P"),
            self._on_export_package,
        )  # fmt: skip
        self.package_import_action = self._action(
            self.tr("Sitzungspaket einlesen …"), QKeySequence("Ctrl+Shift+O"),
            self._on_import_package,
        )  # fmt: skip
        for action in (self.package_export_action, self.package_import_action):
            action.setVisible(packages is not None)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 6)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)
        self._current_id: int | None = None
        self._current_status = ""
        self._loaded = False
        self.open_minutes: Callable[[int], None] | None = None  # set by the main window
        self._update_actions()

    def _action(self, text: str, shortcut, slot) -> QAction:  # noqa: ANN001
        return view_action(self, self.toolbar, text, shortcut, slot)

    # --- loading ------------------------------------------------------------------------

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        self._loaded = True
        self._load_month()
        self._load_list()
        self.series.reload()
        self._show_meeting(self._current_id)

    def _load_month(self) -> None:
        year, month = self.month.yearShown(), self.month.monthShown()
        # the grid also shows days of the neighbouring months
        start = date(year - 1, 12, 20) if month == 1 else date(year, month - 1, 20)
        end = date(year + 1, 1, 12) if month == 12 else date(year, month + 1, 12)
        entries = self._service.meetings_between(start, end)
        self.month.set_entries(entries, self._service.holidays_between(start, end))
        self._on_day_selected()

    def _fill(self, tree: QTreeWidget, entries: list, with_date: bool) -> None:  # noqa: ANN001
        tree.clear()
        for entry in entries:
            start, end = local(entry.start), local(entry.end)
            columns = [f"{start:%H:%M}–{end:%H:%M}", entry.title, entry.location, entry.status]
            if with_date:
                columns.insert(0, f"{WEEKDAYS[start.weekday()]}, {start:%d.%m.%Y}")
            item = QTreeWidgetItem(columns)
            item.setData(0, MEETING_ROLE, entry.id)
            if entry.status == "abgesagt":
                font = item.font(1)
                font.setStrikeOut(True)
                item.setFont(1 + with_date, font)
            tree.addTopLevelItem(item)

    def _load_list(self) -> None:
        today = date.today()
        if self.upcoming_choice.isChecked():
            entries = self._service.upcoming(today)
        else:
            entries = self._service.past(today)
        self._fill(self.agenda_list, entries, with_date=True)

    # --- selection ----------------------------------------------------------------------

    @Slot()
    def go_today(self) -> None:
        self.tabs.setCurrentIndex(MONTH_TAB)
        self.month.setSelectedDate(QDate.currentDate())
        self.month.showSelectedDate()
        self.month.setFocus()

    def selected_day(self) -> date:
        return self.month.selectedDate().toPython()

    @Slot()
    def _on_day_selected(self) -> None:
        day = self.selected_day()
        entries = self._service.meetings_between(day, day)
        self._fill(self.day_list, entries, with_date=False)
        if entries:
            self.day_list.setCurrentItem(self.day_list.topLevelItem(0))
        else:
            self._show_meeting(None)

    @Slot()
    def _on_day_activated(self) -> None:
        if self.day_list.topLevelItemCount():
            self._on_edit()
        else:
            self._on_new()

    @Slot()
    def _on_meeting_selected(self, item: QTreeWidgetItem | None = None, *_: object) -> None:
        meeting_id = item.data(0, MEETING_ROLE) if item is not None else None
        self._show_meeting(meeting_id)

    def _show_meeting(self, meeting_id: int | None) -> None:
        self._current_id = meeting_id
        self._current_status = ""
        if meeting_id is None:
            nothing = escape(self.tr("Kein Treffen ausgewählt."))
            self.details.setHtml(f"<p style='color:#888'>{nothing}</p>")
        else:
            try:
                details = self._service.meeting_details(meeting_id)
            except NotFoundError:
                self._current_id = None
                gone = escape(self.tr("Dieses Treffen gibt es nicht mehr."))
                self.details.setHtml(f"<p style='color:#888'>{gone}</p>")
            else:
                self._current_status = details.summary.status
                counts = self._service.response_counts(meeting_id)
                warnings = self._service.date_warnings(
                    details.summary.start, details.summary.end, meeting_id
                )
                self.details.setHtml(meeting_html(details, counts, warnings))
        self._update_actions()

    def show_meeting(self, meeting_id: int) -> None:
        """Jump to a meeting (e.g. from elsewhere in the program)."""
        details = self._service.meeting_details(meeting_id)
        start = local(details.summary.start)
        self.tabs.setCurrentIndex(MONTH_TAB)
        self.month.setSelectedDate(QDate(start.year, start.month, start.day))
        for row in range(self.day_list.topLevelItemCount()):
            item = self.day_list.topLevelItem(row)
            if item.data(0, MEETING_ROLE) == meeting_id:
                self.day_list.setCurrentItem(item)

    def show_record(self, kind: str, record_id: int) -> None:
        """MainWindow.go_to: the meeting's day in the month, the meeting selected."""
        if kind != "meeting":
            return
        try:
            self.show_meeting(record_id)
        except NotFoundError:
            self.status_message.emit(self.tr("Dieses Treffen gibt es nicht mehr."))

    def current_meeting_id(self) -> int | None:
        return self._current_id

    @Slot()
    def _on_tab_changed(self) -> None:
        tree = self.day_list if self.tabs.currentIndex() == MONTH_TAB else self.agenda_list
        self._on_meeting_selected(tree.currentItem())

    def _update_actions(self) -> None:
        has = self._current_id is not None
        # Only a meeting still ahead can be called off.
        self.cancel_action.setEnabled(has and self._current_status in ("geplant", "eingeladen"))
        for action in (self.edit_action, self.delete_action, self.minutes_action, self.review_action, self.ics_action,
                       self.mail_action, self.letter_action, self.attendance_action,
                       self.package_export_action):  # fmt: skip
            action.setEnabled(has)

    # --- actions ------------------------------------------------------------------------

    @Slot()
    def _on_new(self) -> None:
        start = (
            meeting_start_from(self.month.selectedDate())
            if self.tabs.currentIndex() == MONTH_TAB
            else None
        )
        dialog = MeetingDialog(
            self._service, None, self, start=start, address_book=self._address_book
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.reload()
            self.show_meeting(dialog.saved_id)
            self.status_message.emit(self.tr("Treffen angelegt."))

    @Slot()
    def _on_edit(self) -> None:
        if self._current_id is None:
            return
        dialog = MeetingDialog(
            self._service, self._current_id, self, address_book=self._address_book
        )
        dialog.exec()
        # Replies are saved as they are chosen, so reload even after "Abbrechen".
        saved = dialog.saved_id
        self.reload()
        if saved is not None:
            self.show_meeting(saved)
            self.status_message.emit(self.tr("Treffen gespeichert."))

    @Slot()
    def _on_cancel(self) -> None:
        meeting_id = self._current_id
        if meeting_id is None:
            return
        details = self._service.meeting_details(meeting_id)
        answer = QMessageBox.question(
            self, self.tr("Treffen absagen"),
            self.tr("„%1“ absagen? Es bleibt im Kalender (durchgestrichen); eine exportierte "
                    "Einladung wird damit in Outlook zur Absage.").replace("%1", details.summary.title),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self._service.cancel_meeting(meeting_id)
            except ServiceError as exc:
                QMessageBox.warning(self, self.tr("Nicht abgesagt"), str(exc))
                return
            self.reload()
            self.status_message.emit(self.tr("Treffen abgesagt."))

    @Slot()
    def _on_delete(self) -> None:
        meeting_id = self._current_id
        if meeting_id is None:
            return
        details = self._service.meeting_details(meeting_id)
        answer = QMessageBox.question(
            self, self.tr("Treffen löschen"),
            self.tr("„%1“ mit Tagesordnung, Einladungen und Mitschrift endgültig löschen?")
            .replace("%1", details.summary.title),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self._service.delete_meeting(meeting_id)
            except ServiceError as exc:
                QMessageBox.warning(self, self.tr("Nicht gelöscht"), str(exc))
                return
            self._current_id = None
            self.reload()
            self.status_message.emit(self.tr("Treffen gelöscht."))

    @Slot()
    def _on_minutes(self) -> None:
        if self._current_id is not None and self.open_minutes is not None:
            self.open_minutes(self._current_id)

    @Slot()
    def _on_review(self) -> None:
        meeting_id = self._current_id
        if meeting_id is None:
            return
        items = self._service.open_action_items_before(meeting_id)
        if not items:
            QMessageBox.information(self, self.tr("Wiedervorlage"), self.tr(
                "Aus früheren Treffen sind keine Aufgaben mehr offen."))  # fmt: skip
            return
        dialog = ReviewDialog(items, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen_ids:
            self._service.add_review_item(meeting_id, dialog.chosen_ids)
            self._show_meeting(meeting_id)
            self.status_message.emit(self.tr("%n offene Aufgabe(n) auf die Tagesordnung gesetzt.",
                                             "", len(dialog.chosen_ids)))  # fmt: skip

    def _save_path(self, title: str, suggestion: str, file_filter: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, suggestion, file_filter)
        return path

    def _run_export(self, work, path: str, done: str) -> None:  # noqa: ANN001
        try:
            work()
        except (ServiceError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Nicht gespeichert"), str(exc))
            return
        self.status_message.emit(done.replace("%1", path))

    def _file_stem(self) -> str:
        assert self._current_id is not None
        details = self._service.meeting_details(self._current_id)
        return f"{local(details.summary.start):%Y-%m-%d} {details.summary.title}".replace("/", "-")

    @Slot()
    def _on_export_ics(self) -> None:
        meeting_id = self._current_id
        if meeting_id is None:
            return
        path = self._save_path(self.tr("Einladung für Outlook speichern"), f"{self._file_stem()}.ics",
                               "iCalendar (*.ics)")  # fmt: skip
        if path:
            self._run_export(lambda: self._exchange.write_meeting(meeting_id, path), path,
                             self.tr("Einladung gespeichert: %1"))  # fmt: skip

    @Slot()
    def _on_mail_draft(self) -> None:
        meeting_id = self._current_id
        if meeting_id is None:
            return
        path = self._save_path(self.tr("E-Mail-Entwurf speichern"), f"{self._file_stem()}.eml",
                               "E-Mail (*.eml)")  # fmt: skip
        if not path:
            return
        try:
            count = self._exchange.write_mail_draft(meeting_id, path)
        except (ServiceError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Nicht gespeichert"), str(exc))
            return
        self.status_message.emit(
            self.tr("E-Mail-Entwurf an %1 Empfänger (Bcc) gespeichert.").replace("%1", str(count))
        )
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    @Slot()
    def _on_letter(self) -> None:
        meeting_id = self._current_id
        if meeting_id is None:
            return
        path = self._save_path(self.tr("Einladungsschreiben speichern"), f"Einladung {self._file_stem()}.pdf",
                               "PDF (*.pdf)")  # fmt: skip
        if path:
            self._run_export(lambda: self._documents.invitation(meeting_id, path), path,
                             self.tr("Einladungsschreiben gespeichert: %1"))  # fmt: skip

    @Slot()
    def _on_attendance(self) -> None:
        meeting_id = self._current_id
        if meeting_id is None:
            return
        path = self._save_path(self.tr("Teilnehmerliste speichern"),
                               f"Teilnehmerliste {self._file_stem()}.pdf", "PDF (*.pdf)")  # fmt: skip
        if path:
            self._run_export(lambda: self._documents.attendance(meeting_id, path), path,
                             self.tr("Teilnehmerliste gespeichert: %1"))  # fmt: skip

    @Slot()
    def _on_annual_plan(self) -> None:
        year, ok = QInputDialog.getInt(self, self.tr("Jahresplan"), self.tr("Jahr:"),
                                       self.month.yearShown(), 2000, 2100)  # fmt: skip
        if not ok:
            return
        path = self._save_path(
            self.tr("Jahresplan speichern"), f"Jahresplan {year}.pdf", "PDF (*.pdf)"
        )
        if path:
            self._run_export(lambda: self._documents.annual_plan(year, path), path,
                             self.tr("Jahresplan gespeichert: %1"))  # fmt: skip

    @Slot()
    def _on_export_calendar(self) -> None:
        path = self._save_path(
            self.tr("Kalender exportieren"), "multilok-kalender.ics", "iCalendar (*.ics)"
        )
        if path:
            self._run_export(lambda: self._exchange.write_calendar(path), path,
                             self.tr("Kalender gespeichert: %1"))  # fmt: skip

    @Slot()
    def _on_import_calendar(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Kalender importieren"), "",
                                              "iCalendar (*.ics *.ical)")  # fmt: skip
        if not path:
            return
        try:
            result = self._exchange.import_file(path)
        except ServiceError as exc:
            QMessageBox.critical(self, self.tr("Datei kann nicht importiert werden"),
                                 self.tr("%1\n\nEs wurde nichts übernommen.").replace("%1", str(exc)))  # fmt: skip
            return
        self.reload()
        self.status_message.emit(
            self.tr("%1 Treffen neu, %2 aktualisiert, %3 unverändert.")
            .replace("%1", str(result.created)).replace("%2", str(result.updated))
            .replace("%3", str(result.skipped))
        )  # fmt: skip

    @property
    def _packages(self) -> MeetingPackageFiles | None:
        source = self._package_source
        if source is not None and not hasattr(source, "export"):
            source = self._package_source = source()  # type: ignore[operator]
        return source  # type: ignore[return-value]

    @Slot()
    def _on_export_package(self) -> None:
        meeting_id = self._current_id
        if meeting_id is None or self._packages is None:
            return
        path = self._save_path(self.tr("Sitzungspaket speichern"),
                               f"Sitzungspaket {self._file_stem()}.multilok",
                               self.tr("Sitzungspaket (*.multilok)"))  # fmt: skip
        if not path:
            return
        packages = self._packages
        self._run_export(lambda: packages.export(meeting_id, path), path, self.tr(
            "Sitzungspaket gespeichert: %1 — auf dem Laptop mit „Sitzungspaket einlesen“ "
            "öffnen, dort protokollieren, wieder exportieren und hier einlesen."))  # fmt: skip

    @Slot()
    def _on_import_package(self) -> None:
        if self._packages is None:
            return
        from ...services.meeting_package_merge import PackageConflictError
        from .package_dialogs import PackageImportDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Sitzungspaket einlesen"), "",
                                              self.tr("Sitzungspaket (*.multilok)"))  # fmt: skip
        if not path:
            return
        refused = self.tr("Sitzungspaket kann nicht eingelesen werden")
        nothing = self.tr("%1\n\nEs wurde nichts übernommen.")
        try:
            package = self._packages.read(path)
            summary = self._packages.preview(package)
        except ServiceError as exc:
            QMessageBox.critical(self, refused, nothing.replace("%1", str(exc)))
            return
        dialog = PackageImportDialog(summary, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            result = self._packages.apply(package, dialog.choices)
        except PackageConflictError as exc:  # changed again since the preview
            QMessageBox.warning(self, refused, nothing.replace("%1", str(exc)))
            return
        except ServiceError as exc:
            QMessageBox.critical(self, refused, nothing.replace("%1", str(exc)))
            return
        self.reload()
        self.show_meeting(result.meeting_id)
        if result.is_copy:
            message = self.tr("Treffen „%1“ zum Protokollieren übernommen.")
        else:
            message = self.tr("Protokoll von „%1“ übernommen.")
        self.status_message.emit(message.replace("%1", package.title))

    # --- remembered layout ----------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("calendar/splitter", self.splitter.saveState())
        settings.setValue("calendar/tab", self.tabs.currentIndex())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("calendar/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        self.tabs.setCurrentIndex(int(settings.value("calendar/tab", MONTH_TAB)))
