"""Trends reads only what its range needs, and shows what the whole journal gives for that range."""

from __future__ import annotations

import math
from dataclasses import fields, is_dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from journal.analysis.stats import compute_stats, reads_from
from journal.devtools.generate import write_journal
from journal.domain.entries import Run
from journal.storage.journal import Journal
from journal.ui.operations import JournalOperations


def same(a: object, b: object, where: str = "stats") -> None:
    """Equal, floats to a 10^-9 th (the load EWMAs started a year before the period, ``journal.analysis.load``)."""
    if isinstance(a, float) and isinstance(b, float):
        assert math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12), where
    elif is_dataclass(a) and not isinstance(a, type):
        for f in fields(a):
            same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    elif isinstance(a, (tuple, list)):
        assert len(a) == len(b), where  # type: ignore[arg-type]
        for i, (x, y) in enumerate(zip(a, b, strict=True)):  # type: ignore[call-overload]
            same(x, y, f"{where}[{i}]")
    elif isinstance(a, dict):
        assert a.keys() == b.keys(), where  # type: ignore[attr-defined]
        for key in a:
            same(a[key], b[key], f"{where}[{key}]")  # type: ignore[index]
    else:
        assert a == b, where


@pytest.fixture(scope="module")
def three_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_journal(tmp_path_factory.mktemp("trends") / "three-years.sqlite3", 3)


def test_a_period_needs_only_the_year_before_it(three_years) -> None:
    with Journal.open(three_years) as journal:
        data, first_run = journal.data(), journal.runs()[0].day
        for days in (28, 182, 365):
            start, end = date.today() - timedelta(days=days - 1), date.today()
            window = journal.data(reads_from(start), end)
            assert len(window.checkins) < len(data.checkins)
            same(
                compute_stats(data, start=start, end=end),
                compute_stats(window, start=start, end=end, first_run=first_run),
            )


def test_the_page_reads_its_range_and_the_year_before_it(qtbot, three_years, tmp_path) -> None:
    from journal.ui.trends.page import TrendsPage

    journal = Journal.open(three_years)
    ops = JournalOperations(journal)
    page = TrendsPage(ops, qsettings=QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.range_box.setCurrentText("6 months")
    page.show()
    qtbot.waitExposed(page)
    start = date.today() - timedelta(days=181)
    assert page._data is not None and page._data.runs[0].day >= reads_from(start)
    same(page.stats, compute_stats(journal.data(), start=start, end=date.today()))
    page.range_box.setCurrentText("All")  # a longer range reads what it lacks
    assert page._data.runs[0] == journal.runs()[0]
    assert page.stats.weeks[0].week_start <= journal.runs()[0].day
    page.close()
    ops.wait_for_background()
    journal.close()


def test_a_journal_whose_entries_are_all_old_still_shows_its_weeks(qtbot, tmp_path) -> None:
    from journal.ui.trends.page import TrendsPage

    path = tmp_path / "old.sqlite3"
    with Journal.open(path) as journal:
        long_ago = date.today() - timedelta(days=900)
        journal.add_entries(runs=[Run(started_at=datetime_at(long_ago, i), distance_m=5000.0) for i in range(10)])
    journal = Journal.open(path)
    page = TrendsPage(
        JournalOperations(journal), qsettings=QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(page)
    page.range_box.setCurrentText("6 months")
    page.show()
    qtbot.waitExposed(page)
    assert not page.empty_page.isVisible() and page.stats.weeks  # 26 weeks without a run, not "start logging"
    assert all(w.distance_m == 0 for w in page.stats.weeks)
    page.close()
    journal.close()


def datetime_at(day: date, i: int):
    from datetime import datetime, time

    return datetime.combine(day + timedelta(days=2 * i), time(7))
