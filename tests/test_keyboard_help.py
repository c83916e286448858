"""Help (issue 12, item 5): Keyboard shortcuts lists every key, read from the actions themselves, and F1 opens a
guide that is part of the app at the page or form in front of you, with the advice behind the journal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from journal.analysis.flags import DISCLAIMER, Severity
from journal.analysis.flags.signs import SIGNS
from journal.ui.help.guide import GuideDialog, anchors, guide_html
from journal.ui.help.shortcuts import ShortcutsDialog
from tests.keyboard_helpers import activate, press
from tests.window_tour import DIALOGS, PAGES, demo_window, show_page

NATIVE = QKeySequence.SequenceFormat.NativeText


def keys_in(widget: QWidget) -> set[str]:
    """Every key sequence that does something in ``widget``: its actions, shortcuts and buttons' shortcuts."""
    found: set[str] = set()
    for action in [*widget.actions(), *widget.findChildren(QAction)]:
        found |= {s.toString(NATIVE) for s in action.shortcuts() if not s.isEmpty()}
    for shortcut in widget.findChildren(QShortcut):
        found.add(shortcut.key().toString(NATIVE))
    for button in widget.findChildren(QAbstractButton):
        key = button.shortcut()
        if not key.isEmpty() and key != QKeySequence.mnemonic(button.text()):  # Alt+letters are listed as such
            found.add(key.toString(NATIVE))
    return found - {""}


def test_every_key_of_the_window_and_its_dialogs_is_listed(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path)
    for title in PAGES:
        show_page(qtbot, window, title)
    listed = ShortcutsDialog(window).listed()
    qtbot.addWidget(window.show_shortcuts())
    missing = {"window": keys_in(window) - listed}
    for name, open_dialog in DIALOGS.items():
        dialog = open_dialog(window)
        qtbot.addWidget(dialog)
        missing[name] = keys_in(dialog) - listed
    assert {k: v for k, v in missing.items() if v} == {}
    for expected in ("Ctrl+N", "Ctrl+K", "Ctrl+Z", "Ctrl+Return", "Ctrl+Enter", "Ctrl+L", "Ctrl+0", "F1", "Esc"):
        assert expected in listed


def test_the_list_follows_the_actions(qtbot, tmp_path):
    """A new shortcut on the window's actions shows in the list without touching the list's code."""
    window = demo_window(qtbot, tmp_path)
    assert "Ctrl+Shift+E" not in ShortcutsDialog(window).listed()
    window.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    assert "Ctrl+Shift+E" in dialog.listed()
    assert any(r.keys == "Ctrl+Shift+E" and r.what == "Export backup (JSON)" for r in dialog.rows)
    undo = next(r for r in dialog.rows if r.keys == QKeySequence(QKeySequence.StandardKey.Undo).toString(NATIVE))
    assert undo.what == "Undo the last change"  # not "Undo" plus whatever was last done


def test_the_help_menu_has_the_guide_the_shortcuts_and_about(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert [a.text() for a in help_menu.actions() if not a.isSeparator()] == [
        "&Guide",
        "&Keyboard shortcuts",
        "&About",
    ]
    assert window.guide_action.shortcut().toString(NATIVE) == "F1"


def guide_opened() -> GuideDialog:
    [guide] = [w for w in QApplication.topLevelWidgets() if isinstance(w, GuideDialog) and w.isVisible()]
    return guide


def test_f1_opens_the_guide_at_the_page_shown(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path)
    activate(qtbot, window)
    press(Qt.Key.Key_F1)
    at_history = guide_opened()
    qtbot.addWidget(at_history)
    history_top = at_history.browser.verticalScrollBar().value()
    at_history.close()
    show_page(qtbot, window, "Settings")
    activate(qtbot, window)
    press(Qt.Key.Key_F1)
    at_settings = guide_opened()
    qtbot.addWidget(at_settings)
    assert at_settings.browser.verticalScrollBar().value() > history_top
    assert at_settings.windowTitle() == "Run Journal guide"


def test_f1_in_a_form_opens_the_guide_beside_it(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path)
    dialog = DIALOGS["run"](window)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    press(Qt.Key.Key_F1)
    guide = guide_opened()
    qtbot.addWidget(guide)
    assert guide.parentWidget() is dialog and not guide.isModal()
    assert guide.browser.verticalScrollBar().value() > 0  # at "Log run", down the guide
    assert dialog.isVisible()  # the form stays open, with what was typed


def test_the_guide_says_the_advice_behind_the_journal_in_the_guidances_words():
    html = guide_html()
    for text in (
        "Soreness after a run usually settles with rest",
        "Weekly distance should rise gradually and fall before a race",
        "Pain that lingers should be looked at by a professional",
        "Call an emergency number or go to A&amp;E now",
        "Get medical help today",
        "see a doctor",
        DISCLAIMER,
        "Nielsen",
        "Frandsen",
        "Bosquet",
    ):
        assert text in html, text
    for sign in SIGNS:  # every warning sign, under the step the flags use for it
        assert sign.label.replace("&", "&amp;") in html, sign
    emergency = html.index("Call an emergency number or go to A&amp;E now")
    urgent = html.index("Get medical help today</b>")
    for sign, info in SIGNS.items():
        at = html.index(f"<li>{sign.label}")
        assert (emergency < at < urgent) == (info.severity is Severity.EMERGENCY), sign
    assert "http" not in html  # part of the app: nothing to fetch


@pytest.mark.parametrize("topic", sorted(anchors()))
def test_every_section_the_app_opens_is_in_the_guide(topic):
    assert f"<a name='{topic}'></a>" in guide_html()


def test_f1_on_every_form_opens_the_guide_at_that_form(qtbot, tmp_path):
    """Each form's F1 names a section the guide has (the care form's once fell back to the guide's start)."""
    from journal.ui.forms.form_dialog import FormDialog

    window = demo_window(qtbot, tmp_path)
    topics = {}
    for name, open_dialog in DIALOGS.items():
        dialog = open_dialog(window)
        if isinstance(dialog, FormDialog):
            topics[name] = dialog.guide_topic
        dialog.hide()  # not close(): a changed form would ask before discarding
    assert {"run", "check-in", "race", "shoes", "care entry, edited", "flag thresholds"} <= set(topics)
    assert {name: topic for name, topic in topics.items() if topic.lower() not in anchors()} == {}
