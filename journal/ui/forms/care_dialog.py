"""Edit care entry: the kind of care, its day, minutes and detail, opened from History or the Calendar.

The form is filled in from the stored entry. Every field is checked as you type with
the core's checks (``journal.domain.validation``: a day not in the future, minutes
from 1 to 1,440 or none, a detail of at most 500 characters), and Save stays disabled
while anything is wrong (a message shows once its field is touched). Like every form,
Ctrl+Enter saves, Esc asks before discarding a change and F1 opens the guide
(``FormDialog``). Saving goes through ``JournalOperations.save_care`` (one
transaction; Edit > Undo puts the entry back as it was).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.domain.entries import CareEntry
from journal.domain.validation import check_minutes, check_text, check_when
from journal.domain.vocabulary import CareKind
from journal.ui.accessible import name_controls
from journal.ui.forms.dates import open_date_range
from journal.ui.forms.form_dialog import FormDialog
from journal.ui.forms.tab_order import follow_layout
from journal.ui.forms.validated import FieldChecks, combo_value, message_label
from journal.ui.operations import JournalOperations
from journal.ui.qt_dates import from_qdate, to_qdate

MAX_DETAIL = 500
"""The longest detail ``validate_care`` accepts."""
NO_MINUTES = "none"
"""What the minutes box shows at 0: the care was not timed (heat, a painkiller, a physio visit)."""


class CareDialog(FormDialog):
    """Edit a stored care entry (or log a new one, ``entry`` with no id). After ``accept()``, ``saved`` holds it."""

    def __init__(self, ops: JournalOperations, entry: CareEntry, parent: QWidget | None = None) -> None:
        question = "Discard the changes to this care entry?" if entry.id is not None else "Discard this care entry?"
        super().__init__(parent, question, "form-care")
        self._ops = ops
        self._original = entry
        self.saved: CareEntry | None = None
        self.setWindowTitle("Edit care entry" if entry.id is not None else "Log care")
        self.setMinimumWidth(500)  # the detail placeholder shows whole

        self.kind = QComboBox()
        for kind in CareKind:
            self.kind.addItem(kind.label, kind)
        self.kind.setAccessibleName("Kind of care")
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setAccessibleName("Day of the care")
        open_date_range(self.day)  # any date Qt can hold, so the check says why a future day is refused
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSuffix(" min")
        self.minutes.setSpecialValueText(NO_MINUTES)
        self.minutes.setAccessibleName("Minutes of care")
        self.minutes.setToolTip("How long it took (heat, ice, stretching, core work); 'none' when not timed")
        self.detail = QLineEdit()
        self.detail.setPlaceholderText("e.g. ibuprofen 400 mg, or what the physio did (optional)")
        self.detail.setAccessibleName("Detail of the care")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.checks = FieldChecks(self.save_button)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._add(form, "&Kind of care", self.kind, lambda: None)
        self._add(form, "&Day", self.day, lambda: check_when(from_qdate(self.day.date())))
        self._add(form, "&Minutes", self.minutes, lambda: check_minutes(self.minutes_value()))
        self._add(form, "De&tail", self.detail, lambda: check_text(self.detail.text(), MAX_DETAIL, "Detail"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        self._fill(entry)
        self.day.dateChanged.connect(self._refresh)
        self.minutes.valueChanged.connect(self._refresh)
        self.detail.textChanged.connect(self._refresh)
        self._refresh()
        self.checks.start_watching()
        self.mark_unchanged()
        follow_layout(self)
        name_controls(self)
        self.kind.setFocus()

    def _add(self, form: QFormLayout, label: str, widget: QWidget, check) -> None:
        message = message_label()
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(message)
        title = QLabel(label)
        title.setBuddy(widget)  # Alt+letter jumps to the field
        form.addRow(title, box)
        self.checks.add(widget, message, check)

    def _fill(self, entry: CareEntry) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(entry.kind)))
        self.day.setDate(to_qdate(entry.day))
        self.minutes.setValue(entry.minutes or 0)
        self.detail.setText(entry.detail)

    def _refresh(self) -> None:
        self.checks.refresh()

    def minutes_value(self) -> int | None:
        """The minutes typed, or None when the box says 'none'."""
        return self.minutes.value() or None

    def care_from_form(self) -> CareEntry:
        """The care entry as the form describes it (call only when the checks pass)."""
        kind = combo_value(self.kind, CareKind) or self._original.kind
        day: date = from_qdate(self.day.date())
        return replace(
            self._original, kind=kind, day=day, minutes=self.minutes_value(), detail=self.detail.text().strip()
        )

    def submit(self) -> None:
        """Save (Save or Ctrl+Enter) and close; or show every message and go to the first field to fix."""
        if self.checks.show_all() is not None:
            return
        entry = self.care_from_form()
        saved = self.save_or_say(
            "Care", lambda: self._ops.save_care(entry), "This care entry is no longer in the journal."
        )
        if saved is not None:
            self.saved = saved
            self.accept()
