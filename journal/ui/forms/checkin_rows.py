"""The rows of the check-in's pain grid: a score field, the pain's character, and one region's widgets.

``ScoreField`` takes a whole number 0-10 typed (the arrow keys step it); ``RegionRow``
holds one region's score, timing, character and spread, and reads them back as a
``RegionScore`` (character and spread only count when the score is above 0).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLineEdit, QMenu, QStyle, QStyleOptionToolButton, QToolButton, QWidget

from journal.domain.entries import RegionScore
from journal.domain.validation import check_score
from journal.domain.vocabulary import Character, Radiates, Region, Timing
from journal.ui.forms.validated import combo_value, message_label


class ScoreField(QLineEdit):
    """A pain score typed as a number 0-10 (arrow keys step it); checked as you type."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("0", parent)
        self.setMaximumWidth(48)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setToolTip("0 = no pain, 10 = worst pain imaginable")

    def score(self) -> int | None:
        text = self.text().strip()
        digits = text.lstrip("-")
        return int(text) if digits.isascii() and digits.isdigit() else None

    def check(self) -> str | None:
        text = self.text().strip()
        if text and self.score() is None:
            return f"{text!r}: enter a whole number from 0 to 10"
        return check_score(self.score())

    def keyPressEvent(self, event) -> None:
        step = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))
        score = self.score()
        if step is not None and score is not None:
            self.setText(str(min(10, max(0, score + step))))
            return
        super().keyPressEvent(event)


class CharacterButton(QToolButton):
    """A compact multi-choice of the pain's character (ache, stiffness, sharp, ...)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu = QMenu(self)
        self._actions: dict[Character, QAction] = {}
        for c in Character:
            action = self._menu.addAction(c.label)
            action.setCheckable(True)
            action.toggled.connect(self._update_text)
            self._actions[c] = action
        self.setMenu(self._menu)
        self._update_text()

    def selected(self) -> tuple[Character, ...]:
        return tuple(c for c, a in self._actions.items() if a.isChecked())

    def set_selected(self, chosen: tuple[Character, ...]) -> None:
        for c, a in self._actions.items():
            a.setChecked(c in chosen)

    def _update_text(self) -> None:
        chosen = self.selected()
        self.setText(", ".join(c.label.split(" /")[0].lower() for c in chosen) if chosen else "Character…")

    def sizeHint(self) -> QSize:
        """Qt's hint plus the menu arrow's width: for an instant popup the style draws the arrow in the bottom
        right corner, inside the space Qt measured for the text only, over the end of "Character…"."""
        hint = super().sizeHint()
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        arrow = self.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, self)
        return QSize(hint.width() + arrow, hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class RegionRow:
    """The widgets of one region's row in the grid."""

    def __init__(self, region: Region) -> None:
        self.region = region
        self.score = ScoreField()
        self.score.setAccessibleName(f"{region.label}: pain score, 0 to 10")
        self.timing = QComboBox()
        self.timing.setAccessibleName(f"{region.label}: when felt")
        self.timing.addItem("When?", None)
        for t in Timing:
            self.timing.addItem(t.label, t)
        self.character = CharacterButton()
        self.character.setAccessibleName(f"{region.label}: character")
        self.radiates = QComboBox()
        self.radiates.setAccessibleName(f"{region.label}: spreads")
        for r in Radiates:
            self.radiates.addItem(r.label, r)
        self.message = message_label()

    def value(self) -> RegionScore:
        score = self.score.score() or 0
        return RegionScore(
            region=self.region,
            score=score,
            timing=combo_value(self.timing, Timing),
            character=self.character.selected() if score else (),
            radiates=combo_value(self.radiates, Radiates) if score else None,
        )

    def fill(self, s: RegionScore) -> None:
        self.score.setText(str(s.score))
        self.timing.setCurrentIndex(max(0, self.timing.findData(s.timing)))
        self.character.set_selected(s.character)
        self.radiates.setCurrentIndex(max(0, self.radiates.findData(s.radiates or Radiates.NONE)))
