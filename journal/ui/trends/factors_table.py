"""The factors table: mean next-day pain after runs with and without a trait, with counts.

Built on ``journal.ui.table_model.RowsTableModel`` (a QAbstractTableModel over plain
rows); the rows are ``journal.analysis.factors.FactorRow``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from journal.analysis.factors import FactorRow
from journal.domain.numbers import signed
from journal.ui.colours import current
from journal.ui.table_model import Column, RowsTableModel


def _explain(row: FactorRow, region: str) -> str:
    return (
        f"{row.factor}. After {row.n_with} runs ({row.group.lower()}), mean {region} pain the next day "
        f"was {row.mean_with:.1f}; after {row.n_without} runs ({row.others.lower()}), {row.mean_without:.1f}."
    )


def _diff_colour(row: FactorRow) -> str | None:
    """Amber for a point or more of pain, green for a point or more less (in the scheme shown)."""
    colours = current()
    return colours.caution if row.difference >= 1.0 else colours.ok if row.difference <= -1.0 else None


class FactorsModel(RowsTableModel[FactorRow]):
    """Columns: the group, its mean next-day pain and runs, the others', and the difference."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.region_words = "pain"
        self._original: list[FactorRow] = []  # the analysis' own order, for "unsorted"
        super().__init__(
            [
                Column(
                    "Runs with",
                    lambda r: r.label,
                    tooltip=lambda r: _explain(r, self.region_words),
                ),
                Column(
                    "Next day",
                    lambda r: f"{r.mean_with:.1f} ({r.n_with})",
                    lambda r: r.mean_with,
                    align_right=True,
                    tooltip=lambda r: _explain(r, self.region_words),
                ),
                Column(
                    "Others",
                    lambda r: f"{r.mean_without:.1f} ({r.n_without})",
                    lambda r: r.mean_without,
                    align_right=True,
                    tooltip=lambda r: f"{r.others}: mean {r.mean_without:.1f} over {r.n_without} runs",
                ),
                Column(
                    "Diff.",
                    lambda r: signed(r.difference),
                    lambda r: r.difference,
                    align_right=True,
                    colour=_diff_colour,
                ),
            ],
            parent,
        )

    def set_rows(self, rows: Sequence[FactorRow]) -> None:
        self._original = list(rows)
        super().set_rows(rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Column -1 (no sort indicator) means the analysis' own order, not the last column."""
        if column < 0:
            self.layoutAboutToBeChanged.emit()
            self._sorted = None
            self._rows = list(self._original)
            self.layoutChanged.emit()
            return
        super().sort(column, order)


def factors_view(model: FactorsModel, parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    # no sort at first: the rows come in factor order, largest difference first within each factor
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(22)
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for col in range(1, 4):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    view.setAccessibleName("Factors: mean pain the day after runs")
    return view
