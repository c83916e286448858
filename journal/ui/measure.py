"""Timings of the real window and pages, for the speed harness (``journal.devtools.bench``).

Each function opens what a person would see (offscreen unless ``QT_QPA_PLATFORM`` says
otherwise), does what they would wait for, and returns milliseconds. They live in the UI
package because they drive Qt, and the core and the development tools stay Qt-free; the
harness, which the product never imports, calls them in processes of its own. Nothing here
runs in the app; Qt is imported inside the functions, so that reading ``BARE_WINDOW``
loads no Qt.

- ``save_run_ms``: from ``JournalOperations.save_run`` to the shown main window having
  processed the change (History shows the new row, the flag banner re-judged), median;
- ``trends_ms``: the Trends page recomputing and redrawing its four charts, drawn to pixels,
  at 6 months (median); with ``whole``, also re-reading its 6 months as after a save, and
  redrawing the whole journal ("All");
- ``calendar_ms``: the Calendar's first view and a month's step back, recent and early.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1180, 760)
window.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""
"""The baseline of the start-up ratio: a bare PySide6 window, shown, quitting on the first turn of the event loop
(``python -c BARE_WINDOW``; it imports nothing of the app)."""


def median_ms(work: Callable[[], object], repeats: int) -> float:
    """The median of ``repeats`` timed runs of ``work``, in milliseconds, after one untimed warm-up run."""
    work()
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000.0


def _application() -> QApplication:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


def save_run_ms(journal_path: Path, repeats: int) -> float:
    """The median time from saving a run to the shown window having processed it (see the module docstring)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from journal.domain.entries import Run
    from journal.storage.journal import Journal
    from journal.ui.application import make_application
    from journal.ui.main_window import MainWindow
    from journal.ui.operations import JournalOperations

    app = make_application()
    ops = JournalOperations(Journal.open(journal_path))
    window = MainWindow(ops, QSettings(str(journal_path.with_suffix(".ini")), QSettings.Format.IniFormat))
    window.show()
    app.processEvents()
    window.banner  # noqa: B018 - the banner is up, as a second after start-up
    start = datetime.now().replace(microsecond=0) - timedelta(hours=2)
    times = []
    for i in range(repeats + 1):
        before = window.history.model.rowCount()
        started = time.perf_counter()
        ops.save_run(Run(started_at=start - timedelta(minutes=i), distance_m=5000.0 + i))
        app.processEvents()
        elapsed = time.perf_counter() - started
        if window.history.model.rowCount() != before + 1:
            raise RuntimeError("History did not show the saved run")
        if i:  # the first one warms up
            times.append(elapsed)
    return statistics.median(times) * 1000.0


def trends_ms(journal_path: Path, repeats: int, whole: bool = False) -> dict[str, float]:
    """``trends_redraw_ms`` (6 months); with ``whole`` also ``trends_reload_ms`` (6 months re-read and redrawn,
    a third of the repeats) and ``trends_redraw_all_ms`` (the whole journal)."""
    app = _application()
    from PySide6.QtCore import QSettings

    from journal.storage.journal import Journal
    from journal.ui.operations import JournalOperations
    from journal.ui.trends.page import TrendsPage

    with tempfile.TemporaryDirectory(prefix="run-journal-bench-") as folder, Journal.open(journal_path) as journal:
        settings = QSettings(str(Path(folder) / "trends.ini"), QSettings.Format.IniFormat)
        page = TrendsPage(JournalOperations(journal), qsettings=settings)
        page.range_box.setCurrentText("6 months")
        page.resize(1200, 800)
        page.show()
        app.processEvents()

        def drawn(recompute: Callable[[], None]) -> Callable[[], None]:
            def work() -> None:
                recompute()
                for view in page.charts.values():
                    view.canvas.draw()  # to pixels now, not deferred to the next paint

            return work

        result = {"trends_redraw_ms": median_ms(drawn(page.redraw), repeats)}
        if whole:
            result["trends_reload_ms"] = median_ms(drawn(page.refresh), max(1, repeats // 3))
            page.range_box.setCurrentText("All")
            result["trends_redraw_all_ms"] = median_ms(drawn(page.redraw), repeats)
        page.close()
        page.deleteLater()
        app.processEvents()
    return result


def calendar_ms(journal_path: Path, months: int) -> dict[str, float]:
    """The Calendar: the first flag evaluation, the page's first view, and ``months`` steps back a month (each
    repainted at once) from today, then a quarter as many early in the journal."""
    app = _application()
    from journal.storage.journal import Journal
    from journal.ui.calendar.page import CalendarPage
    from journal.ui.flags.state import FlagState
    from journal.ui.operations import JournalOperations

    with Journal.open(journal_path) as journal:
        ops = JournalOperations(journal)
        first = journal.runs()[0].day
        state = FlagState(ops)
        started = time.perf_counter()
        state.result()
        flags_ms = (time.perf_counter() - started) * 1000.0
        started = time.perf_counter()
        page = CalendarPage(ops, state)
        page.resize(1100, 650)
        page.show()
        page.view.repaint()
        open_ms = (time.perf_counter() - started) * 1000.0

        def step_back(times: list[float]) -> None:
            started = time.perf_counter()
            page.view.step_month(-1)
            page.view.repaint()
            times.append((time.perf_counter() - started) * 1000.0)

        recent: list[float] = []
        for _ in range(months):
            step_back(recent)
        page.view.select(first + timedelta(days=180))  # early in the journal
        old: list[float] = []
        for _ in range(max(3, months // 4)):
            step_back(old)
        page.close()
        page.deleteLater()
        app.processEvents()
    return {
        "calendar_flags_ms": flags_ms,
        "calendar_open_ms": open_ms,
        "calendar_month_ms": statistics.median(recent),
        "calendar_month_worst_ms": max(recent),
        "calendar_month_old_ms": statistics.median(old),
    }
