"""The Calendar page: a known month's colours, distances and marks; moving with the keyboard; editing a day."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette

from journal.analysis.calendar import month_grid, summarise_days
from journal.domain.entries import CareEntry, CheckIn, RegionScore, Run
from journal.domain.pain_scale import PAIN_COLOURS
from journal.domain.settings import WeekStart
from journal.domain.vocabulary import CareKind, Region, WarningSign
from journal.storage.journal import Journal
from journal.ui.forms.checkin_dialog import CheckInDialog
from tests.ui_helpers import make_window, when_modal

# March 2026: worst pain per day (two check-ins on the 3rd: the worse counts), runs, a painkiller, a warning sign
PAIN = {date(2026, 3, 2): 2, date(2026, 3, 3): 7, date(2026, 3, 10): 0, date(2026, 3, 21): 10}


def seed(path) -> None:
    checkins = [
        CheckIn(datetime.combine(day, datetime.min.time().replace(hour=8)), (RegionScore(Region.LOWER_BACK, s),))
        for day, s in PAIN.items()
    ]
    checkins.append(
        CheckIn(
            datetime(2026, 3, 3, 20),
            (RegionScore(Region.LOWER_BACK, 3), RegionScore(Region.HAMSTRING_LEFT, 1)),
            warning_signs=(WarningSign.FEVER,),
        )
    )
    with Journal.open(path) as j:
        j.add_entries(
            runs=[
                Run(datetime(2026, 3, 2, 7), 8000.0),
                Run(datetime(2026, 3, 2, 18), 4500.0),
                Run(datetime(2026, 3, 15, 9), 21100.0),
            ],
            checkins=checkins,
            care=[
                CareEntry(date(2026, 3, 3), CareKind.PAINKILLER, "ibuprofen 400 mg"),
                CareEntry(date(2026, 3, 3), CareKind.HEAT, minutes=20),
            ],
        )


def open_march(qtbot, path):
    window = make_window(qtbot, path)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_tab("Calendar")
    page.view.select(date(2026, 3, 1))
    return window, page


def cell_colour(view, day: date) -> QColor:
    image = view.grab().toImage()
    ratio = view.devicePixelRatioF()
    centre = view.cell_rect(view.days.index(day)).center()  # the middle of a cell holds no text or mark
    return image.pixelColor(int(centre.x() * ratio), int(centre.y() * ratio))


def test_month_grid_covers_the_month_in_six_weeks_from_the_week_start() -> None:
    days = month_grid(2026, 3, WeekStart.MONDAY)
    assert len(days) == 42 and days[0] == date(2026, 2, 23) and days[6] == date(2026, 3, 1)
    sunday = month_grid(2026, 3, WeekStart.SUNDAY)
    assert sunday[0] == date(2026, 3, 1) and sunday[-1] == date(2026, 4, 11)


def test_day_summaries_count_only_their_own_day() -> None:
    days = month_grid(2026, 3, WeekStart.MONDAY)
    runs = [Run(datetime(2026, 3, 2, 7), 8000.0), Run(datetime(2026, 3, 2, 18), 4500.0), Run(datetime(2026, 5, 1), 1.0)]
    summaries = summarise_days(days, runs, [], [CareEntry(date(2026, 3, 3), CareKind.ICE)])
    assert summaries[date(2026, 3, 2)].distance_m == 12_500.0 and summaries[date(2026, 3, 2)].runs == 2
    assert summaries[date(2026, 3, 2)].worst_pain is None  # no check-in is not "0"
    assert not summaries[date(2026, 3, 3)].painkiller and date(2026, 5, 1) not in summaries


def test_a_known_month_shows_the_right_colours_distances_and_marks(qtbot, journal_path) -> None:
    seed(journal_path)
    _window, page = open_march(qtbot, journal_path)
    view = page.view
    assert (view.year, view.month) == (2026, 3) and "March 2026" in page.title.text()
    assert page.summary(date(2026, 3, 3)).worst_pain == 7
    for day, worst in PAIN.items():
        assert cell_colour(view, day).name() == QColor(PAIN_COLOURS[worst]).name(), day
    base = view.palette().color(QPalette.ColorRole.Base).name()
    assert cell_colour(view, date(2026, 3, 15)).name() == base  # a run, no check-in: left plain
    march_2 = page.summary(date(2026, 3, 2))
    assert (march_2.runs, march_2.distance_m) == (2, 12_500.0)
    march_3 = page.summary(date(2026, 3, 3))
    assert march_3.painkiller and march_3.warning_signs == (WarningSign.FEVER,)
    assert [e.rule for e in march_3.flags] == ["warning_sign"]  # the flag first raised that day
    assert not page.summary(date(2026, 3, 4)).flags  # still raised, but not newly: no mark
    assert view.accessibleDescription() == "Sunday 1 March 2026: no check-in"


def test_the_keyboard_moves_days_and_months(qtbot, journal_path) -> None:
    seed(journal_path)
    _window, page = open_march(qtbot, journal_path)
    view = page.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.current == date(2026, 3, 2)
    assert "worst pain 2 of 10" in view.accessibleDescription() and "12.5 km" in view.accessibleDescription()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert (view.current, view.month) == (date(2026, 4, 2), 4) and "April 2026" in page.title.text()
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert (view.current, view.month) == (date(2026, 3, 26), 3)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.current == date(2026, 1, 26)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.current == date.today()


def test_clicking_a_day_lists_its_entries_and_edit_saves_a_change(qtbot, journal_path) -> None:
    seed(journal_path)
    _window, page = open_march(qtbot, journal_path)
    view = page.view
    qtbot.mouseClick(
        view, Qt.MouseButton.LeftButton, pos=QPoint(*map(int, view.cell_centre(date(2026, 3, 3)).toTuple()))
    )
    texts = [page.entries.item(i).text() for i in range(page.entries.count())]
    assert texts[0].startswith("08:00 Check-in: Lower back 7/10")
    assert texts[1].startswith("20:00 Check-in: Lower back 3/10") and "Fever" in texts[1]
    assert texts[2] == "Care: Painkiller (over the counter): ibuprofen 400 mg"
    assert page.edit_button.isEnabled() and page.entries.currentRow() == 0

    def lower_to_five(dialog: CheckInDialog) -> None:
        dialog.rows[Region.LOWER_BACK].score.setText("5")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    when_modal(lower_to_five, CheckInDialog)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    with Journal.open(journal_path) as j:
        assert j.checkins(date(2026, 3, 3), date(2026, 3, 3))[0].score_for(Region.LOWER_BACK) == 5
    assert page.summary(date(2026, 3, 3)).worst_pain == 5  # redrawn after the save
    assert cell_colour(view, date(2026, 3, 3)).name() == QColor(PAIN_COLOURS[5]).name()


def test_an_empty_day_says_so_and_a_future_day_cannot_be_checked_in(qtbot, journal_path) -> None:
    seed(journal_path)
    _window, page = open_march(qtbot, journal_path)
    page.view.select(date(2026, 3, 5))
    assert page.entries.item(0).text() == "Nothing logged on this day." and not page.edit_button.isEnabled()
    assert page.add_button.isEnabled()
    page.view.select(date(date.today().year + 1, 1, 1))
    assert not page.add_button.isEnabled()


def test_check_in_for_a_past_day_from_the_calendar(qtbot, journal_path) -> None:
    seed(journal_path)
    _window, page = open_march(qtbot, journal_path)
    page.view.select(date(2026, 3, 5))
    seen = {}

    def pain_free(dialog: CheckInDialog) -> None:
        seen["when"] = dialog.when.dateTime().toPython()
        dialog.fill_pain_free()
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    when_modal(pain_free, CheckInDialog)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert seen["when"] == datetime(2026, 3, 5, 8, 0)  # that day, at the morning time of Settings
    assert page.summary(date(2026, 3, 5)).worst_pain == 0
    assert cell_colour(page.view, date(2026, 3, 5)).name() == QColor(PAIN_COLOURS[0]).name()


def test_the_legend_wraps_its_marks_under_the_scale_on_a_narrow_page(qtbot) -> None:
    """At 800 px the one-line legend was cut off after 'fla'; it now takes a second line instead."""
    from journal.ui.calendar.marks import Legend

    legend = Legend()
    qtbot.addWidget(legend)
    one_line = legend.sizeHint()
    assert legend.heightForWidth(one_line.width()) == one_line.height()
    assert legend.heightForWidth(legend.minimumSizeHint().width()) == 2 * one_line.height()
    assert legend.minimumSizeHint().width() < one_line.width() * 0.7
