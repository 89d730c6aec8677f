"""Tafel: the measures as cards in one column per status, moved by drag and drop or keys.

Each column is a QListView over its own small list model; a delegate paints the cards,
so only the visible cards cost anything, even with 700 measures in a column. Moving a
card calls `MeasuresService.set_status` (history written, "done" means 100 %).

Keys on a card: ↑/↓ within the column, ←/→ (or Tab) to the neighbour column,
Strg+←/Strg+→ (or Alt+←/→) moves the card to the previous/next status, Eingabe opens it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QShowEvent,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import TrafficLight
from ...services.errors import ServiceError
from ...services.measure_overview import BoardCard, BoardColumn
from ...services.measures_service import MeasureFilter, MeasuresService
from .table import LIGHT_COLOURS, OVERDUE_COLOUR, german_date

MIME_TYPE = "application/x-multilok-measures"
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMN_WIDTH = 270
CARD_MARGIN = 4  # around each card inside the list
CARD_PADDING = 8

AnyIndex = QModelIndex | QPersistentModelIndex


class BoardColumnModel(QAbstractListModel):
    """The cards of one status column; a drop hands the measure ids to `on_drop`."""

    def __init__(
        self,
        column: BoardColumn,
        on_drop: Callable[[list[int], int], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._column = column
        self._cards = list(column.cards)
        self._on_drop = on_drop

    @property
    def column(self) -> BoardColumn:
        return self._column

    def set_column(self, column: BoardColumn) -> None:
        self.beginResetModel()
        self._column = column
        self._cards = list(column.cards)
        self.endResetModel()

    def card(self, row: int) -> BoardCard | None:
        return self._cards[row] if 0 <= row < len(self._cards) else None

    def row_of(self, measure_id: int) -> int | None:
        return next((i for i, c in enumerate(self._cards) if c.id == measure_id), None)

    @property
    def accepts_drops(self) -> bool:
        return self._column.status_id is not None and not self._column.retired

    # --- QAbstractListModel ------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._cards)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        card = self.card(index.row()) if index.isValid() else None
        if card is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return card_description(card)
        if role == CARD_ROLE:
            return card
        if role == ID_ROLE:
            return card.id
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():  # the empty space of the column takes drops
            return Qt.ItemFlag.ItemIsDropEnabled if self.accepts_drops else Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        ids = sorted({c.id for i in indexes if (c := self.card(i.row())) is not None})
        data = QMimeData()
        payload = {"ids": ids, "status_id": self._column.status_id}
        data.setData(MIME_TYPE, QByteArray(json.dumps(payload).encode()))
        return data

    def canDropMimeData(  # noqa: N802
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        payload = _payload(data)
        return (
            payload is not None
            and self.accepts_drops
            and payload["status_id"] != self._column.status_id
        )

    def dropMimeData(  # noqa: N802
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        payload = _payload(data)
        assert payload is not None and self._column.status_id is not None
        return self._on_drop(payload["ids"], self._column.status_id)


def _payload(data: QMimeData) -> dict[str, Any] | None:
    if not data.hasFormat(MIME_TYPE):
        return None
    try:
        payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
        ids = [int(i) for i in payload["ids"]]
    except (ValueError, KeyError, TypeError):
        return None
    return {"ids": ids, "status_id": payload.get("status_id")} if ids else None


def card_description(card: BoardCard) -> str:
    """The card as text: tooltip and screen reader."""
    translate = QCoreApplication.translate
    lines = [card.title]
    details = [card.code] if card.code else []
    if card.lead:
        details.append(translate("MeasureBoard", "Projektträger: %1").replace("%1", card.lead))
    if details:
        lines.append(" · ".join(details))
    lines.append(
        translate("MeasureBoard", "Fortschritt %1 % · Ampel: %2")
        .replace("%1", str(card.progress))
        .replace("%2", str(card.traffic_light))
    )
    if card.target_date:
        late = " " + translate("MeasureBoard", "(überfällig)") if card.overdue else ""
        target = translate("MeasureBoard", "Zieltermin: %1")
        lines.append(target.replace("%1", german_date(card.target_date)) + late)
    return "\n".join(lines)


class CardDelegate(QStyledItemDelegate):
    """Paints a card: Ampel stripe, title (two lines), card code and lead, progress, date."""

    def _lines(self, option: QStyleOptionViewItem) -> tuple[int, int]:
        metrics = option.fontMetrics
        return metrics.height(), metrics.lineSpacing()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        height, spacing = self._lines(option)
        inner = 2 * spacing + 4 + spacing + 6 + height  # title ×2, meta, progress row
        return QSize(COLUMN_WIDTH - 30, inner + 2 * CARD_PADDING + 2 * CARD_MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, BoardCard):
            return
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        rect = option.rect.adjusted(CARD_MARGIN, CARD_MARGIN, -CARD_MARGIN, -CARD_MARGIN)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(rect.adjusted(0, 0, -1, -1), 4, 4)
        background = QColor(palette.base().color())
        if selected:
            background = QColor(palette.highlight().color()).lighter(185)
        painter.fillPath(path, background)
        painter.setClipPath(path)
        light = QColor(LIGHT_COLOURS.get(card.traffic_light, "#888888"))
        painter.fillRect(QRect(rect.left(), rect.top(), 5, rect.height()), light)
        painter.setClipping(False)
        border = palette.highlight().color() if selected or focused else palette.mid().color()
        painter.setPen(border)
        painter.drawPath(path)

        height, spacing = self._lines(option)
        left = rect.left() + 5 + CARD_PADDING
        width = rect.right() - CARD_PADDING - left
        y = rect.top() + CARD_PADDING
        text_colour = palette.text().color()
        muted = palette.placeholderText().color()

        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        for line in _two_lines(card.title, bold, width, painter):
            painter.drawText(QRect(left, y, width, height), Qt.AlignmentFlag.AlignLeft, line)
            y += spacing
        y += 4 if card.title else 0
        painter.setFont(option.font)
        metrics = painter.fontMetrics()
        meta = " · ".join(p for p in (card.code, card.lead) if p) or "—"
        painter.setPen(muted)
        painter.drawText(
            QRect(left, y, width, height),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(meta, Qt.TextElideMode.ElideRight, width),
        )
        y += spacing + 6

        # progress bar, percent, Ampel word unless on track, target date on the right
        bar = QRect(left, y + height // 2 - 3, 48, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.mid().color().lighter(130))
        painter.drawRoundedRect(bar, 3, 3)
        if card.progress:
            painter.setBrush(QColor("#3b7dd8"))
            painter.drawRoundedRect(
                QRect(bar.left(), bar.top(), max(3, bar.width() * card.progress // 100), 6), 3, 3
            )
        x = bar.right() + 6
        painter.setPen(text_colour)
        percent = f"{card.progress} %"
        painter.drawText(QRect(x, y, width, height), Qt.AlignmentFlag.AlignLeft, percent)
        x += metrics.horizontalAdvance(percent) + 8
        if card.traffic_light is not TrafficLight.ON_TRACK:
            painter.setPen(light.darker(130))
            word = str(card.traffic_light)
            painter.drawText(QRect(x, y, width, height), Qt.AlignmentFlag.AlignLeft, word)
            x += metrics.horizontalAdvance(word) + 8
        if card.target_date:
            painter.setPen(QColor(OVERDUE_COLOUR) if card.overdue else muted)
            painter.drawText(
                QRect(x, y, rect.right() - CARD_PADDING - x, height),
                Qt.AlignmentFlag.AlignRight,
                ("⚠ " if card.overdue else "") + german_date(card.target_date),
            )
        painter.restore()


def _two_lines(text: str, font: QFont, width: int, painter: QPainter) -> list[str]:
    """Word-wrap into at most two lines; the second is elided when the title is longer."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    starts = []
    while len(starts) < 2:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append((line.textStart(), line.textLength()))
    layout.endLayout()
    if not starts:
        return [""]
    first = text[starts[0][0] : starts[0][0] + starts[0][1]].rstrip()
    if len(starts) == 1:
        return [first]
    rest = text[starts[1][0] :].strip()
    metrics = painter.fontMetrics()
    return [first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]


class BoardList(QListView):
    """One column's list: drag and drop of cards, and the board's keys.

    Signals: move_requested(int step), neighbour_requested(int step), card_activated(int).
    """

    move_requested = Signal(int)
    neighbour_requested = Signal(int)
    card_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setItemDelegate(CardDelegate(self))
        self.doubleClicked.connect(self._on_double_clicked)

    def current_id(self) -> int | None:
        index = self.currentIndex()
        value = index.data(ID_ROLE) if index.isValid() else None
        return value if isinstance(value, int) else None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        modifiers = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            if modifiers:
                self.move_requested.emit(step)
            else:
                self.neighbour_requested.emit(step)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_id() is not None:
            self.card_activated.emit(self.current_id())
            event.accept()
            return
        super().keyPressEvent(event)

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        value = index.data(ID_ROLE)
        if isinstance(value, int):
            self.card_activated.emit(value)


class BoardColumnWidget(QFrame):
    """Header (status and count) over the column's list."""

    def __init__(self, model: BoardColumnModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("board_column")
        self.setFixedWidth(COLUMN_WIDTH)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.model = model
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.list = BoardList()
        self.list.setModel(model)
        self.header.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.list, 1)
        self.update_header()

    def update_header(self) -> None:
        column = self.model.column
        retired = self.tr(" (ausgelaufen)") if column.retired else ""
        self.header.setText(f"{column.name}{retired}  ·  {column.total}")
        self.list.setAccessibleName(
            self.tr("Spalte %1, %n Maßnahmen", "", column.total).replace("%1", column.name)
        )


class MeasureBoard(QWidget):
    """The board over a `MeasuresService`; `reload(query)` shows the measures of a filter.

    Signals: status_message(str), measure_changed(int) after a move,
    measure_activated(int) on Enter or double-click, current_changed(int) when another
    card becomes the current one.
    """

    status_message = Signal(str)
    measure_changed = Signal(int)
    measure_activated = Signal(int)
    current_changed = Signal(int)

    def __init__(self, service: MeasuresService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("measure_board")
        self._service = service
        self._query = MeasureFilter()
        self._stale = True  # load when first shown
        self.columns: list[BoardColumnWidget] = []

        self.hint = QLabel(
            self.tr(
                "Karte verschieben: ziehen oder Strg+← / Strg+→ · Spalte wechseln: ← / → · "
                "Öffnen: Eingabetaste oder Doppelklick"
            )
        )
        self.hint.setWordWrap(True)
        muted = self.hint.palette()
        muted.setColor(muted.ColorRole.WindowText, muted.color(muted.ColorRole.PlaceholderText))
        self.hint.setPalette(muted)
        self._strip = QWidget()
        self._strip_layout = QHBoxLayout(self._strip)
        self._strip_layout.setContentsMargins(0, 0, 0, 0)
        self._strip_layout.setSpacing(8)
        self._strip_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self._strip)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.scroll, 1)

    # --- loading -----------------------------------------------------------------------

    @property
    def query(self) -> MeasureFilter:
        return self._query

    def reload(self, query: MeasureFilter | None = None) -> None:
        """Show the measures of this filter (now if visible, else when next shown)."""
        if query is not None:
            self._query = query
        self._stale = True
        if self.isVisible():
            self._load()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._load()

    def _load(self, select_id: int | None = None) -> None:
        self._stale = False
        if select_id is None:
            select_id = self.current_id()
        columns = self._service.board_columns(self._query)
        if [c.status_id for c in columns] == [w.model.column.status_id for w in self.columns]:
            for widget, column in zip(self.columns, columns, strict=True):
                widget.model.set_column(column)
                widget.update_header()
        else:
            self._rebuild(columns)
        if select_id is not None:
            self.select_measure(select_id)

    def _rebuild(self, columns: list[BoardColumn]) -> None:
        for widget in self.columns:
            self._strip_layout.removeWidget(widget)
            widget.deleteLater()
        self.columns = []
        for i, column in enumerate(columns):
            widget = BoardColumnWidget(BoardColumnModel(column, self._on_drop))
            widget.list.move_requested.connect(lambda step, w=widget: self._move_current(w, step))
            widget.list.neighbour_requested.connect(
                lambda step, w=widget: self._focus_neighbour(w, step)
            )
            widget.list.card_activated.connect(self.measure_activated)
            widget.list.selectionModel().currentChanged.connect(self._on_current_changed)
            self._strip_layout.insertWidget(i, widget)
            self.columns.append(widget)
        for before, after in zip(self.columns, self.columns[1:], strict=False):
            QWidget.setTabOrder(before.list, after.list)

    # --- selection -------------------------------------------------------------------------

    def current_id(self) -> int | None:
        """The measure of the focused column's current card (or of any column)."""
        focused = next((w for w in self.columns if w.list.hasFocus()), None)
        for widget in [focused, *self.columns] if focused else self.columns:
            if widget.list.selectionModel() and widget.list.selectionModel().hasSelection():
                return widget.list.current_id()
        return None

    def column_of(self, measure_id: int) -> BoardColumnWidget | None:
        return next((w for w in self.columns if w.model.row_of(measure_id) is not None), None)

    def select_measure(self, measure_id: int, *, focus: bool = False) -> bool:
        """Make a measure's card current (scrolled into view); False if it is not shown."""
        widget = self.column_of(measure_id)
        if widget is None:
            return False
        for other in self.columns:
            if other is not widget:
                other.list.clearSelection()
        row = widget.model.row_of(measure_id)
        assert row is not None
        index = widget.model.index(row)
        widget.list.setCurrentIndex(index)
        widget.list.scrollTo(index)
        self.scroll.ensureWidgetVisible(widget, 0, 0)
        if focus:
            widget.list.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _focus_neighbour(self, widget: BoardColumnWidget, step: int) -> None:
        i = self.columns.index(widget) + step
        if not 0 <= i < len(self.columns):
            return
        target = self.columns[i]
        row = min(max(widget.list.currentIndex().row(), 0), target.model.rowCount() - 1)
        target.list.setFocus(Qt.FocusReason.OtherFocusReason)
        if row >= 0:
            target.list.setCurrentIndex(target.model.index(row))
        self.scroll.ensureWidgetVisible(target, 0, 0)

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        value = current.data(ID_ROLE) if current.isValid() else None
        if isinstance(value, int):
            self.current_changed.emit(value)

    # --- moving ------------------------------------------------------------------------

    def _move_current(self, widget: BoardColumnWidget, step: int) -> None:
        measure_id = widget.list.current_id()
        if measure_id is None:
            return
        i = self.columns.index(widget) + step
        while 0 <= i < len(self.columns) and not self.columns[i].model.accepts_drops:
            i += step  # no status, or a retired one: not offered for moves
        if not 0 <= i < len(self.columns):
            self.status_message.emit(
                self.tr("Die Karte steht schon in der ersten Spalte.")
                if step < 0
                else self.tr("Die Karte steht schon in der letzten Spalte.")
            )
            return
        target = self.columns[i].model.column
        assert target.status_id is not None
        title = self._title(measure_id)
        if self.move_cards([measure_id], target.status_id):
            self._load(select_id=measure_id)
            self.select_measure(measure_id, focus=True)
            self._report(measure_id, title, target)

    def _on_drop(self, ids: list[int], status_id: int) -> bool:
        """A drop on a column: save now, rebuild the columns once the drag has ended."""
        if not self.move_cards(ids, status_id):
            return False
        target = next(w.model.column for w in self.columns if w.model.column.status_id == status_id)
        title = self._title(ids[0])

        def after_drop() -> None:
            self._load(select_id=ids[0])
            self.select_measure(ids[0], focus=True)
            self._report(ids[0], title, target)

        QTimer.singleShot(0, after_drop)
        return True

    def move_cards(self, ids: list[int], status_id: int) -> bool:
        """Set the status of these measures (history written); False after an error."""
        for measure_id in ids:
            try:
                self._service.set_status(measure_id, status_id)
            except ServiceError as error:
                QMessageBox.warning(self, self.tr("Status nicht geändert"), str(error))
                self.reload()
                return False
            self.measure_changed.emit(measure_id)
        return True

    def _title(self, measure_id: int) -> str:
        widget = self.column_of(measure_id)
        row = widget.model.row_of(measure_id) if widget else None
        card = widget.model.card(row) if widget and row is not None else None
        return card.title if card else ""

    def _report(self, measure_id: int, title: str, target: BoardColumn) -> None:
        """Say where the card went: the status bar of the main window shows it."""
        widget = self.column_of(measure_id)
        if widget is None:
            message = self.tr("„%1“ → %2 (vom Filter jetzt ausgeblendet)")
        elif widget.model.column.status_id != target.status_id:
            message = self.tr("„%1“ bleibt bei „%3“: der Status folgt den Teilmaßnahmen.")
        else:
            message = self.tr("„%1“ → %2")
        current = widget.model.column.name if widget else ""
        self.status_message.emit(
            message.replace("%1", title).replace("%2", target.name).replace("%3", current)
        )
