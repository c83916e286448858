"""FIT and .fit.gz (Garmin's binary activity format): each running session becomes a run.

Decoded with fitdecode. One pass over the frames keeps the ``file_id`` message, the
``session`` messages and the last ``record``; each session with sport running gives
``start_time`` (UTC), ``total_distance`` (m; else the last record's cumulative
distance), ``total_timer_time`` (s, the watch's timer: pauses excluded) and, where
the file has it, ``workout_rpe`` (FIT SDK 21: "Borg CR10 / 0-10 RPE scale,
multiplied 10x") as the run's effort. The activity id is the device serial number
and the file's creation time (FIT ``file_id``), plus the session number in
multisport files.

Integrity: CRCs are computed but not enforced (``CrcCheck.READONLY``); a mismatch in
a file whose data decodes is imported with a warning. Framing errors (a corrupt
header, a truncated file: fitdecode's ``FitError``) fail the whole file, even when
some sessions decoded before the error, since its figures cannot be trusted.
``ErrorHandling.IGNORE`` lets undefined developer fields pass as raw bytes, as
fitdecode documents, rather than warn from a worker thread.
"""

from __future__ import annotations

import io
import struct
from datetime import datetime
from typing import Any, BinaryIO

import fitdecode

from journal.domain.entries import Run
from journal.domain.vocabulary import Surface
from journal.importers.records import ImportFileError, ParseResult
from journal.importers.values import effort_from_scale, utc_to_local, whole_seconds

RUNNING = ("running", 1)
"""fitdecode gives the enum name, or the raw number (1 = running) for a profile it does not know."""

SURFACES: dict[str, Surface] = {"treadmill": Surface.TREADMILL, "trail": Surface.TRAIL, "track": Surface.TRACK}
MAX_SESSIONS = 1_000
"""More sessions than any activity file holds (a multisport day has a handful); kept in memory, so capped."""


def _values(frame: fitdecode.FitDataMessage) -> dict[str, Any]:
    return {f.name: f.value for f in frame.fields if f.value is not None}


def read_fit_messages(data: bytes | BinaryIO) -> tuple[dict[str, Any] | None, list[dict[str, Any]], Any, bool]:
    """(file_id values, session values, last record frame, CRCs all good) from FIT bytes or a stream.

    The frames are decoded as they stream by; only the sessions (at most ``MAX_SESSIONS``)
    and the last record are kept.

    The file's ``sport`` message, when there is one, is kept as ``file_id["sport"]``.

    Raises ImportFileError for a corrupt or truncated file.
    """
    file_id: dict[str, Any] | None = None
    sessions: list[dict[str, Any]] = []
    last_record = None
    crc_ok = True
    try:
        with fitdecode.FitReader(
            io.BytesIO(data) if isinstance(data, bytes) else data,
            check_crc=fitdecode.CrcCheck.READONLY,
            error_handling=fitdecode.ErrorHandling.IGNORE,
        ) as reader:
            for frame in reader:
                frame_type = frame.frame_type
                if frame_type == fitdecode.FIT_FRAME_DATA:
                    name = frame.name
                    if name == "record":
                        last_record = frame
                    elif name == "session":
                        if len(sessions) >= MAX_SESSIONS:
                            raise ImportFileError(f"holds over {MAX_SESSIONS:,} sessions, which no activity file does")
                        sessions.append(_values(frame))
                    elif name == "file_id" and file_id is None:
                        file_id = _values(frame)
                    elif name == "sport" and file_id is not None and "sport" not in file_id:
                        file_id["sport"] = frame.get_value("sport", fallback=None)
                elif frame_type == fitdecode.FIT_FRAME_CRC:
                    crc_ok = crc_ok and frame.matched is not False
                elif frame_type == fitdecode.FIT_FRAME_HEADER:
                    crc_ok = crc_ok and frame.crc_matched is not False
    except fitdecode.FitHeaderError as exc:
        raise ImportFileError(f"corrupt FIT file: bad header ({exc})") from None
    except fitdecode.FitEOFError as exc:
        raise ImportFileError(f"truncated FIT file: it ends too early ({exc})") from None
    except fitdecode.FitError as exc:
        raise ImportFileError(f"corrupt FIT file ({exc})") from None
    except (ValueError, TypeError, AssertionError, KeyError, IndexError, OverflowError, struct.error) as exc:
        # fitdecode's decoding of damaged field data can fail like this (seen on mutated files)
        raise ImportFileError(f"corrupt FIT file (undecodable data: {type(exc).__name__}: {exc})") from None
    if file_id is None and not sessions and last_record is None:
        raise ImportFileError("not a FIT activity file (nothing decoded)")
    return file_id, sessions, last_record, crc_ok


def _activity_id(file_id: dict[str, Any] | None, number: int, count: int) -> str | None:
    if not file_id or file_id.get("serial_number") is None or not isinstance(file_id.get("time_created"), datetime):
        return None
    base = f"{file_id['serial_number']}-{int(file_id['time_created'].timestamp())}"
    return base if count == 1 else f"{base}#{number}"


def parse_fit(data: bytes | BinaryIO, label: str) -> ParseResult:
    """Read FIT bytes or a stream (already un-gzipped); ``label`` names the file in the report and in ``Run.source_file``."""
    result = ParseResult()
    file_id, sessions, last_record, crc_ok = read_fit_messages(data)
    if not sessions:
        kind = (file_id or {}).get("type")
        if kind is not None and kind != "activity":
            result.skip(label, f"a {kind} file, not an activity")
        else:
            result.skip(label, "no activity summary (session) in the file")
        return result
    if not crc_ok:
        result.warn(label, "the file's checksum (CRC) does not match; its data decoded and was read - check the run")
    for number, session in enumerate(sessions, start=1):
        where = label if len(sessions) == 1 else f"{label} (session {number})"
        sport = session.get("sport", (file_id or {}).get("sport"))  # else the file's sport message
        if sport not in RUNNING:
            result.skip(where, f"not a run (sport {sport or 'not recorded'})")
            continue
        start = session.get("start_time")
        if not isinstance(start, datetime):
            result.skip(where, "no start time in the session")
            continue
        distance = session.get("total_distance")
        if not isinstance(distance, (int, float)) and last_record is not None:
            distance = last_record.get_value("distance", fallback=None)
        if not isinstance(distance, (int, float)) or distance <= 0:
            result.skip(where, "no distance recorded")
            continue
        timer = session.get("total_timer_time")
        if not isinstance(timer, (int, float)):
            timer = session.get("total_elapsed_time")
        rpe = session.get("workout_rpe")
        sub_sport = session.get("sub_sport")
        result.add(
            Run(
                started_at=utc_to_local(start),
                distance_m=float(distance),
                duration_s=whole_seconds(timer) if isinstance(timer, (int, float)) else None,
                effort=effort_from_scale(rpe, 10.0) if isinstance(rpe, (int, float)) else None,
                surface=SURFACES.get(sub_sport) if isinstance(sub_sport, str) else None,
                source="fit",
                source_id=_activity_id(file_id, number, len(sessions)),
                source_file=label,
            )
        )
    return result
