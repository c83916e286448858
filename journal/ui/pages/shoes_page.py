"""Shoes: each pair with its distance so far (prior + logged runs) and a warning near retire-at.

With no shoes yet the page says what it will show and how to add a pair (``EMPTY``), with
a button for it, instead of an empty table.
"""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.domain.entries import Shoe
from journal.domain.units import DistanceUnit, format_distance, from_metres, to_metres
from journal.ui.accessible import name_controls
from journal.ui.colours import Tone, current
from journal.ui.empty_state import empty_state_html, empty_state_label, empty_state_page
from journal.ui.forms.dates import open_date_range
from journal.ui.forms.form_dialog import FormDialog
from journal.ui.forms.tab_order import follow_layout
from journal.ui.operations import Change, JournalOperations
from journal.ui.qt_dates import from_qdate, to_qdate
from journal.ui.scheme import set_tone
from journal.ui.table_model import Column, RowsTableModel

EMPTY = empty_state_html(
    "Your shoes will appear here",
    "Each pair with how far it has run (the distance before you started logging it, plus the runs you log in "
    "it), how much of its retire-at distance that is, and a warning from 90 % of it. Shoes are commonly replaced "
    "after 500-800 km; the default retire-at distance is 700 km, and you can set your own for each pair.",
    to_start="add a pair with <b>Add shoes…</b>, or name it when you <b>Log run</b> (Ctrl+N): a pair named there "
    "is added here, and every run logged in it counts towards its distance.",
)


def shoe_status(shoe: Shoe) -> str:
    if shoe.retired:
        return "Retired"
    if shoe.distance_m >= shoe.retire_at_m:
        return "Past retire-at: time for new shoes"
    if shoe.near_retirement:
        return "Near retire-at"
    return "In use"


def used_text(shoe: Shoe) -> str:
    """The share of the retire-at distance run, in whole per cent rounded down: the warning starts at 90 %
    (``Shoe.near_retirement``), so a pair at 89.6 % reads "89 %", never "90 %" without it."""
    return f"{math.floor(100 * shoe.distance_m / shoe.retire_at_m)} %"


def shoe_columns(unit_getter) -> list[Column[Shoe]]:
    def colour(shoe: Shoe) -> str | None:
        colours = current()
        if shoe.retired:
            return colours.muted
        if shoe.distance_m >= shoe.retire_at_m:
            return colours.error
        return colours.caution if shoe.near_retirement else None

    return [
        Column("Shoes", lambda s: s.name, lambda s: s.name.lower()),
        Column("First used", lambda s: s.first_used.isoformat() if s.first_used else "", lambda s: s.first_used or ""),
        Column("Runs", lambda s: str(s.run_count), lambda s: s.run_count, align_right=True),
        Column(
            "Distance so far",
            lambda s: format_distance(s.distance_m, unit_getter(), 0),
            lambda s: s.distance_m,
            align_right=True,
        ),
        Column(
            "Retire at",
            lambda s: format_distance(s.retire_at_m, unit_getter(), 0),
            lambda s: s.retire_at_m,
            align_right=True,
        ),
        Column(
            "Used",
            used_text,
            lambda s: s.distance_m / s.retire_at_m,
            align_right=True,
            colour=colour,
        ),
        Column("Status", shoe_status, colour=colour),
    ]


class ShoeDialog(FormDialog):
    """Add or edit a pair of shoes (Ctrl+Enter saves; Esc asks before discarding changes)."""

    def __init__(
        self, ops: JournalOperations, shoe: Shoe | None, unit: DistanceUnit, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            parent, "Discard the changes to these shoes?" if shoe else "Discard these shoes?", "form-shoes"
        )
        self.setWindowTitle("Edit shoes" if shoe else "Add shoes")
        self._ops, self._shoe, self._unit = ops, shoe or Shoe(name=""), unit
        self.name = QLineEdit(self._shoe.name)
        self.first_used = QDateEdit()
        self.first_used.setCalendarPopup(True)
        self.first_used.setDisplayFormat("yyyy-MM-dd")
        open_date_range(self.first_used)
        self.has_first_used = QCheckBox("known")
        self.has_first_used.setAccessibleName("First used date known")
        if self._shoe.first_used:
            self.first_used.setDate(to_qdate(self._shoe.first_used))
            self.has_first_used.setChecked(True)
        else:
            from datetime import date

            self.first_used.setDate(to_qdate(date.today()))
        self.prior = QDoubleSpinBox()
        self.retire_at = QDoubleSpinBox()
        for box, metres in ((self.prior, self._shoe.prior_m), (self.retire_at, self._shoe.retire_at_m)):
            box.setRange(0, 10_000 if unit is DistanceUnit.KM else 6_214)
            box.setDecimals(0)
            box.setSuffix(f" {unit.value}")
            box.setValue(from_metres(metres, unit))
        self.retired = QCheckBox("Retired")
        self.retired.setChecked(self._shoe.retired)
        form = QFormLayout(self)
        form.addRow("&Name", self.name)
        row = QHBoxLayout()
        row.addWidget(self.first_used)
        row.addWidget(self.has_first_used)
        first_label = QLabel("&First used")
        first_label.setBuddy(self.first_used)  # a row of two widgets gets no buddy by itself (it showed the "&")
        form.addRow(first_label, row)
        form.addRow("Distance &before logging", self.prior)
        form.addRow("&Retire at", self.retire_at)
        form.addRow("", self.retired)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.mark_unchanged()
        follow_layout(self)
        name_controls(self)

    def submit(self) -> None:
        shoe = replace(
            self._shoe,
            name=self.name.text().strip(),
            first_used=from_qdate(self.first_used.date()) if self.has_first_used.isChecked() else None,
            prior_m=to_metres(self.prior.value(), self._unit),
            retire_at_m=to_metres(self.retire_at.value(), self._unit),
            retired=self.retired.isChecked(),
        )
        if self.save_or_say("Shoes", lambda: self._ops.save_shoe(shoe)) is not None:
            self.accept()


class ShoesPage(QWidget):
    def __init__(self, ops: JournalOperations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._unit = ops.read.settings().units
        self.model: RowsTableModel[Shoe] = RowsTableModel(shoe_columns(lambda: self._unit), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Shoes")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        set_tone(self.warning, Tone.CAUTION)
        self.add_button = QPushButton("&Add shoes…")
        self.edit_button = QPushButton("Ed&it…")
        self.add_button.clicked.connect(lambda: self._open(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.table.doubleClicked.connect(lambda _i: self._edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.caption = QLabel("Shoes are commonly replaced after 500-800 km; set your own retire-at distance.")
        bar = QHBoxLayout()
        bar.addWidget(self.caption)
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)

        self.empty = empty_state_label(EMPTY)
        self.empty_add = QPushButton("Add your shoes…")
        self.empty_add.clicked.connect(lambda: self._open(None))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(empty_state_page(self.empty, self.empty_add))

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.warning)
        layout.addWidget(self.stack, 1)
        ops.changed.connect(
            lambda change: self.refresh() if change & (Change.SHOES | Change.RUNS | Change.SETTINGS) else None
        )
        self.refresh()

    def refresh(self) -> None:
        self._unit = self._ops.read.settings().units
        shoes = self._ops.read.shoes()
        self.model.set_rows(shoes)
        worn = [s.name for s in shoes if not s.retired and s.near_retirement]
        self.warning.setText(("Near or past their retire-at distance: " + ", ".join(worn)) if worn else "")
        self.warning.setVisible(bool(worn))
        self.stack.setCurrentIndex(0 if shoes else 1)
        self.caption.setVisible(bool(shoes))  # the empty page says it in full
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _edit_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._open(self.model.row_at(rows[0].row()))

    def _open(self, shoe: Shoe | None) -> None:
        ShoeDialog(self._ops, shoe, self._unit, self).exec()
