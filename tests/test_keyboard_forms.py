"""The forms by keyboard (issue 12, item 5): Ctrl+Enter saves every form, Esc asks before throwing typing away,
errors wait until a field is touched, Tab follows the layout, and Log run and Check-in are filled and saved
from the main window without the mouse. Every test checks what a person would notice, then the journal file."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QWidget

from journal.demo import write_demo_journal
from journal.domain.entries import CheckIn, RegionScore, Shoe
from journal.domain.units import DistanceUnit
from journal.domain.vocabulary import CareKind, Radiates, Region, Timing
from journal.storage.journal import Journal
from journal.ui.colours import Tone
from journal.ui.flags.card import FlagCard
from journal.ui.flags.state import FlagState
from journal.ui.forms.checkin_dialog import CheckInDialog
from journal.ui.forms.form_dialog import FormDialog
from journal.ui.forms.run_dialog import RunDialog
from journal.ui.operations import JournalOperations
from journal.ui.pages.shoes_page import ShoeDialog
from journal.ui.race.dialog import RaceDialog
from journal.ui.scheme import tone_of
from tests.keyboard_helpers import activate, answer_next_box, focused, press, tab_walk, type_text, when_active
from tests.ui_helpers import make_window

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def ops(journal_path):
    journal = Journal.open(journal_path)
    yield JournalOperations(journal)
    journal.close()


def shown(qtbot, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    return dialog


def red_messages(dialog: QWidget) -> list[str]:
    return [w.text() for w in dialog.findChildren(QLabel) if w.isVisible() and tone_of(w) is Tone.ERROR]


def save_button(dialog) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def buttons_left_to_right(box: QDialogButtonBox) -> list[QWidget]:
    return sorted((b for b in box.buttons() if b.isVisible() and b.isEnabled()), key=lambda b: b.x())


# ---- Ctrl+Enter ------------------------------------------------------------------------------------------------
def test_ctrl_enter_saves_a_run_from_inside_the_notes(qtbot, ops, journal_path):
    dialog = shown(qtbot, RunDialog(ops))
    dialog.then_check_in.setChecked(False)
    type_text("5.5")
    dialog.notes.setFocus()
    type_text("easy")
    press(Qt.Key.Key_Return, CTRL)
    assert not dialog.isVisible()
    [run] = ops.read.runs()
    assert run.distance_m == pytest.approx(5500.0) and run.notes == "easy"  # no newline typed into the notes


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_enter_saves_a_checkin_from_the_score_and_from_the_notes(qtbot, ops, key):
    dialog = shown(qtbot, CheckInDialog(ops))
    type_text("3")  # the lower back's score has the focus
    press(key, CTRL)
    assert not dialog.isVisible()
    second = shown(qtbot, CheckInDialog(ops, when=datetime.now() - timedelta(hours=2)))
    second.notes.setFocus()
    type_text("stiff")
    press(key, CTRL)
    assert not second.isVisible()
    assert sorted(c.notes for c in ops.read.checkins()) == ["", "stiff"]
    assert {c.score_for(Region.LOWER_BACK) for c in ops.read.checkins()} == {3, 0}


def test_ctrl_enter_saves_a_race_and_shoes(qtbot, ops):
    race = shown(qtbot, RaceDialog(ops))
    type_text("Harbour 10k")
    press(Qt.Key.Key_Enter, CTRL)
    assert not race.isVisible() and [r.name for r in ops.read.races()] == ["Harbour 10k"]
    shoes = shown(qtbot, ShoeDialog(ops, None, DistanceUnit.KM))
    shoes.name.setFocus()
    type_text("Trail pair")
    press(Qt.Key.Key_Return, CTRL)
    assert not shoes.isVisible() and [s.name for s in ops.read.shoes()] == ["Trail pair"]


def test_ctrl_enter_in_a_flag_note_acknowledges_it(qtbot, tmp_path):
    journal = Journal.open(write_demo_journal(tmp_path / "demo.sqlite3"))
    try:
        ops = JournalOperations(journal)
        flag = FlagState(ops).result().flags[0]
        card = FlagCard(flag, [])
        notes: list[str] = []
        card.acknowledge_requested.connect(notes.append)
        shown(qtbot, card)
        card.note.setFocus()
        type_text("booked the GP")
        press(Qt.Key.Key_Return, CTRL)
        assert notes == ["booked the GP"]
    finally:
        journal.close()


def test_ctrl_enter_saves_the_flag_thresholds(qtbot, ops):
    from journal.analysis.flags import FlagThresholds
    from journal.ui.flags.about import AboutFlagsDialog

    dialog = shown(qtbot, AboutFlagsDialog(ops, FlagThresholds()))
    dialog.editors["lingering_days"].setFocus()
    dialog.editors["lingering_days"].selectAll()
    type_text("30")
    press(Qt.Key.Key_Return, CTRL)
    assert not dialog.isVisible() and ops.read.raw_settings()["flags.lingering_days"] == "30"


# ---- errors once touched ------------------------------------------------------------------------------------------
def test_log_run_opens_without_red_text_and_says_why_save_waits(qtbot, ops):
    dialog = shown(qtbot, RunDialog(ops))
    assert red_messages(dialog) == []
    assert not save_button(dialog).isEnabled()
    hint = dialog.checks.hint
    assert hint.isVisible() and hint.text() == "To save: enter the distance."
    assert tone_of(hint) is not Tone.ERROR and save_button(dialog).toolTip() == hint.text()
    press(Qt.Key.Key_Tab)  # left the distance empty: now it says so at the field
    assert red_messages(dialog) == ["Enter the distance"]
    assert not hint.isVisible()


def test_a_typed_value_is_checked_at_once_and_save_comes_back_when_it_is_fixed(qtbot, ops):
    dialog = shown(qtbot, RunDialog(ops))
    type_text("0")
    assert red_messages(dialog) == ["Distance must be more than 0"]
    dialog.distance.selectAll()
    type_text("7")
    assert red_messages(dialog) == [] and save_button(dialog).isEnabled() and not dialog.checks.hint.isVisible()


def test_save_pressed_too_early_shows_every_message_and_goes_to_the_first_field(qtbot, ops):
    dialog = shown(qtbot, RaceDialog(ops))
    dialog.goal.setFocus()
    type_text("0:01")  # faster than any record: touched, so its message shows
    dialog.name.clear()
    dialog.goal.setFocus()
    press(Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and ops.read.races() == []
    messages = red_messages(dialog)
    assert "Enter a name for the race" in messages and any("faster than" in m for m in messages)
    assert focused() is dialog.name


def test_editing_a_stored_run_opens_quietly_too(qtbot, ops):
    from journal.domain.entries import Run

    saved = ops.save_run(Run(datetime(2026, 3, 1, 7, 30), 8000.0, 2400))
    dialog = shown(qtbot, RunDialog(ops, saved))
    assert red_messages(dialog) == [] and save_button(dialog).isEnabled() and not dialog.checks.hint.isVisible()


# ---- Esc, Cancel, the close button -------------------------------------------------------------------------------
def close_by(way: str, dialog: FormDialog) -> None:
    if way == "Esc":
        press(Qt.Key.Key_Escape)
    elif way == "Cancel":
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    else:
        dialog.close()  # the window's close button


@pytest.mark.parametrize("way", ["Esc", "Cancel", "close button"])
def test_a_changed_run_asks_before_it_is_discarded(qtbot, ops, way):
    dialog = shown(qtbot, RunDialog(ops))
    type_text("8.2")
    asked: list[str] = []
    answer_next_box(dialog, "Keep editing", asked)
    close_by(way, dialog)
    assert asked == ["Discard this run?"] and dialog.isVisible() and dialog.distance.text() == "8.2"
    qtbot.waitUntil(dialog.isActiveWindow)  # back in the form, where the keys go
    answer_next_box(dialog, "Discard", asked)
    close_by(way, dialog)
    assert asked == ["Discard this run?", "Discard this run?"] and not dialog.isVisible()
    assert ops.read.runs() == []


def test_a_changed_checkin_race_and_shoes_ask_too(qtbot, ops):
    checkin = shown(qtbot, CheckInDialog(ops))
    checkin.care[CareKind.ICE].setChecked(True)
    race = shown(qtbot, RaceDialog(ops))
    race.name.setText("Spring 5k")
    shoes = shown(qtbot, ShoeDialog(ops, Shoe("Old pair"), DistanceUnit.KM))
    shoes.retired.setChecked(True)
    asked: list[str] = []
    for dialog in (checkin, race, shoes):
        activate(qtbot, dialog)
        answer_next_box(dialog, "Discard", asked)
        press(Qt.Key.Key_Escape)
        assert not dialog.isVisible()
    assert asked == ["Discard this check-in?", "Discard this race?", "Discard the changes to these shoes?"]
    assert ops.read.checkins() == [] and ops.read.races() == [] and ops.read.shoes() == []


@pytest.mark.parametrize("form", ["run", "checkin", "race", "shoes"])
def test_an_unchanged_form_closes_at_once(qtbot, ops, form):
    dialog = shown(
        qtbot,
        {
            "run": lambda: RunDialog(ops),
            "checkin": lambda: CheckInDialog(ops, run=None),
            "race": lambda: RaceDialog(ops),
            "shoes": lambda: ShoeDialog(ops, None, DistanceUnit.KM),
        }[form](),
    )
    if form == "run":
        dialog.then_check_in.setChecked(False)  # what happens next is not part of the run: nothing to discard
    asked: list[str] = []
    answer_next_box(dialog, "Discard", asked, wait_ms=300)
    press(Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.wait(350)
    assert asked == []


# ---- Tab order ---------------------------------------------------------------------------------------------------
def test_tab_follows_the_run_form_top_to_bottom(qtbot, ops):
    dialog = shown(qtbot, RunDialog(ops))
    type_text("8")  # Save becomes available, so it is a stop too
    d = dialog
    expected = [
        d.when, d.distance, d.duration, d.effort, d.surface, d.shoe, d.foot_strike,
        d.stretched, d.hydrated, d.hot, d.stopped, d.notes, d.then_check_in, *buttons_left_to_right(d.buttons),
    ]  # fmt: skip
    assert tab_walk(d.when, len(expected)) == expected


def test_tab_follows_the_checkin_form_row_by_row_then_the_map_and_care(qtbot, ops):
    ops.save_checkin(CheckIn(datetime.now() - timedelta(days=1), (RegionScore(Region.LOWER_BACK, 2),)), [])
    d = shown(qtbot, CheckInDialog(ops))
    rows = [w for region in Region for w in (d.rows[region].score, d.rows[region].timing,
                                             d.rows[region].character, d.rows[region].radiates)]  # fmt: skip
    expected = [
        d.when, d.same_button, d.pain_free_button, *rows, d.interference, *d.signs.values(),
        *d.body_map.spots.values(), *d.care.values(), d.core_minutes, d.painkiller_detail, d.notes,
        *buttons_left_to_right(d.buttons),
    ]  # fmt: skip
    assert tab_walk(d.when, len(expected)) == expected


def test_tab_follows_the_race_and_shoe_forms(qtbot, ops):
    race = shown(qtbot, RaceDialog(ops))
    race.name.setText("Autumn marathon")
    expected = [race.name, race.day, race.distance_choice, race.goal, *buttons_left_to_right(race.buttons)]
    assert tab_walk(race.name, len(expected)) == expected
    race.distance_choice.setCurrentIndex(race.distance_choice.count() - 1)  # another distance: its box shows
    race.custom_distance.setText("30")
    expected = [race.name, race.day, race.distance_choice, race.custom_distance, race.goal]
    assert tab_walk(race.name, len(expected)) == expected
    shoes = shown(qtbot, ShoeDialog(ops, None, DistanceUnit.KM))
    s = shoes
    expected = [s.name, s.first_used, s.has_first_used, s.prior, s.retire_at, s.retired]
    assert tab_walk(s.name, len(expected)) == expected


def test_tab_leaves_a_table_for_the_buttons_in_the_restore_list(qtbot, ops, journal_path):
    from journal.storage.backup import list_backups, make_backup
    from journal.ui.backups.dialog import BackupListDialog

    make_backup(journal_path, "manual")
    dialog = shown(qtbot, BackupListDialog(list_backups(journal_path)))
    expected = [dialog.table, *buttons_left_to_right(dialog.buttons)]
    assert tab_walk(dialog.table, len(expected)) == expected  # not cell by cell inside the table


def test_tab_leaves_the_history_table(qtbot, tmp_path):
    from tests.window_tour import demo_window

    window = demo_window(qtbot, tmp_path)
    activate(qtbot, window)
    walk = tab_walk(window.history.table, 3)
    assert walk[0] is window.history.table and window.history.table not in walk[1:]


# ---- the keyboard alone, from the main window ---------------------------------------------------------------------
def test_log_run_then_check_in_by_keyboard_alone(qtbot, journal_path):
    window = make_window(qtbot, journal_path)
    activate(qtbot, window)
    done: list[str] = []

    def fill_checkin(dialog: QWidget) -> None:
        assert isinstance(dialog, CheckInDialog) and focused() is dialog.rows[Region.LOWER_BACK].score
        type_text("4")
        press(Qt.Key.Key_Tab)  # when felt: "after a run" is chosen already, since the check-in follows one
        press(Qt.Key.Key_Tab)  # the character's menu
        press(Qt.Key.Key_Tab)  # spreads
        press(Qt.Key.Key_Down)
        press(Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # "how much did pain get in the way"
        type_text("3")
        press(Qt.Key.Key_Return, CTRL)
        done.append("check-in")

    def fill_run(dialog: QWidget) -> None:
        assert isinstance(dialog, RunDialog) and focused() is dialog.distance
        type_text("8.2")
        press(Qt.Key.Key_Tab)
        type_text("45:00")
        press(Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # foot strike
        press(Qt.Key.Key_Down)
        when_active(CheckInDialog, fill_checkin)
        press(Qt.Key.Key_Return, CTRL)
        done.append("run")

    when_active(RunDialog, fill_run)
    press(Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: done == ["run", "check-in"])
    with Journal.open(journal_path) as journal:
        [run], [checkin] = journal.runs(), journal.checkins()
    assert run.distance_m == pytest.approx(8200.0) and run.duration_s == 2700 and run.foot_strike is not None
    assert checkin.run_id == run.id and checkin.interference == 3
    lower = next(s for s in checkin.scores if s.region is Region.LOWER_BACK)
    assert lower.score == 4 and lower.timing is Timing.AFTER_RUN and lower.radiates not in (None, Radiates.NONE)


def test_a_morning_check_in_by_keyboard_alone(qtbot, journal_path):
    window = make_window(qtbot, journal_path)
    activate(qtbot, window)
    done: list[bool] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, CheckInDialog)
        type_text("2")
        for _ in range(4):  # to the upper back's score, on the next row
            press(Qt.Key.Key_Tab)
        assert focused() is dialog.rows[list(Region)[1]].score  # the second row
        type_text("5")
        press(Qt.Key.Key_Return, CTRL)
        done.append(True)

    when_active(CheckInDialog, fill)
    press(Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: done == [True])
    with Journal.open(journal_path) as journal:
        [checkin] = journal.checkins()
    first, second = list(Region)[:2]  # the first two rows of the grid
    assert checkin.score_for(first) == 2 and checkin.score_for(second) == 5
    assert checkin.recorded_at.date() == date.today() and checkin.run_id is None
