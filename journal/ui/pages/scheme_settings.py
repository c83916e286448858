"""Settings > Colours: light or dark, or the same as the desktop (``journal.ui.scheme``).

This computer's preference, not the journal's: it is kept in QSettings beside the window's
size, and applied at once, without a restart. The PDF and printed pages stay light.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QWidget

from journal.ui.colours import Tone
from journal.ui.scheme import SchemeChoice, colour_scheme, set_tone


class SchemeSettings(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Colours", parent)
        self.choice = QComboBox()
        for choice in SchemeChoice:
            self.choice.addItem(choice.label, choice.value)
        self.choice.setAccessibleName("Colour scheme")
        label = QLabel("Colo&ur scheme")
        label.setBuddy(self.choice)
        note = QLabel("For this computer. Reports and printouts stay light.")
        note.setWordWrap(True)
        set_tone(note, Tone.MUTED)
        layout = QHBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.choice)
        layout.addWidget(note, 1)
        scheme = colour_scheme()
        self.choice.setCurrentIndex(self.choice.findData(scheme.choice.value))
        self.choice.currentIndexChanged.connect(self._chosen)

    def _chosen(self) -> None:
        colour_scheme().choose(SchemeChoice(self.choice.currentData()))
