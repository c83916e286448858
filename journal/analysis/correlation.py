"""Weekly change and pain: each week's distance change against the mean pain of a later week.

For every week t with a change figure (see ``weekly``), the pair is
(change % of week t, mean pain of week t + lag) for lag = 0, 1 or 2 weeks, kept when
week t + lag has check-ins scoring the region.

Spearman's rank correlation (rho) is the Pearson correlation of the ranks, with tied
values given the average of the ranks they span:

    rho = sum((rx_i - mean rx)(ry_i - mean ry)) / sqrt(sum((rx_i - mean rx)^2) x sum((ry_i - mean ry)^2))

It is undefined with fewer than 3 pairs or when either side has one value only.
(scipy is not a dependency; this is the textbook definition, also what
``scipy.stats.spearmanr`` computes.)

How much n supports rho: under no association rho is roughly normal with variance
1 / (n - 1) for moderate n, so |rho| > 1.96 / sqrt(n - 1) is unlikely (about 5 %) to
arise by chance alone. Below 10 pairs the sentence says that any figure could be
chance. Strength words follow the usual rough scale: under 0.1 none, under 0.3 weak,
under 0.5 moderate, otherwise strong.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from journal.analysis.weekly import Band, WeekDistance
from journal.domain.vocabulary import Region

LAGS = (0, 1, 2)
MIN_PAIRS = 3
FEW_PAIRS = 10


def average_ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, ties sharing the mean of the ranks they span (e.g. [5, 1, 5] -> [2.5, 1, 2.5])."""
    n = len(values)
    order = sorted(range(n), key=values.__getitem__)
    ranks = [0.0] * n
    i = 0
    while i < n:
        j = i
        while j + 1 < n and values[order[j + 1]] == values[order[i]]:
            j += 1
        rank = (i + j) / 2.0 + 1.0
        for k in range(i, j + 1):
            ranks[order[k]] = rank
        i = j + 1
    return ranks


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r; None with fewer than 2 values or a side without spread."""
    n = len(xs)
    if n < 2 or n != len(ys):
        return None
    mx, my = math.fsum(xs) / n, math.fsum(ys) / n
    sxy = math.fsum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = math.fsum((x - mx) ** 2 for x in xs)
    syy = math.fsum((y - my) ** 2 for y in ys)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Spearman's rho (Pearson on average ranks); None with fewer than 3 pairs or no spread."""
    if len(xs) < MIN_PAIRS:
        return None
    return pearson(average_ranks(xs), average_ranks(ys))


@dataclass(frozen=True, slots=True)
class JumpPain:
    """One pair: a week's change and the mean pain of the week ``lag`` weeks later."""

    week_start: date
    change_pct: float
    band: Band
    pain_week_start: date
    mean_pain: float


@dataclass(frozen=True, slots=True)
class Correlation:
    """Week-over-week change against later pain: the pairs, Spearman's rho, n and a plain sentence."""

    lag_weeks: int
    region: Region | None
    pairs: tuple[JumpPain, ...]
    spearman: float | None
    sentence: str

    @property
    def n(self) -> int:
        return len(self.pairs)


def _when(lag: int) -> str:
    return {0: "in the same week", 1: "the week after", 2: "two weeks later"}.get(lag, f"{lag} weeks later")


def describe(rho: float | None, n: int, lag_weeks: int, region_label: str) -> str:
    """A plain sentence: what rho says, and how much (or how little) n supports it."""
    weeks = "week" if n == 1 else "weeks"
    if rho is None:
        if n < MIN_PAIRS:
            return (
                f"Not enough weeks to compare yet: {n} {weeks} with both a change in distance and "
                f"{region_label.lower()} pain logged {_when(lag_weeks)}. Keep logging."
            )
        return f"No comparison possible: over {n} weeks the distance change or the pain did not vary."
    size = abs(rho)
    if size < 0.1:
        what = f"bigger rises in weekly distance went with no clear change in {region_label.lower()} pain {_when(lag_weeks)}"
    else:
        strength = "weak" if size < 0.3 else "moderate" if size < 0.5 else "strong"
        direction = "more" if rho > 0 else "less"
        what = (
            f"there is a {strength} link: bigger rises in weekly distance went with {direction} "
            f"{region_label.lower()} pain {_when(lag_weeks)}"
        )
    figure = f"(Spearman rho = {rho:.2f}, n = {n})"
    if n < FEW_PAIRS:
        support = f"With only {n} weeks, this could easily be chance."
    elif size <= 1.96 / math.sqrt(n - 1):
        support = f"With {n} weeks, a link this size could still be chance."
    else:
        support = f"With {n} weeks, a link this size is unlikely to be chance alone, though it does not prove cause."
    return f"Over {n} {weeks}, {what} {figure}. {support}"


def pain_after_jumps(
    weeks: Sequence[WeekDistance],
    week_pain: Callable[[date], float | None],
    lag_weeks: int = 1,
    region: Region | None = None,
) -> Correlation:
    """Pair each week's change with ``week_pain(week_start + lag weeks)`` and correlate (Spearman).

    ``week_pain`` returns the week's mean pain for the chosen region, or None without check-ins.
    """
    if lag_weeks < 0:
        raise ValueError("The lag must be 0 weeks or more")
    lag = timedelta(weeks=lag_weeks)
    pairs: list[JumpPain] = []
    for week in weeks:
        if week.change_pct is None or week.band is None:
            continue
        later = week.week_start + lag
        pain = week_pain(later)
        if pain is not None:
            pairs.append(JumpPain(week.week_start, week.change_pct, week.band, later, pain))
    rho = spearman([p.change_pct for p in pairs], [p.mean_pain for p in pairs])
    label = region.label if region is not None else "Any region's"
    return Correlation(lag_weeks, region, tuple(pairs), rho, describe(rho, len(pairs), lag_weeks, label))
