"""A table model that asks a service for one page of rows at a time.

The big lists (20,000 people) filter, sort and count in SQL; this model only knows the
total and keeps the pages the view has asked for. A new search or sort resets the model
(STYLE.md §9) — never a QSortFilterProxyModel over all rows (DESIGN.md §6).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Row = TypeVar("Row")
Query = TypeVar("Query")

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 200

AnyIndex = QModelIndex | QPersistentModelIndex

COLUMN_CONTEXT = "ColumnSpec"  # translation context of the column titles


@dataclass(frozen=True)
class ColumnSpec(Generic[Row]):
    title: str  # German, marked QT_TRANSLATE_NOOP(COLUMN_CONTEXT, …); translated when shown
    value: Callable[[Row], Any]
    sort: Any = None  # the service's sort key for this column, None = not sortable


class PagedTableModel(QAbstractTableModel, Generic[Query, Row]):
    def __init__(
        self,
        columns: Sequence[ColumnSpec[Row]],
        count: Callable[[Query], int],
        page: Callable[[Query, int, int], list[Row]],
        row_id: Callable[[Row], int],
        query: Query,
    ) -> None:
        super().__init__()
        self._columns = list(columns)
        self._count = count
        self._page = page
        self._row_id = row_id
        self._query = query
        self._total = 0
        self._pages: dict[int, list[Row]] = {}
        self._loaded = False  # nothing asked of the service until the list is first shown

    # --- what the view changes ---------------------------------------------------------

    @property
    def query(self) -> Query:
        return self._query

    @property
    def loaded(self) -> bool:
        return self._loaded

    def set_query(self, query: Query) -> None:
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._total = self._count(query)
        self._loaded = True
        self.endResetModel()

    def reload(self) -> None:
        self.set_query(self._query)

    def row_at(self, row: int) -> Row | None:
        if not 0 <= row < self._total:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._page(self._query, number * PAGE_SIZE, PAGE_SIZE)
            self._pages[number] = page
        return page[offset] if offset < len(page) else None

    def id_at(self, row: int) -> int | None:
        item = self.row_at(row)
        return self._row_id(item) if item is not None else None

    def sort_key(self, column: int) -> Any:
        return self._columns[column].sort

    # --- QAbstractTableModel -----------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.ToolTipRole:
            item = self.row_at(index.row())
            if item is None:
                return None
            return self._columns[index.column()].value(item)
        if role == ROW_ID_ROLE:
            return self.id_at(index.row())
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Header click: the query sorts in SQL; unsortable columns are ignored."""
        key = self.sort_key(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        query = replace(self._query, sort=key, descending=descending)  # type: ignore[type-var]
        if self._loaded:
            self.set_query(query)
        else:
            self._query = query  # restored header state: remember, load when first shown

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return QCoreApplication.translate(COLUMN_CONTEXT, self._columns[section].title)
        return None
