"""``python main.py flags``: the flags as of a day, as text or as the issue's JSON list; exit 0 either way."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from journal.app import main
from journal.demo import write_demo_journal
from journal.domain.entries import CheckIn, RegionScore
from journal.domain.vocabulary import Region, WarningSign
from journal.storage import flag_store
from journal.storage.journal import Journal

TODAY = date(2026, 3, 15)


def demo(tmp_path: Path) -> Path:
    return write_demo_journal(tmp_path / "demo.sqlite3", TODAY)


def test_json_lists_the_demo_flags_in_the_issue_shape(tmp_path, capsys):
    path = demo(tmp_path)
    assert main(["flags", "--as-of", TODAY.isoformat(), "--json", "--db", str(path)]) == 0
    flags = json.loads(capsys.readouterr().out)
    assert {f["rule"] for f in flags} >= {"lingering_pain", "rest_pain", "painkiller_use", "pain_after_jump"}
    for flag in flags:
        assert list(flag)[:6] == ["rule", "severity", "region", "since", "evidence", "message"]
        assert flag["severity"] in {"emergency", "urgent", "see_doctor", "watch"}
        assert flag["action"] and flag["key"].startswith(flag["rule"] + ":") and flag["sources"]
        date.fromisoformat(flag["since"])
        assert flag["evidence"] and all({"date", "score"} <= set(e) for e in flag["evidence"])
        assert "not a medical device" in flag["message"]
    lingering = next(f for f in flags if f["rule"] == "lingering_pain")
    assert lingering["region"] == "lower_back" and lingering["severity"] == "see_doctor"
    assert lingering["evidence"][0] == {"date": lingering["since"], "score": 5, "what": "Lower back 5/10"}
    painkillers = next(f for f in flags if f["rule"] == "painkiller_use")
    assert painkillers["region"] is None and painkillers["evidence"][0]["score"] is None


def test_plain_output_is_readable_and_names_action_evidence_and_source(tmp_path, capsys):
    path = demo(tmp_path)
    assert main(["flags", "--as-of", TODAY.isoformat(), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "flags as of 15 Mar 2026, most urgent first" in out
    assert "[SEE A DOCTOR] Lower back: pain for" in out and "[WATCH]" in out
    assert "[GET MEDICAL HELP TODAY] Lower back: pain not settling with rest" in out
    assert "Evidence (" in out and "Source: NHS: Back pain <https://www.nhs.uk/conditions/back-pain/>" in out
    assert out.rstrip().endswith("does not replace a professional's judgement.")
    assert out.index("[SEE A DOCTOR]") < out.index("[WATCH]")


def test_as_of_an_earlier_day_judges_only_what_was_known_then(tmp_path, capsys):
    path = demo(tmp_path)
    before_the_jump = TODAY - timedelta(weeks=6)
    assert main(["flags", "--as-of", before_the_jump.isoformat(), "--json", "--db", str(path)]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_no_flags_exits_0_with_an_empty_list_or_a_plain_sentence(journal_path, capsys):
    Journal.open(journal_path).close()
    assert main(["flags", "--json", "--db", str(journal_path)]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["flags", "--db", str(journal_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("No flags as of") and "not a medical device" in out


def test_an_emergency_comes_first_and_clears_only_when_acknowledged(journal_path, capsys):
    with Journal.open(journal_path) as journal:
        when = datetime.combine(TODAY, time(9, 0))
        journal.add_checkin(
            CheckIn(when, (RegionScore(Region.LOWER_BACK, 6),), warning_signs=(WarningSign.BLADDER_BOWEL,))
        )
    later = (TODAY + timedelta(days=30)).isoformat()
    assert main(["flags", "--as-of", later, "--db", str(journal_path)]) == 0
    out = capsys.readouterr().out
    assert out.index("!! EMERGENCY: Call an emergency number now") < out.index("[EMERGENCY: CALL AN EMERGENCY")
    assert "Difficulty peeing, or new loss of bladder or bowel control (15 Mar): call an emergency number" in out
    with Journal.open(journal_path) as journal:
        key = f"warning_sign:bladder_bowel:{TODAY.isoformat()}"
        flag_store.acknowledge(
            journal, key, "warning_sign", None, "Seen at A&E", at=when + timedelta(hours=3), checked=True
        )
    assert main(["flags", "--as-of", later, "--json", "--db", str(journal_path)]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_acknowledgements_of_a_flag_are_printed_with_it(tmp_path, capsys):
    path = demo(tmp_path)
    assert main(["flags", "--as-of", TODAY.isoformat(), "--json", "--db", str(path)]) == 0
    lingering = next(f for f in json.loads(capsys.readouterr().out) if f["rule"] == "lingering_pain")
    with Journal.open(path) as journal:
        flag_store.acknowledge(journal, lingering["key"], "lingering_pain", "lower_back", "GP on Thursday")
    assert main(["flags", "--as-of", TODAY.isoformat(), "--db", str(path)]) == 0
    assert "GP on Thursday" in capsys.readouterr().out
    assert main(["flags", "--as-of", TODAY.isoformat(), "--json", "--db", str(path)]) == 0
    again = next(f for f in json.loads(capsys.readouterr().out) if f["rule"] == "lingering_pain")
    assert again["key"] == lingering["key"] and again["acknowledged"][0]["note"] == "GP on Thursday"


def test_thresholds_stored_in_the_journal_are_used(tmp_path, capsys):
    path = demo(tmp_path)
    with Journal.open(path) as journal:
        journal.save_raw_settings({"flags.lingering_days": "60"})
    main(["flags", "--as-of", TODAY.isoformat(), "--json", "--db", str(path)])
    assert "lingering_pain" not in {f["rule"] for f in json.loads(capsys.readouterr().out)}


def test_a_missing_journal_is_not_created(tmp_path, capsys):
    missing = tmp_path / "nope.sqlite3"
    assert main(["flags", "--db", str(missing)]) == 3
    assert "no journal file" in capsys.readouterr().err
    assert not missing.exists()


def test_a_bad_date_is_named(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["flags", "--as-of", "15/03/2026"])
    assert exit_.value.code == 2 and "'15/03/2026' is not a date" in capsys.readouterr().err
