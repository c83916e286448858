"""What the summary says, in order: page 1 (the minute-long read), page 2 (charts), then the log.

Plain words for a clinician in a hurry: the flags and warning signs first, then
pain per region, care tried and the training behind it. It never names a
diagnosis; each flag carries the guidance it follows and its source, and every
page's footer says this is a self-kept journal, not a diagnosis.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from journal.analysis.flags import DISCLAIMER
from journal.domain.numbers import percent, percent_change, signed
from journal.domain.units import DistanceUnit, format_distance
from journal.interchange.report.blocks import (
    Beside,
    Block,
    Chart,
    FlagBox,
    Heading,
    PageBreak,
    Para,
    ReportDocument,
    Spacer,
    Table,
    esc,
)
from journal.interchange.report.pain_summary import RegionSummary, Trend
from journal.interchange.report.race_section import race_blocks
from journal.interchange.report.report_model import DoctorReport

NOT_A_DIAGNOSIS = "A self-kept journal, not a diagnosis."
ChartTuple = tuple[bytes, float, float, str, str]
"""A chart as ``charts.py`` draws it: PNG, width and height in inches, title, caption."""
WEEK_COLUMNS = 9
"""Weeks shown in the page 1 table (the chart on page 2 shows them all)."""


def day_text(day: date, year: bool = True) -> str:
    """``21 Nov 2026`` (or ``21 Nov``): day, month name and year read the same in every country."""
    return f"{day.day} {day:%b}" + (f" {day.year}" if year else "")


def period_text(start: date, end: date) -> str:
    same_year = start.year == end.year
    return f"{day_text(start, not same_year)} to {day_text(end)}"


def _weeks_phrase(days: int) -> str:
    return f"{days // 7} weeks" if days % 7 == 0 else _plural(days, "day")


def _pct(value: float) -> str:
    """A signed percentage change, as on every page (``journal.domain.numbers.percent_change``): "+99.6 %"."""
    return percent_change(value)


def _band(band: object) -> str:
    return {"steady": "steady", "caution": "caution", "big_jump": "big jump"}.get(getattr(band, "value", ""), "")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _num(value: float) -> str:
    return f"{value:.1f}"


# ---- page 1 -------------------------------------------------------------------------------------
def header_blocks(r: DoctorReport) -> list[Block]:
    who = esc(r.name) if r.name else "Name not set"
    if r.date_of_birth:
        who += f", born {day_text(r.date_of_birth)}"
    return [
        Heading("Running and pain summary", 1),
        Para(f"<b>{who}</b>", "lead"),
        Para(
            f"Period: <b>{period_text(r.start, r.end)}</b> ({_weeks_phrase(r.days)}). "
            f"Distances in {'kilometres' if r.units is DistanceUnit.KM else 'miles'}. "
            "Pain 0-10 as scored by the runner (0 none, 10 worst imaginable).",
            "muted",
        ),
    ]


def flag_blocks(r: DoctorReport) -> list[Block]:
    """The flags raised as of the period's end, most urgent first (emergency and urgent ones with the action
    first), then warning signs ticked in the period whose flag the runner has acknowledged as checked."""
    out: list[Block] = [Heading("Flags and warning signs")]
    for f in r.flags:
        lines = []
        if f.severity in ("emergency", "urgent"):
            lines.append(f"<b>{esc(f.action)}</b>")
        if f.risk_factors:
            lines.append(f"Risk factors noted by the runner: {esc(', '.join(f.risk_factors))}.")
        if f.evidence:
            span = ""
            if f.evidence_first and f.evidence_last:
                span = day_text(f.evidence_first, False)
                if f.evidence_last != f.evidence_first:
                    span += f" to {day_text(f.evidence_last, False)}"
                span = f", {span}"
            lines.append(f"<b>Evidence</b>{span}: " + "; ".join(esc(e) for e in f.evidence) + ".")
        if f.last_logged:
            lines.append(f"Nothing logged since {day_text(f.last_logged, False)}: held as those entries left it.")
        if f.publishers:
            lines.append(f"<i>Guidance followed: {esc('; '.join(f.publishers))} (quoted on page 2).</i>")
        out.append(
            FlagBox(
                f.severity, f"{esc(f.headline)} <font size=8>(since {day_text(f.since, False)})</font>", tuple(lines)
            )
        )
    raised = {f.subject for f in r.flags if f.rule == "warning_sign"}
    for sign, days in r.pain.warning_signs:
        if sign.value in raised:
            continue
        when = ", ".join(day_text(d, False) for d in days)
        out.append(
            FlagBox("watch", f"Warning sign ticked: {esc(sign.label)}", (f"On {when}; acknowledged as checked.",))
        )
    if not r.flags:
        out.append(FlagBox("none", f"No flags raised as of {day_text(r.end)}."))
    if not r.pain.warning_signs:
        out.append(
            Para(
                "No warning signs (such as numbness, weakness or bladder trouble) were ticked in this period.", "small"
            )
        )
    return out


def _trend_text(s: RegionSummary) -> str:
    if s.trend is Trend.UNKNOWN or s.trend_change is None:
        return "too few days"
    return f"{s.trend.value.capitalize()} ({signed(s.trend_change)})"


def pain_blocks(r: DoctorReport, body: ChartTuple | None = None) -> list[Block]:
    """The pain table and notes per region, with the body figure (``body_figure``) beside them when given."""
    p = r.pain
    out: list[Block] = [Heading("Pain by region")]
    if not p.checkin_days:
        return [*out, Para("<b>No check-ins in this period.</b> The runner logged no pain scores between these dates.")]
    if body is not None:
        png, w, h, _title, caption = body
        return [out[0], Beside(tuple(_pain_details(r)), Chart(png, w, h, caption))]
    return [*out, *_pain_details(r)]


def _pain_details(r: DoctorReport) -> list[Heading | Para | FlagBox | Table | Spacer]:
    """The pain table and the notes per region: text blocks only, so they can stand beside the body figure."""
    p = r.pain
    out: list[Heading | Para | FlagBox | Table | Spacer] = []
    rows = tuple(
        (
            s.region.label,
            _num(s.average),
            f"{s.worst} ({day_text(s.worst_day, False)})",
            f"{s.latest} ({day_text(s.latest_day, False)})",
            f"{s.days_with_pain} of {s.days_scored}",
            str(s.pain_free_days),
            _trend_text(s),
        )
        for s in p.regions
    )
    if rows:
        out.append(
            Table(
                ("Region", "Average", "Worst", "Most recent", "Pain days", "Pain-free", "Trend"),
                rows,
                (0.17, 0.13, 0.135, 0.14, 0.12, 0.14, 0.165),
                "lrrrrrl",
                shade_first_column=True,
            )
        )
        for s in p.regions:
            out.append(Para(_when_and_where(s), "small"))
    if p.interference:
        out.append(Para(interference_text(p.interference), "small"))
    quiet = ", ".join(q.label.lower() for q in p.quiet_regions)
    summary = f"{_plural(p.checkin_days, 'day')} with a check-in, {p.pain_free_days} of them pain-free everywhere."
    if quiet:
        summary += f" No pain recorded for: {quiet}."
    if not p.regions:
        summary = "<b>No pain recorded in this period.</b> " + summary
    out.append(Para(summary, "small"))
    return out


def _when_and_where(s: RegionSummary) -> str:
    """When a region hurt and where it spread, each count out of the region's days with a check-in (the table's
    "Pain days" denominator): 'Lower back, of the 34 days with a check-in: felt next morning on 12 days, rest day
    on 3 days. Spread down the thigh on 6 of them.'"""
    window = "the day with a check-in" if s.days_scored == 1 else f"the {s.days_scored} days with a check-in"
    when = ", ".join(f"{t.label.lower()} on {_plural(n, 'day')}" for t, n in s.timing)
    spread = ", ".join(f"{where.label.lower()} on {n}" for where, n in s.spreads)
    return (
        f"<b>{s.region.label}</b>, of {window}: "
        + (f"felt {when}." if when else "when it was felt was not recorded.")
        + (f" Spread {spread} of them." if spread else " Not recorded as spreading.")
    )


def interference_text(answers: tuple[tuple[date, int], ...]) -> str:
    """'How much pain got in the way of usual activities (0-10): average 4.2 over the 12 days answered; worst 8
    (3 Mar); 7 or more on 2 of those 12 days; most recent 3 (14 Mar).'"""
    values = [v for _d, v in answers]
    worst_day, worst = max(answers, key=lambda a: (a[1], a[0]))
    last_day, last = answers[-1]
    high = sum(v >= 7 for v in values)
    those = "that day" if len(values) == 1 else f"those {len(values)} days"
    return (
        "<b>How much pain got in the way of usual activities</b>, running included (0-10, the PEG activity "
        f"question): average {_num(sum(values) / len(values))} over the {_plural(len(values), 'day')} answered; "
        f"worst {worst} ({day_text(worst_day, False)}); 7 or more on {high} of {those}; most recent {last} "
        f"({day_text(last_day, False)})."
    )


def care_blocks(r: DoctorReport) -> list[Block]:
    out: list[Block] = [Heading("Care tried")]
    if not r.care:
        return [
            *out,
            Para("No care (heat, ice, stretching, core work, painkillers, physio, rest) logged in this period."),
        ]
    rows = tuple(
        (
            c.kind.label,
            f"{c.days} of {r.days}",
            str(c.minutes) if c.minutes else "",
            esc(", ".join(c.details)),
        )
        for c in r.care
    )
    out.append(
        Table(("Care", "Days", "Minutes", "Details"), rows, (0.3, 0.12, 0.1, 0.48), "lrrl", shade_first_column=True)
    )
    return out


def training_blocks(r: DoctorReport) -> list[Block]:
    t, unit = r.training, r.units
    out: list[Block] = [Heading("Training")]
    dist: Callable[[float], str] = lambda m: format_distance(m, unit, 1)  # noqa: E731
    if not t.runs:
        out.append(Para("<b>No runs in this period.</b>"))
    else:
        longest = t.longest
        line = (
            f"{_plural(t.runs, 'run')}, {dist(t.distance_m)} in all "
            f"({dist(t.distance_per_week_m)} a week over {_plural(t.weeks_count, 'calendar week')})."
        )
        if longest is not None:
            line += f" Longest {dist(longest.distance_m)} on {day_text(longest.day, False)}."
        if t.stopped:
            days = ", ".join(f"{day_text(x.day, False)} ({dist(x.distance_m)})" for x in t.stopped)
            line += f" <b>Stopped or cut short by pain</b>: {_plural(len(t.stopped), 'run')}, {days}."
        out.append(Para(line))
    weeks = t.weeks[-WEEK_COLUMNS:]
    if weeks and t.runs:
        header = (
            "Week of",
            *(day_text(w.week_start, False) + ("" if w.complete else " (so far)") for w in weeks),
        )
        change = tuple("" if w.change_pct is None else _pct(w.change_pct) for w in weeks)
        rows = (
            ("Runs", *(str(w.run_count) for w in weeks)),
            (f"Distance ({unit.value})", *(f"{w.distance_m / unit.metres:.1f}" for w in weeks)),
            ("Change", *change),
        )
        first = 0.16
        other = (1 - first) / len(weeks)
        out.append(
            Table(header, rows, (first, *([other] * len(weeks))), "l" + "r" * len(weeks), shade_first_column=True)
        )
        if len(t.weeks) > WEEK_COLUMNS:
            out.append(Para(f"The last {WEEK_COLUMNS} of {len(t.weeks)} weeks; page 2 charts them all.", "muted"))
    if t.jumps:
        jumps = "; ".join(
            f"week of {day_text(w.week_start, False)} {_pct(w.change_pct)} ({dist(w.distance_m)}, {_band(w.band)})"
            for w in t.jumps
            if w.band is not None and w.change_pct is not None
        )
        out.append(Para(f"<b>Biggest weekly rises</b> (over 10 %): {jumps}."))
    elif t.runs:
        out.append(Para("<b>Weekly rises</b>: none over 10 % on the week before."))
    if t.spikes:
        spikes = "; ".join(
            f"{day_text(s.day, False)} {dist(s.distance_m)}, {percent(s.spike_pct)} longer than the longest run of the "
            f"30 days before ({dist(s.longest_prior_m)})"
            for s in t.spikes
        )
        more = f" ({t.spike_count} in this period)" if t.spike_count > len(t.spikes) else ""
        out.append(Para(f"<b>Single-run spikes</b>{more}: {spikes}."))
    elif t.runs:
        out.append(Para("<b>Single-run spikes</b>: no run over 10 % longer than the longest of the 30 days before it."))
    out.append(Para(_acwr_text(r)))
    return out


def _acwr_text(r: DoctorReport) -> str:
    t = r.training
    if t.acwr_rolling is None:
        return (
            f"<b>Acute:chronic ratio</b> on {day_text(t.as_of, False)}: not available "
            "(it needs 28 days of running history and some running in the last 4 weeks)."
        )
    zone = {
        "low": "under 0.8: less running than the month's average",
        "sweet_spot": "within 0.8-1.3",
        "between": "between 1.3 and 1.5",
        "high": "over 1.5: much more running than the month's average",
    }.get(t.acwr_zone or "", "")
    ewma = f"; weighted form {t.acwr_ewma:.2f}" if t.acwr_ewma is not None else ""
    return (
        f"<b>Acute:chronic ratio</b> on {day_text(t.as_of, False)}: <b>{t.acwr_rolling:.2f}</b> ({zone}). "
        f"Last 7 days' distance against the weekly average of the last 28{ewma}."
    )


# ---- page 2 and on ----------------------------------------------------------------------------
def chart_blocks(r: DoctorReport, charts: list[tuple[bytes, float, float, str, str]]) -> list[Block]:
    out: list[Block] = [PageBreak()]
    for png, w, h, title, caption in charts:
        out.extend([Heading(title), Chart(png, w, h, caption), Spacer(2)])
    return out


METHOD_NOTES = (
    "Pain figures use each day's highest score per region. Trend: the mean of the last 3 scored days against the "
    "first 3; a change of 2 points or more counts, the smallest change that matters on this scale (Farrar et al., "
    "Pain 2001).",
    "Weekly change over 10 % is marked caution and over 30 % a big jump (Nielsen et al., JOSPT 2014); a single run "
    "over 10 % longer than the longest of the 30 days before is a spike (Frandsen et al., Br J Sports Med 2025). The "
    "acute:chronic ratio is the last 7 days' distance over the weekly average of the last 28; 0.8-1.3 and over 1.5 "
    "are the zones Gabbett (BJSM 2016) described, and these cut-offs are debated.",
)


def method_blocks(r: DoctorReport) -> list[Block]:
    """How the figures of page 1 are counted, and the published guidance each flag follows."""
    out: list[Block] = [Heading("How the figures are counted", 3), *(Para(n, "muted") for n in METHOD_NOTES)]
    if r.flags:
        out.append(Heading("The guidance behind the flags", 3))
        out.extend(
            Para(f"<b>{esc(f.headline)}</b>. {esc(f.guidance)} <i>Sources: {esc('; '.join(f.sources))}.</i>", "muted")
            for f in r.flags
        )
        out.append(Para(f"Flags as the journal's rules judged them on {day_text(r.end)}. {DISCLAIMER}", "muted"))
    return out


def log_blocks(r: DoctorReport) -> list[Block]:
    notes = "with the runner's notes" if r.include_notes else "notes left out at the runner's choice"
    out: list[Block] = [
        Spacer(6),
        Heading("Log of the period"),
        Para(f"Every run, check-in and care entry, by day ({notes}).", "muted"),
    ]
    if r.empty:
        return [*out, Para("<b>Nothing was logged in this period.</b>")]
    rows: list[tuple[str, ...]] = []
    bold: set[int] = set()
    starts: set[int] = set()
    for day in r.log:
        starts.add(len(rows))
        for i, item in enumerate(day.items):
            text = esc(item.text)
            if item.note:
                text += f"<br/><i>Note: {esc(item.note)}</i>"
            if item.warning:
                bold.add(len(rows))
            rows.append((f"{day.day:%a} {day_text(day.day)}" if i == 0 else "", item.time, item.kind, text))
    out.append(
        Table(
            ("Day", "Time", "Entry", "What"),
            tuple(rows),
            (0.17, 0.07, 0.1, 0.66),
            "llll",
            frozenset(bold),
            font_size=8,
            group_starts=frozenset(starts),
        )
    )
    return out


def report_document(r: DoctorReport, charts: list[ChartTuple], body: ChartTuple | None = None) -> ReportDocument:
    """The whole report as blocks; ``charts`` are (PNG, width in, height in, title, caption) for page 2, ``body``
    the body figure for page 1 (``body_figure``), beside the pain table."""
    blocks: list[Block] = [
        *header_blocks(r),
        *flag_blocks(r),
        *race_blocks(r.goal_race, r.end),
        *pain_blocks(r, body),
        *care_blocks(r),
        *training_blocks(r),
    ]
    if charts:
        blocks.extend(chart_blocks(r, charts))
        blocks.extend(method_blocks(r))
    blocks.extend(log_blocks(r))
    who = r.name or "Name not set"
    return ReportDocument(
        blocks=tuple(blocks),
        title=f"Running and pain summary: {who}, {period_text(r.start, r.end)}",
        running_header=f"{who} · {period_text(r.start, r.end)}",
        footer_left=f"Generated on {day_text(r.generated_at.date())} at {r.generated_at:%H:%M}",
        footer_right=NOT_A_DIAGNOSIS,
        paper_size=r.paper_size.value,
    )
