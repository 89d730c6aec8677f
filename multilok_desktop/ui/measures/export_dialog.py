"""Exports of the measures view: Maßnahmenübersicht (PDF), CSV and Excel of the current
filter, printing the overview, and the Umsetzungsstand of a meeting.

`MeasuresExports` does the work for the view (one instance per view, created on first
use); the two dialogs only ask and return their answers through properties.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...services.errors import ServiceError
from ..dialog_buttons import buddy_label, dialog_buttons

if TYPE_CHECKING:
    from ...exchange.measures_table import MeasuresTableExport
    from ...reports.documents_service import DocumentsService
    from ...services.measure_list import MeasureFilter
    from ...services.measure_report import MeetingChoice
    from ...services.measures_service import MeasuresService

FORMATS = ("pdf", "csv", "xlsx")
GROUPINGS = ("strategy", "action_field")


class ExportDialog(QDialog):
    """Format (PDF overview, CSV, Excel) and, for the PDF, the grouping.

    Results after `exec()`: `file_format` ("pdf", "csv", "xlsx"), `group_by`."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Maßnahmen exportieren"))
        self._formats = QButtonGroup(self)
        texts = (
            self.tr("&PDF – Maßnahmenübersicht zum Ausdrucken"),
            self.tr("&CSV – Tabelle für Excel (Semikolon, UTF-8)"),
            self.tr("&Excel-Arbeitsmappe (.xlsx)"),
        )
        buttons = [QRadioButton(text) for text in texts]
        for index, button in enumerate(buttons):
            self._formats.addButton(button, index)
        buttons[0].setChecked(True)
        self._grouping = QComboBox()
        self._grouping.addItem(self.tr("Strategie"), "strategy")
        self._grouping.addItem(self.tr("Handlungsfeld"), "action_field")
        self._formats.idToggled.connect(self._on_format)

        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Gruppiert nach:"), self._grouping), self._grouping)
        layout = QVBoxLayout(self)
        noun = self.tr("Maßnahme") if count == 1 else self.tr("Maßnahmen")
        text = self.tr("%1 %2 der aktuellen Auswahl:").replace("%1", str(count))
        layout.addWidget(QLabel(text.replace("%2", noun)))
        for button in buttons:
            layout.addWidget(button)
        layout.addLayout(form)
        layout.addWidget(dialog_buttons(self, self.tr("Weiter …")))

    def _on_format(self, index: int, checked: bool) -> None:
        if checked:
            self._grouping.setEnabled(index == 0)

    @property
    def file_format(self) -> str:
        return FORMATS[max(0, self._formats.checkedId())]

    @property
    def group_by(self) -> str:
        return str(self._grouping.currentData())

    def set_choice(self, file_format: str, group_by: str = "strategy") -> None:
        """Preselect (also used by tests)."""
        button = self._formats.button(FORMATS.index(file_format))
        if button is not None:
            button.setChecked(True)
        self._grouping.setCurrentIndex(max(0, self._grouping.findData(group_by)))


class FollowUpDialog(QDialog):
    """The meeting for the Umsetzungsstand (default: the next one) and the grouping.

    Results after `exec()`: `meeting_id`, `meeting_title`, `group_by` (None = by traffic
    light only)."""

    def __init__(
        self, meetings: list[MeetingChoice], default: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Umsetzungsstand"))
        self._meetings = meetings
        self._meeting = QComboBox()
        for meeting in meetings:
            self._meeting.addItem(f"{meeting.start:%d.%m.%Y} – {meeting.title}", meeting.id)
        if default is not None:
            self._meeting.setCurrentIndex(default)
        self._grouping = QComboBox()
        self._grouping.addItem(self.tr("nur nach Ampel"), None)
        self._grouping.addItem(self.tr("Strategie"), "strategy")
        self._grouping.addItem(self.tr("Handlungsfeld"), "action_field")
        form = QFormLayout(self)
        form.addRow(buddy_label(self.tr("&Treffen:"), self._meeting), self._meeting)
        form.addRow(buddy_label(self.tr("&Gruppiert nach:"), self._grouping), self._grouping)
        buttons = dialog_buttons(self, self.tr("Weiter …"))
        buttons.setEnabled(bool(meetings))
        form.addRow(buttons)

    @property
    def meeting_id(self) -> int | None:
        data = self._meeting.currentData()
        return int(data) if data is not None else None

    @property
    def meeting_title(self) -> str:
        index = self._meeting.currentIndex()
        return self._meetings[index].title if 0 <= index < len(self._meetings) else ""

    @property
    def meeting_day(self) -> date | None:
        index = self._meeting.currentIndex()
        return self._meetings[index].start.date() if 0 <= index < len(self._meetings) else None

    @property
    def group_by(self) -> str | None:
        data = self._grouping.currentData()
        return str(data) if data else None


def _file_name(text: str) -> str:
    return "".join("-" if c in '/\\:*?"<>|' else c for c in text)


class MeasuresExports:
    """The view's exports; messages go to the parent widget, errors never change data."""

    def __init__(
        self, documents: DocumentsService, tables: MeasuresTableExport, parent: QWidget
    ) -> None:
        self.documents = documents
        self._tables = tables
        self._parent = parent

    @classmethod
    def for_service(cls, service: MeasuresService, parent: QWidget) -> MeasuresExports:
        """Built on first use from the database the view's service works on."""
        from ...exchange.measures_table import MeasuresTableExport
        from ...reports.documents_service import DocumentsService

        database = service._database  # noqa: SLF001
        return cls(DocumentsService(database), MeasuresTableExport(database), parent)

    def _warn(self, title: str, exc: Exception) -> None:
        QMessageBox.warning(self._parent, title, str(exc))

    def export(self, query: MeasureFilter, count: int) -> str | None:
        """Ask for format and file, write it; returns the path written or None."""
        dialog = ExportDialog(count, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.write(query, dialog.file_format, dialog.group_by)

    def write(
        self, query: MeasureFilter, file_format: str, group_by: str, path: str | None = None
    ) -> str | None:
        tr = self._parent.tr
        filters = {
            "pdf": tr("PDF-Dokument (*.pdf)"),
            "csv": tr("CSV für Excel (*.csv)"),
            "xlsx": tr("Excel-Arbeitsmappe (*.xlsx)"),
        }
        name = tr("Maßnahmenübersicht") if file_format == "pdf" else tr("Maßnahmen")
        name += f" {date.today():%Y-%m-%d}.{file_format}"
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self._parent, tr("Maßnahmen exportieren"), name, filters[file_format]
            )
        if not path:
            return None
        if not path.lower().endswith(f".{file_format}"):
            path += f".{file_format}"
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if file_format == "pdf":
                self.documents.measures_overview(path, query, group_by)
            else:
                self._tables.write(query, path)
        except (ServiceError, OSError) as exc:
            QGuiApplication.restoreOverrideCursor()
            self._warn(tr("Nicht gespeichert"), exc)
            return None
        QGuiApplication.restoreOverrideCursor()
        return path

    def print_overview(self, query: MeasureFilter, group_by: str = "strategy") -> bool:
        """The overview PDF in the print preview (printed as the PDF shows it)."""
        from ..printing import preview_and_print  # PDFium loads only for printing

        target = Path(tempfile.mkdtemp(prefix="multilok-")) / "Maßnahmenübersicht.pdf"
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.documents.measures_overview(target, query, group_by)
        except ServiceError as exc:
            QGuiApplication.restoreOverrideCursor()
            self._warn(self._parent.tr("Drucken"), exc)
            return False
        QGuiApplication.restoreOverrideCursor()
        preview_and_print(target, self._parent)
        return True

    def follow_up(self, query: MeasureFilter) -> str | None:
        """Choose a meeting, save its Umsetzungsstand of the filter's open measures."""
        tr = self._parent.tr
        try:
            meetings, default = self.documents.follow_up_meetings()
        except ServiceError as exc:
            self._warn(tr("Umsetzungsstand"), exc)
            return None
        if not meetings:
            QMessageBox.information(
                self._parent, tr("Umsetzungsstand"), tr("Es gibt noch kein Treffen.")
            )
            return None
        dialog = FollowUpDialog(meetings, default, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.meeting_id is None:
            return None
        day = dialog.meeting_day
        name = _file_name(f"Umsetzungsstand {day:%Y-%m-%d} {dialog.meeting_title}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self._parent, tr("Umsetzungsstand speichern"), name, tr("PDF-Dokument (*.pdf)")
        )
        if not path:
            return None
        return self.write_follow_up(dialog.meeting_id, path, query, dialog.group_by)

    def write_follow_up(
        self, meeting_id: int, path: str, query: MeasureFilter, group_by: str | None
    ) -> str | None:
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.documents.follow_up(meeting_id, path, query, group_by)
        except (ServiceError, OSError) as exc:
            QGuiApplication.restoreOverrideCursor()
            self._warn(self._parent.tr("Nicht gespeichert"), exc)
            return None
        QGuiApplication.restoreOverrideCursor()
        return path
