"""Dates out of range say why, typed or stepped (issue 12, item 7): a Qt date box with a limit refuses a key
without a word, so the app's date fields take any four-digit year and the form's check says what is wrong, at
the field (journal/ui/forms/dates.py)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateTimeEdit, QDialogButtonBox, QLabel

from journal.domain.settings import Settings
from journal.storage.journal import Journal
from journal.ui.colours import Tone
from journal.ui.forms.checkin_dialog import CheckInDialog
from journal.ui.forms.run_dialog import RunDialog
from journal.ui.operations import JournalOperations
from journal.ui.pages.history_page import HistoryPage
from journal.ui.pages.settings_page import SettingsPage
from journal.ui.race.dialog import RaceDialog
from journal.ui.scheme import tone_of
from tests.keyboard_helpers import activate, press, type_text


@pytest.fixture
def ops(journal_path):
    journal = Journal.open(journal_path)
    yield JournalOperations(journal)
    journal.close()


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    activate(qtbot, widget)
    return widget


def messages(widget) -> list[str]:
    return [w.text() for w in widget.findChildren(QLabel) if w.isVisible() and tone_of(w) is Tone.ERROR]


def type_year(edit: QDateTimeEdit, year: str) -> None:
    """Tab into the box (its first part, the year, is selected) and type a year, as a person would."""
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    edit.setSelectedSection(QDateTimeEdit.Section.YearSection)  # where Tab puts it; done here in case it had focus
    type_text(year)


def saveable(dialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()


def test_a_future_year_typed_in_the_run_form_is_kept_and_said_why(qtbot, ops):
    dialog = shown(qtbot, RunDialog(ops))
    type_text("8")
    type_year(dialog.when, "2099")
    assert dialog.when.date().year() == 2099  # not silently put back
    assert messages(dialog) == ["The date and time cannot be in the future"]
    assert not saveable(dialog)
    type_year(dialog.when, str(date.today().year))
    assert messages(dialog) == [] and saveable(dialog)


def test_stepping_past_today_or_before_1900_says_why(qtbot, ops):
    dialog = shown(qtbot, RunDialog(ops))
    type_text("8")
    this_year = dialog.when.date().year()
    dialog.when.setFocus(Qt.FocusReason.TabFocusReason)
    dialog.when.setSelectedSection(QDateTimeEdit.Section.YearSection)
    press(Qt.Key.Key_Up)  # stepped into next year: kept, not stopped at the limit
    assert dialog.when.date().year() == this_year + 1
    assert messages(dialog) == ["The date and time cannot be in the future"] and not saveable(dialog)
    press(Qt.Key.Key_Down)
    assert messages(dialog) == [] and saveable(dialog)
    dialog.when.setDate(QDate(1900, 1, 1))
    dialog.when.setSelectedSection(QDateTimeEdit.Section.YearSection)
    press(Qt.Key.Key_Down)
    assert dialog.when.date().year() == 1899 and messages(dialog) == ["The date must be after 1900"]


def test_the_checkin_and_the_race_say_why_too(qtbot, ops):
    checkin = shown(qtbot, CheckInDialog(ops))
    type_year(checkin.when, "2099")
    assert messages(checkin) == ["The date and time cannot be in the future"] and not saveable(checkin)
    race = shown(qtbot, RaceDialog(ops))
    race.name.setText("Club 10k")
    type_year(race.day, str(date.today().year - 1))
    assert any("is in the past: a goal race is one still to come" in m for m in messages(race))
    type_year(race.day, "2999")
    assert messages(race) == ["The race date must be within 5 years"] and not saveable(race)


def test_a_date_of_birth_in_the_future_says_why_and_is_not_saved(qtbot, ops):
    ops.save_settings(Settings(date_of_birth=date(1980, 5, 17)))
    page = shown(qtbot, SettingsPage(ops))
    assert page.dob.isEnabled() and messages(page) == []
    type_year(page.dob, "2099")
    assert page.dob.date().year() == 2099
    assert messages(page) == ["Date of birth not saved: the date cannot be in the future"]
    assert ops.read.settings().date_of_birth == date(1980, 5, 17)
    page.units.setCurrentIndex(1)  # the rest still saves
    assert ops.read.settings().units.value == "mi" and ops.read.settings().date_of_birth == date(1980, 5, 17)
    type_year(page.dob, "1979")
    assert messages(page) == [] and ops.read.settings().date_of_birth == date(1979, 5, 17)


def test_history_dates_that_cross_say_so(qtbot, ops):
    page = shown(qtbot, HistoryPage(ops))
    page.all_dates.setChecked(False)
    assert messages(page) == []
    page.date_from.setDate(QDate(2026, 3, 10))
    page.date_to.setDate(QDate(2026, 3, 1))
    assert messages(page) == ["2026-03-10 is after 2026-03-01: no day is in between"]
    page.all_dates.setChecked(True)
    assert messages(page) == []


def test_a_typed_date_is_not_refused_anywhere_the_app_asks_for_one(qtbot, ops):
    """Every date box of the forms and pages takes any four-digit year; its check, not Qt, decides."""
    from journal.domain.units import DistanceUnit
    from journal.ui.pages.shoes_page import ShoeDialog

    run, checkin, race = RunDialog(ops), CheckInDialog(ops, when=datetime(2026, 3, 1, 8)), RaceDialog(ops)
    shoes, settings, history = ShoeDialog(ops, None, DistanceUnit.KM), SettingsPage(ops), HistoryPage(ops)
    for widget in (run, checkin, race, shoes, settings, history):
        qtbot.addWidget(widget)
    for box in (run.when, checkin.when, race.day, shoes.first_used, settings.dob, history.date_from, history.date_to):
        assert box.minimumDate() == QDate(1000, 1, 1) and box.maximumDate() == QDate(9999, 12, 31), box
