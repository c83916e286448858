"""The window as a runner uses it: type into the real forms, click Save, then check the journal file."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from journal.domain.entries import CheckIn, RegionScore, Run
from journal.domain.settings import Settings
from journal.domain.units import DistanceUnit
from journal.domain.vocabulary import CareKind, Region, Surface, WarningSign
from journal.storage.journal import Journal
from journal.ui.forms.checkin_dialog import CheckInDialog
from journal.ui.forms.run_dialog import RunDialog
from journal.ui.qt_dates import to_qdatetime
from tests.ui_helpers import make_window, when_modal


def save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def stored(path):
    with Journal.open(path) as j:
        return j.runs(), j.checkins(), j.care()


def test_log_a_run_by_typing(qtbot, journal_path):
    window = make_window(qtbot, journal_path)
    dialog = RunDialog(window.ops, parent=window)
    qtbot.keyClicks(dialog.distance, "8.2")
    qtbot.keyClicks(dialog.duration, "45:00")
    assert dialog.pace.text() == "5:29 /km"
    dialog.surface.setCurrentIndex(dialog.surface.findData(Surface.TRAIL))
    dialog.shoe.setCurrentText("Pegasus 40")
    qtbot.keyClicks(dialog.notes, "easy 'trail' run,")  # QTest types ASCII only
    dialog.notes.insertPlainText(" ünïcode")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    [run], _, _ = stored(journal_path)
    assert run.distance_m == pytest.approx(8200.0)
    assert run.duration_s == 2700 and run.surface is Surface.TRAIL and run.shoe == "Pegasus 40"
    assert run.notes == "easy 'trail' run, ünïcode"
    assert window.history.model.rowCount() == 1  # History updated without rebuilding the window


@pytest.mark.parametrize(
    ("distance", "message"),
    [
        ("0", "Distance must be more than 0"),
        ("-2", "more than 0"),
        ("500.1", "at most 500 km"),
        ("abc", "'abc' is not a number"),
        ("", "Enter the distance"),
    ],
)
def test_bad_distance_is_refused_at_the_field(qtbot, journal_path, distance, message):
    window = make_window(qtbot, journal_path)
    dialog = RunDialog(window.ops, parent=window)
    dialog.show()
    qtbot.keyClicks(dialog.distance, distance)
    labels = [w.text().lower() for w in dialog.findChildren(type(dialog.pace)) if w.isVisible()]
    assert any(message.lower() in text for text in labels)  # at the field, or (not typed in yet) beside Save
    assert not save_button(dialog).isEnabled()
    dialog.submit()  # even a forced save stores nothing
    assert stored(journal_path)[0] == []


def test_a_pace_faster_than_the_world_record_is_refused_at_the_duration(qtbot, journal_path):
    """10 km in 20:00 (a slip of the keyboard) is faster than the 10 km world record of 26:24: refused, said why."""
    window = make_window(qtbot, journal_path)
    dialog = RunDialog(window.ops, parent=window)
    dialog.show()
    qtbot.keyClicks(dialog.distance, "10")
    qtbot.keyClicks(dialog.duration, "20:00")
    shown = " ".join(w.text() for w in dialog.findChildren(type(dialog.pace)) if w.isVisible())
    assert "faster than the men's world record (26:24" in shown and "check the distance and the time" in shown
    assert not save_button(dialog).isEnabled()
    dialog.submit()
    assert stored(journal_path)[0] == []
    dialog.duration.clear()
    qtbot.keyClicks(dialog.duration, "41:00")  # a fast club runner's 10 km is fine
    assert save_button(dialog).isEnabled()


def test_the_distance_limit_is_said_in_miles_first_when_the_journal_is_in_miles(qtbot, journal_path):
    with Journal.open(journal_path) as j:
        j.save_settings(Settings(units=DistanceUnit.MI))
    window = make_window(qtbot, journal_path)
    dialog = RunDialog(window.ops, parent=window)
    dialog.show()
    qtbot.keyClicks(dialog.distance, "320")
    shown = [w.text() for w in dialog.findChildren(type(dialog.pace)) if w.isVisible()]
    assert any("at most 310.7 mi (500 km)" in text for text in shown)


def test_future_date_is_refused(qtbot, journal_path):
    window = make_window(qtbot, journal_path)
    dialog = RunDialog(window.ops, parent=window)
    dialog.show()
    qtbot.keyClicks(dialog.distance, "5")
    dialog.when.setDateTime(to_qdatetime(datetime.now() + timedelta(days=2)))
    assert not save_button(dialog).isEnabled()
    assert any("future" in w.text() for w in dialog.findChildren(type(dialog.pace)) if w.isVisible())


def test_miles_setting_stores_metres(qtbot, journal_path):
    with Journal.open(journal_path) as j:
        j.save_settings(Settings(units=DistanceUnit.MI))
    window = make_window(qtbot, journal_path)
    dialog = RunDialog(window.ops, parent=window)
    qtbot.keyClicks(dialog.distance, "5")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert stored(journal_path)[0][0].distance_m == pytest.approx(8046.72, abs=0.1)


def test_defaults_are_the_last_shoes_and_surface(qtbot, journal_path):
    with Journal.open(journal_path) as j:
        j.add_run(Run(started_at=datetime(2026, 3, 1, 7), distance_m=5000.0, surface=Surface.TRACK, shoe="Spikes"))
    window = make_window(qtbot, journal_path)
    dialog = RunDialog(window.ops, parent=window)
    assert dialog.surface.currentData() == Surface.TRACK
    assert dialog.shoe.currentText() == "Spikes"
    assert abs(dialog.when.dateTime().toPython() - datetime.now()) < timedelta(minutes=2)


def test_check_in_saves_every_region_signs_and_care_in_one_go(qtbot, journal_path):
    window = make_window(qtbot, journal_path)
    dialog = CheckInDialog(window.ops, parent=window)
    back = dialog.rows[Region.LOWER_BACK].score
    back.selectAll()
    qtbot.keyClicks(back, "4")
    dialog.signs[WarningSign.NIGHT_PAIN].setChecked(True)
    dialog.care[CareKind.PAINKILLER].setChecked(True)
    qtbot.keyClicks(dialog.painkiller_detail, "ibuprofen 200 mg")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    _, [checkin], [care] = stored(journal_path)
    assert checkin.score_for(Region.LOWER_BACK) == 4
    assert {s.region for s in checkin.scores} == set(Region)  # pain-free regions are on record as 0
    assert checkin.warning_signs == (WarningSign.NIGHT_PAIN,)
    assert (care.kind, care.detail) == (CareKind.PAINKILLER, "ibuprofen 200 mg")


def test_pain_score_outside_0_to_10_is_refused(qtbot, journal_path):
    window = make_window(qtbot, journal_path)
    dialog = CheckInDialog(window.ops, parent=window)
    dialog.show()
    row = dialog.rows[Region.HAMSTRING_LEFT]
    row.score.selectAll()
    qtbot.keyClicks(row.score, "11")
    assert row.message.isVisible() and "from 0 to 10" in row.message.text()
    assert not save_button(dialog).isEnabled()
    row.score.selectAll()
    qtbot.keyClicks(row.score, "10")
    assert save_button(dialog).isEnabled()


def test_arrow_keys_step_the_score_within_range(qtbot, journal_path):
    window = make_window(qtbot, journal_path)
    dialog = CheckInDialog(window.ops, parent=window)
    score = dialog.rows[Region.UPPER_BACK].score
    qtbot.keyClick(score, Qt.Key.Key_Down)
    assert score.text() == "0"
    for _ in range(12):
        qtbot.keyClick(score, Qt.Key.Key_Up)
    assert score.text() == "10"


def test_ctrl_n_then_check_in_after_the_run(qtbot, journal_path):
    """The 30-second flow: Ctrl+N, type the distance, save, then the check-in opens linked to the run."""
    window = make_window(qtbot, journal_path)
    window.show()

    def fill_run(dialog):
        qtbot.keyClicks(dialog.distance, "10")
        when_modal(fill_checkin, CheckInDialog)
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)

    def fill_checkin(dialog):
        dialog.rows[Region.HAMSTRING_RIGHT].score.setText("3")
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)

    when_modal(fill_run, RunDialog)
    window.log_run_action.trigger()
    [run], [checkin], _ = stored(journal_path)
    assert checkin.run_id == run.id and checkin.score_for(Region.HAMSTRING_RIGHT) == 3
    assert checkin.scores[0].timing is not None and checkin.scores[0].timing.value == "after_run"


def test_entries_survive_closing_and_reopening(qtbot, journal_path):
    window = make_window(qtbot, journal_path)
    window.ops.save_run(Run(started_at=datetime(2026, 3, 1, 7), distance_m=5000.0))
    window.ops.save_checkin(CheckIn(recorded_at=datetime(2026, 3, 1, 9), scores=(RegionScore(Region.GLUTE_HIP, 2),)))
    window.close()
    window.ops.read.close()
    again = make_window(qtbot, journal_path)
    kinds = sorted(row.kind for row in again.history.model.rows())
    assert kinds == ["Check-in", "Run"]
