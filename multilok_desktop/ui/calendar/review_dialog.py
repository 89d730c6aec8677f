"""Wiedervorlage: choose open action items of earlier meetings for this meeting's agenda."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ...services.calendar import OpenActionItem
from ..dialog_buttons import dialog_buttons

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ReviewDialog(QDialog):
    """After Accepted, `chosen_ids` are the action items to put on the agenda."""

    def __init__(self, items: list[OpenActionItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Wiedervorlage: offene Aufgaben"))
        self.resize(640, 420)
        self.chosen_ids: list[int] = []
        self._list = QListWidget()
        for item in items:
            due = f" – bis {item.due_date:%d.%m.%Y}" if item.due_date else ""
            owner = f" – {item.owner}" if item.owner else ""
            row = QListWidgetItem(f"{item.text}{owner}{due}   ({item.from_meeting_title})")
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked)
            row.setData(ID_ROLE, item.id)
            self._list.addItem(row)
        hint = QLabel(self.tr(
            "Die angehakten Aufgaben kommen als TOP „Wiedervorlage: offene Aufgaben“ "
            "auf die Tagesordnung (vor „Verschiedenes“)."))  # fmt: skip
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self._list)
        layout.addWidget(dialog_buttons(self, self.tr("Auf die Tagesordnung")))

    def accept(self) -> None:
        self.chosen_ids = [
            int(self._list.item(r).data(ID_ROLE))
            for r in range(self._list.count())
            if self._list.item(r).checkState() == Qt.CheckState.Checked
        ]
        super().accept()
