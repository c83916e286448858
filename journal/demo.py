"""The demo journal: six months of a made-up runner, for ``--demo`` and the screenshots.

The story, counted back from today: four months of steady running (about
20-25 km a week, three or four runs) with pain-free check-ins and the odd
sore hamstring that settles in a day or two; then a week where distance jumps
by about 60 % with one long run far longer than anything in the month before;
then lower-back pain that starts the morning after, stays at 4-5/10 for the
last three weeks, hurts on days without a run too, spreads down the thigh on
some days, gets in the way of daily life a little, and has the runner taking
ibuprofen on most days. The flags this implies: pain after a jump, lingering
pain, radiating pain, back pain that does not settle with rest (urgent, by the
NHS's list), painkillers most days and for weeks.
A half marathon six weeks ahead is the goal race, so the Race page has its
verdict to show (talk to a professional before racing, with those flags).

Deterministic: the same ``today`` gives the same journal.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from pathlib import Path

from journal.domain.entries import CareEntry, CheckIn, JournalData, RegionScore, Run, Shoe
from journal.domain.races import HALF_MARATHON_KM, Race
from journal.domain.settings import Settings
from journal.domain.vocabulary import (
    CareKind,
    Character,
    FootStrike,
    Radiates,
    Region,
    Surface,
    Timing,
)

WEEKS = 26


def _at(day: date, clock: time) -> datetime:
    """``day`` at ``clock``, but never later than now (an entry cannot be in the future)."""
    return min(datetime.combine(day, clock), datetime.now().replace(second=0, microsecond=0))


def _zero_scores(timing: Timing) -> tuple[RegionScore, ...]:
    return tuple(RegionScore(r, 0, timing) for r in Region)


def _scores(timing: Timing, **pain: int | tuple[int, Radiates]) -> tuple[RegionScore, ...]:
    out = []
    for region in Region:
        value = pain.get(region.value, 0)
        score, radiates = value if isinstance(value, tuple) else (value, Radiates.NONE)
        chars = (Character.ACHE, Character.STIFFNESS) if score else ()
        out.append(RegionScore(region, score, timing, chars, radiates if score else None))
    return tuple(out)


def _sunday_after(day: date) -> date:
    """``day`` if it is a Sunday, else the Sunday after it (races are mostly on Sundays)."""
    return day + timedelta(days=(6 - day.weekday()) % 7)


def demo_data(today: date | None = None) -> JournalData:
    """Build the six-month story ending ``today`` (default: the real today)."""
    today = today or date.today()
    rng = random.Random(20260301)
    start = today - timedelta(weeks=WEEKS)
    start -= timedelta(days=start.weekday())  # a Monday
    jump_week = WEEKS - 4  # the jump is four weeks before the end
    runs: list[Run] = []
    checkins: list[CheckIn] = []
    care: list[CareEntry] = []
    shoes = (
        Shoe(name="Pegasus 40", first_used=start, prior_m=120_000.0),
        Shoe(name="Speedgoat 5", first_used=start + timedelta(days=20)),
    )
    pain_start = start + timedelta(weeks=jump_week, days=6)  # morning after the long run
    for week in range(WEEKS + 1):
        monday = start + timedelta(weeks=week)
        if week < jump_week:
            plan = [(1, 6.0), (3, 7.0), (5, 10.0)] + ([(4, 5.0)] if week % 2 else [])
            scale = 1.0 + 0.02 * (week % 5)
        elif week == jump_week:
            plan = [(0, 8.0), (1, 9.0), (3, 8.0), (5, 21.1)]  # a half marathon out of nowhere
            scale = 1.0
        else:
            plan = [(1, 5.0), (4, 6.0)]  # easing back with pain
            scale = 1.0
        for weekday, km in plan:
            day = monday + timedelta(days=weekday)
            if day > today:
                continue
            distance = km * scale * rng.uniform(0.95, 1.05) * 1000.0
            pace = rng.uniform(330, 370)  # seconds per km
            trail = weekday == 5 and week % 3 == 0
            runs.append(
                Run(
                    started_at=_at(day, time(7 if weekday != 5 else 9, rng.choice((0, 10, 20, 30)))),
                    distance_m=round(distance, 1),
                    duration_s=int(distance / 1000.0 * pace),
                    effort=min(10, 4 + int(km // 6) + rng.choice((0, 0, 1))),
                    surface=Surface.TRAIL if trail else Surface.ROAD,
                    shoe="Speedgoat 5" if trail else "Pegasus 40",
                    foot_strike=FootStrike.HEEL,
                    stretched=rng.random() < (0.3 if week >= jump_week else 0.6),
                    hydrated=km >= 10 or rng.random() < 0.3,
                    hot=rng.random() < 0.15,
                    notes="Felt strong, went long" if week == jump_week and weekday == 5 else "",
                )
            )
    # Check-ins: before the jump, most mornings after a run, pain-free or a short-lived sore hamstring.
    day = start + timedelta(days=1)
    while day < pain_start and day <= today:
        if day.weekday() in (2, 4, 6):
            sore = day.weekday() == 6 and rng.random() < 0.3
            scores = _scores(Timing.NEXT_MORNING, hamstring_right=2) if sore else _zero_scores(Timing.NEXT_MORNING)
            checkins.append(CheckIn(recorded_at=_at(day, time(8, 0)), scores=scores, interference=0))
        day += timedelta(days=1)
    # After the jump: back pain daily, 4-5/10, rest days included, spreading down the thigh sometimes.
    day = pain_start
    run_days = {r.day for r in runs}
    while day <= today:
        n = (day - pain_start).days
        back = 5 if n < 4 else rng.choice((4, 4, 5))
        radiates = Radiates.THIGH if n % 4 == 2 else Radiates.NONE
        if (day - timedelta(days=1)) in run_days:
            timing = Timing.NEXT_MORNING
        elif day in run_days:
            timing = Timing.AFTER_RUN
        else:
            timing = Timing.REST_DAY
        note = "Stiff getting out of bed" if n == 0 else ""
        checkins.append(
            CheckIn(
                recorded_at=_at(day, time(8, 15)),
                scores=_scores(timing, lower_back=(back, radiates), glute_hip=2 if n % 4 == 0 else 0),
                notes=note,
                interference=back - 1,
            )
        )
        if n % 10 != 9:
            care.append(CareEntry(day=day, kind=CareKind.PAINKILLER, detail="ibuprofen 400 mg"))
        if n % 3 == 0:
            care.append(CareEntry(day=day, kind=CareKind.HEAT, minutes=20))
        if n % 4 == 1:
            care.append(CareEntry(day=day, kind=CareKind.STRETCHING, minutes=15))
        day += timedelta(days=1)
    for week in range(0, jump_week, 2):
        care.append(CareEntry(day=start + timedelta(weeks=week, days=2), kind=CareKind.CORE_STRENGTH, minutes=25))
    return JournalData(
        runs=tuple(sorted(runs, key=lambda r: r.started_at)),
        checkins=tuple(checkins),
        care=tuple(sorted(care, key=lambda c: c.day)),
        shoes=shoes,
        races=(Race("City half marathon", _sunday_after(today + timedelta(weeks=6)), HALF_MARATHON_KM, 2 * 3600),),
    )


def write_demo_journal(path: Path, today: date | None = None) -> Path:
    """Create a new journal at ``path`` holding the demo story and the demo runner's name."""
    from dataclasses import replace

    from journal.storage.journal import Journal

    data = demo_data(today)
    with Journal.open(path) as journal:
        journal.add_entries(runs=data.runs, checkins=data.checkins, care=data.care, shoes=data.shoes, races=data.races)
        journal.save_settings(replace(Settings(), name="Alex Example (demo)"))
    return path
