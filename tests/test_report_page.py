"""The Report page driven as a person would: pick a period, save as PDF, export CSV and FHIR; print to a PDF file."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QSettings

from journal.domain.entries import CheckIn, RegionScore, Run
from journal.domain.settings import PaperSize, Settings
from journal.domain.vocabulary import Region
from journal.storage.journal import Journal
from journal.ui.operations import JournalOperations
from journal.ui.report.page import FOLDER_KEY, ReportPage


@pytest.fixture
def page(qtbot, journal: Journal):
    journal.add_entries(
        runs=[Run(datetime(2026, 3, 2, 7), 8000.0, 2700)],
        checkins=[CheckIn(datetime(2026, 3, 3, 8), scores=(RegionScore(Region.LOWER_BACK, 4),), notes="my own words")],
    )
    journal.save_settings(Settings(name="Kim Ørsted", paper_size=PaperSize.LETTER))
    ops = JournalOperations(journal)
    widget = ReportPage(ops)
    qtbot.addWidget(widget)
    yield widget
    ops.wait_for_background()


def _text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def _set_period(page: ReportPage, start: date, end: date) -> None:
    page.start_edit.setDate(QDate(start.year, start.month, start.day))
    page.end_edit.setDate(QDate(end.year, end.month, end.day))


def test_defaults_are_the_last_eight_weeks_and_the_paper_setting(page: ReportPage) -> None:
    start, end = page.period()
    assert end == date.today() and (end - start).days < 56 and start.weekday() == 0
    assert page.paper_box.currentText() == "Letter"
    assert not page.notes_box.isChecked()


def test_save_as_pdf_writes_the_summary_with_the_runners_name(qtbot, page: ReportPage, tmp_path: Path) -> None:
    _set_period(page, date(2026, 3, 1), date(2026, 3, 14))
    target = tmp_path / "visit.pdf"
    with qtbot.waitSignal(page.saved, timeout=30_000) as signal:
        page.notes_box.setChecked(True)
        page.save_pdf(target)
        assert not page.pdf_button.isEnabled() and not page.progress.isHidden()  # busy while it works
    assert signal.args == [str(target)]
    text = _text(target)
    assert "Kim Ørsted" in text and "1 Mar to 14 Mar 2026" in text
    assert "Note: my own words" in text  # the box was ticked
    assert round(float(PdfReader(target).pages[0].mediabox.height)) == 792  # Letter, per the setting
    assert page.pdf_button.isEnabled() and page.progress.isHidden()
    assert "Saved the summary" in page.status.text()
    assert QSettings().value(FOLDER_KEY) == str(tmp_path)  # the folder is remembered


def test_a_reversed_period_is_refused_with_a_message(qtbot, page: ReportPage, tmp_path: Path) -> None:
    _set_period(page, date(2026, 3, 14), date(2026, 3, 1))
    with qtbot.waitSignal(page.failed, timeout=5_000):
        page.save_pdf(tmp_path / "x.pdf")
    assert "starts" in page.status.text() and not (tmp_path / "x.pdf").exists()


def test_export_csv_and_fhir_from_the_page(qtbot, page: ReportPage, tmp_path: Path) -> None:
    _set_period(page, date(2026, 3, 1), date(2026, 3, 14))
    with qtbot.waitSignal(page.saved, timeout=30_000):
        page.export_csv(tmp_path / "csv")
    assert (tmp_path / "csv" / "symptoms.csv").read_text(encoding="utf-8-sig").count("Lower back") == 1
    with qtbot.waitSignal(page.saved, timeout=30_000):
        page.export_fhir(tmp_path / "bundle.json")
    bundle = json.loads((tmp_path / "bundle.json").read_text(encoding="utf-8"))
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds == ["Patient", "Observation", "Observation"]
    assert "my own words" not in json.dumps(bundle)


def test_printing_paints_every_page_with_the_footer(qtbot, page: ReportPage, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from journal.ui.report.printing import paint_report, set_paper

    _set_period(page, date(2026, 3, 1), date(2026, 3, 14))
    documents = []
    page._run("test", page._report_work(*page.period(), None), documents.append)
    qtbot.waitUntil(lambda: bool(documents), timeout=30_000)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    set_paper(printer, documents[0].paper_size)
    pages = paint_report(documents[0], printer)
    reader = PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == pages >= 2
    last = " ".join(reader.pages[-1].extract_text().split())
    assert f"Page {pages} of {pages}" in last and "not a diagnosis" in last
    assert "Kim Ørsted" in " ".join(reader.pages[0].extract_text().split())


# ---- the inline preview ------------------------------------------------------------------------
def _shown(qtbot, page: ReportPage) -> ReportPage:
    """Show the page (the preview builds only while it is visible) and wait for its first build."""
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: not page.preview_pane.updating(), timeout=30_000)
    return page


def _preview_says(qtbot, page: ReportPage, *texts: str) -> str:
    def ready() -> bool:
        text = page.preview_pane.text()
        assert not page.preview_pane.updating() and all(t in text for t in texts), text[:400]
        return True

    qtbot.waitUntil(ready, timeout=30_000)
    return page.preview_pane.text()


def test_the_preview_shows_what_the_summary_says(qtbot, page: ReportPage) -> None:
    _set_period(page, date(2026, 3, 1), date(2026, 3, 14))
    _shown(qtbot, page)
    text = _preview_says(qtbot, page, "Kim Ørsted", "1 Mar to 14 Mar 2026")
    assert text.index("Running and pain summary") < text.index("Flags and warning signs") < text.index("Log of")
    lines = text.splitlines()
    region = lines.index("Lower back")  # the table's cells, one a line: region, then its average
    assert lines[region + 1] == "4.0"
    assert "not a diagnosis" in text and "Note: my own words" not in text
    assert page.preview_pane.busy.text() == ""


def test_the_preview_follows_the_choices(qtbot, page: ReportPage) -> None:
    _set_period(page, date(2026, 3, 1), date(2026, 3, 14))
    _shown(qtbot, page)
    _preview_says(qtbot, page, "1 Mar to 14 Mar 2026")
    page.notes_box.setChecked(True)
    assert page.preview_pane.busy.text() == "Updating…" and page.preview_pane.updating()
    _preview_says(qtbot, page, "Note: my own words")
    _set_period(page, date(2026, 3, 10), date(2026, 3, 14))
    text = _preview_says(qtbot, page, "10 Mar to 14 Mar 2026")
    assert "No check-ins in this period" in text and "Nothing was logged in this period" in text
    assert "Kim Ørsted" in text


def test_quick_changes_build_the_preview_once(qtbot, page: ReportPage, monkeypatch) -> None:
    _set_period(page, date(2026, 3, 1), date(2026, 3, 14))
    _shown(qtbot, page)
    builds = []
    run = page.ops.run_in_background
    monkeypatch.setattr(page.ops, "run_in_background", lambda *a, **k: builds.append(1) or run(*a, **k))
    for day in (10, 11, 12):  # as if typing the last day
        page.end_edit.setDate(QDate(2026, 3, day))
    _preview_says(qtbot, page, "1 Mar to 12 Mar 2026")
    assert len(builds) == 1


def test_the_preview_catches_up_with_new_entries(qtbot, page: ReportPage) -> None:
    _set_period(page, date(2026, 3, 1), date(2026, 3, 14))
    _shown(qtbot, page)
    _preview_says(qtbot, page, "Kim Ørsted")
    checkin = CheckIn(datetime(2026, 3, 5, 8), scores=(RegionScore(Region.HAMSTRING_LEFT, 3),))
    page.ops.save_checkin(checkin)  # while the page is shown
    _preview_says(qtbot, page, "Left hamstring")

    page.hide()  # while hidden nothing is built ...
    page.ops.save_checkin(CheckIn(datetime(2026, 3, 6, 8), scores=(RegionScore(Region.UPPER_BACK, 5),)))
    qtbot.wait(400)
    assert not page.preview_pane.updating() and "Upper back 5/10" not in page.preview_pane.text()
    page.show()  # ... until it is shown again
    _preview_says(qtbot, page, "Upper back 5/10")


def test_a_reversed_period_is_explained_in_the_preview(qtbot, page: ReportPage) -> None:
    _set_period(page, date(2026, 3, 1), date(2026, 3, 14))
    _shown(qtbot, page)
    page.start_edit.setDate(QDate(2026, 3, 20))
    text = _preview_says(qtbot, page, "The period starts (2026-03-20) after it ends (2026-03-14)")
    assert "Kim Ørsted" not in text


def test_a_long_log_is_cut_in_the_preview_and_says_so() -> None:
    from journal.interchange.report.blocks import Para, ReportDocument, Table
    from journal.ui.report.preview import shorten_log

    rows = tuple((f"day {d}" if i == 0 else "", "08:00", "Check-in", "x") for d in range(10) for i in range(3))
    log = Table(("Day", "Time", "Entry", "What"), rows, (0.25,) * 4, group_starts=frozenset(range(0, 30, 3)))
    document = ReportDocument((Para("first"), log, Para("last")), "t", "h", "f", "r", "A4")
    short = shorten_log(document, 7)
    cut = short.blocks[1]
    assert isinstance(cut, Table) and len(cut.rows) == 9 and cut.rows[-3][0] == "day 2"  # whole days only
    assert "after 3 days of the log" in short.blocks[2].text and "other 7 days" in short.blocks[2].text
    assert short.blocks[-1] == Para("last") and shorten_log(document, 30) == document


def test_the_preview_is_counted_on_a_worker_thread_as_plain_data(qtbot, page: ReportPage, monkeypatch) -> None:
    import threading
    from dataclasses import fields, is_dataclass

    from shiboken6 import Shiboken

    from journal.interchange.report.blocks import ReportDocument

    seen: list[tuple[bool, object]] = []
    run = page.ops.run_in_background

    def watched(work, *args, **kwargs):
        def wrapper(journal, progress):
            result = work(journal, progress)
            seen.append((threading.current_thread() is threading.main_thread(), result))
            return result

        return run(wrapper, *args, **kwargs)

    monkeypatch.setattr(page.ops, "run_in_background", watched)
    _set_period(page, date(2026, 3, 1), date(2026, 3, 14))
    _shown(qtbot, page)
    _preview_says(qtbot, page, "Kim Ørsted")

    def qt_objects(value: object) -> list[object]:
        if isinstance(value, Shiboken.Object):
            return [value]
        if is_dataclass(value):
            return [q for f in fields(value) for q in qt_objects(getattr(value, f.name))]
        if isinstance(value, tuple | list | frozenset):
            return [q for v in value for q in qt_objects(v)]
        return []

    on_gui_thread, result = seen[0]
    assert not on_gui_thread and isinstance(result, ReportDocument) and qt_objects(result) == []
