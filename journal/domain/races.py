"""Goal races: a plain record, the standard distances, and the world records a goal time is checked against.

A race has a name, a day, a distance in kilometres (5 km, 10 km, half marathon
21.0975 km, marathon 42.195 km, or any other) and an optional goal time in
seconds. Several races over the years are fine; the next one on or after a day
is the one that counts (``next_race``).

World records (men's road records as World Athletics lists them,
https://worldathletics.org/records/by-category/world-records, checked 2026):

- 5 km 12:49, Berihu Aregawi, Barcelona, 31 Dec 2021;
- 10 km 26:24, Rhonex Kipruto, Valencia, 12 Jan 2020;
- half marathon 57:30, Yomif Kejelcha, Valencia, 27 Oct 2024 (ratified 2025; the 56:42 run
  in Barcelona in 2025 was not ratified);
- marathon 2:00:35, Kelvin Kiptum, Chicago, 8 Oct 2023.

For any other distance the record is estimated with Riegel's formula
(Riegel PS. "Athletic records and human endurance." American Scientist
1981;69(3):285-290): T2 = T1 x (D2 / D1)^1.06, from each of the two nearest
records (one beyond the shortest or longest), taking the faster estimate, so a
goal is refused only when it beats every estimate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from journal.domain.units import format_duration

HALF_MARATHON_KM = 21.0975
MARATHON_KM = 42.195
RIEGEL_EXPONENT = 1.06
"""Riegel (1981): time grows with distance to the power 1.06."""


@dataclass(frozen=True, slots=True)
class Race:
    """A goal race: name, day, distance in km and an optional goal time in seconds."""

    name: str
    day: date
    distance_km: float
    goal_time_s: int | None = None
    id: int | None = None

    @property
    def distance_words(self) -> str:
        """'marathon', 'half marathon', '10 km', or '12.5 km'."""
        return distance_words(self.distance_km)


class RaceDistance(StrEnum):
    """The choices of the race form and ``race add --distance``; the value is what a person types."""

    FIVE_K = "5k"
    TEN_K = "10k"
    HALF = "half"
    MARATHON = "marathon"
    CUSTOM = "custom"

    @property
    def km(self) -> float | None:
        """The distance in km; None for ``custom``."""
        return _STANDARD_KM.get(self.value)

    @property
    def label(self) -> str:
        return _LABELS[self.value]


_STANDARD_KM = {"5k": 5.0, "10k": 10.0, "half": HALF_MARATHON_KM, "marathon": MARATHON_KM}
_LABELS = {"5k": "5 km", "10k": "10 km", "half": "Half marathon", "marathon": "Marathon", "custom": "Other distance"}


def standard_distance(distance_km: float) -> RaceDistance:
    """The standard distance ``distance_km`` is (within 1 m), or ``CUSTOM``."""
    for choice in RaceDistance:
        if choice.km is not None and abs(choice.km - distance_km) < 0.001:
            return choice
    return RaceDistance.CUSTOM


def distance_words(distance_km: float) -> str:
    """The distance as a person says it: 'marathon', 'half marathon', '5 km', '12.5 km'."""
    choice = standard_distance(distance_km)
    if choice is RaceDistance.MARATHON:
        return "marathon"
    if choice is RaceDistance.HALF:
        return "half marathon"
    return f"{distance_km:g} km" if distance_km == round(distance_km, 1) else f"{distance_km:.2f} km"


@dataclass(frozen=True, slots=True)
class WorldRecord:
    distance_km: float
    time_s: int
    athlete: str
    place: str
    year: int

    @property
    def words(self) -> str:
        """'2:00:35, Kelvin Kiptum, Chicago 2023'."""
        return f"{format_duration(self.time_s)}, {self.athlete}, {self.place} {self.year}"


WORLD_RECORDS: tuple[WorldRecord, ...] = (
    WorldRecord(5.0, 12 * 60 + 49, "Berihu Aregawi", "Barcelona", 2021),
    WorldRecord(10.0, 26 * 60 + 24, "Rhonex Kipruto", "Valencia", 2020),
    WorldRecord(HALF_MARATHON_KM, 57 * 60 + 30, "Yomif Kejelcha", "Valencia", 2024),
    WorldRecord(MARATHON_KM, 2 * 3600 + 35, "Kelvin Kiptum", "Chicago", 2023),
)
"""Men's road world records, shortest first (see the module docstring for the source)."""


def riegel_time_s(known_time_s: float, known_km: float, distance_km: float) -> float:
    """Riegel (1981): T2 = T1 x (D2 / D1)^1.06."""
    return float(known_time_s * (distance_km / known_km) ** RIEGEL_EXPONENT)


def world_record_for(distance_km: float) -> tuple[float, str]:
    """The fastest time thought possible over ``distance_km`` (seconds), and words saying what it is.

    The record itself for the four standard distances; otherwise the faster of the Riegel
    estimates from the two nearest records.
    """
    for record in WORLD_RECORDS:
        if abs(record.distance_km - distance_km) < 0.001:
            return float(record.time_s), f"the men's world record ({record.words})"
    shorter = [r for r in WORLD_RECORDS if r.distance_km < distance_km][-1:]
    longer = [r for r in WORLD_RECORDS if r.distance_km > distance_km][:1]
    estimates = [(riegel_time_s(r.time_s, r.distance_km, distance_km), r) for r in shorter + longer]
    best, source = min(estimates, key=lambda e: e[0])
    return best, (
        f"world-record pace ({format_duration(best)} estimated from the {distance_words(source.distance_km)} "
        f"record by Riegel's formula)"
    )


def next_race(races: Iterable[Race], as_of: date) -> Race | None:
    """The first race on or after ``as_of`` (on race day, that race); ties by name. None when none is left."""
    coming = [r for r in races if r.day >= as_of]
    return min(coming, key=lambda r: (r.day, r.name.casefold(), r.id or 0), default=None)


BANNER_WEEKS = 8
"""The verdict is shown under the flag banner while the next race is this close."""


def within_banner_reach(race: Race | None, today: date) -> bool:
    """True when ``race`` is from today up to ``BANNER_WEEKS`` weeks away."""
    return race is not None and today <= race.day <= today + timedelta(weeks=BANNER_WEEKS)


def parse_race_distance(text: str) -> float:
    """A distance as typed: ``5k``, ``10k``, ``half``, ``marathon``, or a number of km (``12.5``, ``12.5km``)
    or miles (``8mi``). Returns kilometres; ValueError with a readable message otherwise."""
    cleaned = text.strip().lower().replace(",", ".").replace(" ", "")
    for choice in RaceDistance:
        if choice.km is not None and cleaned in (choice.value, choice.label.lower().replace(" ", "")):
            return choice.km
    factor = 1.0
    if cleaned.endswith("km"):
        cleaned = cleaned[:-2]
    elif cleaned.endswith("mi"):
        cleaned, factor = cleaned[:-2], 1.609344
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(
            f"{text.strip()!r} is not a distance: write 5k, 10k, half, marathon or a number of km (or 8mi)"
        ) from None
    return value * factor
