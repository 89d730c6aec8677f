"""Check-in during the meeting: who is there, excused, a guest; late arrival, early leave."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import AttendanceStatus
from ...services.address_book_service import AddressBookService
from ..address_book.picker import pick_people

COL_NAME, COL_STATUS, COL_FROM, COL_UNTIL = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AttendanceTable(QTableWidget):
    """Space checks the current person in (anwesend) or out again."""

    toggle_requested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and self.currentRow() >= 0:
            self.toggle_requested.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class AttendancePanel(QWidget):
    """Signals: changed() after any check-in change (the window refreshes its counts)."""

    changed = Signal()

    def __init__(
        self,
        service,  # noqa: ANN001  MinutesService
        meeting_id: int,
        address_book: AddressBookService | None,
        on_error: Callable[[Exception], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._meeting_id = meeting_id
        self._address_book = address_book
        self._on_error = on_error
        self._items: list[tuple[int, str]] = []  # agenda (id, "TOP n") for ab/bis
        self.count = QLabel()
        self.table = AttendanceTable(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Status"), self.tr("ab"), self.tr("bis")]
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_STATUS, 118), (COL_FROM, 70), (COL_UNTIL, 70)):
            self.table.setColumnWidth(column, width)
        self.table.toggle_requested.connect(self._on_toggle)
        add_person = QPushButton(self.tr("Aus &Adressbuch …"))
        add_person.clicked.connect(self._on_add_person)
        add_person.setEnabled(address_book is not None)
        add_guest = QPushButton(self.tr("&Gast …"))
        add_guest.clicked.connect(self._on_add_guest)
        buttons = QHBoxLayout()
        buttons.addWidget(add_person)
        buttons.addWidget(add_guest)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def show_rows(self, rows: list, items: list[tuple[int, str]]) -> None:  # noqa: ANN001
        self._items = items
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            name = QTableWidgetItem(
                row.name + (f" ({row.organisation})" if row.organisation else "")
            )
            name.setData(ID_ROLE, row.id)
            self.table.setItem(index, COL_NAME, name)
            status = QComboBox()
            for choice in AttendanceStatus:
                status.addItem(choice.value, choice)
            status.setCurrentIndex(max(0, status.findData(row.status)))
            status.currentIndexChanged.connect(lambda _=0, r=index: self._save_row(r))
            self.table.setCellWidget(index, COL_STATUS, status)
            for column, current in ((COL_FROM, row.from_item_id), (COL_UNTIL, row.until_item_id)):
                combo = QComboBox()
                combo.addItem("", None)
                for item_id, label in items:
                    combo.addItem(label, item_id)
                combo.setCurrentIndex(max(0, combo.findData(current)))
                combo.currentIndexChanged.connect(lambda _=0, r=index: self._save_row(r))
                self.table.setCellWidget(index, column, combo)
        present = sum(
            1 for r in rows if r.status in (AttendanceStatus.PRESENT, AttendanceStatus.GUEST)
        )
        self.count.setText(
            self.tr("Anwesend %1 von %2").replace("%1", str(present)).replace("%2", str(len(rows)))
        )

    def _combo(self, row: int, column: int) -> QComboBox:
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, QComboBox)
        return widget

    def _save_row(self, row: int) -> None:
        attendance_id = int(self.table.item(row, COL_NAME).data(ID_ROLE))
        try:
            self._service.set_attendance(
                attendance_id,
                self._combo(row, COL_STATUS).currentData(),
                self._combo(row, COL_FROM).currentData(),
                self._combo(row, COL_UNTIL).currentData(),
            )
        except Exception as exc:  # noqa: BLE001 - shown to the user, minutes stay open
            self._on_error(exc)
            return
        self.changed.emit()

    @Slot(int)
    def _on_toggle(self, row: int) -> None:
        combo = self._combo(row, COL_STATUS)
        present = combo.currentData() == AttendanceStatus.PRESENT
        # Not checked in is "unentschuldigt" until the person arrives or sends apologies.
        target = AttendanceStatus.ABSENT if present else AttendanceStatus.PRESENT
        combo.setCurrentIndex(combo.findData(target))

    @Slot()
    def _on_add_person(self) -> None:
        assert self._address_book is not None
        for person_id, _name in pick_people(self._address_book, self):
            try:
                self._service.add_walk_in(self._meeting_id, person_id=person_id,
                                          status=AttendanceStatus.PRESENT)  # fmt: skip
            except Exception as exc:  # noqa: BLE001
                self._on_error(exc)
        self.changed.emit()

    @Slot()
    def _on_add_guest(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Gast"), self.tr("Name (und Organisation):"))
        if ok and name.strip():
            person, _, organisation = name.partition("(")
            try:
                self._service.add_walk_in(self._meeting_id, name=person.strip(),
                                          organisation=organisation.rstrip(")").strip())  # fmt: skip
            except Exception as exc:  # noqa: BLE001
                self._on_error(exc)
            self.changed.emit()
