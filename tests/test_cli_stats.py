"""``main.py stats``: the JSON against figures computed by hand, boundaries included; the plain table."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from journal.app import main
from journal.domain.entries import CheckIn, RegionScore, Run
from journal.domain.settings import Settings, WeekStart
from journal.domain.units import DistanceUnit
from journal.domain.vocabulary import Region
from journal.storage.journal import Journal

MON = date(2025, 1, 6)


def _run(day: date, km: float) -> Run:
    return Run(started_at=datetime.combine(day, time(7)), distance_m=km * 1000.0)


def _checkin(day: date, back: int) -> CheckIn:
    return CheckIn(recorded_at=datetime.combine(day, time(8)), scores=(RegionScore(Region.LOWER_BACK, back),))


@pytest.fixture
def six_weeks(journal_path: Path) -> Path:
    """20, 22 (+10 %), 28.6 (+30 %), 0, 10 and 13.1 (+31 %) km in six Monday weeks; pain per week."""
    runs = [
        _run(MON, 12.0),
        _run(MON + timedelta(days=3), 8.0),
        _run(MON + timedelta(days=8), 22.0),
        _run(MON + timedelta(days=15), 28.6),
        _run(MON + timedelta(days=28), 10.0),
        _run(MON + timedelta(days=35), 13.1),
    ]
    pain_by_week = [None, 1, 2, 5, 3, 0]
    checkins = [_checkin(MON + timedelta(weeks=k, days=2), p) for k, p in enumerate(pain_by_week) if p is not None]
    checkins.append(_checkin(MON + timedelta(weeks=3, days=4), 3))  # week 4: 5 and 3 -> mean 4, worst 5
    with Journal.open(journal_path) as journal:
        journal.add_entries(runs=runs, checkins=checkins)
    return journal_path


def _stats_json(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    status = main(["stats", "--db", str(path), "--json", "--from", "2025-01-06", "--to", "2025-02-16", *extra])
    out = capsys.readouterr().out
    assert status == 0
    return json.loads(out)


def test_json_weeks_match_hand_computed_values(six_weeks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = _stats_json(six_weeks, capsys)
    weeks = doc["weeks"]
    assert [w["week_start"] for w in weeks] == [(MON + timedelta(weeks=k)).isoformat() for k in range(6)]
    assert [w["distance_km"] for w in weeks] == [20.0, 22.0, 28.6, 0.0, 10.0, 13.1]
    # first week: no change; exactly 10 % steady; exactly 30 % caution; a week off; after a week off: none
    assert [w["change_pct"] for w in weeks] == [None, 10.0, 30.0, -100.0, None, 31.0]
    assert [w["band"] for w in weeks] == [None, "steady", "caution", "steady", None, "big_jump"]
    # no ratio before 28 days of history (from Mon 6 Jan): the first is on Sun 2 Feb, day 28
    assert [w["acwr_rolling"] for w in weeks[:3]] == [None, None, None]
    assert weeks[3]["acwr_rolling"] == 0.0  # nothing in the last 7 days
    assert weeks[4]["acwr_rolling"] == round(10 / ((22 + 28.6 + 0 + 10) / 4), 2)  # 0.66
    assert weeks[5]["acwr_rolling"] == round(13.1 / ((28.6 + 0 + 10 + 13.1) / 4), 2)  # 1.01
    assert weeks[5]["acwr_ewma"] is not None
    # Foster monotony on daily km of week 1: [12, 0, 0, 8, 0, 0, 0]
    loads = [12, 0, 0, 8, 0, 0, 0]
    mean = sum(loads) / 7
    sd = math.sqrt(sum((x - mean) ** 2 for x in loads) / 7)
    assert weeks[0]["monotony"] == round(mean / sd, 2)
    assert weeks[0]["strain"] == round(20 * mean / sd, 1)
    assert weeks[3]["monotony"] is None and weeks[3]["strain"] is None  # no running: undefined
    assert weeks[0]["mean_pain"] == {} and weeks[0]["max_pain"] == {}
    assert weeks[3]["mean_pain"] == {"lower_back": 4.0} and weeks[3]["max_pain"] == {"lower_back": 5}
    assert set(weeks[0]) == {
        "week_start",
        "distance_km",
        "change_pct",
        "band",
        "acwr_rolling",
        "acwr_ewma",
        "monotony",
        "strain",
        "mean_pain",
        "max_pain",
    }


def test_json_spikes_and_correlation(six_weeks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = _stats_json(six_weeks, capsys)
    # 22 km after a longest of 12: +83.3 %; 28.6 after 22: exactly +30 %; later runs are shorter
    assert doc["spikes"] == [
        {"date": "2025-01-14", "distance_km": 22.0, "longest_prior_30d_km": 12.0, "spike_pct": 83.3, "band": "30-100"},
        {"date": "2025-01-21", "distance_km": 28.6, "longest_prior_30d_km": 22.0, "spike_pct": 30.0, "band": "10-30"},
    ]
    # lag 1 pairs: (+10 %, week 3 pain 2), (+30 %, week 4 pain 4), (-100 %, week 5 pain 3); week 7 is after --to
    # ranks x 2,3,1 and y 1,3,2: rho = 1 - 6 x 2 / (3 x 8) = 0.5
    assert doc["correlation"] == {"lag_weeks": 1, "region": "lower_back", "spearman": 0.5, "n": 3}
    lag0 = _stats_json(six_weeks, capsys, "--lag", "0", "--region", "lower_back")["correlation"]
    # lag 0 pairs: (+10, 1), (+30, 2), (-100, 4), (+31, 0): ranks x 2,3,1,4, y 2,3,4,1: d 0,0,-3,3 -> 1 - 6 x 18 / 60
    assert lag0 == {"lag_weeks": 0, "region": "lower_back", "spearman": round(1 - 6 * 18 / 60, 2), "n": 4}


def test_week_start_setting_and_units_in_the_table(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sunday = date(2025, 1, 12)
    with Journal.open(journal_path) as journal:
        journal.add_entries(
            runs=[_run(sunday - timedelta(days=6), 10.0), _run(sunday, 10.0), _run(sunday + timedelta(days=1), 2.0)]
        )
        journal.save_settings(replace(Settings(), week_start=WeekStart.SUNDAY, units=DistanceUnit.MI))
    args = ["stats", "--db", str(journal_path), "--from", "2025-01-06", "--to", "2025-01-18"]
    assert main([*args, "--json"]) == 0
    weeks = json.loads(capsys.readouterr().out)["weeks"]
    assert [(w["week_start"], w["distance_km"], w["change_pct"], w["band"]) for w in weeks] == [
        ("2025-01-05", 10.0, None, None),
        ("2025-01-12", 12.0, 20.0, "caution"),
    ]
    assert main(args) == 0
    table = capsys.readouterr().out
    assert "Weekly running (mi), weeks starting on Sunday" in table
    assert "2025-01-12" in table and f"{12 / 1.609344:.1f}" in table  # 7.5 mi
    assert "caution" in table and "these cut-offs are debated" in table


def test_plain_table_lists_spikes_and_the_sentence(six_weeks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", str(six_weeks), "--from", "2025-01-06", "--to", "2025-02-16"]) == 0
    out = capsys.readouterr().out
    assert "2025-01-14  22.0 km after a longest of 12.0 km: +83.3 % (30-100)" in out
    assert "big_jump" in out and "+31.0 %" in out
    assert "Weekly change and pain: Over 3 weeks" in out and "could easily be chance" in out


def test_refusals(journal_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Journal.open(journal_path).close()
    assert main(["stats", "--db", str(journal_path), "--from", "2025-03-01", "--to", "2025-02-01"]) == 1
    assert "--from 2025-03-01 is after --to 2025-02-01" in capsys.readouterr().err
    assert main(["stats", "--db", str(tmp_path / "missing.sqlite3")]) == 3
    with pytest.raises(SystemExit) as exc:
        main(["stats", "--db", str(journal_path), "--from", "March"])
    assert exc.value.code == 2
    assert "is not a date" in capsys.readouterr().err


def test_empty_journal(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Journal.open(journal_path).close()
    assert main(["stats", "--db", str(journal_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "weeks": [],
        "spikes": [],
        "correlation": {"lag_weeks": 1, "region": None, "spearman": None, "n": 0},
    }
    assert main(["stats", "--db", str(journal_path)]) == 0
    assert "No runs or check-ins" in capsys.readouterr().out


def test_the_json_text_is_the_standard_librarys(tmp_path) -> None:
    """``stats --json`` writes its text without the slow pure-Python encoder: the same text for any value."""
    import json

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from journal.cli.json_text import dumps_indented

    leaves = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
    values = st.recursive(
        leaves,
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner) | st.tuples(inner, inner),
        max_leaves=30,
    )

    @settings(max_examples=300, deadline=None)
    @given(values)
    def same(value) -> None:
        assert dumps_indented(value) == json.dumps(value, indent=1, ensure_ascii=False)

    same()
