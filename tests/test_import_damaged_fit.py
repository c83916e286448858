"""A FIT file damaged after its session summary is rescued from it; a watch's device-relative clock is named.

Each damaged file is made here, in tmp_path, from a real sample (``../shared/samples``;
the tests skip when they are absent). What was read is checked against fitdecode reading
the same bytes: its session, and where it stopped.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

import fitdecode
import pytest

from journal.app import main
from journal.domain.units import DistanceUnit
from journal.importers.fit import DEVICE_CLOCK, parse_fit
from journal.importers.run import collect
from journal.storage.journal import Journal
from tests.import_helpers import central_europe, local

__all__ = ["central_europe"]

RUN = "activity-small-fenix2-run.fit"


def _frames(data: bytes) -> list[tuple[int, str | None, int, int]]:
    """(frame type, message name, offset, size) of every frame fitdecode reads, up to where it stops."""
    frames = []
    try:
        with fitdecode.FitReader(
            io.BytesIO(data),
            keep_raw_chunks=True,
            check_crc=fitdecode.CrcCheck.DISABLED,
            error_handling=fitdecode.ErrorHandling.IGNORE,
        ) as reader:
            for frame in reader:
                frames.append(
                    (frame.frame_type, getattr(frame, "name", None), frame.chunk.offset, len(frame.chunk.bytes))
                )
    except fitdecode.FitError:
        pass
    return frames


def _session(data: bytes) -> dict:
    sessions = []
    try:
        with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.DISABLED) as reader:
            for frame in reader:
                if frame.frame_type == fitdecode.FIT_FRAME_DATA and frame.name == "session":
                    sessions.append({f.name: f.value for f in frame.fields})
    except fitdecode.FitError:
        pass  # what came before the damage is what a reader can use
    (session,) = sessions
    return session


def _session_end(data: bytes) -> int:
    (_, _, offset, size) = next(f for f in _frames(data) if f[0] == fitdecode.FIT_FRAME_DATA and f[1] == "session")
    return offset + size


def test_a_file_cut_after_its_session_is_imported_from_the_summary(samples, tmp_path, central_europe):
    data = (samples / "fit" / RUN).read_bytes()
    cut_at = _session_end(data) + 10  # inside the message after the session
    damaged = data[:cut_at]
    reference = _session(damaged)  # fitdecode reads the same summary before it stops
    last = _frames(damaged)[-1]
    read_up_to = last[2] + last[3]

    result = parse_fit(damaged, "cut.fit")

    (run,) = result.runs
    assert run.distance_m == pytest.approx(reference["total_distance"])
    assert run.started_at == local(reference["start_time"].replace(tzinfo=None))
    assert run.duration_s == round(reference["total_elapsed_time"])
    (note,) = result.warnings
    assert note.message.startswith(
        f"read up to byte {read_up_to:,}; the session summary was read; the rest of the file is damaged: "
        "the track after that point was lost"
    )
    assert "the run was imported from the summary" in note.message


def test_a_corrupt_message_after_the_session_keeps_what_came_before(samples, tmp_path, central_europe):
    data = bytearray((samples / "fit" / RUN).read_bytes())
    end = _session_end(bytes(data))
    data[end : end + 6] = b"\x4f\x00\x00\xff\xff\x09"  # a definition message of nonsense where one should follow
    path = tmp_path / "corrupt.fit"
    path.write_bytes(bytes(data))
    frames = _frames(bytes(data))
    last = frames[-1]

    batch = collect([path], DistanceUnit.KM)

    assert batch.failed == []
    (run,) = batch.runs
    assert run.distance_m == pytest.approx(_session(bytes(data))["total_distance"])
    (note,) = [w for w in batch.warnings if "session summary" in w.message]
    assert f"read up to byte {last[2] + last[3]:,}" in note.message


def test_a_file_cut_before_its_session_still_fails(samples, tmp_path):
    data = (samples / "fit" / RUN).read_bytes()
    path = tmp_path / "half.fit"
    path.write_bytes(data[: len(data) // 2])
    batch = collect([path], DistanceUnit.KM)
    assert batch.runs == []
    (failure,) = batch.failed
    assert failure.message.startswith("truncated FIT file: it ends too early")


def test_the_real_damaged_samples_say_what_was_rescued(samples, central_europe):
    invalid = samples / "fit" / "invalid"
    eof = parse_fit((invalid / "activity-unexpected-eof.fit").read_bytes(), "eof.fit")
    assert len(eof.runs) == 1
    assert eof.warnings[0].message.startswith("read up to byte 751; the session summary was read")
    chained = parse_fit((invalid / "activity-settings-corruptheader.fit").read_bytes(), "chained.fit")
    assert len(chained.runs) == 1
    assert chained.warnings[0].message.startswith(
        "read up to byte 771: the activity was read whole, with its session summary; what follows it is damaged"
    )


def test_the_cli_imports_the_rescued_run_and_says_so(samples, tmp_path, capsys):
    data = (samples / "fit" / RUN).read_bytes()
    path = tmp_path / "cut.fit"
    path.write_bytes(data[: _session_end(data) + 10])
    db = tmp_path / "j.sqlite3"
    assert main(["import", "--db", str(db), str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Imported 1 run;")
    assert "cut.fit: read up to byte" in out and "the track after that point was lost" in out
    with Journal.open(db) as journal:
        assert len(journal.runs()) == 1


def _with_device_clock(data: bytes) -> bytes:
    """The file with its session's start_time (field 2) replaced by 1,000 s after the watch was switched on."""
    out = bytearray(data)
    definitions: dict[int, list[tuple[int, int]]] = {}
    endian: dict[int, str] = {}
    with fitdecode.FitReader(io.BytesIO(data), keep_raw_chunks=True, check_crc=fitdecode.CrcCheck.DISABLED) as reader:
        for frame in reader:
            if frame.frame_type == fitdecode.FIT_FRAME_DEFINITION:
                definitions[frame.local_mesg_num] = [(f.def_num, f.size) for f in frame.field_defs]
                endian[frame.local_mesg_num] = "<" if frame.endian == "<" else ">"
            elif frame.frame_type == fitdecode.FIT_FRAME_DATA and frame.name == "session":
                local = frame.chunk.bytes[0] & 0x0F
                at = frame.chunk.offset + 1
                for number, size in definitions[local]:
                    if number == 2:
                        out[at : at + 4] = struct.pack(f"{endian[local]}I", 1000)
                        return bytes(out)
                    at += size
    raise AssertionError("no session start_time found")


def test_a_device_relative_clock_is_skipped_with_its_reason(samples, tmp_path):
    data = _with_device_clock((samples / "fit" / "garmin-fenix-5-run.fit").read_bytes())
    assert _session(data)["start_time"] == 1000  # fitdecode leaves it a number: not a date (FIT_DATETIME_MIN)
    result = parse_fit(data, "relative.fit")
    assert result.runs == []
    assert [(n.file, n.message) for n in result.skipped] == [("relative.fit", DEVICE_CLOCK)]
    assert "no start time" not in DEVICE_CLOCK
    assert DEVICE_CLOCK == (
        "the watch recorded its time relative to when it was switched on, not a date: the start cannot be placed"
    )


def test_damage_is_reported_once_per_file(samples, tmp_path):
    """A damaged copy that also fails its checksum is one file with one damage note (plus the checksum's)."""
    data = (samples / "fit" / RUN).read_bytes()
    damaged = Path(tmp_path / "x.fit")
    damaged.write_bytes(data[:-1])
    batch = collect([damaged], DistanceUnit.KM)
    assert len(batch.runs) == 1
    assert len([w for w in batch.warnings if "read up to byte" in w.message]) == 1
