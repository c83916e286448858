"""Flags judged from a recent span (``check_flags``) are exactly those judged from the whole journal.

A generated journal of years, seasoned with every kind of evidence the rules read (signs
ticked, numbness in both legs, pain between the shoulders, back pain on rest days, runs
stopped for pain, interference, painkillers) and with old acknowledgements, is judged on
many days, with the default thresholds and with the longest look-backs, with and without a
risk profile whose person turns 50 during the journal. Flags, since-dates, keys, messages and
episodes must be equal to those of the engine over every entry.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest

from journal.analysis.flags import Acknowledgement, FlagThresholds, evaluate_flags, flag_history
from journal.devtools.generate import generated_data
from journal.domain.entries import CareEntry, CheckIn, RegionScore, Run
from journal.domain.settings import Settings
from journal.domain.vocabulary import CareKind, Character, Radiates, Region, Timing, WarningSign
from journal.interchange.flag_inputs import check_flags
from journal.storage import flag_store
from journal.storage.journal import Journal

TODAY = date.today()
YEARS = 6


def _seasoned(seed: int) -> tuple[list[Run], list[CheckIn], list[CareEntry]]:
    data = generated_data(YEARS, TODAY)
    rng = random.Random(seed)
    runs = [replace(r, stopped_for_pain=True) if rng.random() < 0.01 else r for r in data.runs]
    checkins = []
    for c in data.checkins:
        roll = rng.random()
        if roll < 0.004:
            c = replace(c, warning_signs=(rng.choice(list(WarningSign)),))
        elif roll < 0.010:
            numb = (Character.NUMBNESS,)
            scores = [
                replace(s, score=max(s.score, 2), character=numb) if s.region.value.startswith("hamstring") else s
                for s in c.scores
            ]
            c = replace(c, scores=tuple(scores))
        elif roll < 0.020:
            c = replace(c, scores=tuple(replace(s, score=4) if s.region is Region.UPPER_BACK else s for s in c.scores))
        elif roll < 0.060:
            back = RegionScore(Region.LOWER_BACK, rng.randint(3, 6), Timing.REST_DAY, (), Radiates.THIGH)
            c = replace(c, scores=(back, *(s for s in c.scores if s.region is not Region.LOWER_BACK)))
        if rng.random() < 0.05:
            c = replace(c, interference=rng.randint(5, 9))
        checkins.append(c)
    care = list(data.care) + [
        CareEntry(c.day, CareKind.PAINKILLER, "ibuprofen 200 mg") for c in checkins if rng.random() < 0.08
    ]
    return runs, checkins, care


@pytest.fixture(scope="module")
def seasoned(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("span") / "seasoned.sqlite3"
    runs, checkins, care = _seasoned(16)
    with Journal.open(path) as journal:
        journal.add_entries(runs=runs, checkins=checkins, care=care)
        start = min(c.day for c in checkins)
        for when in (start + timedelta(days=400), start + timedelta(days=900)):
            for rule, subject in (
                ("warning_sign", "fever"),
                ("upper_back_pain", "upper_back"),
                ("rest_pain", "lower_back"),
            ):
                flag_store.acknowledge(
                    journal, f"{rule}:{subject}:{when}", rule, None, "seen by the GP",
                    datetime.combine(when, time(9)), True,
                )  # fmt: skip
    return path


def _whole(journal: Journal, as_of: date, thresholds: FlagThresholds, settings: Settings):
    acks = [Acknowledgement(a.flag_key, a.acknowledged_at, a.checked) for a in flag_store.acknowledgements(journal)]
    data = journal.data(None, as_of)
    args = (thresholds, settings.week_start, settings.units, settings.risk_profile, acks)
    return data, args


LONGEST = FlagThresholds(
    lingering_lookback_days=730,
    recurring_lookback_weeks=52,
    recurring_weeks=2,
    lingering_days=7,
    rest_pain_window_days=21,
)


@pytest.mark.parametrize("thresholds", [FlagThresholds(), LONGEST], ids=["defaults", "longest"])
@pytest.mark.parametrize("risk", [False, True], ids=["no-risk", "over-50-mid-journal"])
def test_the_span_gives_the_whole_journals_flags_and_episodes(seasoned, thresholds, risk) -> None:
    with Journal.open(seasoned) as journal:
        settings = Settings(risk_over_50=risk, date_of_birth=TODAY - timedelta(days=365 * 52) if risk else None)
        journal.save_settings(settings)
        journal.save_raw_settings(thresholds.to_settings())
        settings = journal.settings()
        rng = random.Random(7)
        days = [TODAY, TODAY + timedelta(days=40)] + [
            TODAY - timedelta(days=rng.randint(1, 365 * YEARS)) for _ in range(12)
        ]
        for as_of in days:
            check = check_flags(journal, as_of)
            data, args = _whole(journal, as_of, thresholds, settings)
            assert check.flags == evaluate_flags(data, as_of, *args), as_of
            month = as_of.replace(day=1)
            assert check.episodes(month, as_of) == flag_history(data, month, as_of, *args), as_of
        check = check_flags(journal, TODAY)
        data, args = _whole(journal, TODAY, thresholds, settings)
        start = max(min(c.day for c in data.checkins), TODAY - timedelta(days=730))
        assert check.history() == flag_history(data, start, TODAY, *args)
        assert check.first_day == min(r.day for r in data.runs[:1] + data.checkins[:1])
        assert check.flags  # the seasoning raises flags, so the comparison means something


def test_a_recent_span_is_read_when_it_is_enough(seasoned) -> None:
    """On a long journal with short episodes, the flags as of today read months, not years."""
    with Journal.open(seasoned) as journal:
        journal.save_raw_settings(FlagThresholds().to_settings())
        check = check_flags(journal, TODAY)
        total = journal.counts()
        assert len(check.evaluator.index.days) < total.checkins / 2


def test_what_is_kept_between_checks_follows_every_write(seasoned, tmp_path) -> None:
    """The window keeps the days before the span between checks (``FlagMemo``); a write of any day shows."""
    from journal.interchange.flag_inputs import FlagMemo

    path = tmp_path / "copy.sqlite3"
    path.write_bytes(seasoned.read_bytes())
    memo = FlagMemo()
    with Journal.open(path) as journal:
        journal.save_raw_settings(FlagThresholds().to_settings())
        settings = journal.settings()

        def same() -> None:
            data, args = _whole(journal, TODAY, FlagThresholds(), settings)
            assert check_flags(journal, TODAY, memo).flags == evaluate_flags(data, TODAY, *args)

        same()
        now = datetime.now().replace(microsecond=0)
        rest = (RegionScore(Region.LOWER_BACK, 6, Timing.REST_DAY),)
        journal.add_checkin(CheckIn(now - timedelta(minutes=1), rest))  # today: what was kept still holds
        same()
        long_ago = datetime.combine(TODAY - timedelta(days=1500), time(8))
        old = journal.add_checkin(CheckIn(long_ago, rest, (WarningSign.CHEST_PAIN,)))  # years back
        assert any(f.subject == "chest_pain" for f in check_flags(journal, TODAY, memo).flags)
        same()
        journal.delete_checkin(old.id)
        assert not any(f.subject == "chest_pain" for f in check_flags(journal, TODAY, memo).flags)
        same()
        upper = next(c for c in journal.checkins() if c.day > TODAY - timedelta(days=800))  # after the last ack
        journal.save_checkin_with_care(replace(upper, scores=(RegionScore(Region.UPPER_BACK, 8),)))
        assert any(f.rule == "upper_back_pain" and upper.day in {e.day for e in f.evidence}
                   for f in check_flags(journal, TODAY, memo).flags)  # fmt: skip
        same()
