"""Damaged copies of the real sample files (../shared/samples) and of a Strava export, fed to the importers.

Each copy is truncated, has bytes flipped, a slice cut out or repeated, or (for
the XML and CSV files) numbers and times replaced with junk; some are gzipped.
For every one: ``import_paths`` (what the window and the command call) returns
a report and raises nothing; exactly the runs it reports imported were added
(one transaction: none of a failed file's runs half-saved), each of them valid;
and the ``import`` command exits 0 or 1 without a traceback.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import random
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.app import main
from journal.domain.validation import validate_run
from journal.importers.run import import_paths
from journal.storage.journal import Journal
from tests.conftest import SAMPLES
from tests.import_helpers import strava_row, write_strava_export, zip_folder

pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"the shared sample files are not at {SAMPLES}")
FUZZ = settings(max_examples=70, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SAMPLE_FILES = (
    sorted(p for p in SAMPLES.rglob("*") if p.suffix.lower() in (".gpx", ".tcx", ".fit")) if SAMPLES.is_dir() else []
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-samples")


@pytest.fixture(scope="module")
def strava_zip(folder: Path) -> Path:
    """A small Strava export with activity files beside its activities.csv, zipped."""
    gpx = (SAMPLES / "gpx" / "korita-zbevnica.gpx").read_bytes()
    rows = [
        strava_row(101, "Mar 2, 2024, 6:10:00 AM", elapsed="2700", metres="8200.0", filename="activities/101.gpx.gz"),
        strava_row(102, "Mar 4, 2024, 6:15:00 PM", elapsed="3100", metres="10100.0", description="tempo"),
        strava_row(103, "Mar 5, 2024, 7:00:00 AM", kind="Ride", elapsed="3600", metres="30000.0"),
    ]
    export = write_strava_export(folder / "strava", rows, {"activities/101.gpx.gz": gzip.compress(gpx)})
    return zip_folder(export, folder / "export.zip")


@pytest.fixture(scope="module")
def journal(folder: Path) -> Iterator[Journal]:
    j = Journal.open(folder / "journal.sqlite3")
    yield j
    j.close()


def mutate(data: bytes, how: str, rng: random.Random) -> bytes:
    n = len(data)
    if n == 0:
        return data
    if how == "truncate":
        return data[: rng.choice([0, 1, 12, n // 10, n // 2, n - n // 10, n - 1])]
    if how == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 12)):
            out[rng.randrange(n)] = rng.randrange(256)
        return bytes(out)
    start = rng.randrange(n)
    end = min(n, start + rng.randint(1, max(1, n // 8)))
    if how == "cut":
        return data[:start] + data[end:]
    if how == "repeat":
        return data[:end] + data[start:end] * rng.randint(1, 3) + data[end:]
    # "junk": numbers and times of the text formats replaced by odd values
    junk = [b"NaN", b"-1", b"1e308", b"", b"99999999999", b"2099-01-01T00:00:00Z", b"\xff\xfe", b"0", b"<", b'""']
    pattern = re.compile(rb"\d+(\.\d+)?|\d{4}-\d\d-\d\dT[\d:.]+Z?")
    return pattern.sub(lambda m: rng.choice(junk) if rng.random() < 0.2 else m.group(0), data)


def check_import(journal: Journal, path: Path) -> None:
    before = journal.counts().runs
    report = import_paths([path], journal)
    assert journal.counts().runs - before == len(report.imported), "only the runs reported were saved"
    now = datetime.now()
    for run in report.imported:
        assert not validate_run(run, now), run
    for note in report.failed + report.skipped:
        assert note.message.strip(), note


@FUZZ
@given(
    index=st.integers(0, max(0, len(SAMPLE_FILES) - 1)),
    how=st.sampled_from(["truncate", "flip", "cut", "repeat", "junk"]),
    seed=st.integers(0, 2**32 - 1),
    gz=st.booleans(),
)
def test_damaged_sample_files_are_reported_never_half_imported(
    journal: Journal, folder: Path, index: int, how: str, seed: int, gz: bool
) -> None:
    source = SAMPLE_FILES[index]
    data = mutate(source.read_bytes(), how, random.Random(seed))
    name = f"damaged-{seed}{source.suffix}" + (".gz" if gz else "")
    target = folder / name
    target.write_bytes(gzip.compress(data) if gz else data)
    check_import(journal, target)


@FUZZ
@given(how=st.sampled_from(["truncate", "flip", "cut", "repeat", "junk"]), seed=st.integers(0, 2**32 - 1))
def test_damaged_strava_exports(journal: Journal, folder: Path, strava_zip: Path, how: str, seed: int) -> None:
    rng = random.Random(seed)
    if rng.random() < 0.5:  # the zip itself damaged
        target = folder / f"export-{seed}.zip"
        target.write_bytes(mutate(strava_zip.read_bytes(), how, rng))
    else:  # the CSV inside damaged, the rest intact
        target = folder / f"strava-{seed}" / "activities.csv"
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(mutate((folder / "strava" / "activities.csv").read_bytes(), how, rng))
    check_import(journal, target)


def test_every_sample_truncated_through_the_command(folder: Path) -> None:
    """The command on each sample cut in half: exit 0 or 1, a message, no traceback."""
    db = folder / "cli.sqlite3"
    for source in SAMPLE_FILES:
        data = source.read_bytes()
        target = folder / f"half-{source.name}"
        target.write_bytes(data[: len(data) // 2])
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["import", str(target), "--db", str(db)])
        assert status in (0, 1), (source.name, err.getvalue())
        assert "Traceback" not in err.getvalue()
        assert (out.getvalue() + err.getvalue()).strip(), source.name
