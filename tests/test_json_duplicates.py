"""Importing a JSON backup leaves out what the journal already has (same content), as activity imports do."""

from __future__ import annotations

import json
from datetime import date, datetime

from journal.app import main
from journal.demo import demo_data
from journal.domain.entries import CareEntry, CheckIn, JournalData, RegionScore, Run
from journal.domain.vocabulary import CareKind, Region, WarningSign
from journal.interchange.json_duplicates import split_duplicates
from journal.interchange.json_format import dumps, parse_json
from journal.storage.journal import Journal

MARKER = "Echidna8f1Note"


def write(path, data: JournalData):
    path.write_text(dumps(data))
    return path


def test_importing_the_same_backup_twice_adds_nothing_the_second_time(tmp_path, journal_path, capsys):
    backup = write(tmp_path / "demo.json", demo_data(date(2024, 6, 1)))
    assert main(["import", str(backup), "--db", str(journal_path)]) == 0
    first = capsys.readouterr().out
    with Journal.open(journal_path) as j:
        counts = j.counts()
    before = journal_path.read_bytes()
    assert main(["import", str(backup), "--db", str(journal_path)]) == 0
    second = capsys.readouterr().out
    assert second.startswith("Imported 0 runs, 0 check-ins, 0 care entries and 0 pairs of shoes")
    assert f"{counts.entries:,} entries were already in the journal" in second, second
    assert "Imported 0 runs" not in first
    with Journal.open(journal_path) as j:
        assert j.counts() == counts
    assert journal_path.read_bytes() == before, "nothing was written the second time"
    assert MARKER not in second


def test_only_the_entries_not_yet_there_are_added(tmp_path, journal_path, capsys):
    run = Run(started_at=datetime(2024, 3, 1, 7, 10), distance_m=8200.0, duration_s=2700, notes=MARKER)
    checkin = CheckIn(datetime(2024, 3, 2, 8, 0), (RegionScore(Region.LOWER_BACK, 4),), (WarningSign.NIGHT_PAIN,))
    care = CareEntry(day=date(2024, 3, 2), kind=CareKind.PAINKILLER, detail="ibuprofen 400 mg")
    with Journal.open(journal_path) as j:
        j.add_entries(runs=[run], checkins=[checkin], care=[care])
    longer = Run(started_at=datetime(2024, 3, 1, 7, 10), distance_m=8300.0, duration_s=2700, notes=MARKER)
    other_score = CheckIn(datetime(2024, 3, 3, 8, 0), (RegionScore(Region.LOWER_BACK, 5),), (WarningSign.NIGHT_PAIN,))
    more_care = CareEntry(day=date(2024, 3, 2), kind=CareKind.PAINKILLER, detail="ibuprofen 200 mg")
    backup = write(
        tmp_path / "b.json",
        JournalData(runs=(run, longer), checkins=(checkin, other_score), care=(care, more_care)),
    )
    assert main(["import", str(backup), "--db", str(journal_path)]) == 0
    out = capsys.readouterr().out
    assert "Imported 1 run, 1 check-in, 1 care entry" in out
    assert "3 entries were already in the journal" in out and MARKER not in out
    with Journal.open(journal_path) as j:
        assert sorted(r.distance_m for r in j.runs()) == [8200.0, 8300.0]
        assert sorted(c.scores[0].score for c in j.checkins()) == [4, 5]
        assert sorted(c.detail for c in j.care()) == ["ibuprofen 200 mg", "ibuprofen 400 mg"]


def test_verbose_names_the_duplicates(tmp_path, journal_path, capsys):
    backup = write(tmp_path / "b.json", JournalData(runs=(Run(started_at=datetime(2024, 3, 1, 7), distance_m=5e3),)))
    main(["import", str(backup), "--db", str(journal_path)])
    main(["import", str(backup), "--db", str(journal_path), "--verbose"])
    assert "duplicate: the run of 2024-03-01 07:00 (5.00 km)" in capsys.readouterr().out


def test_where_a_run_came_from_does_not_make_it_new_but_its_notes_do():
    run = Run(started_at=datetime(2024, 3, 1, 7, 10, 5, 123), distance_m=8200.0, source="gpx", source_file="a.gpx")
    in_file = parse_json(dumps(JournalData(runs=(run,))))
    assert not split_duplicates(in_file, JournalData(runs=(run,))).new.runs
    edited = json.loads(dumps(JournalData(runs=(run,))))
    edited["runs"][0]["notes"] = "felt the hamstring"
    assert split_duplicates(parse_json(json.dumps(edited)), JournalData(runs=(run,))).new.runs


def test_the_same_entry_twice_in_one_file_is_added_once(tmp_path, journal_path, capsys):
    run = Run(started_at=datetime(2024, 3, 1, 7), distance_m=5000.0)
    backup = write(tmp_path / "b.json", JournalData(runs=(run, run)))
    assert main(["import", str(backup), "--db", str(journal_path)]) == 0
    assert "1 entry was already in the journal" in capsys.readouterr().out
    with Journal.open(journal_path) as j:
        assert len(j.runs()) == 1


def test_a_check_in_at_the_same_time_differs_by_its_scores_or_signs():
    from dataclasses import replace

    base = CheckIn(datetime(2024, 3, 2, 8, 0), (RegionScore(Region.LOWER_BACK, 4),), notes="first")
    same = replace(base, notes="other notes do not make it new")
    assert not split_duplicates(JournalData(checkins=(same,)), JournalData(checkins=(base,))).new.checkins
    for other in (
        replace(base, scores=(RegionScore(Region.LOWER_BACK, 5),)),
        replace(base, warning_signs=(WarningSign.NIGHT_PAIN,)),
        replace(base, recorded_at=datetime(2024, 3, 2, 8, 1)),
    ):
        assert split_duplicates(JournalData(checkins=(other,)), JournalData(checkins=(base,))).new.checkins
