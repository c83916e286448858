"""The body map: the figure read from resources/body-back.svg, and the map in the check-in driven as a person would."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor

from journal.domain.body_map import BODY_MAP_SVG, BodyMapError, ShapeKind, body_map, parse_body_map, parse_path_data
from journal.domain.pain_scale import PAIN_COLOURS, relative_luminance, text_colour_on
from journal.domain.vocabulary import Region
from journal.storage.journal import Journal
from journal.ui.forms.body_map import painter_path
from journal.ui.forms.checkin_dialog import CheckInDialog
from journal.ui.operations import JournalOperations


def test_the_svg_has_one_path_per_region_named_by_its_identifier() -> None:
    figure = body_map()
    assert set(figure.regions) == set(Region)
    text = BODY_MAP_SVG.read_text()
    for region in Region:
        assert f'id="{region.value}"' in text
    assert figure.of_kind(ShapeKind.SILHOUETTE)


def test_seen_from_behind_the_persons_left_is_on_the_viewers_left() -> None:
    regions = body_map().regions
    assert regions[Region.HAMSTRING_LEFT].label_point[0] < regions[Region.HAMSTRING_RIGHT].label_point[0]
    # top to bottom: between the shoulders, lower back, glutes, hamstrings
    ys = [regions[r].label_point[1] for r in (Region.UPPER_BACK, Region.LOWER_BACK, Region.GLUTE_HIP)]
    assert ys == sorted(ys) and ys[-1] < regions[Region.HAMSTRING_LEFT].label_point[1]


def test_every_region_lies_on_the_body(qapp) -> None:
    figure = body_map()
    body = painter_path(figure.of_kind(ShapeKind.SILHOUETTE)[0])
    for region, shape in figure.regions.items():
        assert body.contains(painter_path(shape)), region


def test_an_svg_the_app_cannot_draw_is_refused_with_the_reason() -> None:
    with pytest.raises(BodyMapError, match="'a'"):
        parse_path_data("M0,0 a5,5 0 0 1 10,10 Z")
    text = BODY_MAP_SVG.read_text().replace('id="glute_hip"', 'id="knee"')
    with pytest.raises(BodyMapError, match="knee"):
        parse_body_map(text)
    without = "\n".join(line for line in BODY_MAP_SVG.read_text().splitlines() if 'id="glute_hip"' not in line)
    with pytest.raises(BodyMapError, match="no path for: glute_hip"):
        parse_body_map(without)


def test_the_colour_scale_darkens_step_by_step_and_numbers_stay_readable() -> None:
    lums = [relative_luminance(c) for c in PAIN_COLOURS]
    assert len(PAIN_COLOURS) == 11 and lums == sorted(lums, reverse=True)
    for colour in PAIN_COLOURS:
        text = text_colour_on(colour)
        ratio = (max(relative_luminance(colour), relative_luminance(text)) + 0.05) / (
            min(relative_luminance(colour), relative_luminance(text)) + 0.05
        )
        assert ratio >= 4.5, colour  # WCAG AA for normal text


@pytest.fixture
def dialog(qtbot, journal_path):
    ops = JournalOperations(Journal.open(journal_path))
    d = CheckInDialog(ops, when=datetime(2026, 3, 2, 8, 0))
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    yield d
    d.close()
    ops.read.close()


def test_clicking_a_region_then_a_score_sets_the_field_and_saves(qtbot, dialog, journal_path) -> None:
    body = dialog.body_map
    qtbot.mouseClick(body, Qt.MouseButton.LeftButton, pos=body.region_centre(Region.HAMSTRING_RIGHT).toPoint())
    chooser = body.chooser
    assert chooser is not None and chooser.isVisible()
    qtbot.mouseClick(chooser.buttons[6], Qt.MouseButton.LeftButton)
    assert dialog.rows[Region.HAMSTRING_RIGHT].score.text() == "6"
    assert dialog.rows[Region.HAMSTRING_LEFT].score.text() == "0"
    assert body.spots[Region.HAMSTRING_RIGHT].accessibleName() == "Right hamstring pain score, 6 of 10"
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    with Journal.open(journal_path) as j:
        [saved] = j.checkins()
        assert saved.score_for(Region.HAMSTRING_RIGHT) == 6 and saved.score_for(Region.HAMSTRING_LEFT) == 0


def test_clicking_outside_the_regions_opens_nothing(qtbot, dialog) -> None:
    body = dialog.body_map
    qtbot.mouseClick(body, Qt.MouseButton.LeftButton, pos=body.transform().map(QPointF(120, 30)).toPoint())  # head
    assert body.chooser is None


def test_the_keyboard_sets_scores_and_moves_between_regions(qtbot, dialog) -> None:
    body = dialog.body_map
    spot = body.spots[Region.HAMSTRING_LEFT]
    spot.setFocus()
    qtbot.keyClicks(spot, "10")
    assert dialog.rows[Region.HAMSTRING_LEFT].score.text() == "10"
    qtbot.keyClick(spot, Qt.Key.Key_Minus)
    assert dialog.rows[Region.HAMSTRING_LEFT].score.text() == "9"
    qtbot.keyClick(spot, Qt.Key.Key_Right)
    right = body.spots[Region.HAMSTRING_RIGHT]
    assert right.hasFocus()
    qtbot.keyClicks(right, "3")
    qtbot.keyClick(right, Qt.Key.Key_Plus)
    assert dialog.rows[Region.HAMSTRING_RIGHT].score.text() == "4"
    qtbot.keyClick(right, Qt.Key.Key_Up)
    assert body.spots[Region.GLUTE_HIP].hasFocus()
    assert spot.accessibleName() == "Left hamstring pain score, 9 of 10"


def test_tab_reaches_every_region_from_top_to_bottom(qtbot, dialog) -> None:
    body = dialog.body_map
    order = list(body.spots)
    assert order[:3] == [Region.UPPER_BACK, Region.LOWER_BACK, Region.GLUTE_HIP]
    assert order[3:] == [Region.HAMSTRING_LEFT, Region.HAMSTRING_RIGHT]
    body.spots[Region.UPPER_BACK].setFocus()
    seen = [Region.UPPER_BACK]
    for _ in range(4):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        seen.append(next(r for r, s in body.spots.items() if s.hasFocus()))
    assert seen == order


def test_typing_in_a_score_field_recolours_the_map(qtbot, dialog) -> None:
    field = dialog.rows[Region.LOWER_BACK].score
    field.selectAll()
    qtbot.keyClicks(field, "7")
    body = dialog.body_map
    assert body.score(Region.LOWER_BACK) == 7
    image = body.grab().toImage()
    ratio = body.devicePixelRatioF()
    x, y = body.figure.regions[Region.LOWER_BACK].label_point
    beside = body.transform().map(QPointF(x - 25, y))  # inside the region, left of the number
    sample = image.pixelColor(int(beside.x() * ratio), int(beside.y() * ratio))
    assert sample.name() == QColor(PAIN_COLOURS[7]).name()
    field.setText("12")
    assert body.score(Region.LOWER_BACK) is None
    assert body.spots[Region.LOWER_BACK].accessibleName() == "Lower back pain score, not a valid number"
