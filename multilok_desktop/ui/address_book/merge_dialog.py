"""Merge two records of the same person: pick the one to keep, everything else moves over."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...services.address_book_service import AddressBookService
from ...services.errors import ServiceError
from ..dialog_buttons import dialog_buttons
from .detail_pane import person_html


class MergeDialog(QDialog):
    """After Accepted, `kept_id` is the person that remains."""

    def __init__(
        self,
        service: AddressBookService,
        first_id: int,
        second_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._ids = (first_id, second_id)
        self.kept_id: int | None = None
        self.setWindowTitle(self.tr("Personen zusammenführen"))
        self.resize(820, 520)

        explanation = QLabel(
            self.tr(
                "Beide Einträge werden zu einem. Der behaltene Eintrag bekommt alle Zugehörigkeiten, "
                "Verteiler, Einladungen, Anwesenheiten und Aufgaben des anderen; leere Felder werden "
                "aus dem anderen Eintrag ergänzt. Das lässt sich nicht rückgängig machen."
            )
        )
        explanation.setWordWrap(True)
        grid = QGridLayout()
        self._choices: list[QRadioButton] = []
        for column, person_id in enumerate(self._ids):
            details = service.person(person_id)
            choice = QRadioButton(self.tr("Diesen Eintrag behalten"))
            choice.setChecked(column == 0)
            self._choices.append(choice)
            card = QTextBrowser()
            card.setHtml(person_html(details))
            grid.addWidget(choice, 0, column)
            grid.addWidget(card, 1, column)

        buttons = dialog_buttons(self, self.tr("Zusammenführen"))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)

    def select_kept(self, index: int) -> None:
        self._choices[index].setChecked(True)

    def accept(self) -> None:
        keep, remove = self._ids if self._choices[0].isChecked() else self._ids[::-1]
        try:
            self._service.merge_people(keep, remove)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Nicht zusammengeführt"), str(exc))
            return
        self.kept_id = keep
        super().accept()
