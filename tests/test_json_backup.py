"""The JSON backup file: the issue's shape reads, the round trip holds, malformed files are refused whole."""

from __future__ import annotations

import json
from datetime import date

import pytest

from journal.app import main
from journal.demo import demo_data
from journal.interchange.json_format import JsonFormatError, dumps, parse_json
from journal.storage.journal import Journal

ISSUE_EXAMPLE = {
    "format": "run-journal",
    "version": 1,
    "shoes": [{"name": "Pegasus 40", "first_used": "2026-01-03", "prior_km": 0, "retire_at_km": 700, "retired": False}],
    "runs": [
        {"date": "2026-03-01", "start_time": "07:10", "distance_km": 8.2, "duration_s": 2700, "effort": 5,
         "surface": "road", "shoe": "Pegasus 40", "foot_strike": "midfoot", "stretched": True,
         "hydrated": True, "hot": False, "notes": ""}
    ],
    "symptoms": [
        {"date": "2026-03-02", "time": "08:00", "region": "lower_back", "score": 4, "timing": "next_morning",
         "character": ["ache"], "radiates": "none", "notes": ""}
    ],
    "warning_signs": [{"date": "2026-03-02", "sign": "leg_weakness"}],
    "care": [{"date": "2026-03-02", "kind": "painkiller", "detail": "ibuprofen 400 mg", "minutes": None}],
}  # fmt: skip


def write(tmp_path, doc, name="in.json"):
    path = tmp_path / name
    path.write_text(json.dumps(doc) if not isinstance(doc, str) else doc, encoding="utf-8")
    return path


def test_issue_example_imports(tmp_path, journal_path, capsys):
    assert main(["import", str(write(tmp_path, ISSUE_EXAMPLE)), "--db", str(journal_path)]) == 0
    with Journal.open(journal_path) as j:
        [run] = j.runs()
        assert run.distance_m == pytest.approx(8200.0) and run.shoe == "Pegasus 40"
        [checkin] = j.checkins()
        assert checkin.scores[0].score == 4
        assert [w.value for w in checkin.warning_signs] == ["leg_weakness"]  # attached to that day's check-in
        assert j.care()[0].detail == "ibuprofen 400 mg"
    assert "Imported 1 run, 1 check-in, 1 care entry and 1 pair of shoes" in capsys.readouterr().out


def test_only_required_fields_are_needed():
    data = parse_json(json.dumps({"runs": [{"date": "2026-03-01", "distance_km": 5}],
                                  "symptoms": [{"date": "2026-03-01", "region": "glute_hip", "score": 0}]}))  # fmt: skip
    assert data.runs[0].distance_m == 5000.0 and data.checkins[0].pain_free


def test_export_import_export_gives_the_same_content(tmp_path):
    first = dumps(demo_data(date(2026, 6, 30)))
    src = tmp_path / "a.json"
    src.write_text(first, encoding="utf-8")
    db = tmp_path / "j.sqlite3"
    assert main(["import", str(src), "--db", str(db)]) == 0
    out = tmp_path / "b.json"
    assert main(["export", "--format", "json", "--out", str(out), "--db", str(db)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(first)


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda d: d["symptoms"][0].update(region="knee"), "symptoms[0], field 'region'"),
        (lambda d: d["symptoms"][0].update(score=11), "symptoms[0], field 'score': Pain score must be from 0 to 10"),
        (lambda d: d["runs"][0].update(distance_km=-3), "runs[0], field 'distance_km': Distance must be more than 0"),
        (lambda d: d["runs"][0].update(date="2026-02-30"), "runs[0], field 'date'"),
        (lambda d: d["runs"][0].update(date="yesterday"), "runs[0], field 'date'"),
        (lambda d: d["runs"][0].pop("distance_km"), "runs[0], field 'distance_km': is required"),
        (lambda d: d["care"][0].update(kind="massage"), "care[0], field 'kind'"),
        (lambda d: d["warning_signs"][0].update(sign="headache"), "warning_signs[0], field 'sign'"),
        (lambda d: d["runs"][0].update(effort="hard"), "runs[0], field 'effort'"),
        (
            lambda d: d["runs"][0].update(date="2999-01-01"),
            "runs[0], field 'date': The date and time cannot be in the future",
        ),
        (
            lambda d: d["symptoms"][0].update(interference=11),
            "symptoms[0], field 'interference': How much pain got in the way must be from 0 to 10",
        ),
        (lambda d: d["symptoms"][0].update(interference="a lot"), "symptoms[0], field 'interference'"),
        (lambda d: d["runs"][0].update(stopped_for_pain="yes"), "runs[0], field 'stopped_for_pain': must be true"),
        (lambda d: d["symptoms"][0].update(character=["pins"]), "symptoms[0], field 'character'"),
        (
            lambda d: (
                d["symptoms"][0].update(interference=3),
                d["symptoms"].append(dict(d["symptoms"][0], region="upper_back", interference=6)),
            ),
            "symptoms[1], field 'interference': the check-in already has 3; give it once",
        ),
    ],
)
def test_malformed_entry_is_refused_whole_with_entry_and_field(tmp_path, journal_path, capsys, change, named):
    doc = json.loads(json.dumps(ISSUE_EXAMPLE))
    doc["runs"].insert(0, dict(doc["runs"][0], date="2026-02-01"))  # a good entry before the bad one
    doc["runs"][0], doc["runs"][1] = doc["runs"][1], doc["runs"][0]
    change(doc)
    status = main(["import", str(write(tmp_path, doc)), "--db", str(journal_path)])
    err = capsys.readouterr().err
    assert status == 1
    assert named in err and "nothing was imported" in err
    with Journal.open(journal_path) as j:
        assert j.counts().entries == 0 and j.counts().shoes == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "Not valid JSON"),
        ("[1, 2]", "must hold a JSON object"),
        (json.dumps({"format": "something-else"}), "not a run journal file"),
        (json.dumps({"version": 99}), "'version' 99 is not supported"),
        (json.dumps({"runs": {"date": "2026-01-01"}}), "'runs' must be a list"),
    ],
)
def test_malformed_file_is_refused(text, message):
    with pytest.raises(JsonFormatError, match=message):
        parse_json(text)


def test_interference_stopped_runs_new_signs_and_numbness_round_trip():
    doc = json.loads(json.dumps(ISSUE_EXAMPLE))
    doc["runs"][0]["stopped_for_pain"] = True
    doc["symptoms"][0].update(interference=6, character=["numbness", "tingling"])
    doc["warning_signs"] = [{"date": "2026-03-02", "time": "08:00", "sign": s} for s in ("both_legs", "chest_pain")]
    data = parse_json(json.dumps(doc))
    assert data.runs[0].stopped_for_pain is True
    [checkin] = data.checkins
    assert checkin.interference == 6 and [w.value for w in checkin.warning_signs] == ["both_legs", "chest_pain"]
    assert [c.value for c in checkin.scores[0].character] == ["numbness", "tingling"]
    again = json.loads(dumps(data))
    assert again["runs"][0]["stopped_for_pain"] is True and again["symptoms"][0]["interference"] == 6
    assert parse_json(dumps(data)) == data


def test_an_old_backup_without_the_new_fields_imports_with_them_unknown():
    data = parse_json(json.dumps(ISSUE_EXAMPLE))
    assert data.runs[0].stopped_for_pain is None and data.checkins[0].interference is None


def test_a_check_in_of_signs_only_keeps_its_interference():
    from journal.domain.entries import CheckIn, JournalData
    from journal.domain.vocabulary import WarningSign

    when = parse_json(json.dumps(ISSUE_EXAMPLE)).checkins[0].recorded_at
    data = JournalData(checkins=(CheckIn(when, warning_signs=(WarningSign.FEVER,), interference=9, notes="hot"),))
    assert parse_json(dumps(data)).checkins[0].interference == 9


def test_a_json_file_that_is_not_a_backup_is_refused_not_imported_as_nothing(tmp_path, capsys) -> None:
    """Some other JSON file picked by mistake ('{"x": 1}') was 'Imported 0 runs ...' with status 0."""
    from journal.app import main

    other = tmp_path / "settings.json"
    other.write_text('{"theme": "dark", "x": 1}', encoding="utf-8")
    journal = tmp_path / "journal.sqlite3"
    assert main(["import", str(other), "--db", str(journal)]) == 1
    err = capsys.readouterr().err
    assert "this is not a run journal file" in err and "nothing was imported" in err
    empty = tmp_path / "empty.json"
    empty.write_text('{"runs": []}', encoding="utf-8")  # a backup section, even empty, is a backup
    assert main(["import", str(empty), "--db", str(journal)]) == 0
