"""Choosing people or organisations from the address book by typing part of a name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.address_book_service import AddressBookService
from ..dialog_buttons import dialog_buttons
from ..paged_model import PagedTableModel
from .lists import organisations_model, people_model
from .organisation_dialog import OrganisationDialog


class PickerDialog(QDialog):
    """Search and pick one or more rows. Result: `chosen` = list of (id, label)."""

    def __init__(
        self,
        model: PagedTableModel,  # type: ignore[type-arg]
        title: str,
        label_column: int = 0,
        multiple: bool = False,
        parent: QWidget | None = None,
        create: Callable[[str], tuple[int, str] | None] | None = None,
    ) -> None:
        """`create`, if given, adds a "Neu …" button that makes a record from the search text."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 480)
        self._model = model
        self._label_column = label_column
        self.chosen: list[tuple[int, str]] = []

        self._search = QLineEdit()
        self._search.setPlaceholderText(self.tr("Suchen …"))
        self._search.setClearButtonEnabled(True)
        self._search.textChanged.connect(self._on_search_changed)

        self._table = QTableView()
        self._table.setModel(model)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if multiple
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self._table.verticalHeader().hide()
        self._table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._table.horizontalHeader().setStretchLastSection(True)
        self._table.setColumnWidth(0, 240)
        self._table.doubleClicked.connect(self.accept)
        self._count = QLabel()

        buttons = dialog_buttons(self, self.tr("Übernehmen"))
        if create is not None:
            new = buttons.addButton(self.tr("&Neu …"), QDialogButtonBox.ButtonRole.ActionRole)
            new.clicked.connect(lambda: self._create(create))

        layout = QVBoxLayout(self)
        layout.addWidget(self._search)
        layout.addWidget(self._table)
        layout.addWidget(self._count)
        layout.addWidget(buttons)
        model.set_query(model.query)
        self._update_count()
        self._search.setFocus()
        self._search.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: ANN001, N802
        # Arrow down from the search field moves into the list, as in a combo box.
        from PySide6.QtCore import QEvent

        if watched is self._search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down:
                self._table.setFocus()
                if not self._table.currentIndex().isValid() and self._model.rowCount():
                    self._table.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    @Slot(str)
    def _on_search_changed(self, text: str) -> None:
        self._model.set_query(replace(self._model.query, text=text))
        if self._model.rowCount():
            self._table.selectRow(0)
        self._update_count()

    def _update_count(self) -> None:
        self._count.setText(self.tr("%n Treffer", "", self._model.rowCount()))

    def _create(self, create: Callable[[str], tuple[int, str] | None]) -> None:
        made = create(self._search.text().strip())
        if made is not None:
            self.chosen = [made]
            super().accept()

    def accept(self) -> None:
        rows = sorted({index.row() for index in self._table.selectionModel().selectedRows()})
        if not rows and self._table.currentIndex().isValid():
            rows = [self._table.currentIndex().row()]
        self.chosen = []
        for row in rows:
            item_id = self._model.id_at(row)
            label = self._model.data(self._model.index(row, self._label_column))
            if item_id is not None:
                self.chosen.append((item_id, str(label)))
        if self.chosen:
            super().accept()


def pick_organisation(service: AddressBookService, parent: QWidget) -> tuple[int, str] | None:
    """Choose an organisation, or create one right here when it is not there yet."""

    def create(name: str) -> tuple[int, str] | None:
        editor = OrganisationDialog(service, None, dialog, name=name)
        if editor.exec() == QDialog.DialogCode.Accepted and editor.saved_id is not None:
            return editor.saved_id, service.organisation(editor.saved_id).data.name
        return None

    dialog = PickerDialog(
        organisations_model(service),
        parent.tr("Organisation auswählen"),
        parent=parent,
        create=create,
    )
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen:
        return dialog.chosen[0]
    return None


def pick_people(service: AddressBookService, parent: QWidget) -> list[tuple[int, str]]:
    dialog = PickerDialog(
        people_model(service), parent.tr("Personen auswählen"), multiple=True, parent=parent
    )
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.chosen
    return []


def pick_organisations(service: AddressBookService, parent: QWidget) -> list[tuple[int, str]]:
    dialog = PickerDialog(
        organisations_model(service),
        parent.tr("Organisationen auswählen"),
        multiple=True,
        parent=parent,
    )
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.chosen
    return []
