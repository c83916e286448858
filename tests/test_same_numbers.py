"""One figure, one text: a week's change and a run's spike read the same in Trends, the report, the flags and
``stats``; every count of the report and the flags names its window (issue 12: a chart said +99.6 % where the
report said 100 %; the report said pain spread on 6 days where the flag said 4)."""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings

from journal.analysis.flags import evaluate_flags
from journal.app import main
from journal.domain.entries import CheckIn, JournalData, RegionScore, Run
from journal.domain.settings import Settings
from journal.domain.vocabulary import Radiates, Region, Timing
from journal.interchange.report.pdf import report_pdf
from journal.interchange.report.report_model import build_report
from journal.storage.journal import Journal
from journal.ui.operations import JournalOperations

TODAY = date.today()
JUMP_WEEK = TODAY - timedelta(days=TODAY.weekday() + 21)  # the Monday three weeks before this week's
BACK = Region.LOWER_BACK


def _run(day: date, km: float) -> Run:
    return Run(datetime.combine(day, time(7)), km * 1000.0, int(km * 330))


def _journal() -> JournalData:
    """10 km weeks (two runs of 5 km), then a week of 19.96 km (+99.6 %) with a run of 14.96 km (a spike of +199.2 %
    on the 5 km before); lower-back pain from the day after that run to today, spreading down the thigh on 6 days,
    4 of them in the last 14."""
    runs = []
    for week in range(1, 4):
        monday = JUMP_WEEK - timedelta(weeks=week)
        runs += [_run(monday, 5.0), _run(monday + timedelta(days=3), 5.0)]
    runs += [_run(JUMP_WEEK, 5.0), _run(JUMP_WEEK + timedelta(days=3), 14.96)]
    first = JUMP_WEEK + timedelta(days=4)
    days = [first + timedelta(days=i) for i in range((TODAY - first).days + 1)]
    thigh = set(days[:2]) | set(days[-4:])
    assert len(thigh) == 6 and all((TODAY - d).days >= 14 for d in days[:2])
    checkins = [
        CheckIn(
            min(datetime.combine(d, time(8)), datetime.now().replace(second=0, microsecond=0)),
            (RegionScore(BACK, 5, Timing.NEXT_MORNING, radiates=Radiates.THIGH if d in thigh else Radiates.NONE),),
        )
        for d in days
    ]
    return JournalData(runs=tuple(runs), checkins=tuple(checkins))


@pytest.fixture(scope="module")
def data() -> JournalData:
    return _journal()


def test_the_flags_say_it_with_the_same_numbers_and_their_window(data: JournalData) -> None:
    flags = {f.rule: f for f in evaluate_flags(data, TODAY)}
    jump = flags["pain_after_jump"]
    texts = [e.what for e in jump.evidence]
    assert any("20.0 km in the week, up 99.6 % on the week before (a big jump: over 30 %)" in t for t in texts)
    assert any("Run of 15.0 km, 199.2 % longer than the longest of the 30 days before (5.0 km)" in t for t in texts)
    assert "a spike of over 30 %" in jump.message
    spread = flags["radiating_pain"]
    assert "down the thigh on 4 of the last 14 days" in spread.headline
    assert "spreading down the thigh on 4 of the last 14 days" in spread.message


def test_the_report_says_it_with_the_same_numbers_and_its_window(data: JournalData) -> None:
    start = JUMP_WEEK - timedelta(weeks=3)
    report = build_report(data, Settings(), start, TODAY, flags=evaluate_flags(data, TODAY))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(report_pdf(report))).pages)
    assert "+99.6 %" in text and "+100 %" not in text
    assert "199.2 % longer than the longest run of the 30 days before (5.0 km)" in text
    days = len(data.checkins)
    assert f"Lower back, of the {days} days with a check-in: felt next morning on {days} days." in text
    assert "Spread down the thigh on 6 of them." in text
    assert "down the thigh on 4 of the last 14 days" in text  # the flag beside it, with its own window


def test_trends_and_stats_say_it_with_the_same_numbers(qtbot, tmp_path: Path, data: JournalData, capsys) -> None:
    from journal.ui.trends.page import TrendsPage

    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.add_entries(runs=data.runs, checkins=data.checkins)
    journal = Journal.open(path)
    ops = JournalOperations(journal)
    page = TrendsPage(ops, qsettings=QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    weekly = page.charts["weekly"]
    i = next(n for n, w in enumerate(page.stats.weeks) if w.week_start == JUMP_WEEK)
    middle = weekly.bars.get_paths()[i].vertices[:, 0].mean()
    tip = weekly.hover_text_at_data(weekly.ax, middle, weekly.heights[i] * 0.2)  # below the pain line
    assert tip is not None and "+99.6 % (big jump (over 30 %))" in tip
    pain = page.charts["pain"]
    spike = pain.hover_text_at_data(pain.ax, *pain.spikes.get_offsets()[0])
    assert spike is not None and "+199.2 % on the longest run of the 30 days before" in spike
    assert "+99.6 %." in page.summary.text() and "1 spike (a run over 10 % longer" in page.summary.text()
    journal.close()

    assert main(["stats", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    week = next(line for line in out.splitlines() if line.startswith(JUMP_WEEK.isoformat()))
    assert week.split()[1:6] == ["20.0", "2", "+99.6", "%", "big_jump"]
    assert "15.0 km after a longest of 5.0 km: +199.2 % (over_100)" in out


def test_the_week_under_way_reads_so_far_with_no_change_figure(qtbot, tmp_path: Path) -> None:
    """Issue 12, item 9: the unfinished week is "so far" in the report and Trends, never "-100 %"."""
    from journal.interchange.report.blocks import Table
    from journal.interchange.report.wording import report_document
    from journal.ui.trends.page import TrendsPage

    monday = TODAY - timedelta(days=TODAY.weekday())
    runs = tuple(_run(monday - timedelta(weeks=k), 10.0) for k in range(1, 5))
    report = build_report(JournalData(runs=runs), Settings(), monday - timedelta(weeks=4), TODAY)
    table = next(b for b in report_document(report, []).blocks if isinstance(b, Table) and b.header[0] == "Week of")
    change = next(row for row in table.rows if row[0] == "Change")
    assert table.header[-1].endswith("(so far)") and change[-1] == "" and change[-2] == "0.0 %"

    path = tmp_path / "journal.sqlite3"
    with Journal.open(path) as journal:
        journal.add_entries(runs=runs)
    journal = Journal.open(path)
    page = TrendsPage(
        JournalOperations(journal), qsettings=QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    weekly = page.charts["weekly"]
    last = len(page.stats.weeks) - 1
    assert page.stats.weeks[last].week_start == monday
    middle = weekly.bars.get_paths()[last].vertices[:, 0].mean()
    tip = weekly.hover_text_at_data(weekly.ax, middle, 0.05)
    assert tip is not None and "so far: the week is not over, so no change figure yet" in tip and "%" not in tip
    journal.close()
