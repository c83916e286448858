"""Log run / Edit run: the form a runner fills in right after a run, by mouse or keyboard alone.

Defaults save typing: now, the last shoes and the last surface. Distance is in
the unit from Settings and stored in metres. Every field is checked as you
type (``journal.domain.validation``; a message shows once the field is touched)
and Save stays disabled while anything is wrong, with a hint saying what it
waits for. Saving goes through ``JournalOperations.save_run`` (one transaction).
Ctrl+Enter saves, Esc asks before discarding a changed form (``form_dialog``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from journal.domain.entries import Run
from journal.domain.units import format_pace, from_metres, parse_duration, to_metres
from journal.domain.validation import check_distance_m, check_duration_s, check_pace, check_text, check_when
from journal.domain.vocabulary import FootStrike, Surface
from journal.ui.accessible import name_controls
from journal.ui.colours import Tone
from journal.ui.forms.dates import open_date_range
from journal.ui.forms.form_dialog import FormDialog
from journal.ui.forms.tab_order import follow_layout
from journal.ui.forms.validated import FieldChecks, combo_value, message_label
from journal.ui.operations import JournalOperations
from journal.ui.qt_dates import from_qdatetime, to_qdatetime
from journal.ui.scheme import set_tone
from journal.ui.window_size import scroll_body

EFFORT_LABELS = {
    1: "very easy",
    2: "easy",
    3: "moderate",
    4: "somewhat hard",
    5: "hard",
    6: "hard",
    7: "very hard",
    8: "very hard",
    9: "very, very hard",
    10: "maximal",
}
"""Borg CR-10 anchors as used for session RPE (Foster et al. 2001)."""


def parse_number(text: str) -> float:
    """Parse a decimal typed with a point or a comma; ValueError with a readable message."""
    text = text.strip().replace(",", ".")
    if not text:
        raise ValueError("Enter the distance")
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None


class RunDialog(FormDialog):
    """Log a new run (``run`` None) or edit one. After ``accept()``, ``saved`` holds the stored run."""

    def __init__(self, ops: JournalOperations, run: Run | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, "Discard the changes to this run?" if run else "Discard this run?", "form-run")
        self._ops = ops
        self._original = run
        self.saved: Run | None = None
        self._unit = ops.read.settings().units
        self.setWindowTitle("Edit run" if run else "Log run")
        self.setMinimumWidth(460)

        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        open_date_range(self.when)
        self.distance = QLineEdit()
        self.distance.setPlaceholderText(f"e.g. 8.2 ({self._unit.value})")
        self.duration = QLineEdit()
        self.duration.setPlaceholderText("optional: h:mm:ss or minutes")
        self.pace = QLabel()
        set_tone(self.pace, Tone.MUTED)
        self.effort = QComboBox()
        self.effort.addItem("Not set", None)
        for value, label in EFFORT_LABELS.items():
            self.effort.addItem(f"{value} - {label}", value)
        self.surface = QComboBox()
        self.surface.addItem("Not set", None)
        for s in Surface:
            self.surface.addItem(s.label, s)
        self.shoe = QComboBox()
        self.shoe.setEditable(True)
        self.shoe.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        shoe_text = self.shoe.lineEdit()
        if shoe_text is not None:
            shoe_text.setPlaceholderText("none, or type a new name")
        self.shoe.addItem("")
        for shoe in ops.read.shoes():
            if not shoe.retired or (run and run.shoe == shoe.name):
                self.shoe.addItem(shoe.name)
        self.foot_strike = QComboBox()
        self.foot_strike.addItem("Not set", None)
        for f in FootStrike:
            self.foot_strike.addItem(f.label, f)
        self.stretched = QCheckBox("Stretched / warmed up before")
        self.hydrated = QCheckBox("Drank water during")
        self.hot = QCheckBox("Hot or humid day")
        self.stopped = QCheckBox("Stopped or cut short because of pain")
        self.stopped.setToolTip("Tick if pain made you stop, walk or turn back: the journal suggests a break")
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("Anything worth remembering (optional)")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.then_check_in = QCheckBox("Check in how it feels after saving")
        self.then_check_in.setChecked(run is None)
        self.then_check_in.setVisible(run is None)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.checks = FieldChecks(save)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._add(form, "&Date and time", self.when, self._check_when)
        self._add(form, f"Dis&tance ({self._unit.value})", self.distance, self._check_distance)
        self._add(form, "D&uration", self.duration, self._check_duration, extra=self.pace)
        form.addRow("&Effort (1-10)", self.effort)
        form.addRow("Sur&face", self.surface)
        form.addRow("S&hoes", self.shoe)
        form.addRow("F&oot strike", self.foot_strike)
        ticks = QVBoxLayout()
        for box in (self.stretched, self.hydrated, self.hot, self.stopped):
            ticks.addWidget(box)
        form.addRow("", ticks)
        self._add(form, "&Notes", self.notes, lambda: check_text(self.notes.toPlainText()))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.then_check_in)
        layout.addWidget(self.checks.hint)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        self._fill(run)
        for signal in (
            self.when.dateTimeChanged,
            self.distance.textChanged,
            self.duration.textChanged,
            self.notes.textChanged,
        ):
            signal.connect(self._refresh)
        self._refresh()
        scroll_body(self)  # the form scrolls on a small screen, Save stays in view
        self.checks.start_watching()
        self.not_counted.append(self.then_check_in)  # a choice about what comes next, not part of the run
        self.mark_unchanged()
        follow_layout(self)
        name_controls(self)
        self.distance.setFocus()

    def _add(self, form: QFormLayout, label: str, widget: QWidget, check, extra: QWidget | None = None) -> None:
        message = message_label()
        box = QVBoxLayout()
        box.setSpacing(2)
        if extra is not None:
            row = QHBoxLayout()
            row.addWidget(widget, 1)
            row.addWidget(extra)
            box.addLayout(row)
        else:
            box.addWidget(widget)
        box.addWidget(message)
        title = QLabel(label)
        title.setBuddy(widget)  # Alt+letter jumps to the field
        form.addRow(title, box)
        self.checks.add(widget, message, check)

    def _fill(self, run: Run | None) -> None:
        if run is None:
            self.when.setDateTime(to_qdatetime(datetime.now().replace(second=0, microsecond=0)))
            last = self._ops.read.last_run()
            if last is not None:
                self._select(self.surface, last.surface)
                if last.shoe:
                    self.shoe.setCurrentText(last.shoe)
                self._select(self.foot_strike, last.foot_strike)
            return
        self.when.setDateTime(to_qdatetime(run.started_at))
        self.distance.setText(f"{from_metres(run.distance_m, self._unit):.2f}")
        if run.duration_s:
            self.duration.setText(self._format_duration(run.duration_s))
        self._select(self.effort, run.effort)
        self._select(self.surface, run.surface)
        self.shoe.setCurrentText(run.shoe or "")
        self._select(self.foot_strike, run.foot_strike)
        self.stretched.setChecked(bool(run.stretched))
        self.hydrated.setChecked(bool(run.hydrated))
        self.hot.setChecked(bool(run.hot))
        self.stopped.setChecked(bool(run.stopped_for_pain))
        self.notes.setPlainText(run.notes)

    @staticmethod
    def _format_duration(seconds: int) -> str:
        h, rest = divmod(seconds, 3600)
        m, s = divmod(rest, 60)
        return f"{h}:{m:02d}:{s:02d}"

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    # ---- checks ------------------------------------------------------------------------------
    def _check_when(self) -> str | None:
        return check_when(from_qdatetime(self.when.dateTime()))

    def _distance_m(self) -> float:
        return to_metres(parse_number(self.distance.text()), self._unit)

    def _check_distance(self) -> str | None:
        return check_distance_m(self._distance_m(), self._unit)

    def _check_duration(self) -> str | None:
        seconds = parse_duration(self.duration.text())
        try:
            metres = self._distance_m()
        except ValueError:  # the distance says what is wrong with it; the pace waits for it
            return check_duration_s(seconds)
        return check_duration_s(seconds) or check_pace(metres, seconds, self._unit)

    def _refresh(self) -> None:
        problems = self.checks.refresh()
        pace = ""
        if self.distance not in problems and self.duration not in problems:
            seconds = parse_duration(self.duration.text())
            if seconds:
                pace = format_pace(seconds / (self._distance_m() / 1000.0), self._unit)
        self.pace.setText(pace)

    # ---- saving ------------------------------------------------------------------------------
    def run_from_form(self) -> Run:
        """The run as the form describes it (call only when the checks pass)."""
        base = self._original or Run(started_at=datetime.now(), distance_m=1.0)
        return replace(
            base,
            started_at=from_qdatetime(self.when.dateTime()),
            distance_m=round(self._distance_m(), 1),
            duration_s=parse_duration(self.duration.text()),
            effort=self.effort.currentData(),
            surface=combo_value(self.surface, Surface),
            shoe=self.shoe.currentText().strip() or None,
            foot_strike=combo_value(self.foot_strike, FootStrike),
            stretched=self.stretched.isChecked(),
            hydrated=self.hydrated.isChecked(),
            hot=self.hot.isChecked(),
            stopped_for_pain=self.stopped.isChecked(),
            notes=self.notes.toPlainText(),
        )

    def submit(self) -> None:
        if self.checks.show_all() is not None:
            return
        run = self.run_from_form()
        saved = self.save_or_say("Run", lambda: self._ops.save_run(run))
        if saved is not None:
            self.saved = saved
            self.accept()
