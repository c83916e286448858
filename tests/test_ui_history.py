"""History, Shoes and Settings as a person uses them; each change checked in the journal file."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from journal.domain.entries import CheckIn, RegionScore, Run, Shoe
from journal.domain.units import DistanceUnit
from journal.domain.vocabulary import Region
from journal.storage.journal import Journal
from journal.ui.forms.run_dialog import RunDialog
from tests.ui_helpers import make_window, when_modal


def seed(path):
    with Journal.open(path) as j:
        j.add_entries(
            runs=[
                Run(started_at=datetime(2026, 3, 1, 7), distance_m=5000.0, shoe="Old"),
                Run(started_at=datetime(2026, 4, 1, 7), distance_m=12000.0, shoe="Old"),
            ],
            checkins=[
                CheckIn(
                    recorded_at=datetime(2026, 3, 2, 8),
                    scores=(RegionScore(Region.LOWER_BACK, 5), RegionScore(Region.HAMSTRING_LEFT, 0)),
                ),
                CheckIn(
                    recorded_at=datetime(2026, 4, 2, 8),
                    scores=(RegionScore(Region.LOWER_BACK, 0), RegionScore(Region.HAMSTRING_LEFT, 3)),
                ),
            ],
            shoes=[Shoe(name="Old", prior_m=620_000.0, retire_at_m=700_000.0)],
        )


def visible_kinds(window):
    model = window.history.model
    return [model.index(i, 2).data() for i in range(model.rowCount())]


def test_empty_journal_says_what_to_do(qtbot, journal_path):
    window = make_window(qtbot, journal_path)
    assert window.history.stack.currentWidget() is window.history.empty_states.empty_page
    text = window.history.empty_states.empty.text()
    assert "Your entries will appear here" in text and "newest first" in text  # what will appear
    assert "Log run" in text and "Ctrl+K" in text  # what to log first


def test_filters_that_match_nothing_say_so(qtbot, journal_path):
    seed(journal_path)
    window = make_window(qtbot, journal_path)
    history = window.history
    history.kind.setCurrentText("Care")
    assert history.stack.currentWidget() is history.empty_states.no_match_page
    assert (
        "No care entries" in history.empty_states.no_match.text()
        and "The journal holds 4 entries" in history.empty_states.no_match.text()
    )
    history.kind.setCurrentText("Check-ins")
    history.region.setCurrentIndex(history.region.findData(Region.UPPER_BACK))
    assert "No check-ins with the upper back hurting" in history.empty_states.no_match.text()
    history.region.setCurrentIndex(0)
    assert history.stack.currentWidget() is history.table and history.model.rowCount() == 2


def test_newest_first_and_sortable(qtbot, journal_path):
    seed(journal_path)
    window = make_window(qtbot, journal_path)
    proxy = window.history.model
    assert proxy.index(0, 0).data() == "Thu 2026-04-02"
    window.history.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # worst pain
    assert proxy.index(0, 4).data() == "5/10"


def test_filter_by_region_and_dates(qtbot, journal_path):
    seed(journal_path)
    window = make_window(qtbot, journal_path)
    history = window.history
    history.region.setCurrentIndex(history.region.findData(Region.HAMSTRING_LEFT))
    assert visible_kinds(window) == ["Check-in"]
    assert "Left hamstring 3" in history.model.index(0, 3).data()
    history.region.setCurrentIndex(0)
    history.all_dates.setChecked(False)
    history.date_from.setDate(date(2026, 3, 1))
    history.date_to.setDate(date(2026, 3, 31))
    assert sorted(visible_kinds(window)) == ["Check-in", "Run"]
    assert history.count.text() == "2 entries"


def test_delete_then_undo_restores_the_entry(qtbot, journal_path):
    seed(journal_path)
    window = make_window(qtbot, journal_path)
    window.history.select_first()
    qtbot.mouseClick(window.history.delete_button, Qt.MouseButton.LeftButton)
    with Journal.open(journal_path) as j:
        assert j.counts().checkins == 1
    assert "Undo" in window.statusBar().currentMessage()
    window.undo_action.trigger()
    with Journal.open(journal_path) as j:
        assert j.counts().checkins == 2
        assert j.checkins()[-1].score_for(Region.HAMSTRING_LEFT) == 3


def test_edit_a_run_from_history(qtbot, journal_path):
    seed(journal_path)
    window = make_window(qtbot, journal_path)
    window.history.kind.setCurrentText("Runs")
    window.history.select_first()

    def change_distance(dialog):
        dialog.distance.selectAll()
        qtbot.keyClicks(dialog.distance, "13.5")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    when_modal(change_distance, RunDialog)
    qtbot.mouseClick(window.history.edit_button, Qt.MouseButton.LeftButton)
    with Journal.open(journal_path) as j:
        assert sorted(r.distance_m for r in j.runs()) == [5000.0, 13500.0]
        assert j.counts().runs == 2


def test_shoes_near_retire_at_are_flagged(qtbot, journal_path):
    seed(journal_path)
    window = make_window(qtbot, journal_path)
    shoes = window.show_tab("Shoes")
    assert shoes.model.index(0, 3).data() == "637 km"  # 620 prior + 5 + 12
    assert shoes.model.index(0, 6).data() == "Near retire-at"
    assert "Old" in shoes.warning.text()


def test_switching_to_miles_redraws_history_and_shoes(qtbot, journal_path):
    seed(journal_path)
    window = make_window(qtbot, journal_path)
    page = window.show_tab("Settings")
    page.units.setCurrentIndex(page.units.findData(DistanceUnit.MI))
    with Journal.open(journal_path) as j:
        assert j.settings().units is DistanceUnit.MI
    window.history.kind.setCurrentText("Runs")
    assert "mi" in window.history.model.index(0, 3).data()
    assert window.show_tab("Shoes").model.index(0, 3).data() == "396 mi"


def test_name_for_reports_is_saved(qtbot, journal_path):
    window = make_window(qtbot, journal_path)
    page = window.show_tab("Settings")
    qtbot.keyClicks(page.name, "Ana Ruiz")
    page.name.editingFinished.emit()
    with Journal.open(journal_path) as j:
        assert j.settings().name == "Ana Ruiz"


def test_window_size_and_position_are_remembered(qtbot, journal_path, tmp_path):
    ini = tmp_path / "window.ini"
    window = make_window(qtbot, journal_path, ini)
    window.show()
    window.resize(800, 520)
    window.move(0, 30)
    where = window.geometry()
    window.close()
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    assert settings.value("window/geometry") is not None
    again = make_window(qtbot, journal_path, ini)
    # the offscreen screen is 800 px wide, so only the position and height are compared
    assert (again.geometry().topLeft(), again.height()) == (where.topLeft(), where.height())
