"""Schema migrations: a journal made by the first schema is migrated at start-up and keeps every row."""

from __future__ import annotations

import sqlite3

from sqlalchemy import create_engine

from journal.storage import migrate
from journal.storage.journal import Journal
from journal.storage.models import Base


def make_first_schema_journal(path):
    """A journal exactly as the first schema (revision 0001) wrote it, with one of everything."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate.upgrade(conn, "0001")
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        INSERT INTO shoes (id, name, first_used, prior_m, retire_at_m, retired) VALUES (1, 'Old shoes', '2025-01-01', 50000, 700000, 0);
        INSERT INTO runs (id, started_at, distance_m, duration_s, effort, surface, shoe_id, foot_strike, stretched, hydrated, hot, notes)
            VALUES (1, '2026-03-01 07:10:00.000000', 8200, 2700, 5, 'road', 1, 'midfoot', 1, 1, 0, 'first run');
        INSERT INTO checkins (id, recorded_at, run_id, notes) VALUES (1, '2026-03-02 08:00:00.000000', 1, 'sore');
        INSERT INTO symptom_scores (checkin_id, region, score, timing, character, radiates)
            VALUES (1, 'lower_back', 4, 'next_morning', 'ache', 'none');
        INSERT INTO warning_signs (checkin_id, sign) VALUES (1, 'night_pain');
        INSERT INTO care (day, kind, detail, minutes) VALUES ('2026-03-02', 'painkiller', 'ibuprofen', NULL);
        INSERT INTO settings (key, value) VALUES ('units', 'mi');
        """
    )
    conn.commit()
    conn.close()


def test_first_schema_journal_migrates_and_keeps_every_row(tmp_path):
    path = tmp_path / "old.sqlite3"
    make_first_schema_journal(path)
    with Journal.open(path) as journal:
        [run] = journal.runs()
        assert (run.distance_m, run.shoe, run.notes, run.source) == (8200.0, "Old shoes", "first run", "manual")
        [checkin] = journal.checkins()
        assert checkin.scores[0].score == 4 and checkin.run_id == 1
        assert [w.value for w in checkin.warning_signs] == ["night_pain"]
        assert journal.care()[0].detail == "ibuprofen"
        assert journal.settings().units.value == "mi"
        assert journal.shoes()[0].distance_m == 58200.0
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.HEAD
    conn.close()


def test_before_migration_hook_runs_only_when_migrating(tmp_path):
    path = tmp_path / "old.sqlite3"
    make_first_schema_journal(path)
    seen = []
    Journal.open(path, before_migration=seen.append).close()
    Journal.open(path, before_migration=seen.append).close()
    assert seen == [path]


def test_revision_list_matches_the_migration_scripts():
    assert migrate.script_heads() == (migrate.HEAD,)


def test_models_match_the_migrated_schema(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    path = tmp_path / "j.sqlite3"
    Journal.open(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diffs == []


def test_a_populated_0003_journal_upgrades_to_interference_and_stopped_runs_keeping_every_row(tmp_path):
    path = tmp_path / "0003.sqlite3"
    make_first_schema_journal(path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate.upgrade(conn, "0003")
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO flag_acknowledgements (flag_key, rule, region, acknowledged_at, note)"
        " VALUES ('warning_sign:night_pain:2026-03-02', 'warning_sign', NULL, '2026-03-03 09:00:00.000000', 'seen')"
    )
    conn.commit()
    conn.close()
    with Journal.open(path) as journal:
        from journal.storage import flag_store

        [ack] = flag_store.acknowledgements(journal)
        assert (ack.note, ack.checked) == ("seen", False)  # a "seen" from before closes no urgent flag
        [run] = journal.runs()
        [checkin] = journal.checkins()
        assert (run.distance_m, run.notes, run.stopped_for_pain) == (8200.0, "first run", None)
        assert (checkin.notes, checkin.interference, checkin.scores[0].score) == ("sore", None, 4)
        assert [w.value for w in checkin.warning_signs] == ["night_pain"]
        from dataclasses import replace

        journal.update_run(replace(run, stopped_for_pain=True))
        assert journal.runs()[0].stopped_for_pain is True
