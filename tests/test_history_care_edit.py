"""Editing a care entry from History (and the Calendar): the care form, the saved change, undo and redo."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from journal.domain.entries import CareEntry, CheckIn, RegionScore
from journal.domain.vocabulary import CareKind, Region
from journal.storage.journal import Journal
from journal.ui.forms.care_dialog import CareDialog
from tests.keyboard_helpers import activate
from tests.ui_helpers import make_window, when_modal

DAY = date(2026, 3, 2)


def seed(path) -> None:
    with Journal.open(path) as j:
        j.add_entries(
            checkins=[CheckIn(recorded_at=datetime(2026, 3, 2, 21), scores=(RegionScore(Region.LOWER_BACK, 4),))],
            care=[
                CareEntry(DAY, CareKind.HEAT, minutes=20),
                CareEntry(DAY, CareKind.PAINKILLER, "ibuprofen 400 mg"),
                CareEntry(date(2026, 3, 5), CareKind.STRETCHING, minutes=10),
            ],
        )


def stored_care(path) -> set[tuple[date, CareKind, int | None, str]]:
    with Journal.open(path) as j:
        return {(c.day, c.kind, c.minutes, c.detail) for c in j.care()}


def row_of(history, text: str) -> int:
    return next(i for i in range(history.model.rowCount()) if history.model.index(i, 3).data() == text)


def double_click_row(qtbot, table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 3))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_edit_a_care_entry_from_history_then_undo_and_redo(qtbot, journal_path) -> None:
    seed(journal_path)
    window = make_window(qtbot, journal_path)
    history = window.history
    history.grouped.setChecked(False)  # one row per entry
    seen: dict[str, object] = {}

    def change(dialog: CareDialog) -> None:
        seen["filled"] = (
            dialog.windowTitle(),
            dialog.kind.currentText(),
            dialog.day.date().toString("yyyy-MM-dd"),
            dialog.minutes.text(),
            dialog.detail.text(),
        )
        dialog.kind.setCurrentIndex(dialog.kind.findData(CareKind.ICE))
        dialog.minutes.selectAll()
        qtbot.keyClicks(dialog.minutes, "15")
        qtbot.keyClicks(dialog.detail, "after the long run")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    when_modal(change, CareDialog)
    double_click_row(qtbot, history.table, row_of(history, "Heat 20 min"))
    assert seen["filled"] == ("Edit care entry", "Heat", "2026-03-02", "20 min", "")
    after = stored_care(journal_path)
    assert (DAY, CareKind.ICE, 15, "after the long run") in after
    assert (DAY, CareKind.HEAT, 20, "") not in after and len(after) == 3
    assert window.statusBar().currentMessage() == "Changes saved."
    assert row_of(history, "Ice 15 min: after the long run") >= 0  # History shows the change at once

    assert window.undo_action.text() == "&Undo Edit care entry"
    window.undo_action.trigger()
    undone = stored_care(journal_path)
    assert (DAY, CareKind.HEAT, 20, "") in undone and (DAY, CareKind.ICE, 15, "after the long run") not in undone
    assert row_of(history, "Heat 20 min") >= 0
    window.redo_action.trigger()
    assert (DAY, CareKind.ICE, 15, "after the long run") in stored_care(journal_path)


def test_a_grouped_check_in_row_offers_its_care_to_edit(qtbot, journal_path) -> None:
    seed(journal_path)
    window = make_window(qtbot, journal_path)
    history = window.history
    history.table.selectRow(row_of(history, "Lower back 4/10 · Care: Heat 20 min, ibuprofen 400 mg"))
    qtbot.mouseClick(history.edit_button, Qt.MouseButton.LeftButton)  # a menu of the row's entries
    assert history.edit_menu.isVisible()
    actions = {a.text(): a for a in history.edit_menu.actions()}
    assert list(actions) == [
        "Check-in: Lower back 4/10…",
        "Care: Heat 20 min…",
        "Care: Painkiller (over the counter): ibuprofen 400 mg…",
    ]

    def new_dose(dialog: CareDialog) -> None:
        activate(qtbot, dialog)  # the keyboard is in the form, as when a person opens it
        dialog.detail.clear()
        qtbot.keyClicks(dialog.detail, "ibuprofen 200 mg")
        qtbot.keyClick(dialog.detail, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves

    when_modal(new_dose, CareDialog)
    actions["Care: Painkiller (over the counter): ibuprofen 400 mg…"].trigger()
    assert (DAY, CareKind.PAINKILLER, None, "ibuprofen 200 mg") in stored_care(journal_path)
    assert row_of(history, "Lower back 4/10 · Care: Heat 20 min, ibuprofen 200 mg") >= 0


def test_the_care_form_refuses_a_future_day_and_saves_nothing(qtbot, journal_path) -> None:
    seed(journal_path)
    window = make_window(qtbot, journal_path)
    before = stored_care(journal_path)
    with Journal.open(journal_path) as j:
        entry = next(c for c in j.care() if c.kind is CareKind.STRETCHING)
    dialog = CareDialog(window.ops, entry, window)
    qtbot.addWidget(dialog)
    tomorrow = date.today() + timedelta(days=1)
    dialog.day.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog) and label.text()]
    assert "The date cannot be in the future" in shown
    qtbot.keyClick(dialog.detail, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # refused: not saved
    assert dialog.result() == 0
    assert stored_care(journal_path) == before
    dialog.minutes.setValue(0)  # "none": not timed
    assert dialog.minutes.text() == "none"
    dialog.day.setDate(QDate(2026, 3, 6))
    assert save.isEnabled()
    save.click()
    assert (date(2026, 3, 6), CareKind.STRETCHING, None, "") in stored_care(journal_path)


def test_a_care_entry_is_edited_from_the_calendar(qtbot, journal_path) -> None:
    seed(journal_path)
    window = make_window(qtbot, journal_path)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_tab("Calendar")
    page.view.select(date(2026, 3, 5))  # a day of care alone: its one entry is chosen
    assert page.entries.item(0).text() == "Care: Stretching 10 min" and page.edit_button.isEnabled()

    def longer(dialog: CareDialog) -> None:
        dialog.minutes.setValue(25)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_modal(longer, CareDialog)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert (date(2026, 3, 5), CareKind.STRETCHING, 25, "") in stored_care(journal_path)
    assert page.entries.item(0).text() == "Care: Stretching 25 min"
