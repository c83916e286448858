"""A thin read-only QAbstractTableModel over a list of plain rows (after the Qt for Python examples).

Each ``Column`` says how to show a row (``text``) and how to sort it (``sort_key``);
the rows themselves are plain records from the core. ``set_rows`` replaces them
with a model reset, which keeps views and proxies consistent. ``PagedRowsModel``
holds the first page of a long list and asks a ``Pager`` for more as the view
scrolls to the end (Qt's ``canFetchMore``/``fetchMore``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

R = TypeVar("R")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    text: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    align_right: bool = False
    tooltip: Callable[[R], str] | None = None
    colour: Callable[[R], str | None] | None = None
    """A colour name for the text, or None for the default."""


class RowsTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []
        self._sorted: tuple[int, Qt.SortOrder] | None = None

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace the rows (a model reset), keeping the current sort order."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sorted is not None:
            self._sort_rows(*self._sorted)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python by the column's sort key: far faster than a proxy calling data() per comparison.

        Qt calls ``sort(-1)`` to mean "not sorted": the rows keep the order they were given.
        """
        if not 0 <= column < len(self._columns):
            self._sorted = None
            return
        self.layoutAboutToBeChanged.emit()
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self._rows = self._in_order(self._rows, column, order)
        self._sorted = (column, order)

    def _in_order(self, rows: list[R], column: int, order: Qt.SortOrder) -> list[R]:
        col = self._columns[column]
        key = col.sort_key or col.text

        def safe_key(row: R) -> tuple[int, Any]:
            value = key(row)
            return (0, "") if value is None else (1, value)

        return sorted(rows, key=safe_key, reverse=order == Qt.SortOrder.DescendingOrder)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for a dozen roles per cell; answer the ones nobody set without touching the row.
        if role not in _ANSWERED or not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == _DISPLAY:
            return column.text(row)
        if role == SORT_ROLE:
            key = column.sort_key(row) if column.sort_key else column.text(row)
            return key if key is not None else ""
        if role == ROW_ROLE:
            return row
        if role == _ALIGN:
            return _RIGHT if column.align_right else None
        if role == _TOOLTIP:
            return (column.tooltip(row) or None) if column.tooltip else None
        if column.colour:  # ForegroundRole
            name = column.colour(row)
            return QBrush(QColor(name)) if name else None
        return None


class Pager(Protocol[R]):
    """Rows of a long list a page at a time, in the list's first order (e.g. newest first)."""

    def has_more(self) -> bool: ...

    def next_page(self) -> list[R]:
        """The next page ([] at the end)."""
        ...

    def rest(self) -> list[R]:
        """Every row not given yet."""
        ...


class PagedRowsModel(RowsTableModel[R]):
    """Rows read a page at a time: the first page up front, the next ones as the view scrolls to the end.

    Pages come in the pager's order, which must be one of ``paged_orders`` (column, order):
    sorted that way, each page goes after the rows already there. Sorting in any other
    way first reads the rest, so a sort is always over every row.
    """

    def __init__(
        self, columns: Sequence[Column[R]], paged_orders: Collection[tuple[int, Qt.SortOrder]], parent: Any = None
    ) -> None:
        super().__init__(columns, parent)
        self._paged_orders = set(paged_orders)
        self._pager: Pager[R] | None = None

    def set_pager(self, rows: Sequence[R], pager: Pager[R] | None) -> None:
        """Replace the rows with the first ones of ``pager`` (a model reset); it gives the rest when asked."""
        self._pager = pager
        if pager is not None and pager.has_more() and self._sorted not in (None, *self._paged_orders):
            rows = [*rows, *pager.rest()]
        self.set_rows(rows)

    def has_more(self) -> bool:
        return self._pager is not None and self._pager.has_more()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt API
        return not parent.isValid() and self.has_more()

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt API
        if parent.isValid() or self._pager is None or not self._pager.has_more():
            return
        self._append(self._pager.next_page())

    def fetch_all(self) -> None:
        """Read every row still to come."""
        if self._pager is not None and self._pager.has_more():
            self._append(self._pager.rest())

    def _append(self, rows: list[R]) -> None:
        if not rows:
            return
        if self._sorted is not None:
            rows = self._in_order(rows, *self._sorted)
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows += rows
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self._columns) and (column, order) not in self._paged_orders:
            self.fetch_all()
        super().sort(column, order)


_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ANSWERED = frozenset({_DISPLAY, SORT_ROLE, ROW_ROLE, _ALIGN, _TOOLTIP, Qt.ItemDataRole.ForegroundRole})
