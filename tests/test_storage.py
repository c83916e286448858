"""The journal file: created owner-only, WAL, foreign keys; records round-trip; writes are all-or-nothing."""

from __future__ import annotations

import sqlite3
import stat
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from journal.domain.entries import CareEntry, CheckIn, RegionScore, Run, Shoe
from journal.domain.settings import Settings, WeekStart
from journal.domain.units import DistanceUnit
from journal.domain.vocabulary import CareKind, Character, FootStrike, Radiates, Region, Surface, Timing, WarningSign
from journal.storage.journal import InvalidEntry, Journal, Lists

MORNING = datetime(2026, 3, 2, 8, 0)


def a_checkin(**changes: object) -> CheckIn:
    base = CheckIn(
        recorded_at=MORNING,
        scores=(
            RegionScore(
                Region.LOWER_BACK, 4, Timing.NEXT_MORNING, (Character.ACHE, Character.STIFFNESS), Radiates.THIGH
            ),
            RegionScore(Region.HAMSTRING_LEFT, 0),
        ),
        warning_signs=(WarningSign.LEG_WEAKNESS,),
        notes="stiff on the stairs",
    )
    return replace(base, **changes)


def test_new_journal_is_owner_only_wal_with_foreign_keys(journal_path):
    Journal.open(journal_path).close()
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600
    conn = sqlite3.connect(journal_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_foreign_keys_are_enforced(journal):
    on = journal.transaction(Lists.NONE, lambda s: s.connection().exec_driver_sql("PRAGMA foreign_keys").scalar())
    assert on == 1


def test_run_round_trips_every_field(journal):
    run = Run(
        started_at=datetime(2026, 3, 1, 7, 10),
        distance_m=8200.0,
        duration_s=2700,
        effort=5,
        surface=Surface.TRAIL,
        shoe="Pegasus 40",
        stretched=True,
        hydrated=False,
        hot=True,
        notes='Quotes " and ünïcödé, 10k\nsecond line',
        foot_strike=FootStrike.MIDFOOT,
        stopped_for_pain=True,
        source="gpx",
        source_id="activity-17",
        source_file="morning.gpx",
    )
    saved = journal.add_run(run)
    assert saved.id is not None
    assert journal.runs() == [replace(run, id=saved.id)]
    assert journal.shoes()[0].name == "Pegasus 40"


def test_checkin_round_trips_scores_signs_and_notes(journal):
    saved = journal.add_checkin(a_checkin())
    assert journal.checkins() == [replace(a_checkin(), id=saved.id)]


def test_pain_free_checkin_counts(journal):
    journal.add_checkin(CheckIn(recorded_at=MORNING, scores=tuple(RegionScore(r, 0) for r in Region)))
    [stored] = journal.checkins()
    assert stored.pain_free and len(stored.scores) == 5


def test_shoe_distance_so_far_adds_prior_and_runs(journal):
    journal.save_shoe(Shoe(name="Clifton", prior_m=100_000.0, retire_at_m=200_000.0))
    for day in range(3):
        journal.add_run(Run(started_at=MORNING + timedelta(days=day), distance_m=30_000.0, shoe="clifton"))
    [shoe] = journal.shoes()
    assert shoe.distance_m == pytest.approx(190_000.0)
    assert shoe.run_count == 3
    assert shoe.near_retirement


def test_duplicate_shoe_names_are_refused(journal):
    journal.save_shoe(Shoe(name="Clifton"))
    with pytest.raises(InvalidEntry, match="already shoes called"):
        journal.save_shoe(Shoe(name="clifton "))


def test_add_entries_is_all_or_nothing(journal):
    good = Run(started_at=MORNING, distance_m=5000.0)
    bad = Run(started_at=MORNING, distance_m=-1.0)
    with pytest.raises(InvalidEntry, match="Run 2"):
        journal.add_entries(runs=[good, bad], checkins=[a_checkin()])
    assert journal.counts().entries == 0


def test_many_entries_are_saved_as_a_read_gives_them_back(journal_path):
    """add_entries writes by executemany and hands out ids itself: what it returns is what a fresh read gives."""
    with Journal.open(journal_path) as journal:
        journal.save_shoe(Shoe(name="Pegasus 40"))
        kept = journal.add_run(Run(started_at=MORNING - timedelta(days=30), distance_m=3000.0))
        runs = [
            Run(started_at=MORNING - timedelta(days=i, microseconds=123), distance_m=5000 + i, shoe="pegasus 40 ")
            for i in range(1, 2500)
        ]
        runs.append(Run(started_at=MORNING, distance_m=7000, shoe="New pair", id=kept.id + 5000))
        checkins = [a_checkin(recorded_at=MORNING - timedelta(days=i)) for i in range(1, 1200)]
        checkins.append(a_checkin(warning_signs=(WarningSign.FEVER, WarningSign.FEVER)))
        care = [
            CareEntry(day=MORNING.date() - timedelta(days=i), kind=CareKind.HEAT, minutes=i % 60 + 1)
            for i in range(1500)
        ]
        journal.runs(), journal.checkins(), journal.care()  # cached: the new records are inserted into them
        added = journal.add_entries(runs=runs, checkins=checkins, care=care)
        assert [r.shoe for r in added.runs[:2]] == ["Pegasus 40", "Pegasus 40"]  # the stored pair's name
        assert added.runs[-1].id == kept.id + 5000 and added.runs[-1].shoe == "New pair"
        assert added.checkins[-1].warning_signs == (WarningSign.FEVER,)
        assert len({r.id for r in added.runs}) == 2500 and kept.id not in {r.id for r in added.runs}
        cached = (journal.runs(), journal.checkins(), journal.care())
    with Journal.open(journal_path) as journal:
        assert (journal.runs(), journal.checkins(), journal.care()) == cached
        assert sorted(journal.runs(), key=lambda r: r.id)[1:] == sorted(added.runs, key=lambda r: r.id)
        assert sorted(journal.checkins(), key=lambda c: c.id) == sorted(added.checkins, key=lambda c: c.id)
        assert sorted(journal.care(), key=lambda c: c.id) == sorted(added.care, key=lambda c: c.id)


def test_a_database_error_mid_transaction_saves_nothing(journal, monkeypatch):
    from journal.storage import bulk_insert

    real = bulk_insert._insert

    def failing(s, table, rows):
        if table.name == "care":  # the runs are written by then
            raise RuntimeError("disk went away")
        return real(s, table, rows)

    monkeypatch.setattr(bulk_insert, "_insert", failing)
    care = [CareEntry(day=date(2026, 3, 2), kind=CareKind.ICE), CareEntry(day=date(2026, 3, 2), kind=CareKind.HEAT)]
    with pytest.raises(RuntimeError):
        journal.add_entries(runs=[Run(started_at=MORNING, distance_m=5000.0)], care=care)
    assert journal.counts().entries == 0


def test_future_entries_are_refused(journal):
    with pytest.raises(InvalidEntry, match="future"):
        journal.add_run(Run(started_at=datetime.now() + timedelta(days=1), distance_m=5000.0))


def test_delete_and_restore_keeps_the_id(journal):
    saved = journal.add_checkin(a_checkin())
    journal.delete_checkin(saved.id)
    assert journal.checkins() == []
    journal.restore_deleted(saved)
    assert journal.checkins() == [saved]


def test_checkin_with_care_is_one_transaction(journal):
    checkin, care = journal.save_checkin_with_care(
        a_checkin(), [CareEntry(day=MORNING.date(), kind=CareKind.PAINKILLER, detail="ibuprofen 400 mg")]
    )
    assert journal.checkin(checkin.id) == checkin
    assert journal.care() == care
    with pytest.raises(InvalidEntry):
        journal.save_checkin_with_care(a_checkin(), [CareEntry(day=MORNING.date(), kind=CareKind.ICE, minutes=0)])
    assert len(journal.checkins()) == 1


def test_period_reads_include_both_end_days(journal):
    for day in (1, 2, 3):
        journal.add_run(Run(started_at=datetime(2026, 3, day, 23, 59), distance_m=1000.0 * day))
    assert [r.distance_m for r in journal.runs(date(2026, 3, 2), date(2026, 3, 3))] == [2000.0, 3000.0]


def test_settings_round_trip(journal):
    settings = Settings(
        units=DistanceUnit.MI, week_start=WeekStart.SUNDAY, name="Ana Ruiz", date_of_birth=date(1990, 5, 1)
    )
    journal.save_settings(settings)
    assert journal.settings() == settings


def test_reopening_keeps_everything(journal_path):
    with Journal.open(journal_path) as j:
        j.add_run(Run(started_at=MORNING, distance_m=5000.0))
        j.add_checkin(a_checkin())
    with Journal.open(journal_path) as j:
        assert j.counts().runs == 1 and j.counts().checkins == 1


def test_fast_reads_match_the_orm_conversion(journal):
    """History and the analysis read through plain sqlite3 (reads.py); they must give the ORM's records."""
    from sqlalchemy import select

    from journal.demo import demo_data
    from journal.storage import convert
    from journal.storage.models import CheckInRow, RunRow

    data = demo_data(date(2026, 6, 30))
    journal.add_entries(runs=data.runs, checkins=data.checkins, care=data.care, shoes=data.shoes)

    def orm_reads(s):
        runs = [convert.run_from_row(r) for r in s.scalars(select(RunRow).order_by(RunRow.started_at, RunRow.id))]
        checkins = [
            convert.checkin_from_row(r)
            for r in s.scalars(select(CheckInRow).order_by(CheckInRow.recorded_at, CheckInRow.id))
        ]
        return runs, checkins

    orm_runs, orm_checkins = journal.transaction(Lists.NONE, orm_reads)
    assert journal.runs() == orm_runs
    assert journal.checkins() == orm_checkins
    assert len(orm_checkins) > 50


def test_update_care_changes_one_entry_and_returns_it_before_and_after(journal) -> None:
    heat = journal.add_care(CareEntry(date(2026, 3, 2), CareKind.HEAT, minutes=20))
    other = journal.add_care(CareEntry(date(2026, 3, 2), CareKind.ICE, minutes=10))
    before, after = journal.update_care(replace(heat, kind=CareKind.STRETCHING, minutes=15, detail="hamstrings"))
    assert before == heat
    assert after == CareEntry(date(2026, 3, 2), CareKind.STRETCHING, "hamstrings", 15, heat.id)
    assert set(journal.care()) == {after, other}
    with pytest.raises(InvalidEntry) as refused:
        journal.update_care(replace(after, minutes=0))  # minutes are 1-1440 or none
    assert "minutes" in refused.value.problems
    with pytest.raises(KeyError):
        journal.update_care(replace(after, id=9999))
    assert set(journal.care()) == {after, other}  # nothing changed by the refused writes
