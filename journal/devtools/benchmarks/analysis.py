"""Benchmark: the training-load statistics and the Trends redraw on the generated 10-year journal.

Targets (issue 3): all the statistics in under 100 ms, a Trends redraw in under 200 ms,
on about 3,000 runs and 4,000 check-ins (``journal.devtools.generate``). ``python -m
journal.devtools.benchmarks.analysis`` prints the figures; ``measure(quick)`` returns them in
milliseconds (medians of 9 runs, or 3 when ``quick``) for the ``journal.devtools.bench`` harness.

What is timed:

- ``stats_all_ms``: ``compute_stats`` over the whole ten years (data already in memory);
- ``stats_import_and_first_ms``: a fresh Python process importing the analysis and
  computing once (the cost a command like ``stats`` pays), import included;
- ``trends_redraw_ms``: the Trends page recomputing and redrawing its four charts
  (drawn to pixels, not deferred) at the default range (6 months), as after a change
  of range, region or lag; ``trends_redraw_all_ms`` the same for all ten years;
- ``trends_reload_ms``: reading the whole journal from SQLite then redrawing, as
  after an entry is saved while the page is visible (informational; no target).
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

TARGETS_MS = {"stats_all_ms": 100.0, "trends_redraw_ms": 200.0, "trends_redraw_all_ms": 200.0}

_COLD = """
import sys, time
from datetime import date
today = date.fromisoformat(sys.argv[1])
started = time.perf_counter()
from journal.analysis.stats import compute_stats
imported = time.perf_counter()
from journal.devtools.generate import ten_year_data
data = ten_year_data(today)
computing = time.perf_counter()
compute_stats(data, end=today)
print((imported - started) + (time.perf_counter() - computing))
"""
"""A fresh process: the analysis import plus one computation (the data generation is not counted)."""


def _median_ms(work: Callable[[], object], repeats: int) -> float:
    work()  # warm-up
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000.0


def measure_stats(repeats: int) -> dict[str, float]:
    from journal.analysis.stats import compute_stats
    from journal.devtools.generate import ten_year_data

    today = date.today()
    data = ten_year_data(today)
    result = {"stats_all_ms": _median_ms(lambda: compute_stats(data, end=today), repeats)}
    cold = []
    for _ in range(max(1, repeats // 3)):
        out = subprocess.run(
            [sys.executable, "-c", _COLD, today.isoformat()], capture_output=True, text=True, check=True
        )
        cold.append(float(out.stdout.strip()) * 1000.0)
    result["stats_import_and_first_ms"] = statistics.median(cold)
    return result


def measure_trends(repeats: int, folder: Path) -> dict[str, float]:
    """Time the Trends page on a ten-year journal file in ``folder`` (Qt offscreen unless a display is set)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from journal.devtools.generate import write_ten_year_journal
    from journal.storage.journal import Journal
    from journal.ui.operations import JournalOperations

    app = QApplication.instance() or QApplication([])
    path = write_ten_year_journal(folder / "ten-years.sqlite3")
    from journal.ui.trends.page import TrendsPage

    with Journal.open(path) as journal:
        ops = JournalOperations(journal)
        page = TrendsPage(ops, qsettings=QSettings(str(folder / "trends.ini"), QSettings.Format.IniFormat))
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
        result["trends_redraw_ms"] = _median_ms(redraw, repeats)
        result["trends_reload_ms"] = _median_ms(reload, max(3, repeats // 3))
        page.range_box.setCurrentText("All")
        result["trends_redraw_all_ms"] = _median_ms(redraw, repeats)
        page.close()
        page.deleteLater()
        app.processEvents()
    return result


def measure(quick: bool = False) -> dict[str, float]:
    """Milliseconds for the statistics and the Trends redraw (medians of 9 runs, 3 when ``quick``)."""
    repeats = 3 if quick else 9
    result = measure_stats(repeats)
    with tempfile.TemporaryDirectory(prefix="run-journal-bench-") as folder:
        result.update(measure_trends(repeats, Path(folder)))
    return result


def main() -> int:
    quick = "--quick" in sys.argv
    result = measure(quick)
    print(f"Training load and Trends on the generated 10-year journal ({'quick' if quick else 'medians of 9'}):")
    for name, value in result.items():
        target = TARGETS_MS.get(name)
        verdict = "" if target is None else f"  (target < {target:.0f} ms: {'ok' if value < target else 'SLOW'})"
        print(f"  {name:28s} {value:8.1f} ms{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
