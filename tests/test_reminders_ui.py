"""Check-in reminders in the window, on a fake clock: the reminder fires at its time and opens the check-in;
the start-up offer after a run; the notification text; Settings and the autostart entry."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from journal.analysis.reminders import ReminderKind
from journal.cli import build_parser
from journal.domain.entries import CheckIn, RegionScore, Run
from journal.domain.settings import Settings
from journal.domain.vocabulary import Region, Timing
from journal.storage.journal import Journal
from journal.ui import autostart
from journal.ui.forms.checkin_dialog import CheckInDialog
from journal.ui.info_bar import InfoBar
from journal.ui.reminders import ReminderTray
from tests.ui_helpers import make_window, when_modal


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def seed(path: Path, settings: Settings, runs=(), checkins=()) -> None:
    with Journal.open(path) as j:
        j.save_settings(settings)
        j.add_entries(runs=list(runs), checkins=list(checkins))


def save_with_lower_back(score: int, seen: dict):
    def answer(dialog: CheckInDialog) -> None:
        seen["when"] = dialog.when.dateTime().toPython()
        seen["timing"] = dialog.rows[Region.LOWER_BACK].timing.currentData()
        dialog.rows[Region.LOWER_BACK].score.setText(str(score))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    return answer


def test_a_daily_reminder_fires_at_its_time_and_opens_the_check_in(qtbot, journal_path) -> None:
    seed(journal_path, Settings(reminder_daily=True, reminder_daily_time=time(20, 0), reminder_morning_after_run=False))
    clock = FakeClock(datetime(2026, 3, 2, 19, 58))
    window = make_window(qtbot, journal_path, clock=clock)
    reminders = window.reminders
    assert reminders.driver.pending.at == datetime(2026, 3, 2, 20, 0)
    clock.now = datetime(2026, 3, 2, 19, 59, 59)
    assert reminders.driver.check() is None and not reminders.reminder_bar.isVisibleTo(window)
    clock.now = datetime(2026, 3, 2, 20, 0, 30)
    assert reminders.driver.check().kind is ReminderKind.DAILY
    bar = reminders.reminder_bar
    assert bar.isVisibleTo(window) and "Time for your check-in" in bar.text.text()  # no tray offscreen: the bar
    assert reminders.driver.pending.at == datetime(2026, 3, 3, 20, 0)  # once a day
    seen: dict = {}
    when_modal(save_with_lower_back(3, seen), CheckInDialog)
    qtbot.mouseClick(bar.action_button, Qt.MouseButton.LeftButton)  # click the reminder
    assert seen["when"] == datetime(2026, 3, 2, 20, 0)
    with Journal.open(journal_path) as j:
        [saved] = j.checkins()
        assert saved.recorded_at == datetime(2026, 3, 2, 20, 0) and saved.score_for(Region.LOWER_BACK) == 3
    assert not bar.isVisibleTo(window)


def test_no_reminder_for_a_day_already_checked_in_or_when_it_is_too_late(qtbot, journal_path) -> None:
    seed(journal_path, Settings(reminder_daily=True, reminder_daily_time=time(20, 0), reminder_morning_after_run=False))
    clock = FakeClock(datetime(2026, 3, 2, 19, 0))
    window = make_window(qtbot, journal_path, clock=clock)
    window.ops.save_checkin(CheckIn(datetime(2026, 3, 2, 19, 30), (RegionScore(Region.LOWER_BACK, 1),)))
    assert window.reminders.driver.pending.day == date(2026, 3, 3)  # the journal changed: rescheduled
    clock.now = datetime(2026, 3, 3, 23, 30)  # the computer slept through the evening
    assert window.reminders.driver.check() is None
    assert window.reminders.last_text is None


def test_the_morning_reminder_from_the_tray_opens_a_next_morning_check_in(qtbot, journal_path) -> None:
    seed(journal_path, Settings(reminder_morning_time=time(7, 30)), runs=[Run(datetime(2026, 3, 2, 18), 10_000.0)])
    clock = FakeClock(datetime(2026, 3, 2, 21, 0))
    window = make_window(qtbot, journal_path, clock=clock)
    tray = ReminderTray(window)  # not shown: the offscreen test platform has no tray to show it in
    window.reminders.use_tray(tray)
    messages = []
    tray.showMessage = lambda title, text, *_args: messages.append((title, text))
    clock.now = datetime(2026, 3, 3, 7, 31)
    assert window.reminders.driver.check().kind is ReminderKind.MORNING_AFTER_RUN
    assert messages == [window.reminders.last_text] and "morning" in messages[0][0]
    assert not window.reminders.reminder_bar.isVisibleTo(window)  # the notification, not the bar
    seen: dict = {}
    when_modal(save_with_lower_back(4, seen), CheckInDialog)
    tray.messageClicked.emit()  # the person clicks the notification
    assert seen["when"] == datetime(2026, 3, 3, 7, 31) and seen["timing"] == Timing.NEXT_MORNING
    with Journal.open(journal_path) as j:
        assert j.checkins()[0].scores[0].timing is Timing.NEXT_MORNING


def test_the_notification_never_shows_scores_or_notes(qtbot, journal_path) -> None:
    private = "PRIVATE: sharp pain after the 21 km, took 2 ibuprofen"
    checkins = [
        CheckIn(datetime(2026, 3, 1, 8) + timedelta(days=i), (RegionScore(Region.LOWER_BACK, 9 - i),), notes=private)
        for i in range(2)
    ]
    settings = Settings(reminder_daily=True, reminder_daily_time=time(21, 0))
    seed(journal_path, settings, runs=[Run(datetime(2026, 3, 2, 18), 21_100.0, notes=private)], checkins=checkins)
    clock = FakeClock(datetime(2026, 3, 2, 20, 0))
    window = make_window(qtbot, journal_path, clock=clock)
    shown = []
    window.reminders.driver.due.connect(
        lambda _r: shown.append((window.reminders.last_text, window.reminders.reminder_bar.text.text()))
    )
    for now in (datetime(2026, 3, 3, 8, 0), datetime(2026, 3, 3, 21, 0)):
        clock.now = now
        window.reminders.driver.check()
    assert len(shown) == 2  # the morning after the run, then the evening
    for (title, message), bar_text in shown:
        for text in (title, message, bar_text):
            assert not re.search(r"\d", text), text  # no score, distance, time or date
            assert "PRIVATE" not in text and "ibuprofen" not in text


def test_start_up_offers_a_check_in_for_the_morning_after_a_run(qtbot, journal_path) -> None:
    seed(journal_path, Settings(), runs=[Run(datetime(2026, 3, 2, 18), 10_000.0)])
    window = make_window(qtbot, journal_path, clock=FakeClock(datetime(2026, 3, 3, 10, 15)))
    offer = window.reminders.offer_bar
    assert offer.isVisibleTo(window) and "this morning" in offer.text.text()
    seen: dict = {}
    when_modal(save_with_lower_back(2, seen), CheckInDialog)
    qtbot.mouseClick(offer.action_button, Qt.MouseButton.LeftButton)
    assert seen["when"] == datetime(2026, 3, 3, 8, 0) and seen["timing"] == Timing.NEXT_MORNING
    with Journal.open(journal_path) as j:
        assert j.checkins()[0].recorded_at == datetime(2026, 3, 3, 8, 0)
    assert not offer.isVisibleTo(window)


def test_no_offer_when_the_morning_was_checked_in_or_the_reminder_is_off(qtbot, tmp_path) -> None:
    run = Run(datetime(2026, 3, 2, 18), 10_000.0)
    done = tmp_path / "done.sqlite3"
    seed(
        done, Settings(), runs=[run], checkins=[CheckIn(datetime(2026, 3, 3, 7), (RegionScore(Region.LOWER_BACK, 0),))]
    )
    assert not make_window(qtbot, done, clock=FakeClock(datetime(2026, 3, 3, 10))).reminders.offer_bar.isVisibleTo(None)
    off = tmp_path / "off.sqlite3"
    seed(off, Settings(reminder_morning_after_run=False), runs=[run])
    window = make_window(qtbot, off, clock=FakeClock(datetime(2026, 3, 3, 10)))
    assert window.reminders.offered_morning is None and window.reminders.offer_bar.isHidden()


def test_the_real_clock_offers_after_yesterdays_run(qtbot, journal_path) -> None:
    yesterday = date.today() - timedelta(days=1)
    seed(journal_path, Settings(), runs=[Run(datetime.combine(yesterday, time(6, 0)), 5000.0)])
    window = make_window(qtbot, journal_path)
    window.show()
    # on its own, shortly after start-up (nothing here asks for the reminders)
    qtbot.waitUntil(lambda: (bar := window.findChild(InfoBar, "offer-bar")) is not None and bar.isVisible())
    assert window.reminders.offered_morning == date.today()


def test_reminder_settings_are_saved_in_the_journal(qtbot, journal_path) -> None:
    window = make_window(qtbot, journal_path)
    page = window.show_tab("Settings")
    box = page.reminders
    assert box.morning.isChecked() and not box.daily.isChecked() and not box.daily_time.isEnabled()
    assert "no system tray" in box.how.text()  # the offscreen platform has none; Settings says so
    box.daily.setChecked(True)
    box.daily_time.setTime(box.daily_time.time().fromString("21:15", "HH:mm"))
    box.morning.setChecked(False)
    with Journal.open(journal_path) as j:
        s = j.settings()
    assert (s.reminder_daily, s.reminder_daily_time, s.reminder_morning_after_run) == (True, time(21, 15), False)
    assert replace(s, reminder_daily=False) != s
    assert window.reminders.driver.pending is not None and window.reminders.driver.pending.at.time() == time(21, 15)


def test_start_with_the_session_writes_and_removes_the_autostart_entry(qtbot, journal_path) -> None:
    entry = autostart.entry_path()
    assert str(entry).startswith(os.environ["XDG_CONFIG_HOME"])  # conftest's temporary folder, never the real one
    entry.unlink(missing_ok=True)
    page = make_window(qtbot, journal_path).show_tab("Settings")
    box = page.reminders.autostart
    assert box.isEnabled() and not box.isChecked()
    box.setChecked(True)
    text = entry.read_text()
    assert " -m journal --minimised --db " in text and str(journal_path) in text
    assert autostart.MARKER in text and (entry.stat().st_mode & 0o777) == 0o600
    box.setChecked(False)
    assert not entry.exists()


def test_another_programs_autostart_file_is_left_alone(qtbot, journal_path) -> None:
    entry = autostart.entry_path()
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text("[Desktop Entry]\nExec=something-else\n")
    try:
        box = make_window(qtbot, journal_path).show_tab("Settings").reminders
        box.autostart.setChecked(True)
        assert not box.autostart.isChecked() and "was not written by Run Journal" in box.autostart_note.text()
        assert entry.read_text() == "[Desktop Entry]\nExec=something-else\n"
    finally:
        entry.unlink()


@pytest.mark.parametrize(("platform", "word"), [("darwin", "macOS"), ("win32", "Windows")])
def test_autostart_says_where_it_is_not_supported(platform: str, word: str, tmp_path) -> None:
    reason = autostart.unsupported_reason(tmp_path / "j.sqlite3", platform)
    assert reason is not None and word in reason and "not supported" in reason
    assert autostart.unsupported_reason(tmp_path / "j.sqlite3", "linux") is None


def test_the_window_starts_minimised_with_the_option() -> None:
    assert build_parser().parse_args(["--minimised"]).minimised
    assert build_parser().parse_args(["--minimized"]).minimised
    assert not build_parser().parse_args([]).minimised


def test_started_minimised_with_a_tray_closing_hides_the_window(qtbot, journal_path) -> None:
    window = make_window(qtbot, journal_path)
    window.reminders.use_tray(ReminderTray(window))
    window.reminders.keep_running_in_tray = True
    window.show()
    window.close()
    assert window.isHidden() and window.reminders.tray is not None  # still running, in the tray


def test_the_autostart_command_quotes_paths_as_the_desktop_entry_spec_says(tmp_path) -> None:
    text = autostart.entry_text(Path("/home/ann lee/100% $journal.sqlite3"))
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert exec_line.endswith('--minimised --db "/home/ann lee/100%% \\\\$journal.sqlite3"')
    with pytest.raises(autostart.AutostartError, match="line break"):
        autostart.entry_text(Path("/tmp/a\nb.sqlite3"))
