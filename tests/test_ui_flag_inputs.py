"""What issue 10 asks the forms to record, typed into the real forms: how much pain got in the way, a run cut short
by pain, the new warning signs on the ladder, numbness; and an emergency sign says at once what to do."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from journal.analysis.flags import Severity
from journal.analysis.flags.signs import SIGNS
from journal.domain.vocabulary import Character, Region, WarningSign
from journal.storage.journal import Journal
from journal.ui.forms.checkin_dialog import CheckInDialog
from journal.ui.forms.run_dialog import RunDialog
from tests.ui_helpers import make_window


def save(dialog) -> None:
    qtbot_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot_button.click()


def stored(path):
    with Journal.open(path) as j:
        return j.runs(), j.checkins()


def test_a_run_cut_short_by_pain_is_stored_and_raises_take_a_break(qtbot, journal_path):
    window = make_window(qtbot, journal_path)
    dialog = RunDialog(window.ops, parent=window)
    dialog.then_check_in.setChecked(False)
    qtbot.keyClicks(dialog.distance, "3.1")
    dialog.stopped.setFocus()
    qtbot.keyClick(dialog.stopped, Qt.Key.Key_Space)
    save(dialog)
    [run], _ = stored(journal_path)
    assert run.stopped_for_pain is True
    assert window.banner.severity is Severity.WATCH and "take a break" in window.banner.label.text()
    edit = RunDialog(window.ops, run, parent=window)
    assert edit.stopped.isChecked()


def test_interference_is_typed_stored_and_left_out_when_not_answered(qtbot, journal_path):
    window = make_window(qtbot, journal_path)
    dialog = CheckInDialog(window.ops, parent=window)
    assert dialog.interference.text() == "not answered"
    dialog.interference.setFocus()
    dialog.interference.lineEdit().selectAll()
    qtbot.keyClicks(dialog.interference, "7")
    qtbot.keyClicks(dialog.rows[Region.LOWER_BACK].score, "4")
    save(dialog)
    second = CheckInDialog(window.ops, parent=window)
    qtbot.keyClicks(second.rows[Region.LOWER_BACK].score, "2")
    save(second)
    _, checkins = stored(journal_path)
    assert [c.interference for c in checkins] == [7, None]
    again = CheckInDialog(window.ops, checkins[0], parent=window)
    assert again.interference.value() == 7


def test_signs_are_listed_emergency_first_under_their_action(qtbot, journal_path):
    window = make_window(qtbot, journal_path)
    dialog = CheckInDialog(window.ops, parent=window)
    order = list(dialog.signs)
    emergency = [s for s in order if SIGNS[s].severity is Severity.EMERGENCY]
    assert order[: len(emergency)] == emergency and set(order) == set(WarningSign)
    labels = [w.text() for w in dialog.findChildren(type(dialog.care_note))]
    assert any("Call an emergency number or go to A&amp;E now" in t for t in labels)
    names = [box.accessibleName() for box in dialog.signs.values()]
    assert len(set(names)) == len(names) and all(n.startswith("Warning sign: ") for n in names)


def test_saving_an_emergency_sign_says_at_once_what_to_do(qtbot, journal_path):
    window = make_window(qtbot, journal_path)
    dialog = CheckInDialog(window.ops, parent=window)
    qtbot.keyClicks(dialog.rows[Region.LOWER_BACK].score, "6")
    dialog.signs[WarningSign.CHEST_PAIN].setChecked(True)
    save(dialog)
    notice = dialog.emergency_notice
    assert isinstance(notice, QMessageBox) and notice.isVisible()
    assert notice.text().startswith("<b>Call an emergency number now") and "Chest pain" in notice.informativeText()
    assert window.banner.severity is Severity.EMERGENCY
    notice.close()


@pytest.mark.parametrize("character", [Character.NUMBNESS, Character.TINGLING])
def test_numbness_and_tingling_are_characters_of_their_own(qtbot, journal_path, character):
    window = make_window(qtbot, journal_path)
    dialog = CheckInDialog(window.ops, parent=window)
    row = dialog.rows[Region.HAMSTRING_LEFT]
    qtbot.keyClicks(row.score, "3")
    row.character.set_selected((character,))
    save(dialog)
    _, [checkin] = stored(journal_path)
    assert checkin.scores[[s.region for s in checkin.scores].index(Region.HAMSTRING_LEFT)].character == (character,)
    assert window.banner.severity is Severity.SEE_DOCTOR and "numbness or tingling" in window.banner.label.text()


def test_a_risk_factor_ticked_in_settings_is_stored_and_named_by_the_flag(qtbot, journal_path):
    from datetime import datetime, timedelta

    from journal.domain.entries import CheckIn, RegionScore

    window = make_window(qtbot, journal_path)
    today = datetime.now().replace(second=0, microsecond=0)
    for when in (today - timedelta(days=1), today):
        window.ops.save_checkin(CheckIn(when, (RegionScore(Region.LOWER_BACK, 3),)))
    assert window.banner.severity is None
    page = window.show_tab("Settings")
    assert not page.risk_cancer.isChecked()
    page.risk_cancer.click()
    assert window.ops.read.settings().risk_cancer_history is True
    assert window.banner.severity is Severity.SEE_DOCTOR
    assert "Back pain with a history of cancer: see a doctor" in window.banner.label.text()
    page.risk_cancer.click()
    assert window.banner.severity is None
