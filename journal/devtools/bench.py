"""The speed harness: ``python -m journal.devtools.bench [--quick] [--runs N]``.

Generates the 10-year journal (``journal.devtools.generate``) in a temporary folder and
prints, as medians over several runs, each figure against its target:

- start-up: ``python main.py --db PATH`` until the main window is shown with
  History filled (the hidden ``RUN_JOURNAL_BENCH_EXIT=1`` makes the app quit
  right then), against a bare PySide6 window (QApplication and an empty
  QMainWindow, shown, quitting on the same first pass of the event loop)
  started the same way in the same run; whole processes, wall clock, from
  spawn to exit, alternated; their ratio (target 3 or less);
- saving one run through ``JournalOperations.save_run`` until the window has
  processed the change (History shows the new row), in a window holding the
  10-year journal (target under 50 ms);
- the figures of the other areas, each measured in its own process by
  ``journal.devtools.benchmarks.<area>.measure(quick) -> dict[str, float]`` (statistics,
  Trends, PDF report, Strava import, the Calendar's month); an area not written yet prints
  "not available";
- peak memory (maximum resident set size, from ``wait4``) of the window process
  with the 10-year journal open.

``--quick`` (CI) takes 3 runs of each and fewer repeats inside the areas; it
proves the harness works, it does not judge the numbers. Qt runs offscreen
unless ``QT_QPA_PLATFORM`` says otherwise; window settings go to a temporary
folder, never the user's.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AREAS = ("analysis", "report", "importing", "calendar")
"""``journal/devtools/benchmarks/<area>.py`` modules asked for their figures, in this order."""

FIGURES: list[tuple[str, str, str, tuple[str, float] | None]] = [
    ("startup_bare_ms", "start-up, bare PySide6 window", "ms", None),
    ("startup_app_ms", "start-up, main window with History filled", "ms", None),
    ("startup_ratio", "start-up ratio, main window / bare window", "x", ("<=", 3.0)),
    ("save_run_ms", "save one run -> window updated", "ms", ("<", 50.0)),
    ("stats_all_ms", "all statistics, 10 years", "ms", ("<", 100.0)),
    ("trends_redraw_ms", "Trends redraw (6 months)", "ms", ("<", 200.0)),
    ("report_8_weeks_s", "8-week PDF report", "s", ("<", 2.0)),
    ("strava_2000_import_s", "Strava CSV import, 2,000 activities", "s", ("<", 3.0)),
    ("peak_memory_mb", "peak memory, window with the 10-year journal", "MB", None),
]
"""Every figure the issue asks for: key, label, unit, target. Printed always, "not available" when missing."""

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

SAVE_PROBE = """
import json, statistics, sys, time
from datetime import datetime, timedelta
from pathlib import Path
from PySide6.QtCore import QSettings
from journal.domain.entries import Run
from journal.storage.journal import Journal
from journal.ui.application import make_application
from journal.ui.main_window import MainWindow
from journal.ui.operations import JournalOperations
path, repeats = Path(sys.argv[1]), int(sys.argv[2])
app = make_application()
ops = JournalOperations(Journal.open(path))
window = MainWindow(ops, QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat))
window.show()
app.processEvents()
start = datetime.now().replace(microsecond=0) - timedelta(hours=2)
times = []
for i in range(repeats + 1):
    before = window.history.model.rowCount()
    started = time.perf_counter()
    ops.save_run(Run(started_at=start - timedelta(minutes=i), distance_m=5000.0 + i))
    app.processEvents()
    elapsed = time.perf_counter() - started
    if window.history.model.rowCount() != before + 1:
        raise SystemExit("History did not show the saved run")
    if i:  # the first one warms up
        times.append(elapsed)
print("BENCH-JSON " + json.dumps({"save_run_ms": statistics.median(times) * 1000.0}))
"""

AREA_PROBE = """
import json, sys
from importlib import import_module
figures = import_module("journal.devtools.benchmarks." + sys.argv[1]).measure(sys.argv[2] == "quick")
print("BENCH-JSON " + json.dumps({k: float(v) for k, v in figures.items()}))
"""


class Harness:
    def __init__(self, quick: bool, runs: int, folder: Path) -> None:
        self.quick, self.runs, self.folder = quick, runs, folder
        self.figures: dict[str, float] = {}
        self.problems: dict[str, str] = {}
        self.extra_targets: dict[str, float] = {}
        self.env = dict(os.environ)
        self.env.setdefault("QT_QPA_PLATFORM", "offscreen")
        self.env["XDG_CONFIG_HOME"] = str(folder / "config")  # window settings: never the user's
        self.env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))

    # ---- processes ----------------------------------------------------------------------------
    def timed(self, args: Sequence[str], extra_env: dict[str, str] | None = None) -> tuple[float, float, str]:
        """(wall seconds spawn-to-exit, peak RSS in MB, stdout) of one process; raises on failure."""
        env = {**self.env, **(extra_env or {})}
        started = time.perf_counter()
        proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if hasattr(os, "wait4"):
            _pid, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - started
            proc.returncode = os.waitstatus_to_exitcode(status)
            peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
        else:  # pragma: no cover - Windows
            proc.wait()
            wall, peak = time.perf_counter() - started, float("nan")
        out, err = (stream.read().decode("utf-8", "replace") for stream in (proc.stdout, proc.stderr))
        if proc.returncode != 0:
            last = (err.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
            raise RuntimeError(last)
        return wall, peak, out

    def probe(self, code: str, *args: str) -> dict[str, float]:
        _wall, _peak, out = self.timed([sys.executable, "-c", code, *args])
        lines = [line for line in out.splitlines() if line.startswith("BENCH-JSON ")]
        if not lines:
            raise RuntimeError("printed no figures")
        return json.loads(lines[-1][len("BENCH-JSON ") :])

    # ---- the figures ----------------------------------------------------------------------------
    def make_journal(self) -> Path:
        from journal.devtools.generate import write_ten_year_journal

        started = time.perf_counter()
        path = write_ten_year_journal(self.folder / "ten-years.sqlite3")
        took = time.perf_counter() - started
        conn = sqlite3.connect(path)
        runs, checkins = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("runs", "checkins"))
        conn.close()
        size = path.stat().st_size / 1024 / 1024
        print(f"10-year journal: {runs:,} runs, {checkins:,} check-ins, {size:.1f} MB (generated in {took:.1f} s)")
        return path

    def startup(self, journal: Path) -> None:
        bare, app, peaks = [], [], []
        for _ in range(self.runs):
            bare.append(self.timed([sys.executable, "-c", BARE_WINDOW])[0])
            wall, peak, out = self.timed(
                [sys.executable, "main.py", "--db", str(journal)], {"RUN_JOURNAL_BENCH_EXIT": "1"}
            )
            if "bench: history shown" not in out:
                raise RuntimeError("the window never said it had History filled (RUN_JOURNAL_BENCH_EXIT)")
            app.append(wall)
            peaks.append(peak)
        self.figures["startup_bare_ms"] = statistics.median(bare) * 1000.0
        self.figures["startup_app_ms"] = statistics.median(app) * 1000.0
        self.figures["startup_ratio"] = self.figures["startup_app_ms"] / self.figures["startup_bare_ms"]
        self.figures["peak_memory_mb"] = statistics.median(peaks)

    def save_run(self, journal: Path) -> None:
        self.figures.update(self.probe(SAVE_PROBE, str(journal), str(5 if self.quick else 15)))

    def area(self, name: str) -> None:
        if importlib.util.find_spec(f"journal.devtools.benchmarks.{name}") is None:
            raise ModuleNotFoundError(name)
        self.figures.update(self.probe(AREA_PROBE, name, "quick" if self.quick else "full"))

    def attempt(self, keys: Sequence[str], step, *args) -> None:
        """Run one measurement; a failure is printed against its figures instead of stopping the harness."""
        try:
            step(*args)
        except ModuleNotFoundError:
            for key in keys:
                self.problems.setdefault(key, "not available")
        except Exception as exc:
            for key in keys:
                self.problems.setdefault(key, f"failed: {exc}")

    # ---- printing -------------------------------------------------------------------------------
    def report(self) -> None:
        print()
        print(f"{'figure':<48}{'median':>12}  {'target':<10}verdict")
        known = set()
        for key, label, unit, target in FIGURES:
            known.add(key)
            print(self.line(label, key, unit, target))
        others = sorted(k for k in self.figures if k not in known)
        if others:
            print("\nother figures from journal/devtools/benchmarks/:")
            for key in others:
                unit = "s" if key.endswith("_s") else "ms" if key.endswith("_ms") else ""
                target = self.extra_targets.get(key)
                print(self.line(key, key, unit, ("<", target) if target else None))

    def line(self, label: str, key: str, unit: str, target: tuple[str, float] | None) -> str:
        if key not in self.figures:
            return f"{label:<48}{'':>12}  {'':<10}{self.problems.get(key, 'not available')}"
        value = self.figures[key]
        shown = (
            f"{value:.2f} x" if unit == "x" else f"{value:.0f} MB" if unit == "MB" else f"{value:,.1f} {unit}".strip()
        )
        if target is None:
            return f"{label:<48}{shown:>12}"
        op, limit = target
        ok = value <= limit if op == "<=" else value < limit
        wanted = f"{op} {limit:g}{'' if unit == 'x' else ' ' + unit}"
        return f"{label:<48}{shown:>12}  {wanted:<10}{'ok' if ok else 'SLOW'}"


def _area_targets() -> dict[str, float]:
    """Targets the area modules declare (``TARGETS``, ``TARGETS_MS``, ``TARGETS_S``), read without running them."""
    found: dict[str, float] = {}
    for name in AREAS:
        if importlib.util.find_spec(f"journal.devtools.benchmarks.{name}") is None:
            continue
        try:
            module = importlib.import_module(f"journal.devtools.benchmarks.{name}")
        except Exception:
            continue
        for attr in ("TARGETS", "TARGETS_MS", "TARGETS_S"):
            found.update({k: float(v) for k, v in getattr(module, attr, {}).items()})
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m journal.devtools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs each and fewer repeats (CI: proves it works)")
    parser.add_argument("--runs", type=int, default=None, help="runs per start-up figure (default 3 quick, 7 full)")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 7)
    try:
        from PySide6 import __version__ as qt_version
    except ImportError:  # pragma: no cover
        qt_version = "?"
    print(
        f"Run Journal speed harness ({'quick, ' if args.quick else ''}{runs} runs per start-up figure): "
        f"Python {platform.python_version()}, PySide6 {qt_version}, {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs"
    )
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="run-journal-bench-") as tmp:
        harness = Harness(args.quick, runs, Path(tmp))
        harness.extra_targets = _area_targets()
        try:
            journal = harness.make_journal()
        except Exception as exc:
            print(f"10-year journal: not available ({exc}); the window figures cannot be measured")
            journal = None
        if journal is not None:
            harness.attempt(
                ("startup_bare_ms", "startup_app_ms", "startup_ratio", "peak_memory_mb"), harness.startup, journal
            )
            harness.attempt(("save_run_ms",), harness.save_run, journal)
        for area in AREAS:
            keys = {
                "analysis": ("stats_all_ms", "trends_redraw_ms"),
                "report": ("report_8_weeks_s",),
                "importing": ("strava_2000_import_s",),
                "calendar": ("calendar_month_ms",),
            }[area]
            harness.attempt(keys, harness.area, area)
        harness.report()
    print(f"\n(harness took {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
