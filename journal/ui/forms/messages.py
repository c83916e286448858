"""The small pieces of the forms that pages use too: the red message label and the combo box's enum value.

Kept apart from ``validated`` (the as-you-type checks, with their focus and event handling)
because the History page, built at start-up, needs only these: importing ``validated`` there
cost start-up about 4 ms of Qt classes the page never uses.
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from PySide6.QtWidgets import QComboBox, QLabel

from journal.ui.colours import Tone
from journal.ui.scheme import set_tone

E = TypeVar("E", bound=Enum)


def combo_value(combo: QComboBox, enum: type[E]) -> E | None:
    """The enum member stored as item data (Qt hands StrEnum data back as plain str)."""
    data = combo.currentData()
    return None if data is None else enum(data)


def message_label() -> QLabel:
    """A hidden, word-wrapped label in the scheme's error colour, for a field's message."""
    label = QLabel()
    set_tone(label, Tone.ERROR)
    label.setWordWrap(True)
    label.hide()
    return label
