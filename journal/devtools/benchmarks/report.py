"""Benchmark: the doctor summary PDF on a journal file (the harness's; 10 years when run alone).

Targets (issue 5): an 8-week PDF in under 2 s and a whole-history PDF in under
5 s, each measured from reading the journal to the finished PDF bytes (charts
included) in a fresh process-like state (fonts and matplotlib already imported,
as in the window after the first report). The harness also times the whole-history
PDF's CPU itself (``probes.pdf``, target 1.5 s on 10 years). ``python -m journal.devtools.benchmarks.report``
prints the figures; ``measure(quick=True)`` times one run of each instead of the
best of three.
"""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

TARGETS_S = {"report_8_weeks_s": 2.0, "report_whole_history_s": 5.0}


def _time(work, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def measure(path: Path, quick: bool = False) -> dict[str, float]:
    """Seconds for an 8-week and a whole-history PDF of the journal at ``path`` (best of 3, or 1 run when
    ``quick``), plus page counts."""
    from journal.interchange.report.pdf import register_fonts, report_pdf
    from journal.interchange.report.report_model import default_period, load_report
    from journal.storage.journal import Journal

    repeats = 1 if quick else 3
    with Journal.open(path) as journal:
        today = date.today()
        start, end = default_period(today, journal.settings().week_start)
        first = journal.runs()[0].day
        register_fonts()
        report_pdf(load_report(journal, start, end))  # warm-up: imports matplotlib and reportlab once
        pages: dict[str, float] = {}

        def eight_weeks() -> None:
            pages["report_8_weeks_pages"] = _pages(report_pdf(load_report(journal, start, end)))

        def whole() -> None:
            pages["report_whole_history_pages"] = _pages(report_pdf(load_report(journal, first, today)))

        result = {
            "report_8_weeks_s": _time(eight_weeks, repeats),
            "report_whole_history_s": _time(whole, repeats),
        }
    return {**result, **pages}


def _pages(pdf: bytes) -> float:
    """Pages in a PDF reportlab wrote (its page objects are ``/Type /Page``, the tree ``/Type /Pages``)."""
    import re

    return float(len(re.findall(rb"/Type /Page\b(?!s)", pdf)))


def main() -> None:
    from journal.devtools.generate import write_ten_year_journal

    with tempfile.TemporaryDirectory(prefix="run-journal-bench-") as folder:
        figures = measure(write_ten_year_journal(Path(folder) / "ten-years.sqlite3"))
    for name, value in figures.items():
        target = TARGETS_S.get(name)
        suffix = f" (target < {target:.0f} s: {'ok' if value < target else 'SLOW'})" if target else ""
        print(f"{name}: {value:.2f}{suffix}")


if __name__ == "__main__":
    main()
