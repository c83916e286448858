"""The Trends page: does pain follow jumps in running? Four charts, the factors table, and what they mean.

Built the first time its tab is shown (it imports matplotlib). It reads only what the
chosen range needs (``journal.analysis.stats.reads_from``: the range and the year
before it, the history its figures use) and keeps it; changing the region, lag or load,
or to a shorter range, only recomputes the figures (``compute_stats``) and redraws; a
longer range reads the days it lacks. So a six-month view costs the same on a journal
of one year or of thirty. ``ops.changed`` re-reads: at once when the page is visible,
otherwise the next time it is shown, so the window is never rebuilt.

Units and week start come from the journal's settings. Saving a chart writes a PNG
readable only by its owner (it shows health data) and remembers the folder in QSettings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from journal.analysis.stats import Stats, WeekRow, compute_stats, reads_from
from journal.domain.entries import JournalData
from journal.domain.numbers import counted, percent_change
from journal.domain.settings import Settings
from journal.domain.vocabulary import Region
from journal.storage.journal import Lists
from journal.ui.accessible import name_controls
from journal.ui.colours import Tone
from journal.ui.flow_layout import FlowLayout, flow_group
from journal.ui.operations import Change, JournalOperations
from journal.ui.scheme import set_tone
from journal.ui.trends.chart_view import ChartView
from journal.ui.trends.factors_table import FactorsModel, factors_view
from journal.ui.trends.load_charts import AcwrChart, WeeklyChart
from journal.ui.trends.pain_charts import JumpsChart, PainChart
from journal.ui.trends.style import ChartOptions
from journal.ui.trends.wrap_label import WrapLabel

RANGES: tuple[tuple[str, int | None], ...] = (
    ("4 weeks", 28),
    ("3 months", 91),
    ("6 months", 182),
    ("1 year", 365),
    ("All", None),
)
"""Range name -> days back from today (None: the whole journal)."""
DEFAULT_RANGE = "6 months"
SAVE_FOLDER_KEY = "trends/save_folder"
RANGE_KEY = "trends/range"

CHARTS: tuple[tuple[str, str, type[ChartView]], ...] = (
    ("weekly", "Weekly distance and pain", WeeklyChart),
    ("pain", "Pain over time, runs and spikes", PainChart),
    ("acwr", "Acute:chronic ratio", AcwrChart),
    ("jumps", "Weekly change and the pain after it", JumpsChart),
)

EMPTY_JOURNAL = (
    "<h3>Your trends will appear here</h3>"
    "<p>Four charts show whether pain follows jumps in your running: weekly distance with pain, pain over time "
    "with your runs, the acute:chronic ratio of your training load, and each week's change in distance against "
    "the pain after it.</p>"
    "<p><b>To start:</b> log each run after you finish it (<b>Log run</b>, Ctrl+N), and check in how your back "
    "and hamstrings feel the next morning (<b>Check-in</b>, Ctrl+K), pain-free days included. Or bring in your "
    "history from a watch or Strava with <b>File &gt; Import runs</b>.</p>"
    "<p>The weekly charts fill in after a week or two; the acute:chronic ratio needs 28 days of running.</p>"
)

DEBATED_NOTE = (
    "The acute:chronic bands (0.8-1.3, over 1.5; Gabbett 2016) are debated: researchers disagree on whether the "
    "ratio predicts injury, so read them as a rough guide, not a rule. Weekly change (a big jump is over 30 %): "
    "Nielsen et al. 2014; spikes (a run over 10 % longer than the longest of the 30 days before): Frandsen et al. "
    "2025. These charts describe your log; they do not diagnose."
)


def _pain_around(stats: Stats, jump: WeekRow) -> str:
    """A plain sentence on the chosen region's weekly mean pain the week after ``jump`` against the 4 weeks before."""
    region = stats.region
    if region is None:
        return ""
    i = stats.weeks.index(jump)
    after = stats.weeks[i + 1].mean_pain.get(region) if i + 1 < len(stats.weeks) else None
    before = [w.mean_pain[region] for w in stats.weeks[max(0, i - 4) : i] if region in w.mean_pain]
    if after is None or not before:
        return ""
    return (
        f"{region.label} pain the week after it: mean {after:.1f}/10, against "
        f"{sum(before) / len(before):.1f} in the {'week' if len(before) == 1 else counted(len(before), 'week')} before."
    )


class TrendsPage(QWidget):
    """Training load and pain: four charts, range/region/lag/load choices, the factors table.

    No signals of its own; it listens to ``ops.changed``.
    """

    def __init__(
        self, ops: JournalOperations, parent: QWidget | None = None, *, qsettings: QSettings | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self._qsettings = qsettings or QSettings()
        self._data: JournalData | None = None
        self._read_from: date | None = None
        """The first day of ``_data`` (None: the whole journal)."""
        self._first: date | None = None
        """The journal's first run or check-in, and its first run (the history of the load ratios)."""
        self._first_run: date | None = None
        self._settings = Settings()
        self._stale = True
        self.stats: Stats | None = None
        self.today: Callable[[], date] = date.today

        self.range_box = QComboBox()
        for name, _days in RANGES:
            self.range_box.addItem(name)
        saved = str(self._qsettings.value(RANGE_KEY, DEFAULT_RANGE))
        self.range_box.setCurrentText(saved if saved in dict(RANGES) else DEFAULT_RANGE)
        self.region_box = QComboBox()
        self.region_box.addItem("All regions", None)
        for region in Region:
            self.region_box.addItem(region.label, region.value)  # Qt gives a StrEnum back as a plain str
        self.lag_box = QComboBox()
        for text, lag in (("the same week", 0), ("the week after", 1), ("two weeks later", 2)):
            self.lag_box.addItem(text, lag)
        self.lag_box.setCurrentIndex(1)
        self.load_box = QComboBox()
        self.load_box.addItem("distance", False)
        self.load_box.addItem("effort × minutes", True)
        self.save_button = QPushButton("Sa&ve chart as PNG")  # a push button sizes itself to its menu arrow
        menu = QMenu(self.save_button)
        self.save_button.setMenu(menu)

        # One line where there is room; on a narrow window the choices wrap, each with its caption.
        controls = FlowLayout(spacing=14, last_to_the_right=True)
        for label, box in (
            ("R&ange:", self.range_box),
            ("Reg&ion:", self.region_box),
            ("Pain co&mpared:", self.lag_box),
            ("Loa&d on:", self.load_box),
        ):
            caption = QLabel(label)
            caption.setBuddy(box)
            controls.addWidget(flow_group(caption, box))
            box.currentIndexChanged.connect(self._choice_changed)
        controls.addWidget(self.save_button)

        self.charts: dict[str, ChartView] = {}
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for i, (key, title, chart_class) in enumerate(CHARTS):
            view = chart_class(title)
            self.charts[key] = view
            grid.addWidget(view, i // 2, i % 2)
            action = QAction(f"Save “{title}” as PNG…", self)
            action.triggered.connect(lambda _=False, k=key: self.ask_save(k))
            menu.addAction(action)
            view.canvas.addAction(action)

        self.summary = WrapLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.factors_caption = WrapLabel()
        self.factors = FactorsModel(self)
        self.factors_view = factors_view(self.factors)
        self.note = WrapLabel(DEBATED_NOTE)
        set_tone(self.note, Tone.MUTED)
        self.message = WrapLabel()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 0, 0)
        heading = QLabel("<b>What the figures say</b>")
        side_layout.addWidget(heading)
        side_layout.addWidget(self.summary)
        side_layout.addSpacing(6)
        side_layout.addWidget(QLabel("<b>Pain the day after runs</b>"))
        side_layout.addWidget(self.factors_caption)
        self.factors_view.setMinimumHeight(120)
        side_layout.addWidget(self.factors_view, 1)
        side_layout.addWidget(self.note)
        side_layout.addWidget(self.message)

        side_scroll = QScrollArea()  # the words scroll beside the charts on a small screen
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setWidget(side)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(grid_widget)
        splitter.addWidget(side_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([850, 350])
        self.splitter = splitter
        self.empty_page = WrapLabel(EMPTY_JOURNAL)
        self.empty_page.setTextFormat(Qt.TextFormat.RichText)
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_page.setContentsMargins(12, 12, 12, 12)
        self.empty_page.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.empty_page)
        layout.addStretch(0)
        name_controls(self)

        ops.changed.connect(self._journal_changed)

    # ---- keeping up to date ----------------------------------------------------------------
    def _journal_changed(self, change: Change) -> None:
        if not change & (Change.ENTRIES | Change.SETTINGS | Change.SHOES):
            return
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Re-read the journal (what the range needs) and its settings, then redraw."""
        read = self.ops.read
        self._settings = read.settings()
        self._first = read.first_day(Lists.RUNS | Lists.CHECKINS)
        self._first_run = read.first_day(Lists.RUNS)
        self._read(self._needed_from())
        self._stale = False
        self.redraw()

    def _needed_from(self) -> date | None:
        """The first day the chosen range's figures read (None: the whole journal)."""
        start = self.period()[0]
        return None if start is None else reads_from(start)

    def _read(self, first: date | None) -> None:
        self._data = self.ops.read.data(first, self.today())
        self._read_from = first

    def _choice_changed(self) -> None:
        self._qsettings.setValue(RANGE_KEY, self.range_box.currentText())
        if self._data is not None:
            needed = self._needed_from()
            if self._read_from is not None and (needed is None or needed < self._read_from):
                self._read(needed)  # a longer range: read the days it lacks
            self.redraw()

    # ---- figures and drawing -----------------------------------------------------------------
    def requested_start(self) -> date | None:
        """The first day of the chosen range as asked for (None: the whole journal)."""
        days = dict(RANGES)[self.range_box.currentText()]
        return None if days is None else self.today() - timedelta(days=days - 1)

    def period(self) -> tuple[date | None, date]:
        """The first and last day of the chosen range (first None: the whole journal); the figures start no
        earlier than the journal (no empty weeks before it began), though the time axes span the whole range."""
        today = self.today()
        start = self.requested_start()
        if start is None:
            return None, today
        if self._first is not None and self._first > start:
            start = self._first  # no empty weeks before the journal began
        return start, today

    def selected_region(self) -> Region | None:
        value = self.region_box.currentData()
        return Region(value) if value else None

    def compute(self) -> Stats:
        data = self._data or JournalData()
        if self._first is None:
            return compute_stats(data, self._settings.week_start)  # nothing yet: no empty weeks either
        start, end = self.period()
        return compute_stats(
            data,
            self._settings.week_start,
            start=start,
            end=end,
            lag_weeks=int(self.lag_box.currentData()),
            region=self.selected_region(),
            first_run=self._first_run,
        )

    def redraw(self) -> None:
        """Recompute the figures for the current choices and redraw every chart and the table."""
        stats = self.compute()
        self.stats = stats
        nothing = self._first is None  # an empty journal (an old one still has its weeks in any range)
        self.empty_page.setVisible(nothing)
        self.splitter.setVisible(not nothing)
        self.save_button.setEnabled(not nothing)
        selected = self.selected_region()
        if selected is not None:
            regions: tuple[Region, ...] = (selected,)
        else:
            hurting = tuple(r for r, s in stats.pain.items() if any(v for v in s.daily_max if v))
            regions = hurting or ((stats.region,) if stats.region else ())
        opts = ChartOptions(
            self._settings.units, regions, bool(self.load_box.currentData()), view_start=self.requested_start()
        )
        for view in self.charts.values():
            view.update_chart(stats, opts)
            view.canvas.draw_idle()
        self._fill_side(stats)

    def _fill_side(self, stats: Stats) -> None:
        region = stats.region.label.lower() if stats.region else "pain"
        lines = []
        now = stats.acwr_now
        if now is not None and now.ratio_rolling is not None:
            ewma = f"{now.ratio_ewma:.2f}" if now.ratio_ewma is not None else "-"
            lines.append(f"Acute:chronic ratio today: {now.ratio_rolling:.2f} (rolling), {ewma} (EWMA).")
        elif stats.weeks:
            lines.append("Acute:chronic ratio: needs 28 days of running history.")
        jumps = stats.big_jump_weeks
        if jumps:
            worst = max(jumps, key=lambda w: w.change_pct or 0)
            weeks = counted(len(jumps), "week")
            lines.append(
                f"{weeks} with a big jump in distance (over 30 %); the largest: week of "
                f"{worst.week_start.day} {worst.week_start:%b %Y}, {percent_change(worst.change_pct or 0.0)}."
            )
            after = _pain_around(stats, worst)
            if after:
                lines.append(after)
        if stats.spikes:
            n = len(stats.spikes)
            what = "a run" if n == 1 else "runs"
            lines.append(f"{counted(n, 'spike')} ({what} over 10 % longer than the longest run of the 30 days before).")
        lines.append(f"Weekly change and pain: {stats.correlation.sentence}")
        self.summary.setText("\n\n".join(lines) if stats.weeks else "No runs or check-ins in this range yet.")
        self.factors.region_words = region
        self.factors.set_rows(stats.factors)
        self.factors_caption.setText(
            f"Mean {region} pain (0-10) the day after runs with and without each trait; shown only with at "
            "least 3 runs on each side. A hint to test, not a cause."
            if stats.factors
            else "Not enough runs with a check-in the next day to compare (at least 3 on each side)."
        )

    # ---- saving --------------------------------------------------------------------------------
    def ask_save(self, key: str) -> Path | None:
        """Ask where to save the chart ``key`` as PNG, then save it; remembers the folder."""
        folder = str(self._qsettings.value(SAVE_FOLDER_KEY, str(Path.home())))
        suggested = Path(folder) / f"{key}-{self.today().isoformat()}.png"
        path, _filter = QFileDialog.getSaveFileName(self, "Save chart as PNG", str(suggested), "PNG images (*.png)")
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".png":
            target = target.with_name(target.name + ".png")
        return self.save_chart(key, target)

    def save_chart(self, key: str, path: Path) -> Path | None:
        """Write chart ``key`` to ``path``; a problem is shown on the page, nothing half-written."""
        try:
            self.charts[key].save_png(path)
        except OSError as exc:
            set_tone(self.message, Tone.ERROR)
            self.message.setText(f"The chart was not saved: {path} cannot be written ({exc.strerror or exc}).")
            return None
        self._qsettings.setValue(SAVE_FOLDER_KEY, str(path.parent))
        set_tone(self.message, Tone.OK)
        self.message.setText(f"Saved {path.name} in {path.parent}.")
        return path
