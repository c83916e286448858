"""``stats [--from DATE] [--to DATE] [--json] [--region REGION] [--lag 0|1|2]``: the training-load figures.

Prints the weekly table (distance in the journal's unit, change and band, ACWR,
monotony and strain, pain), the single-run spikes and the pain-after-jumps
correlation; with ``--json`` the same as JSON (distances in km, ``null`` where a
figure is undefined). The formulas and their sources are in ``journal.analysis``.

Weeks are whole calendar weeks (the journal's week start): the first is the week
holding ``--from`` (default: the first entry), the last the week holding ``--to``
(default: today), counted up to that day.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from journal.cli.common import EXIT_OK, CommandError, add_command, guarded, iso_date, open_journal
from journal.cli.json_text import dumps_indented

REGIONS = ("lower_back", "upper_back", "hamstring_left", "hamstring_right", "glute_hip")
"""The values of ``journal.domain.vocabulary.Region`` (kept here so --help needs no import)."""


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "stats", "print weekly distance, jumps, spikes, training load and pain (or --json)")
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE", help="first day (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE", help="last day (default: today)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument(
        "--region",
        choices=REGIONS,
        default=None,
        help="pain region compared with jumps (default: the region with the most pain)",
    )
    p.add_argument(
        "--lag",
        type=int,
        choices=(0, 1, 2),
        default=1,
        help="weeks between a change in distance and the pain it is compared with (default 1)",
    )
    p.set_defaults(func=run)


def _r(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def stats_json(stats: Any) -> dict[str, Any]:
    """The ``--json`` document of a ``journal.analysis.stats.Stats`` (distances in km, None as null)."""
    weeks = [
        {
            "week_start": w.week_start.isoformat(),
            "distance_km": round(w.distance_m / 1000.0, 2),
            "change_pct": _r(w.change_pct, 1),
            "band": w.band.value if w.band else None,
            "acwr_rolling": _r(w.acwr_rolling, 2),
            "acwr_ewma": _r(w.acwr_ewma, 2),
            "monotony": _r(w.monotony, 2),
            "strain": _r(w.strain, 1),
            "mean_pain": {r.value: round(v, 1) for r, v in w.mean_pain.items()},
            "max_pain": {r.value: v for r, v in w.max_pain.items()},
        }
        for w in stats.weeks
    ]
    spikes = [
        {
            "date": s.day.isoformat(),
            "distance_km": round(s.distance_m / 1000.0, 2),
            "longest_prior_30d_km": round(s.longest_prior_m / 1000.0, 2),
            "spike_pct": round(s.spike_pct, 1),
            "band": s.band.value,
        }
        for s in stats.spikes
    ]
    c = stats.correlation
    correlation = {
        "lag_weeks": c.lag_weeks,
        "region": c.region.value if c.region else None,
        "spearman": _r(c.spearman, 2),
        "n": c.n,
    }
    return {"weeks": weeks, "spikes": spikes, "correlation": correlation}


def _fmt(value: float | None, pattern: str, empty: str = "-") -> str:
    return empty if value is None else format(value, pattern)


def stats_table(stats: Any, unit: Any) -> str:
    """The plain-text report: weekly table in ``unit``, spikes, correlation sentence."""
    from journal.domain.numbers import counted, percent_change
    from journal.domain.units import from_metres

    if not stats.weeks:
        return "No runs or check-ins in this period."
    u = unit.value
    lines = [
        f"Weekly running ({u}), weeks starting on {stats.week_start.value.capitalize()}",
        f"{'Week of':<11} {'Distance':>9} {'Runs':>4} {'Change':>8}  {'Band':<9} {'ACWR':>5} {'EWMA':>5} "
        f"{'Monot.':>6} {'Strain':>7}  Pain: mean / worst",
    ]
    for w in stats.weeks:
        pain = ", ".join(f"{r.label} {w.mean_pain[r]:.1f} / {w.max_pain[r]}" for r in w.mean_pain if w.max_pain[r] > 0)
        if not pain and w.days_logged:
            pain = f"pain-free ({w.pain_free_days} of {counted(w.days_logged, 'day')} logged)"
        strain = None if w.strain is None else from_metres(w.strain * 1000.0, unit)
        lines.append(
            f"{w.week_start.isoformat():<11} {from_metres(w.distance_m, unit):>9.1f} {w.run_count:>4} "
            f"{'-' if w.change_pct is None else percent_change(w.change_pct):>8}  "
            f"{(w.band.value if w.band else '-'):<9} {_fmt(w.acwr_rolling, '.2f'):>5} {_fmt(w.acwr_ewma, '.2f'):>5} "
            f"{_fmt(w.monotony, '.2f'):>6} {_fmt(strain, '.1f'):>7}  {pain}"
        )
    lines += [
        "",
        "Change: (this week - last week) / last week; bands up to 10 % steady, over 10-30 % caution, "
        "over 30 % big_jump (Nielsen et al. 2014).",
        "ACWR: 7-day distance / (28-day distance / 4), and its EWMA form (Williams et al. 2017); none before 28 days.",
        "Gabbett (2016) marked 0.8-1.3 and over 1.5; these cut-offs are debated. "
        "Monotony and strain: Foster (1998), on daily distance.",
        "",
    ]
    if stats.spikes:
        lines.append("Single runs over 10 % longer than the longest run of the 30 days before (Frandsen et al. 2025):")
        for s in stats.spikes:
            lines.append(
                f"  {s.day.isoformat()}  {from_metres(s.distance_m, unit):.1f} {u} after a longest of "
                f"{from_metres(s.longest_prior_m, unit):.1f} {u}: {percent_change(s.spike_pct)} ({s.band.value})"
            )
    else:
        lines.append("No single run was over 10 % longer than the longest run of the 30 days before it.")
    lines += ["", f"Weekly change and pain: {stats.correlation.sentence}"]
    return "\n".join(lines)


@guarded
def run(args: argparse.Namespace) -> int:
    from journal.analysis.stats import compute_stats, reads_from
    from journal.domain.vocabulary import Region

    end = args.date_to or date.today()
    if args.date_from and args.date_from > end:
        raise CommandError(f"--from {args.date_from} is after --to {end}")
    from journal.domain.entries import JournalData
    from journal.storage.journal import Lists

    with open_journal(args, create=False) as journal:
        settings = journal.settings()
        first = args.date_from and reads_from(args.date_from)  # the period and the history it reads
        runs = journal.runs(first, end)
        first_run = journal.first_day(Lists.RUNS) if first else None
        daily = journal.daily_pain(first, end)  # what the figures need of the check-ins
    stats = compute_stats(
        JournalData(runs=tuple(runs)),
        settings.week_start,
        start=args.date_from,
        end=end,
        lag_weeks=args.lag,
        region=Region(args.region) if args.region else None,
        first_run=first_run,
        daily_series=False,  # the charts' daily series: not printed
        daily=daily,
    )
    if args.json:
        print(dumps_indented(stats_json(stats)))  # json.dumps(..., indent=1, ensure_ascii=False), faster
    else:
        print(stats_table(stats, settings.units))
    return EXIT_OK
