"""Wertelisten: the editable value lists (Maßnahmenart, Status, Strategie … Ressort).

Left the lists, right the values of the chosen list with Neu, Umbenennen (F2), Nach oben /
Nach unten (Alt+↑/↓), Ausmustern / Reaktivieren and Löschen (only values nobody uses).
Retired values are greyed and marked "(ausgemustert)". The status list shows and edits
each status's phase (offen, erledigt, ruhend, verworfen).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.enums import StatusPhase
from ..services.errors import ServiceError
from ..services.taxonomy_editing import STATUS, TaxonomyService, ValueRow

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TaxonomyDialog(QDialog):
    def __init__(self, service: TaxonomyService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._rows: list[ValueRow] = []
        self.setWindowTitle(self.tr("Wertelisten bearbeiten"))

        self.lists = QListWidget()
        self.lists.setMaximumWidth(230)
        for row in service.lists():
            item = QListWidgetItem(row.label)
            item.setData(ID_ROLE, row.key)
            self.lists.addItem(item)
        self.values = QListWidget()
        self.values.currentRowChanged.connect(self._update_buttons)
        self.values.itemActivated.connect(lambda _item: self.rename())
        self.phase = QComboBox()
        for phase in StatusPhase:
            self.phase.addItem(phase.value, phase)
        self.phase.activated.connect(self._on_phase_chosen)
        self._phase_label = QLabel(self.tr("&Phase des Status:"))
        self._phase_label.setBuddy(self.phase)
        self._phase_hint = QLabel(
            self.tr("Die Phase bestimmt, was der Status für Auswertungen bedeutet.")
        )
        self._phase_hint.setWordWrap(True)
        self.usage = QLabel()
        self.usage.setWordWrap(True)

        self.new_button = self._button(self.tr("&Neu …"), "Ctrl+N", self.add)
        self.rename_button = self._button(self.tr("&Umbenennen …"), "F2", self.rename)
        self.up_button = self._button(self.tr("Nach &oben"), "Alt+Up", lambda: self.move(-1))
        self.down_button = self._button(self.tr("Nach un&ten"), "Alt+Down", lambda: self.move(1))
        self.retire_button = self._button(self.tr("&Ausmustern"), "", self.toggle_retired)
        self.delete_button = self._button(self.tr("&Löschen"), "Del", self.delete)
        buttons = QVBoxLayout()
        for button in (self.new_button, self.rename_button, self.up_button, self.down_button,
                       self.retire_button, self.delete_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch()

        phase_row = QHBoxLayout()
        phase_row.addWidget(self._phase_label)
        phase_row.addWidget(self.phase)
        phase_row.addStretch()
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Liste")), 0, 0)
        grid.addWidget(QLabel(self.tr("Werte")), 0, 1)
        grid.addWidget(self.lists, 1, 0, 4, 1)
        grid.addWidget(self.values, 1, 1)
        grid.addLayout(buttons, 1, 2)
        grid.addLayout(phase_row, 2, 1)
        grid.addWidget(self._phase_hint, 3, 1)
        grid.addWidget(self.usage, 4, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Schließen"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(close)

        self.lists.currentRowChanged.connect(self._on_list_changed)
        self.lists.setCurrentRow(0)
        self.resize(780, 480)
        self.values.setFocus()

    def _button(self, text: str, keys: str, slot) -> QPushButton:  # noqa: ANN001
        button = QPushButton(text)
        button.clicked.connect(slot)
        if keys:
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            self.addAction(action)
            shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{text.replace('&', '').rstrip(' …')} ({shown})")
        return button

    # --- state ----------------------------------------------------------------------------

    @property
    def key(self) -> str:
        item = self.lists.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else ""

    def current(self) -> ValueRow | None:
        row = self.values.currentRow()
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def select_list(self, key: str) -> None:
        for row in range(self.lists.count()):
            if self.lists.item(row).data(ID_ROLE) == key:
                self.lists.setCurrentRow(row)

    @Slot(int)
    def _on_list_changed(self, _row: int) -> None:
        is_status = self.key == STATUS
        for widget in (self.phase, self._phase_label, self._phase_hint):
            widget.setVisible(is_status)
        self._reload()
        self.values.setCurrentRow(0)

    def _reload(self, select: int | None = None) -> None:
        keep = select if select is not None else (c.id if (c := self.current()) else None)
        self._rows = self._service.values(self.key)
        self.values.blockSignals(True)
        self.values.clear()
        grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for value in self._rows:
            text = value.name
            if value.phase is not None:
                text += f"  –  {value.phase.value}"
            if value.retired:
                text += self.tr("  (ausgemustert)")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, value.id)
            if value.retired:
                item.setForeground(grey)
            self.values.addItem(item)
        self.values.blockSignals(False)
        row = next((i for i, v in enumerate(self._rows) if v.id == keep), 0)
        self.values.setCurrentRow(row if self._rows else -1)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        value = self.current()
        row = self.values.currentRow()
        for button in (self.rename_button, self.retire_button):
            button.setEnabled(value is not None)
        self.up_button.setEnabled(value is not None and row > 0)
        self.down_button.setEnabled(value is not None and row < len(self._rows) - 1)
        self.delete_button.setEnabled(value is not None and value.uses == 0)
        self.retire_button.setText(
            self.tr("&Reaktivieren") if value and value.retired else self.tr("&Ausmustern")
        )
        self.phase.setEnabled(value is not None)
        if value is not None and value.phase is not None:
            self.phase.setCurrentIndex(self.phase.findData(value.phase))
        if value is None:
            self.usage.setText("")
        elif value.uses:
            self.usage.setText(
                self.tr("„%1“ wird %2× verwendet: ausmustern statt löschen.")
                .replace("%1", value.name)
                .replace("%2", str(value.uses))
            )
        else:
            self.usage.setText(self.tr("„%1“ wird nirgends verwendet.").replace("%1", value.name))

    def _call(self, work, *args) -> bool:  # noqa: ANN001, ANN002
        try:
            work(*args)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Wertelisten"), str(exc))
            return False
        return True

    # --- actions --------------------------------------------------------------------------

    @Slot()
    def add(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Neuer Wert"), self.tr("Name des neuen Werts:")
        )
        if not ok or not name.strip():
            return
        try:
            new_id = self._service.add(self.key, name)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Wertelisten"), str(exc))
            return
        self._reload(select=new_id)

    @Slot()
    def rename(self) -> None:
        value = self.current()
        if value is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Umbenennen"), self.tr("Neuer Name für „%1“:").replace("%1", value.name),
            text=value.name,
        )  # fmt: skip
        if ok and name.strip() and name.strip() != value.name:
            if self._call(self._service.rename, self.key, value.id, name):
                self._reload(select=value.id)

    def move(self, step: int) -> None:
        value = self.current()
        if value is not None and self._call(self._service.move, self.key, value.id, step):
            self._reload(select=value.id)

    @Slot()
    def toggle_retired(self) -> None:
        value = self.current()
        if value is not None and self._call(
            self._service.set_retired, self.key, value.id, not value.retired
        ):
            self._reload(select=value.id)

    @Slot()
    def delete(self) -> None:
        value = self.current()
        if value is None:
            return
        if value.uses:
            QMessageBox.information(
                self, self.tr("Wertelisten"),
                self.tr("„%1“ wird noch verwendet und kann nur ausgemustert werden.")
                .replace("%1", value.name),
            )  # fmt: skip
            return
        row = self.values.currentRow()
        if self._call(self._service.delete, self.key, value.id):
            self._reload()
            self.values.setCurrentRow(min(row, self.values.count() - 1))

    @Slot(int)
    def _on_phase_chosen(self, index: int) -> None:
        value = self.current()
        phase = self.phase.itemData(index)
        if value is None or phase is None or phase == value.phase:
            return
        self._call(self._service.set_phase, value.id, StatusPhase(phase))
        self._reload(select=value.id)
