"""Check-in: how the back and hamstrings feel, how much pain got in the way, warning signs, and care taken today.

One row per region: pain 0-10 on the numeric rating scale (0 is a pain-free
record and counts), when it is felt, its character and whether it spreads.
All five regions are saved, so a pain-free day is on record as such. Then how
much pain got in the way of usual activities, running included (0-10, the
activity item of the PEG scale, Krebs et al. 2009; left unanswered it is not
stored). Warning signs are listed on the guidance's ladder: the emergency signs
first, under "call an emergency number", then those for "get medical help today";
saving a check-in with an emergency sign says at once what to do. Saving the
check-in and the day's care is one transaction.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal.analysis.flags import Severity
from journal.analysis.flags.index import LEGS, NUMB
from journal.analysis.flags.signs import SIGNS
from journal.domain.entries import CareEntry, CheckIn, RegionScore, Run
from journal.domain.validation import check_interference, check_score, check_text, check_when
from journal.domain.vocabulary import CareKind, Character, Radiates, Region, Timing, WarningSign
from journal.storage.journal import InvalidEntry
from journal.ui.forms.run_dialog import from_qdatetime, to_qdatetime
from journal.ui.forms.validated import FieldChecks, combo_value, message_label
from journal.ui.operations import JournalOperations, WriteFailed


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
        step = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(event.key())
        if step is not None and self.score() is not None:
            self.setText(str(min(10, max(0, self.score() + step))))
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


class RegionRow:
    """The widgets of one region's row in the grid."""

    def __init__(self, region: Region) -> None:
        self.region = region
        self.score = ScoreField()
        self.score.setAccessibleName(f"{region.label} pain score")
        self.timing = QComboBox()
        self.timing.addItem("When?", None)
        for t in Timing:
            self.timing.addItem(t.label, t)
        self.character = CharacterButton()
        self.radiates = QComboBox()
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


class CheckInDialog(QDialog):
    """New check-in (optionally right after ``run``) or edit ``checkin``. ``saved`` holds the result."""

    def __init__(
        self,
        ops: JournalOperations,
        checkin: CheckIn | None = None,
        run: Run | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = ops
        self._original = checkin
        self._run = run
        self.saved: CheckIn | None = None
        self.setWindowTitle("Edit check-in" if checkin else "Check-in: how does it feel?")

        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.checks = FieldChecks(self.buttons.button(QDialogButtonBox.StandardButton.Save))
        when_message = message_label()
        self.checks.add(self.when, when_message, lambda: check_when(from_qdatetime(self.when.dateTime())))

        top = QHBoxLayout()
        top.addWidget(QLabel("&When:", buddy=self.when))
        top.addWidget(self.when)
        top.addWidget(when_message)
        top.addStretch(1)

        grid_box = QGroupBox("Pain now, 0 (none) to 10 (worst imaginable)")
        grid = QGridLayout(grid_box)
        for col, title in enumerate(("Region", "Pain", "When felt", "Character", "Spreads")):
            header = QLabel(f"<b>{title}</b>")
            grid.addWidget(header, 0, col)
        self.rows: dict[Region, RegionRow] = {}
        default_timing = Timing.AFTER_RUN if run else None
        for i, region in enumerate(Region, start=1):
            row = RegionRow(region)
            label = QLabel(region.label)
            label.setBuddy(row.score)
            grid.addWidget(label, 2 * i - 1, 0)
            grid.addWidget(row.score, 2 * i - 1, 1)
            grid.addWidget(row.timing, 2 * i - 1, 2)
            grid.addWidget(row.character, 2 * i - 1, 3)
            grid.addWidget(row.radiates, 2 * i - 1, 4)
            grid.addWidget(row.message, 2 * i, 1, 1, 4)
            if default_timing:
                row.timing.setCurrentIndex(row.timing.findData(default_timing))
            self.checks.add(row.score, row.message, row.score.check)
            row.score.textChanged.connect(self._refresh)
            self.rows[region] = row

        function_box = QHBoxLayout()
        self.interference = QSpinBox()
        self.interference.setRange(-1, 10)
        self.interference.setSpecialValueText("not answered")
        self.interference.setValue(-1)
        self.interference.setAccessibleName("How much pain got in the way of usual activities, 0 to 10")
        self.interference.setToolTip("0 = not at all, 10 = completely (the activity question of the PEG scale)")
        interference_label = QLabel(
            "How much did pain &get in the way of your usual activities, running included? (0-10)"
        )
        interference_label.setBuddy(self.interference)
        interference_label.setWordWrap(True)
        function_box.addWidget(interference_label, 1)
        function_box.addWidget(self.interference)
        interference_message = message_label()
        self.checks.add(self.interference, interference_message, lambda: check_interference(self.interference_value()))

        signs_box = QGroupBox("Warning signs: tick any you have now")
        signs_layout = QVBoxLayout(signs_box)
        self.signs: dict[WarningSign, QCheckBox] = {}
        for severity, title in (
            (Severity.EMERGENCY, "<b>Call an emergency number or go to A&amp;E now</b> if you have back pain and:"),
            (Severity.URGENT, "<b>Get medical help today</b> (urgent GP appointment, urgent care or NHS 111) if:"),
        ):
            heading = QLabel(title)
            heading.setWordWrap(True)
            signs_layout.addWidget(heading)
            grid = QGridLayout()
            listed = [sign for sign in WarningSign if SIGNS[sign].severity is severity]
            for i, sign in enumerate(listed):
                box = QCheckBox(sign.label)
                box.setAccessibleName(f"Warning sign: {sign.label}")
                grid.addWidget(box, i // 2, i % 2)
                self.signs[sign] = box
            signs_layout.addLayout(grid)

        care_box = QGroupBox("Care taken today")
        care_layout = QGridLayout(care_box)
        self.care: dict[CareKind, QCheckBox] = {}
        for i, kind in enumerate(CareKind):
            box = QCheckBox(kind.label)
            care_layout.addWidget(box, i // 4, i % 4)
            self.care[kind] = box
        self.core_minutes = QSpinBox()
        self.core_minutes.setRange(0, 600)
        self.core_minutes.setSuffix(" min")
        self.core_minutes.setSpecialValueText("minutes?")
        self.painkiller_detail = QLineEdit()
        self.painkiller_detail.setPlaceholderText("painkiller name and dose (optional)")
        extra = QHBoxLayout()
        extra.addWidget(QLabel("Core / strength:"))
        extra.addWidget(self.core_minutes)
        extra.addWidget(self.painkiller_detail, 1)
        care_layout.addLayout(extra, 2, 0, 1, 4)
        self.care_note = QLabel()
        self.care_note.setStyleSheet("color: palette(mid);")
        care_layout.addWidget(self.care_note, 3, 0, 1, 4)

        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("Notes (optional)")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        notes_message = message_label()
        self.checks.add(self.notes, notes_message, lambda: check_text(self.notes.toPlainText()))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(grid_box)
        layout.addLayout(function_box)
        layout.addWidget(interference_message)
        layout.addWidget(signs_box)
        layout.addWidget(care_box)
        layout.addWidget(self.notes)
        layout.addWidget(notes_message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.when.dateTimeChanged.connect(self._refresh)
        self.notes.textChanged.connect(self._refresh)
        self.interference.valueChanged.connect(self._refresh)

        self._fill(checkin)
        self._refresh()
        self.rows[Region.LOWER_BACK].score.setFocus()
        self.rows[Region.LOWER_BACK].score.selectAll()

    def _fill(self, checkin: CheckIn | None) -> None:
        if checkin is None:
            self.when.setDateTime(to_qdatetime(datetime.now().replace(second=0, microsecond=0)))
            return
        self.when.setDateTime(to_qdatetime(checkin.recorded_at))
        for s in checkin.scores:
            self.rows[s.region].fill(s)
        for sign in checkin.warning_signs:
            self.signs[sign].setChecked(True)
        self.interference.setValue(-1 if checkin.interference is None else checkin.interference)
        self.notes.setPlainText(checkin.notes)
        self._existing_care = self._ops.read.care(checkin.day, checkin.day)
        for entry in self._existing_care:
            self.care[entry.kind].setEnabled(False)
            self.care[entry.kind].setChecked(True)
        if self._existing_care:
            self.care_note.setText("Care already logged for this day is ticked; delete it in History to change it.")

    def _refresh(self) -> None:
        self.checks.refresh()

    def interference_value(self) -> int | None:
        value = self.interference.value()
        return None if value < 0 else value

    def checkin_from_form(self) -> CheckIn:
        base = self._original or CheckIn(recorded_at=datetime.now(), run_id=self._run.id if self._run else None)
        return replace(
            base,
            recorded_at=from_qdatetime(self.when.dateTime()),
            scores=tuple(row.value() for row in self.rows.values()),
            warning_signs=tuple(s for s, box in self.signs.items() if box.isChecked()),
            notes=self.notes.toPlainText(),
            interference=self.interference_value(),
        )

    def care_from_form(self, checkin: CheckIn) -> list[CareEntry]:
        entries = []
        for kind, box in self.care.items():
            if not box.isChecked() or not box.isEnabled():
                continue
            minutes = self.core_minutes.value() or None if kind is CareKind.CORE_STRENGTH else None
            detail = self.painkiller_detail.text().strip() if kind is CareKind.PAINKILLER else ""
            entries.append(CareEntry(day=checkin.day, kind=kind, detail=detail, minutes=minutes))
        return entries

    def _save(self) -> None:
        if self.checks.refresh():
            return
        checkin = self.checkin_from_form()
        care = self.care_from_form(checkin)
        try:
            self.saved = self._ops.save_checkin(checkin, care)
        except InvalidEntry as exc:
            QMessageBox.warning(self, "Check-in not saved", "\n".join(exc.problems.values()))
            return
        except WriteFailed:  # the window says why (JournalOperations.failed); the form keeps what was typed
            return
        self.accept()
        emergency = [s for s in checkin.warning_signs if SIGNS[s].severity is Severity.EMERGENCY]
        numb_legs = {s.region for s in checkin.scores if NUMB.intersection(s.character)} >= set(LEGS)
        if numb_legs and WarningSign.BOTH_LEGS not in emergency:
            emergency.append(WarningSign.BOTH_LEGS)  # found in the scores: numbness or tingling in both hamstrings
        if emergency:
            self.emergency_notice = emergency_notice(emergency, self.parentWidget())


def emergency_notice(signs: list[WarningSign], parent: QWidget | None) -> QMessageBox:
    """Say at once what to do after an emergency sign is logged (shown without blocking; it deletes itself)."""
    listed = "".join(f"<li>{sign.label}</li>" for sign in signs)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Call an emergency number now")
    box.setText(f"<b>{Severity.EMERGENCY.action}</b>")
    box.setInformativeText(
        f"You logged:<ul>{listed}</ul>With back pain, the guidance (NHS, NICE) is to call 999 or go to A&amp;E "
        "for these. The flag stays on the Flags page until you confirm it has been checked."
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
