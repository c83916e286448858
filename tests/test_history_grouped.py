"""History grouped by day: a day's care rides on its check-in; the rows add up to the flat list; delete and undo."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from journal.demo import write_demo_journal
from journal.domain.entries import CareEntry, CheckIn, RegionScore, Run
from journal.domain.vocabulary import CareKind, Region
from journal.storage.journal import Journal
from tests.ui_helpers import make_window


def seed(path) -> None:
    with Journal.open(path) as j:
        j.add_entries(
            runs=[Run(started_at=datetime(2026, 3, 2, 7), distance_m=8000.0)],
            checkins=[
                CheckIn(recorded_at=datetime(2026, 3, 2, 8), scores=(RegionScore(Region.LOWER_BACK, 2),)),
                CheckIn(recorded_at=datetime(2026, 3, 2, 21), scores=(RegionScore(Region.LOWER_BACK, 4),)),
            ],
            care=[
                CareEntry(date(2026, 3, 2), CareKind.HEAT, minutes=20),
                CareEntry(date(2026, 3, 2), CareKind.PAINKILLER, "ibuprofen 400 mg"),
                CareEntry(date(2026, 3, 5), CareKind.STRETCHING, minutes=10),
            ],
        )


def flat_and_grouped(history):
    history.grouped.setChecked(False)
    flat = [row.record for row in history.model.rows()]
    history.grouped.setChecked(True)
    grouped = history.model.rows()
    return flat, grouped


def test_a_days_care_is_one_row_on_its_last_check_in(qtbot, journal_path) -> None:
    seed(journal_path)
    history = make_window(qtbot, journal_path).history
    assert history.grouped.isChecked()  # grouped is the default
    details = {(row.kind, row.when): history.model.index(i, 3).data() for i, row in enumerate(history.model.rows())}
    assert details[("Check-in", datetime(2026, 3, 2, 21))] == "Lower back 4/10 · Care: Heat 20 min, ibuprofen 400 mg"
    assert details[("Check-in", datetime(2026, 3, 2, 8))] == "Lower back 2/10"
    assert details[("Care", datetime(2026, 3, 5, 23, 59))] == "Stretching 10 min"
    assert history.count.text() == "6 entries in 4 rows"
    history.grouped.setChecked(False)  # the flat list, one click away
    assert history.model.rowCount() == 6 and history.count.text() == "6 entries"
    assert sorted(row.kind for row in history.model.rows()) == ["Care", "Care", "Care", "Check-in", "Check-in", "Run"]


@pytest.mark.parametrize("kind", ["All entries", "Runs", "Check-ins", "Care"])
@pytest.mark.parametrize("dates", [None, (date.today() - timedelta(days=30), date.today())])  # any day of the month
def test_grouped_rows_add_up_to_the_flat_list(qtbot, tmp_path, kind, dates) -> None:
    path = write_demo_journal(tmp_path / "demo.sqlite3")
    history = make_window(qtbot, path).history
    history.kind.setCurrentText(kind)
    if dates is not None:
        history.all_dates.setChecked(False)
        history.date_from.setDate(dates[0])
        history.date_to.setDate(dates[1])
    flat, grouped = flat_and_grouped(history)
    entries = [entry for row in grouped for entry in row.entries]
    assert len(entries) == len(flat) and set(entries) == set(flat)
    if kind in ("All entries", "Care"):
        assert len(grouped) < len(flat)  # the demo's care is folded, not listed entry by entry
    for row in grouped:
        days = {entry.day for entry in row.entries}
        assert len(days) == 1, row  # a row never mixes days


def test_region_filter_still_works_grouped(qtbot, journal_path) -> None:
    seed(journal_path)
    history = make_window(qtbot, journal_path).history
    history.region.setCurrentIndex(history.region.findData(Region.LOWER_BACK))
    assert [row.kind for row in history.model.rows()] == ["Check-in", "Check-in"]
    assert all(not row.care for row in history.model.rows())  # care is not region pain


def test_deleting_a_grouped_row_deletes_its_entries_and_undo_brings_them_back(qtbot, journal_path) -> None:
    seed(journal_path)
    window = make_window(qtbot, journal_path)
    history = window.history
    target = next(i for i, row in enumerate(history.model.rows()) if row.care)
    history.table.selectRow(target)
    qtbot.mouseClick(history.delete_button, Qt.MouseButton.LeftButton)
    assert "Deleted a check-in and 2 care entries of 2026-03-02" in window.statusBar().currentMessage()
    with Journal.open(journal_path) as j:
        assert (j.counts().checkins, j.counts().care) == (1, 1)
    window.undo_action.trigger()
    with Journal.open(journal_path) as j:
        assert (j.counts().checkins, j.counts().care) == (2, 3)
        assert {e.detail for e in j.care(date(2026, 3, 2), date(2026, 3, 2))} == {"", "ibuprofen 400 mg"}
    assert history.count.text() == "6 entries in 4 rows"


def test_a_day_of_care_alone_offers_each_entry_to_edit(qtbot, journal_path) -> None:
    seed(journal_path)
    window = make_window(qtbot, journal_path)
    history = window.history
    history.kind.setCurrentText("Care")
    assert history.model.rowCount() == 2  # 2 March (2 entries) and 5 March
    history.select_first()  # 5 March: one entry, so Edit opens it at once
    assert history.edit_button.isEnabled() and history.delete_button.isEnabled()
    history.table.selectRow(1)  # 2 March: Edit offers the row's entries in a menu
    qtbot.mouseClick(history.edit_button, Qt.MouseButton.LeftButton)
    assert history.edit_menu.isVisible()
    assert sorted(a.text() for a in history.edit_menu.actions()) == [
        "Care: Heat 20 min…",
        "Care: Painkiller (over the counter): ibuprofen 400 mg…",
    ]
    history.edit_menu.close()
    centre = history.table.visualRect(history.model.index(1, 3)).center()
    qtbot.mouseClick(history.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(history.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # so does a double-click
    qtbot.waitUntil(history.edit_menu.isVisible)
    assert len(history.edit_menu.actions()) == 2
    history.edit_menu.close()
