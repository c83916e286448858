"""The six checks of a goal race's build, each with its status, reason and source.

Each check is ``ok``, ``caution`` or ``problem``, with its reason and its source:

- ``steep_build``: each started week of the build (build, cut-back and peak weeks)
  against the larger of the two weeks before it, so that coming back from a cut-back
  week to where you were is not a jump. Over 30 % is a problem, over 10 % up to 30 %
  a caution: the bands of Nielsen RO et al. J Orthop Sports Phys Ther
  2014;44(10):739-747. (Frandsen et al. 2025 found the single run, not the week,
  to be what matters; ``long_run_spike`` checks that.)
- ``long_run_spike``: any run of the build over 10 % longer than the longest run of
  the 30 days before it (``journal.analysis.spikes``; Frandsen JSB et al. Br J Sports
  Med 2025;59(17):1203-1210): over 30 % a problem, 10-30 % a caution. Race day is not
  counted.
- ``no_taper``: once the taper has begun, each finished taper week (and the days of the
  race week before race day, from 3 days on, in proportion) against the peak: the
  highest week of the 4 before the taper. Cut by under 10 % (not reduced) is a
  problem; under 30 % (marathon-length) or 20 % (shorter) a caution. A week still
  under way is a problem only when it already reaches 90 % of the peak. Bosquet L
  et al. Med Sci Sports Exerc 2007;39(8):1358-1365: volume cut by 41-60 %.
- ``base_too_low``: the long run the runner can safely reach by the peak week, R = L x
  1.1^n, L the longest run of the 30 days before this week (before the build: up to
  today), n the build and peak weeks left, 10 % past the previous 30 days' longest each
  week (Frandsen et al. 2025); after the peak week, R is the build's longest run.
  R under the low end of the sensible peak range for the distance
  (``race_plan.peak_long_run_range_km``) is a caution; under 75 % of the lower of that
  low end and the race distance (a 10 km runner whose long run reaches 8 km can still
  race) a problem: suggest a later race or a shorter distance. A race in the past, or no run to
  build from, is a problem.
- ``pain_rising``: per region, the weekly mean pain (each day's highest score) of the
  last weeks of the build against the first (2 and 2; 1 and 1 with 3 weeks scored;
  fewer weeks are not judged). A rise of 2 points or more is a problem (the smallest
  change that matters on the 0-10 scale: Farrar JT et al. Pain 2001;94(2):149-158); a
  rise of 1 point to a level of 3 or more a caution.
- ``flags_active``: a flag of severity ``see_doctor`` or more urgent is a problem:
  talk to a professional before racing; a flag to watch is a caution.

The verdict they add up to is ``race_verdict``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from journal.analysis.race_plan import (
    STEP,
    TAPER_SHARES,
    Phase,
    PlanFrame,
    PlanWeek,
    longest_before,
    peak_long_run_range_km,
    taper_weeks,
)
from journal.analysis.spikes import SpikeBand, single_run_spikes
from journal.analysis.weekly import Band, band_for_change, change_pct
from journal.domain.numbers import percent, percent_change

NOT_REDUCED = 0.10
"""A taper week cut by less than this is not reduced (a problem)."""
MIN_CUT = {2: 0.30, 1: 0.20}
"""A taper week cut by less than this (by taper length) is a caution."""
PARTIAL_WEEK_DAYS = 3
PAIN_RISE = 2.0
"""Farrar et al. 2001: 2 points on the 0-10 scale is the smallest change that matters."""
PAIN_CAUTION_RISE, PAIN_CAUTION_LEVEL = 1.0, 3.0
SEE_DOCTOR_RANK = 2
"""``Severity.rank`` of see_doctor in ``journal.analysis.flags`` (watch 1, urgent 3, emergency 4)."""
SHORT_OF_PEAK = 0.75

SOURCES = {
    "steep_build": "Nielsen et al., J Orthop Sports Phys Ther 2014;44(10):739-747 (steady up to 10 %, "
    "caution 10-30 %, over 30 %)",
    "long_run_spike": "Frandsen et al., Br J Sports Med 2025;59(17):1203-1210 (a run over 10 % past the "
    "longest of the previous 30 days)",
    "no_taper": "Bosquet et al., Med Sci Sports Exerc 2007;39(8):1358-1365 (a taper of about 2 weeks, "
    "volume cut by 41-60 %)",
    "base_too_low": "Frandsen et al., Br J Sports Med 2025 (10 % steps); peak long runs: this app's defaults, "
    "the middle of the ranges common plans use",
    "pain_rising": "Farrar et al., Pain 2001;94(2):149-158 (2 points on the 0-10 scale is a change that matters)",
    "flags_active": "the journal's flags (NHS, Mayo Clinic and NICE guidance; see About these flags)",
}


class Status(StrEnum):
    OK = "ok"
    CAUTION = "caution"
    PROBLEM = "problem"

    @property
    def rank(self) -> int:
        return {"ok": 0, "caution": 1, "problem": 2}[self.value]


class CheckName(StrEnum):
    STEEP_BUILD = "steep_build"
    LONG_RUN_SPIKE = "long_run_spike"
    NO_TAPER = "no_taper"
    BASE_TOO_LOW = "base_too_low"
    PAIN_RISING = "pain_rising"
    FLAGS_ACTIVE = "flags_active"

    @property
    def label(self) -> str:
        return _CHECK_LABELS[self.value]


_CHECK_LABELS = {
    "steep_build": "Weekly build",
    "long_run_spike": "Long-run jumps",
    "no_taper": "Taper",
    "base_too_low": "Base for the distance",
    "pain_rising": "Pain through the build",
    "flags_active": "Flags",
}


@dataclass(frozen=True, slots=True)
class RaceCheck:
    check: CheckName
    status: Status
    reason: str
    source: str

    @property
    def message(self) -> str:
        """The reason and its source in one text (the ``message`` of ``plan --json``)."""
        return f"{self.reason} Source: {self.source}."


def day_text(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _km(value: float) -> str:
    return f"{value:.1f} km"


def _pct(share: float) -> str:
    return f"{share * 100:.0f} %"


def _check(name: CheckName, status: Status, reason: str) -> RaceCheck:
    return RaceCheck(name, status, reason, SOURCES[name.value])


# ---- the checks ----------------------------------------------------------------------------------
def steep_build(frame: PlanFrame) -> RaceCheck:
    name = CheckName.STEEP_BUILD
    weeks = [w for w in frame.phase_weeks(Phase.BUILD, Phase.CUTBACK, Phase.PEAK) if frame.started(w)]
    if not weeks:
        return _check(name, Status.OK, f"The build starts in the week of {day_text(frame.build_start)}.")
    rises: list[tuple[PlanWeek, float, Band]] = []
    for w in weeks:
        before = (frame.weekly_km.get(w.week_start - timedelta(days=d), 0.0) for d in (7, 14))
        pct = change_pct(max(before), frame.weekly_km.get(w.week_start, 0.0))  # unrounded sums
        band = band_for_change(pct)
        if pct is not None and band in (Band.CAUTION, Band.BIG_JUMP):
            rises.append((w, pct, band))
    if not rises:
        return _check(
            name, Status.OK, "Every week of the build so far stayed within 10 % of the larger of the two weeks before."
        )
    big = [r for r in rises if r[2] is Band.BIG_JUMP]
    shown = big or rises
    listed = ", ".join(f"week of {day_text(w.week_start)} {percent_change(pct)}" for w, pct, _ in shown[:4])
    more = f" and {len(shown) - 4} more" if len(shown) > 4 else ""
    weeks_words = "1 week" if len(shown) == 1 else f"{len(shown)} weeks"
    if big:
        return _check(
            name,
            Status.PROBLEM,
            f"{weeks_words} rose over 30 % ({listed}{more}). Keep each week within 10 % of the weeks before.",
        )
    return _check(
        name,
        Status.CAUTION,
        f"{weeks_words} rose by 10-30 % ({listed}{more}). Steadier weeks (up to 10 %) are safer.",
    )


def long_run_spike(frame: PlanFrame) -> RaceCheck:
    name = CheckName.LONG_RUN_SPIKE
    end = min(frame.as_of, frame.race.day - timedelta(days=1))
    spikes = single_run_spikes(frame.runs, frame.build_start, end) if end >= frame.build_start else ()
    if not spikes:
        return _check(
            name, Status.OK, "No run of the build went more than 10 % past the longest of the 30 days before it."
        )
    worst = max(spikes, key=lambda s: s.spike_pct)
    more = f" ({len(spikes)} runs in all)" if len(spikes) > 1 else ""
    what = (
        f"The run of {_km(worst.distance_m / 1000)} on {day_text(worst.day)} was {percent(worst.spike_pct)} longer "
        f"than the longest of the 30 days before it ({_km(worst.longest_prior_m / 1000)}){more}."
    )
    if worst.band is SpikeBand.OVER_10:
        return _check(name, Status.CAUTION, f"{what} Let the long run grow by at most 10 % at a time.")
    return _check(name, Status.PROBLEM, f"{what} Let the long run grow by at most 10 % at a time.")


def _race_week_before_race(frame: PlanFrame) -> tuple[int, float]:
    """Days of the race week before race day that have passed, and the distance run on them."""
    last = min(frame.as_of, frame.race.day - timedelta(days=1))
    days = (last - frame.race_week).days + 1
    km = sum(r.distance_m / 1000.0 for r in frame.runs if frame.race_week <= r.day <= last)
    return max(days, 0), km


def no_taper(frame: PlanFrame) -> RaceCheck:
    name = CheckName.NO_TAPER
    taper = frame.phase_weeks(Phase.TAPER)
    taper_length = taper_weeks(frame.race.distance_km)
    shares = TAPER_SHARES[taper_length]
    plan_words = " then ".join(_pct(s) for s in shares)
    if frame.as_of < frame.taper_start:
        return _check(
            name,
            Status.OK,
            f"The taper starts in the week of {day_text(frame.taper_start)}: about {plan_words} of the peak week, "
            "then the race week.",
        )
    peak = max((frame.weekly_km.get(frame.taper_start - timedelta(weeks=k), 0.0) for k in range(1, 5)), default=0.0)
    if peak <= 0:
        return _check(name, Status.OK, "No running in the 4 weeks before the taper to compare the taper with.")
    judged: list[tuple[str, float]] = []  # (what, share of the peak)
    for w in taper:
        if w.actual_km is None:
            continue
        finished = w.week_end < frame.as_of
        share = frame.weekly_km.get(w.week_start, 0.0) / peak
        if finished or share >= 1 - NOT_REDUCED:
            judged.append((f"the week of {day_text(w.week_start)}", share))
    days, km = _race_week_before_race(frame)
    if days >= PARTIAL_WEEK_DAYS and frame.as_of >= frame.race_week:
        judged.append((f"the {days} days of the race week before race day", km / (peak * days / 7)))
    if not judged:
        return _check(
            name,
            Status.OK,
            f"The taper has begun: keep this week to about {_km(shares[0] * peak)} ({_pct(shares[0])} of your peak "
            f"week of {_km(peak)}).",
        )
    what, share = max(judged, key=lambda j: j[1])
    cut = 1 - share
    min_cut = MIN_CUT[taper_length]
    if cut < NOT_REDUCED:
        return _check(
            name,
            Status.PROBLEM,
            f"The final weeks are not reduced: {what} was {_pct(share)} of the peak week ({_km(peak)}). "
            f"Cut to about {plan_words} of the peak before the race.",
        )
    if cut < min_cut:
        return _check(
            name,
            Status.CAUTION,
            f"The taper is light: {what} was cut only {_pct(cut)} from the peak week ({_km(peak)}); "
            f"the guide is about {plan_words} of the peak.",
        )
    return _check(name, Status.OK, f"The taper is under way: {what} was {_pct(share)} of the peak week ({_km(peak)}).")


def base_too_low(frame: PlanFrame) -> RaceCheck:
    name = CheckName.BASE_TOO_LOW
    race = frame.race
    low, high = peak_long_run_range_km(race.distance_km)
    span = f"{low:.0f}-{high:.0f} km"
    distance = race.distance_words
    later = "Choose a later race or a shorter distance."
    if frame.as_of > race.day:
        return _check(
            name,
            Status.PROBLEM,
            f"This race was on {day_text(race.day)}: it has passed, so there are no weeks left to build. "
            "Add your next race.",
        )
    if frame.first_run is None:
        return _check(
            name,
            Status.PROBLEM,
            "No runs are logged before this race, so there is no running to build from. "
            "Log or import your runs and the plan will start from them.",
        )
    if frame.now_week <= frame.peak_week:
        if frame.now_week >= frame.build_start:  # this week's long run is the next step
            first = frame.now_week
            longest = longest_before(frame.runs, frame.now_week)
        else:  # the build is still to come: from today's longest
            first = frame.build_start
            longest = longest_before(frame.runs, frame.as_of + timedelta(days=1))
        steps = sum(1 for w in frame.weeks if w.week_start >= first and w.phase in (Phase.BUILD, Phase.PEAK))
        reach = longest * (1 + STEP) ** steps
        if longest <= 0:
            return _check(
                name,
                Status.PROBLEM,
                f"No runs in the 30 days before this week: no recent running to build from. {later}",
            )
        shown = f"the {span} a {distance} build usually peaks at" if reach >= low else _km(reach)
        how = (
            f"From a longest run of {_km(longest)} in the last 30 days, the long run can safely reach {shown} "
            f"by the peak week (week of {day_text(frame.peak_week)}), at most 10 % past the longest of the "
            "30 days before each week"
        )
    else:
        end = min(frame.as_of, race.day - timedelta(days=1))
        reach = max((r.distance_m / 1000.0 for r in frame.runs if frame.build_start <= r.day <= end), default=0.0)
        how = f"The longest run of the build was {_km(reach)}"
    if reach >= low:
        enough = "." if how.startswith("From") else f"; a {distance} build usually peaks at {span}."
        return _check(name, Status.OK, how + enough)
    if reach >= SHORT_OF_PEAK * min(low, race.distance_km):
        return _check(
            name,
            Status.CAUTION,
            f"{how}, a little short of the {span} a {distance} build usually peaks at. "
            "Run it by feel, or choose a later race.",
        )
    return _check(name, Status.PROBLEM, f"{how}; a {distance} build usually peaks at {span}. {later}")


def pain_rising(frame: PlanFrame) -> RaceCheck:
    name = CheckName.PAIN_RISING
    weeks = [w for w in frame.weeks if frame.started(w)]
    worst: tuple[float, Any, float, float] | None = None  # rise, region, first, last
    for region in {r for w in weeks for r in w.pain_by_region}:
        series = [w.pain_by_region[region] for w in weeks if region in w.pain_by_region]
        if len(series) < 3:
            continue
        k = 2 if len(series) >= 4 else 1
        first, last = sum(series[:k]) / k, sum(series[-k:]) / k
        rise = last - first
        if worst is None or rise > worst[0] or (rise == worst[0] and region.label < worst[1].label):
            worst = (rise, region, first, last)
    if worst is None:
        return _check(name, Status.OK, "Too few weeks with pain scores in the build to see a trend (3 are needed).")
    rise, region, first, last = worst
    what = f"{region.label} pain went from {first:.1f} to {last:.1f} out of 10 (weekly mean) through the build"
    if rise >= PAIN_RISE - 1e-9:
        return _check(
            name,
            Status.PROBLEM,
            f"{what}: a rise of 2 points or more is one that matters. Ease back and see whether it settles; "
            "the Flags page says when it calls for a doctor.",
        )
    if rise >= PAIN_CAUTION_RISE - 1e-9 and last >= PAIN_CAUTION_LEVEL:
        return _check(name, Status.CAUTION, f"{what}: rising, though by less than the 2 points that matter.")
    return _check(name, Status.OK, "Weekly pain has not risen by 2 points or more through the build.")


def flags_active(flag_rank: int) -> RaceCheck:
    name = CheckName.FLAGS_ACTIVE
    before = "talk to a professional before racing."
    if flag_rank >= 4:
        return _check(name, Status.PROBLEM, f"An emergency flag is raised: call an emergency number now, and {before}")
    if flag_rank == 3:
        return _check(name, Status.PROBLEM, f"A flag says get medical help today: {before}")
    if flag_rank >= SEE_DOCTOR_RANK:
        return _check(name, Status.PROBLEM, f"A flag says see a doctor: {before}")
    if flag_rank == 1:
        return _check(name, Status.CAUTION, "A flag to watch is raised: keep an eye on it on the Flags page.")
    return _check(name, Status.OK, "No flags are raised.")
