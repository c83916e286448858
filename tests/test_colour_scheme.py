"""Light and dark in the real window: the Settings choice, following the desktop, and what a person sees.

The window is walked page by page in each scheme and every label's text colour (its
palette's, and each colour written into its rich text) is checked against the background
actually drawn behind it (the most common colour of its pixels in a grab of the window),
at WCAG's 4.5:1 (see ``tests/test_colour_contrast.py`` for the formula).
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QRect, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLabel, QListView, QWidget

from journal.demo import write_demo_journal
from journal.ui.colours import DARK, LIGHT, contrast_ratio, is_dark
from journal.ui.pages.scheme_settings import SchemeSettings
from journal.ui.scheme import SCHEME_KEY, SchemeChoice, colour_scheme
from tests.ui_helpers import make_window

PAGES = ("History", "Calendar", "Trends", "Race", "Flags", "Report", "Shoes", "Settings")
SPAN = re.compile(r"<(span|b|font)[^>]*color:\s*(#[0-9a-fA-F]{6})[^>]*>(.*?)</\1>", re.S)
LEGEND_MARK = re.compile(r"^(\s|&#\d+;|&nbsp;)*$")
"""A chart legend's coloured swatch (a square, a line, a dash: a graphic beside its words, not text)."""


def _text_colours(html: str) -> set[str]:
    """The colours written into rich text, for words (a legend's swatch of colour is not text)."""
    return {colour.lower() for _tag, colour, words in SPAN.findall(html) if not LEGEND_MARK.match(words)}


@pytest.fixture(autouse=True)
def _light_again(qapp):
    """Each test leaves the application as it found it: the desktop's (light, offscreen) scheme."""
    scheme = colour_scheme()
    system = scheme.system_scheme
    yield
    scheme.system_scheme = system
    scheme.apply(SchemeChoice.SYSTEM)
    QApplication.processEvents()
    assert not is_dark(QGuiApplication.palette())


@pytest.fixture
def demo_window(qtbot, tmp_path: Path):
    # The Report page builds its preview on a worker thread. Python's cycle collector, run there, would destroy
    # any Qt garbage of this test on that thread (see conftest): it runs on the GUI thread instead, afterwards.
    gc.collect()
    gc.disable()
    window = make_window(qtbot, write_demo_journal(tmp_path / "demo.sqlite3"), tmp_path / "window.ini")
    window.resize(1280, 760)
    window.show()
    qtbot.waitUntil(lambda: window._banner is not None, timeout=5000)
    yield window
    window.ops.wait_for_background()
    gc.enable()


def _choose(qtbot, window, choice: SchemeChoice) -> None:
    page = window.show_tab("Settings")
    box = page.findChild(SchemeSettings)
    combo = box.findChild(QComboBox)
    combo.setCurrentIndex(combo.findData(choice.value))
    qtbot.wait(20)  # the palette reaches each widget through posted events


def test_dark_from_settings_recolours_the_window_and_its_charts_at_once(qtbot, demo_window, tmp_path) -> None:
    window = demo_window
    trends = window.show_tab("Trends")
    chart = trends.charts["weekly"]
    assert not chart.theme.dark
    _choose(qtbot, window, SchemeChoice.DARK)
    assert is_dark(QGuiApplication.palette()) and is_dark(window.palette())
    assert QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat).value(SCHEME_KEY) == "dark"
    assert chart.theme.dark and max(chart.figure.get_facecolor()[:3]) < 0.2
    # History's pain colours are the dark scheme's (a 4/10 day is amber, light enough on a dark table)
    model = window.history.table.model()
    colours = {
        model.data(model.index(r, c), Qt.ItemDataRole.ForegroundRole).color().name()
        for r in range(min(model.rowCount(), 40))
        for c in range(model.columnCount())
        if model.data(model.index(r, c), Qt.ItemDataRole.ForegroundRole) is not None
    }
    assert colours and colours <= {DARK.error, DARK.caution, DARK.ok}
    _choose(qtbot, window, SchemeChoice.LIGHT)
    assert not is_dark(QGuiApplication.palette()) and not chart.theme.dark
    assert QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat).value(SCHEME_KEY) == "light"


def test_the_choice_is_this_computer_s_and_opens_the_next_window_dark(qtbot, tmp_path) -> None:
    ini = tmp_path / "window.ini"
    QSettings(str(ini), QSettings.Format.IniFormat).setValue(SCHEME_KEY, "dark")
    window = make_window(qtbot, tmp_path / "journal.sqlite3", ini)
    assert is_dark(QGuiApplication.palette())
    settings = window.show_tab("Settings").findChild(SchemeSettings)
    assert settings.findChild(QComboBox).currentData() == "dark"
    assert window.ops.read.settings() == type(window.ops.read.settings())()  # nothing about it in the journal


def test_system_follows_the_desktop_when_it_turns_dark(qtbot, tmp_path) -> None:
    window = make_window(qtbot, tmp_path / "journal.sqlite3", tmp_path / "window.ini")
    scheme = colour_scheme()
    assert scheme.choice is SchemeChoice.SYSTEM and not scheme.dark
    switched: list[bool] = []
    scheme.changed.connect(switched.append)
    hints = QGuiApplication.styleHints()
    scheme.system_scheme = lambda: Qt.ColorScheme.Dark  # the offscreen platform has no desktop scheme to change
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert scheme.dark and is_dark(QGuiApplication.palette()) and switched == [True]
    scheme.system_scheme = lambda: Qt.ColorScheme.Light
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not is_dark(QGuiApplication.palette()) and switched == [True, False]
    _choose(qtbot, window, SchemeChoice.LIGHT)  # a chosen scheme no longer follows the desktop
    scheme.system_scheme = lambda: Qt.ColorScheme.Dark
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not is_dark(QGuiApplication.palette())


# ---- what a person sees ---------------------------------------------------------------------------
def _background(image: QImage, rect: QRect) -> QColor:
    """The most common colour in ``rect`` of ``image``: the ground the text is drawn on."""
    counts: Counter[int] = Counter()
    for y in range(rect.top(), rect.bottom() + 1, 2):
        for x in range(rect.left(), rect.right() + 1, 2):
            counts[image.pixel(x, y) & 0xFFFFFF] += 1
    return QColor(counts.most_common(1)[0][0])


def _label_problems(window: QWidget, page_name: str) -> list[str]:
    image = window.grab().toImage()
    problems = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.isEnabled() or not label.text().strip() or label.pixmap().width():
            continue
        shown = label.visibleRegion().boundingRect()
        if shown.width() < 6 or shown.height() < 6:
            continue
        rect = QRect(label.mapTo(window, shown.topLeft()), shown.size()).intersected(image.rect())
        if rect.isEmpty():
            continue
        ground = _background(image, rect).name()
        texts = {label.palette().color(label.foregroundRole()).name()}
        texts |= _text_colours(label.text())
        if "<a " in label.text():
            texts.add(label.palette().color(QPalette.ColorRole.Link).name())
        for text in texts:
            if text == ground:  # a label whose text colour is its ground would be invisible: it is a problem too
                problems.append(f"{page_name}: {label.text()[:50]!r} {text} on {ground}")
            elif contrast_ratio(text, ground) < 4.5:
                ratio = contrast_ratio(text, ground)
                problems.append(f"{page_name}: {label.text()[:50]!r} {text} on {ground} ({ratio:.2f})")
    return problems


def _table_problems(window: QWidget, page_name: str) -> list[str]:
    """Coloured text in the tables (History's pain, Shoes' distance, the factors' difference) on their rows."""
    problems = []
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if not view.isVisible() or model is None:
            continue
        grounds = {view.palette().color(QPalette.ColorRole.Base).name()}
        if view.alternatingRowColors():
            grounds.add(view.palette().color(QPalette.ColorRole.AlternateBase).name())
        columns = 1 if isinstance(view, QListView) else model.columnCount(QModelIndex())
        for row in range(min(model.rowCount(QModelIndex()), 30)):
            for column in range(columns):
                index = model.index(row, column)
                brush = model.data(index, Qt.ItemDataRole.ForegroundRole)
                if brush is None:
                    continue
                text = brush.color().name()
                filled = model.data(index, Qt.ItemDataRole.BackgroundRole)
                for ground in {filled.color().name()} if filled is not None else grounds:
                    if contrast_ratio(text, ground) < 4.5:
                        problems.append(f"{page_name} table: {text} on {ground}")
    return problems


@pytest.mark.parametrize("choice", [SchemeChoice.LIGHT, SchemeChoice.DARK], ids=["light", "dark"])
def test_every_page_s_labels_read_against_what_is_drawn_behind_them(qtbot, demo_window, choice) -> None:
    window = demo_window
    _choose(qtbot, window, choice)
    assert is_dark(window.palette()) == (choice is SchemeChoice.DARK)
    problems: list[str] = []
    checked = 0
    for name in PAGES:
        window.show_tab(name)
        qtbot.wait(30)
        if name == "Report":
            page = window.show_tab("Report")
            qtbot.waitUntil(lambda page=page: "Running and pain summary" in page.preview_pane.text(), timeout=10000)
        problems += _label_problems(window, name)
        problems += _table_problems(window, name)
        checked += 1
    assert checked == len(PAGES)
    assert not problems, "\n".join(problems)


def test_the_report_preview_follows_the_scheme_and_the_pdf_colours_stay_light(qtbot, demo_window) -> None:
    from journal.ui.colours import REPORT_DARK, report_paper
    from journal.ui.report.printing import report_html

    window = demo_window
    page = window.show_tab("Report")
    qtbot.waitUntil(lambda: "Running and pain summary" in page.preview_pane.text(), timeout=10000)
    light_html = page.preview_pane.browser.toHtml()
    _choose(qtbot, window, SchemeChoice.DARK)
    page = window.show_tab("Report")
    qtbot.waitUntil(lambda: page.preview_pane.browser.toHtml() != light_html, timeout=5000)
    dark_html = page.preview_pane.browser.toHtml().lower()
    assert REPORT_DARK.tint["urgent"] in dark_html and report_paper().tint["urgent"] not in dark_html
    # the printed pages are built from the same blocks, always in the paper's colours
    document = page.preview_pane._document
    assert document is not None
    paper, _charts = report_html(document)
    assert report_paper().tint["urgent"] in paper and REPORT_DARK.tint["urgent"] not in paper


def test_a_form_s_error_text_is_the_scheme_s(qtbot, demo_window) -> None:
    from journal.ui.forms.run_dialog import RunDialog

    _choose(qtbot, demo_window, SchemeChoice.DARK)
    dialog = RunDialog(demo_window.ops, parent=demo_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.distance.setText("0")
    shown = [label for label in dialog.findChildren(QLabel) if label.isVisible() and "distance" in label.text().lower()]
    errors = [label for label in shown if label.palette().color(label.foregroundRole()).name() == DARK.error]
    assert errors, [(lb.text(), lb.palette().color(lb.foregroundRole()).name()) for lb in shown]
    ground = dialog.palette().color(QPalette.ColorRole.Window).name()
    assert contrast_ratio(DARK.error, ground) >= 4.5
    assert DARK.error in dialog.distance.styleSheet()  # the field's border too
    _choose(qtbot, demo_window, SchemeChoice.LIGHT)
    assert LIGHT.error in errors[0].styleSheet() and LIGHT.field_border in dialog.distance.styleSheet()


def test_a_platform_that_ignores_the_request_gets_the_app_s_own_dark_palette_a_moment_later(
    qtbot, tmp_path, monkeypatch
) -> None:
    """On a desktop platform the scheme asked for may come on the event loop: the app waits a moment for it, and
    only then draws the dark scheme itself (here the platform, offscreen, never answers)."""
    import journal.ui.scheme as scheme_module

    make_window(qtbot, tmp_path / "journal.sqlite3", tmp_path / "window.ini")
    monkeypatch.setattr(scheme_module, "NO_THEMES", ())
    scheme = colour_scheme()
    scheme.choose(SchemeChoice.DARK)
    assert not is_dark(QGuiApplication.palette()) and not scheme.dark  # the platform still has its chance
    qtbot.waitUntil(lambda: is_dark(QGuiApplication.palette()), timeout=2000)
    assert scheme.dark
