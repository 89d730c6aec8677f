"""Überblick: counts of the filtered measures as tiles and bar charts, what is overdue
first, what has stalled, and a table per municipality.

Each line of the overdue and stalled lists is a link that opens the measure
(`measure_activated`); Tab reaches the links from the keyboard, Enter follows them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import TrafficLight
from ...services.measure_overview import MunicipalityCount, Overview
from ...services.measures_service import MeasureFilter, MeasuresService
from .chart import Bar, BarChart
from .table import LIGHT_COLOURS, OVERDUE_COLOUR, german_date

LINES_SHOWN = 15  # per list; the rest is counted
LINK_PREFIX = "measure:"
AnyIndex = QModelIndex | QPersistentModelIndex
TABLE_ROWS = 12  # municipalities shown before the table scrolls


class MunicipalityModel(QAbstractTableModel):
    """Municipalities with their number of measures (a few hundred rows at most)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("MunicipalityModel", "Kommune"),
        QT_TRANSLATE_NOOP("MunicipalityModel", "Maßnahmen"),
        QT_TRANSLATE_NOOP("MunicipalityModel", "als Träger"),
        QT_TRANSLATE_NOOP("MunicipalityModel", "offen"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MunicipalityCount] = []

    def set_rows(self, rows: tuple[MunicipalityCount, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, row.total, row.as_lead, row.open)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.tr(self.HEADERS[section])
        return None


class Tile(QFrame):
    """A big number with its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("–")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_value(self, value: int, *, alert: bool = False) -> None:
        self.number.setText(f"{value:,}".replace(",", "."))  # German: 3.000
        self.number.setStyleSheet(f"color: {OVERDUE_COLOUR};" if alert and value else "")
        self.setAccessibleName(f"{self.caption.text()}: {value}")


def _links_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.setOpenExternalLinks(False)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def _link(measure_id: int, text: str) -> str:
    return f"<a href='{LINK_PREFIX}{measure_id}'>{escape(text)}</a>"


def _days(n: int) -> str:
    translate = QCoreApplication.translate
    if n == 1:
        return translate("MeasureOverview", "seit 1 Tag")
    return translate("MeasureOverview", "seit %1 Tagen").replace("%1", str(n))


class MeasureOverview(QWidget):
    """The overview over a `MeasuresService`; `reload(query)` shows a filter's measures.

    Signals: status_message(str), measure_activated(int) when a line's link is followed.
    """

    status_message = Signal(str)
    measure_activated = Signal(int)

    def __init__(
        self,
        service: MeasuresService,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("measure_overview")
        self._service = service
        self._today = today
        self._query = MeasureFilter()
        self._stale = True
        self.data: Overview | None = None

        self.tiles = {
            "total": Tile(self.tr("Maßnahmen")),
            "open": Tile(self.tr("offen")),
            "done": Tile(self.tr("umgesetzt")),
            "overdue": Tile(self.tr("überfällig")),
            "actions": Tile(self.tr("Aufgaben überfällig")),
            "attention": Tile(self.tr("verzögert oder blockiert")),
            "stalled": Tile(self.tr("Stillstand > 6 Monate")),
        }
        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        for tile in self.tiles.values():
            tiles.addWidget(tile, 1)

        self.status_chart = BarChart()
        self.status_chart.setAccessibleName(self.tr("Maßnahmen nach Status"))
        self.field_chart = BarChart()
        self.field_chart.setAccessibleName(self.tr("Maßnahmen nach Handlungsfeld"))
        self.light_chart = BarChart()
        self.light_chart.setAccessibleName(self.tr("Ampel der offenen Maßnahmen"))
        self.overdue = _links_label()
        self.stalled = _links_label()
        for label in (self.overdue, self.stalled):
            label.linkActivated.connect(self._on_link)
        self.municipality_model = MunicipalityModel(self)
        self.municipalities = QTableView()
        self.municipalities.setModel(self.municipality_model)
        self.municipalities.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.municipalities.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.municipalities.verticalHeader().hide()
        self.municipalities.setAlternatingRowColors(True)
        header = self.municipalities.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):  # the header text is wider than any count: no content scan
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            title = QCoreApplication.translate(
                "MunicipalityModel", MunicipalityModel.HEADERS[column]
            )
            header.resizeSection(column, header.fontMetrics().horizontalAdvance(title) + 24)

        left = QVBoxLayout()
        left.addWidget(self._group(self.tr("Nach Status"), self.status_chart))
        left.addWidget(self._group(self.tr("Nach Handlungsfeld"), self.field_chart))
        left.addWidget(self._group(self.tr("Ampel der offenen Maßnahmen"), self.light_chart))
        left.addWidget(self._group(self.tr("Nach Kommune (Träger oder Partner)"),
                                   self.municipalities))  # fmt: skip
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._group(self.tr("Überfällig"), self.overdue))
        right.addWidget(self._group(self.tr("Stillstand seit über 6 Monaten"), self.stalled))
        right.addStretch(1)
        columns = QGridLayout()
        columns.setHorizontalSpacing(12)
        columns.addLayout(left, 0, 0)
        columns.addLayout(right, 0, 1)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)

        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 6, 6, 6)
        page_layout.addLayout(tiles)
        page_layout.addLayout(columns, 1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(page)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

    @staticmethod
    def _group(title: str, content: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(content)
        return box

    # --- loading -----------------------------------------------------------------------

    @property
    def query(self) -> MeasureFilter:
        return self._query

    def reload(self, query: MeasureFilter | None = None) -> None:
        """Show the counts of this filter (now if visible, else when next shown)."""
        if query is not None:
            self._query = query
        self._stale = True
        if self.isVisible():
            self._load()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._load()

    def _load(self) -> None:
        self._stale = False
        today = self._today()
        data = self._service.overview(today, self._query)
        self.data = data
        attention = sum(c.count for c in data.by_traffic_light if c.name != TrafficLight.ON_TRACK)
        self.tiles["total"].set_value(data.total)
        self.tiles["open"].set_value(data.open)
        self.tiles["done"].set_value(data.done)
        self.tiles["overdue"].set_value(data.overdue_measure_count, alert=True)
        self.tiles["actions"].set_value(data.overdue_action_count, alert=True)
        self.tiles["attention"].set_value(attention, alert=True)
        self.tiles["stalled"].set_value(data.stalled_count)

        self.status_chart.set_bars([Bar(c.name, c.count) for c in data.by_status])
        self.field_chart.set_bars([Bar(c.name, c.count, "#5a8f3c") for c in data.by_action_field])
        self.light_chart.set_bars(
            [
                Bar(c.name, c.count, LIGHT_COLOURS.get(TrafficLight(c.name), ""))
                for c in data.by_traffic_light
            ]
        )
        self._fill_municipalities(data)
        self.overdue.setText(self._overdue_html(data))
        self.stalled.setText(self._stalled_html(data))

    def _fill_municipalities(self, data: Overview) -> None:
        table = self.municipalities
        self.municipality_model.set_rows(data.by_municipality)
        # as tall as its rows, up to TABLE_ROWS; more scroll inside the table
        rows = min(max(self.municipality_model.rowCount(), 1), TABLE_ROWS)
        table.setFixedHeight(
            table.horizontalHeader().height()
            + rows * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
        )

    def _overdue_html(self, data: Overview) -> str:
        lines = []
        for m in data.overdue_measures[:LINES_SHOWN]:
            extra = " · ".join(p for p in (m.status, m.lead) if p)
            late = self.tr("%1 überfällig").replace("%1", _days(m.days_overdue))
            goal = self.tr("(Ziel %1)").replace("%1", german_date(m.target_date))
            lines.append(
                f"{_link(m.id, m.title)}<br><span style='color:{OVERDUE_COLOUR}'>"
                f"{escape(late)}</span> {escape(goal)}"
                f"{' · ' + escape(extra) if extra else ''}"
            )
        lines += self._more(data.overdue_measure_count, len(lines))
        actions = []
        for a in data.overdue_actions[:LINES_SHOWN]:
            owner = f"{escape(a.owner)}, " if a.owner else ""
            due = self.tr("fällig %1").replace("%1", german_date(a.due_date))
            about = self.tr("zu %1").replace("%1", _link(a.measure_id, a.measure_title))
            actions.append(
                f"{escape(a.text)} — {owner}<span style='color:{OVERDUE_COLOUR}'>"
                f"{escape(due)}</span><br>{about}"
            )
        actions += self._more(data.overdue_action_count, len(actions))
        html = self._list(lines, self.tr("Keine überfälligen Maßnahmen."))
        if actions:
            heading = self.tr("Aufgaben")
            html += f"<p><b>{escape(heading)}</b></p>" + self._list(actions, "")
        return html

    def _stalled_html(self, data: Overview) -> str:
        lines = [
            f"{_link(s.id, s.title)}<br>{escape(s.status)} · "
            + escape(
                self.tr("letzte Änderung %1 (%2)")
                .replace("%1", german_date(s.last_change))
                .replace("%2", _days(s.days))
            )
            for s in data.stalled[:LINES_SHOWN]
        ]
        lines += self._more(data.stalled_count, len(lines))
        return self._list(lines, self.tr("Keine: jede offene Maßnahme hat sich bewegt."))

    def _more(self, total: int, shown: int) -> list[str]:
        if total <= shown:
            return []
        return [escape(self.tr("… und %1 weitere").replace("%1", str(total - shown)))]

    @staticmethod
    def _list(lines: list[str], empty: str) -> str:
        if not lines:
            return f"<p>{escape(empty)}</p>"
        return "".join(f"<p style='margin-bottom:6px'>{line}</p>" for line in lines)

    @Slot(str)
    def _on_link(self, href: str) -> None:
        if href.startswith(LINK_PREFIX):
            self.measure_activated.emit(int(href.removeprefix(LINK_PREFIX)))
