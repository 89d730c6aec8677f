"""Protokolle: all protocols with their state, full-text search, and the protocol's life.

From here a meeting's minutes are taken (Sitzungsmodus), the protocol is exported as PDF
(full, for distribution, archival PDF/A), printed, sent for approval, approved (locked)
and corrected (a new revision with a reason; earlier ones stay).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSettings, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import ProtocolStatus
from ...reports.documents_service import DocumentsService
from ...services.address_book_service import AddressBookService
from ...services.clock import local
from ...services.errors import ServiceError
from ..dialog_buttons import dialog_buttons
from ..view_actions import view_action
from . import OPEN_MINUTES_KEY
from .window import MinutesWindow

MEETING_ROLE = Qt.ItemDataRole.UserRole + 1


if TYPE_CHECKING:
    from ...services.protocol_card import ProtocolCard


class ApproveDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Protokoll genehmigen"))
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd.MM.yyyy")
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Nach der Genehmigung ist das Protokoll gesperrt; Änderungen "
                                   "nur noch als Korrektur mit neuer Revision.")))  # fmt: skip
        form.addRow(self.tr("Genehmigt am"), self.day)
        form.addRow(dialog_buttons(self, self.tr("Genehmigen")))


class ProtocolsView(QWidget):
    """Signals: status_message(str)."""

    status_message = Signal(str)

    def __init__(
        self,
        service,  # noqa: ANN001  MinutesService
        documents: DocumentsService,
        address_book: AddressBookService,
        settings: QSettings,
        series: Callable[[], list[tuple[int, str]]] = list,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("protocols")
        self._series_choices = series
        self._service = service
        self._documents = documents
        self._address_book = address_book
        self._settings = settings
        self._loaded = False
        self.minutes_window: MinutesWindow | None = None

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("In allen Protokollen suchen, z. B. „Kinderbetreuung“ … (Strg+F)")
        )
        self.search.textChanged.connect(self._on_search)
        self.year = QComboBox()
        self.year.currentIndexChanged.connect(lambda *_: self.reload())
        self.series = QComboBox()
        self.series.setMinimumContentsLength(16)
        self.series.currentIndexChanged.connect(lambda *_: self.reload())
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(QLabel(self.tr("Reihe:")))
        top.addWidget(self.series)
        top.addWidget(QLabel(self.tr("Jahr:")))
        top.addWidget(self.year)

        self.list = QTreeWidget()
        self.list.setHeaderLabels([self.tr("Datum"), self.tr("Treffen"), self.tr("Protokoll"),
                                   self.tr("Rev."), self.tr("offene Aufgaben")])  # fmt: skip
        self.list.setRootIsDecorated(False)
        for column, width in enumerate((95, 340, 190, 45)):
            self.list.setColumnWidth(column, width)
        self.list.currentItemChanged.connect(self._on_selected)
        self.list.itemActivated.connect(lambda *_: self.open_minutes())
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.anchorClicked.connect(self._on_link)
        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.list)
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setSizes([760, 360])

        self.toolbar = QToolBar(self.tr("Protokolle"))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.minutes_action = self._action(self.tr("Sitzungsmodus"), "F11", self.open_minutes)
        self.pdf_action = self._action(self.tr("PDF …"), "Ctrl+E", lambda: self.export_pdf("full"))
        self.distribution_action = self._action(self.tr("PDF für Verteiler …"), "Ctrl+Shift+E",
                                                lambda: self.export_pdf("distribution"))  # fmt: skip
        self.archive_action = self._action(self.tr("PDF/A (Archiv) …"), "Ctrl+Alt+E",
                                           lambda: self.export_pdf("archival"))  # fmt: skip
        self.print_action = self._action(self.tr("Drucken …"), "Ctrl+P", self.print_protocol)
        self.toolbar.addSeparator()
        self.send_action = self._action(
            self.tr("Zur Abstimmung versendet"), "", self.send_for_approval
        )
        self.approve_action = self._action(self.tr("Genehmigen …"), "", self.approve)
        self.correct_action = self._action(self.tr("Korrektur …"), "", self.correct)
        self.toolbar.addSeparator()
        self.attach_action = self._action(self.tr("Anlage hinzufügen …"), "", self.add_attachment)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self.search.setFocus)
        self.addAction(find)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 6)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)
        self._update_actions()

    def _action(self, text: str, shortcut, slot) -> QAction:  # noqa: ANN001
        return view_action(self, self.toolbar, text, shortcut, slot)

    # --- list ---------------------------------------------------------------------------

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self._loaded = True
            this_year = date.today().year
            self.year.blockSignals(True)
            self.year.addItem(self.tr("alle"), None)
            for year in range(this_year + 1, this_year - 8, -1):
                self.year.addItem(str(year), year)
            self.year.blockSignals(False)
            self.series.blockSignals(True)
            self.series.addItem(self.tr("alle"), None)
            for series_id, title in self._series_choices():
                self.series.addItem(title, series_id)
            self.series.blockSignals(False)
            self.reload()

    def reload(self, select: int | None = None) -> None:
        keep = select if select is not None else self.current_meeting_id()
        if self.search.text().strip():
            self._on_search(self.search.text())
            return
        self.list.clear()
        for row in self._service.protocol_list(
            series_id=self.series.currentData(), year=self.year.currentData()
        ):
            status = row.status.value if row.status else self.tr("noch keins")
            item = QTreeWidgetItem([f"{local(row.start):%d.%m.%Y}", row.title, status,
                                    str(row.revision or ""), str(row.open_action_items or "")])  # fmt: skip
            item.setData(0, MEETING_ROLE, row.meeting_id)
            self.list.addTopLevelItem(item)
            if row.meeting_id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))

    @Slot(str)
    def _on_search(self, text: str) -> None:
        if not text.strip():
            self.reload()
            return
        self.list.clear()
        for hit in self._service.search_protocols(text):
            item = QTreeWidgetItem([f"{local(hit.start):%d.%m.%Y}", hit.meeting_title,
                                    f"TOP: {hit.item_title}", "", ""])  # fmt: skip
            item.setData(0, MEETING_ROLE, hit.meeting_id)
            item.setToolTip(1, hit.snippet)
            item.setData(1, Qt.ItemDataRole.UserRole + 2, hit.snippet)
            self.list.addTopLevelItem(item)
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))
        else:
            nothing = self.tr("Keine Treffer.")
            self.details.setHtml(f"<p style='color:#888'>{escape(nothing)}</p>")

    def show_record(self, kind: str, record_id: int) -> None:
        """MainWindow.go_to: the protocol of meeting `record_id`, with the search and the
        filters cleared when they hide it."""
        if kind != "protocol":
            return
        self.ensure_loaded()
        self.reload(select=record_id)
        if self.current_meeting_id() != record_id:
            for widget in (self.search, self.series, self.year):
                widget.blockSignals(True)
            self.search.clear()
            self.series.setCurrentIndex(0)
            self.year.setCurrentIndex(0)
            for widget in (self.search, self.series, self.year):
                widget.blockSignals(False)
            self.reload(select=record_id)

    def current_meeting_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(0, MEETING_ROLE)) if item is not None else None

    @Slot()
    def _on_selected(self, item: QTreeWidgetItem | None = None, *_: object) -> None:
        meeting_id = self.current_meeting_id()
        status = None
        if meeting_id is None:
            self.details.setHtml("")
        else:
            card = self._service.protocol_card(meeting_id)
            status = card.protocol.status
            snippet = item.data(1, Qt.ItemDataRole.UserRole + 2) if item is not None else None
            self.details.setHtml(self._card(card, snippet))
        self._update_actions(status)

    def _card(self, view: ProtocolCard, snippet: str | None) -> str:
        p = view.protocol
        start, end = local(view.start), local(view.end)
        protocol = (
            self.tr("Protokoll: %1 · Revision %2")
            .replace("%1", f"<b>{escape(p.status.value)}</b>")
            .replace("%2", str(p.revision))
        )
        if p.approved_on:
            protocol += " · " + self.tr("genehmigt am %1").replace(
                "%1", f"{p.approved_on:%d.%m.%Y}"
            )
        lines = [f"<h2 style='margin:0'>{escape(view.title)}</h2>",
                 f"<p>{start:%d.%m.%Y}, {start:%H:%M}–{end:%H:%M} Uhr<br>{escape(view.location)}</p>",
                 f"<p>{protocol}</p>"]  # fmt: skip
        if p.chair or p.minute_taker:
            chair = self.tr("Sitzungsleitung: %1").replace("%1", escape(p.chair))
            taker = self.tr("Protokollführung: %1").replace("%1", escape(p.minute_taker))
            lines.append(f"<p>{chair}<br>{taker}</p>")
        if snippet:
            marked = (
                escape(snippet).replace("[", "<b style='background:#fff176'>").replace("]", "</b>")
            )
            lines.append(f"<p>… {marked} …</p>")
        counts = self.tr("Anwesend: %1 · TOPs: %2")
        lines.append(
            f"<p>{counts.replace('%1', str(view.present)).replace('%2', str(view.agenda_items))}</p>"
        )
        attachments = view.attachments
        if attachments:
            attachment = self.tr("Anlage %1: %2")
            lines.append("<p>" + "<br>".join(
                f"<a href='attachment:{a.id}'>"
                + attachment.replace("%1", str(a.number)).replace("%2", escape(a.filename))
                + "</a>"
                for a in attachments) + "</p>")  # fmt: skip
        revisions = view.revisions
        if revisions:
            earlier = escape(self.tr("Frühere Revisionen:"))
            lines.append(f"<p>{earlier}<br>" + "<br>".join(
                f"Rev. {r.revision}: {escape(r.reason)}" for r in revisions) + "</p>")  # fmt: skip
        return "".join(lines)

    def _update_actions(self, status: ProtocolStatus | None = None) -> None:
        """`status`: the selected meeting's protocol state, as just read for its card."""
        has = self.current_meeting_id() is not None
        for action in (self.minutes_action, self.pdf_action, self.distribution_action,
                       self.archive_action, self.print_action, self.attach_action):  # fmt: skip
            action.setEnabled(has)
        self.send_action.setEnabled(status == ProtocolStatus.DRAFT)
        self.approve_action.setEnabled(status in (ProtocolStatus.DRAFT, ProtocolStatus.SENT))
        self.correct_action.setEnabled(status == ProtocolStatus.APPROVED)

    # --- minute-taking ------------------------------------------------------------------

    def open_minutes(self, meeting_id: int | None = None) -> MinutesWindow | None:
        meeting_id = meeting_id or self.current_meeting_id()
        if meeting_id is None:
            return None
        if self.minutes_window is not None:
            self.minutes_window.raise_()
            return self.minutes_window
        window = MinutesWindow(self._service, meeting_id, self._address_book)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.closed.connect(self._on_minutes_closed)
        self._settings.setValue(OPEN_MINUTES_KEY, meeting_id)
        self._settings.sync()
        self.minutes_window = window
        window.showFullScreen()
        return window

    @Slot(int)
    def _on_minutes_closed(self, meeting_id: int) -> None:
        self._settings.remove(OPEN_MINUTES_KEY)
        self._settings.sync()
        self.minutes_window = None
        self.reload(meeting_id)

    def recover_minutes(self) -> int | None:
        """After a crash: the meeting whose minutes were open, reopened with a notice."""
        value = self._settings.value(OPEN_MINUTES_KEY)
        if value in (None, ""):
            return None
        meeting_id = int(value)
        try:
            self._service.minutes_view(meeting_id)
        except ServiceError:
            self._settings.remove(OPEN_MINUTES_KEY)
            return None
        self.ensure_loaded()
        self.open_minutes(meeting_id)
        return meeting_id

    # --- documents ----------------------------------------------------------------------

    def _pdf_name(self, meeting_id: int, variant: str) -> str:
        view = self._service.minutes_view(meeting_id)
        suffix = {"full": "", "distribution": " (Verteiler)", "archival": " (PDF-A)"}[variant]
        return f"Protokoll {local(view.start):%Y-%m-%d} {view.title}{suffix}.pdf".replace("/", "-")

    def export_pdf(self, variant: str) -> None:
        meeting_id = self.current_meeting_id()
        if meeting_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Protokoll speichern"),
                                              self._pdf_name(meeting_id, variant), "PDF (*.pdf)")  # fmt: skip
        if not path:
            return
        try:
            self._documents.protocol(meeting_id, path, variant=variant)
        except (ServiceError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Nicht gespeichert"), str(exc))
            return
        self.status_message.emit(self.tr("Protokoll gespeichert: %1").replace("%1", path))

    def print_protocol(self) -> None:
        meeting_id = self.current_meeting_id()
        if meeting_id is None:
            return
        from ..printing import preview_and_print  # PDFium loads only for printing

        target = Path(tempfile.mkdtemp(prefix="multilok-")) / self._pdf_name(meeting_id, "full")
        try:
            self._documents.protocol(meeting_id, target, variant="full")
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Drucken"), str(exc))
            return
        preview_and_print(target, self)

    # --- life cycle ---------------------------------------------------------------------

    def _run(self, work, *args, done: str = "") -> bool:  # noqa: ANN001, ANN002
        try:
            work(*args)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Protokoll"), str(exc))
            return False
        self.reload()
        self._on_selected(self.list.currentItem())
        if done:
            self.status_message.emit(done)
        return True

    def send_for_approval(self) -> None:
        meeting_id = self.current_meeting_id()
        if meeting_id is not None:
            self._run(self._service.send_for_approval, meeting_id,
                      done=self.tr("Protokoll als zur Abstimmung versendet markiert."))  # fmt: skip

    def approve(self) -> None:
        meeting_id = self.current_meeting_id()
        if meeting_id is None:
            return
        dialog = ApproveDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(self._service.approve, meeting_id, dialog.day.date().toPython(),
                      done=self.tr("Protokoll genehmigt und gesperrt."))  # fmt: skip

    def correct(self) -> None:
        meeting_id = self.current_meeting_id()
        if meeting_id is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Korrektur"), self.tr(
            "Grund der Korrektur (wird mit der alten Revision aufbewahrt):"))  # fmt: skip
        if ok and reason.strip():
            self._run(self._service.start_correction, meeting_id, reason.strip(),
                      done=self.tr("Neue Revision angelegt; das Protokoll ist wieder bearbeitbar."))  # fmt: skip

    def add_attachment(self) -> None:
        meeting_id = self.current_meeting_id()
        if meeting_id is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Anlage hinzufügen"))
        if path:
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Anlage"), str(exc))
                return
            self._run(self._service.add_attachment, meeting_id, Path(path).name, data,
                      done=self.tr("Anlage hinzugefügt."))  # fmt: skip

    @Slot(QUrl)
    def _on_link(self, url: QUrl) -> None:
        scheme, _, value = url.toString().partition(":")
        if scheme == "attachment" and value.isdigit():
            self.open_attachment(int(value))

    def open_attachment(self, attachment_id: int) -> None:
        name, data = self._service.attachment_file(attachment_id)
        target = Path(tempfile.mkdtemp(prefix="multilok-")) / name
        target.write_bytes(data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    # --- remembered layout ----------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("protocols/header", self.list.header().saveState())

    def restore_state(self, settings: QSettings) -> None:
        header = settings.value("protocols/header")
        if header is not None:
            self.list.header().restoreState(header)
