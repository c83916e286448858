"""Every page on an empty or sparse journal says what will appear there and what to log first; no empty chart."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtWidgets import QApplication, QDialogButtonBox

from journal.domain.entries import CheckIn, JournalData, RegionScore, Run
from journal.domain.settings import Settings
from journal.domain.vocabulary import Region
from journal.interchange.report.charts import report_charts
from journal.interchange.report.report_model import build_report
from journal.ui.pages.shoes_page import ShoeDialog
from tests.ui_helpers import make_window, when_modal


def shown_window(qtbot, path):
    window = make_window(qtbot, path)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def show(qtbot, window, title: str):
    """Open the tab (a page built now is shown on the next turn of the event loop)."""
    page = window.show_tab(title)
    qtbot.waitUntil(page.isVisible)
    return page


def test_each_page_of_an_empty_journal_says_what_will_appear_and_what_to_log(qtbot, journal_path) -> None:
    window = shown_window(qtbot, journal_path)
    calendar = show(qtbot, window, "Calendar")
    assert calendar.notice.isVisible() and "Your month at a glance will appear here" in calendar.notice.text()
    assert "worst pain" in calendar.notice.text() and "To start:" in calendar.notice.text()
    flags = show(qtbot, window, "Flags")
    assert flags.empty_journal.isVisible() and not flags.empty.isVisible() and not flags.history_title.isVisible()
    assert "Flags will appear here" in flags.empty_journal.text() and "Check-in" in flags.empty_journal.text()
    race = show(qtbot, window, "Race")
    assert "No goal race yet" in race.empty.text() and "log your runs" in race.empty.text()
    report = show(qtbot, window, "Report")
    assert report.notice.isVisible() and "Your summary for a doctor visit will appear here" in report.notice.text()
    assert "Log run" in report.notice.text()
    shoes = show(qtbot, window, "Shoes")
    assert shoes.empty.isVisible() and not shoes.table.isVisible()
    assert "Your shoes will appear here" in shoes.empty.text() and "Add shoes…" in shoes.empty.text()
    assert not shoes.edit_button.isEnabled()  # nothing to edit


def test_the_pages_move_on_once_there_is_something_to_show(qtbot, journal_path) -> None:
    window = shown_window(qtbot, journal_path)
    for title in ("Calendar", "Race", "Report", "Shoes", "Flags"):
        show(qtbot, window, title)  # built while empty
    now = datetime.now().replace(second=0, microsecond=0)
    window.ops.save_run(Run(now - timedelta(minutes=30), 5000.0, shoe="Pegasus 40"))
    window.ops.save_checkin(CheckIn(now, scores=(RegionScore(Region.LOWER_BACK, 0),)))
    calendar = show(qtbot, window, "Calendar")
    assert not calendar.notice.isVisible()
    race = show(qtbot, window, "Race")
    assert "No goal race yet" in race.empty.text() and "log your runs" not in race.empty.text()
    report = show(qtbot, window, "Report")
    assert not report.notice.isVisible()
    shoes = show(qtbot, window, "Shoes")
    assert shoes.table.isVisible() and shoes.model.rowCount() == 1  # named in Log run
    flags = show(qtbot, window, "Flags")
    assert not flags.empty_journal.isVisible() and flags.empty.isVisible()
    assert "No flags today" in flags.empty.text() and "judged on 1 check-in" in flags.empty.text()


def test_an_empty_period_and_an_empty_month_say_so(qtbot, journal_path) -> None:
    window = shown_window(qtbot, journal_path)
    window.ops.save_run(Run(datetime(2025, 3, 4, 7), 5000.0))
    report = show(qtbot, window, "Report")
    assert report.notice.isVisible()
    text = report.notice.text()
    assert "Nothing logged from" in text and "without charts" in text and "Last 8 weeks" in text
    calendar = show(qtbot, window, "Calendar")
    assert calendar.notice.isVisible() and f"Nothing logged in {date.today():%B %Y}" in calendar.notice.text()


def test_shoes_are_added_from_the_empty_page(qtbot, journal_path) -> None:
    window = shown_window(qtbot, journal_path)
    shoes = show(qtbot, window, "Shoes")

    def name_them(dialog: ShoeDialog) -> None:
        dialog.name.setText("Speedgoat 5")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    when_modal(name_them, ShoeDialog)
    shoes.empty_add.click()
    QApplication.processEvents()
    assert shoes.table.isVisible() and shoes.model.index(0, 0).data() == "Speedgoat 5"


def test_no_report_chart_is_drawn_without_data() -> None:
    today = date.today()
    start, end = today - timedelta(days=13), today
    checkins = (CheckIn(datetime.combine(today - timedelta(days=2), time(8)), (RegionScore(Region.LOWER_BACK, 3),)),)
    runs = (Run(datetime.combine(today - timedelta(days=3), time(7)), 6000.0),)

    def titles(data: JournalData) -> list[str]:
        return [chart[3] for chart in report_charts(build_report(data, Settings(), start, end))]

    assert titles(JournalData()) == []  # nothing logged: no chart
    assert titles(JournalData(checkins=checkins)) == ["Pain per region over the period"]  # no run: no weekly bars
    pain_free = (CheckIn(checkins[0].recorded_at, (RegionScore(Region.LOWER_BACK, 0),)),)
    assert titles(JournalData(checkins=pain_free)) == []  # no pain and no runs: nothing to draw
    assert titles(JournalData(runs=runs, checkins=checkins)) == [
        "Weekly distance with pain",
        "Pain per region over the period",
    ]
