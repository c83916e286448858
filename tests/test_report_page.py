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
