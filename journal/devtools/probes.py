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

The window's timings are ``journal.ui.measure``'s (Qt runs offscreen unless ``QT_QPA_PLATFORM``
says otherwise); this module imports no Qt.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
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
    from journal.ui.measure import save_run_ms

    _say({"save_run_ms": save_run_ms(Path(journal_path), int(repeats))})


def trends(journal_path: str, repeats: str) -> None:
    from journal.ui.measure import trends_ms

    _say(trends_ms(Path(journal_path), int(repeats)))


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
