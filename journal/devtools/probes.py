"""What the speed harness runs in processes of its own: ``python -m journal.devtools.probes NAME ARGS...``.

Each probe prints one line ``BENCH-JSON {...}`` with its figures (the harness reads it):

- ``generate PATH YEARS``: writes a generated journal (``journal.devtools.generate``);
- ``export JOURNAL OUT``: writes the journal's JSON backup to OUT;
- ``save JOURNAL REPEATS``: the median time from ``JournalOperations.save_run`` to the window
  having processed the change (History shows the new row, the flag banner re-judged), in a
  shown main window (``save_run_ms``);
- ``trends JOURNAL REPEATS``: the Trends page recomputing and redrawing its four charts (drawn
  to pixels, not deferred) at 6 months, median (``trends_redraw_ms``);
- ``pdf JOURNAL REPEATS``: the CPU seconds of a whole-history PDF, from reading the journal to
  the PDF bytes, once matplotlib and reportlab are loaded and the fonts registered, median
  (``pdf_cpu_s``, and ``pdf_pages``);
- ``area NAME JOURNAL quick|full``: the figures of ``journal.devtools.benchmarks.NAME``.

Qt runs offscreen unless ``QT_QPA_PLATFORM`` says otherwise.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path


def _say(figures: dict[str, float]) -> None:
    print("BENCH-JSON " + json.dumps({k: float(v) for k, v in figures.items()}), flush=True)


def _median(work: Callable[[], object], repeats: int, clock: Callable[[], float] = time.perf_counter) -> float:
    work()  # warm-up
    times = []
    for _ in range(repeats):
        started = clock()
        work()
        times.append(clock() - started)
    return statistics.median(times)


def generate(path: str, years: str) -> None:
    from journal.devtools.generate import write_journal

    write_journal(Path(path), int(years))
    _say({})


def export(journal_path: str, out: str) -> None:
    from journal.interchange.json_format import dumps
    from journal.storage.journal import Journal

    with Journal.open(journal_path, create=False) as journal:
        Path(out).write_text(dumps(journal.data()), encoding="utf-8")
    _say({})


def save(journal_path: str, repeats: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from journal.domain.entries import Run
    from journal.storage.journal import Journal
    from journal.ui.application import make_application
    from journal.ui.main_window import MainWindow
    from journal.ui.operations import JournalOperations

    path = Path(journal_path)
    app = make_application()
    ops = JournalOperations(Journal.open(path))
    window = MainWindow(ops, QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat))
    window.show()
    app.processEvents()
    window.banner  # noqa: B018 - the banner is up, as a second after start-up
    start = datetime.now().replace(microsecond=0) - timedelta(hours=2)
    times = []
    for i in range(int(repeats) + 1):
        before = window.history.model.rowCount()
        started = time.perf_counter()
        ops.save_run(Run(started_at=start - timedelta(minutes=i), distance_m=5000.0 + i))
        app.processEvents()
        elapsed = time.perf_counter() - started
        if window.history.model.rowCount() != before + 1:
            raise SystemExit("History did not show the saved run")
        if i:  # the first one warms up
            times.append(elapsed)
    _say({"save_run_ms": statistics.median(times) * 1000.0})


def trends(journal_path: str, repeats: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from journal.storage.journal import Journal
    from journal.ui.operations import JournalOperations
    from journal.ui.trends.page import TrendsPage

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder, Journal.open(journal_path, create=False) as journal:
        page = TrendsPage(
            JournalOperations(journal), qsettings=QSettings(f"{folder}/t.ini", QSettings.Format.IniFormat)
        )
        page.range_box.setCurrentText("6 months")
        page.resize(1200, 800)
        page.show()
        app.processEvents()

        def redraw() -> None:
            page.redraw()
            for view in page.charts.values():
                view.canvas.draw()

        figures = {"trends_redraw_ms": _median(redraw, int(repeats)) * 1000.0}
        page.close()
    _say(figures)


def pdf(journal_path: str, repeats: str) -> None:
    import re

    from journal.interchange.report.pdf import register_fonts, report_pdf
    from journal.interchange.report.report_model import load_report
    from journal.storage.journal import Journal

    with Journal.open(journal_path, create=False) as journal:
        today = date.today()
        first = journal.runs()[0].day
        register_fonts()
        report_pdf(load_report(journal, today - timedelta(days=13), today))  # imports matplotlib and reportlab
        pages: list[int] = []

        def whole() -> None:
            pages.append(len(re.findall(rb"/Type /Page\b(?!s)", report_pdf(load_report(journal, first, today)))))

        cpu = _median(whole, int(repeats), time.process_time)
    _say({"pdf_cpu_s": cpu, "pdf_pages": float(pages[-1])})


def area(name: str, journal_path: str, mode: str) -> None:
    from journal.devtools.benchmarks import analysis, calendar, importing, report

    measures = {"analysis": analysis.measure, "calendar": calendar.measure, "importing": importing.measure}
    measures["report"] = report.measure
    _say(measures[name](Path(journal_path), mode == "quick"))


PROBES: dict[str, Callable[..., None]] = {
    "generate": generate,
    "export": export,
    "save": save,
    "trends": trends,
    "pdf": pdf,
    "area": area,
}


if __name__ == "__main__":
    PROBES[sys.argv[1]](*sys.argv[2:])
