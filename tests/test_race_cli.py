"""``race add|list|remove`` and ``plan [--json] [--as-of]`` on real journal files."""

from __future__ import annotations

import json
from datetime import date, timedelta

from journal.app import main
from journal.domain.races import HALF_MARATHON_KM, Race
from journal.storage.journal import Journal
from tests.race_helpers import BASE, GRADUAL_BUILD, HALF_DAY, journal_runs

SOON = date.today() + timedelta(weeks=12)


def test_race_add_list_remove(journal_path, capsys) -> None:
    db = ["--db", str(journal_path)]
    assert main(["race", "add", "--name", "Spring half", "--date", SOON.isoformat(), "--distance", "half", "--goal", "1:45:00", *db]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "Added race 1: Spring half, half marathon" in out
    assert "No runs are logged yet" in out  # a race before any run: the plan has nothing to build from
    assert main(["race", "list", *db]) == 0
    assert f"1  {SOON.isoformat()}  Spring half: half marathon (21.1 km), goal 1:45:00" in capsys.readouterr().out
    assert main(["race", "list", "--json", *db]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"id": 1, "name": "Spring half", "date": SOON.isoformat(), "distance_km": HALF_MARATHON_KM, "goal_time_s": 6300}
    ]
    assert main(["race", "remove", "1", *db]) == 0
    assert "Removed race 1" in capsys.readouterr().out
    assert main(["race", "remove", "1", *db]) == 1
    assert "no race with id 1" in capsys.readouterr().err


def test_race_add_refuses_bad_input_and_saves_nothing(journal_path, capsys) -> None:
    db = ["--db", str(journal_path)]
    past = (date.today() - timedelta(days=1)).isoformat()
    cases = [
        (["--name", "Old", "--date", past, "--distance", "10k"], "is in the past"),
        (["--name", "Zero", "--date", SOON.isoformat(), "--distance", "0"], "must be more than 0"),
        (["--name", "Far", "--date", SOON.isoformat(), "--distance", "900"], "at most 500 km"),
        (["--name", "What", "--date", SOON.isoformat(), "--distance", "far"], "--distance: 'far' is not a distance"),
        (["--name", "Fast", "--date", SOON.isoformat(), "--distance", "marathon", "--goal", "1:59:00"], "world record"),
        (["--name", "Typo", "--date", SOON.isoformat(), "--distance", "5k", "--goal", "1:75"], "--goal: Minutes"),
        (["--name", " ", "--date", SOON.isoformat(), "--distance", "5k"], "Enter a name for the race"),
    ]
    for args, words in cases:
        assert main(["race", "add", *args, *db]) == 1, args
        err = capsys.readouterr().err
        assert words in err, (args, err)
        assert "Traceback" not in err
        assert not journal_path.exists(), args  # a refused race does not leave a new, empty journal behind
    with Journal.open(journal_path) as journal:
        assert journal.races() == []


def _journal_with_a_build(path) -> None:
    with Journal.open(path) as journal:
        journal.add_entries(
            runs=journal_runs(BASE + GRADUAL_BUILD), races=[Race("Spring half", HALF_DAY, HALF_MARATHON_KM)]
        )


def test_plan_json_has_the_issue_shape(journal_path, capsys) -> None:
    _journal_with_a_build(journal_path)
    assert main(["plan", "--json", "--as-of", "2026-04-20", "--db", str(journal_path)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["race"] == {"name": "Spring half", "date": "2026-05-03", "distance_km": HALF_MARATHON_KM}
    assert doc["verdict"] == "on_track"
    assert [c["check"] for c in doc["checks"]] == [
        "steep_build", "long_run_spike", "no_taper", "base_too_low", "pain_rising", "flags_active",
    ]  # fmt: skip
    assert {c["status"] for c in doc["checks"]} == {"ok"}
    weeks = doc["weeks"]
    assert weeks[0] == {
        "week_start": "2026-02-02", "phase": "build", "planned_km": 21.5, "actual_km": 22.0,
        "planned_long_km": 8.8, "actual_long_km": 8.8,
    }  # fmt: skip
    assert weeks[-1]["phase"] == "race" and weeks[-1]["actual_km"] is None  # still to come on 20 Apr


def test_plan_on_race_day_is_that_race_and_the_table_reads(journal_path, capsys) -> None:
    _journal_with_a_build(journal_path)
    assert main(["plan", "--as-of", HALF_DAY.isoformat(), "--db", str(journal_path)]) == 0
    out = capsys.readouterr().out
    assert "Goal race: Spring half, half marathon on Sun 3 May 2026 (today)" in out
    assert "Verdict: " in out and "[ok] steep_build" in out
    assert "2026-04-13  peak" in out and "not a workout generator" in out


def test_plan_without_a_race_exits_1_with_a_message(journal_path, capsys) -> None:
    _journal_with_a_build(journal_path)
    assert main(["plan", "--as-of", "2026-05-04", "--db", str(journal_path)]) == 1
    assert "no race on or after 2026-05-04" in capsys.readouterr().err
    with Journal.open(journal_path) as journal:
        journal.delete_race(journal.races()[0].id)
    assert main(["plan", "--json", "--db", str(journal_path)]) == 1
    assert "there is no goal race yet" in capsys.readouterr().err
