"""FIT and .fit.gz (Garmin's binary activity format): each running session becomes a run.

Decoded with fitdecode. One pass over the frames keeps the ``file_id`` message, the
``session`` messages and the last ``record``; each session with sport running gives
``start_time`` (UTC), ``total_distance`` (m; else the last record's cumulative
distance), the duration (``journal.importers.duration``: ``total_elapsed_time``, the
FIT profile's "time (includes pauses)"; else the session's ``timestamp`` minus its
start; else ``total_timer_time``) and, where the file has it, ``workout_rpe`` (FIT
SDK 21: "Borg CR10 / 0-10 RPE scale, multiplied 10x") as the run's effort. The
activity id is the device serial number and the file's creation time (FIT
``file_id``), plus the session number in multisport files.

Time. A ``date_time`` below 0x10000000 (268,435,456 s after 1989-12-31) is not a date:
the FIT SDK defines it as seconds since the device was switched on (fitdecode's
``FIT_DATETIME_MIN``, left as a number). A session starting so is skipped with that
reason, as its start cannot be placed on the calendar.

Integrity: CRCs are computed but not enforced (``CrcCheck.READONLY``); a mismatch in
a file whose data decodes is imported with a warning. A file damaged part-way (a
corrupt message, a truncated end: fitdecode raises where it stops) keeps what was
read before the damage: the sessions decoded by then are imported, with a warning
saying up to which byte the file was read, that its session summary was read, and
what was lost (the rest of the track, and the checksum check). With no session
before the damage nothing usable is left and the file fails, as before.
``ErrorHandling.IGNORE`` lets undefined developer fields pass as raw bytes, as
fitdecode documents, rather than warn from a worker thread.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, BinaryIO

import fitdecode
from fitdecode.processors import FIT_DATETIME_MIN

from journal.domain.entries import Run
from journal.domain.vocabulary import Surface
from journal.importers.records import ImportFileError, ParseResult
from journal.importers.values import effort_from_scale, utc_to_local, whole_seconds

RUNNING = ("running", 1)
"""fitdecode gives the enum name, or the raw number (1 = running) for a profile it does not know."""

SURFACES: dict[str, Surface] = {"treadmill": Surface.TREADMILL, "trail": Surface.TRAIL, "track": Surface.TRACK}
MAX_SESSIONS = 1_000
"""More sessions than any activity file holds (a multisport day has a handful); kept in memory, so capped."""
DEVICE_CLOCK = "the watch recorded its time relative to when it was switched on, not a date: the start cannot be placed"
_DECODE_ERRORS = (ValueError, TypeError, AssertionError, KeyError, IndexError, OverflowError, struct.error)
"""What fitdecode's decoding of damaged field data can raise (seen on mutated files)."""


class _Counting:
    """The stream fitdecode reads, counting the bytes it took: after a frame is yielded, the end of that frame."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.count += len(data)
        return data


@dataclass(slots=True)
class Damage:
    """Where a FIT file stopped decoding: the end of the last whole message, and fitdecode's reason."""

    read_up_to: int
    reason: str
    whole_file_before: bool
    """A complete FIT file (with its checksum) was read before the damage (a chained file after it broke)."""


@dataclass(slots=True)
class FitContents:
    file_id: dict[str, Any] | None = None
    sessions: list[dict[str, Any]] = field(default_factory=list)
    last_record: Any = None
    crc_ok: bool = True
    damage: Damage | None = None


def _values(frame: fitdecode.FitDataMessage) -> dict[str, Any]:
    return {f.name: f.value for f in frame.fields if f.value is not None}


def _reason(exc: BaseException) -> str:
    if isinstance(exc, fitdecode.FitHeaderError):
        return f"corrupt FIT file: bad header ({exc})"
    if isinstance(exc, fitdecode.FitEOFError):
        return f"truncated FIT file: it ends too early ({exc})"
    if isinstance(exc, fitdecode.FitError):
        return f"corrupt FIT file ({exc})"
    return f"corrupt FIT file (undecodable data: {type(exc).__name__}: {exc})"


def read_fit_contents(data: bytes | BinaryIO) -> FitContents:
    """The file_id, sessions (at most ``MAX_SESSIONS``), last record and CRC state of FIT bytes or a stream.

    The frames are decoded as they stream by. The file's ``sport`` message, when there is
    one, is kept as ``file_id["sport"]``. A file that breaks after something was decoded
    returns what came before with ``damage`` set; one that breaks before anything
    decoded raises ImportFileError.
    """
    found = FitContents()
    stream = _Counting(io.BytesIO(data) if isinstance(data, bytes) else data)
    read_up_to = 0
    whole_file = False
    try:
        with fitdecode.FitReader(
            stream, check_crc=fitdecode.CrcCheck.READONLY, error_handling=fitdecode.ErrorHandling.IGNORE
        ) as reader:
            for frame in reader:
                read_up_to = stream.count
                frame_type = frame.frame_type
                if frame_type == fitdecode.FIT_FRAME_DATA:
                    _take(found, frame)
                elif frame_type == fitdecode.FIT_FRAME_CRC:
                    found.crc_ok = found.crc_ok and frame.matched is not False
                    whole_file = True
                elif frame_type == fitdecode.FIT_FRAME_HEADER:
                    found.crc_ok = found.crc_ok and frame.crc_matched is not False
    except (fitdecode.FitError, *_DECODE_ERRORS) as exc:
        if found.file_id is None and not found.sessions and found.last_record is None:
            raise ImportFileError(_reason(exc)) from None
        found.damage = Damage(read_up_to, _reason(exc), whole_file)
    if found.file_id is None and not found.sessions and found.last_record is None:
        raise ImportFileError("not a FIT activity file (nothing decoded)")
    return found


def _take(found: FitContents, frame: fitdecode.FitDataMessage) -> None:
    name = frame.name
    if name == "record":
        found.last_record = frame
    elif name == "session":
        if len(found.sessions) >= MAX_SESSIONS:
            raise ImportFileError(f"holds over {MAX_SESSIONS:,} sessions, which no activity file does")
        found.sessions.append(_values(frame))
    elif name == "file_id" and found.file_id is None:
        found.file_id = _values(frame)
    elif name == "sport" and found.file_id is not None and "sport" not in found.file_id:
        found.file_id["sport"] = frame.get_value("sport", fallback=None)


def _activity_id(file_id: dict[str, Any] | None, number: int, count: int) -> str | None:
    if not file_id or file_id.get("serial_number") is None or not isinstance(file_id.get("time_created"), datetime):
        return None
    base = f"{file_id['serial_number']}-{int(file_id['time_created'].timestamp())}"
    return base if count == 1 else f"{base}#{number}"


def session_duration(session: dict[str, Any]) -> float | None:
    """Elapsed seconds of a session (``journal.importers.duration``): total_elapsed_time, else end minus start,
    else the timer time."""
    elapsed = session.get("total_elapsed_time")
    if isinstance(elapsed, (int, float)) and elapsed > 0:
        return float(elapsed)
    start, end = session.get("start_time"), session.get("timestamp")
    if isinstance(start, datetime) and isinstance(end, datetime) and end > start:
        return (end - start) / timedelta(seconds=1)
    timer = session.get("total_timer_time")
    return float(timer) if isinstance(timer, (int, float)) else None


def _is_device_clock(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < FIT_DATETIME_MIN


def _damage_note(damage: Damage, rescued: int) -> str:
    runs = "the run was" if rescued == 1 else f"{rescued} runs were"
    if damage.whole_file_before:
        return (
            f"read up to byte {damage.read_up_to:,}: the activity was read whole, with its session summary; "
            f"what follows it is damaged and was not read ({damage.reason}); {runs} imported from it"
        )
    return (
        f"read up to byte {damage.read_up_to:,}; the session summary was read; the rest of the file is damaged: "
        f"the track after that point was lost, and the file's checksum could not be checked ({damage.reason}); "
        f"{runs} imported from the summary"
    )


def parse_fit(data: bytes | BinaryIO, label: str) -> ParseResult:
    """Read FIT bytes or a stream (already un-gzipped); ``label`` names the file in the report and in ``Run.source_file``."""
    result = ParseResult()
    found = read_fit_contents(data)
    file_id, sessions = found.file_id, found.sessions
    if not sessions:
        if found.damage is not None:  # nothing usable before the damage
            raise ImportFileError(found.damage.reason)
        kind = (file_id or {}).get("type")
        if kind is not None and kind != "activity":
            result.skip(label, f"a {kind} file, not an activity")
        else:
            result.skip(label, "no activity summary (session) in the file")
        return result
    if not found.crc_ok:
        result.warn(label, "the file's checksum (CRC) does not match; its data decoded and was read - check the run")
    for number, session in enumerate(sessions, start=1):
        where = label if len(sessions) == 1 else f"{label} (session {number})"
        run = _session_run(session, number, found, label, where, result)
        if run is not None:
            result.add(run)
    if found.damage is not None:
        if result.runs:
            result.warn(label, _damage_note(found.damage, len(result.runs)))
        else:
            result.warn(label, f"the file is damaged after byte {found.damage.read_up_to:,} ({found.damage.reason})")
    return result


def _session_run(
    session: dict[str, Any], number: int, found: FitContents, label: str, where: str, result: ParseResult
) -> Run | None:
    file_id = found.file_id
    sport = session.get("sport", (file_id or {}).get("sport"))  # else the file's sport message
    if sport not in RUNNING:
        result.skip(where, f"not a run (sport {sport or 'not recorded'})")
        return None
    start = session.get("start_time")
    if _is_device_clock(start):
        result.skip(where, DEVICE_CLOCK)
        return None
    if not isinstance(start, datetime):
        result.skip(where, "no start time in the session")
        return None
    distance = session.get("total_distance")
    if not isinstance(distance, (int, float)) and found.last_record is not None:
        distance = found.last_record.get_value("distance", fallback=None)
    if not isinstance(distance, (int, float)) or distance <= 0:
        result.skip(where, "no distance recorded")
        return None
    rpe = session.get("workout_rpe")
    sub_sport = session.get("sub_sport")
    return Run(
        started_at=utc_to_local(start),
        distance_m=float(distance),
        duration_s=whole_seconds(session_duration(session)),
        effort=effort_from_scale(rpe, 10.0) if isinstance(rpe, (int, float)) else None,
        surface=SURFACES.get(sub_sport) if isinstance(sub_sport, str) else None,
        source="fit",
        source_id=_activity_id(file_id, number, len(found.sessions)),
        source_file=label,
    )
