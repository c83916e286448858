"""Settings > Check-in reminders: a daily time, the morning after a run, and starting with the desktop session.

The reminder choices are journal settings (``Settings.reminder_*``, saved with the rest).
Starting with the session is this computer's, not the journal's: ticking it writes an XDG
autostart entry (``journal.ui.autostart``), unticking removes it, and where that is not
supported the box is disabled and says why. The note under the reminders says how they
will arrive here: from the tray icon, or, on a desktop without a tray, as a bar in the
window while it is open.

Signals:
    changed(): a reminder choice changed (the page saves the settings).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from pathlib import Path

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLabel, QTimeEdit

from journal import APP_NAME
from journal.domain.settings import Settings
from journal.ui import autostart
from journal.ui.colours import Tone
from journal.ui.reminders import tray_available
from journal.ui.scheme import set_tone


def _time_edit(name: str) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    edit.setAccessibleName(name)
    return edit


class ReminderSettings(QGroupBox):
    changed = Signal()

    def __init__(self, journal_path: Path) -> None:
        super().__init__("Check-in reminders")
        self._journal_path = journal_path
        self.daily = QCheckBox("Remind me to check in every day at")
        self.daily_time = _time_edit("Daily check-in reminder time")
        self.morning = QCheckBox("Remind me the morning after a run, at")
        self.morning_time = _time_edit("Morning-after reminder time")
        self.how = QLabel()
        self.how.setWordWrap(True)
        self.autostart = QCheckBox("Start with my desktop session, in the tray, to remind me")
        self.autostart_note = QLabel()
        self.autostart_note.setWordWrap(True)
        layout = QGridLayout(self)
        layout.addWidget(self.daily, 0, 0)
        layout.addWidget(self.daily_time, 0, 1)
        layout.addWidget(self.morning, 1, 0)
        layout.addWidget(self.morning_time, 1, 1)
        layout.setColumnStretch(2, 1)
        layout.addWidget(self.how, 2, 0, 1, 3)
        layout.addWidget(self.autostart, 3, 0, 1, 3)
        layout.addWidget(self.autostart_note, 4, 0, 1, 3)
        self._explain_delivery()
        self._load_autostart()
        for box in (self.daily, self.morning):
            box.toggled.connect(self._toggled)
        for edit in (self.daily_time, self.morning_time):
            edit.timeChanged.connect(lambda _t: self.changed.emit())
        self.autostart.toggled.connect(self._autostart_toggled)

    def fill(self, s: Settings) -> None:
        for widget in (self.daily, self.daily_time, self.morning, self.morning_time):
            widget.blockSignals(True)
        self.daily.setChecked(s.reminder_daily)
        self.daily_time.setTime(QTime(s.reminder_daily_time.hour, s.reminder_daily_time.minute))
        self.morning.setChecked(s.reminder_morning_after_run)
        self.morning_time.setTime(QTime(s.reminder_morning_time.hour, s.reminder_morning_time.minute))
        for widget in (self.daily, self.daily_time, self.morning, self.morning_time):
            widget.blockSignals(False)
        self._enable_times()

    def apply(self, s: Settings) -> Settings:
        """``s`` with the reminder choices of the form."""
        return replace(
            s,
            reminder_daily=self.daily.isChecked(),
            reminder_daily_time=_clock(self.daily_time.time()),
            reminder_morning_after_run=self.morning.isChecked(),
            reminder_morning_time=_clock(self.morning_time.time()),
        )

    def _toggled(self) -> None:
        self._enable_times()
        self.changed.emit()

    def _enable_times(self) -> None:
        self.daily_time.setEnabled(self.daily.isChecked())
        self.morning_time.setEnabled(self.morning.isChecked())

    def _explain_delivery(self) -> None:
        if tray_available():
            self.how.setText(
                f"Reminders come as desktop notifications from the {APP_NAME} icon in the system tray while the app "
                "runs; click one to check in. They never show your scores or notes. On start, a check-in is offered "
                "for a morning after a run that has none."
            )
        else:
            self.how.setText(
                "This desktop has no system tray, so reminders cannot come as desktop notifications: they show as a "
                f"bar at the top of the {APP_NAME} window while it is open, without your scores or notes. On start, "
                "a check-in is offered for a morning after a run that has none."
            )

    # ---- starting with the session -----------------------------------------------------------
    def _load_autostart(self) -> None:
        reason = autostart.unsupported_reason(self._journal_path)
        self.autostart.blockSignals(True)
        self.autostart.setChecked(reason is None and autostart.is_enabled())
        self.autostart.blockSignals(False)
        self.autostart.setEnabled(reason is None)
        self._note(reason or self._where(), error=False)

    def _where(self) -> str:
        path = autostart.entry_path()
        if autostart.is_enabled():
            return f"Starts at log-in, minimised to the tray (the entry is {path})."
        return f"Ticking this writes an autostart entry, {path}; unticking removes it."

    def _autostart_toggled(self, on: bool) -> None:
        try:
            if on:
                autostart.enable(self._journal_path)
            else:
                autostart.disable()
        except autostart.AutostartError as exc:
            self.autostart.blockSignals(True)
            self.autostart.setChecked(autostart.is_enabled())
            self.autostart.blockSignals(False)
            self._note(str(exc), error=True)
            return
        self._note(self._where(), error=False)

    def _note(self, text: str, error: bool) -> None:
        self.autostart_note.setText(text)
        set_tone(self.autostart_note, Tone.ERROR if error else Tone.MUTED)


def _clock(value: QTime) -> time:
    return time(value.hour(), value.minute())
