"""The Calendar page: a month at a glance, and the entries of the day you pick, to read or edit.

Each day is coloured by its worst pain (``journal.domain.pain_scale``), with the day's
run distance and marks for a flag first raised that day, a warning sign and a
painkiller (``journal.analysis.calendar``). Only the six weeks shown are read
(``Journal.runs(start, end)`` and the like find them by bisection in the shared
cache), and the flags come from the window's one evaluation (``journal.ui.flags.state``),
so moving from month to month costs the same on a ten-year journal as on a new one.

Picking a day lists its entries beside the grid; Edit (or a double-click) opens the
run, check-in or care entry in its form, and "Check in for this day" adds one.
"""

from __future__ import annotations

from datetime import date, datetime
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.analysis.calendar import DaySummary, month_grid, summarise_days
from journal.analysis.flags import FlagEpisode
from journal.domain.entries import CareEntry, CheckIn, Run
from journal.domain.units import DistanceUnit, format_distance
from journal.ui.calendar.marks import Legend
from journal.ui.calendar.month_view import MonthView, day_words
from journal.ui.colours import current
from journal.ui.empty_state import empty_state_html, empty_state_label
from journal.ui.flags.state import FlagState
from journal.ui.operations import Change, JournalOperations
from journal.ui.pages.history_rows import HistoryRow, care_row_time, describe
from journal.ui.scheme import follow

EMPTY_JOURNAL = empty_state_html(
    "Your month at a glance will appear here",
    "Each day is coloured by its worst pain (the body map's scale, pale yellow 0 to dark red 10; no colour without "
    "a check-in) and shows the distance run, with marks for a flag first raised that day, a warning sign and a "
    "painkiller. Pick a day to read its entries, edit them, or check in for it.",
)


class CalendarPage(QWidget):
    """The Calendar tab, built as ``CalendarPage(ops, flag_state, parent)``; see the module docstring."""

    def __init__(self, ops: JournalOperations, flag_state: FlagState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._flag_state = flag_state
        self._stale = False
        self._records: dict[date, list[HistoryRow]] = {}
        self._listed: list[Run | CheckIn | CareEntry] = []
        """The entries in the day's list, by row (kept here, not in the items: Qt holds no Python objects)."""

        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setToolTip("Previous month (Page Up)")
        self.previous_button.setAccessibleName("Previous month")
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip("Next month (Page Down)")
        self.next_button.setAccessibleName("Next month")
        self.today_button = QPushButton("Today")
        self.today_button.setToolTip("Go to today (Home)")
        self.title = QLabel()
        self.title.setMinimumWidth(170)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        head = QHBoxLayout()
        head.addWidget(self.previous_button)
        head.addWidget(self.title)
        head.addWidget(self.next_button)
        head.addWidget(self.today_button)
        head.addSpacing(16)
        head.addWidget(Legend(), 1)

        self.view = MonthView()
        self.day_title = QLabel()
        self.day_text = QLabel()
        self.day_text.setWordWrap(True)
        self.day_text.setTextFormat(Qt.TextFormat.RichText)
        self.entries = QListWidget()
        self.entries.setWordWrap(True)
        self.entries.setAccessibleName("Entries of the selected day")
        self.edit_button = QPushButton("Ed&it…")
        self.add_button = QPushButton("Check in for this &day…")
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        panel = QVBoxLayout()
        panel.addWidget(self.day_title)
        panel.addWidget(self.day_text)
        panel.addWidget(self.entries, 1)
        panel.addLayout(buttons)
        side = QWidget()
        side.setLayout(panel)
        side.setFixedWidth(320)
        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addWidget(side)
        self.notice = empty_state_label()
        """What the month will show and what to log first, on an empty journal; a line on an empty month."""
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.notice)
        layout.addLayout(body, 1)

        self.previous_button.clicked.connect(lambda: self.view.step_month(-1))
        self.next_button.clicked.connect(lambda: self.view.step_month(1))
        self.today_button.clicked.connect(lambda: self.view.select(date.today()))
        self.view.month_wanted.connect(self.show_month)
        self.view.selected.connect(self._show_day)
        self.view.activated.connect(self._activate_day)
        self.entries.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self.entries.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.edit_button.clicked.connect(self.edit_selected)
        self.add_button.clicked.connect(self.add_checkin)
        ops.changed.connect(self._changed)
        today = date.today()
        self.show_month(today.year, today.month)
        self.view.setFocus()
        follow(self, lambda page, _colours: page.recolour())

    def recolour(self) -> None:
        """The day's words in the colours of the scheme now shown (the grid paints from the palette)."""
        self._show_day(self.view.current)

    # ---- loading ---------------------------------------------------------------------------
    def show_month(self, year: int, month: int) -> None:
        """Read the six weeks shown for ``year``-``month`` and draw them."""
        read = self._ops.read
        settings = read.settings()
        days = month_grid(year, month, settings.week_start)
        first, last = days[0], days[-1]
        runs, checkins, care = read.runs(first, last), read.checkins(first, last), read.care(first, last)
        summaries = summarise_days(days, runs, checkins, care, self._episodes(first, last))
        records: dict[date, list[HistoryRow]] = {}
        for row in (
            *(HistoryRow(r.started_at, r) for r in runs),
            *(HistoryRow(c.recorded_at, c) for c in checkins),
            *(HistoryRow(care_row_time(e.day), e) for e in care),
        ):
            records.setdefault(row.record.day, []).append(row)
        self._records = {day: sorted(rows, key=lambda r: r.when) for day, rows in records.items()}
        self.view.show_month(year, month, days, summaries, settings.units)
        self.title.setText(f"<b>{date(year, month, 1):%B %Y}</b>")
        self._show_notice(date(year, month, 1), any(day.month == month for day in self._records))
        self._stale = False
        self._show_day(self.view.current)

    def _show_notice(self, month: date, logged: bool) -> None:
        """The empty journal's message; on a month with nothing logged (of a journal that has entries), one line."""
        if logged:
            self.notice.hide()
            return
        if self._ops.read.counts().entries == 0:
            self.notice.setText(EMPTY_JOURNAL)
        else:
            self.notice.setText(
                f"<p>Nothing logged in {month:%B %Y}. Pick a day to check in for it; Page Up and Page Down change "
                "the month, Home goes to today.</p>"
            )
        self.notice.show()

    def _episodes(self, first: date, last: date) -> list[FlagEpisode]:
        """Flag episodes raised between ``first`` and ``last`` (none after today)."""
        check = self._flag_state.result()
        if first > check.as_of:
            return []
        return check.episodes(first, min(last, check.as_of))

    def summary(self, day: date) -> DaySummary | None:
        return self.view.summaries.get(day)

    def _changed(self, change: Change) -> None:
        if not change & (Change.ENTRIES | Change.SETTINGS | Change.FLAGS):
            return
        if self.isVisible():
            self.show_month(self.view.year, self.view.month)
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.show_month(self.view.year, self.view.month)

    # ---- the selected day ---------------------------------------------------------------------
    def _show_day(self, day: date) -> None:
        summary = self.view.summaries.get(day, DaySummary(day))
        self.day_title.setText(f"<h3>{day:%A} {day.day} {day:%B %Y}</h3>")
        self.day_text.setText(_day_html(summary, self.view.unit))
        self.entries.clear()
        self._listed = [row.record for row in self._records.get(day, [])]
        for row in self._records.get(day, []):
            time = "" if isinstance(row.record, CareEntry) else f"{row.when:%H:%M} "
            item = QListWidgetItem(f"{time}{row.kind}: {describe(row, self.view.unit)}")
            item.setToolTip(day_words(summary, self.view.unit))
            self.entries.addItem(item)
        if not self._records.get(day):
            item = QListWidgetItem("Nothing logged on this day.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.entries.addItem(item)
        self.add_button.setEnabled(day <= date.today())
        editable = self._editable_rows()
        self.entries.setCurrentRow(editable[0] if editable else -1)
        self._update_buttons()

    def _editable_rows(self) -> list[int]:
        """The rows a day opens on: its runs and check-ins, else its care entries (every entry has its form)."""
        main = [i for i, record in enumerate(self._listed) if isinstance(record, (Run, CheckIn))]
        return main or list(range(len(self._listed)))

    def selected_entry(self) -> Run | CheckIn | CareEntry | None:
        row = self.entries.currentRow()
        return self._listed[row] if 0 <= row < len(self._listed) else None

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_entry() is not None)

    def _activate_day(self, day: date) -> None:
        editable = self._editable_rows()
        if len(editable) == 1:
            self.entries.setCurrentRow(editable[0])
            self.edit_selected()
        else:
            self.entries.setFocus()

    def edit_selected(self) -> None:
        record = self.selected_entry()
        if record is None:
            return
        from journal.ui.forms.edit import edit_entry_dialog

        if edit_entry_dialog(self._ops, record, self.window()):
            self._status("Changes saved.")

    def add_checkin(self) -> None:
        from journal.ui.forms.checkin_dialog import CheckInDialog

        day = self.view.current
        morning = datetime.combine(day, self._ops.read.settings().reminder_morning_time)
        when = min(morning, datetime.now().replace(second=0, microsecond=0))
        dialog = CheckInDialog(self._ops, parent=self.window(), when=when, timing=None)
        if dialog.exec() and dialog.saved is not None:
            self._status("Check-in saved.")

    def _status(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 5000)


def _day_html(summary: DaySummary, unit: DistanceUnit) -> str:
    """The day's figures as short lines: worst pain, running, painkiller, warning signs, flags raised."""
    lines = []
    if summary.worst_pain is not None:
        lines.append(f"Worst pain: <b>{summary.worst_pain}/10</b>")
    elif not summary.checkins:
        lines.append("No check-in")
    if summary.runs:
        runs = "1 run" if summary.runs == 1 else f"{summary.runs} runs"
        lines.append(f"Running: <b>{format_distance(summary.distance_m, unit, 1)}</b> ({runs})")
    if summary.painkiller:
        lines.append("Painkiller taken")
    if summary.warning_signs:
        signs = "; ".join(escape(s.label) for s in summary.warning_signs)
        lines.append(f"<span style='color:{current().error}'><b>Warning signs:</b> {signs}</span>")
    for episode in summary.flags:
        lines.append(f"<b>Flag raised</b> ({escape(episode.severity.label)}): {escape(episode.last.headline)}")
    return "<br/>".join(lines)
