"""Small things a person notices: the app's name once in the title, buttons that show their whole text."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QPushButton, QStyle, QStyleOptionToolButton

from journal import APP_NAME
from journal.ui.application import make_application
from journal.ui.forms.checkin_rows import CharacterButton
from journal.ui.main_window import window_title
from tests.ui_helpers import make_window


def test_the_window_title_names_the_app_once(qtbot, journal_path) -> None:
    make_application()  # the display name the window has when started
    window = make_window(qtbot, journal_path)
    title = window.windowTitle()
    assert title == window_title(journal_path.name) == f"journal.sqlite3 — {APP_NAME}"
    # Qt adds the display name to a title that does not end with it (X11, Wayland, Windows): this one does.
    assert title.endswith(QApplication.applicationDisplayName()) and title.count(APP_NAME) == 1


def _arrow(button: CharacterButton) -> int:
    option = QStyleOptionToolButton()
    button.initStyleOption(option)
    return button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)


def test_character_and_save_chart_buttons_show_their_whole_text_at_any_font(qtbot, tmp_path) -> None:
    from journal.storage.journal import Journal
    from journal.ui.flags.state import FlagState
    from journal.ui.operations import JournalOperations
    from journal.ui.race.page import RacePage
    from journal.ui.trends.page import TrendsPage

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font()
    journal = Journal.open(tmp_path / "j.sqlite3")
    ops = JournalOperations(journal)
    try:
        for size in (before.pointSizeF(), 16.0, 22.0):
            font = QFont(before)
            font.setPointSizeF(size)
            app.setFont(font)
            character = CharacterButton()
            trends, race = TrendsPage(ops), RacePage(ops, FlagState(ops))
            for widget in (character, trends, race):
                qtbot.addWidget(widget)
                widget.show()
            qtbot.waitExposed(race)
            text = character.fontMetrics().horizontalAdvance(character.text())
            # the text is centred; the menu arrow is drawn in the right-hand corner, clear of it
            assert (character.width() - text) / 2 >= _arrow(character), size
            for button in (trends.save_button, race.save_button):
                assert isinstance(button, QPushButton)
                needed = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
                margin = 2 * button.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin)
                arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator) if button.menu() else 0
                assert button.width() >= needed + margin + arrow, (size, button.text())
            for widget in (character, trends, race):
                widget.close()
    finally:
        app.setFont(before)
        ops.wait_for_background()
        journal.close()


def test_a_pair_of_shoes_reads_90_percent_used_only_with_its_warning() -> None:
    from journal.domain.entries import Shoe
    from journal.ui.pages.shoes_page import shoe_status, used_text

    almost = Shoe(name="Pegasus 40", retire_at_m=700_000.0, distance_m=627_200.0)  # 89.6 %
    worn = Shoe(name="Pegasus 40", retire_at_m=700_000.0, distance_m=630_000.0)  # 90 %
    assert (used_text(almost), shoe_status(almost)) == ("89 %", "In use")
    assert (used_text(worn), shoe_status(worn)) == ("90 %", "Near retire-at")
