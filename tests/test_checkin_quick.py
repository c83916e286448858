"""The quick check-in: "Same as last time" (Ctrl+L) and "Pain-free day" (Ctrl+0), checked in the journal file."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from journal.domain.entries import CareEntry, CheckIn, RegionScore
from journal.domain.vocabulary import CareKind, Character, Radiates, Region, Timing, WarningSign
from journal.storage.journal import Journal
from journal.ui.forms.checkin_dialog import CheckInDialog
from journal.ui.operations import JournalOperations

OLDER = CheckIn(
    recorded_at=datetime(2026, 3, 1, 8),
    scores=(RegionScore(Region.LOWER_BACK, 2),),
    notes="older note",
    interference=1,
)
PREVIOUS = CheckIn(
    recorded_at=datetime(2026, 3, 2, 8),
    scores=(
        RegionScore(Region.LOWER_BACK, 5, Timing.NEXT_MORNING, (Character.ACHE, Character.SHARP), Radiates.THIGH),
        RegionScore(Region.HAMSTRING_LEFT, 3, Timing.AFTER_RUN, (Character.STIFFNESS,), Radiates.NONE),
        RegionScore(Region.UPPER_BACK, 0),
    ),
    warning_signs=(WarningSign.LEG_WEAKNESS,),
    notes="private: saw the physio",
    interference=4,
)
LATER = CheckIn(recorded_at=datetime(2026, 3, 4, 8), scores=(RegionScore(Region.GLUTE_HIP, 8),))
CARE = [
    CareEntry(date(2026, 3, 2), CareKind.HEAT, minutes=20),
    CareEntry(date(2026, 3, 2), CareKind.PAINKILLER, "ibuprofen 400 mg"),
    CareEntry(date(2026, 3, 2), CareKind.CORE_STRENGTH, minutes=15),
    CareEntry(date(2026, 3, 1), CareKind.ICE),
]


@pytest.fixture
def ops(journal_path):
    with Journal.open(journal_path) as j:
        j.add_entries(checkins=[OLDER, PREVIOUS, LATER], care=CARE)
    ops = JournalOperations(Journal.open(journal_path))
    yield ops
    ops.read.close()


def open_dialog(qtbot, ops, when: datetime) -> CheckInDialog:
    dialog = CheckInDialog(ops, when=when)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # shortcuts reach the active window only
    return dialog


def test_same_as_last_time_copies_the_check_in_just_before_with_its_care(qtbot, ops, journal_path) -> None:
    dialog = open_dialog(qtbot, ops, datetime(2026, 3, 3, 7, 30))
    dialog.signs[WarningSign.FEVER].setChecked(True)  # ticked fresh: stays as the person left it
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.quick_note.text() != "")  # a button's shortcut clicks it after a short flash
    rows = dialog.rows
    assert [rows[r].score.text() for r in Region] == ["5", "0", "3", "0", "0"]
    assert rows[Region.LOWER_BACK].value() == PREVIOUS.scores[0]
    assert rows[Region.HAMSTRING_LEFT].value() == PREVIOUS.scores[1]
    assert dialog.interference.value() == 4
    assert dialog.body_map.score(Region.LOWER_BACK) == 5
    # not the warning signs, not the notes
    assert not dialog.signs[WarningSign.LEG_WEAKNESS].isChecked() and dialog.signs[WarningSign.FEVER].isChecked()
    assert dialog.notes.toPlainText() == ""
    ticked = {kind for kind, box in dialog.care.items() if box.isChecked()}
    assert ticked == {CareKind.HEAT, CareKind.PAINKILLER, CareKind.CORE_STRENGTH}
    assert dialog.painkiller_detail.text() == "ibuprofen 400 mg" and dialog.core_minutes.value() == 15
    assert "Mon 02 Mar 08:00" in dialog.quick_note.text()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    with Journal.open(journal_path) as j:
        saved = [c for c in j.checkins() if c.recorded_at == datetime(2026, 3, 3, 7, 30)]
        lower, upper, left = PREVIOUS.scores[0], PREVIOUS.scores[2], PREVIOUS.scores[1]
        zero = (RegionScore(Region.HAMSTRING_RIGHT, 0), RegionScore(Region.GLUTE_HIP, 0))
        assert saved[0].scores == (lower, upper, left, *zero)  # in Region order
        assert saved[0].notes == "" and saved[0].warning_signs == (WarningSign.FEVER,)
        care = {(e.kind, e.detail, e.minutes) for e in j.care(date(2026, 3, 3), date(2026, 3, 3))}
        assert care == {
            (CareKind.HEAT, "", None),
            (CareKind.PAINKILLER, "ibuprofen 400 mg", None),
            (CareKind.CORE_STRENGTH, "", 15),
        }


def test_editing_a_check_in_copies_the_one_before_it_not_itself(qtbot, ops) -> None:
    later = ops.read.checkins()[-1]
    dialog = CheckInDialog(ops, checkin=later)
    qtbot.addWidget(dialog)
    assert dialog.fill_same_as_last_time().recorded_at == PREVIOUS.recorded_at
    first = ops.read.checkins()[0]
    dialog = CheckInDialog(ops, checkin=first)
    qtbot.addWidget(dialog)
    assert not dialog.same_button.isEnabled()
    assert dialog.fill_same_as_last_time() is None and "no earlier check-in" in dialog.quick_note.text()


def test_pain_free_day_is_one_key(qtbot, ops, journal_path) -> None:
    dialog = open_dialog(qtbot, ops, datetime(2026, 3, 3, 7, 30))
    dialog.rows[Region.GLUTE_HIP].score.setText("6")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.quick_note.text() != "")
    assert {dialog.rows[r].score.text() for r in Region} == {"0"}
    assert {dialog.body_map.score(r) for r in Region} == {0}
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    with Journal.open(journal_path) as j:
        saved = [c for c in j.checkins() if c.day == date(2026, 3, 3)]
        assert saved[0].pain_free and len(saved[0].scores) == len(Region)
