"""The one search box (Strg+K): people, organisations, meetings, protocol text, measures.

Typing searches after a short pause; the results are grouped by kind. ↑/↓ move through
the results while the cursor stays in the field, Enter opens the chosen one in its view,
Esc closes. Built on the first Strg+K, so nothing of it is loaded at start-up.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..services.global_search import KINDS, SearchResult

DEBOUNCE_MS = 150
RESULT_ROLE = Qt.ItemDataRole.UserRole + 1  # (kind, id) of a result row
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 2
HEADING_ROLE = Qt.ItemDataRole.UserRole + 3
HEADINGS = {  # the services' German group names (KINDS), for translation
    "person": QT_TRANSLATE_NOOP("SearchPopup", "Personen"),
    "organisation": QT_TRANSLATE_NOOP("SearchPopup", "Organisationen"),
    "meeting": QT_TRANSLATE_NOOP("SearchPopup", "Treffen"),
    "protocol": QT_TRANSLATE_NOOP("SearchPopup", "Protokolle"),
    "measure": QT_TRANSLATE_NOOP("SearchPopup", "Maßnahmen"),
}


class Searcher(Protocol):
    def search(self, text: str) -> list[SearchResult]: ...


class _ResultDelegate(QStyledItemDelegate):
    """Title above, the grey subtitle (place, role or the words found) below."""

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        line = option.fontMetrics.height()
        if index.data(HEADING_ROLE):
            return QSize(size.width(), line + 12)
        return QSize(size.width(), 2 * line + 10)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, subtitle = opt.text, index.data(SUBTITLE_ROLE) or ""
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect: QRect = opt.rect.adjusted(10, 4, -8, -4)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        painter.save()
        if index.data(HEADING_ROLE):
            font = QFont(opt.font)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(rect.adjusted(-6, 4, 0, 0), Qt.AlignmentFlag.AlignLeft, title)
        else:
            metrics = opt.fontMetrics
            text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            painter.setPen(palette.color(text_role))
            elided = metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, elided)
            painter.setPen(palette.color(text_role) if selected else QColor("#6b6b6b"))
            elided = metrics.elidedText(subtitle, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(
                rect.adjusted(0, metrics.height(), 0, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                elided,
            )
        painter.restore()


class SearchPopup(QDialog):
    """Signals: result_chosen(str, int) — (kind, id) for MainWindow.go_to.

    `results` holds the hits of the last search (plain SearchResult rows)."""

    result_chosen = Signal(str, int)

    def __init__(self, service: Searcher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_popup")
        self.setWindowTitle(self.tr("Suchen"))
        self._service = service
        self.results: list[SearchResult] = []

        self.field = QLineEdit()
        self.field.setObjectName("search_popup_field")
        self.field.setClearButtonEnabled(True)
        font = self.field.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.field.setFont(font)
        self.field.setPlaceholderText(
            self.tr("Personen, Organisationen, Treffen, Protokolle, Maßnahmen …")
        )
        self.field.textChanged.connect(self._on_text_changed)
        self.field.installEventFilter(self)
        self.field.returnPressed.connect(self._on_return)

        self.list = QListWidget()
        self.list.setObjectName("search_popup_results")
        self.list.setItemDelegate(_ResultDelegate(self.list))
        self.list.setUniformItemSizes(False)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the field
        self.list.itemActivated.connect(self._on_item_activated)
        self.list.itemClicked.connect(self._on_item_activated)

        self.hint = QLabel()
        self.hint.setObjectName("search_popup_hint")
        self.hint.setStyleSheet("color: #6b6b6b;")
        self._show_hint()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)

        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        self.resize(640, 520)

    def popup(self) -> None:
        """Show above the middle of the main window, the last text selected for retyping."""
        parent = self.parentWidget()
        if parent is not None:
            frame = parent.frameGeometry()
            self.move(frame.center().x() - self.width() // 2, frame.top() + 80)
        self.show()
        self.activateWindow()
        self.field.setFocus()
        self.field.selectAll()

    # --- searching ----------------------------------------------------------------------

    @Slot(str)
    def _on_text_changed(self, _text: str) -> None:
        self._timer.start()

    @Slot()
    def search_now(self) -> None:
        self._timer.stop()
        text = self.field.text()
        self.results = self._service.search(text) if text.strip() else []
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        groups: dict[str, list[SearchResult]] = {}
        for result in self.results:
            groups.setdefault(result.kind, []).append(result)
        for kind, heading in KINDS.items():
            found = groups.get(kind)
            if not found:
                continue
            header = QListWidgetItem(self.tr(HEADINGS.get(kind, heading)))
            header.setData(HEADING_ROLE, True)
            header.setFlags(Qt.ItemFlag.NoItemFlags)  # skipped by ↑/↓, cannot be chosen
            self.list.addItem(header)
            for result in found:
                item = QListWidgetItem(result.title)
                item.setData(RESULT_ROLE, (result.kind, result.id))
                item.setData(SUBTITLE_ROLE, result.subtitle)
                item.setToolTip(f"{result.title}\n{result.subtitle}".strip())
                self.list.addItem(item)
        first = self._result_rows()
        if first:
            self.list.setCurrentRow(first[0])
        self._show_hint()

    def _result_rows(self) -> list[int]:
        return [r for r in range(self.list.count()) if self.list.item(r).data(RESULT_ROLE)]

    def _show_hint(self) -> None:
        if not self.field.text().strip():
            text = self.tr("Tippen zum Suchen · ↑/↓ wählen · Enter öffnen · Esc schließen")
        elif not self.results:
            text = self.tr("Nichts gefunden.")
        else:
            text = self.tr("%1 Treffer · ↑/↓ wählen · Enter öffnen · Esc schließen").replace(
                "%1", str(len(self.results))
            )
        self.hint.setText(text)

    # --- choosing -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_PageDown: 5,
                Qt.Key.Key_PageUp: -5,
            }.get(Qt.Key(event.key()))
            if step is not None:
                self._move(step)
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        rows = self._result_rows()
        if not rows:
            return
        current = self.list.currentRow()
        at = rows.index(current) if current in rows else -1
        target = rows[max(0, min(len(rows) - 1, at + step))]
        self.list.setCurrentRow(target)
        self.list.scrollToItem(self.list.item(target))

    @Slot()
    def _on_return(self) -> None:
        if self._timer.isActive():  # typed and pressed Enter at once: search first
            self.search_now()
        item = self.list.currentItem()
        if item is not None:
            self._on_item_activated(item)

    @Slot(QListWidgetItem)
    def _on_item_activated(self, item: QListWidgetItem) -> None:
        target: Any = item.data(RESULT_ROLE)
        if not target:
            return
        kind, record_id = target
        self.accept()
        if self.parentWidget() is not None:  # the keyboard goes back to the main window
            self.parentWidget().activateWindow()
        self.result_chosen.emit(kind, int(record_id))
