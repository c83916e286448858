"""The journal's JSON backup format, version 1 (documented in ``docs/json-format.md``).

``to_json`` writes a whole journal; ``parse_json`` reads one back into plain
records, checking every entry first and raising ``JsonFormatError`` that names
the entry and the field, so a malformed file is refused whole before anything
is written. Distances are kilometres whatever the display unit.

Check-ins are flattened to one ``symptoms`` row per region; rows with the same
date and time form one check-in again on reading. Warning signs carry the date
(and, written by this app, the time) of their check-in. Goal races (``races``)
may lie in the past: a backup carries history; a file without them still reads.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, time
from functools import partial
from typing import Any, TypeVar

from journal.domain.entries import CareEntry, CheckIn, JournalData, RegionScore, Run, Shoe
from journal.domain.races import Race
from journal.domain.validation import (
    check_distance_m,
    check_duration_s,
    check_effort,
    check_encodable,
    check_goal_time_s,
    check_interference,
    check_minutes,
    check_race_day,
    check_race_distance_km,
    check_race_name,
    check_score,
    check_text,
    check_when,
)
from journal.domain.vocabulary import (
    CareKind,
    Character,
    FootStrike,
    Radiates,
    Region,
    Surface,
    Timing,
    WarningSign,
    _Labelled,
)

FORMAT = "run-journal"
VERSION = 1
NOON = time(12, 0)


MAX_NUMBER_CHARS = 100
"""A number written with more characters than this is refused (Python would refuse ints over 4,300 digits
with a traceback; no journal value needs more than a few)."""
MAX_SHOWN = 40
MAX_VALUES = 2_000_000
MAX_CONTAINERS = 400_000
"""A 10-year journal holds about 210,000 values in 44,000 lists and objects."""


T = TypeVar("T")
L = TypeVar("L", bound=_Labelled)


class JsonFormatError(ValueError):
    """The file cannot be imported; the message names the entry and the field."""


def _shown(value: object) -> str:
    """A value from the file for a message: short, and only text or a number (never a whole structure)."""
    if isinstance(value, str):
        return repr(value if len(value) <= MAX_SHOWN else value[:MAX_SHOWN] + "...")
    if isinstance(value, (bool, int, float)) or value is None:
        return repr(value)[:MAX_SHOWN]
    return f"a {type(value).__name__}"


def _number(text: str, kind: Callable[[str], Any]) -> Any:
    if len(text) > MAX_NUMBER_CHARS:
        raise JsonFormatError(f"Not a journal backup: a number is {len(text):,} characters long")
    return kind(text)


def _no_constant(name: str) -> Any:
    raise JsonFormatError(f"Not valid JSON: {name} is not a number JSON allows")


def load_document(text: str) -> Any:
    """``json.loads`` that answers every malformed or hostile text with JsonFormatError, never a traceback.

    Numbers over ``MAX_NUMBER_CHARS`` characters and NaN/Infinity are refused; nesting
    deeper than Python's recursion limit (about 1,000 levels; a backup nests 3) is refused.
    Before parsing, the text's commas and brackets are counted (each value but the first of
    a list or object needs a comma): over ``MAX_VALUES`` values or ``MAX_CONTAINERS`` lists
    and objects is refused, as the parsed values would take many times the text's memory.
    """
    values, containers = text.count(","), text.count("{") + text.count("[")
    if values > MAX_VALUES or containers > MAX_CONTAINERS:
        raise JsonFormatError(
            f"Not a journal backup: it holds over {min(values, MAX_VALUES):,} values or "
            f"{min(containers, MAX_CONTAINERS):,} lists and objects, more than a journal of 80 years"
        )
    try:
        return json.loads(
            text,
            parse_int=lambda t: _number(t, int),
            parse_float=lambda t: _number(t, float),
            parse_constant=_no_constant,
        )
    except json.JSONDecodeError as exc:
        raise JsonFormatError(f"Not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except JsonFormatError:
        raise
    except RecursionError:
        raise JsonFormatError("Not a journal backup: it nests lists or objects too deep (over 1,000 levels)") from None
    except MemoryError:
        raise JsonFormatError("Not a journal backup: it is too large to read in memory") from None
    except ValueError as exc:  # a number Python cannot convert
        raise JsonFormatError(f"Not valid JSON: a number cannot be read ({type(exc).__name__})") from None


def _km(metres: float) -> float:
    return round(metres / 1000.0, 6)


def to_json(data: JournalData) -> dict[str, Any]:
    """The whole journal as a JSON-ready dict in format version 1."""
    runs = [
        {
            "date": r.started_at.date().isoformat(),
            "start_time": r.started_at.strftime("%H:%M:%S") if r.started_at.second else r.started_at.strftime("%H:%M"),
            "distance_km": _km(r.distance_m),
            "duration_s": r.duration_s,
            "effort": r.effort,
            "surface": r.surface.value if r.surface else None,
            "shoe": r.shoe,
            "foot_strike": r.foot_strike.value if r.foot_strike else None,
            "stretched": r.stretched,
            "hydrated": r.hydrated,
            "hot": r.hot,
            "notes": r.notes,
            "stopped_for_pain": r.stopped_for_pain,
            "source": r.source,
            "source_id": r.source_id,
            "source_file": r.source_file,
        }
        for r in data.runs
    ]
    symptoms: list[dict[str, Any]] = []
    signs: list[dict[str, Any]] = []
    for c in data.checkins:
        day, clock = c.recorded_at.date().isoformat(), c.recorded_at.strftime("%H:%M:%S")
        for i, s in enumerate(c.scores):
            symptoms.append(
                {
                    "date": day,
                    "time": clock,
                    "region": s.region.value,
                    "score": s.score,
                    "timing": s.timing.value if s.timing else None,
                    "character": [ch.value for ch in s.character],
                    "radiates": s.radiates.value if s.radiates else None,
                    "notes": c.notes if i == 0 else "",
                    **({"interference": c.interference} if i == 0 and c.interference is not None else {}),
                }
            )
        for i, w in enumerate(c.warning_signs):
            first: dict[str, Any] = {"notes": c.notes} if not c.scores and i == 0 else {}
            if first and c.interference is not None:
                first["interference"] = c.interference
            signs.append({"date": day, "time": clock, "sign": w.value, **first})
    return {
        "format": FORMAT,
        "version": VERSION,
        "shoes": [
            {
                "name": s.name,
                "first_used": s.first_used.isoformat() if s.first_used else None,
                "prior_km": _km(s.prior_m),
                "retire_at_km": _km(s.retire_at_m),
                "retired": s.retired,
            }
            for s in data.shoes
        ],
        "runs": runs,
        "symptoms": symptoms,
        "warning_signs": signs,
        "care": [
            {"date": e.day.isoformat(), "kind": e.kind.value, "detail": e.detail, "minutes": e.minutes}
            for e in data.care
        ],
        "races": [
            {"name": r.name, "date": r.day.isoformat(), "distance_km": r.distance_km, "goal_time_s": r.goal_time_s}
            for r in data.races
        ],
    }


def dumps(data: JournalData) -> str:
    return json.dumps(to_json(data), ensure_ascii=False, indent=1)


class _Entry:
    """Reads the fields of one entry, turning every problem into a JsonFormatError that names it."""

    def __init__(self, section: str, index: int, raw: object) -> None:
        self.where = f"{section}[{index}]"
        if not isinstance(raw, dict):
            raise JsonFormatError(f"{self.where}: each entry must be an object")
        self.raw = raw

    def fail(self, key: str, message: str) -> JsonFormatError:
        if len(message) > 300:
            message = message[:300] + "..."
        return JsonFormatError(f"{self.where}, field {key[:MAX_SHOWN]!r}: {message}")

    def get(self, key: str, kind: type | tuple[type, ...], required: bool = False) -> Any:
        value = self.raw.get(key)
        if value is None:
            if required:
                raise self.fail(key, "is required")
            return None
        if isinstance(value, bool) and kind is not bool and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            raise self.fail(key, f"must be {_kind_name(kind)}, not true/false")
        if not isinstance(value, kind):
            raise self.fail(key, f"must be {_kind_name(kind)}")
        if isinstance(value, str) and (problem := check_encodable(value)):
            raise self.fail(key, problem)
        return value

    def check(self, key: str, value: T, checker: Callable[[T], str | None]) -> T:
        problem = checker(value)
        if problem:
            raise self.fail(key, problem)
        return value

    def optional_date(self, key: str) -> date | None:
        text = self.get(key, str)
        return None if text is None else self._date(key, text)

    def required_date(self, key: str) -> date:
        return self._date(key, self.get(key, str, required=True))

    def _date(self, key: str, text: str) -> date:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise self.fail(key, f"{_shown(text)} is not a date (YYYY-MM-DD)") from None

    def time(self, key: str) -> time:
        text = self.get(key, str)
        if text is None:
            return NOON
        try:
            value = time.fromisoformat(text)
        except ValueError:
            raise self.fail(key, f"{_shown(text)} is not a time (HH:MM)") from None
        if value.tzinfo is not None:
            raise self.fail(key, f"{_shown(text)}: write the local time without a UTC offset")
        return value

    def enum(self, key: str, enum: type[L]) -> L | None:
        value = self.get(key, str)
        return None if value is None else self._member(key, enum, value)

    def required_enum(self, key: str, enum: type[L]) -> L:
        return self._member(key, enum, self.get(key, str, required=True))

    def _member(self, key: str, enum: type[L], value: str) -> L:
        if len(value) > MAX_SHOWN * 5:
            raise self.fail(key, f"{_shown(value)} is not one of the values this field takes")
        try:
            return enum.parse(value)
        except ValueError as exc:
            raise self.fail(key, str(exc)) from None

    def number(self, key: str) -> float | None:
        value = self.get(key, (int, float))
        return None if value is None else self._finite(key, value)

    def required_number(self, key: str) -> float:
        return self._finite(key, self.get(key, (int, float), required=True))

    def _finite(self, key: str, value: float) -> float:
        if not math.isfinite(value):
            raise self.fail(key, "must be a finite number")
        return float(value)

    def required_whole(self, key: str) -> int:
        value = self.whole(key)
        if value is None:
            raise self.fail(key, "is required")
        return value

    def whole(self, key: str) -> int | None:
        value = self.get(key, (int, float))
        if value is None:
            return None
        if not math.isfinite(value):
            raise self.fail(key, "must be a finite number")
        if value != int(value):
            raise self.fail(key, "must be a whole number")
        return int(value)

    def text(self, key: str) -> str:
        value = self.get(key, str) or ""
        return self.check(key, value, check_text)


def _kind_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "text", bool: "true or false", int: "a number", float: "a number", list: "a list", dict: "an object"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(dict.fromkeys(names.get(k, k.__name__) for k in kinds))


def _section(doc: dict[str, Any], name: str) -> list[Any]:
    value = doc.get(name, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise JsonFormatError(f"{name!r} must be a list")
    return value


def _when(e: _Entry, day: date, clock: time, now: datetime) -> datetime:
    when = datetime.combine(day, clock)
    return e.check("date", when, lambda w: check_when(w, now))


def _goal_for(km: float, seconds: int | None) -> str | None:
    return check_goal_time_s(seconds, km)


def _interference(e: _Entry, group: dict[str, Any]) -> None:
    """The check-in's ``interference`` (0-10), written on its first row; two different values are refused."""
    value = e.check("interference", e.whole("interference"), check_interference)
    if value is None:
        return
    if group["interference"] is not None and group["interference"] != value:
        raise e.fail("interference", f"the check-in already has {group['interference']}; give it once")
    group["interference"] = value


SECTIONS = frozenset({"shoes", "runs", "symptoms", "warning_signs", "care", "races"})
"""The lists a backup holds; a file with none of them and no 'format' is some other JSON file."""


def parse_json(text: str, now: datetime | None = None) -> JournalData:
    """Parse and check a whole file; raises JsonFormatError naming the first bad entry and field."""
    now = now or datetime.now()
    doc = load_document(text)
    if not isinstance(doc, dict):
        raise JsonFormatError("The file must hold a JSON object with 'runs', 'symptoms', ...")
    if doc.get("format", FORMAT) != FORMAT:
        raise JsonFormatError(
            f"'format' is {_shown(doc.get('format'))}, not {FORMAT!r}: this is not a run journal file"
        )
    version = doc.get("version", VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version > VERSION or version < 1:
        raise JsonFormatError(f"'version' {_shown(version)} is not supported (this app reads version {VERSION})")
    if "format" not in doc and not SECTIONS & doc.keys():
        raise JsonFormatError(
            f"it has no 'format' and none of the sections {', '.join(sorted(SECTIONS))}: this is not a run "
            "journal file (a JSON backup made by `export --format json` begins "
            f'{{"format": "{FORMAT}"'
            ")"
        )

    shoes = []
    for i, raw in enumerate(_section(doc, "shoes")):
        e = _Entry("shoes", i, raw)
        name = e.get("name", str, required=True).strip()
        if not name:
            raise e.fail("name", "must not be empty")
        prior = e.number("prior_km") or 0.0
        retire = e.number("retire_at_km")
        if prior < 0:
            raise e.fail("prior_km", "must not be negative")
        if retire is not None and retire <= 0:
            raise e.fail("retire_at_km", "must be more than 0")
        shoes.append(
            Shoe(
                name=name,
                first_used=e.optional_date("first_used"),
                prior_m=prior * 1000.0,
                retire_at_m=(retire if retire is not None else 700.0) * 1000.0,
                retired=bool(e.get("retired", bool)),
            )
        )

    runs = []
    for i, raw in enumerate(_section(doc, "runs")):
        e = _Entry("runs", i, raw)
        day = e.required_date("date")
        km = e.required_number("distance_km")
        clock = e.time("start_time")
        runs.append(
            Run(
                started_at=_when(e, day, clock, now),
                distance_m=e.check("distance_km", km * 1000.0, check_distance_m),
                duration_s=e.check("duration_s", e.whole("duration_s"), check_duration_s),
                effort=e.check("effort", e.whole("effort"), check_effort),
                surface=e.enum("surface", Surface),
                shoe=(e.get("shoe", str) or "").strip() or None,
                foot_strike=e.enum("foot_strike", FootStrike),
                stretched=e.get("stretched", bool),
                hydrated=e.get("hydrated", bool),
                hot=e.get("hot", bool),
                notes=e.text("notes"),
                stopped_for_pain=e.get("stopped_for_pain", bool),
                source=e.get("source", str) or "json",
                source_id=e.get("source_id", str),
                source_file=e.get("source_file", str),
            )
        )

    groups: dict[datetime, dict[str, Any]] = defaultdict(
        lambda: {"scores": [], "signs": [], "notes": [], "interference": None}
    )
    for i, raw in enumerate(_section(doc, "symptoms")):
        e = _Entry("symptoms", i, raw)
        when = _when(e, e.required_date("date"), e.time("time"), now)
        region = e.required_enum("region", Region)
        score = e.check("score", e.required_whole("score"), check_score)
        character = e.get("character", list) or []
        try:
            chars = tuple(Character.parse(c) if isinstance(c, str) else Character.parse(_shown(c)) for c in character)
        except ValueError as exc:
            raise e.fail("character", str(exc)) from None
        group = groups[when]
        if any(s.region == region for s in group["scores"]):
            raise e.fail("region", f"{region.value} is scored twice at {when:%Y-%m-%d %H:%M}")
        group["scores"].append(
            RegionScore(
                region, score, e.enum("timing", Timing), tuple(dict.fromkeys(chars)), e.enum("radiates", Radiates)
            )
        )
        if note := e.text("notes"):
            group["notes"].append(note)
        _interference(e, group)

    for i, raw in enumerate(_section(doc, "warning_signs")):
        e = _Entry("warning_signs", i, raw)
        day = e.required_date("date")
        sign = e.required_enum("sign", WarningSign)
        if "time" in e.raw:
            when = _when(e, day, e.time("time"), now)
        else:
            same_day = sorted(w for w in groups if w.date() == day)
            when = same_day[0] if same_day else _when(e, day, NOON, now)
        groups[when]["signs"].append(sign)
        if (note := e.text("notes")) and note not in groups[when]["notes"]:
            groups[when]["notes"].append(note)
        _interference(e, groups[when])

    care = []
    for i, raw in enumerate(_section(doc, "care")):
        e = _Entry("care", i, raw)
        day = e.required_date("date")
        e.check("date", day, lambda d: check_when(d, now))
        care.append(
            CareEntry(
                day=day,
                kind=e.required_enum("kind", CareKind),
                detail=e.check("detail", e.get("detail", str) or "", lambda t: check_text(t, 500, "Detail")),
                minutes=e.check("minutes", e.whole("minutes"), check_minutes),
            )
        )

    races = []
    for i, raw in enumerate(_section(doc, "races")):
        e = _Entry("races", i, raw)
        name = e.check("name", e.get("name", str, required=True).strip(), check_race_name)
        day = e.check("date", e.required_date("date"), lambda d: check_race_day(d, now.date(), allow_past=True))
        km = e.check("distance_km", e.required_number("distance_km"), check_race_distance_km)
        goal = e.check("goal_time_s", e.whole("goal_time_s"), partial(_goal_for, km))
        races.append(Race(name=name, day=day, distance_km=km, goal_time_s=goal))

    checkins = [
        CheckIn(
            recorded_at=when,
            scores=tuple(g["scores"]),
            warning_signs=tuple(dict.fromkeys(g["signs"])),
            notes="\n".join(g["notes"]),
            interference=g["interference"],
        )
        for when, g in sorted(groups.items())
    ]
    return JournalData(
        runs=tuple(sorted(runs, key=lambda r: r.started_at)),
        checkins=tuple(checkins),
        care=tuple(sorted(care, key=lambda c: c.day)),
        shoes=tuple(shoes),
        races=tuple(sorted(races, key=lambda r: r.day)),
    )
