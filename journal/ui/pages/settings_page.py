"""Settings: units, week start, the name (and optional date of birth) for reports, paper, backups, risk profile,
and check-in reminders (``reminder_settings``).

The optional risk profile (NICE's factors that lower the bar for a doctor to look at
back pain) is used by the ``risk_factor_pain`` flag, which names the factor it used.

Each change is saved at once (one transaction) and announced with Change.SETTINGS,
so tables, charts and reports redraw in the new units or week start.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.domain.settings import PaperSize, Settings, WeekStart
from journal.domain.units import DistanceUnit
from journal.domain.validation import check_when
from journal.ui.accessible import name_controls
from journal.ui.colours import Tone
from journal.ui.forms.dates import open_date_range
from journal.ui.forms.validated import message_label
from journal.ui.operations import JournalOperations, WriteFailed
from journal.ui.pages.reminder_settings import ReminderSettings
from journal.ui.pages.scheme_settings import SchemeSettings
from journal.ui.pages.watched_folders_box import WatchedFoldersBox
from journal.ui.qt_dates import from_qdate, to_qdate
from journal.ui.scheme import set_tone


class SettingsPage(QWidget):
    def __init__(self, ops: JournalOperations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self.units = QComboBox()
        self.units.addItem("Kilometres", DistanceUnit.KM)
        self.units.addItem("Miles", DistanceUnit.MI)
        self.week_start = QComboBox()
        self.week_start.addItem("Monday", WeekStart.MONDAY)
        self.week_start.addItem("Sunday", WeekStart.SUNDAY)
        self.name = QLineEdit()
        self.name.setPlaceholderText("shown on the summary for your doctor")
        self.name.setMaxLength(200)
        self.dob = QDateEdit()
        self.dob.setCalendarPopup(True)
        self.dob.setDisplayFormat("yyyy-MM-dd")
        open_date_range(self.dob)  # a future date is refused with a message at the field, not silently
        self.dob_message = message_label()
        self.has_dob = QCheckBox("Show on reports")
        self.paper = QComboBox()
        for p in PaperSize:
            self.paper.addItem(p.value, p)
        self.backups = QSpinBox()
        self.backups.setRange(1, 100)
        self.backups.setSuffix(" backups")
        self.where = QLabel()
        self.where.setWordWrap(True)
        set_tone(self.where, Tone.MUTED)

        form = QFormLayout()
        form.addRow("&Distance units", self.units)
        form.addRow("&Weeks start on", self.week_start)
        form.addRow("Your na&me", self.name)
        dob_row = QHBoxLayout()
        dob_row.addWidget(self.dob)
        dob_row.addWidget(self.has_dob)
        dob_row.addStretch(1)
        dob_field = QVBoxLayout()
        dob_field.setSpacing(2)
        dob_field.addLayout(dob_row)
        dob_field.addWidget(self.dob_message)
        dob_label = QLabel("Date of &birth (optional)")
        dob_label.setBuddy(self.dob)  # a row of two widgets gets no buddy by itself, and then showed the "&"
        form.addRow(dob_label, dob_field)
        form.addRow("Paper si&ze", self.paper)
        form.addRow("&Keep the last", self.backups)

        risk_box = QGroupBox("Risk profile (optional)")
        risk_layout = QVBoxLayout(risk_box)
        risk_intro = QLabel(
            "NICE and the NHS name these as reasons for a doctor to look at back pain sooner. Tick any that apply: "
            "the flags then say “see a doctor” for back pain earlier, and name the reason. Your date of birth, "
            "when given, counts for the age."
        )
        risk_intro.setWordWrap(True)
        risk_layout.addWidget(risk_intro)
        self.risk_over_50 = QCheckBox("I am over 50")
        self.risk_cancer = QCheckBox("I have had cancer")
        self.risk_steroids = QCheckBox("I take steroid tablets long-term")
        self.risk_immune = QCheckBox("My immune system is weakened (by an illness or by medicines)")
        self.risk_boxes = (self.risk_over_50, self.risk_cancer, self.risk_steroids, self.risk_immune)
        for box in self.risk_boxes:
            box.setAccessibleName(f"Risk profile: {box.text()}")
            risk_layout.addWidget(box)

        self.reminders = ReminderSettings(ops.path)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(SchemeSettings())
        layout.addWidget(self.reminders)
        layout.addWidget(risk_box)
        self.watched_folders = WatchedFoldersBox(ops, self)
        layout.addWidget(self.watched_folders)
        layout.addWidget(self.where)
        layout.addStretch(1)
        name_controls(self)

        self._load()
        self.units.currentIndexChanged.connect(self._save)
        self.week_start.currentIndexChanged.connect(self._save)
        self.name.editingFinished.connect(self._save)
        self.dob.dateChanged.connect(self._save)
        self.has_dob.toggled.connect(self._save)
        self.paper.currentIndexChanged.connect(self._save)
        self.backups.valueChanged.connect(self._save)
        for box in self.risk_boxes:
            box.toggled.connect(self._save)
        self.reminders.changed.connect(self._save)

    def _load(self) -> None:
        s = self._ops.read.settings()
        self.units.setCurrentIndex(self.units.findData(s.units))
        self.week_start.setCurrentIndex(self.week_start.findData(s.week_start))
        self.name.setText(s.name)
        self.has_dob.setChecked(s.date_of_birth is not None)
        self.dob.setDate(to_qdate(s.date_of_birth or date(1985, 1, 1)))
        self.dob.setEnabled(s.date_of_birth is not None)
        self.paper.setCurrentIndex(self.paper.findData(s.paper_size))
        self.backups.setValue(s.backups_kept)
        self.risk_over_50.setChecked(s.risk_over_50)
        self.risk_cancer.setChecked(s.risk_cancer_history)
        self.risk_steroids.setChecked(s.risk_long_term_steroids)
        self.risk_immune.setChecked(s.risk_weakened_immune_system)
        self.reminders.fill(s)
        self.where.setText(f"Journal file: {self._ops.path}\nEverything stays on this computer.")

    def current(self) -> Settings:
        return self.reminders.apply(self._form_settings())

    def _form_settings(self) -> Settings:
        return replace(
            self._ops.read.settings(),
            units=DistanceUnit(self.units.currentData()),
            week_start=WeekStart(self.week_start.currentData()),
            name=self.name.text().strip(),
            date_of_birth=from_qdate(self.dob.date()) if self.has_dob.isChecked() else None,
            paper_size=PaperSize(self.paper.currentData()),
            backups_kept=self.backups.value(),
            risk_over_50=self.risk_over_50.isChecked(),
            risk_cancer_history=self.risk_cancer.isChecked(),
            risk_long_term_steroids=self.risk_steroids.isChecked(),
            risk_weakened_immune_system=self.risk_immune.isChecked(),
        )

    def dob_problem(self) -> str | None:
        """Why the date of birth cannot be saved (in the future, before 1900), shown at the field; None when it can."""
        if not self.has_dob.isChecked():
            return None
        return check_when(from_qdate(self.dob.date()))

    def _save(self) -> None:
        self.dob.setEnabled(self.has_dob.isChecked())
        problem = self.dob_problem()
        self.dob_message.setText(f"Date of birth not saved: {problem[:1].lower()}{problem[1:]}" if problem else "")
        self.dob_message.setVisible(bool(problem))
        self.dob.setAccessibleDescription(self.dob_message.text())
        new = self.current()
        if problem:  # the rest is saved; the date of birth stays as it was until it is fixed
            new = replace(new, date_of_birth=self._ops.read.settings().date_of_birth)
        if new != self._ops.read.settings():
            with suppress(WriteFailed):  # the window says why; the fields keep their values
                self._ops.save_settings(new)
