"""The Trends page on real journals: the plotted data (bar heights, line data), not pixels.

The demo journal's jump week must show as a big jump, with the lower-back pain after
it; saving an entry through JournalOperations must update the charts; a chart must
save as an owner-only PNG.
"""

from __future__ import annotations

import stat
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from journal.demo import write_demo_journal
from journal.domain.entries import CheckIn, RegionScore, Run
from journal.domain.settings import Settings
from journal.domain.units import DistanceUnit
from journal.domain.vocabulary import Region
from journal.storage.journal import Journal
from journal.ui.operations import JournalOperations

BACK = Region.LOWER_BACK


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "trends.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def demo_ops(tmp_path: Path):
    journal = Journal.open(write_demo_journal(tmp_path / "demo.sqlite3"))
    ops = JournalOperations(journal)
    yield ops
    ops.wait_for_background()
    journal.close()


def _page(qtbot, ops, qsettings):
    from journal.ui.trends.page import TrendsPage

    page = TrendsPage(ops, qsettings=qsettings)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def _demo_jump_monday(today: date) -> date:
    """The demo story: 26 weeks from a Monday; the jump is week 22 (see journal/demo.py)."""
    start = today - timedelta(weeks=26)
    start -= timedelta(days=start.weekday())
    return start + timedelta(weeks=22)


def _week_km(ops: JournalOperations, monday: date) -> float:
    return sum(r.distance_m for r in ops.read.runs(monday, monday + timedelta(days=6))) / 1000.0


def test_demo_journal_shows_the_jump_as_big_jump_and_the_pain_after_it(qtbot, demo_ops, qsettings) -> None:
    from journal.analysis.weekly import Band
    from journal.ui.trends.style import BAND_COLOURS

    page = _page(qtbot, demo_ops, qsettings)
    assert page.range_box.currentText() == "6 months"
    weekly = page.charts["weekly"]
    stats = page.stats
    mondays = [w.week_start for w in stats.weeks]
    jump = _demo_jump_monday(date.today())
    i = mondays.index(jump)
    # bar heights are the weekly sums of the runs, by hand from the journal
    assert weekly.heights[i] == pytest.approx(_week_km(demo_ops, jump))
    assert weekly.heights[i - 1] == pytest.approx(_week_km(demo_ops, jump - timedelta(weeks=1)))
    change = (weekly.heights[i] - weekly.heights[i - 1]) / weekly.heights[i - 1] * 100
    assert change > 30
    colours = weekly.bars.get_facecolor()
    big = np.array([int(BAND_COLOURS[Band.BIG_JUMP][k : k + 2], 16) / 255 for k in (1, 3, 5)])
    assert np.allclose(colours[i][:3], big)
    assert sum(np.allclose(c[:3], big) for c in colours) == 1
    # the bar vertices themselves reach the plotted height
    assert weekly.bars.get_paths()[i].vertices[:, 1].max() == pytest.approx(weekly.heights[i])
    # the lower-back line: nothing before the jump, 4-5/10 the week after
    _x, back = weekly.pain_lines[BACK].get_data()
    after_checkins = demo_ops.read.checkins(jump + timedelta(weeks=1), jump + timedelta(days=13))
    hand_mean = np.mean([c.score_for(BACK) for c in after_checkins])
    assert back[i + 1] == pytest.approx(hand_mean)
    assert hand_mean >= 4
    assert np.nanmax(back[: i - 1]) == 0
    # the summary and the jump chart say it in words and numbers
    assert "1 week with a big jump" in page.summary.text()
    assert f"Lower back pain the week after it: mean {hand_mean:.1f}/10, against 0.0 in the 4 weeks before" in (
        page.summary.text()
    )
    jumps = page.charts["jumps"]
    offsets = jumps.by_band[Band.BIG_JUMP].get_offsets()
    assert any(x > 30 and y >= 4 for x, y in offsets)
    assert len(jumps.offsets) == stats.correlation.n
    assert f"n = {stats.correlation.n} weeks" in jumps.rho_text.get_text()
    middle = weekly.bars.get_paths()[i].vertices[:, 0].mean()
    tip = weekly.hover_text_at_data(weekly.ax, middle, weekly.heights[i] * 0.6)
    assert tip is not None and "big jump" in tip and f"Week of {jump.day} {jump:%b %Y}" in tip


def test_pain_acwr_and_spike_charts_plot_the_figures(qtbot, demo_ops, qsettings) -> None:
    page = _page(qtbot, demo_ops, qsettings)
    stats = page.stats
    pain = page.charts["pain"]
    x, mean = pain.means[BACK].get_data()
    series = stats.pain[BACK]
    assert len(x) == len(series.mean7)
    assert np.allclose(np.nan_to_num(mean, nan=-1), [-1 if v is None else v for v in series.mean7])
    assert len(pain.spikes.get_offsets()) == len(stats.spikes) >= 1
    half_marathon = max(stats.spikes, key=lambda s: s.distance_m)
    assert half_marathon.distance_m > 20_000
    tip = pain.hover_text_at_data(pain.ax, *pain.spikes.get_offsets()[stats.spikes.index(half_marathon)])
    assert tip is not None and "Spike run" in tip and "longest run of the 30 days before" in tip
    acwr = page.charts["acwr"]
    _x, rolling = acwr.rolling.get_data()
    expected = [np.nan if v is None else v for v in stats.distance_load.ratio_rolling]
    assert np.allclose(rolling, expected, equal_nan=True)
    assert np.isnan(rolling[:27]).all() or stats.distance_load.first_day > stats.runs[0].day
    assert "debated" in page.note.text()


def test_how_much_pain_got_in_the_way_is_charted_with_the_pain(qtbot, demo_ops, qsettings) -> None:
    page = _page(qtbot, demo_ops, qsettings)
    pain = page.charts["pain"]
    series = page.stats.interference
    assert series is not None and max(v for v in series.daily_max if v is not None) == 4  # demo: back pain - 1
    x, mean = pain.interference.get_data()
    assert np.allclose(np.nan_to_num(mean, nan=-1), [-1 if v is None else v for v in series.mean7])
    assert "got in the way of activities (7-day mean)" in [item.label for item in pain.legend_items]
    last = len(x) - 1
    tip = pain.hover_text_at_data(pain.ax, x[last], mean[last])
    assert tip is not None and "Pain got in the way: " in tip


def test_saving_a_run_and_a_checkin_through_ops_updates_the_charts(qtbot, demo_ops, qsettings) -> None:
    page = _page(qtbot, demo_ops, qsettings)
    weekly = page.charts["weekly"]
    before = list(weekly.heights)
    now = datetime.now().replace(second=0, microsecond=0)
    demo_ops.save_run(Run(started_at=now - timedelta(minutes=1), distance_m=30_000.0))
    assert weekly.heights[-1] == pytest.approx(before[-1] + 30.0)
    assert len(weekly.heights) == len(before)
    demo_ops.save_checkin(CheckIn(recorded_at=now, scores=(RegionScore(Region.HAMSTRING_LEFT, 9),)))
    _x, ham = weekly.pain_lines[Region.HAMSTRING_LEFT].get_data()
    monday = page.stats.weeks[-1].week_start
    by_day: dict[date, int] = {}
    for c in demo_ops.read.checkins(monday, now.date()):
        score = c.score_for(Region.HAMSTRING_LEFT)
        if score is not None:
            by_day[c.day] = max(by_day.get(c.day, 0), score)
    assert by_day[now.date()] == 9
    assert ham[-1] == pytest.approx(sum(by_day.values()) / len(by_day))  # the week's mean of daily worst
    # undo takes the run away again
    demo_ops.undo_stack.undo()
    demo_ops.undo_stack.undo()
    assert weekly.heights[-1] == pytest.approx(before[-1])


def test_a_hidden_page_refreshes_when_shown(qtbot, demo_ops, qsettings) -> None:
    page = _page(qtbot, demo_ops, qsettings)
    page.hide()
    before = page.charts["weekly"].heights[-1]
    demo_ops.save_run(Run(started_at=datetime.now().replace(second=0, microsecond=0), distance_m=5000.0))
    assert page.charts["weekly"].heights[-1] == pytest.approx(before)  # not redrawn while hidden
    page.show()
    qtbot.waitExposed(page)
    assert page.charts["weekly"].heights[-1] == pytest.approx(before + 5.0)


def test_range_region_lag_and_units(qtbot, demo_ops, qsettings) -> None:
    page = _page(qtbot, demo_ops, qsettings)
    km = list(page.charts["weekly"].heights)
    page.range_box.setCurrentText("4 weeks")
    assert 4 <= len(page.charts["weekly"].heights) <= 5
    assert qsettings.value("trends/range") == "4 weeks"
    page.range_box.setCurrentText("6 months")
    page.region_box.setCurrentIndex(page.region_box.findData(BACK))
    weekly = page.charts["weekly"]
    assert [r for r, line in weekly.pain_lines.items() if line.get_visible()] == [BACK]
    assert page.stats.correlation.region is BACK
    page.lag_box.setCurrentIndex(page.lag_box.findData(2))
    assert page.stats.correlation.lag_weeks == 2
    assert "two weeks later" in page.charts["jumps"].ax.get_ylabel()
    page.load_box.setCurrentIndex(1)
    assert "session load" in page.charts["acwr"].title
    assert page.charts["acwr"].rolling.get_data()[1].size == len(page.stats.session_load)
    demo_ops.save_settings(replace(Settings(), units=DistanceUnit.MI))
    assert page.charts["weekly"].heights == pytest.approx([k / 1.609344 for k in km])
    assert "(mi)" in page.charts["weekly"].ax.get_ylabel()


def test_save_chart_as_png(qtbot, demo_ops, qsettings, tmp_path: Path, monkeypatch) -> None:
    page = _page(qtbot, demo_ops, qsettings)
    target = tmp_path / "charts" / "weekly"
    target.parent.mkdir()
    asked = {}

    def fake_dialog(parent, caption, suggested, filters):
        asked["suggested"] = suggested
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    saved = page.ask_save("weekly")
    assert saved == target.with_name("weekly.png")
    data = saved.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert qsettings.value("trends/save_folder") == str(target.parent)
    assert "Saved weekly.png" in page.message.text()
    page.ask_save("jumps")
    assert asked["suggested"].startswith(str(target.parent))  # the folder is remembered
    # the title and legend are drawn only into the file, then taken out again
    assert page.charts["weekly"].ax.get_title(loc="left") == ""
    assert page.charts["weekly"].ax2.get_legend() is None
    # a folder that does not exist: a message, no file
    assert page.save_chart("pain", tmp_path / "missing" / "pain.png") is None
    assert "was not saved" in page.message.text()


def test_empty_journal_shows_what_to_log_and_draws_no_chart(qtbot, journal, qsettings) -> None:
    ops = JournalOperations(journal)
    page = _page(qtbot, ops, qsettings)
    assert page.empty_page.isVisible() and not page.splitter.isVisible()
    assert "Log run" in page.empty_page.text() and "Check-in" in page.empty_page.text()
    assert not page.save_button.isEnabled()
    assert all(view.is_empty and view.canvas.isHidden() for view in page.charts.values())
    assert page.charts["weekly"].heights == []
    assert page.factors.rowCount() == 0
    ops.save_run(Run(started_at=datetime.now().replace(microsecond=0) - timedelta(days=2), distance_m=8000.0))
    assert page.splitter.isVisible() and not page.empty_page.isVisible()


def test_one_run_in_six_months_spans_the_range_not_two_days(qtbot, journal, qsettings) -> None:
    from matplotlib.dates import num2date

    ops = JournalOperations(journal)
    ops.save_run(Run(started_at=datetime.now().replace(microsecond=0) - timedelta(days=2), distance_m=8000.0))
    page = _page(qtbot, ops, qsettings)
    assert page.range_box.currentText() == "6 months"
    weekly = page.charts["weekly"]
    lo, hi = (num2date(x).date() for x in weekly.ax.get_xlim())
    assert (hi - lo).days >= 182 and not weekly.is_empty
    acwr = page.charts["acwr"]
    assert acwr.is_empty and "28 days" in acwr.empty_label.text()  # no bands over nothing


def test_charts_follow_a_dark_palette_and_save_light(qtbot, demo_ops, qsettings) -> None:
    from PySide6.QtGui import QColor, QImage, QPalette

    page = _page(qtbot, demo_ops, qsettings)
    view = page.charts["pain"]
    assert not view.theme.dark and view.figure.get_facecolor()[:3] == (1.0, 1.0, 1.0)
    dark = QPalette(page.palette())
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        dark.setColor(role, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e6e6e6"))
    page.setPalette(dark)
    assert view.theme.dark and view.figure.get_facecolor()[0] < 0.2
    assert view.ax.xaxis.get_ticklabels()[0].get_color() == view.theme.text
    image = QImage.fromData(view.render_png())
    assert image.pixelColor(2, 2).lightness() > 240  # a saved chart is light, for print
    assert view.theme.dark  # and the screen stays dark


def test_margins_scale_with_the_dpi_so_axis_titles_stay_in_view(qtbot, demo_ops, qsettings) -> None:
    page = _page(qtbot, demo_ops, qsettings)
    view = page.charts["weekly"]
    left_at_1 = view.figure.subplotpars.left
    view.figure.set_dpi(200)  # what FigureCanvasQTAgg does at a device pixel ratio of 2: twice the pixels
    view.apply_margins()
    # the margin keeps its share of the figure (in fixed pixels it would halve and cut off the axis title)
    assert view.figure.subplotpars.left == pytest.approx(left_at_1, rel=0.02)


def test_factors_table_lists_groups_with_counts(qtbot, demo_ops, qsettings) -> None:
    page = _page(qtbot, demo_ops, qsettings)
    model = page.factors
    rows = [model.row_at(r) for r in range(model.rowCount())]
    assert rows == list(page.stats.factors) and rows
    assert all(r.n_with >= 3 and r.n_without >= 3 for r in rows)
    stretched = next(r for r in rows if r.group == "Stretched")
    col = {model.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal): c for c in range(4)}
    text = model.data(model.index(rows.index(stretched), col["Next day"]))
    assert text == f"{stretched.mean_with:.1f} ({stretched.n_with})"


def test_matplotlib_is_not_imported_at_start_up() -> None:
    code = (
        "import sys; import journal.ui.main_window, journal.ui.trends, journal.analysis.stats, journal.app; "
        "print('matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
