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

import statistics
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from journal.ui.measure import median_ms  # plain timing: no Qt is loaded by it

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


def measure_stats(journal_path: Path, repeats: int) -> dict[str, float]:
    from journal.analysis.stats import compute_stats
    from journal.storage.journal import Journal

    today = date.today()
    with Journal.open(journal_path, create=False) as journal:
        data = journal.data()
    result = {"stats_all_ms": median_ms(lambda: compute_stats(data, end=today), repeats)}
    cold = []
    for _ in range(max(1, repeats // 3)):
        out = subprocess.run(
            [sys.executable, "-c", _COLD, str(journal_path)], capture_output=True, text=True, check=True
        )
        cold.append(float(out.stdout.strip()) * 1000.0)
    result["stats_import_and_first_ms"] = statistics.median(cold)
    return result


def measure_trends(journal_path: Path, repeats: int) -> dict[str, float]:
    """The Trends page's reload and whole-journal redraw (``journal.ui.measure.trends_ms``; the 6-month redraw is
    the harness's own figure, so it is left out here)."""
    from journal.ui.measure import trends_ms

    figures = trends_ms(journal_path, repeats, whole=True)
    del figures["trends_redraw_ms"]
    return figures


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
