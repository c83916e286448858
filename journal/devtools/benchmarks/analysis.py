"""Benchmark: the training-load statistics and the Trends page on a journal file.

``measure(journal, quick)`` returns milliseconds (medians of 9 runs, 3 when ``quick``)
for the ``journal.devtools.bench`` harness, which passes its generated journal;
``python -m journal.devtools.benchmarks.analysis [--quick]`` prints them for a generated
10-year journal. The harness times the 6-month Trends redraw itself (``probes.trends``,
the figure with a target); these are the others:

- ``stats_all_ms``: ``compute_stats`` over the whole journal (read already), every figure;
- ``stats_import_and_first_ms``: a fresh Python process importing the analysis and
  computing once over the whole journal, import included (the data read is not counted);
- ``trends_redraw_all_ms``: the Trends page recomputing and redrawing its four charts
  for the whole journal ("All"), drawn to pixels;
- ``trends_reload_ms``: the page re-reading its 6 months (and the year before) and
  redrawing, as after an entry is saved while it is visible.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

TARGETS_MS = {"stats_all_ms": 100.0, "trends_redraw_all_ms": 200.0}

_COLD = """
import sys, time
from datetime import date
from journal.storage.journal import Journal
data = Journal.open(sys.argv[1], create=False).data()
started = time.perf_counter()
from journal.analysis.stats import compute_stats
compute_stats(data, end=date.today())
print(time.perf_counter() - started)
"""
"""A fresh process: the analysis import plus one computation (reading the journal is not counted)."""


def _median_ms(work: Callable[[], object], repeats: int) -> float:
    work()  # warm-up
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000.0


def measure_stats(journal_path: Path, repeats: int) -> dict[str, float]:
    from journal.analysis.stats import compute_stats
    from journal.storage.journal import Journal

    today = date.today()
    with Journal.open(journal_path, create=False) as journal:
        data = journal.data()
    result = {"stats_all_ms": _median_ms(lambda: compute_stats(data, end=today), repeats)}
    cold = []
    for _ in range(max(1, repeats // 3)):
        out = subprocess.run(
            [sys.executable, "-c", _COLD, str(journal_path)], capture_output=True, text=True, check=True
        )
        cold.append(float(out.stdout.strip()) * 1000.0)
    result["stats_import_and_first_ms"] = statistics.median(cold)
    return result


def measure_trends(journal_path: Path, repeats: int) -> dict[str, float]:
    """Time the Trends page on ``journal_path`` (Qt offscreen unless a display is set)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from journal.storage.journal import Journal
    from journal.ui.operations import JournalOperations
    from journal.ui.trends.page import TrendsPage

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="run-journal-bench-") as folder, Journal.open(journal_path) as journal:
        ops = JournalOperations(journal)
        page = TrendsPage(ops, qsettings=QSettings(str(Path(folder) / "trends.ini"), QSettings.Format.IniFormat))
        page.resize(1200, 800)
        page.show()
        app.processEvents()

        def redraw() -> None:
            page.redraw()
            for view in page.charts.values():
                view.canvas.draw()

        def reload() -> None:
            page.refresh()
            for view in page.charts.values():
                view.canvas.draw()

        result = {}
        page.range_box.setCurrentText("6 months")
        result["trends_reload_ms"] = _median_ms(reload, max(1, repeats // 3))
        page.range_box.setCurrentText("All")
        result["trends_redraw_all_ms"] = _median_ms(redraw, repeats)
        page.close()
        page.deleteLater()
        app.processEvents()
    return result


def measure(journal_path: Path, quick: bool = False) -> dict[str, float]:
    """Milliseconds for the statistics and the Trends page (medians of 9 runs, 1 when ``quick``)."""
    repeats = 1 if quick else 9
    return {**measure_stats(journal_path, repeats), **measure_trends(journal_path, repeats)}


def main() -> int:
    from journal.devtools.generate import write_ten_year_journal

    quick = "--quick" in sys.argv
    with tempfile.TemporaryDirectory(prefix="run-journal-bench-") as folder:
        result = measure(write_ten_year_journal(Path(folder) / "ten-years.sqlite3"), quick)
    print(f"Training load and Trends on the generated 10-year journal ({'quick' if quick else 'medians of 9'}):")
    for name, value in result.items():
        target = TARGETS_MS.get(name)
        verdict = "" if target is None else f"  (target < {target:.0f} ms: {'ok' if value < target else 'SLOW'})"
        print(f"  {name:28s} {value:8.1f} ms{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
