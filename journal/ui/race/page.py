"""The Race page: the goal race's verdict, its six checks, and every week of the build planned against actual.

Built the first time its tab is shown (the chart imports matplotlib). The race
shown is the next one on or after today; the others (earlier races too) can be
chosen above. A race still to come is judged as of today; a past one as it stood
on race day. Add, edit and remove races here (``RaceDialog``; every write through
``JournalOperations``, undoable). ``ops.changed`` recomputes: at once when the
page is visible, otherwise the next time it is shown.

The analysis is ``journal.analysis.goal_race`` (the plan, checks and verdict with
their sources); this page only shows it. It is a guide to distance, not a
workout generator, and says so.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal.analysis.goal_race import goal_race_plan
from journal.analysis.race_checks import RaceCheck
from journal.analysis.race_verdict import RacePlan
from journal.domain.races import Race, next_race
from journal.domain.settings import Settings
from journal.ui.accessible import name_controls
from journal.ui.colours import Tone, current
from journal.ui.empty_state import empty_state_html, empty_state_label, empty_state_page
from journal.ui.flags.state import FlagState, flag_rank_on
from journal.ui.operations import Change, JournalOperations, WriteFailed
from journal.ui.race.chart import RaceChart
from journal.ui.race.dialog import RaceDialog
from journal.ui.race.style import STATUS_WORDS, day_text, race_title, status_colour, verdict_colour
from journal.ui.scheme import follow, set_tone
from journal.ui.trends.wrap_label import WrapLabel

GUIDE_NOTE = (
    "A guide to distance, not a workout generator: it suggests how far to run each week and how long the long "
    "run may be, never what to run. It is not a medical device; pain that worries you is a matter for a professional."
)
EMPTY_WHAT = (
    "Add the race you are training for (a 5 km, 10 km, half, marathon or any distance) and this page will "
    "suggest a gradual build-up and taper from your recent running: every week to race day planned against what "
    "you ran, with the long run and your weekly pain beside it, and six checks that add up to a verdict (on track, "
    "ease back, re-plan, or talk to a professional before racing)."
)
EMPTY_TEXT = empty_state_html("No goal race yet", EMPTY_WHAT, to_start="add your race with the button below.")
EMPTY_NO_RUNS = empty_state_html(
    "No goal race yet",
    EMPTY_WHAT,
    to_start="the plan starts from your recent running (the mean of your last 4 complete weeks), so log your runs "
    "(<b>Log run</b>, Ctrl+N) or bring them in from a watch or Strava with <b>File &gt; Import runs</b>; you can "
    "add the race now, and the plan fills in as you log.",
)
"""The empty page of a journal with no runs yet: runs first."""
SAVE_FOLDER_KEY = "race/save_folder"


class CheckRow(QWidget):
    """One check: its status in words and colour, its name, the reason and the source."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel()
        self.status.setMinimumWidth(62)
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 4)
        layout.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)

    def show_check(self, check: RaceCheck) -> None:
        colour, muted = status_colour(check.status), current().muted
        self.status.setText(f'<b style="color:{colour}">{STATUS_WORDS[check.status]}</b>')
        self.text.setText(
            f"<b>{escape(check.check.label)}</b> <span style='color:{muted}'>({check.check.value})</span><br/>"
            f"{escape(check.reason)}<br/><span style='color:{muted}; font-size:small'>Source: "
            f"{escape(check.source)}.</span>"
        )
        self.setAccessibleName(f"{check.check.label}: {STATUS_WORDS[check.status]}. {check.reason}")


class RacePage(QWidget):
    """The goal race, its verdict and checks, and the weeks chart. Listens to ``ops.changed``."""

    def __init__(
        self,
        ops: JournalOperations,
        flag_state: FlagState,
        parent: QWidget | None = None,
        *,
        qsettings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self._flag_rank = flag_rank_on(flag_state)
        self._qsettings = qsettings or QSettings()
        self._settings = Settings()
        self._stale = True
        self.races: list[Race] = []
        self.plan: RacePlan | None = None
        self.today: Callable[[], date] = date.today

        self.race_box = QComboBox()
        self.race_box.setMinimumContentsLength(28)
        self.race_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.add_button = QPushButton("A&dd race…")
        self.edit_button = QPushButton("Ed&it…")
        self.remove_button = QPushButton("Re&move")
        self.save_button = QPushButton("Save chart as PNG…")
        controls = QHBoxLayout()
        label = QLabel("R&ace:")
        label.setBuddy(self.race_box)
        for widget in (label, self.race_box, self.add_button, self.edit_button, self.remove_button):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.save_button)

        self.verdict = QLabel()
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.verdict.setAccessibleName("Verdict")
        self.race_line = QLabel()
        self.summary = WrapLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict_box = QFrame()
        self.verdict_box.setObjectName("raceVerdict")
        box = QVBoxLayout(self.verdict_box)
        box.setContentsMargins(12, 8, 12, 8)
        box.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.verdict)
        top.addSpacing(12)
        top.addWidget(self.race_line, 1)
        box.addLayout(top)
        box.addWidget(self.summary)

        self.chart = RaceChart("Weekly distance: planned against run, by phase")
        self.check_rows: list[CheckRow] = []
        checks = QWidget()
        column = QVBoxLayout(checks)
        column.setContentsMargins(8, 0, 8, 0)
        column.addWidget(QLabel("<b>The checks</b>"))
        for _ in range(6):
            row = CheckRow()
            self.check_rows.append(row)
            column.addWidget(row)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(checks)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.chart)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 420])
        self.note = WrapLabel(GUIDE_NOTE)
        set_tone(self.note, Tone.MUTED)
        self.message = WrapLabel()

        plan_page = QWidget()
        plan_layout = QVBoxLayout(plan_page)
        plan_layout.setContentsMargins(0, 0, 0, 0)
        plan_layout.addWidget(self.verdict_box)
        plan_layout.addWidget(splitter, 1)
        self.empty = empty_state_label(EMPTY_TEXT)
        self.empty_add = QPushButton("Add your goal race…")
        empty_page = empty_state_page(self.empty, self.empty_add)
        self.stack = QStackedWidget()
        self.stack.addWidget(empty_page)
        self.stack.addWidget(plan_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(controls)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        name_controls(self)

        self.race_box.currentIndexChanged.connect(self._race_chosen)
        self.add_button.clicked.connect(self.add_race)
        self.empty_add.clicked.connect(self.add_race)
        self.edit_button.clicked.connect(self.edit_race)
        self.remove_button.clicked.connect(self.remove_race)
        self.save_button.clicked.connect(self.ask_save)
        ops.changed.connect(self._journal_changed)
        follow(self, lambda page, _colours: page.recolour())

    def recolour(self) -> None:
        """The verdict and checks in the colours of the scheme now shown (the chart follows the palette itself)."""
        if self.plan is not None:
            self._show(self.plan, self.today())

    # ---- keeping up to date ----------------------------------------------------------------------
    def _journal_changed(self, change: Change) -> None:
        if not change & (Change.RACES | Change.ENTRIES | Change.SETTINGS):
            return
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self, select: int | None = None) -> None:
        """Re-read the races and settings, keep (or move to ``select``) the chosen race, and recompute."""
        self._stale = False
        self._settings = self.ops.read.settings()
        chosen = select if select is not None else self.selected_id()
        self.races = self.ops.read.races()
        if chosen is None or all(r.id != chosen for r in self.races):
            upcoming = next_race(self.races, self.today())
            chosen = upcoming.id if upcoming else (self.races[-1].id if self.races else None)
        self.race_box.blockSignals(True)
        self.race_box.clear()
        for race in self.races:
            past = " (past)" if race.day < self.today() else ""
            self.race_box.addItem(f"{race.day.isoformat()}  {race.name}{past}", race.id)
        self.race_box.setCurrentIndex(max(0, self.race_box.findData(chosen)))
        self.race_box.blockSignals(False)
        self._race_chosen()

    def selected_id(self) -> int | None:
        data = self.race_box.currentData()
        return int(data) if data is not None else None

    def selected_race(self) -> Race | None:
        chosen = self.selected_id()
        return next((r for r in self.races if r.id == chosen), None)

    def _race_chosen(self) -> None:
        race = self.selected_race()
        for widget in (self.race_box, self.edit_button, self.remove_button, self.save_button):
            widget.setEnabled(race is not None)
        if race is None:
            self.plan = None
            self.empty.setText(EMPTY_NO_RUNS if self.ops.read.counts().runs == 0 else EMPTY_TEXT)
            self.stack.setCurrentIndex(0)
            self.chart.show_plan(None, self._settings.units)
            return
        self.stack.setCurrentIndex(1)
        today = self.today()
        as_of = min(today, race.day)
        journal = self.ops.read
        self.plan = goal_race_plan(journal.data(), as_of, self._flag_rank, self._settings.week_start, race)
        self._show(self.plan, today)

    def _show(self, plan: RacePlan | None, today: date) -> None:
        if plan is None:
            return
        colour = verdict_colour(plan.verdict)
        self.verdict.setText(
            f'<span style="font-size:large; font-weight:bold; color:{colour}">{plan.verdict.label}</span>'
        )
        self.verdict_box.setStyleSheet(
            f"#raceVerdict {{ border-left: 6px solid {colour}; background: palette(alternate-base); }}"
        )
        title = race_title(plan.race, today)
        if plan.race.day < today:
            title += " · shown as it stood on race day"
        self.race_line.setText(title)
        others = [c.check.label.lower() for c in plan.checks if c.status.rank and c is not plan.deciding]
        also = f"\nAlso worth a look: {', '.join(others)}." if others else ""
        self.summary.setText(plan.summary + also)
        # most pressing first: problems, then cautions, then the checks that are fine
        ordered = sorted(plan.checks, key=lambda c: -c.status.rank)
        for row, check in zip(self.check_rows, ordered, strict=True):
            row.show_check(check)
        no_runs = plan.frame.first_run is None
        self.chart.show_plan(
            plan,
            self._settings.units,
            "No runs logged before this race yet: log or import your runs and the plan will build from them"
            if no_runs
            else "",
        )
        self.chart.canvas.draw_idle()

    # ---- races -----------------------------------------------------------------------------------
    def add_race(self) -> RaceDialog:
        dialog = RaceDialog(self.ops, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.refresh(select=dialog.saved.id)
        return dialog

    def edit_race(self) -> RaceDialog | None:
        race = self.selected_race()
        if race is None:
            return None
        dialog = RaceDialog(self.ops, race, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self.refresh(select=dialog.saved.id)
        return dialog

    def remove_race(self) -> None:
        race = self.selected_race()
        if race is None:
            return
        answer = QMessageBox.question(
            self, "Remove race", f"Remove “{race.name}” on {day_text(race.day)}? Edit > Undo brings it back."
        )
        if answer == QMessageBox.StandardButton.Yes:
            with suppress(WriteFailed):  # the window says why; the race is still there
                self.ops.delete_race(race)
            self.refresh()

    # ---- saving ----------------------------------------------------------------------------------
    def ask_save(self) -> Path | None:
        folder = str(self._qsettings.value(SAVE_FOLDER_KEY, str(Path.home())))
        suggested = Path(folder) / f"race-plan-{self.today().isoformat()}.png"
        path, _filter = QFileDialog.getSaveFileName(self, "Save chart as PNG", str(suggested), "PNG images (*.png)")
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".png":
            target = target.with_name(target.name + ".png")
        return self.save_chart(target)

    def save_chart(self, path: Path) -> Path | None:
        """Write the chart to ``path`` (owner-only); a problem is shown on the page, nothing half-written."""
        try:
            self.chart.save_png(path)
        except OSError as exc:
            set_tone(self.message, Tone.ERROR)
            self.message.setText(f"The chart was not saved: {path} cannot be written ({exc.strerror or exc}).")
            return None
        self._qsettings.setValue(SAVE_FOLDER_KEY, str(path.parent))
        set_tone(self.message, Tone.OK)
        self.message.setText(f"Saved {path.name} in {path.parent}.")
        return path
