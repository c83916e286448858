"""The Race page in the window: add a race through the dialog and read the verdict; checks as you type; undo;
the line under the flag banner; the chart's hover values and PNG; the report's "Goal race" section."""

from __future__ import annotations

import stat
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from journal.domain.races import HALF_MARATHON_KM, MARATHON_KM, Race
from journal.storage.journal import Journal
from tests.race_helpers import journal_runs
from tests.ui_helpers import make_window, when_modal

TODAY = date.today()
THIS_MONDAY = TODAY - timedelta(days=TODAY.weekday())


def _ten_km_weeks(path: Path, weeks: int = 8) -> None:
    """``weeks`` finished weeks of 10 km (two 5 km runs) up to last week: a small base."""
    with Journal.open(path) as journal:
        journal.add_entries(runs=journal_runs([(10.0, 5.0)] * weeks, THIS_MONDAY - timedelta(weeks=weeks)))


def _fill(dialog, name: str, day: date, distance: str, goal: str = "", custom: str = "") -> None:
    dialog.name.setText(name)
    dialog.day.setDate(QDate(day.year, day.month, day.day))
    dialog.distance_choice.setCurrentIndex(dialog.distance_choice.findData(distance))
    if custom:
        dialog.custom_distance.setText(custom)
    dialog.goal.setText(goal)


def _race_page(qtbot, window):
    """The Race tab, once shown (a page built on first view is shown, and so filled, by the event loop)."""
    page = window.show_tab("Race")
    qtbot.waitUntil(page.isVisible)
    return page


def _save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def test_adding_a_marathon_five_weeks_out_from_a_small_base_reads_re_plan(qtbot, journal_path) -> None:
    _ten_km_weeks(journal_path)
    window = make_window(qtbot, journal_path)
    window.show()
    page = _race_page(qtbot, window)
    assert page.stack.currentIndex() == 0 and "No goal race yet" in page.empty.text()
    race_day = THIS_MONDAY + timedelta(weeks=5, days=6)

    def add(dialog) -> None:
        _fill(dialog, "Autumn marathon", race_day, "marathon", "3:45:00")
        assert _save_button(dialog).isEnabled()
        qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)

    when_modal(add)
    qtbot.mouseClick(page.empty_add, Qt.MouseButton.LeftButton)
    with Journal.open(journal_path) as journal:
        [saved] = journal.races()
    assert (saved.name, saved.day, saved.distance_km, saved.goal_time_s) == (
        "Autumn marathon",
        race_day,
        MARATHON_KM,
        13500,
    )
    assert page.stack.currentIndex() == 1
    assert "Re-plan" in page.verdict.text()
    assert page.summary.text().startswith("Re-plan: from a longest run of 5.0 km")
    assert "Autumn marathon · marathon" in page.race_line.text()
    statuses = {row.text.text().split("</b>")[0].removeprefix("<b>"): row.status.text() for row in page.check_rows}
    assert "Problem" in statuses["Base for the distance"]
    assert "not a workout generator" in page.note.text()
    # the line under the flag banner: the race is within 8 weeks
    window.race_line.refresh()
    assert window.race_line.isVisible()
    assert "Autumn marathon" in window.race_line.label.text() and "Re-plan" in window.race_line.label.text()


def test_the_dialog_checks_as_you_type_and_saves_nothing_wrong(qtbot, journal_path) -> None:
    from journal.ui.operations import JournalOperations
    from journal.ui.race.dialog import RaceDialog

    journal = Journal.open(journal_path)
    ops = JournalOperations(journal)
    dialog = RaceDialog(ops)
    qtbot.addWidget(dialog)
    assert dialog.no_runs_note.isVisibleTo(dialog)  # a race before any run: said plainly, still allowed
    soon = TODAY + timedelta(weeks=10)
    cases = [
        (("", soon, "10k"), "Enter a name for the race"),
        (("Old", TODAY - timedelta(days=2), "10k"), "is in the past"),
        (("Zero", soon, "custom", "", "0"), "must be more than 0"),
        (("Far", soon, "custom", "", "501"), "at most 500 km"),
        (("Fast", soon, "half", "0:55:00"), "faster than the men's world record (57:30"),
        (("Typo", soon, "5k", "ab"), "h:mm:ss"),
    ]
    for args, words in cases:
        _fill(dialog, *args)
        shown = " ".join(
            label.text() for label in dialog.findChildren(type(dialog.build_hint)) if label.isVisibleTo(dialog)
        )
        assert words.lower() in shown.lower(), (args, shown)  # at the field, or in the hint beside Save
        assert not _save_button(dialog).isEnabled()
        dialog.submit()
    assert journal.races() == []
    _fill(dialog, "Club 12 km", soon, "custom", "", "12")
    assert _save_button(dialog).isEnabled() and "about 10 weeks" in dialog.build_hint.text()
    dialog.submit()
    assert [(r.name, r.distance_km) for r in journal.races()] == [("Club 12 km", 12.0)]
    journal.close()


def test_edit_remove_and_undo(qtbot, journal_path, monkeypatch) -> None:
    _ten_km_weeks(journal_path)
    with Journal.open(journal_path) as journal:
        journal.save_race(Race("Spring half", TODAY + timedelta(weeks=12), HALF_MARATHON_KM))
    window = make_window(qtbot, journal_path)
    window.show()
    page = _race_page(qtbot, window)
    assert page.race_box.currentText().endswith("Spring half")

    def rename(dialog) -> None:
        dialog.name.setText("City half")
        qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)

    when_modal(rename)
    page.edit_race()
    assert [r.name for r in window.ops.read.races()] == ["City half"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.remove_race()
    assert window.ops.read.races() == [] and page.stack.currentIndex() == 0
    window.ops.undo_stack.undo()  # the removal
    assert [r.name for r in window.ops.read.races()] == ["City half"]
    window.ops.undo_stack.undo()  # the rename
    assert [r.name for r in window.ops.read.races()] == ["Spring half"]
    page.refresh()
    assert page.race_box.currentText().endswith("Spring half")


def test_the_banner_line_only_within_eight_weeks(qtbot, journal_path) -> None:
    _ten_km_weeks(journal_path)
    with Journal.open(journal_path) as journal:
        journal.save_race(Race("Far away", TODAY + timedelta(weeks=8, days=1), 10.0))
    window = make_window(qtbot, journal_path)
    window.show()
    window.race_line.refresh()
    assert not window.race_line.isVisible()
    window.ops.save_race(Race("Soon 10 km", TODAY + timedelta(weeks=7), 10.0))
    qtbot.waitUntil(lambda: window.race_line.isVisible())
    assert "Soon 10 km" in window.race_line.label.text()
    with qtbot.waitSignal(window.race_line.open_race_requested):
        qtbot.mouseClick(window.race_line.button, Qt.MouseButton.LeftButton)


def test_chart_hover_values_and_png(qtbot, journal_path, tmp_path) -> None:
    _ten_km_weeks(journal_path)
    with Journal.open(journal_path) as journal:
        journal.save_race(Race("Summer 10 km", TODAY + timedelta(weeks=9), 10.0))
    window = make_window(qtbot, journal_path)
    window.resize(1366, 768)
    window.show()
    page = _race_page(qtbot, window)
    chart = page.chart
    chart.canvas.draw()
    first = page.plan.weeks[0]
    x = chart.planned.get_paths()[0].vertices[:, 0].mean()
    text = chart.hover_text_at_data(chart.ax, x, 1.0)
    assert text is not None and text.startswith(f"Week of {first.week_start.day} ")
    assert f"Planned {first.planned_km:.1f} km" in text and "Run: 10.0 km, longest 5.0 km" in text
    out = page.save_chart(tmp_path / "plan.png")
    assert out is not None and out.read_bytes()[:4] == b"\x89PNG"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_race_with_no_runs_says_what_to_do(qtbot, journal_path) -> None:
    with Journal.open(journal_path) as journal:
        journal.save_race(Race("First race", TODAY + timedelta(weeks=10), 5.0))
    window = make_window(qtbot, journal_path)
    window.show()
    page = _race_page(qtbot, window)
    assert "Re-plan" in page.verdict.text()
    assert "no running to build from" in page.summary.text()
    assert "No runs logged before this race yet" in page.chart.empty_label.text()


def test_distances_follow_the_journal_unit(qtbot, journal_path) -> None:
    from journal.domain.settings import Settings
    from journal.domain.units import DistanceUnit

    _ten_km_weeks(journal_path)
    with Journal.open(journal_path) as journal:
        journal.save_settings(Settings(units=DistanceUnit.MI))
        journal.save_race(Race("Summer 10 km", TODAY + timedelta(weeks=9), 10.0))
    window = make_window(qtbot, journal_path)
    window.show()
    page = _race_page(qtbot, window)
    chart = page.chart
    chart.canvas.draw()
    assert chart.ax.get_ylabel() == "Distance per week (mi)"
    x = chart.planned.get_paths()[0].vertices[:, 0].mean()
    assert "Run: 6.2 mi, longest 3.1 mi" in chart.hover_text_at_data(chart.ax, x, 0.5)


def test_the_report_has_a_goal_race_section(journal_path) -> None:
    import io

    from pypdf import PdfReader

    from journal.interchange.report.charts import report_charts
    from journal.interchange.report.pdf import render_pdf
    from journal.interchange.report.report_model import load_report
    from journal.interchange.report.wording import report_document

    _ten_km_weeks(journal_path)
    with Journal.open(journal_path) as journal:
        journal.save_race(Race("Autumn marathon", THIS_MONDAY + timedelta(weeks=5, days=6), MARATHON_KM))
        report = load_report(journal, THIS_MONDAY - timedelta(weeks=7), TODAY)
    assert report.goal_race is not None and report.goal_race.verdict == "re_plan"
    text = PdfReader(io.BytesIO(render_pdf(report_document(report, report_charts(report))))).pages[0].extract_text()
    assert "Goal race" in text and "Autumn marathon" in text and "Re-plan" in text
    with Journal.open(journal_path) as journal:
        journal.delete_race(journal.races()[0].id)
        assert load_report(journal, THIS_MONDAY - timedelta(weeks=7), TODAY).goal_race is None
