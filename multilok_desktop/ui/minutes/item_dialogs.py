"""Small input dialogs of minute-taking: an outcome, an action item, a text block choice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...domain.enums import OutcomeKind
from ..dialog_buttons import buddy_label, dialog_buttons


class OutcomeDialog(QDialog):
    """Information / Vereinbarung / Beschluss; a Beschluss may carry the vote."""

    def __init__(self, kind: OutcomeKind, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(kind.value)
        self.text = QPlainTextEdit(text)
        self.text.setTabChangesFocus(True)
        self.voted = QCheckBox(self.tr("mit Abstimmung"))
        self.yes, self.no, self.abstain = QSpinBox(), QSpinBox(), QSpinBox()
        votes = QHBoxLayout()
        for label, box in ((self.tr("Ja"), self.yes), (self.tr("Nein"), self.no),
                           (self.tr("Enthaltung"), self.abstain)):  # fmt: skip
            box.setRange(0, 999)
            box.setEnabled(False)
            self.voted.toggled.connect(box.setEnabled)
            votes.addWidget(QLabel(label))
            votes.addWidget(box)
        votes.addStretch()
        form = QFormLayout(self)
        form.addRow(self.tr("&Text"), self.text)
        if kind == OutcomeKind.DECISION:
            form.addRow("", self.voted)
            form.addRow(self.tr("Stimmen"), votes)
        form.addRow(dialog_buttons(self, self.tr("Übernehmen")))
        self.resize(520, 240)
        self.text.setFocus()

    def votes(self) -> tuple[int | None, int | None, int | None]:
        if not self.voted.isChecked():
            return None, None, None
        return self.yes.value(), self.no.value(), self.abstain.value()


class ActionItemDialog(QDialog):
    """Aufgabe: what, who (from the attendees, or typed), by when — and, where a chooser
    is given, the measure it is a next step of (`measure` after OK: (id, title) or None)."""

    def __init__(
        self,
        owners: list[tuple[int | None, str]],
        parent: QWidget | None = None,
        *,
        text: str = "",
        owner: str = "",
        due: date | None = None,
        measure: tuple[int, str] | None = None,
        pick_measure: Callable[[QWidget], tuple[int, str] | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Aufgabe"))
        self.measure = measure
        self._pick_measure = pick_measure
        self._measure_label = QLabel()
        self._measure_label.setWordWrap(True)
        self.choose_measure = QPushButton(self.tr("&Wählen …"))
        self.choose_measure.setAutoDefault(False)
        self.choose_measure.clicked.connect(self._on_choose_measure)
        self.clear_measure = QPushButton(self.tr("&Lösen"))
        self.clear_measure.setAutoDefault(False)
        self.clear_measure.clicked.connect(lambda: self._set_measure(None))
        self._set_measure(measure)
        self.text = QPlainTextEdit(text)
        self.text.setTabChangesFocus(True)
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.addItem("", None)
        for person_id, name in owners:
            self.owner.addItem(name, person_id)
        self.owner.setCurrentText(owner)
        self.has_due = QCheckBox(self.tr("bis"))
        self.due = QDateEdit(QDate.currentDate().addDays(28))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("dd.MM.yyyy")
        self.has_due.setChecked(due is not None)
        if due is not None:
            self.due.setDate(QDate(due.year, due.month, due.day))
        self.due.setEnabled(self.has_due.isChecked())
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due)
        due_row.addStretch()
        form = QFormLayout(self)
        form.addRow(self.tr("&Aufgabe"), self.text)
        form.addRow(self.tr("&Verantwortlich"), self.owner)
        form.addRow(buddy_label(self.tr("&Termin"), self.has_due), due_row)
        if pick_measure is not None:
            measure_row = QHBoxLayout()
            measure_row.addWidget(self._measure_label, 1)
            measure_row.addWidget(self.choose_measure)
            measure_row.addWidget(self.clear_measure)
            form.addRow(self.tr("Maßnahme"), measure_row)
        form.addRow(dialog_buttons(self, self.tr("Übernehmen")))
        self.resize(520, 240)
        self.text.setFocus()

    def _set_measure(self, measure: tuple[int, str] | None) -> None:
        self.measure = measure
        self._measure_label.setText(measure[1] if measure else self.tr("– keine –"))
        self.clear_measure.setEnabled(measure is not None)

    def _on_choose_measure(self) -> None:
        if self._pick_measure is not None:
            chosen = self._pick_measure(self)
            if chosen is not None:
                self._set_measure(chosen)

    def owner_choice(self) -> tuple[int | None, str]:
        """The person chosen from the list, or (None, typed name)."""
        typed = self.owner.currentText().strip()
        index = self.owner.findText(typed)
        if index > 0 and self.owner.itemData(index) is not None:
            return int(self.owner.itemData(index)), typed
        return None, typed

    def due_date(self) -> date | None:
        return self.due.date().toPython() if self.has_due.isChecked() else None
