"""Any Unicode, quotes and 10,000-character notes come back exactly: from storage, the JSON backup, and the form."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.app import main
from journal.domain.entries import CareEntry, CheckIn, JournalData, RegionScore, Run, Shoe
from journal.domain.settings import Settings
from journal.domain.validation import MAX_NAME, MAX_NOTES
from journal.domain.vocabulary import CareKind, Region, WarningSign
from journal.interchange.json_format import dumps, parse_json
from journal.storage.journal import InvalidEntry, Journal

ROUND = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

characters = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
"""Every code point a text field can hold: all but lone surrogates (not text) and NUL (refused)."""
SPICE = "\"'`\\ «»„“” — 😀👩🏽‍⚕️ עברית العربية 中文 e\u0301 \u200b\u200d \t\n\r\n \u2028 ﻿ <b>&amp;</b> %s {0} ${x} '; DROP TABLE runs; --"


def up_to(limit: int) -> st.SearchStrategy[str]:
    """Short texts of any characters, and texts repeated out to exactly ``limit`` characters."""
    short = st.text(characters, max_size=40)
    full = st.text(characters, min_size=1, max_size=40).map(lambda s: (s * (limit // len(s) + 1))[:limit])
    return st.one_of(short, full, st.just((SPICE * (limit // len(SPICE) + 1))[:limit]))


names = st.text(characters, min_size=1, max_size=MAX_NAME).map(str.strip).filter(bool)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    journal = Journal.open(tmp_path_factory.mktemp("unicode") / "journal.sqlite3")
    yield journal
    journal.close()


@ROUND
@given(notes=up_to(MAX_NOTES), detail=up_to(500), name=names)
def test_storage_returns_text_exactly(store: Journal, notes: str, detail: str, name: str) -> None:
    added = store.add_entries(
        runs=[Run(started_at=datetime(2024, 1, 5, 7), distance_m=5000.0, notes=notes)],
        checkins=[
            CheckIn(recorded_at=datetime(2024, 1, 5, 9), scores=(RegionScore(Region.LOWER_BACK, 2),), notes=notes)
        ],
        care=[CareEntry(day=date(2024, 1, 5), kind=CareKind.PAINKILLER, detail=detail)],
    )
    assert store.run(added.runs[0].id).notes == notes
    assert store.checkin(added.checkins[0].id).notes == notes
    assert next(c for c in store.care() if c.id == added.care[0].id).detail == detail
    store.save_settings(Settings(name=notes[:200]))
    assert store.settings().name == notes[:200]


@ROUND
@given(name=names)
def test_shoe_names_come_back_exactly(store: Journal, name: str) -> None:
    """A run names its shoes; the pair is found again under the same name.

    Names that differ only in case are one pair (the first spelling stays), as a person
    typing "pegasus" for their "Pegasus" would expect.
    """
    from journal.storage.writes import shoe_key

    earlier = next((s.name for s in store.shoes() if shoe_key(s.name) == shoe_key(name)), name)
    run = store.add_run(Run(started_at=datetime(2024, 1, 6, 7), distance_m=4000.0, shoe=name))
    assert store.run(run.id).shoe == earlier
    assert any(s.name == earlier for s in store.shoes())


@ROUND
@given(notes=up_to(MAX_NOTES), detail=up_to(500), name=names)
def test_json_backup_returns_text_exactly(notes: str, detail: str, name: str) -> None:
    data = JournalData(
        runs=(Run(started_at=datetime(2024, 1, 5, 7), distance_m=5000.0, shoe=name, notes=notes),),
        checkins=(
            CheckIn(recorded_at=datetime(2024, 1, 5, 9), scores=(RegionScore(Region.LOWER_BACK, 2),), notes=notes),
            CheckIn(recorded_at=datetime(2024, 1, 6, 9), warning_signs=(WarningSign.FEVER,), notes=notes),
        ),
        care=(CareEntry(day=date(2024, 1, 5), kind=CareKind.PAINKILLER, detail=detail),),
        shoes=(Shoe(name=name),),
    )
    back = parse_json(dumps(data))
    assert back.runs[0].notes == notes and back.runs[0].shoe == name
    assert [c.notes for c in back.checkins] == [notes, notes]
    assert back.care[0].detail == detail and back.shoes[0].name == name


def test_export_and_import_commands_round_trip_the_spicy_text(tmp_path: Path) -> None:
    notes = (SPICE * 200)[:MAX_NOTES]
    source, copy, out = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3", tmp_path / "backup.json"
    with Journal.open(source) as j:
        j.add_entries(
            runs=[Run(started_at=datetime(2024, 2, 1, 6, 30), distance_m=10_000.0, shoe="Pégasus “40”", notes=notes)],
            checkins=[
                CheckIn(recorded_at=datetime(2024, 2, 1, 9), scores=(RegionScore(Region.GLUTE_HIP, 3),), notes=notes)
            ],
        )
        expected = j.data()
    assert main(["export", "--format", "json", "--out", str(out), "--db", str(source)]) == 0
    assert main(["import", str(out), "--db", str(copy)]) == 0
    with Journal.open(copy) as j:
        got = j.data()
    assert [r.notes for r in got.runs] == [r.notes for r in expected.runs] == [notes]
    assert [c.notes for c in got.checkins] == [notes]
    assert got.runs[0].shoe == "Pégasus “40”"


def test_the_run_form_saves_long_unicode_notes_exactly(qtbot, journal_path: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from journal.ui.forms.run_dialog import RunDialog
    from journal.ui.operations import JournalOperations

    notes = (SPICE.replace("\r\n", "\n").replace("\u2028", " ") * 200)[:MAX_NOTES]
    journal = Journal.open(journal_path)
    ops = JournalOperations(journal)
    dialog = RunDialog(ops)
    qtbot.addWidget(dialog)
    dialog.distance.setText("5")
    dialog.notes.setPlainText(notes)
    assert dialog.run_from_form().notes == notes
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.notes.setPlainText(notes + "x")
    assert not save.isEnabled(), "10,001 characters are refused at the field"
    dialog.notes.setPlainText(notes)
    assert save.isEnabled()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert [r.notes for r in journal.runs()] == [notes]
    journal.close()


def test_a_lone_surrogate_is_refused_with_a_message(store: Journal) -> None:
    with pytest.raises(InvalidEntry):
        store.add_run(Run(started_at=datetime(2024, 1, 7, 7), distance_m=5000.0, notes="half \ud83d of an emoji"))
