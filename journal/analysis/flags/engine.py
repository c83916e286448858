"""Evaluate every rule as of a date, and the history of flags over a period.

Two kinds of rule:

- **Window rules** (see a doctor, watch) judge a day by a window of entries before
  it. A gap in logging is not recovery: each rule judges a day as of its *anchor*,
  the latest day up to it on which what the rule reads was logged (a check-in for the
  pain rules; a check-in or care for painkillers; a run or check-in for pain during
  runs), so a flag stays as the last entries left it until new entries clear it.
  Re-evaluating day by day, a flag (rule + region or subject) is "up" on a run of
  days; breaks of up to ``REJOIN_DAYS`` (7) do not end it. That run is one episode;
  its key ``rule:subject:first-day`` (``model.episode_key``) stays the same while the
  flag stays up, so an acknowledgement made on any day of it belongs to it.
- **Persistent rules** (emergency, urgent) list occurrences and stay raised until
  acknowledged (``persistent``): their episodes are opened by occurrences and closed
  by acknowledgements, whatever the age of the evidence.

History is computed, not stored: every day of a period is evaluated once
(``FlagEvaluator`` caches each anchor day), which is fast because the records are
indexed by day first (``index.DayIndex``). Editing an old entry also corrects it.

How much history: all of it up to the day judged (``history_start``). Emergency and
urgent flags never expire and a gap is not recovery, so no rule may forget an entry
for being old; the window, the report and the CLI all load the same span through
``journal.interchange.flag_inputs`` and give identical flags, since-dates and keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import Enum

from journal.analysis.flags import burden, medicines, nerves, running, signs, urgent_pain
from journal.analysis.flags.index import DayIndex, load_events_from_runs
from journal.analysis.flags.jump import pain_after_jump
from journal.analysis.flags.model import DISCLAIMER, Flag, FlagEpisode, episode_key
from journal.analysis.flags.pain import lingering_pain, radiating_pain, worsening_pain
from journal.analysis.flags.persistent import Acknowledgement, Builder, Occurrence, PersistentEpisode, episodes
from journal.analysis.flags.risk import RiskFactorPain
from journal.analysis.flags.thresholds import FlagThresholds
from journal.analysis.flags.wording import day_text, plural
from journal.domain.entries import JournalData
from journal.domain.settings import RiskProfile, WeekStart
from journal.domain.units import DistanceUnit

Rule = Callable[[DayIndex, date, FlagThresholds], list[Flag]]


class Anchor(Enum):
    """Which entries a window rule reads, and so which day it judges a later day by."""

    CHECKIN = "checkin"
    LOGGED = "logged"
    RUN_OR_CHECKIN = "run_or_checkin"


@dataclass(frozen=True, slots=True)
class WindowRule:
    name: str
    judge: Rule
    anchor: Anchor = Anchor.CHECKIN


@dataclass(frozen=True, slots=True)
class PersistentRule:
    name: str
    occurrences: Callable[[DayIndex, FlagThresholds], list[Occurrence]]
    build: Builder


PERSISTENT_RULES: tuple[PersistentRule, ...] = (
    PersistentRule(signs.RULE, signs.sign_occurrences, signs.sign_flag),
    PersistentRule(urgent_pain.UPPER_BACK, urgent_pain.upper_back_occurrences, urgent_pain.upper_back_flag),
    PersistentRule(urgent_pain.REST_PAIN, urgent_pain.rest_pain_occurrences, urgent_pain.rest_pain_flag),
)


def window_rules(risk: RiskProfile) -> tuple[WindowRule, ...]:
    """The window rules, most urgent first (the order flags of one severity are listed in)."""
    return (
        WindowRule("leg_numbness", nerves.leg_numbness),
        WindowRule("radiating_pain", radiating_pain),
        WindowRule("severe_pain", burden.severe_pain),
        WindowRule("pain_interference", burden.pain_interference),
        WindowRule("lingering_pain", lingering_pain),
        WindowRule("recurring_pain", burden.recurring_pain),
        WindowRule("worsening_pain", worsening_pain),
        WindowRule("risk_factor_pain", RiskFactorPain(risk)),
        WindowRule("painkiller_use", medicines.painkiller_use, Anchor.LOGGED),
        WindowRule("pain_during_run", running.pain_during_run, Anchor.RUN_OR_CHECKIN),
        WindowRule("pain_after_jump", pain_after_jump),
    )


RULE_IDS: tuple[str, ...] = tuple(r.name for r in PERSISTENT_RULES) + tuple(r.name for r in window_rules(RiskProfile()))
"""Every rule name, as ``flags --json`` spells it, in the order flags of one severity are listed."""
REJOIN_DAYS = 7
"""A window flag raised again within this many days of its last day continues the same episode (and keeps
its key and acknowledgement), so a rule sitting on its threshold does not make a new episode each time."""
STALE_DAYS = 7
"""A flag held over a gap in logging this long carries ``last_logged`` and says so in its message."""
_ONE_DAY = timedelta(days=1)


def history_start(as_of: date) -> date | None:
    """The first day of the entries the flags as of ``as_of`` need: None, meaning the journal's first entry.

    Emergency and urgent flags stay until acknowledged and a gap in logging is not recovery, so
    every rule may need any earlier entry; ``journal.interchange.flag_inputs`` loads this span.
    """
    del as_of
    return None


def _order(flag: Flag) -> tuple[int, int, date, str]:
    return (-flag.severity.rank, RULE_IDS.index(flag.rule), flag.since, flag.subject)


class FlagEvaluator:
    """The rules over one journal's records, with each anchor day's result cached."""

    def __init__(
        self,
        data: JournalData,
        thresholds: FlagThresholds | None = None,
        week_start: WeekStart = WeekStart.MONDAY,
        units: DistanceUnit = DistanceUnit.KM,
        risk: RiskProfile | None = None,
        acknowledgements: Iterable[Acknowledgement] = (),
        *,
        occurrences_before: tuple[datetime, Sequence[Occurrence]] | None = None,
    ) -> None:
        """``occurrences_before`` (cut, occurrences): the persistent rules' occurrences before ``cut``, found
        earlier over the days before it (``occurrences``); this index's own count from ``cut`` on."""
        self.thresholds = thresholds or FlagThresholds()
        self._before = occurrences_before
        events = load_events_from_runs(data, week_start, self.thresholds.spike_pct, units)
        self.index = DayIndex(data, events, units)
        self._rules = window_rules(risk or RiskProfile())
        self._anchored: dict[tuple[str, date], list[Flag]] = {}
        self._days: dict[date, dict[tuple[str, str], Flag]] = {}
        self._acks: dict[tuple[str, str], list[datetime]] = {}
        for ack in acknowledgements:
            if ack.checked and (identity := ack.identity) is not None:
                self._acks.setdefault(identity, []).append(ack.at)
        self._occurrences: dict[tuple[str, str], list[Occurrence]] | None = None

    # ---- window rules ------------------------------------------------------------------------
    def _anchor(self, anchor: Anchor, day: date) -> date | None:
        if anchor is Anchor.LOGGED:
            return self.index.last_logged_day(day)
        if anchor is Anchor.RUN_OR_CHECKIN:
            return self.index.last_run_or_checkin_day(day)
        return self.index.last_checkin_day(day)

    def raised_on(self, day: date) -> dict[tuple[str, str], Flag]:
        """The window flags raised as of ``day`` (without keys), by (rule, subject)."""
        cached = self._days.get(day)
        if cached is not None:
            return cached
        cached = {}
        for rule in self._rules:
            anchor = self._anchor(rule.anchor, day)
            if anchor is None:
                continue
            flags = self._anchored.get((rule.name, anchor))
            if flags is None:
                flags = self._anchored[(rule.name, anchor)] = rule.judge(self.index, anchor, self.thresholds)
            stale = (day - anchor).days >= STALE_DAYS
            for flag in flags:
                cached[flag.identity] = replace(flag, last_logged=anchor) if stale else flag
        for identity in [i for i in cached if i[0] == "recurring_pain"]:
            if ("lingering_pain", identity[1]) in cached:
                del cached[identity]  # the same pain, already flagged as lingering
        self._days[day] = cached
        return cached

    def episode_start(self, identity: tuple[str, str], day: date) -> date:
        """The first day of the episode of ``identity`` that holds ``day``.

        Walks back over the days it was raised, across breaks of up to ``REJOIN_DAYS``, as far as the journal
        goes (no cap: a cap would move the start, and the key, every day of a flag raised for longer).
        """
        start = day
        limit = self.index.first_day or day
        while start > limit:
            for back in range(1, REJOIN_DAYS + 2):
                earlier = start - timedelta(days=back)
                if identity in self.raised_on(earlier):
                    start = earlier
                    break
            else:
                return start
        return start

    # ---- persistent rules --------------------------------------------------------------------
    def occurrences(self) -> list[Occurrence]:
        """Every occurrence of the persistent rules in this index (none from ``occurrences_before``)."""
        return [o for rule in PERSISTENT_RULES for o in rule.occurrences(self.index, self.thresholds)]

    def _all_occurrences(self) -> dict[tuple[str, str], list[Occurrence]]:
        if self._occurrences is None:
            found: dict[tuple[str, str], list[Occurrence]] = {}
            cut, before = self._before or (None, ())
            for o in before:
                found.setdefault(o.identity, []).append(o)
            for o in self.occurrences():
                if cut is None or o.when >= cut:
                    found.setdefault(o.identity, []).append(o)
            self._occurrences = found
        return self._occurrences

    def persistent_episodes(self, as_of: date) -> list[tuple[PersistentEpisode, Flag]]:
        """Every persistent episode as it stood at the end of ``as_of``, with its flag (and key)."""
        end = datetime.combine(as_of, time.max)
        builders = {r.name: r.build for r in PERSISTENT_RULES}
        out = []
        for identity, occurrences in self._all_occurrences().items():
            seen = [o for o in occurrences if o.when <= end]
            acks = [a for a in self._acks.get(identity, []) if a <= end]
            for episode in episodes(seen, acks):
                flag = builders[identity[0]](episode.occurrences)
                out.append((episode, _with_episode(flag, episode.started)))
        return out

    # ---- together ----------------------------------------------------------------------------
    def evaluate(self, as_of: date) -> list[Flag]:
        """The flags raised as of ``as_of``, with their episode keys, most urgent first."""
        out = [
            _with_stale_note(_with_episode(flag, self.episode_start(identity, as_of)), as_of)
            for identity, flag in self.raised_on(as_of).items()
        ]
        out += [flag for episode, flag in self.persistent_episodes(as_of) if episode.closed_at is None]
        return sorted(out, key=_order)

    def history(self, start: date, end: date) -> list[FlagEpisode]:
        """Every episode raised on some day from ``start`` to ``end``, still raised ones first, then newest first.

        An episode's first day may lie before ``start``; one raised on ``end`` has ``ended`` None.
        """
        open_: dict[tuple[str, str], tuple[date, Flag, Flag, date]] = {}  # first day, highest, latest, last day
        found: list[FlagEpisode] = []
        day = start
        while day <= end:
            today = self.raised_on(day)
            for identity, (first, top, last, last_day) in list(open_.items()):
                if identity not in today and (day - last_day).days > REJOIN_DAYS:
                    found.append(_episode(first, last_day, top, last))
                    del open_[identity]
            for identity, flag in today.items():
                if identity in open_:
                    first, top, _last, _day = open_[identity]
                    top = flag if flag.severity.rank > top.severity.rank else top
                    open_[identity] = (first, top, flag, day)
                else:
                    open_[identity] = (self.episode_start(identity, day), flag, flag, day)
            day += _ONE_DAY
        for first, top, last, last_day in open_.values():
            found.append(_episode(first, None if last_day == end else last_day, top, last))
        for episode, flag in self.persistent_episodes(end):
            ended = episode.closed_at.date() if episode.closed_at else None
            if episode.started <= end and (ended is None or ended >= start):
                found.append(
                    FlagEpisode(
                        rule=flag.rule,
                        subject=flag.subject,
                        region=flag.region,
                        started=episode.started,
                        ended=ended,
                        severity=flag.severity,
                        last=flag,
                        acknowledged=ended is not None,
                    )
                )
        return sorted(found, key=lambda e: (not e.active, -(e.ended or end).toordinal(), -e.started.toordinal()))


def _with_episode(flag: Flag, first: date) -> Flag:
    """``flag`` with its episode: key, first day raised, and ``since`` no later than that day."""
    key = episode_key(flag.rule, flag.subject, first)
    return replace(flag, raised_on=first, key=key, since=min(flag.since, first))


def _with_stale_note(flag: Flag, as_of: date) -> Flag:
    """A flag held over a gap of ``STALE_DAYS`` or more (``last_logged`` set) says so: a gap is not recovery."""
    if flag.last_logged is None:
        return flag
    gap = plural((as_of - flag.last_logged).days, "day")
    note = (
        f"Nothing this flag reads has been logged since {day_text(flag.last_logged)} ({gap} ago). A gap is not "
        "recovery: the flag stays as those entries left it until a new check-in shows the pain has settled."
    )
    body = flag.message.removesuffix(DISCLAIMER).rstrip()
    return replace(flag, message=f"{body} {note} {DISCLAIMER}")


def _episode(first: date, ended: date | None, top: Flag, last: Flag) -> FlagEpisode:
    return FlagEpisode(
        rule=last.rule,
        subject=last.subject,
        region=last.region,
        started=first,
        ended=ended,
        severity=top.severity,
        last=_with_episode(last, first),
    )


def evaluate_flags(
    data: JournalData,
    as_of: date,
    thresholds: FlagThresholds | None = None,
    week_start: WeekStart = WeekStart.MONDAY,
    units: DistanceUnit = DistanceUnit.KM,
    risk: RiskProfile | None = None,
    acknowledgements: Iterable[Acknowledgement] = (),
) -> list[Flag]:
    """The flags raised by ``data`` as of the day ``as_of``, most urgent first (see the module docstring)."""
    return FlagEvaluator(data, thresholds, week_start, units, risk, acknowledgements).evaluate(as_of)


def flag_history(
    data: JournalData,
    start: date,
    end: date,
    thresholds: FlagThresholds | None = None,
    week_start: WeekStart = WeekStart.MONDAY,
    units: DistanceUnit = DistanceUnit.KM,
    risk: RiskProfile | None = None,
    acknowledgements: Iterable[Acknowledgement] = (),
) -> list[FlagEpisode]:
    """The flag episodes from ``start`` to ``end`` (inclusive), newest first; see ``FlagEvaluator.history``."""
    return FlagEvaluator(data, thresholds, week_start, units, risk, acknowledgements).history(start, end)
