"""The agenda (TOPs) as an editable table: reorder by drag and drop or Alt+↑/Alt+↓."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

COL_NUMBER, COL_TITLE, COL_PRESENTER, COL_MINUTES, COL_NON_PUBLIC = range(5)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class AgendaRow:
    """What the table keeps per TOP beyond the visible cells."""

    item_id: int | None = None
    presenter_id: int | None = None
    presenter_text: str = ""
    description: str = ""


class AgendaTable(QTableWidget):
    """Signals: order_changed()."""

    order_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(
            [self.tr("TOP"), self.tr("Thema"), self.tr("Vortrag"), self.tr("Min."),
             self.tr("nicht öffentl.")]
        )  # fmt: skip
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(COL_NUMBER, 44)
        self.setColumnWidth(COL_PRESENTER, 180)
        self.setColumnWidth(COL_MINUTES, 50)
        self.setColumnWidth(COL_NON_PUBLIC, 100)
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragDropOverwriteMode(False)
        self.setDropIndicatorShown(True)

    # --- rows ---------------------------------------------------------------------------

    def add_row(
        self,
        title: str,
        minutes: int = 10,
        presenter: str = "",
        non_public: bool = False,
        extra: AgendaRow | None = None,
        at: int | None = None,
    ) -> int:
        row = self.rowCount() if at is None else at
        blocked = self.blockSignals(True)  # no itemChanged for a half-built row
        self.insertRow(row)
        number = QTableWidgetItem()
        number.setFlags(number.flags() & ~Qt.ItemFlag.ItemIsEditable)
        number.setData(ROW_ROLE, extra or AgendaRow(presenter_text=presenter))
        self.setItem(row, COL_NUMBER, number)
        self.setItem(row, COL_TITLE, QTableWidgetItem(title))
        self.setItem(row, COL_PRESENTER, QTableWidgetItem(presenter))
        minutes_item = QTableWidgetItem()
        minutes_item.setData(Qt.ItemDataRole.EditRole, int(minutes))
        self.setItem(row, COL_MINUTES, minutes_item)
        flag = QTableWidgetItem()
        flag.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
        )
        flag.setCheckState(Qt.CheckState.Checked if non_public else Qt.CheckState.Unchecked)
        self.setItem(row, COL_NON_PUBLIC, flag)
        self.blockSignals(blocked)
        self.renumber()
        return row

    def renumber(self) -> None:
        for row in range(self.rowCount()):
            item = self.item(row, COL_NUMBER)
            if item is not None:
                item.setText(str(row + 1))

    def row_values(self, row: int) -> tuple[AgendaRow, str, str, int, bool]:
        extra = self.item(row, COL_NUMBER).data(ROW_ROLE) or AgendaRow()
        title = (self.item(row, COL_TITLE) or QTableWidgetItem()).text().strip()
        presenter = (self.item(row, COL_PRESENTER) or QTableWidgetItem()).text().strip()
        minutes = int(
            (self.item(row, COL_MINUTES) or QTableWidgetItem()).data(Qt.ItemDataRole.EditRole) or 0
        )
        non_public = self.item(row, COL_NON_PUBLIC).checkState() == Qt.CheckState.Checked
        return extra, title, presenter, minutes, non_public

    def take_row(self, row: int) -> list[QTableWidgetItem]:
        return [self.takeItem(row, column) for column in range(self.columnCount())]

    def move_row(self, source: int, target: int) -> None:
        if source == target or not (0 <= source < self.rowCount()):
            return
        blocked = self.blockSignals(True)  # the row is incomplete until all cells are back
        items = self.take_row(source)
        self.removeRow(source)
        target = max(0, min(target, self.rowCount()))
        self.insertRow(target)
        for column, item in enumerate(items):
            self.setItem(target, column, item)
        self.blockSignals(blocked)
        self.renumber()
        self.selectRow(target)
        self.order_changed.emit()

    def move_current(self, step: int) -> None:
        row = self.currentRow()
        if row >= 0 and 0 <= row + step < self.rowCount():
            self.move_row(row, row + step)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Alt+↑ / Alt+↓ move the current TOP, as in most list editors."""
        if event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        # QTableWidget's own InternalMove moves cells, not rows; move whole rows instead.
        if event.source() is not self:
            event.ignore()
            return
        source = self.currentRow()
        target = self.rowAt(int(event.position().y()))
        if target < 0:
            target = self.rowCount() - 1
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.move_row(source, target)
