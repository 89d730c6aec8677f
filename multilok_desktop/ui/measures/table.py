"""The measures table: columns over `MeasureRow`, sorted and paged by the service."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap

from ...domain.enums import TrafficLight
from ...services.measures_service import MeasureFilter, MeasureRow, MeasureSort, MeasuresService
from ..paged_model import ColumnSpec, PagedTableModel

TITLE, STATUS, TRAFFIC_LIGHT, ACTION_FIELDS, TARGET_GROUPS, LEAD, RESPONSIBLE, PROGRESS, TARGET = (
    range(9)
)
COLUMN_WIDTHS = [290, 100, 95, 140, 130, 170, 120, 75, 90]

LIGHT_COLOURS = {
    TrafficLight.ON_TRACK: "#2e9d4a",
    TrafficLight.DELAYED: "#e3a20b",
    TrafficLight.BLOCKED: "#d0342c",
}
OVERDUE_COLOUR = "#c62828"
SUB_MARK = "↳ "


def german_date(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def title_text(row: MeasureRow) -> str:
    """Sub-measures are marked; the planning card's code follows the title."""
    mark = SUB_MARK if row.parent_id is not None else ""
    code = f"  ({row.code})" if row.code else ""
    return f"{mark}{row.title}{code}"


COLUMNS: list[ColumnSpec[MeasureRow]] = [
    ColumnSpec(QT_TRANSLATE_NOOP("ColumnSpec", "Titel"), title_text, MeasureSort.TITLE),
    ColumnSpec(QT_TRANSLATE_NOOP("ColumnSpec", "Status"), lambda r: r.status, MeasureSort.STATUS),
    ColumnSpec(
        QT_TRANSLATE_NOOP("ColumnSpec", "Ampel"),
        lambda r: str(r.traffic_light),
        MeasureSort.TRAFFIC_LIGHT,
    ),
    ColumnSpec(
        QT_TRANSLATE_NOOP("ColumnSpec", "Handlungsfeld"), lambda r: ", ".join(r.action_fields)
    ),
    ColumnSpec(
        QT_TRANSLATE_NOOP("ColumnSpec", "Zielgruppen"), lambda r: ", ".join(r.target_groups)
    ),
    ColumnSpec(
        QT_TRANSLATE_NOOP("ColumnSpec", "Projektträger"), lambda r: r.lead, MeasureSort.LEAD
    ),
    ColumnSpec(QT_TRANSLATE_NOOP("ColumnSpec", "Verantwortlich"), lambda r: r.responsible),
    ColumnSpec(
        QT_TRANSLATE_NOOP("ColumnSpec", "Fortschritt"),
        lambda r: f"{r.progress} %",
        MeasureSort.PROGRESS,
    ),
    ColumnSpec(
        QT_TRANSLATE_NOOP("ColumnSpec", "Zieltermin"),
        lambda r: german_date(r.target_date),
        MeasureSort.TARGET_DATE,
    ),
]

_dots: dict[str, QIcon] = {}


def light_icon(light: TrafficLight | str) -> QIcon:
    """A coloured dot for the traffic light (made once per colour)."""
    colour = LIGHT_COLOURS.get(TrafficLight(light), "#888888")
    icon = _dots.get(colour)
    if icon is None:
        pixmap = QPixmap(14, 14)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(colour).darker(130))
        painter.setBrush(QColor(colour))
        painter.drawEllipse(1, 1, 12, 12)
        painter.end()
        icon = _dots[colour] = QIcon(pixmap)
    return icon


class MeasuresTableModel(PagedTableModel[MeasureFilter, MeasureRow]):
    """Adds the traffic-light dot, overdue dates in red and helpful tooltips."""

    def __init__(self, service: MeasuresService, query: MeasureFilter) -> None:
        super().__init__(COLUMNS, service.count, service.page, lambda r: r.id, query)
        self._overdue = QBrush(QColor(OVERDUE_COLOUR))

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DecorationRole and column == TRAFFIC_LIGHT:
            row = self.row_at(index.row())
            return light_icon(row.traffic_light) if row is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and column == TARGET:
            row = self.row_at(index.row())
            return self._overdue if row is not None and row.overdue else None
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self.row_at(index.row())
            if row is None:
                return None
            if column == TARGET and row.overdue:
                return self.tr("überfällig")
            if column == TRAFFIC_LIGHT and row.delay_reason:
                return f"{row.traffic_light}: {row.delay_reason}"
            if column == TITLE and row.parent_id is not None:
                return self.tr("Teilmaßnahme: %1").replace("%1", row.title)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PROGRESS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)
