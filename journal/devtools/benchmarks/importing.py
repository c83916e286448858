"""Benchmark: importing (issue 6).

Targets: a Strava bulk export of 2,000 activities (activities.csv only, with the
real header and its repeated columns; about 80 % runs) imports into a fresh journal
in under 3 s, from reading the folder to the committed transaction; and decoding
FIT files through the importer costs at most 1.5 times what fitdecode alone takes
to decode every frame of the same files (bytes already in memory, so disk reads
do not count). The FIT files are the real ones in ../shared/samples/fit (the
figures are NaN when they are absent). ``python -m journal.devtools.benchmarks.importing``
prints the figures; ``measure(quick=True)`` times one run instead of the best of three.
"""

from __future__ import annotations

import csv
import io
import math
import random
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

TARGETS = {"strava_2000_import_s": 3.0, "fit_decode_ratio": 1.5}
SAMPLE_FIT = Path(__file__).resolve().parents[4] / "shared" / "samples" / "fit"

HEADER = [
    "Activity ID", "Activity Date", "Activity Name", "Activity Type", "Activity Description", "Elapsed Time",
    "Distance", "Max Heart Rate", "Relative Effort", "Commute", "Activity Private Note", "Activity Gear",
    "Filename", "Athlete Weight", "Bike Weight", "Elapsed Time", "Moving Time", "Distance", "Max Speed",
    "Average Speed", "Elevation Gain", "Elevation Loss", "Elevation Low", "Elevation High", "Max Grade",
    "Average Grade", "Max Cadence", "Average Cadence", "Max Heart Rate", "Average Heart Rate", "Calories",
    "Relative Effort", "Perceived Exertion", "Type",
    '<span class="translation_missing" title="translation missing">Start Time</span>', "Commute",
]  # fmt: skip
TYPES = ["Run"] * 14 + ["Trail Run", "Virtual Run", "Ride", "Ride", "Walk", "Hike"]
GEAR = ["Pegasus 38", "Kinvara 13", "Speedgoat 5", ""]


def strava_csv(count: int, seed: int = 6) -> bytes:
    """An activities.csv of ``count`` activities, one a day or so, ending well before today."""
    rnd = random.Random(seed)
    when = datetime(2015, 1, 1, 6, 30)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for n in range(count):
        when += timedelta(hours=rnd.randint(14, 40))
        kind = rnd.choice(TYPES)
        km = round(rnd.uniform(3, 25), 2)
        seconds = int(km * rnd.uniform(280, 420))
        stamp = f"{when:%b} {when.day}, {when.year}, {(when.hour % 12) or 12}:{when:%M:%S} {'PM' if when.hour >= 12 else 'AM'}"
        values = {
            0: str(1_000_000 + n), 1: stamp, 2: f"{kind} {n}", 3: kind, 4: "Easy" if n % 5 == 0 else "",
            5: str(seconds + 60), 6: f"{km:.2f}", 7: "171", 9: "false", 10: "back tight" if n % 9 == 0 else "",
            11: rnd.choice(GEAR) if "Run" in kind else "", 15: f"{seconds + 60}.0", 16: f"{seconds}.0",
            17: f"{km * 1000:.1f}", 32: str(rnd.randint(2, 8)) if n % 3 == 0 else "", 35: "0.0",
        }  # fmt: skip
        writer.writerow([values.get(i, "") for i in range(len(HEADER))])
    return out.getvalue().encode("utf-8")


def _best(work: Callable[[], object], repeats: int) -> float:
    best = math.inf
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def strava_import_seconds(repeats: int) -> tuple[float, int]:
    """Best time to import the 2,000-activity export into a fresh journal, and the runs imported."""
    from journal.importers.run import import_paths
    from journal.storage.journal import Journal

    data = strava_csv(2000)
    best, imported = math.inf, 0
    with tempfile.TemporaryDirectory(prefix="run-journal-bench-") as folder:
        export = Path(folder) / "export"
        export.mkdir()
        (export / "activities.csv").write_bytes(data)
        for n in range(repeats):
            with Journal.open(Path(folder) / f"fresh-{n}.sqlite3") as journal:
                started = time.perf_counter()
                report = import_paths([export], journal)
                best = min(best, time.perf_counter() - started)
                imported = len(report.imported)
    return best, imported


def fit_decode_seconds(repeats: int) -> tuple[float, float]:
    """(importer, fitdecode alone) seconds to decode every valid sample FIT file; NaN without the samples."""
    import fitdecode

    from journal.importers.fit import parse_fit

    files = [p.read_bytes() for p in sorted(SAMPLE_FIT.glob("*.fit"))] if SAMPLE_FIT.is_dir() else []
    if not files:
        return math.nan, math.nan

    def alone() -> None:
        for data in files:
            with fitdecode.FitReader(io.BytesIO(data)) as reader:
                for _frame in reader:
                    pass

    def importer() -> None:
        for data in files:
            parse_fit(data, "bench.fit")

    alone()  # warm-up: fitdecode's profile tables
    return _best(importer, repeats), _best(alone, repeats)


def measure(journal: Path | None = None, quick: bool = False) -> dict[str, float]:
    """Import figures: seconds for the 2,000-activity Strava export, and the FIT decoding cost ratio.

    ``journal`` is not used: the export is imported into a fresh journal each time."""
    del journal
    repeats = 1 if quick else 3
    strava_s, imported = strava_import_seconds(repeats)
    ours, alone = fit_decode_seconds(repeats)
    return {
        "strava_2000_import_s": strava_s,
        "strava_2000_runs_imported": float(imported),
        "fit_decode_s": ours,
        "fitdecode_alone_s": alone,
        "fit_decode_ratio": ours / alone if alone and not math.isnan(alone) else math.nan,
    }


def main() -> None:
    for name, value in measure().items():
        target = TARGETS.get(name)
        verdict = f" (target <= {target:g}: {'ok' if value <= target else 'SLOW'})" if target else ""
        print(f"{name}: {value:.3f}{verdict}")


if __name__ == "__main__":
    main()
