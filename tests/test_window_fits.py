"""The window and its dialogs fit the screen: first start, a remembered geometry, 1366 x 768, and a scale of 2.

The sizes on named screens are checked in a subprocess (``tests/screen_runner.py``): the
offscreen platform takes its screen from a configuration file, and QT_SCALE_FACTOR counts
only when set before the QApplication exists.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMargins, QRect

from journal.ui.window_size import ASSUMED_FRAME, COMFORTABLE, first_geometry, fitted

ROOT = Path(__file__).resolve().parents[1]


def _framed(geometry: QRect, frame: QMargins = ASSUMED_FRAME) -> QRect:
    return geometry.marginsAdded(frame)


@pytest.mark.parametrize(
    ("screen", "panel"),
    [((1280, 720), 0), ((1280, 720), 32), ((1366, 768), 40), ((1920, 1080), 40), ((2560, 1440), 48)],
    ids=["1280x720", "1280x720-panel", "1366x768-taskbar", "1920x1080", "2560x1440"],
)
def test_the_first_size_fits_the_available_area_title_bar_included(screen, panel) -> None:
    available = QRect(0, 0, screen[0], screen[1] - panel)
    geometry = first_geometry(available)
    assert available.contains(_framed(geometry)), (geometry, available)
    if available.width() >= 1400:  # a large screen is used well, not left with a small window
        assert geometry.width() >= 0.8 * available.width() and geometry.height() >= 0.8 * available.height()
    else:  # a laptop gets the size the window was designed at, or all the room there is
        assert geometry.width() >= min(COMFORTABLE.width(), available.width() - 8)
        assert geometry.height() >= min(COMFORTABLE.height(), available.height() - 42)


def test_a_geometry_saved_on_a_big_monitor_is_fitted_to_a_laptop() -> None:
    laptop = QRect(0, 0, 1366, 728)
    for saved in (QRect(1900, 40, 1800, 1000), QRect(-600, -300, 900, 700), QRect(100, 500, 1200, 700)):
        shown = fitted(saved, laptop)
        assert laptop.contains(_framed(shown)), (saved, shown)
        assert shown.width() <= saved.width() and shown.height() <= saved.height()
    inside = QRect(200, 100, 800, 500)
    assert fitted(inside, laptop) == inside  # a window that fits is left where it was


def _run(what: str, screen: tuple[int, int], tmp_path: Path, scale: float | None = None) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "test", "x": 0, "y": 0, "width": screen[0], "height": screen[1], "dpr": 1}]})
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_SCALE_FACTOR", "QT_QPA_PLATFORM")}
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    if scale is not None:
        env["QT_SCALE_FACTOR"] = str(scale)
    done = subprocess.run(
        [sys.executable, "-m", "tests.screen_runner", what],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert done.returncode == 0 and lines, done.stderr[-2000:]
    return json.loads(lines[-1].removeprefix("RESULT "))


def test_at_1366x768_the_window_and_its_status_bar_are_on_the_screen(tmp_path) -> None:
    result = _run("window,remembered,dialogs", (1366, 768), tmp_path)
    window = result["window"]
    available = QRect(*window["available"])
    left, top, right, bottom = window["assumed_frame"]
    before = QRect(*window["before_show"])
    assert available.contains(before.marginsAdded(QMargins(left, top, right, bottom)))  # a real title bar fits too
    assert available.contains(QRect(*window["frame"]))
    assert window["status_bar_visible"] and available.contains(QRect(*window["status_bar"]))
    assert before.width() >= 1180  # the size the window was designed at still fits a laptop's width
    for name, dialog in result["dialogs"].items():
        assert dialog["buttons_inside"], name
        assert dialog["size"][0] <= dialog["room"][0] and dialog["size"][1] <= dialog["room"][1], name
    assert result["dialogs"]["print preview"]["size"][1] >= 700  # tall enough to show a page, not a strip
    # a window remembered from a big monitor, beyond this screen's edge, reopens fitted and on it
    remembered = result["remembered"]
    saved = QRect(*remembered["saved"])
    assert not available.intersects(saved) and saved.width() > available.width()
    assert available.contains(QRect(*remembered["frame"])), remembered
    assert available.contains(QRect(*remembered["status_bar"])), remembered


def test_at_a_scale_of_2_the_window_and_dialogs_fit_and_charts_keep_their_words(tmp_path) -> None:
    """1366 x 768 at a scale of 2 is 683 x 384: the main window and its status bar are on the screen (History's
    filters wrap, pages scroll); every form scrolls and keeps Save in view; the charts, drawn at 200 dpi, keep
    their titles, axis titles, tick labels and the year inside the figure."""
    result = _run("window,dialogs,charts", (1366, 768), tmp_path, scale=2)
    assert result["scale"] == 2.0
    window = result["window"]
    available = QRect(*window["available"])
    assert available.contains(QRect(*window["frame"])), window  # it was 1092 x 424 with History's one-line filters
    assert window["status_bar_visible"] and available.contains(QRect(*window["status_bar"])), window
    for name, dialog in result["dialogs"].items():
        assert dialog["room"] == [683 - 8, 384 - 42]
        assert dialog["size"][0] <= dialog["room"][0] and dialog["size"][1] <= dialog["room"][1], (name, dialog)
        assert dialog["buttons_inside"], name
    charts = result["charts"]
    for name in ("trends weekly", "trends pain", "trends acwr", "trends jumps", "race"):
        chart = charts[name]
        assert chart["dpi"] == 200.0, name
        assert chart["texts"] >= 8 and chart["y_labels"], (name, chart)
        assert chart["outside"] == [], (name, chart["outside"])
        assert chart["header_visible"], name
    grid, minimum = charts["calendar"]["grid"], charts["calendar"]["grid_minimum"]
    assert grid[0] >= minimum[0] and grid[1] >= minimum[1]
