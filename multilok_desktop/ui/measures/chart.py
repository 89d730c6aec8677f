"""A small horizontal bar chart drawn with QPainter (PySide6-Essentials has no QtCharts).

One row per bar: the label on the left (elided when long), the bar scaled to the largest
value, the number right of the bar. The chart's text is also its accessible description
and tooltip, so a screen reader and a hovering mouse get the figures too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

DEFAULT_COLOUR = QColor("#3d7ab8")
LABEL_SHARE = 0.55  # at most this share of the width goes to the labels
PADDING = 4


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    colour: str = ""  # "#rrggbb"; empty = the chart's default colour


class BarChart(QWidget):
    """Call `set_bars()`; the height follows the number of bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(220)

    @property
    def bars(self) -> list[Bar]:
        return list(self._bars)

    def set_bars(self, bars: list[Bar]) -> None:
        self._bars = list(bars)
        summary = "\n".join(f"{bar.label}: {bar.value}" for bar in self._bars)
        self.setToolTip(summary)
        self.setAccessibleDescription(summary)
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, max(1, len(self._bars)) * self._row_height() + 2 * PADDING)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(220, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        row = self._row_height()
        text_colour = self.palette().windowText().color()
        if not self._bars:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("keine Daten"))
            return
        width = self.width() - 2 * PADDING
        label_width = min(
            int(width * LABEL_SHARE),
            max(metrics.horizontalAdvance(b.label) for b in self._bars) + 4,  # + rounding
        )
        value_width = max(metrics.horizontalAdvance(str(b.value)) for b in self._bars) + 8
        bar_left = PADDING + label_width + 8
        bar_room = max(10, self.width() - PADDING - value_width - bar_left)
        largest = max((b.value for b in self._bars), default=0) or 1
        for i, bar in enumerate(self._bars):
            top = PADDING + i * row
            painter.setPen(text_colour)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width)
            painter.drawText(
                QRect(PADDING, top, label_width, row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                label,
            )
            length = round(bar_room * bar.value / largest)
            if bar.value and length < 2:
                length = 2  # a one among hundreds still shows
            colour = QColor(bar.colour) if bar.colour else DEFAULT_COLOUR
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRect(bar_left, top + 3, length, row - 6), 2, 2)
            painter.setPen(text_colour)
            painter.drawText(
                QRect(bar_left + length + 6, top, value_width, row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                str(bar.value),
            )
