"""The doctor summary as plain data: everything the PDF and the printed pages show, already counted.

``build_report(data, settings, start, end, include_notes, flags)`` takes the
journal's plain records. ``data`` should reach back ``LOOKBACK_DAYS`` before
``start`` (``load_report`` does this): the earlier runs give the first week its
change, the spikes their 30-day look-back and the acute:chronic ratio its 28-day
window. Everything shown as "in the period" counts only days from ``start`` to
``end``, inclusive.

Flags are those raised as of the period's last day, judged by
``journal.interchange.flag_inputs.check_flags`` (the same call as the window and
the ``flags`` command, so all three agree), so a report on a past period shows that
period's flags, not today's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from journal.analysis.weekly import week_start_of
from journal.domain.entries import CareEntry, JournalData
from journal.domain.settings import PaperSize, Settings, WeekStart
from journal.domain.units import DistanceUnit
from journal.domain.vocabulary import CareKind
from journal.interchange.report.flag_summary import FlagSummary, summarise
from journal.interchange.report.log import LogDay, dated_log
from journal.interchange.report.pain_summary import PainOverview, pain_overview
from journal.interchange.report.race_section import RaceSummary, race_summary
from journal.interchange.report.training import TrainingContext, training_context

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journal.analysis.flags import Flag
    from journal.analysis.goal_race import FlagRankOn
    from journal.storage.reader import JournalReader

DEFAULT_WEEKS = 8
LOOKBACK_DAYS = 120
"""Days of history before ``start`` that the figures and the flags look back on."""


@dataclass(frozen=True, slots=True)
class CareSummary:
    """One kind of care in the period: on how many days, total minutes, and the details written."""

    kind: CareKind
    days: int
    minutes: int
    details: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DoctorReport:
    name: str
    date_of_birth: date | None
    start: date
    end: date
    generated_at: datetime
    units: DistanceUnit
    paper_size: PaperSize
    include_notes: bool
    pain: PainOverview
    care: tuple[CareSummary, ...]
    training: TrainingContext
    flags: tuple[FlagSummary, ...]
    log: tuple[LogDay, ...]
    checkins: int = 0
    notes: tuple[str, ...] = field(default=())
    """Lines about the report itself (e.g. a period cut short because it reached into the future)."""
    goal_race: RaceSummary | None = None
    """The first goal race on or after the period's start, judged as of its end (``race_section``)."""

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def empty(self) -> bool:
        """Nothing at all was logged in the period."""
        return not self.log


def default_period(
    today: date | None = None, week_start: WeekStart = WeekStart.MONDAY, weeks: int = DEFAULT_WEEKS
) -> tuple[date, date]:
    """The last ``weeks`` calendar weeks: this week so far and the ``weeks - 1`` whole weeks before it.

    Whole calendar weeks, so the weekly figures of the report cover the period exactly.
    """
    today = today or date.today()
    return week_start_of(today, week_start) - timedelta(weeks=weeks - 1), today


def care_summary(care: list[CareEntry] | tuple[CareEntry, ...]) -> tuple[CareSummary, ...]:
    """Per kind of care (in vocabulary order): distinct days, summed minutes, distinct details in order."""
    days: dict[CareKind, set[date]] = {}
    minutes: dict[CareKind, int] = {}
    details: dict[CareKind, dict[str, None]] = {}
    for e in care:
        days.setdefault(e.kind, set()).add(e.day)
        minutes[e.kind] = minutes.get(e.kind, 0) + (e.minutes or 0)
        if e.detail.strip():
            details.setdefault(e.kind, {})[e.detail.strip()] = None
    return tuple(
        CareSummary(k, len(days[k]), minutes.get(k, 0), tuple(details.get(k, {}))) for k in CareKind if k in days
    )


def build_report(
    data: JournalData,
    settings: Settings,
    start: date,
    end: date,
    include_notes: bool = False,
    flags: Sequence[Flag] = (),
    now: datetime | None = None,
    race_data: JournalData | None = None,
    race_flag_rank: FlagRankOn | None = None,
) -> DoctorReport:
    """Count everything the summary shows for ``start``..``end`` (inclusive); ``flags`` are those raised as of
    ``end`` (see the module docstring).

    ``race_data``: the records the goal race is judged from (default ``data``); a build can
    reach back further than ``LOOKBACK_DAYS``, so ``load_report`` passes the whole history.
    ``race_flag_rank``: the most urgent flag's rank as of a day, for the race check (default: that
    of ``flags``); ``load_report`` asks the journal's one flag evaluation for the race's day.
    """
    if start > end:
        raise ValueError(f"The period starts ({start}) after it ends ({end})")
    checkins = [c for c in data.checkins if start <= c.day <= end]
    care = [e for e in data.care if start <= e.day <= end]
    return DoctorReport(
        name=settings.name.strip(),
        date_of_birth=settings.date_of_birth,
        start=start,
        end=end,
        generated_at=(now or datetime.now()).replace(microsecond=0),
        units=settings.units,
        paper_size=settings.paper_size,
        include_notes=include_notes,
        pain=pain_overview(checkins),
        care=care_summary(care),
        training=training_context(data.runs, start, end, settings.week_start),
        flags=tuple(summarise(f) for f in flags),
        log=dated_log(data, start, end, settings.units, include_notes),
        checkins=len(checkins),
        goal_race=race_summary(
            race_data or data,
            start,
            end,
            race_flag_rank or (lambda _day: max((f.severity.rank for f in flags), default=0)),
            settings.week_start,
        ),
    )


def load_report(
    journal: JournalReader,
    start: date,
    end: date,
    include_notes: bool = False,
    paper_size: PaperSize | None = None,
) -> DoctorReport:
    """Read the period (and its look-back) from ``journal`` and build the report.

    ``paper_size`` overrides the setting for this report only.
    """
    from dataclasses import replace

    from journal.interchange.flag_inputs import check_flags, highest_rank

    settings = journal.settings()
    if paper_size is not None:
        settings = replace(settings, paper_size=paper_size)
    data = journal.data(start - timedelta(days=LOOKBACK_DAYS), end)
    race_data = journal.data(end=end) if any(r.day >= start for r in data.races) else None
    flags = check_flags(journal, end).flags
    return build_report(
        data,
        settings,
        start,
        end,
        include_notes,
        flags,
        race_data=race_data,
        race_flag_rank=lambda day: highest_rank(journal, day),
    )
