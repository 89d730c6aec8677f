"""Privacy in the address book: Auskunft (Art. 15), Löschung (Art. 17), withdrawing consent,
and the "Datenschutz-Prüfung" list of people whose review is due or whose consent is
missing or withdrawn."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.dates import format_date
from ...services.errors import ServiceError
from ...services.privacy import PLACEHOLDER, PrivacyDueRow
from ...services.privacy_service import PrivacyService

if TYPE_CHECKING:
    from ...services.privacy_erasure import ErasurePreview

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
REPORT_FILTER = "PDF (*.pdf);;JSON (*.json)"


def export_access_report(
    parent: QWidget, service: PrivacyService, person_id: int, name: str
) -> str | None:
    """Ask for a file and write the Art. 15 report as PDF or JSON; returns the path."""
    suggestion = "auskunft-" + "-".join(name.lower().split()) + ".pdf"
    path, chosen = QFileDialog.getSaveFileName(
        parent, parent.tr("Auskunft nach Art. 15 DSGVO speichern"), suggestion, REPORT_FILTER
    )
    if not path:
        return None
    if not path.lower().endswith((".pdf", ".json")):
        path += ".json" if "JSON" in chosen else ".pdf"
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        data = service.access_report(person_id)
        if path.lower().endswith(".json"):
            from ...exchange.privacy_json import write_privacy_json

            write_privacy_json(data, Path(path))
        else:
            from ...reports.privacy import write_privacy_pdf

            write_privacy_pdf(data, service.office_settings(), path)
    except (ServiceError, OSError) as exc:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, parent.tr("Auskunft nicht gespeichert"), str(exc))
        return None
    QGuiApplication.restoreOverrideCursor()
    return path


def erasure_text(preview: ErasurePreview) -> tuple[str, str]:
    """The confirmation's question and its details, in plain German."""
    question = f"„{preview.name}“ nach Art. 17 DSGVO endgültig löschen?"
    lines = [
        "Gelöscht werden die Kontaktdaten, Zugehörigkeiten, Schlagworte, Verteiler-Einträge, "
        "Einladungen und Einwilligungen. Auch aus Suchindex und Datenbankdatei wird alles "
        "entfernt; das lässt sich nicht rückgängig machen.",
    ]
    if preview.meetings:
        lines.append(
            f"In {preview.meetings} Protokoll(en) steht künftig „{PLACEHOLDER}“ statt des "
            f"Namens (Anwesenheit, Rollen, {preview.action_items} Aufgabe(n)); die Protokolle "
            "bleiben lesbar."
        )
    if preview.approved_protocols:
        lines.append(
            f"{preview.approved_protocols} genehmigte(s) Protokoll(e) erhalten eine neue "
            "Revision, die die Löschung vermerkt (ohne Namen)."
        )
    if preview.mentions:
        lines.append(
            f"Achtung: Der Name steht an {preview.mentions} Stelle(n) im Text von Protokollen "
            "(Notizen, Ergebnisse, Aufgaben). Diese Texte werden nicht geändert; die Auskunft "
            "nach Art. 15 zeigt, wo."
        )
    lines.append("Vorher eine Auskunft nach Art. 15 speichern, falls die Person sie verlangt hat.")
    return question, "\n\n".join(lines)


def confirm_erasure(parent: QWidget, preview: ErasurePreview) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(parent.tr("Löschen nach Art. 17 DSGVO"))
    question, details = erasure_text(preview)
    box.setText(question)
    box.setInformativeText(details)
    erase = box.addButton(parent.tr("Endgültig löschen"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(parent.tr("Abbrechen"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is erase


class PrivacyReviewDialog(QDialog):
    """Datenschutz-Prüfung: who needs attention; Enter or a double click opens the person.

    Signal person_activated(int): the view shows that person (the dialog stays open).
    """

    person_activated = Signal(int)

    def __init__(self, service: PrivacyService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Datenschutz-Prüfung"))
        self.resize(760, 460)
        self._service = service
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Grund"), self.tr("fällig seit")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        self.table.setColumnWidth(0, 220)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(2, 100)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Schließen"))
        self.open_button = buttons.addButton(
            self.tr("Person &öffnen"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.clicked.connect(self.open_current)
        self.open_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        rows: list[PrivacyDueRow] = self._service.due()
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            name = QTableWidgetItem(row.name)
            name.setData(PERSON_ID_ROLE, row.person_id)
            reason = QTableWidgetItem(row.reason)
            reason.setToolTip(row.reason)
            due = QTableWidgetItem(format_date(row.due) if row.due else self.tr("sofort"))
            for column, item in enumerate((name, reason, due)):
                self.table.setItem(index, column, item)
        if rows:
            self.intro.setText(
                self.tr(
                    "%1 Person(en) brauchen eine Entscheidung: Daten löschen (Art. 17), "
                    "Einwilligung einholen oder ein neues Prüfdatum setzen."
                ).replace("%1", str(len(rows)))
            )
            self.table.selectRow(0)
        else:
            self.intro.setText(
                self.tr("Niemand ist fällig: keine Prüfung fällig, keine Einwilligung offen.")
            )
        self.open_button.setEnabled(bool(rows))

    def current_person_id(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return int(item.data(PERSON_ID_ROLE)) if item is not None else None

    @Slot()
    def open_current(self) -> None:
        person_id = self.current_person_id()
        if person_id is not None:
            self.person_activated.emit(person_id)


class PrivacyActions:
    """The view's privacy actions on the current person (`current_person` gives its id)."""

    def __init__(
        self,
        service: PrivacyService,
        parent: QWidget,
        current_person: Callable[[], int | None],
        person_name: Callable[[int], str],
    ) -> None:
        self.service = service
        self._parent = parent
        self._current = current_person
        self._name = person_name

    def export(self) -> str | None:
        person_id = self._current()
        if person_id is None:
            return None
        path = export_access_report(self._parent, self.service, person_id, self._name(person_id))
        return self._parent.tr("Auskunft gespeichert: %1").replace("%1", path) if path else None

    def withdraw(self) -> str | None:
        person_id = self._current()
        if person_id is None:
            return None
        try:
            count = self.service.withdraw_consent(person_id)
        except ServiceError as exc:
            QMessageBox.information(self._parent, self._parent.tr("Einwilligung"), str(exc))
            return None
        return (
            self._parent.tr("Einwilligung von „%1“ widerrufen (%2 Zweck(e)).")
            .replace("%1", self._name(person_id))
            .replace("%2", str(count))
        )

    def erase(self) -> str | None:
        """Ask, then erase; returns the status message, None if nothing was erased."""
        person_id = self._current()
        if person_id is None:
            return None
        try:
            preview = self.service.preview_erasure(person_id)
            if not confirm_erasure(self._parent, preview):
                return None
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self.service.erase(person_id)
            finally:
                QGuiApplication.restoreOverrideCursor()
        except ServiceError as exc:
            QMessageBox.warning(self._parent, self._parent.tr("Nicht gelöscht"), str(exc))
            return None
        return self._parent.tr("Person nach Art. 17 DSGVO gelöscht.")
