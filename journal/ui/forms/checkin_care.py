"""The check-in's "Care taken today" box, and the quick fills: "same as last time" and "pain-free day".

"Same as last time" copies the previous check-in's scores, timings, characters,
spreads and interference, and its day's care, into the form for review before
saving. It does not copy warning signs (they are about now, and must be ticked
fresh) or notes.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QSpinBox

from journal.domain.entries import CareEntry, CheckIn, RegionScore
from journal.domain.vocabulary import CareKind, Region
from journal.storage.reader import JournalReader
from journal.ui.colours import Tone
from journal.ui.scheme import set_tone


class CareBox(QGroupBox):
    """Tick the care taken that day; core minutes and the painkiller's name and dose."""

    def __init__(self, columns: int = 2) -> None:
        super().__init__("Care taken today")
        layout = QGridLayout(self)
        self.boxes: dict[CareKind, QCheckBox] = {}
        for i, kind in enumerate(CareKind):
            box = QCheckBox(kind.label)
            layout.addWidget(box, i // columns, i % columns)
            self.boxes[kind] = box
        after = (len(CareKind) + columns - 1) // columns
        self.core_minutes = QSpinBox()
        self.core_minutes.setRange(0, 600)
        self.core_minutes.setSuffix(" min")
        self.core_minutes.setSpecialValueText("minutes?")
        self.core_minutes.setAccessibleName("Core or strength session, minutes")
        self.painkiller_detail = QLineEdit()
        self.painkiller_detail.setPlaceholderText("painkiller name and dose (optional)")
        self.painkiller_detail.setAccessibleName("Painkiller name and dose")
        core = QHBoxLayout()
        core.addWidget(QLabel("Core / strength:"))
        core.addWidget(self.core_minutes)
        core.addStretch(1)
        layout.addLayout(core, after, 0, 1, columns)
        layout.addWidget(self.painkiller_detail, after + 1, 0, 1, columns)
        self.note = QLabel()
        set_tone(self.note, Tone.MUTED)
        self.note.setWordWrap(True)
        layout.addWidget(self.note, after + 2, 0, 1, columns)

    def show_logged(self, existing: list[CareEntry]) -> None:
        """Care already logged for the day: ticked and locked (it is changed in History)."""
        for entry in existing:
            self.boxes[entry.kind].setEnabled(False)
            self.boxes[entry.kind].setChecked(True)
        if existing:
            self.note.setText(
                "Care already logged for this day is ticked; change or delete it in History (Edit on the day's row)."
            )

    def copy_from(self, care: list[CareEntry]) -> None:
        """Tick what ``care`` holds (boxes already locked stay as they are)."""
        kinds = {e.kind for e in care}
        for kind, box in self.boxes.items():
            if box.isEnabled():
                box.setChecked(kind in kinds)
        minutes = sum(e.minutes or 0 for e in care if e.kind is CareKind.CORE_STRENGTH)
        self.core_minutes.setValue(minutes)
        details = [e.detail.strip() for e in care if e.kind is CareKind.PAINKILLER and e.detail.strip()]
        self.painkiller_detail.setText(", ".join(dict.fromkeys(details)))

    def entries(self, checkin: CheckIn) -> list[CareEntry]:
        """New care entries for the check-in's day (not those already logged)."""
        out = []
        for kind, box in self.boxes.items():
            if not box.isChecked() or not box.isEnabled():
                continue
            minutes = self.core_minutes.value() or None if kind is CareKind.CORE_STRENGTH else None
            detail = self.painkiller_detail.text().strip() if kind is CareKind.PAINKILLER else ""
            out.append(CareEntry(day=checkin.day, kind=kind, detail=detail, minutes=minutes))
        return out


def previous_checkin(journal: JournalReader, before: datetime, leave_out: int | None = None) -> CheckIn | None:
    """The latest check-in recorded before ``before`` (not the one with id ``leave_out``, being edited)."""
    earlier = journal.checkins(None, before.date())
    for checkin in reversed(earlier):
        if checkin.recorded_at < before and checkin.id != leave_out:
            return checkin
    return None


def scores_like(previous: CheckIn) -> dict[Region, RegionScore]:
    """The previous check-in's score per region; a region it did not score counts as 0."""
    by_region = {s.region: s for s in previous.scores}
    return {r: by_region.get(r, RegionScore(r, 0)) for r in Region}
