"""No Alt+letter clashes (issue 12, item 5): in the main window (menus, tabs and the page shown, together) and in
every dialog, each letter goes to one place. The collector and its rules are in tests/a11y_helpers.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from tests.a11y_helpers import literal_ampersands, menu_clashes, mnemonic, mnemonic_clashes, visible_mnemonics
from tests.keyboard_helpers import activate, press
from tests.window_tour import DIALOGS, MODAL_DIALOGS, PAGES, demo_window, show_page

ALT = Qt.KeyboardModifier.AltModifier


def test_no_letter_is_used_twice_on_any_page_with_the_menus_and_tabs(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path)
    clashes, literal = {}, {}
    for title in PAGES:
        show_page(qtbot, window, title)
        clashes[title] = mnemonic_clashes(window)
        literal[title] = literal_ampersands(window)
        assert len(visible_mnemonics(window)) >= 12  # the 4 menus and 8 tabs, at least: the collector sees them
    assert clashes == {key: [] for key in PAGES}
    assert literal == {key: [] for key in PAGES}  # no label shows a bare "&" (Settings' date of birth did)
    assert menu_clashes(window.menuBar()) == []


@pytest.mark.parametrize("name", list(DIALOGS))
def test_no_letter_is_used_twice_in_any_dialog(qtbot, tmp_path, name):
    window = demo_window(qtbot, tmp_path)
    dialog = DIALOGS[name](window)
    qtbot.addWidget(dialog)
    assert mnemonic_clashes(dialog.window()) == []
    assert literal_ampersands(dialog.window()) == []


@pytest.mark.parametrize("name", list(MODAL_DIALOGS))
def test_no_letter_is_used_twice_in_any_modal_dialog(qtbot, tmp_path, name):
    window = demo_window(qtbot, tmp_path)
    found: list[list[str]] = []
    MODAL_DIALOGS[name](qtbot, window, lambda dialog: found.append(mnemonic_clashes(dialog)))
    assert found == [[]]


def test_the_collector_finds_the_clashes_the_issue_reported(qtbot, tmp_path):
    """Alt+H was both the History tab and the Help menu; T&rends clashed with &Range: put back, they are found."""
    window = demo_window(qtbot, tmp_path)
    window.tabs.setTabText(0, "&History")
    assert any(c.startswith("Alt+H:") and "'Help'" in c and "'History'" in c for c in mnemonic_clashes(window))
    page = show_page(qtbot, window, "Trends")
    window.tabs.setTabText(window.tabs.currentIndex(), "T&rends")
    [range_label] = [label for label in page.findChildren(QLabel) if label.buddy() is page.range_box]
    range_label.setText("&Range:")
    assert any(c.startswith("Alt+R:") for c in mnemonic_clashes(window))


def test_a_standard_button_counts_with_the_letter_desktops_give_it(qtbot, tmp_path):
    """On GNOME and KDE, Save is "&Save": a field labelled Di&stance next to it would clash there."""
    window = demo_window(qtbot, tmp_path)
    dialog = DIALOGS["run"](window)
    qtbot.addWidget(dialog)
    letters = dict(visible_mnemonics(dialog))
    assert letters.get("s", "").startswith("QPushButton 'Save'")
    assert mnemonic("Di&stance") == "s" and mnemonic("A&&E") is None


def test_alt_letters_go_where_they_say(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path)
    activate(qtbot, window)
    press(Qt.Key.Key_T, ALT)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "&Trends"
    press(Qt.Key.Key_G, ALT)
    qtbot.wait(50)  # the page is built and shown
    settings = window.lazy["Settings"].page
    assert window.tabs.currentWidget() is window.lazy["Settings"]
    settings.has_dob.setChecked(True)  # the date of birth is there to be typed
    press(Qt.Key.Key_B, ALT)
    assert QApplication.focusWidget() is settings.dob
    press(Qt.Key.Key_S, ALT)
    assert window.tabs.currentWidget() is window.history_area
