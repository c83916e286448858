"""The speed harness: ``python -m journal.devtools.bench [--years N ...] [--quick] [--runs R]``.

Generates journals of the given lengths (default 1, 10 and 30 years: about 2,800, 28,000 and
84,000 rows; ``journal.devtools.generate``) in a temporary folder and prints every figure of
issue 16 for each, side by side, against its target:

- start-up: ``python main.py --db PATH`` until the main window is shown with History
  filled (the hidden ``RUN_JOURNAL_BENCH_EXIT=1`` makes the app quit right then), and a
  bare PySide6 window (QApplication and an empty QMainWindow, shown, quitting on the same
  first pass of the event loop); whole processes, wall clock from spawn to exit, in turn
  (bare, then each journal, ``--runs`` times), the ratios taken run by run; also until the
  flag banner is judged too (``=banner``), and the ratio of each journal to the 10-year one;
- save one run: ``JournalOperations.save_run`` until the window (History, the banner) has
  processed it (``probes.save``);
- Trends: the 6-month redraw (``probes.trends``), each journal in turn, and its ratio to the
  1-year journal's, round by round;
- ``stats --json`` and ``flags --json``: whole processes in turn with a raw sqlite3 read of
  every row of every table (``SELECT *``, fetched), the ratios run by run;
- the whole-history PDF: CPU seconds from reading the journal to the PDF bytes (``probes.pdf``);
- importing the journal's JSON backup into an empty journal: ``main.py import``, wall and
  peak memory of that process;
- peak memory of the window: the start-up process with History and the banner;
- the figures of each area (``journal.devtools.benchmarks``: statistics, report, importing,
  Calendar) on the 10-year journal (the longest below it with ``--years``), each in its own
  process.

Memory figures are the maximum resident set size of the measured process alone, from
``wait4``: the harness itself never loads a journal, so a child (which starts as a copy
of it) is never charged with the harness's memory; the harness's own peak is printed as
the floor below which no figure can read. Each probe runs in a fresh interpreter.

``--quick`` (CI) takes a 1-year journal, one run of each and no area figures beyond one
pass: it proves the harness works and prints every figure, it does not judge the numbers.
Qt runs offscreen unless ``QT_QPA_PLATFORM`` says otherwise; window settings go to a
temporary folder, never the user's. Bytecode is compiled first (``compileall``), as an
installed app has it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from journal.ui.measure import BARE_WINDOW  # a script's text: no Qt is loaded here

ROOT = Path(__file__).resolve().parents[2]
AREAS = ("analysis", "report", "importing", "calendar")
"""``journal/devtools/benchmarks/<area>.py`` modules asked for their figures, in this order."""


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    unit: str
    target: tuple[str, float, int] | None = None
    """(operator, limit, the journal's years it applies to)."""


FIGURES: list[Figure] = [
    Figure("startup_bare_ms", "start-up, bare PySide6 window", "ms"),
    Figure("startup_app_ms", "start-up to History filled", "ms"),
    Figure("startup_ratio", "  against the bare window", "x", ("<=", 2.0, 10)),
    Figure("startup_vs_10y", "  against the 10-year journal", "x", ("<=", 1.15, 30)),
    Figure("startup_flags_ms", "start-up to History and the flag banner", "ms"),
    Figure("save_run_ms", "save one run -> window updated", "ms", ("<", 30.0, 30)),
    Figure("trends_redraw_ms", "Trends redraw, 6 months", "ms"),
    Figure("trends_vs_1y", "  against the 1-year journal", "x", ("<=", 1.10, 30)),
    Figure("raw_read_ms", "raw sqlite3 read of every row", "ms"),
    Figure("stats_json_ratio", "stats --json against the raw read", "x", ("<=", 3.0, 30)),
    Figure("flags_json_ratio", "flags --json against the raw read", "x", ("<=", 3.0, 30)),
    Figure("pdf_cpu_s", "whole-history PDF, CPU", "s", ("<=", 1.5, 10)),
    Figure("import_s", "JSON backup import into an empty journal", "s", ("<=", 2.0, 10)),
    Figure("import_peak_mb", "peak memory, importing it", "MB", ("<=", 150.0, 30)),
    Figure("window_peak_mb", "peak memory, window (History and flags)", "MB", ("<=", 100.0, 30)),
]
"""Every figure the issue asks for, in the order printed; each is printed for each journal, or 'not measured'."""


RAW_READ = """
import sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
print(sum(len(conn.execute(f'SELECT * FROM "{name}"').fetchall()) for name in tables))
"""
"""The yardstick of ``stats --json`` and ``flags --json``: every row of every table, fetched with plain sqlite3."""


@dataclass
class Journal:
    years: int
    path: Path
    rows: int = 0
    summary: str = ""
    figures: dict[str, float] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)


class Harness:
    def __init__(self, quick: bool, runs: int, folder: Path) -> None:
        self.quick, self.runs, self.folder = quick, runs, folder
        self.env = dict(os.environ)
        self.env.setdefault("QT_QPA_PLATFORM", "offscreen")
        self.env["XDG_CONFIG_HOME"] = str(folder / "config")  # window settings: never the user's
        self.env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
        self.area_figures: dict[str, float] = {}
        self.area_problems: dict[str, str] = {}

    # ---- processes ------------------------------------------------------------------------------
    def timed(self, args: Sequence[str], extra_env: dict[str, str] | None = None) -> tuple[float, float, str]:
        """(wall seconds spawn-to-exit, the process's own peak RSS in MB, stdout); raises on failure."""
        env = {**self.env, **(extra_env or {})}
        with tempfile.TemporaryFile() as errors:  # a file, so a chatty stderr cannot block the child
            started = time.perf_counter()
            proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=errors)
            assert proc.stdout is not None
            out = proc.stdout.read()  # until the child closes it, at exit
            if hasattr(os, "wait4"):
                _pid, status, usage = os.wait4(proc.pid, 0)
                wall = time.perf_counter() - started
                proc.returncode = os.waitstatus_to_exitcode(status)
                peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
            else:  # pragma: no cover - Windows
                proc.wait()
                wall, peak = time.perf_counter() - started, float("nan")
            proc.stdout.close()
            if proc.returncode != 0:
                errors.seek(0)
                text = errors.read().decode("utf-8", "replace").strip()
                raise RuntimeError((text.splitlines() or [f"exit status {proc.returncode}"])[-1])
        return wall, peak, out.decode("utf-8", "replace")

    def probe(self, *args: str) -> dict[str, float]:
        _wall, _peak, out = self.timed([sys.executable, "-m", "journal.devtools.probes", *args])
        lines = [line for line in out.splitlines() if line.startswith("BENCH-JSON ")]
        if not lines:
            raise RuntimeError("printed no figures")
        figures: dict[str, float] = json.loads(lines[-1][len("BENCH-JSON ") :])
        return figures

    # ---- journals -------------------------------------------------------------------------------
    def make(self, years: int) -> Journal:
        journal = Journal(years, self.folder / f"{years}-years.sqlite3")
        started = time.perf_counter()
        self.probe("generate", str(journal.path), str(years))
        took = time.perf_counter() - started
        conn = sqlite3.connect(journal.path)
        counts = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("runs", "checkins", "care", "symptom_scores", "warning_signs")
        }
        conn.close()
        journal.rows = sum(counts.values())
        size = journal.path.stat().st_size / 1024 / 1024
        journal.summary = (
            f"{_years(years)}: {counts['runs']:,} runs, {counts['checkins']:,} check-ins, {counts['care']:,} care "
            f"entries ({journal.rows:,} rows with the scores), {size:.1f} MB, generated in {took:.1f} s"
        )
        return journal

    # ---- the figures ----------------------------------------------------------------------------
    def startup(self, journals: list[Journal]) -> None:
        app = [sys.executable, "main.py", "--db"]
        bare: list[float] = []
        walls: dict[int, list[float]] = {j.years: [] for j in journals}
        banner: dict[int, list[float]] = {j.years: [] for j in journals}
        peaks: dict[int, list[float]] = {j.years: [] for j in journals}
        for _ in range(self.runs):
            bare.append(self.timed([sys.executable, "-c", BARE_WINDOW])[0])
            for j in journals:
                wall, _peak, out = self.timed([*app, str(j.path)], {"RUN_JOURNAL_BENCH_EXIT": "1"})
                if "bench: history shown" not in out:
                    raise RuntimeError("the window never said it had History filled (RUN_JOURNAL_BENCH_EXIT)")
                walls[j.years].append(wall)
            for j in journals:
                wall, peak, _out = self.timed([*app, str(j.path)], {"RUN_JOURNAL_BENCH_EXIT": "banner"})
                banner[j.years].append(wall)
                peaks[j.years].append(peak)
        ten = walls.get(10)
        for j in journals:
            mine = walls[j.years]
            j.figures["startup_bare_ms"] = statistics.median(bare) * 1000.0
            j.figures["startup_app_ms"] = statistics.median(mine) * 1000.0
            j.figures["startup_ratio"] = statistics.median(a / b for a, b in zip(mine, bare, strict=True))
            if ten is not None and j.years != 10:
                j.figures["startup_vs_10y"] = statistics.median(a / b for a, b in zip(mine, ten, strict=True))
            j.figures["startup_flags_ms"] = statistics.median(banner[j.years]) * 1000.0
            j.figures["window_peak_mb"] = max(peaks[j.years])

    def commands(self, j: Journal) -> None:
        raw, stats, flags = [], [], []
        db = ["--db", str(j.path)]
        for _ in range(self.runs):
            raw.append(self.timed([sys.executable, "-c", RAW_READ, str(j.path)])[0])
            stats.append(self.timed([sys.executable, "main.py", *db, "stats", "--json"])[0])
            flags.append(self.timed([sys.executable, "main.py", *db, "flags", "--json"])[0])
        j.figures["raw_read_ms"] = statistics.median(raw) * 1000.0
        j.figures["stats_json_ratio"] = statistics.median(a / b for a, b in zip(stats, raw, strict=True))
        j.figures["flags_json_ratio"] = statistics.median(a / b for a, b in zip(flags, raw, strict=True))

    def save(self, j: Journal) -> None:
        copy = self.folder / f"save-{j.years}.sqlite3"
        copy.write_bytes(j.path.read_bytes())
        j.figures.update(self.probe("save", str(copy), "3" if self.quick else "15"))

    def trends(self, journals: list[Journal]) -> None:
        """The 6-month redraw of each journal in turn, round after round; the ratio to the 1-year one per round."""
        rounds: dict[int, list[float]] = {j.years: [] for j in journals}
        for _ in range(1 if self.quick else 3):
            for j in journals:
                rounds[j.years].append(
                    self.probe("trends", str(j.path), "1" if self.quick else "7")["trends_redraw_ms"]
                )
        one = rounds.get(1)
        for j in journals:
            j.figures["trends_redraw_ms"] = statistics.median(rounds[j.years])
            if one is not None and j.years != 1:
                ratios = (a / b for a, b in zip(rounds[j.years], one, strict=True))
                j.figures["trends_vs_1y"] = statistics.median(ratios)

    def pdf(self, j: Journal) -> None:
        j.figures.update(self.probe("pdf", str(j.path), "1" if self.quick else "3"))

    def json_import(self, j: Journal) -> None:
        backup = self.folder / f"{j.years}-years.json"
        self.probe("export", str(j.path), str(backup))
        walls, peaks = [], []
        for n in range(1 if self.quick else 3):
            target = self.folder / f"import-{j.years}-{n}.sqlite3"
            wall, peak, _out = self.timed([sys.executable, "main.py", "--db", str(target), "import", str(backup)])
            walls.append(wall)
            peaks.append(peak)
        j.figures["import_s"] = statistics.median(walls)
        j.figures["import_peak_mb"] = max(peaks)

    def area(self, name: str, j: Journal) -> None:
        self.area_figures.update(self.probe("area", name, str(j.path), "quick" if self.quick else "full"))

    @staticmethod
    def attempt(problems: dict[str, str], keys: Sequence[str], step, *args) -> None:
        """Run one measurement; a failure is printed against its figures instead of stopping the harness."""
        try:
            step(*args)
        except Exception as exc:
            for key in keys:
                problems.setdefault(key, f"failed: {exc}"[:60])

    # ---- printing -------------------------------------------------------------------------------
    def report(self, journals: list[Journal]) -> None:
        heads = "".join(f"{_years(j.years):>12}" for j in journals)
        print(f"\n{'figure':<46}{heads}  {'target':<18}verdict")
        for figure in FIGURES:
            print(self.line(figure, journals))
        if self.area_figures or self.area_problems:
            print(f"\nother figures from journal/devtools/benchmarks/ ({_years(self.area_years)}):")
            for key in sorted(self.area_figures):
                unit = "s" if key.endswith("_s") else "ms" if key.endswith("_ms") else ""
                print(f"  {key:<44}{_shown(self.area_figures[key], unit):>12}")
            for key, problem in self.area_problems.items():
                print(f"  {key:<44}{problem}")

    area_years = 10

    @staticmethod
    def line(figure: Figure, journals: list[Journal]) -> str:
        cells = []
        for j in journals:
            if figure.key in j.figures:
                cells.append(_shown(j.figures[figure.key], figure.unit))
            else:
                cells.append(j.problems.get(figure.key, "-")[:11])
        text = f"{figure.label:<46}" + "".join(f"{c:>12}" for c in cells)
        if figure.target is None:
            return text
        op, limit, years = figure.target
        wanted = f"{op} {limit:g}{'' if figure.unit == 'x' else ' ' + figure.unit} at {years} y"
        judged = next((j for j in journals if j.years == years), None)
        if judged is None or figure.key not in judged.figures:
            verdict = "not measured" if judged is None else judged.problems.get(figure.key, "not measured")
            return f"{text}  {wanted:<18}{verdict}"
        value = judged.figures[figure.key]
        ok = value <= limit if op == "<=" else value < limit
        return f"{text}  {wanted:<18}{'ok' if ok else 'SLOW'}"


def _years(years: int) -> str:
    return f"{years} year" if years == 1 else f"{years} years"


def _shown(value: float, unit: str) -> str:
    if value != value:  # NaN: not measurable here
        return "n/a"
    if unit == "x":
        return f"{value:.2f} x"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value:,.1f} ms"
    return f"{value:,.1f}"


def _main_figures(harness: Harness, j: Journal) -> None:
    keys = {
        "commands": ("raw_read_ms", "stats_json_ratio", "flags_json_ratio"),
        "save": ("save_run_ms",),
        "pdf": ("pdf_cpu_s",),
        "import": ("import_s", "import_peak_mb"),
    }
    for name, step in (
        ("commands", harness.commands),
        ("save", harness.save),
        ("pdf", harness.pdf),
        ("import", harness.json_import),
    ):
        harness.attempt(j.problems, keys[name], step, j)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m journal.devtools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, nargs="+", default=None, help="journal lengths (default 1 10 30)")
    parser.add_argument("--quick", action="store_true", help="a 1-year journal, one run of each (CI: proves it works)")
    parser.add_argument("--runs", type=int, default=None, help="runs of each whole-process figure (default 7, 1 quick)")
    args = parser.parse_args(argv)
    years = sorted(set(args.years or ([1] if args.quick else [1, 10, 30])))
    if any(y < 1 for y in years):
        parser.error("--years: a journal holds at least one year")
    runs = args.runs or (1 if args.quick else 7)
    qt_version = version("PySide6-Essentials")  # the installed distribution's, without loading Qt
    print(
        f"Run Journal speed harness ({'quick, ' if args.quick else ''}{runs} runs of each whole-process figure): "
        f"Python {platform.python_version()}, PySide6 {qt_version}, {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs"
    )
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "journal"), str(ROOT / "main.py")], check=False
    )
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="run-journal-bench-") as tmp:
        harness = Harness(args.quick, runs, Path(tmp))
        journals: list[Journal] = []
        for y in years:
            try:
                journals.append(harness.make(y))
                print(journals[-1].summary)
            except Exception as exc:
                print(f"{_years(y)}: not available ({exc}); its figures cannot be measured")
        window = ("startup_bare_ms", "startup_app_ms", "startup_ratio", "startup_vs_10y", "startup_flags_ms")
        problems: dict[str, str] = {}
        harness.attempt(problems, (*window, "window_peak_mb"), harness.startup, journals)
        for j in journals:
            j.problems.update(problems)
        trend_problems: dict[str, str] = {}
        harness.attempt(trend_problems, ("trends_redraw_ms", "trends_vs_1y"), harness.trends, journals)
        for j in journals:
            j.problems.update(trend_problems)
            _main_figures(harness, j)
        if journals:
            area_journal = max((j for j in journals if j.years <= 10), key=lambda j: j.years, default=journals[0])
            harness.area_years = area_journal.years
            for name in AREAS:
                harness.attempt(harness.area_problems, (f"{name} (area)",), harness.area, name, area_journal)
        harness.report(journals)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    print(f"\n(harness took {time.perf_counter() - started:.0f} s; its own peak memory {own:.0f} MB is the floor")
    print(" below which no memory figure can read)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
