"""The one streaming reader of imports: ordinary files only, counted as unpacked, capped, cancellable.

Inputs are built here: a long GPX of spaces (so a parser keeps reading), gzip and zip
members that lie about their size, links, named pipes. What is checked is what a
person sees in the report, and that Cancel stops a read inside one large file.
"""

from __future__ import annotations

import gzip
import os
import zipfile
from pathlib import Path

import pytest

from journal.domain.units import DistanceUnit
from journal.importers import reading
from journal.importers.gpx import parse_gpx
from journal.importers.records import ImportFileError
from journal.importers.run import collect
from journal.importers.xml_guard import MAX_DEPTH
from tests.hostile_files import GPX_HEAD, underdeclared_zip
from tests.import_helpers import gpx_track

MiB = 1 << 20


def one_run_gpx(path: Path) -> Path:
    from datetime import datetime, timedelta

    t0 = datetime(2024, 3, 2, 6, 0)
    path.write_text(gpx_track([(46.0 + i * 1e-4, 14.0, t0 + timedelta(seconds=10 * i)) for i in range(30)]))
    return path


def test_cancel_is_honoured_inside_one_large_file(tmp_path: Path) -> None:
    big = tmp_path / "big.gpx"
    with big.open("w") as out:  # 40 MB of spaces inside <gpx>: a parser reads on and on
        out.write(GPX_HEAD)
        for _ in range(40):
            out.write(" " * MiB)
        out.write("</gpx>")
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 5  # Cancel pressed while the one file is being read

    batch = collect([big], DistanceUnit.KM, progress)
    assert batch.cancelled and not batch.runs
    assert calls[-1] == (0, 1), "cancelled while reading file 1 of 1, not between files"


def test_a_link_to_an_ordinary_file_is_read(tmp_path: Path) -> None:
    real = one_run_gpx(tmp_path / "real.gpx")
    link = tmp_path / "link.gpx"
    link.symlink_to(real)
    batch = collect([link], DistanceUnit.KM)
    assert len(batch.runs) == 1 and not batch.failed


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_special_files_are_refused_before_any_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    one_run_gpx(folder / "good.gpx")
    os.mkfifo(folder / "pipe.gpx")  # opening it to read would block for ever
    (folder / "zero.tcx").symlink_to("/dev/zero")
    (folder / "loop.gpx").symlink_to(folder / "loop.gpx")
    batch = collect([folder], DistanceUnit.KM)
    assert len(batch.runs) == 1
    said = {Path(n.file).name: n.message for n in batch.failed}
    assert "named pipe" in said["pipe.gpx"]
    assert "link to /dev/zero" in said["zero.tcx"] and "device" in said["zero.tcx"]
    assert "cannot be read" in said["loop.gpx"]


def test_bytes_are_counted_as_produced_not_as_declared(tmp_path: Path) -> None:
    """A zip member saying it is 1,000 bytes that unpacks to 200 MB is stopped, whatever its header says."""
    batch = collect([underdeclared_zip(tmp_path)], DistanceUnit.KM)
    [failed] = batch.failed
    assert "damaged" in failed.message or "zip bomb" in failed.message


def test_a_gzip_bomb_stops_at_the_packing_ratio(tmp_path: Path) -> None:
    bomb = tmp_path / "x.gpx.gz"
    bomb.write_bytes(gzip.compress(GPX_HEAD.encode() + b" " * (30 * MiB)))
    [failed] = collect([bomb], DistanceUnit.KM).failed
    assert "100 times its packed size" in failed.message


def test_an_honest_gzipped_file_reads(tmp_path: Path) -> None:
    packed = tmp_path / "run.gpx.gz"
    packed.write_bytes(gzip.compress(one_run_gpx(tmp_path / "run.gpx").read_bytes()))
    assert len(collect([packed], DistanceUnit.KM).runs) == 1


def test_a_plain_file_over_the_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", MiB)
    from journal.importers import sources

    monkeypatch.setattr(sources, "MAX_FILE_BYTES", MiB)
    big = tmp_path / "big.tcx"
    big.write_bytes(b" " * (2 * MiB))
    [failed] = collect([big], DistanceUnit.KM).failed
    assert "too large" in failed.message


def test_zip_entries_pointing_outside_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("good/run.gpx", one_run_gpx(tmp_path / "r.gpx").read_text())
        info = zipfile.ZipInfo("x")
        info.filename = "../../escape.gpx"
        z.writestr(info, "<gpx/>")
    batch = collect([path], DistanceUnit.KM)
    assert len(batch.runs) == 1
    [note] = batch.skipped
    assert note.file.endswith("../../escape.gpx") and "points outside the zip" in note.message


def test_xml_nested_too_deep_is_refused_before_any_tree(tmp_path: Path) -> None:
    depth = MAX_DEPTH + 1
    data = (GPX_HEAD + "<trk>" + "<x>" * depth + "</x>" * depth + "</trk></gpx>").encode()
    with pytest.raises(ImportFileError, match="nest over 100 deep"):
        parse_gpx(data, "deep.gpx")


def test_a_gpx_in_another_encoding_still_reads(tmp_path: Path) -> None:
    text = one_run_gpx(tmp_path / "r.gpx").read_text().replace('encoding="UTF-8"', 'encoding="windows-1252"')
    text = text.replace("<name>Run</name>", "<name>Läuf</name>")
    result = parse_gpx(text.encode("cp1252"), "cp1252.gpx")
    assert len(result.runs) == 1
