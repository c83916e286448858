"""The Report page: the summary for a doctor visit - preview, print, save as PDF - and the CSV and FHIR exports.

The choices and buttons sit in a narrow column on the left; the rest of the page
is an inline preview of what the summary says (``preview.ReportPreview``), kept
up to date as the choices and the journal change. The report is built off the
GUI thread (``JournalOperations.run_in_background``) with a busy bar; only the
layout for the preview and the painting for print, which need Qt, run on the GUI
thread. The folder last saved to is remembered in QSettings.

Tests (and scripts) can skip the file dialogs by passing the target:
``save_pdf(path)``, ``export_csv(folder)``, ``export_fhir(path)``.

Signals:
    saved(str): a file (or the CSV folder) was written; the argument is its path.
    failed(str): building or writing failed; the message is for the person.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSettings, QSize, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.numbers import counted
from journal.domain.settings import PaperSize
from journal.storage.journal import Lists
from journal.ui.accessible import name_controls
from journal.ui.empty_state import LOG_FIRST, empty_state_html, empty_state_label
from journal.ui.operations import Change, JournalOperations
from journal.ui.report.preview import PreviewChoice, ReportPreview
from journal.ui.report.work import Work, import_report_modules, report_document_work

FOLDER_KEY = "report/last_folder"
SIDE_WIDTH = 290
PREVIEW_SIZE = QSize(900, 1100)
"""Print preview opens this size, or as large as the screen allows (Qt's own opens a strip 109 px high)."""
"""Pixels for the column of choices and buttons; the preview takes the rest of the page."""


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


SUMMARY_WHAT = (
    "A summary a doctor or physio can read in a minute: flags and warning signs first, pain per region with its "
    "trend beside a body map, when it hurts and where it spreads, the care you tried and the running behind it, "
    "then charts and a dated log, as a PDF or printed on A4 or Letter."
)


def empty_period_html(start: date, end: date, first_entry: date | None) -> str:
    """What the page says over the preview of a period with no entry: of an empty journal, what the summary will
    show and what to log first; else that nothing was logged then, and where the journal's entries begin."""
    if first_entry is None:
        return empty_state_html(
            "Your summary for a doctor visit will appear here",
            SUMMARY_WHAT,
            to_start=f"{LOG_FIRST} A few weeks of check-ins, pain-free days included, make a useful summary.",
        )
    when = f"{start.day} {start:%b %Y} to {end.day} {end:%b %Y}"
    where = (
        f"The journal's first entry is on {first_entry.day} {first_entry:%b %Y}: choose a period from then on"
        if first_entry > end
        else "Choose another period"
    )
    return empty_state_html(
        f"Nothing logged from {when}",
        f"The summary of this period would be empty, without charts. {where} (the dates on the left, or "
        "<b>Last 8 weeks</b>), or log what happened in it: runs, check-ins and care can be dated in the past.",
        to_start="",
    )


class ReportPage(QWidget):
    saved = Signal(str)
    failed = Signal(str)

    def __init__(self, ops: JournalOperations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._busy = False
        self._task: Any = None
        self._build()
        self.reset_period()
        ops.changed.connect(self._on_changed)

    # ---- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        """The choices and buttons in a narrow column on the left; the preview gets the rest."""
        intro = QLabel(
            "A summary a doctor or physio can read in a minute: flags and warning signs, pain per region, "
            "care tried and the running behind it, then charts and a dated log. Your notes are left out "
            "unless you tick the box."
        )
        intro.setWordWrap(True)
        self.start_edit, self.end_edit = QDateEdit(), QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.start_edit.setAccessibleName("First day of the report")
        self.end_edit.setAccessibleName("Last day of the report")
        last_8 = QPushButton("Last 8 weeks")
        last_8.clicked.connect(self.reset_period)
        self.notes_box = QCheckBox("Include my notes")
        self.paper_box = QComboBox()
        for size in PaperSize:
            self.paper_box.addItem(size.value, size.value)

        choices = QGridLayout()
        choices.setColumnStretch(3, 1)
        choices.addWidget(QLabel("<b>Period</b>"), 0, 0, 1, 4)
        choices.addWidget(self.start_edit, 1, 0)
        choices.addWidget(QLabel("to"), 1, 1)
        choices.addWidget(self.end_edit, 1, 2)
        choices.addWidget(last_8, 2, 0)
        choices.addWidget(self.notes_box, 3, 0, 1, 4)
        paper_label = QLabel("Paper")
        paper_label.setBuddy(self.paper_box)
        paper_row = QHBoxLayout()
        paper_row.addWidget(paper_label)
        paper_row.addWidget(self.paper_box)
        paper_row.addStretch(1)
        choices.addLayout(paper_row, 4, 0, 1, 4)

        self.pdf_button = QPushButton("Save as PDF…")
        self.print_button = QPushButton("Print…")
        self.preview_button = QPushButton("Print preview…")
        self.csv_button = QPushButton("Export CSV…")
        self.fhir_button = QPushButton("Export FHIR…")
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.csv_button.clicked.connect(lambda: self.export_csv())
        self.fhir_button.clicked.connect(lambda: self.export_fhir())
        self.preview_button.setToolTip("The printed pages, page by page, before printing")
        self.csv_button.setToolTip("runs.csv, symptoms.csv and care.csv for a spreadsheet (the period above)")
        self.fhir_button.setToolTip("A FHIR R4 bundle of pain scores and runs, for clinic systems that take FHIR")
        self.buttons = [self.pdf_button, self.print_button, self.preview_button, self.csv_button, self.fhir_button]

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the report has no meaningful steps to count
        self.progress.hide()
        self.status = QLabel("")
        self.status.setWordWrap(True)

        side = QWidget()
        side.setFixedWidth(SIDE_WIDTH)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(intro)
        column.addSpacing(8)
        column.addLayout(choices)
        column.addSpacing(12)
        column.addWidget(QLabel("<b>The summary</b>"))
        for button in self.buttons[:3]:
            column.addWidget(button)
        column.addSpacing(12)
        column.addWidget(QLabel("<b>The entries, for other programs</b>"))
        for button in self.buttons[3:]:
            column.addWidget(button)
        column.addSpacing(8)
        column.addWidget(self.progress)
        column.addWidget(self.status)
        column.addStretch(1)

        self.preview_pane = ReportPreview(self.ops, self.choice, self)
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(self.preview_pane.schedule)
            edit.dateChanged.connect(self._update_notice)
        self.notes_box.toggled.connect(self.preview_pane.schedule)
        self.paper_box.currentIndexChanged.connect(self.preview_pane.schedule)
        self.notice = empty_state_label()
        """Over the preview when the period holds no entry: what the summary shows and what to log first."""
        self.notice.hide()

        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.notice)
        right.addWidget(self.preview_pane, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(side)
        layout.addSpacing(6)
        layout.addLayout(right, 1)
        name_controls(self)

    # ---- period and settings -------------------------------------------------------------------
    def reset_period(self) -> None:
        """The last 8 calendar weeks up to today, and the paper size from Settings."""
        from journal.interchange.report.report_model import default_period

        settings = self.ops.read.settings()
        start, end = default_period(date.today(), settings.week_start)
        self.start_edit.setDate(_qdate(start))
        self.end_edit.setDate(_qdate(end))
        self.paper_box.setCurrentIndex(self.paper_box.findData(settings.paper_size.value))

    def period(self) -> tuple[date, date]:
        return _pydate(self.start_edit.date()), _pydate(self.end_edit.date())

    def choice(self) -> PreviewChoice:
        """The period, notes and paper as chosen on the page."""
        start, end = self.period()
        return PreviewChoice(start, end, self.notes_box.isChecked(), PaperSize(self.paper_box.currentData()))

    def _update_notice(self) -> None:
        """Say so over the preview when nothing was logged in the period (``empty_period_html``)."""
        start, end = self.period()
        read = self.ops.read
        empty = start <= end and read.count_entries(Lists.ALL, start, end) == 0
        if empty:
            self.notice.setText(empty_period_html(start, end, read.first_day(Lists.ALL)))
        self.notice.setVisible(empty)

    def _on_changed(self, change: Change) -> None:
        if change & Change.ENTRIES:
            self._update_notice()
        if change & Change.SETTINGS and not self._busy:
            settings = self.ops.read.settings()
            self.paper_box.setCurrentIndex(self.paper_box.findData(settings.paper_size.value))

    def _check_period(self) -> tuple[date, date] | None:
        start, end = self.period()
        if start > end:
            self._fail(f"The period starts ({start}) after it ends ({end}).")
            return None
        return start, end

    # ---- the work, off the GUI thread ------------------------------------------------------------
    import_report_modules = staticmethod(import_report_modules)

    def _run(self, what: str, work: Callable[..., Any], on_done: Callable[[Any], None]) -> None:
        if self._busy:
            return
        self.import_report_modules()
        self._busy = True
        for button in self.buttons:
            button.setEnabled(False)
        self.progress.show()
        self.status.setText(what)
        self._task = self.ops.run_in_background(work, lambda result: self._done(on_done, result), self._fail)

    def _done(self, on_done: Callable[[Any], None], result: Any) -> None:
        self._idle()
        on_done(result)

    def _idle(self) -> None:
        self._busy = False
        self._task = None
        for button in self.buttons:
            button.setEnabled(True)
        self.progress.hide()

    def _fail(self, message: str, _shown: bool = False) -> None:
        self._idle()
        self.status.setText(f"Not done: {message}")
        self.failed.emit(message)

    def _report_work(self, start: date, end: date, with_pdf: Path | None) -> Work:
        choice = self.choice()
        return report_document_work(start, end, choice.include_notes, choice.paper, with_pdf)

    # ---- save, preview, print --------------------------------------------------------------------
    def _ask_path(self, title: str, name: str, pattern: str) -> Path | None:
        folder = QSettings().value(FOLDER_KEY, str(Path.home()))
        chosen, _ = QFileDialog.getSaveFileName(self, title, str(Path(str(folder)) / name), pattern)
        return Path(chosen) if chosen else None

    def _remember(self, path: Path) -> None:
        QSettings().setValue(FOLDER_KEY, str(path.parent))

    def save_pdf(self, path: Path | str | None = None) -> None:
        """Build the report and write it as a PDF to ``path`` (asked with a file dialog when None)."""
        period = self._check_period()
        if period is None:
            return
        start, end = period
        target = (
            Path(path)
            if path
            else self._ask_path("Save the summary as PDF", f"run-journal-summary-{end}.pdf", "PDF (*.pdf)")
        )
        if target is None:
            return
        if target.suffix.lower() != ".pdf" and path is None:
            target = target.with_suffix(".pdf")
        self._remember(target)

        def done(_document) -> None:
            self.status.setText(f"Saved the summary to {target}")
            self.saved.emit(str(target))

        self._run("Building the summary…", self._report_work(start, end, target), done)

    def preview(self) -> None:
        """Build the report, then show it in Qt's print preview."""
        period = self._check_period()
        if period is not None:
            self._run("Building the summary…", self._report_work(*period, None), self._show_preview)

    def _show_preview(self, document) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from journal.ui.report.printing import paint_report, set_paper
        from journal.ui.window_size import fit_dialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_paper(printer, document.paper_size)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle("Summary for a doctor visit: preview")
        fit_dialog(dialog, PREVIEW_SIZE)  # a page's width and height where the screen has room, else all of it
        dialog.paintRequested.connect(lambda p: paint_report(document, p))
        name_preview_controls(dialog)
        self.status.setText("")
        dialog.exec()

    def print_report(self) -> None:
        """Build the report, then print it through the system's print dialog."""
        period = self._check_period()
        if period is not None:
            self._run("Building the summary…", self._report_work(*period, None), self._print)

    def _print(self, document) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from journal.ui.report.printing import paint_report, set_paper

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_paper(printer, document.paper_size)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            pages = paint_report(document, printer)
            self.status.setText(f"Sent {counted(pages, 'page')} to the printer.")

    # ---- other formats ---------------------------------------------------------------------------
    def export_csv(self, folder: Path | str | None = None) -> None:
        """runs.csv, symptoms.csv and care.csv of the period into ``folder`` (asked when None)."""
        period = self._check_period()
        if period is None:
            return
        if folder is None:
            start_folder = str(QSettings().value(FOLDER_KEY, str(Path.home())))
            chosen = QFileDialog.getExistingDirectory(self, "Folder for the CSV files", start_folder)
            if not chosen:
                return
            folder = chosen
        target = Path(folder)
        from journal.interchange.csv_export import existing_files

        clash = existing_files(target) if target.is_dir() else []
        if clash and not self._confirm_replace(", ".join(p.name for p in clash), target):
            return
        QSettings().setValue(FOLDER_KEY, str(target))
        start, end = period

        def work(journal, _progress):
            from journal.interchange.csv_export import write_csv

            return write_csv(journal.data(start, end), target)

        def done(result) -> None:
            self.status.setText(
                f"Wrote {counted(result.runs, 'run')} and {counted(result.symptom_rows, 'symptom row')} as CSV "
                f"files in {target}"
            )
            self.saved.emit(str(target))

        self._run("Writing the CSV files…", work, done)

    def export_fhir(self, path: Path | str | None = None) -> None:
        """A FHIR R4 JSON bundle of the period to ``path`` (asked when None)."""
        period = self._check_period()
        if period is None:
            return
        start, end = period
        target = (
            Path(path) if path else self._ask_path("Export FHIR", f"run-journal-fhir-{end}.json", "FHIR JSON (*.json)")
        )
        if target is None:
            return
        self._remember(target)
        include_notes = self.notes_box.isChecked()

        def work(journal, _progress):
            from journal.interchange import fhir
            from journal.interchange.private_files import write_private

            data = journal.data(start, end)
            write_private(target, fhir.dumps(data, journal.settings(), include_notes))
            return sum(len(c.scores) for c in data.checkins), len(data.runs)

        def done(result) -> None:
            scores, runs = result
            self.status.setText(
                f"Wrote a FHIR bundle with {counted(scores, 'pain score')} and {counted(runs, 'run')} to {target}"
            )
            self.saved.emit(str(target))

        self._run("Writing the FHIR bundle…", work, done)

    def _confirm_replace(self, names: str, folder: Path) -> bool:
        answer = QMessageBox.question(self, "Replace the files?", f"{folder} already holds {names}. Replace them?")
        return answer == QMessageBox.StandardButton.Yes

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for background work (tests, and closing the window)."""
        return self.ops.wait_for_background(msecs)


def name_preview_controls(dialog: QWidget) -> None:
    """Name what Qt's print preview leaves unnamed for screen readers: its zoom box, its page number and its
    tool bar's button for the tools that do not fit (``journal.ui.accessible``)."""
    from PySide6.QtWidgets import QLineEdit, QToolButton

    for combo in dialog.findChildren(QComboBox):
        if not combo.accessibleName():
            combo.setAccessibleName("Zoom")
    for edit in dialog.findChildren(QLineEdit):
        if not isinstance(edit.parentWidget(), QComboBox) and not edit.accessibleName():
            edit.setAccessibleName("Page number")
    for button in dialog.findChildren(QToolButton, "qt_toolbar_ext_button"):
        button.setAccessibleName("More tools")
    name_controls(dialog)
