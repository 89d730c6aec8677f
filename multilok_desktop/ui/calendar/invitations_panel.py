"""Who is invited to a meeting and what they answered; counts at a glance."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QWheelEvent
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

from ...domain.enums import Response
from ...services.address_book_service import AddressBookService
from ...services.calendar_service import CalendarService
from ...services.clock import local
from ..address_book.picker import pick_organisations, pick_people


class ReplyBox(QComboBox):
    """A reply chooser that the mouse wheel does not change while scrolling the table."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


COL_NAME, COL_ORGANISATION, COL_EMAIL, COL_MODE, COL_RESPONSE, COL_WHEN = range(6)
INVITATION_ROLE = Qt.ItemDataRole.UserRole + 1


def response_summary(counts: dict[Response, int]) -> str:
    """ "26 Eingeladene · 10 ohne Rückmeldung · 11 zugesagt · 2 abgesagt"."""
    translate = QCoreApplication.translate
    total = sum(counts.values())
    parts = [
        translate("InvitationsPanel", "1 eingeladene Stelle")
        if total == 1
        else translate("InvitationsPanel", "%1 Eingeladene").replace("%1", str(total))
    ]
    for response in Response:
        if counts.get(response):
            if response == Response.INVITED:
                label = translate("InvitationsPanel", "ohne Rückmeldung")
            else:
                label = response.value
            parts.append(f"{counts[response]} {label}")
    return " · ".join(parts)


class InvitationsPanel(QWidget):
    """Replies are saved as they are chosen (each is its own small record)."""

    def __init__(
        self,
        service: CalendarService,
        meeting_id: int,
        address_book: AddressBookService | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._meeting_id = meeting_id
        self._address_book = address_book
        self._counts = QLabel()
        self._counts.setStyleSheet("font-weight: bold;")
        self._table = QTableWidget(0, 6)
        self._table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Organisation"), self.tr("E-Mail"), self.tr("Art"),
             self.tr("Rückmeldung"), self.tr("am")]
        )  # fmt: skip
        self._table.verticalHeader().hide()
        self._table.setWordWrap(False)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ORGANISATION, QHeaderView.ResizeMode.Stretch)
        self._table.setColumnWidth(COL_EMAIL, 190)
        self._table.setColumnWidth(COL_MODE, 85)
        self._table.setColumnWidth(COL_RESPONSE, 125)
        self._table.setColumnWidth(COL_WHEN, 80)

        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("&Personen …"), self._on_invite_people),
            (self.tr("&Organisationen …"), self._on_invite_organisations),
            (self.tr("&Verteiler …"), self._on_invite_list),
            (self.tr("Ent&fernen"), self._on_remove),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setEnabled(address_book is not None or text.startswith(self.tr("Ent")))
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self._counts)
        layout.addWidget(self._table)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        rows = self._service.invitation_rows(self._meeting_id)
        self._table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            name = QTableWidgetItem(row.name)
            name.setData(INVITATION_ROLE, row.id)
            self._table.setItem(index, COL_NAME, name)
            self._table.setItem(index, COL_ORGANISATION, QTableWidgetItem(row.organisation))
            self._table.setItem(index, COL_EMAIL, QTableWidgetItem(row.email))
            self._table.setItem(index, COL_MODE, QTableWidgetItem(row.mode.value))
            combo = ReplyBox()
            for response in Response:
                combo.addItem(response.value, response)
            combo.setCurrentIndex(combo.findData(row.response))
            combo.currentIndexChanged.connect(
                lambda _=0, box=combo, r=index, invitation_id=row.id: self._on_response(
                    invitation_id, box, r
                )
            )
            self._table.setCellWidget(index, COL_RESPONSE, combo)
            when = f"{local(row.responded_at):%d.%m.%Y}" if row.responded_at else ""
            self._table.setItem(index, COL_WHEN, QTableWidgetItem(when))
        self._show_counts()

    def _show_counts(self) -> None:
        self._counts.setText(response_summary(self._service.response_counts(self._meeting_id)))

    def _on_response(self, invitation_id: int, box: QComboBox, row: int) -> None:
        # Update this row in place: the keyboard focus stays in the reply column.
        self._service.set_response(invitation_id, box.currentData())
        answered = box.currentData() != Response.INVITED
        self._table.setItem(
            row, COL_WHEN, QTableWidgetItem(f"{date.today():%d.%m.%Y}" if answered else "")
        )
        self._show_counts()

    @Slot()
    def _on_invite_people(self) -> None:
        assert self._address_book is not None
        ids = [pid for pid, _ in pick_people(self._address_book, self)]
        if ids:
            self._service.invite(self._meeting_id, person_ids=ids)
            self.reload()

    @Slot()
    def _on_invite_organisations(self) -> None:
        assert self._address_book is not None
        ids = [oid for oid, _ in pick_organisations(self._address_book, self)]
        if ids:
            self._service.invite(self._meeting_id, organisation_ids=ids)
            self.reload()

    @Slot()
    def _on_invite_list(self) -> None:
        assert self._address_book is not None
        lists = self._address_book.lists()
        if not lists:
            return
        names = [f"{s.name} ({s.member_count})" for s in lists]
        chosen, ok = QInputDialog.getItem(
            self, self.tr("Verteiler einladen"), self.tr("Verteiler:"), names, 0, False
        )
        if ok:
            self._service.invite(self._meeting_id, list_ids=[lists[names.index(chosen)].id])
            self.reload()

    @Slot()
    def _on_remove(self) -> None:
        rows = sorted({i.row() for i in self._table.selectedIndexes()})
        for row in rows:
            self._service.remove_invitation(
                int(self._table.item(row, COL_NAME).data(INVITATION_ROLE))
            )
        if rows:
            self.reload()
