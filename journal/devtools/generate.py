"""A generated journal of any number of years for benchmarks and load tests (``generated_data``).

Ten years hold about 3,000 runs and 4,000 check-ins (7,000 entries besides care);
thirty years about 9,000 runs and 12,000 check-ins.

The made-up runner trains in blocks: a few weeks of building (5-10 % a week), a
cut-back week, now and then a week that jumps by 40-90 % or a single long run far
past anything that month, and a couple of weeks off a year. After a jump or a spike
there is a chance of a pain episode in the lower back or a hamstring (3-7/10,
easing over one to five weeks, with the running cut back meanwhile, and heat,
stretching and painkillers logged). Check-ins are made most mornings, and again
after many runs. Core sessions come in phases. Hot days cluster in summer.

Deterministic: the same ``today`` and ``years`` give the same journal (the random
generator has a fixed seed). Nothing in it is a real person's data.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from journal.domain.entries import CareEntry, CheckIn, JournalData, RegionScore, Run, Shoe
from journal.domain.settings import Settings
from journal.domain.vocabulary import CareKind, Character, FootStrike, Radiates, Region, Surface, Timing

SEED = 20160301
YEARS = 10
SHOE_LIFE_M = 700_000.0


@dataclass
class _Episode:
    region: Region
    day: date
    peak: int
    days: int

    def score(self, day: date) -> int:
        n = (day - self.day).days
        if n < 0 or n >= self.days:
            return 0
        return max(0, round(self.peak * (1.0 - n / self.days) + 0.4))


@dataclass
class _State:
    rng: random.Random
    now: datetime
    runs: list[Run] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    care: list[CareEntry] = field(default_factory=list)
    shoes: list[Shoe] = field(default_factory=list)
    episodes: list[_Episode] = field(default_factory=list)
    shoe_m: float = 0.0
    road_pairs: list[str] = field(default_factory=list)
    longest: list[tuple[date, float]] = field(default_factory=list)

    def happened(self, when: datetime) -> bool:
        """Whether ``when`` is not after now: today's later entries have not happened yet and are left out
        (clamping them to now once gave two check-ins the same minute just after midnight)."""
        return when <= self.now

    def road_shoe(self, day: date, distance_m: float) -> str:
        """The current road pair; a new one once the current pair has done 700 km."""
        if not self.road_pairs or self.shoe_m + distance_m > SHOE_LIFE_M:
            self.road_pairs.append(f"Road shoes #{len(self.road_pairs) + 1}")
            self.shoes.append(Shoe(name=self.road_pairs[-1], first_used=day))
            self.shoe_m = 0.0
        self.shoe_m += distance_m
        return self.road_pairs[-1]

    def pain(self, day: date) -> dict[Region, int]:
        out: dict[Region, int] = {}
        for ep in self.episodes:
            s = ep.score(day)
            if s:
                out[ep.region] = max(out.get(ep.region, 0), s)
        return out


def _week_plan(rng: random.Random, km: float) -> list[tuple[int, float]]:
    """Days of the week (0-6) and distances that add up to about ``km``."""
    count = 3 if km < 12 else 4 if km < 20 else 5 if km < 30 else 6 if km < 45 else 7
    days = sorted(rng.sample(range(7), count))
    long_day = days[-1] if 6 not in days else 6
    shares = [1.0 + rng.uniform(-0.2, 0.2) for _ in days]
    shares[days.index(long_day)] *= 2.0
    total = sum(shares)
    return [(d, km * s / total) for d, s in zip(days, shares, strict=True)]


def _add_run(st: _State, day: date, km: float, surface: Surface, note: str = "") -> None:
    rng = st.rng
    metres = round(max(1.0, km) * 1000.0, 1)
    trail = surface is Surface.TRAIL
    summer = day.month in (6, 7, 8)
    run = Run(
        started_at=datetime.combine(day, time(rng.choice((6, 7, 12, 18)), rng.choice((0, 15, 30, 45)))),
        distance_m=metres,
        duration_s=int(metres / 1000.0 * rng.uniform(300, 390)),
        effort=max(1, min(10, round(3 + km / 6 + rng.uniform(-1, 1.5)))),
        surface=surface,
        shoe="Trail shoes" if trail else st.road_shoe(day, metres),
        foot_strike=rng.choice((FootStrike.HEEL, FootStrike.HEEL, FootStrike.MIDFOOT, FootStrike.FOREFOOT)),
        stretched=rng.random() < 0.55,
        hydrated=km >= 12 or rng.random() < 0.35,
        hot=rng.random() < (0.45 if summer else 0.05),
        notes=note,
    )
    if st.happened(run.started_at):
        st.runs.append(run)


def _maybe_episode(st: _State, day: date, strength: float) -> None:
    """After a jump or a spike: a pain episode with a probability rising with its size."""
    if any(ep.score(day) for ep in st.episodes):
        return
    if st.rng.random() < min(0.8, 0.25 + strength):
        region = st.rng.choice((Region.LOWER_BACK, Region.LOWER_BACK, Region.HAMSTRING_RIGHT, Region.HAMSTRING_LEFT))
        st.episodes.append(_Episode(region, day + timedelta(days=1), st.rng.randint(3, 7), st.rng.randint(7, 35)))


def _checkin(st: _State, day: date, clock: time, timing: Timing) -> None:
    pain = st.pain(day)
    scores = []
    for region in Region:
        score = pain.get(region, 0)
        if not score and st.rng.random() < 0.03:
            score = 1
        chars = (Character.ACHE,) if score else ()
        spreads = Radiates.THIGH if score >= 5 and st.rng.random() < 0.3 else Radiates.NONE
        scores.append(RegionScore(region, score, timing, chars, spreads if score else None))
    when = datetime.combine(day, clock)
    if st.happened(when):
        st.checkins.append(CheckIn(recorded_at=when, scores=tuple(scores)))


def _care(st: _State, day: date) -> None:
    pain = max(st.pain(day).values(), default=0)
    rng = st.rng
    if pain >= 3:
        if rng.random() < 0.6:
            st.care.append(CareEntry(day=day, kind=CareKind.HEAT, minutes=20))
        if rng.random() < 0.5:
            st.care.append(CareEntry(day=day, kind=CareKind.PAINKILLER, detail="ibuprofen 400 mg"))
        if rng.random() < 0.4:
            st.care.append(CareEntry(day=day, kind=CareKind.STRETCHING, minutes=15))
    core_phase = (day.toordinal() // 120) % 2 == 0
    if core_phase and day.weekday() == 2 and rng.random() < 0.8:
        st.care.append(CareEntry(day=day, kind=CareKind.CORE_STRENGTH, minutes=30))


def ten_year_data(today: date | None = None) -> JournalData:
    """Ten years of made-up running and check-ins ending ``today`` (default: the real today)."""
    return generated_data(YEARS, today)


def generated_data(years: int, today: date | None = None) -> JournalData:
    """``years`` years of made-up running and check-ins ending ``today`` (default: the real today)."""
    if years < 1:
        raise ValueError("a generated journal holds at least one year")
    today = today or date.today()
    rng = random.Random(SEED)
    st = _State(rng, now=min(datetime.combine(today, time(23, 59)), datetime.now().replace(microsecond=0)))
    st.shoes.append(Shoe(name="Trail shoes", first_used=today - timedelta(days=365 * years)))
    start = today - timedelta(days=365 * years)
    start -= timedelta(days=start.weekday())
    km = 22.0
    base = 22.0
    week = 0
    off_weeks = 0
    monday = start
    while monday <= today:
        month_longest = max((d for day, d in st.longest if (monday - day).days <= 30), default=0.0)
        in_pain = max((max(st.pain(monday + timedelta(days=i)).values(), default=0) for i in range(3)), default=0)
        if off_weeks:
            off_weeks -= 1
            planned = 0.0
        elif rng.random() < 0.012:
            off_weeks = rng.randint(0, 2)  # a holiday, an illness: a week or three off
            planned = 0.0
        elif in_pain >= 4:
            planned = base * rng.uniform(0.3, 0.6)
        elif rng.random() < 0.05:
            planned = km * rng.uniform(1.4, 1.9)  # a big jump
        elif week % 4 == 3:
            planned = base * 0.85  # cut-back week
        else:
            # build towards this season's goal by about 3-8 % a week, with some noise
            goal = 30.0 + 25.0 * (0.5 + 0.5 * math.sin(week / 26.0))
            step = rng.uniform(1.03, 1.08) if base < goal else rng.uniform(0.95, 1.0)
            base = min(70.0, max(15.0, base * step))
            planned = min(base * rng.uniform(0.95, 1.05), max(km, 10.0) * 1.12)
        if rng.random() < 0.01:  # start over after a long lay-off or a busy season
            base = rng.uniform(18, 30)
        plan = _week_plan(rng, planned) if planned > 2 else []
        spike_day = rng.choice(plan)[0] if plan and rng.random() < 0.05 else None
        jump = km > 0 and planned > km * 1.3
        for weekday, dist in plan:
            day = monday + timedelta(days=weekday)
            if day > today:
                break
            note = ""
            if weekday == spike_day and month_longest:
                dist = month_longest * rng.uniform(1.4, 2.2)
                note = "Went long"
            surface = Surface.TRAIL if weekday >= 5 and rng.random() < 0.3 else Surface.ROAD
            if rng.random() < 0.05:
                surface = rng.choice((Surface.TRACK, Surface.TREADMILL, Surface.HILLY))
            _add_run(st, day, dist, surface, note)
            st.longest.append((day, dist))
            if note:
                _maybe_episode(st, day, 0.2)
        if jump and plan:
            _maybe_episode(st, monday + timedelta(days=plan[-1][0]), (planned / km - 1.3))
        st.longest = [(d, x) for d, x in st.longest if (monday - d).days <= 31]
        st.episodes = [ep for ep in st.episodes if (monday - ep.day).days <= ep.days]  # over: scores 0 from now
        km = planned
        for i in range(7):
            day = monday + timedelta(days=i)
            if day > today:
                break
            ran = any(r.day == day for r in st.runs[-8:])
            if st.pain(day) or rng.random() < 0.72:
                _checkin(st, day, time(7, 30), Timing.NEXT_MORNING if ran else Timing.REST_DAY)
            if ran and rng.random() < 0.4:
                _checkin(st, day, time(20, 0), Timing.LATER_SAME_DAY)
            _care(st, day)
        week += 1
        monday += timedelta(days=7)
    return JournalData(
        runs=tuple(sorted(st.runs, key=lambda r: r.started_at)),
        checkins=tuple(sorted(st.checkins, key=lambda c: c.recorded_at)),
        care=tuple(st.care),
        shoes=tuple(st.shoes),
    )


def write_ten_year_journal(path: Path | str, today: date | None = None) -> Path:
    """Create a new journal file at ``path`` holding ``ten_year_data(today)`` (one transaction)."""
    return write_journal(path, YEARS, today)


def write_journal(path: Path | str, years: int, today: date | None = None) -> Path:
    """Create a new journal file at ``path`` holding ``generated_data(years, today)`` (one transaction)."""
    from journal.storage.journal import Journal

    path = Path(path)
    data = generated_data(years, today)
    with Journal.open(path) as journal:
        journal.add_entries(runs=data.runs, checkins=data.checkins, care=data.care, shoes=data.shoes)
        journal.save_settings(replace(Settings(), name=f"Generated runner ({years} years)"))
    return path
