"""History: every run, check-in and care entry, newest first; sort, filter, edit, delete with undo.

By default a day's care rides on that day's check-in, one row a day ("Group by day",
``history_rows.group_by_day``); unticking it shows every entry as its own row.
Deleting a grouped row deletes all its entries in one step, and Undo brings them back.

Rows are read a page of whole days at a time (``history_pager``): the newest page before
the first paint, older ones as the person scrolls, all of them when the table is sorted
on another column; the count comes from SQL. A change re-reads as far back as was read.

Edit (or a double-click) opens the entry in its form: a run, a check-in or a care entry.
A grouped row that holds several entries (a check-in with that day's care, or a day of
care alone) makes Edit a menu of them, so each can be opened; a double-click opens the
row's check-in, or, on a day of care alone, the same menu.

Signals:
    edit_requested(object): a run, check-in or care entry to open in its form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from html import escape

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.domain.entries import CareEntry, CheckIn, Run
from journal.domain.numbers import counted
from journal.domain.vocabulary import Region
from journal.storage.journal import Lists
from journal.ui.accessible import label_combo
from journal.ui.flow_layout import FlowLayout, flow_group
from journal.ui.forms.dates import open_date_range
from journal.ui.forms.messages import combo_value, message_label
from journal.ui.operations import Change, JournalOperations, WriteFailed
from journal.ui.pages.history_pager import HistoryFilter, HistoryPager
from journal.ui.pages.history_rows import (
    HistoryRow,
    describe,
    history_columns,
    pain_colour,
    source_text,
)
from journal.ui.qt_dates import from_qdate
from journal.ui.table_model import ROW_ROLE, PagedRowsModel

__all__ = ["HistoryPage", "HistoryRow", "describe", "history_columns", "pain_colour", "source_text"]
"""HistoryRow and the column helpers live in ``history_rows``; importing them from here still works."""


EMPTY_JOURNAL_TITLE = "Your entries will appear here"
EMPTY_JOURNAL_TEXT = (
    "Every run, check-in and care entry, newest first, with each check-in's worst pain: sort by any column, "
    "filter by dates, kind and region, double-click an entry to edit it, and delete with undo (Ctrl+Z)."
)
EMPTY_JOURNAL_START = (
    "right after a run, choose <b>Log run</b> (Ctrl+N), then say how your back and hamstrings feel. On "
    "mornings and rest days, choose <b>Check-in</b> (Ctrl+K): pain-free days count too. Have years of runs on a "
    "watch or in Strava? Use <b>File &gt; Import runs</b>."
)


@dataclass(frozen=True)
class EmptyStates:
    """What History shows instead of its table: an empty journal's welcome, or why the filters match nothing."""

    empty: QLabel
    empty_page: QWidget
    no_match: QLabel
    no_match_page: QWidget


KIND_WORDS = {"Runs": "runs", "Check-ins": "check-ins", "Care": "care entries"}


def nothing_matches(wanted: HistoryFilter, kind: str, entries: int) -> str:
    """The message for filters that match nothing: what was asked for, and how many entries the journal holds."""
    what = KIND_WORDS.get(kind, "entries")
    when = f" from {wanted.start} to {wanted.end}" if wanted.start is not None and wanted.end is not None else ""
    why = ""
    if wanted.hurting is not None and kind in KIND_WORDS and kind != "Check-ins":
        why = f"A region ({escape(wanted.hurting.label)} hurting) lists check-ins only. "
    elif wanted.hurting is not None:
        what = f"check-ins with the {wanted.hurting.label.lower()} hurting"
    from journal.ui.empty_state import empty_state_html

    return empty_state_html(
        f"No {what}{when}",
        f"{why}The journal holds {counted(entries, 'entry', 'entries')}; change the filters above to see them "
        "(tick <b>All dates</b>, choose <b>All entries</b> and <b>Any region</b>).",
        to_start="",
    )


NOTES_WIDTH = 220
"""The Notes column's width on a window of 1,320 px or more; a sixth of the page on a narrower one."""


class HistoryPage(QWidget):
    """The journal's entries in a sortable, filterable table."""

    edit_requested = Signal(object)

    def __init__(self, ops: JournalOperations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._unit = ops.read.settings().units
        newest_first = {(0, Qt.SortOrder.DescendingOrder), (1, Qt.SortOrder.DescendingOrder)}  # the pages' order
        self.model: PagedRowsModel[HistoryRow] = PagedRowsModel(history_columns(lambda: self._unit), newest_first, self)
        self._pager: HistoryPager | None = None
        self.model.rowsInserted.connect(self._update_count)  # a page read as the table scrolled

        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            open_date_range(edit)
        self.dates_message = message_label()  # says why nothing shows when the dates cross
        self.date_from.setAccessibleName("Show entries from")
        self.date_to.setAccessibleName("Show entries up to")
        self.all_dates = QCheckBox("All dates")
        self.all_dates.setChecked(True)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Show which entries")
        for label in ("All entries", "Runs", "Check-ins", "Care"):
            self.kind.addItem(label)
        self.region = QComboBox()
        self.region.setAccessibleName("Show days a region hurt")
        self.region.addItem("Any region", None)
        for r in Region:
            self.region.addItem(f"{r.label} hurting", r)
        self.grouped = QCheckBox("Group by day")
        self.grouped.setChecked(True)
        self.grouped.setToolTip("One row per check-in with that day's care; untick to list every entry on its own row")
        self.edit_button = QPushButton("Ed&it…")
        self.edit_menu = QMenu(self)
        """The entries of a grouped row that holds several, one action each (``_fill_edit_menu``)."""
        self.edit_menu.aboutToShow.connect(self._fill_edit_menu)
        self.delete_button = QPushButton("&Delete")
        self.count = QLabel()

        # One line where the window is wide enough, wrapped by group where it is not (a scale of 2 on a laptop).
        bar = FlowLayout(last_to_the_right=True)
        bar.addWidget(flow_group(QLabel("From"), self.date_from, QLabel("to"), self.date_to, self.all_dates))
        bar.addWidget(self.dates_message)
        bar.addWidget(flow_group(self.kind, self.region, self.grouped))
        bar.addWidget(flow_group(self.count, self.edit_button, self.delete_button))

        self.table = QTableView()
        self.table.setModel(self.model)  # the model sorts itself (RowsTableModel.sort)
        self.table.setAccessibleName("Entries")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Column widths from sample texts, not from the rows: sizing to contents would ask for
        # every cell of ten years of entries (tens of thousands of calls) before the first paint.
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        for column, sample in enumerate(("Wed 2026-11-18", "00:00", "Check-in", None, "Worst pain", "strava", None)):
            if sample is not None:
                header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        header.resizeSection(6, NOTES_WIDTH)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.verticalHeader().setDefaultSectionSize(metrics.height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self._empty_states: EmptyStates | None = None

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        # Every control is named above; the combo boxes also get the hidden label Qt on Linux reads them by
        # (named one by one, not by ``name_controls``: walking the page's children cost 3-5 ms of start-up).
        for combo in (self.kind, self.region):
            label_combo(combo)

        today = date.today()
        self.date_from.setDate(QDate(today.year, today.month, today.day).addMonths(-3))
        self.date_to.setDate(QDate(today.year, today.month, today.day))
        for signal in (
            self.date_from.dateChanged,
            self.date_to.dateChanged,
            self.all_dates.toggled,
            self.grouped.toggled,
        ):
            signal.connect(self.refresh)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.region.currentIndexChanged.connect(self.refresh)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.edit_button.clicked.connect(self.edit_from_button)
        self.delete_button.clicked.connect(self.delete_selected)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        delete_key.setWhatsThis("History: delete the selected entry (Edit > Undo brings it back)")
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        ops.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, change: Change) -> None:
        if change & (Change.ENTRIES | Change.SETTINGS | Change.SHOES):
            self.refresh()

    def _range(self) -> tuple[date | None, date | None]:
        if self.all_dates.isChecked():
            return None, None
        return from_qdate(self.date_from.date()), from_qdate(self.date_to.date())

    def wanted(self) -> HistoryFilter:
        """What the filters above the table ask for."""
        start, end = self._range()
        kinds = {"Runs": Lists.RUNS, "Check-ins": Lists.CHECKINS, "Care": Lists.CARE}.get(
            self.kind.currentText(), Lists.ALL
        )
        return HistoryFilter(start, end, kinds, combo_value(self.region, Region), self.grouped.isChecked())

    @property
    def empty_states(self) -> EmptyStates:
        """The empty journal's page and the no-match page, made on first need: a journal with entries never
        needs them at start-up (their text layout and module cost it about 4 ms)."""
        if self._empty_states is None:
            from journal.ui.empty_state import empty_state_html, empty_state_label, empty_state_page

            empty = empty_state_label(
                empty_state_html(EMPTY_JOURNAL_TITLE, EMPTY_JOURNAL_TEXT, to_start=EMPTY_JOURNAL_START)
            )
            no_match = empty_state_label()
            self._empty_states = EmptyStates(empty, empty_state_page(empty), no_match, empty_state_page(no_match))
            self.stack.addWidget(self._empty_states.empty_page)
            self.stack.addWidget(self._empty_states.no_match_page)
        return self._empty_states

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Notes, often empty, gives way to Details on a narrow window (Details alone stretches, so at 683 px
        it was squeezed to nothing beside a 220 px Notes column)."""
        super().resizeEvent(event)
        narrow = event.size().width() // 6
        if narrow < NOTES_WIDTH:
            self.table.horizontalHeader().resizeSection(6, max(80, narrow))

    def refresh(self) -> None:
        """Read the newest page for the filters (or as far back as was read, when they are the same)."""
        self._unit = self._ops.read.settings().units
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(not self.all_dates.isChecked())
        self._say_if_dates_cross()
        wanted = self.wanted()
        before, pager = self._pager, HistoryPager(self._ops.read, wanted)
        if before is not None and before.wanted == wanted and not before.has_more():
            rows = pager.rest()
        elif before is not None and before.wanted == wanted and before.read_from is not None:
            rows = pager.down_to(before.read_from)
        else:
            rows = pager.next_page()
        self._pager = pager
        self.model.set_pager(rows, pager)
        self._update_count()
        if rows or pager.has_more():
            self.stack.setCurrentWidget(self.table)
        elif (entries := self._ops.read.counts().entries) == 0:
            self.stack.setCurrentWidget(self.empty_states.empty_page)
        else:
            self.empty_states.no_match.setText(nothing_matches(wanted, self.kind.currentText(), entries))
            self.stack.setCurrentWidget(self.empty_states.no_match_page)
        self._update_buttons()

    def _update_count(self) -> None:
        """'6 entries in 4 rows' once every row is read; before that 'Newest 300 of 7,827 entries' (total from SQL)."""
        pager = self._pager
        if pager is None:
            return
        shown = self.model.rowCount()
        if pager.has_more():
            wanted = self.wanted()
            total = self._ops.read.count_entries(wanted.read_kinds, wanted.start, wanted.end, wanted.hurting)
            self.count.setText(f"Newest {pager.entries:,} of {total:,} entries")
            return
        entries = counted(pager.entries, "entry", "entries")
        self.count.setText(entries if shown == pager.entries else f"{entries} in {counted(shown, 'row')}")

    def _say_if_dates_cross(self) -> None:
        """A first day after the last matches nothing: say so at the dates, not with an empty table alone."""
        start, end = self._range()
        crossed = start is not None and end is not None and start > end
        self.dates_message.setText(f"{start} is after {end}: no day is in between" if crossed else "")
        self.dates_message.setVisible(crossed)
        self.date_from.setAccessibleDescription(self.dates_message.text())

    def selected_row(self) -> HistoryRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.data(indexes[0], ROW_ROLE) if indexes else None

    def selected(self) -> Run | CheckIn | CareEntry | None:
        row = self.selected_row()
        return row.record if row is not None else None

    def select_first(self) -> None:
        if self.model.rowCount():
            self.table.selectRow(0)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        several = row is not None and len(row.entries) > 1
        self.edit_button.setToolTip("Choose which entry of the row to edit" if several else "")

    def _fill_edit_menu(self) -> None:
        """One action per entry of the selected row ("Check-in: Lower back 4/10…", "Care: Heat 20 min…").

        Filled as the menu opens, never while one of its actions runs (clearing deletes them).
        """
        self.edit_menu.clear()
        row = self.selected_row()
        if row is None:
            return
        for entry in row.entries:
            one = HistoryRow(row.when, entry)
            action = self.edit_menu.addAction(f"{one.kind}: {describe(one, self._unit)}…".replace("&", "&&"))
            action.triggered.connect(lambda _checked=False, e=entry: self.edit_requested.emit(e))

    def edit_from_button(self) -> None:
        """Edit: the selected row's entry, or a menu of its entries under the button when it holds several."""
        row = self.selected_row()
        if row is not None and len(row.entries) > 1:
            self.edit_menu.popup(self.edit_button.mapToGlobal(self.edit_button.rect().bottomLeft()))
        else:
            self.edit_selected()

    def edit_selected(self) -> None:
        """Open the selected row's entry: its run or check-in, or its care entry; a day of several care
        entries offers them in a menu at the pointer."""
        row = self.selected_row()
        if row is None:
            return
        if isinstance(row.record, CareEntry) and row.care:
            # after the double-click's last release, which would otherwise close the menu at once
            QTimer.singleShot(0, self, lambda: self.edit_menu.popup(QCursor.pos()))
            return
        self.edit_requested.emit(row.record)

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        record = row.record
        try:
            if row.care and not isinstance(record, Run):
                self._ops.delete_together((record, *row.care))
            else:
                self._ops.delete(record)
        except WriteFailed:  # the window says why; the entry is still there
            return
        window = self.window()
        if hasattr(window, "statusBar"):
            kind = HistoryRow(datetime.now(), record).kind.lower()
            care = f"{len(row.care)} care {'entry' if len(row.care) == 1 else 'entries'}"
            what = f"a {kind}" if not row.care else f"a {kind} and {care}"
            if isinstance(record, CareEntry) and row.care:
                what = f"{len(row.entries)} care entries"
            them = "them" if row.care else "it"
            window.statusBar().showMessage(
                f"Deleted {what} of {record.day}. Edit > Undo (Ctrl+Z) brings {them} back.", 8000
            )
