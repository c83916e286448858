"""History on a journal of years: the newest page first, the rest as the table scrolls, and the same rows as ever."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from journal.devtools.generate import write_journal
from journal.domain.entries import Run
from journal.domain.vocabulary import Region
from journal.storage.journal import Journal
from journal.ui.pages.history_rows import HistoryRow, care_row_time, group_by_day
from tests.ui_helpers import make_window


@pytest.fixture(scope="module")
def three_years(tmp_path_factory: pytest.TempPathFactory):
    return write_journal(tmp_path_factory.mktemp("history") / "three-years.sqlite3", 3)


def every_row(path, grouped: bool = True, region: Region | None = None) -> list[HistoryRow]:
    """History's rows as they were read before pages: everything at once, newest first."""
    with Journal.open(path) as j:
        rows = [] if region else [HistoryRow(r.started_at, r) for r in j.runs()]
        rows += [HistoryRow(c.recorded_at, c) for c in j.checkins() if not region or (c.score_for(region) or 0) > 0]
        rows += [] if region else [HistoryRow(care_row_time(e.day), e) for e in j.care()]
    shown = group_by_day(rows) if grouped else rows
    return sorted(shown, key=lambda r: r.when, reverse=True)


def scroll_to_the_end(qtbot, history) -> int:
    """Scroll down until the table has read every page, as a person would; the number of pages read."""
    qtbot.waitExposed(history.window())
    pages = 0
    while history.model.has_more():
        bar = history.table.verticalScrollBar()
        qtbot.waitUntil(lambda bar=bar: bar.maximum() > bar.value())  # laid out: there is further to scroll
        before = history.model.rowCount()
        bar.setValue(bar.maximum())
        qtbot.waitUntil(lambda before=before: history.model.rowCount() > before or not history.model.has_more())
        pages += 1
    return pages


def test_the_first_page_is_the_newest_days_and_scrolling_reads_the_rest(qtbot, three_years) -> None:
    window = make_window(qtbot, three_years)
    window.show()
    history = window.history
    with Journal.open(three_years) as j:
        total = j.counts().entries
    first = history.model.rowCount()
    assert 0 < first < total / 4  # not the whole journal before the first paint
    read = sum(len(row.entries) for row in history.model.rows())
    assert history.count.text() == f"Newest {read:,} of {total:,} entries"
    expected = every_row(three_years)
    assert history.model.rows() == expected[:first]  # the newest rows, whole days, in the same order
    assert scroll_to_the_end(qtbot, history) >= 3
    assert history.model.rows() == expected
    assert history.count.text() == f"{total:,} entries in {len(expected):,} rows"


def test_sorting_on_another_column_sorts_every_row(qtbot, three_years) -> None:
    history = make_window(qtbot, three_years).history
    history.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # worst pain
    worst = max(r.record.max_score or 0 for r in every_row(three_years) if r.kind == "Check-in")
    assert history.model.index(0, 4).data() == f"{worst}/10"
    assert len(history.model.rows()) == len(every_row(three_years)) and not history.model.has_more()
    history.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # oldest first
    assert history.model.rows()[0] == every_row(three_years)[-1]


@pytest.mark.parametrize("grouped", [True, False])
def test_filters_give_the_rows_they_gave_before_pages(qtbot, three_years, grouped) -> None:
    history = make_window(qtbot, three_years).history
    history.grouped.setChecked(grouped)
    history.region.setCurrentIndex(history.region.findData(Region.LOWER_BACK))
    history.model.fetch_all()
    assert history.model.rows() == every_row(three_years, grouped, Region.LOWER_BACK)
    history.region.setCurrentIndex(0)
    history.kind.setCurrentText("Care")
    history.all_dates.setChecked(False)
    history.date_from.setDate(date.today() - timedelta(days=400))
    history.date_to.setDate(date.today() - timedelta(days=100))
    history.model.fetch_all()
    shown = history.model.rows()
    with Journal.open(three_years) as j:
        care = j.care(date.today() - timedelta(days=400), date.today() - timedelta(days=100))
    assert sorted((e for row in shown for e in row.entries), key=lambda e: e.id) == sorted(care, key=lambda e: e.id)
    assert history.count.text().startswith(f"{len(care)} entries")


def test_a_save_keeps_every_page_read_and_adds_the_new_row(qtbot, three_years, tmp_path) -> None:
    path = tmp_path / "copy.sqlite3"
    path.write_bytes(three_years.read_bytes())
    window = make_window(qtbot, path)
    history = window.history
    history.model.fetchMore()
    history.model.fetchMore()
    read = history.model.rowCount()
    oldest = history.model.rows()[-1].when
    window.ops.save_run(Run(started_at=datetime.now().replace(microsecond=0) - timedelta(minutes=5), distance_m=4321.0))
    assert history.model.rowCount() == read + 1
    rows = history.model.rows()
    assert rows[-1].when == oldest
    # Among the newest rows, in time order (the generated journal's entries of today can be later than five
    # minutes ago, so it is not always first).
    assert [isinstance(row.record, Run) and row.record.distance_m == 4321.0 for row in rows[:5]].count(True) == 1
    assert [row.when for row in rows] == sorted((row.when for row in rows), reverse=True)
