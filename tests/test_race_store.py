"""Goal races in the journal: bad input refused with a clear message and nothing saved, the JSON backup round trip."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from journal.domain.races import (
    HALF_MARATHON_KM,
    MARATHON_KM,
    Race,
    distance_words,
    parse_race_distance,
    world_record_for,
)
from journal.domain.validation import validate_race
from journal.interchange.json_format import JsonFormatError, dumps, parse_json
from journal.storage.journal import InvalidEntry, Journal

TODAY = date.today()
SOON = TODAY + timedelta(weeks=10)


@pytest.mark.parametrize(
    ("race", "field", "words"),
    [
        (Race("  ", SOON, 10.0), "name", "Enter a name for the race"),
        (Race("Old", TODAY - timedelta(days=1), 10.0), "date", "is in the past"),
        (Race("Zero", SOON, 0.0), "distance_km", "must be more than 0"),
        (Race("Tiny", SOON, 0.4), "distance_km", "at least 1 km"),
        (Race("Absurd", SOON, 800.0), "distance_km", "at most 500 km"),
        (Race("Fast", SOON, MARATHON_KM, 2 * 3600), "goal_time_s", "faster than the men's world record (2:00:35"),
        (Race("Fast 5k", SOON, 5.0, 12 * 60), "goal_time_s", "faster than the men's world record (12:49"),
        (Race("Fast half", SOON, HALF_MARATHON_KM, 57 * 60), "goal_time_s", "57:30, Yomif Kejelcha"),
        (Race("Nothing", SOON, 10.0, 0), "goal_time_s", "must be more than 0"),
    ],
)
def test_bad_races_get_a_clear_message_naming_the_field(journal, race, field, words) -> None:
    problems = validate_race(race)
    assert words in problems[field]
    with pytest.raises(InvalidEntry) as refused:
        journal.save_race(race)
    assert words in str(refused.value)
    assert journal.races() == []  # nothing saved


def test_world_record_goals_for_custom_distances_use_riegel_from_the_nearest_records() -> None:
    # 15 km: from 10 km, 26:24 x 1.5^1.06 = 2435 s; from the half, 57:30 x (15/21.0975)^1.06 = 3450 x 0.6966 = 2403 s.
    # The faster estimate counts: 2403 s (40:03).
    fastest, words = world_record_for(15.0)
    assert fastest == pytest.approx(2403, abs=1)
    assert "Riegel" in words and "half marathon record" in words
    assert validate_race(Race("15 km", SOON, 15.0, 40 * 60))["goal_time_s"].startswith("A goal of 40:00")
    assert validate_race(Race("15 km", SOON, 15.0, 41 * 60)) == {}
    # beyond the marathon only the marathon record is near: 100 km -> 7235 x (100/42.195)^1.06
    assert world_record_for(100.0)[0] == pytest.approx(7235 * (100 / 42.195) ** 1.06)


def test_race_distances_as_typed() -> None:
    assert [parse_race_distance(t) for t in ("5k", "10K", "half", "Marathon", "12,5", "30km")] == [
        5.0, 10.0, HALF_MARATHON_KM, MARATHON_KM, 12.5, 30.0,
    ]  # fmt: skip
    assert parse_race_distance("8mi") == pytest.approx(12.874752)
    with pytest.raises(ValueError, match="not a distance"):
        parse_race_distance("far")
    assert [distance_words(k) for k in (MARATHON_KM, HALF_MARATHON_KM, 10.0, 12.5)] == [
        "marathon", "half marathon", "10 km", "12.5 km",
    ]  # fmt: skip


def test_save_edit_delete_and_the_past(journal) -> None:
    saved = journal.save_race(Race(" Spring half ", SOON, HALF_MARATHON_KM, 6300))
    assert saved.id is not None and saved.name == "Spring half"
    assert journal.races() == [saved] and journal.race(saved.id) == saved
    renamed = journal.save_race(Race("City half", SOON, HALF_MARATHON_KM, 6000, id=saved.id))
    assert journal.races() == [renamed]
    with pytest.raises(InvalidEntry, match="already a race called"):
        journal.save_race(Race("city HALF", SOON, 10.0))
    with pytest.raises(InvalidEntry, match="in the past"):
        journal.save_race(Race("City half", TODAY - timedelta(days=3), HALF_MARATHON_KM, id=saved.id))
    assert journal.races() == [renamed]  # the refused edit changed nothing
    assert journal.delete_race(saved.id) == renamed and journal.races() == []
    with pytest.raises(KeyError):
        journal.delete_race(saved.id)


def test_a_past_race_may_keep_its_day_when_edited(journal) -> None:
    [past] = journal.add_entries(races=[Race("Last spring", date(2025, 4, 6), HALF_MARATHON_KM)]).races
    edited = journal.save_race(Race("Last spring half", past.day, HALF_MARATHON_KM, 6500, id=past.id))
    assert edited.name == "Last spring half" and edited.day == date(2025, 4, 6)


def test_json_backup_round_trip_with_races_past_and_future(tmp_path) -> None:
    races = (Race("Last spring", date(2025, 4, 6), HALF_MARATHON_KM, 6300), Race("Next one", SOON, 10.0))
    with Journal.open(tmp_path / "a.sqlite3") as a:
        a.add_entries(races=races)
        text = dumps(a.data())
    doc = json.loads(text)
    assert doc["races"] == [
        {"name": "Last spring", "date": "2025-04-06", "distance_km": HALF_MARATHON_KM, "goal_time_s": 6300},
        {"name": "Next one", "date": SOON.isoformat(), "distance_km": 10.0, "goal_time_s": None},
    ]
    with Journal.open(tmp_path / "b.sqlite3") as b:
        b.add_entries(races=parse_json(text).races)
        assert [(r.name, r.day, r.distance_km, r.goal_time_s) for r in b.races()] == [
            (r.name, r.day, r.distance_km, r.goal_time_s) for r in races
        ]
        assert dumps(b.data()) == text
        b.add_entries(races=parse_json(text).races)  # importing the same backup again adds no race twice
        assert len(b.races()) == 2


def test_old_backups_without_races_still_import() -> None:
    data = parse_json(json.dumps({"format": "run-journal", "version": 1, "runs": []}))
    assert data.races == ()


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        ({"date": "2026-05-03", "distance_km": 10}, "races[0], field 'name': is required"),
        ({"name": "x", "date": "May", "distance_km": 10}, "races[0], field 'date': 'May' is not a date"),
        ({"name": "x", "date": "2026-05-03", "distance_km": 0}, "field 'distance_km': The race distance must be more"),
        ({"name": "x", "date": "2026-05-03", "distance_km": 42.195, "goal_time_s": 3600}, "faster than the men's"),
    ],
)
def test_bad_races_in_a_backup_refuse_the_whole_file(entry, words) -> None:
    doc = {"runs": [{"date": "2026-03-01", "distance_km": 5}], "races": [entry]}
    with pytest.raises(JsonFormatError) as refused:
        parse_json(json.dumps(doc))
    assert words in str(refused.value)
