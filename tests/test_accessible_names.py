"""Screen readers (issue 12, item 6): every control of every page and dialog has a name that says what it is
for, unique within its window. The rule, and why a combo box needs a label as well as a name, is in
tests/a11y_helpers.py; the app's side is journal/ui/accessible.py."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox

from journal.domain.vocabulary import Region
from tests.a11y_helpers import label_relations, name_problems, reported_name
from tests.window_tour import DIALOGS, MODAL_DIALOGS, PAGES, demo_window, show_page


def test_every_page_of_the_window_names_every_control_once(qtbot, tmp_path):
    window = demo_window(qtbot, tmp_path)
    problems = {}
    for title in PAGES:
        show_page(qtbot, window, title)
        problems[title] = name_problems(window)
    assert problems == {key: [] for key in PAGES}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_names_every_control_once(qtbot, tmp_path, name):
    window = demo_window(qtbot, tmp_path)
    dialog = DIALOGS[name](window)
    qtbot.addWidget(dialog)
    assert name_problems(dialog.window()) == []


@pytest.mark.parametrize("name", list(MODAL_DIALOGS))
def test_every_modal_dialog_names_every_control_once(qtbot, tmp_path, name):
    window = demo_window(qtbot, tmp_path)
    found: list[list[str]] = []
    MODAL_DIALOGS[name](qtbot, window, lambda dialog: found.append(name_problems(dialog)))
    assert found == [[]]


def test_the_checkin_rows_say_their_region(qtbot, tmp_path):
    """The five "When?" boxes of the issue: each now says its region, to Linux's screen readers too."""
    window = demo_window(qtbot, tmp_path)
    dialog = DIALOGS["check-in"](window)
    qtbot.addWidget(dialog)
    row = dialog.rows[Region.LOWER_BACK]
    assert row.timing.accessibleName() == "Lower back: when felt"
    assert "Lower back: when felt" in label_relations(row.timing)  # with the group box's title
    assert "Lower back: spreads" in label_relations(row.radiates)
    assert reported_name(row.character) == "Lower back: character"
    assert reported_name(row.score) == "Lower back: pain score, 0 to 10"


def test_the_rule_refuses_an_unnamed_or_doubled_control(qtbot, tmp_path):
    """The test above can fail: a combo box named only by its choice, and two controls with one name, are caught."""
    window = demo_window(qtbot, tmp_path)
    dialog = DIALOGS["check-in"](window)
    qtbot.addWidget(dialog)
    extra = QComboBox(dialog.rows[Region.LOWER_BACK].timing.parentWidget())
    extra.addItem("When?")
    extra.show()
    dialog.rows[Region.UPPER_BACK].score.setAccessibleName("Lower back: pain score, 0 to 10")
    problems = name_problems(dialog)
    assert any("no name: QComboBox" in p and "'When?'" in p for p in problems)
    assert "2 controls are named 'Lower back: pain score, 0 to 10'" in problems
