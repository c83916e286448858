"""Flag acknowledgements: migration 0003 on a populated journal, and storing a note per flag episode."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from sqlalchemy import create_engine

from journal.storage import flag_store, migrate
from journal.storage.journal import InvalidEntry, Journal


def make_0002_journal(path):
    """A journal as revision 0002 left it, with a run, a check-in, care, a setting."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate.upgrade(conn, "0002")
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        INSERT INTO shoes (id, name, first_used, prior_m, retire_at_m, retired) VALUES (1, 'Old', '2025-01-01', 0, 700000, 0);
        INSERT INTO runs (id, started_at, distance_m, shoe_id, notes, source, source_id, source_file)
            VALUES (1, '2026-03-01 07:10:00.000000', 8200, 1, 'first', 'gpx', 'abc', '/tmp/a.gpx');
        INSERT INTO checkins (id, recorded_at, run_id, notes) VALUES (1, '2026-03-02 08:00:00.000000', 1, 'sore');
        INSERT INTO symptom_scores (checkin_id, region, score, timing, character, radiates)
            VALUES (1, 'lower_back', 4, 'next_morning', 'ache', 'thigh');
        INSERT INTO warning_signs (checkin_id, sign) VALUES (1, 'night_pain');
        INSERT INTO care (day, kind, detail, minutes) VALUES ('2026-03-02', 'painkiller', 'ibuprofen', NULL);
        INSERT INTO settings (key, value) VALUES ('flags.lingering_days', '21');
        """
    )
    conn.commit()
    conn.close()


def test_a_populated_0002_journal_upgrades_keeps_its_rows_and_takes_acknowledgements(tmp_path):
    path = tmp_path / "old.sqlite3"
    make_0002_journal(path)
    with Journal.open(path) as journal:
        [run] = journal.runs()
        assert (run.distance_m, run.source, run.source_id, run.shoe) == (8200.0, "gpx", "abc", "Old")
        [checkin] = journal.checkins()
        assert checkin.scores[0].score == 4 and checkin.warning_signs[0].value == "night_pain"
        assert journal.care()[0].detail == "ibuprofen"
        assert journal.raw_settings()["flags.lingering_days"] == "21"
        assert flag_store.acknowledgements(journal) == []
        flag_store.acknowledge(journal, "warning_sign:night_pain:2026-03-02", "warning_sign", note="GP on Monday")
    with Journal.open(path) as journal:
        [ack] = flag_store.acknowledgements(journal)
        assert ack.note == "GP on Monday"
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.HEAD
    conn.close()


def test_acknowledgements_are_kept_per_flag_episode(journal):
    key = "lingering_pain:lower_back:2026-03-15"
    first = flag_store.acknowledge(
        journal, key, "lingering_pain", "lower_back", "  Booked the GP  ", datetime(2026, 3, 16, 9, 5, 7, 123)
    )
    flag_store.acknowledge(
        journal, key, "lingering_pain", "lower_back", "Seen; physio referral", datetime(2026, 3, 20, 18, 0)
    )
    flag_store.acknowledge(journal, "painkiller_use:-:2026-03-10", "painkiller_use")
    by_key = flag_store.acknowledgements_by_key(journal)
    assert [a.note for a in by_key[key]] == ["Booked the GP", "Seen; physio referral"]
    assert by_key[key][0].acknowledged_at == datetime(2026, 3, 16, 9, 5, 7) and by_key[key][0].region == "lower_back"
    assert by_key["painkiller_use:-:2026-03-10"][0].region is None
    assert first.id is not None and by_key[key][0].id == first.id


def test_a_bad_acknowledgement_is_refused_and_nothing_is_stored(journal):
    with pytest.raises(InvalidEntry, match="keep it under 2000"):
        flag_store.acknowledge(journal, "k:-:2026-01-01", "rest_pain", note="x" * 2001)
    with pytest.raises(InvalidEntry, match="Which flag"):
        flag_store.acknowledge(journal, " ", "rest_pain")
    assert flag_store.acknowledgements(journal) == []
