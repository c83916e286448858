"""Benchmark: the Calendar page on the generated 10-year journal (``journal.devtools.generate``).

Target: moving to another month (Page Up), read, counted and painted, in under 100 ms,
wherever in the journal it is. ``measure(path, quick)`` returns milliseconds for the
``journal.devtools.bench`` harness (``python -m journal.devtools.benchmarks.calendar`` prints them
for a generated 10-year journal):

- ``calendar_open_ms``: building the page on its first view, the window's flags already
  judged (the banner does that after start-up; ``calendar_flags_ms`` is that first evaluation);
- ``calendar_month_ms``: the median of going back a month, 24 times from today, each
  repainted at once (not deferred), and ``calendar_month_worst_ms`` the slowest of them;
- ``calendar_month_old_ms``: the same, early in the journal (its first year).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

TARGETS_MS = {"calendar_month_ms": 100.0}


def measure(path: Path, quick: bool = False) -> dict[str, float]:
    """Milliseconds for the Calendar on the journal at ``path`` (see the module docstring; the page is driven by
    ``journal.ui.measure.calendar_ms``)."""
    from journal.ui.measure import calendar_ms

    return calendar_ms(path, 3 if quick else 24)


def main() -> int:
    from journal.devtools.generate import write_ten_year_journal

    quick = "--quick" in sys.argv
    with tempfile.TemporaryDirectory(prefix="run-journal-bench-") as folder:
        figures = measure(write_ten_year_journal(Path(folder) / "ten-years.sqlite3"), quick)
    for name, value in figures.items():
        target = TARGETS_MS.get(name)
        verdict = "" if target is None else f"  (target < {target:.0f} ms: {'ok' if value < target else 'SLOW'})"
        print(f"  {name:28s} {value:8.1f} ms{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
