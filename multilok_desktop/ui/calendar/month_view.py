"""Month grid with the meetings written into their days (a QCalendarWidget that paints more)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QCalendarWidget, QWidget

from ...services.clock import local

CANCELLED = "abgesagt"


class MeetingCalendar(QCalendarWidget):
    """Call `set_entries()` with the month's meetings; keyboard and paging as Qt provides."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setGridVisible(True)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.ShortDayNames)
        self._by_day: dict[date, list[tuple[str, str, str]]] = defaultdict(list)
        self._holidays: dict[date, str] = {}

    def set_entries(self, entries: list, holidays: dict[date, str] | None = None) -> None:  # noqa: ANN001
        """entries: objects with start (aware), title, status."""
        self._by_day.clear()
        for entry in entries:
            start = local(entry.start)
            self._by_day[start.date()].append((f"{start:%H:%M}", entry.title, entry.status))
        self._holidays = holidays or {}
        self.updateCells()

    def meetings_on(self, day: date) -> int:
        return len(self._by_day.get(day, []))

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:  # noqa: N802
        """Day number top right, holiday and meetings below it, like a wall calendar."""
        day = date(qdate.year(), qdate.month(), qdate.day())
        palette = self.palette()
        selected = qdate == self.selectedDate()
        other_month = qdate.month() != self.monthShown()
        holiday = self._holidays.get(day)
        painter.save()
        if selected:
            painter.fillRect(rect.adjusted(1, 1, -1, -1), palette.highlight())
        elif qdate == QDate.currentDate():
            painter.fillRect(rect.adjusted(1, 1, -1, -1), QColor("#fff4ce"))
        if selected:
            number_colour = palette.highlightedText().color()
        elif other_month:
            number_colour = QColor("#aaa")
        elif holiday or day.weekday() >= 5:
            number_colour = QColor("#b22")
        else:
            number_colour = palette.text().color()
        painter.setPen(number_colour)
        painter.drawText(rect.adjusted(3, 2, -5, 0), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                         str(qdate.day()))  # fmt: skip
        small = QFont(painter.font())
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.78))
        painter.setFont(small)
        line = painter.fontMetrics().height()
        y = rect.top() + line + 6
        width = rect.width() - 6
        if holiday:
            painter.setPen(number_colour if selected else QColor("#b22"))
            painter.drawText(QRect(rect.left() + 3, y, width, line), Qt.AlignmentFlag.AlignLeft,
                             painter.fontMetrics().elidedText(holiday, Qt.TextElideMode.ElideRight, width))  # fmt: skip
            y += line
        for time, title, status in self._by_day.get(day, []):
            if y + line > rect.bottom():
                break
            box = QRect(rect.left() + 2, y, rect.width() - 4, line)
            painter.fillRect(box, QColor("#e3e3e3") if status == CANCELLED else QColor("#d6e6f5"))
            painter.setPen(QColor("#777") if status == CANCELLED else QColor("#1f4f7a"))
            text = painter.fontMetrics().elidedText(
                f"{time} {title}", Qt.TextElideMode.ElideRight, box.width() - 4
            )
            painter.drawText(box.adjusted(2, 0, -2, 0), Qt.AlignmentFlag.AlignLeft, text)
            y += line + 1
        painter.restore()
